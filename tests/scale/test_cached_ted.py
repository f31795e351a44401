"""The cached TED policy answers exactly as TED does, and skips the network for repeat states."""

from __future__ import annotations

from typing import Any

import pytest
from rasa.core.policies.ted_policy import TEDPolicy
from rasa.graph_components.providers.rule_only_provider import RuleOnlyDataProvider
from rasa.shared.core.events import ActionExecuted
from rasa.shared.core.trackers import DialogueStateTracker

from bot.scale.cached_ted import CACHE_SIZE_KEY, CachedTEDPolicy

pytestmark = pytest.mark.slow  # needs the trained model

CONVERSATIONS = [
    ["hi", "I don't feel close to my baby", "/ask_ideas", "thanks"],
    ["hello", "im so tired and she never stops crying", "/find_help", "we're in cardiff",
     "she's 4 months", "I'm her mum"],
    ["what does secure attachment mean", "/deny", "bye"],
]


def _component(assistant: Any, kind: type) -> Any:
    for node in assistant.agent.processor.graph_runner._instantiated_nodes.values():
        if isinstance(node._component, kind):
            return node._component
    raise AssertionError(f"no {kind.__name__} in the trained model's graph")


def _prediction_points(assistant: Any) -> list[DialogueStateTracker]:
    """Every point in real conversations where the assistant chose its next action."""
    slots = assistant.agent.domain.slots
    points = []
    for script in CONVERSATIONS:
        sender = assistant.new_sender()
        for text in script:
            assistant.send(text, sender)
        events = list(assistant.tracker(sender).events)
        points += [
            DialogueStateTracker.from_events(sender, events[: i + 1], slots)
            for i, event in enumerate(events)
            if isinstance(event, ActionExecuted)
        ]
    return points


@pytest.fixture(scope="module")
def ted(assistant: Any) -> CachedTEDPolicy:
    return _component(assistant, CachedTEDPolicy)


@pytest.fixture(scope="module")
def rule_only_data(assistant: Any) -> dict:
    return _component(assistant, RuleOnlyDataProvider).provide()


def test_cached_predictions_equal_teds_own(assistant: Any, ted: CachedTEDPolicy,
                                           rule_only_data: dict) -> None:
    domain = assistant.agent.domain
    points = _prediction_points(assistant)
    assert len(points) > 20
    for tracker in points:
        expected = TEDPolicy.predict_action_probabilities(ted, tracker, domain, rule_only_data)
        for _ in range(2):  # a miss (or earlier hit), then certainly a hit
            got = ted.predict_action_probabilities(tracker, domain, rule_only_data)
            assert got.probabilities == pytest.approx(expected.probabilities, abs=1e-6)
            assert got.policy_name == expected.policy_name


def test_the_cache_holds_no_words_of_the_parents(assistant: Any, ted: CachedTEDPolicy,
                                                 rule_only_data: dict) -> None:
    for tracker in _prediction_points(assistant):
        ted.predict_action_probabilities(tracker, assistant.agent.domain, rule_only_data)
    keys = " ".join(ted._prediction_cache).lower()
    assert "concern_bonding" in keys  # intents are what it keys on...
    for word in ("cardiff", "tired", "crying", "secure", "months"):
        assert word not in keys  # ...never what was typed


def test_repeat_states_skip_the_network(assistant: Any, ted: CachedTEDPolicy,
                                        rule_only_data: dict, monkeypatch) -> None:
    domain = assistant.agent.domain
    tracker = _prediction_points(assistant)[3]
    ted.predict_action_probabilities(tracker, domain, rule_only_data)
    calls = []
    original = ted.model.run_inference
    monkeypatch.setattr(ted.model, "run_inference",
                        lambda *a, **k: calls.append(1) or original(*a, **k))
    again = ted.predict_action_probabilities(tracker, domain, rule_only_data)
    assert calls == []
    # Changing the answer the ensemble got must not change what the cache hands out next.
    again.probabilities[:] = [0.0] * len(again.probabilities)
    assert max(ted.predict_action_probabilities(tracker, domain, rule_only_data).probabilities) > 0


def test_cache_is_bounded(assistant: Any, ted: CachedTEDPolicy, rule_only_data: dict,
                          monkeypatch) -> None:
    assert ted._prediction_cache.size == ted.config[CACHE_SIZE_KEY] == 4096  # config.yml's
    monkeypatch.setattr(ted._prediction_cache, "size", 3)
    ted._prediction_cache.clear()
    for tracker in _prediction_points(assistant):
        ted.predict_action_probabilities(tracker, assistant.agent.domain, rule_only_data)
    assert len(ted._prediction_cache) == 3
