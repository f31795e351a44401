"""Small bounded in-memory maps a connector keeps between requests.

`ButtonMemory` remembers the buttons of the bot's last message per conversation,
so a reply of "2" on SMS can be turned back into that button's payload.
`RecentIds` remembers message ids already handed to the agent, so an app's
redelivery of the same webhook does not run the conversation twice.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from .rendering import chosen_number


class ButtonMemory:
    """Last buttons shown per conversation, least recently used dropped first."""

    def __init__(self, capacity: int = 10_000) -> None:
        self._capacity = capacity
        self._payloads: OrderedDict[str, list[str]] = OrderedDict()

    def forget(self, conversation: str) -> list[str] | None:
        """Called when a new bot turn starts: old numbers no longer mean anything."""
        return self._payloads.pop(conversation, None)

    def remember(self, conversation: str, buttons: list[dict[str, Any]]) -> None:
        self.restore(conversation, [str(b.get("payload") or b.get("title") or "") for b in buttons])

    def restore(self, conversation: str, payloads: list[str] | None) -> None:
        """Put back what `forget` returned (the turn it made way for did not happen)."""
        if payloads is None:
            return
        self._payloads[conversation] = payloads
        self._payloads.move_to_end(conversation)
        while len(self._payloads) > self._capacity:
            self._payloads.popitem(last=False)

    def resolve(self, conversation: str, text: str | None) -> str | None:
        """The payload a numbered reply stands for, or the text unchanged."""
        number = chosen_number(text)
        payloads = self._payloads.get(conversation)
        if number is None or not payloads or not 1 <= number <= len(payloads):
            return text
        return payloads[number - 1] or text


class RecentIds:
    """A bounded set of recently seen ids."""

    def __init__(self, capacity: int = 10_000) -> None:
        self._capacity = capacity
        self._ids: OrderedDict[str, None] = OrderedDict()

    def __contains__(self, item: str) -> bool:
        return item in self._ids

    def add(self, item: str) -> None:
        self._ids[item] = None
        self._ids.move_to_end(item)
        while len(self._ids) > self._capacity:
            self._ids.popitem(last=False)
