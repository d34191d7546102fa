"""Page-sized views (home overview, district page) shared by the dashboard and its JSON twins."""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass, field

from ..facts.indicators import by_code
from .indicators import compare, profile, rank_claims, target_rows, timeline

KEY_INDICATORS = ("gdp", "budget_revenue", "industrial_output", "retail_sales", "fixed_asset_investment", "high_tech_enterprises")


@dataclass(slots=True)
class Cell:
    value: float
    unit: str
    period: str | None
    approx: str
    document_id: int


@dataclass
class Overview:
    totals: dict[str, int]
    indicators: list[dict]
    districts: list[str]
    matrix: dict[str, dict[str, dict[str, Cell | None]]]  # district -> indicator -> {"level": cell, "change": cell}
    latest: list[dict]

    def to_json(self) -> dict:
        return asdict(self)

    def matrix_rows(self) -> list[dict]:
        """The key-indicator matrix as flat rows (for CSV)."""
        rows = []
        for district in self.districts:
            for indicator, cells in self.matrix[district].items():
                for kind, cell in cells.items():
                    if cell is not None:
                        rows.append({"district": district, "indicator": indicator, "kind": kind, "value": cell.value,
                                     "unit": cell.unit, "period": cell.period, "approx": cell.approx, "document_id": cell.document_id})
        return rows


def overview(conn: sqlite3.Connection) -> Overview:
    totals = {
        "documents": conn.execute("SELECT count(*) FROM documents").fetchone()[0],
        "districts": conn.execute("SELECT count(DISTINCT district) FROM documents WHERE district IS NOT NULL").fetchone()[0],
        "quantities": conn.execute("SELECT count(*) FROM quantities").fetchone()[0],
        "targets": conn.execute("SELECT count(*) FROM targets").fetchone()[0],
        "entities": conn.execute("SELECT count(*) FROM entities").fetchone()[0],
    }
    districts = [r[0] for r in conn.execute("SELECT DISTINCT district FROM documents WHERE district IS NOT NULL ORDER BY district")]
    matrix: dict[str, dict[str, dict[str, Cell | None]]] = {d: {} for d in districts}
    for code in KEY_INDICATORS:
        for kind in ("level", "change"):
            for row in compare(conn, code, kind=kind):
                if row.unit != (by_code(code).unit if kind == "level" else "percent"):
                    continue
                matrix[row.district].setdefault(code, {})[kind] = Cell(row.value, row.unit, row.period, row.approx, row.document_id)
    latest = [dict(r) for r in conn.execute(
        "SELECT id, date, district, session, title, n_quantities FROM documents ORDER BY date DESC, id DESC LIMIT 10")]
    indicators = [{"code": c, "name": by_code(c).name, "unit": by_code(c).unit} for c in KEY_INDICATORS]
    return Overview(totals, indicators, districts, matrix, latest)


@dataclass
class DistrictView:
    district: str
    documents: list[dict]
    profile: list
    series: list[dict] = field(default_factory=list)  # {indicator, name, unit, points: [(label, value, tip)]}
    growth: list[tuple[str, float, str]] = field(default_factory=list)  # latest growth rate of each indicator
    targets: list = field(default_factory=list)
    ranks: list[dict] = field(default_factory=list)
    entities: dict[str, list[dict]] = field(default_factory=dict)

    def to_json(self) -> dict:
        return asdict(self)


def district_view(conn: sqlite3.Connection, district: str, charts: int = 6) -> DistrictView | None:
    docs = [dict(r) for r in conn.execute(
        "SELECT id, date, session, title, n_quantities FROM documents WHERE district = ? COLLATE NOCASE ORDER BY date", (district,))]
    if not docs:
        return None
    name = conn.execute("SELECT district FROM documents WHERE district = ? COLLATE NOCASE LIMIT 1", (district,)).fetchone()[0]
    view = DistrictView(name, docs, profile(conn, name))
    by_indicator: dict[str, list] = {}
    for row in timeline(conn, name):
        if row.indicator and row.kind == "level" and row.unit == by_code(row.indicator).unit:
            by_indicator.setdefault(row.indicator, []).append(row)
    for code, rows in sorted(by_indicator.items(), key=lambda kv: kv[0]):
        ind = by_code(code)
        by_label: dict[str, object] = {}
        for r in rows:  # one point per period: the figure from the latest briefing
            by_label[r.period or (r.date or "")[:4]] = r
        if len(by_label) < 2:
            continue  # a single period is not a trend
        points = [(label, r.value, f"{r.text} — {r.metric or ind.name} ({label}, briefing {r.date})") for label, r in by_label.items()]
        view.series.append({"indicator": code, "name": ind.name, "unit": ind.unit, "points": points})
    view.series = sorted(view.series, key=lambda s: -len(s["points"]))[:charts]
    view.growth = [(r.name, float(r.change.rstrip("%").lstrip("+")), f"{r.name}: {r.change} ({r.change_period or 'no period'})")
                   for r in view.profile if r.change and r.change.endswith("%")]
    view.targets = target_rows(conn, name)
    view.ranks = rank_claims(conn, name)
    for r in conn.execute(
        "SELECT e.type, e.text, count(*) AS n FROM entities e JOIN documents d ON d.id = e.document_id"
        " WHERE d.district = ? AND e.type != 'person' GROUP BY e.type, e.text ORDER BY n DESC, e.text", (name,)):
        bucket = view.entities.setdefault(r["type"], [])
        if len(bucket) < 12:
            bucket.append({"text": r["text"], "mentions": r["n"]})
    return view
