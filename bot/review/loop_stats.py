"""Figures for the staff loop on the dashboard: crises by day, type and layer; unsure turns;
reviews; and how long a crisis waited until a person saw it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timezone
from statistics import median

from sqlalchemy.engine import Engine

from .attention import alerts
from .review_queue import review_counts, unsure_share_per_day


@dataclass(frozen=True)
class LoopStats:
    alerts_per_day: list[tuple[str, int]]
    alerts_by_type: list[tuple[str, int]]
    alerts_by_trigger: list[tuple[str, int]]
    unsure_per_day: list[tuple[str, float]]
    reviews: int
    reviews_wrong: int
    minutes_to_seen_median: float | None
    minutes_to_seen_p90: float | None
    unseen: int

    @property
    def wrong_share(self) -> float | None:
        return self.reviews_wrong / self.reviews if self.reviews else None


def _p90(values: list[float]) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]


def build(engine: Engine, unsure_below: float, close_margin: float) -> LoopStats:
    found = alerts(engine)
    per_day = Counter(
        datetime.fromtimestamp(a.at, tz=timezone.utc).date().isoformat() for a in found
    )
    waits = [(a.seen_at - a.at) / 60 for a in found if a.seen_at is not None]
    reviewed, wrong = review_counts(engine)
    return LoopStats(
        alerts_per_day=sorted(per_day.items()),
        alerts_by_type=Counter(a.kind for a in found).most_common(),
        alerts_by_trigger=Counter(a.trigger for a in found).most_common(),
        unsure_per_day=unsure_share_per_day(engine, unsure_below, close_margin),
        reviews=reviewed,
        reviews_wrong=wrong,
        minutes_to_seen_median=median(waits) if waits else None,
        minutes_to_seen_p90=_p90(waits),
        unseen=sum(1 for a in found if not a.seen),
    )
