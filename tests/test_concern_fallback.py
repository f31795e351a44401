"""Two worries close together are understood; anything else close together still falls back."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.names import CONCERN_INTENTS, FALLBACK_INTENT
from bot.nlu.concern_fallback import ConcernAwareFallbackClassifier


@pytest.fixture(scope="module")
def fallback() -> ConcernAwareFallbackClassifier:
    config = {**ConcernAwareFallbackClassifier.get_default_config(), "threshold": 0.3,
              "ambiguity_threshold": 0.05, "ambiguity_exempt": list(CONCERN_INTENTS)}
    return ConcernAwareFallbackClassifier(config)


def classify(fallback: ConcernAwareFallbackClassifier, ranking: list[tuple[str, float]]) -> str:
    message = Message(data={TEXT: "a parent's message"})
    message.set(INTENT, {"name": ranking[0][0], "confidence": ranking[0][1]})
    message.set(INTENT_RANKING_KEY, [{"name": n, "confidence": c} for n, c in ranking])
    fallback.process([message])
    return message.get(INTENT)["name"]


def test_a_near_tie_between_two_concerns_keeps_the_top_one(fallback) -> None:
    ranking = [("concern_low_mood", 0.40), ("concern_overwhelm", 0.38), ("greet", 0.1)]
    assert classify(fallback, ranking) == "concern_low_mood"


@pytest.mark.parametrize("ranking", [
    # a near tie with a crisis stays a fallback: the safety net reads its best guess from there
    [("concern_baby_loss", 0.36), ("crisis_self_harm", 0.34)],
    [("crisis_self_harm", 0.36), ("concern_baby_loss", 0.34)],
    # a tie with anything that is not a concern
    [("out_of_scope", 0.38), ("concern_relationship", 0.36)],
    # too unsure whatever the intents
    [("concern_low_mood", 0.25), ("concern_overwhelm", 0.10)],
])
def test_other_ties_and_low_confidence_still_fall_back(fallback, ranking) -> None:
    assert classify(fallback, ranking) == FALLBACK_INTENT
