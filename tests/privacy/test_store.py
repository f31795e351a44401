"""The anonymising tracker store on SQLite and PostgreSQL: round trip, erasure, retention."""

from __future__ import annotations

import asyncio
import json
import os
import stat
import time
from pathlib import Path

import sqlalchemy as sa
from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    Restarted,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from bot.privacy.identity import pseudonymise
from bot.privacy.tracker_store import ERASE_ACTION

ROOT = Path(__file__).resolve().parents[2]
TEST_KEY = "test-pseudonym-key"  # as in conftest.py
SENDER = "whatsapp:+447700900999"
RAW = ["Sarah Jones", "07700 900123", "sarah.jones@gmail.com", "CF10 1AA", "+447700900999",
       "Sarah"]


def run(coroutine):
    return asyncio.new_event_loop().run_until_complete(coroutine)


def rows(store) -> list:
    with store.engine.connect() as connection:
        return list(connection.execute(sa.text("SELECT sender_id, data FROM events ORDER BY id")))


def conversation(domain, sender: str = SENDER, start: float | None = None) -> DialogueStateTracker:
    start = time.time() if start is None else start
    text = "my name is Sarah Jones, call me on 07700 900123 or sarah.jones@gmail.com, CF10 1AA"
    parse = {"text": text, "intent": {"name": "find_help", "confidence": 0.9},
             "entities": [{"entity": "person", "value": "Sarah Jones", "start": 11, "end": 22}]}
    events = [
        ActionExecuted("action_session_start", timestamp=start),
        SessionStarted(metadata={"customData": {"region": "uk-wls", "name": "Sarah Jones"}},
                       timestamp=start),
        SlotSet("session_started_metadata",
                {"customData": {"region": "uk-wls"}, "from": SENDER}, timestamp=start),
        ActionExecuted("action_listen", timestamp=start + 1),
        UserUttered(text, parse_data=parse, metadata={"phone": "07700 900123"},
                    timestamp=start + 2),
        SlotSet("region", "uk-wls", timestamp=start + 3),
        BotUttered("Thanks Sarah, here is help for Wales", timestamp=start + 4),
        ActionExecuted("action_listen", timestamp=start + 5),
    ]
    return DialogueStateTracker.from_events(sender, events, domain.slots)


def test_round_trip_is_redacted_and_pseudonymous(make_store, domain) -> None:
    store = make_store()
    run(store.save(conversation(domain)))
    stored = rows(store)
    assert {r.sender_id for r in stored} == {pseudonymise(SENDER, TEST_KEY.encode())}
    blob = json.dumps([r.data for r in stored])
    for value in RAW:
        assert value not in blob
    tracker = run(store.retrieve(SENDER))
    assert tracker.sender_id == SENDER  # channels reply to this id
    assert tracker.get_slot("region") == "uk-wls"
    assert tracker.latest_message.text == (
        "my name is [NAME], call me on [PHONE] or [EMAIL], [POSTCODE]"
    )
    assert tracker.latest_message.parse_data["intent"]["name"] == "find_help"
    assert tracker.latest_message.entities[0]["value"] == "[NAME]"
    assert run(store.exists(SENDER)) and not run(store.exists("someone else"))


def test_only_new_events_are_appended(make_store, domain) -> None:
    store = make_store()
    tracker = conversation(domain)
    run(store.save(tracker))
    first = len(rows(store))
    tracker = run(store.retrieve(SENDER))
    tracker.update(UserUttered("we're in Cardiff, she's 4 months"))
    tracker.update(ActionExecuted("action_listen"))
    run(store.save(tracker))
    assert len(rows(store)) == first + 2
    again = run(store.retrieve(SENDER))
    assert again.latest_message.text == "we're in Cardiff, she's 4 months"


def test_each_event_is_stored_once_however_often_a_turn_saves(make_store, domain) -> None:
    """Saves count what is stored from the tracker they loaded, across new sessions too."""
    store = make_store()
    run(store.save(conversation(domain)))
    first = len(rows(store))
    tracker = run(store.retrieve(SENDER))
    later = time.time() + 10
    tracker.update(ActionExecuted("action_session_start", timestamp=later))
    tracker.update(SessionStarted(timestamp=later))
    tracker.update(ActionExecuted("action_listen", timestamp=later))
    run(store.save(tracker))
    tracker.update(UserUttered("hello again", timestamp=later + 1))
    run(store.save(tracker))
    run(store.save(tracker))  # nothing new: nothing written
    assert len(rows(store)) == first + 4
    # A tracker the store did not load (rebuilt from the current session's events) is
    # counted in the database instead.
    current = list(run(store.retrieve(SENDER)).events)
    assert len(current) == 4
    rebuilt = DialogueStateTracker.from_events(SENDER, current, domain.slots)
    rebuilt.update(ActionExecuted("action_listen", timestamp=later + 2))
    run(store.save(rebuilt))
    assert len(rows(store)) == first + 5
    assert run(store.retrieve(SENDER)).latest_message.text == "hello again"


def test_another_store_on_the_same_database_sees_the_conversation(make_store, domain) -> None:
    run(make_store().save(conversation(domain)))
    assert run(make_store().retrieve(SENDER)).get_slot("region") == "uk-wls"


def test_erase_deletes_the_whole_conversation(make_store, domain) -> None:
    store = make_store()
    run(store.save(conversation(domain)))
    run(store.save(conversation(domain, sender="other-sender")))
    tracker = run(store.retrieve(SENDER))
    tracker.update(UserUttered("delete my chat"))
    tracker.update(ActionExecuted("utter_confirm_delete"))
    tracker.update(ActionExecuted("action_listen"))
    tracker.update(UserUttered("yes"))
    tracker.update(ActionExecuted(ERASE_ACTION))
    tracker.update(BotUttered("I've deleted our chat. Nothing we said is kept."))
    tracker.update(Restarted())
    tracker.update(ActionExecuted("action_listen"))
    run(store.save(tracker))
    assert run(store.retrieve(SENDER)) is None
    assert {r.sender_id for r in rows(store)} == {pseudonymise("other-sender", TEST_KEY.encode())}


def test_erase_in_an_earlier_turn_does_not_count(make_store, domain) -> None:
    store = make_store()
    tracker = conversation(domain)
    tracker.update(ActionExecuted(ERASE_ACTION))
    tracker.update(UserUttered("hello again"))
    run(store.save(tracker))
    assert run(store.retrieve(SENDER)) is not None


def test_purge_deletes_only_old_events(make_store, domain) -> None:
    store = make_store(retention_days=90)
    run(store.save(conversation(domain, sender="old", start=time.time() - 100 * 86_400)))
    run(store.save(conversation(domain, sender="recent")))
    assert store.purge() > 0
    assert run(store.retrieve("old")) is None
    assert run(store.retrieve("recent")) is not None


def test_purge_runs_at_start_up_and_daily_on_save(make_store, domain) -> None:
    first = make_store(retention_days=30, purge_on_start=False)
    first._last_purge = time.time()  # as if purged just now
    run(first.save(conversation(domain, sender="old", start=time.time() - 40 * 86_400)))
    assert run(first.retrieve("old")) is not None
    make_store(retention_days=30)  # start-up purge
    assert run(first.retrieve("old")) is None

    run(first.save(conversation(domain, sender="old2", start=time.time() - 40 * 86_400)))
    first._last_purge = time.time()  # purged recently: save does not purge again
    run(first.save(conversation(domain, sender="new")))
    assert run(first.retrieve("old2")) is not None
    first._last_purge = time.time() - 2 * 86_400
    run(first.save(conversation(domain, sender="new2")))
    assert run(first.retrieve("old2")) is None


def test_sqlite_file_is_private_and_erased_rows_are_overwritten(tmp_path, domain, monkeypatch):
    from bot.privacy.tracker_store import AnonymisingTrackerStore

    monkeypatch.delenv("BOT_DB_URL", raising=False)
    path = tmp_path / "var" / "nurture.db"
    store = AnonymisingTrackerStore(domain=domain, host=f"sqlite:///{path}",
                                    pseudonym_key=TEST_KEY)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    tracker = conversation(domain)
    tracker.update(UserUttered("zebra crossing marmalade"))
    run(store.save(tracker))
    assert b"zebra crossing marmalade" in path.read_bytes()
    store.erase(SENDER)
    store.engine.dispose()
    assert b"zebra crossing marmalade" not in path.read_bytes()  # secure_delete


def test_store_loads_from_endpoints_yml(tmp_path, domain, monkeypatch) -> None:
    from rasa.core.tracker_store import TrackerStore
    from rasa.utils.endpoints import read_endpoint_config

    from bot.privacy.tracker_store import AnonymisingTrackerStore

    monkeypatch.setenv("BOT_DB_URL", f"sqlite:///{tmp_path / 'ep.db'}")
    monkeypatch.setenv("BOT_PSEUDONYM_KEY", TEST_KEY)
    config = read_endpoint_config(str(ROOT / "endpoints.yml"), "tracker_store")
    store = TrackerStore.create(config, domain)
    assert isinstance(store, AnonymisingTrackerStore)
    assert (tmp_path / "ep.db").exists()
    store.engine.dispose()


def test_store_refuses_to_run_without_a_key(tmp_path, domain, monkeypatch) -> None:
    import pytest

    from bot.privacy.tracker_store import AnonymisingTrackerStore

    monkeypatch.delenv("BOT_PSEUDONYM_KEY", raising=False)
    monkeypatch.chdir(tmp_path)  # no .env here
    with pytest.raises(RuntimeError, match="BOT_PSEUDONYM_KEY"):
        AnonymisingTrackerStore(domain=domain, host=f"sqlite:///{tmp_path / 'k.db'}")
