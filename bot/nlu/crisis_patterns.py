"""Compiles the staff-reviewed crisis pattern file into spaCy matchers.

Patterns are written in a small phrase language (see docs/safety/crisis-patterns.md) so
that staff can read and extend them without knowing spaCy's token-pattern syntax:

- ``word``      the word in any inflection (matched on its lemma); a rare or unknown word
                within one typo (two from 8 letters) of a pattern word counts as that word
- ``a|b|c``     any of these words
- ``word?``     the word may be missing
- ``=word``     exactly this word (no lemma, no typo tolerance)
- ``~``         any one word;  ``...`` up to three words of any kind, ``...6`` up to six
- ``...6!a|b``  up to six words, none of them ``a`` or ``b`` (in any inflection): "the husband,
                with no baby named between him and the verb"
- ``{a b|c}``   any of these word sequences ("a b" or "c")
- ``/re/``      a word matching the regular expression (numbers such as temperatures)
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from bot import names

PATTERNS_PATH = Path(__file__).with_name("crisis_patterns.yml")
CRISIS_INTENTS = names.CRISIS_INTENTS  # most time-critical first (bot/names.py)


EXCEPTION_KINDS = (
    "figures_of_speech",
    "information_questions",
    "resolved",
    "assessed",
    "negations",
    "loss_context",
    "past_context",
    "intrusive_context",
    "worry_context",
    "present_context",
    # Safe uses of alarming words (a charity, a novel's plot, a joke taken back): they stop a
    # rule only where they overlap its words, or in a group, and never explain away a guess of
    # the classifier or the semantic detector (bot/nlu/safety_net.py reads no such kind).
    "lookalikes",
)


# The typo-tolerant key of each token is written into spaCy's NORM attribute, which the
# matcher reads natively (an extension attribute would be about ten times slower).
KEY_ATTR = "NORM"
# Patterns per matcher shard: small enough that building stays linear (see ShardedMatcher).
SHARD_SIZE = 400


class PatternError(ValueError):
    """The pattern file is malformed; raised at load so a bad edit never ships silently."""


class ShardedMatcher:
    """spaCy's Matcher split into shards of a few hundred patterns. Matcher.add rebuilds a
    lookup of every predicate it holds on each call, so one matcher with ~5,000 patterns took
    ~7 s to build at every start-up; shards keep each lookup small. Matching is the same: every
    shard runs over the doc and their matches are joined."""

    def __init__(self, vocab: Vocab, validate: bool, shard_size: int = SHARD_SIZE) -> None:
        self.vocab = vocab
        self.validate = validate
        self.shard_size = shard_size
        self.shards: list[Matcher] = []
        self._sizes: list[int] = []
        self._where: dict[str, Matcher] = {}

    def add(self, key: str, patterns: list[list[dict[str, Any]]]) -> None:
        shard = self._where.get(key)
        if shard is None:
            if not self.shards or self._sizes[-1] >= self.shard_size:
                self.shards.append(Matcher(self.vocab, validate=self.validate))
                self._sizes.append(0)
            shard = self._where[key] = self.shards[-1]
        shard.add(key, patterns)
        self._sizes[self.shards.index(shard)] += len(patterns)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        return [match for shard in self.shards for match in shard(doc)]

    def ids(self) -> list[str]:
        return list(self._where)

    def get(self, key: str) -> tuple[Any, list[list[dict[str, Any]]]]:
        return self._where[key].get(key)


@dataclass(frozen=True)
class Rule:
    """A crisis rule. ``unless`` holds exception ids; a tuple of ids means all of them.

    ``only_with`` holds exception ids that must all be in the message for the rule to fire
    (e.g. a wish to be with a baby read as suicidal only where the baby has died).
    """

    id: str
    intent: str
    why: str
    unless: tuple[str | tuple[str, ...], ...] = ()
    only_with: tuple[str, ...] = ()


@dataclass
class CompiledPatterns:
    """Matchers for crisis rules and for the exceptions that may suppress them."""

    rules: dict[str, Rule]
    rule_matcher: ShardedMatcher
    exception_matcher: ShardedMatcher
    exception_kinds: dict[str, str]
    replacements: dict[str, str] = field(default_factory=dict)

    def vocabulary(self) -> set[str]:
        """Every word the patterns match by key: the targets for typo correction."""
        words: set[str] = set()
        for matcher in (self.rule_matcher, self.exception_matcher):
            for key in matcher.ids():
                for pattern in matcher.get(key)[1]:
                    for spec in pattern:
                        words.update(spec.get(KEY_ATTR, {}).get("IN", []))
        return words


def _lemma(nlp: Language, word: str) -> str:
    doc = nlp(word)
    return doc[0].lemma_.lower() if len(doc) == 1 else word


def _compile_token(nlp: Language, token: str) -> list[dict[str, Any]]:
    """One phrase-language token -> one or more alternative spaCy token specs."""
    optional = token.endswith("?") and len(token) > 1
    token = token.rstrip("?") if optional else token
    op = {"OP": "?"} if optional else {}
    if token == "~":
        return [{**op}] if op else [{}]
    words, regexes = _alternatives(token)
    exact = [w[1:].lower() for w in words if w.startswith("=") and len(w) > 1]
    plain = [w for w in words if w and not w.startswith("=")]
    if not exact and not plain and not regexes:
        raise PatternError(f"empty alternative in {token!r}")
    specs: list[dict[str, Any]] = [{"LOWER": {"REGEX": r}, **op} for r in regexes]
    if exact:
        specs.append({"LOWER": {"IN": exact}, **op})
    if plain:
        lemmas = sorted({_lemma(nlp, word.lower()) for word in plain})
        specs.append({KEY_ATTR: {"IN": lemmas}, **op})
    return specs


def _alternatives(token: str) -> tuple[list[str], list[str]]:
    """``/^\\d+$/|two|three`` -> (["two", "three"], ["^\\d+$"]): a regular expression may be one
    alternative among words, and may hold "|" itself (``/^(3[89]|4[0-2])$/``)."""
    words: list[str] = []
    regexes: list[str] = []
    parts = token.split("|")
    while parts:
        part = parts.pop(0)
        if part.startswith("/"):
            while not (len(part) > 1 and part.endswith("/")) and parts:
                part += "|" + parts.pop(0)
            if len(part) > 2 and part.endswith("/"):
                regexes.append(part[1:-1])
                continue
        words.append(part)
    return words, regexes


def _top_level_split(text: str, sep: str) -> list[str]:
    """Split on ``sep`` outside braces."""
    current: list[str]
    parts, depth, current = [], 0, []
    for char in text:
        depth += char == "{"
        depth -= char == "}"
        if char == sep and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    if depth:
        raise PatternError(f"unbalanced braces in {text!r}")
    parts.append("".join(current))
    return parts


def _token_choices(token: str) -> list[str]:
    """``a|{b c|d}|e`` -> ``["a|e", "b c", "d"]``: single words stay one alternation."""
    if "{" not in token:
        return [token]
    suffix = "?" if token.endswith("?") and not token.endswith("}") else ""
    options = _top_level_split(token[: len(token) - len(suffix)], "|")
    words = [o for o in options if o and not o.startswith("{")]
    choices = ["|".join(words) + suffix] if words else []
    for option in options:
        if option.startswith("{"):
            choices.extend(c.strip() for c in option[1:-1].split("|") if c.strip())
    return choices


def expand_groups(phrase: str) -> list[str]:
    """Expand ``{a b|c}`` groups into one plain phrase per choice."""
    tokens = [t for t in _top_level_split(phrase.strip(), " ") if t]
    return [" ".join(combo) for combo in itertools.product(*map(_token_choices, tokens))]


def _split_phrase(nlp: Language, phrase: str) -> list[str]:
    """Split on spaces, and split plain words the way spaCy will ("can't" -> "ca n't")."""
    tokens: list[str] = []
    for token in phrase.split():
        if any(c in token for c in "|?=~/") or token.startswith("..."):
            tokens.append(token)
        else:
            tokens.extend(t.text for t in nlp.make_doc(token.lower()))
    return tokens


_GAP = re.compile(r"\.\.\.(?P<size>\d+)?(?:!(?P<not>[^\s]+))?")


def compile_phrase(nlp: Language, phrase: str) -> list[list[dict[str, Any]]]:
    """Expand one phrase into the spaCy token patterns that together match it."""
    slots: list[list[list[dict[str, Any]]]] = []
    for token in _split_phrase(nlp, phrase):
        gap = _GAP.fullmatch(token)
        if gap:
            size = int(gap["size"] or 3)
            spec: dict[str, Any] = {"OP": "?"}
            if gap["not"]:
                words = [w.lstrip("=").lower() for w in gap["not"].split("|")]
                barred = sorted({_lemma(nlp, w) for w in words if w})
                spec[KEY_ATTR] = {"NOT_IN": barred}
            slots.append([[dict(spec) for _ in range(size)]])
        elif token.startswith("..."):
            raise PatternError(f"malformed gap {token!r} in {phrase!r}")
        else:
            slots.append([[spec] for spec in _compile_token(nlp, token)])
    if not slots:
        raise PatternError(f"empty pattern: {phrase!r}")
    return [list(itertools.chain.from_iterable(combo)) for combo in itertools.product(*slots)]


def _compile_all(nlp: Language, phrase: str) -> list[list[dict[str, Any]]]:
    return [p for variant in expand_groups(phrase) for p in compile_phrase(nlp, variant)]


def _require(entry: dict[str, Any], key: str, where: str) -> Any:
    if key not in entry:
        raise PatternError(f"{where}: missing '{key}'")
    return entry[key]


def load_patterns(
    nlp: Language, path: Path = PATTERNS_PATH, validate: bool = False
) -> CompiledPatterns:
    """Read and compile the pattern file; every problem is reported with its rule id.
    `validate` checks each compiled token pattern against spaCy's schema: ~2 s at every
    start-up, so the tests do it (tests/test_safety_net.py), not the running assistant."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    rule_matcher = ShardedMatcher(nlp.vocab, validate)
    exception_matcher = ShardedMatcher(nlp.vocab, validate)
    exception_kinds: dict[str, str] = {}
    for kind in EXCEPTION_KINDS:
        for entry in data.get(kind, []) or []:
            ex_id = _require(entry, "id", kind)
            if ex_id in exception_kinds:
                raise PatternError(f"duplicate exception id {ex_id}")
            exception_kinds[ex_id] = kind
            for phrase in _require(entry, "patterns", ex_id):
                exception_matcher.add(ex_id, _compile_all(nlp, phrase))
    rules: dict[str, Rule] = {}
    for entry in data.get("rules", []) or []:
        rule_id = _require(entry, "id", "rule")
        intent = _require(entry, "intent", rule_id)
        if intent not in CRISIS_INTENTS:
            raise PatternError(f"{rule_id}: unknown intent {intent}")
        if rule_id in rules:
            raise PatternError(f"duplicate rule id {rule_id}")
        unless = tuple(
            tuple(item) if isinstance(item, list) else item
            for item in entry.get("unless", []) or []
        )
        only_with = tuple(entry.get("only_with", []) or [])
        for item in (*unless, only_with):
            for ex_id in item if isinstance(item, tuple) else (item,):
                if ex_id not in exception_kinds:
                    raise PatternError(f"{rule_id}: unknown exception {ex_id}")
        rules[rule_id] = Rule(rule_id, intent, entry.get("why", ""), unless, only_with)
        for phrase in _require(entry, "patterns", rule_id):
            rule_matcher.add(rule_id, _compile_all(nlp, phrase))
    replacements = {str(k).lower(): str(v) for k, v in (data.get("normalise") or {}).items()}
    return CompiledPatterns(rules, rule_matcher, exception_matcher, exception_kinds, replacements)


_WORD = re.compile(r"[\w']+", re.UNICODE)
_ELONGATED = re.compile(r"(\w)\1{2,}")


def normalise_text(text: str, replacements: dict[str, str]) -> str:
    """Lower-case, straighten quotes, shorten stretched letters and expand text-speak."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    text = _ELONGATED.sub(r"\1\1", text)
    return _WORD.sub(lambda m: replacements.get(m.group(0), m.group(0)), text)
