"""Semantic crisis detection: each piece of a message against a reviewed bank of exemplars.

The pattern net only knows the phrasings someone thought of. Here every sentence of a message
is compared, as a sentence embedding, with staff-reviewed crisis exemplars per crisis type
(``crisis_exemplars.yml``) and with contrast exemplars that sound alike but are not crises
("I've lost myself since the birth", "what do I do if my baby chokes?"). A piece fires when it
is close enough to a crisis exemplar and closer to it than to any contrast; the exemplar id and
similarity are what the safety net records, so a reviewer can see why.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml

from bot.names import ASKED_ABOUT
from bot.nlu.encoder import SentenceEncoder

SETTINGS_PATH = Path(__file__).with_name("semantic_crisis.yml")


@dataclass(frozen=True)
class SemanticSettings:
    exemplars_path: Path
    thresholds: dict[str, float | None]
    margin: float
    overrule_margin: float
    support: float
    strong_classifier: float
    sure_classifier: float
    sure_support: float
    ask: float
    ask_margin: float
    ask_min_words: int
    context_words: int
    context_earlier: float
    borderline_below: float = 0.0
    confident_ordinary: float = 1.01


def load_settings(path: Path = SETTINGS_PATH) -> SemanticSettings:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return SemanticSettings(
        exemplars_path=path.parent / raw["exemplars"],
        thresholds={k: None if v is None else float(v) for k, v in raw["thresholds"].items()},
        margin=float(raw["margin"]),
        overrule_margin=float(raw["overrule_margin"]),
        support=float(raw["support"]),
        strong_classifier=float(raw["strong_classifier"]),
        sure_classifier=float(raw["sure_classifier"]),
        sure_support=float(raw["sure_support"]),
        ask=float(raw["ask"]),
        ask_margin=float(raw.get("ask_margin", raw["margin"])),
        ask_min_words=int(raw["ask_min_words"]),
        context_words=int(raw["context_words"]),
        context_earlier=float(raw["context_earlier"]),
        borderline_below=float(raw.get("borderline_below", 0.0)),
        confident_ordinary=float(raw.get("confident_ordinary", 1.01)),
    )


@dataclass(frozen=True)
class Exemplar:
    id: str
    intent: str | None  # None for a contrast exemplar
    text: str


@dataclass(frozen=True)
class SemanticHit:
    """The closest crisis exemplar to one piece of the message."""

    intent: str
    exemplar: str
    similarity: float
    contrast: float
    piece: int

    def record(self) -> dict[str, object]:
        return {
            "intent": self.intent,
            "exemplar": self.exemplar,
            "similarity": round(self.similarity, 3),
            "contrast": round(self.contrast, 3),
        }


def load_exemplars(path: Path, crisis_intents: tuple[str, ...]) -> list[Exemplar]:
    """Reads the bank; a malformed one stops start-up naming what is wrong."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    found: list[Exemplar] = []
    for intent, items in (raw.get("crisis") or {}).items():
        if intent not in crisis_intents:
            raise ValueError(f"{path.name}: unknown crisis intent {intent!r}")
        found += [Exemplar(str(item["id"]), intent, str(item["text"])) for item in items]
    contrast = raw.get("contrast") or []
    found += [Exemplar(str(item["id"]), None, str(item["text"])) for item in contrast]
    ids = [e.id for e in found]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ValueError(f"{path.name}: exemplar ids used twice: {', '.join(duplicates)}")
    missing = set(crisis_intents) - {e.intent for e in found}
    if missing:
        raise ValueError(f"{path.name}: no exemplars for {', '.join(sorted(missing))}")
    return found


class SemanticCrisisDetector:
    """Nearest exemplars by cosine similarity (all vectors are unit length)."""

    def __init__(
        self,
        encoder: SentenceEncoder,
        settings: SemanticSettings,
        crisis_intents: tuple[str, ...],
    ) -> None:
        self.settings = settings
        exemplars = load_exemplars(settings.exemplars_path, crisis_intents)
        self.crisis = [e for e in exemplars if e.intent]
        self.contrast = [e for e in exemplars if not e.intent]
        self.crisis_vectors = encoder.encode([e.text for e in self.crisis])
        self.contrast_vectors = encoder.encode([e.text for e in self.contrast])

    def nearest(self, vectors: np.ndarray) -> list[SemanticHit]:
        """Each piece's closest crisis exemplar, whether or not it fires."""
        if not len(vectors):
            return []
        crisis = vectors @ self.crisis_vectors.T
        contrast = (vectors @ self.contrast_vectors.T).max(axis=1) if self.contrast else None
        hits = []
        for piece, row in enumerate(crisis):
            best = int(row.argmax())
            exemplar = self.crisis[best]
            hits.append(
                SemanticHit(
                    intent=str(exemplar.intent),
                    exemplar=exemplar.id,
                    similarity=float(row[best]),
                    contrast=float(contrast[piece]) if contrast is not None else -1.0,
                    piece=piece,
                )
            )
        return hits

    def fires(self, hit: SemanticHit) -> bool:
        threshold = self.settings.thresholds.get(hit.intent)
        if threshold is None:
            return False
        return hit.similarity >= threshold and hit.similarity - hit.contrast >= self.settings.margin

    def worth_asking(self, hit: SemanticHit, any_type: bool = False) -> bool:
        """Close enough to suicidal thoughts (or any crisis type) to ask, not to escalate."""
        # Asked on meaning alone, a message must beat its closest contrast by more: ordinary
        # distress sits near suicidal thoughts by a small margin (docs/safety/direct-question.md).
        margin = self.settings.margin if any_type else self.settings.ask_margin
        return (
            (any_type or hit.intent == ASKED_ABOUT)
            and hit.similarity >= self.settings.ask
            and hit.similarity - hit.contrast >= margin
        )

    def borderline(self, hits: list[SemanticHit], confidence: float) -> bool:
        """Suicidal thoughts only just close enough, against a classifier sure of an ordinary
        concern: risk possible but unclear, so the gentle direct question, not the full script."""
        return (
            bool(hits)
            and all(h.intent == ASKED_ABOUT for h in hits)
            and max(h.similarity for h in hits) < self.settings.borderline_below
            and confidence >= self.settings.confident_ordinary
        )

    def contradicts(self, hits: list[SemanticHit]) -> bool:
        """Every piece means something closer to a non-crisis contrast than to any crisis."""
        return bool(hits) and all(
            h.contrast - h.similarity >= self.settings.overrule_margin for h in hits
        )

    def supports(self, hits: list[SemanticHit], at_least: float | None = None) -> bool:
        """Whether a weak classifier crisis guess has any semantic backing.

        A piece clearly closer to a contrast ("I just want to sleep for a week") backs nothing.
        """
        threshold = self.settings.support if at_least is None else at_least
        return any(
            h.similarity >= threshold and h.contrast - h.similarity < self.settings.overrule_margin
            for h in hits
        )
