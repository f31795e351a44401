"""The guard's decisions that need no running server: when to skip the action server, and why."""

from __future__ import annotations

import asyncio

from aiohttp import ClientResponseError
from rasa.shared.exceptions import RasaException

from bot.resilience.action_guard import server_is_away, settings
from bot.resilience.breaker import Breaker


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_after_an_outage_the_action_server_is_skipped_then_tried_again() -> None:
    clock = Clock()
    breaker = Breaker(clock)
    assert breaker.available()
    breaker.trip(10.0)
    clock.now += 9.9
    assert not breaker.available(), "later turns must not wait for the timeout again"
    clock.now += 0.2
    assert breaker.available(), "normal replies must come back on their own"


def refused() -> RasaException:
    try:
        raise ConnectionRefusedError
    except ConnectionRefusedError:
        return RasaException("Failed to execute custom action. Couldn't connect")


def answered_with_500() -> RasaException:
    error = RasaException("Failed to execute custom action")
    error.__cause__ = ClientResponseError(None, (), status=500)  # type: ignore[arg-type]
    return error


def test_only_a_server_that_does_not_answer_counts_as_away() -> None:
    assert server_is_away(asyncio.TimeoutError())
    assert server_is_away(refused())
    assert not server_is_away(answered_with_500()), "one action's bug must not degrade the rest"


def test_crisis_actions_run_in_process_within_the_five_second_promise() -> None:
    config = settings()
    assert {"action_escalate_crisis", "action_show_urgent_help", "action_ask_about_risk",
            "action_session_start"} <= config.in_process_actions
    assert config.in_process_timeout + 1.5 < 5.0, "NLU and the in-process answer need time too"
    assert config.timeout > config.in_process_timeout
