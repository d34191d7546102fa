"""Faults done for real: SIGKILL mid-ingest, two writers at once, read-only, locked, corrupt, newer schema."""

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from hqd.store.write import DEFERRABLE_INDEXES

from .conftest import make_corpus


def hqd(*args, env=None, **kwargs):
    return subprocess.run([sys.executable, "-m", "hqd.cli", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, **kwargs)


def committed(db) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def assert_consistent(db):
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    for doc_id, nq, nt, ne in conn.execute("SELECT id, n_quantities, n_targets, n_entities FROM documents").fetchall():
        assert conn.execute("SELECT count(*) FROM quantities WHERE document_id = ?", (doc_id,)).fetchone()[0] == nq
        assert conn.execute("SELECT count(*) FROM targets WHERE document_id = ?", (doc_id,)).fetchone()[0] == nt
        assert conn.execute("SELECT count(*) FROM entities WHERE document_id = ?", (doc_id,)).fetchone()[0] == ne
        assert conn.execute("SELECT count(*) FROM sources WHERE document_id = ?", (doc_id,)).fetchone()[0] >= 1
        assert conn.execute("SELECT count(*) FROM sentences WHERE document_id = ?", (doc_id,)).fetchone()[0] > 0


def index_names(db) -> set[str]:
    conn = sqlite3.connect(db)
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'")}


def kill_ingest_after_first_commits(corpus, db, jobs: int, env: dict | None = None) -> None:
    """Run `hqd ingest` in a real process and SIGKILL it once some documents are committed."""
    proc = subprocess.Popen([sys.executable, "-m", "hqd.cli", "ingest", str(corpus), "--db", str(db), "--jobs", str(jobs), "--quiet"],
                            env={**os.environ, **(env or {})})
    deadline = time.time() + 60
    while committed(db) < 5 and time.time() < deadline:
        time.sleep(0.02)
    assert proc.poll() is None, "ingest finished before it could be killed: make the corpus larger"
    proc.send_signal(signal.SIGKILL)
    proc.wait()


@pytest.mark.parametrize("bulk", [False, True], ids=["live-indexes", "deferred-indexes"])
def test_sigkill_mid_ingest_loses_nothing_committed(tmp_path, seed_texts, bulk):
    files = make_corpus(tmp_path / "corpus", seed_texts, 150)
    db = tmp_path / "kill.db"
    kill_ingest_after_first_commits(tmp_path / "corpus", db, jobs=1, env={"HQD_BULK_DOCUMENTS": "10" if bulk else "100000"})
    before = committed(db)
    assert 5 <= before < len(files)
    assert_consistent(db)
    deferred = {r[0] for r in sqlite3.connect(db).execute("SELECT name FROM deferred_indexes")}
    assert deferred == (set(DEFERRABLE_INDEXES) if bulk else set())
    assert not deferred & index_names(db)
    result = hqd("ingest", str(tmp_path / "corpus"), "--db", str(db), "--quiet")
    assert result.returncode == 0, result.stderr
    assert committed(db) == len(files)
    assert_consistent(db)
    assert sqlite3.connect(db).execute("SELECT count(*) FROM deferred_indexes").fetchone()[0] == 0
    assert {"quantities_indicator", "quantities_unit_kind", "targets_deadline"} <= index_names(db)


def processes_using(marker: str) -> list[int]:
    """Live processes whose command line mentions ``marker`` (Linux /proc)."""
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/cmdline", "rb") as f:
                    cmdline = f.read()
                with open(f"/proc/{entry}/stat") as f:
                    state = f.read().rsplit(")", 1)[1].split()[0]
            except OSError:
                continue
            if marker.encode() in cmdline and state != "Z":
                pids.append(int(entry))
    return pids


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="reads /proc")
def test_sigkill_with_worker_processes_leaves_no_orphans(tmp_path, seed_texts):
    files = make_corpus(tmp_path / "corpus", seed_texts, 300)
    db = tmp_path / "orphans.db"
    kill_ingest_after_first_commits(tmp_path / "corpus", db, jobs=2)
    deadline = time.time() + 10
    while processes_using(str(db)) and time.time() < deadline:
        time.sleep(0.1)
    assert processes_using(str(db)) == [], "worker processes outlived their killed parent"
    assert_consistent(db)
    result = hqd("ingest", str(tmp_path / "corpus"), "--db", str(db), "--quiet")
    assert result.returncode == 0, result.stderr
    assert committed(db) == len(files)
    assert_consistent(db)


def test_two_ingests_at_once_both_finish(tmp_path, seed_texts):
    files = make_corpus(tmp_path / "corpus", seed_texts, 40)
    db = tmp_path / "two.db"
    procs = [subprocess.Popen([sys.executable, "-m", "hqd.cli", "ingest", str(tmp_path / "corpus"), "--db", str(db), "--jobs", "1", "--quiet"],
                              stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(p.wait(timeout=300), p.stderr.read()) for p in procs]
    assert all(code == 0 for code, _ in results), results
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == len(files)
    assert conn.execute("SELECT count(*) FROM sources").fetchone()[0] == len(files)
    assert_consistent(db)


def test_read_only_database_is_refused_clearly(tmp_path, seed_texts):
    db = tmp_path / "ro.db"
    assert hqd("ingest", str(seed_texts[0]), "--db", str(db), "--quiet").returncode == 0
    os.chmod(db, 0o444)
    try:
        result = hqd("ingest", str(seed_texts[1]), "--db", str(db))
        assert result.returncode == 1
        assert "read-only" in result.stderr and "Traceback" not in result.stderr
        listed = hqd("docs", "--db", str(db), "--format", "json")
        assert listed.returncode == 0 and '"district": "Jiading"' in listed.stdout
    finally:
        os.chmod(db, 0o644)
    assert committed(db) == 1


def test_locked_database_times_out_with_a_clear_error(tmp_path, seed_texts):
    db = tmp_path / "locked.db"
    assert hqd("ingest", str(seed_texts[0]), "--db", str(db), "--quiet").returncode == 0
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = hqd("ingest", str(seed_texts[1]), "--db", str(db), "--quiet", env={"HQD_BUSY_TIMEOUT": "0.5"}, timeout=60)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.returncode == 1
    assert "locked" in result.stderr and "Traceback" not in result.stderr
    assert committed(db) == 1


def test_corrupt_database_is_reported(tmp_path, seed_texts):
    db = tmp_path / "corrupt.db"
    db.write_bytes(os.urandom(8192))
    for args in (["ingest", str(seed_texts[0]), "--db", str(db)], ["docs", "--db", str(db)]):
        result = hqd(*args)
        assert result.returncode == 1
        assert "not a valid hqd database" in result.stderr and "Traceback" not in result.stderr


def test_newer_schema_is_refused(tmp_path, seed_texts):
    db = tmp_path / "new.db"
    assert hqd("ingest", str(seed_texts[0]), "--db", str(db), "--quiet").returncode == 0
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    for args in (["ingest", str(seed_texts[1]), "--db", str(db)], ["facts", "--db", str(db)]):
        result = hqd(*args)
        assert result.returncode == 1
        assert "newer than this hqd understands" in result.stderr and "Traceback" not in result.stderr
