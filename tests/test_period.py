"""The contract's period strings as a typed value: parse, format, granularity, length, containment."""

import pytest

from hqd.model import Period


@pytest.mark.parametrize("text,granularity,months", [
    ("2023", "year", 12), ("2023-H1", "half", 6), ("2023-Q3", "quarter", 3), ("2023-07", "month", 1),
    ("2023-07-15", "day", 1), ("2023-01/2023-07", "month", 7), ("2015/2022", "year", 96), ("2021/2023-H1", "half", 30),
])
def test_parse_format_granularity_and_length(text, granularity, months):
    p = Period.parse(text)
    assert str(p) == text
    assert p.granularity == granularity
    assert p.months == months
    assert p.is_span == ("/" in text)


@pytest.mark.parametrize("text", [None, "", "H1", "2023-13", "2023-Q5", "2020/2021/2022", "last year"])
def test_what_is_no_period_parses_to_none(text):
    assert Period.parse(text) is None


def test_contains_and_years():
    span = Period.parse("2021/2025")
    assert span.contains("2023-H1") and span.contains("2021") and not span.contains("2020-12")
    assert not Period.parse("2023-H1").contains("2023-07")
    assert (span.start_year, span.end_year, span.end) == (2021, 2025, "2025")


def test_first_and_last_month_of_every_point_form():
    from hqd.model import Period

    assert (Period.of("2023-Q2").first_month, Period.of("2023-Q2").last_month) == ((2023, 4), (2023, 6))
    assert (Period.of("2015/2022").first_month, Period.of("2015/2022").last_month) == ((2015, 1), (2022, 12))
    assert (Period.of("2023-H2").first_month, Period.of("2023-07/2024-02").last_month) == ((2023, 7), (2024, 2))
