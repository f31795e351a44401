"""A conversation full of personal data through a real Rasa server and the REST channel.

The server runs as `make run` runs it (INFO logs, endpoints with the anonymising store) on a
temporary SQLite file; afterwards neither the database files nor the server's log may contain
any of the raw values. Then "delete my chat" must leave nothing of that sender in the database.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "nurture.tar.gz"
TOKEN = "privacy-e2e-token"
SENDER = "+447700900999"  # as an SMS/WhatsApp channel would send it
CONVERSATION = [
    ("Hi, my name is Sarah Jones and I'm really struggling since my daughter Poppy was born",
     None),
    ("my husband Tom works away, call me on 07700 900123 or email sarah.jones@gmail.com", None),
    ("we live at 14 Elm Street, Cardiff CF10 1AA. Poppy's NHS number is 661 195 5372", None),
    ("she was born on 3rd March 2025, my insta is @sarahj_mum", None),
    ("can you help me find someone to talk to", None),
    ("we're in Cardiff", None),
    ("she's 4 months", None),
    ("I'm her mum", None),
    ("thanks, Sarah x", {"customData": {"name": "Sarah Jones", "phone": "07700900123"}}),
]
RAW_VALUES = ["Sarah", "Jones", "Poppy", "Tom", "07700 900123", "07700900123", "7700900123",
              "sarah.jones", "14 Elm Street", "Elm Street", "CF10 1AA", "661 195 5372",
              "3rd March 2025", "sarahj_mum", SENDER, "447700900999"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _post(url: str, body: dict) -> list[dict]:
    request = urllib.request.Request(url, data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())


def _get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.loads(response.read())


@pytest.fixture(scope="module")
def server(action_server_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    if not MODEL.exists():
        pytest.fail(f"No trained model at {MODEL}: run `make train` (make test does this).")
    work = tmp_path_factory.mktemp("privacy_e2e")
    model = work / "model.tar.gz"
    shutil.copy(MODEL, model)  # the original may be replaced by a training run meanwhile
    (work / "endpoints.yml").write_text(
        f'action_endpoint:\n  url: "{action_server_url}"\n'
        "tracker_store:\n  type: bot.privacy.tracker_store.AnonymisingTrackerStore\n"
    )
    (work / "credentials.yml").write_text("rest:\n")
    db = work / "var" / "nurture.db"
    log = work / "rasa.log"
    port = _free_port()
    env = {**os.environ, "BOT_DB_URL": f"sqlite:///{db}", "BOT_PSEUDONYM_KEY": "e2e-key",
           "SANIC_HOST": "127.0.0.1", "LOG_LEVEL": "INFO", "TF_CPP_MIN_LOG_LEVEL": "2"}
    with log.open("w") as sink:
        proc = subprocess.Popen(
            [sys.executable, "-m", "rasa", "run", "--enable-api", "--auth-token", TOKEN,
             "-i", "127.0.0.1", "-p", str(port), "--model", str(model),
             "--endpoints", str(work / "endpoints.yml"),
             "--credentials", str(work / "credentials.yml")],
            cwd=ROOT, env=env, stdout=sink, stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 180
    while True:
        try:
            _get(f"{base}/status?token={TOKEN}")
            break
        except OSError:
            if proc.poll() is not None or time.time() > deadline:
                proc.kill()
                pytest.fail("Rasa server did not start:\n" + log.read_text()[-3000:])
            time.sleep(1)
    yield {"base": base, "db": db, "log": log}
    proc.terminate()
    proc.wait(timeout=30)


def _word(value: str) -> re.Pattern[bytes]:
    """The value as a whole word ("tom", not the "tom" in "custom"), any case."""
    return re.compile(rb"(?<![a-z0-9])" + re.escape(value.lower().encode()) + rb"(?![a-z0-9])")


def _disk_bytes(db: Path) -> bytes:
    files = [p for p in db.parent.iterdir() if p.name.startswith(db.name)]
    return b"".join(p.read_bytes() for p in files).lower()


@pytest.mark.slow
def test_no_raw_personal_data_reaches_disk(server: dict) -> None:
    webhook = f"{server['base']}/webhooks/rest/webhook"
    replies = []
    for text, metadata in CONVERSATION:
        body = {"sender": SENDER, "message": text, **({"metadata": metadata} if metadata else {})}
        replies.append(_post(webhook, body))
    assert "automated" in " ".join(m.get("text", "") for m in replies[0]).lower()

    # The conversation still works on the redacted history: the form read the region, stage
    # and audience, and the parent got services for Wales.
    tracker = _get(f"{server['base']}/conversations/{SENDER}/tracker?token={TOKEN}")
    assert tracker["sender_id"] == SENDER
    assert tracker["slots"]["region"] == "uk-wls"
    assert tracker["slots"]["stage"] == "0-12m"
    assert tracker["latest_message"]["text"].startswith("thanks, [NAME]")

    data = _disk_bytes(server["db"])
    assert b"[name]" in data and b"[phone]" in data
    found = [v for v in RAW_VALUES if _word(v).search(data)]
    assert not found, f"raw values on disk: {found}"
    logged = server["log"].read_bytes().lower()
    assert not [v for v in RAW_VALUES if _word(v).search(logged)], "raw values in the server log"


@pytest.mark.slow
def test_delete_my_chat_leaves_nothing(server: dict) -> None:
    webhook = f"{server['base']}/webhooks/rest/webhook"
    sender = f"erase-{uuid.uuid4().hex}"
    other = f"keep-{uuid.uuid4().hex}"
    _post(webhook, {"sender": other, "message": "hi"})
    _post(webhook, {"sender": sender, "message": "hi, I'm Jo and I'm not coping"})
    _post(webhook, {"sender": sender, "message": "please delete my chat"})
    replies = _post(webhook, {"sender": sender, "message": "/affirm"})
    assert "deleted our chat" in " ".join(m.get("text", "") for m in replies)
    from bot.privacy.identity import pseudonymise

    engine = sa.create_engine(f"sqlite:///{server['db']}")
    with engine.connect() as connection:
        ids = {row[0] for row in connection.execute(sa.text("SELECT sender_id FROM events"))}
    engine.dispose()
    assert pseudonymise(sender, b"e2e-key") not in ids
    assert pseudonymise(other, b"e2e-key") in ids
    # A new message afterwards starts a fresh conversation (the disclaimer again).
    again = _post(webhook, {"sender": sender, "message": "hello"})
    assert "automated" in " ".join(m.get("text", "") for m in again).lower()
