"""What every hardened connector shares: hand-over to the agent and queued replies.

Order of work for a genuine message: drop redeliveries, map a numbered reply to
its button payload, run the turn (Rasa stores the message and the bot's turn in
the tracker), then acknowledge. Replies are only *queued* during the turn, so a
failing send API can neither fail the webhook nor stop the tracker being saved.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, ClassVar

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint
from sanic.request import Request

from bot.privacy.identity import log_ref as ref

from .config import RetryPolicy, retry_policy
from .memory import shared_memory
from .outbox import Outbound, Outbox
from .rendering import split_text

logger = logging.getLogger(__name__)

OnMessage = Callable[[UserMessage], Awaitable[Any]]


class HardenedInput(InputChannel):
    """Base for the connectors; subclasses add their routes and output channel."""

    channel_name: ClassVar[str] = ""

    def __init__(self, policy: RetryPolicy | None = None) -> None:
        self.outbox = Outbox(self.channel_name, policy or retry_policy())
        self.buttons, self.seen = shared_memory()

    @classmethod
    def name(cls) -> str:
        return cls.channel_name

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        """Used by `rasa run --credentials`; settings come from the environment only."""
        if credentials:
            logger.warning(
                "%s: values in credentials.yml are ignored; set environment variables",
                cls.channel_name,
            )
        channel = cls.from_env()
        return channel if channel is not None else DisabledChannel(cls.channel_name)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> HardenedInput | None:
        """The connector if its variables are set, else None."""
        raise NotImplementedError

    def blueprint(self, on_new_message: OnMessage) -> Blueprint:
        bp = Blueprint(f"nurture_{self.channel_name}", __name__)

        @bp.listener("before_server_stop")
        async def _close(*_: Any) -> None:
            await self.outbox.close()

        self.add_routes(bp, on_new_message)
        logger.info("%s channel is on", self.channel_name)
        return bp

    def add_routes(self, bp: Blueprint, on_new_message: OnMessage) -> None:
        raise NotImplementedError

    async def hand_over(
        self,
        request: Request,
        on_new_message: OnMessage,
        *,
        conversation: str,
        text: str,
        output: HardenedOutput,
        message_id: str | None,
        metadata: dict[str, Any] | None = None,
    ) -> bool:
        """Run one turn for a genuine message; False means "not stored, ask the app to retry"."""
        if message_id and message_id in self.seen:
            logger.info("%s: redelivered message ignored", self.channel_name)
            return True
        agent = getattr(request.app.ctx, "agent", None)
        if agent is not None and not agent.is_ready():
            logger.warning("%s: no model loaded yet; asking the app to retry", self.channel_name)
            return False
        text = self.buttons.resolve(conversation, text) or text
        shown = self.buttons.forget(conversation)
        message = UserMessage(
            text,
            output,
            conversation,
            input_channel=self.channel_name,
            message_id=message_id,
            metadata=metadata,
        )
        try:
            await on_new_message(message)
        except Exception as error:  # any failure means "not stored"
            logger.error(
                "%s: message from %s not processed (%s); asking the app to retry",
                self.channel_name,
                ref(conversation),
                type(error).__name__,
            )
            self.buttons.restore(conversation, shown)  # so the app's retry means the same
            return False
        if message_id:
            self.seen.add(message_id)
        logger.info("%s: message from %s stored", self.channel_name, ref(conversation))
        return True


class DisabledChannel(InputChannel):
    """Stands in for a connector whose variables are not set: it serves no routes."""

    def __init__(self, channel_name: str) -> None:
        self.channel_name = channel_name

    def name(self) -> str:
        return self.channel_name

    def url_prefix(self) -> str:
        return self.channel_name

    def blueprint(self, on_new_message: OnMessage) -> Blueprint:
        logger.info("%s channel is off (its environment variables are not set)", self.channel_name)
        return Blueprint(f"nurture_{self.channel_name}_off", __name__)


class HardenedOutput(OutputChannel):
    """Queues replies for one conversation; subclasses turn messages into API calls.

    `conversation` is the sender id given to Rasa and `address` where the app
    delivers; both are fixed when the message arrives, so replies reach the
    right person whatever the tracker store does to sender ids.
    """

    max_length: ClassVar[int] = 1600

    def __init__(self, connector: HardenedInput, conversation: str, address: str) -> None:
        self.connector = connector
        self.conversation = conversation
        self.address = address

    @classmethod
    def name(cls) -> str:
        return "hardened"

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        """Never raise into Rasa: a failure here must not stop the tracker being saved."""
        if not self.conversation:  # made by get_output_channel() for Rasa's HTTP API
            self.conversation, self.address = recipient_id, self.address_for(recipient_id)
        try:
            await super().send_response(recipient_id, message)
        except Exception as error:  # logged by type only: messages may hold text
            logger.error(
                "%s: could not queue a reply to %s (%s)",
                self.connector.channel_name,
                ref(self.conversation),
                type(error).__name__,
            )

    def address_for(self, conversation: str) -> str:
        """Where the app delivers for a sender id this connector made."""
        raise NotImplementedError

    def queue(self, call: Outbound | None) -> None:
        """Hand a call to the outbox; None means "cannot be sent here" (already logged)."""
        if call is not None:
            self.connector.outbox.send(self.conversation, call)

    def text_call(self, text: str) -> Outbound | None:
        raise NotImplementedError

    def buttons_calls(self, text: str, buttons: list[dict[str, Any]]) -> list[Outbound | None]:
        raise NotImplementedError

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        for part in split_text(text, self.max_length):
            self.queue(self.text_call(part))

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        if not buttons:
            await self.send_text_message(recipient_id, text)
            return
        self.connector.buttons.remember(self.conversation, buttons)
        for call in self.buttons_calls(text, buttons):
            self.queue(call)

    async def send_image_url(self, recipient_id: str, image: str, **kwargs: Any) -> None:
        await self.send_text_message(recipient_id, image)

    async def send_attachment(self, recipient_id: str, attachment: Any, **kwargs: Any) -> None:
        await self.send_text_message(recipient_id, str(attachment))

    async def send_custom_json(
        self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any
    ) -> None:
        """Custom payloads are web-widget specific; sending raw JSON to a parent helps no one."""
        logger.info("%s: custom payload not sent on this channel", self.connector.channel_name)
