"""Telegram bot webhook: secret-token check, inline keyboards, no network at start-up.

Rasa's Telegram channel calls setWebhook at start-up and getMe on every update,
so it cannot start offline; register the webhook once yourself (docs/channels.md).
Only private chats are served: a group is no place for this conversation.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from .base import HardenedInput, HardenedOutput, OnMessage, logger
from .config import RetryPolicy, TelegramConfig, retry_policy, telegram_config
from .notices import CHOOSE, UNREADABLE, notice
from .outbox import Outbound
from .payloads import as_id, dig, parse_json_object
from .rendering import button_title, split_text
from .signatures import same_secret

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
_CALLBACK_DATA_LIMIT = 64  # bytes, Telegram's limit for inline button data


class TelegramInput(HardenedInput):
    channel_name = "telegram"

    def __init__(self, config: TelegramConfig, policy: RetryPolicy | None = None) -> None:
        super().__init__(policy)
        self.config = config

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> TelegramInput | None:
        config = telegram_config(env)
        return cls(config, retry_policy(env)) if config else None

    def method_url(self, method: str) -> str:
        return f"{self.config.api_base}/bot{self.config.token}/{method}"

    def output_for(self, chat_id: str) -> TelegramOutput:
        return TelegramOutput(self, f"telegram:{chat_id}", chat_id)

    def get_output_channel(self) -> TelegramOutput:
        return TelegramOutput(self, "", "")  # bound to the conversation on first send

    def add_routes(self, bp: Blueprint, on_new_message: OnMessage) -> None:
        @bp.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            if not same_secret(request.headers.get(SECRET_HEADER), self.config.webhook_secret):
                logger.warning("telegram: request without the right secret token refused")
                return response.text("forbidden", status=403)
            update = parse_json_object(request.body)
            if update is None or as_id(update.get("update_id")) is None:
                return response.text("malformed update", status=400)
            return await self._handle(request, update, on_new_message)

    async def _handle(
        self, request: Request, update: dict[str, Any], on_new_message: OnMessage
    ) -> HTTPResponse:
        message_id = f"telegram-{update['update_id']}"
        callback = update.get("callback_query")
        if isinstance(callback, dict):
            chat = dig(callback, "message", "chat")
            text = callback.get("data")
            callback_id = as_id(callback.get("id"))
        else:
            chat = dig(update, "message", "chat")
            text = dig(update, "message", "text")
            callback_id = None
        chat_id = as_id(dig(chat, "id"))
        if chat_id is None or dig(chat, "type") != "private":
            logger.info("telegram: update without a private chat message ignored")
            return response.text("ok")
        output = self.output_for(chat_id)
        if callback_id:
            # Stops the spinner on the tapped button.
            answer = {"callback_query_id": callback_id}
            output.queue(Outbound(self.method_url("answerCallbackQuery"), json=answer))
        if not isinstance(text, str) or not text.strip():
            if callback_id is None:
                output.queue(output.text_call(notice(UNREADABLE)))
            return response.text("ok")
        stored = await self.hand_over(
            request,
            on_new_message,
            conversation=output.conversation,
            text=text,
            output=output,
            message_id=message_id,
        )
        # Telegram redelivers on any non-2xx answer, which is what an unstored message needs.
        return response.text("ok") if stored else response.text("retry later", status=503)


class TelegramOutput(HardenedOutput):
    max_length = 4096
    connector: TelegramInput

    @classmethod
    def name(cls) -> str:
        return "telegram"

    def address_for(self, conversation: str) -> str:
        return conversation.removeprefix("telegram:")

    def text_call(self, text: str, markup: dict[str, Any] | None = None) -> Outbound:
        body: dict[str, Any] = {"chat_id": self.address, "text": text}
        if markup:
            body["reply_markup"] = markup
        return Outbound(self.connector.method_url("sendMessage"), json=body)

    def buttons_calls(self, text: str, buttons: list[dict[str, Any]]) -> list[Outbound | None]:
        """An inline keyboard under the (last part of the) text, one button a row."""
        keyboard = [
            [{"text": button_title(button, i), "callback_data": _callback_data(button, i)}]
            for i, button in enumerate(buttons, start=1)
        ]
        parts = split_text(text or "", self.max_length) or [notice(CHOOSE)]
        calls: list[Outbound | None] = [self.text_call(part) for part in parts[:-1]]
        calls.append(self.text_call(parts[-1], {"inline_keyboard": keyboard}))
        return calls


def _callback_data(button: dict[str, Any], index: int) -> str:
    """The payload when it fits Telegram's 64 bytes, else the option number (mapped back)."""
    payload = str(button.get("payload") or button.get("title") or "")
    return payload if 0 < len(payload.encode("utf-8")) <= _CALLBACK_DATA_LIMIT else str(index)
