"""The action server killed, hung and slow, mid-conversation, against a real `rasa run`.

A parent has greeted and shared a concern; then the action server fails, and they disclose a
crisis through REST, the website widget's socket.io channel and WhatsApp (Twilio, to a local fake
send API). Every crisis turn must carry the region's emergency number within 5 seconds; an
ordinary turn gets the calm "having trouble" message; once the action server is back, normal
replies return without restarting the Rasa server.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
import socketio

from tests.channels import inbound
from tests.channels.assistant_server import MODEL, ROOT, AssistantServer, free_port
from tests.channels.fake_api import FakeApi
from tests.channels.settings import channel_env

pytestmark = pytest.mark.slow

CRISIS = "I can't do this anymore, I want to end my life"
CRISIS_OPENING = "your life matters"
EMERGENCY = "999"
CRISIS_LINE = "116 123"
TROUBLE = "having trouble right now"
# A weak sign of suicidal thoughts: the gentle direct question, with the numbers, also comes from
# the Rasa server while the action server is away.
POSSIBLE_RISK = "I don't know how much longer I can keep going"
RISK_QUESTION = "Are you having thoughts like that?"
# Answered by a custom action (the services list after the hand-off message).
ORDINARY = "can I talk to a real person please"
HANDOFF = "real people you can talk to"
TURN_END = "Are you safe right now?"  # a crisis turn's last message
DELETED = "I've deleted our chat"  # the store deletes it once the erase action has run
DEADLINE = 5.0  # seconds, from the parent's message to the emergency number
RECOVERY = 30.0  # the guard retries the action server 10 s after a failure (action_guard.yml)


class ActionServer:
    """`rasa run actions` on a fixed port, so it can be killed, stopped and brought back."""

    def __init__(self, workdir: Path) -> None:
        self.port = free_port()
        self.log = workdir / "actions.log"
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/webhook"

    def start(self) -> ActionServer:
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "rasa", "run", "actions", "--actions", "actions",
                 "-p", str(self.port)],
                cwd=ROOT, env={**os.environ, "SANIC_HOST": "127.0.0.1"},
                stdout=log, stderr=subprocess.STDOUT,
            )  # fmt: skip
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                requests.get(f"http://127.0.0.1:{self.port}/health", timeout=1).raise_for_status()
                return self
            except requests.RequestException:
                if self.proc.poll() is not None:
                    log = self.log.read_text()[-2000:]
                    raise RuntimeError(f"action server exited:\n{log}") from None
                time.sleep(0.3)
        raise RuntimeError("action server did not start within 90 s")

    def signal(self, number: int) -> None:
        assert self.proc is not None
        self.proc.send_signal(number)

    def kill(self) -> None:
        self.signal(signal.SIGKILL)
        assert self.proc is not None
        self.proc.wait(timeout=10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGCONT)
            self.proc.terminate()
            self.proc.wait(timeout=20)


@pytest.fixture(scope="module")
def stack(
    send_api: FakeApi, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[AssistantServer, ActionServer]]:
    if not MODEL.exists():
        pytest.fail(f"No trained model at {MODEL}: run `make train` (make test does this).")
    workdir = tmp_path_factory.mktemp("faults")
    actions = ActionServer(workdir).start()
    rasa = AssistantServer(workdir, actions.url, channel_env(send_api.base_url)).start()
    yield rasa, actions
    rasa.stop()
    actions.stop()


def rest(rasa: AssistantServer, sender: str, text: str) -> tuple[str, float]:
    started = time.monotonic()
    reply = requests.post(rasa.url("/webhooks/rest/webhook"),
                          json={"sender": sender, "message": text}, timeout=60)
    reply.raise_for_status()
    return "\n".join(m.get("text") or "" for m in reply.json()), time.monotonic() - started


def widget(rasa: AssistantServer, text: str) -> tuple[str, float]:
    """One message through socket.io, as the website widget sends it; the turn's replies."""
    client = socketio.Client(reconnection=False)
    replies: list[str] = []
    first_emergency: list[float] = []

    def received(data: dict) -> None:
        replies.append(data.get("text") or "")
        if EMERGENCY in replies[-1] and not first_emergency:
            first_emergency.append(time.monotonic())

    client.on("bot_uttered", received)
    client.connect(rasa.url(""), socketio_path="socket.io", transports=["polling"])
    try:
        session = uuid.uuid4().hex
        client.emit("session_request", {"session_id": session})
        time.sleep(0.5)
        started = time.monotonic()
        client.emit("user_uttered", {"message": text, "session_id": session})
        deadline = started + 20
        while time.monotonic() < deadline and not any(TURN_END in r for r in replies):
            time.sleep(0.05)
    finally:
        client.disconnect()
    taken = (first_emergency[0] - started) if first_emergency else float("inf")
    return "\n".join(replies), taken


def whatsapp(rasa: AssistantServer, send_api: FakeApi, text: str) -> tuple[str, float]:
    """One WhatsApp message through Twilio's webhook; what reached the (fake) send API."""
    address = f"whatsapp:+44{inbound.new_id()}"
    started = time.monotonic()
    rasa.post("/webhooks/twilio/webhook", *inbound.twilio("twilio_whatsapp.json", address, text))

    def sent() -> str:
        return "\n".join(c.form["Body"] for c in send_api.delivered()
                         if c.form is not None and c.form.get("To") == address)

    send_api.wait_for(lambda: CRISIS_OPENING in sent(), timeout=20)
    taken = time.monotonic() - started  # the crisis message, which names the emergency number
    send_api.wait_for(lambda: TURN_END in sent(), timeout=20)
    return sent(), taken


def start_conversation(rasa: AssistantServer) -> str:
    """Greeting and a bonding concern, while every part is healthy."""
    sender = f"fault-{uuid.uuid4().hex}"
    rest(rasa, sender, "hi")
    text, _ = rest(rasa, sender, "I don't feel any bond with my baby")
    assert TROUBLE not in text
    return sender


RESULTS = ROOT / "results" / "resilience" / "crisis_turns.tsv"


def assert_crisis_answered(text: str, taken: float, fault: str = "", channel: str = "") -> None:
    if fault:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        with RESULTS.open("a", encoding="utf-8") as out:  # figures for docs/resilience.md
            out.write(f"{fault}\t{channel}\t{taken:.2f}\t{EMERGENCY in text}\n")
    assert EMERGENCY in text and CRISIS_LINE in text, text
    assert CRISIS_OPENING in text, "the crisis message itself, not only a backstop"
    assert taken < DEADLINE, f"emergency number after {taken:.1f} s"


def assert_recovers(rasa: AssistantServer) -> None:
    """Normal replies return (the guard tries the action server again), no restart needed."""
    sender = f"fault-{uuid.uuid4().hex}"
    rest(rasa, sender, "hi")
    deadline = time.monotonic() + RECOVERY
    while time.monotonic() < deadline:
        text, _ = rest(rasa, sender, ORDINARY)
        if HANDOFF in text and TROUBLE not in text and len(text.splitlines()) > 1:
            return
        time.sleep(1)
    raise AssertionError(f"still 'having trouble' {RECOVERY:.0f} s after the server came back")


@pytest.mark.parametrize("fault", ["killed", "hung"])
def test_crisis_turns_get_the_emergency_number_while_the_action_server_is_away(
    stack: tuple[AssistantServer, ActionServer], send_api: FakeApi, fault: str
) -> None:
    rasa, actions = stack
    sender = start_conversation(rasa)
    if fault == "killed":
        actions.kill()
    else:
        actions.signal(signal.SIGSTOP)
    try:
        assert_crisis_answered(*rest(rasa, sender, CRISIS), fault, "rest")
        assert_crisis_answered(*widget(rasa, CRISIS), fault, "socketio")
        assert_crisis_answered(*whatsapp(rasa, send_api, CRISIS), fault, "whatsapp")
        asked, _ = rest(rasa, start_conversation_offline(rasa), POSSIBLE_RISK)
        assert RISK_QUESTION in asked and EMERGENCY in asked, asked
        text, taken = rest(rasa, start_conversation_offline(rasa), ORDINARY)
        assert HANDOFF in text and TROUBLE in text and EMERGENCY in text, text
        assert taken < 10
        erasing = start_conversation_offline(rasa)
        rest(rasa, erasing, "please delete my chat")
        erased, _ = rest(rasa, erasing, "/affirm")
        assert DELETED in erased and TROUBLE not in erased, erased
    finally:
        if fault == "killed":
            actions.start()
        else:
            actions.signal(signal.SIGCONT)
    assert_recovers(rasa)


def start_conversation_offline(rasa: AssistantServer) -> str:
    """A new parent during the outage: the disclaimer still comes, from the Rasa server."""
    sender = f"fault-{uuid.uuid4().hex}"
    text, _ = rest(rasa, sender, "hi")
    assert "automated assistant" in text and EMERGENCY in text, text
    return sender


def test_a_slow_action_server_does_not_delay_the_crisis_answer(
    stack: tuple[AssistantServer, ActionServer],
) -> None:
    rasa, actions = stack
    sender = start_conversation(rasa)
    actions.signal(signal.SIGSTOP)  # it answers, but only after 4 s: longer than the deadline
    threading.Timer(4.0, actions.signal, args=(signal.SIGCONT,)).start()
    text, taken = rest(rasa, sender, CRISIS)
    assert_crisis_answered(text, taken, "slow", "rest")
    assert text.count(CRISIS_OPENING) == 1, "the late answer is not sent as well"
    time.sleep(4.5)
    assert_recovers(rasa)
