"""Turn ranked resources into chat messages that work on each channel.

Web chat renders markdown, so numbers become tel: links a parent can tap;
SMS and messaging apps show markdown as clutter, so they get numbered plain
text with bare numbers and addresses.
"""

from __future__ import annotations

from .directory import load_wording
from .model import Resource, Wording
from .phones import tel_href
from .ranking import Ranked

WEB = "web"
PLAIN = "plain"

# The input channels Rasa reports (its own socketio and rest, the connectors' names in
# bot/channels/), and the two style names themselves, mapped to the styles.
_CHANNEL_STYLES = {
    WEB: WEB,
    "socketio": WEB,
    "rest": WEB,
    PLAIN: PLAIN,
    "twilio": PLAIN,
    "telegram": PLAIN,
    "facebook": PLAIN,
}

_MARKDOWN_SPECIALS = "\\`*_[]"


def channel_style(channel: str) -> str:
    """Return "web" or "plain"; unknown channels get plain text, which every channel shows."""
    return _CHANNEL_STYLES.get(channel.lower(), PLAIN)


def format_resources(ranked: list[Ranked], channel: str, *, with_reason: bool = False) -> list[str]:
    """One message per resource, styled for the channel."""
    style = channel_style(channel)
    words = load_wording()
    messages = []
    for number, item in enumerate(ranked, start=1):
        resource = item.resource
        if style == WEB:
            reach = _how_to_reach(resource, WEB, words)
            text = f"**{_md(resource.name)}** — {reach}. {_md(resource.offers)}"
            if resource.contact.url and resource.contact.can_talk_now:
                text += " " + words.reach["website_link"].format(url=resource.contact.url)
            if with_reason:
                text += f"\n_{_md(item.reason)}_"
        else:
            reach = _how_to_reach(resource, PLAIN, words)
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
    return f"{name} — {_how_to_reach(resource, style, load_wording())}"


def _how_to_reach(resource: Resource, style: str, words: Wording) -> str:
    """"call 116 123 or chat online (free, 24/7)", in the directory's words."""
    contact = resource.contact
    either = words.reach["either"]
    link = "web" if style == WEB else "plain"
    ways = []
    if contact.phones:
        numbers = [_phone(number, resource, style) for number in contact.phones]
        ways.append(words.reach["call"].format(numbers=either.join(numbers)))
    if contact.text:
        text = contact.text if style == PLAIN else _md(contact.text)
        ways.append(text[0].lower() + text[1:])
    if contact.webchat:
        ways.append(words.reach[f"chat_{link}"].format(url=contact.webchat))
    if not ways and contact.url:
        ways.append(words.reach[f"website_{link}"].format(url=contact.url))
    details = [detail for detail in (contact.cost, contact.hours) if detail]
    reach = either.join(ways)
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
