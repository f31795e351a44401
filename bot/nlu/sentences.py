"""Cuts a message into the short pieces the sentence encoder compares.

Crises hide in long messages about something else, and a sentence embedding averages its words:
one line about pills inside a paragraph about feeding would be diluted away. So each sentence is
encoded on its own, and run-on text without punctuation (voice-to-text, text-speak) is read in
overlapping windows of a few words.
"""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"(?<=[.!?;…])\s+|\s*\n+\s*|\s+(?:-|–|—)\s+")
_WORD = re.compile(r"\S+")
# A piece longer than this many words is read in windows of WINDOW words, STRIDE apart.
LONG_PIECE = 24
WINDOW = 16
STRIDE = 8
# The whole message is encoded as one more piece when it is this short and has several
# sentences, so a meaning spread over two short sentences ("I have the pills. Tonight.") counts.
WHOLE_MESSAGE_WORDS = 40


def pieces(text: str, max_pieces: int) -> list[str]:
    """The message's sentences and windows, in reading order, at most ``max_pieces``."""
    out: list[str] = []
    for sentence in _SENTENCE_END.split(text):
        words = _WORD.findall(sentence)
        if not words:
            continue
        if len(words) <= LONG_PIECE:
            out.append(" ".join(words))
            continue
        for start in range(0, len(words) - STRIDE, STRIDE):
            out.append(" ".join(words[start : start + WINDOW]))
    words = _WORD.findall(text)
    if len(out) > 1 and len(words) <= WHOLE_MESSAGE_WORDS:
        out.append(" ".join(words))
    return out[:max_pieces]
