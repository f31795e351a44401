"""Two Rasa servers on one PostgreSQL tracker store and one Redis lock store keep one history.

Starts two `rasa run` servers (same model, same endpoints.yml, BOT_DB_URL and BOT_REDIS_URL set)
and one action server, then (1) sends one conversation alternating between the servers and
(2) sends messages of another conversation to both servers at the same moment. Each stored
conversation must hold every user message exactly once, in order, each turn finished before
the next began, and be identical when read back from either server. (3) A conversation full of
personal data on SMS and WhatsApp, alternating between the servers: afterwards no raw value and
no raw sender id is in the database, in Redis (every key and value) or in any log line, and a
"2" typed on SMS picks the button that the other server showed.
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
import sqlalchemy as sa
import yaml

from benchmarks import servers
from tests.channels import inbound
from tests.channels.fake_api import FakeApi
from tests.channels.settings import channel_env
from tests.scale.services import drop_database, fresh_database, require_redis

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "nurture.tar.gz"
DATABASE = "nurture_scale_test"
REDIS_DB = 13
# No names or places, so an anonymising tracker store keeps the text as sent.
ALTERNATING = [
    "hi",
    "im so tired and she never stops crying, i cant cope",
    "/ask_ideas",
    "/find_help",
    "rather not say",
    "rather not say",
    "rather not say",
    "/affirm",
    "thank you",
]
CONCURRENT_ROUNDS = [
    ("hello", "what is infant mental health"),
    ("how does a baby's brain develop", "what does secure attachment mean"),
    ("/info_sensitivity", "/info_attachment"),
    ("thanks", "bye"),
]


# Sent on SMS and WhatsApp; every value here must be gone from storage and logs.
PERSONAL = [
    "hi my name is Priya Sharma and I'm struggling since my son was born",
    "you can call me on 07700 900461 or email priya.sharma@example.com",
    "we live at 14 Elm Street, Cardiff CF10 1AA",
    "the nursery has my card 4111 1111 1111 1111 and my NI number AB 12 34 56 C",
]
RAW = ["Priya", "Sharma", "900461", "priya.sharma", "14 Elm Street", "CF10 1AA",
       "4111 1111 1111 1111", "AB 12 34 56 C"]
SMS_NUMBER, WHATSAPP_NUMBER = "+447700900462", "+447700900463"


@dataclass
class Cluster:
    urls: list[str]
    token: str
    db_url: str
    logs: list[Path]
    send_api: FakeApi

    def twilio(self, server: int, sender: str, text: str) -> None:
        fixture = "twilio_whatsapp.json" if sender.startswith("whatsapp:") else "twilio_sms.json"
        headers, body = inbound.twilio(fixture, sender, text)
        response = requests.post(f"{self.urls[server]}/webhooks/twilio/webhook", data=body,
                                 headers=headers, timeout=60)
        assert response.status_code == 200, response.text

    def say(self, server: int, sender: str, text: str) -> list[dict]:
        response = requests.post(f"{self.urls[server]}/webhooks/rest/webhook",
                                 json={"sender": sender, "message": text}, timeout=60)
        response.raise_for_status()
        return response.json()

    def events(self, server: int, sender: str) -> list[dict]:
        response = requests.get(f"{self.urls[server]}/conversations/{sender}/tracker",
                                params={"token": self.token, "include_events": "ALL"}, timeout=30)
        response.raise_for_status()
        return response.json()["events"]


def _endpoints(tmp: Path, action_url: str, db_url: str) -> Path:
    """endpoints.yml with the action server's port; Rasa's SQL store if none is chosen yet."""
    data = yaml.safe_load((ROOT / "endpoints.yml").read_text(encoding="utf-8")) or {}
    data["action_endpoint"] = {"url": action_url}
    if not data.get("tracker_store"):
        # Until the anonymising store selects itself in endpoints.yml, test Rasa's own.
        data["tracker_store"] = {"type": "sql", "dialect": "postgresql", "url": "127.0.0.1",
                                 "port": 5432, "db": db_url.rsplit("/", 1)[1],
                                 "username": "postgres"}
    path = tmp / "endpoints.yml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    if not MODEL.exists():
        pytest.fail(f"No trained model at {MODEL}: run `make train`.")
    require_redis(REDIS_DB)
    db_url = fresh_database(DATABASE)
    tmp = tmp_path_factory.mktemp("scale")
    token = secrets.token_urlsafe(16)
    send_api = FakeApi().start()
    env = {**channel_env(send_api.base_url), "BOT_DB_URL": db_url,
           "BOT_REDIS_URL": f"redis://127.0.0.1:6379/{REDIS_DB}",
           "BOT_PSEUDONYM_KEY": secrets.token_hex(16)}
    actions = servers.action_server("actions", ROOT, tmp / "actions.log")
    endpoints = _endpoints(tmp, f"{actions.base_url}/webhook", db_url)
    rasas = [
        servers.rasa_server(f"rasa{i}", ROOT, MODEL, token, tmp / f"rasa{i}.log",
                            endpoints=endpoints, credentials=ROOT / "credentials.yml", env=env)
        for i in range(2)
    ]
    try:
        for server in [actions, *rasas]:
            servers.wait_ready(server, timeout_s=240)
        yield Cluster([s.base_url for s in rasas], token, db_url,
                      [actions.log, *(s.log for s in rasas)], send_api)
    finally:
        for server in [*rasas, actions]:
            servers.stop(server.proc)
        send_api.stop()
        drop_database(DATABASE)


def user_texts(events: list[dict]) -> list[str]:
    return [e.get("text") or "" for e in events if e["event"] == "user"]


def assert_turns_never_overlap(events: list[dict]) -> None:
    """Each user message's turn ends with action_listen before the next user message."""
    last_action = None
    for event in events:
        if event["event"] == "user" and last_action is not None:
            assert last_action == "action_listen", f"turn overlapped: {event.get('text')!r}"
        if event["event"] == "action":
            last_action = event.get("name")


def test_a_conversation_alternating_between_servers_is_stored_once_in_order(cluster: Cluster):
    sender = f"scale-{uuid.uuid4().hex}"
    for i, text in enumerate(ALTERNATING):
        assert cluster.say(i % 2, sender, text), f"no reply to {text!r} from server {i % 2}"
    from_first, from_second = cluster.events(0, sender), cluster.events(1, sender)
    assert user_texts(from_first) == ALTERNATING
    assert from_first == from_second
    assert_turns_never_overlap(from_first)


def test_concurrent_messages_on_both_servers_are_all_stored_once(cluster: Cluster):
    sender = f"scale-{uuid.uuid4().hex}"
    cluster.say(0, sender, "hi")
    with ThreadPoolExecutor(max_workers=2) as pool:
        for first, second in CONCURRENT_ROUNDS:
            replies = list(pool.map(lambda job: cluster.say(*job),
                                    [(0, sender, first), (1, sender, second)]))
            assert all(replies), f"a message of round {(first, second)} got no reply"
    events = cluster.events(0, sender)
    texts = user_texts(events)
    assert texts[0] == "hi"
    position = 1
    for pair in CONCURRENT_ROUNDS:  # within a round either order is right, rounds in order
        assert sorted(texts[position:position + 2]) == sorted(pair), texts
        position += 2
    assert len(texts) == 1 + 2 * len(CONCURRENT_ROUNDS)
    assert events == cluster.events(1, sender)
    assert_turns_never_overlap(events)


def sent_to(cluster: Cluster, number: str) -> list[str]:
    return [c.form["Body"] for c in cluster.send_api.delivered()
            if c.form is not None and c.form.get("To", "").endswith(number)]


def test_personal_data_on_sms_and_whatsapp_leaves_no_trace_on_either_server(cluster: Cluster):
    import redis

    for number in (f"whatsapp:{WHATSAPP_NUMBER}", SMS_NUMBER):
        for i, text in enumerate(PERSONAL):
            cluster.twilio(i % 2, number, text)
    # Buttons shown by server 0 ("Are you safe right now?"), answered "2" on server 1.
    cluster.twilio(0, SMS_NUMBER, "I want to end my life")
    before = len(sent_to(cluster, SMS_NUMBER))
    cluster.twilio(1, SMS_NUMBER, "2")
    # "2" is "No, I'm not safe": the urgent numbers, then "Please call 999 now".
    cluster.send_api.wait_for(
        lambda: any("Please call 999 now" in r for r in sent_to(cluster, SMS_NUMBER)[before:]))

    engine = sa.create_engine(cluster.db_url)
    with engine.connect() as connection:
        rows = connection.execute(sa.text("SELECT sender_id, data FROM events")).all()
    engine.dispose()
    stored = "\n".join(f"{sender} {data}" for sender, data in rows)
    client = redis.Redis(host="127.0.0.1", port=6379, db=REDIS_DB)
    in_redis = "\n".join(f"{key!r} {client.dump(key)!r}" for key in client.keys("*"))
    logs = "\n".join(log.read_text(encoding="utf-8", errors="replace") for log in cluster.logs)
    digits = [WHATSAPP_NUMBER.lstrip("+"), SMS_NUMBER.lstrip("+"), "7700900462", "7700900463"]
    assert rows, "the conversations were stored"
    for place, content in (("database", stored), ("Redis", in_redis), ("logs", logs)):
        leaked = [value for value in RAW + digits if value in content]
        assert not leaked, f"raw values in {place}: {leaked}"
