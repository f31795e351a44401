"""The Rasa server answers every turn itself when the action server is slow, hung or away.

Rasa 3.6 waits up to 5 minutes for a custom action, then drops its events and says nothing: a
parent who has just disclosed a crisis would get silence (or a REST timeout). Here every call to
the action server has a short deadline. When it fails:

- the safety-critical actions (the disclaimer, crisis escalation, urgent help; listed in
  action_guard.yml) run inside the Rasa server with the same code and resource directory the
  action server uses, so the parent gets the same crisis message and contacts;
- any other action is replaced by one calm message that names the emergency number;
- if even that code fails (the directory unreadable), a fixed message from domain.yml gives the
  emergency and crisis numbers of every region.

After a failure that means the server is away (refused, reset, timed out), calls skip it for
`retry_after` seconds, so a conversation during an outage is answered at once; then one call
tries it again, and normal replies return without restarting anything.

Rasa OSS has no hook around custom actions, so `install()` wraps `RemoteAction.run`; it is
switched on with Nurture's other Rasa patches by bot/rasa_patches.py.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from aiohttp import ClientResponseError
from rasa.core.actions.action import ActionExecutionRejection, RemoteAction
from rasa.shared.core.events import ActiveLoop, BotUttered, Event, SlotSet, deserialise_events
from rasa.shared.exceptions import RasaException

from bot.names import REGION_SLOT, REQUESTED_SLOT
from bot.resilience.breaker import Breaker

if TYPE_CHECKING:
    from rasa.core.channels.channel import OutputChannel
    from rasa.core.nlg import NaturalLanguageGenerator
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.trackers import DialogueStateTracker

logger = logging.getLogger(__name__)

SETTINGS_PATH = Path(__file__).with_name("action_guard.yml")
TROUBLE_RESPONSE = "utter_service_trouble"
BACKSTOP_RESPONSE = "utter_crisis_backstop"
_ORIGINAL_RUN = RemoteAction.run


@dataclass(frozen=True)
class GuardSettings:
    in_process_actions: frozenset[str]
    in_process_timeout: float
    timeout: float
    retry_after: float


@lru_cache(maxsize=1)
def settings(path: Path = SETTINGS_PATH) -> GuardSettings:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return GuardSettings(
        in_process_actions=frozenset(raw["in_process"]["actions"]),
        in_process_timeout=float(raw["in_process"]["timeout"]),
        timeout=float(raw["timeout"]),
        retry_after=float(raw["retry_after"]),
    )


BREAKER = Breaker()


def server_is_away(error: BaseException) -> bool:
    """True for a refused, reset or timed-out call; False when the server answered with an error.

    An action that fails on the server (HTTP 500) is that action's bug: the other actions still
    work, so the breaker stays closed.
    """
    if isinstance(error, asyncio.TimeoutError):
        return True
    return not isinstance(error.__cause__, ClientResponseError)


async def guarded_run(
    self: RemoteAction,
    output_channel: OutputChannel,
    nlg: NaturalLanguageGenerator,
    tracker: DialogueStateTracker,
    domain: Domain,
) -> list[Event]:
    """`RemoteAction.run` with a deadline and an answer from this process when it fails."""
    config = settings()
    name = self.name()
    deadline = config.in_process_timeout if name in config.in_process_actions else config.timeout
    if BREAKER.available():
        try:
            events = await asyncio.wait_for(
                _ORIGINAL_RUN(self, output_channel, nlg, tracker, domain), deadline
            )
        except ActionExecutionRejection:
            raise
        except (asyncio.TimeoutError, RasaException) as error:
            away = server_is_away(error)
            if away:
                BREAKER.trip(config.retry_after)
            logger.warning(
                "Action server %s for %s; answering from the Rasa server",
                "unavailable" if away else "failed", name,
            )
        else:
            return events
    return await answer_in_process(self, output_channel, nlg, tracker, domain)


async def answer_in_process(
    action: RemoteAction,
    output_channel: OutputChannel,
    nlg: NaturalLanguageGenerator,
    tracker: DialogueStateTracker,
    domain: Domain,
) -> list[Event]:
    """The action's own code for safety-critical actions, else the calm trouble message."""
    name = action.name()
    if name in settings().in_process_actions:
        try:
            response = await executor().run(action._action_call_format(tracker, domain))
            if response is not None:
                action._validate_action_result(response)
                messages = await action._utter_responses(
                    response.get("responses", []), output_channel, nlg, tracker
                )
                return [*messages, *deserialise_events(response.get("events", []))]
        except Exception:  # the backstop below must still answer
            logger.exception("In-process %s failed; sending the backstop message", name)
        return [*await utter(BACKSTOP_RESPONSE, nlg, tracker, output_channel), *leave_form(tracker)]
    if replied_this_turn(tracker):
        return leave_form(tracker)
    return [
        *await utter(TROUBLE_RESPONSE, nlg, tracker, output_channel,
                     emergency_number=emergency_number_for(tracker)),
        *leave_form(tracker),
    ]


@lru_cache(maxsize=1)
def executor() -> Any:
    """rasa_sdk's executor over the project's actions, as `rasa run actions` builds it."""
    from rasa_sdk.executor import ActionExecutor

    built = ActionExecutor()
    built.register_package("actions")
    return built


def emergency_number_for(tracker: DialogueStateTracker) -> str:
    """The region's emergency number, or every region's when the directory cannot be read."""
    try:
        from actions.directory import emergency_number, user_region

        return emergency_number(user_region(tracker.get_slot(REGION_SLOT)))
    except Exception:  # a broken directory must not silence the reply
        logger.exception("Emergency number look-up failed; naming every region's")
        return "999 (UK), 112 (Ireland) or 911 (US)"


def replied_this_turn(tracker: DialogueStateTracker) -> bool:
    """The trouble message is said once a turn, however many actions fail in it."""
    for event in reversed(tracker.events):
        if isinstance(event, BotUttered) and event.metadata.get("utter_action") == TROUBLE_RESPONSE:
            return True
        if event.type_name == "user":
            return False
    return False


def leave_form(tracker: DialogueStateTracker) -> list[Event]:
    """A form whose validation cannot run is closed, so the parent is not asked in a loop."""
    if tracker.active_loop_name:
        return [ActiveLoop(None), SlotSet(REQUESTED_SLOT, None)]
    return []


async def utter(
    response: str,
    nlg: NaturalLanguageGenerator,
    tracker: DialogueStateTracker,
    output_channel: OutputChannel,
    **kwargs: Any,
) -> list[Event]:
    message = await nlg.generate(response, tracker, output_channel.name(), **kwargs)
    if not message:
        return []
    metadata = {"utter_action": response}
    return [BotUttered(message.get("text"), data=_data_of(message), metadata=metadata)]


def _data_of(message: dict[str, Any]) -> dict[str, Any]:
    keys = ("elements", "quick_replies", "buttons", "attachment", "image", "custom")
    return {key: message.get(key) for key in keys}


def install() -> None:
    """Wraps every custom action call in this process (idempotent)."""
    RemoteAction.run = guarded_run
