"""Server-side staff sessions behind an opaque cookie, each with its own CSRF token.

The cookie holds a random token; the table holds only its HMAC (keyed with
BOT_REVIEW_SECRET), so sessions end on logout, on idle timeout and when an admin
disables the account, which signed stateless tokens could not do.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from .config import ReviewConfig
from .db import staff_sessions
from .users import StaffUser, get_user


@dataclass(frozen=True)
class Session:
    token_hash: str
    user: StaffUser
    csrf_token: str


def _digest(secret: str, token: str) -> str:
    return hmac.new(secret.encode(), token.encode(), hashlib.sha256).hexdigest()


def start_session(engine: Engine, config: ReviewConfig, user: StaffUser) -> str:
    """A fresh session for `user` (never reused across logins); returns the cookie value."""
    token = secrets.token_urlsafe(32)
    now = time.time()
    with engine.begin() as conn:
        conn.execute(
            staff_sessions.delete().where(
                staff_sessions.c.created_at < now - config.session_max_seconds
            )
        )
        conn.execute(
            staff_sessions.insert().values(
                token_hash=_digest(config.secret, token),
                user_id=user.id,
                csrf_token=secrets.token_urlsafe(32),
                created_at=now,
                last_seen=now,
            )
        )
    return token


def load_session(engine: Engine, config: ReviewConfig, token: str | None) -> Session | None:
    """The live session for a cookie value, refreshing its idle timer; None if expired."""
    if not token or len(token) > 200:
        return None
    token_hash = _digest(config.secret, token)
    now = time.time()
    with engine.connect() as conn:
        row = conn.execute(
            sa.select(staff_sessions).where(staff_sessions.c.token_hash == token_hash)
        ).first()
    if row is None:
        return None
    user = get_user(engine, row.user_id)
    expired = (
        now - row.last_seen > config.session_idle_seconds
        or now - row.created_at > config.session_max_seconds
    )
    if expired or user is None or not user.active:
        end_session(engine, config, token)
        return None
    with engine.begin() as conn:
        conn.execute(
            staff_sessions.update()
            .where(staff_sessions.c.token_hash == token_hash)
            .values(last_seen=now)
        )
    return Session(token_hash=token_hash, user=user, csrf_token=row.csrf_token)


def end_session(engine: Engine, config: ReviewConfig, token: str) -> None:
    with engine.begin() as conn:
        conn.execute(
            staff_sessions.delete().where(
                staff_sessions.c.token_hash == _digest(config.secret, token)
            )
        )
