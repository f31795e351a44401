"""Builds the project's own spaCy pipeline so nothing is downloaded at run or test time.

A blank English tokenizer plus the lookup lemmatizer (tables from ``spacy-lookups-data``):
enough for Rasa's ``SpacyTokenizer`` and for the safety net's lemma patterns. Users who can
download ``en_core_web_md`` may point ``SpacyNLP.model`` in ``config.yml`` at it instead.
"""

from __future__ import annotations

import sys
from pathlib import Path

import spacy
from spacy.language import Language

DEFAULT_PATH = Path("var/spacy/en_nurture")


def build_pipeline() -> Language:
    """Return a blank English pipeline with lookup lemmas."""
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    nlp.meta["name"] = "nurture"
    nlp.meta["description"] = "Blank English tokenizer with lookup lemmatizer (no vectors)."
    return nlp


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    target = Path(args[0]) if args else DEFAULT_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    build_pipeline().to_disk(target)
    print(f"spaCy pipeline written to {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
