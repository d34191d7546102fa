"""The crawl's memory in the store: runs, their frontier, each page's latest fetch and snapshot.

Fetched articles are extracted and handed to the store by the pipeline (``hqd.pipeline.crawl``).

Every method commits on its own, so a crawl killed between two calls leaves a state the next call resumes from.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Iterable

from ..crawl import CrawlSummary, Source
from ..crawl.crawler import QueueItem
from ..crawl.warc import SnapshotRef
from .database import transaction, connection


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class StoreCrawlState:
    """hqd.crawl.CrawlState kept in the store's crawl_runs, crawl_queue and crawl_pages tables."""

    def __init__(self, db) -> None:
        from .store import Store

        self.conn = Store.of(db).conn

    def begin(self, source: Source, snapshot_file: str) -> int:
        with transaction(self.conn):
            row = self.conn.execute("SELECT id, files FROM crawl_runs WHERE source = ? AND finished_at IS NULL ORDER BY id DESC LIMIT 1",
                                    (source.name,)).fetchone()
            if row is not None:
                files = json.loads(row["files"]) + [snapshot_file]
                self.conn.execute("UPDATE crawl_runs SET files = ? WHERE id = ?", (json.dumps(files), row["id"]))
                return row["id"]
            run_id = self.conn.execute("INSERT INTO crawl_runs(source, started_at, files) VALUES (?, ?, ?)",
                                       (source.name, _now(), json.dumps([snapshot_file]))).lastrowid
            self._enqueue(run_id, [QueueItem(url, "list") for url in source.start_urls])
            return run_id

    def run_files(self, run_id: int) -> list[str]:
        return json.loads(self.conn.execute("SELECT files FROM crawl_runs WHERE id = ?", (run_id,)).fetchone()["files"])

    def next_item(self, run_id: int) -> QueueItem | None:
        row = self.conn.execute("SELECT url, kind, listed FROM crawl_queue WHERE run_id = ? AND state = 'queued' ORDER BY position LIMIT 1",
                                (run_id,)).fetchone()
        return QueueItem(row["url"], row["kind"], row["listed"]) if row else None

    def queued_item(self, run_id: int, url: str) -> QueueItem | None:
        row = self.conn.execute("SELECT url, kind, listed FROM crawl_queue WHERE run_id = ? AND url = ? AND state = 'queued'",
                                (run_id, url)).fetchone()
        return QueueItem(row["url"], row["kind"], row["listed"]) if row else None

    def queued_count(self, run_id: int) -> int:
        return self.conn.execute("SELECT count(*) FROM crawl_queue WHERE run_id = ? AND state = 'queued'", (run_id,)).fetchone()[0]

    def enqueue(self, run_id: int, items: Iterable[QueueItem]) -> None:
        with transaction(self.conn):
            self._enqueue(run_id, items)

    def _enqueue(self, run_id: int, items: Iterable[QueueItem]) -> None:
        self.conn.executemany("INSERT OR IGNORE INTO crawl_queue(run_id, url, kind, listed) VALUES (?, ?, ?, ?)",
                              [(run_id, i.url, i.kind, i.listed) for i in items])

    def validators(self, url: str) -> tuple[str | None, str | None, str | None]:
        row = self.conn.execute("SELECT etag, last_modified, sha256 FROM crawl_pages WHERE url = ?", (url,)).fetchone()
        return (row["etag"], row["last_modified"], row["sha256"]) if row else (None, None, None)

    def fetched(self, run_id: int, item: QueueItem, status: int, sha256: str | None, etag: str | None, last_modified: str | None,
                ref: SnapshotRef | None, outcome: str) -> None:
        now = _now()
        handed = "fetched" if item.kind == "article" and outcome in ("new", "changed") else "done"
        with transaction(self.conn):
            self.conn.execute(
                "UPDATE crawl_queue SET state = ?, http_status = ?, outcome = ?, warc_file = ?, warc_offset = ?, warc_record = ?,"
                " fetched_at = ? WHERE run_id = ? AND url = ?",
                (handed, status, outcome, ref.file if ref else None, ref.offset if ref else None, ref.record_id if ref else None,
                 now, run_id, item.url))
            source = self.conn.execute("SELECT source FROM crawl_runs WHERE id = ?", (run_id,)).fetchone()["source"]
            failed = outcome == "failed"
            self.conn.execute(
                "INSERT INTO crawl_pages(url, source, kind, first_seen, fetched_at, http_status, sha256, etag, last_modified,"
                " warc_file, warc_offset, warc_record, failures, last_error) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
                " ON CONFLICT(url) DO UPDATE SET fetched_at = excluded.fetched_at, http_status = excluded.http_status,"
                " sha256 = coalesce(excluded.sha256, crawl_pages.sha256), etag = coalesce(excluded.etag, crawl_pages.etag),"
                " last_modified = coalesce(excluded.last_modified, crawl_pages.last_modified),"
                " warc_file = CASE WHEN excluded.http_status = 200 THEN excluded.warc_file ELSE crawl_pages.warc_file END,"
                " warc_offset = CASE WHEN excluded.http_status = 200 THEN excluded.warc_offset ELSE crawl_pages.warc_offset END,"
                " warc_record = CASE WHEN excluded.http_status = 200 THEN excluded.warc_record ELSE crawl_pages.warc_record END,"
                " failures = crawl_pages.failures + excluded.failures, last_error = excluded.last_error",
                (item.url, source, item.kind, now, now, status, None if failed else sha256, None if failed else etag,
                 None if failed else last_modified, ref.file if ref else None, ref.offset if ref else None,
                 ref.record_id if ref else None, int(failed), f"HTTP {status}" if failed else None))

    def failed(self, run_id: int, item: QueueItem, reason: str) -> None:
        now = _now()
        with transaction(self.conn):
            self.conn.execute("UPDATE crawl_queue SET state = 'failed', reason = ?, fetched_at = ? WHERE run_id = ? AND url = ?",
                              (reason, now, run_id, item.url))
            source = self.conn.execute("SELECT source FROM crawl_runs WHERE id = ?", (run_id,)).fetchone()["source"]
            self.conn.execute(
                "INSERT INTO crawl_pages(url, source, kind, first_seen, fetched_at, failures, last_error) VALUES (?,?,?,?,?,1,?)"
                " ON CONFLICT(url) DO UPDATE SET failures = crawl_pages.failures + 1, last_error = excluded.last_error",
                (item.url, source, item.kind, now, now, reason))

    def pending_handoff(self, run_id: int) -> list[tuple[QueueItem, SnapshotRef]]:
        rows = self.conn.execute("SELECT url, kind, listed, warc_file, warc_offset, warc_record FROM crawl_queue"
                                 " WHERE run_id = ? AND state = 'fetched' ORDER BY position", (run_id,)).fetchall()
        return [(QueueItem(r["url"], r["kind"], r["listed"]), SnapshotRef(r["warc_file"], r["warc_offset"], r["warc_record"])) for r in rows]

    def handed_off(self, run_id: int, url: str, document: str | None) -> None:
        with transaction(self.conn):
            self.conn.execute("UPDATE crawl_queue SET state = 'done' WHERE run_id = ? AND url = ?", (run_id, url))
            if document is not None:
                self.conn.execute("UPDATE crawl_pages SET document_sha256 = ? WHERE url = ?", (document, url))

    def finish(self, run_id: int, summary: CrawlSummary) -> None:
        counts = {k: getattr(summary, k) for k in ("new", "changed", "unchanged", "failed", "skipped", "lists")}
        with transaction(self.conn):
            self.conn.execute("UPDATE crawl_runs SET finished_at = ?, summary = ? WHERE id = ?", (_now(), json.dumps(counts), run_id))


@dataclass(slots=True)
class SourceStatus:
    name: str
    last_started: str | None
    last_finished: str | None
    last_summary: dict | None
    pages: int
    documents: int
    failures: int
    next_page: str | None  # the next page an open run would fetch; else the first list page


def source_status(conn: sqlite3.Connection, sources: list[Source]) -> list[SourceStatus]:
    conn = connection(conn)  # a Store or its connection
    out = []
    for source in sources:
        run = conn.execute("SELECT id, started_at, finished_at, summary FROM crawl_runs WHERE source = ? ORDER BY id DESC LIMIT 1",
                           (source.name,)).fetchone()
        counts = conn.execute("SELECT count(*) AS pages, count(DISTINCT document_sha256) AS documents,"
                              " coalesce(sum(failures > 0), 0) AS failing FROM crawl_pages WHERE source = ?", (source.name,)).fetchone()
        next_page = None
        if run is not None and run["finished_at"] is None:
            row = conn.execute("SELECT url FROM crawl_queue WHERE run_id = ? AND state = 'queued' ORDER BY position LIMIT 1",
                               (run["id"],)).fetchone()
            next_page = row["url"] if row else None
        out.append(SourceStatus(
            name=source.name, last_started=run["started_at"] if run else None, last_finished=run["finished_at"] if run else None,
            last_summary=json.loads(run["summary"]) if run and run["summary"] else None, pages=counts["pages"],
            documents=counts["documents"], failures=counts["failing"], next_page=next_page or source.start_urls[0]))
    return out
