"""Which messaging connectors are on, decided from the environment alone.

`rasa run --credentials credentials.yml` builds each connector through its
`from_credentials` (which reads the environment); `enabled_channels()` gives
the same list to code that builds a Rasa app itself (tests, a custom launcher).
"""

from __future__ import annotations

from collections.abc import Mapping

from .base import HardenedInput
from .facebook import FacebookInput
from .telegram import TelegramInput
from .twilio import TwilioInput

CONNECTORS: tuple[type[HardenedInput], ...] = (TelegramInput, TwilioInput, FacebookInput)


def enabled_channels(env: Mapping[str, str] | None = None) -> list[HardenedInput]:
    """One connector per app whose variables are set, in a fixed order."""
    channels = [connector.from_env(env) for connector in CONNECTORS]
    return [channel for channel in channels if channel is not None]
