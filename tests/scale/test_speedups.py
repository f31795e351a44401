"""The prepared action-result validator accepts and rejects exactly what Rasa's own does."""

from __future__ import annotations

import time

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction

from bot.scale import speedups

GOOD = {"events": [{"event": "slot", "name": "region", "value": "uk-sct"}],
        "responses": [{"text": "Hello"}]}
BAD = [{"events": [{"event": "slot"}]}, {"responses": "not a list"},
       {"events": [{"event": "no_such_event"}]}]


@pytest.fixture()
def action() -> RemoteAction:
    return RemoteAction("action_signpost", None)


def outcome(action: RemoteAction, result: dict) -> str:
    try:
        action._validate_action_result(result)
    except ValidationError as error:
        return f"invalid: {error.message}"
    return "valid"


@pytest.mark.parametrize("result", [GOOD, *BAD])
def test_same_verdict_and_message_as_rasa(action, result):
    speedups.uninstall()
    expected = outcome(action, result)
    speedups.install()
    assert outcome(action, result) == expected


def test_it_no_longer_rechecks_the_schema_on_every_call(action):
    speedups.uninstall()
    t0 = time.perf_counter()
    action._validate_action_result(GOOD)
    original = time.perf_counter() - t0
    speedups.install()
    t0 = time.perf_counter()
    for _ in range(10):
        action._validate_action_result(GOOD)
    prepared = (time.perf_counter() - t0) / 10
    assert prepared * 10 < original


EVENT_TYPES = ["user", "action", "slot", "bot", "session_started", "active_loop"]


@pytest.mark.parametrize("name", EVENT_TYPES)
def test_event_types_resolve_to_the_same_classes(name):
    from rasa.shared.core.events import Event

    speedups.uninstall()
    expected = Event.resolve_by_type(name)
    speedups.install()
    assert Event.resolve_by_type(name) is expected
    assert Event.resolve_by_type(name) is expected  # from the cache


def test_unknown_event_types_still_fail_or_fall_back():
    from rasa.shared.core.events import Event, UserUttered

    speedups.install()
    with pytest.raises(ValueError, match="Unknown event name"):
        Event.resolve_by_type("no_such_event")
    assert Event.resolve_by_type("no_such_event", default=UserUttered) is UserUttered
    assert Event.resolve_by_type("topic") is None
