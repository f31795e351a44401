"""Turn ranked resources into chat messages that work on each channel.

Web chat renders markdown, so numbers become tel: links a parent can tap;
SMS and messaging apps show markdown as clutter, so they get numbered plain
text with bare numbers and addresses.
"""

from __future__ import annotations

from .model import Resource
from .phones import tel_href
from .ranking import Ranked

WEB = "web"
PLAIN = "plain"

# Channel names as Rasa reports them, mapped to the two styles.
_CHANNEL_STYLES = {
    "web": WEB,
    "socketio": WEB,
    "rest": WEB,
    "browser": WEB,
    "plain": PLAIN,
    "sms": PLAIN,
    "whatsapp": PLAIN,
    "twilio": PLAIN,
    "telegram": PLAIN,
    "facebook": PLAIN,
    "messenger": PLAIN,
}

_MARKDOWN_SPECIALS = "\\`*_[]"


def channel_style(channel: str) -> str:
    """Return "web" or "plain"; unknown channels get plain text, which every channel shows."""
    return _CHANNEL_STYLES.get(channel.lower(), PLAIN)


def format_resources(ranked: list[Ranked], channel: str, *, with_reason: bool = False) -> list[str]:
    """One message per resource, styled for the channel."""
    style = channel_style(channel)
    messages = []
    for number, item in enumerate(ranked, start=1):
        resource = item.resource
        if style == WEB:
            reach = _how_to_reach(resource, WEB)
            text = f"**{_md(resource.name)}** — {reach}. {_md(resource.offers)}"
            if resource.contact.url and resource.contact.can_talk_now:
                text += f" [website]({resource.contact.url})"
            if with_reason:
                text += f"\n_{_md(item.reason)}_"
        else:
            reach = _how_to_reach(resource, PLAIN)
            text = f"{number}. {resource.name} — {reach}. {resource.offers}"
            if resource.contact.url and resource.contact.can_talk_now:
                text += f" {resource.contact.url}"
            if with_reason:
                text += f"\n{item.reason}"
        messages.append(text)
    return messages


def format_contact_line(resource: Resource, channel: str) -> str:
    """A single line such as "Samaritans — call 116 123 (free, 24/7)" for crisis lists."""
    style = channel_style(channel)
    name = f"**{_md(resource.name)}**" if style == WEB else resource.name
    return f"{name} — {_how_to_reach(resource, style)}"


def _how_to_reach(resource: Resource, style: str) -> str:
    contact = resource.contact
    ways = []
    if contact.phones:
        numbers = [_phone(number, resource, style) for number in contact.phones]
        ways.append("call " + " or ".join(numbers))
    if contact.text:
        text = contact.text if style == PLAIN else _md(contact.text)
        ways.append(text[0].lower() + text[1:])
    if contact.webchat:
        chat = contact.webchat
        ways.append(f"[chat online]({chat})" if style == WEB else f"chat online at {chat}")
    if not ways and contact.url:
        url = contact.url
        ways.append(f"[visit the website]({url})" if style == WEB else f"visit {url}")
    details = [detail for detail in (contact.cost, contact.hours) if detail]
    reach = " or ".join(ways)
    if details:
        joined = ", ".join(details)
        reach += f" ({joined if style == PLAIN else _md(joined)})"
    return reach


def _phone(number: str, resource: Resource, style: str) -> str:
    if style == PLAIN:
        return number
    return f"[{number}]({tel_href(number, resource.regions)})"


def _md(text: str) -> str:
    """Escape characters that markdown would otherwise swallow or turn into links."""
    return "".join(f"\\{ch}" if ch in _MARKDOWN_SPECIALS else ch for ch in text)
