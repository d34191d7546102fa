"""The targets page judges each goal once and shows the evidence sentence beside the goal's (issue 16 item 4: "the
evidence sentence is shown beside the goal's. A goal restated in several documents is one target with every statement
listed. `hqd targets`, the API and a targets page"). The analysis tests judge; this checks what the page and the API say."""

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

BRIEFING = ("Press Release for Media Briefing of the Shanghai Municipal Government on {day}\n\n"
            "The Information Office held a press briefing (Minhang District special session).\n\n{body}\n")
TEXTS = {
    "a.txt": ("May 1, 2023", "In 2022, the district had 2,100 high-tech enterprises. The district aims to have 3,000 high-tech enterprises by 2025."),
    "b.txt": ("June 5, 2024", "The district aims to have 3,000 high-tech enterprises by 2025."),
    "c.txt": ("March 3, 2026", "In 2025, the district had 3,050 high-tech enterprises."),
}


@pytest.fixture()
def client(tmp_path):
    for name, (day, body) in TEXTS.items():
        (tmp_path / name).write_text(BRIEFING.format(day=day, body=body), encoding="utf-8")
    db = tmp_path / "t.db"
    conn = open_store(db, write=True)
    assert ingest_paths(conn, str(db), [str(tmp_path)], jobs=1, quiet=True).added == 3
    conn.close()
    return TestClient(create_app(db))


def test_a_restated_goal_is_one_row_with_its_evidence_beside_it(client):
    api = client.get("/api/v1/targets?district=Minhang&as_of=2026-04-01").json()["rows"]
    [goal] = [t for t in api if t["value"] == 3000]
    assert goal["status"] == "met" and [s["date"] for s in goal["statements"]] == ["2023-05-01", "2024-06-05"]
    assert goal["judged_by"]["value"] == 3050 and "3,050" in goal["judged_by"]["sentence"]
    html = client.get("/targets?district=Minhang").text  # judged today, after the deadline
    rows = [r for r in re.findall(r"<tr>.*?</tr>", html, re.S) if "3,000" in r]
    assert len(rows) == 1, rows  # once, however many briefings state it
    row = rows[0]
    assert 'class="status status-met"' in row
    assert row.count('href="/documents/') == 3  # two statements and the evidence's document
    goal_cell = re.search(r'data-label="Goal">(.*?)</td>', row, re.S).group(1)
    evidence_cell = re.search(r'data-label="Evidence">(.*?)</td>', row, re.S).group(1)
    assert "aims to have 3,000 high-tech enterprises by 2025" in goal_cell
    assert "3,050" in evidence_cell and "In 2025, the district had 3,050 high-tech enterprises." in evidence_cell
