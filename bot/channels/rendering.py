"""Turn Rasa's buttons into text every app can show, and split long messages.

SMS and WhatsApp cannot show buttons, so options become a numbered list of
titles; the `/payload` strings behind them are never shown to the parent.
"""

from __future__ import annotations

import re
from typing import Any

from .notices import REPLY_WITH_NUMBER, UNTITLED_OPTION, notice

_NUMBER_REPLY = re.compile(r"^\s*(\d{1,2})\s*[.):]?\s*$")


def button_title(button: dict[str, Any], index: int) -> str:
    title = str(button.get("title") or "").strip()
    return title or notice(UNTITLED_OPTION).format(number=index)


def numbered_options(text: str, buttons: list[dict[str, Any]]) -> str:
    """The message text followed by "1. Title" lines and a prompt to reply with a number."""
    lines = [f"{i}. {button_title(button, i)}" for i, button in enumerate(buttons, start=1)]
    body = "\n".join(lines)
    head = text.strip()
    prompt = notice(REPLY_WITH_NUMBER)
    return f"{head}\n\n{body}\n{prompt}" if head else f"{body}\n{prompt}"


def chosen_number(text: str | None) -> int | None:
    """The option number if the whole reply is one ("2", "2.", " 3) "), else None."""
    if not text:
        return None
    match = _NUMBER_REPLY.match(text)
    return int(match.group(1)) if match else None


def split_text(text: str, limit: int) -> list[str]:
    """Split at paragraph, line or word boundaries so each part fits the app's limit."""
    text = text.strip()
    parts: list[str] = []
    while len(text) > limit:
        cut = -1
        for separator in ("\n\n", "\n", " "):
            cut = text.rfind(separator, 0, limit + 1)
            if cut > 0:
                break
        if cut <= 0:
            cut = limit
        parts.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    if text:
        parts.append(text)
    return parts
