"""CSV (one row per conversation) and JSON Lines (one conversation with its turns a line).

Both stream, so a large export never sits in memory as one string.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from datetime import datetime, timezone

from .conversations import Conversation
from .summary import Summary

CSV_COLUMNS = (
    "conversation",
    "started",
    "last_active",
    "channel",
    "user_turns",
    "concerns",
    "crisis",
    "crisis_intents",
    "escalated",
    "fallback_turns",
    "helpful",
    "resources_offered",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def iso(timestamp: float | None) -> str:
    if timestamp is None:
        return ""
    return datetime.fromtimestamp(timestamp, tz=timezone.utc).isoformat(timespec="seconds")


def _cell(value: object) -> str:
    """Text for a CSV cell; a leading formula character is quoted so spreadsheets don't run it."""
    if isinstance(value, bool):
        text = "yes" if value else "no"
    elif isinstance(value, list):
        text = ";".join(map(str, value))
    else:
        text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_lines(found: Iterable[Summary]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for summary in found:
        row = summary.as_dict()
        row["started"], row["last_active"] = iso(summary.started), iso(summary.last_active)
        writer.writerow([_cell(row[column]) for column in CSV_COLUMNS])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def jsonl_lines(found: Iterable[Conversation]) -> Iterator[str]:
    for item in found:
        record = item.summary.as_dict()
        record["started"], record["last_active"] = (
            iso(item.summary.started),
            iso(item.summary.last_active),
        )
        record["turns"] = [
            {key: value for key, value in asdict(turn).items() if value not in (None, "", [])}
            | {"timestamp": iso(turn.timestamp)}
            for turn in item.turns
        ]
        yield json.dumps(record, ensure_ascii=False) + "\n"
