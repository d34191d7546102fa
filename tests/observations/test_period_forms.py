"""Granularity and bounds of a period are read through model.Period: checked against the regex reading they replaced,
on every form the contract writes."""

from __future__ import annotations

import calendar
import re
from datetime import date

from hqd.observations import granularity, period_bounds

_YEAR = re.compile(r"^(\d{4})$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_RANGE = re.compile(r"^(\d{4})(?:-(\d{2}))?/(\d{4})(?:-(\d{2}))?$")


def _granularity_by_regex(period):
    if not period:
        return None
    for pattern, name in ((_YEAR, "year"), (_HALF, "half"), (_QUARTER, "quarter"), (_MONTH, "month")):
        if pattern.match(period):
            return name
    m = _RANGE.match(period)
    if m:
        y1, m1, y2, m2 = int(m[1]), int(m[2] or 1), int(m[3]), int(m[4] or 12)
        months = (y2 - y1) * 12 + m2 - m1 + 1
        if m[2] is None and m[4] is None:
            return f"{y2 - y1 + 1} years"
        if months == 12 and m1 == 1:
            return "year"
        if months == 6 and m1 in (1, 7):
            return "half"
        if months == 3 and m1 in (1, 4, 7, 10):
            return "quarter"
        if months == 1:
            return "month"
        return f"{months} months"
    return "other"


def _bounds_by_regex(period):
    if not period:
        return None

    def last(y, mo):
        return date(y, mo, calendar.monthrange(y, mo)[1])

    if m := _YEAR.match(period):
        return date(int(m[1]), 1, 1), last(int(m[1]), 12)
    if m := _HALF.match(period):
        return date(int(m[1]), 6 * int(m[2]) - 5, 1), last(int(m[1]), 6 * int(m[2]))
    if m := _QUARTER.match(period):
        return date(int(m[1]), 3 * int(m[2]) - 2, 1), last(int(m[1]), 3 * int(m[2]))
    if m := _MONTH.match(period):
        return date(int(m[1]), int(m[2]), 1), last(int(m[1]), int(m[2]))
    if m := _RANGE.match(period):
        return date(int(m[1]), int(m[2] or 1), 1), last(int(m[3]), int(m[4] or 12))
    return None


def _month_and_year_forms():
    points = []
    for y in (2019, 2020, 2023, 2024):
        points.append(str(y))
        points += [f"{y}-{mo:02d}" for mo in range(1, 13)]
    singles = points + [f"{y}-H{h}" for y in (2020, 2023) for h in (1, 2)] + [f"{y}-Q{q}" for y in (2020, 2023) for q in (1, 2, 3, 4)]
    spans = [f"{a}/{b}" for a in points for b in points if (a[:4], a) <= (b[:4], b)]
    return singles + spans


def test_every_month_and_year_form_reads_as_before():
    forms = _month_and_year_forms()
    assert len(forms) > 1000
    for period in forms:
        assert granularity(period) == _granularity_by_regex(period), period
        assert period_bounds(period) == _bounds_by_regex(period), period


def test_no_period_and_what_is_no_contract_period():
    for period in (None, "", "soon", "2023-13", "2023-H3", "2023/2024/2025", "23"):
        assert period_bounds(period) is None
        assert granularity(period) in (None, "other")
    assert granularity("2023-07-15") == "other" and period_bounds("2023-07-15") is None  # a day is no series step


def test_spans_of_halves_and_quarters_are_read_too():
    """The regex reading called these 'other' with no bounds; Period reads every contract point."""
    assert granularity("2023-Q1/2023-Q3") == "9 months"
    assert granularity("2023-H1/2023-H2") == "year"
    assert period_bounds("2023-Q2/2023-Q3") == (date(2023, 4, 1), date(2023, 9, 30))
