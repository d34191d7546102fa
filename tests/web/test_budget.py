"""One request cannot stall the server, and none runs past its time budget (issue 14, against the real server)."""

from __future__ import annotations

import json
import sqlite3
import threading
import time

import pytest

from hqd.pipeline.ingest import ingest_paths
from hqd.store import open_store
from hqd.web.guard import DEADLINE, interruptible

from ..conftest import seeds_dir
from .live import SECURITY_HEADERS, live_server


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    db = tmp_path_factory.mktemp("budget") / "hqd.db"
    conn = open_store(db, write=True)
    assert ingest_paths(conn, str(db), [str(p) for p in sorted(seeds_dir().glob("*.txt"))], jobs=1, quiet=True).added == 5
    conn.close()
    return db


def upload_until_served(server, body: bytes):
    """Upload until the answer is no 503: a new extraction process imports the extractor first (seconds on a
    busy machine), and an upload that times out waiting for that leaves the process starting for the next."""
    deadline = time.monotonic() + 90
    while True:
        answer = server.request("POST", "/api/v1/documents", body, {"X-HQD-Token": "t"}, timeout=120)
        if answer[0] != 503 or time.monotonic() > deadline:
            assert answer[0] in (200, 201), answer[2][:200]
            return answer
        time.sleep(1)


def _documents(db) -> int:
    return sqlite3.connect(db).execute("SELECT count(*) FROM documents").fetchone()[0]


def slow_text(megabytes: float) -> bytes:
    """Briefings and figure-dense lines (runs of numbers, pathological for extraction) over megabytes: seconds
    of extraction at any speed this extractor has had (at best about 1 MB/s on briefings)."""
    seeds = "\n\n".join(p.read_text("utf-8") for p in sorted(seeds_dir().glob("*.txt")))
    block = seeds + "\n\n" + "12.5, " * 20 + "\n\n" + "up 5% " * 20 + "\n\n"
    return (block * int(megabytes * 1e6 / len(block.encode()) + 1)).encode()


def _upload(server, body: bytes, result: dict) -> None:
    started = time.monotonic()
    result["status"], result["headers"], result["body"] = server.request(
        "POST", "/api/v1/documents", body, {"X-HQD-Token": "t", "X-Filename": "slow.txt"}, timeout=600)
    result["seconds"] = time.monotonic() - started
    result["done"] = time.monotonic()


def test_a_get_answers_within_a_second_while_a_slow_upload_is_extracted(store):
    body = slow_text(4)
    # the budget only bounds the test's time: the upload ends in it either way (201, or 503 if extraction is slower)
    with live_server(store, "--allow-upload", "--upload-token", "t", "--max-upload-bytes", str(len(body) + 1),
                     "--upload-budget", "15") as server:
        result: dict = {}
        upload = threading.Thread(target=_upload, args=(server, body, result))
        upload.start()
        time.sleep(1.0)  # the body is sent (3 MB over loopback) and extraction under way
        latencies = []
        for n in range(3):
            started = time.monotonic()
            status, headers, _ = server.request("GET", f"/api/v1/facts?district=Jiading&limit={7 + n}", timeout=30)  # not cached
            latencies.append(time.monotonic() - started)
            assert status == 200
            got_at = time.monotonic()
        upload.join(600)
        assert result["status"] in (201, 503), result["body"][:300]
        assert result["done"] > got_at, "the upload ended before the GETs: make the slow text longer"
        assert max(latencies) < 1.0, latencies
        print(f"GET latencies during a {result['seconds']:.1f} s upload: {[round(x, 3) for x in latencies]}")


def test_an_upload_past_its_budget_is_stopped_with_503_and_the_server_goes_on(store, seed_texts):
    body = slow_text(8)  # 8 s or more of extraction at any speed this extractor has had
    before = _documents(store)
    with live_server(store, "--allow-upload", "--upload-token", "t", "--max-upload-bytes", str(len(body) + 1),
                     "--upload-budget", "4") as server:
        upload_until_served(server, seed_texts[0].read_bytes())  # a warm extraction process (its start is no work of an upload)
        result: dict = {}
        upload = threading.Thread(target=_upload, args=(server, body, result))
        upload.start()
        deadline = time.monotonic() + 30
        while not (extracting := server.extraction_processes()) and time.monotonic() < deadline:
            time.sleep(0.05)
        upload.join(120)
        assert result["status"] == 503 and 3.5 < result["seconds"] < 20, (result["status"], result["seconds"], result["body"][:200])
        assert "time budget" in json.loads(result["body"])["error"]["message"]
        assert all(h in result["headers"] for h in SECURITY_HEADERS)
        deadline = time.monotonic() + 10
        while set(extracting) & set(server.extraction_processes()) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert extracting and not set(extracting) & set(server.extraction_processes())  # killed, not left running
        assert server.request("GET", "/api/v1/documents")[0] == 200  # still serving
        small = upload_until_served(server, seed_texts[0].read_bytes())  # by the replacement, started at once
        assert _documents(store) == before  # nothing of the stopped upload written


def test_sqlite_work_stops_at_the_deadline(store):
    conn = interruptible(open_store(store))
    endless = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"
    token = DEADLINE.set(time.monotonic() + 0.3)
    try:
        started = time.monotonic()
        with pytest.raises(sqlite3.OperationalError, match="interrupted"):
            conn.execute(endless).fetchone()
        assert time.monotonic() - started < 5
    finally:
        DEADLINE.reset(token)
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == _documents(store)  # the connection serves the next request


def test_an_upload_waiting_for_the_write_lock_past_its_budget_stores_nothing(tmp_path, seed_texts):
    """Another writer holds the database: the upload waits for it only until its budget runs out, answers 503, and
    writes nothing later when the lock is released (a 503 that is then stored anyway would make a client retry into a
    duplicate, or believe it failed)."""
    db = tmp_path / "locked.db"
    conn = open_store(db, write=True)
    assert ingest_paths(conn, str(db), [str(seed_texts[1])], jobs=1, quiet=True).added == 1
    conn.close()
    with live_server(db, "--allow-upload", "--upload-token", "t", "--upload-budget", "4") as server:
        upload_until_served(server, seed_texts[2].read_bytes())  # a warm extraction process
        before = _documents(db)
        holder = sqlite3.connect(db, timeout=30, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")  # the write lock, held
        try:
            started = time.monotonic()
            status, headers, body = server.request("POST", "/api/v1/documents", seed_texts[0].read_bytes(), {"X-HQD-Token": "t"}, timeout=60)
            seconds = time.monotonic() - started
            assert status == 503 and seconds < 15, (status, seconds, body[:200])
            assert all(h in headers for h in SECURITY_HEADERS)
            time.sleep(1)
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        time.sleep(3)  # had the abandoned upload gone on waiting, it would write now
        assert _documents(db) == before
        assert server.request("GET", "/api/v1/documents")[0] == 200
