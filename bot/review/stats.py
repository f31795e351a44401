"""Dashboard figures, computed from the same summaries the list shows (so they agree)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from .filters import Filters
from .summary import Summary

MAX_DAYS = 92  # the per-day chart shows at most about three months


@dataclass
class Dashboard:
    conversations: int = 0
    user_turns: int = 0
    fallback_turns: int = 0
    per_day: list[tuple[date, int]] = field(default_factory=list)
    fallback_per_day: list[tuple[date, float]] = field(default_factory=list)
    concerns: list[tuple[str, int]] = field(default_factory=list)
    crises: list[tuple[str, int]] = field(default_factory=list)
    escalated: int = 0
    resources: list[tuple[str, int]] = field(default_factory=list)
    helpful: list[tuple[str, int]] = field(default_factory=list)

    @property
    def fallback_rate(self) -> float:
        return self.fallback_turns / self.user_turns if self.user_turns else 0.0


def _day(timestamp: float | None) -> date | None:
    if timestamp is None:
        return None
    return datetime.fromtimestamp(timestamp, tz=timezone.utc).date()


def _days(found: Sequence[Summary], filters: Filters) -> list[date]:
    seen = [day for day in (_day(s.started) for s in found) if day]
    last = filters.date_to or (max(seen) if seen else None)
    first = filters.date_from or (min(seen) if seen else None)
    if first is None or last is None or first > last:
        return []
    first = max(first, last - timedelta(days=MAX_DAYS - 1))
    return [first + timedelta(days=offset) for offset in range((last - first).days + 1)]


def build(found: Sequence[Summary], filters: Filters) -> Dashboard:
    """Counts per day, concern, crisis, resource and helpfulness answer."""
    board = Dashboard(conversations=len(found))
    per_day: Counter[date] = Counter()
    turns_per_day: Counter[date] = Counter()
    fallbacks_per_day: Counter[date] = Counter()
    concerns: Counter[str] = Counter()
    crises: Counter[str] = Counter()
    resources: Counter[str] = Counter()
    helpful: Counter[str] = Counter({"yes": 0, "no": 0, "not answered": 0})
    for summary in found:
        day = _day(summary.started)
        if day:
            per_day[day] += 1
            turns_per_day[day] += summary.user_turns
            fallbacks_per_day[day] += summary.fallback_turns
        board.user_turns += summary.user_turns
        board.fallback_turns += summary.fallback_turns
        concerns.update(summary.concerns)
        crises.update(summary.crisis_intents)
        board.escalated += int(summary.escalated)
        resources.update(summary.resources_offered)
        helpful[summary.helpful or "not answered"] += 1
    days = _days(found, filters)
    board.per_day = [(day, per_day[day]) for day in days]
    board.fallback_per_day = [
        (day, fallbacks_per_day[day] / turns_per_day[day] if turns_per_day[day] else 0.0)
        for day in days
    ]
    board.concerns = sorted(concerns.items(), key=lambda item: (-item[1], item[0]))
    board.crises = sorted(crises.items(), key=lambda item: (-item[1], item[0]))
    board.resources = sorted(resources.items(), key=lambda item: (-item[1], item[0]))
    board.helpful = list(helpful.items())
    return board
