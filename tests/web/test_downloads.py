"""CSV downloads write a list or a dict in a cell as JSON, so a reader can parse it back (issue 17 item 1: each index
page's CSV): Python's repr (`{'Jiading': 3}`, `'date': None`) was written before, which no CSV reader can read."""

from __future__ import annotations

import csv
import io
import json

import pytest

from hqd.web.downloads import csv_text


def test_nested_cells_are_json():
    text = csv_text([{"code": "gdp", "districts": {"Jiading": 3, "浦东": 1}, "sources": [{"id": 1, "date": None}], "n": 2}])
    [row] = csv.DictReader(io.StringIO(text))
    assert json.loads(row["districts"]) == {"Jiading": 3, "浦东": 1}
    assert json.loads(row["sources"]) == [{"id": 1, "date": None}]
    assert row["n"] == "2"


def rows(client, url):
    response = client.get(url)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv"), url
    return list(csv.DictReader(io.StringIO(response.text)))


@pytest.mark.parametrize("url, column", [
    ("/api/v1/indicators?format=csv", "districts"),
    ("/api/v1/compare/gdp?format=csv", "sources"),
    ("/api/v1/targets?format=csv", "statements"),
])
def test_index_and_series_csvs_parse_back(client, url, column):
    found = [r[column] for r in rows(client, url) if r[column]]
    assert found, (url, column)
    for cell in found:
        assert isinstance(json.loads(cell), (list, dict)), (url, cell[:80])
