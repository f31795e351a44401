"""A SQL tracker store that stores no personal data.

Wraps Rasa's `SQLTrackerStore`: sender ids are stored as keyed pseudonyms and every event is
redacted (bot/privacy/events.py) before it is written, so raw text never reaches the database.
`retrieve()` pseudonymises the id it is given the same way and hands back a tracker under the
raw id (channels reply to `tracker.sender_id`), holding the redacted history. Events within the
current turn are still the raw ones in memory, so the form reads "we're in Cardiff" as said.

Erasure: when the saved tracker shows `action_erase_conversation` ran after the last user
message, every stored event of the sender is deleted instead and nothing is written.
Retention: events older than `BOT_RETENTION_DAYS` go at start-up and at most daily on save.
Outages: while the database cannot be reached, conversations go on from memory and their rows
are written when it is back (bot/privacy/outage.py, docs/resilience.md).

endpoints.yml: `tracker_store: {type: bot.privacy.tracker_store.AnonymisingTrackerStore}`;
the database is `BOT_DB_URL` (default SQLite at var/nurture.db).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
import time
from typing import Any

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, Event, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from bot.names import ERASE_ACTION
from bot.privacy import database, log_ids, log_scrub, retention, settings
from bot.privacy.events import AssistantTexts, EventRedactor
from bot.privacy.identity import pseudonymise
from bot.privacy.outage import OutageMemory, Row
from bot.privacy.redactor import Redactor, default_redactor
from bot.resilience.breaker import Breaker
from bot.review import alert_hook

logger = logging.getLogger(__name__)
PURGE_INTERVAL_SECONDS = 86_400
# Set on trackers this store loaded or saved: how many of their events are already stored, so
# a save need not count them in the database (the conversation lock keeps it true in between).
STORED_EVENTS_ATTR = "_nurture_stored_events"
# After the database fails to answer, turns are served from memory for this long (seconds)
# before it is tried again, so a locked SQLite file or a stopped server costs one wait, not one
# per turn.
DATABASE_RETRY_SECONDS = 5.0


class DatabaseSkippedError(SQLAlchemyError):
    """Raised instead of trying a database that failed a moment ago."""


def reconnecting(write: Any, *args: Any) -> None:
    """Runs `write`, once more if the database had dropped the pooled connection (a restart)."""
    try:
        write(*args)
    except DBAPIError as error:
        if not error.connection_invalidated:
            raise
        write(*args)


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
        url = database.with_timeouts(settings.db_url(host))
        self._key = settings.pseudonym_key(pseudonym_key)
        self.retention_days = settings.retention_days(retention_days)
        self._redactor = redactor or default_redactor()
        self._last_purge = 0.0
        self._assistant_texts = AssistantTexts()
        self._outage = OutageMemory()
        self._database_down_since: float | None = None
        self._database = Breaker()
        self._flush_task: asyncio.Task[None] | None = None
        database.prepare_sqlite_file(url)
        super().__init__(domain=domain, host=url, event_broker=event_broker, **kwargs)
        database.harden(self.engine)
        log_scrub.install()
        log_ids.install()
        if purge_on_start:
            self.purge()

    # -- ids ------------------------------------------------------------------------------
    def pseudonym(self, sender_id: str) -> str:
        log_ids.RAW_IDS.remember(sender_id)  # from now on, no log line shows it
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
        pseudonym = self.pseudonym(sender_id)
        try:
            self._skip_if_down()
            # Under the outage lock, so a backlog write cannot land between the two reads.
            with self._outage.lock:
                with self.session_scope() as session:
                    rows = self._event_query(
                        session, pseudonym, fetch_events_from_all_sessions
                    ).all()
                    events = [json.loads(row.data) for row in rows]
                events += self._outage.pending_for(pseudonym)
        except SQLAlchemyError as error:
            self._database_unreachable(error)
            events = self._outage.history(pseudonym) or []
        else:
            if not fetch_events_from_all_sessions:
                self._outage.remember(pseudonym, events)
        if not events:
            return None
        tracker = DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)
        if not fetch_events_from_all_sessions:
            setattr(tracker, STORED_EVENTS_ATTR, len(events))
        return tracker

    async def exists(self, conversation_id: str) -> bool:
        pseudonym = self.pseudonym(conversation_id)
        try:
            self._skip_if_down()
            with self.session_scope() as session:
                query = session.query(self.SQLEvent.id).filter(
                    self.SQLEvent.sender_id == pseudonym
                )
                found = session.query(query.exists()).scalar()
        except SQLAlchemyError as error:
            self._database_unreachable(error)
            return bool(self._outage.history(pseudonym))
        return bool(found) or bool(self._outage.pending_for(pseudonym))

    # -- writing --------------------------------------------------------------------------
    async def save(self, tracker: DialogueStateTracker) -> None:
        pseudonym = self.pseudonym(tracker.sender_id)
        if erase_requested(tracker):
            # Dropped from memory at once; deleted from the database now or when it is back.
            self._outage.forget(pseudonym)
            await self._store(pseudonym, [])
            return
        await self.stream_events(tracker)
        total = len(tracker.events)
        stored = getattr(tracker, STORED_EVENTS_ATTR, None)
        if stored is None or stored > total:
            stored = await self._stored_count(pseudonym)
        redactor = self._event_redactor(tracker.sender_id)
        rows: list[Row] = [
            (event.type_name, redactor.event(event.as_dict()))
            for event in itertools.islice(tracker.events, stored, total)
        ]
        for type_name, data in rows:
            intent = ((data.get("parse_data") or {}).get("intent") or {}).get("name")
            if type_name == "user" and alert_hook.needs_attention(intent):
                alert_hook.notify(pseudonym, str(intent))  # in the background: never waits
        if await self._store(pseudonym, rows) and rows:
            known = [] if stored == 0 else self._outage.history(pseudonym)
            if known is not None:
                self._outage.remember(pseudonym, [*known, *(data for _, data in rows)])
        setattr(tracker, STORED_EVENTS_ATTR, total)
        self._maybe_purge()

    async def _stored_count(self, pseudonym: str) -> int:
        try:
            self._skip_if_down()
            count = await asyncio.to_thread(self._count_stored, pseudonym)
        except SQLAlchemyError as error:
            # Only a tracker this store did not load lacks the count: during an outage that is
            # a conversation started afresh, so every event of it is new.
            self._database_unreachable(error)
            return 0
        return count + len(self._outage.pending_for(pseudonym))

    async def _store(self, pseudonym: str, rows: list[Row]) -> bool:
        """Writes the rows (after any backlog), or keeps them in memory while the database is
        unreachable (then False). The commit waits for the disk or the network; in a worker
        thread other conversations' turns go on meanwhile, and the conversation lock keeps
        this one's in order."""
        if not rows and not self._outage.has_backlog():
            return True
        try:
            self._skip_if_down()
            await asyncio.to_thread(reconnecting, self._write, pseudonym, rows)
        except SQLAlchemyError as error:
            self._database_unreachable(error)
            if rows:
                self._outage.keep(pseudonym, rows)
            self._flush_when_back()
            return False
        self._database_reachable()
        return True

    def _flush_when_back(self) -> None:
        """Writes the backlog once the database answers again, with or without new turns."""
        if self._flush_task is None or self._flush_task.done():
            self._flush_task = asyncio.get_running_loop().create_task(self._retry_backlog())

    async def _retry_backlog(self) -> None:
        while self._outage.has_backlog():
            await asyncio.sleep(DATABASE_RETRY_SECONDS)
            if self._database.available():
                await self._store("", [])

    def _skip_if_down(self) -> None:
        if not self._database.available():
            raise DatabaseSkippedError("the database failed a moment ago")

    def _database_unreachable(self, error: SQLAlchemyError) -> None:
        if isinstance(error, DatabaseSkippedError):
            return
        self._database.trip(DATABASE_RETRY_SECONDS)
        if self._database_down_since is None:
            self._database_down_since = time.monotonic()
            # The error's class only: its text can quote the SQL and its parameters.
            logger.error("Tracker store database unreachable (%s): conversations go on from "
                         "memory and are written when it is back.", type(error).__name__)

    def _database_reachable(self) -> None:
        if self._database_down_since is not None:
            logger.warning("Tracker store database back after %.0f s; %d events lost.",
                           time.monotonic() - self._database_down_since, self._outage.dropped)
            self._database_down_since = None

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

    def _write(self, pseudonym: str, rows: list[Row]) -> None:
        if not self._outage.has_backlog():
            with self.session_scope() as session:
                session.add_all([self._row(pseudonym, *row) for row in rows])
                session.commit()
            return
        with self._outage.lock:
            erased, backlog = self._outage.backlog()
            with self.session_scope() as session:
                for gone in erased:
                    self._delete_rows(session, gone)
                for waiting, kept in backlog.items():
                    session.add_all([self._row(waiting, *row) for row in kept])
                session.add_all([self._row(pseudonym, *row) for row in rows])
                session.commit()
            self._outage.written(erased, backlog)

    async def _stream_new_events(
        self, event_broker: EventBroker, new_events: list[Event], sender_id: str
    ) -> None:
        """An event broker, if one is configured, gets the same redacted, pseudonymous events."""
        redactor = self._event_redactor(sender_id)
        for event in new_events:
            event_broker.publish({"sender_id": self.pseudonym(sender_id),
                                  **redactor.event(event.as_dict())})

    # -- erasure and retention ------------------------------------------------------------
    def erase(self, sender_id: str) -> int:
        """Deletes every stored event of a conversation; returns how many rows went."""
        return self.erase_pseudonym(self.pseudonym(sender_id))

    def erase_pseudonym(self, pseudonym: str) -> int:
        """The same for staff tools, which only ever see stored (pseudonymous) ids."""
        self._outage.forget(pseudonym)
        with self.session_scope() as session:
            count = self._delete_rows(session, pseudonym)
            session.commit()
        self._outage.written({pseudonym}, {})
        return count

    def _delete_rows(self, session: Any, pseudonym: str) -> int:
        count = (
            session.query(self.SQLEvent)
            .filter(self.SQLEvent.sender_id == pseudonym)
            .delete(synchronize_session=False)
        )
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
            try:
                self._skip_if_down()
                self.purge()
            except SQLAlchemyError as error:
                self._database_unreachable(error)
