"""Facebook Messenger connector against a real local server and a fake Send API."""

from __future__ import annotations

import hashlib
import hmac
import time

import pytest
import requests

from . import inbound, settings
from .fake_api import FakeApi
from .servers import ChannelServer, StubAgent

WEBHOOK = "/webhooks/facebook/webhook"
SEND = "/v23.0/me/messages"
PSID = "6543210987654321"
HELPFUL = [{"title": "Yes", "payload": "/affirm"}, {"title": "No", "payload": "/deny"}]
TOPICS = [
    {"title": "What is IMH?", "payload": "/info_imh"},
    {"title": "Brain development", "payload": "/info_brain_development"},
    {"title": "Attachment", "payload": "/info_attachment"},
    {"title": "Bonding in pregnancy", "payload": "/info_pregnancy_bonding"},
]


def test_verification_handshake_needs_the_verify_token(server: ChannelServer) -> None:
    params = {"hub.mode": "subscribe", "hub.challenge": "1158201444", "hub.verify_token": ""}
    good = {**params, "hub.verify_token": settings.FACEBOOK_VERIFY_TOKEN}
    ok = requests.get(server.url(WEBHOOK), params=good, timeout=10)
    assert (ok.status_code, ok.text) == (200, "1158201444")
    for token in ("", "guess"):
        wrong = requests.get(server.url(WEBHOOK), params={**params, "hub.verify_token": token})
        assert wrong.status_code == 403
    assert requests.get(server.url(WEBHOOK), timeout=10).status_code == 403


def test_genuine_message_is_handed_over_and_answered_by_the_send_api(
    server: ChannelServer, stub_agent: StubAgent, fake_api: FakeApi
) -> None:
    reply = server.post(WEBHOOK, *inbound.facebook("facebook_text.json", PSID))
    assert reply.status_code == 200
    assert stub_agent.texts_from(f"facebook:{PSID}") == ["hello"]
    sent = fake_api.wait_for(lambda: fake_api.delivered(SEND))[0]
    proof = hmac.new(
        settings.FACEBOOK_APP_SECRET.encode(),
        settings.FACEBOOK_PAGE_ACCESS_TOKEN.encode(),
        hashlib.sha256,
    ).hexdigest()
    assert sent.query == {
        "access_token": settings.FACEBOOK_PAGE_ACCESS_TOKEN,
        "appsecret_proof": proof,
    }
    assert sent.json == {
        "recipient": {"id": PSID},
        "messaging_type": "RESPONSE",
        "message": {"text": "Thank you for your message."},
    }


@pytest.mark.parametrize("name", ["facebook_forged.json", "facebook_unsigned_sha1.json"])
def test_unsigned_or_wrongly_signed_is_refused_and_nothing_stored(
    server: ChannelServer, stub_agent: StubAgent, fake_api: FakeApi, name: str
) -> None:
    headers, body = inbound.recorded(name)
    assert server.post(WEBHOOK, headers, body).status_code == 403
    headers, body = inbound.facebook("facebook_text.json", "111", secret="not-the-app-secret")
    assert server.post(WEBHOOK, headers, body).status_code == 403
    headers, body = inbound.facebook("facebook_text.json", "111")
    assert server.post(WEBHOOK, headers, body + b" ").status_code == 403
    time.sleep(0.2)
    assert stub_agent.messages == [] and fake_api.calls == []


def test_malformed_and_non_message_events_never_crash(
    server: ChannelServer, stub_agent: StubAgent, fake_api: FakeApi
) -> None:
    headers, body = inbound.recorded("facebook_malformed.json")
    assert server.post(WEBHOOK, headers, body).status_code == 400
    for name in ("facebook_read.json", "facebook_echo.json"):
        assert server.post(WEBHOOK, *inbound.recorded(name)).status_code == 200
    odd = b'{"object":"page","entry":[{"messaging":[{"sender":7},"x",{"message":[]}]},3]}'
    headers = {**headers, "X-Hub-Signature-256": inbound.facebook_signature(
        odd, settings.FACEBOOK_APP_SECRET)}
    assert server.post(WEBHOOK, headers, odd).status_code == 200
    time.sleep(0.2)
    assert stub_agent.messages == [] and fake_api.calls == []


def test_up_to_three_buttons_are_a_template_and_a_postback_returns_the_payload(
    server: ChannelServer, stub_agent: StubAgent, fake_api: FakeApi
) -> None:
    stub_agent.replies = [{"text": "Was this helpful?", "buttons": HELPFUL}]
    server.post(WEBHOOK, *inbound.facebook("facebook_text.json", "2001"))
    message = fake_api.wait_for(lambda: fake_api.delivered(SEND))[0].json["message"]
    assert message == {
        "attachment": {
            "type": "template",
            "payload": {
                "template_type": "button",
                "text": "Was this helpful?",
                "buttons": [
                    {"type": "postback", "title": "Yes", "payload": "/affirm"},
                    {"type": "postback", "title": "No", "payload": "/deny"},
                ],
            },
        }
    }
    server.post(WEBHOOK, *inbound.facebook("facebook_postback.json", "2001", text="/deny"))
    assert stub_agent.texts_from("facebook:2001") == ["hello", "/deny"]


def test_more_than_three_buttons_become_numbered_text_answered_by_number(
    server: ChannelServer, stub_agent: StubAgent, fake_api: FakeApi
) -> None:
    stub_agent.replies = [{"text": "What would you like to know?", "buttons": TOPICS}]
    server.post(WEBHOOK, *inbound.facebook("facebook_text.json", "2002"))
    text = fake_api.wait_for(lambda: fake_api.delivered(SEND))[0].json["message"]["text"]
    assert text.startswith("What would you like to know?\n\n1. What is IMH?\n2. Brain development")
    assert "/info" not in text
    server.post(WEBHOOK, *inbound.facebook("facebook_text.json", "2002", text="3"))
    assert stub_agent.texts_from("facebook:2002") == ["hello", "/info_attachment"]


def test_send_api_failing_still_acknowledges_then_retries_until_delivered(
    server: ChannelServer, stub_agent: StubAgent, fake_api: FakeApi
) -> None:
    fake_api.fail_next(3, status=500)
    started = time.monotonic()
    reply = server.post(WEBHOOK, *inbound.facebook("facebook_text.json", "2003"))
    assert reply.status_code == 200 and time.monotonic() - started < 2
    assert stub_agent.texts_from("facebook:2003") == ["hello"]
    fake_api.wait_for(lambda: fake_api.delivered(SEND))
    assert [c.status for c in fake_api.attempts(SEND)] == [500, 500, 500, 200]


def test_a_turn_that_could_not_be_stored_asks_meta_to_redeliver(
    server: ChannelServer, stub_agent: StubAgent
) -> None:
    stub_agent.fail = True
    headers, body = inbound.facebook("facebook_text.json", "2004")
    assert server.post(WEBHOOK, headers, body).status_code == 503
    stub_agent.fail = False
    assert server.post(WEBHOOK, headers, body).status_code == 200
    assert server.post(WEBHOOK, headers, body).status_code == 200  # redelivery: already stored
    assert stub_agent.texts_from("facebook:2004") == ["hello"]
