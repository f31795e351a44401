"""`python -m bot.resources check [--path P] [--today YYYY-MM-DD]`.

Gives the `bot resources check` command a home until the project has a
top-level `bot` CLI; that CLI can call bot.resources.check.main directly.
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
