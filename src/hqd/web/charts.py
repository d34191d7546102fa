"""Server-side SVG charts people can read: type at 13 px or more, nothing clipped, axes with headroom,
one colour per district on every chart, approximations and period kinds drawn the same way everywhere.

Every chart is drawn twice, for a wide and a narrow screen (CSS shows one), each at the size it is shown,
so text is never scaled down. Styles are presentation attributes, so a downloaded SVG looks the same.
Every string that reaches the SVG passes through ``escape``.

Conventions (the legend under each chart says them):
- a figure that is approximate or a bound (≈, >, <) is drawn hollow / pale, and its label carries the sign;
- a period shorter than a year is a point at its middle; a span of years (2018/2023) is a bar across it.
"""

from __future__ import annotations

import math
import zlib
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from ..extraction.lexicon import load
from ..format import axis_label, format_value, period_label, unit_label
from ..model import Approx, Period

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
INK, MUTED, GRID, AXIS = "#111827", "#374151", "#e5e7eb", "#6b7280"
TICK_SIZE, TITLE_SIZE = 13, 15
WIDE, NARROW = 760, 360
MULTIPLE = 530  # a chart of a grid of small multiples (two to a row on a wide screen), type still 13 px

# 16 colours, one per Shanghai district in the lexicon's order, distinguishable and dark enough for white text
# around them (Tableau 10 and darker companions).
PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#e6550d", "#17becf", "#e377c2", "#8c564b",
           "#bcbd22", "#393b79", "#637939", "#843c39", "#7b4173", "#3182bd", "#31a354", "#756bb1"]


def _known_districts() -> list[str]:
    return list(load("districts")["districts"])


_ORDER = {name: i for i, name in enumerate(_known_districts())}


def district_colour(district: str | None) -> str:
    """The one colour a district has on every chart (the lexicon's order; others by a stable hash)."""
    if district in _ORDER:
        return PALETTE[_ORDER[district] % len(PALETTE)]
    return PALETTE[zlib.crc32((district or "").encode()) % len(PALETTE)]


def _text_width(text: str, size: float = TICK_SIZE) -> float:
    """A safe estimate of rendered width: CJK full width, others ~0.6 em."""
    return sum(size if ord(c) > 0x2E80 else size * 0.6 for c in text)


def nice_ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    """Round tick values from at most ``lo`` to at least ``hi``, the last one at or above the highest value."""
    if hi == lo:
        hi = lo + (abs(lo) or 1)
    span = hi - lo
    step = 10 ** math.floor(math.log10(span / count))
    for factor in (1, 2, 2.5, 5, 10):
        if span / (step * factor) <= count:
            step *= factor
            break
    start = math.floor(lo / step + 1e-9) * step
    ticks = [round(start, 10)]
    while ticks[-1] < hi - 1e-9 * abs(step):
        ticks.append(round(ticks[-1] + step, 10))
    return ticks


def _fit(text: str, width: float, size: float = TICK_SIZE) -> str:
    """The text cut to the width with an ellipsis (the whole text stays in the mark's tooltip)."""
    if _text_width(text, size) <= width:
        return text
    while text and _text_width(text + "…", size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _wrap(text: str, width: float, size: float = TICK_SIZE) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if line and _text_width(trial, size) > width:
            lines.append(line)
            line = word
        else:
            line = trial
    return lines + ([line] if line else [])


def _title_lines(title: str, width: float) -> list[str]:
    return _wrap(title, width - 16, TITLE_SIZE)


def _header(width: float, height: float, title: str, cls: str) -> tuple[list[str], float]:
    """The SVG's opening with a title wrapped to the width; returns the parts and the y where the plot may start."""
    lines = _title_lines(title, width)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart {cls}" role="img" width="{width:.0f}" height="{height:.0f}"'
             f' viewBox="0 0 {width:.0f} {height:.0f}" font-family="{FONT}" aria-label="{escape(title)}">',
             '<rect width="100%" height="100%" fill="#fff"/>']
    for i, line in enumerate(lines):
        parts.append(f'<text class="chart-title" x="8" y="{20 + i * 19}" font-size="{TITLE_SIZE}" font-weight="600" fill="{INK}">{escape(line)}</text>')
    return parts, 20 + (len(lines) - 1) * 19 + 14


APPROX_NOTE = "Pale, dashed marks are approximate figures or bounds (≈, >, <); the label carries the sign."
SPAN_NOTE = "A point is a figure for a year or less, at the middle of its period; a bar with end caps is a figure for a span of years."


class Chart:
    """An SVG chart (wide and narrow drawings) and the notes its legend needs."""

    def __init__(self, svg: str = "", notes: list[str] | None = None) -> None:
        self.svg = Markup(svg)
        self.notes = notes or []

    def __html__(self) -> str:
        return str(self.svg)

    def __bool__(self) -> bool:
        return bool(self.svg)

    def __str__(self) -> str:
        return str(self.svg)


@dataclass
class Bar:
    label: str
    value: float
    tip: str
    colour: str
    approx: Approx = "="
    kind: str | None = None
    note: str = ""  # shown after the value label, e.g. "2 values differ"


def _bar_svg(bars: list[Bar], unit: str, title: str, width: int, cls: str) -> str:
    """Horizontal bars: labels on the left (or above each bar when narrow), values at the bars' ends."""
    longest = max(_text_width(b.label) for b in bars) + 12
    narrow = width < 500 or longest > width * 0.34  # labels above the bars when they would not fit beside them
    label_w = 0 if narrow else longest
    value_texts = [format_value(b.value, unit, b.kind, b.approx) + (f" ({b.note})" if b.note else "") for b in bars]
    value_w = max(_text_width(t) for t in value_texts) + 10
    lo = min(0.0, min(b.value for b in bars))
    hi = max(0.0, max(b.value for b in bars))
    ticks = nice_ticks(lo, hi)
    lo, hi = ticks[0], ticks[-1]
    left = 8 + label_w + (_text_width(axis_label(lo, unit)) / 2 if lo < 0 else 4)
    right = width - value_w - 8
    band = 46 if narrow else 30
    bar_h = 20
    head_lines = len(_title_lines(title, width))
    top = 20 + (head_lines - 1) * 19 + 22
    height = top + band * len(bars) + 34 + 22
    parts, _ = _header(width, height, title, cls)

    def x(v: float) -> float:
        return left + (v - lo) / (hi - lo) * (right - left)

    axis_y = top + band * len(bars)
    for t in ticks:
        parts.append(f'<line class="grid" x1="{x(t):.1f}" x2="{x(t):.1f}" y1="{top - 4}" y2="{axis_y}" stroke="{GRID}"/>')
        parts.append(f'<text class="tick" x="{x(t):.1f}" y="{axis_y + 18}" text-anchor="middle" font-size="{TICK_SIZE}" fill="{MUTED}">{escape(axis_label(t, unit))}</text>')
    parts.append(f'<text class="axis-label" x="{(left + right) / 2:.0f}" y="{axis_y + 36}" text-anchor="middle" font-size="{TICK_SIZE}" fill="{MUTED}">{escape(_unit_caption(unit))}</text>')
    for i, (b, text) in enumerate(zip(bars, value_texts)):
        y0 = top + i * band + (band - bar_h) - (4 if narrow else 5)
        x0, x1 = sorted((x(0), x(b.value)))
        if narrow:
            parts.append(f'<text class="tick" x="{left + 5:.1f}" y="{y0 - 5:.1f}" font-size="{TICK_SIZE}" fill="{INK}">{escape(_fit(b.label, width - left - 13))}</text>')
        else:
            parts.append(f'<text class="tick" x="{left - 8:.1f}" y="{y0 + 15:.1f}" text-anchor="end" font-size="{TICK_SIZE}" fill="{INK}">{escape(b.label)}</text>')
        exact = b.approx in ("=", None)
        fill = f'fill="{b.colour}"' if exact else f'fill="{b.colour}" fill-opacity="0.35" stroke="{b.colour}" stroke-width="2" stroke-dasharray="5 3"'
        parts.append(f'<rect class="mark" x="{x0:.1f}" y="{y0:.1f}" width="{max(1.5, x1 - x0):.1f}" height="{bar_h}" {fill}>'
                     f'<title>{escape(b.tip)}</title></rect>')
        end = x(b.value)
        anchor, tx = ("start", max(end, x(0)) + 6) if b.value >= 0 else ("start", x(0) + 6)
        parts.append(f'<text class="bar-value" x="{tx:.1f}" y="{y0 + 15:.1f}" text-anchor="{anchor}" font-size="{TICK_SIZE}" fill="{INK}">{escape(text)}</text>')
    parts.append(f'<line class="axis" x1="{x(0):.1f}" x2="{x(0):.1f}" y1="{top - 4}" y2="{axis_y}" stroke="{AXIS}"/>')
    parts.append("</svg>")
    return "".join(parts)


def _unit_caption(unit: str | None) -> str:
    label = unit_label(unit)
    if unit == "count" or not label:
        return "number"
    return label


def bar_chart(bars: list[Bar], unit: str, title: str, width: int = WIDE) -> Chart:
    """A horizontal bar chart, drawn for wide and narrow screens."""
    if not bars:
        return Chart()
    notes = [APPROX_NOTE] if any(b.approx not in ("=", None) for b in bars) else []
    return Chart(_bar_svg(bars, unit, title, width, "chart-wide") + _bar_svg(bars, unit, title, NARROW, "chart-narrow"), notes)


# ---- time series ---------------------------------------------------------------------------------------------

def period_extent(period: str | None, fallback_date: str | None = None) -> tuple[float, float] | None:
    """A period as (start, end) in fractional years: "2023-H1" -> (2023.0, 2023.5), "2018/2023" -> (2018.0, 2024.0);
    without a period, the year of ``fallback_date``; None for a string that is no period (``model.Period`` reads it)."""
    parsed = Period.parse(period or (fallback_date or "")[:4])
    if parsed is None:
        return None
    (first_year, first_month), (last_year, last_month) = parsed.first_month, parsed.last_month
    return first_year + (first_month - 1) / 12, last_year + last_month / 12


@dataclass
class Point:
    period: str | None
    value: float
    tip: str
    approx: Approx = "="
    date: str | None = None  # the briefing's date, when the figure has no period
    basis: str | None = None


@dataclass
class Series:
    name: str  # a district
    points: list[Point] = field(default_factory=list)
    colour: str = ""


@dataclass
class _Frame:
    """A time-series chart's geometry: the plot's edges in pixels, its years (x) and values (y), and their ticks."""

    width: int
    height: float
    narrow: bool
    left: float
    right: float
    top: float
    plot_h: int
    years_lo: int
    years_hi: int
    lo: float
    hi: float
    ticks: list[float]

    def x(self, year: float) -> float:
        return self.left + (year - self.years_lo) / (self.years_hi - self.years_lo) * (self.right - self.left)

    def y(self, v: float) -> float:
        return self.top + self.plot_h - (v - self.lo) / (self.hi - self.lo) * self.plot_h


Placed = tuple  # (series, point, start year, end year)


def _placed(series: list[Series]) -> list[Placed]:
    """Every point that has a period (or a briefing date), with the years it covers."""
    return [(s, p, *extent) for s in series for p in s.points if (extent := period_extent(p.period, p.date))]


def _value_ticks(values: list[float]) -> list[float]:
    """Ticks from zero or below to above the highest value, with headroom: the top gridline lies clearly above the highest mark."""
    ticks = nice_ticks(min(0.0, min(values)), max(0.0, max(values)))
    if ticks[-1] < max(values) + 0.04 * (ticks[-1] - ticks[0]):
        ticks.append(round(ticks[-1] + (ticks[-1] - ticks[-2]), 10))
    return ticks


def _frame(series: list[Series], placed: list[Placed], unit: str, title: str, width: int) -> _Frame:
    narrow = width < 500
    years_lo = math.floor(min(e[2] for e in placed))
    years_hi = max(years_lo + 1, math.ceil(max(e[3] - 1e-9 for e in placed)))
    ticks = _value_ticks([p.value for _, p, _, _ in placed])
    label_w = 0 if narrow or len(series) < 1 else min(150, max(_text_width(s.name) for s in series) + 14)
    tick_w = max(_text_width(axis_label(t, unit)) for t in ticks) + 10
    top = 20 + (len(_title_lines(title, width)) - 1) * 19 + 26
    plot_h = 200 if narrow else 240
    legend_rows = math.ceil(len(series) / 2) if narrow else 0
    height = top + plot_h + 48 + legend_rows * 20 + 8
    return _Frame(width, height, narrow, 8 + tick_w, width - 12 - label_w, top, plot_h, years_lo, years_hi, ticks[0], ticks[-1], ticks)


def _value_axis(f: _Frame, unit: str) -> list[str]:
    """The unit's caption, a gridline and label per value tick, and the baseline (zero when the values cross it)."""
    parts = [f'<text class="axis-label" x="{f.left:.0f}" y="{f.top - 10}" font-size="{TICK_SIZE}" fill="{MUTED}">{escape(_unit_caption(unit))}</text>']
    for t in f.ticks:
        parts.append(f'<line class="grid" x1="{f.left:.1f}" x2="{f.right:.1f}" y1="{f.y(t):.1f}" y2="{f.y(t):.1f}" stroke="{GRID}"/>')
        parts.append(f'<text class="tick" x="{f.left - 6:.1f}" y="{f.y(t) + 4.5:.1f}" text-anchor="end" font-size="{TICK_SIZE}" fill="{MUTED}">{escape(axis_label(t, unit))}</text>')
    return parts


def _year_axis(f: _Frame) -> list[str]:
    """A tick at each year's start, the year's label at its middle (every few years when many), halves for a year or two."""
    parts = []
    bottom = f.top + f.plot_h
    step = max(1, math.ceil((f.years_hi - f.years_lo) / (4 if f.narrow else 10)))
    for year in range(f.years_lo, f.years_hi + 1):
        parts.append(f'<line class="grid" x1="{f.x(year):.1f}" x2="{f.x(year):.1f}" y1="{bottom}" y2="{bottom + 5}" stroke="{AXIS}"/>')
        if year < f.years_hi and (year - f.years_lo) % step == 0:
            parts.append(f'<text class="tick" x="{f.x(year + 0.5):.1f}" y="{bottom + 20}" text-anchor="middle" font-size="{TICK_SIZE}" fill="{MUTED}">{year}</text>')
        if f.years_hi - f.years_lo <= 2 and year < f.years_hi:  # a year or two: mark the halves too
            parts.append(f'<line class="grid" x1="{f.x(year + 0.5):.1f}" x2="{f.x(year + 0.5):.1f}" y1="{bottom}" y2="{bottom + 3}" stroke="{AXIS}"/>')
            for half, at in (("H1", 0.25), ("H2", 0.75)):
                parts.append(f'<text class="tick" x="{f.x(year + at):.1f}" y="{bottom + 34}" text-anchor="middle" font-size="{TICK_SIZE - 1}" fill="{MUTED}">{half}</text>')
    base = f.y(max(f.lo, 0) if f.lo < 0 < f.hi else f.lo)
    parts.append(f'<line class="axis" x1="{f.left:.1f}" x2="{f.right:.1f}" y1="{base:.1f}" y2="{base:.1f}" stroke="{AXIS}"/>')
    return parts


def _span_mark(f: _Frame, p: Point, a: float, b: float, colour: str) -> str:
    """A span of years: a bar across it with end caps, dashed when approximate."""
    ya = f.y(p.value)
    dash = "" if p.approx in ("=", None) else ' stroke-dasharray="6 3"'
    return (f'<g class="mark span" tabindex="-1"><title>{escape(p.tip)}</title>'
            f'<line x1="{f.x(a) + 2:.1f}" x2="{f.x(b) - 2:.1f}" y1="{ya:.1f}" y2="{ya:.1f}" stroke="{colour}" stroke-width="4"'
            f'{dash}/>'
            f'<line x1="{f.x(a) + 2:.1f}" x2="{f.x(a) + 2:.1f}" y1="{ya - 6:.1f}" y2="{ya + 6:.1f}" stroke="{colour}" stroke-width="2"/>'
            f'<line x1="{f.x(b) - 2:.1f}" x2="{f.x(b) - 2:.1f}" y1="{ya - 6:.1f}" y2="{ya + 6:.1f}" stroke="{colour}" stroke-width="2"/></g>')


def _point_mark(f: _Frame, p: Point, a: float, b: float, colour: str) -> str:
    """A period of a year or less: a dot at its middle, hollow when approximate."""
    fill = colour if p.approx in ("=", None) else "#fff"
    return (f'<circle class="mark" cx="{f.x((a + b) / 2):.1f}" cy="{f.y(p.value):.1f}" r="5.5" fill="{fill}" stroke="{colour}"'
            f' stroke-width="2.5"><title>{escape(p.tip)}</title></circle>')


def _series_marks(f: _Frame, s: Series, mine: list[tuple[Point, float, float]]) -> list[str]:
    """One district's line through its periods of a year or less, and a mark per figure."""
    parts = []
    short = [(p, a, b) for p, a, b in mine if b - a <= 1.0001]
    if len(short) > 1:  # the line joins periods of a year or less; spans stand on their own
        coords = " ".join(f"{f.x((a + b) / 2):.1f},{f.y(p.value):.1f}" for p, a, b in short)
        parts.append(f'<polyline class="line" fill="none" stroke="{s.colour}" stroke-width="2.5" points="{coords}"/>')
    for p, a, b in mine:
        parts.append(_span_mark(f, p, a, b, s.colour) if b - a > 1.0001 else _point_mark(f, p, a, b, s.colour))
    return parts


def _end_labels(f: _Frame, labels: list[list]) -> list[str]:
    """Direct labels at the right (Our World in Data's style), pushed apart so they never overlap: [y, series] each."""
    labels.sort(key=lambda item: item[0])
    for i in range(1, len(labels)):
        labels[i][0] = max(labels[i][0], labels[i - 1][0] + 16)
    return [f'<text class="series-label" x="{f.right + 8:.1f}" y="{label_y + 4.5:.1f}" font-size="{TICK_SIZE}" font-weight="600"'
            f' fill="{s.colour}">{escape(s.name)}</text>' for label_y, s in labels]


def _legend(f: _Frame, series: list[Series]) -> list[str]:
    """A narrow chart's legend below the plot, two districts per row."""
    parts = []
    for i, s in enumerate(series):
        lx = 8 + (i % 2) * (f.width / 2)
        ly = f.top + f.plot_h + 56 + (i // 2) * 20
        parts.append(f'<rect x="{lx:.1f}" y="{ly - 10:.1f}" width="12" height="12" fill="{s.colour}"/>'
                     f'<text class="series-label" x="{lx + 17:.1f}" y="{ly + 1:.1f}" font-size="{TICK_SIZE}" fill="{INK}">{escape(s.name)}</text>')
    return parts


def _series_svg(series: list[Series], unit: str, title: str, width: int, cls: str, kind: str | None) -> str:
    placed = _placed(series)
    f = _frame(series, placed, unit, title, width)
    parts, _ = _header(width, f.height, title, cls)
    parts += _value_axis(f, unit)
    parts += _year_axis(f)
    end_labels = []
    for s in series:
        mine = sorted(((p, a, b) for ss, p, a, b in placed if ss is s), key=lambda item: (item[1] + item[2]) / 2)
        parts += _series_marks(f, s, mine)
        if mine and not f.narrow:
            end_labels.append([f.y(mine[-1][0].value), s])
    parts += _end_labels(f, end_labels)
    if f.narrow:
        parts += _legend(f, series)
    parts.append("</svg>")
    return "".join(parts)


def time_series(series: list[Series], unit: str, title: str, kind: str | None = None, min_periods: int = 2, width: int = WIDE) -> Chart:
    """Several districts over time (a line per district, labelled at its end), drawn for wide and narrow screens;
    nothing when fewer than ``min_periods`` periods are there to show (one period is no trend)."""
    series = [s for s in series if any(period_extent(p.period, p.date) for p in s.points)]
    extents = {period_extent(p.period, p.date) for s in series for p in s.points} - {None}
    if not series or len(extents) < min_periods:
        return Chart()
    for s in series:
        s.colour = s.colour or district_colour(s.name)
    notes = [SPAN_NOTE] if any(b - a > 1.0001 for a, b in extents) else []
    if any(p.approx not in ("=", None) for s in series for p in s.points):
        notes.append(APPROX_NOTE)
    return Chart(_series_svg(series, unit, title, width, "chart-wide", kind) + _series_svg(series, unit, title, NARROW, "chart-narrow", kind), notes)


def point_tip(district: str, value: float, unit: str, kind: str | None, approx: Approx, period: str | None, basis: str | None,
              text: str, date: str | None) -> str:
    when = period_label(period, basis) or "no period stated"
    return f"{district}: {format_value(value, unit, kind, approx)} ({when}) — “{' '.join(text.split())}”, briefing {date or '?'}"
