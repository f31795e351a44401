"""The parent's last few messages of this conversation, for the safety net to read.

A reply such as "tonight", "I've got them here" or a plain "yes" only means something with what
came before. Rasa's NLU components see one message at a time, but the processor that runs them
holds the conversation's tracker. `install()` wraps the processor's call into the NLU graph so
that, while one message is parsed, the safety net can read the earlier turns from that tracker in
memory. Nothing new is stored, and `/model/parse` (no conversation) simply has no context.

Rasa runs the NLU graph with dask's synchronous scheduler, in the caller's thread, so a
ContextVar set around the call is what the components see.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from rasa.core.processor import MessageProcessor
from rasa.shared.core.events import ActionExecuted, SessionStarted, UserUttered

from bot.names import LISTEN_ACTION
from bot.nlu.risk_answer import phrase_pattern

if TYPE_CHECKING:
    from rasa.shared.core.trackers import DialogueStateTracker

# Earlier user messages of the session kept for the net; a crisis rarely spans more.
MAX_TURNS = 3


@dataclass(frozen=True)
class RecentTurns:
    """What came before the message being parsed, oldest first."""

    texts: tuple[str, ...] = ()
    # the intents those messages were given (a crisis among them was answered already)
    intents: tuple[str, ...] = ()
    # the last action the assistant took before this message (not action_listen)
    last_action: str | None = None


CUES_PATH = Path(__file__).with_name("context_cues.yml")
HINT_CLAUSE_END = re.compile(r"[.,;:!?\n]|\b(?:and|but|so|because|cos)\b")
MAX_WORDS_AFTER_HINT = 2


@dataclass(frozen=True)
class ContextCues:
    """Reviewed words that complete an earlier hint: a time, the means, a place, a decision."""

    kinds: dict[str, re.Pattern[str]]
    hints: re.Pattern[str]
    not_veiled_after: re.Pattern[str]

    @classmethod
    def load(cls, path: Path = CUES_PATH) -> ContextCues:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        kinds = {kind: phrase_pattern(list(words)) for kind, words in raw["cues"].items()}
        after = phrase_pattern(list(raw["not_veiled_after"]))
        return cls(kinds, phrase_pattern(list(raw["hints"])), after)

    def hint(self, normalised: str) -> str | None:
        """The veiled statement in the message, if any.

        It stays veiled only when little follows it in its clause: "I've made up my mind" is,
        "I've made up my mind about going back to work" is not.
        """
        for found in self.hints.finditer(normalised):
            rest = HINT_CLAUSE_END.split(normalised[found.end() :], maxsplit=1)[0]
            if self.not_veiled_after.match(rest.strip()):
                continue
            if len(rest.split()) <= MAX_WORDS_AFTER_HINT:
                return found.group(0)
        return None

    def find(self, normalised: str) -> str | None:
        """The first kind of cue in the message, if any."""
        return next((k for k, p in self.kinds.items() if p.search(normalised)), None)


_CURRENT: ContextVar[RecentTurns | None] = ContextVar("nurture_recent_turns", default=None)


def current() -> RecentTurns | None:
    """The turns before the message now being parsed; None outside a conversation."""
    return _CURRENT.get()


def from_tracker(tracker: DialogueStateTracker, max_turns: int = MAX_TURNS) -> RecentTurns:
    """The session's last user messages and the assistant's last action, from memory."""
    texts: list[str] = []
    intents: list[str] = []
    last_action: str | None = None
    for event in reversed(tracker.events):
        if isinstance(event, SessionStarted):
            break
        if isinstance(event, ActionExecuted) and last_action is None:
            if event.action_name and event.action_name != LISTEN_ACTION and not texts:
                last_action = event.action_name
        elif isinstance(event, UserUttered):
            if len(texts) >= max_turns:
                break
            text = event.text or ""
            if text and not text.startswith("/"):
                texts.append(text)
                intents.append(str((event.intent or {}).get("name") or ""))
            elif last_action is None:
                last_action = LISTEN_ACTION  # a button press ended the assistant's turn
    return RecentTurns(tuple(reversed(texts)), tuple(reversed(intents)), last_action)


@contextmanager
def turns_of(tracker: DialogueStateTracker | None) -> Iterator[None]:
    """Makes `current()` return the tracker's recent turns inside the block."""
    token = _CURRENT.set(from_tracker(tracker) if tracker is not None else None)
    try:
        yield
    finally:
        _CURRENT.reset(token)


_ORIGINAL = MessageProcessor._parse_message_with_graph


def _parse_with_context(
    self: MessageProcessor, message: Any, tracker: DialogueStateTracker, *args: Any, **kwargs: Any
) -> dict[str, Any]:
    with turns_of(tracker):
        return _ORIGINAL(self, message, tracker, *args, **kwargs)


def install() -> None:
    """Wraps the processor's NLU call (idempotent); called with Nurture's other Rasa patches."""
    MessageProcessor._parse_message_with_graph = _parse_with_context
