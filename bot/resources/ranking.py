"""Choose the two or three most fitting resources for a parent's situation.

Scoring is deliberately simple and deterministic (ties broken by id) so staff
can predict what the bot will suggest and tests can pin it down.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot.names import CRISIS_INTENTS, HARM_BABY, MEDICAL_EMERGENCY

from .directory import region_matches
from .model import AUDIENCES, CONCERNS, REGION_PLACES, STAGES, URGENCIES, USER_REGIONS, Resource

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

_PEOPLE = {
    "any_parent": "parents",
    "mums": "mums",
    "dads_partners": "dads and partners",
    "professionals": "professionals",
}

# Why a service fits each concern, in plain words; {people} is filled per audience.
_CONCERN_CLAUSES = {
    "concern_bonding": "for {people} who are worried about feeling close to their baby",
    "concern_overwhelm": "for {people} who feel exhausted or at breaking point",
    "concern_relationship": "for {people} going through a hard time with a partner or family",
    "concern_low_mood": "for {people} who feel low, anxious or not themselves",
    "concern_baby_loss": "for {people} who have lost a baby or a pregnancy",
    "crisis_self_harm": "for anyone having thoughts of suicide or self-harm",
    "crisis_harm_baby": "for {people} who feel they might hurt their baby or are at breaking point",
    "crisis_abuse": "for anyone who is not safe at home",
    "crisis_medical_emergency": "for when a baby or parent needs urgent medical help",
    "crisis_psychosis": "for urgent mental health help today, as for signs of a psychosis",
    "info": "with trusted information about babies' feelings and early relationships",
}

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
        Ranked(resource, explain(resource, concern, region, audience))
        for resource in candidates[:limit]
    ]


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


def explain(resource: Resource, concern: str, region: str, audience: str | None = None) -> str:
    """One short sentence saying why this resource suits the person."""
    contact = resource.contact
    words = []
    if contact.is_free:
        words.append("Free")
    if contact.is_24_7:
        words.append("24/7")
    words.append(_kind(resource))
    lead = " ".join(words)
    lead = lead[0].upper() + lead[1:]
    place = REGION_PLACES.get(_best_region(resource, region), "")
    clause = _CONCERN_CLAUSES[concern].format(people=_people(resource, audience))
    return " ".join(part for part in (lead, place, clause) if part) + "."


def _pick_harm_baby_lines(lines: list[Resource]) -> list[Resource]:
    """A line open right now, then a crying-baby or parenting line."""
    picks: list[Resource] = []
    open_now = [r for r in lines if r.contact.is_24_7 and r.contact.can_talk_now]
    if open_now:
        picks.append(open_now[0])
    rest = [r for r in lines if r not in picks]
    parenting = [r for r in rest if r.concerns[0] == "concern_overwhelm"]
    parenting = parenting or [r for r in rest if "concern_overwhelm" in r.concerns] or rest
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
    if region.startswith("uk-") and "uk" in resource.regions:
        return _UK_WIDE
    return 0


def _best_region(resource: Resource, region: str) -> str:
    if region in resource.regions:
        return region
    if region.startswith("uk-") and "uk" in resource.regions:
        return "uk"
    return "any"


def _kind(resource: Resource) -> str:
    contact = resource.contact
    if resource.is_emergency:
        return "emergency number"
    if contact.phones:
        return "helpline"
    if contact.text:
        return "text service"
    if contact.webchat:
        return "webchat"
    return "website"


def _people(resource: Resource, audience: str | None) -> str:
    if audience is not None and audience in resource.audience:
        return _PEOPLE[audience]
    if "any_parent" in resource.audience:
        return _PEOPLE["any_parent"]
    return _PEOPLE[resource.audience[0]]


def _require(value: str | None, allowed: tuple[str, ...], what: str) -> None:
    if value is not None and value not in allowed:
        raise ValueError(f"unknown {what} {value!r}; expected one of {', '.join(allowed)}")
