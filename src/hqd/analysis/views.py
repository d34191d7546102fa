"""Page-sized views (home overview, district page) shared by the dashboard and its JSON twins."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from ..facts.indicators import by_code
from ..model import Approx, Rate, Unit
from ..observations import Entry, Measure, SeriesBasis, entries, observations_of, period_key
from ..store import Store
from .memo import per_version
from .indicators import latest_entries, profile, rank_claims, timeline_view
from .targets import target_rows

KEY_INDICATORS = ("gdp", "budget_revenue", "industrial_output", "retail_sales", "fixed_asset_investment", "high_tech_enterprises")


@dataclass(slots=True)
class Cell:
    value: float
    unit: Unit | Rate
    period: str | None
    approx: Approx
    document_id: int
    measure: Measure = "level"
    basis: SeriesBasis | None = None
    granularity: str | None = None
    conflict: bool = False
    sources: int = 1


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
                                     "unit": cell.unit, "basis": cell.basis, "period": cell.period, "granularity": cell.granularity,
                                     "approx": cell.approx, "document_id": cell.document_id, "conflict": cell.conflict})
        return rows


def overview(db: Store) -> Overview:
    """Totals, the key-indicator matrix and the latest briefings: computed once per database version
    (``memo.per_version``) and shared, so callers change nothing in it."""
    return per_version(db, ("overview",), lambda: _overview(db))


def _overview(db: Store) -> Overview:
    store = Store.of(db)
    totals = store.totals()
    districts = store.districts()
    matrix: dict[str, dict[str, dict[str, Cell | None]]] = {d: {} for d in districts}
    indicators = []
    found: dict[str, list[Entry]] = {}
    for e in entries(db, indicators=KEY_INDICATORS):  # one read for the six indicators
        found.setdefault(e.indicator, []).append(e)
    picked: list[tuple[str, str, dict[str, Entry]]] = []
    for code in KEY_INDICATORS:
        # Each column holds one series: the level in the indicator's own unit, the growth in percent, each at the
        # basis and granularity most districts report (the header says which), as `comparison` chooses it.
        chosen = {}
        for kind, unit in (("level", by_code(code).unit), ("change", "percent")):
            selection, _, latest = latest_entries(found.get(code, []), code, measure=kind, unit=unit)
            chosen[kind] = selection.label if selection else None
            picked.append((code, kind, latest))
        indicators.append({"code": code, "name": by_code(code).name, "name_zh": by_code(code).name_zh, "unit": by_code(code).unit,
                           "level_series": chosen["level"], "change_series": chosen["change"]})
    read = {o.id if o.id is not None else id(o): o for o in observations_of(db, [e for _, _, latest in picked for e in latest.values()],
                                                                               sentences=False)}
    for code, kind, latest in picked:
        for district, e in sorted(latest.items()):
            o = read.get(e.id if e.id is not None else id(e.observation))  # None: removed by a refresh meanwhile
            if district not in matrix or o is None:
                continue
            # a conflict: the cell shows the latest source's value, flagged
            shown = o.shown[0] if o.conflict and o.shown else o.primary
            value, approx = (shown.value, shown.approx) if o.conflict else (o.value, o.approx)
            matrix[district].setdefault(code, {})[kind] = Cell(value, o.unit, o.period, approx, shown.document_id, o.measure,
                                                               o.basis, o.granularity, o.conflict, o.documents)
    latest = store.latest_documents(10)
    return Overview(totals, indicators, districts, matrix, latest)


@dataclass
class DistrictView:
    district: str
    documents: list[dict]
    profile: list
    series: list[dict] = field(default_factory=list)  # {indicator, name, unit, series, points: [(label, value, tip)]}
    growth: list[tuple[str, float, str]] = field(default_factory=list)  # latest growth rate of each indicator, one series
    growth_series: str | None = None  # which basis, unit and granularity the growth chart shows
    undated: list = field(default_factory=list)  # the district's figures with no period, listed apart from the charts
    targets: list = field(default_factory=list)
    ranks: list[dict] = field(default_factory=list)
    entities: dict[str, list[dict]] = field(default_factory=dict)

    def to_json(self) -> dict:
        return asdict(self)


def district_view(db: Store, district: str, charts: int = 6) -> DistrictView | None:
    """A district page's data: computed once per database version (``memo.per_version``) and shared, so callers change
    nothing in it."""
    return per_version(db, ("district", district, charts), lambda: _district_view(db, district, charts))


def _district_view(db: Store, district: str, charts: int) -> DistrictView | None:
    store = Store.of(db)
    docs = store.district_documents(district)
    if not docs:
        return None
    name = store.district_name(district)
    view = DistrictView(name, docs, profile(db, name))
    dated, view.undated = timeline_view(db, name)
    # One chart per series (indicator, measure, basis, unit, granularity) with at least two periods: dated observations only.
    by_series: dict[tuple, list] = {}
    for row in dated:
        by_series.setdefault((row.indicator, row.kind, row.basis, row.unit, row.granularity), []).append(row)
    from ..observations import Series

    for (code, measure, basis, unit, gran), rows in sorted(by_series.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][4] or "")):
        ind = by_code(code)
        periods = {r.period for r in rows}
        if len(periods) < 2:
            continue  # a single period is not a trend
        label = Series(code, measure, basis, unit, gran).label()
        points = [(r.period, r.value, f"{r.text} — {r.metric or ind.name} ({r.period}, briefing {r.date})"
                   + (" — conflicting values" if r.conflict else "")) for r in rows]
        view.series.append({"indicator": code, "name": ind.name, "unit": unit, "measure": measure, "basis": basis,
                            "granularity": gran, "series": label, "points": points})
    view.series = sorted(view.series, key=lambda s: -len(s["points"]))[:charts]
    # The growth chart compares indicators, so it shows one basis and granularity: the one most indicators have.
    latest_growth: dict[tuple, dict[str, object]] = {}
    for row in dated:
        if row.kind == "change" and row.unit == "percent":
            key = (row.basis, row.granularity)
            current = latest_growth.setdefault(key, {}).get(row.indicator)
            if current is None or period_key(row.period) >= period_key(current.period):
                latest_growth[key][row.indicator] = row
    if latest_growth:
        key = max(latest_growth, key=lambda k: (len(latest_growth[k]), k[0] == "yoy", k[1] or ""))
        view.growth_series = Series("", "change", key[0], "percent", key[1]).label()
        view.growth = [(by_code(code).name, r.value, f"{by_code(code).name}: {'+' if r.value > 0 else ''}{r.value:g}% ({r.period})")
                       for code, r in sorted(latest_growth[key].items())]
    view.targets = target_rows(db, name, own=True)  # the district's own goals: a page of one subject
    view.ranks = rank_claims(db, name)
    for r in store.district_entities(name):
        bucket = view.entities.setdefault(r["type"], [])
        if len(bucket) < 12:
            bucket.append({"text": r["text"], "mentions": r["n"]})
    return view
