"""Names that several parts of the assistant share, kept once (tests/test_names.py ties them to
domain.yml and the resource directory): the safety net sets them, the actions and the review app
read them. Nothing else spells an intent, slot, action, form or region."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DOMAIN_PATH = ROOT / "domain.yml"
DIRECTORY_PATH = ROOT / "bot" / "resources" / "directory.yml"

# The crisis intents, most time-critical first: when a message discloses several, the first
# leads the reply (the safety net, actions/crisis.py and the resource directory all use this).
MEDICAL_EMERGENCY = "crisis_medical_emergency"
HARM_BABY = "crisis_harm_baby"
PSYCHOSIS = "crisis_psychosis"
SELF_HARM = "crisis_self_harm"
ABUSE = "crisis_abuse"
CRISIS_INTENTS: tuple[str, ...] = (MEDICAL_EMERGENCY, HARM_BABY, PSYCHOSIS, SELF_HARM, ABUSE)
# The contract's concern intents: the parent's worry, as the NLU names it.
BONDING = "concern_bonding"
OVERWHELM = "concern_overwhelm"
RELATIONSHIP = "concern_relationship"
LOW_MOOD = "concern_low_mood"
BABY_LOSS = "concern_baby_loss"
CONCERN_INTENTS: tuple[str, ...] = (BONDING, OVERWHELM, RELATIONSHIP, LOW_MOOD, BABY_LOSS)
AFFIRM_INTENT = "affirm"
DENY_INTENT = "deny"
FALLBACK_INTENT = "nlu_fallback"
OTHER_LANGUAGE_INTENT = "other_language"
# Set only by the safety net: possible but unclear risk, answered by the direct question.
RISK_CHECK_INTENT = "risk_check"
ASK_ACTION = "action_ask_about_risk"
# The crisis type the direct question asks about, and the one a yes escalates to.
ASKED_ABOUT = SELF_HARM

# Actions more than one part reads or writes (Rasa's own first).
LISTEN_ACTION = "action_listen"
SESSION_START_ACTION = "action_session_start"
FALLBACK_ACTION = "action_default_fallback"
CRISIS_ACTION = "action_escalate_crisis"
URGENT_HELP_ACTION = "action_show_urgent_help"
RESUME_ACTION = "action_resume_after_risk_check"
IDEAS_ACTION = "action_offer_ideas"
SIGNPOST_ACTION = "action_signpost"
UPDATE_PROFILE_ACTION = "action_update_profile"
FEEDBACK_ACTION = "action_record_feedback"
LANGUAGE_ACTION = "action_explain_language"
ERASE_ACTION = "action_erase_conversation"

# The form, its validation action, and the slots the actions, the guard and the review app use.
SIGNPOSTING_FORM = "signposting_form"
VALIDATE_SIGNPOSTING_FORM = "validate_signposting_form"
REQUESTED_SLOT = "requested_slot"
REGION_SLOT = "region"
STAGE_SLOT = "stage"
AUDIENCE_SLOT = "audience"
CONCERN_SLOT = "concern"
CRISIS_TYPE_SLOT = "crisis_type"
RESUME_SLOT = "resume_after_check"
ESCALATED_SLOT = "crisis_escalated"
RESOURCES_SLOT = "resources_offered"
HELPFUL_SLOT = "signpost_helpful"


@cache
def domain_intents() -> tuple[str, ...]:
    """Every intent of the domain, in its order."""
    raw = yaml.safe_load(DOMAIN_PATH.read_text(encoding="utf-8"))
    return tuple(str(intent) for intent in raw.get("intents") or [])


@cache
def _regions() -> dict[str, dict[str, object]]:
    """The shipped directory's `regions` (libyaml when present: the file is read at import)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    raw = yaml.load(DIRECTORY_PATH.read_text(encoding="utf-8"), Loader=loader)
    return {str(region): dict(details or {}) for region, details in raw["regions"].items()}


# Regions a directory entry may list ("uk" covers the four nations, "any" every region), those a
# parent or a deployment (BOT_REGION) can be in, and the phone-number country of each.
REGIONS: tuple[str, ...] = tuple(_regions())
USER_REGIONS: tuple[str, ...] = tuple(r for r, d in _regions().items() if d.get("user"))
REGION_COUNTRY: dict[str, str] = {
    region: str(info["country"]) for region, info in _regions().items() if "country" in info
}
# The number to name if a region's emergency entry is ever missing from the directory.
REGION_EMERGENCY: dict[str, str] = {
    region: str(info["emergency"]) for region, info in _regions().items() if "emergency" in info
}
# An entry for "uk" serves all four nations ("uk-eng" ...); one for "any" serves every region.
UK_WIDE = "uk"
ANY_REGION = "any"
# Where a parent is taken to be when neither they nor the deployment (BOT_REGION) says.
DEFAULT_REGION: str = next(r for r, d in _regions().items() if d.get("default"))


def uk_nation(region: str) -> bool:
    """England, Scotland, Wales or Northern Ireland: served by an entry for the whole UK."""
    return region.startswith(f"{UK_WIDE}-")
