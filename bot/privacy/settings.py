"""Settings from the environment, falling back to `.env` (the environment wins): the one reader.

`bot review purge` runs outside `make run`, which is what normally exports `.env`, so the
store and the CLI read `.env` themselves rather than relying on the caller.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

DEFAULT_RETENTION_DAYS = 90
DEFAULT_DB_PATH = Path("var") / "nurture.db"


def read_env_file(path: Path) -> dict[str, str]:
    """KEY=VALUE lines of a `.env` file (comments and blank lines skipped); missing: empty."""
    if not path.is_file():
        return {}
    values: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        key, sep, value = line.strip().partition("=")
        if sep and key.strip() and not key.startswith("#"):
            values[key.strip()] = value.strip()
    return values


def merged(
    environ: Mapping[str, str] | None = None, env_file: Path | None = None
) -> dict[str, str]:
    """The project's one rule for settings: a non-empty environment value, else `.env`'s
    (`env_file`; None reads no file).

    An empty value means "not set" everywhere (here, the review app and scripts/load_env.sh).
    """
    source = os.environ if environ is None else environ
    values = read_env_file(env_file) if env_file is not None else {}
    values.update({key: value for key, value in source.items() if value})
    return values


def setting(name: str, default: str | None = None) -> str | None:
    """The environment's value, else `.env` in the working directory, else `default`."""
    return merged(env_file=Path.cwd() / ".env").get(name) or default


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
