"""The anonymising tracker store with its database unreachable, then back.

Two real outages: the PostgreSQL server stopped and started again, and the SQLite file locked
by another process (as a backup tool or a stuck writer would), then released.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.privacy import tracker_store
from bot.privacy.identity import pseudonymise
from bot.privacy.tracker_store import AnonymisingTrackerStore
from tests.resilience.services import PrivatePostgres

KEY = "outage-test-key"


def run(coroutine: Any) -> Any:
    return asyncio.new_event_loop().run_until_complete(coroutine)


@pytest.fixture(scope="module")
def postgres() -> Iterator[PrivatePostgres]:
    server = PrivatePostgres().start()
    yield server
    server.stop()
    server.remove()


class LockedSqlite:
    """Another process holding an exclusive lock on the database file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.holder: sqlite3.Connection | None = None

    @property
    def url(self) -> str:
        return f"sqlite:///{self.path}"

    def stop(self) -> None:
        self.holder = sqlite3.connect(self.path, isolation_level=None)
        self.holder.execute("BEGIN EXCLUSIVE")

    def start(self) -> None:
        assert self.holder is not None
        self.holder.execute("COMMIT")
        self.holder.close()


@pytest.fixture(params=["postgres stopped", "sqlite locked"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Any:
    if request.param == "sqlite locked":
        return LockedSqlite(tmp_path / "nurture.db")
    return request.getfixturevalue("postgres")


@pytest.fixture
def store(database: Any, domain: Any, monkeypatch: pytest.MonkeyPatch) -> AnonymisingTrackerStore:
    monkeypatch.delenv("BOT_DB_URL", raising=False)
    monkeypatch.setattr(tracker_store, "DATABASE_RETRY_SECONDS", 0.3)
    return AnonymisingTrackerStore(domain=domain, host=database.url, pseudonym_key=KEY)


@pytest.fixture(scope="module")
def domain() -> Any:
    from rasa.shared.core.domain import Domain

    return Domain.load(str(Path(__file__).resolve().parents[2] / "domain.yml"))


def turn(tracker: DialogueStateTracker, text: str) -> None:
    tracker.update(UserUttered(text, parse_data={"intent": {"name": "greet"}, "text": text}))
    tracker.update(BotUttered(f"reply to {text}"))
    tracker.update(ActionExecuted("action_listen"))


def stored_texts(database: Any, sender: str) -> list[str]:
    engine = sa.create_engine(database.url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                sa.text("SELECT data FROM events WHERE sender_id = :s AND type_name = 'user' "
                        "ORDER BY id"),
                {"s": pseudonymise(sender, KEY.encode())},
            ).scalars().all()
    finally:
        engine.dispose()
    return [json.loads(row)["text"] for row in rows]


def test_an_outage_keeps_the_conversation_and_writes_it_when_the_database_is_back(
    store: AnonymisingTrackerStore, database: Any, domain: Any
) -> None:
    tracker = DialogueStateTracker.from_events("parent-1", [ActionExecuted("action_listen")],
                                               domain.slots)
    turn(tracker, "first")
    run(store.save(tracker))
    leaving = DialogueStateTracker.from_events("parent-2", [ActionExecuted("action_listen")],
                                               domain.slots)
    turn(leaving, "please forget me")
    run(store.save(leaving))

    database.stop()
    try:
        during = run(store.retrieve("parent-1"))
        assert during is not None, "the conversation goes on from memory"
        assert [e.text for e in during.events if isinstance(e, UserUttered)] == ["first"]
        turn(during, "second")
        run(store.save(during))  # no exception: the rows wait in memory
        again = run(store.retrieve("parent-1"))
        turn(again, "third")
        run(store.save(again))
        gone = run(store.retrieve("parent-2"))
        gone.update(ActionExecuted("action_erase_conversation"))
        run(store.save(gone))
        assert run(store.retrieve("parent-2")) is None, "erased at once, even in an outage"
    finally:
        database.start()
    time.sleep(0.4)  # the store tries the database again after DATABASE_RETRY_SECONDS

    later = run(store.retrieve("parent-1"))
    turn(later, "fourth")
    run(store.save(later))
    assert stored_texts(database, "parent-1") == ["first", "second", "third", "fourth"]
    assert stored_texts(database, "parent-2") == [], "the erasure reached the database"
