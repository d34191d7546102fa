"""Indicator-level analysis. SQL is parameterised; only constant fragments are joined."""

from __future__ import annotations

import calendar
import math
import sqlite3
from dataclasses import dataclass, field
from datetime import date

from ..errors import HqdError
from ..facts.indicators import by_code, catalogue

# A district's own figure: the subject is the district itself (not a company, park or the city).
_OWN = "(q.subject IS NULL OR q.subject = d.district)"


class IndexRefused(HqdError):
    """The composite index cannot be computed honestly from the data at hand."""


@dataclass(slots=True)
class IndicatorRow:
    code: str
    name: str
    dimension: str
    unit: str
    higher_is_better: bool
    facts: int


@dataclass(slots=True)
class UnmappedRow:
    metric: str
    facts: int
    example: str


@dataclass(slots=True)
class CompareRow:
    district: str
    value: float
    unit: str
    period: str | None
    approx: str
    kind: str
    text: str
    document_id: int
    date: str | None
    sentence: str | None
    conflict: bool = False


@dataclass(slots=True)
class TimelineRow:
    date: str | None
    period: str | None
    indicator: str | None
    metric: str | None
    text: str
    value: float
    unit: str
    kind: str
    document_id: int


@dataclass(slots=True)
class ProfileRow:
    dimension: str
    indicator: str
    name: str
    level: str | None
    level_period: str | None
    change: str | None
    change_period: str | None
    facts: int


@dataclass(slots=True)
class TargetRow:
    district: str | None
    subject: str | None
    metric: str | None
    value: float | None
    unit: str | None
    deadline: str | None
    status: str
    indicator: str | None
    document_id: int
    date: str | None
    text: str
    evidence: list[dict] = field(default_factory=list)


@dataclass(slots=True)
class IndexResult:
    period: str | None
    districts: list[str]
    indicators: list[str]
    weights: dict[str, float]
    inputs: dict[str, dict[str, float]]
    scores: list[tuple[str, float]]


def indicator_rows(conn: sqlite3.Connection) -> list[IndicatorRow]:
    counts = dict(conn.execute("SELECT indicator, count(*) FROM quantities WHERE indicator IS NOT NULL GROUP BY indicator").fetchall())
    return [IndicatorRow(i.code, i.name, i.dimension, i.unit, i.higher_is_better, counts.get(i.code, 0)) for i in catalogue()]


def unmapped(conn: sqlite3.Connection, limit: int | None = 50) -> list[UnmappedRow]:
    rows = conn.execute(
        "SELECT lower(metric) AS m, count(*) AS n, min(text) AS example FROM quantities"
        " WHERE indicator IS NULL AND metric IS NOT NULL GROUP BY m ORDER BY n DESC, m LIMIT ?",
        (-1 if limit is None else limit,),
    ).fetchall()
    return [UnmappedRow(r["m"], r["n"], r["example"]) for r in rows]


def _require(code: str) -> None:
    if by_code(code) is None:
        raise HqdError(f"unknown indicator {code!r}; `hqd indicators` lists the codes")


def compare(conn: sqlite3.Connection, indicator: str, period: str | None = None, kind: str | None = None) -> list[CompareRow]:
    """One row per district (its latest period unless one is given); two differing values for one
    district, kind and period are both returned, flagged as a conflict."""
    _require(indicator)
    # Latest (period, briefing date) per district from the covering index (SQLite returns the bare columns
    # kind and period of the row holding the max), then one row per distinct value, with its sentence.
    rows = conn.execute(
        "WITH latest AS (SELECT district, max(COALESCE(period, '') || '|' || COALESCE(doc_date, '')) AS k, kind, period"
        " FROM quantities WHERE indicator = :indicator AND district IS NOT NULL AND (subject IS NULL OR subject = district)"
        " AND (:kind IS NULL OR kind = :kind) AND (:period IS NULL OR period = :period OR period LIKE :period || '-%')"
        " GROUP BY district),"
        " chosen AS (SELECT max(q.id) AS id FROM latest l JOIN quantities q ON q.indicator = :indicator AND q.kind = l.kind"
        " AND q.district = l.district AND q.period IS l.period WHERE q.subject IS NULL OR q.subject = q.district"
        " GROUP BY q.district, q.value, q.unit)"
        " SELECT q.district, q.value, q.unit, q.period, q.approx, q.kind, q.text, q.document_id, q.doc_date AS date, s.text AS sentence"
        " FROM chosen c JOIN quantities q ON q.id = c.id LEFT JOIN sentences s ON s.id = q.sentence_id"
        " ORDER BY q.district, q.doc_date DESC, q.id",
        {"indicator": indicator, "kind": kind, "period": period},
    ).fetchall()
    by_district: dict[str, list[sqlite3.Row]] = {}
    for r in rows:
        by_district.setdefault(r["district"], []).append(r)
    out: list[CompareRow] = []
    for district, chosen in by_district.items():
        distinct = {(round(r["value"], 6), r["unit"]) for r in chosen}
        seen = set()
        for r in chosen:
            key = (round(r["value"], 6), r["unit"])
            if key in seen:
                continue
            seen.add(key)
            out.append(CompareRow(district, r["value"], r["unit"], r["period"], r["approx"], r["kind"], r["text"],
                                  r["document_id"], r["date"], r["sentence"], conflict=len(distinct) > 1))
    return out


def _period_sort_key(period: str | None, doc_date: str | None) -> str:
    if period:
        return period.split("/")[0]
    return doc_date or ""


def timeline(conn: sqlite3.Connection, district: str, indicator: str | None = None) -> list[TimelineRow]:
    """The district's figures across its briefings, oldest first (by period, else briefing date)."""
    if indicator:
        _require(indicator)
    rows = conn.execute(
        "SELECT d.date, q.period, q.indicator, q.metric, q.text, q.value, q.unit, q.kind, q.document_id"
        " FROM quantities q JOIN documents d ON d.id = q.document_id"
        f" WHERE d.district = ? COLLATE NOCASE AND {_OWN} AND (? IS NULL OR q.indicator = ?)",
        (district, indicator, indicator),
    ).fetchall()
    items = [TimelineRow(*tuple(r)) for r in rows]
    items.sort(key=lambda r: (_period_sort_key(r.period, r.date), r.date or "", r.document_id))
    return items


def format_amount(value: float, unit: str, approx: str = "=") -> str:
    """A figure for a terminal or a scorecard, written by the one formatter: 124.83 bn yuan, 9.1%, 2 pp, 3,216 mu."""
    from ..format import format_value

    return format_value(value, unit, None, approx)


def profile(conn: sqlite3.Connection, district: str) -> list[ProfileRow]:
    """A scorecard: per indicator the district reports, its latest level and latest change."""
    rows = timeline(conn, district)
    out: list[ProfileRow] = []
    by_indicator: dict[str, list[TimelineRow]] = {}
    for r in rows:
        if r.indicator:
            by_indicator.setdefault(r.indicator, []).append(r)
    for code, items in by_indicator.items():
        ind = by_code(code)
        levels = [r for r in items if r.kind == "level"]
        changes = [r for r in items if r.kind == "change"]
        level = levels[-1] if levels else None
        change = changes[-1] if changes else None
        out.append(ProfileRow(
            ind.dimension, code, ind.name,
            format_amount(level.value, level.unit) if level else None, level.period if level else None,
            (("+" if change.value > 0 else "") + format_amount(change.value, change.unit)) if change else None,
            change.period if change else None, len(items),
        ))
    order = ["scale", "innovation", "coordination", "green", "openness", "sharing", "governance"]
    out.sort(key=lambda r: (order.index(r.dimension), r.indicator))
    return out


def rank_claims(conn: sqlite3.Connection, district: str) -> list[dict]:
    """The district's rank claims, in briefing order: rank, scope, metric, text, document_id."""
    return [dict(r) for r in conn.execute(
        "SELECT r.value AS rank, r.scope, r.metric, r.text, r.document_id FROM ranks r JOIN documents d ON d.id = r.document_id"
        " WHERE d.district = ? COLLATE NOCASE ORDER BY d.date, r.start", (district,))]


def deadline_bounds(deadline: str) -> tuple[date, date] | None:
    """First and last day of a deadline period: "2025", "2023-12", "2021-Q2", "2023-H1"."""
    try:
        year = int(deadline[:4])
        rest = deadline[5:]
        if not rest:
            first, last = 1, 12
        elif rest.startswith("Q"):
            last = int(rest[1]) * 3
            first = last - 2
        elif rest.startswith("H"):
            last = int(rest[1]) * 6
            first = last - 5
        else:
            first = last = int(rest[:2])
        return date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1])
    except (ValueError, IndexError):
        return None


def target_status(deadline: str | None, as_of: date) -> str:
    """future: the deadline period has not begun; due: it is running; overdue: it has ended; open: no deadline."""
    bounds = deadline_bounds(deadline) if deadline else None
    if bounds is None:
        return "open"
    start, end = bounds
    if as_of > end:
        return "overdue"
    return "due" if as_of >= start else "future"


def target_rows(conn: sqlite3.Connection, district: str | None = None, as_of: date | None = None) -> list[TargetRow]:
    """Every target with its status on ``as_of`` and, where it maps to an indicator, later facts as evidence."""
    as_of = as_of or date.today()
    rows = conn.execute(
        "SELECT t.*, d.district, d.date, q.indicator FROM targets t JOIN documents d ON d.id = t.document_id"
        " LEFT JOIN quantities q ON q.id = t.quantity_id WHERE (? IS NULL OR d.district = ? COLLATE NOCASE)"
        " ORDER BY t.deadline IS NULL, t.deadline, d.date",
        (district, district),
    ).fetchall()
    out = []
    for r in rows:
        evidence = []
        if r["indicator"] and r["district"]:
            evidence = [dict(e) for e in conn.execute(
                "SELECT q.document_id, d.date, q.text, q.value, q.unit, q.kind, q.period FROM quantities q"
                f" JOIN documents d ON d.id = q.document_id WHERE q.indicator = ? AND d.district = ? AND {_OWN}"
                " AND d.date > ? AND q.kind IN ('level', 'change') ORDER BY d.date",
                (r["indicator"], r["district"], r["date"] or ""),
            )]
        out.append(TargetRow(r["district"], r["subject"], r["metric"], r["value"], r["unit"], r["deadline"],
                             target_status(r["deadline"], as_of), r["indicator"], r["document_id"], r["date"], r["text"], evidence))
    return out


def composite_index(conn: sqlite3.Connection, period: str | None = None, minimum_shared: int = 5) -> IndexResult:
    """Entropy-weight index over level indicators that every compared district reports."""
    rows = conn.execute(
        "SELECT d.district, q.indicator, q.value, q.unit, q.period, d.date FROM quantities q JOIN documents d ON d.id = q.document_id"
        f" WHERE q.indicator IS NOT NULL AND q.kind = 'level' AND d.district IS NOT NULL AND {_OWN}"
        " AND (? IS NULL OR q.period = ? OR q.period LIKE ? || '-%')",
        (period, period, period),
    ).fetchall()
    latest: dict[str, dict[str, tuple]] = {}
    for r in rows:
        expected = by_code(r["indicator"]).unit
        if r["unit"] != expected:
            continue  # only figures in the indicator's own unit are comparable
        key = (r["period"] or "", r["date"] or "")
        current = latest.setdefault(r["district"], {}).get(r["indicator"])
        if current is None or key > current[0]:
            latest[r["district"]][r["indicator"]] = (key, r["value"])
    districts = sorted(latest)
    if len(districts) < 2:
        raise IndexRefused(f"the index compares districts, and only {len(districts)} district has level figures"
                           + (f" for period {period}" if period else "") + "; ingest more briefings")
    shared = sorted(set.intersection(*(set(latest[d]) for d in districts)))
    if len(shared) < minimum_shared:
        raise IndexRefused(
            f"only {len(shared)} indicator(s) are reported as levels by all of {', '.join(districts)} "
            f"({', '.join(shared) or 'none'}); the entropy-weight index needs at least {minimum_shared}"
        )
    inputs = {d: {c: latest[d][c][1] for c in shared} for d in districts}
    normalised: dict[str, dict[str, float]] = {d: {} for d in districts}
    weights_raw = {}
    n = len(districts)
    for c in shared:
        values = [inputs[d][c] for d in districts]
        lo, hi = min(values), max(values)
        better_high = by_code(c).higher_is_better
        for d in districts:
            x = inputs[d][c]
            normalised[d][c] = 1.0 if hi == lo else ((x - lo) / (hi - lo) if better_high else (hi - x) / (hi - lo))
        column = [normalised[d][c] + 1e-9 for d in districts]
        total = sum(column)
        entropy = -sum((v / total) * math.log(v / total) for v in column) / math.log(n)
        weights_raw[c] = 1 - entropy
    total_weight = sum(weights_raw.values()) or 1.0
    weights = {c: w / total_weight for c, w in weights_raw.items()}
    scores = sorted(((d, sum(weights[c] * normalised[d][c] for c in shared)) for d in districts), key=lambda x: -x[1])
    return IndexResult(period, districts, shared, weights, inputs, scores)
