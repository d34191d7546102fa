"""Views computed once per database version: reused while nothing is written, computed again after any commit."""

from __future__ import annotations

import sqlite3
import threading

from hqd.analysis import target_rows
from hqd.analysis.memo import per_version
from hqd.analysis.views import overview
from hqd.observations import refresh
from hqd.pipeline.ingest import ingest_paths
from hqd.store import Store, open_store


def test_overview_and_targets_are_reused_until_a_document_is_written(tmp_path, seed_texts):
    db = tmp_path / "hqd.db"
    writer = open_store(db, write=True)
    ingest_paths(writer, str(db), [str(p) for p in seed_texts[:3]], jobs=1, quiet=True)
    refresh(db)
    reader = Store(open_store(db))
    first, targets = overview(reader), target_rows(reader)
    assert overview(reader) is first and target_rows(reader) is targets  # the same version: computed once
    other = Store(open_store(db))  # another connection (another server thread) at the same version shares them
    assert overview(other) is first
    ingest_paths(writer, str(db), [str(p) for p in seed_texts[3:]], jobs=1, quiet=True)
    refresh(db)
    after = overview(reader)
    assert after is not first
    assert after.totals["documents"] == len(seed_texts) > first.totals["documents"]
    assert len(target_rows(reader)) >= len(targets) and target_rows(reader) is not targets
    assert target_rows(reader) == target_rows(Store(open_store(db)))
    writer.close()


def test_a_commit_by_any_connection_changes_the_version(seeded_db):
    reader = Store(open_store(seeded_db))
    before = reader.version()
    assert before is not None and reader.version() == before
    other = sqlite3.connect(seeded_db, isolation_level=None)
    other.execute("UPDATE documents SET title = title || ' (revised)' WHERE id = 1")
    other.close()
    assert reader.version() != before


def test_no_reuse_without_a_version(seeded_db):
    """A connection inside a transaction of its own sees what no other does: computed every time."""
    writer = Store(open_store(seeded_db, write=True))
    calls = []
    writer.conn.execute("BEGIN")
    try:
        assert writer.version() is None
        for _ in range(2):
            per_version(writer, ("test-no-version",), lambda: calls.append(1))
    finally:
        writer.conn.execute("ROLLBACK")
    assert len(calls) == 2
    memory = Store(sqlite3.connect(":memory:"))
    assert memory.version() is None


def test_threads_asking_at_once_compute_once(seeded_db):
    reader = Store(open_store(seeded_db))
    calls, results = [], []
    release = threading.Event()

    def slow():
        calls.append(1)
        release.wait(5)
        return object()

    threads = [threading.Thread(target=lambda: results.append(per_version(reader, ("test-once",), slow))) for _ in range(6)]
    for t in threads:
        t.start()
    release.set()
    for t in threads:
        t.join(10)
    assert len(calls) == 1 and len(results) == 6 and all(r is results[0] for r in results)


def test_results_keyed_by_parameters_are_bounded_apart_from_the_views(seeded_db, monkeypatch):
    """A crawler's distinct query strings fill their own pool, oldest dropped first; the whole-store views stay."""
    from hqd.store import memo
    reader = Store(open_store(seeded_db))
    view = per_version(reader, ("test-view",), object)
    monkeypatch.setitem(memo.POOLS, "comparisons", 2)
    kept = [per_version(reader, ("test-compare", n), object, pool="comparisons") for n in range(3)]
    assert len(memo._pools["comparisons"]) == 2
    assert per_version(reader, ("test-compare", 2), object, pool="comparisons") is kept[2]  # the latest kept
    assert per_version(reader, ("test-compare", 0), object, pool="comparisons") is not kept[0]  # the oldest dropped
    assert per_version(reader, ("test-view",), object) is view
