"""Mapping rules for particular things a metric counts, where its words alone would name the wrong series.

Projects summed over a group; a bare output, sales or foot traffic of a park, cluster or shopping area; a park's or a
facility's own area; companies not yet listed; passengers; things counted one by one; visits received.
"""

from __future__ import annotations

import re
from functools import cache

from ..extraction.lexicon import load
from ..script import to_simplified
from .catalogue import CJK, Indicator, Mapping, by_code, dimension, is_place_subject, names_of, tokens, unit_reason
from .naming import Asked, match_en, measures_named, read_metric

# Projects named by how they came or by a class are many (引进项目, 签约项目, 产业项目); a clause counting projects just before
# "总投资" / "a total investment of" sums them.
_PROJECTS_MANY_ZH = re.compile(r"(?:引进|签约|新签约?|落地|开工|新开工|在建|招商|产业|重点|重大)项目")
_PROJECTS_COUNTED = re.compile(r"项目[^。；;]{0,12}?[\d一二三四五六七八九十百千两多余]+[个项][^。；;]{0,8}$"
                               r"|\b\d[\d,]*\s+(?:[a-z-]+\s+){0,3}projects\s+(?:with|worth|of)\b[^.;]{0,40}$", re.I)


def projects_summed(q: Asked) -> Mapping | None:
    """A project's total investment is one project's: the investment of many ("total investment of new projects",
    "investment of industrial projects signed") is a sum over a group that no catalogue series keeps.

    >>> map_quantity("total investment of new projects", "CNY", "level", subject="Xinzhuang Industrial Zone").reason
    'no_indicator'
    >>> map_quantity("investment of the second phase", "CNY", "target", subject="Hengyi Semiconductor").code
    'project_investment'

    Chinese marks no plural: the projects are many where the metric names them by how they came (引进项目总投资, 签约项目)
    or by a class (前沿科技产业项目总投资), or where the clause before counts them (新签约项目410个,涉及总投资); so too
    "signed 71 projects with a total investment of".

    >>> map_quantity("引进项目总投资", "CNY", "level", subject="莘庄工业区").reason
    'no_indicator'
    >>> map_quantity("总投资", "CNY", "level", subject="临港新片区", before="新签约前沿科技产业项目410个,涉及总投资超过").reason
    'no_indicator'
    >>> map_quantity("总投资", "CNY", "level", subject="南大智慧城", before="目前已落地企业120多家,总投资超过").code
    'project_investment'
    >>> map_quantity("total investment", "CNY", "level", subject="Lingang Fengxian Park", before="has signed 71 projects with a total investment of ").reason
    'no_indicator'
    >>> map_quantity("total planned investment", "CNY", "level", subject="Lingang Special Area", before="has signed 620 factory projects with a total planned investment of ").reason
    'no_indicator'
    """
    if CJK.search(q.metric) or re.fullmatch(r"(?:the\s+)?(?:total\s+)?(?:planned\s+|intended\s+)?investment", q.metric, re.I):
        named = read_metric(q.metric, q.unit, q.kind, q.subject)
        if named.code != "project_investment":
            return None
        if _PROJECTS_MANY_ZH.search(q.metric) or _PROJECTS_COUNTED.search(q.before):
            return Mapping(None, 0.0, named.alias, "no_indicator")
        return None
    if not re.search(r"\bprojects\b", q.metric, re.I):
        return None
    found = match_en(q.metric)
    if found is None or "project" not in tokens(found[0].name) or re.search(r"\bprojects\b", found[1], re.I):
        return None  # an indicator of something else, or an alias that itself names the projects (major projects)
    return Mapping(None, 0.0, found[1], "no_indicator")


_BARE_SALES = re.compile(r"^(?:(?:the|its|their)\s+)?(?:monthly\s+)?(?:total\s+)?(?:sales|turnover)(?:\s+value)?$|^(?:单月|当月|月度)?(?:商品)?销售(?:总)?额$", re.I)
_SHOPPING_AREA = re.compile(r"商圈|商业街|步行街|商业区|商场|购物|奥特莱斯|\b(?:business|shopping|commercial)\s+(?:circle|district|street|area|village|mall|center|centre)\b"
                            r"|\boutlets?\b|\bmall\b|\bpedestrian street\b", re.I)


_FOOT_TRAFFIC = re.compile(r"^(?:客流|客流量|人流|人流量|foot traffic|footfall|passenger flow)$", re.I)


def shopping_area(q: Asked) -> Mapping | None:
    """A shopping area's foot traffic (客流量) is the visitors it receives; of a station, port or airport it is passenger
    traffic, which no series counts.

    >>> map_quantity("客流量", "count", "level", subject="南京路步行街").code
    'visitors'
    >>> map_quantity("客流量", "count", "level", subject="吴淞口国际邮轮港").code is None
    True
    """
    if not _FOOT_TRAFFIC.match(re.sub(r"^(?:日均|月均|单日|全年|年)", "", q.metric)) or not _SHOPPING_AREA.search(q.subject or ""):
        return None
    indicator = by_code("visitors")
    reason = unit_reason(indicator, q.unit, q.kind)
    return Mapping(None, 0.0, None, reason) if reason else Mapping(indicator.code, 0.7, q.metric)


def _without_subject(metric: str, subject: str | None) -> str:
    """The metric without the subject's name (or, in Chinese, the name's last word: 商圈 of 徐家汇商圈) written before it."""
    if not subject:
        return metric
    if metric.lower().startswith(subject.lower()):
        return metric[len(subject):].strip()
    head = to_simplified(subject)[-2:]
    return metric[len(head):] if CJK.search(head) and metric.startswith(head) else metric


def area_sales(q: Asked) -> Mapping | None:
    """The bare "sales" (销售额) of a business circle, shopping street or mall are the goods sold there: its commodity
    sales, as 南京西路商圈商品销售额 says in full. Of a company or a district a bare "sales" names no one series.

    >>> map_quantity("销售额", "CNY", "level", subject="豫园商圈").code
    'commodity_sales'
    >>> map_quantity("sales", "percent", "change", subject="Outlets Shopping Village").code
    'commodity_sales'
    >>> map_quantity("销售额", "CNY", "level", subject="携程集团").code is None
    True

    A single month's sales (单月销售额) are the same series, of a month.

    >>> map_quantity("单月销售额", "percent", "change", subject="五角场商圈").code
    'commodity_sales'

    A metric that repeats the area's name, whole or by its head word ("Daning Business Circle sales", 商圈销售额 of
    徐家汇商圈), is still bare.

    >>> map_quantity("Daning Business Circle sales", "CNY", "level", subject="Daning Business Circle").code
    'commodity_sales'
    >>> map_quantity("商圈单月销售额", "CNY", "level", subject="徐家汇商圈").code
    'commodity_sales'
    """
    if not _BARE_SALES.match(_without_subject(q.metric, q.subject)) or not _SHOPPING_AREA.search(q.subject or ""):
        return shopping_area(q)
    indicator = by_code("commodity_sales")
    reason = unit_reason(indicator, q.unit, q.kind)
    return Mapping(None, 0.0, None, reason) if reason else Mapping(indicator.code, 0.7)


_BARE_OUTPUT = re.compile(r"^(?:(?:the|its|their)\s+)?(?:total\s+|gross\s+|combined\s+|aggregate\s+)?output(?:\s+value)?$"
                          r"|^(?:总)?产值$", re.I)


def bare_output(q: Asked) -> Mapping | None:
    """A bare "output value" (产值) names neither the industry nor the scope of a series. The catalogue's industrial output
    is that of industrial enterprises above designated size, a statistic the metric must name (industrial output,
    工业总产值); a park's, cluster's or company's bare output is the output of what it makes, so it is the output of an
    industry that the subject's own name names (Automobile City: the automotive industry) where the catalogue keeps
    that industry's output, and no indicator's otherwise (a cosmetics cluster, a robot park, a smart city). Of a
    district, a bare output names no one series either (GDP, industrial output, a sector's).

    >>> map_quantity("combined output", "CNY", "level", subject="Shanghai International Automobile City").code
    'auto_industry_output'
    >>> map_quantity("output value", "CNY", "level", subject="Oriental Beauty Valley").reason
    'no_indicator'
    >>> map_quantity("output", "CNY", "level", subject="Shanghai Robot Industrial Park").reason
    'no_indicator'
    >>> map_quantity("产值", "CNY", "level", subject="东方美谷核心区").reason
    'no_indicator'
    >>> map_quantity("industrial output", "CNY", "level", subject="Lingang Special Area").code
    'industrial_output'
    """
    if not _BARE_OUTPUT.match(q.metric):
        return None
    found = None
    if q.subject and not is_place_subject(q.subject) and not CJK.search(q.subject):
        found = match_en(f"{q.subject} industry output")
    if found is None or found[0].whole or "output" not in measures_named(found[0].name):
        found = _output_named_before(q.before, q.subject)
    if found is not None:
        reason = unit_reason(found[0], q.unit, q.kind)
        return Mapping(None, 0.0, found[1], reason) if reason else Mapping(found[0].code, 0.7, found[1])
    return Mapping(None, 0.0, reason="no_indicator")


def _output_named_before(before: str, subject: str | None) -> tuple[Indicator, str] | None:
    """A bare output that follows an output named in full earlier in its sentence refers back to it: the repeated
    qualifier is dropped (前三季度，园区完成工业产值412.6亿元，增长11.3%；9月当月完成产值51.8亿元). A part named after
    the full output (其中东方美谷产值, or the subject named anew) is another's output, not the same series.

    >>> map_quantity("产值", "CNY", "level", subject="上海湾区高新技术产业开发区", before="园区完成工业产值412.6亿元，增长11.3%；9月当月完成").code
    'industrial_output'
    >>> map_quantity("产值", "CNY", "level", subject="上海化学工业区金山片区", before="受产品价格下行影响，上海化学工业区金山片区前三季度实现").reason
    'no_indicator'
    >>> map_quantity("产值", "CNY", "level", subject="东方美谷", before="全区规上工业总产值2345.6亿元，其中东方美谷").reason
    'no_indicator'
    """
    sentence = re.split(r"[。！？!?\n]", before)[-1]
    for found in reversed(list(re.finditer(r"[\u4e00-\u9fff]{1,12}产值", sentence))):
        named = read_metric(found.group(0), "CNY", "level", None)
        if named.code is not None and "output" in measures_named(by_code(named.code).name):
            between = sentence[found.end():]
            if "其中" in between or any(name and to_simplified(name) in between for name in names_of(subject)):
                return None
            return by_code(named.code), named.alias
    return None


_OWN_PARK = re.compile(r"\bpark area\b|园区面积|公园面积", re.I)


def own_park_area(q: Asked) -> Mapping | None:
    """The park area of a named park, expo or zone is its own land area ("the expo park covers 10 square kilometers"), not
    green space, which is a district's stock of parks and greenery.

    >>> map_quantity("expo park area", "km2", "level", subject="China Flower Expo").code
    'area'
    >>> map_quantity("park area", "ha", "level", subject="Minhang").code
    'green_space'
    """
    if not _OWN_PARK.search(q.metric) or is_place_subject(q.subject):
        return None
    indicator = by_code("area")
    reason = unit_reason(indicator, q.unit, q.kind)
    return Mapping(None, 0.0, None, reason) if reason else Mapping(indicator.code, 0.7, "park area")


_PENDING_LISTING = re.compile(r"(?:排队|拟|待|申报|辅导)[^，。；,]{0,2}上市|上市后备|\b(?:pre-ipo|preparing (?:to|for) (?:list|go public|an ipo)"
                              r"|pending (?:ipo|listing)|(?:ipo|listing) (?:pipeline|queue|reserve))\b", re.I)


def not_yet_listed(q: Asked) -> Mapping | None:
    """Companies queueing for, preparing or applying for a listing (排队上市企业, 拟上市企业, 上市后备企业, "companies preparing
    to go public") are not listed yet: no series counts them.

    >>> map_quantity("排队上市企业", "count", "level").reason
    'no_indicator'
    >>> map_quantity("上市企业", "count", "level").code
    'listed_companies'
    """
    if not _PENDING_LISTING.search(q.metric):
        return None
    named = read_metric(q.metric, q.unit, q.kind, q.subject)
    return Mapping(None, 0.0, named.alias, "no_indicator") if named.code == "listed_companies" else None


_PASSENGER_WORDS = re.compile(r"邮轮|\bcruises?\b", re.I)
_TRANSPORT_SUBJECT = re.compile(r"邮轮|港口|码头|机场|火车站|客运站|枢纽|\b(?:cruise|ferry|port|terminal|airport|railway station)\b", re.I)


def passengers(q: Asked) -> Mapping | None:
    """The visitors a port, terminal, airport or station receives, and a cruise's (接待游客 of a cruise terminal, "cruise
    passengers"), are passengers: passenger traffic, which no series counts. The visitors series is of a place's sights,
    parks and streets.

    >>> map_quantity("接待游客", "count", "level", subject="吴淞口国际邮轮港").reason
    'no_indicator'
    >>> map_quantity("接待游客", "count", "level", subject="Baoshan", before="宝山邮轮旅客量年均增长38.6%,2018年全年接待游客").reason
    'no_indicator'
    >>> map_quantity("接待游客", "count", "level", subject="Baoshan", before="2018年全年").code
    'visitors'
    """
    named = read_metric(q.metric, q.unit, q.kind, q.subject)
    if named.code != "visitors":
        return None
    clause = re.split(r"[。；;!?！？]", q.before)[-1]
    if _TRANSPORT_SUBJECT.search(q.subject or "") or _PASSENGER_WORDS.search(q.metric) or _PASSENGER_WORDS.search(clause):
        return Mapping(None, 0.0, named.alias, "no_indicator")
    return None


@cache
def _counted_nouns() -> frozenset[str]:
    return frozenset(load("indicators")["counted"]["en"])


def counted_things(q: Asked) -> Mapping | None:
    """A metric headed by things counted one by one ("parcels handled by the express delivery industry", "vehicles
    produced") measures a number, whatever unit its change is given in: it cannot measure an indicator kept in money or
    area (express revenue, automotive output).

    >>> map_quantity("parcels handled by the express delivery industry", "percent", "change").reason
    'unit'
    >>> map_quantity("express delivery industry revenue", "percent", "change").code
    'logistics_revenue'
    """
    words = re.findall(r"[a-z]+", q.metric.lower())
    if not words or words[0] not in _counted_nouns():
        return None
    named = read_metric(q.metric, q.unit, q.kind, q.subject)
    if named.code is None or dimension(by_code(named.code).unit) == "count":
        return None
    return Mapping(None, 0.0, named.alias, "unit")


_RECEIVED = re.compile(r"\b(?:received|receives|drew|draws|welcomed|welcomes|attracted|attracts|hosted|hosts)\s+"
                       r"(?:(?:about|nearly|some|around|roughly|almost|over|more than)\s+)?(?:[\d.,]+\s*(?:million|billion|thousand)?\s+visits\b[^.;]*)?$", re.I)


def visits_received(q: Asked) -> Mapping | None:
    """The visits a place receives ("Fengjing Ancient Town received 4.9 million visits", "drew 1.2 million") are its
    visitors, counted in person-times as 人次 counts them; visits paid by someone (to enterprises) are no visitors.

    >>> map_quantity("visits", "count", "level", subject="Fengjing Ancient Town", before="Fengjing Ancient Town received ").code
    'visitors'
    >>> map_quantity("visits", "percent", "change", before="Huaihai Road Pedestrian Street received some 86 million visits in 2025, up ").code
    'visitors'
    >>> map_quantity("visits", "count", "level", before="officials paid ").code is None
    True
    """
    if not re.fullmatch(r"(?:tourist\s+|visitor\s+)?visits", q.metric, re.I) or not _RECEIVED.search(q.before):
        return None
    indicator = by_code("visitors")
    reason = unit_reason(indicator, q.unit, q.kind)
    return Mapping(None, 0.0, None, reason) if reason else Mapping(indicator.code, 0.7, q.metric)


_FACILITY = re.compile(r"\b(?:factory|factories|plant|gigafactory|hub|production base|campus|warehouse|depot|station)\b|工厂|厂区|厂房|基地|枢纽|场站", re.I)


def facility_site(q: Asked) -> Mapping | None:
    """The area of a named company's or project's plant, factory or hub ("a 130,000-square-meter smart factory", "its new
    160,000-square-meter smart sorting hub") is its site: the land area of a named subject. A floor area is another
    measure, and a district's factories are many.

    >>> map_quantity("smart sorting hub", "m2", "level", subject="ZTO Express").code
    'area'
    >>> map_quantity("smart factory area", "m2", "level", subject="Jahwa United").code
    'area'
    >>> map_quantity("smart factory floor area", "m2", "level", subject="Jahwa United").code is None
    True
    >>> map_quantity("smart factories", "m2", "level", subject="Fengxian").code is None
    True
    """
    if dimension(q.unit) != "area" or is_place_subject(q.subject) or not _FACILITY.search(q.metric):
        return None
    if "floor_area" in measures_named(q.metric):
        return None
    return Mapping("area", 0.7, q.metric)
