"""Map a quantity to an indicator of the catalogue (lexicon/indicators.json), or say why it maps to none.

A quantity maps to an indicator only when its metric names that indicator for the whole subject, in a unit that can
measure it. The mapping asks an ordered table of rules, each stating one fact of the language in its docstring with
its own examples; the first that answers decides, and the last (the indicator the metric names) always answers. The
rules live by what they read:

- ``catalogue``: the indicators, the answer (``Mapping``), why none (``REASONS``), what a unit can measure;
- ``naming``: which indicator a phrase names (English and Chinese alias matching), and the last rule;
- ``scope``: no metric, a duration, a threshold, a named part or subgroup, a ratio per person or per day, plan progress;
- ``shares``: a share, and the whole it is a share of;
- ``additions``: an addition to a stock, and things built or rebuilt;
- ``things``: particular things counted (projects, a bare output or sales, foot traffic, sites, listings, visits).

This module is the mapping's public face: the rest of hqd imports from it.
"""

from __future__ import annotations

from ..script import to_simplified
from . import additions, scope, shares, things
from .catalogue import (ADDED, MAPPED_AT, REASONS, CJK, Indicator, Mapping, by_code, catalogue, dimension,
                        is_place_subject, tokens)
from .naming import Asked, named_by_metric

__all__ = ["ADDED", "MAPPED_AT", "REASONS", "Indicator", "Mapping", "by_code", "catalogue", "dimension", "is_place_subject",
           "map_metric", "map_quantity", "tokens"]


# Asked in order; the first that answers decides. named_by_metric always answers.
_MAPPING_RULES = (scope.no_metric, scope.duration, scope.threshold, scope.named_part, scope.subgroup, scope.per_person,
                  scope.per_day, shares.share, scope.plan_progress, additions.built_or_rebuilt, additions.addition,
                  things.projects_summed, things.bare_output, things.area_sales, things.own_park_area, things.not_yet_listed,
                  things.passengers, things.counted_things, things.visits_received, things.facility_site)


def map_quantity(metric: str | None, unit: str | None, kind: str | None, *, text: str | None = None,
                 subject: str | None = None, district: str | None = None, sentence: str | None = None,
                 before: str = "", after: str = "") -> Mapping:
    """The indicator a quantity measures for its whole subject, or the reason it measures none.

    ``before`` and ``after`` are the words of the sentence on either side of the
    figure's span; ``subject`` and ``district`` tell a zone's share of its district.
    """
    metric = (metric or "").strip()
    if CJK.search(metric):  # a traditional text names the same indicators: read its words in simplified characters
        metric, text, before, after = to_simplified(metric), text and to_simplified(text), to_simplified(before), to_simplified(after)
    asked = Asked(metric, unit, kind, text, subject, district, sentence, before, after)
    for rule in _MAPPING_RULES:
        answer = rule(asked)
        if answer is not None:
            return answer
    return named_by_metric(asked)


def map_metric(metric: str | None, unit: str | None = None, kind: str | None = None, sentence: str | None = None) -> Mapping:
    """The indicator a metric phrase names (no context beyond unit, kind and sentence); code None when unmapped."""
    return map_quantity(metric, unit, kind, sentence=sentence)
