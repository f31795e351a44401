"""What the tracker store keeps in memory so a database outage does not cut a conversation short.

While the database (SQLite file or PostgreSQL) cannot be reached, the store still answers Rasa:

- `recent` holds the stored (already redacted, pseudonymised) history of the conversations
  served lately, so a parent mid-conversation keeps their context, region included;
- `pending` holds the redacted rows that could not be written, in order, until a later write
  succeeds; they are written before anything newer, so the stored conversation has no gap;
- `erasures` holds conversations a parent asked to delete during the outage: their pending rows
  are dropped at once and their stored rows are deleted as soon as the database is back.

Everything here is in this process's memory only, and already redacted. What an outage can
lose: the pending rows, if the server stops before the database is back, or if more than
`max_pending` rows pile up (the oldest conversation's are dropped first, and counted in the log).
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from typing import Any

from bot.lru import LRUCache

logger = logging.getLogger(__name__)

Row = tuple[str, dict[str, Any]]  # (event type name, redacted event as stored)


class OutageMemory:
    """Thread-safe: saves run in worker threads, loads on the event loop."""

    def __init__(self, recent_conversations: int = 256, max_pending: int = 50_000) -> None:
        self.lock = threading.RLock()
        self.recent: LRUCache[str, list[dict[str, Any]]] = LRUCache(recent_conversations)
        self.pending: OrderedDict[str, list[Row]] = OrderedDict()
        self.erasures: set[str] = set()
        self.max_pending = max_pending
        self.dropped = 0

    def remember(self, pseudonym: str, events: list[dict[str, Any]]) -> None:
        """The conversation's stored history as of now (after a load or a save)."""
        with self.lock:
            self.recent.put(pseudonym, events)

    def history(self, pseudonym: str) -> list[dict[str, Any]] | None:
        with self.lock:
            found = self.recent.get(pseudonym)
            return list(found) if found is not None else None

    def keep(self, pseudonym: str, rows: list[Row]) -> None:
        """Rows the database did not take; they go in first when it is back."""
        with self.lock:
            self.pending.setdefault(pseudonym, []).extend(rows)
            self.pending.move_to_end(pseudonym)
            known = self.recent.get(pseudonym) or []
            self.recent.put(pseudonym, [*known, *(data for _, data in rows)])
            while self.pending_count() > self.max_pending and len(self.pending) > 1:
                _, lost = self.pending.popitem(last=False)
                self.dropped += len(lost)
                logger.error("Tracker store outage: %d events could not be kept (memory full)",
                             len(lost))

    def pending_count(self) -> int:
        return sum(len(rows) for rows in self.pending.values())

    def pending_for(self, pseudonym: str) -> list[dict[str, Any]]:
        with self.lock:
            return [data for _, data in self.pending.get(pseudonym, [])]

    def forget(self, pseudonym: str) -> None:
        """The parent asked to delete the conversation: nothing of it stays, here or later."""
        with self.lock:
            self.pending.pop(pseudonym, None)
            self.recent.put(pseudonym, [])
            self.erasures.add(pseudonym)

    def backlog(self) -> tuple[set[str], dict[str, list[Row]]]:
        """A snapshot of what must reach the database before anything newer."""
        with self.lock:
            return set(self.erasures), {key: list(rows) for key, rows in self.pending.items()}

    def written(self, erased: set[str], rows: dict[str, list[Row]]) -> None:
        """The snapshot from `backlog` is in the database: drop exactly that from memory."""
        with self.lock:
            self.erasures -= erased
            for pseudonym, done in rows.items():
                left = self.pending.get(pseudonym, [])[len(done):]
                if left:
                    self.pending[pseudonym] = left
                else:
                    self.pending.pop(pseudonym, None)

    def has_backlog(self) -> bool:
        return bool(self.pending or self.erasures)
