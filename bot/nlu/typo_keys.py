"""Maps each token to the word the crisis patterns know it by, tolerating typos.

Fuzzy matching every token (spaCy's FUZZY) turns real words into crisis words ("mother" ->
"smother", "treated" -> "threat"). Here only rare or unknown words (by spaCy's English word
frequencies) may be read as a pattern word one typo away (two from 8 letters), so "suicidle"
and "breething" are caught while common words keep their meaning.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import cast

from spacy.matcher.levenshtein import levenshtein
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.util import load_language_data, registry

# Words at least this frequent (log probability) are taken as meant.
COMMON_LOG_PROB = -13.0
# Words at least this frequent are English words, if uncommon ones ("sensory", "swaddle").
KNOWN_LOG_PROB = -15.0
MIN_TYPO_LENGTH = 4
CACHE_LIMIT = 50_000


@lru_cache(maxsize=1)
def _word_strings_by_frequency() -> tuple[tuple[str, ...], frozenset[int]]:
    """Frequent English words, and the hashes of every word seen often enough to be a word,
    read once per process straight from spacy-lookups-data's file: building spaCy's `Table` of
    all million entries first (`load_lookups`) gave the same words but cost ~5 s of start-up."""
    # lexeme_prob is a JSON object (word -> log probability); spaCy types it as dict or list
    probs = cast(dict[str, float], load_language_data(registry.lookups.get("en")["lexeme_prob"]))
    common = tuple(word for word, prob in probs.items() if prob >= COMMON_LOG_PROB)
    known = frozenset(get_string_id(word) for word, prob in probs.items()
                      if prob >= KNOWN_LOG_PROB)
    return common, known


def _common_word_strings() -> tuple[str, ...]:
    return _word_strings_by_frequency()[0]


def known_words() -> frozenset[int]:
    """Hashes of words English text uses now and then ("sensory", "hun"), even if not often;
    names that are no English word ("tunde", "gav") are rarer still, or absent."""
    return _word_strings_by_frequency()[1]


@lru_cache(maxsize=1)
def _common_words() -> frozenset[int]:
    """Hashes of frequent English words, as spaCy's lookup tables key them."""
    return frozenset(get_string_id(word) for word in _common_word_strings())


@lru_cache(maxsize=1)
def common_words_by_start() -> dict[tuple[str, int], tuple[str, ...]]:
    """The frequent English words themselves, by (first letter, length), to look up typos."""
    index: dict[tuple[str, int], list[str]] = {}
    for word in _common_word_strings():
        if word.isalpha():
            index.setdefault((word[:1], len(word)), []).append(word)
    return {key: tuple(words) for key, words in index.items()}


def is_typo_of_common_word(word: str) -> bool:
    """One edit from a frequent word of the same first letter (two from 8 letters): "stopd",
    "reely". Words under 5 letters are left alone: too many short names are one edit away."""
    if len(word) < MIN_TYPO_LENGTH + 1:
        return False
    budget = 2 if len(word) >= 8 else 1
    index = common_words_by_start()
    for length in range(len(word) - budget, len(word) + budget + 1):
        for candidate in index.get((word[:1], length), ()):
            if levenshtein(word, candidate, budget) <= budget:
                return True
    return False


def common_word_strings() -> tuple[str, ...]:
    """The frequent English words themselves (the name finder leaves them off its name lists)."""
    return _common_word_strings()


def common_words() -> frozenset[int]:
    """Frequent English words (string-store hashes), loaded once per process: the safety net's
    typo tolerance and the name finder both ask whether a word is an everyday one."""
    return _common_words()


class TypoKeys:
    """Sets each token's NORM to its lemma, or to the pattern word a typo stands for."""

    def __init__(self, vocabulary: Iterable[str]) -> None:
        self.vocabulary = frozenset(vocabulary)
        self.common = common_words()
        # Typos rarely change the first letter: index candidates by it and by length.
        self._index: dict[tuple[str, int], list[str]] = {}
        for word in self.vocabulary:
            self._index.setdefault((word[:1], len(word)), []).append(word)
        self._cache: dict[str, str] = {}

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            token.norm_ = self.key(token.lower_, token.lemma_.lower())
        return doc

    def key(self, lower: str, lemma: str) -> str:
        if lemma in self.vocabulary or lower in self.vocabulary:
            return lemma if lemma in self.vocabulary else lower
        if len(lower) < MIN_TYPO_LENGTH or not lower.isalpha():
            return lemma
        if get_string_id(lower) in self.common:
            return lemma
        if lower not in self._cache:
            if len(self._cache) > CACHE_LIMIT:
                self._cache.clear()
            self._cache[lower] = self._nearest(lower) or lemma
        return self._cache[lower]

    def _nearest(self, word: str) -> str | None:
        allowed = 2 if len(word) >= 8 else 1
        best: list[tuple[int, str]] = []
        for length in range(len(word) - allowed, len(word) + allowed + 1):
            for candidate in self._index.get((word[:1], length), ()):
                distance = levenshtein(word, candidate, allowed)
                if distance <= allowed:
                    best.append((distance, candidate))
        if not best:
            return None
        best.sort()
        if len(best) > 1 and best[0][0] == best[1][0]:
            return None  # ambiguous typo: do not guess
        return best[0][1]
