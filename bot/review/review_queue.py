"""The needs-review queue, and reviews that teach the assistant.

Turns the classifier was unsure of (top confidence below a band, the top two intents close, or
a fallback), plus a small, repeatable sample of ordinary turns for spot checks. A reviewer marks
each as fine or with the intent it should have had; an admin exports the corrections as Rasa NLU
training data, as candidate test messages, and crisis misses as safety-suite messages. The text
is what the anonymising store kept (placeholders such as [NAME] stay as they are).
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import sqlalchemy as sa
import yaml
from sqlalchemy.engine import Engine

from bot import names

from .db import events, has_events, staff_turn_reviews, upsert_turn
from .summary import parse_payload

FINE = "fine"
SCAN = 2000  # most recent user turns read for the queue


def domain_intents() -> tuple[str, ...]:
    """The intents a reviewer can choose: the domain's, less the one only the net sets."""
    return tuple(i for i in names.domain_intents() if i != names.RISK_CHECK_INTENT)


@dataclass(frozen=True)
class QueuedTurn:
    event_id: int
    sender_id: str
    at: float
    text: str
    intent: str
    confidence: float
    reason: str
    verdict: str | None = None
    reviewer: str | None = None


def _sampled(event_id: int, percent: int) -> bool:
    """The same turns every time, so two reviewers see one sample."""
    digest = hashlib.sha256(f"sample:{event_id}".encode()).digest()
    return int.from_bytes(digest[:2], "big") % 100 < percent


def reason_to_review(
    parse: dict[str, Any], event_id: int, unsure_below: float, close_margin: float, percent: int
) -> str | None:
    intent = parse.get("intent") or {}
    ranking = [r for r in parse.get("intent_ranking") or [] if isinstance(r, dict)]
    net = parse.get("safety_net") or {}
    classifier = net.get("classifier_intent") or intent.get("name")
    if classifier == names.FALLBACK_INTENT or intent.get("name") == names.FALLBACK_INTENT:
        return "fallback"
    confidence = float(intent.get("confidence") or 0.0)
    if not net.get("fired") and confidence < unsure_below:
        return f"unsure ({confidence:.2f})"
    if len(ranking) > 1:
        gap = float(ranking[0].get("confidence") or 0) - float(ranking[1].get("confidence") or 0)
        if gap < close_margin:
            return f"close call: {ranking[0].get('name')} or {ranking[1].get('name')}"
    if _sampled(event_id, percent):
        return "spot check"
    return None


def queue(
    engine: Engine, unsure_below: float, close_margin: float, sample_percent: int
) -> list[QueuedTurn]:
    """Unreviewed first, then newest first."""
    if not has_events(engine):
        return []
    joined = events.outerjoin(staff_turn_reviews, staff_turn_reviews.c.event_id == events.c.id)
    query = (
        sa.select(events, staff_turn_reviews.c.verdict, staff_turn_reviews.c.reviewer)
        .select_from(joined)
        .where(events.c.type_name == "user")
        .order_by(events.c.id.desc())
        .limit(SCAN)
    )
    found: list[QueuedTurn] = []
    with engine.connect() as conn:
        for row in conn.execute(query):
            data = parse_payload(row.data)
            text = str(data.get("text") or "")
            if not text or text.startswith("/"):
                continue  # a button press names its intent
            parse_data = data.get("parse_data")
            parse = parse_data if isinstance(parse_data, dict) else {}
            why = reason_to_review(parse, row.id, unsure_below, close_margin, sample_percent)
            if why is None:
                continue
            intent = parse.get("intent") or {}
            found.append(
                QueuedTurn(row.id, row.sender_id, float(row.timestamp or 0.0), text,
                           str(intent.get("name") or ""), float(intent.get("confidence") or 0.0),
                           why, row.verdict, row.reviewer)
            )
    return sorted(found, key=lambda t: (t.verdict is not None, -t.at))


def unsure_share_per_day(
    engine: Engine, unsure_below: float, close_margin: float
) -> list[tuple[str, float]]:
    """Per day (UTC), the share of typed user turns that were unsure or fell back."""
    if not has_events(engine):
        return []
    query = (
        sa.select(events.c.id, events.c.timestamp, events.c.data)
        .where(events.c.type_name == "user")
        .order_by(events.c.id.desc())
        .limit(SCAN)
    )
    totals: dict[str, list[int]] = {}
    with engine.connect() as conn:
        for row in conn.execute(query):
            data = parse_payload(row.data)
            text = str(data.get("text") or "")
            if not text or text.startswith("/") or row.timestamp is None:
                continue
            day = datetime.fromtimestamp(row.timestamp, tz=timezone.utc).date().isoformat()
            parse_data = data.get("parse_data")
            parse = parse_data if isinstance(parse_data, dict) else {}
            why = reason_to_review(parse, row.id, unsure_below, close_margin, 0)
            counts = totals.setdefault(day, [0, 0])
            counts[0] += 1
            counts[1] += why is not None
    return [(day, unsure / total) for day, (total, unsure) in sorted(totals.items())]


def review_counts(engine: Engine) -> tuple[int, int]:
    """(turns reviewed, of which the intent was wrong)."""
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(staff_turn_reviews.c.predicted, staff_turn_reviews.c.verdict)
        ).all()
    wrong = sum(1 for r in rows if r.verdict != FINE and r.verdict != r.predicted)
    return len(rows), wrong


def record_review(engine: Engine, event_id: int, reviewer: str, verdict: str) -> str | None:
    """Stores the verdict (a later one replaces it); the conversation id, or None if refused."""
    if verdict != FINE and verdict not in domain_intents():
        return None
    with engine.connect() as conn:
        row = conn.execute(
            sa.select(events.c.sender_id, events.c.data).where(
                events.c.id == event_id, events.c.type_name == "user"
            )
        ).first()
    if row is None:
        return None
    parse = parse_payload(row.data).get("parse_data") or {}
    predicted = str((parse.get("intent") or {}).get("name") or "")
    upsert_turn(
        engine,
        staff_turn_reviews,
        event_id,
        sender_id=row.sender_id,
        reviewer=reviewer[:64],
        reviewed_at=time.time(),
        verdict=verdict,
        predicted=predicted,
    )
    return str(row.sender_id)


@dataclass(frozen=True)
class Correction:
    text: str
    predicted: str
    verdict: str


def corrections(engine: Engine) -> list[Correction]:
    """Reviewed turns whose intent was wrong, with the stored (redacted) text."""
    if not has_events(engine):
        return []
    query = (
        sa.select(events.c.data, staff_turn_reviews.c.predicted, staff_turn_reviews.c.verdict)
        .select_from(staff_turn_reviews.join(events, events.c.id == staff_turn_reviews.c.event_id))
        .where(staff_turn_reviews.c.verdict != FINE)
        .order_by(staff_turn_reviews.c.reviewed_at)
    )
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    found = []
    for row in rows:
        text = str(parse_payload(row.data).get("text") or "").strip()
        if text and row.verdict != row.predicted:
            found.append(Correction(text, row.predicted, row.verdict))
    return found


def _literal(text: str) -> str:
    """One line, as Rasa's YAML list item: newlines folded, leading markers kept as text."""
    return " ".join(text.split())


def nlu_yaml(found: list[Correction]) -> str:
    """Rasa NLU training data (`version: "3.1"`) for `data/nlu/`, one intent block each."""
    by_intent: dict[str, list[str]] = {}
    for item in found:
        examples = by_intent.setdefault(item.verdict, [])
        if _literal(item.text) not in examples:
            examples.append(_literal(item.text))
    lines = [
        "# Reviewed turns exported from the staff review app; check before training.",
        'version: "3.1"',
        "nlu:",
    ]
    for intent, texts in sorted(by_intent.items()):
        lines += [f"- intent: {intent}", "  examples: |"]
        lines += [f"    - {text}" for text in texts]
    return "\n".join(lines) + "\n"


def candidate_messages_yaml(found: list[Correction]) -> str:
    """Candidate test messages (text and the intent it should get), for tests/ or the blind set."""
    items = [{"text": _literal(c.text), "intent": c.verdict, "was": c.predicted} for c in found]
    return yaml.safe_dump({"messages": items}, sort_keys=False, allow_unicode=True, width=1000)


def safety_yaml(found: list[Correction]) -> str:
    """Crisis misses in the safety suite's format (tests/safety/crisis_messages.yml)."""
    items = [
        {"text": _literal(c.text), "type": c.verdict}
        for c in found
        if c.verdict in names.CRISIS_INTENTS and c.predicted not in names.CRISIS_INTENTS
    ]
    return yaml.safe_dump({"crisis": items}, sort_keys=False, allow_unicode=True, width=1000)
