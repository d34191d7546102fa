"""Names as people type them: indicator codes and districts in any case, the closest suggested when unknown."""

import pytest

from hqd.names import UnknownName, closest, resolve_district, resolve_indicator
from hqd.store import open_store


def test_indicator_codes_in_any_case_and_by_name():
    assert resolve_indicator("GDP") == "gdp" and resolve_indicator("gdp") == "gdp" and resolve_indicator(" Gdp ") == "gdp"


def test_unknown_indicator_suggests_the_closest():
    with pytest.raises(UnknownName) as info:
        resolve_indicator("gdpp")
    assert "gdp" in info.value.suggestions and "did you mean gdp" in str(info.value)


def test_districts_in_any_case(seeded_db):
    conn = open_store(seeded_db)
    assert resolve_district(conn, "jiading") == "Jiading" and resolve_district(conn, "JIADING district") == "Jiading"
    with pytest.raises(UnknownName, match="did you mean Jiading"):
        resolve_district(conn, "Jiadng")
    with pytest.raises(UnknownName, match="Changning, Jiading, Jinshan, Qingpu"):
        resolve_district(conn, "Atlantis")


def test_closest_also_finds_names_containing_the_words():
    assert sorted(closest("revenue", ["budget_revenue", "gdp", "main_revenue"])) == ["budget_revenue", "main_revenue"]
