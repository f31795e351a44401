"""Risk across turns and the gentle direct question: the net's reading and the two actions.

These sentences illustrate each mechanism; the broad measurement is the blind conversation set
(tests/safety/test_conversations.py).
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
import yaml
from rasa.shared.core.events import ActionExecuted, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.training_data.message import Message
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.risk_check import ActionAskAboutRisk, ActionResumeAfterRiskCheck
from bot.nlu import turn_context
from bot.nlu.risk_answer import RiskAnswerReader
from bot.nlu.safety_net import CrisisSafetyNet

ASK = "action_ask_about_risk"
DOMAIN = yaml.safe_load(Path("domain.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def net() -> CrisisSafetyNet:
    return CrisisSafetyNet(CrisisSafetyNet.get_default_config())


def conversation(turns: list[str], last_action: str = "utter_acknowledge_low_mood") -> Any:
    events: list[Any] = [SessionStarted(), ActionExecuted("action_listen")]
    for text in turns:
        events += [
            UserUttered(text, intent={"name": "concern_low_mood", "confidence": 0.9}),
            ActionExecuted(last_action),
            ActionExecuted("action_listen"),
        ]
    return DialogueStateTracker.from_events("parent-1", events)


def parse(
    net: CrisisSafetyNet,
    text: str,
    before: Any = None,
    guess: str = "concern_low_mood",
    confidence: float = 0.9,
) -> Message:
    message = Message.build(text=text)
    other = "out_of_scope" if guess == "concern_low_mood" else "concern_low_mood"
    ranking = [{"name": guess, "confidence": confidence}, {"name": other, "confidence": 0.05}]
    message.set("intent", ranking[0])
    message.set("intent_ranking", ranking)
    with turn_context.turns_of(before):
        net.process([message])
    return message


def intent_of(message: Message) -> str:
    return message.get("intent")["name"]


def test_recent_turns_are_this_sessions_typed_messages_and_the_last_action() -> None:
    events = [
        UserUttered("from an old session"),
        SessionStarted(),
        UserUttered("first", intent={"name": "concern_low_mood"}),
        ActionExecuted("utter_acknowledge_low_mood"),
        UserUttered("/affirm", intent={"name": "affirm"}),
        ActionExecuted("utter_imh_low_mood"),
        UserUttered("second", intent={"name": "greet"}),
        ActionExecuted(ASK),
        ActionExecuted("action_listen"),
    ]
    turns = turn_context.from_tracker(DialogueStateTracker.from_events("p", events))
    assert turns.texts == ("first", "second")
    assert turns.intents == ("concern_low_mood", "greet")
    assert turns.last_action == ASK


@pytest.mark.parametrize(
    ("earlier", "short"),
    [
        (
            ["I've made my decision and I feel calm about it", "I'm just so done with all of it"],
            "tonight, once the kids are asleep",
        ),
        (
            ["I keep wishing I could just make it all stop", "I've been putting some aside"],
            "I've got them all here now",
        ),
        (["I don't know how much more of this I can take", "I know what I'd do"], "tonight"),
    ],
)
def test_a_short_message_that_completes_a_crisis_is_escalated(
    net: CrisisSafetyNet, earlier: list[str], short: str
) -> None:
    assert intent_of(parse(net, short)) != "crisis_self_harm"  # alone it means nothing
    message = parse(net, short, conversation(earlier))
    record = message.get("safety_net")
    assert intent_of(message) == "crisis_self_harm"
    assert record["by"] == "context" and record["context"]["turns"] == 2


def test_two_veiled_statements_get_the_direct_question(net: CrisisSafetyNet) -> None:
    before = conversation(["I can't go on anymore"])
    message = parse(net, "I know what I'd do", before, guess="out_of_scope")
    assert intent_of(message) == "risk_check"
    assert message.get("safety_net")["context"]["cue"] == "another hint"
    # about the situation, not veiled: what every exhausted parent says
    situation = conversation(["I can't go on like this, she wakes every hour"])
    assert intent_of(parse(net, "I know what I'd do", situation, guess="out_of_scope")) == (
        "out_of_scope"
    )


@pytest.mark.parametrize(
    ("earlier", "short"),
    [
        (
            ["bottles are made up for the night feed", "I'm so tired"],
            "tonight, once the kids are asleep",
        ),
        (
            ["I'm going to make up the bottles for the night", "I bought extra formula"],
            "I've got them all here now",
        ),
        (["I feel so low and empty", "nothing helps"], "thanks"),
        (["I've made up my mind about going back to work"], "tonight I'll tell my boss"),
    ],
)
def test_the_same_short_message_after_ordinary_talk_is_not_a_crisis(
    net: CrisisSafetyNet, earlier: list[str], short: str
) -> None:
    message = parse(net, short, conversation(earlier))
    assert intent_of(message) == "concern_low_mood"
    assert not message.get("safety_net")["fired"]


@pytest.mark.parametrize(
    ("answer", "guess", "expected"),
    [
        ("sometimes", "concern_low_mood", "crisis_self_harm"),
        ("i dunno", "greet", "crisis_self_harm"),
        ("no but some nights it crosses my mind", "deny", "crisis_self_harm"),
        ("nope just knackered", "deny", "deny"),
        ("no, never. just exhausted", "concern_overwhelm", "deny"),
        ("I know what I'd do", "out_of_scope", "crisis_self_harm"),  # veiled: a yes
        ("what do you mean", "out_of_scope", "out_of_scope"),  # unclear: read as itself
        ("i'm not joking this time", "nlu_fallback", "crisis_self_harm"),  # insisting: a yes
        ("i mean it. i've had enough", "out_of_scope", "crisis_self_harm"),
    ],
)
def test_an_answer_to_the_direct_question_is_read_as_a_crisis_worker_would(
    net: CrisisSafetyNet, answer: str, guess: str, expected: str
) -> None:
    message = parse(net, answer, conversation(["I feel like a ghost"], ASK), guess=guess)
    assert intent_of(message) == expected
    if expected == "crisis_self_harm":
        assert message.get("safety_net")["by"] == "direct_question"


def test_meaning_near_suicidal_thoughts_but_not_near_enough_gets_the_question(
    net: CrisisSafetyNet,
) -> None:
    message = parse(net, "i'm so tired of being here")
    record = message.get("safety_net")
    assert intent_of(message) == "risk_check" and not record["fired"]
    assert record["resume_intent"] == "concern_low_mood"


def test_a_weak_unsupported_suicide_guess_gets_the_question_once(net: CrisisSafetyNet) -> None:
    text = "what do you mean"
    message = parse(net, text, guess="crisis_self_harm", confidence=0.3)
    record = message.get("safety_net")
    assert intent_of(message) == "risk_check"
    assert record["resume_intent"] == "concern_low_mood"
    # Right after asking, the same weak guess is not asked again: it is the parent's answer.
    again = parse(net, text, conversation(["I feel like a ghost"], ASK), "crisis_self_harm", 0.3)
    assert intent_of(again) != "risk_check"


def test_right_after_the_question_a_strong_suicide_guess_gets_the_crisis_answer(
    net: CrisisSafetyNet,
) -> None:
    # The question cannot be asked twice in a row, so a strong guess escalates as it always did.
    before = conversation(["I don't see the point of any of it"], ASK)
    message = parse(
        net, "it's been building for weeks", before, guess="crisis_self_harm", confidence=0.9
    )
    assert intent_of(message) == "crisis_self_harm"


def test_an_everyday_decision_is_not_asked_about_on_the_classifiers_word(
    net: CrisisSafetyNet,
) -> None:
    # A decision is a warning sign only with what it decides; this one plainly means an
    # ordinary plan, so a classifier guess alone does not raise the question.
    message = parse(
        net,
        "we've decided to move him into his own cot in his room",
        guess="crisis_self_harm",
        confidence=0.6,
    )
    assert intent_of(message) == "concern_low_mood"
    assert message.get("safety_net")["weak_crisis_guess"] == "crisis_self_harm"


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("yeah", "yes"),
        ("i think so", "yes"),
        ("not really... well sometimes", "yes"),
        ("i'd rather not say", "yes"),
        ("no", "no"),
        ("no, i don't know why i wrote that", "no"),
        ("no, not even sometimes", "no"),
        ("i'm fine honestly", "no"),
        ("hmm", "unclear"),
    ],
)
def test_the_answer_reader_only_takes_a_clear_no_as_no(text: str, verdict: str) -> None:
    assert RiskAnswerReader.load().read(text) == verdict


def run_action(action: Any, tracker: Tracker) -> tuple[list[dict], list[dict]]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker, DOMAIN))
    return dispatcher.messages, events


def sdk_tracker(
    slots: dict[str, Any], safety_net: dict | None = None, active_loop: str | None = None
) -> Tracker:
    latest = {"text": "x", "intent": {"name": "risk_check"}, "safety_net": safety_net or {}}
    events = [{"event": "user", "text": "x", "input_channel": "rest", "parse_data": latest}]
    loop = {"name": active_loop} if active_loop else {}
    return Tracker("p", slots, latest, events, False, None, loop, "action_listen")


def test_the_question_carries_the_regions_crisis_numbers_and_remembers_the_concern(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("BOT_REGION", "us")
    tracker = sdk_tracker({}, {"resume_intent": "concern_overwhelm"})
    messages, events = run_action(ActionAskAboutRisk(), tracker)
    assert len(messages) == 1  # one bubble: the question and the numbers together
    assert messages[0]["response"] == "utter_risk_question"
    assert messages[0]["emergency_number"] == "911"
    assert "988" in messages[0]["contacts"]
    assert {"event": "slot", "name": "resume_after_check", "value": "concern_overwhelm",
            "timestamp": None} in events


def test_inside_the_form_the_question_closes_it_and_a_no_reopens_it() -> None:
    tracker = sdk_tracker({}, {"resume_intent": "inform"}, active_loop="signposting_form")
    _, events = run_action(ActionAskAboutRisk(), tracker)
    assert any(e["event"] == "active_loop" and e["name"] is None for e in events)
    resume = [e for e in events if e.get("name") == "resume_after_check"][0]["value"]
    messages, after_no = run_action(
        ActionResumeAfterRiskCheck(), sdk_tracker({"resume_after_check": resume})
    )
    assert messages[0]["response"] == "utter_risk_check_no"
    assert any(e["event"] == "followup" and e["name"] == "signposting_form" for e in after_no)


def test_after_a_no_the_parent_gets_the_answer_to_their_concern() -> None:
    tracker = sdk_tracker({"resume_after_check": "concern_low_mood"})
    messages, events = run_action(ActionResumeAfterRiskCheck(), tracker)
    assert [m["response"] for m in messages] == [
        "utter_risk_check_no",
        "utter_acknowledge_low_mood",
        "utter_imh_low_mood",
        "utter_offer_next_step",
    ]
    assert any(e.get("name") == "concern" and e["value"] == "concern_low_mood" for e in events)


def test_grief_words_right_after_the_question_get_the_full_answer(net: CrisisSafetyNet) -> None:
    # Asked once already: grief close in meaning to suicidal thoughts may be the answer, so it is
    # not demoted to baby loss (the same words as a first message are asked about instead).
    grief = ("They told me her heart had stopped at 30 weeks. I gave birth to her anyway. "
             "I am broken.")
    first = parse(net, grief, guess="concern_baby_loss")
    assert intent_of(first) == "risk_check"
    after = parse(net, grief, conversation(["everything is too much"], last_action=ASK),
                  guess="concern_baby_loss")
    assert intent_of(after) == "crisis_self_harm"
