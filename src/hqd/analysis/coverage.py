"""The indicator catalogue with what the store holds for each: figures per district and the years they span."""

from __future__ import annotations

from dataclasses import dataclass

from ..facts.indicators import catalogue
from ..store import Store


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
    """The catalogue in dimension order, each indicator with its figures per district and the periods they span."""
    per_district, spans = Store.of(db).indicator_figures()
    order = ["scale", "innovation", "coordination", "green", "openness", "sharing", "governance"]
    out = [IndicatorEntry(i.code, i.name, i.dimension, i.unit, i.higher_is_better, sum(per_district.get(i.code, {}).values()),
                          per_district.get(i.code, {}), *spans.get(i.code, (None, None))) for i in catalogue()]
    out.sort(key=lambda e: (order.index(e.dimension) if e.dimension in order else len(order), e.name.lower()))
    return out

