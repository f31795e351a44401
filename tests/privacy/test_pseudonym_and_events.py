"""Pseudonyms, event redaction, log scrubbing, the erase action and `bot review purge`."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest
import sqlalchemy as sa
import yaml

from bot.privacy import settings
from bot.privacy.events import AssistantTexts, EventRedactor
from bot.privacy.identity import PSEUDONYM_HEX_CHARS, pseudonymise
from bot.privacy.redactor import redact

ROOT = Path(__file__).resolve().parents[2]


def test_pseudonym_is_stable_keyed_and_opaque() -> None:
    first = pseudonymise("+447700900123", b"key-one")
    assert first == pseudonymise("+447700900123", b"key-one")
    assert first != pseudonymise("+447700900123", b"key-two")
    assert first != pseudonymise("+447700900124", b"key-one")
    assert len(first) == PSEUDONYM_HEX_CHARS and int(first, 16) >= 0
    assert "7700900123" not in first


def test_settings_prefer_the_environment_over_dotenv(tmp_path, monkeypatch) -> None:
    (tmp_path / ".env").write_text("BOT_PSEUDONYM_KEY=from-file\nBOT_RETENTION_DAYS=30\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("BOT_PSEUDONYM_KEY", raising=False)
    monkeypatch.delenv("BOT_RETENTION_DAYS", raising=False)
    monkeypatch.delenv("BOT_DB_URL", raising=False)
    assert settings.pseudonym_key() == b"from-file"
    assert settings.retention_days() == 30
    assert settings.db_url() == f"sqlite:///{tmp_path / 'var' / 'nurture.db'}"
    monkeypatch.setenv("BOT_PSEUDONYM_KEY", "from-env")
    monkeypatch.setenv("BOT_RETENTION_DAYS", "7")
    assert settings.pseudonym_key() == b"from-env"
    assert settings.retention_days() == 7
    monkeypatch.setenv("BOT_RETENTION_DAYS", "")  # empty means not set: .env applies
    assert settings.retention_days() == 30
    monkeypatch.setenv("BOT_RETENTION_DAYS", "0")
    with pytest.raises(ValueError):
        settings.retention_days()


def test_event_redaction_covers_text_entities_slots_and_metadata() -> None:
    redactor = EventRedactor(redact, "tg-123456789", "abc")
    user = redactor.event({
        "event": "user", "timestamp": 1.0, "text": "I'm Sarah, 07700 900123",
        "parse_data": {"text": "I'm Sarah, 07700 900123",
                       "intent": {"name": "greet", "confidence": 1.0},
                       "entities": [{"entity": "name", "value": "Sarah", "start": 4, "end": 9}]},
        "metadata": {"customData": {"region": "uk-sct"}, "chat": {"id": "tg-123456789",
                     "first_name": "Sarah", "username": "sarah_j"}},
        "input_channel": "telegram", "message_id": "m1",
    })
    assert user["text"] == user["parse_data"]["text"] == "I'm [NAME], [PHONE]"
    assert user["parse_data"]["entities"][0] == {"entity": "name", "value": "[NAME]",
                                                 "start": 4, "end": 9}
    assert user["metadata"] == {"customData": {"region": "uk-sct"},
                                "chat": {"id": "abc", "first_name": "[NAME]",
                                         "username": "[HANDLE]"}}
    assert user["input_channel"] == "telegram" and user["parse_data"]["intent"]["name"] == "greet"
    slot = redactor.event({"event": "slot", "name": "phone", "value": "07700 900123"})
    assert slot == {"event": "slot", "name": "phone", "value": "[PHONE]"}
    region = redactor.event({"event": "slot", "name": "region", "value": "uk-wls"})
    assert region["value"] == "uk-wls"
    bot = redactor.event({"event": "bot", "text": "Thanks, Sarah.", "data": {"buttons": [
        {"title": "Call 116 123", "payload": "/find_help"}]}})
    assert bot["text"] == "Thanks, [NAME]."
    assert bot["data"]["buttons"][0] == {"title": "Call 116 123", "payload": "/find_help"}


def test_assistant_replies_are_redacted_once_and_parent_messages_are_never_kept() -> None:
    calls: list[str] = []

    def counting(text: str) -> str:
        calls.append(text)
        return redact(text)

    shared = AssistantTexts(size=3)
    reply = {"event": "bot", "text": "Thanks, Sarah.", "data": {"buttons": [
        {"title": "Someone to talk to", "payload": "/find_help"}]}}
    for sender in ("tg-111111111", "tg-222222222"):  # two conversations, one store
        redactor = EventRedactor(counting, sender, "abc", shared)
        assert redactor.event(reply)["text"] == "Thanks, [NAME]."
        said = redactor.event({"event": "user", "text": "I'm Sarah, call 07700 900123"})
        assert said["text"] == "I'm [NAME], call [PHONE]"
    assert calls.count("Thanks, Sarah.") == 1 and calls.count("/find_help") == 1
    assert calls.count("I'm Sarah, call 07700 900123") == 2  # a parent's words: every time
    assert len(shared) == 3  # only the reply's strings, and never more than the limit
    assert shared.get("I'm Sarah, call 07700 900123") is None
    # A reply naming the conversation's own id is not shared with other conversations.
    redactor = EventRedactor(counting, "tg-333333333", "abc", shared)
    echo = redactor.event({"event": "bot", "text": "Your chat id is tg-333333333"})
    assert echo["text"] == "Your chat id is abc"
    assert shared.get("Your chat id is tg-333333333") is None


def test_crisis_messages_are_never_changed() -> None:
    """Redaction must not touch the words the safety review reads."""
    data = yaml.safe_load((ROOT / "tests" / "safety" / "crisis_messages.yml").read_text())
    texts = []

    def walk(node: object) -> None:
        if isinstance(node, str):
            texts.append(node)
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(data)
    assert len(texts) > 50
    changed = [(t, redact(t)) for t in texts if redact(t) != t]
    assert not changed


def test_rasa_logs_never_carry_message_text(caplog) -> None:
    import logging

    import structlog
    from rasa.utils.log_utils import configure_structlog

    from bot.privacy import log_scrub

    configure_structlog(logging.INFO)
    log = structlog.get_logger()
    log.info("before.install", event_info="a logger cached before the processor is added")
    log_scrub.install()
    log_scrub.install()  # idempotent
    assert structlog.get_config()["processors"].count(log_scrub.scrub_fields) == 1
    log.error("rest.message.received.failure", text="I'm Sarah, 07700 900123")
    out = caplog.text
    assert "rest.message.received.failure" in out and log_scrub.REDACTED in out
    assert "Sarah" not in out and "07700" not in out


def test_erase_action_confirms_and_restarts() -> None:
    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    from actions.erase import ActionEraseConversation

    action = ActionEraseConversation()
    assert action.name() == "action_erase_conversation"
    dispatcher = CollectingDispatcher()
    tracker = Tracker("s", {}, {"text": "yes"}, [], False, None, {}, "action_listen")
    events = asyncio.new_event_loop().run_until_complete(action.run(dispatcher, tracker, {}))
    assert [m["response"] for m in dispatcher.messages] == ["utter_chat_deleted"]
    assert events == [{"event": "restart", "timestamp": None}]


def test_bot_review_purge_command(tmp_path, capsys, monkeypatch) -> None:
    from rasa.core.tracker_store import SQLTrackerStore

    from bot import cli

    monkeypatch.delenv("BOT_RETENTION_DAYS", raising=False)
    url = f"sqlite:///{tmp_path / 'p.db'}"
    engine = sa.create_engine(url)
    SQLTrackerStore.Base.metadata.create_all(engine)
    table = SQLTrackerStore.SQLEvent.__table__
    now = time.time()
    with engine.begin() as connection:
        for age_days in (200, 91, 89, 1):
            connection.execute(table.insert().values(
                sender_id="x", type_name="user", timestamp=now - age_days * 86_400, data="{}"))
    assert cli.main(["review", "purge", "--db-url", url, "--dry-run"]) == 0
    assert "would delete 2 events older than 90 days" in capsys.readouterr().out
    assert cli.main(["review", "purge", "--db-url", url]) == 0
    assert "deleted 2 events" in capsys.readouterr().out
    assert cli.main(["review", "purge", "--db-url", url, "--days", "30"]) == 0
    assert "deleted 1 events older than 30 days" in capsys.readouterr().out
    with engine.connect() as connection:
        assert connection.execute(sa.text("SELECT count(*) FROM events")).scalar() == 1
    assert cli.main(["review", "purge", "--db-url", f"sqlite:///{tmp_path / 'none.db'}"]) == 0
