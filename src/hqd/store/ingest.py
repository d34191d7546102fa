"""Ingest: files in, one transaction per document out. Re-ingest is idempotent by content hash."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from bisect import bisect_right
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator

from tqdm import tqdm

from ..errors import SourceError
from ..extraction import EXTRACTOR_VERSION, extract_source
from ..facts.indicators import map_metric
from ..model import Document
from ..sources import DEFAULT_MAX_BYTES, SourceText, read_source
from .database import StoreError, translate_error

SUFFIXES = (".txt", ".html", ".htm")


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


@dataclass(slots=True)
class Prepared:
    """A document with its facts mapped to indicators: built in a worker process, written by the main one."""

    doc: Document
    quantity_indicators: list[tuple[str | None, float]]
    rank_indicators: list[str | None]


def prepare(doc: Document) -> Prepared:
    sentences = doc.sentences
    starts = [s for s, _ in sentences]
    mapped = []
    for q in doc.quantities:
        i = bisect_right(starts, q.start) - 1
        sentence = doc.text[sentences[i][0]:sentences[i][1]] if 0 <= i < len(sentences) else None
        m = map_metric(q.metric, q.unit, q.kind, sentence)
        mapped.append((m.code, m.confidence))
    return Prepared(doc, mapped, [map_metric(r.metric).code for r in doc.ranks])


def _extract_job(job: tuple[str, int]) -> Prepared | str:
    path, max_bytes = job
    try:
        return prepare(extract_source(read_source(path, max_bytes)))
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
    for path in expand_paths(paths):
        row = conn.execute("SELECT raw_sha256 FROM sources WHERE path = ?", (path,)).fetchone()
        if row is not None and row["raw_sha256"] == _file_sha256(path, max_bytes):
            summary.unchanged += 1
            continue
        pending.append((path, max_bytes))
    jobs = max(1, jobs or os.cpu_count() or 1)
    bar = tqdm(total=len(pending), unit="doc", disable=quiet or len(pending) < 20, desc="ingest")
    batch: list[Prepared] = []
    batch_started = 0.0
    try:
        for result in _extract_all(pending, jobs):
            bar.update(1)
            if isinstance(result, str):
                summary.failed += 1
                summary.failures.append(result)
                continue
            if not batch:
                batch_started = time.monotonic()
            batch.append(result)
            if len(batch) >= BATCH_DOCUMENTS or time.monotonic() - batch_started > BATCH_SECONDS:
                _write_batch(conn, batch, summary)
                batch = []
        _write_batch(conn, batch, summary)
    except sqlite3.Error as exc:
        raise translate_error(Path(db_path), exc) from None
    finally:
        bar.close()
    return summary


# Group commit: whole documents, several to a transaction. A kill loses at most the open
# batch (never part of a document), and FTS5 flushes its index once per batch, not per document.
BATCH_DOCUMENTS = 50
BATCH_SECONDS = 0.25


def _write_batch(conn: sqlite3.Connection, docs: list[Prepared], summary: IngestSummary) -> None:
    if not docs:
        return
    outcomes = []
    conn.execute("BEGIN IMMEDIATE")
    try:
        for doc in docs:
            outcomes.append(_write(conn, doc))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    for outcome in outcomes:
        setattr(summary, outcome, getattr(summary, outcome) + 1)


def _file_sha256(path: str, max_bytes: int) -> str | None:
    """Hash of the file's bytes, or None when it cannot be read (extraction then reports why)."""
    try:
        if os.stat(path).st_size > max_bytes:
            return None
        with open(path, "rb") as f:
            return hashlib.sha256(f.read()).hexdigest()
    except OSError:
        return None


def _extract_all(sources: list[tuple[str, int]], jobs: int) -> Iterator[Prepared | str]:
    if jobs == 1 or len(sources) < 4:
        for src in sources:
            yield _extract_job(src)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(_extract_job, sources, chunksize=8)


def write_document(conn: sqlite3.Connection, doc: Document | Prepared) -> str:
    """Store one document and all its facts in one transaction. Returns added, unchanged or replaced."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        outcome = _write(conn, doc if isinstance(doc, Prepared) else prepare(doc))
        conn.execute("COMMIT")
        return outcome
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _write(conn: sqlite3.Connection, prepared: Prepared) -> str:
    """Write one document inside the caller's transaction."""
    doc = prepared.doc
    existing = conn.execute("SELECT id FROM documents WHERE sha256 = ?", (doc.sha256,)).fetchone()
    previous = conn.execute("SELECT document_id FROM sources WHERE path = ?", (doc.source,)).fetchone()
    if existing is not None:
        doc_id = existing["id"]
        outcome = "unchanged"
    else:
        doc_id = insert_document(conn, prepared)
        outcome = "replaced" if previous is not None else "added"
    conn.execute(
        "INSERT INTO sources(path, document_id, raw_sha256, size) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(path) DO UPDATE SET document_id = excluded.document_id, raw_sha256 = excluded.raw_sha256, size = excluded.size",
        (doc.source, doc_id, doc.sha256, len(doc.text.encode("utf-8"))),
    )
    if previous is not None and previous["document_id"] != doc_id:
        _drop_if_orphan(conn, previous["document_id"])
    return outcome


def _drop_if_orphan(conn: sqlite3.Connection, doc_id: int) -> None:
    if conn.execute("SELECT 1 FROM sources WHERE document_id = ? LIMIT 1", (doc_id,)).fetchone() is None:
        conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))


def insert_document(conn: sqlite3.Connection, prepared: Prepared) -> int:
    doc = prepared.doc
    m = doc.meta
    cur = conn.execute(
        "INSERT INTO documents(sha256, title, date, published, district, session, series, theme, officials, language,"
        " is_html, extractor_version, n_quantities, n_targets, n_entities, ingested_at)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (doc.sha256, m.title, m.date, m.published, m.district, m.session, m.series, m.theme,
         json.dumps([{"name": o.name, "title": o.title} for o in m.officials], ensure_ascii=False), doc.language,
         int(doc.is_html), EXTRACTOR_VERSION, len(doc.quantities), len(doc.targets), len(doc.entities),
         datetime.now(timezone.utc).isoformat(timespec="seconds")),
    )
    doc_id = cur.lastrowid
    conn.execute("INSERT INTO document_texts(document_id, text) VALUES (?, ?)", (doc_id, doc.text))
    insert_facts(conn, doc_id, prepared)
    return doc_id


def insert_facts(conn: sqlite3.Connection, doc_id: int, prepared: Prepared) -> None:
    """Insert a document's sentences and facts with executemany.

    Row ids are allocated from the current maxima: the caller holds the write
    lock (BEGIN IMMEDIATE), so no other writer can take them meanwhile.
    """
    doc = prepared.doc
    text = doc.text
    sentence_base = conn.execute("SELECT COALESCE(MAX(id), 0) FROM sentences").fetchone()[0] + 1
    quantity_base = conn.execute("SELECT COALESCE(MAX(id), 0) FROM quantities").fetchone()[0] + 1
    conn.executemany(
        'INSERT INTO sentences(id, document_id, idx, start, "end", text) VALUES (?,?,?,?,?,?)',
        [(sentence_base + idx, doc_id, idx, start, end, text[start:end]) for idx, (start, end) in enumerate(doc.sentences)],
    )
    conn.execute("INSERT INTO sentences_fts(rowid, text) SELECT id, text FROM sentences WHERE document_id = ?", (doc_id,))
    starts = [s for s, _ in doc.sentences]
    rows = []
    for idx, q in enumerate(doc.quantities):
        s_index = bisect_right(starts, q.start) - 1
        sentence_id = sentence_base + s_index if 0 <= s_index < len(starts) else None
        code, confidence = prepared.quantity_indicators[idx]
        rows.append((quantity_base + idx, doc_id, idx, sentence_id, q.start, q.end, q.text, q.value, q.unit, q.kind,
                     q.approx, q.metric, q.period, q.subject, code, confidence, doc.meta.district, doc.meta.date))
    conn.executemany(
        'INSERT INTO quantities(id, document_id, idx, sentence_id, start, "end", text, value, unit, kind, approx, metric, period,'
        " subject, indicator, indicator_confidence, district, doc_date) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        rows,
    )
    conn.executemany(
        'INSERT INTO ranks(document_id, start, "end", text, value, metric, indicator, scope, subject) VALUES (?,?,?,?,?,?,?,?,?)',
        [(doc_id, r.start, r.end, r.text, r.value, r.metric, code, r.scope, r.subject)
         for r, code in zip(doc.ranks, prepared.rank_indicators)],
    )
    conn.executemany(
        'INSERT INTO targets(document_id, idx, quantity_id, start, "end", text, metric, value, unit, deadline, subject)'
        " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        [(doc_id, idx, quantity_base + t.quantity_ref if t.quantity_ref is not None else None, t.start, t.end, t.text,
          t.metric, t.value, t.unit, t.deadline, t.subject) for idx, t in enumerate(doc.targets)],
    )
    conn.executemany(
        'INSERT INTO entities(document_id, start, "end", text, type) VALUES (?,?,?,?,?)',
        [(doc_id, e.start, e.end, e.text, e.type) for e in doc.entities],
    )


def map_unmapped(conn: sqlite3.Connection) -> int:
    """Give an indicator mapping to quantities that never had one (rows stored before schema version 2)."""
    rows = conn.execute(
        "SELECT q.id, q.metric, q.unit, q.kind, s.text AS sentence FROM quantities q LEFT JOIN sentences s ON s.id = q.sentence_id"
        " WHERE q.indicator_confidence IS NULL"
    ).fetchall()
    if not rows:
        return 0
    conn.execute("BEGIN IMMEDIATE")
    try:
        for r in rows:
            m = map_metric(r["metric"], r["unit"], r["kind"], r["sentence"])
            conn.execute("UPDATE quantities SET indicator = ?, indicator_confidence = ? WHERE id = ?", (m.code, m.confidence, r["id"]))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return len(rows)


def reindex(conn: sqlite3.Connection, everything: bool = False, quiet: bool = False) -> tuple[int, int]:
    """Re-extract stored documents from their stored text. Returns (reindexed, total)."""
    rows = conn.execute(
        "SELECT d.id, d.sha256, t.text, d.is_html, d.extractor_version FROM documents d JOIN document_texts t ON t.document_id = d.id ORDER BY d.id"
    ).fetchall()
    todo = [r for r in rows if everything or r["extractor_version"] != EXTRACTOR_VERSION]
    for row in tqdm(todo, unit="doc", disable=quiet or len(todo) < 20, desc="reindex"):
        source = conn.execute("SELECT path FROM sources WHERE document_id = ? ORDER BY path LIMIT 1", (row["id"],)).fetchone()
        doc = extract_source(SourceText(source["path"] if source else f"doc:{row['id']}", row["text"], row["sha256"], bool(row["is_html"])))
        conn.execute("BEGIN IMMEDIATE")
        try:
            for table in ("targets", "ranks", "quantities", "entities", "sentences"):
                conn.execute(f"DELETE FROM {table} WHERE document_id = ?", (row["id"],))  # table names are constants
            m = doc.meta
            conn.execute(
                "UPDATE documents SET title=?, date=?, published=?, district=?, session=?, series=?, theme=?, officials=?,"
                " extractor_version=?, n_quantities=?, n_targets=?, n_entities=? WHERE id=?",
                (m.title, m.date, m.published, m.district, m.session, m.series, m.theme,
                 json.dumps([{"name": o.name, "title": o.title} for o in m.officials], ensure_ascii=False),
                 EXTRACTOR_VERSION, len(doc.quantities), len(doc.targets), len(doc.entities), row["id"]),
            )
            insert_facts(conn, row["id"], prepare(doc))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return len(todo), len(rows)



__all__ = ["IngestSummary", "StoreError", "expand_paths", "ingest_paths", "reindex", "write_document"]
