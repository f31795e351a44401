"""Names that several parts of the assistant share, kept once (tests/test_names.py ties them to
domain.yml): the safety net sets them, the actions and the review app read them."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

DOMAIN_PATH = Path(__file__).resolve().parents[1] / "domain.yml"

# The crisis intents, most time-critical first: when a message discloses several, the first
# leads the reply (the safety net, actions/crisis.py and the resource directory all use this).
MEDICAL_EMERGENCY = "crisis_medical_emergency"
HARM_BABY = "crisis_harm_baby"
PSYCHOSIS = "crisis_psychosis"
SELF_HARM = "crisis_self_harm"
ABUSE = "crisis_abuse"
CRISIS_INTENTS: tuple[str, ...] = (MEDICAL_EMERGENCY, HARM_BABY, PSYCHOSIS, SELF_HARM, ABUSE)
# The contract's concern intents: the parent's worry, as the NLU names it.
CONCERN_INTENTS: tuple[str, ...] = (
    "concern_bonding",
    "concern_overwhelm",
    "concern_relationship",
    "concern_low_mood",
    "concern_baby_loss",
)
FALLBACK_INTENT = "nlu_fallback"
# Set only by the safety net: possible but unclear risk, answered by the direct question.
RISK_CHECK_INTENT = "risk_check"
ASK_ACTION = "action_ask_about_risk"
# The crisis type the direct question asks about, and the one a yes escalates to.
ASKED_ABOUT = SELF_HARM


@cache
def domain_intents() -> tuple[str, ...]:
    """Every intent of the domain, in its order."""
    raw = yaml.safe_load(DOMAIN_PATH.read_text(encoding="utf-8"))
    return tuple(str(intent) for intent in raw.get("intents") or [])
