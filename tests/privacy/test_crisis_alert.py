"""The crisis alert webhook: sent for escalated turns only, with no text, retried, never waited on.

A real local HTTP server stands in for the team's chat tool.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from rasa.shared.core.events import ActionExecuted, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.privacy.identity import pseudonymise
from bot.review import alert_hook

TEST_KEY = "test-pseudonym-key"  # as in conftest.py
SENDER = "whatsapp:+447700900555"
CRISIS_TEXT = "I want to end my life tonight, I'm Amy Clarke"


class ChatTool:
    """Records every POST; answers each with the next status (then 200), after `delay` s."""

    def __init__(self, statuses: list[int], delay: float = 0.0) -> None:
        self.bodies: list[str] = []
        self.statuses = statuses
        self.delay = delay
        tool = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                tool.bodies.append(self.rfile.read(length).decode())
                time.sleep(tool.delay)
                self.send_response(tool.statuses.pop(0) if tool.statuses else 200)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"

    def close(self) -> None:
        self.server.shutdown()


@pytest.fixture
def chat_tool(request: pytest.FixtureRequest) -> Iterator[ChatTool]:
    statuses, delay = getattr(request, "param", ([], 0.0))
    tool = ChatTool(list(statuses), delay)
    yield tool
    tool.close()


def conversation(domain) -> DialogueStateTracker:
    start = time.time()

    def user(text: str, intent: str, at: float) -> UserUttered:
        parse = {"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": []}
        return UserUttered(text, parse["intent"], [], parse, timestamp=at)

    events = [
        ActionExecuted("action_session_start", timestamp=start),
        SessionStarted(timestamp=start),
        ActionExecuted("action_listen", timestamp=start),
        user("hi there", "greet", start + 1),
        ActionExecuted("action_listen", timestamp=start + 2),
        user(CRISIS_TEXT, "crisis_self_harm", start + 3),
        ActionExecuted("action_escalate_crisis", timestamp=start + 4),
    ]
    return DialogueStateTracker.from_events(SENDER, events, domain.slots)


def save_then_drain(store, tracker) -> float:
    """Seconds the save itself took; then waits for the deliveries in flight."""

    async def go() -> float:
        began = time.monotonic()
        await store.save(tracker)
        took = time.monotonic() - began
        await alert_hook.drain()
        return took

    return asyncio.new_event_loop().run_until_complete(go())


@pytest.mark.parametrize("chat_tool", [([], 1.5)], indirect=True)
def test_an_escalated_turn_alerts_the_team_with_no_text_and_no_wait(
    make_store, domain, chat_tool: ChatTool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BOT_REVIEW_ALERT_URL", chat_tool.url)
    monkeypatch.setenv("BOT_REVIEW_PUBLIC_URL", "https://review.example.org/")
    took = save_then_drain(make_store(), conversation(domain))
    assert took < 1.0, "the parent's turn must not wait for the webhook (it answers in 1.5 s)"
    assert len(chat_tool.bodies) == 1  # the crisis turn only, not the greeting
    assert json.loads(chat_tool.bodies[0]) == {
        "conversation": pseudonymise(SENDER, TEST_KEY.encode()),
        "crisis_type": "crisis_self_harm",
        "link": "https://review.example.org/attention",
    }
    for raw in ("end my life", "Amy", "+447700900555"):
        assert raw not in chat_tool.bodies[0]


@pytest.mark.parametrize("chat_tool", [([500, 503], 0.0)], indirect=True)
def test_a_failed_delivery_is_retried(
    make_store, domain, chat_tool: ChatTool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BOT_REVIEW_ALERT_URL", chat_tool.url)
    monkeypatch.setattr(alert_hook, "FIRST_BACKOFF", 0.05)
    save_then_drain(make_store(), conversation(domain))
    assert len(chat_tool.bodies) == 3  # two failures, then delivered


def test_without_a_webhook_nothing_is_sent(
    make_store, domain, chat_tool: ChatTool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BOT_REVIEW_ALERT_URL", raising=False)
    save_then_drain(make_store(), conversation(domain))
    assert chat_tool.bodies == []
