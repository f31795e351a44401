"""Staff accounts: creation, roles and the lookups login needs."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from .db import staff_sessions, staff_users
from .passwords import check_strength, hash_password
from .roles import ROLES

_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")


class UserError(ValueError):
    """A staff account cannot be created or changed as asked."""


@dataclass(frozen=True)
class StaffUser:
    id: int
    name: str
    role: str
    active: bool
    failed_logins: int
    locked_until: float | None

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    def locked(self, now: float | None = None) -> bool:
        return bool(self.locked_until and self.locked_until > (now or time.time()))


def _user(row: sa.engine.Row) -> StaffUser:
    return StaffUser(
        id=row.id,
        name=row.name,
        role=row.role,
        active=bool(row.active),
        failed_logins=row.failed_logins or 0,
        locked_until=row.locked_until,
    )


def normalise_name(name: str) -> str:
    return name.strip().lower()


def validate_name(name: str) -> str:
    name = normalise_name(name)
    if not _NAME.match(name):
        raise UserError("Names are 2-64 lowercase letters, digits, '.', '_' or '-'.")
    return name


def create_user(engine: Engine, name: str, password: str, role: str) -> StaffUser:
    """Add an account; names are unique and passwords must pass check_strength."""
    name = validate_name(name)
    if role not in ROLES:
        raise UserError(f"Role must be one of: {', '.join(ROLES)}.")
    problem = check_strength(password)
    if problem:
        raise UserError(problem)
    with engine.begin() as conn:
        if conn.execute(sa.select(staff_users.c.id).where(staff_users.c.name == name)).first():
            raise UserError(f"A staff account called {name!r} already exists.")
        conn.execute(
            staff_users.insert().values(
                name=name,
                password_hash=hash_password(password),
                role=role,
                active=True,
                failed_logins=0,
                created_at=time.time(),
            )
        )
    user = find_user(engine, name)
    assert user is not None
    return user


def find_user(engine: Engine, name: str) -> StaffUser | None:
    with engine.connect() as conn:
        row = conn.execute(
            sa.select(staff_users).where(staff_users.c.name == normalise_name(name))
        ).first()
    return _user(row) if row else None


def password_hash_of(engine: Engine, user_id: int) -> str | None:
    with engine.connect() as conn:
        return conn.execute(
            sa.select(staff_users.c.password_hash).where(staff_users.c.id == user_id)
        ).scalar()


def get_user(engine: Engine, user_id: int) -> StaffUser | None:
    with engine.connect() as conn:
        row = conn.execute(sa.select(staff_users).where(staff_users.c.id == user_id)).first()
    return _user(row) if row else None


def list_users(engine: Engine) -> list[StaffUser]:
    with engine.connect() as conn:
        rows = conn.execute(sa.select(staff_users).order_by(staff_users.c.name)).all()
    return [_user(row) for row in rows]


def update_user(engine: Engine, user_id: int, **values: object) -> None:
    """Change role/active/lock fields; disabling an account also ends its sessions.

    Roles are read afresh on every request, so a role change applies at once.
    """
    if "role" in values and values["role"] not in ROLES:
        raise UserError(f"Role must be one of: {', '.join(ROLES)}.")
    with engine.begin() as conn:
        conn.execute(staff_users.update().where(staff_users.c.id == user_id).values(**values))
        if values.get("active") is False:
            conn.execute(staff_sessions.delete().where(staff_sessions.c.user_id == user_id))


def set_password(engine: Engine, user_id: int, password: str) -> None:
    problem = check_strength(password)
    if problem:
        raise UserError(problem)
    with engine.begin() as conn:
        conn.execute(
            staff_users.update()
            .where(staff_users.c.id == user_id)
            .values(password_hash=hash_password(password), failed_logins=0, locked_until=None)
        )
        conn.execute(staff_sessions.delete().where(staff_sessions.c.user_id == user_id))
