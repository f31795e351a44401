"""Privacy settings from the environment, falling back to `.env` (the environment wins).

`bot review purge` runs outside `make run`, which is what normally exports `.env`, so the
store and the CLI read `.env` themselves rather than relying on the caller.
"""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_RETENTION_DAYS = 90
DEFAULT_DB_PATH = Path("var") / "nurture.db"


def _dotenv(path: Path) -> dict[str, str]:
    if not path.is_file():
        return {}
    values: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        key, sep, value = line.partition("=")
        if sep and key.strip() and not key.lstrip().startswith("#"):
            values[key.strip()] = value.strip()
    return values


def setting(name: str, default: str | None = None) -> str | None:
    """The environment's value, else `.env` in the working directory, else `default`."""
    value = os.environ.get(name)
    if value:
        return value
    return _dotenv(Path.cwd() / ".env").get(name) or default


def db_url(explicit: str | None = None) -> str:
    """`BOT_DB_URL`, else an explicit URL (endpoints.yml), else SQLite under `var/`."""
    url = setting("BOT_DB_URL") or explicit
    if url:
        return url
    return f"sqlite:///{(Path.cwd() / DEFAULT_DB_PATH).as_posix()}"


def pseudonym_key(explicit: str | None = None) -> bytes:
    """The HMAC key; refusing to run without one, since a known key makes ids reversible."""
    key = explicit or setting("BOT_PSEUDONYM_KEY")
    if not key:
        raise RuntimeError(
            "BOT_PSEUDONYM_KEY is not set: run `make run` once (it writes .env) or export it."
        )
    return key.encode("utf-8")


def retention_days(explicit: int | None = None) -> int:
    """`BOT_RETENTION_DAYS` (whole days, at least 1), default 90."""
    if explicit is not None:
        value = str(explicit)
    else:
        value = setting("BOT_RETENTION_DAYS", str(DEFAULT_RETENTION_DAYS)) or ""
    try:
        days = int(value)
    except ValueError as error:
        raise ValueError(f"BOT_RETENTION_DAYS must be a whole number of days: {value!r}") from error
    if days < 1:
        raise ValueError("BOT_RETENTION_DAYS must be at least 1")
    return days
