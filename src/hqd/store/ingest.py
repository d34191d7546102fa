"""Ingest: files in, one transaction per document out. Re-ingest is idempotent by content hash."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, TypeVar

from tqdm import tqdm

from .. import settings
from ..errors import SourceError
from ..extraction import EXTRACTOR_VERSION, extract_source
from ..facts.indicators import map_metric
from ..model import Document
from ..sources import DEFAULT_MAX_BYTES, SourceText, read_source
from .database import DEFAULT_BUSY_TIMEOUT_S, StoreError, translate_error
from .rows import DocumentRows, document_rows
from .write import defer_indexes, replace_batch, restore_indexes, transaction, write_batch

SUFFIXES = (".txt", ".html", ".htm")
T = TypeVar("T")
R = TypeVar("R")


@dataclass
class IngestSummary:
    added: int = 0
    unchanged: int = 0
    replaced: int = 0
    failed: int = 0
    failures: list[str] = field(default_factory=list)

    def line(self) -> str:
        return f"{self.added} added, {self.unchanged} unchanged, {self.replaced} replaced, {self.failed} failed"


def expand_paths(paths: Iterable[str]) -> list[str]:
    """Absolute paths: files as given; folders walked recursively for .txt, .html and .htm, sorted.

    Absolute, so that the same file ingested from another working folder is recognised.
    """
    out: list[str] = []
    for path in paths:
        p = Path(path)
        if p.is_dir():
            out.extend(os.path.abspath(f) for f in sorted(p.rglob("*")) if f.is_file() and f.suffix.lower() in SUFFIXES)
        else:
            out.append(os.path.abspath(path))
    return out


def _extract_job(job: tuple[str, int]) -> DocumentRows | str:
    path, max_bytes = job
    try:
        return document_rows(extract_source(read_source(path, max_bytes)))
    except SourceError as exc:
        return str(exc)
    except Exception as exc:  # an extractor bug must not stop the other files
        return f"{path}: extraction failed: {type(exc).__name__}: {exc}"


def ingest_paths(
    conn: sqlite3.Connection, db_path: str, paths: Iterable[str], jobs: int | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES, quiet: bool = False,
) -> IngestSummary:
    summary = IngestSummary()
    pending: list[tuple[str, int]] = []
    try:
        restore_indexes(conn)  # left deferred by a load that was killed
        for path in expand_paths(paths):
            row = conn.execute("SELECT raw_sha256 FROM sources WHERE path = ?", (path,)).fetchone()
            if row is not None and row["raw_sha256"] == _file_sha256(path, max_bytes):
                summary.unchanged += 1
                continue
            pending.append((path, max_bytes))
        if _is_bulk_load(conn, len(pending)):
            defer_indexes(conn)
        jobs = max(1, jobs or os.cpu_count() or 1)
        with tqdm(total=len(pending), unit="doc", disable=quiet or len(pending) < 20, desc="ingest") as bar:
            for batch in _batches(_map(_extract_job, pending, jobs if len(pending) >= 4 else 1), bar, summary.failures):
                for outcome in write_batch(conn, batch):
                    setattr(summary, outcome, getattr(summary, outcome) + 1)
        restore_indexes(conn)
    except sqlite3.Error as exc:
        raise translate_error(Path(db_path), exc) from None
    summary.failed = len(summary.failures)
    return summary


# Group commit: whole documents, several to a transaction. A kill loses at most the open
# batch (never part of a document); fewer, larger transactions cost the writer less
# (FTS5 segments, WAL frames), and readers see new documents within a second.
BATCH_DOCUMENTS = 200
BATCH_SECONDS = 1.0

def _is_bulk_load(conn: sqlite3.Connection, documents: int) -> bool:
    """Large enough that building the reader-only indexes once beats maintaining them row by row.

    Rebuilding sorts the whole table, so the load must also be a fair share of what is stored.
    """
    stored = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    return documents >= int(settings.BULK_DOCUMENTS.value()) and 4 * documents >= stored


def _batches(results: Iterable[T | str], bar: tqdm, failures: list[str]) -> Iterator[list[T]]:
    """Group successful results into write batches (by size or age); error strings go to ``failures``."""
    batch: list[T] = []
    started = 0.0
    for result in results:
        bar.update(1)
        if isinstance(result, str):
            failures.append(result)
            continue
        if result is None:
            continue
        if not batch:
            started = time.monotonic()
        batch.append(result)
        if len(batch) >= BATCH_DOCUMENTS or time.monotonic() - started > BATCH_SECONDS:
            yield batch
            batch = []
    if batch:
        yield batch


def _file_sha256(path: str, max_bytes: int) -> str | None:
    """Hash of the file's bytes, or None when it cannot be read (extraction then reports why)."""
    try:
        if os.stat(path).st_size > max_bytes:
            return None
        with open(path, "rb") as f:
            return hashlib.sha256(f.read()).hexdigest()
    except OSError:
        return None


def _map(function: Callable[[T], R], items: Iterable[T], jobs: int) -> Iterator[R]:
    """``function`` over ``items`` in order, on ``jobs`` worker processes (in this one when jobs is 1)."""
    if jobs == 1:
        yield from map(function, items)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(function, items, chunksize=8)


def write_document(conn: sqlite3.Connection, doc: Document) -> str:
    """Store one document and all its facts in one transaction. Returns added, unchanged or replaced."""
    return write_batch(conn, [document_rows(doc)])[0]


def map_unmapped(conn: sqlite3.Connection) -> int:
    """Give an indicator mapping to quantities that never had one (rows stored before schema version 2)."""
    rows = conn.execute(
        "SELECT q.id, q.metric, q.unit, q.kind, s.text AS sentence FROM quantities q LEFT JOIN sentences s ON s.id = q.sentence_id"
        " WHERE q.indicator_confidence IS NULL"
    ).fetchall()
    if not rows:
        return 0
    with transaction(conn):
        for r in rows:
            m = map_metric(r["metric"], r["unit"], r["kind"], r["sentence"])
            conn.execute("UPDATE quantities SET indicator = ?, indicator_confidence = ? WHERE id = ?", (m.code, m.confidence, r["id"]))
    return len(rows)


def reindex(conn: sqlite3.Connection, everything: bool = False, quiet: bool = False, jobs: int | None = None) -> tuple[int, int]:
    """Re-extract stored documents from their stored text, on ``jobs`` processes. Returns (reindexed, total).

    A document whose extraction fails keeps its old facts; the others are reindexed,
    then a StoreError names the failures.
    """
    db_path = conn.execute("PRAGMA database_list").fetchone()["file"]
    failures: list[str] = []
    try:
        restore_indexes(conn)
        rows = conn.execute("SELECT id, extractor_version FROM documents ORDER BY id").fetchall()
        todo = [r["id"] for r in rows if everything or r["extractor_version"] != EXTRACTOR_VERSION]
        if _is_bulk_load(conn, len(todo)):
            defer_indexes(conn)
        jobs = max(1, jobs or os.cpu_count() or 1)
        with tqdm(total=len(todo), unit="doc", disable=quiet or len(todo) < 20, desc="reindex") as bar:
            results = _map(_reindex_job, [(db_path, i) for i in todo], jobs if len(todo) >= 4 else 1)
            for batch in _batches(results, bar, failures):
                replace_batch(conn, batch)
        restore_indexes(conn)
    except sqlite3.Error as exc:
        raise translate_error(Path(db_path), exc) from None
    if failures:
        raise StoreError(f"{db_path}: {len(failures)} of {len(todo)} documents kept their old facts:\n" + "\n".join(failures))
    return len(todo), len(rows)


_reader: tuple[str, sqlite3.Connection] | None = None


def _reindex_job(job: tuple[str, int]) -> tuple[int, DocumentRows] | str | None:
    """Read one stored document (each worker keeps one read-only connection) and extract it again."""
    global _reader
    db_path, doc_id = job
    if _reader is None or _reader[0] != db_path:
        if _reader is not None:
            _reader[1].close()
        _reader = (db_path, sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=DEFAULT_BUSY_TIMEOUT_S))
    rows = _reader[1].execute(
        "SELECT d.sha256, d.is_html, t.text, (SELECT path FROM sources WHERE document_id = d.id ORDER BY path LIMIT 1)"
        " FROM documents d JOIN document_texts t ON t.document_id = d.id WHERE d.id = ?", (doc_id,),
    ).fetchall()  # fetchall ends the read transaction at once, so checkpoints are not held back
    if not rows:
        return None  # deleted meanwhile: nothing to reindex
    sha256, is_html, text, path = rows[0]
    name = path or f"doc:{doc_id}"
    try:
        return doc_id, document_rows(extract_source(SourceText(name, text, sha256, bool(is_html))))
    except Exception as exc:  # an extractor bug must not stop the other documents
        return f"{name}: extraction failed: {type(exc).__name__}: {exc}"


__all__ = ["IngestSummary", "StoreError", "expand_paths", "ingest_paths", "reindex", "write_document"]
