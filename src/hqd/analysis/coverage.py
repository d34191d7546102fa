"""The indicator catalogue with what the store holds for each: figures per district and the years they span."""

from __future__ import annotations

from dataclasses import dataclass

from ..facts.indicators import catalogue
from ..observations import district_names, entries
from ..store import Store
from ..store.catalog import DistrictEntry, district_rows
from .memo import per_version


@dataclass(slots=True)
class IndicatorEntry:
    code: str
    name: str
    dimension: str
    unit: str
    higher_is_better: bool
    facts: int  # figures mapped to it
    districts: dict[str, int]  # district -> figures
    first_year: str | None  # the earliest year a figure speaks of
    last_year: str | None


def indicator_coverage(db: Store) -> list[IndicatorEntry]:
    """The catalogue in dimension order, each indicator with its figures per district and the periods they span.
    Computed once per database version (``memo.per_version``) and shared: callers change nothing in it."""
    return per_version(db, ("indicator-coverage",), lambda: _indicator_coverage(db))


def district_summaries(db: Store) -> list[DistrictEntry]:
    """Every district with its briefings, their dates, figures, targets and indicators covered (``district_rows``), once
    per database version: a pass over every document and every mapped figure."""
    return per_version(db, ("district-rows",), lambda: district_rows(Store.of(db).conn))


def indicators_compared(db: Store) -> set[str]:
    """The indicators whose page has something to show: an observation of a district (an indicator page compares
    districts; a goal, or a park's or company's figure, mapped to an indicator leaves its page empty). Once per
    database version."""
    return per_version(db, ("indicators-compared",), lambda: _compared(db))


def _compared(db: Store) -> set[str]:
    districts = district_names()
    return {e.indicator for e in entries(db) if e.subject in districts}


def _indicator_coverage(db: Store) -> list[IndicatorEntry]:
    per_district, spans = Store.of(db).indicator_figures()
    order = ["scale", "innovation", "coordination", "green", "openness", "sharing", "governance"]
    out = [IndicatorEntry(i.code, i.name, i.dimension, i.unit, i.higher_is_better, sum(per_district.get(i.code, {}).values()),
                          per_district.get(i.code, {}), *spans.get(i.code, (None, None))) for i in catalogue()]
    out.sort(key=lambda e: (order.index(e.dimension) if e.dimension in order else len(order), e.name.lower()))
    return out

