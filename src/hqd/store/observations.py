"""Stored observations (schema 13): the SQL that keeps them and reads them.

What an observation *is* (subjects, parallel releases, agreement, the primary source)
is decided by hqd.observations, above the store; the store only keeps what it is
handed. ``refresh`` takes two functions from that stage: ``resolve`` turns quantity
rows into (key, source) pairs, ``summarise`` turns one key's sources into the
observation's row. Both run inside the refresh's write transaction, so no document
written meanwhile is missed: a writer waits for the lock, and its triggers mark it
for the next refresh.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable

from .database import transaction

# Refreshing this share of the documents or more rebuilds everything instead (one pass, no per-observation queries).
FULL_REBUILD_SHARE = 0.25

Key = tuple  # (subject, indicator, measure, basis, unit, period)
Resolve = Callable[[list[dict]], list[tuple[Key, dict]]]
Summarise = Callable[[Key, list[dict]], dict]

_SOURCE_COLUMNS = ("quantity_id", "observation_id", "document_id", "date", "language", "value", "approx", "period", "basis", "text",
                   "metric", "sentence_id")
_HEADER_COLUMNS = ("value", "approx", "conflict", "values", "date", "granularity", "period_end", "period_start", "primary_quantity",
                   "n_sources", "n_documents", "shown", "listed")
# the order of hqd.observations.build: by period (end, start), latest briefing, subject, indicator, measure, then the rest of the key
ORDER = ("o.period_end, o.period_start, COALESCE(o.date, ''), o.subject, o.indicator, o.measure, COALESCE(o.basis, ''), o.unit,"
         " COALESCE(o.period, '')")
_MAPPED = ("SELECT q.id, q.document_id, q.indicator, q.kind, q.basis, q.share_of, q.unit, q.period, q.value, q.approx, q.text, q.metric,"
           " q.subject, q.district, q.doc_date AS date, d.language, d.session, q.sentence_id"
           " FROM quantities q JOIN documents d ON d.id = q.document_id"
           " WHERE q.indicator IS NOT NULL AND q.kind IN ('level', 'change', 'share')")


def is_fresh(conn: sqlite3.Connection, version: str) -> bool:
    """Whether the stored observations were built by ``version`` and no document changed since."""
    row = conn.execute("SELECT (SELECT version FROM observation_state WHERE id = 1) = ?"
                       " AND NOT EXISTS (SELECT 1 FROM observation_dirty)", (version,)).fetchone()
    return bool(row[0])


def state(conn: sqlite3.Connection, version: str) -> str:
    """"fresh"; "behind" (built by ``version``, documents written since); or "absent" (never built, or by another version)."""
    row = conn.execute("SELECT (SELECT version FROM observation_state WHERE id = 1) = ?, EXISTS (SELECT 1 FROM observation_dirty)",
                       (version,)).fetchone()
    return "absent" if not row[0] else ("behind" if row[1] else "fresh")


def refresh(conn: sqlite3.Connection, version: str, resolve: Resolve, summarise: Summarise) -> int:
    """Bring the stored observations up to date, in one write transaction. Returns the documents whose quantities were
    read again (every document when the version differs or most of them changed); 0 when nothing was to do."""
    with transaction(conn):
        state = conn.execute("SELECT version FROM observation_state WHERE id = 1").fetchone()
        full = state is None or state[0] != version
        documents: set[int] = set()
        if not full:
            dirty = conn.execute("SELECT document_id, district, date, session FROM observation_dirty").fetchall()
            if not dirty:
                return 0
            documents = _briefing_closure(conn, dirty)
            total = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
            full = len(documents) >= max(50, FULL_REBUILD_SHARE * total)
        if full:
            done = _rebuild(conn, resolve, summarise)
        else:
            done = _refresh_documents(conn, documents, resolve, summarise)
        conn.execute("DELETE FROM observation_dirty")
        conn.execute("INSERT INTO observation_state(id, version) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET version = excluded.version",
                     (version,))
    return done


def _briefing_closure(conn: sqlite3.Connection, dirty: Iterable[sqlite3.Row]) -> set[int]:
    """The changed documents and every document that may be a release of the same briefing as one of them, transitively:
    those of the same district with the same briefing date or session number (as hqd.observations groups releases)."""
    documents = {r["document_id"] for r in dirty}
    keys = {(r["district"], r["date"], r["session"]) for r in dirty if r["district"]}
    keys |= {(r["district"], r["date"], r["session"]) for r in _documents(conn, documents) if r["district"]}
    seen: set[tuple] = set()
    while keys - seen:
        todo = keys - seen
        seen |= todo
        dates = json.dumps([[d, day] for d, day, _ in todo if day])
        sessions = json.dumps([[d, s] for d, _, s in todo if s])
        found = conn.execute(
            "SELECT id, district, date, session FROM documents WHERE (district, date) IN"
            " (SELECT value ->> 0, value ->> 1 FROM json_each(?)) OR (district, session) IN (SELECT value ->> 0, value ->> 1 FROM json_each(?))",
            (dates, sessions)).fetchall()
        for r in found:
            if r["id"] not in documents:
                documents.add(r["id"])
                keys.add((r["district"], r["date"], r["session"]))
    return documents


def _documents(conn: sqlite3.Connection, ids: set[int]) -> list[sqlite3.Row]:
    return conn.execute("SELECT id, district, date, session FROM documents WHERE id IN (SELECT value FROM json_each(?))",
                        (json.dumps(sorted(ids)),)).fetchall()


def _header(summary: dict) -> list:
    row = [summary[c] for c in _HEADER_COLUMNS]
    row[_HEADER_COLUMNS.index("values")] = json.dumps(summary["values"])
    row[_HEADER_COLUMNS.index("shown")] = json.dumps(summary["shown"])
    row[_HEADER_COLUMNS.index("conflict")] = int(summary["conflict"])
    return row


def _source_row(observation_id: int, source: dict) -> tuple:
    return tuple(observation_id if c == "observation_id" else source[c] for c in _SOURCE_COLUMNS)


_INSERT_SOURCE = f"INSERT INTO observation_sources({', '.join(_SOURCE_COLUMNS)}) VALUES ({', '.join('?' * len(_SOURCE_COLUMNS))})"


def _rebuild(conn: sqlite3.Connection, resolve: Resolve, summarise: Summarise) -> int:
    conn.execute("DELETE FROM observation_sources")
    conn.execute("DELETE FROM observations")
    groups: dict[Key, list[dict]] = {}
    for key, source in resolve([dict(r) for r in conn.execute(_MAPPED)]):
        groups.setdefault(key, []).append(source)
    headers, sources = [], []
    for observation_id, (key, members) in enumerate(groups.items(), start=1):
        headers.append((observation_id, json.dumps(key, ensure_ascii=False), *_key_columns(key), *_header(summarise(key, members))))
        sources.extend(_source_row(observation_id, s) for s in members)
    conn.executemany(_INSERT_HEADER, headers)
    conn.executemany(_INSERT_SOURCE, sources)
    return conn.execute("SELECT count(*) FROM documents").fetchone()[0]


def _key_columns(key: Key) -> tuple:
    subject, indicator, measure, basis, unit, period = key
    return (indicator, subject, measure, basis, unit, period)


_KEY_COLUMNS = ("indicator", "subject", "measure", "basis", "unit", "period")
_QUOTED_HEADER = [f'"{c}"' for c in _HEADER_COLUMNS]
_INSERT_HEADER = (f"INSERT INTO observations(id, key, {', '.join(_KEY_COLUMNS)}, {', '.join(_QUOTED_HEADER)})"
                  f" VALUES ({', '.join('?' * (2 + len(_KEY_COLUMNS) + len(_HEADER_COLUMNS)))})")


def _refresh_documents(conn: sqlite3.Connection, documents: set[int], resolve: Resolve, summarise: Summarise) -> int:
    ids = json.dumps(sorted(documents))
    affected = {r[0] for r in conn.execute(
        "SELECT DISTINCT observation_id FROM observation_sources WHERE document_id IN (SELECT value FROM json_each(?))", (ids,))}
    conn.execute("DELETE FROM observation_sources WHERE document_id IN (SELECT value FROM json_each(?))", (ids,))
    rows = [dict(r) for r in conn.execute(_MAPPED + " AND q.document_id IN (SELECT value FROM json_each(?))", (ids,))]
    sources = []
    for key, source in resolve(rows):
        text = json.dumps(key, ensure_ascii=False)
        row = conn.execute("SELECT id FROM observations WHERE key = ?", (text,)).fetchone()
        observation_id = row[0] if row else conn.execute(
            f"INSERT INTO observations(key, {', '.join(_KEY_COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (text, *_key_columns(key))).fetchone()[0]
        affected.add(observation_id)
        sources.append(_source_row(observation_id, source))
    conn.executemany(_INSERT_SOURCE, sources)
    members: dict[int, list[dict]] = {}
    for r in conn.execute(f"SELECT {', '.join(_SOURCE_COLUMNS)} FROM observation_sources"
                          " WHERE observation_id IN (SELECT value FROM json_each(?))", (json.dumps(sorted(affected)),)):
        members.setdefault(r["observation_id"], []).append(dict(r))
    keys = {r["id"]: tuple(r[c] for c in ("subject", "indicator", "measure", "basis", "unit", "period")) for r in conn.execute(
        "SELECT id, subject, indicator, measure, basis, unit, period FROM observations WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(sorted(affected)),))}
    gone = [(i,) for i in affected if i not in members]
    conn.executemany("DELETE FROM observations WHERE id = ?", gone)
    conn.executemany(f"UPDATE observations SET {', '.join(c + ' = ?' for c in _QUOTED_HEADER)} WHERE id = ?",
                     [(*_header(summarise(keys[i], sources_of)), i) for i, sources_of in members.items()])
    return len(documents)


# --- reading ---

_HEADER_SELECT = (
    "SELECT o.id, o.subject, o.indicator, o.measure, o.basis, o.unit, o.period, o.granularity, o.value, o.approx, o.conflict,"
    ' o."values", o.date, o.n_sources, o.n_documents, o.shown, p.quantity_id AS p_quantity_id, p.document_id AS p_document_id,'
    " p.date AS p_date, p.language AS p_language, p.text AS p_text, p.value AS p_value, p.approx AS p_approx, p.period AS p_period,"
    " p.basis AS p_basis, p.metric AS p_metric, p.sentence_id AS p_sentence_id, s.text AS p_sentence"
    " FROM observations o JOIN observation_sources p ON p.observation_id = o.id AND p.quantity_id = o.primary_quantity"
    " LEFT JOIN sentences s ON s.id = p.sentence_id")


def _where(indicator: str | None, subject: str | None, ids: Iterable[int] | None, indicators: Iterable[str] | None = None
           ) -> tuple[str, list]:
    where, params = [], []
    if indicator:
        where.append("o.indicator = ?")
        params.append(indicator)
    if indicators is not None:
        where.append("o.indicator IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(list(indicators)))
    if subject:
        where.append("o.subject = ? COLLATE NOCASE")
        params.append(subject)
    if ids is not None:
        where.append("o.id IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(sorted(set(ids))))
    return (" WHERE " + " AND ".join(where) if where else ""), params


_HEADER_SELECT_NO_SENTENCE = (_HEADER_SELECT.replace("s.text AS p_sentence", "NULL AS p_sentence")
                              .replace(" LEFT JOIN sentences s ON s.id = p.sentence_id", ""))


def headers(conn: sqlite3.Connection, indicator: str | None = None, subject: str | None = None, ids: Iterable[int] | None = None,
            sentences: bool = True) -> list[dict]:
    """Stored observations (of one indicator, about one subject in any letter case, or with these ids), each with its primary
    source (and, with ``sentences``, its sentence), in hqd.observations.build's order."""
    where, params = _where(indicator, subject, ids)
    select = _HEADER_SELECT if sentences else _HEADER_SELECT_NO_SENTENCE
    return [dict(r) for r in conn.execute(select + where + " ORDER BY " + ORDER, params)]


def keys(conn: sqlite3.Connection, indicator: str | None = None, subject: str | None = None,
         indicators: Iterable[str] | None = None) -> list[tuple]:
    """(id, subject, indicator, measure, basis, unit, period, granularity, latest briefing date) of stored observations (of
    one indicator or several, about one subject), in build's order: what choosing a series and each subject's latest
    observation in it needs, without the rest."""
    where, params = _where(indicator, subject, None, indicators)
    return conn.execute("SELECT o.id, o.subject, o.indicator, o.measure, o.basis, o.unit, o.period, o.granularity, o.date"
                        " FROM observations o" + where + " ORDER BY " + ORDER, params).fetchall()


def sources(conn: sqlite3.Connection, observation_ids: Iterable[int], sentences: bool = True) -> dict[int, list[dict]]:
    """observation id -> its sources (with their sentence's text), oldest briefing first."""
    sentence = "s.text" if sentences else "NULL"
    out: dict[int, list[dict]] = {}
    for r in conn.execute(
            f"SELECT q.*, {sentence} AS sentence FROM observation_sources q"
            + (" LEFT JOIN sentences s ON s.id = q.sentence_id" if sentences else "")
            + " WHERE q.observation_id IN (SELECT value FROM json_each(?))"
            " ORDER BY q.observation_id, COALESCE(q.date, ''), q.document_id, q.quantity_id", (json.dumps(sorted(set(observation_ids))),)):
        out.setdefault(r["observation_id"], []).append(dict(r))
    return out


def sources_by_quantity(conn: sqlite3.Connection, quantity_ids: Iterable[int]) -> dict[int, dict]:
    """quantity id -> its stored source row, with its sentence's text."""
    return {r["quantity_id"]: dict(r) for r in conn.execute(
        "SELECT q.*, s.text AS sentence FROM observation_sources q LEFT JOIN sentences s ON s.id = q.sentence_id"
        " WHERE q.quantity_id IN (SELECT value FROM json_each(?))", (json.dumps(sorted(set(quantity_ids))),))}


def listings(conn: sqlite3.Connection, observation_ids: Iterable[int]) -> dict[int, str]:
    """observation id -> its sources as a comparison lists them (JSON text, written by the refresh)."""
    return dict(conn.execute("SELECT id, listed FROM observations WHERE id IN (SELECT value FROM json_each(?))",
                             (json.dumps(sorted(set(observation_ids))),)).fetchall())
