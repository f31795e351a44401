"""Twilio SMS and WhatsApp connector against a real local server and a fake Messages API."""

from __future__ import annotations

import asyncio
import base64
import time
from urllib.parse import urlencode

import pytest
from twilio.request_validator import RequestValidator

from . import inbound, settings
from .fake_api import FakeApi
from .servers import ChannelServer, StubAgent

WEBHOOK = "/webhooks/twilio/webhook"
SEND = f"/2010-04-01/Accounts/{settings.TWILIO_ACCOUNT_SID}/Messages.json"
REGIONS = [
    {"title": "England", "payload": "England"},
    {"title": "Scotland", "payload": "Scotland"},
    {"title": "Wales", "payload": "Wales"},
    {"title": "Rather not say", "payload": "rather not say"},
]


def _basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def test_genuine_sms_is_handed_over_and_answered_by_the_messages_api(
    server: ChannelServer, stub_agent: StubAgent, fake_api: FakeApi
) -> None:
    reply = server.post(WEBHOOK, *inbound.twilio("twilio_sms.json", "+447700900201"))
    assert reply.status_code == 200
    assert reply.headers["Content-Type"].startswith("text/xml")
    assert "<Message>" not in reply.text  # replies go out through the API, not TwiML
    assert stub_agent.texts_from("sms:+447700900201") == ["hello"]
    assert stub_agent.messages[0].metadata == {"twilio_channel": "sms"}
    sent = fake_api.wait_for(lambda: fake_api.delivered(SEND))[0]
    assert sent.form == {
        "To": "+447700900201",
        "From": settings.TWILIO_SMS_FROM,
        "Body": "Thank you for your message.",
    }
    assert sent.authorization == _basic(settings.TWILIO_ACCOUNT_SID, settings.TWILIO_AUTH_TOKEN)


def test_whatsapp_replies_come_from_the_whatsapp_sender(
    server: ChannelServer, stub_agent: StubAgent, fake_api: FakeApi
) -> None:
    reply = server.post(WEBHOOK, *inbound.twilio("twilio_whatsapp.json", "whatsapp:+447700900202"))
    assert reply.status_code == 200
    assert stub_agent.texts_from("whatsapp:+447700900202") == ["hello"]
    sent = fake_api.wait_for(lambda: fake_api.delivered(SEND))[0]
    assert sent.form["To"] == "whatsapp:+447700900202"
    assert sent.form["From"] == "whatsapp:" + settings.TWILIO_WHATSAPP_FROM


def test_forged_signature_is_refused_and_nothing_stored(
    server: ChannelServer, stub_agent: StubAgent, fake_api: FakeApi
) -> None:
    headers, body = inbound.recorded("twilio_forged.json")
    assert server.post(WEBHOOK, headers, body).status_code == 403
    headers, body = inbound.twilio("twilio_sms.json", "+447700900203", auth_token="wrong")
    assert server.post(WEBHOOK, headers, body).status_code == 403
    headers.pop("X-Twilio-Signature")
    assert server.post(WEBHOOK, headers, body).status_code == 403
    time.sleep(0.2)
    assert stub_agent.messages == [] and fake_api.calls == []


def test_signature_for_other_fields_or_url_is_refused(
    server: ChannelServer, stub_agent: StubAgent
) -> None:
    headers, body = inbound.twilio("twilio_sms.json", "+447700900204")
    tampered = body.replace(b"Body=hello", b"Body=goodbye")
    assert server.post(WEBHOOK, headers, tampered).status_code == 403
    form = dict(inbound.load("twilio_sms.json")["form"])
    other_url = RequestValidator(settings.TWILIO_AUTH_TOKEN).compute_signature(
        "https://attacker.example/webhooks/twilio/webhook", form
    )
    headers = {**headers, "X-Twilio-Signature": other_url}
    assert server.post(WEBHOOK, headers, urlencode(form).encode()).status_code == 403
    assert stub_agent.messages == []


def test_genuine_but_malformed_request_is_a_client_error(
    server: ChannelServer, stub_agent: StubAgent
) -> None:
    headers, body = inbound.recorded("twilio_malformed.json")
    assert server.post(WEBHOOK, headers, body).status_code == 400
    assert server.post(WEBHOOK, headers, b"\xff\xfe\x00").status_code == 403  # cannot verify
    assert stub_agent.messages == []


def test_picture_without_text_gets_a_notice_and_is_not_handed_over(
    server: ChannelServer, stub_agent: StubAgent, fake_api: FakeApi
) -> None:
    headers, body = inbound.twilio("twilio_mms_no_text.json", "+447700900205")
    assert server.post(WEBHOOK, headers, body).status_code == 200
    assert stub_agent.messages == []
    sent = fake_api.wait_for(lambda: fake_api.delivered(SEND))[0]
    assert sent.form["To"] == "+447700900205" and "typed" in sent.form["Body"]


def test_buttons_become_one_numbered_text_and_a_number_answers_them(
    server: ChannelServer, stub_agent: StubAgent, fake_api: FakeApi
) -> None:
    question = "To show the right services, where are you?"
    stub_agent.replies = [{"text": question, "buttons": REGIONS}]
    server.post(WEBHOOK, *inbound.twilio("twilio_sms.json", "+447700900206"))
    sent = fake_api.wait_for(lambda: fake_api.delivered(SEND))
    assert len(sent) == 1
    assert sent[0].form["Body"] == (
        "To show the right services, where are you?\n\n"
        "1. England\n2. Scotland\n3. Wales\n4. Rather not say\n"
        "Reply with the number of your choice."
    )
    stub_agent.replies = [{"text": "Thanks."}]
    server.post(WEBHOOK, *inbound.twilio("twilio_sms.json", "+447700900206", text="2"))
    server.post(WEBHOOK, *inbound.twilio("twilio_sms.json", "+447700900206", text="4"))
    assert stub_agent.texts_from("sms:+447700900206") == ["hello", "Scotland", "4"]


def test_payloads_are_never_shown_on_sms(
    server: ChannelServer, stub_agent: StubAgent, fake_api: FakeApi
) -> None:
    stub_agent.replies = [
        {"text": "Are you safe right now?", "buttons": [
            {"title": "Yes, I'm safe right now", "payload": "/affirm"},
            {"title": "No, I'm not safe", "payload": "/deny"},
        ]}
    ]
    server.post(WEBHOOK, *inbound.twilio("twilio_whatsapp.json", "whatsapp:+447700900207"))
    body = fake_api.wait_for(lambda: fake_api.delivered(SEND))[0].form["Body"]
    assert "/affirm" not in body and "/deny" not in body and "1. Yes, I'm safe right now" in body
    server.post(WEBHOOK, *inbound.twilio("twilio_whatsapp.json", "whatsapp:+447700900207", "2"))
    assert stub_agent.texts_from("whatsapp:+447700900207")[-1] == "/deny"


@pytest.mark.parametrize("status", [500, 503, 429])
def test_messages_api_failing_still_acknowledges_then_retries_until_delivered(
    server: ChannelServer, stub_agent: StubAgent, fake_api: FakeApi, status: int
) -> None:
    fake_api.fail_next(2, status=status)
    started = time.monotonic()
    reply = server.post(WEBHOOK, *inbound.twilio("twilio_sms.json", "+447700900208"))
    assert reply.status_code == 200 and time.monotonic() - started < 2
    assert stub_agent.texts_from("sms:+447700900208") == ["hello"]
    fake_api.wait_for(lambda: fake_api.delivered(SEND))
    assert [c.status for c in fake_api.attempts(SEND)] == [status, status, 201]


def test_replies_to_one_person_keep_their_order_through_retries(
    server: ChannelServer, stub_agent: StubAgent, fake_api: FakeApi
) -> None:
    stub_agent.replies = [{"text": "first"}, {"text": "second"}, {"text": "third"}]
    fake_api.fail_next(2)
    server.post(WEBHOOK, *inbound.twilio("twilio_sms.json", "+447700900209"))
    fake_api.wait_for(lambda: len(fake_api.delivered(SEND)) == 3)
    sent = fake_api.delivered(SEND)
    assert [c.form["Body"] for c in sent] == ["first", "second", "third"]


@pytest.mark.parametrize(
    ("sender", "to", "sender_number"),
    [
        ("sms:+447700900210", "+447700900210", settings.TWILIO_SMS_FROM),
        (
            "whatsapp:+447700900211",
            "whatsapp:+447700900211",
            "whatsapp:" + settings.TWILIO_WHATSAPP_FROM,
        ),
    ],
)
def test_rasa_http_api_can_send_through_the_connector(
    server: ChannelServer, fake_api: FakeApi, sender: str, to: str, sender_number: str
) -> None:
    """What `POST /conversations/<id>/trigger_intent?output_channel=latest` uses."""
    twilio = next(c for c in server.app.ctx.input_channels if c.name() == "twilio")
    output = twilio.get_output_channel()
    sending = output.send_response(sender, {"text": "A gentle reminder."})
    asyncio.run_coroutine_threadsafe(sending, server.loop).result(5)
    sent = fake_api.wait_for(lambda: fake_api.delivered(SEND))[0]
    assert sent.form == {"To": to, "From": sender_number, "Body": "A gentle reminder."}
