"""An intent classifier on meaning alone, blended with DIET's guess.

DIET learns mostly from word n-grams, so a stranger's wording it has never seen leaves it unsure
(top confidence 0.15-0.25) and the message falls to the fallback or to a look-alike intent. A
logistic regression on the pretrained sentence vectors alone knows that "he's at the gym every
night and I'm left with the twins" is about the relationship. Averaging the two probability
distributions keeps DIET's precision on familiar words and adds the encoder's reach (kept-out
split: concern macro-F1 0.93 -> 0.97; docs/understanding.md has the figures that chose the
settings).

Crisis intents are left as DIET gave them unless ``blend_crisis`` is set: the safety net's
calibrated escalation reads DIET's crisis confidence and its best guess, and the net and the
semantic crisis detector carry crisis recall. So a message whose best DIET guess is a crisis is
left untouched, and otherwise this layer only re-shares the rest of the probability among the
ordinary intents.
"""

from __future__ import annotations

import logging
from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from sklearn.linear_model import LogisticRegression
from typing_extensions import Self

from bot.names import CRISIS_INTENTS

logger = logging.getLogger(__name__)

WEIGHTS_FILE = "semantic_intents.npz"
# DIET's ranking before the blend, kept on the message (never output) for the safety net.
CLASSIFIER_RANKING_KEY = "classifier_ranking"


def sentence_vector(message: Message) -> np.ndarray | None:
    """The message's dense sentence feature (the sentence encoder's), or None without one."""
    _, sentence = message.get_dense_features(TEXT)
    if sentence is None:
        return None
    vector = np.asarray(sentence.features, dtype=np.float32).reshape(-1)
    return vector if np.any(vector) else None  # zero: a button payload, nothing to read


def blend(
    diet: dict[str, float], semantic: dict[str, float], weight: float, blend_crisis: bool
) -> dict[str, float]:
    """``weight`` of the semantic distribution, the rest DIET's; crisis mass kept as DIET's."""
    names = set(diet) | set(semantic)
    if blend_crisis:
        return {n: weight * semantic.get(n, 0.0) + (1 - weight) * diet.get(n, 0.0) for n in names}
    crisis = {n: diet.get(n, 0.0) for n in names if n in CRISIS_INTENTS}
    rest = [n for n in names if n not in CRISIS_INTENTS]
    diet_rest = sum(diet.get(n, 0.0) for n in rest)
    semantic_rest = sum(semantic.get(n, 0.0) for n in rest)
    share = max(0.0, 1.0 - sum(crisis.values()))
    out = dict(crisis)
    for n in rest:
        d = diet.get(n, 0.0) / diet_rest if diet_rest > 0 else 0.0
        s = semantic.get(n, 0.0) / semantic_rest if semantic_rest > 0 else 0.0
        out[n] = share * (weight * s + (1 - weight) * d)
    return out


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class SemanticIntentClassifier(GraphComponent, IntentClassifier):
    """Logistic regression on the sentence vector, averaged into the previous classifier's."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            # Share of the final distribution that comes from meaning alone.
            "weight": 0.5,
            # Inverse regularisation strength of the logistic regression.
            "C": 16.0,
            # False: crisis intents keep DIET's confidence (see the module docstring).
            "blend_crisis": False,
            "ranking_length": 10,
            "random_seed": 42,
        }

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        classes: list[str] | None = None,
        coef: np.ndarray | None = None,
        intercept: np.ndarray | None = None,
    ) -> None:
        self.config = config
        self._storage = model_storage
        self._resource = resource
        self.classes = classes or []
        self.coef = coef
        self.intercept = intercept

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> Self:
        return cls(config, model_storage, resource)

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> None:
        if not 0.0 <= float(config.get("weight", 0.5)) <= 1.0:
            raise ValueError("weight must be between 0 and 1")

    def train(self, training_data: TrainingData) -> Resource:
        rows = [
            (vector, m.get(INTENT))
            for m in training_data.intent_examples
            if (vector := sentence_vector(m)) is not None
        ]
        if len({intent for _, intent in rows}) < 2:
            logger.warning("Semantic intent classifier: fewer than two intents, not trained.")
            return self._resource
        model = LogisticRegression(
            C=float(self.config["C"]),
            max_iter=5000,
            random_state=int(self.config["random_seed"]),
        ).fit(np.stack([v for v, _ in rows]), [intent for _, intent in rows])
        self.classes = [str(c) for c in model.classes_]
        self.coef = model.coef_.astype(np.float32)
        self.intercept = model.intercept_.astype(np.float32)
        with self._storage.write_to(self._resource) as directory:
            np.savez(
                directory / WEIGHTS_FILE,
                classes=np.array(self.classes),
                coef=self.coef,
                intercept=self.intercept,
            )
        return self._resource

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> Self:
        try:
            with model_storage.read_from(resource) as directory:
                saved = np.load(directory / WEIGHTS_FILE)
                return cls(
                    config,
                    model_storage,
                    resource,
                    [str(c) for c in saved["classes"]],
                    saved["coef"],
                    saved["intercept"],
                )
        except (ValueError, FileNotFoundError):
            logger.warning("Semantic intent classifier: no trained weights, DIET alone decides.")
            return cls(config, model_storage, resource)

    def probabilities(self, vector: np.ndarray) -> dict[str, float]:
        assert self.coef is not None and self.intercept is not None
        logits = self.coef @ vector + self.intercept
        exp = np.exp(logits - logits.max())
        probs = exp / exp.sum()
        return {name: float(p) for name, p in zip(self.classes, probs, strict=True)}

    def process(self, messages: list[Message]) -> list[Message]:
        if self.coef is None:
            return messages
        for message in messages:
            vector = sentence_vector(message)
            if vector is not None and vector.shape[0] == self.coef.shape[1]:
                self._blend_into(message, self.probabilities(vector))
        return messages

    def _blend_into(self, message: Message, semantic: dict[str, float]) -> None:
        ranking = message.get(INTENT_RANKING_KEY) or []
        diet = {r["name"]: float(r["confidence"]) for r in ranking}
        if not diet and message.get(INTENT):
            diet = {message.get(INTENT)["name"]: float(message.get(INTENT)["confidence"] or 0)}
        if not self.config["blend_crisis"] and diet and max(diet, key=diet.__getitem__) in (
            CRISIS_INTENTS
        ):
            # DIET's crisis guess stays its best guess: the safety net judges it (backed,
            # weak or vetoed) exactly as it would without this layer.
            return
        blended = blend(
            diet, semantic, float(self.config["weight"]), bool(self.config["blend_crisis"])
        )
        message.set(CLASSIFIER_RANKING_KEY, [dict(r) for r in ranking])
        ordered = sorted(blended.items(), key=lambda item: -item[1])
        ordered = ordered[: int(self.config["ranking_length"])]
        new_ranking = [{"name": n, "confidence": c} for n, c in ordered]
        message.set(INTENT, dict(new_ranking[0]), add_to_output=True)
        message.set(INTENT_RANKING_KEY, new_ranking, add_to_output=True)
