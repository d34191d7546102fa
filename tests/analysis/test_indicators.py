from datetime import date

import pytest
from click.testing import CliRunner

from hqd.analysis import IndexRefused, compare, composite_index, indicator_rows, profile, target_rows, timeline, unmapped
from hqd.cli import cli
from hqd.observations import period_key
from hqd.pipeline.ingest import ingest_paths
from hqd.store import open_store


def briefing(district: str, day: str, gdp: float, budget: float, retail: float, fai: float, hightech: int, growth: float = 5.0) -> str:
    return (
        f"Press Release for Media Briefing of the Shanghai Municipal Government on {day}\n\n"
        f"The Information Office held a press briefing ({district} District special session).\n\n"
        f"In 2023, the district's GDP reached {gdp} billion yuan, an increase of {growth}%. "
        f"General public budget revenue reached {budget} billion yuan. Total retail sales reached {retail} billion yuan. "
        f"Investment in fixed assets totaled {fai} billion yuan. The district had {hightech:,} high-tech enterprises.\n"
    )


@pytest.fixture()
def synthetic_db(tmp_path):
    texts = {
        "a.txt": briefing("Minhang", "May 1, 2024", 300.5, 30.2, 120.0, 60.0, 2900, 6.1),
        "b.txt": briefing("Songjiang", "May 8, 2024", 250.0, 25.0, 90.0, 70.0, 2100, 5.2),
        "c.txt": briefing("Fengxian", "May 15, 2024", 150.0, 12.0, 50.0, 40.0, 900, 4.0),
        "d.txt": briefing("Fengxian", "June 2, 2024", 150.0, 12.0, 50.0, 40.0, 900, 4.4),  # disagrees on 2023 growth
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = tmp_path / "syn.db"
    conn = open_store(db, write=True)
    assert ingest_paths(conn, str(db), [str(tmp_path)], jobs=1, quiet=True).added == 4
    return conn


def test_compare_gdp_growth_on_the_seeds(seeded_db):
    rows = compare(open_store(seeded_db), "gdp", kind="change")
    got = {r.district: (r.value, r.period) for r in rows}
    assert got["Jiading"] == (9.1, "2023-H1")
    assert got["Qingpu"] == (14.7, "2023-H1")
    assert got["Changning"] == (15.3, "2023-H1")
    assert all(r.sentence and r.text in r.sentence for r in rows)


def test_compare_flags_conflicting_values(synthetic_db):
    rows = compare(synthetic_db, "gdp", kind="change", period="2023")
    fengxian = [r for r in rows if r.district == "Fengxian"]
    assert sorted(r.value for r in fengxian) == [4.0, 4.4] and all(r.conflict for r in fengxian)
    assert not any(r.conflict for r in rows if r.district != "Fengxian")


def test_timeline_is_oldest_first(seeded_db):
    rows = timeline(open_store(seeded_db), "Jinshan")
    keys = [period_key(r.period) for r in rows]  # by the end of each period ("2015/2023" ends after "2022")
    assert rows and all(r.period for r in rows) and keys == sorted(keys)
    assert {r.document_id for r in rows} == {2, 5}
    income = timeline(open_store(seeded_db), "Jinshan", "rural_income")
    assert income and all(r.indicator == "rural_income" and r.period for r in income)


def test_profile_groups_by_dimension(seeded_db):
    rows = profile(open_store(seeded_db), "Jiading")
    by = {r.indicator: r for r in rows}
    assert by["gdp"].level == "124.83 bn yuan" and by["gdp"].change == "+9.1%"
    assert by["air_quality_rate"].dimension == "green"
    dims = [r.dimension for r in rows]
    assert dims.index("scale") < dims.index("green")


def test_targets_on_the_seeds(seeded_db):
    """The issue's cases: a goal is judged only against later figures of its own indicator and subject."""
    rows = target_rows(open_store(seeded_db), as_of=date(2023, 12, 31))
    schools = next(r for r in rows if r.value == 14)
    assert schools.indicator == "new_schools" and schools.deadline == "2023"
    assert schools.status == "not yet due"  # 18 schools opened in 2022, before the goal: no evidence of it
    assert target_rows(open_store(seeded_db), as_of=date(2024, 3, 1))[rows.index(schools)].status == "no evidence"
    land = next(r for r in rows if r.value == 3866)
    assert land.deadline == "2020" and land.status == "no evidence"  # not judged against 3,216 mu of land freed (2015/2023)
    hightech = next(r for r in rows if r.value == 3000)
    assert hightech.status == "not yet due" and hightech.deadline == "2025" and hightech.indicator == "high_tech_enterprises"
    assert all(r.statements and r.statements[0]["document_id"] == r.document_id for r in rows)


def test_index_refuses_without_enough_shared_indicators(seeded_db):
    with pytest.raises(IndexRefused, match="at least 5"):
        composite_index(open_store(seeded_db))


def test_entropy_weight_index(synthetic_db):
    result = composite_index(synthetic_db, period="2023")
    assert set(result.indicators) == {"gdp", "budget_revenue", "retail_sales", "fixed_asset_investment", "high_tech_enterprises"}
    assert sum(result.weights.values()) == pytest.approx(1.0)
    assert [d for d, _ in result.scores][-1] == "Fengxian"  # lowest on every indicator
    assert result.inputs["Minhang"]["gdp"] == pytest.approx(300.5e9)


def test_catalogue_counts_and_unmapped(seeded_db):
    conn = open_store(seeded_db)
    counts = {r.code: r.facts for r in indicator_rows(conn)}
    assert counts["gdp"] >= 4  # 124.83 bn level and the three 2023-H1 growth rates
    top = unmapped(conn, limit=5)
    assert len(top) == 5 and all(r.facts >= 1 for r in top)


def test_analysis_commands_in_every_format(seeded_db, synthetic_db, tmp_path):
    runner = CliRunner()
    db = str(seeded_db)
    for args in (["indicators"], ["unmapped"], ["compare", "gdp", "--kind", "change"], ["timeline", "Jinshan"],
                 ["profile", "Jiading"], ["targets", "--as-of", "2023-12-31"]):
        for fmt in ("table", "json", "csv"):
            result = runner.invoke(cli, [*args, "--db", db, "--format", fmt])
            assert result.exit_code == 0, (args, fmt, result.output)
            assert result.stdout.strip()
    refused = runner.invoke(cli, ["index", "--db", db])
    assert refused.exit_code == 1 and "no index" in refused.output
    unknown = runner.invoke(cli, ["compare", "nonsense", "--db", db])
    assert unknown.exit_code == 1 and "unknown indicator" in unknown.output
