"""Settings for the chat page server, read from the environment (CLI flags override them)."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from bot.names import DEFAULT_REGION, USER_REGIONS

ROOT = Path(__file__).resolve().parents[2]
WEB_DIR = ROOT / "web"
DEFAULT_EXIT_URL = "https://www.bbc.co.uk/weather"
PAGE_NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")


class SettingsError(ValueError):
    """A setting has a value the page server must not run with."""


@dataclass(frozen=True)
class WebSettings:
    """Where the page server listens and what the widget it serves connects to."""

    host: str = "127.0.0.1"
    port: int = 8080
    socket_url: str = "http://127.0.0.1:5005"
    region: str = DEFAULT_REGION
    page: str = "chat"
    exit_url: str = DEFAULT_EXIT_URL
    web_dir: Path = WEB_DIR

    def __post_init__(self) -> None:
        if self.region not in USER_REGIONS:
            raise SettingsError(f"unknown region {self.region!r}; one of {', '.join(USER_REGIONS)}")
        if not PAGE_NAME.fullmatch(self.page):
            raise SettingsError(f"page name must match {PAGE_NAME.pattern}, got {self.page!r}")
        _require_http_url("socket URL", self.socket_url)
        _require_http_url("quick-exit URL", self.exit_url)
        if not 0 <= self.port < 65536:  # 0: any free port (tests)
            raise SettingsError(f"port out of range: {self.port}")

    @property
    def socket_origin(self) -> str:
        """scheme://host[:port] of the Rasa server, for the Content-Security-Policy."""
        parts = urlsplit(self.socket_url)
        return f"{parts.scheme}://{parts.netloc}"

    @property
    def websocket_origin(self) -> str:
        """The same origin as a WebSocket URL (ws:// or wss://)."""
        parts = urlsplit(self.socket_url)
        scheme = "wss" if parts.scheme == "https" else "ws"
        return f"{scheme}://{parts.netloc}"


def _require_http_url(what: str, url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise SettingsError(f"{what} must be an http(s) URL, got {url!r}")


def from_env(env: Mapping[str, str] | None = None) -> WebSettings:
    """Settings from BOT_WEB_HOST, BOT_WEB_PORT, BOT_SOCKET_URL, BOT_REGION, BOT_WEB_PAGE and
    BOT_QUICK_EXIT_URL; unset variables keep the defaults."""
    env = os.environ if env is None else env
    base = WebSettings()
    return WebSettings(
        host=env.get("BOT_WEB_HOST", base.host),
        port=int(env.get("BOT_WEB_PORT", base.port)),
        socket_url=env.get("BOT_SOCKET_URL", base.socket_url).rstrip("/"),
        region=env.get("BOT_REGION", "").strip() or base.region,
        page=env.get("BOT_WEB_PAGE", base.page),
        exit_url=env.get("BOT_QUICK_EXIT_URL", base.exit_url),
    )
