"""The writer's batch logic, driven directly with inline briefings (no files, no workers)."""

import hashlib

from hqd.extraction import extract_source
from hqd.sources import SourceText
from hqd.store import open_store
from hqd.pipeline.ingest import chunk_items
from hqd.pipeline.rows import document_rows
from hqd.store.write import replace_batch, write_batch


def rows(path: str, text: str):
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return document_rows(extract_source(SourceText(path, text, sha, False)))


A = "In 2022, the district's revenue reached 5 billion yuan. It has 12 parks."
B = "In 2023, industrial output grew 7.5% to 300 billion yuan."
C = "By 2025, the district aims to have 3,000 high-tech enterprises."


def table(conn, sql):
    return [tuple(r) for r in conn.execute(sql)]


def test_one_batch_stores_repeated_text_once_and_links_every_name(tmp_path):
    conn = open_store(tmp_path / "w.db", write=True)
    outcomes = write_batch(conn, [rows("/a", A), rows("/b", B), rows("/a-copy", A)])
    assert outcomes == ["added", "added", "unchanged"]
    assert table(conn, "SELECT path, document_id FROM sources ORDER BY path") == [("/a", 1), ("/a-copy", 1), ("/b", 2)]
    # each quantity's sentence is its own document's, and its text is the slice the spans name
    for doc_id, text in table(conn, "SELECT document_id, text FROM document_texts"):
        for start, end, qtext, s_start, s_end, s_doc in table(
            conn, 'SELECT q.start, q."end", q.text, s.start, s."end", s.document_id FROM quantities q'
                  f" JOIN sentences s ON s.id = q.sentence_id WHERE q.document_id = {doc_id}"):
            assert text[start:end] == qtext and s_doc == doc_id and s_start <= start < end <= s_end
    assert conn.execute("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'parks'").fetchone()[0] == 1


def test_a_changed_file_drops_its_old_text_only_when_no_other_name_holds_it(tmp_path):
    conn = open_store(tmp_path / "w.db", write=True)
    write_batch(conn, [rows("/a", A), rows("/shared-1", B), rows("/shared-2", B)])
    outcomes = write_batch(conn, [rows("/a", C), rows("/shared-1", C)])
    assert outcomes == ["replaced", "replaced"]
    # A had one name left (none): gone with its facts and index entries; B is still held by /shared-2
    assert table(conn, "SELECT path, document_id FROM sources ORDER BY path") == [("/a", 3), ("/shared-1", 3), ("/shared-2", 2)]
    assert table(conn, "SELECT id FROM documents ORDER BY id") == [(2,), (3,)]
    assert conn.execute("SELECT count(*) FROM quantities WHERE document_id = 1").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'parks'").fetchone()[0] == 0
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_replace_batch_keeps_ids_and_reindexes_the_search(tmp_path):
    conn = open_store(tmp_path / "w.db", write=True)
    write_batch(conn, [rows("/a", A), rows("/b", B)])
    replace_batch(conn, [(1, rows("/a", C))])
    assert table(conn, "SELECT id FROM documents ORDER BY id") == [(1,), (2,)]
    assert table(conn, "SELECT value FROM quantities WHERE document_id = 1") == [(3000.0,)]
    assert conn.execute("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'parks'").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'enterprises'").fetchone()[0] == 1


def test_chunks_cover_every_item_in_order_and_end_small():
    items = list(range(12345))
    chunks = chunk_items(items, 2, largest=200)
    assert [i for c in chunks for i in c] == items
    assert max(map(len, chunks)) == 200 and all(len(c) <= 20 for c in chunks[-20:])
    assert [len(c) for c in chunk_items(items[:400], 1, largest=200)] == [100] * 4  # at least four chunks a process
    assert [len(c) for c in chunk_items(items[:25], 1)] == [10, 10, 5]
    assert chunk_items([], 2) == [] and chunk_items(items[:7], 2) == [items[:7]]


def test_a_batch_leaves_the_cycle_collector_as_it_found_it_even_when_it_fails(tmp_path):
    import gc
    import sqlite3

    import pytest

    conn = open_store(tmp_path / "w.db", write=True)
    write_batch(conn, [rows("/a", A)])
    assert gc.isenabled()
    gc.disable()
    try:
        write_batch(conn, [rows("/b", B)])
        assert not gc.isenabled()  # a caller that turned it off keeps it off
    finally:
        gc.enable()
    broken = rows("/c", C)
    broken.quantities.append(broken.quantities[0])  # the same (document, idx) twice: the UNIQUE key fails
    with pytest.raises(sqlite3.IntegrityError):
        write_batch(conn, [broken])
    assert gc.isenabled()
