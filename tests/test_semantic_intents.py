"""The meaning-based intent classifier: it reads wording DIET never saw, and leaves crisis
confidence to the layers calibrated on it."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.names import RELATIONSHIP, SELF_HARM
from bot.nlu.semantic_intents import CLASSIFIER_RANKING_KEY, SemanticIntentClassifier, blend
from bot.nlu.sentence_features import SentenceEmbeddingFeaturizer

EXAMPLES = {
    RELATIONSHIP: [
        "my partner and I argue every night since the baby came",
        "my husband doesn't help with the baby at all",
        "we never have time for each other as a couple any more",
        "my mother in law keeps criticising how I look after the baby",
        "I feel like a single parent even though I'm married",
    ],
    "concern_overwhelm": [
        "I'm exhausted, the baby hasn't slept for more than an hour",
        "I can't keep up with the washing and the feeds",
        "the crying never stops and I've had no sleep",
        "I'm so tired I can't think straight",
        "I haven't showered in days, there's no time for anything",
    ],
    "out_of_scope": [
        "what's the weather like tomorrow",
        "who won the football last night",
        "give me a recipe for lasagne",
        "write me some python code",
        "tell me a joke",
    ],
}


def featurized(texts: list[tuple[str, str | None]]) -> list[Message]:
    featurizer = SentenceEmbeddingFeaturizer(
        {**SentenceEmbeddingFeaturizer.get_default_config(), "alias": "sentence"}, "sentence"
    )
    messages = [Message(data={TEXT: t, **({INTENT: i} if i else {})}) for t, i in texts]
    featurizer.process_training_data(TrainingData(messages))
    return messages


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> tuple[LocalModelStorage, Resource]:
    storage = LocalModelStorage(Path(tmp_path_factory.mktemp("model")))
    resource = Resource("semantic_intents")
    context = ExecutionContext(GraphSchema({}), "test")
    config = SemanticIntentClassifier.get_default_config()
    classifier = SemanticIntentClassifier.create(config, storage, resource, context)
    data = TrainingData(featurized([(t, i) for i, ts in EXAMPLES.items() for t in ts]))
    classifier.train(data)
    return storage, resource


def load(trained: tuple[LocalModelStorage, Resource], **config: object) -> SemanticIntentClassifier:
    storage, resource = trained
    return SemanticIntentClassifier.load(
        {**SemanticIntentClassifier.get_default_config(), **config},
        storage,
        resource,
        ExecutionContext(GraphSchema({}), "test"),
    )


def with_diet_guess(text: str, ranking: list[tuple[str, float]]) -> Message:
    (message,) = featurized([(text, None)])
    message.set(INTENT, {"name": ranking[0][0], "confidence": ranking[0][1]})
    message.set(INTENT_RANKING_KEY, [{"name": n, "confidence": c} for n, c in ranking])
    return message


def test_a_situation_in_new_words_is_read_by_its_meaning(trained) -> None:
    # No word of the relationship examples, and DIET (say) unsure and leaning the wrong way.
    message = with_diet_guess(
        "his mum turns up unannounced and rearranges my kitchen",
        [("concern_overwhelm", 0.30), (RELATIONSHIP, 0.25), ("out_of_scope", 0.20)],
    )
    load(trained).process([message])
    assert message.get(INTENT)["name"] == RELATIONSHIP
    ranking = message.get(INTENT_RANKING_KEY)
    assert sum(r["confidence"] for r in ranking) == pytest.approx(1.0, abs=1e-6)
    # The safety net still reads DIET's own guess, on which its thresholds were calibrated.
    assert message.get(CLASSIFIER_RANKING_KEY)[0]["name"] == "concern_overwhelm"


def test_crisis_confidence_is_left_as_the_classifier_gave_it(trained) -> None:
    message = with_diet_guess(
        "my partner shouts at me and I'm worn out",
        [(RELATIONSHIP, 0.40), (SELF_HARM, 0.35), ("concern_overwhelm", 0.25)],
    )
    load(trained).process([message])
    ranking = {r["name"]: r["confidence"] for r in message.get(INTENT_RANKING_KEY)}
    assert ranking[SELF_HARM] == pytest.approx(0.35)
    assert sum(ranking.values()) == pytest.approx(1.0, abs=1e-6)


def test_a_crisis_guess_is_left_for_the_safety_net_to_judge(trained) -> None:
    ranking = [(SELF_HARM, 0.30), ("out_of_scope", 0.28), ("concern_overwhelm", 0.22)]
    message = with_diet_guess("I'm worn out and my partner never helps", ranking)
    load(trained).process([message])
    assert message.get(INTENT) == {"name": SELF_HARM, "confidence": 0.30}
    assert [r["name"] for r in message.get(INTENT_RANKING_KEY)] == [n for n, _ in ranking]


def test_without_trained_weights_the_first_classifier_decides(tmp_path: Path) -> None:
    storage = LocalModelStorage(tmp_path)
    classifier = SemanticIntentClassifier.load(
        SemanticIntentClassifier.get_default_config(),
        storage,
        Resource("never_trained"),
        ExecutionContext(GraphSchema({}), "test"),
    )
    message = with_diet_guess("tell me a joke", [("out_of_scope", 0.9), ("greet", 0.1)])
    classifier.process([message])
    assert message.get(INTENT) == {"name": "out_of_scope", "confidence": 0.9}


def test_blend_weights_the_two_opinions() -> None:
    diet = {"a": 0.8, "b": 0.2}
    meaning = {"a": 0.2, "b": 0.8}
    assert blend(diet, meaning, 0.5, blend_crisis=False) == pytest.approx({"a": 0.5, "b": 0.5})
    assert blend(diet, meaning, 0.0, blend_crisis=False) == pytest.approx(diet)
    both = blend({SELF_HARM: 0.6, "a": 0.4}, {SELF_HARM: 0.1, "a": 0.9}, 0.5, blend_crisis=True)
    assert both[SELF_HARM] == pytest.approx(0.35)
