"""`bot` command line: staff tools that run beside the assistant."""

from __future__ import annotations

import argparse
import sys

from bot.resources import check


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bot", description="Nurture staff tools.")
    groups = parser.add_subparsers(dest="group", required=True)
    resources = groups.add_parser("resources", help="the signposting resource directory")
    commands = resources.add_subparsers(dest="command", required=True)
    commands.add_parser(
        "check", help="validate the directory and list stale entries", add_help=False
    )
    args, rest = parser.parse_known_args(sys.argv[1:] if argv is None else argv)
    if args.group == "resources" and args.command == "check":
        return check.main(rest)
    parser.error("unknown command")
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
