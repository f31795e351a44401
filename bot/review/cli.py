"""`bot review add-user|set-password|serve`: staff accounts and the review app.

bot/cli.py owns the `review` group (with `review purge` beside these commands) and
calls `register()` with its sub-commands; each command sets `handler(args) -> int`.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import sys
from dataclasses import replace
from typing import TextIO

from .config import ReviewConfig
from .roles import ROLES


class _InputError(ValueError):
    """The password typed at the prompt cannot be used."""


def read_password(stdin: TextIO | None = None) -> str:
    """Ask twice on a terminal; otherwise take the first line of stdin (for scripts)."""
    stdin = stdin or sys.stdin
    if not stdin.isatty():
        return stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Repeat password: ") != first:
        raise _InputError("The passwords did not match.")
    return first


def _config(args: argparse.Namespace) -> ReviewConfig:
    config = ReviewConfig.from_env()
    if getattr(args, "db", None):
        config = replace(config, db_url=args.db)
    return config


def add_user(args: argparse.Namespace) -> int:
    from .db import connect
    from .users import UserError, create_user

    engine = connect(_config(args).db_url)
    try:
        user = create_user(engine, args.name, read_password(), args.role)
    except (UserError, _InputError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"Created {user.role} account {user.name!r}.")
    return 0


def change_password(args: argparse.Namespace) -> int:
    from .db import connect
    from .users import UserError, find_user, set_password

    engine = connect(_config(args).db_url)
    user = find_user(engine, args.name)
    if user is None:
        print(f"error: no staff account called {args.name!r}", file=sys.stderr)
        return 1
    try:
        set_password(engine, user.id, read_password())
    except (UserError, _InputError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"Password changed for {user.name!r}; the account is unlocked and signed out.")
    return 0


def serve(args: argparse.Namespace) -> int:
    from .app import create_app

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    config = _config(args)
    config = replace(config, host=args.host or config.host, port=args.port or config.port)
    if config.secret_generated:
        logging.warning(
            "BOT_REVIEW_SECRET is not set: using a per-process secret, so staff "
            "must log in again after every restart."
        )
    if config.host not in ("127.0.0.1", "localhost", "::1") and config.cookie_secure != "true":
        logging.warning(
            "Serving on %s without BOT_REVIEW_COOKIE_SECURE=true: put it behind "
            "HTTPS and set that variable.",
            config.host,
        )
    app = create_app(config)
    print(f"Staff review app on http://{config.host}:{config.port}/ (Ctrl-C stops it)", flush=True)
    app.run(host=config.host, port=config.port, access_log=False, workers=1, motd=False)
    return 0


def register(commands: argparse._SubParsersAction) -> None:
    """Add add-user, set-password and serve to the `bot review` sub-commands."""
    add = commands.add_parser(
        "add-user", help="create a staff account (password from prompt/stdin)"
    )
    add.add_argument("name")
    add.add_argument("--role", choices=ROLES, required=True)
    add.add_argument("--db", help="SQLAlchemy URL (default: BOT_DB_URL or var/nurture.db)")
    add.set_defaults(handler=add_user)

    password = commands.add_parser("set-password", help="reset a staff password and unlock it")
    password.add_argument("name")
    password.add_argument("--db", help="SQLAlchemy URL (default: BOT_DB_URL or var/nurture.db)")
    password.set_defaults(handler=change_password)

    run = commands.add_parser("serve", help="start the review app")
    run.add_argument("--host", help="bind address (default: BOT_REVIEW_HOST or 127.0.0.1)")
    run.add_argument("--port", type=int, help="port (default: BOT_REVIEW_PORT or 8090)")
    run.add_argument("--db", help="SQLAlchemy URL (default: BOT_DB_URL or var/nurture.db)")
    run.set_defaults(handler=serve)
