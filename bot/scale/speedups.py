"""Two of Rasa 3.6's per-turn costs that are pure waste, found by profiling a Nurture turn.

1. Action results. Rasa checks every action server response with
`jsonschema.validate(result, schema)`. With jsonschema 4.17 that call first validates the
*schema itself* against the draft 2020-12 meta-schema, every time: ~130 ms of CPU per custom
action here, 40% of a Nurture turn (profiled, docs/scale.md), while checking the response
takes under a millisecond. The schema is a constant, so it is checked once at import and the
same validator is reused. Responses are validated exactly as before, and an invalid one still
raises the same `ValidationError`.

2. Event types. Loading a tracker turns every stored event back into an object, and for each
one `Event.resolve_by_type` walks the whole tree of Event subclasses (recursively, checking
each for abstractness) to find the class for a type name: ~30 classes per event, twice a turn
with the tracker store. The answer for a name never changes once found, so found classes are
remembered; unknown names still take the full walk and fail as before.
"""

from __future__ import annotations

from typing import Any

from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL
from rasa.shared.core.events import Event

_ORIGINAL = RemoteAction._validate_action_result
_ORIGINAL_RESOLVE = Event.__dict__["resolve_by_type"]
_EVENT_CLASSES: dict[str, type[Event]] = {}
_SCHEMA = RemoteAction.action_response_format_spec()
_VALIDATOR_CLASS = validator_for(_SCHEMA)
_VALIDATOR_CLASS.check_schema(_SCHEMA)
_VALIDATOR = _VALIDATOR_CLASS(_SCHEMA)


def validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    """`RemoteAction._validate_action_result` with the prepared validator."""
    error = best_match(_VALIDATOR.iter_errors(result))
    if error is not None:
        error.message += (
            ". Failed to validate Action server response from API, make sure your response "
            "from the Action endpoint is valid. For more information about the format visit "
            f"{DOCS_BASE_URL}/custom-actions"
        )
        raise error
    return True


def resolve_by_type(type_name: str, default: type[Event] | None = None) -> type[Event] | None:
    """`Event.resolve_by_type`, remembering the classes it has found."""
    found = _EVENT_CLASSES.get(type_name)
    if found is not None:
        return found
    cls = _ORIGINAL_RESOLVE.__func__(type_name, default)
    if cls is not None and cls is not default:
        _EVENT_CLASSES[type_name] = cls
    return cls


def install() -> None:
    """Switch both on (idempotent)."""
    RemoteAction._validate_action_result = validate_action_result
    Event.resolve_by_type = staticmethod(resolve_by_type)


def uninstall() -> None:
    RemoteAction._validate_action_result = _ORIGINAL
    Event.resolve_by_type = _ORIGINAL_RESOLVE
    _EVENT_CLASSES.clear()
