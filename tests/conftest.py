"""Shared fixtures: a real action server and the trained assistant, in-process."""

from __future__ import annotations

import asyncio
import logging
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "models" / "nurture.tar.gz"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def send_api() -> Iterator[Any]:
    """A local stand-in for the messaging apps' send APIs (tests/channels/fake_api.py)."""
    from tests.channels.fake_api import FakeApi

    api = FakeApi().start()
    yield api
    api.stop()


@pytest.fixture(scope="session")
def action_server_url() -> Iterator[str]:
    """The project's own action server, started as `make run` starts it."""
    port = _free_port()
    env = {**os.environ, "SANIC_HOST": "127.0.0.1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "rasa", "run", "actions", "--actions", "actions", "-p", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 90
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1)
            break
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError("action server exited during start-up") from None
            time.sleep(0.5)
    else:
        proc.kill()
        raise RuntimeError("action server did not start within 90 s")
    yield f"http://127.0.0.1:{port}/webhook"
    proc.terminate()
    proc.wait(timeout=20)


class Assistant:
    """The trained model and the action server, talking as any channel would."""

    def __init__(self, agent: Any, loop: asyncio.AbstractEventLoop) -> None:
        self.agent = agent
        self.loop = loop

    def new_sender(self) -> str:
        return f"test-{uuid.uuid4().hex}"

    def send(
        self, text: str, sender: str | None = None, metadata: dict | None = None
    ) -> list[dict]:
        from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

        output = CollectingOutputChannel()
        message = UserMessage(
            text, output, sender or self.new_sender(), input_channel="rest", metadata=metadata
        )
        self.loop.run_until_complete(self.agent.handle_message(message))
        return output.messages

    def parse(self, text: str) -> dict:
        return self.loop.run_until_complete(self.agent.parse_message(text))

    def tracker(self, sender: str) -> Any:
        return self.loop.run_until_complete(self.agent.tracker_store.retrieve(sender))


@pytest.fixture(scope="session")
def assistant(action_server_url: str) -> Iterator[Assistant]:
    if not MODEL.exists():
        pytest.fail(f"No trained model at {MODEL}: run `make train` (make test does this).")
    from rasa.core.agent import Agent
    from rasa.utils.endpoints import EndpointConfig
    from rasa.utils.log_utils import configure_structlog

    # As in production: INFO, so no message text is logged (Rasa logs it only at DEBUG).
    logging.getLogger("rasa").setLevel(logging.INFO)
    configure_structlog(logging.INFO)

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    agent = Agent.load(str(MODEL), action_endpoint=EndpointConfig(action_server_url))
    yield Assistant(agent, loop)
    loop.close()


def texts(messages: list[dict]) -> list[str]:
    return [m.get("text") or "" for m in messages]


EMERGENCY = re.compile(r"\b(999|112|911)\b")
SAFETY_QUESTION = "Are you safe right now?"
RISK_QUESTION = "Are you having thoughts like that?"


def crisis_answered(replies: list[str]) -> bool:
    """The full crisis answer: an emergency number first, then "Are you safe right now?"."""
    return bool(replies) and bool(EMERGENCY.search(replies[0])) and SAFETY_QUESTION in replies


def asked_about_risk(replies: list[str]) -> bool:
    """The gentle direct question, with the emergency number in the same first bubble."""
    return bool(replies) and RISK_QUESTION in replies[0] and bool(EMERGENCY.search(replies[0]))


def emergency_first(replies: list[str]) -> bool:
    """Either answer: what the issue's crisis figure counts (the first reply has the number)."""
    return crisis_answered(replies) or asked_about_risk(replies)
