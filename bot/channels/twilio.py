"""Twilio Programmable Messaging webhook for SMS and WhatsApp.

Every request must carry a valid `X-Twilio-Signature` for TWILIO_PUBLIC_URL.
The webhook answers with empty TwiML (so Twilio sends nothing itself) and the
replies go out through the Messages API in the background, buttons as one
numbered text because neither SMS nor a plain WhatsApp message can show them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qsl, urlsplit, urlunsplit

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from .base import HardenedInput, HardenedOutput, OnMessage, logger
from .config import RetryPolicy, TwilioConfig, retry_policy, twilio_config
from .notices import UNREADABLE, notice
from .outbox import Outbound
from .rendering import numbered_options, split_text
from .signatures import valid_twilio_signature

SIGNATURE_HEADER = "X-Twilio-Signature"
EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'
_DEFAULT_PORTS = {"https": 443, "http": 80}


def signed_url_variants(url: str) -> list[str]:
    """The URL as configured, plus with/without the default port: Twilio may sign either."""
    parts = urlsplit(url)
    default = _DEFAULT_PORTS.get(parts.scheme)
    host = parts.hostname or ""
    if default is None or not host:
        return [url]
    if parts.port is None:
        other = parts._replace(netloc=f"{parts.netloc}:{default}")
    elif parts.port == default:
        other = parts._replace(netloc=parts.netloc.rsplit(":", 1)[0])
    else:
        return [url]
    return [url, urlunsplit(other)]


class TwilioInput(HardenedInput):
    channel_name = "twilio"

    def __init__(self, config: TwilioConfig, policy: RetryPolicy | None = None) -> None:
        super().__init__(policy)
        self.config = config
        self.messages_url = (
            f"{config.api_base}/2010-04-01/Accounts/{config.account_sid}/Messages.json"
        )

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> TwilioInput | None:
        config = twilio_config(env)
        return cls(config, retry_policy(env)) if config else None

    def genuine(self, request: Request, fields: list[tuple[str, str]]) -> bool:
        header = request.headers.get(SIGNATURE_HEADER)
        return any(
            valid_twilio_signature(self.config.auth_token, url, fields, header)
            for url in signed_url_variants(self.config.public_url)
        )

    def get_output_channel(self) -> TwilioOutput:
        return TwilioOutput(self, "", "")  # bound to the conversation on first send

    def add_routes(self, bp: Blueprint, on_new_message: OnMessage) -> None:
        @bp.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            try:
                fields = parse_qsl(request.body.decode("utf-8"), keep_blank_values=True)
            except (UnicodeDecodeError, ValueError):
                fields = None
            if fields is None or not self.genuine(request, fields):
                logger.warning("twilio: request without a valid signature refused")
                return response.text("forbidden", status=403)
            return await self._handle(request, dict(fields), on_new_message)

    async def _handle(
        self, request: Request, form: dict[str, str], on_new_message: OnMessage
    ) -> HTTPResponse:
        sender = form.get("From", "").strip()
        message_sid = form.get("MessageSid") or form.get("SmsSid")
        if not sender or not message_sid:
            return response.text("malformed message", status=400)
        conversation = sender if sender.startswith("whatsapp:") else f"sms:{sender}"
        output = TwilioOutput(self, conversation, sender)
        text = form.get("Body", "")
        if not text.strip():
            output.queue(output.text_call(notice(UNREADABLE)))
            return twiml()
        stored = await self.hand_over(
            request,
            on_new_message,
            conversation=conversation,
            text=text,
            output=output,
            message_id=f"twilio-{message_sid}",
            metadata={"twilio_channel": "whatsapp" if output.whatsapp else "sms"},
        )
        # Twilio does not retry messaging webhooks, but a 5xx shows up in its error log.
        return twiml() if stored else response.text("retry later", status=503)


def twiml() -> HTTPResponse:
    return response.text(EMPTY_TWIML, content_type="text/xml")


class TwilioOutput(HardenedOutput):
    max_length = 1600  # Twilio's limit for one message body
    connector: TwilioInput

    @classmethod
    def name(cls) -> str:
        return "twilio"

    @property
    def whatsapp(self) -> bool:
        return self.address.startswith("whatsapp:")

    def address_for(self, conversation: str) -> str:
        return conversation.removeprefix("sms:")

    def text_call(self, text: str) -> Outbound | None:
        config = self.connector.config
        sender = config.whatsapp_from if self.whatsapp else config.sms_from
        if not sender:
            kind = "TWILIO_WHATSAPP_FROM" if self.whatsapp else "TWILIO_SMS_FROM"
            logger.warning("twilio: reply not sent, %s is not set", kind)
            return None
        return Outbound(
            self.connector.messages_url,
            form={"To": self.address, "From": sender, "Body": text},
            auth=(config.account_sid, config.auth_token),
        )

    def buttons_calls(self, text: str, buttons: list[dict[str, Any]]) -> list[Outbound | None]:
        """One numbered text: several bubbles would arrive out of order on SMS."""
        options = numbered_options(text, buttons)
        return [self.text_call(part) for part in split_text(options, self.max_length)]
