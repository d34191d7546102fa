import csv
import json

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from hqd.cli import cli
from hqd.store import QueryError, export_store, get_document, list_facts, open_store, search


def test_facts_filters_combine(seeded_db):
    conn = open_store(seeded_db)
    rows = list_facts(conn, district="Jiading", metric="budget revenue")
    assert {r.text for r in rows} == {"14.42 billion yuan", "25.7%"}
    assert all(r.district == "Jiading" for r in rows)
    assert {r.kind for r in list_facts(conn, district="jiading", metric="budget revenue", kind="change")} == {"change"}
    assert all(r.unit == "mu" for r in list_facts(conn, unit="mu"))
    h1 = list_facts(conn, period="2023-H1")
    assert h1 and all(r.period == "2023-H1" for r in h1)
    assert all(r.period.startswith("2023") for r in list_facts(conn, period="2023"))
    assert {r.date for r in list_facts(conn, since="2023-09-01", until="2023-09-30")} == {"2023-09-05"}
    assert len(list_facts(conn, limit=3)) == 3
    assert list_facts(conn, metric="_") == []  # LIKE wildcards in user input are literal
    assert all("%" in r.metric for r in list_facts(conn, metric="%"))


def test_search_ranks_and_marks_figures(seeded_db):
    conn = open_store(seeded_db)
    hits = search(conn, '"air quality"')
    assert hits and all("air quality" in " ".join(h.text.lower().split()) for h in hits)
    hit = next(h for h in hits if "90.3%" in h.text)
    assert any(hit.text[f["start"]:f["end"]] == "90.3%" for f in hit.figures)
    assert hits == sorted(hits, key=lambda h: h.rank)
    assert search(conn, 'air AND (')  # what is not the search syntax is text (tests/store/test_search.py)


def test_show_by_id_sha_and_path(seeded_db, seed_texts):
    conn = open_store(seeded_db)
    by_id = get_document(conn, "1")
    assert get_document(conn, by_id["sha256"][:10])["id"] == 1
    assert get_document(conn, by_id["sources"][0])["id"] == 1
    assert len(by_id["quantities"]) == by_id["n_quantities"]
    with pytest.raises(QueryError, match="no document"):
        get_document(conn, "999")


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_export_writes_one_file_per_table(seeded_db, tmp_path, fmt):
    paths = export_store(open_store(seeded_db), tmp_path / "out", fmt)
    assert sorted(p.name for p in paths) == sorted(f"{t}.{fmt}" for t in ("documents", "document_texts", "sources", "sentences", "quantities", "targets", "entities", "ranks",
                                                                         "crawl_pages"))
    q = tmp_path / "out" / f"quantities.{fmt}"
    if fmt == "csv":
        rows = list(csv.DictReader(q.open(encoding="utf-8")))
    elif fmt == "jsonl":
        rows = [json.loads(line) for line in q.open(encoding="utf-8")]
    else:
        rows = pq.read_table(q).to_pylist()
    assert len(rows) == 162 and {"value", "unit", "metric"} <= set(rows[0])


def test_cli_listings_in_every_format(seeded_db):
    runner = CliRunner()
    for command in (["docs"], ["facts", "--district", "Qingpu"], ["search", "revenue"]):
        for fmt in ("table", "json", "csv"):
            result = runner.invoke(cli, [*command, "--db", str(seeded_db), "--format", fmt, "--limit", "3"])
            assert result.exit_code == 0, result.output
            if fmt == "json":
                assert len(json.loads(result.stdout)) == 3
            if fmt == "csv":
                assert len(list(csv.reader(result.stdout.splitlines()))) == 4
    shown = runner.invoke(cli, ["show", "1", "--db", str(seeded_db)])
    assert "124.83 billion yuan" in shown.stdout and "Lu Fangzhou" in shown.stdout


def test_missing_database_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(cli, ["docs", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "no database here" in result.output and "Traceback" not in result.output


def test_search_index_follows_inserts_replacements_and_reindex(tmp_path):
    from hqd.pipeline.ingest import ingest_paths, reindex

    path = tmp_path / "brief.txt"
    path.write_text("In 2022, the zebra park drew 5,000 visitors.", encoding="utf-8")
    db = tmp_path / "fts.db"
    conn = open_store(db, write=True)
    ingest_paths(conn, str(db), [str(path)], quiet=True)
    assert len(search(conn, "zebra")) == 1
    path.write_text("In 2022, the giraffe park drew 6,000 visitors.", encoding="utf-8")
    ingest_paths(conn, str(db), [str(path)], quiet=True)
    assert search(conn, "zebra") == [] and len(search(conn, "giraffe")) == 1
    reindex(conn, everything=True, quiet=True)
    assert len(search(conn, "giraffe")) == 1
    for sentence_id, text in conn.execute("SELECT id, text FROM sentences").fetchall():  # every sentence is in the index
        word = max(text.replace(",", " ").split(), key=len).strip(".")
        hits = {r[0] for r in conn.execute("SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?", (f'"{word}"',))}
        assert sentence_id in hits, text


def test_a_districts_facts_page_by_page_are_the_full_listings_rows_in_its_order(seeded_db):
    """With a district the page is read from the quantities_district_date index (its ids, then its columns): the
    same rows in the same order as the listing of every fact filtered by district, page after page."""
    conn = open_store(seeded_db)
    districts = {r.district for r in list_facts(conn) if r.district}
    assert len(districts) >= 2
    for district in districts:
        for metric in (None, "revenue"):
            expected = [r for r in list_facts(conn, metric=metric) if r.district.lower() == district.lower()]
            assert expected or metric
            paged = [r for offset in range(0, len(expected) + 3, 3)
                     for r in list_facts(conn, district=district.upper(), metric=metric, limit=3, offset=offset)]
            assert paged == expected
    plan = " ".join(r[3] for r in conn.execute(
        "EXPLAIN QUERY PLAN SELECT q.id FROM quantities q WHERE q.district = 'Jiading' COLLATE NOCASE"
        " ORDER BY q.doc_date, q.document_id, q.idx LIMIT 3"))
    assert "quantities_district_date" in plan and "TEMP B-TREE" not in plan
