"""Retention: stored events older than `BOT_RETENTION_DAYS` (default 90) are deleted.

Each event goes once it is older than the period, so a conversation disappears entirely that
long after its last message. `bot review purge` runs this by hand or from cron; the tracker
store also runs it at start-up and at most once a day while saving.
"""

from __future__ import annotations

import argparse
import time

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from bot.privacy import database, settings

SECONDS_PER_DAY = 86_400
EVENTS = database.EVENTS


def cutoff(days: int, now: float | None = None) -> float:
    """The oldest timestamp still kept."""
    return (time.time() if now is None else now) - days * SECONDS_PER_DAY


def purge(engine: Engine, days: int, now: float | None = None, dry_run: bool = False) -> int:
    """Deletes events older than `days`; returns how many were (or would be) deleted."""
    if not database.has_events(engine):
        return 0
    old = EVENTS.c.timestamp < cutoff(days, now)
    with engine.begin() as connection:
        if dry_run:
            return connection.execute(sa.select(sa.func.count()).where(old)).scalar_one()
        return connection.execute(EVENTS.delete().where(old)).rowcount


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--days", type=int, help="retention period (default BOT_RETENTION_DAYS)")
    parser.add_argument("--db-url", help="SQLAlchemy URL (default BOT_DB_URL or var/nurture.db)")
    parser.add_argument("--dry-run", action="store_true", help="count, delete nothing")


def run(args: argparse.Namespace) -> int:
    """`bot review purge`: prints how many events were deleted."""
    days = settings.retention_days(args.days)
    engine = database.create_engine(args.db_url or settings.db_url())
    try:
        count = purge(engine, days, dry_run=args.dry_run)
    finally:
        engine.dispose()
    verb = "would delete" if args.dry_run else "deleted"
    print(f"{verb} {count} events older than {days} days")
    return 0
