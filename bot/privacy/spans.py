"""Detected personal data as character spans, and how overlapping detections are resolved."""

from __future__ import annotations

from dataclasses import dataclass

# Which label wins when two detectors claim overlapping text (most specific first).
PRIORITY = ["EMAIL", "URL", "CARD", "BANK", "NATIONAL_ID", "NHS_NUMBER", "DOB", "POSTCODE",
            "ADDRESS", "PHONE", "HANDLE", "NAME"]


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    label: str

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


def _rank(span: Span) -> tuple[int, int]:
    return (PRIORITY.index(span.label), -(span.end - span.start))


def resolve(spans: list[Span]) -> list[Span]:
    """Keeps the highest-priority span where spans overlap; merges touching spans of a label."""
    kept: list[Span] = []
    for span in sorted(spans, key=_rank):
        if not any(span.overlaps(other) for other in kept):
            kept.append(span)
    return sorted(kept, key=lambda span: span.start)


def apply(text: str, spans: list[Span]) -> str:
    """Text with each span replaced by its placeholder; adjacent equal placeholders fold."""
    pieces: list[str] = []
    cursor = 0
    for span in resolve(spans):
        gap = text[cursor : span.start]
        placeholder = f"[{span.label}]"
        if pieces and pieces[-1] == placeholder and gap.strip(" -") == "":
            cursor = span.end
            continue
        pieces.extend([gap, placeholder])
        cursor = span.end
    pieces.append(text[cursor:])
    return "".join(pieces)
