"""Conversation filters, parsed strictly from query strings (bad values are dropped)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta, timezone
from urllib.parse import urlencode

# The input channels a stored turn can name (SMS and WhatsApp both arrive through "twilio").
KNOWN_CHANNELS = ("rest", "socketio", "telegram", "twilio", "facebook")
_NAME = re.compile(r"^[A-Za-z0-9_.\-]{1,64}$")
_YES_NO = ("yes", "no")


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _choice(value: str | None, allowed: tuple[str, ...]) -> str | None:
    return value if value in allowed else None


def _name(value: str | None) -> str | None:
    return value if value and _NAME.match(value) else None


def day_start(day: date) -> float:
    """Seconds since the epoch at 00:00 UTC (event timestamps are epoch seconds)."""
    return datetime(day.year, day.month, day.day, tzinfo=timezone.utc).timestamp()


@dataclass(frozen=True)
class Filters:
    date_from: date | None = None
    date_to: date | None = None
    channel: str | None = None
    concern: str | None = None
    crisis: str | None = None  # "yes" / "no"
    fallback: str | None = None  # "yes" / "no"
    helpful: str | None = None  # "yes" / "no" / "unanswered"

    @classmethod
    def parse(cls, args: Mapping[str, str | None]) -> Filters:
        return cls(
            date_from=_day(args.get("from")),
            date_to=_day(args.get("to")),
            channel=_name(args.get("channel")),
            concern=_name(args.get("concern")),
            crisis=_choice(args.get("crisis"), _YES_NO),
            fallback=_choice(args.get("fallback"), _YES_NO),
            helpful=_choice(args.get("helpful"), (*_YES_NO, "unanswered")),
        )

    def start_ts(self) -> float | None:
        return day_start(self.date_from) if self.date_from else None

    def end_ts(self) -> float | None:
        """Exclusive end: the start of the day after `date_to` (the range includes it)."""
        return day_start(self.date_to + timedelta(days=1)) if self.date_to else None

    def as_args(self) -> dict[str, str]:
        """Query-string form, for links (pages, exports) that keep the same filters."""
        names = {"date_from": "from", "date_to": "to"}
        return {
            names.get(key, key): str(value)
            for key, value in asdict(self).items()
            if value is not None
        }

    def query_string(self, **extra: str) -> str:
        return urlencode({**self.as_args(), **extra})

    def describe(self) -> dict[str, str]:
        """For the audit log: exactly which slice of the data was seen or exported."""
        return self.as_args()
