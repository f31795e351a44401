"""Typed, immutable records for the signposting directory.

Frozen dataclasses so a cached directory can be shared between requests
without anyone mutating it by accident.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from bot.names import CONCERN_INTENTS, CRISIS_INTENTS, SELF_HARM

# The crisis and concern intents, kept once in bot/names.py (tied to domain.yml by a test).
CRISIS_CONCERNS: tuple[str, ...] = CRISIS_INTENTS

# What a resource can help with: the concern and crisis intents, plus "info" for infant
# mental health information.
CONCERNS: tuple[str, ...] = (
    *CONCERN_INTENTS,
    *CRISIS_CONCERNS,
    "info",
)

AUDIENCES: tuple[str, ...] = ("mums", "dads_partners", "any_parent", "professionals")
STAGES: tuple[str, ...] = ("pregnancy", "0-12m", "1-3y")

# emergency: the emergency services (999/112/911) only.
# same_day: a person can be reached today (helplines, text lines, 111).
# routine: ongoing support, information and services to contact in time.
URGENCIES: tuple[str, ...] = ("emergency", "same_day", "routine")

ALWAYS_OPEN = "24/7"

# The kinds of service a reason names, and the parts of a "how to reach it" line.
SERVICE_KINDS: tuple[str, ...] = ("emergency", "helpline", "text", "webchat", "website")
REACH_PARTS: tuple[str, ...] = (
    "call", "either", "chat_web", "chat_plain", "website_web", "website_plain", "website_link"
)


@dataclass(frozen=True)
class Wording:
    """The words around a service (the directory's `wording`), reviewed with the services."""

    places: Mapping[str, str]  # region -> "in Wales"
    free: str
    always_open: str
    kinds: Mapping[str, str]  # SERVICE_KINDS -> "helpline"
    people: Mapping[str, str]  # AUDIENCES -> "dads and partners"
    concerns: Mapping[str, str]  # CONCERNS -> "for {people} who ..."
    reach: Mapping[str, str]  # REACH_PARTS -> "call {numbers}"


@dataclass(frozen=True)
class Contact:
    """Ways to reach a service; every field is optional."""

    phones: tuple[str, ...] = ()
    text: str | None = None
    webchat: str | None = None
    url: str | None = None
    hours: str | None = None
    cost: str | None = None

    @property
    def is_24_7(self) -> bool:
        return self.hours == ALWAYS_OPEN

    @property
    def is_free(self) -> bool:
        return self.cost is not None and self.cost.lower().startswith("free")

    @property
    def can_talk_now(self) -> bool:
        """True when a person can be reached by phone, text or chat."""
        return bool(self.phones or self.text or self.webchat)


@dataclass(frozen=True)
class Resource:
    """One service in the directory, as staff wrote it in the YAML."""

    id: str
    name: str
    offers: str
    contact: Contact
    regions: tuple[str, ...]
    concerns: tuple[str, ...]
    audience: tuple[str, ...]
    stages: tuple[str, ...]
    urgency: str
    languages: tuple[str, ...]
    source_url: str
    last_verified: date

    @property
    def is_emergency(self) -> bool:
        """The region's emergency-services entry (999/112/911)."""
        return self.urgency == "emergency"

    @property
    def is_24_7_crisis_line(self) -> bool:
        """A line anyone can reach at any hour when thinking of suicide."""
        return (
            self.urgency == "same_day"
            and self.contact.is_24_7
            and self.contact.can_talk_now
            and SELF_HARM in self.concerns
        )
