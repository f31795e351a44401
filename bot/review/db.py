"""Tables: Rasa's `events` (read only) and the review app's own `staff_*` tables.

SQLAlchemy Core only, so the same queries run on SQLite and PostgreSQL.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from bot.privacy import database

metadata = sa.MetaData()

# Rasa's `events` table (read only), from the one storage layer.
events = database.EVENTS
has_events = database.has_events

staff_users = sa.Table(
    "staff_users",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(64), nullable=False, unique=True),
    sa.Column("password_hash", sa.String(255), nullable=False),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("active", sa.Boolean, nullable=False, default=True),
    sa.Column("failed_logins", sa.Integer, nullable=False, default=0),
    sa.Column("locked_until", sa.Float),
    sa.Column("created_at", sa.Float, nullable=False),
)

# Server-side sessions: only an HMAC of the cookie value is stored, so a copy of the
# table cannot be replayed as cookies.
staff_sessions = sa.Table(
    "staff_sessions",
    metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column("user_id", sa.Integer, sa.ForeignKey("staff_users.id"), nullable=False),
    sa.Column("csrf_token", sa.String(64), nullable=False),
    sa.Column("created_at", sa.Float, nullable=False),
    sa.Column("last_seen", sa.Float, nullable=False),
)

# Every login attempt, for the per-IP and per-account rate limits.
staff_login_attempts = sa.Table(
    "staff_login_attempts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("ip", sa.String(64), nullable=False, index=True),
    sa.Column("account", sa.String(64), nullable=False, index=True),
    sa.Column("at", sa.Float, nullable=False, index=True),
    sa.Column("success", sa.Boolean, nullable=False),
)

staff_audit = sa.Table(
    "staff_audit",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.Float, nullable=False, index=True),
    sa.Column("actor", sa.String(64), nullable=False),
    sa.Column("action", sa.String(32), nullable=False),
    sa.Column("target", sa.String(255), nullable=False, default=""),
    sa.Column("detail", sa.Text, nullable=False, default=""),
    sa.Column("ip", sa.String(64), nullable=False, default=""),
)


# Who saw each crisis alert (one user turn of `events`), when, and their note.
staff_alerts_seen = sa.Table(
    "staff_alerts_seen",
    metadata,
    sa.Column("event_id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("sender_id", sa.String(255), nullable=False),
    sa.Column("seen_by", sa.String(64), nullable=False),
    sa.Column("seen_at", sa.Float, nullable=False),
    sa.Column("note", sa.Text, nullable=False, default=""),
)


# A reviewer's verdict on one user turn of `events`: "fine", or the intent it should have had.
staff_turn_reviews = sa.Table(
    "staff_turn_reviews",
    metadata,
    sa.Column("event_id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("sender_id", sa.String(255), nullable=False),
    sa.Column("reviewer", sa.String(64), nullable=False),
    sa.Column("reviewed_at", sa.Float, nullable=False, index=True),
    sa.Column("predicted", sa.String(255), nullable=False, default=""),
    sa.Column("verdict", sa.String(255), nullable=False),
)


def upsert_turn(engine: Engine, table: sa.Table, event_id: int, **values: object) -> None:
    """One row per user turn (`event_id`): written the first time, replaced after that."""
    with engine.begin() as conn:
        updated = conn.execute(
            table.update().where(table.c.event_id == event_id).values(**values)
        ).rowcount
        if not updated:
            conn.execute(table.insert().values(event_id=event_id, **values))


def connect(db_url: str) -> Engine:
    """An engine for `db_url` (hardened like the tracker store's) with the staff tables created."""
    engine = database.create_engine(db_url)
    metadata.create_all(engine)
    return engine
