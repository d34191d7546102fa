"""Server-side SVG charts with axes, labels, units and tooltips (<title> on each mark).

Every string that reaches the SVG passes through ``escape``.
"""

from __future__ import annotations

import math

from markupsafe import Markup, escape

from .humanize import format_value, unit_label

WIDTH, HEIGHT = 640, 320
LEFT, RIGHT, TOP, BOTTOM = 70, 20, 44, 90
HEADROOM = 1.12  # room above the tallest mark for its value label
MAX_BAR = 90
PALETTE = ["#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c", "#0891b2", "#be185d", "#4d7c0f"]


def _nice_ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    if hi == lo:
        hi = lo + 1 if lo >= 0 else lo + abs(lo)
    span = hi - lo
    step = 10 ** math.floor(math.log10(span / count))
    for factor in (1, 2, 2.5, 5, 10):
        if span / (step * factor) <= count:
            step *= factor
            break
    start = math.floor(lo / step) * step
    ticks = []
    value = start
    while value <= hi + step * 0.5:
        ticks.append(round(value, 10))
        value += step
    return ticks


def _axis_label(value: float, unit: str) -> str:
    if unit == "percent":
        return f"{value:g}%"
    magnitude = abs(value)
    if magnitude >= 1e9:
        return f"{value / 1e9:g} bn"
    if magnitude >= 1e6:
        return f"{value / 1e6:g} m"
    return f"{value:,.0f}" if magnitude >= 100 else f"{value:g}"


def bar_chart(bars: list[tuple[str, float, str]], unit: str, title: str) -> Markup:
    """``bars``: (label, value, tooltip). Vertical bars, y axis in ``unit``."""
    if not bars:
        return Markup("")
    values = [v for _, v, _ in bars]
    ticks = _nice_ticks(min(0.0, min(values) * HEADROOM), max(0.0, max(values) * HEADROOM))
    lo, hi = ticks[0], ticks[-1]
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def y(v: float) -> float:
        return TOP + plot_h - (v - lo) / (hi - lo) * plot_h

    parts = [f'<svg class="chart" role="img" viewBox="0 0 {WIDTH} {HEIGHT}" aria-label="{escape(title)}">',
             f'<text class="chart-title" x="{LEFT}" y="18">{escape(title)}</text>']
    for t in ticks:
        parts.append(f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(t):.1f}" y2="{y(t):.1f}"/>')
        parts.append(f'<text class="tick" x="{LEFT - 6}" y="{y(t) + 4:.1f}" text-anchor="end">{escape(_axis_label(t, unit))}</text>')
    parts.append(f'<text class="axis-label" x="14" y="{TOP + plot_h / 2:.0f}" transform="rotate(-90 14 {TOP + plot_h / 2:.0f})" text-anchor="middle">{escape(unit_label(unit) or unit)}</text>')
    band = plot_w / len(bars)
    width = min(band * 0.7, MAX_BAR)
    for i, (label, value, tip) in enumerate(bars):
        centre = LEFT + i * band + band / 2
        x = centre - width / 2
        top, bottom = sorted((y(value), y(0)))
        parts.append(
            f'<rect class="mark" x="{x:.1f}" y="{top:.1f}" width="{width:.1f}" height="{max(1.0, bottom - top):.1f}" '
            f'fill="{PALETTE[i % len(PALETTE)]}"><title>{escape(tip)}</title></rect>'
        )
        parts.append(f'<text class="bar-value" x="{centre:.1f}" y="{top - 4:.1f}" text-anchor="middle">{escape(format_value(value, unit))}</text>')
        if len(bars) > 4:  # many bars: slanted labels so that long names do not collide
            ly = HEIGHT - BOTTOM + 12
            parts.append(f'<text class="tick" x="{centre:.1f}" y="{ly}" text-anchor="end" transform="rotate(-30 {centre:.1f} {ly})">{escape(label)}</text>')
        else:
            parts.append(f'<text class="tick" x="{centre:.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle">{escape(label)}</text>')
    parts.append(f'<line class="axis" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(0):.1f}" y2="{y(0):.1f}"/>')
    parts.append("</svg>")
    return Markup("".join(parts))


def line_chart(points: list[tuple[str, float, str]], unit: str, title: str) -> Markup:
    """``points``: (x label, value, tooltip) in order. One series with point marks."""
    if not points:
        return Markup("")
    values = [v for _, v, _ in points]
    ticks = _nice_ticks(min(0.0, min(values) * HEADROOM), max(values) * HEADROOM)
    lo, hi = ticks[0], ticks[-1]
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / max(1, len(points) - 1) if len(points) > 1 else 0

    def xy(i: int, v: float) -> tuple[float, float]:
        x = LEFT + (i * step if len(points) > 1 else plot_w / 2)
        return x, TOP + plot_h - (v - lo) / (hi - lo) * plot_h

    parts = [f'<svg class="chart" role="img" viewBox="0 0 {WIDTH} {HEIGHT}" aria-label="{escape(title)}">',
             f'<text class="chart-title" x="{LEFT}" y="18">{escape(title)}</text>']
    for t in ticks:
        _, ty = xy(0, t)
        parts.append(f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{ty:.1f}" y2="{ty:.1f}"/>')
        parts.append(f'<text class="tick" x="{LEFT - 6}" y="{ty + 4:.1f}" text-anchor="end">{escape(_axis_label(t, unit))}</text>')
    parts.append(f'<text class="axis-label" x="14" y="{TOP + plot_h / 2:.0f}" transform="rotate(-90 14 {TOP + plot_h / 2:.0f})" text-anchor="middle">{escape(unit_label(unit) or unit)}</text>')
    coords = [xy(i, v) for i, (_, v, _) in enumerate(points)]
    parts.append('<polyline class="line" fill="none" stroke="#2563eb" stroke-width="2" points="'
                 + " ".join(f"{x:.1f},{y:.1f}" for x, y in coords) + '"/>')
    for (label, value, tip), (x, y) in zip(points, coords):
        parts.append(f'<circle class="mark" cx="{x:.1f}" cy="{y:.1f}" r="5" fill="#2563eb"><title>{escape(tip)}</title></circle>')
        parts.append(f'<text class="tick" x="{x:.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle">{escape(label)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
