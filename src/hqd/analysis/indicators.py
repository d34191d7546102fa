"""Indicator-level analysis, on observations (hqd.observations): only one series is ever compared, charted or ranked.

A series is an indicator with one measure (level, change, share), one basis,
one unit and one period granularity. A view that has to choose a series says
which it chose (``Comparison.selection``) and offers the others (``options``).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field

from ..errors import HqdError
from ..format import format_value
from ..facts.indicators import REASONS, by_code, catalogue
from ..model import Approx, Rate, Unit
from ..observations import Entry, Measure, Observation, Series, SeriesBasis, district_names, entries, listings, load, observations_of, period_key
from ..output import RawJSON
from ..store import Store


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
    name_zh: str | None = None


@dataclass(slots=True)
class UnmappedRow:
    metric: str
    facts: int
    example: str
    reason: str | None = None
    why: str | None = None


@dataclass(slots=True)
class CompareRow:
    district: str
    value: float
    unit: Unit | Rate
    period: str | None
    approx: Approx
    kind: Measure
    text: str
    document_id: int
    date: str | None
    sentence: str | None
    conflict: bool = False
    basis: SeriesBasis | None = None
    granularity: str | None = None
    sources: list[dict] = field(default_factory=list)  # every document reporting this observation


@dataclass(slots=True)
class TimelineRow:
    date: str | None
    period: str | None
    indicator: str | None
    metric: str | None
    text: str
    value: float
    unit: Unit | Rate
    kind: Measure
    document_id: int
    basis: SeriesBasis | None = None
    granularity: str | None = None
    conflict: bool = False
    sources: list[dict] = field(default_factory=list)
    approx: Approx = "="


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
    name_zh: str | None = None
    level_granularity: str | None = None
    change_basis: str | None = None
    change_granularity: str | None = None


@dataclass(slots=True)
class IndexResult:
    period: str | None
    districts: list[str]
    indicators: list[str]
    weights: dict[str, float]
    inputs: dict[str, dict[str, float]]
    scores: list[tuple[str, float]]
    series: dict[str, str] = field(default_factory=dict)  # indicator -> the series its inputs come from
    periods: dict[str, dict[str, str | None]] = field(default_factory=dict)  # district -> indicator -> period of its input


def indicator_rows(db: Store) -> list[IndicatorRow]:
    counts = Store.of(db).indicator_counts()
    return [IndicatorRow(i.code, i.name, i.dimension, i.unit, i.higher_is_better, counts.get(i.code, 0), i.name_zh) for i in catalogue()]


def unmapped(db: Store, limit: int | None = 50) -> list[UnmappedRow]:
    """The commonest metric phrases mapped to no indicator, each with the reason."""
    rows = Store.of(db).unmapped_metrics(limit)
    return [UnmappedRow(r["m"], r["n"], r["example"], r["reason"], REASONS.get(r["reason"])) for r in rows]


def _require(code: str) -> None:
    if by_code(code) is None:
        raise HqdError(f"unknown indicator {code!r}; `hqd indicators` lists the codes")


@dataclass(slots=True)
class SeriesOption:
    measure: Measure
    basis: SeriesBasis | None
    unit: Unit | Rate
    granularity: str | None
    label: str
    districts: int
    observations: int
    chosen: bool = False


@dataclass(slots=True)
class Comparison:
    indicator: str
    selection: SeriesOption | None
    options: list[SeriesOption]
    rows: list[CompareRow]

    def extra(self) -> dict:
        """What the API and CLI say beside the rows: the series chosen and the others."""
        from dataclasses import asdict

        return {"indicator": self.indicator, "selection": asdict(self.selection) if self.selection else None,
                "options": [asdict(o) for o in self.options]}


_NONE = ("none", "null", "")


def _matches(value: str | None, wanted: str | None) -> bool:
    """A filter value: None is any; 'none' (or 'undated' for granularity) asks for a missing value."""
    if wanted is None:
        return True
    if wanted.lower() in (*_NONE, "undated"):
        return value is None
    return value == wanted


def _in_period(obs: Observation | Entry, period: str | None) -> bool:
    return period is None or obs.period == period or (obs.period or "").startswith(period + "-") or (obs.period or "").startswith(period + "/")


def _choose(observations: list[Observation] | list[Entry], measure: str | None, basis: str | None, unit: str | None, granularity: str | None,
            indicator_unit: str | None) -> tuple[SeriesOption | None, list[SeriesOption]]:
    """Every series the observations hold, and the one to show: the asked one, else the dated one most districts
    report (then a level before a change before a share; year on year before other bases; the indicator's own unit)."""
    by_series: dict[tuple, list[Observation | Entry]] = {}  # (measure, basis, unit, granularity): one indicator's series
    for o in observations:
        by_series.setdefault((o.measure, o.basis, o.unit, o.granularity), []).append(o)
    options = [SeriesOption(*key, Series("", *key).label(), len({o.subject for o in obs}), len(obs)) for key, obs in by_series.items()]
    measure_rank = {"level": 0, "change": 1, "share": 2}

    def preference(o: SeriesOption):
        return (o.granularity is None, -o.districts, measure_rank.get(o.measure, 3), o.basis != "yoy", o.unit != indicator_unit,
                -o.observations, o.label)

    options.sort(key=preference)
    fitting = [o for o in options if _matches(o.measure, measure) and _matches(o.basis, basis) and _matches(o.unit, unit)
               and _matches(o.granularity, granularity)]
    chosen = fitting[0] if fitting else None
    if chosen:
        chosen.chosen = True
    return chosen, options


def latest_by_district(db: Store, indicator: str, period: str | None = None, measure: str | None = None, basis: str | None = None,
                       unit: str | None = None, granularity: str | None = None
                       ) -> tuple[SeriesOption | None, list[SeriesOption], dict[str, Observation]]:
    """The series of an indicator (the one chosen, and all), and each district's latest observation in the chosen one,
    read without their lists of sources."""
    _require(indicator)
    chosen, options, latest = latest_entries(entries(db, indicator), indicator, period, measure, basis, unit, granularity)
    return chosen, options, {o.subject: o for o in observations_of(db, list(latest.values()))}


def latest_entries(found: list[Entry], indicator: str, period: str | None = None, measure: str | None = None,
                   basis: str | None = None, unit: str | None = None, granularity: str | None = None
                   ) -> tuple[SeriesOption | None, list[SeriesOption], dict[str, Entry]]:
    """``latest_by_district`` over the entries of the indicator's observations at hand: the series, and each district's
    latest entry in the chosen one."""
    districts = district_names()
    found = [e for e in found if e.subject in districts and _in_period(e, period)]
    chosen, options = _choose(found, measure, basis, unit, granularity, by_code(indicator).unit)
    latest: dict[str, Entry] = {}
    if chosen is not None:
        for e in found:
            if (e.measure, e.basis, e.unit, e.granularity) != (chosen.measure, chosen.basis, chosen.unit, chosen.granularity):
                continue
            current = latest.get(e.subject)
            if current is None or (period_key(e.period), e.date or "") > (period_key(current.period), current.date or ""):
                latest[e.subject] = e
    return chosen, options, latest


def comparison(db: Store, indicator: str, period: str | None = None, measure: str | None = None,
               basis: str | None = None, unit: str | None = None, granularity: str | None = None,
               raw_sources: bool = False) -> Comparison:
    """Districts side by side on one series of an indicator: each district's latest observation in it.

    An observation two documents report alike is one row with both sources; one
    they report differently gives a row per value, flagged as a conflict. With
    ``raw_sources`` each row's sources are the stored JSON text (RawJSON), for a
    JSON response to carry as it is.
    """
    chosen, options, latest = latest_by_district(db, indicator, period, measure, basis, unit, granularity)
    shown = [latest[district] for district in sorted(latest)]
    rows: list[CompareRow] = []
    for o, listed in zip(shown, listings(db, shown)):
        def sources() -> list[dict] | RawJSON:
            return RawJSON(listed) if raw_sources else json.loads(listed)

        if o.conflict:
            for s in o.shown:
                rows.append(CompareRow(o.subject, s.value, o.unit, o.period, s.approx, o.measure, s.text, s.document_id, s.date,
                                       s.sentence, True, o.basis, o.granularity, sources()))
        else:
            p = o.primary
            rows.append(CompareRow(o.subject, o.value, o.unit, o.period, o.approx, o.measure, p.text, p.document_id, p.date,
                                   p.sentence, False, o.basis, o.granularity, sources()))
    return Comparison(indicator, chosen, options, rows)


def district_series(db: Store, indicator: str, series: SeriesOption, period: str | None = None) -> dict[str, list[Observation]]:
    """Each district's dated observations of one series of an indicator, oldest first (for a chart over time)."""
    out: dict[str, list[Observation]] = {}
    districts = district_names()
    chosen = [e for e in entries(db, indicator)
              if e.subject in districts and e.dated and _in_period(e, period)
              and (e.measure, e.basis, e.unit, e.granularity) == (series.measure, series.basis, series.unit, series.granularity)]
    for o in observations_of(db, chosen, sentences=False):  # a chart's points say the figure, not its sentence
        out.setdefault(o.subject, []).append(o)
    for items in out.values():
        items.sort(key=lambda o: period_key(o.period))
    return dict(sorted(out.items()))


def compare(db: Store, indicator: str, period: str | None = None, kind: str | None = None, measure: str | None = None,
            basis: str | None = None, unit: str | None = None, granularity: str | None = None) -> list[CompareRow]:
    """The rows of ``comparison`` (``kind`` is the measure, as the quantity's kind names it)."""
    return comparison(db, indicator, period, measure or kind, basis, unit, granularity).rows


def _timeline_row(o: Observation, listed: str) -> TimelineRow:
    p = o.primary
    return TimelineRow(o.date, o.period, o.indicator, p.metric, p.text, o.value, o.unit, o.measure, p.document_id, o.basis,
                       o.granularity, o.conflict, json.loads(listed), o.approx)


def timeline_view(db: Store, district: str, indicator: str | None = None, measure: str | None = None,
                  basis: str | None = None, unit: str | None = None) -> tuple[list[TimelineRow], list[TimelineRow]]:
    """A district's own observations: (dated, oldest first by period; undated, apart)."""
    if indicator:
        _require(indicator)
    observations = [o for o in load(db, indicator, subject=district, sources=False)
                    if _matches(o.measure, measure) and _matches(o.basis, basis) and _matches(o.unit, unit)]
    rows = [_timeline_row(o, listed) for o, listed in zip(observations, listings(db, observations))]  # each lists its sources
    dated = [r for o, r in zip(observations, rows) if o.dated]
    undated = [r for o, r in zip(observations, rows) if not o.dated]
    dated.sort(key=lambda r: (period_key(r.period), r.date or "", r.document_id))
    undated.sort(key=lambda r: (r.date or "", r.document_id))
    return dated, undated


def timeline(db: Store, district: str, indicator: str | None = None, measure: str | None = None,
             basis: str | None = None, unit: str | None = None) -> list[TimelineRow]:
    """The district's dated observations across its briefings, oldest first (undated ones: ``timeline_view``)."""
    return timeline_view(db, district, indicator, measure, basis, unit)[0]


def format_amount(value: float, unit: str, approx: str = "=") -> str:
    """A figure for a terminal or a scorecard, written by the one formatter: 124.83 bn yuan, 9.1%, 2 pp, 3,216 mu."""
    return format_value(value, unit, None, approx)


def profile(db: Store, district: str) -> list[ProfileRow]:
    """A scorecard: per indicator the district reports, its latest level and latest change, each one observation
    (dated ones before undated; the indicator's own unit first for a level, year on year first for a change)."""
    observations = load(db, subject=district, sources=False)
    by_indicator: dict[str, list[Observation]] = {}
    for o in observations:
        by_indicator.setdefault(o.indicator, []).append(o)
    out: list[ProfileRow] = []
    for code, items in by_indicator.items():
        ind = by_code(code)
        if ind is None:
            continue

        def latest(candidates: list[Observation], prefer) -> Observation | None:
            return max(candidates, key=lambda o: (o.dated, prefer(o), period_key(o.period), o.date or ""), default=None)

        level = latest([o for o in items if o.measure == "level"], lambda o: o.unit == ind.unit)
        change = latest([o for o in items if o.measure == "change" and o.unit in ("percent", "pp")], lambda o: o.basis == "yoy")
        out.append(ProfileRow(
            ind.dimension, code, ind.name,
            format_amount(level.value, level.unit, level.approx) if level else None, level.period if level else None,
            format_value(change.value, change.unit, "change", change.approx) if change else None,
            change.period if change else None, len(items), ind.name_zh,
            level.granularity if level else None, change.basis if change else None, change.granularity if change else None,
        ))
    order = ["scale", "innovation", "coordination", "green", "openness", "sharing", "governance"]
    out.sort(key=lambda r: (order.index(r.dimension), r.indicator))
    return out


def rank_claims(db: Store, district: str) -> list[dict]:
    """The district's rank claims, in briefing order: rank, scope, metric, text, document_id."""
    return Store.of(db).rank_claims(district)


def composite_index(db: Store, period: str | None = None, minimum_shared: int = 5) -> IndexResult:
    """Entropy-weight index over level indicators that every compared district reports.

    Each indicator's inputs come from one series (a level in the indicator's own
    unit, at the granularity most districts report it), each district's latest.
    """
    districts_known = district_names()
    per_indicator: dict[str, dict[str, Observation]] = {}
    chosen_series: dict[str, Series] = {}
    observations = [o for o in load(db, sources=False) if o.measure == "level" and o.subject in districts_known and o.dated
                    and _in_period(o, period) and by_code(o.indicator) is not None and o.unit == by_code(o.indicator).unit]
    by_indicator: dict[str, list[Observation]] = {}
    for o in observations:
        by_indicator.setdefault(o.indicator, []).append(o)
    for code, items in by_indicator.items():
        by_series: dict[Series, set[str]] = {}
        for o in items:
            by_series.setdefault(o.series, set()).add(o.subject)
        series = max(by_series, key=lambda s: (len(by_series[s]), s.granularity == "year", s.label()))
        chosen_series[code] = series
        latest: dict[str, Observation] = {}
        for o in items:
            if o.series != series:
                continue
            current = latest.get(o.subject)
            if current is None or (period_key(o.period), o.date or "") > (period_key(current.period), current.date or ""):
                latest[o.subject] = o
        per_indicator[code] = latest
    districts = sorted({d for latest in per_indicator.values() for d in latest})
    if len(districts) < 2:
        raise IndexRefused(f"the index compares districts, and only {len(districts)} district has level figures"
                           + (f" for period {period}" if period else "") + "; ingest more briefings")
    shared = sorted(c for c, latest in per_indicator.items() if all(d in latest for d in districts))
    if len(shared) < minimum_shared:
        raise IndexRefused(
            f"only {len(shared)} indicator(s) are reported as levels by all of {', '.join(districts)} "
            f"({', '.join(shared) or 'none'}); the entropy-weight index needs at least {minimum_shared}"
        )
    inputs = {d: {c: per_indicator[c][d].value for c in shared} for d in districts}
    periods = {d: {c: per_indicator[c][d].period for c in shared} for d in districts}
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
    return IndexResult(period, districts, shared, weights, inputs, scores, {c: chosen_series[c].label() for c in shared}, periods)
