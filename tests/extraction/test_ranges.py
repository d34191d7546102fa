"""Ranges (ranges.py): both ends of "6 to 7 percent", "3-4%", "between 300 and 500 yuan" are one figure's bounds."""

from __future__ import annotations

import pytest

from hqd.extraction import extract_text
from hqd.extraction.numbers import find_mentions
from hqd.model import Quantity
from hqd.extraction.ranges import is_range

DATED = "Updated: 2025-01-10\n\n"


def _ends(sentence: str) -> tuple[Quantity, Quantity]:
    doc = extract_text(DATED + "Jiading news.\n\n" + sentence)
    assert len(doc.quantities) == 2, [q.text for q in doc.quantities]
    return doc.quantities[0], doc.quantities[1]


@pytest.mark.parametrize("sentence", [
    "The district aims to grow its GDP by 6 to 7 percent in 2025.",
    "Industrial output is expected to rise 5.5%-6% in 2025.",
    "Retail sales are forecast to grow by 4 percent to 5 percent in 2025.",
])
def test_a_goals_range_is_two_goals_for_one_deadline_lower_and_upper_bound(sentence):
    low, high = _ends(sentence)
    assert (low.kind, high.kind) == ("target", "target")
    assert (low.approx, high.approx) == (">=", "<=")
    assert low.period == high.period and str(low.period) == "2025"
    assert low.metric == high.metric


@pytest.mark.parametrize("sentence,sign", [("Rents rose 3-4 percent year on year.", 1), ("Visits fell 5 to 6 percent year on year.", -1)])
def test_a_change_written_as_a_range_is_a_change_at_both_ends_with_one_sign_and_basis(sentence, sign):
    low, high = _ends(sentence)
    assert (low.kind, high.kind) == ("change", "change")
    assert (low.basis, high.basis) == ("yoy", "yoy")
    assert (low.value * sign > 0, high.value * sign > 0) == (True, True)


@pytest.mark.parametrize("sentence,unit", [("Room rates ranged between 300 and 500 yuan a night in 2024.", "CNY"),
                                           ("The park had 20 to 30 firms in 2024.", "count")])
def test_a_levels_range_shares_its_unit_period_and_bounds(sentence, unit):
    low, high = _ends(sentence)
    assert (low.unit, high.unit) == (unit, unit)
    assert (low.kind, high.kind) == ("level", "level")
    assert (low.approx, high.approx) == (">=", "<=")
    assert str(low.period) == str(high.period) == "2024"


@pytest.mark.parametrize("sentence", [
    "Visitors rose from 78,000 to 108,000 in 2024.",  # a series: a start and an end
    "Fees grew by 7 million yuan to 38 million yuan in 2024.",  # a change, then the level it reached
    "The number of museums rose by 4 to 46 in 2024.",
    "Exports rose 3 percent and imports 4 percent in 2024.",  # a list, not a range
    "Sales rose 40 percent - 10 percent more than planned - in 2024.",  # a spaced dash opens an aside
    "Stores fell from 7 to 5 in 2024.",  # a series, and the larger end first
    "Jobs grew 9 percent – 2 percent in services – in 2024.",
])
def test_a_series_a_change_and_its_level_and_a_list_are_no_range(sentence):
    low, high = _ends(sentence)
    assert (low.approx, high.approx) == ("=", "=")
    assert "one_range" not in low.why.get("kind", "") + high.why.get("kind", "")


def test_an_approximator_before_a_range_is_left_as_written():
    low, high = _ends("Output will grow by about 6 to 7 percent in 2025.")
    assert low.approx == "~" and high.approx == "="


def test_is_range_needs_one_unit():
    text = "5 km to 6 percent"
    a = Quantity(0, 4, "5 km", 5, "km")
    b = Quantity(8, 17, "6 percent", 6, "percent")
    assert not is_range(text, a, b, unit_shared=False)


def test_a_percent_then_a_dash_then_a_percent_is_two_figures():
    text = "Output rose 5.5%-6% this year, after COVID-19 and the G-60 corridor."
    assert [text[m.start:m.end] for m in find_mentions(text)] == ["5.5%", "6%"]


def test_a_time_phrase_in_the_lower_ends_clause_dates_the_range():
    doc = extract_text("Updated: 2025-07-15\n\nPort outlook.\n\nThe port authority expects cargo growth in the second half to come in at "
                       "roughly 3 percent and growth for the whole year at 3 to 4 percent.")
    low, high = doc.quantities[-2], doc.quantities[-1]
    assert (low.text, high.text) == ("3", "4 percent")
    assert str(low.period) == str(high.period) == "2025"
