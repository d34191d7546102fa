"""Read queries over the store, returning typed rows. All SQL is parameterised."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field

from .database import StoreError


class QueryError(StoreError):
    """A query's arguments are not valid (bad FTS syntax, unknown document)."""


@dataclass(slots=True)
class DocumentRow:
    id: int
    date: str | None
    district: str | None
    session: int | None
    title: str | None
    quantities: int
    targets: int
    entities: int
    sources: list[str]


@dataclass(slots=True)
class FactRow:
    id: int
    document_id: int
    date: str | None
    district: str | None
    text: str
    value: float
    unit: str
    kind: str
    approx: str
    metric: str | None
    period: str | None
    subject: str | None
    sentence: str | None


@dataclass(slots=True)
class SearchHit:
    sentence_id: int
    document_id: int
    date: str | None
    district: str | None
    title: str | None
    text: str
    rank: float
    figures: list[dict] = field(default_factory=list)  # {start, end, text, value, unit} relative to the sentence


def list_documents(conn: sqlite3.Connection, district: str | None = None, limit: int | None = None) -> list[DocumentRow]:
    sql = ("SELECT d.id, d.date, d.district, d.session, d.title, d.n_quantities, d.n_targets, d.n_entities,"
           " (SELECT json_group_array(path) FROM sources s WHERE s.document_id = d.id) AS paths"
           " FROM documents d WHERE (:district IS NULL OR d.district = :district)"
           " ORDER BY d.date, d.id LIMIT :limit")
    rows = conn.execute(sql, {"district": district, "limit": -1 if limit is None else limit}).fetchall()
    return [DocumentRow(r["id"], r["date"], r["district"], r["session"], r["title"], r["n_quantities"], r["n_targets"],
                        r["n_entities"], json.loads(r["paths"])) for r in rows]


def list_facts(
    conn: sqlite3.Connection, district: str | None = None, metric: str | None = None, unit: str | None = None,
    kind: str | None = None, period: str | None = None, doc: int | None = None, since: str | None = None,
    until: str | None = None, limit: int | None = None, offset: int = 0,
) -> list[FactRow]:
    """Quantities matching every given filter; ``metric`` words must all appear in the metric phrase."""
    # (clause, its parameters) for each filter given; clauses are constants, values are always bound
    filters = [
        ("d.district = ? COLLATE NOCASE", [district]) if district else None,
        *(("q.metric LIKE ? ESCAPE '\\'", ["%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"])
          for word in (metric or "").split()),
        ("q.unit = ?", [unit]) if unit else None,
        ("q.kind = ?", [kind]) if kind else None,
        ("(q.period = ? OR q.period LIKE ? || '-%' OR q.period LIKE ? || '/%')", [period] * 3) if period else None,
        ("q.document_id = ?", [doc]) if doc is not None else None,
        ("d.date >= ?", [since]) if since else None,
        ("d.date <= ?", [until]) if until else None,
    ]
    clauses = ["1 = 1"] + [clause for clause, _ in filter(None, filters)]
    params = [value for _, values in filter(None, filters) for value in values]
    sql = ("SELECT q.id, q.document_id, d.date, d.district, q.text, q.value, q.unit, q.kind, q.approx, q.metric, q.period,"
           " q.subject, s.text AS sentence FROM quantities q JOIN documents d ON d.id = q.document_id"
           " LEFT JOIN sentences s ON s.id = q.sentence_id WHERE " + " AND ".join(clauses) +
           " ORDER BY d.date, q.document_id, q.idx LIMIT ? OFFSET ?")
    params.extend([-1 if limit is None else limit, offset])
    return [FactRow(*tuple(r)) for r in conn.execute(sql, params).fetchall()]


def search(conn: sqlite3.Connection, query: str, limit: int | None = 20, district: str | None = None) -> list[SearchHit]:
    """Sentences matching an FTS5 query, best first (bm25), with the figures inside each."""
    sql = ("SELECT s.id, s.document_id, d.date, d.district, d.title, s.text, s.start, bm25(sentences_fts) AS rank"
           " FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid JOIN documents d ON d.id = s.document_id"
           " WHERE sentences_fts MATCH ? AND (? IS NULL OR d.district = ?) ORDER BY rank LIMIT ?")
    try:
        rows = conn.execute(sql, (query, district, district, -1 if limit is None else limit)).fetchall()
    except sqlite3.OperationalError as exc:
        raise QueryError(f"search query {query!r} is not valid FTS5 syntax ({exc}); quote phrases, e.g. '\"air quality\"'") from None
    hits = [SearchHit(r["id"], r["document_id"], r["date"], r["district"], r["title"], r["text"], r["rank"]) for r in rows]
    if hits:
        by_id = {h.sentence_id: h for h in hits}
        starts = {r["id"]: r["start"] for r in rows}
        marks = ",".join("?" * len(by_id))
        for q in conn.execute(f'SELECT sentence_id, start, "end", text, value, unit FROM quantities WHERE sentence_id IN ({marks}) ORDER BY start', list(by_id)):
            offset = starts[q["sentence_id"]]
            by_id[q["sentence_id"]].figures.append(
                {"start": q["start"] - offset, "end": q["end"] - offset, "text": q["text"], "value": q["value"], "unit": q["unit"]}
            )
    return hits


def get_document(conn: sqlite3.Connection, ref: str) -> dict:
    """One document by id, sha256 prefix or source path, with its facts."""
    row = None
    if ref.isdigit():
        row = conn.execute("SELECT * FROM documents WHERE id = ?", (int(ref),)).fetchone()
    if row is None and len(ref) >= 6:
        row = conn.execute("SELECT * FROM documents WHERE sha256 LIKE ? || '%' ", (ref.lower(),)).fetchone()
    if row is None:
        row = conn.execute("SELECT d.* FROM documents d JOIN sources s ON s.document_id = d.id WHERE s.path = ?", (ref,)).fetchone()
    if row is None:
        raise QueryError(f"no document {ref!r}: give an id, a sha256 prefix or a source path (see `hqd docs`)")
    doc = dict(row)
    doc["officials"] = json.loads(doc["officials"])
    doc_id = doc["id"]
    doc["text"] = conn.execute("SELECT text FROM document_texts WHERE document_id = ?", (doc_id,)).fetchone()[0]
    doc["sources"] = [r["path"] for r in conn.execute("SELECT path FROM sources WHERE document_id = ? ORDER BY path", (doc_id,))]
    origin = conn.execute("SELECT url, fetched_at, warc_file, warc_offset, warc_record FROM crawl_pages WHERE document_sha256 = ?"
                          " ORDER BY fetched_at DESC LIMIT 1", (doc["sha256"],)).fetchone()
    doc["origin"] = dict(origin) if origin is not None else None  # where a crawled document was fetched, and its snapshot
    doc["quantities"] = [dict(r) for r in conn.execute(
        'SELECT id, start, "end", text, value, unit, kind, approx, metric, period, subject FROM quantities WHERE document_id = ? ORDER BY idx', (doc_id,))]
    doc["targets"] = [dict(r) for r in conn.execute(
        'SELECT id, start, "end", text, metric, value, unit, deadline, subject, quantity_id FROM targets WHERE document_id = ? ORDER BY idx', (doc_id,))]
    doc["entities"] = [dict(r) for r in conn.execute(
        'SELECT id, start, "end", text, type FROM entities WHERE document_id = ? ORDER BY start', (doc_id,))]
    return doc
