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


@pytest.mark.parametrize("first,last,want", [(1, 12, "2023"), (1, 6, "2023-H1"), (7, 12, "2023-H2"), (4, 6, "2023-Q2"),
                                             (10, 12, "2023-Q4"), (7, 7, "2023-07"), (1, 8, "2023-01/2023-08"),
                                             (2, 7, "2023-02/2023-07"), (3, 5, "2023-03/2023-05")])
def test_months_of_a_year_are_written_as_the_half_quarter_month_or_year_they_are(first, last, want):
    assert str(Period.months_of(2023, first, last)) == want


def test_constructors_write_the_contract_forms():
    assert [str(p) for p in (Period.year(2023), Period.years(2015, 2022), Period.month(2023, 7), Period.half(2023, 2),
                             Period.quarter(2023, 3))] == ["2023", "2015/2022", "2023-07", "2023-H2", "2023-Q3"]
    assert str(Period.year(2021).until(Period.half(2023, 1))) == "2021/2023-H1"
    assert str(Period.parse("2021/2025").last_point) == "2025" and Period.parse("2023-Q2").last_point == Period.quarter(2023, 2)
    assert str(Period.month(2023, 3).shifted(-1)) == "2022-03" and str(Period.years(2015, 2022).shifted(1)) == "2016/2023"


def test_a_period_equals_and_hashes_as_its_contract_string_and_is_immutable():
    p = Period.parse("2023-H1")
    assert p == "2023-H1" and p == Period.half(2023, 1) and p != "2023" and p != Period.year(2023)
    assert {p: 1}["2023-H1"] == 1 and {"2023-H1": 1}[p] == 1 and len({p, Period.half(2023, 1), "2023-H1"}) == 1
    with pytest.raises(AttributeError):
        p.first = "2024"  # type: ignore[misc]
    with pytest.raises(TypeError):
        p < Period.year(2024)  # type: ignore[operator]  # periods overlap; they have no order to sort by
    with pytest.raises(TypeError):
        "-" in p  # type: ignore[operator]  # nor string methods: ask it for its granularity instead


def test_parse_of_a_period_is_itself_and_stored_reads_back_what_was_written():
    p = Period.years(2021, 2025)
    assert Period.parse(p) is p and Period.of(p) is p
    assert Period.stored(str(p)) == p and Period.stored(None) is None and Period.stored("") is None


def test_granularity_contains_and_months_of_points_and_spans():
    assert (Period.year(2023).granularity, Period.year(2023).months, Period.year(2023).is_span) == ("year", 12, False)
    assert (Period.month(2023, 7).granularity, Period.month(2023, 7).months) == ("month", 1)
    span = Period.months_of(2023, 1, 8)
    assert (span.granularity, span.months, span.is_span) == ("month", 8, True)
    assert span.contains(Period.month(2023, 8)) and span.contains(Period.quarter(2023, 2)) and not span.contains(Period.half(2023, 2))
    assert Period.year(2023).contains(span) and not span.contains(Period.year(2023))


def test_extraction_gives_periods_and_json_writes_the_contract_strings():
    import json

    from hqd.extraction import extract_text

    text = ("Press Release for Media Briefing of the Shanghai Municipal Government on August 22, 2023\n\n"
            "Jiading's GDP reached 124.83 billion yuan in the first half of this year, up 9.1%. From 2016 to 2022, "
            "revenue grew by 45%. By 2025, the district aims to have 3,000 high-tech enterprises.")
    zh = "2023年上半年，嘉定区地区生产总值1248.3亿元，同比增长9.1%。到2025年，高新技术企业力争达到3000家。"
    wants = (["2023-H1", "2023-H1", "2016/2022", "2025", "2025"], ["2023-H1", "2023-H1", "2025", "2025"])
    for doc, want in zip((extract_text(text), extract_text(zh, briefing_date="2023-08-22")), wants):
        periods = [q.period for q in doc.quantities if q.period is not None] + [t.deadline for t in doc.targets if t.deadline]
        assert periods and all(type(p) is Period for p in periods), periods
        written = json.loads(json.dumps(doc.to_json(), ensure_ascii=False))
        got = [q["period"] for q in written["quantities"] if q["period"]] + [t["deadline"] for t in written["targets"] if t["deadline"]]
        assert got == want == [str(p) for p in periods]


def test_every_period_and_deadline_extracted_from_the_open_texts_is_a_period():
    """A rule that hands back a string instead of a Period (``f"{a}/{b}"``) would still print the same JSON: this finds
    it on the seeds, the Chinese development set and the tuning texts."""
    import os
    from pathlib import Path

    from hqd.extraction import extract_source
    from hqd.sources import read_source

    from .conftest import REPO, seeds_dir

    dev_zh = Path(os.environ.get("HQD_DEV_ZH") or seeds_dir().parent / "dev-zh")
    paths = [*seeds_dir().glob("*.txt"), *dev_zh.glob("*.txt"), *(REPO / "eval" / "tuning").rglob("*.txt")]
    assert len(paths) > 20
    wrong = []
    for path in sorted(paths):
        doc = extract_source(read_source(str(path)))
        wrong += [(path.name, q.text, q.period, q.why.get("period")) for q in doc.quantities
                  if q.period is not None and type(q.period) is not Period]
        wrong += [(path.name, t.text, t.deadline, "deadline") for t in doc.targets if t.deadline is not None and type(t.deadline) is not Period]
    assert wrong == []
