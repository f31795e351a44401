"""Server-side inline SVG charts: no JavaScript, no external libraries, readable by screen readers.

Each chart has a <title> and <desc>, and each bar its own <title> and data-* attributes,
so the numbers are there for assistive technology (and tests); pages also show a table.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from itertools import count

from markupsafe import Markup, escape

_ids = count(1)


def _nice_max(value: float) -> float:
    """A round axis maximum at or above `value` (1, 2, 5 x 10^n)."""
    if value <= 0:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if value <= step * magnitude:
            return float(step * magnitude)
    return float(10 * magnitude)


def _fmt(value: float, percent: bool) -> str:
    return f"{value * 100:.0f}%" if percent else f"{value:g}"


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _frame(title: str, desc: str, width: int, height: int, body: list[str]) -> Markup:
    n = next(_ids)
    return Markup(
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" '
        f'width="100%" preserveAspectRatio="xMinYMin meet" '
        f'aria-labelledby="chart{n}-title chart{n}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="chart{n}-title">{escape(title)}</title>'
        f'<desc id="chart{n}-desc">{escape(desc)}</desc>' + "".join(body) + "</svg>"
    )


def column_chart(
    title: str,
    points: Sequence[tuple[str, float]],
    *,
    percent: bool = False,
    label_every: int | None = None,
) -> Markup:
    """Vertical bars over time (one per day); labels thinned so they never overlap."""
    width, height, left, bottom, top = 720, 240, 44, 36, 12
    plot_w, plot_h = width - left - 8, height - bottom - top
    peak = _nice_max(max((value for _, value in points), default=0.0))
    body: list[str] = []
    for fraction in (0, 0.5, 1):
        y = top + plot_h * (1 - fraction)
        body.append(
            f'<line class="grid" x1="{left}" x2="{width - 8}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="#c8c8c8" stroke-width="1"/>'
            f'<text class="axis" x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" '
            f'font-size="12">{_fmt(peak * fraction, percent)}</text>'
        )
    if points:
        slot = plot_w / len(points)
        every = label_every or max(1, math.ceil(len(points) / 8))
        for index, (label, value) in enumerate(points):
            bar_h = plot_h * (value / peak) if peak else 0
            bar_w = min(slot * 0.7, 48.0)
            x = left + index * slot + (slot - bar_w) / 2
            shown = _fmt(value, percent)
            body.append(
                f'<g class="bar"><title>{escape(label)}: {shown}</title>'
                f'<rect data-label="{escape(label)}" data-value="{value:g}" x="{x:.1f}" '
                f'y="{top + plot_h - bar_h:.1f}" width="{bar_w:.1f}" height="{bar_h:.1f}" '
                f'fill="#1f6f8b"/></g>'
            )
            if index % every == 0:
                body.append(
                    f'<text class="axis" x="{x + bar_w / 2:.1f}" y="{height - bottom + 16}" '
                    f'text-anchor="middle" font-size="12">{escape(label[5:])}</text>'
                )
    desc = ", ".join(f"{label}: {_fmt(value, percent)}" for label, value in points) or "No data."
    return _frame(title, desc, width, height, body)


def bar_chart(
    title: str,
    items: Sequence[tuple[str, float]],
    *,
    label: Callable[[str], str] = str,
) -> Markup:
    """Horizontal bars for categories (concerns, resources, answers), largest first."""
    row_h, left, width = 30, 215, 480
    height = max(1, len(items)) * row_h + 16
    peak = max((value for _, value in items), default=0) or 1
    body: list[str] = []
    for index, (key, value) in enumerate(items):
        y = 8 + index * row_h
        bar_w = (width - left - 60) * value / peak
        name = escape(label(key))
        short = escape(_clip(label(key), 24))
        body.append(
            f'<text class="axis" x="{left - 8}" y="{y + 18}" text-anchor="end" '
            f'font-size="14">{short}</text>'
            f'<g class="bar"><title>{name}: {value:g}</title>'
            f'<rect data-label="{escape(key)}" data-value="{value:g}" x="{left}" y="{y + 4}" '
            f'width="{bar_w:.1f}" height="{row_h - 10}" fill="#1f6f8b"/></g>'
            f'<text class="value" x="{left + bar_w + 6:.1f}" y="{y + 18}" '
            f'font-size="14">{value:g}</text>'
        )
    if not items:
        body.append('<text class="axis" x="8" y="24" font-size="13">No data</text>')
    desc = ", ".join(f"{label(key)}: {value:g}" for key, value in items) or "No data."
    return _frame(title, desc, width, height + 8, body)
