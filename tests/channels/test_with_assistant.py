"""The connectors in `rasa run` with the trained model, the action server and fake send APIs."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from tests.waiting import wait_until

from . import inbound, settings
from .assistant_server import MODEL, AssistantServer
from .fake_api import Call, FakeApi
from .settings import channel_env

pytestmark = pytest.mark.slow

TELEGRAM = "/webhooks/telegram/webhook"
TWILIO = "/webhooks/twilio/webhook"
FACEBOOK = "/webhooks/facebook/webhook"


@pytest.fixture(scope="module")
def rasa(
    action_server_url: str, send_api: FakeApi, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[AssistantServer]:
    if not MODEL.exists():
        pytest.fail(f"No trained model at {MODEL}: run `make train` (make test does this).")
    workdir = tmp_path_factory.mktemp("rasa-channels")
    server = AssistantServer(workdir, action_server_url, channel_env(send_api.base_url)).start()
    yield server
    server.stop()


def to(recipient: str, calls: list[Call]) -> list[Call]:
    """Calls addressed to one person, whichever app's API they went to."""
    return [call for call in calls if call.recipient == recipient]


def sent_text(call: Call) -> str:
    if call.form is not None:
        return call.form["Body"]
    message = call.json.get("message") or {}
    template = (message.get("attachment") or {}).get("payload") or {}
    return call.json.get("text") or message.get("text") or template.get("text") or ""


def last_buttons(rasa: AssistantServer, sender: str) -> list[dict[str, Any]]:
    with_buttons = [b for b in rasa.bot_messages(sender) if (b.get("data") or {}).get("buttons")]
    return with_buttons[-1]["data"]["buttons"]


def test_telegram_message_is_stored_and_answered_with_the_disclaimer_first(
    rasa: AssistantServer, send_api: FakeApi
) -> None:
    chat = str(inbound.new_id())
    reply = rasa.post(TELEGRAM, *inbound.telegram("telegram_text.json", int(chat)))
    assert reply.status_code == 200
    sender = f"telegram:{chat}"
    assert rasa.user_texts(sender) == ["hello"]
    bot_texts = [b["text"] for b in rasa.bot_messages(sender)]
    assert bot_texts and "automated" in bot_texts[0]
    sent = wait_until(lambda: len(to(chat, send_api.delivered())) >= len(bot_texts))
    assert sent
    assert [sent_text(c) for c in to(chat, send_api.delivered())] == bot_texts


@pytest.mark.parametrize("app", ["telegram", "twilio", "facebook"])
def test_wrongly_signed_requests_leave_no_trace(
    rasa: AssistantServer, send_api: FakeApi, app: str
) -> None:
    number = inbound.new_id()
    if app == "telegram":
        sender, address = f"telegram:{number}", str(number)
        request = inbound.telegram("telegram_text.json", number, secret="guessed-secret")
        path = TELEGRAM
    elif app == "twilio":
        sender = address = f"whatsapp:+44{number}"
        request = inbound.twilio("twilio_whatsapp.json", address, auth_token="guessed-token")
        path = TWILIO
    else:
        sender, address = f"facebook:{number}", str(number)
        request = inbound.facebook("facebook_text.json", address, secret="guessed-secret")
        path = FACEBOOK
    assert rasa.post(path, *request).status_code == 403
    time.sleep(0.5)
    assert rasa.user_texts(sender) == []
    assert to(address, send_api.calls) == []


@pytest.mark.parametrize(
    ("path", "fixture"),
    [
        (TELEGRAM, "telegram_malformed.json"),
        (TWILIO, "twilio_malformed.json"),
        (FACEBOOK, "facebook_malformed.json"),
        (TELEGRAM, "telegram_photo.json"),
        (TWILIO, "twilio_mms_no_text.json"),
        (FACEBOOK, "facebook_read.json"),
    ],
)
def test_malformed_or_unreadable_requests_never_get_a_server_error(
    rasa: AssistantServer, path: str, fixture: str
) -> None:
    assert rasa.post(path, *inbound.recorded(fixture)).status_code in (200, 400)


def test_sms_buttons_are_numbered_text_and_a_number_picks_the_payload(
    rasa: AssistantServer, send_api: FakeApi
) -> None:
    phone = f"+4477009{inbound.new_id() % 10**5:05d}"
    sender = f"sms:{phone}"
    assert rasa.post(TWILIO, *inbound.twilio("twilio_sms.json", phone, "/find_help")).ok
    buttons = last_buttons(rasa, sender)
    bodies = wait_until(
        lambda: [b for b in map(sent_text, to(phone, send_api.delivered())) if "\n1. " in b]
    )
    question = bodies[-1]
    for number, button in enumerate(buttons, start=1):
        assert f"{number}. {button['title']}" in question
    every_body = " ".join(sent_text(c) for c in to(phone, send_api.calls))
    assert not [b["payload"] for b in buttons if b["payload"].startswith("/") and
                b["payload"] in every_body]
    assert rasa.post(TWILIO, *inbound.twilio("twilio_sms.json", phone, "2")).ok
    assert rasa.user_texts(sender)[-1] == buttons[1]["payload"]


def test_messenger_long_option_lists_are_numbered_and_answered_by_number(
    rasa: AssistantServer, send_api: FakeApi
) -> None:
    psid = str(inbound.new_id())
    sender = f"facebook:{psid}"
    assert rasa.post(FACEBOOK, *inbound.facebook("facebook_text.json", psid, "/find_help")).ok
    buttons = last_buttons(rasa, sender)
    wait_until(lambda: any("\n1. " in sent_text(c) for c in to(psid, send_api.delivered())))
    assert rasa.post(FACEBOOK, *inbound.facebook("facebook_text.json", psid, "1")).ok
    assert rasa.user_texts(sender)[-1] == buttons[0]["payload"]


def test_send_api_down_keeps_the_turn_and_delivers_after_recovery(
    rasa: AssistantServer, send_api: FakeApi
) -> None:
    phone = f"+4477009{inbound.new_id() % 10**5:05d}"
    address = f"whatsapp:{phone}"
    send_api.fail_next(4, status=503, recipient=address)
    started = time.monotonic()
    reply = rasa.post(TWILIO, *inbound.twilio("twilio_whatsapp.json", address, "hello"))
    assert reply.status_code == 200 and time.monotonic() - started < 30
    assert rasa.user_texts(address) == ["hello"]
    bot_texts = [b["text"] for b in rasa.bot_messages(address)]
    assert bot_texts
    wait_until(lambda: len(to(address, send_api.delivered())) == len(bot_texts))
    failed = [c for c in to(address, send_api.calls) if c.status >= 500]
    assert len(failed) == 4
    sent = [sent_text(c) for c in to(address, send_api.delivered())]
    assert all(text.startswith(bot) for text, bot in zip(sent, bot_texts, strict=True))
    assert all(c.form["From"] == "whatsapp:" + settings.TWILIO_WHATSAPP_FROM
               for c in to(address, send_api.calls))


def test_conversations_of_different_apps_never_mix(rasa: AssistantServer) -> None:
    number = inbound.new_id()
    rasa.post(TELEGRAM, *inbound.telegram("telegram_text.json", number))
    assert rasa.user_texts(f"telegram:{number}") == ["hello"]
    assert rasa.user_texts(f"facebook:{number}") == []
    assert rasa.user_texts(str(number)) == []


def test_server_log_holds_no_message_text_or_raw_ids(rasa: AssistantServer) -> None:
    """At INFO, as in production, no log line carries what a parent wrote or who they are."""
    words = f"my private words {uuid.uuid4().hex[:8]}"
    chat, psid = inbound.new_id(), str(inbound.new_id())
    phone = f"+4477009{inbound.new_id() % 10**5:05d}"
    assert rasa.post(TELEGRAM, *inbound.telegram("telegram_text.json", chat, words)).ok
    assert rasa.post(TWILIO, *inbound.twilio("twilio_sms.json", phone, words)).ok
    assert rasa.post(FACEBOOK, *inbound.facebook("facebook_text.json", psid, words)).ok
    time.sleep(1)
    log = rasa.log.read_text(errors="replace")
    assert "message from" in log  # the connectors did log the turns, by reference
    for secret in (words, str(chat), psid, phone, phone.removeprefix("+")):
        assert secret not in log
