"""A SQL tracker store that stores no personal data.

Wraps Rasa's `SQLTrackerStore`: sender ids are stored as keyed pseudonyms and every event is
redacted (bot/privacy/events.py) before it is written, so raw text never reaches the database.
`retrieve()` pseudonymises the id it is given the same way and hands back a tracker under the
raw id (channels reply to `tracker.sender_id`), holding the redacted history. Events within the
current turn are still the raw ones in memory, so the form reads "we're in Cardiff" as said.

Erasure: when the saved tracker shows `action_erase_conversation` ran after the last user
message, every stored event of the sender is deleted instead and nothing is written.
Retention: events older than `BOT_RETENTION_DAYS` go at start-up and at most daily on save.

endpoints.yml: `tracker_store: {type: bot.privacy.tracker_store.AnonymisingTrackerStore}`;
the database is `BOT_DB_URL` (default SQLite at var/nurture.db).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
import time
from collections.abc import Iterable
from typing import Any

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, Event, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.privacy import database, log_scrub, retention, settings
from bot.privacy.events import AssistantTexts, EventRedactor
from bot.privacy.pseudonym import pseudonymise
from bot.privacy.redactor import Redactor, default_redactor

logger = logging.getLogger(__name__)
ERASE_ACTION = "action_erase_conversation"
PURGE_INTERVAL_SECONDS = 86_400
# Set on trackers this store loaded or saved: how many of their events are already stored, so
# a save need not count them in the database (the conversation lock keeps it true in between).
STORED_EVENTS_ATTR = "_nurture_stored_events"


def erase_requested(tracker: DialogueStateTracker) -> bool:
    """True when the erase action ran after the last user message."""
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return False
        if isinstance(event, ActionExecuted) and event.action_name == ERASE_ACTION:
            return True
    return False


class AnonymisingTrackerStore(SQLTrackerStore):
    """SQLTrackerStore with pseudonymous ids, redacted events, erasure and retention."""

    def __init__(
        self,
        domain: Domain | None = None,
        host: str | None = None,
        event_broker: EventBroker | None = None,
        pseudonym_key: str | None = None,
        retention_days: int | None = None,
        redactor: Redactor | None = None,
        purge_on_start: bool = True,
        **kwargs: Any,
    ) -> None:
        url = settings.db_url(host)
        self._key = settings.pseudonym_key(pseudonym_key)
        self.retention_days = settings.retention_days(retention_days)
        self._redactor = redactor or default_redactor()
        self._last_purge = 0.0
        self._assistant_texts = AssistantTexts()
        database.prepare_sqlite_file(url)
        super().__init__(domain=domain, host=url, event_broker=event_broker, **kwargs)
        database.harden(self.engine)
        log_scrub.install()
        if purge_on_start:
            self.purge()

    # -- ids ------------------------------------------------------------------------------
    def pseudonym(self, sender_id: str) -> str:
        return pseudonymise(sender_id, self._key)

    def _event_redactor(self, sender_id: str) -> EventRedactor:
        return EventRedactor(self._redactor.redact, sender_id, self.pseudonym(sender_id),
                             self._assistant_texts)

    # -- reading --------------------------------------------------------------------------
    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        return self._load(sender_id, fetch_events_from_all_sessions=False)

    async def retrieve_full_tracker(self, conversation_id: str) -> DialogueStateTracker | None:
        return self._load(conversation_id, fetch_events_from_all_sessions=True)

    def _load(
        self, sender_id: str, fetch_events_from_all_sessions: bool
    ) -> DialogueStateTracker | None:
        with self.session_scope() as session:
            rows = self._event_query(
                session, self.pseudonym(sender_id), fetch_events_from_all_sessions
            ).all()
            events = [json.loads(row.data) for row in rows]
        if not events:
            return None
        tracker = DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)
        if not fetch_events_from_all_sessions:
            setattr(tracker, STORED_EVENTS_ATTR, len(events))
        return tracker

    async def exists(self, conversation_id: str) -> bool:
        with self.session_scope() as session:
            query = session.query(self.SQLEvent.id).filter(
                self.SQLEvent.sender_id == self.pseudonym(conversation_id)
            )
            return session.query(query.exists()).scalar()

    # -- writing --------------------------------------------------------------------------
    async def save(self, tracker: DialogueStateTracker) -> None:
        if erase_requested(tracker):
            self.erase(tracker.sender_id)
            return
        await self.stream_events(tracker)
        pseudonym = self.pseudonym(tracker.sender_id)
        total = len(tracker.events)
        stored = getattr(tracker, STORED_EVENTS_ATTR, None)
        if stored is None or stored > total:
            stored = await asyncio.to_thread(self._count_stored, pseudonym)
        redactor = self._event_redactor(tracker.sender_id)
        rows = [
            self._row(pseudonym, event.type_name, redactor.event(event.as_dict()))
            for event in itertools.islice(tracker.events, stored, total)
        ]
        if rows:
            # The commit waits for the disk (SQLite) or the network (PostgreSQL); in a worker
            # thread other conversations' turns go on meanwhile. The conversation lock is held
            # until this returns, so the conversation's own events still go in order.
            await asyncio.to_thread(self._write, rows)
        setattr(tracker, STORED_EVENTS_ATTR, total)
        self._maybe_purge()

    def _row(self, pseudonym: str, type_name: str, data: dict[str, Any]) -> Any:
        intent = (data.get("parse_data") or {}).get("intent") or {}
        return self.SQLEvent(
            sender_id=pseudonym,
            type_name=type_name,
            timestamp=data.get("timestamp"),
            intent_name=intent.get("name"),
            action_name=data.get("name"),
            data=json.dumps(data),
        )

    def _count_stored(self, pseudonym: str) -> int:
        with self.session_scope() as session:
            return self._event_query(session, pseudonym, False).count()

    def _write(self, rows: list[Any]) -> None:
        with self.session_scope() as session:
            session.add_all(rows)
            session.commit()

    async def _stream_new_events(
        self, event_broker: EventBroker, new_events: list[Event], sender_id: str
    ) -> None:
        """An event broker, if one is configured, gets the same redacted, pseudonymous events."""
        redactor = self._event_redactor(sender_id)
        for event in new_events:
            event_broker.publish({"sender_id": self.pseudonym(sender_id),
                                  **redactor.event(event.as_dict())})

    async def keys(self) -> Iterable[str]:
        """Stored (pseudonymous) ids: raw ids are never stored, so they cannot be listed."""
        return await super().keys()

    # -- erasure and retention ------------------------------------------------------------
    def erase(self, sender_id: str) -> int:
        """Deletes every stored event of a conversation; returns how many rows went."""
        return self.erase_pseudonym(self.pseudonym(sender_id))

    def erase_pseudonym(self, pseudonym: str) -> int:
        """The same for staff tools, which only ever see stored (pseudonymous) ids."""
        with self.session_scope() as session:
            count = (
                session.query(self.SQLEvent)
                .filter(self.SQLEvent.sender_id == pseudonym)
                .delete(synchronize_session=False)
            )
            session.commit()
        logger.info("Erased a conversation at the parent's request (%d events).", count)
        return count

    def purge(self, now: float | None = None) -> int:
        """Deletes events older than the retention period."""
        self._last_purge = time.time() if now is None else now
        count = retention.purge(self.engine, self.retention_days, now=now)
        if count:
            logger.info("Retention: deleted %d events older than %d days.", count,
                        self.retention_days)
        return count

    def _maybe_purge(self) -> None:
        if time.time() - self._last_purge >= PURGE_INTERVAL_SECONDS:
            self.purge()
