"""The one storage layer: the `events` schema and the engine every part of Nurture opens.

The tracker store, retention and the review app all read and write Rasa's `events` table, so
its schema is taken from Rasa's own model rather than declared again, and every engine gets the
same hardening: an owner-only (0600) SQLite file, and `secure_delete`, because SQLite leaves
deleted rows in free pages until VACUUM and an erased conversation must not be readable back.
"""

from __future__ import annotations

import os
from pathlib import Path

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from sqlalchemy.engine import Engine, make_url

# Rasa's `events` table, exactly as SQLTrackerStore creates it. It belongs to Rasa's own
# MetaData, so a `create_all` of anyone else's tables never creates or alters it.
EVENTS: sa.Table = SQLTrackerStore.SQLEvent.__table__


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL, or None for other databases and in-memory SQLite."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    return Path(parsed.database)


# An unreachable database must fail fast, not hold a parent's turn: PostgreSQL's connection
# attempt and SQLite's wait for a lock are capped (seconds), unless the URL sets its own.
CONNECT_TIMEOUT = {"postgresql": ("connect_timeout", "3"), "sqlite": ("timeout", "2")}


def with_timeouts(url: str) -> str:
    """The URL with a short connection (PostgreSQL) or lock (SQLite) timeout added."""
    parsed = make_url(url)
    option = CONNECT_TIMEOUT.get(parsed.get_backend_name())
    in_memory = parsed.get_backend_name() == "sqlite" and sqlite_path(url) is None
    if option is None or option[0] in parsed.query or in_memory:
        return url
    return parsed.update_query_dict({option[0]: option[1]}).render_as_string(hide_password=False)


def prepare_sqlite_file(url: str) -> None:
    """Creates the directory and an owner-only (0600) database file before SQLite does."""
    path = sqlite_path(url)
    if path is None:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))


def _secure_delete(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def harden(engine: Engine) -> None:
    """Turns on SQLite secure_delete for every connection (existing ones are dropped)."""
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _secure_delete)
        engine.dispose()


def create_engine(url: str) -> Engine:
    """An engine for staff tools (the review app, purge) with the tracker store's protections.

    The review app may be the first to open the database (`bot review add-user` on a fresh
    clone), so the file it creates is owner-only like the store's.
    """
    prepare_sqlite_file(url)
    engine = sa.create_engine(url, future=True, pool_pre_ping=True)
    harden(engine)
    return engine


def has_events(engine: Engine) -> bool:
    """False until the assistant has stored its first conversation."""
    return sa.inspect(engine).has_table(EVENTS.name)
