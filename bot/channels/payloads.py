"""Defensive readers for JSON webhook bodies: wrong shapes give None, never an exception."""

from __future__ import annotations

import json
from typing import Any


def parse_json_object(body: bytes) -> dict[str, Any] | None:
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def dig(data: Any, *keys: str) -> Any:
    """data[k1][k2]... or None as soon as a level is missing or not a dict."""
    for key in keys:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def as_id(value: Any) -> str | None:
    """Platform ids arrive as ints or strings; anything else is malformed."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None
