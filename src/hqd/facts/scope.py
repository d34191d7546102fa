"""Mapping rules on what a figure's metric covers: whether it is a figure at all, and of the whole subject.

- The sentence is read only when the quantity has no metric at all, at lower confidence.
- A duration ("12 consecutive years") measures no indicator but one kept in time units.
- A bound inside a description ("platforms with transaction value exceeding 100 million yuan", 亿元以上交易量的电商平台)
  is a *threshold*, not a figure.
- A metric that narrows the subject to some enterprises, industries or places ("tax revenue from the 3+3 key
  industries", 区属规模以上工业产值), names a counted group ("four clusters", "top 100 enterprises"), a batch, a section
  of the subject, or a subgroup of what an indicator counts (入境游客, "tertiary hospitals") is a *part* of it.
- A figure per person, per unit of land or output, or per day is a ratio: it measures only an indicator that is
  itself such a ratio.
- How far a plan is done (完成进度) is *target_progress*.
"""

from __future__ import annotations

import re

from .catalogue import CJK, Mapping, by_code, dimension, unquote
from .naming import Asked, read_metric
from .things import shopping_area

_NUMERAL = r"(?:two|three|four|five|six|seven|eight|nine|ten|\d+)"
_GROUP = r"(?:clusters?|industries|sectors|parks|zones|enterprises|companies|firms|buildings)"
_PART_EN = re.compile(
    rf"\btop \d+|\b{_NUMERAL}\s+(?:(?:major|key|leading|pillar|emerging|industrial)\s+)*{_GROUP}\b|\bclusters?\b"
    r"|\bkey (?:industries|sectors)\b|\bbatch\b|\bspecialty industrial parks?\b|\bindustrial parks?\b|\bcore (?:area|zone)s?\b"
    r"|\bwithin (?:the )?[A-Z]|\bextension (?:area|zone)s?\b|\bexpansion (?:area|zone)s?\b"
    # Trade in some goods ("exports of electric vehicles, lithium batteries and solar cells"): a part of the trade.
    r"|\b(?:[Ee]xports|[Ii]mports|[Tt]rade)\s+(?:of|in)\s+(?!(?:the|its|their|all|total|goods|services|commodities)\b)[a-z]",
)
_PART_ZH = re.compile(r"[一二三四五六七八九十两\d]+(?:个|大)[^，。；]{0,8}(?:产业|集群|行业|领域|企业|园区)|区属|重点产业(?!项目)|批次|第[一二三四五六七八九十]批"
                      r"|核心(?:园)?区|扩区|拓展区")
_THRESHOLD_EN = re.compile(r"\d[\d,.]*\s*(?:million|billion|trillion|yuan)|\b(?:valued at|exceeding|or more|or above)\b", re.I)
_THRESHOLD_ZH = re.compile(r"(?:[\d十百千万亿]+|亿元|万元)(?:元)?(?:以上|以下|及以上)")


# A clause that sums its group ("214 projects with total investment of more than 90 billion yuan") bounds no member of it.
_NOT_TOTAL = r"(?:(?!\b(?:total|combined|aggregate|overall)\b)[^.;,])"
_RATE_METRIC = re.compile(r"\b(?:share|proportion|rate|ratio|percentage)\b|比重|占比|比例|率", re.I)


# A money figure set straight before the noun it classifies names a class by a size (税收超千万元企业, 亿元楼, 百亿元级项目).
_CLASSED_NOUN_ZH = re.compile(r"(?:级|以上|及以上)?的?(?:企业|楼宇|楼|项目|平台|商户|集群|园区|工厂|产业集群)")


_PER_AMOUNT = re.compile(r"\bper\s+\d[\d,.]*\s*(?:million\s+|billion\s+)?yuan\b", re.I)


def _is_threshold(metric: str, text: str | None, before: str, after: str) -> bool:
    """The figure (or the metric it counts) is a bound inside a description, not a figure of its own."""
    if _THRESHOLD_EN.search(_PER_AMOUNT.sub(" ", metric)) and not CJK.search(metric):
        return True  # an amount after "per" divides ("energy consumption per 10,000 yuan of GDP"): it bounds nothing
    if CJK.search(metric) and _THRESHOLD_ZH.search(metric):
        return True
    t = (text or "").strip()
    if re.search(r"\d-(?:million-|billion-|trillion-)?(?:yuan|dollar)\b|\d-(?:million|billion)\b", t):
        return True  # "100-billion-yuan science parks": a class named by a size
    if re.match(r"\s*(?:or more|or above|and above|or higher|or over)\b", after):
        return True
    if re.search(rf"[a-z]s\s+(?:with|each|whose|where|[a-z]+ing)\b{_NOT_TOTAL}{{0,50}}\b(?:exceeding|over|above|more than|at least|valued at|worth)\s*$", before):
        return True
    if re.match(rf"\s*[\w' -]{{0,40}}?\b(?:each|with|whose)\b{_NOT_TOTAL}{{0,40}}?\b(?:valued at|exceeding|over|above|more than|at least|worth)\b", after):
        return True
    if t.endswith(("以上", "以下")) and re.match(r"[^，。；、,.;]{0,8}的", after):
        return True  # 亿元以上交易量的电商平台
    if CJK.search(t) and "元" in t and _CLASSED_NOUN_ZH.match(after):
        return True  # 税收超千万元企业: the enterprises of that class, not a tax of its own
    return False


def no_metric(q: Asked) -> Mapping | None:
    """A figure without a metric maps only if its sentence names an indicator (with less confidence)."""
    if q.metric:
        return None
    if q.sentence:
        found = read_metric(q.sentence, q.unit, q.kind, q.subject)
        if found.code is not None:
            return Mapping(found.code, round(found.confidence * 0.7, 3), found.alias)
    return Mapping(None, 0.0, reason="no_metric")


def duration(q: Asked) -> Mapping | None:
    """A duration ("12 consecutive years") measures no indicator unless the indicator is itself a time (approval days).

    >>> map_quantity("public safety satisfaction", "year", "level").reason
    'duration'
    >>> map_quantity("approval time", "day", "level").code
    'approval_time'
    """
    if dimension(q.unit) != "duration":
        return None
    named = read_metric(q.metric, q.unit, q.kind, q.subject)
    if named.code is None or dimension(by_code(named.code).unit) != "duration":
        return Mapping(None, 0.0, named.alias, "duration")
    return None


def threshold(q: Asked) -> Mapping | None:
    """A bound inside a description ("platforms with transaction value exceeding 100 million yuan") is no figure of its own.
    A share or rate bounded so ("a share of days with good air quality of at least 90%") is the figure itself, and a
    clause that sums its group ("214 projects with total investment of more than 90 billion yuan") bounds no member.

    >>> map_quantity("e-commerce platforms", "count", "level", text="100 million yuan", before="platforms with transaction value exceeding ").reason
    'threshold'
    >>> map_quantity("tax paid per building", "CNY", "level", text="100 million yuan", before="the number of buildings paying more than ").reason
    'threshold'
    >>> map_quantity("share of days with good air quality", "percent", "target", text="90%", before="a share of days with good air quality of at least ").code
    'air_quality_rate'
    >>> map_quantity("industrial projects attracted", "count", "level", text="214", after=" industrial projects with total investment of more than 90 billion yuan").code
    'manufacturing_projects'
    >>> map_quantity("税收", "CNY", "level", text="超千万元", after="企业42家").reason
    'threshold'
    >>> map_quantity("税收", "CNY", "level", text="95.2亿元", after=",增长10.4%").code
    'tax_revenue'
    >>> map_quantity("energy consumption per 10,000 yuan of GDP", "percent", "change", text="4.3%").code
    'energy_intensity'
    """
    if dimension(q.unit) == "percent" and _RATE_METRIC.search(q.metric):
        return None
    return Mapping(None, 0.0, reason="threshold") if _is_threshold(q.metric, q.text, q.before, q.after) else None


def named_part(q: Asked) -> Mapping | None:
    """A metric that narrows the subject to some of it (four clusters, the top 100 enterprises, one batch of projects,
    its core area) measures a part, not the indicator of the whole.

    >>> map_quantity("核心园区面积", "km2", "level", subject="花博园区").reason
    'part'
    >>> map_quantity("规划面积", "km2", "level", subject="花博园区").code
    'area'
    >>> map_quantity("digital enterprises", "count", "level", before="Its 5.5-kilometer central section now hosts ").reason
    'part'
    >>> map_quantity("extension area", "km2", "level", subject="Fengxian New City").reason
    'part'
    >>> map_quantity("exports of electric vehicles, lithium batteries and solar cells", "CNY", "level").reason
    'part'
    >>> map_quantity("exports of goods", "CNY", "level").code
    'exports'
    """
    if (_PART_EN.search(q.metric) or _PART_ZH.search(unquote(q.metric))
            or re.search(r"\bbatch(?:es)? of\s*(?:the\s+)?$|第[一二三四五六七八九十\d]+批$", q.before)
            or _SECTION_BEFORE.search(q.before)):
        return Mapping(None, 0.0, reason="part")
    return None


# The clause before the figure says it is of a section of the subject ("Its 5.5-kilometer central section now hosts").
_SECTION_BEFORE = re.compile(r"\bits\s+(?:[\w.-]+\s+){0,3}(?:section|segment|portion|core area|core zone)\b(?:(?!\b(?:and|while|but)\b)[^,;])*$",
                             re.I)


# Qualifiers that pick some of what is counted: of origin (入境, overseas), of grade or rank (三级医院, tertiary, A级景区),
# of kind (发明专利, 乡村旅游, 民宿, 过夜游客); of age, for a rate of people (青年失业率, youth unemployment).
_SUBGROUP = re.compile(r"入境|境外|海外|外籍|三级|三甲|甲级|发明|A级|乡村旅游|民宿|过夜"
                       r"|\b(?:inbound|overseas|foreign|international|tertiary|invention|overnight|rural tourism|homestays?"
                       r"|top-tier|first-class|grade[- ]?(?:a|iii|3)|[345]a(?:-level)?)\b", re.I)


_AGE_GROUP = re.compile(r"青年|高校毕业生|\b(?:youth|young people|graduates?)\b", re.I)


def subgroup(q: Asked) -> Mapping | None:
    """A qualifier of origin (入境游客, "overseas visitors", 境外上市企业) or of grade (三级医院, "tertiary hospitals") picks
    some of what an indicator counts: a part of it, unless the indicator's own name says so (foreign trade,
    foreign-invested enterprises).

    >>> map_quantity("tertiary hospitals", "count", "level").reason
    'part'
    >>> map_quantity("三甲医院", "count", "level").reason
    'part'
    >>> map_quantity("hospitals", "count", "level").code
    'hospitals'

    >>> map_quantity("入境游客", "count", "level").reason
    'part'
    >>> map_quantity("游客", "count", "level").code
    'visitors'
    >>> map_quantity("foreign direct investment", "USD", "level").code
    'foreign_investment'

    An invention patent is a kind of patent: 发明专利授权 are some of the patents granted (the catalogue's invention patents
    are the stock of effective ones, which its name says).

    >>> map_quantity("发明专利授权", "count", "level").reason
    'part'
    >>> map_quantity("乡村旅游接待游客", "count", "level").reason
    'part'
    >>> map_quantity("A级景区接待游客", "count", "level").reason
    'part'
    >>> map_quantity("青年失业率", "percent", "level").reason
    'part'
    >>> map_quantity("失业率", "percent", "level").code
    'unemployment_rate'
    >>> map_quantity("青年人才公寓", "count", "level").code
    'talent_housing'
    >>> map_quantity("有效发明专利", "count", "level").code
    'invention_patents'
    """
    found = _SUBGROUP.search(q.metric) or (q.unit == "percent" and _AGE_GROUP.search(q.metric))
    if not found:
        return None
    named = read_metric(q.metric, q.unit, q.kind, q.subject)
    indicator = by_code(named.code)
    if indicator is None or _SUBGROUP.search(named.alias or "") or _SUBGROUP.search(f"{indicator.name} {indicator.name_zh or ''}"):
        return None
    return Mapping(None, 0.0, named.alias, "part")


_PER_PERSON = re.compile(r"\bper (?:capita|head|person|(?:10,000|ten thousand|1,000|thousand|100,000) (?:people|residents|persons|population))\b"
                         r"|\bper-capita\b|每(?:万|千|十万|百)?人(?:口)?|人均"
                         r"|\bper (?:square (?:kilometer|kilometre|meter|metre)|sq\.? ?km|km2|hectare|mu|unit of|10,000 yuan of)\b"
                         r"|每平方(?:公里|千米|米)|单位(?:工业)?(?:产值|增加值|面积|土地)|万元(?:工业)?(?:产值|增加值)", re.I)


def per_person(q: Asked) -> Mapping | None:
    """A figure per person (每万人口发明专利拥有量, "per capita GDP") is a ratio to the population, and one per unit of land
    or output ("tax revenue per square kilometer", 每平方公里税收, 单位产值能耗) a ratio to that: it measures an indicator
    only if that indicator is itself such a ratio (per capita disposable income, tax per mu, energy use per unit of
    GDP), never the total the ratio divides.

    >>> map_quantity("每万人口高价值发明专利拥有量", "count", "level").reason
    'no_indicator'
    >>> map_quantity("per capita GDP", "CNY", "level").reason
    'no_indicator'
    >>> map_quantity("居民人均可支配收入", "CNY", "level").code
    'disposable_income'
    >>> map_quantity("tax revenue per square kilometer", "CNY", "level").reason
    'no_indicator'
    >>> map_quantity("单位产值能耗", "percent", "change").reason
    'no_indicator'
    >>> map_quantity("万元工业增加值能耗", "percent", "change").reason
    'no_indicator'
    >>> map_quantity("tax revenue per mu", "CNY/mu", "level").code
    'tax_per_mu'
    """
    if not _PER_PERSON.search(q.metric):
        return None
    named = read_metric(q.metric, q.unit, q.kind, q.subject)
    if named.code is None or _PER_PERSON.search(named.alias or "") or _PER_PERSON.search(by_code(named.code).name):
        return None
    return Mapping(None, 0.0, named.alias, "no_indicator")


_PER_DAY = re.compile(r"\b(?:per|a|each|every) (?:day|month|week|hour)\b|\bdaily\b|\bon average each day\b|日均|月均|每日|每天|每月|单日", re.I)


def per_day(q: Asked) -> Mapping | None:
    """A figure per day or per month ("50,000 visitors a day on holidays", 日均客流量) is a rate: it measures no series that
    counts the whole of a period (visitors, sales, tax of a year or quarter), unless that series is itself a rate.

    >>> map_quantity("visitors on holidays per day", "count", "level", subject="North Bund").reason
    'no_indicator'
    >>> map_quantity("visitors", "count", "level", subject="North Bund", after=" a day on holidays.").reason
    'no_indicator'
    >>> map_quantity("日均客流量", "count", "level", subject="南京路步行街").reason
    'no_indicator'
    >>> map_quantity("visitors", "count", "level", subject="Jinshan City Beach", after=" last year.").code
    'visitors'
    """
    if not (_PER_DAY.search(q.metric) or re.match(r"\s*(?:[a-z-]+\s+){0,2}(?:a|per|each|every) (?:day|month)\b", q.after, re.I)):
        return None
    named = read_metric(q.metric, q.unit, q.kind, q.subject)
    if named.code is None and CJK.search(q.metric):
        named = shopping_area(q) or named
    indicator = by_code(named.code)
    if indicator is None or dimension(indicator.unit) not in ("count", "money") or _PER_DAY.search(indicator.name):
        return None
    return Mapping(None, 0.0, named.alias, "no_indicator")


def plan_progress(q: Asked) -> Mapping | None:
    """How far a plan is done (完成进度, 目标完成) is progress against the plan, not the indicator."""
    return Mapping(None, 0.0, reason="target_progress") if re.search(r"完成进度|目标完成", q.metric) else None
