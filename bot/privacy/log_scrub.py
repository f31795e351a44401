"""Keeps message text out of Rasa's logs, which `make run` writes to var/log/.

Rasa's structured logs pass fields such as `text`, `user_message` and `parse_data_text` through
an anonymisation hook (rasa.utils.log_utils._anonymizer) before rendering; the REST channel logs
the raw text at ERROR level when handling a message fails (e.g. the database is down). This
plugin answers that hook, so those fields are always written as "[redacted]". Plain `logging`
calls that include text do so only at DEBUG, which production does not use.
"""

from __future__ import annotations

from typing import Any

import pluggy
from rasa.plugin import plugin_manager

hookimpl = pluggy.HookimplMarker("rasa")
REDACTED = "[redacted]"


class LogScrubber:
    """The object Rasa expects from `get_anonymization_pipeline`."""

    def log_run(self, value: Any) -> str:
        return REDACTED

    def run(self, event: Any) -> None:
        """Rasa also offers each new event here (for Kafka); the store redacts instead."""


class _Plugin:
    scrubber = LogScrubber()

    @hookimpl
    def get_anonymization_pipeline(self) -> LogScrubber:
        return self.scrubber


PLUGIN = _Plugin()


def install() -> None:
    """Registers the hook once per process."""
    manager = plugin_manager()
    if not manager.is_registered(PLUGIN):
        manager.register(PLUGIN)
