"""Dense sentence features for the intent classifier, from the pretrained sentence encoder.

Around 60 examples an intent teach word n-grams only the words in them; a pretrained encoder
knows that "my other half and I never talk now" and "we've drifted apart" say the same thing.
Each message is cut into pieces (``bot.nlu.sentences``) and encoded once: the classifier gets
their mean as its sentence feature, and the pieces' vectors stay on the message (never output)
so the semantic crisis detector in the safety net reuses them instead of encoding again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import FEATURIZER_CLASS_ALIAS
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.encoder import get_encoder
from bot.nlu.input_guard import FULL_TEXT
from bot.nlu.sentences import pieces

PIECES_KEY = "sentence_pieces"


@dataclass(frozen=True)
class EncodedPieces:
    """A message's pieces and their unit vectors, row for row."""

    texts: list[str]
    vectors: np.ndarray


def encode_pieces(text: str, max_pieces: int) -> EncodedPieces:
    texts = pieces(text, max_pieces)
    return EncodedPieces(texts, get_encoder().encode(texts))


def message_pieces(message: Message, max_pieces: int) -> EncodedPieces:
    """The pieces the featurizer stored, or freshly encoded ones (a pipeline without it)."""
    stored = message.get(PIECES_KEY)
    if isinstance(stored, EncodedPieces):
        return stored
    return encode_pieces(message.get(FULL_TEXT) or message.get(TEXT) or "", max_pieces)


def _mean(vectors: np.ndarray) -> np.ndarray:
    """The pieces' direction; a message with no words at all gets the zero vector."""
    if not len(vectors):
        return np.zeros(get_encoder().dim, dtype=np.float32)
    mean = vectors.mean(axis=0)
    return mean / max(float(np.linalg.norm(mean)), 1e-12)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class SentenceEmbeddingFeaturizer(DenseFeaturizer, GraphComponent):
    """Adds one 384-dimension sentence feature per message (no sequence features)."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        # Pieces encoded per message: bounds the cost of a pasted essay (~10 ms a piece).
        return {**DenseFeaturizer.get_default_config(), "max_pieces": 48}

    def __init__(self, config: dict[str, Any], name: str) -> None:
        super().__init__(name, config)
        self.max_pieces = int(self._config["max_pieces"])
        get_encoder()  # load at start-up, not on a parent's first message

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> GraphComponent:
        return cls(config, execution_context.node_name)

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> None:
        if int(config.get("max_pieces", 1)) < 1:
            raise ValueError("max_pieces must be at least 1")

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            self._featurize(message)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        examples = [m for m in training_data.training_examples if m.get(TEXT)]
        split = [pieces(m.get(TEXT), self.max_pieces) for m in examples]
        # All examples' pieces in one call: the encoder batches similar lengths together.
        vectors = get_encoder().encode([text for texts in split for text in texts])
        start = 0
        for message, texts in zip(examples, split, strict=True):
            self._add(message, _mean(vectors[start : start + len(texts)]))
            start += len(texts)
        return training_data

    def _featurize(self, message: Message) -> None:
        text = message.get(FULL_TEXT) or message.get(TEXT) or ""
        if text.startswith("/"):
            # A button payload names its intent; the classifier still runs on it and needs a
            # feature of the trained shape, but no sentence to compare.
            self._add(message, _mean(np.zeros((0, get_encoder().dim), dtype=np.float32)))
            return
        encoded = encode_pieces(text, self.max_pieces)
        message.set(PIECES_KEY, encoded)
        self._add(message, _mean(encoded.vectors))

    def _add(self, message: Message, vector: np.ndarray) -> None:
        message.add_features(
            Features(
                vector[np.newaxis, :].astype(np.float32),
                FEATURE_TYPE_SENTENCE,
                TEXT,
                self._config[FEATURIZER_CLASS_ALIAS] or self._identifier,
            )
        )
