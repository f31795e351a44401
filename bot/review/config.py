"""Settings for the staff review app, read once from the environment (then `.env`).

The environment always wins over `.env`, as everywhere in the project (CONTRACT.md), through the
project's one settings reader (bot/privacy/settings.py): an empty value means "not set".
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from bot.privacy.settings import merged, read_env_file

__all__ = ["ReviewConfig", "read_env_file"]

DEFAULT_DB_URL = "sqlite:///var/nurture.db"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8090


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name, "").strip()
    return int(raw) if raw else default


def _float(env: Mapping[str, str], name: str, default: float) -> float:
    raw = env.get(name, "").strip()
    return float(raw) if raw else default


@dataclass(frozen=True)
class ReviewConfig:
    """Everything the app needs; tests build one directly with small limits."""

    db_url: str = DEFAULT_DB_URL
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    secret: str = field(default_factory=lambda: secrets.token_urlsafe(32), repr=False)
    secret_generated: bool = False
    # "auto": Secure cookies when the request came over https; "true"/"false" force it.
    cookie_secure: str = "auto"
    max_failures: int = 5
    lockout_seconds: int = 15 * 60
    ip_attempts_per_window: int = 30
    account_attempts_per_window: int = 10
    attempt_window_seconds: int = 15 * 60
    session_idle_seconds: int = 30 * 60
    session_max_seconds: int = 8 * 60 * 60
    # The needs-review queue (bot/review/review_queue.py): a turn is unsure below this top
    # confidence, or when the top two intents are closer than the margin; and this share of
    # ordinary turns is sampled for spot checks.
    unsure_below: float = 0.60
    close_margin: float = 0.10
    sample_percent: int = 5
    # How often "Needs attention" reloads itself: a crisis stored now is on screen this soon.
    attention_refresh_seconds: int = 2

    @classmethod
    def from_env(
        cls, environ: Mapping[str, str] | None = None, env_file: Path | None = Path(".env")
    ) -> ReviewConfig:
        """Build from `BOT_*` variables; a missing secret gets a per-process one (flagged)."""
        env = merged(environ, env_file)
        secret = env.get("BOT_REVIEW_SECRET", "").strip()
        return cls(
            db_url=env.get("BOT_DB_URL", "").strip() or DEFAULT_DB_URL,
            host=env.get("BOT_REVIEW_HOST", "").strip() or DEFAULT_HOST,
            port=_int(env, "BOT_REVIEW_PORT", DEFAULT_PORT),
            secret=secret or secrets.token_urlsafe(32),
            secret_generated=not secret,
            cookie_secure=env.get("BOT_REVIEW_COOKIE_SECURE", "auto").strip().lower() or "auto",
            max_failures=_int(env, "BOT_REVIEW_MAX_FAILURES", cls.max_failures),
            lockout_seconds=_int(env, "BOT_REVIEW_LOCKOUT_SECONDS", cls.lockout_seconds),
            ip_attempts_per_window=_int(env, "BOT_REVIEW_IP_ATTEMPTS", cls.ip_attempts_per_window),
            account_attempts_per_window=_int(
                env, "BOT_REVIEW_ACCOUNT_ATTEMPTS", cls.account_attempts_per_window
            ),
            unsure_below=_float(env, "BOT_REVIEW_UNSURE_BELOW", cls.unsure_below),
            close_margin=_float(env, "BOT_REVIEW_CLOSE_MARGIN", cls.close_margin),
            sample_percent=_int(env, "BOT_REVIEW_SAMPLE_PERCENT", cls.sample_percent),
            attention_refresh_seconds=max(
                1, _int(env, "BOT_REVIEW_ATTENTION_REFRESH", cls.attention_refresh_seconds)
            ),
        )
