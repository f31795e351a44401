"""The "Needs attention" queue: every turn the assistant escalated, for a person to see.

A crisis answer or the gentle direct question is listed from the anonymised `events` table as
soon as the turn is stored, unseen first and newest first, with the crisis type, what fired and
the channel. A staff member marks it seen with a note; nothing raw is ever shown.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from bot.names import CRISIS_INTENTS, RISK_CHECK_INTENT

from .db import events, has_events, staff_alerts_seen, upsert_turn
from .summary import parse_payload

MAX_NOTE = 1000
LIMIT = 500


@dataclass(frozen=True)
class Alert:
    event_id: int
    sender_id: str
    at: float
    kind: str  # the crisis intent, or risk_check for the direct question
    fired_by: str
    trigger: str  # patterns, semantic, context, direct_question, asked or classifier
    channel: str
    seen_by: str | None = None
    seen_at: float | None = None
    note: str = ""

    @property
    def seen(self) -> bool:
        return self.seen_by is not None


def trigger(parse: dict[str, Any]) -> str:
    """Which layer escalated, for the dashboard's counts."""
    net = parse.get("safety_net") or {}
    if net.get("by"):
        return str(net["by"])
    return "asked" if net.get("ask") else "classifier"


def fired_by(parse: dict[str, Any]) -> str:
    """What made the assistant escalate, in a reviewer's words."""
    net = parse.get("safety_net") or {}
    by = net.get("by")
    if by == "patterns":
        return "pattern rules: " + ", ".join(net.get("rules") or [])
    if by == "semantic":
        semantic = net.get("semantic") or {}
        return f"exemplar {semantic.get('exemplar')} (similarity {semantic.get('similarity')})"
    if by == "context":
        context = net.get("context") or {}
        completed = context.get("cue") or "patterns"
        return f"across {context.get('turns')} earlier messages (completed by {completed})"
    if by == "direct_question":
        return "yes to the direct question"
    if net.get("ask"):
        return "direct question asked (a weak sign)"
    confidence = float((parse.get("intent") or {}).get("confidence") or 0.0)
    return f"classifier (confidence {confidence:.2f})"


def _alert(row: Any) -> Alert:
    data = parse_payload(row.data)
    parse = data.get("parse_data")
    parse = parse if isinstance(parse, dict) else {}
    return Alert(
        event_id=row.id,
        sender_id=row.sender_id,
        at=float(row.timestamp or 0.0),
        kind=str(row.intent_name),
        fired_by=fired_by(parse),
        trigger=trigger(parse),
        channel=str(data.get("input_channel") or "unknown"),
        seen_by=row.seen_by,
        seen_at=row.seen_at,
        note=row.note or "",
    )


def _query() -> sa.sql.Select:
    escalated = sa.and_(
        events.c.type_name == "user",
        events.c.intent_name.in_((*CRISIS_INTENTS, RISK_CHECK_INTENT)),
    )
    joined = events.outerjoin(staff_alerts_seen, staff_alerts_seen.c.event_id == events.c.id)
    return sa.select(
        events.c.id,
        events.c.sender_id,
        events.c.timestamp,
        events.c.intent_name,
        events.c.data,
        staff_alerts_seen.c.seen_by,
        staff_alerts_seen.c.seen_at,
        staff_alerts_seen.c.note,
    ).select_from(joined).where(escalated)


def alerts(engine: Engine, limit: int = LIMIT) -> list[Alert]:
    """Unseen first, then newest first."""
    if not has_events(engine):
        return []
    query = _query().order_by(
        staff_alerts_seen.c.seen_by.is_not(None), events.c.timestamp.desc(), events.c.id.desc()
    ).limit(limit)
    with engine.connect() as conn:
        return [_alert(row) for row in conn.execute(query)]


def alert(engine: Engine, event_id: int) -> Alert | None:
    if not has_events(engine):
        return None
    with engine.connect() as conn:
        row = conn.execute(_query().where(events.c.id == event_id)).first()
    return _alert(row) if row else None


def mark_seen(engine: Engine, event_id: int, actor: str, note: str) -> Alert | None:
    """Records who saw the alert (again: the latest note wins); None if there is no such alert."""
    found = alert(engine, event_id)
    if found is None:
        return None
    upsert_turn(
        engine,
        staff_alerts_seen,
        event_id,
        sender_id=found.sender_id,
        seen_by=actor[:64],
        seen_at=time.time(),
        note=note.strip()[:MAX_NOTE],
    )
    return alert(engine, event_id)
