"""Writing documents: whole documents per transaction, sentence search kept in step.

Every function here expects the caller to hold the write lock (``BEGIN
IMMEDIATE``) except those that open their own transaction: ``write_batch``,
``replace_batch``, ``defer_indexes`` and ``restore_indexes``.
"""

from __future__ import annotations

import gc
import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone

from .database import transaction
from .rows import DocumentRows

# Secondary indexes that serve readers only: no write, cascade or lookup of the
# writer uses them, so a bulk load may drop them and build them once at the end.
DEFERRABLE_INDEXES = ("quantities_indicator", "quantities_unit_kind", "targets_deadline", "quantities_district_date")


def write_batch(conn: sqlite3.Connection, docs: list[DocumentRows]) -> list[str]:
    """Store documents in one transaction; for each, "added", "unchanged" or "replaced".

    One statement per table for the whole batch, not per document: the writer is
    the serial part of an ingest, and each statement costs a fixed few microseconds.
    """
    if not docs:
        return []
    with _gc_paused(), transaction(conn):
        indexed_up_to = _last_id(conn, "sentences")
        by_sha = _lookup(conn, "SELECT sha256, id FROM documents WHERE sha256 IN ({})", {d.sha256 for d in docs})
        by_path = _lookup(conn, "SELECT path, document_id FROM sources WHERE path IN ({})", {d.source for d in docs})
        next_id = _last_id(conn, "documents") + 1
        outcomes, new, sources, superseded = [], [], [], []
        for doc in docs:
            previous = by_path.get(doc.source)
            doc_id = by_sha.get(doc.sha256)
            if doc_id is not None:  # the text is stored already, perhaps under another name
                outcomes.append("replaced" if previous not in (None, doc_id) else "unchanged")
            else:
                doc_id, next_id = next_id, next_id + 1
                by_sha[doc.sha256] = doc_id  # the same text twice in one batch is stored once
                new.append((doc_id, doc))
                outcomes.append("replaced" if previous is not None else "added")
            by_path[doc.source] = doc_id
            sources.append((doc.source, doc_id, doc.sha256, len(doc.text.encode("utf-8"))))
            if previous is not None and previous != doc_id:
                superseded.append(previous)
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        conn.executemany(
            "INSERT INTO documents(id, sha256, title, date, published, district, session, series, theme, officials, language,"
            " is_html, extractor_version, n_quantities, n_targets, n_entities, ingested_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(doc_id, doc.sha256, *doc.document, now) for doc_id, doc in new],
        )
        conn.executemany("INSERT INTO document_texts(document_id, text) VALUES (?, ?)", [(doc_id, doc.text) for doc_id, doc in new])
        han = insert_facts(conn, new)
        conn.executemany(
            "INSERT INTO sources(path, document_id, raw_sha256, size) VALUES (?, ?, ?, ?) ON CONFLICT(path) DO UPDATE SET"
            " document_id = excluded.document_id, raw_sha256 = excluded.raw_sha256, size = excluded.size",
            sources,
        )
        for doc_id in superseded:
            _drop_if_orphan(conn, doc_id)
        index_sentences_after(conn, indexed_up_to, han)
    return outcomes


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Python's cycle collector off while a batch is written.

    A batch builds tens of thousands of row tuples at once, and each few hundred
    allocations set off a collection that walks them again: about 8% of the
    writer's CPU (median of 6 runs, 400 documents). The rows hold no cycles.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _lookup(conn: sqlite3.Connection, sql: str, keys: set[str]) -> dict[str, int]:
    """``{key: id}`` for those of ``keys`` found by ``sql``, whose ``{}`` becomes one placeholder per key."""
    keys = list(keys)
    return dict(conn.execute(sql.format(",".join("?" * len(keys))), keys).fetchall())


def replace_batch(conn: sqlite3.Connection, batch: list[tuple[int, DocumentRows]]) -> None:
    """Replace the metadata and facts of stored documents, keeping their ids, in one transaction."""
    if not batch:
        return
    with _gc_paused(), transaction(conn):
        for doc_id, _ in batch:
            for table in ("targets", "ranks", "quantities", "entities", "sentences"):
                conn.execute(f"DELETE FROM {table} WHERE document_id = ?", (doc_id,))  # table names are constants
        indexed_up_to = _last_id(conn, "sentences")
        conn.executemany(
            "UPDATE documents SET title=?, date=?, published=?, district=?, session=?, series=?, theme=?, officials=?,"
            " language=?, is_html=?, extractor_version=?, n_quantities=?, n_targets=?, n_entities=? WHERE id=?",
            [(*rows.document, doc_id) for doc_id, rows in batch],
        )
        han = insert_facts(conn, batch)
        index_sentences_after(conn, indexed_up_to, han)


def _drop_if_orphan(conn: sqlite3.Connection, doc_id: int) -> None:
    if conn.execute("SELECT 1 FROM sources WHERE document_id = ? LIMIT 1", (doc_id,)).fetchone() is None:
        conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))


def insert_facts(conn: sqlite3.Connection, docs: list[tuple[int, DocumentRows]]) -> list[int]:
    """Insert the sentences and facts of documents already stored with these ids, one statement per table.
    Returns the ids of the sentences holding Han characters (for sentences_cjk).

    Row ids are allocated from the current maxima: the caller holds the write
    lock, so no other writer can take them meanwhile.
    """
    sentence_id = _last_id(conn, "sentences") + 1
    quantity_id = _last_id(conn, "quantities") + 1
    sentences, quantities, ranks, targets, entities, han = [], [], [], [], [], []
    for doc_id, doc in docs:
        text = doc.text
        han.extend(sentence_id + idx for idx in doc.han)
        sentences.extend((sentence_id + idx, doc_id, idx, start, end, text[start:end]) for idx, (start, end) in enumerate(doc.sentences))
        quantities.extend((quantity_id + q[0], doc_id, q[0], None if q[1] is None else sentence_id + q[1], *q[2:]) for q in doc.quantities)
        targets.extend((doc_id, t[0], None if t[1] is None else quantity_id + t[1], *t[2:]) for t in doc.targets)
        ranks.extend((doc_id, *r) for r in doc.ranks)
        entities.extend((doc_id, *e) for e in doc.entities)
        sentence_id += len(doc.sentences)
        quantity_id += len(doc.quantities)
    conn.executemany('INSERT INTO sentences(id, document_id, idx, start, "end", text) VALUES (?,?,?,?,?,?)', sentences)
    conn.executemany(
        'INSERT INTO quantities(id, document_id, idx, sentence_id, start, "end", text, value, unit, kind, approx, metric, period,'
        " subject, indicator, indicator_confidence, district, doc_date, basis, unmapped_reason, share_of)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        quantities,
    )
    conn.executemany(
        'INSERT INTO ranks(document_id, start, "end", text, value, metric, indicator, scope, subject) VALUES (?,?,?,?,?,?,?,?,?)', ranks
    )
    conn.executemany(
        'INSERT INTO targets(document_id, idx, quantity_id, start, "end", text, metric, value, unit, deadline, subject)'
        " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        targets,
    )
    conn.executemany('INSERT INTO entities(document_id, start, "end", text, type) VALUES (?,?,?,?,?)', entities)
    return han


def _last_id(conn: sqlite3.Connection, table: str) -> int:
    return conn.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}").fetchone()[0]  # table names are constants


def index_sentences_after(conn: sqlite3.Connection, sentence_id: int, han: list[int] = ()) -> None:
    """Add every sentence with a larger id to the full-text index, in one statement, and the ``han`` ones
    (holding Han characters) to the trigram index, in another.

    Called once per transaction: FTS5 writes a new index segment at the end of
    each statement, so one INSERT per document cost twice as much as one per batch.
    Sentence ids only grow within a transaction, and the caller holds the write lock.
    """
    conn.execute("INSERT INTO sentences_fts(rowid, text) SELECT id, text FROM sentences WHERE id > ?", (sentence_id,))
    if han:
        conn.execute("INSERT INTO sentences_cjk(rowid, text) SELECT id, text FROM sentences_cjk_text WHERE id IN (SELECT value FROM json_each(?))",
                     (json.dumps(han),))


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
