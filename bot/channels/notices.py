"""What the connectors say on their own, without a turn of the assistant, in the domain's words.

Why: content staff review every sentence a parent can see in domain.yml (and the resource
directory); a notice written in a connector would escape that review. Read once per process.
"""

from __future__ import annotations

from functools import cache

import yaml

from bot.names import DOMAIN_PATH

# Sent when a genuine message has nothing the assistant can read (photo, voice note, sticker).
UNREADABLE = "utter_unreadable_message"
# Under a numbered list of options on SMS and WhatsApp.
REPLY_WITH_NUMBER = "utter_reply_with_number"
# Above buttons that came without any text (Telegram must send some).
CHOOSE = "utter_choose_option"
# A button without a title; {number} is its place in the list.
UNTITLED_OPTION = "utter_untitled_option"


@cache
def notice(response: str) -> str:
    """The text of a domain response with one variation (raises KeyError if it is missing)."""
    raw = yaml.safe_load(DOMAIN_PATH.read_text(encoding="utf-8"))
    return str(raw["responses"][response][0]["text"])
