"""Password login with rate limits per IP and per account, and lockout after failures.

Every attempt is recorded, so the limits hold across restarts and several workers.
A locked, disabled or unknown account gets the same answer as a wrong password.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from enum import Enum

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from .config import ReviewConfig
from .db import staff_login_attempts, staff_users
from .passwords import hash_password, needs_rehash, verify_password
from .users import StaffUser, find_user, normalise_name, password_hash_of


class Outcome(Enum):
    OK = "ok"
    INVALID = "invalid"
    LOCKED = "locked"
    THROTTLED = "throttled"


@dataclass(frozen=True)
class LoginResult:
    outcome: Outcome
    user: StaffUser | None = None


def _recent(engine: Engine, column: sa.Column, value: str, since: float) -> int:
    with engine.connect() as conn:
        return conn.execute(
            sa.select(sa.func.count())
            .select_from(staff_login_attempts)
            .where(column == value, staff_login_attempts.c.at >= since)
        ).scalar_one()


def _record(engine: Engine, ip: str, account: str, success: bool, now: float) -> None:
    """Store the attempt; rows older than a day are pruned, they no longer count."""
    with engine.begin() as conn:
        conn.execute(staff_login_attempts.delete().where(staff_login_attempts.c.at < now - 86400))
        conn.execute(
            staff_login_attempts.insert().values(ip=ip, account=account, at=now, success=success)
        )


def _register_failure(engine: Engine, user: StaffUser, config: ReviewConfig, now: float) -> bool:
    """Count a wrong password; returns True when this failure locked the account."""
    expired_lock = user.locked_until is not None and user.locked_until <= now
    failures = 1 if expired_lock else user.failed_logins + 1
    locked_until = now + config.lockout_seconds if failures >= config.max_failures else None
    with engine.begin() as conn:
        conn.execute(
            staff_users.update()
            .where(staff_users.c.id == user.id)
            .values(failed_logins=failures, locked_until=locked_until)
        )
    return locked_until is not None


def _register_success(engine: Engine, user: StaffUser, password: str) -> None:
    values: dict[str, object] = {"failed_logins": 0, "locked_until": None}
    current = password_hash_of(engine, user.id)
    if current and needs_rehash(current):
        values["password_hash"] = hash_password(password)
    with engine.begin() as conn:
        conn.execute(staff_users.update().where(staff_users.c.id == user.id).values(**values))


def authenticate(
    engine: Engine, config: ReviewConfig, name: str, password: str, ip: str
) -> LoginResult:
    """Check one login attempt against the limits, the lockout and the password."""
    now = time.time()
    account = normalise_name(name)[:64]
    since = now - config.attempt_window_seconds
    if (
        _recent(engine, staff_login_attempts.c.ip, ip, since) >= config.ip_attempts_per_window
        or _recent(engine, staff_login_attempts.c.account, account, since)
        >= config.account_attempts_per_window
    ):
        _record(engine, ip, account, False, now)
        return LoginResult(Outcome.THROTTLED)
    user = find_user(engine, account)
    stored = password_hash_of(engine, user.id) if user else None
    valid = verify_password(stored, password)
    if user is None or not user.active:
        _record(engine, ip, account, False, now)
        return LoginResult(Outcome.INVALID)
    if user.locked(now):
        _record(engine, ip, account, False, now)
        return LoginResult(Outcome.LOCKED)
    if not valid:
        _record(engine, ip, account, False, now)
        locked = _register_failure(engine, user, config, now)
        return LoginResult(Outcome.LOCKED if locked else Outcome.INVALID)
    _record(engine, ip, account, True, now)
    _register_success(engine, user, password)
    return LoginResult(Outcome.OK, user)
