"""Every change Nurture makes to Rasa's own code, switched on from one place.

Rasa 3.6 has no hooks for these, so they wrap its methods: the speed-ups (bot/scale/speedups.py),
the guard that answers a turn when the action server is slow or away
(bot/resilience/action_guard.py), the recent turns the safety net reads to see a crisis that
only shows across messages (bot/nlu/turn_context.py), and the one spaCy pipeline of the process
(bot/nlu/shared_spacy.py). They were written against the pinned Rasa;
on another version nothing is patched and an error says so, since a wrapper around code it was
not written for could do worse than no wrapper.

`CachedTEDPolicy` (bot/scale/cached_ted.py) asks `supported()` the same way before it builds
its cache key from Rasa's internals. The safety net component calls `install()` when the model
loads, so every process that answers
parents (the Rasa servers, and the in-process agent the tests use) has them before its first turn.
"""

from __future__ import annotations

import logging

import rasa

logger = logging.getLogger(__name__)
SUPPORTED_RASA = "3.6."


def supported(consequence: str) -> bool:
    """True on the pinned Rasa; otherwise an error saying what is switched off, and False."""
    if rasa.__version__.startswith(SUPPORTED_RASA):
        return True
    logger.error("Rasa %s is not the pinned %sx: %s", rasa.__version__, SUPPORTED_RASA, consequence)
    return False


def install() -> bool:
    """Switch every patch on (idempotent); False, with an error logged, on another Rasa."""
    if not supported("Nurture's patches are off, including the crisis answer without the action "
                     "server."):
        return False
    from bot.nlu import shared_spacy, turn_context
    from bot.resilience import action_guard
    from bot.scale import speedups

    speedups.install()
    action_guard.install()
    turn_context.install()
    shared_spacy.install()
    return True
