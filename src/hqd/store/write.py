"""Writing documents: whole documents per transaction, sentence search kept in step.

Every function here expects the caller to hold the write lock (``BEGIN
IMMEDIATE``) except those that open their own transaction: ``write_batch``,
``replace_batch``, ``defer_indexes`` and ``restore_indexes``.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime, timezone

from .database import transaction
from .rows import DocumentRows

# Secondary indexes that serve readers only: no write, cascade or lookup of the
# writer uses them, so a bulk load may drop them and build them once at the end.
DEFERRABLE_INDEXES = ("quantities_indicator", "quantities_unit_kind", "targets_deadline")


def write_batch(conn: sqlite3.Connection, docs: list[DocumentRows]) -> list[str]:
    """Store documents in one transaction; for each, "added", "unchanged" or "replaced"."""
    if not docs:
        return []
    with transaction(conn):
        indexed_up_to = _last_id(conn, "sentences")
        outcomes = [_write(conn, doc) for doc in docs]
        index_sentences_after(conn, indexed_up_to)
    return outcomes


def replace_batch(conn: sqlite3.Connection, batch: list[tuple[int, DocumentRows]]) -> None:
    """Replace the metadata and facts of stored documents, keeping their ids, in one transaction."""
    if not batch:
        return
    with transaction(conn):
        for doc_id, _ in batch:
            for table in ("targets", "ranks", "quantities", "entities", "sentences"):
                conn.execute(f"DELETE FROM {table} WHERE document_id = ?", (doc_id,))  # table names are constants
        indexed_up_to = _last_id(conn, "sentences")
        for doc_id, rows in batch:
            conn.execute(
                "UPDATE documents SET title=?, date=?, published=?, district=?, session=?, series=?, theme=?, officials=?,"
                " language=?, is_html=?, extractor_version=?, n_quantities=?, n_targets=?, n_entities=? WHERE id=?",
                (*rows.document, doc_id),
            )
            insert_facts(conn, doc_id, rows)
        index_sentences_after(conn, indexed_up_to)


def _write(conn: sqlite3.Connection, doc: DocumentRows) -> str:
    existing = conn.execute("SELECT id FROM documents WHERE sha256 = ?", (doc.sha256,)).fetchone()
    previous = conn.execute("SELECT document_id FROM sources WHERE path = ?", (doc.source,)).fetchone()
    if existing is not None:
        doc_id = existing[0]
        outcome = "unchanged"
    else:
        doc_id = insert_document(conn, doc)
        outcome = "replaced" if previous is not None else "added"
    conn.execute(
        "INSERT INTO sources(path, document_id, raw_sha256, size) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(path) DO UPDATE SET document_id = excluded.document_id, raw_sha256 = excluded.raw_sha256, size = excluded.size",
        (doc.source, doc_id, doc.sha256, len(doc.text.encode("utf-8"))),
    )
    if previous is not None and previous[0] != doc_id:
        _drop_if_orphan(conn, previous[0])
    return outcome


def _drop_if_orphan(conn: sqlite3.Connection, doc_id: int) -> None:
    if conn.execute("SELECT 1 FROM sources WHERE document_id = ? LIMIT 1", (doc_id,)).fetchone() is None:
        conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))


def insert_document(conn: sqlite3.Connection, doc: DocumentRows) -> int:
    cur = conn.execute(
        "INSERT INTO documents(sha256, title, date, published, district, session, series, theme, officials, language,"
        " is_html, extractor_version, n_quantities, n_targets, n_entities, ingested_at)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (doc.sha256, *doc.document, datetime.now(timezone.utc).isoformat(timespec="seconds")),
    )
    doc_id = cur.lastrowid
    conn.execute("INSERT INTO document_texts(document_id, text) VALUES (?, ?)", (doc_id, doc.text))
    insert_facts(conn, doc_id, doc)
    return doc_id


def insert_facts(conn: sqlite3.Connection, doc_id: int, doc: DocumentRows) -> None:
    """Insert a document's sentences and facts.

    Row ids are allocated from the current maxima: the caller holds the write
    lock, so no other writer can take them meanwhile.
    """
    text = doc.text
    sentence_base = _last_id(conn, "sentences") + 1
    quantity_base = _last_id(conn, "quantities") + 1
    conn.executemany(
        'INSERT INTO sentences(id, document_id, idx, start, "end", text) VALUES (?,?,?,?,?,?)',
        [(sentence_base + idx, doc_id, idx, start, end, text[start:end]) for idx, (start, end) in enumerate(doc.sentences)],
    )
    conn.executemany(
        'INSERT INTO quantities(id, document_id, idx, sentence_id, start, "end", text, value, unit, kind, approx, metric, period,'
        " subject, indicator, indicator_confidence, district, doc_date) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [(quantity_base + q[0], doc_id, q[0], None if q[1] is None else sentence_base + q[1], *q[2:]) for q in doc.quantities],
    )
    conn.executemany(
        'INSERT INTO ranks(document_id, start, "end", text, value, metric, indicator, scope, subject) VALUES (?,?,?,?,?,?,?,?,?)',
        [(doc_id, *r) for r in doc.ranks],
    )
    conn.executemany(
        'INSERT INTO targets(document_id, idx, quantity_id, start, "end", text, metric, value, unit, deadline, subject)'
        " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        [(doc_id, t[0], None if t[1] is None else quantity_base + t[1], *t[2:]) for t in doc.targets],
    )
    conn.executemany('INSERT INTO entities(document_id, start, "end", text, type) VALUES (?,?,?,?,?)', [(doc_id, *e) for e in doc.entities])


def _last_id(conn: sqlite3.Connection, table: str) -> int:
    return conn.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}").fetchone()[0]  # table names are constants


def index_sentences_after(conn: sqlite3.Connection, sentence_id: int) -> None:
    """Add every sentence with a larger id to the full-text index, in one statement.

    Called once per transaction: FTS5 writes a new index segment at the end of
    each statement, so one INSERT per document cost twice as much as one per batch.
    Sentence ids only grow within a transaction, and the caller holds the write lock.
    """
    conn.execute("INSERT INTO sentences_fts(rowid, text) SELECT id, text FROM sentences WHERE id > ?", (sentence_id,))


def defer_indexes(conn: sqlite3.Connection) -> list[str]:
    """Drop the reader-only indexes for a bulk load, remembering them in ``deferred_indexes``.

    Queries stay correct meanwhile, only slower. ``restore_indexes`` builds them
    again (one sort each, instead of a random B-tree insert per row); a writer
    that opens the store after a killed load restores them too.
    """
    with transaction(conn):
        placeholders = ",".join("?" * len(DEFERRABLE_INDEXES))
        present = conn.execute(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name IN ({placeholders})", DEFERRABLE_INDEXES
        ).fetchall()
        for name, sql in present:
            conn.execute("INSERT OR REPLACE INTO deferred_indexes(name, sql) VALUES (?, ?)", (name, sql))
            conn.execute(f'DROP INDEX "{name}"')  # names from DEFERRABLE_INDEXES, constants
    return [name for name, _ in present]


def restore_indexes(conn: sqlite3.Connection) -> list[str]:
    """Build every index that a bulk load deferred. Returns their names (none when nothing was deferred)."""
    if conn.execute("SELECT 1 FROM deferred_indexes LIMIT 1").fetchone() is None:
        return []
    conn.execute(f"PRAGMA threads = {min(4, os.cpu_count() or 1)}")  # CREATE INDEX sorts on helper threads
    with transaction(conn):
        deferred = conn.execute("SELECT name, sql FROM deferred_indexes ORDER BY name").fetchall()
        for name, sql in deferred:
            if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?", (name,)).fetchone() is None:
                conn.execute(sql)  # the statement SQLite itself stored for this index in sqlite_master
        conn.execute("DELETE FROM deferred_indexes")
    return [name for name, _ in deferred]
