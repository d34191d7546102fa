"""Read queries over the store, returning typed rows. All SQL is parameterised."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field

from ..model import Approx, Basis, Kind, Rate, Unit
from . import fts
from .database import StoreError, connection
from .memo import per_version


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
    unit: Unit | Rate
    kind: Kind
    basis: Basis | None
    approx: Approx
    metric: str | None
    period: str | None  # as stored: the contract's string (model.Period.stored reads it)
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
    idx: int = 0  # the sentence's position in its document: the page's anchor is #s-<idx>
    start: int = 0  # the sentence's span in the document text
    end: int = 0
    language: str = "en"
    url: str = ""  # the document page, scrolled to this sentence
    matches: list[list[int]] = field(default_factory=list)  # [start, end] of each matched word, relative to the sentence
    figures: list[dict] = field(default_factory=list)  # {start, end, text, value, unit} relative to the sentence


@dataclass(slots=True)
class SearchResult:
    hits: list[SearchHit]
    understood: str  # the query as it was read, e.g. '"high-tech" AND ("tax" OR "fee")'
    index: str  # "words" (sentences_fts) or "chinese" (sentences_cjk, substrings)
    notes: list[str] = field(default_factory=list)  # what was dropped or narrowed, in words


def list_documents(conn: sqlite3.Connection, district: str | None = None, limit: int | None = None) -> list[DocumentRow]:
    conn = connection(conn)  # a Store or its connection
    # a news story has no briefing date: the day it was published stands for it
    sql = ("SELECT d.id, COALESCE(d.date, d.published) AS date, d.district, d.session, d.title, d.n_quantities, d.n_targets, d.n_entities,"
           " (SELECT json_group_array(path) FROM sources s WHERE s.document_id = d.id) AS paths"
           " FROM documents d WHERE (:district IS NULL OR d.district = :district)"
           " ORDER BY COALESCE(d.date, d.published), d.id LIMIT :limit")
    rows = conn.execute(sql, {"district": district, "limit": -1 if limit is None else limit}).fetchall()
    return [DocumentRow(r["id"], r["date"], r["district"], r["session"], r["title"], r["n_quantities"], r["n_targets"],
                        r["n_entities"], json.loads(r["paths"])) for r in rows]


def _fact_filters(district=None, metric=None, unit=None, kind=None, period=None, doc=None, since=None, until=None,
                  indicator=None) -> tuple[str, list]:
    """The WHERE clause and its parameters for the facts filters (clauses are constants, values are always bound)."""
    filters = [
        ("d.district = ? COLLATE NOCASE", [district]) if district else None,
        *(("q.metric LIKE ? ESCAPE '\\'", ["%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"])
          for word in (metric or "").split()),
        ("q.unit = ?", [unit]) if unit else None,
        ("q.kind = ?", [kind]) if kind else None,
        ("q.indicator = ?", [indicator]) if indicator else None,
        ("(q.period = ? OR q.period LIKE ? || '-%' OR q.period LIKE ? || '/%')", [period] * 3) if period else None,
        ("q.document_id = ?", [doc]) if doc is not None else None,
        ("d.date >= ?", [since]) if since else None,
        ("d.date <= ?", [until]) if until else None,
    ]
    clauses = ["1 = 1"] + [clause for clause, _ in filter(None, filters)]
    params = [value for _, values in filter(None, filters) for value in values]
    return " AND ".join(clauses), params


def list_facts(
    conn: sqlite3.Connection, district: str | None = None, metric: str | None = None, unit: str | None = None,
    kind: str | None = None, period: str | None = None, doc: int | None = None, since: str | None = None,
    until: str | None = None, limit: int | None = None, offset: int = 0, indicator: str | None = None,
) -> list[FactRow]:
    """Quantities matching every given filter; ``metric`` words must all appear in the metric phrase."""
    conn = connection(conn)  # a Store or its connection
    where, params = _fact_filters(district, metric, unit, kind, period, doc, since, until, indicator)
    params.extend([-1 if limit is None else limit, offset])
    columns = ("SELECT q.id, q.document_id, d.date, d.district, q.text, q.value, q.unit, q.kind, q.basis, q.approx, q.metric, q.period,"
               " q.subject, s.text AS sentence")
    if district:
        # The page's ids first, from the quantity's own copies of its briefing's district and date: the index
        # quantities_district_date lists them in this order, so the scan stops at the page's end; then each row's columns.
        where = where.replace("d.district", "q.district").replace("d.date", "q.doc_date")
        sql = (columns + " FROM (SELECT q.id FROM quantities q WHERE " + where + " ORDER BY q.doc_date, q.document_id, q.idx LIMIT ? OFFSET ?)"
               " AS page JOIN quantities q ON q.id = page.id JOIN documents d ON d.id = q.document_id"
               " LEFT JOIN sentences s ON s.id = q.sentence_id ORDER BY q.doc_date, q.document_id, q.idx")
    else:
        sql = (columns + " FROM quantities q JOIN documents d ON d.id = q.document_id LEFT JOIN sentences s ON s.id = q.sentence_id"
               " WHERE " + where + " ORDER BY d.date, q.document_id, q.idx LIMIT ? OFFSET ?")
    return [FactRow(*tuple(r)) for r in conn.execute(sql, params).fetchall()]


def count_facts(conn: sqlite3.Connection, **filters) -> int:
    """How many quantities ``list_facts`` with these filters returns without a limit."""
    conn = connection(conn)  # a Store or its connection
    where, params = _fact_filters(**filters)
    # the quantity's own copies of its briefing's district and date: no join, and the district filter reads the
    # quantities_district_date index (district, date and metric) alone
    where = where.replace("d.district", "q.district").replace("d.date", "q.doc_date")
    return conn.execute("SELECT count(*) FROM quantities q WHERE " + where, params).fetchone()[0]


def search(conn: sqlite3.Connection, query: str, limit: int | None = 20, district: str | None = None) -> list[SearchHit]:
    """Sentences matching what a person typed, best first, with matched words and figures marked.

    The syntax is in ``hqd.store.fts``; nothing typed is an error except a query with
    nothing searchable in it (``fts.EmptyQueryError``).
    """
    conn = connection(conn)  # a Store or its connection
    return search_sentences(conn, query, limit=limit, district=district).hits


def search_sentences(conn: sqlite3.Connection, query: str, limit: int | None = 20, district: str | None = None) -> SearchResult:
    """As ``search``, with the query as understood and notes on what was narrowed."""
    conn = connection(conn)  # a Store or its connection
    parsed = fts.parse(query)
    limit = -1 if limit is None else limit
    terms = parsed.terms
    if parsed.han:
        index = "chinese"
        forms = fts.with_script_forms(parsed)  # simplified and traditional spellings
        terms = forms.terms
        ranked = _search_chinese(conn, forms, limit, district)
    else:
        index = "words"
        expression = fts.compile_words(conn, parsed)
        try:
            ranked = _rank_words(conn, expression, limit, district, parsed.notes)
        except sqlite3.OperationalError as exc:  # not expected: every term is a quoted string
            raise QueryError(f"search query {query!r} could not be run ({exc}); searched for {parsed.describe()}") from None
    hits = _hits(conn, ranked)
    if index == "words":
        marked = fts.highlight_words(conn, expression, [(h.sentence_id, h.text) for h in hits])
    for hit in hits:
        spans = fts.marked_spans(hit.text, marked.get(hit.sentence_id)) if index == "words" else fts.find_terms(hit.text, terms)
        hit.matches = [[a, b] for a, b in spans]
    return SearchResult(hits, parsed.describe(), index, parsed.notes)


RANKED_MATCHES = 5000  # bm25 is computed for every match: a query matching more lists the latest sentences instead


def _rank_words(conn: sqlite3.Connection, expression: str, limit: int, district: str | None, notes: list[str]) -> list[tuple[int, float]]:
    return _ranked(conn, "sentences_fts", expression, "1", {"district": district, "limit": limit}, _joins(district), notes)


def _ranked(conn: sqlite3.Connection, table: str, expression: str, where: str, named: dict, joins: str,
            notes: list[str]) -> list[tuple[int, float]]:
    """(sentence id, bm25 rank) best first from full-text ``table`` (a constant); for a query matching more than
    RANKED_MATCHES sentences (one common word), the most recently stored sentences, unranked, with a note:
    ranking them all costs time in proportion to the matches."""
    def count() -> bool:
        return conn.execute(f"SELECT count(*) FROM (SELECT rowid FROM {table} WHERE {table} MATCH ? LIMIT ?)",
                            (expression, RANKED_MATCHES + 1)).fetchone()[0] > RANKED_MATCHES

    # counted once per database version: reading a common word's 5,001 matches cost more than the rest of the search
    broad = per_version(conn, ("search-broad", table, expression, RANKED_MATCHES), count, pool="queries")
    # bm25() sorted by SQLite, not FTS5's own "ORDER BY rank" (6x slower here when a join filters the matches)
    order = "f.rowid DESC" if broad else "score"
    sql = (f"SELECT f.rowid AS id, {'0.0' if broad else f'bm25({table})'} AS score FROM {table} f" + joins +
           f" WHERE {table} MATCH :q AND {where} ORDER BY {order} LIMIT :limit")
    ranked = [(r["id"], r["score"]) for r in conn.execute(sql, {"q": expression, **named})]
    if broad:
        notes.append(f"more than {RANKED_MATCHES:,} sentences match, so the most recently stored are shown, unranked;"
                     " add words to rank them by relevance")
    return ranked


def _joins(district: str | None, text: bool = False) -> str:
    """Joins from a full-text table ``f`` to the sentence (for its text) and its document (for a district,
    whose letter case does not matter); left out when not needed, as each costs a lookup per match."""
    if district is not None:
        return (" JOIN sentences s ON s.id = f.rowid JOIN documents d ON d.id = s.document_id"
                " AND d.district = :district COLLATE NOCASE")
    return " JOIN sentences s ON s.id = f.rowid" if text else ""


def _search_chinese(conn: sqlite3.Connection, parsed: fts.ParsedQuery, limit: int, district: str | None) -> list[tuple[int, float]]:
    """(sentence id, rank) best first: trigram MATCH (fts.split_for_trigrams), instr for what it leaves."""
    expression, short = fts.split_for_trigrams(conn, parsed)
    where, params = fts.instr_filter(short, "s.text")
    named = {"district": district, "limit": limit, **params}
    if expression is not None:
        return _ranked(conn, "sentences_cjk", expression, where, named, _joins(district, text=bool(short)), parsed.notes)
    # Only single common characters: look through the sentences of Chinese documents, at most SCAN_CAP matches.
    sql = ("SELECT s.id, s.text FROM documents d JOIN sentences s ON s.document_id = d.id"
           " WHERE d.language = 'zh' AND (:district IS NULL OR d.district = :district COLLATE NOCASE)"
           f" AND {where} LIMIT {fts.SCAN_CAP}")
    found = []
    terms = [t.text.lower() for t in parsed.terms]
    for r in conn.execute(sql, named):
        text = r["text"].lower()
        found.append((r["id"], -float(sum(text.count(t) for t in terms)), len(text)))
    found.sort(key=lambda f: (f[1], f[2]))  # most occurrences first, then the shorter sentence
    return [(i, rank) for i, rank, _ in (found if limit < 0 else found[:limit])]


def _hits(conn: sqlite3.Connection, ranked: list[tuple[int, float]]) -> list[SearchHit]:
    """SearchHits for (sentence id, rank) pairs, in that order, with the figures inside each sentence."""
    if not ranked:
        return []
    ids = [i for i, _ in ranked]
    marks = ",".join("?" * len(ids))
    rows = {r["id"]: r for r in conn.execute(
        'SELECT s.id, s.document_id, s.idx, s.start, s."end", s.text, d.date, d.district, d.title, d.language'
        f" FROM sentences s JOIN documents d ON d.id = s.document_id WHERE s.id IN ({marks})", ids)}
    hits = []
    for sentence_id, rank in ranked:
        r = rows.get(sentence_id)
        if r is None:
            continue
        hits.append(SearchHit(r["id"], r["document_id"], r["date"], r["district"], r["title"], r["text"], rank,
                              r["idx"], r["start"], r["end"], r["language"], f"/documents/{r['document_id']}#s-{r['idx']}"))
    by_id = {h.sentence_id: h for h in hits}
    for q in conn.execute(f'SELECT sentence_id, start, "end", text, value, unit FROM quantities WHERE sentence_id IN ({marks}) ORDER BY start', ids):
        hit = by_id.get(q["sentence_id"])
        if hit is not None:
            hit.figures.append({"start": q["start"] - hit.start, "end": q["end"] - hit.start, "text": q["text"],
                                "value": q["value"], "unit": q["unit"]})
    return hits


def get_document(conn: sqlite3.Connection, ref: str) -> dict:
    """One document by id, sha256 prefix or source path, with its facts."""
    conn = connection(conn)  # a Store or its connection
    row = None
    if ref.isascii() and ref.isdigit() and int(ref) < 2**63:  # '²' is a digit to str.isdigit but no number to int()
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
        'SELECT id, start, "end", text, value, unit, kind, basis, approx, metric, period, subject, indicator, unmapped_reason'
        " FROM quantities WHERE document_id = ? ORDER BY idx", (doc_id,))]
    doc["targets"] = [dict(r) for r in conn.execute(
        'SELECT id, start, "end", text, metric, value, unit, deadline, subject, quantity_id FROM targets WHERE document_id = ? ORDER BY idx', (doc_id,))]
    doc["entities"] = [dict(r) for r in conn.execute(
        'SELECT id, start, "end", text, type FROM entities WHERE document_id = ? ORDER BY start', (doc_id,))]
    return doc
