"""Reads a parent's answer to the gentle direct question as yes, no or unclear.

Only a clear "no" leads back to the parent's concern; a hedge is a yes, as suicide-prevention
training teaches. The word lists are staff-reviewed YAML (risk_answers.yml) beside this module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml

from bot.names import AFFIRM_INTENT, DENY_INTENT

ANSWERS_PATH = Path(__file__).with_name("risk_answers.yml")
Verdict = Literal["yes", "no", "unclear"]
# The classifier's view, used only when no reviewed word decides.
CLASSIFIER_VERDICTS: dict[str, Verdict] = {AFFIRM_INTENT: "yes", DENY_INTENT: "no"}
# Where a clause ends: a negator before it does not reach a hedge after it.
CLAUSE_END = re.compile(r"[.,;:!?\n]|\bbut\b|\bthough\b|\bwell\b")
# How far back a negator can reach within a clause.
NEGATOR_REACH = 40


def phrase_pattern(phrases: list[str]) -> re.Pattern[str]:
    """Whole-word match of any phrase; longest first so "no way" wins over "no"."""
    ordered = sorted({p.strip().lower() for p in phrases if p.strip()}, key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)
    return re.compile(rf"(?<![\w'])(?:{body})(?![\w'])")


@dataclass(frozen=True)
class RiskAnswerReader:
    hedges: re.Pattern[str]
    yes: re.Pattern[str]
    no: re.Pattern[str]
    no_clauses: re.Pattern[str]
    fillers: re.Pattern[str]
    negators: re.Pattern[str]
    cancels: re.Pattern[str]

    @classmethod
    def load(cls, path: Path = ANSWERS_PATH) -> RiskAnswerReader:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        keys = ("hedges", "yes_words", "no_words", "no_clauses", "fillers", "negators", "cancels")
        return cls(*(phrase_pattern(list(raw[key])) for key in keys))

    def read(self, normalised: str, classifier_intent: str | None = None) -> Verdict:
        """The answer's meaning; `normalised` is lower case with contractions expanded."""
        text = normalised.strip()
        if self._hedged(text):
            return "yes"
        start = self._after_fillers(text)
        if self.no.match(start) or self._whole_clause(self.no_clauses.match(start), start):
            return "no"
        if self.yes.search(text):
            return "yes"
        return CLASSIFIER_VERDICTS.get(classifier_intent or "", "unclear")

    def _after_fillers(self, text: str) -> str:
        rest = text.lstrip(" .,!-")
        while (filler := self.fillers.match(rest)) is not None:
            rest = rest[filler.end() :].lstrip(" .,!-")
        return rest

    @staticmethod
    def _whole_clause(match: re.Match[str] | None, text: str) -> bool:
        """A personal no ("I'm not") is a no only when its clause ends right after it."""
        if match is None:
            return False
        after = text[match.end() :].lstrip()
        return not after or bool(CLAUSE_END.match(after))

    def _hedged(self, text: str) -> bool:
        for match in self.hedges.finditer(text):
            if any(
                c.start() < match.end() and match.start() < c.end()
                for c in self.cancels.finditer(text)
            ):
                continue
            before = text[max(0, match.start() - NEGATOR_REACH) : match.start()]
            clause = CLAUSE_END.split(before)[-1]
            if not self.negators.search(clause):
                return True
        return False
