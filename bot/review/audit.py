"""Append-only audit trail of who viewed, exported or changed what (shown to admins)."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from .db import staff_audit


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: float
    actor: str
    action: str
    target: str
    detail: str
    ip: str


def record(
    engine: Engine, actor: str, action: str, target: str = "", ip: str = "", **detail: Any
) -> None:
    """Write one row; `detail` is kept as JSON (filters used, rows exported, ...)."""
    with engine.begin() as conn:
        conn.execute(
            staff_audit.insert().values(
                at=time.time(),
                actor=actor[:64],
                action=action[:32],
                target=target[:255],
                detail=json.dumps(detail, sort_keys=True, default=str) if detail else "",
                ip=ip[:64],
            )
        )


def latest(engine: Engine, actor: str, action: str) -> AuditEntry | None:
    """The actor's newest row of one kind: a page that reloads itself is audited on change only."""
    query = (
        sa.select(staff_audit)
        .where(staff_audit.c.actor == actor[:64], staff_audit.c.action == action[:32])
        .order_by(staff_audit.c.id.desc())
        .limit(1)
    )
    with engine.connect() as conn:
        row = conn.execute(query).first()
    return _entry(row) if row else None


def recent(
    engine: Engine, limit: int = 100, offset: int = 0, action: str | None = None
) -> list[AuditEntry]:
    query = sa.select(staff_audit).order_by(staff_audit.c.id.desc()).limit(limit).offset(offset)
    if action:
        query = query.where(staff_audit.c.action == action)
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    return [_entry(row) for row in rows]


def _entry(r: Any) -> AuditEntry:
    return AuditEntry(r.id, r.at, r.actor, r.action, r.target, r.detail or "", r.ip or "")
