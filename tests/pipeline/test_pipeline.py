"""The pipeline seam: one extraction function, its rows and their schemas, the local runner, and loading rows."""

from __future__ import annotations

import sqlite3

import pyarrow as pa
from click.testing import CliRunner

from hqd.cli import cli
from hqd.extraction import extract_text
from hqd.pipeline import SCHEMAS, TABLES, documents_from_tables, extract_records
from hqd.pipeline.batch import ExtractFailure
from hqd.pipeline.local import run_local
from hqd.pipeline.parquet import read_tables, write_tables
from hqd.pipeline.records import document_records, to_arrow
from hqd.sources import read_source
from hqd.extraction import extract_source


def test_records_round_trip_to_the_same_document(seed_texts):
    doc = extract_source(read_source(str(seed_texts[0])))
    [back] = documents_from_tables(document_records(doc))
    assert back.to_json() == doc.to_json()
    assert back.sentences == doc.sentences and back.ranks == doc.ranks and back.text == doc.text


def test_every_row_fits_its_explicit_schema(seed_texts):
    records = extract_records(str(seed_texts[1]), seed_texts[1].read_bytes())
    tables = to_arrow(records)
    for name in TABLES:
        assert tables[name].schema == SCHEMAS[name]
    assert tables["quantities"].num_rows > 20
    assert set(tables["quantities"].column("year").to_pylist()) == {2023}


def test_a_bad_input_is_a_failure_not_an_exception():
    assert isinstance(extract_records("empty.txt", b"   "), ExtractFailure)
    failure = extract_records("big.txt", b"x" * 100, max_bytes=10)
    assert isinstance(failure, ExtractFailure) and "over the 10-byte limit" in failure.reason


def test_a_document_without_a_date_is_partitioned_under_a_null_year(tmp_path):
    doc = extract_text("The district has 1,200 enterprises.", source="undated.txt")
    write_tables(to_arrow(document_records(doc)), tmp_path)
    assert (tmp_path / "quantities" / "language=en" / "year=__HIVE_DEFAULT_PARTITION__").is_dir()
    rows = read_tables(tmp_path)
    assert rows["quantities"][0]["year"] is None and rows["quantities"][0]["value"] == 1200


def test_local_runner_writes_tables_that_ingest_like_the_files_themselves(seeds, tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["extract", str(seeds), "--out", str(tmp_path / "tables"), "--jobs", "2"])
    assert result.exit_code == 0, result.output
    assert "5 documents extracted" in result.stderr
    assert runner.invoke(cli, ["ingest", "--from-parquet", str(tmp_path / "tables"), "--db", str(tmp_path / "a.db")]).exit_code == 0
    assert runner.invoke(cli, ["ingest", str(seeds), "--db", str(tmp_path / "b.db"), "--jobs", "1", "-q"]).exit_code == 0

    def rows(db):
        conn = sqlite3.connect(db)
        sql = ("SELECT s.path, q.idx, q.start, q.\"end\", q.value, q.unit, q.kind, q.approx, q.metric, q.period, q.subject, q.indicator"
               " FROM quantities q JOIN sources s ON s.document_id = q.document_id ORDER BY s.path, q.idx")
        return conn.execute(sql).fetchall(), conn.execute("SELECT count(*) FROM sentences").fetchone(), \
            conn.execute("SELECT count(*) FROM targets").fetchone()

    assert rows(tmp_path / "a.db") == rows(tmp_path / "b.db")


def test_local_runner_names_failed_files(tmp_path):
    (tmp_path / "ok.txt").write_text("GDP grew by 5.5% in 2023.", "utf-8")
    (tmp_path / "empty.txt").write_text("", "utf-8")
    tables, failures = run_local([str(tmp_path)], max_bytes=1000, jobs=1)
    assert [f.source.rsplit("/", 1)[-1] for f in failures] == ["empty.txt"]
    assert tables["documents"].num_rows == 1 and isinstance(tables["documents"], pa.Table)


def test_spark_engine_needs_an_output_folder(seeds):
    result = CliRunner().invoke(cli, ["extract", str(seeds), "--engine", "spark"])
    assert result.exit_code != 0 and "give --out DIR" in result.output
