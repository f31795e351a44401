"""The resource directory as the actions see it: region-aware look-ups and formatting."""

from __future__ import annotations

from actions.profile import default_region, valid_region
from bot.names import MEDICAL_EMERGENCY
from bot.resources.directory import load_directory
from bot.resources.model import Resource
from bot.resources.ranking import crisis_contacts

FALLBACK_EMERGENCY = {"us": "911", "ie": "112 or 999"}


def user_region(slot_value: object) -> str:
    """The parent's region if known, else the deployment's."""
    return valid_region(slot_value) or default_region()


def resources() -> list[Resource]:
    # load_directory caches by file modification time: staff edits apply without a restart.
    return load_directory()


def emergency_number(region: str) -> str:
    """The number to call first, e.g. '999' (UK), '911' (US)."""
    contacts = crisis_contacts(resources(), MEDICAL_EMERGENCY, region)
    for resource in contacts:
        if resource.is_emergency and resource.contact.phones:
            return resource.contact.phones[0]
    return FALLBACK_EMERGENCY.get(region, "999")
