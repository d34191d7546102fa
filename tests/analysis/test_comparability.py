"""Property: no compare, timeline, profile, home or index cell ever mixes measure, basis, unit or period granularity.

Stores are built (through the real extractor and ingest) from briefings whose
sentences report the same indicators as levels, changes of several bases,
shares, counts and undated figures, in periods of several lengths; hypothesis
varies which sentences, districts, years and values (bounded: a few stores).
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hqd.analysis import comparison, composite_index, profile, timeline_view
from hqd.analysis.indicators import IndexRefused
from hqd.analysis.views import district_view, overview
from hqd.observations import granularity, load
from hqd.pipeline.ingest import ingest_paths
from hqd.store import open_store

SENTENCES = [
    "In the first half of {y}, the district's GDP reached {v} billion yuan, up {p}% year on year.",
    "In {y}, GDP grew by {p}%.",
    "In {y}, the district's GDP reached {w} billion yuan.",
    "From {y0} to {y}, GDP grew at an average annual rate of {p}%.",
    "In the first seven months of {y}, general public budget revenue reached {v} billion yuan, an increase of {p}%.",
    "In {y}, general public budget revenue reached {w} billion yuan, up {p}%.",
    "Its e-commerce retail sales accounted for {p}% of the city's total in {y}.",
    "In {y}, e-commerce retail sales reached {v} billion yuan.",
    "The district has {n} high-tech enterprises.",
    "In {y}, the district had {n} high-tech enterprises.",
    "In {y}, the number of high-tech enterprises increased by {m}.",
    "In {y}, the output value of industries above designated size was {w} billion yuan, up {p}%.",
    "In the first quarter of {y}, the output value of industries above designated size rose by {p}%.",
    "Total retail sales reached {v} billion yuan in {y}, up {q} percentage points.",
    "In {y}, total retail sales reached {w} billion yuan, up {p}% year on year.",
    "In {y}, investment in fixed assets totaled {v} billion yuan.",
]
DISTRICTS = ["Minhang", "Songjiang", "Fengxian", "Baoshan"]
MONTHS = ["March", "May", "August", "November"]

briefing = st.fixed_dictionaries({
    "district": st.sampled_from(DISTRICTS),
    "year": st.integers(2021, 2024),
    "month": st.sampled_from(MONTHS),
    "sentences": st.lists(st.integers(0, len(SENTENCES) - 1), min_size=4, max_size=9, unique=True),
    "values": st.tuples(st.integers(10, 400), st.integers(1, 25), st.integers(100, 3000), st.integers(401, 900)),
})


def render(b: dict) -> str:
    y = b["year"] - 1
    v, p, n, w = b["values"]
    body = " ".join(SENTENCES[i].format(y=y, y0=y - 4, v=f"{v}.5", w=f"{w}.2", p=f"{p}.1", q=f"{p % 4}.5", n=f"{n:,}", m=n // 10)
                    for i in sorted(b["sentences"]))
    return (f"Press Release for Media Briefing of the Shanghai Municipal Government on {b['month']} 8, {b['year']}\n\n"
            f"The Information Office held a press briefing ({b['district']} District special session).\n\n{body}\n")


def _key(row) -> tuple:
    return (row.kind, row.basis, row.unit, row.granularity)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(briefing, min_size=2, max_size=4))
def test_no_view_mixes_measure_basis_unit_or_granularity(tmp_path_factory, briefings):
    folder = tmp_path_factory.mktemp("store")
    for i, b in enumerate(briefings):
        (folder / f"b{i}.txt").write_text(render(b), encoding="utf-8")
    db = folder / "s.db"
    conn = open_store(db, write=True)
    ingest_paths(conn, str(db), [str(folder)], jobs=1, quiet=True)

    observations = load(conn)
    for o in observations:  # every observation is one series, and its sources all say the same measure
        assert o.granularity == granularity(o.period)
        assert all(s.period == o.period or s.period is None for s in o.sources)
    indicators = {o.indicator for o in observations}
    assert indicators  # the briefings hold figures the catalogue knows

    for code in indicators:
        result = comparison(conn, code)
        options = [(o.measure, o.basis, o.unit, o.granularity) for o in result.options]
        assert len(options) == len(set(options))
        for option in result.options:  # every series the indicator has, asked for by its parameters
            chosen = comparison(conn, code, measure=option.measure, basis=option.basis or "none", unit=option.unit,
                                granularity=option.granularity or "undated")
            assert chosen.selection is not None
            assert {_key(r) for r in chosen.rows} <= {(option.measure, option.basis, option.unit, option.granularity)}
            assert all(granularity(r.period) == r.granularity for r in chosen.rows)
        assert len({_key(r) for r in result.rows}) <= 1  # the default choice too

    home = overview(conn)
    for code in {i["code"] for i in home.indicators}:
        for kind in ("level", "change"):
            cells = [home.matrix[d][code][kind] for d in home.districts if home.matrix[d].get(code, {}).get(kind)]
            assert len({(c.measure, c.basis, c.unit, c.granularity) for c in cells}) <= 1, (code, kind, cells)

    for district in {b["district"] for b in briefings}:
        dated, undated = timeline_view(conn, district)
        assert all(r.period for r in dated) and not any(r.period for r in undated)
        view = district_view(conn, district)
        for s in view.series:  # a chart: one series, dated points only
            assert s["points"] and all(granularity(label) == s["granularity"] for label, _, _ in s["points"])
        growth_periods = [re.search(r"\(([^()]*)\)$", tip).group(1) for _, _, tip in view.growth]
        assert len({granularity(p) for p in growth_periods}) <= 1
        for row in profile(conn, district):  # each cell one observation, described by its own period
            if row.level:
                assert row.level_granularity == granularity(row.level_period)
            if row.change:
                assert row.change_granularity == granularity(row.change_period)

    try:
        index = composite_index(conn, minimum_shared=1)
    except IndexRefused:
        return
    for code in index.indicators:
        assert len({granularity(index.periods[d][code]) for d in index.districts}) == 1


def test_the_generated_briefings_do_mix_series(tmp_path):
    """The property above is not vacuous: one store from these sentences holds GDP in several series."""
    b = {"district": "Minhang", "year": 2024, "month": "May", "sentences": [0, 1, 2, 3, 13, 14], "values": (120, 6, 1500, 500)}
    (tmp_path / "b.txt").write_text(render(b), encoding="utf-8")
    db = tmp_path / "s.db"
    conn = open_store(db, write=True)
    ingest_paths(conn, str(db), [str(tmp_path)], jobs=1, quiet=True)
    gdp = comparison(conn, "gdp")
    assert {(o.measure, o.basis, o.granularity) for o in gdp.options} >= {
        ("level", None, "half"), ("change", "yoy", "half"), ("change", "yoy", "year"), ("change", "annual_avg", "5 years"), ("level", None, "year")}
    retail = comparison(conn, "retail_sales", measure="change")
    assert {o.unit for o in retail.options if o.measure == "change"} == {"percent"}
    # a change of an amount in percentage points measures no amount: unmapped, and `hqd unmapped` says why
    assert [tuple(r) for r in conn.execute("SELECT indicator, unmapped_reason FROM quantities WHERE unit = 'pp'")] == [(None, "unit")]
