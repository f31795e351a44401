"""Choose the two or three most fitting resources for a parent's situation.

Scoring is deliberately simple and deterministic (ties broken by id) so staff
can predict what the bot will suggest and tests can pin it down.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot.names import (
    ANY_REGION,
    CRISIS_INTENTS,
    HARM_BABY,
    MEDICAL_EMERGENCY,
    OVERWHELM,
    REGION_EMERGENCY,
    UK_WIDE,
    USER_REGIONS,
    uk_nation,
)

from .directory import load_wording, region_matches
from .model import AUDIENCES, CONCERNS, STAGES, URGENCIES, Resource, Wording

MAX_RESULTS = 3

# Score weights; region specificity matters most, then fit to the person.
_EXACT_REGION = 30
_UK_WIDE = 20
_PRIMARY_CONCERN = 10
_STAGE_MATCH = 10
_AUDIENCE_MATCH = 10
_FOR_ANY_PARENT = 5
_URGENCY_MATCH = 15
_ALWAYS_OPEN_WHEN_URGENT = 10
_REACHABLE_NOW = 10

# "self_harm" or "medical" as well as the intent name.
_CRISIS_TYPES = {name.removeprefix("crisis_"): name for name in CRISIS_INTENTS} | {
    "medical": MEDICAL_EMERGENCY
}


@dataclass(frozen=True)
class Ranked:
    """A recommended resource and one plain-English line saying why."""

    resource: Resource
    reason: str


def normalize_concern(concern: str) -> str:
    """Map an intent name to a directory concern ("info_attachment" -> "info")."""
    if concern in CONCERNS:
        return concern
    if concern.startswith("info_"):
        return "info"
    raise ValueError(f"unknown concern {concern!r}; expected one of {', '.join(CONCERNS)}")


def normalize_crisis(crisis_type: str) -> str:
    """Accept "self_harm" or the intent name "crisis_self_harm"."""
    if crisis_type in CRISIS_INTENTS:
        return crisis_type
    if crisis_type in _CRISIS_TYPES:
        return _CRISIS_TYPES[crisis_type]
    raise ValueError(f"unknown crisis type {crisis_type!r}")


def rank_resources(
    resources: Iterable[Resource],
    concern: str,
    region: str,
    stage: str | None = None,
    audience: str | None = None,
    urgency: str | None = None,
    limit: int = MAX_RESULTS,
) -> list[Ranked]:
    """The best few resources for this concern and region, most fitting first."""
    concern = normalize_concern(concern)
    _require(region, USER_REGIONS, "region")
    _require(stage, STAGES, "stage")
    _require(audience, AUDIENCES, "audience")
    _require(urgency, URGENCIES, "urgency")
    if limit < 1:
        raise ValueError("limit must be at least 1")
    limit = min(limit, MAX_RESULTS)
    wording = load_wording()

    allow_emergency = urgency == "emergency" or concern in CRISIS_INTENTS
    candidates = [
        resource
        for resource in resources
        if concern in resource.concerns
        and region_matches(resource.regions, region)
        and (stage is None or stage in resource.stages)
        and _serves(resource, audience)
        and (allow_emergency or not resource.is_emergency)
    ]
    candidates.sort(key=lambda r: (-_score(r, concern, region, stage, audience, urgency), r.id))
    return [
        Ranked(resource, explain(resource, concern, region, audience, wording))
        for resource in candidates[:limit]
    ]


def emergency_number(resources: Iterable[Resource], region: str) -> str:
    """The number to call first ("999", "911"): the region's emergency entry, else the number
    the directory's `regions` names for it."""
    for resource in crisis_contacts(resources, MEDICAL_EMERGENCY, region):
        if resource.is_emergency and resource.contact.phones:
            return resource.contact.phones[0]
    return REGION_EMERGENCY[region]


def crisis_contacts(resources: Iterable[Resource], crisis_type: str, region: str) -> list[Resource]:
    """The region's emergency number first, then up to two lines for this crisis."""
    crisis = normalize_crisis(crisis_type)
    _require(region, USER_REGIONS, "region")
    local = [r for r in resources if region_matches(r.regions, region)]
    emergency = sorted(
        (r for r in local if r.is_emergency),
        key=lambda r: (-_region_score(r, region), r.id),
    )
    lines = sorted(
        (r for r in local if not r.is_emergency and crisis in r.concerns),
        key=lambda r: (-_crisis_score(r, crisis, region), r.id),
    )
    picks = _pick_harm_baby_lines(lines) if crisis == HARM_BABY else lines[:2]
    return emergency[:1] + picks


def explain(
    resource: Resource,
    concern: str,
    region: str,
    audience: str | None = None,
    wording: Wording | None = None,
) -> str:
    """One short sentence saying why this resource suits the person, in the directory's words."""
    words = wording or load_wording()
    contact = resource.contact
    parts = []
    if contact.is_free:
        parts.append(words.free)
    if contact.is_24_7:
        parts.append(words.always_open)
    parts.append(words.kinds[_kind(resource)])
    lead = " ".join(parts)
    lead = lead[0].upper() + lead[1:]
    place = words.places.get(_best_region(resource, region), "")
    people = words.people[_people(resource, audience)]
    clause = words.concerns[concern].format(people=people)
    return " ".join(part for part in (lead, place, clause) if part) + "."


def _pick_harm_baby_lines(lines: list[Resource]) -> list[Resource]:
    """A line open right now, then a crying-baby or parenting line."""
    picks: list[Resource] = []
    open_now = [r for r in lines if r.contact.is_24_7 and r.contact.can_talk_now]
    if open_now:
        picks.append(open_now[0])
    rest = [r for r in lines if r not in picks]
    parenting = [r for r in rest if r.concerns[0] == OVERWHELM]
    parenting = parenting or [r for r in rest if OVERWHELM in r.concerns] or rest
    if parenting:
        picks.append(parenting[0])
    return picks


def _serves(resource: Resource, audience: str | None) -> bool:
    if audience is None:
        return resource.audience != ("professionals",)
    return audience in resource.audience or (
        audience != "professionals" and "any_parent" in resource.audience
    )


def _score(
    resource: Resource,
    concern: str,
    region: str,
    stage: str | None,
    audience: str | None,
    urgency: str | None,
) -> int:
    score = _region_score(resource, region)
    if resource.concerns[0] == concern:
        score += _PRIMARY_CONCERN
    if stage is not None and len(resource.stages) < len(STAGES):
        score += _STAGE_MATCH  # made for this stage rather than everyone
    if audience is not None and audience in resource.audience:
        score += _AUDIENCE_MATCH
    elif "any_parent" in resource.audience:
        score += _FOR_ANY_PARENT
    if urgency is not None:
        if resource.urgency == urgency:
            score += _URGENCY_MATCH
        if urgency != "routine" and resource.contact.is_24_7:
            score += _ALWAYS_OPEN_WHEN_URGENT
    if resource.contact.can_talk_now:
        score += _REACHABLE_NOW
    return score


def _crisis_score(resource: Resource, crisis: str, region: str) -> int:
    score = _region_score(resource, region)
    if resource.contact.is_24_7:
        score += _ALWAYS_OPEN_WHEN_URGENT
    if resource.concerns[0] == crisis:
        score += 2 * _PRIMARY_CONCERN
    if resource.contact.can_talk_now:
        score += _REACHABLE_NOW
    return score


def _region_score(resource: Resource, region: str) -> int:
    if region in resource.regions:
        return _EXACT_REGION
    if uk_nation(region) and UK_WIDE in resource.regions:
        return _UK_WIDE
    return 0


def _best_region(resource: Resource, region: str) -> str:
    if region in resource.regions:
        return region
    if uk_nation(region) and UK_WIDE in resource.regions:
        return UK_WIDE
    return ANY_REGION


def _kind(resource: Resource) -> str:
    """Which of the directory's SERVICE_KINDS the reason names."""
    contact = resource.contact
    if resource.is_emergency:
        return "emergency"
    if contact.phones:
        return "helpline"
    if contact.text:
        return "text"
    if contact.webchat:
        return "webchat"
    return "website"


def _people(resource: Resource, audience: str | None) -> str:
    """The audience the reason names: the parent's own if the service is for them."""
    if audience is not None and audience in resource.audience:
        return audience
    if "any_parent" in resource.audience:
        return "any_parent"
    return resource.audience[0]


def _require(value: str | None, allowed: tuple[str, ...], what: str) -> None:
    if value is not None and value not in allowed:
        raise ValueError(f"unknown {what} {value!r}; expected one of {', '.join(allowed)}")
