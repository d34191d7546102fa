"""Two briefings that disagree on one figure are one flagged observation: the indicator page draws one bar for the
district saying that the values differ, never a bar per value (issue 17: "40 overlapping bars when values conflict";
issue 16 item 3)."""

from __future__ import annotations

import re
import warnings

import pytest

from hqd.pipeline.ingest import ingest_paths
from hqd.store import open_store
from hqd.web.app import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

BRIEFING = ("Press Release for Media Briefing of the Shanghai Municipal Government on {date}\n\n"
            "The briefing (Minhang District special session) was held.\n\n"
            "In the first half of 2023, Minhang's GDP reached {value} billion yuan, up {growth}% year on year.\n")


@pytest.fixture()
def client(tmp_path):
    for name, date, value, growth in (("a", "August 1, 2023", 120, 5.1), ("b", "September 12, 2023", 125, 5.1),
                                      ("c", "October 3, 2023", 131, 5.1)):
        (tmp_path / f"{name}.txt").write_text(BRIEFING.format(date=date, value=value, growth=growth), encoding="utf-8")
    db = tmp_path / "hqd.db"
    conn = open_store(db, write=True)
    assert ingest_paths(conn, str(db), [str(tmp_path)], jobs=1, quiet=True).added == 3
    conn.close()
    return TestClient(create_app(db))


def test_disagreeing_briefings_are_one_flagged_bar(client):
    level = client.get("/api/v1/compare/gdp?measure=level").json()
    minhang = [r for r in level["rows"] if r["district"] == "Minhang"]
    assert minhang and all(r["conflict"] for r in minhang), level
    assert {s["value"] for r in minhang for s in r["sources"]} == {120e9, 125e9, 131e9}
    html = client.get("/indicators/gdp?measure=level").text
    bars = [d for d in re.findall(r'<svg[^>]*class="chart chart-(?:wide|narrow)".*?</svg>', html, re.S) if '<rect class="mark"' in d]
    assert len(bars) == 2, html[:500]  # the bar chart, drawn wide and narrow
    for drawing in bars:
        assert len(re.findall(r'<rect class="mark"', drawing)) == 1, drawing[:300]
        assert "3 values differ" in drawing
    assert "values differ" in html.split('table class="compare"', 1)[1]
    growth = client.get("/api/v1/compare/gdp?measure=change").json()["rows"]
    assert [r["conflict"] for r in growth if r["district"] == "Minhang"] == [False]  # the three agree on +5.1%: no flag
