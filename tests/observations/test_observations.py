"""Observations: granularity, agreement under approx, sources merged, conflicts flagged, parallel releases."""

from __future__ import annotations

import pytest

from hqd.observations import agree, build, canonical_subject, granularity, period_key


def row(id, value, *, doc=1, indicator="gdp", kind="change", basis="yoy", unit="percent", period="2023-H1", approx="=",
        subject=None, district="Jiading", date="2023-08-22", language="en", share_of=None, text=None):
    return {"id": id, "document_id": doc, "indicator": indicator, "kind": kind, "basis": basis, "share_of": share_of, "unit": unit,
            "period": period, "value": value, "approx": approx, "text": text or str(value), "metric": "m", "subject": subject,
            "district": district, "date": date, "language": language, "sentence": None}


@pytest.mark.parametrize("period, expected", [
    ("2023", "year"), ("2023-H1", "half"), ("2023-Q3", "quarter"), ("2023-07", "month"), ("2023-01/2023-07", "7 months"),
    ("2023-01/2023-06", "half"), ("2023-01/2023-12", "year"), ("2015/2023", "9 years"), ("2021/2023", "3 years"), (None, None),
])
def test_granularity(period, expected):
    assert granularity(period) == expected


def test_periods_sort_by_their_end():
    assert sorted(["2023-H1", "2015/2023", "2022", "2023-07"], key=period_key) == ["2022", "2023-H1", "2023-07", "2015/2023"]


@pytest.mark.parametrize("figures, expected", [
    ([(160e9, ">"), (164.69e9, "=")], True),  # "more than 160 billion" and "164.69 billion"
    ([(15.3, "="), (15.3, "=")], True),
    ([(4.0, "="), (4.4, "=")], False),
    ([(100e9, "~"), (98e9, "=")], True),  # "nearly 100 billion"
    ([(100e9, "~"), (80e9, "=")], False),
    ([(70, ">"), (69, "=")], False),  # "over 70%" is not 69%
    ([(14.286, "<"), (10, "=")], True),
    ([(3000, ">="), (3000, "=")], True),
])
def test_agreement_honours_approx(figures, expected):
    assert agree(figures) is expected


def test_two_documents_agreeing_are_one_observation_with_two_sources():
    obs = build([row(1, 9.1, doc=1), row(2, 9.1, doc=2, date="2023-09-01")])
    assert len(obs) == 1 and not obs[0].conflict and [s.document_id for s in obs[0].sources] == [1, 2]


def test_two_documents_disagreeing_are_one_flagged_observation():
    obs = build([row(1, 4.0, doc=1), row(2, 4.4, doc=2, date="2023-09-01")])
    assert len(obs) == 1 and obs[0].conflict and obs[0].values == [4.0, 4.4]
    assert obs[0].value == 4.4  # the latest exact source


def test_different_measure_basis_unit_or_granularity_are_different_observations():
    obs = build([row(1, 9.1), row(2, 9.1, basis="annual_avg"), row(3, 9.1, kind="level", basis=None, unit="CNY"),
                 row(4, 9.1, period="2023-01/2023-07"), row(5, 9.1, kind="share", basis=None, share_of="city")])
    assert len(obs) == 5
    assert len({o.series for o in obs}) == 5


def test_targets_and_unmapped_quantities_make_no_observation():
    assert build([row(1, 3000, kind="target", basis=None, unit="count"), row(2, 5.0, indicator=None)]) == []


def test_subjects_have_one_name_in_both_languages():
    assert canonical_subject("碳谷绿湾产业园", "Jinshan") == "Carbon Valley Green Bay"
    assert canonical_subject("Carbon Valley Green Bay", "Jinshan") == "Carbon Valley Green Bay"
    assert canonical_subject("嘉定区", None) == "Jiading"
    assert canonical_subject("全市", "Jiading") == "Shanghai"
    assert canonical_subject(None, "Jiading") == "Jiading"
    assert canonical_subject("the Shanghai Arch", "Changning") == "Shanghai Arch"


def test_a_release_without_the_period_takes_it_from_the_other_release_of_its_briefing():
    """The Chinese news page says 上半年 without a year; the English release dates the same figure 2023-H1."""
    en = row(1, 15.3, doc=1, district="Changning", date="2023-08-31")
    zh = row(2, 15.3, doc=2, district="Changning", date="2023-08-31", period=None, basis=None, language="zh")
    obs = build([en, zh])
    assert len(obs) == 1 and obs[0].period == "2023-H1" and obs[0].basis == "yoy" and len(obs[0].sources) == 2
    # another briefing (another date) is not a release of the same one: the undated figure stays apart
    other = row(3, 15.3, doc=3, district="Changning", date="2024-01-10", period=None, basis=None)
    assert len(build([en, other])) == 2
    # a figure of the same language (another English page of the briefing) is no parallel release: no twin
    same_language = dict(zh, language="en")
    assert {o.period for o in build([en, same_language])} == {"2023-H1", None}


def test_an_undated_figure_dated_twice_by_its_parallel_release_is_the_latest():
    """The English release gives the Shanghai Arch's tax twice (2022, and January to July 2023, both over 10 billion);
    the Chinese one says 今年到7月 without a year: one figure, the current one, never a third observation."""
    arch = dict(subject="Shanghai Arch", district="Changning", date="2023-08-31", indicator="tax_revenue", kind="level",
                basis=None, unit="CNY", approx=">")
    last_year = row(1, 1e10, doc=1, period="2022", **arch)
    this_year = row(2, 1e10, doc=1, period="2023-01/2023-07", **arch)
    undated = row(3, 1e10, doc=2, period=None, language="zh", **dict(arch, subject="金虹桥国际中心"))
    obs = build([undated, last_year, this_year])
    assert [(o.period, sorted(s.quantity_id for s in o.sources)) for o in obs] == [("2022", [1]), ("2023-01/2023-07", [2, 3])]
    # another value, unit or measure is no twin: the undated figure stays apart, listed undated
    other = build([last_year, this_year, dict(undated, value=2e10)])
    assert [o.period for o in other if len(o.sources) == 1 and o.sources[0].quantity_id == 3] == [None]


def test_an_addition_to_a_stock_is_a_series_of_its_own():
    """"20 new regional headquarters" (mapped to headquarters, added) is a change of the stock, never beside its level."""
    stock = row(1, 500, kind="level", basis=None, unit="count", indicator="headquarters", period="2023")
    added = row(2, 20, kind="level", basis=None, unit="count", indicator="headquarters", period="2023", share_of="added")
    growth = row(3, 4.0, kind="change", basis=None, unit="percent", indicator="headquarters", period="2023")
    obs = build([stock, added, growth])
    assert len(obs) == 3 and len({o.series for o in obs}) == 3
    flow = next(o for o in obs if o.value == 20)
    assert (flow.measure, flow.basis, flow.unit) == ("change", "added", "count")
    assert "added" in flow.series.label()
    assert next(o for o in obs if o.value == 500).measure == "level"


def test_every_series_basis_has_a_label_and_the_change_bases_are_the_contracts():
    from typing import get_args

    from hqd.model import Basis
    from hqd.observations import BASIS_LABELS, MEASURES, Measure, SeriesBasis

    assert set(BASIS_LABELS) - {None} == set(get_args(SeriesBasis))
    assert set(get_args(Basis)) <= set(get_args(SeriesBasis)) and MEASURES == get_args(Measure)
