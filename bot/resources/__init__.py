"""Signposting resource directory: load, rank, format and check support services.

Pure Python with no Rasa imports, so actions, the NLU safety net and tests
can all use it directly.
"""

from .directory import DirectoryError, load_directory, region_matches
from .formatting import format_contact_line, format_resources
from .model import Contact, Resource
from .ranking import Ranked, crisis_contacts, rank_resources

__all__ = [
    "Contact",
    "DirectoryError",
    "Ranked",
    "Resource",
    "crisis_contacts",
    "format_contact_line",
    "format_resources",
    "load_directory",
    "rank_resources",
    "region_matches",
]
