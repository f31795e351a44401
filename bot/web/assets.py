"""The fixed set of files the page server serves, built once at start-up."""

from __future__ import annotations

from dataclasses import dataclass

from bot.web.page import page_values, render_embed, render_html
from bot.web.security import page_headers, script_headers
from bot.web.settings import WebSettings
from bot.web.vendor import load_widget_bundle

HTML = "text/html; charset=utf-8"
JS = "text/javascript; charset=utf-8"
CSS = "text/css; charset=utf-8"
TEXT = "text/plain; charset=utf-8"

# URL path -> (file under web/public, content type). Nothing else is ever served.
STATIC_FILES = {
    "/a11y.js": ("a11y.js", JS),
    "/quick-exit.js": ("quick-exit.js", JS),
    "/nurture.css": ("nurture.css", CSS),
}


@dataclass(frozen=True)
class Asset:
    """One response body with its headers."""

    body: bytes
    content_type: str
    headers: dict[str, str]


def build_assets(settings: WebSettings) -> dict[str, Asset]:
    """Every servable path: the chat page, the embed script, its helpers and the widget bundle."""
    public = settings.web_dir / "public"

    def read(name: str) -> str:
        return (public / name).read_text(encoding="utf-8")

    page = render_html(read("index.html"), page_values(settings)).encode("utf-8")
    embed = render_embed(read("embed.js"), settings).encode("utf-8")
    widget = load_widget_bundle(settings.web_dir)
    assets = {
        "/": Asset(page, HTML, page_headers(settings)),
        "/embed.js": Asset(embed, JS, script_headers()),
        "/vendor/rasa-webchat.js": Asset(widget, JS, script_headers()),
        "/healthz": Asset(b"ok\n", TEXT, page_headers(settings)),
    }
    for path, (name, content_type) in STATIC_FILES.items():
        assets[path] = Asset(read(name).encode("utf-8"), content_type, script_headers())
    assets["/index.html"] = assets["/"]
    return assets
