"""Read conversations from Rasa's `events` table: filtered lists and transcripts.

Filters that map to indexed columns (dates, intents, actions) run in SQL; those that
need the event JSON (channel, helpfulness) run on the summaries.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from bot.names import CRISIS_ACTION, CRISIS_INTENTS, FALLBACK_ACTION, FALLBACK_INTENT

from .db import events, has_events
from .filters import Filters
from .summary import (
    EventRow,
    Summary,
    Turn,
    summarise,
    transcript,
)

_CHUNK = 500  # SQLite allows 999 bound parameters per statement
_SUMMARY_TYPES = ("user", "action", "slot")


def _senders_where(condition: sa.sql.ColumnElement) -> sa.sql.Select:
    return sa.select(events.c.sender_id).where(condition).distinct()


def _crisis_senders() -> sa.sql.Select:
    return _senders_where(
        sa.or_(
            sa.and_(
                events.c.type_name == "user",
                events.c.intent_name.in_(CRISIS_INTENTS),
            ),
            sa.and_(events.c.type_name == "action", events.c.action_name == CRISIS_ACTION),
        )
    )


def _fallback_senders() -> sa.sql.Select:
    return _senders_where(
        sa.or_(
            sa.and_(events.c.type_name == "user", events.c.intent_name == FALLBACK_INTENT),
            sa.and_(events.c.type_name == "action", events.c.action_name == FALLBACK_ACTION),
        )
    )


def _flag(query: sa.sql.Select, wanted: str | None, senders: sa.sql.Select) -> sa.sql.Select:
    if wanted == "yes":
        return query.where(events.c.sender_id.in_(senders))
    if wanted == "no":
        return query.where(events.c.sender_id.not_in(senders))
    return query


def candidate_ids(conn: Connection, filters: Filters) -> list[str]:
    """Sender ids passing the SQL-side filters, most recently started first."""
    started = sa.func.min(events.c.timestamp)
    query = sa.select(events.c.sender_id, started.label("started")).group_by(events.c.sender_id)
    if filters.start_ts() is not None:
        query = query.having(started >= filters.start_ts())
    if filters.end_ts() is not None:
        query = query.having(started < filters.end_ts())
    if filters.concern:
        query = query.where(
            events.c.sender_id.in_(
                _senders_where(
                    sa.and_(events.c.type_name == "user", events.c.intent_name == filters.concern)
                )
            )
        )
    query = _flag(query, filters.crisis, _crisis_senders())
    query = _flag(query, filters.fallback, _fallback_senders())
    query = query.order_by(started.desc(), events.c.sender_id)
    return [row.sender_id for row in conn.execute(query)]


def load_rows(
    conn: Connection, sender_ids: Sequence[str], types: Sequence[str] | None = None
) -> Iterator[tuple[str, list[EventRow]]]:
    """Each conversation's rows in order, fetched in chunks so any number of ids works."""
    for start in range(0, len(sender_ids), _CHUNK):
        chunk = list(sender_ids[start : start + _CHUNK])
        query = sa.select(
            events.c.sender_id,
            events.c.type_name,
            events.c.timestamp,
            events.c.intent_name,
            events.c.action_name,
            events.c.data,
        ).where(events.c.sender_id.in_(chunk))
        if types:
            query = query.where(events.c.type_name.in_(list(types)))
        grouped: dict[str, list[EventRow]] = {sender: [] for sender in chunk}
        for row in conn.execute(query.order_by(events.c.id)):
            grouped[row.sender_id].append(EventRow(*row))
        yield from grouped.items()


def _keep(summary: Summary, filters: Filters) -> bool:
    if filters.channel and summary.channel != filters.channel:
        return False
    if filters.helpful == "unanswered":
        return summary.helpful is None
    return not filters.helpful or summary.helpful == filters.helpful


def summaries(engine: Engine, filters: Filters) -> list[Summary]:
    """Every conversation matching `filters`, newest first."""
    if not has_events(engine):
        return []
    with engine.connect() as conn:
        ids = candidate_ids(conn, filters)
        found = [summarise(sender, rows) for sender, rows in load_rows(conn, ids, _SUMMARY_TYPES)]
    order = {sender: index for index, sender in enumerate(ids)}
    found.sort(key=lambda summary: order[summary.sender_id])
    return [summary for summary in found if _keep(summary, filters)]


@dataclass(frozen=True)
class Conversation:
    summary: Summary
    turns: list[Turn]


def conversations(engine: Engine, filters: Filters) -> Iterator[Conversation]:
    """Matching conversations with full transcripts, for the JSON Lines export."""
    wanted = [summary.sender_id for summary in summaries(engine, filters)]
    if not wanted:
        return
    with engine.connect() as conn:
        for sender, rows in load_rows(conn, wanted):
            yield Conversation(summarise(sender, rows), transcript(rows))


def conversation(engine: Engine, sender_id: str) -> Conversation | None:
    """One conversation by its (pseudonymous) sender id, or None."""
    if not has_events(engine):
        return None
    with engine.connect() as conn:
        rows = next(load_rows(conn, [sender_id]))[1]
    if not rows:
        return None
    return Conversation(summarise(sender_id, rows), transcript(rows))
