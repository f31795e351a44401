"""Helpers for the review app tests: conversations saved through the assistant's anonymising
tracker store, the app started as a real server, and a logged-in HTTP client."""

from __future__ import annotations

import asyncio
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct-horse-battery-staple"
PG_HOST, PG_PORT = "127.0.0.1", 5432
IN_CI = os.environ.get("CI") == "true"
PSEUDONYM_KEY = "review-tests-pseudonym-key"


def sid(name: str) -> str:
    """The stored (pseudonymous) id of a test conversation, as the review app shows it."""
    from bot.privacy.identity import pseudonymise

    return pseudonymise(name, PSEUDONYM_KEY.encode())


def _ts(day: int, hour: int, minute: int = 0) -> float:
    return datetime(2026, 11, day, hour, minute, tzinfo=timezone.utc).timestamp()


def user_turn(text: str, intent: str, confidence: float, ts: float, channel: str, **extra: object):
    from rasa.shared.core.events import UserUttered

    parse = {
        "text": text,
        "intent": {"name": intent, "confidence": confidence},
        "intent_ranking": [{"name": intent, "confidence": confidence}],
        "entities": [],
        **extra,
    }
    return UserUttered(text, parse["intent"], [], parse, timestamp=ts, input_channel=channel)


def _conversations() -> dict[str, list]:
    """Four conversations over three days: counts the tests (and the dashboard) expect."""
    from rasa.shared.core.events import (
        ActionExecuted,
        BotUttered,
        SessionStarted,
        SlotSet,
    )

    def act(name: str, ts: float) -> ActionExecuted:
        return ActionExecuted(name, timestamp=ts)

    def bot(text: str, ts: float, buttons: list | None = None) -> BotUttered:
        return BotUttered(text, {"buttons": buttons or []}, timestamp=ts)

    d1, d2, d4 = _ts(2, 9), _ts(3, 14), _ts(5, 20)
    return {
        "conv-overwhelm": [
            act("action_session_start", d1),
            SessionStarted(timestamp=d1),
            act("action_listen", d1),
            user_turn(
                "im so tired and she never stops crying", "concern_overwhelm", 0.93, d1 + 5, "rest"
            ),
            act("action_signpost", d1 + 6),
            bot("Here are some places that can help in England:", d1 + 6),
            SlotSet("resources_offered", ["icon-babies-cry", "samaritans"], timestamp=d1 + 6),
            bot("Was this helpful?", d1 + 6, [{"title": "Yes", "payload": "/affirm"}]),
            act("action_listen", d1 + 6),
            user_turn("yes", "affirm", 0.98, d1 + 30, "rest"),
            act("action_record_feedback", d1 + 31),
            bot("Thank you for telling me.", d1 + 31),
            SlotSet("signpost_helpful", "yes", timestamp=d1 + 31),
        ],
        "conv-crisis": [
            act("action_session_start", d2),
            SessionStarted(timestamp=d2),
            act("action_listen", d2),
            user_turn(
                "i cant see a way out",
                "crisis_self_harm",
                1.0,
                d2 + 4,
                "socketio",
                safety_net={"fired": True, "by": "patterns", "rules": ["no_way_out"]},
            ),
            act("action_escalate_crisis", d2 + 5),
            bot("If you are in danger now, call 999.", d2 + 5),
            SlotSet("resources_offered", ["uk-emergency-999", "samaritans"], timestamp=d2 + 5),
            act("action_listen", d2 + 5),
        ],
        "conv-fallback": [
            act("action_session_start", d2 + 600),
            SessionStarted(timestamp=d2 + 600),
            act("action_listen", d2 + 600),
            user_turn("<b>asdf</b> qwerty", "nlu_fallback", 0.21, d2 + 610, "telegram"),
            act("action_default_fallback", d2 + 611),
            bot("Sorry, I didn't quite understand.", d2 + 611),
            act("action_listen", d2 + 611),
            user_turn(
                "i dont feel close to my baby", "concern_bonding", 0.88, d2 + 640, "telegram"
            ),
            act("action_signpost", d2 + 641),
            SlotSet("resources_offered", ["parent-infant-foundation"], timestamp=d2 + 641),
            act("action_listen", d2 + 641),
            user_turn("no", "deny", 0.97, d2 + 700, "telegram"),
            act("action_record_feedback", d2 + 701),
            SlotSet("signpost_helpful", "no", timestamp=d2 + 701),
        ],
        "conv-harm": [
            act("action_session_start", d4),
            SessionStarted(timestamp=d4),
            act("action_listen", d4),
            user_turn("everything feels grey lately", "concern_low_mood", 0.71, d4 + 3, "rest"),
            act("action_listen", d4 + 4),
            user_turn("im scared i will hurt him", "crisis_harm_baby", 1.0, d4 + 60, "rest"),
            act("action_escalate_crisis", d4 + 61),
            bot("Please call 999 now if your baby is in danger.", d4 + 61),
            act("action_listen", d4 + 61),
        ],
    }


def save_conversations(db_url: str, conversations: dict[str, list] | None = None) -> None:
    """Write conversations (the four above by default) through the anonymising tracker store,
    as the assistant does."""
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.trackers import DialogueStateTracker

    from bot.privacy.tracker_store import AnonymisingTrackerStore

    domain = Domain.load(str(ROOT / "domain.yml"))
    store = AnonymisingTrackerStore(domain=domain, host=db_url, pseudonym_key=PSEUDONYM_KEY,
                                    purge_on_start=False)
    for sender, events in (conversations or _conversations()).items():
        tracker = DialogueStateTracker.from_events(sender, events, slots=domain.slots)
        asyncio.run(store.save(tracker))
    store.engine.dispose()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def pg_reachable() -> bool:
    try:
        with socket.create_connection((PG_HOST, PG_PORT), timeout=2):
            return True
    except OSError:
        return False


@dataclass
class Server:
    url: str
    db_url: str
    process: subprocess.Popen

    def add_user(self, name: str, role: str, password: str = PASSWORD) -> None:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "bot.cli",
                "review",
                "add-user",
                name,
                "--role",
                role,
                "--db",
                self.db_url,
            ],
            input=password + "\n",
            text=True,
            capture_output=True,
            cwd=ROOT,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr


def start_server(db_url: str, **env: str) -> Server:
    port = _free_port()
    environment = {
        **os.environ,
        "BOT_REVIEW_SECRET": "test-secret-" + uuid.uuid4().hex,
        "BOT_REVIEW_MAX_FAILURES": "3",
        "BOT_REVIEW_IP_ATTEMPTS": "1000",
        "BOT_REVIEW_ACCOUNT_ATTEMPTS": "100",
        **env,
    }
    log = Path(tempfile.mkstemp(prefix="review-app-", suffix=".log")[1])
    with log.open("w") as sink:  # a file, not a pipe: a full pipe would block the server
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "bot.cli",
                "review",
                "serve",
                "--port",
                str(port),
                "--db",
                db_url,
            ],
            cwd=ROOT,
            env=environment,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"review app exited: {log.read_text()}")
        try:
            requests.get(url + "/login", timeout=1)
            return Server(url, db_url, process)
        except requests.ConnectionError:
            time.sleep(0.3)
    process.kill()
    raise RuntimeError("review app did not start within 60 s")


def stop_server(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.process.kill()


_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_from(html: str) -> str:
    match = _TOKEN.search(html)
    assert match, "no CSRF token in the page"
    return match.group(1)


def login(
    url: str, name: str, password: str = PASSWORD
) -> tuple[requests.Session, requests.Response]:
    client = requests.Session()
    form = client.get(url + "/login", timeout=10)
    response = client.post(
        url + "/login",
        data={"name": name, "password": password, "csrf_token": csrf_from(form.text)},
        allow_redirects=False,
        timeout=30,
    )
    return client, response
