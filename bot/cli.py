"""`bot` command line: staff tools that run beside the assistant."""

from __future__ import annotations

import argparse
import sys

from bot.resources import check
from bot.review import cli as review_cli


def _add_review(groups: argparse._SubParsersAction) -> None:
    """`bot review ...`: the review app's commands (bot/review/cli.py) and retention purge."""
    from bot.privacy import retention

    review = groups.add_parser("review", help="stored conversations and the staff review app")
    commands = review.add_subparsers(dest="command", required=True)
    review_cli.register(commands)
    purge = commands.add_parser(
        "purge", help="delete conversations older than BOT_RETENTION_DAYS (default 90)"
    )
    retention.add_arguments(purge)
    purge.set_defaults(handler=retention.run)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bot", description="Nurture staff tools.")
    groups = parser.add_subparsers(dest="group", required=True)
    resources = groups.add_parser("resources", help="the signposting resource directory")
    commands = resources.add_subparsers(dest="command", required=True)
    commands.add_parser(
        "check", help="validate the directory and list stale entries", add_help=False
    )
    _add_review(groups)
    args, rest = parser.parse_known_args(sys.argv[1:] if argv is None else argv)
    if args.group == "resources" and args.command == "check":
        return check.main(rest)
    handler = getattr(args, "handler", None)
    if handler is not None:
        if rest:
            parser.error(f"unrecognized arguments: {' '.join(rest)}")
        return handler(args)
    parser.error("unknown command")
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
