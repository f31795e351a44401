"""Facebook Messenger webhook: verify-token handshake, `X-Hub-Signature-256`, Send API.

Unlike Rasa's connector this refuses unsigned requests, uses a current Graph
API version (FACEBOOK_API_VERSION) and never loses a message when sending fails.
Up to three buttons become a button template; more (which Rasa's connector
silently drops) become numbered text, answered by number or by the tapped
postback's payload.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from .base import HardenedInput, HardenedOutput, OnMessage, logger
from .config import FacebookConfig, RetryPolicy, facebook_config, retry_policy
from .notices import UNREADABLE, notice
from .outbox import Outbound
from .payloads import as_id, dig, parse_json_object
from .rendering import button_title, numbered_options, split_text
from .signatures import appsecret_proof, same_secret, valid_facebook_signature

SIGNATURE_HEADER = "X-Hub-Signature-256"
# Send API limits for a button template.
_TEMPLATE_BUTTONS = 3
_TEMPLATE_TEXT = 640
_BUTTON_TITLE = 20


class FacebookInput(HardenedInput):
    channel_name = "facebook"

    def __init__(self, config: FacebookConfig, policy: RetryPolicy | None = None) -> None:
        super().__init__(policy)
        self.config = config
        self.send_url = f"{config.api_base}/{config.api_version}/me/messages"
        # appsecret_proof lets the app turn on "Require App Secret" for Graph API calls.
        self.auth_params = {
            "access_token": config.page_access_token,
            "appsecret_proof": appsecret_proof(config.app_secret, config.page_access_token),
        }

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> FacebookInput | None:
        config = facebook_config(env)
        return cls(config, retry_policy(env)) if config else None

    def get_output_channel(self) -> FacebookOutput:
        return FacebookOutput(self, "", "")  # bound to the conversation on first send

    def add_routes(self, bp: Blueprint, on_new_message: OnMessage) -> None:
        @bp.route("/webhook", methods=["GET"])
        async def verify(request: Request) -> HTTPResponse:
            """Meta's subscription handshake: echo the challenge only for our verify token."""
            args = request.args
            mode, token = args.get("hub.mode"), args.get("hub.verify_token")
            if mode == "subscribe" and same_secret(token, self.config.verify_token):
                return response.text(args.get("hub.challenge") or "")
            logger.warning("facebook: webhook verification with a wrong token refused")
            return response.text("forbidden", status=403)

        @bp.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            header = request.headers.get(SIGNATURE_HEADER)
            if not valid_facebook_signature(self.config.app_secret, request.body, header):
                logger.warning("facebook: request without a valid signature refused")
                return response.text("forbidden", status=403)
            body = parse_json_object(request.body)
            if body is None or not isinstance(body.get("entry"), list):
                return response.text("malformed event", status=400)
            if body.get("object") != "page":
                return response.text("ok")
            stored = True
            for event in _messaging_events(body["entry"]):
                stored = await self._handle(request, event, on_new_message) and stored
            # Meta redelivers on non-200; events already stored are skipped by their mid.
            return response.text("ok") if stored else response.text("retry later", status=503)

    async def _handle(
        self, request: Request, event: dict[str, Any], on_new_message: OnMessage
    ) -> bool:
        psid = as_id(dig(event, "sender", "id"))
        message = event.get("message")
        postback = event.get("postback")
        if psid is None or (isinstance(message, dict) and message.get("is_echo")):
            return True  # echoes of our own replies, or nothing we can answer
        if isinstance(message, dict):
            text = dig(message, "quick_reply", "payload") or message.get("text")
            mid = message.get("mid")
        elif isinstance(postback, dict):
            text = postback.get("payload") or postback.get("title")
            mid = postback.get("mid")
        else:
            return True  # delivery and read receipts, reactions...
        output = FacebookOutput(self, f"facebook:{psid}", psid)
        if not isinstance(text, str) or not text.strip():
            output.queue(output.text_call(notice(UNREADABLE)))
            return True
        return await self.hand_over(
            request,
            on_new_message,
            conversation=output.conversation,
            text=text,
            output=output,
            message_id=f"facebook-{mid}" if isinstance(mid, str) and mid else None,
        )


def _messaging_events(entries: list[Any]) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = []
    for entry in entries:
        messaging = dig(entry, "messaging")
        if isinstance(messaging, list):
            events.extend(event for event in messaging if isinstance(event, dict))
    return events


class FacebookOutput(HardenedOutput):
    max_length = 2000  # Send API limit for a text message
    connector: FacebookInput

    @classmethod
    def name(cls) -> str:
        return "facebook"

    def address_for(self, conversation: str) -> str:
        return conversation.removeprefix("facebook:")

    def _call(self, message: dict[str, Any]) -> Outbound:
        return Outbound(
            self.connector.send_url,
            json={
                "recipient": {"id": self.address},
                "messaging_type": "RESPONSE",
                "message": message,
            },
            params=self.connector.auth_params,
        )

    def text_call(self, text: str) -> Outbound:
        return self._call({"text": text})

    def buttons_calls(self, text: str, buttons: list[dict[str, Any]]) -> list[Outbound | None]:
        if fits_button_template(text, buttons):
            template = {
                "template_type": "button",
                "text": text.strip(),
                "buttons": [_template_button(b, i) for i, b in enumerate(buttons, start=1)],
            }
            return [self._call({"attachment": {"type": "template", "payload": template}})]
        options = numbered_options(text, buttons)
        return [self.text_call(part) for part in split_text(options, self.max_length)]


def fits_button_template(text: str, buttons: list[dict[str, Any]]) -> bool:
    """Whether Messenger can show these as real buttons (else numbered text)."""
    return (
        0 < len(text.strip()) <= _TEMPLATE_TEXT
        and 0 < len(buttons) <= _TEMPLATE_BUTTONS
        and all(len(button_title(b, i)) <= _BUTTON_TITLE for i, b in enumerate(buttons, 1))
    )


def _template_button(button: dict[str, Any], index: int) -> dict[str, str]:
    title = button_title(button, index)
    payload = str(button.get("payload") or title)
    if payload.startswith(("https://", "http://")):
        return {"type": "web_url", "title": title, "url": payload}
    return {"type": "postback", "title": title, "payload": payload}
