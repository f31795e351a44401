"""TEDPolicy that remembers its answers for dialogue states it has already seen.

Why: TED runs on every prediction, even when a rule decides, and a Nurture turn makes 2–4
predictions. Each one costs ~5 ms of TensorFlow call overhead and inference on one core
(profiled, docs/scale.md), the largest single cost of a turn. Without end-to-end text features,
TED's input is a pure function of the last `max_history` dialogue states (intents, actions,
slots, active form), and most conversations walk the same few paths, so the same states come
back again and again. This subclass keys a bounded LRU cache on those states and reuses the
prediction: the result is exactly what TED would have computed (see
tests/scale/test_cached_ted.py). States hold intent and action names and slot features, never a
parent's words, so the cache holds nothing personal.

A model trained with user text in its stories (end-to-end) also reads the message itself; the
cache then stays out of the way and every prediction runs TED.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from rasa.core.featurizers.precomputation import MessageContainerForCoreFeaturization
from rasa.core.policies.policy import PolicyPrediction, SupportedData
from rasa.core.policies.ted_policy import TEDPolicy
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import TEXT

from bot import rasa_patches
from bot.lru import LRUCache

CACHE_SIZE_KEY = "prediction_cache_size"


def cache_size(config: dict[str, Any]) -> int:
    """The configured size, or 0 (every prediction runs TED) on a Rasa the key was not written
    for: the key is built from TED's featurizer internals, which another version may change."""
    size = int(config.get(CACHE_SIZE_KEY) or 0)
    return size if size <= 0 or rasa_patches.supported("TED's prediction cache is off.") else 0


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITH_END_TO_END_SUPPORT, is_trainable=True
)
class CachedTEDPolicy(TEDPolicy):
    """TEDPolicy plus an LRU cache of predictions keyed on the featurized dialogue states."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {**TEDPolicy.get_default_config(), CACHE_SIZE_KEY: 4096}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._prediction_cache: LRUCache[str, PolicyPrediction] = LRUCache(
            cache_size(self.config)
        )

    def _reads_user_text(self) -> bool:
        return self.only_e2e or TEXT in self.fake_features

    def _cache_key(
        self, tracker: DialogueStateTracker, domain: Domain, rule_only_data: dict[str, Any] | None
    ) -> str:
        """The states TED featurizes for this prediction, as a stable string."""
        ml_only = self.supported_data() == SupportedData.ML_DATA
        states = self.featurizer.prediction_states(
            [tracker],
            domain,
            use_text_for_last_user_input=False,
            ignore_rule_only_turns=ml_only,
            rule_only_data=rule_only_data,
            ignore_action_unlikely_intent=ml_only,
        )
        return json.dumps(states, sort_keys=True, default=list)

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: dict[str, Any] | None = None,
        precomputations: MessageContainerForCoreFeaturization | None = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        cache = self._prediction_cache
        if cache.size <= 0 or self.model is None or self._reads_user_text():
            return super().predict_action_probabilities(
                tracker, domain, rule_only_data, precomputations, **kwargs
            )
        key = self._cache_key(tracker, domain, rule_only_data)
        cached = cache.get(key)
        if cached is not None:
            return _copy(cached)
        prediction = super().predict_action_probabilities(
            tracker, domain, rule_only_data, precomputations, **kwargs
        )
        if not prediction.optional_events and not prediction.is_end_to_end_prediction:
            cache.put(key, _copy(prediction))
        return prediction


def _copy(prediction: PolicyPrediction) -> PolicyPrediction:
    """A copy whose probabilities can be changed (the ensemble zeroes rejected actions)."""
    duplicate = copy.copy(prediction)
    duplicate.probabilities = list(prediction.probabilities)
    duplicate.events = list(prediction.events)
    return duplicate
