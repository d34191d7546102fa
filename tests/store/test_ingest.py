import json
import os
import sqlite3
import time

import pytest

from hqd.extraction import EXTRACTOR_VERSION
from hqd.pipeline.ingest import expand_paths, ingest_paths, reindex
from hqd.store import StoreError, list_documents, open_store
from hqd.store.catalog import document_page


def counts(db):
    conn = sqlite3.connect(db)
    return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("documents", "document_texts", "sources", "quantities", "targets", "entities", "sentences")}


def test_ingest_stores_documents_with_all_facts(seeded_db, seed_texts):
    c = counts(seeded_db)
    assert c["documents"] == 5 and c["sources"] == 5
    assert c["quantities"] == 160 + 2  # gold has 160; two optional "15-minute" figures are also extracted
    assert c["sentences"] > 300 and c["entities"] > 100 and c["targets"] >= 15
    conn = sqlite3.connect(seeded_db)
    for doc_id, n, text in conn.execute("SELECT id, n_quantities, text FROM documents JOIN document_texts ON document_id = id"):
        rows = conn.execute('SELECT start, "end", text FROM quantities WHERE document_id = ?', (doc_id,)).fetchall()
        assert len(rows) == n
        assert all(text[s:e] == t for s, e, t in rows)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_reingest_of_unchanged_files_does_nothing(seeded_db, seed_texts):
    before = counts(seeded_db)
    conn = open_store(seeded_db, write=True)
    summary = ingest_paths(conn, str(seeded_db), [str(p) for p in seed_texts], jobs=1, quiet=True)
    assert (summary.added, summary.unchanged, summary.replaced, summary.failed) == (0, 5, 0, 0)
    assert counts(seeded_db) == before


def test_changed_file_replaces_its_facts(tmp_path, seed_texts):
    db = tmp_path / "db.sqlite"
    path = tmp_path / "brief.txt"
    path.write_text("In 2022, revenue reached 5 billion yuan. It has 12 parks.", encoding="utf-8")
    conn = open_store(db, write=True)
    assert ingest_paths(conn, str(db), [str(path)], quiet=True).added == 1
    path.write_text("In 2022, revenue reached 7 billion yuan.", encoding="utf-8")
    summary = ingest_paths(conn, str(db), [str(path)], quiet=True)
    assert summary.replaced == 1
    values = [r[0] for r in conn.execute("SELECT value FROM quantities")]
    assert values == [7e9]
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1


def test_same_text_under_two_names_is_stored_once(tmp_path, seed_texts):
    db = tmp_path / "db.sqlite"
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes(seed_texts[0].read_bytes())
    b.write_bytes(seed_texts[0].read_bytes())
    conn = open_store(db, write=True)
    summary = ingest_paths(conn, str(db), [str(a), str(b)], quiet=True)
    assert summary.added == 1 and summary.unchanged == 1
    assert counts(db)["documents"] == 1 and counts(db)["sources"] == 2
    assert sorted(list_documents(conn)[0].sources) == sorted([str(a), str(b)])


def test_folders_are_walked_and_bad_files_reported(tmp_path, seed_texts):
    folder = tmp_path / "in" / "nested"
    folder.mkdir(parents=True)
    (folder / "good.txt").write_bytes(seed_texts[1].read_bytes())
    (folder / "page.html").write_text("<html><body><p>GDP grew 6% in 2022.</p></body></html>")
    (folder / "empty.txt").write_text("")
    (folder / "blob.txt").write_bytes(b"\x00\x01\x02" * 50)
    (folder / "notes.md").write_text("ignored")
    (folder / "big.txt").write_text("x" * 50000)
    assert len(expand_paths([str(tmp_path / "in")])) == 5
    db = tmp_path / "db.sqlite"
    conn = open_store(db, write=True)
    summary = ingest_paths(conn, str(db), [str(tmp_path / "in")], quiet=True, max_bytes=40000)
    assert summary.added == 2 and summary.failed == 3
    joined = "\n".join(summary.failures)
    assert "empty.txt: file is empty" in joined and "blob.txt" in joined and "big.txt" in joined


def test_parallel_jobs_give_the_same_store(tmp_path, seed_texts):
    from .conftest import make_corpus

    files = make_corpus(tmp_path / "corpus", seed_texts, 12)
    dbs = []
    for jobs in (1, 2):
        db = tmp_path / f"j{jobs}.db"
        conn = open_store(db, write=True)
        assert ingest_paths(conn, str(db), [str(f) for f in files], jobs=jobs, quiet=True).added == 12
        dbs.append(db)
    rows = [sorted(sqlite3.connect(db).execute("SELECT d.sha256, q.idx, q.value, q.unit, q.metric FROM quantities q JOIN documents d ON d.id = q.document_id")) for db in dbs]
    assert rows[0] == rows[1]


def test_bulk_load_builds_reader_indexes_at_the_end(tmp_path, seed_texts, monkeypatch):
    from hqd.store.write import DEFERRABLE_INDEXES

    from .conftest import make_corpus

    files = [str(f) for f in make_corpus(tmp_path / "corpus", seed_texts, 12)]
    stores = {}
    for threshold in ("4", "1000"):  # 12 documents: a bulk load, then not
        monkeypatch.setenv("HQD_BULK_DOCUMENTS", threshold)
        db = tmp_path / f"bulk{threshold}.db"
        conn = open_store(db, write=True)
        ingest_paths(conn, str(db), files[:8], jobs=1, quiet=True)
        ingest_paths(conn, str(db), files, jobs=1, quiet=True)  # 4 more onto 8 stored: a bulk load again at threshold 4
        assert conn.execute("SELECT count(*) FROM deferred_indexes").fetchone()[0] == 0
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert set(DEFERRABLE_INDEXES) <= names
        conn.execute("PRAGMA integrity_check")
        plan = " ".join(r[3] for r in conn.execute(
            "EXPLAIN QUERY PLAN SELECT district, period, value FROM quantities WHERE indicator = ? AND kind = ?", ("gdp", "level")))
        assert "quantities_indicator" in plan
        stores[threshold] = conn.execute(
            "SELECT d.sha256, q.idx, q.value, q.indicator FROM quantities q JOIN documents d ON d.id = q.document_id ORDER BY 1, 2").fetchall()
    assert [tuple(r) for r in stores["4"]] == [tuple(r) for r in stores["1000"]]


def test_reindex_reextracts_from_stored_text(seeded_db, tmp_path):
    conn = open_store(seeded_db, write=True)
    conn.execute("UPDATE documents SET extractor_version = '0.0.1' WHERE id = 1")
    conn.execute("DELETE FROM quantities WHERE document_id = 1")
    done, total = reindex(conn, quiet=True)
    assert (done, total) == (1, 5)
    row = conn.execute("SELECT extractor_version, n_quantities FROM documents WHERE id = 1").fetchone()
    assert row[0] == EXTRACTOR_VERSION
    assert conn.execute("SELECT count(*) FROM quantities WHERE document_id = 1").fetchone()[0] == row[1] > 0
    assert reindex(conn, quiet=True) == (0, 5)
    assert reindex(conn, everything=True, quiet=True) == (5, 5)


def test_reindex_on_two_processes_matches_one(seeded_db, tmp_path):
    facts = []
    for jobs in (1, 2):
        copy = tmp_path / f"copy{jobs}.db"
        copy.write_bytes(seeded_db.read_bytes())
        conn = open_store(copy, write=True)
        stored = conn.execute("SELECT count(*) FROM quantities").fetchone()[0]
        assert reindex(conn, everything=True, quiet=True, jobs=jobs) == (5, 5)
        facts.append(conn.execute("SELECT document_id, idx, value, unit, metric, period, indicator FROM quantities ORDER BY 1, 2").fetchall())
        conn.execute("INSERT INTO sentences_fts(sentences_fts, rank) VALUES ('integrity-check', 1)")  # raises if the index drifted
        assert len(facts[-1]) == stored > 100
    assert [tuple(r) for r in facts[0]] == [tuple(r) for r in facts[1]]


def test_reindex_failure_keeps_old_facts_and_names_the_document(seeded_db, monkeypatch):
    import hqd.pipeline.ingest as ingest_module

    conn = open_store(seeded_db, write=True)
    conn.execute("UPDATE documents SET extractor_version = '0.0.1'")
    before = conn.execute("SELECT count(*) FROM quantities").fetchone()[0]
    real_extract = ingest_module.extract_source

    def extract_failing_on_jiading(source):  # injects an extractor bug for one document
        if "Jiading" in source.text[:300]:
            raise ValueError("injected")
        return real_extract(source)

    monkeypatch.setattr(ingest_module, "extract_source", extract_failing_on_jiading)
    with pytest.raises(StoreError, match=r"1 of 5 documents kept their old facts:\n.*\.txt: extraction failed: ValueError: injected"):
        reindex(conn, quiet=True, jobs=1)
    assert conn.execute("SELECT count(*) FROM quantities").fetchone()[0] == before
    versions = dict(conn.execute("SELECT district, extractor_version FROM documents").fetchall())
    assert versions.pop("Jiading") == "0.0.1" and set(versions.values()) == {EXTRACTOR_VERSION}


def test_officials_are_stored_as_json(seeded_db):
    conn = sqlite3.connect(seeded_db)
    officials = json.loads(conn.execute("SELECT officials FROM documents WHERE district = 'Jiading'").fetchone()[0])
    assert officials[0] == {"name": "Lu Fangzhou", "title": "Party Secretary of Jiading District"}
    assert os.path.isabs(conn.execute("SELECT path FROM sources LIMIT 1").fetchone()[0])


def test_version_1_database_is_migrated_and_its_quantities_mapped(tmp_path, seed_texts):
    from hqd.store.database import _statements
    from hqd.store.schema import LATEST, MIGRATIONS

    db = tmp_path / "v1.db"
    raw = sqlite3.connect(db)
    for statement in _statements(MIGRATIONS[0]):
        raw.execute(statement)
    raw.execute("PRAGMA user_version = 1")
    raw.execute("INSERT INTO documents(id, sha256, text, extractor_version, n_quantities, n_targets, n_entities, ingested_at, district)"
                " VALUES (1, 'abc', 'GDP reached 5 billion yuan.', '1.0.0', 1, 0, 0, '2023-01-01', 'Jiading')")
    raw.execute("INSERT INTO quantities(document_id, idx, start, \"end\", text, value, unit, kind, approx, metric)"
                " VALUES (1, 0, 12, 26, '5 billion yuan', 5e9, 'CNY', 'level', '=', 'GDP')")
    raw.commit()
    raw.close()
    from hqd.pipeline.ingest import open_writer

    conn = open_writer(db)  # the store migrates, the pipeline maps what the migration left unmapped
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
    row = conn.execute("SELECT indicator, indicator_confidence FROM quantities").fetchone()
    assert row[0] == "gdp" and row[1] > 0.5
    assert conn.execute("SELECT count(*) FROM ranks").fetchone()[0] == 0
    assert conn.execute("SELECT text FROM document_texts WHERE document_id = 1").fetchone()[0] == "GDP reached 5 billion yuan."
    assert "text" not in {r[1] for r in conn.execute("PRAGMA table_info(documents)")}
    assert conn.execute("SELECT v FROM sentences_fts_config WHERE k = 'automerge'").fetchone()[0] == 8  # version 7
    assert conn.execute("PRAGMA page_size").fetchone()[0] == 4096  # an existing file keeps its pages


def test_a_new_store_has_8_kib_pages_and_merges_its_full_text_index_8_segments_at_a_time(tmp_path):
    conn = open_store(tmp_path / "new.db", write=True)
    assert conn.execute("PRAGMA page_size").fetchone()[0] == 8192
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("SELECT v FROM sentences_fts_config WHERE k = 'automerge'").fetchone()[0] == 8


def test_ranks_and_indicators_are_stored(seeded_db):
    conn = sqlite3.connect(seeded_db)
    ranks = conn.execute("SELECT value, scope, text FROM ranks ORDER BY document_id, start").fetchall()
    assert (2, "city", "ranking second within the city") in ranks
    mapped = conn.execute("SELECT count(*) FROM quantities WHERE indicator IS NOT NULL").fetchone()[0]
    total = conn.execute("SELECT count(*) FROM quantities").fetchone()[0]
    assert mapped / total > 0.5
    gdp = conn.execute("SELECT text FROM quantities WHERE indicator = 'gdp' AND kind = 'change'").fetchall()
    assert {"9.1%", "14.7%", "15.3%"} <= {r[0] for r in gdp}


def test_summary_accounts_cpu_time_of_extraction_and_store(tmp_path, seed_texts):
    from .conftest import make_corpus

    files = [str(f) for f in make_corpus(tmp_path / "corpus", seed_texts, 120)]  # three chunks, two worker processes
    db = tmp_path / "cpu.db"
    own_cpu = time.process_time()
    summary = ingest_paths(open_store(db, write=True), str(db), files, jobs=2, quiet=True)
    own_cpu = time.process_time() - own_cpu
    assert summary.added == 120
    assert summary.extract_seconds > summary.store_seconds > 0
    assert summary.extract_seconds > 2 * own_cpu  # the work was done, and timed, in the workers
    assert summary.cpu_line().startswith(f"CPU time: extraction {summary.extract_seconds:.1f} s, store ")


def test_a_failing_write_rolls_back_the_whole_batch_and_keeps_its_error(tmp_path, seed_texts):
    from hqd.extraction import extract_path
    from hqd.pipeline.rows import document_rows
    from hqd.store.write import write_batch

    db = tmp_path / "rollback.db"
    conn = open_store(db, write=True)
    good = document_rows(extract_path(str(seed_texts[0])))
    bad = document_rows(extract_path(str(seed_texts[1])))
    bad.quantities.append(bad.quantities[0])  # the same (document_id, idx) twice: the UNIQUE key refuses it
    with pytest.raises(sqlite3.IntegrityError):
        write_batch(conn, [good, bad])
    assert not conn.in_transaction
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM sentences_fts").fetchone()[0] == 0


def test_a_story_without_a_briefing_date_is_listed_by_the_day_it_was_published(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Jiading's output grows\nShanghai Daily, March 5, 2024\n\nJiading's industrial output rose 6.1% in 2023.\n", "utf-8")
    briefing = tmp_path / "briefing.txt"
    briefing.write_text("Press Release for Media Briefing\nDate: 2023-08-22\n\nJiading's GDP reached 124.83 billion yuan.\n", "utf-8")
    db = tmp_path / "h.db"
    conn = open_store(db, write=True)
    assert ingest_paths(conn, str(db), [str(story), str(briefing)], jobs=1, quiet=True).added == 2
    rows = list_documents(conn)
    dates = {os.path.basename(r.sources[0]): r.date for r in rows}
    assert dates["story.txt"] == "2024-03-05"
    assert [os.path.basename(r.sources[0]) for r in rows] == sorted(dates, key=lambda name: dates[name] or "")
    page = document_page(conn, {"year": "2024"})  # the /documents page and its year facet
    assert [(e.date, os.path.basename(e.sources[0])) for e in page.rows] == [("2024-03-05", "story.txt")]
    assert {f["value"] for f in document_page(conn, {}).facets["year"]} >= {"2024"}
