"""Keeps message text out of Rasa's logs, which `make run` writes to var/log/.

Rasa's structured logs carry fields such as `text`, `user_message` and `parse_data_text`; most
are logged only at DEBUG, but the REST channel logs the raw text at ERROR when handling a message
fails (e.g. the database is down). A structlog processor placed first in Rasa's chain writes
those fields as "[redacted]" at every level.

Why not Rasa's `get_anonymization_pipeline` plugin hook, which would do the same: once a
pipeline is registered, Rasa also re-reads the whole conversation from the tracker store after
every message (to feed the pipeline's Kafka side), an extra database read and redaction per turn.
"""

from __future__ import annotations

import structlog
from structlog.typing import EventDict, WrappedLogger

REDACTED = "[redacted]"
# The fields Rasa 3.6 passes through its own anonymiser (rasa/utils/log_utils.py).
TEXT_FIELDS = frozenset(
    {
        "text", "response_text", "user_text", "slot_values", "parse_data_text",
        "parse_data_entities", "prediction_events", "tracker_latest_message", "prefilled_slots",
        "message", "response", "slot_candidates", "rasa_event", "rasa_events", "tracker_states",
        "current_states", "old_states", "successes", "current_entity", "next_entity", "states",
        "entity", "token_text", "user_message", "json_message",
    }
)


def scrub_fields(_: WrappedLogger, __: str, event_dict: EventDict) -> EventDict:
    """structlog processor: message text never reaches a renderer."""
    for key in TEXT_FIELDS.intersection(event_dict):
        event_dict[key] = REDACTED
    return event_dict


def install() -> None:
    """Puts the processor first in the current chain, once.

    structlog hands every logger the same processor list, so changing it in place also covers
    loggers Rasa has already created and cached.
    """
    processors = structlog.get_config()["processors"]
    if scrub_fields in processors:
        return
    if isinstance(processors, list):
        processors.insert(0, scrub_fields)
    else:
        structlog.configure(processors=[scrub_fields, *processors])
