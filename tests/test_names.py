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


RASA_OWN_ACTIONS = {names.LISTEN_ACTION, names.FALLBACK_ACTION}


def _named(suffix: str) -> set[str]:
    return {value for key, value in vars(names).items() if key.endswith(suffix)}


def test_every_shared_action_slot_and_form_name_is_the_domains() -> None:
    actions = _named("_ACTION") - RASA_OWN_ACTIONS
    assert actions and actions <= set(DOMAIN["actions"])
    assert _named("_SLOT") - {names.REQUESTED_SLOT} <= set(DOMAIN["slots"])
    assert names.SIGNPOSTING_FORM in DOMAIN["forms"]
    assert f"validate_{names.SIGNPOSTING_FORM}" == names.VALIDATE_SIGNPOSTING_FORM
    intents = _named("_INTENT") - {names.FALLBACK_INTENT}
    assert intents | set(names.CONCERN_INTENTS) <= set(DOMAIN["intents"])


def test_no_form_answer_is_taken_from_a_crisis_or_a_turn_the_net_asks_about() -> None:
    never = set(names.CRISIS_INTENTS) | {names.RISK_CHECK_INTENT}
    for slot in DOMAIN["forms"][names.SIGNPOSTING_FORM]["required_slots"]:
        (mapping,) = DOMAIN["slots"][slot]["mappings"]
        assert mapping["type"] == "from_text"
        assert set(mapping["not_intent"]) == never, slot
        assert mapping["conditions"] == [
            {"active_loop": names.SIGNPOSTING_FORM, "requested_slot": slot}
        ]


def test_every_region_a_parent_can_be_in_has_its_words_and_numbers() -> None:
    from bot.resources.directory import load_wording

    places = load_wording().places
    buttons = DOMAIN["responses"]["utter_ask_region"][0]["buttons"]
    assert names.DEFAULT_REGION in names.USER_REGIONS
    assert set(names.USER_REGIONS) < set(names.REGIONS) == set(places)
    for region in names.USER_REGIONS:
        assert places[region].startswith("in "), region
        assert names.REGION_EMERGENCY[region] in {"999", "911", "112"}
        assert region in names.REGION_COUNTRY
    assert len(buttons) == len(names.USER_REGIONS) + 1  # and "Rather not say"
