"""The shared names (bot/names.py) are the domain's: a rename in one place fails here first."""

from __future__ import annotations

from pathlib import Path

import yaml

from bot import names
from bot.nlu.crisis_patterns import CRISIS_INTENTS

DOMAIN = yaml.safe_load(Path("domain.yml").read_text(encoding="utf-8"))


def test_the_names_the_net_sets_and_the_actions_read_are_in_the_domain() -> None:
    assert names.RISK_CHECK_INTENT in DOMAIN["intents"]
    assert names.ASKED_ABOUT in DOMAIN["intents"] and names.ASKED_ABOUT in CRISIS_INTENTS
    assert names.ASK_ACTION in DOMAIN["actions"]
    assert names.domain_intents() == tuple(DOMAIN["intents"])
    assert names.FALLBACK_INTENT not in DOMAIN["intents"]  # Rasa's own, never trained


def test_every_crisis_intent_of_the_domain_has_a_place_in_the_nets_priority() -> None:
    crisis = {i for i in DOMAIN["intents"] if i.startswith("crisis_")}
    assert crisis == set(CRISIS_INTENTS)


def test_the_concern_intents_and_each_crisis_opening_are_the_domains() -> None:
    from actions.crisis import OPENINGS

    concerns = tuple(i for i in DOMAIN["intents"] if i.startswith("concern_"))
    assert set(names.CONCERN_INTENTS) == set(concerns)
    assert set(OPENINGS.values()) <= set(DOMAIN["responses"])
