"""``Store``: the one object the rest of hqd asks for documents and facts.

It wraps the connection (opening, migrations and transactions stay in ``database.py``)
and owns every SQL statement: the pipeline hands it rows to write (``write_batch``,
``replace_batch``), analysis, observations, names, the web and the CLI ask it
questions through its methods. No module outside ``hqd.store`` writes SQL or imports
``sqlite3``: a server database (PostgreSQL, see the README's "Store boundary") would be
a second implementation of this class.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from . import write as _write
from .database import DEFAULT_BUSY_TIMEOUT_S, StoreError, file_version, open_store, transaction, translate_error
from .rows import DocumentRows

DatabaseError = sqlite3.Error  # what a query raises when the database fails (the web answers it with 503)
DatabaseInterrupted = sqlite3.OperationalError  # what a statement stopped by Connection.interrupt raises ("interrupted")


# the sentence a target is stated in: the document's last sentence starting at or before it
_TARGET_SENTENCE = ("(SELECT s.text FROM sentences s WHERE s.document_id = t.document_id AND s.start <= t.start"
                    " ORDER BY s.start DESC LIMIT 1)")


class Store:
    """The store at one database, through one connection."""

    __slots__ = ("conn",)

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    @classmethod
    def open(cls, path: str | os.PathLike, write: bool = False, busy_timeout: float = DEFAULT_BUSY_TIMEOUT_S) -> "Store":
        return cls(open_store(path, write=write, busy_timeout=busy_timeout))

    @staticmethod
    def of(db: "Store | sqlite3.Connection") -> "Store":
        """``db`` as a Store: a Store as it is, a connection (from ``open_store``) wrapped."""
        return db if isinstance(db, Store) else Store(db)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def path(self) -> str:
        """The database file."""
        return self.conn.execute("PRAGMA database_list").fetchone()["file"]

    def version(self) -> tuple | None:
        """A value that changes whenever any connection commits to this database (``database.file_version``), or None
        where it cannot tell: an in-memory database, or this connection inside a transaction of its own (which sees
        changes no other connection does)."""
        if self.conn.in_transaction:
            return None
        path = self.conn.execute("PRAGMA database_list").fetchone()[2]  # (seq, name, file) of main: "" in memory
        return file_version(path) if path else None

    @contextmanager
    def errors(self, path: str | os.PathLike | None = None) -> Iterator[None]:
        """Database failures inside the block raised as StoreError naming the file (locked, read-only, corrupt...)."""
        try:
            yield
        except sqlite3.Error as exc:
            raise translate_error(Path(path if path is not None else self.path), exc) from None

    # --- writing: the pipeline hands rows over; the store neither extracts nor maps ---

    def write_batch(self, docs: list[DocumentRows]) -> list[str]:
        return _write.write_batch(self.conn, docs)

    def replace_batch(self, batch: list[tuple[int, DocumentRows]]) -> None:
        _write.replace_batch(self.conn, batch)

    def defer_indexes(self) -> list[str]:
        return _write.defer_indexes(self.conn)

    def restore_indexes(self) -> list[str]:
        return _write.restore_indexes(self.conn)

    def source_sha256(self, path: str) -> str | None:
        """The hash of the bytes last ingested from ``path``, or None when never ingested."""
        row = self.conn.execute("SELECT raw_sha256 FROM sources WHERE path = ?", (path,)).fetchone()
        return None if row is None else row["raw_sha256"]

    def document_count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM documents").fetchone()[0]

    def document_versions(self) -> list[tuple[int, str]]:
        """(id, extractor version) of every document, by id."""
        return [(r["id"], r["extractor_version"]) for r in self.conn.execute("SELECT id, extractor_version FROM documents ORDER BY id")]

    def stored_text(self, doc_id: int) -> tuple[str, bool, str, str | None] | None:
        """(sha256, is_html, text, first source path) of a stored document, None when it is gone."""
        row = self.conn.execute(
            "SELECT d.sha256, d.is_html, t.text, (SELECT path FROM sources WHERE document_id = d.id ORDER BY path LIMIT 1)"
            " FROM documents d JOIN document_texts t ON t.document_id = d.id WHERE d.id = ?", (doc_id,),
        ).fetchone()
        return None if row is None else tuple(row)

    def unmapped_quantities(self) -> list[sqlite3.Row]:
        """Quantities with no indicator mapping yet (stored before schema 2, or cleared by a migration), with their sentence."""
        return self.conn.execute(
            'SELECT q.id, q.metric, q.unit, q.kind, q.text, q.subject, q.start, q."end", q.district, s.text AS sentence,'
            " s.start AS s_start FROM quantities q LEFT JOIN sentences s ON s.id = q.sentence_id WHERE q.indicator_confidence IS NULL"
        ).fetchall()

    def set_mappings(self, mappings: list[tuple]) -> None:
        """(indicator, confidence, unmapped reason, share_of, quantity id) for each quantity, in one transaction."""
        with transaction(self.conn):
            for m in mappings:
                self.conn.execute("UPDATE quantities SET indicator = ?, indicator_confidence = ?, unmapped_reason = ?, share_of = ? WHERE id = ?", m)

    def crawled_page_kinds(self) -> dict[str, tuple[str, str]]:
        """url -> (kind, source) of every page a crawl recorded."""
        return {r["url"]: (r["kind"], r["source"]) for r in self.conn.execute("SELECT url, kind, source FROM crawl_pages")}


    # --- reading: every query analysis, observations, names, the web and the CLI ask ---

    def districts(self) -> list[str]:
        """Districts with briefings, by name."""
        return [r[0] for r in self.conn.execute("SELECT DISTINCT district FROM documents WHERE district IS NOT NULL ORDER BY district")]

    def document_total(self, district: str | None = None) -> int:
        """Documents stored (of one district)."""
        return self.conn.execute("SELECT count(*) FROM documents WHERE (? IS NULL OR district = ?)", (district, district)).fetchone()[0]

    def totals(self) -> dict[str, int]:
        """Documents, districts, quantities, targets and entities stored."""
        return {
            "documents": self.conn.execute("SELECT count(*) FROM documents").fetchone()[0],
            "districts": self.conn.execute("SELECT count(DISTINCT district) FROM documents WHERE district IS NOT NULL").fetchone()[0],
            "quantities": self.conn.execute("SELECT count(*) FROM quantities").fetchone()[0],
            "targets": self.conn.execute("SELECT count(*) FROM targets").fetchone()[0],
            "entities": self.conn.execute("SELECT count(*) FROM entities").fetchone()[0],
        }

    def latest_documents(self, limit: int = 10) -> list[dict]:
        """The latest briefings: id, date, district, session, title, n_quantities."""
        return [dict(r) for r in self.conn.execute(
            "SELECT id, date, district, session, title, n_quantities FROM documents ORDER BY date DESC, id DESC LIMIT ?", (limit,))]

    def district_documents(self, district: str) -> list[dict]:
        """A district's briefings (any letter case), oldest first: id, date, session, title, n_quantities."""
        return [dict(r) for r in self.conn.execute(
            "SELECT id, date, session, title, n_quantities FROM documents WHERE district = ? COLLATE NOCASE ORDER BY date", (district,))]

    def district_name(self, district: str) -> str | None:
        """The district's name as stored, matched in any letter case."""
        row = self.conn.execute("SELECT district FROM documents WHERE district = ? COLLATE NOCASE LIMIT 1", (district,)).fetchone()
        return None if row is None else row[0]

    def district_entities(self, district: str) -> list[dict]:
        """Entities named in a district's briefings (not people): type, text, mentions (n), commonest first."""
        return [dict(r) for r in self.conn.execute(
            "SELECT e.type, e.text, count(*) AS n FROM entities e JOIN documents d ON d.id = e.document_id"
            " WHERE d.district = ? AND e.type != 'person' GROUP BY e.type, e.text ORDER BY n DESC, e.text", (district,))]

    def indicator_counts(self) -> dict[str, int]:
        """indicator -> figures mapped to it."""
        return dict(self.conn.execute("SELECT indicator, count(*) FROM quantities WHERE indicator IS NOT NULL GROUP BY indicator").fetchall())

    def indicator_figures(self) -> tuple[dict[str, dict[str, int]], dict[str, tuple]]:
        """For each indicator with figures: figures per district, and the (first, last) years they speak of."""
        from .catalog import indicator_figures

        return indicator_figures(self.conn)

    def unmapped_metrics(self, limit: int | None = 50) -> list[dict]:
        """The commonest metric phrases mapped to no indicator: m (lower case), reason, n, example; commonest first."""
        return [dict(r) for r in self.conn.execute(
            "SELECT lower(metric) AS m, COALESCE(unmapped_reason, 'no_indicator') AS reason, count(*) AS n, min(text) AS example"
            " FROM quantities WHERE indicator IS NULL AND metric IS NOT NULL GROUP BY m, reason ORDER BY n DESC, m LIMIT ?",
            (-1 if limit is None else limit,),
        )]

    def rank_claims(self, district: str) -> list[dict]:
        """The district's rank claims, in briefing order: rank, scope, metric, text, document_id."""
        return [dict(r) for r in self.conn.execute(
            "SELECT r.value AS rank, r.scope, r.metric, r.text, r.document_id FROM ranks r JOIN documents d ON d.id = r.document_id"
            " WHERE d.district = ? COLLATE NOCASE AND (r.subject IS NULL OR r.subject = d.district) ORDER BY d.date, r.start", (district,))]

    def target_statements(self, sentences: bool = True, subjects: list[str] | None = None, district: str | None = None) -> list[dict]:
        """Every stated target with its briefing's district and date, its quantity's indicator and approx, and (unless not
        ``sentences``: ``target_sentences`` reads them for the few wanted) its sentence; in briefing order. Given
        ``subjects`` (or ``district``), only the targets about one of those subjects (or without a subject), or stated in
        ``district``'s briefings (any letter case)."""
        where, params = "", []
        if subjects is not None or district is not None:
            where = " WHERE t.subject IN (SELECT value FROM json_each(?)) OR t.subject IS NULL OR d.district = ? COLLATE NOCASE"
            params = [json.dumps(subjects or [], ensure_ascii=False), district]
        return [dict(r) for r in self.conn.execute(
            "SELECT t.id, t.document_id, t.start, t.text, t.metric, t.value, t.unit, t.deadline, t.subject, d.district, d.date,"
            " q.indicator, q.share_of, COALESCE(q.approx, '=') AS approx, "
            + (_TARGET_SENTENCE if sentences else "NULL") + " AS sentence"
            " FROM targets t JOIN documents d ON d.id = t.document_id LEFT JOIN quantities q ON q.id = t.quantity_id"
            + where + " ORDER BY d.date, t.document_id, t.idx", params)]

    def target_subjects(self) -> list[str]:
        """The subjects targets are stated for, each once."""
        return [r[0] for r in self.conn.execute("SELECT DISTINCT subject FROM targets WHERE subject IS NOT NULL")]

    def target_sentences(self, target_ids) -> dict[int, str | None]:
        """target id -> the sentence it is stated in."""
        return dict(self.conn.execute(f"SELECT t.id, {_TARGET_SENTENCE} FROM targets t WHERE t.id IN (SELECT value FROM json_each(?))",
                                      (json.dumps(sorted(set(target_ids))),)).fetchall())

    def mapped_quantities(self, indicator: str | None = None, district: str | None = None) -> list[dict]:
        """Quantities mapped to an indicator that are levels, changes or shares (what observations are built from), with their
        briefing's language and session and their sentence; of one ``indicator``, and/or those in ``district``'s briefings or
        about it (any letter case)."""
        sql, params = (
            "SELECT q.id, q.document_id, q.indicator, q.kind, q.basis, q.share_of, q.unit, q.period, q.value, q.approx, q.text, q.metric,"
            " q.subject, q.district, q.doc_date AS date, d.language, d.session, s.text AS sentence"
            " FROM quantities q JOIN documents d ON d.id = q.document_id LEFT JOIN sentences s ON s.id = q.sentence_id"
            " WHERE q.indicator IS NOT NULL AND q.kind IN ('level', 'change', 'share')"), []
        if indicator:
            sql += " AND q.indicator = ?"
            params.append(indicator)
        if district:
            sql += " AND (q.district = ? COLLATE NOCASE OR q.subject = ? COLLATE NOCASE)"  # its briefings, and others naming it
            params += [district, district]
        return [dict(r) for r in self.conn.execute(sql, params)]

    # --- stored observations (schema 13): kept and read here, built by hqd.observations ---

    def observations_fresh(self, version: str) -> bool:
        """Whether the stored observations were built by ``version`` and no document was written since."""
        from .observations import is_fresh

        return is_fresh(self.conn, version)

    def observations_state(self, version: str) -> str:
        """"fresh", "behind" (documents written since) or "absent" (never built, or by another version)."""
        from .observations import state

        return state(self.conn, version)

    def refresh_observations(self, version: str, resolve, summarise) -> int:
        """Refresh the stored observations of the documents written since (see store/observations.py)."""
        from .observations import refresh

        return refresh(self.conn, version, resolve, summarise)

    def observation_headers(self, indicator: str | None = None, subject: str | None = None, ids=None, sentences: bool = True) -> list[dict]:
        from .observations import headers

        return headers(self.conn, indicator, subject, ids, sentences)

    def observation_keys(self, indicator: str | None = None, subject: str | None = None, indicators=None) -> list[tuple]:
        from .observations import keys

        return keys(self.conn, indicator, subject, indicators)

    def observation_sources(self, observation_ids, sentences: bool = True) -> dict[int, list[dict]]:
        from .observations import sources

        return sources(self.conn, observation_ids, sentences)

    def observation_listings(self, observation_ids) -> dict[int, str]:
        from .observations import listings

        return listings(self.conn, observation_ids)

    def observation_sources_by_quantity(self, quantity_ids) -> dict[int, dict]:
        from .observations import sources_by_quantity

        return sources_by_quantity(self.conn, quantity_ids)

    def sentence_spans(self, document_id: int) -> list[tuple[int, int, int]]:
        """(idx, start, end) of a document's sentences, in order."""
        return [tuple(r) for r in self.conn.execute('SELECT idx, start, "end" FROM sentences WHERE document_id = ? ORDER BY idx', (document_id,))]


    # --- the store's listings, search and export (also callable as functions of a Store or its connection) ---

    def list_documents(self, district: str | None = None, limit: int | None = None):
        from .queries import list_documents

        return list_documents(self.conn, district=district, limit=limit)

    def list_facts(self, **filters):
        from .queries import list_facts

        return list_facts(self.conn, **filters)

    def count_facts(self, **filters) -> int:
        from .queries import count_facts

        return count_facts(self.conn, **filters)

    def search(self, query: str, limit: int | None = 20, district: str | None = None):
        from .queries import search

        return search(self.conn, query, limit=limit, district=district)

    def search_sentences(self, query: str, limit: int | None = 20, district: str | None = None):
        from .queries import search_sentences

        return search_sentences(self.conn, query, limit=limit, district=district)

    def get_document(self, ref: str) -> dict:
        from .queries import get_document

        return get_document(self.conn, ref)

    def document_page(self, filters: dict, limit: int = 50, offset: int = 0):
        from .catalog import document_page

        return document_page(self.conn, filters, limit=limit, offset=offset)

    def district_rows(self):
        from .catalog import district_rows

        return district_rows(self.conn)

    def indicators_with_figures(self) -> set[str]:
        from .catalog import indicators_with_figures

        return indicators_with_figures(self.conn)

    def export(self, out_dir, fmt: str):
        from .export import export_store

        return export_store(self.conn, out_dir, fmt)

    def crawl_state(self):
        """The crawl's memory (hqd.crawl.CrawlState) kept in this store."""
        from .crawl import StoreCrawlState

        return StoreCrawlState(self)

    def source_status(self, sources):
        from .crawl import source_status

        return source_status(self.conn, sources)


__all__ = ["DatabaseError", "DatabaseInterrupted", "Store", "StoreError"]
