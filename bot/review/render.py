"""Jinja2 rendering with autoescaping and the small formatting filters the pages share."""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from bot.names import CRISIS_INTENTS

logger = logging.getLogger(__name__)
TEMPLATES = Path(__file__).with_name("templates")


def when(timestamp: float | None) -> str:
    if timestamp is None:
        return ""
    return datetime.fromtimestamp(timestamp, tz=timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def percent(value: float | None) -> str:
    return "" if value is None else f"{value * 100:.0f}%"


def label(name: str) -> str:
    """'concern_low_mood' -> 'low mood' for headings; raw names stay in tables."""
    for prefix in ("concern_", "crisis_"):
        if name.startswith(prefix):
            return name[len(prefix) :].replace("_", " ")
    return name


@cache
def resource_names() -> dict[str, str]:
    """Resource id -> name from the directory, so charts read 'Samaritans', not an id."""
    try:
        from bot.resources.directory import load_directory

        return {resource.id: resource.name for resource in load_directory()}
    except Exception:  # the review app must work even if the directory file is broken
        logger.warning("Resource directory unavailable; showing resource ids.", exc_info=True)
        return {}


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(when=when, percent=percent, label=label)
    env.tests["crisis"] = lambda intent: intent in CRISIS_INTENTS
    env.globals.update(
        resource_name=lambda rid: resource_names().get(rid, rid), label_fn=label, percent_fn=percent
    )
    return env


def page(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)
