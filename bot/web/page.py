"""Fills the chat page and the embed script with this deployment's settings."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping

from bot.resources import ranking
from bot.resources.directory import load_directory
from bot.web.settings import WebSettings

_PLACEHOLDER = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")
EMBED_DEFAULTS_MARKER = "/*NURTURE_DEFAULTS*/{}"


class TemplateError(ValueError):
    """A template names a value the server does not provide, or lacks its marker."""


def emergency_number(region: str) -> str:
    """The region's emergency number from the resource directory, e.g. '999'."""
    return ranking.emergency_number(load_directory(), region)


def page_values(settings: WebSettings) -> dict[str, str]:
    """What the chat page template may refer to."""
    return {
        "region": settings.region,
        "page": settings.page,
        "socket_url": settings.socket_url,
        "exit_url": settings.exit_url,
        "emergency_number": emergency_number(settings.region),
    }


def render_html(template: str, values: Mapping[str, str]) -> str:
    """Replaces each {{name}} with its HTML-escaped value; unknown names are an error."""

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in values:
            raise TemplateError(f"the page template uses {{{{{name}}}}}, which has no value")
        return html.escape(values[name], quote=True)

    return _PLACEHOLDER.sub(fill, template)


def render_embed(script: str, settings: WebSettings) -> str:
    """Puts the deployment defaults (socket URL, region, quick-exit URL) into embed.js."""
    if EMBED_DEFAULTS_MARKER not in script:
        raise TemplateError(f"embed.js lacks the {EMBED_DEFAULTS_MARKER} marker")
    defaults = {
        "socketUrl": settings.socket_url,
        "region": settings.region,
        "page": settings.page,
        "exitUrl": settings.exit_url,
    }
    literal = json.dumps(defaults).replace("<", "\\u003c")
    return script.replace(EMBED_DEFAULTS_MARKER, literal, 1)
