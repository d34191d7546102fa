"""Index listings: documents with facets (as Datasette shows them), districts, indicator coverage (figures per indicator)."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field

from ..model import Approx, Kind, Rate, Unit
from .database import connection

# facet name -> SQL expression over documents d (constants only; values are always bound)
FACETS = {
    "district": "d.district",
    "year": "substr(COALESCE(d.date, d.published), 1, 4)",  # a story without a briefing date: the year it was published
    "language": "d.language",
    "series": "d.series",
    "type": "CASE WHEN d.is_html THEN 'html' ELSE 'text' END",
}
FACET_LABELS = {"district": "District", "year": "Year", "language": "Language", "series": "Series", "type": "Kind of text"}


@dataclass(slots=True)
class DocumentEntry:
    id: int
    date: str | None
    district: str | None
    title: str | None
    language: str
    series: str | None
    type: str  # html or text
    session: int | None
    quantities: int
    targets: int
    entities: int
    sources: list[str]


@dataclass
class DocumentPage:
    rows: list[DocumentEntry]
    total: int
    limit: int
    offset: int
    filters: dict[str, str]
    facets: dict[str, list[dict]] = field(default_factory=dict)  # name -> [{value, count}], most first


def _where(filters: dict[str, str | None], skip: str | None = None) -> tuple[str, list]:
    clauses, params = ["1 = 1"], []
    for name, value in filters.items():
        if value is None or value == "" or name == skip:
            continue
        if value == "_none":
            clauses.append(f"{FACETS[name]} IS NULL")
        else:
            clauses.append(f"{FACETS[name]} = ? COLLATE NOCASE")
            params.append(value)
    return " AND ".join(clauses), params


def document_page(conn: sqlite3.Connection, filters: dict[str, str | None], limit: int = 50, offset: int = 0) -> DocumentPage:
    """Documents matching every facet filter, newest first, with the count of each facet value among them."""
    conn = connection(conn)  # a Store or its connection
    filters = {k: v for k, v in filters.items() if k in FACETS and v not in (None, "")}
    where, params = _where(filters)
    total = conn.execute(f"SELECT count(*) FROM documents d WHERE {where}", params).fetchone()[0]
    rows = [DocumentEntry(*tuple(r)[:11], json.loads(r[11])) for r in conn.execute(
        f"SELECT d.id, COALESCE(d.date, d.published), d.district, d.title, d.language, d.series, {FACETS['type']}, d.session, d.n_quantities,"
        " d.n_targets, d.n_entities, (SELECT json_group_array(path) FROM sources s WHERE s.document_id = d.id)"
        f" FROM documents d WHERE {where} ORDER BY COALESCE(d.date, d.published) DESC, d.id DESC LIMIT ? OFFSET ?",
        [*params, limit, offset])]
    facets = {}
    for name, expression in FACETS.items():
        facet_where, facet_params = _where(filters, skip=name)  # a facet counts as if its own filter were off
        facets[name] = [{"value": v, "count": n} for v, n in conn.execute(
            f"SELECT {expression} AS v, count(*) AS n FROM documents d WHERE {facet_where} GROUP BY v ORDER BY n DESC, v LIMIT 30",
            facet_params)]
    return DocumentPage(rows, total, limit, offset, filters, facets)


@dataclass(slots=True)
class DistrictEntry:
    district: str
    documents: int
    first: str | None
    last: str | None
    quantities: int
    targets: int
    indicators: int


def district_rows(conn: sqlite3.Connection) -> list[DistrictEntry]:
    """Every district with its briefings, their date range, figures, targets and indicators covered."""
    conn = connection(conn)  # a Store or its connection
    indicators = dict(conn.execute(
        "SELECT district, count(DISTINCT indicator) FROM quantities WHERE indicator IS NOT NULL AND district IS NOT NULL"
        " GROUP BY district").fetchall())
    return [DistrictEntry(r[0], r[1], r[2], r[3], r[4], r[5], indicators.get(r[0], 0)) for r in conn.execute(
        "SELECT district, count(*), min(date), max(date), sum(n_quantities), sum(n_targets) FROM documents"
        " WHERE district IS NOT NULL GROUP BY district ORDER BY district")]


def indicator_figures(conn: sqlite3.Connection) -> tuple[dict[str, dict[str, int]], dict[str, tuple]]:
    """For each indicator with figures: figures per district ("—" for none), and the (first, last) years they speak of."""
    conn = connection(conn)  # a Store or its connection
    per_district: dict[str, dict[str, int]] = {}
    spans: dict[str, tuple] = {}
    for code, district, n, first, last in conn.execute(  # one pass over the indicator index
            "SELECT indicator, district, count(*), min(substr(period, 1, 4)), max(substr(period, CASE WHEN instr(period, '/')"
            " THEN instr(period, '/') + 1 ELSE 1 END, 4)) FROM quantities WHERE indicator IS NOT NULL GROUP BY indicator, district"):
        per_district.setdefault(code, {})[district or "—"] = n
        lo, hi = spans.get(code, (None, None))
        spans[code] = (min(x for x in (lo, first) if x) if (lo or first) else None, max(x for x in (hi, last) if x) if (hi or last) else None)
    return per_district, spans


def indicators_with_figures(conn: sqlite3.Connection) -> set[str]:
    conn = connection(conn)  # a Store or its connection
    return {r[0] for r in conn.execute("SELECT DISTINCT indicator FROM quantities WHERE indicator IS NOT NULL")}


@dataclass(slots=True)
class SeriesPoint:
    district: str
    period: str | None
    value: float
    unit: Unit | Rate
    kind: Kind
    approx: Approx
    text: str
    document_id: int
    date: str | None


def indicator_series(conn: sqlite3.Connection, code: str, kind: str, unit: str) -> dict[str, list[SeriesPoint]]:
    """Each district's own figures of an indicator in one unit and kind, one per period (the latest briefing's), oldest first."""
    conn = connection(conn)  # a Store or its connection
    rows = conn.execute(
        "SELECT district, period, value, unit, kind, approx, text, document_id, doc_date FROM quantities"
        " WHERE indicator = ? AND kind = ? AND district IS NOT NULL AND (subject IS NULL OR subject = district) AND unit = ?"
        " ORDER BY district, doc_date, id", (code, kind, unit)).fetchall()
    out: dict[str, dict[str, SeriesPoint]] = {}
    for r in rows:
        out.setdefault(r[0], {})[r[1] or (r[8] or "")[:4]] = SeriesPoint(*tuple(r))
    return {d: sorted(points.values(), key=lambda p: (p.period or p.date or "")) for d, points in out.items()}
