"""Exports are safe to open in a spreadsheet: no cell starts a formula (issue 14)."""

import csv

from hqd.output import render, safe_cell
from hqd.pipeline.ingest import ingest_paths
from hqd.store import export_store, list_facts, open_store

FORMULAS = (
    "Press Release for Media Briefing of the Shanghai Municipal Government on May 1, 2024\n\n"
    "The briefing (Minhang District special session) was held.\n\n"
    "=HYPERLINK(\"http://example.com\",\"GDP\") grew 5% in 2023.\n\n"
    "+1 note: revenue reached 3 billion yuan in 2023.\n\n"
    "-5% was the fall in coal use in 2023.\n\n"
    "@SUM(A1) investment reached 7 billion yuan in 2023.\n"
)


def test_safe_cell_prefixes_what_a_spreadsheet_would_run():
    for text in ("=1+1", "+1", "-1 note", "@SUM(A1)", "\tx", "\rx"):
        assert safe_cell(text) == "'" + text
    for value in ("GDP grew 5%", "", -3.5, 7, None, "a=b"):
        assert safe_cell(value) == value


def test_csv_exports_and_listings_defuse_formulas(tmp_path):
    path = tmp_path / "formulas.txt"
    path.write_text(FORMULAS, encoding="utf-8")
    db = tmp_path / "f.db"
    conn = open_store(db, write=True)
    assert ingest_paths(conn, str(db), [str(path)], quiet=True, jobs=1).added == 1
    out = tmp_path / "out"
    export_store(conn, out, "csv")
    cells = [cell for table in out.glob("*.csv") for row in csv.reader(table.open(encoding="utf-8")) for cell in row]
    sentences = [c for c in cells if c.lstrip("'").startswith(("=HYPERLINK", "+1 note", "-5% was", "@SUM"))]
    assert len(sentences) >= 3 and all(c.startswith("'") for c in sentences), sentences
    assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r") or (c[:1] == "-" and not _number(c))]
    listing = render(list_facts(conn), "csv", ["text", "value", "sentence"])
    rows = list(csv.reader(listing.splitlines()))
    assert any(r[2].startswith("'=HYPERLINK") for r in rows[1:]), rows
    assert not [c for r in rows for c in r if c[:1] in ("=", "+", "@") or (c[:1] == "-" and not _number(c))]


def _number(cell: str) -> bool:
    try:
        float(cell)
        return True
    except ValueError:
        return False
