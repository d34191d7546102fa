"""Chart axes with headroom (issue 17: "a 15.3% bar above a 15% top gridline"): the value axis always reaches past the
highest mark, on bar charts and on charts over time."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hqd.web.charts import Bar, bar_chart, nice_ticks, period_extent, _value_ticks

values = st.lists(st.floats(min_value=-1e13, max_value=1e13, allow_nan=False, allow_infinity=False)
                  .filter(lambda v: v == 0 or abs(v) > 1e-6), min_size=1, max_size=12)


@settings(max_examples=150, deadline=None)
@given(values)
def test_ticks_reach_from_the_lowest_value_to_the_highest(vs):
    lo, hi = min(0.0, min(vs)), max(0.0, max(vs))
    ticks = nice_ticks(lo, hi)
    assert ticks == sorted(ticks) and len(ticks) >= 2
    span = ticks[-1] - ticks[0]
    assert ticks[0] <= lo + 1e-9 * span and ticks[-1] >= hi - 1e-9 * span, (vs, ticks)


@settings(max_examples=150, deadline=None)
@given(values)
def test_a_chart_over_time_has_room_above_its_highest_point(vs):
    ticks = _value_ticks(vs)
    span = ticks[-1] - ticks[0]
    assert ticks[-1] >= max(vs) + 0.04 * span - 1e-9 * span, (vs, ticks)


def test_the_15_3_percent_bar_ends_inside_the_last_gridline():
    bars = [Bar(name, value, f"{name} {value}%", "#000") for name, value in (("Changning", 15.3), ("Jiading", 9.1), ("Qingpu", 14.7))]
    svg = str(bar_chart(bars, "percent", "GDP growth, H1 2023 year on year"))
    for drawing in re.findall(r"<svg.*?</svg>", svg, re.S):  # the wide and the narrow drawing
        grid = [float(x) for x in re.findall(r'<line class="grid" x1="([\d.]+)"', drawing)]
        ends = [float(x) + float(w) for x, w in re.findall(r'<rect class="mark" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"', drawing)]
        assert len(ends) == 3 and grid
        assert max(ends) <= max(grid) + 0.05, (max(ends), max(grid))
        assert re.findall(r'class="tick"[^>]*>([^<]*%)</text>', drawing)[-1] == "20%"  # the axis goes on to 20%


@pytest.mark.parametrize("period, date, extent", [
    ("2023", None, (2023, 2024)), ("2023-H1", None, (2023, 2023.5)), ("2023-H2", None, (2023.5, 2024)),
    ("2023-Q2", None, (2023.25, 2023.5)), ("2023-07", None, (2023.5, 2023 + 7 / 12)), ("2023-07-15", None, (2023.5, 2023 + 7 / 12)),
    ("2018/2023", None, (2018, 2024)), ("2021-01/2021-10", None, (2021, 2021 + 10 / 12)), ("2021-H2/2023-Q1", None, (2021.5, 2023.25)),
    (None, "2023-08-22", (2023, 2024)),  # undated: the briefing's year
    (None, None, None), ("bogus", None, None), ("2023-Q5", None, None), ("2023/2024/2025", None, None),
])
def test_a_period_spans_the_years_model_period_says(period, date, extent):
    """The charts read a period through model.Period (no split("/") of their own)."""
    got = period_extent(period, date)
    assert got == (pytest.approx(extent) if extent else None)
