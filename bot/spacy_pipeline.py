"""The project's own spaCy pipeline: built here so nothing is downloaded, loaded once per process.

A blank English tokenizer plus the lookup lemmatizer (tables from ``spacy-lookups-data``):
enough for Rasa's ``SpacyTokenizer``, the safety net's lemma patterns and the name finder. All
three take the one `shared_pipeline()` of the process (Rasa's ``SpacyNLP`` through
bot/nlu/shared_spacy.py), so the tokens they see agree and the pipeline sits in memory once.
Users who can download ``en_core_web_md`` may point ``SpacyNLP.model`` in ``config.yml`` at it
instead; Rasa then loads that model itself.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language

DEFAULT_PATH = Path("var/spacy/en_nurture")
ROOT = Path(__file__).resolve().parents[1]
SHARED_PATH = ROOT / DEFAULT_PATH


def build_pipeline() -> Language:
    """Return a blank English pipeline with lookup lemmas."""
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    nlp.meta["name"] = "nurture"
    nlp.meta["description"] = "Blank English tokenizer with lookup lemmatizer (no vectors)."
    return nlp


def is_shared(name_or_path: str) -> bool:
    """Whether a `SpacyNLP.model` setting (relative to the working directory) names our pipeline."""
    return Path(name_or_path).expanduser().resolve() == SHARED_PATH


@cache
def shared_pipeline() -> Language:
    """The process's one pipeline: the built copy (`make setup`), else the same one built now."""
    if (SHARED_PATH / "meta.json").is_file():
        return spacy.load(SHARED_PATH)
    return build_pipeline()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    target = Path(args[0]) if args else DEFAULT_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    build_pipeline().to_disk(target)
    print(f"spaCy pipeline written to {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
