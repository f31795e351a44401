"""Redaction quality on the written corpus: per-type recall >= 0.95, <= 5% of clean altered."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from bot.privacy.redactor import PLACEHOLDERS, redact

ROOT = Path(__file__).resolve().parents[2]
CORPUS = yaml.safe_load((Path(__file__).with_name("pii_corpus.yml")).read_text(encoding="utf-8"))
MIN_RECALL = 0.95
MAX_CLEAN_ALTERED = 0.05


def score() -> tuple[dict[str, tuple[int, int]], list[str], list[tuple[str, str]], list[str]]:
    """(per-type (hit, total), missed descriptions, altered clean pairs, report lines)."""
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    missed = []
    for item in CORPUS["pii"]:
        out = redact(item["text"])
        for label, values in item["spans"].items():
            for value in map(str, values):
                totals[label] += 1
                if value not in out and f"[{label}]" in out:
                    hits[label] += 1
                else:
                    missed.append(f"{label} {value!r}: {out}")
    altered = [(t, redact(t)) for t in CORPUS["clean"] if redact(t) != t]
    lines = [f"{label:<11} recall {hits[label] / totals[label]:.3f} ({hits[label]}/{totals[label]})"
             for label in PLACEHOLDERS if totals[label]]
    lines.append(f"clean altered {len(altered)}/{len(CORPUS['clean'])}")
    return {k: (hits[k], totals[k]) for k in totals}, missed, altered, lines


@pytest.fixture(scope="module")
def results() -> tuple:
    return score()


def test_corpus_is_big_enough() -> None:
    assert len(CORPUS["pii"]) >= 150
    assert len(CORPUS["clean"]) >= 50
    assert {label for item in CORPUS["pii"] for label in item["spans"]} <= set(PLACEHOLDERS)


def test_per_type_recall(results: tuple, capsys: pytest.CaptureFixture[str]) -> None:
    per_type, missed, _, lines = results
    with capsys.disabled():
        print("\n" + "\n".join(lines))
    low = {k: h / t for k, (h, t) in per_type.items() if h / t < MIN_RECALL}
    assert not low, f"recall below {MIN_RECALL}: {low}\n" + "\n".join(missed)


def test_clean_messages_unchanged(results: tuple) -> None:
    _, _, altered, _ = results
    assert len(altered) <= MAX_CLEAN_ALTERED * len(CORPUS["clean"]), altered


@pytest.mark.parametrize(
    "text",
    ["we're in Cardiff", "we live in Scotland", "she's 4 months", "I'm her dad",
     "I'm in Barry", "we're in Kerry", "i'm a mum in wales"],
)
def test_profile_answers_survive(text: str) -> None:
    """The signposting form reads these from the stored text; they must not change."""
    assert redact(text) == text


def test_placeholders_never_cut_a_word_or_number() -> None:
    """A span that ends inside a token ("[DOB]24") leaves part of the value behind."""
    glued = re.compile(r"\][0-9A-Za-z]|[0-9A-Za-z]\[")
    cut = [out for item in CORPUS["pii"] if glued.search(out := redact(item["text"]))]
    assert not cut


def test_redaction_is_idempotent() -> None:
    for item in CORPUS["pii"][:40]:
        once = redact(item["text"])
        assert redact(once) == once


def test_every_region_word_survives() -> None:
    """Every place the signposting form knows (actions/profile_terms.yml) is kept."""
    terms = yaml.safe_load((ROOT / "actions" / "profile_terms.yml").read_text(encoding="utf-8"))
    places = [t for terms in terms["regions"].values() for t in terms]
    changed = [p for p in places if redact(f"we live in {p.title()}") != f"we live in {p.title()}"
               or redact(f"we're in {p}") != f"we're in {p}"]
    assert not changed
