"""`python -m bot.resources check [--path P] [--today YYYY-MM-DD]`: the directory check.

The project's command for it is `bot resources check` (bot/cli.py; the `bot` script comes from
pyproject.toml's [project.scripts], installed into .venv by `make setup`), which is what
`make check-resources` and `make test` run. That command and this module both call
bot.resources.check.main, so they check the same things and exit the same way (1 on errors);
this entry point is for running the check where the `bot` script is not installed.
"""

from __future__ import annotations

import sys

from .check import main as check_main

_USAGE = "usage: python -m bot.resources check [--path P] [--today YYYY-MM-DD]"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] != "check":
        print(_USAGE, file=sys.stderr)
        return 2
    return check_main(args[1:])


if __name__ == "__main__":
    sys.exit(main())
