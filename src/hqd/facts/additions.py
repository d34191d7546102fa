"""Additions to a stock: "20 new regional headquarters", 新增养老床位, things built or rebuilt.

An addition to a stock maps to the stock's indicator as a change of it (``Mapping.added``; observations give it the
basis "added"), or to the catalogue's own series of additions to that stock; a rise in the number added is a change of
a *flow* no series has.
"""

from __future__ import annotations

import re
from functools import cache

from .catalogue import ADDED, CJK, Indicator, Mapping, by_code, catalogue, dimension, unquote
from .naming import Asked, read_metric

_FLOW_EN = re.compile(r"^\s*(?:the\s+)?(?:new|newly|additional)\b", re.I)
_FLOW_ZH = re.compile(r"^(?:新增|新设|新建|新引进|新开|新认定|新获批|新获评|新上市|新落户|新入驻)")


def _is_flow(metric: str, alias: str | None) -> bool:
    """"new kindergartens", 新增养老床位: a number added in a period, where the alias names the stock."""
    if alias is None:
        return False
    if CJK.search(metric):
        return bool(_FLOW_ZH.match(unquote(metric))) and not _FLOW_ZH.match(alias)
    return bool(_FLOW_EN.match(metric)) and not _FLOW_EN.match(alias)


@cache
def _addition_series() -> dict[str, Indicator]:
    """Stock code -> the catalogue's series of additions to it (green_space -> new_green_space)."""
    return {i.adds_to: i for i in catalogue() if i.adds_to}


def addition(q: Asked) -> Mapping | None:
    """An addition to a stock is a change of the stock, not its level: "20 new regional headquarters", 新增专精特新企业,
    "150 new high-tech enterprises" (a goal) measure how the number of headquarters or enterprises grew in a period.
    They map to the stock's indicator marked ADDED, so that observations keep them apart from the stock's level (measure
    change, basis "added"), or, where the catalogue keeps the additions to that stock as a series of their own
    (``adds_to``: 新增公共绿地 is new_green_space), to that series. A metric whose indicator is itself a count of
    additions (new enterprises registered, 新增就业岗位) is no addition to anything: it maps as it is. A rise in the number added ("new listings up 20%") is a change of the
    flow, which no catalogue series measures: unmapped (flow); "gained 160 new ones" is the addition itself.

    >>> m = map_quantity("new regional headquarters", "count", "level"); (m.code, m.added)
    ('headquarters', True)
    >>> m = map_quantity("新增养老床位", "count", "target"); (m.code, m.added)
    ('elderly_care', True)
    >>> m = map_quantity("新认定跨国公司地区总部", "count", "level"); (m.code, m.added)  # newly recognised: added too
    ('headquarters', True)
    >>> map_quantity("new high-tech enterprises", "percent", "change").reason
    'flow'
    >>> m = map_quantity("new high-tech enterprises", "count", "change"); (m.code, m.added)
    ('high_tech_enterprises', True)
    >>> m = map_quantity("新增就业岗位", "count", "level"); (m.code, m.added)
    ('employment', False)
    >>> m = map_quantity("新增公共绿地", "ha", "level"); (m.code, m.added)
    ('new_green_space', False)
    """
    if not q.metric or q.kind not in ("level", "target", "change"):
        return None
    named = read_metric(q.metric, q.unit, q.kind, q.subject)
    if named.code is None or by_code(named.code).flow or not _is_flow(q.metric, named.alias):
        return None  # "newly created jobs" are the new jobs series itself
    if q.kind == "change" and dimension(q.unit) in ("percent", "times", "pp"):
        return Mapping(None, 0.0, named.alias, "flow")
    series = _addition_series().get(named.code)
    if series is not None:  # the catalogue keeps these additions as a series of their own
        return Mapping(series.code, named.confidence, named.alias)
    return Mapping(named.code, named.confidence, named.alias, None, ADDED)  # "gained 160 new ones": the addition itself


_REBUILT = re.compile(r"改扩建|改建|扩建|\b(?:rebuilt|renovated|expanded|upgraded)\b", re.I)


def built_or_rebuilt(q: Asked) -> Mapping | None:
    """Things built or rebuilt together (新建改扩建学校, "schools built, rebuilt or expanded") mix additions with old ones
    made over: no series of additions counts them.

    >>> map_quantity("新建改扩建学校", "count", "level").reason
    'no_indicator'
    >>> map_quantity("新建学校", "count", "level").code
    'new_schools'
    """
    if not _REBUILT.search(q.metric):
        return None
    named = read_metric(q.metric, q.unit, q.kind, q.subject)
    indicator = by_code(named.code)
    if indicator is None or _REBUILT.search(named.alias or ""):
        return None
    if not (indicator.adds_to or indicator.flow or (indicator.code in _addition_series() and _is_flow(q.metric, named.alias))):
        return None
    return Mapping(None, 0.0, named.alias, "no_indicator")
