"""Numbers and sites that are public services, read from data/public.yml and the directory.

The directory is the one the assistant uses (`BOT_RESOURCES_PATH` or the shipped file), re-read
when it changes, so an operator's own helpline numbers are never redacted as personal data.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from bot.resources.directory import resolve_path

PUBLIC_PATH = Path(__file__).with_name("data") / "public.yml"
_NUMBER = re.compile(r"\+?\d[\d\- ]*\d")


def digits(number: str) -> str:
    return "".join(ch for ch in number if ch.isdigit())


def _strings(node: object) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for value in node.values() for s in _strings(value)]
    if isinstance(node, list):
        return [s for value in node for s in _strings(value)]
    return []


def allowed() -> tuple[frozenset[str], frozenset[str]]:
    """(digit strings of public numbers, lower-case public host names)."""
    directory = resolve_path()
    changed = directory.stat().st_mtime_ns if directory.is_file() else None
    return _allowed(directory, changed)


@lru_cache(maxsize=4)
def _allowed(directory: Path, _changed: int | None) -> tuple[frozenset[str], frozenset[str]]:
    data = yaml.safe_load(PUBLIC_PATH.read_text(encoding="utf-8"))
    numbers = {digits(n) for n in data.get("numbers", [])}
    hosts = {h.lower() for h in data.get("hosts", [])}
    if directory.is_file():
        for text in _strings(yaml.safe_load(directory.read_text(encoding="utf-8"))):
            if text.startswith(("http://", "https://")):
                hosts.add((urlsplit(text).hostname or "").lower())
            else:
                numbers.update(digits(n) for n in _NUMBER.findall(text))
    numbers.discard("")
    hosts.discard("")
    return frozenset(numbers), frozenset(hosts)


def is_public_number(number: str) -> bool:
    wanted = digits(number)
    numbers, _ = allowed()
    return wanted in numbers or (wanted.startswith("44") and "0" + wanted[2:] in numbers)


def is_public_url(url: str) -> bool:
    """A link to a public site's own pages (not a profile on a social network)."""
    candidate = url if "://" in url else f"https://{url}"
    host = (urlsplit(candidate).hostname or "").lower()
    _, hosts = allowed()
    return host in hosts
