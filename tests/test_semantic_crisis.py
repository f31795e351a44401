"""The semantic crisis detector: meanings the patterns never listed, and its reviewed limits."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.crisis_patterns import CRISIS_INTENTS
from bot.nlu.safety_net import CrisisSafetyNet
from bot.nlu.semantic_crisis import SemanticHit, load_exemplars


@pytest.fixture(scope="module")
def net() -> CrisisSafetyNet:
    return CrisisSafetyNet(CrisisSafetyNet.get_default_config())


def run(
    net: CrisisSafetyNet, text: str, guess: str = "concern_low_mood", confidence: float = 0.9
) -> Message:
    message = Message.build(text=text)
    ranking = [
        {"name": guess, "confidence": confidence},
        {"name": "out_of_scope", "confidence": 0.05},
    ]
    message.set("intent", ranking[0])
    message.set("intent_ranking", ranking)
    net.process([message])
    return message


@pytest.mark.parametrize(
    "text",
    [
        "i've been giving my clothes and jewellery away to my friends this week",
    ],
)
def test_a_crisis_no_pattern_lists_is_caught_by_meaning(net: CrisisSafetyNet, text: str) -> None:
    assert not net.detector.detect(text).intent  # the patterns alone miss it
    message = run(net, text)
    record = message.get("safety_net")
    assert message.get("intent")["name"] == "crisis_self_harm"
    assert record["by"] == "semantic" and record["semantic"]["exemplar"]
    assert record["semantic"]["similarity"] >= 0.5


def test_a_crisis_sentence_inside_a_long_ordinary_message_is_found(net: CrisisSafetyNet) -> None:
    text = (
        "Feeding is going better since we switched bottles and my mum comes on Tuesdays. "
        "The health visitor says his weight is fine. "
        "I've been writing goodbye letters to him and my husband at night. "
        "Anyway when should we start solids?"
    )
    assert run(net, text, guess="out_of_scope").get("intent")["name"] == "crisis_self_harm"


@pytest.mark.parametrize(
    "text",
    [
        "I've completely lost my sense of who I am since the birth",
        "is there a baby first aid course near me",
        "I'm not suicidal, just so tired and flat all the time",
    ],
)
def test_lookalikes_stay_with_the_classifier(net: CrisisSafetyNet, text: str) -> None:
    message = run(net, text)
    assert message.get("intent")["name"] == "concern_low_mood"
    assert not message.get("safety_net")["fired"]


def test_a_broken_exemplar_bank_fails_loudly(tmp_path: Path) -> None:
    bank = tmp_path / "bank.yml"
    bank.write_text("crisis:\n  crisis_unknown:\n    - {id: x, text: hi}\n")
    with pytest.raises(ValueError, match="unknown crisis intent"):
        load_exemplars(bank, CRISIS_INTENTS)
    rows = "\n".join(f"  {i}:\n    - {{id: same, text: t}}" for i in CRISIS_INTENTS)
    bank.write_text(f"crisis:\n{rows}\n")
    with pytest.raises(ValueError, match="used twice"):
        load_exemplars(bank, CRISIS_INTENTS)


def test_every_message_gets_a_sentence_feature_of_the_trained_shape() -> None:
    """DIET refuses a message whose features differ from training: button payloads included."""
    from bot.nlu.sentence_features import SentenceEmbeddingFeaturizer

    featurizer = SentenceEmbeddingFeaturizer(
        SentenceEmbeddingFeaturizer.get_default_config(), "sentence_features"
    )
    messages = [Message.build(text=t) for t in ("/ask_ideas", "   ", "😭", "we argue all the time")]
    featurizer.process(messages)
    for message in messages:
        _, sentence = message.get_dense_features("text")
        assert sentence is not None and sentence.features.shape == (1, 384)


@pytest.mark.parametrize(
    ("similarity", "contrast", "asked"),
    [
        (0.56, 0.50, False),  # near suicidal thoughts, but barely nearer than to ordinary distress
        (0.56, 0.44, True),  # clearly nearer to suicidal thoughts: asked
        (0.50, 0.20, False),  # not near enough at all
    ],
)
def test_asked_on_meaning_alone_only_when_clearly_nearer_a_crisis(
    net: CrisisSafetyNet, similarity: float, contrast: float, asked: bool
) -> None:
    """On the tuning rounds, ordinary distress asked on meaning beat its closest contrast by as
    little as 0.05; every crisis asked that way beat it by 0.11 or more (semantic_crisis.yml)."""
    assert net.semantic is not None
    hit = SemanticHit("crisis_self_harm", "sh_test", similarity, contrast, 0)
    assert net.semantic.worth_asking(hit) is asked


def test_grief_among_other_people_is_calm_but_a_bereaved_parents_hallucination_is_not(
    net: CrisisSafetyNet,
) -> None:
    grief = run(net, "Went back to work after we lost our son and a colleague asked how the "
                     "baby was. I cried in the toilets for an hour.", guess="concern_baby_loss")
    assert grief.get("intent")["name"] == "concern_baby_loss"
    heard = run(net, "since our daughter was stillborn I hear my name being called when the "
                     "house is empty", guess="concern_baby_loss")
    assert heard.get("intent")["name"] == "crisis_psychosis"


@pytest.mark.parametrize(
    ("confidence", "intent"), [(0.95, "risk_check"), (0.6, "crisis_self_harm")]
)
def test_a_borderline_match_against_a_sure_classifier_is_asked(
    net: CrisisSafetyNet, confidence: float, intent: str
) -> None:
    """Only just near suicidal thoughts while the classifier is sure of an ordinary concern: the
    gentle question (numbers included); with an unsure classifier, the full crisis answer."""
    text = "sometimes I feel lighter imagining being somewhere far away from it all."
    assert not net.detector.detect(text).intent
    assert run(net, text, confidence=confidence).get("intent")["name"] == intent
