"""Raw sender ids out of every log line, whoever writes it: Rasa, Sanic or our own code.

Rasa and Sanic put the conversation id into some of their messages (warnings about locks,
errors while handling a message). On SMS and WhatsApp that id is the parent's phone number.
The ids this server has served lately are remembered in memory (never written anywhere), and a
filter on every log handler replaces them with their log reference (bot/privacy/identity.py)
before the line is written.
"""

from __future__ import annotations

import logging
import threading

from bot.lru import LRUCache
from bot.privacy.identity import log_ref

MIN_ID_CHARS = 6  # shorter ids ("me", "1") would mangle ordinary words and are not personal


class RawIdFilter(logging.Filter):
    """Rewrites a record whose message contains a remembered raw id."""

    def __init__(self, remembered: int = 4096) -> None:
        super().__init__()
        self._ids: LRUCache[str, str] = LRUCache(remembered)
        self._lock = threading.Lock()

    def remember(self, sender_id: str) -> None:
        if len(sender_id) >= MIN_ID_CHARS:
            with self._lock:
                self._ids.put(sender_id, log_ref(sender_id))

    def filter(self, record: logging.LogRecord) -> bool:
        with self._lock:
            known = self._ids.items()
        if not known:
            return True
        message = record.getMessage()
        cleaned = message
        for raw, ref in known:
            if raw in cleaned:
                cleaned = cleaned.replace(raw, f"<id {ref}>")
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        return True


RAW_IDS = RawIdFilter()


def install() -> None:
    """Adds the filter to every handler there is now (Rasa and Sanic set theirs up first)."""
    loggers = [logging.getLogger(), *(
        logger for logger in logging.Logger.manager.loggerDict.values()
        if isinstance(logger, logging.Logger)
    )]
    for logger in loggers:
        for handler in logger.handlers:
            if RAW_IDS not in handler.filters:
                handler.addFilter(RAW_IDS)
