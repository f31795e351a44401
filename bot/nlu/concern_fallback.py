"""Rasa's fallback classifier, except that two worries close together are not "not understood".

A parent often writes about two things at once: low mood and exhaustion, a row with a partner and
feeling far from the baby. The classifier then gives two concern intents nearly the same
confidence, and Rasa's ambiguity rule would answer "Sorry, I didn't quite understand" to a message
it did understand. When the top two intents are both on the `ambiguity_exempt` list (config.yml),
the top one stands. A confidence below `threshold` still falls back, and so does a tie involving
anything else, crisis intents included: the crisis safety net reads a fallback whose best guess is
a crisis as before (bot/nlu/safety_net.py).
"""

from __future__ import annotations

from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.fallback_classifier import FallbackClassifier
from rasa.shared.nlu.constants import INTENT_NAME_KEY, INTENT_RANKING_KEY
from rasa.shared.nlu.training_data.message import Message

EXEMPT_KEY = "ambiguity_exempt"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class ConcernAwareFallbackClassifier(FallbackClassifier):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {**FallbackClassifier.get_default_config(), EXEMPT_KEY: []}

    def _nlu_prediction_ambiguous(self, message: Message) -> tuple[bool, float | None]:
        ambiguous, difference = super()._nlu_prediction_ambiguous(message)
        if not ambiguous:
            return ambiguous, difference
        exempt = set(self.component_config.get(EXEMPT_KEY) or [])
        top_two = [item.get(INTENT_NAME_KEY) for item in message.data[INTENT_RANKING_KEY][:2]]
        return not set(top_two) <= exempt, difference
