"""The resource directory as the actions see it: region-aware look-ups and formatting."""

from __future__ import annotations

from actions.profile import default_region, valid_region
from bot.resources import ranking
from bot.resources.directory import load_directory
from bot.resources.model import Resource


def user_region(slot_value: object) -> str:
    """The parent's region if known, else the deployment's."""
    return valid_region(slot_value) or default_region()


def resources() -> list[Resource]:
    # load_directory caches by file modification time: staff edits apply without a restart.
    return load_directory()


def emergency_number(region: str) -> str:
    """The number to call first, e.g. '999' (UK), '911' (US)."""
    return ranking.emergency_number(resources(), region)
