"""Which way to format messages for the parent's channel."""

from __future__ import annotations

from rasa_sdk import Tracker

from bot.resources.formatting import PLAIN, channel_style


def channel_of(tracker: Tracker) -> str:
    return tracker.get_latest_input_channel() or "rest"


def is_plain(tracker: Tracker) -> bool:
    """SMS, WhatsApp, Telegram and Messenger get numbered plain text, no markdown."""
    return channel_style(channel_of(tracker)) == PLAIN
