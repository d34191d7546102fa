"""Stored observations (schema 13) are the observations built from the quantities, and stay so as documents are
written, replaced, reindexed and deleted: each check compares what the store holds with ``build`` over every mapped
quantity, on a real SQLite store."""

from __future__ import annotations

import os
import warnings
from pathlib import Path

from hqd.observations import build, load, refresh, version
from hqd.pipeline.ingest import ingest_paths, reindex
from hqd.store import Store, open_store

from ..conftest import seeds_dir


def _dev_zh() -> Path:
    return Path(os.environ.get("HQD_DEV_ZH") or seeds_dir().parent / "dev-zh")


def _built(db: Path) -> list[dict]:
    with Store.open(db) as store:
        return [o.to_json() for o in build(store.mapped_quantities())]


def _stored(db: Path) -> list[dict]:
    with Store.open(db) as store:
        observations = load(store)
        assert store.observations_fresh(version()), "load read observations the store did not hold up to date"
        assert store.conn.execute("SELECT count(*) FROM observations").fetchone()[0] == len(observations)
        return [o.to_json() for o in observations]


def _ingest(db: Path, paths: list[Path]):
    conn = open_store(db, write=True)
    try:
        return ingest_paths(conn, str(db), [str(p) for p in paths], jobs=1, quiet=True)
    finally:
        conn.close()


def _equal(db: Path) -> list[dict]:
    stored, built = _stored(db), _built(db)
    assert stored == built
    assert stored, "no observations at all: the check would prove nothing"
    return stored


def test_stored_observations_are_those_built_from_the_quantities_on_seeds_and_dev_zh(tmp_path, seed_texts):
    db = tmp_path / "all.db"
    zh = sorted(_dev_zh().glob("*.txt"))
    assert zh, "no Chinese texts in dev-zh"
    _ingest(db, seed_texts + zh)
    assert refresh(db) > 0  # the first refresh builds them all
    observations = _equal(db)
    assert any({s["language"] for s in o["sources"]} == {"en", "zh"} for o in observations)  # releases merged across languages
    assert refresh(db) == 0  # nothing changed since: nothing to do


def test_a_new_document_is_added_by_reading_only_its_briefing(tmp_path, seed_texts):
    db = tmp_path / "grow.db"
    _ingest(db, seed_texts[1:])
    refresh(db)
    before = {(o["subject"], o["indicator"], o["period"]) for o in _equal(db)}
    _ingest(db, seed_texts[:1])  # Jiading
    with Store.open(db) as store:
        assert not store.observations_fresh(version())  # the write marked it
    assert refresh(db) == 1  # its briefing has no other release here: one document read again, not the store
    after = _equal(db)
    added = {(o["subject"], o["indicator"], o["period"]) for o in after} - before
    assert ("Jiading", "gdp", "2023-H1") in added


def test_a_read_refreshes_what_a_writer_left_behind(tmp_path, seed_texts):
    """A reader's connection is read-only; the observation stage refreshes through one of its own before it reads."""
    db = tmp_path / "lazy.db"
    _ingest(db, seed_texts)
    with Store.open(db) as reader:
        assert not reader.observations_fresh(version())
        observations = load(reader)
        assert reader.observations_fresh(version())
    assert [o.to_json() for o in observations] == _built(db)


def test_a_changed_document_replaces_its_observations(tmp_path, seed_texts):
    db = tmp_path / "change.db"
    briefing = tmp_path / "jiading.txt"
    text = seed_texts[0].read_text("utf-8")
    assert "124.83 billion yuan" in text
    briefing.write_text(text, encoding="utf-8")
    _ingest(db, [briefing, *seed_texts[1:]])
    refresh(db)
    gdp = [o for o in _equal(db) if (o["subject"], o["indicator"], o["measure"]) == ("Jiading", "gdp", "level")]
    assert [o["value"] for o in gdp] == [124.83e9]
    briefing.write_text(text.replace("124.83 billion yuan", "131.25 billion yuan"), encoding="utf-8")
    assert _ingest(db, [briefing]).replaced == 1
    gdp = [o for o in _equal(db) if (o["subject"], o["indicator"], o["measure"]) == ("Jiading", "gdp", "level")]
    assert [o["value"] for o in gdp] == [131.25e9] and len(gdp[0]["sources"]) == 1  # the old figure and its document are gone


def test_a_deleted_document_takes_its_observations_with_it(tmp_path, seed_texts):
    db = tmp_path / "delete.db"
    _ingest(db, seed_texts)
    refresh(db)
    with Store.open(db) as store:
        jiading = store.conn.execute("SELECT id FROM documents WHERE district = 'Jiading'").fetchone()[0]
    assert any(s["document_id"] == jiading for o in _equal(db) for s in o["sources"])
    conn = open_store(db, write=True)
    conn.execute("DELETE FROM documents WHERE id = ?", (jiading,))
    conn.close()
    after = _equal(db)
    assert not any(s["document_id"] == jiading for o in after for s in o["sources"])
    assert not any(o["subject"] == "Jiading" for o in after)


def test_a_second_release_of_a_briefing_refreshes_the_first_one_too(tmp_path, seed_texts):
    """The Chinese release of Changning's briefing says 上半年 without a year: when it arrives after the English one, the
    refresh reads both (one briefing), and the figure is one observation with a source in each language."""
    db = tmp_path / "pair.db"
    english = next(p for p in seed_texts if p.name.startswith("003_"))
    _ingest(db, [english])
    refresh(db)
    _ingest(db, [_dev_zh() / "z02.txt"])
    with Store.open(db) as store:
        releases = store.conn.execute("SELECT DISTINCT district, session FROM documents").fetchall()
    assert len(releases) == 1, "the two releases should be of one briefing (the Chinese page gives its session, not its date)"
    assert refresh(db) == 2
    growth = [o for o in _equal(db) if (o["subject"], o["indicator"], o["measure"]) == ("Changning", "gdp", "change")]
    assert len(growth) == 1 and growth[0]["period"] == "2023-H1"
    assert {s["language"] for s in growth[0]["sources"]} == {"en", "zh"}


def test_reindex_keeps_them_equal(tmp_path, seed_texts):
    db = tmp_path / "reindex.db"
    _ingest(db, seed_texts)
    refresh(db)
    before = _equal(db)
    conn = open_store(db, write=True)
    reindex(conn, everything=True, quiet=True, jobs=1)
    conn.close()
    assert _equal(db) == before


def test_a_new_build_of_the_observation_stage_rebuilds_them(tmp_path, seed_texts, monkeypatch):
    db = tmp_path / "version.db"
    _ingest(db, seed_texts)
    refresh(db)
    import hqd.observations as observations

    monkeypatch.setattr(observations, "BUILD", observations.BUILD + "-next")
    observations.version.cache_clear()
    try:
        with Store.open(db) as store:
            assert not store.observations_fresh(observations.version())
            documents = store.document_count()
        assert refresh(db) == documents
        _equal(db)
    finally:
        monkeypatch.undo()
        observations.version.cache_clear()


def test_an_upload_through_the_api_is_observed_at_once(tmp_path, seed_texts):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from hqd.web.app import create_app

    db = tmp_path / "upload.db"
    _ingest(db, seed_texts[1:])
    client = TestClient(create_app(db, allow_upload=True, upload_token="t"))
    assert client.get("/api/v1/observations?indicator=gdp&subject=Jiading").json()["rows"] == []
    response = client.post("/api/v1/documents", content=seed_texts[0].read_bytes(), headers={"X-HQD-Token": "t", "X-Filename": "j.txt"})
    assert response.status_code == 201
    with Store.open(db) as store:
        assert store.observations_fresh(version())  # the upload refreshed them: no read pays for it
    rows = client.get("/api/v1/observations?indicator=gdp&subject=Jiading").json()["rows"]
    assert {(r["measure"], r["period"]) for r in rows} >= {("level", "2023-H1"), ("change", "2023-H1")}
    _equal(db)


def test_a_read_only_store_is_read_from_its_quantities(tmp_path, seed_texts):
    """A store whose file is marked read-only (hqd refuses to write it, even as root) and whose observations are out of date
    still answers, with observations built on the fly."""
    db = tmp_path / "ro.db"
    _ingest(db, seed_texts)
    conn = open_store(db, write=True)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    db.chmod(0o444)
    try:
        with Store.open(db) as store:
            assert [o.to_json() for o in load(store)] == _built(db)
            assert not store.observations_fresh(version())
    finally:
        db.chmod(0o644)


def test_a_reader_does_not_wait_for_a_writer_and_reads_them_one_write_behind(tmp_path, seed_texts):
    """While another process holds the write lock (an ingest's chunk, an upload), a reader does not wait to refresh: it
    reads the observations as stored before the last writes, and refreshes on a later read once the lock is free."""
    import time

    db = tmp_path / "busy.db"
    _ingest(db, seed_texts[1:])
    refresh(db)
    before = _built(db)
    _ingest(db, seed_texts[:1])  # Jiading: written, not yet refreshed
    holder = open_store(db, write=True)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with Store.open(db) as reader:
            started = time.monotonic()
            observations = load(reader)
            assert time.monotonic() - started < 5  # the store's busy timeout is 30 s: it did not wait for the lock
            assert [o.to_json() for o in observations] == before
            assert not reader.observations_fresh(version())
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    after = _equal(db)  # the lock is free: this read refreshed them
    assert any(o["subject"] == "Jiading" for o in after)
