"""The mapping rule for shares: the indicator a share is of, and the whole it is a share of.

A share maps to the indicator of its part and records what it is a share of: the city's total, the nation's, or the
subject's own total. A share of an unstated whole, or a zone's share of its district, is a *part*. A share of a plan
("share of annual target", 完成进度) is *target_progress*.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from ..script import to_simplified
from .catalogue import CJK, Indicator, Mapping, by_code, catalogue, dimension, is_place_subject, names_of, tokens, unit_reason
from .naming import Asked, indicator_named, match_en, match_zh, measures_named, read_metric

_PROGRESS = re.compile(r"\b(?:annual |the )?(?:target|plan)\b|完成进度|目标完成|进度", re.I)
_SHARE_CITY = re.compile(r"\bcity'?s?\b|\bshanghai\b|\bmunicipal(?:ity)?\b|全市|上海", re.I)
_SHARE_NATION = re.compile(r"\bnation(?:al|wide|'s)?\b|\bcountry\b|\bchina\b|全国", re.I)
_SHARE_TOTAL = re.compile(r"\bdistrict'?s?\b|\btotal\b|\bwhole\b|\bentire\b|全区|本区", re.I)
_SHARE_SPLIT_EN = re.compile(r"(?:'s?\s+)?\s*\b(?:share|proportion|percentage)\b(?:\s+of)?|\baccount(?:s|ing|ed)? for\b", re.I)


_SHARE_WORDS = re.compile(r"\bshare\b|\bproportion\b|占.*比重|比重$|占比|相当于.*比例", re.I)


def _share_whole(whole: str) -> str | None:
    if _SHARE_NATION.search(whole):
        return "nation"
    if _SHARE_CITY.search(whole):
        return "city"
    if _SHARE_TOTAL.search(whole):
        return "total"
    return None


def _split_share(metric: str) -> tuple[str, str | None]:
    """(the part, the whole as written or None) of a share's metric."""
    if CJK.search(metric):
        bare = re.sub(r"(?:的)?(?:比重|占比|份额|比例)$", "", metric)
        for verb in ("占", "相当于"):  # 占 before the whole; the 占 of a closing 占比 is no verb (战略性新兴产业产值占比)
            if verb in bare:
                part, _, whole = bare.partition(verb)
                return part, whole
        return bare, None
    match = _SHARE_SPLIT_EN.search(metric)
    if match and match.start() > 0:
        return metric[:match.start()], metric[match.end():]
    if match and _share_whole(metric[match.end():]) in ("city", "nation"):
        return "", metric[match.end():]  # "share of the city's retail sales": the subject's, of the city's
    return metric, None


def share(q: Asked) -> Mapping | None:
    """A share maps to the indicator its part names, with the whole it is of (the subject's total, the city's, the
    nation's); a share of another indicator's total, of an unstated whole, or a zone's share of its district is a part.
    A change of a share in points maps only where the share is itself an indicator (R&D spending's share of GDP is R&D
    intensity); a point change of another share ("the tertiary industry's share rose 1.1 points") has no series.

    >>> map_quantity("spending on research and development share of GDP", "pp", "change").code
    'rd_intensity'
    >>> map_quantity("tertiary industry share of gross domestic product", "pp", "change").reason
    'unit'
    >>> map_quantity("研究与试验发展经费支出相当于地区生产总值的比例", "percent", "level").code
    'rd_intensity'
    """
    worded = bool(_SHARE_WORDS.search(q.metric))
    share_target = q.kind in ("target", "level") and dimension(q.unit) == "percent" and worded  # a level in % said as a share is one
    share_change = q.kind == "change" and dimension(q.unit) == "pp" and worded
    if q.kind != "share" and not share_target and not share_change:
        return None
    if not share_change:
        return _share_mapping(replace(q, kind="share") if q.kind == "level" else q)
    found = _share_mapping(replace(q, unit="percent", kind="share"))
    return found if found.code is not None and dimension(by_code(found.code).unit) == "percent" else None


def _share_mapping(q: Asked) -> Mapping:
    if _PROGRESS.search(q.metric):
        return Mapping(None, 0.0, reason="target_progress")
    whole_metric = read_metric(q.metric, q.unit, q.kind, q.subject)
    if whole_metric.code is not None and dimension(by_code(whole_metric.code).unit) == "percent":
        return whole_metric  # an indicator that is itself a share: R&D intensity, the air quality rate
    part, whole = _split_share(q.metric)
    named = read_metric(part or q.metric, q.unit, q.kind, q.subject)
    of = indicator_named(whole) if whole else None
    if named.code is None:
        return _subjects_share(q, part, whole, of) or named
    indicator = by_code(named.code)
    if of is not None and of.code not in (indicator.code, indicator.share_of):
        ratio = _ratio(indicator.code, of.code)
        if ratio is not None:
            return Mapping(ratio.code, named.confidence, named.alias)
        return Mapping(None, 0.0, named.alias, "part")  # the digital economy's share of the tax: the tax of a part
    share_of = _share_of(q, whole, of, indicator)
    if share_of is None:
        return Mapping(None, 0.0, named.alias, "part")  # a share of an unstated whole
    if (share_of == "total" and q.subject and q.district and q.subject != q.district and not is_place_subject(q.subject)
            and not _whole_is_subjects(whole, of, q.subject)):
        return Mapping(None, 0.0, named.alias, "part")  # a zone's share of its district
    return Mapping(named.code, named.confidence, named.alias, None, share_of)


@cache
def _ratios() -> dict[tuple[str, str], Indicator]:
    return {i.ratio: i for i in catalogue() if i.ratio}


def _ratio(part: str, whole: str) -> Indicator | None:
    """The indicator that is the ratio of two series: R&D spending over GDP is R&D intensity (研发经费投入占地区生产总值比重,
    研究与试验发展经费支出相当于地区生产总值的比例).

    >>> map_quantity("研发经费投入占地区生产总值比重", "percent", "target").code
    'rd_intensity'
    >>> map_quantity("研究与试验发展经费支出相当于地区生产总值的比例", "percent", "share").code
    'rd_intensity'
    """
    return _ratios().get((part, whole))


def _subjects_share(q: Asked, part: str, whole: str | None, of: Indicator | None) -> Mapping | None:
    """A share whose part is the subject itself ("Pudong's share of the city's GDP", 占全市生产总值的比重, "one in seven
    of the city's regional headquarters") is the subject's figure of the indicator its whole names, as a share of the
    city's or the nation's total.

    >>> map_quantity("Pudong share of the city's GDP", "percent", "share", subject="Pudong").share_of
    'city'
    >>> map_quantity("占全市生产总值的比重", "percent", "share", subject="Pudong").code
    'gdp'
    >>> map_quantity("浦东新区占全市生产总值的比重", "percent", "share", subject="Pudong").share_of
    'city'
    >>> map_quantity("district share of the city's regional headquarters of multinational companies", "percent", "share").code
    'headquarters'
    >>> map_quantity("Pudong share of the city's GDP", "percent", "share", subject="Lujiazui").code is None
    True
    >>> map_quantity("share of the city's retail sales", "percent", "share", subject="Xuhui").share_of
    'city'
    """
    if of is None or not whole or _share_whole(whole) not in ("city", "nation"):
        return None
    if CJK.search(part):
        rest = part
        for name in sorted({*names_of(q.subject), *names_of(q.district), "全区", "本区", "该区"}, key=len, reverse=True):
            rest = rest.replace(to_simplified(name), "")
        if re.sub(r"[\s的]", "", rest):
            return None
    elif not set(tokens(part)) <= {*tokens(q.subject), *tokens(q.district)}:
        return None
    if of.subjects == "named" and is_place_subject(q.subject):
        return Mapping(None, 0.0, None, "part")  # the catalogue keeps it for named places only (a district's land area)
    reason = unit_reason(of, q.unit, q.kind)
    return Mapping(None, 0.0, None, reason) if reason else Mapping(of.code, 0.7, None, None, _share_whole(whole))


def _whole_is_subjects(whole: str | None, of: Indicator | None, subject: str) -> bool:
    """The whole a zone's share is of names the zone itself (新能源汽车产业产值占新片区规上工业总产值的比重, of 临港新片区): its own total.

    >>> map_quantity("新能源汽车产业产值占新片区规上工业总产值的比重", "percent", "share", subject="临港新片区", district="Pudong").code
    'auto_smart_output'
    >>> map_quantity("完成投资占全区比重", "percent", "share", subject="奉贤新城", district="Fengxian").reason
    'part'
    """
    if not whole or of is None:
        return False
    if CJK.search(whole):
        found = match_zh(whole)
        place = re.sub(r"[\s的]", "", found[2]) if found else ""
        return bool(place) and place in to_simplified(subject)
    found = match_en(whole)
    place = set(tokens(whole)) - set(tokens(found[1])) if found else set()
    return bool(place) and place <= set(tokens(subject))


def _share_of(q: Asked, whole: str | None, of: Indicator | None, indicator: Indicator) -> str | None:
    """The whole a share is of: named in its metric, written after the figure ("15% of the national total"), or, for a
    share of an indicator, of nothing said, or of a total of the same measure that no series keeps (a sector's revenue
    in the revenue of all services), the subject's own total.

    >>> map_quantity("信息传输、软件和信息技术服务业营业收入占规上服务业营业收入的比重", "percent", "share").share_of
    'total'
    """
    share_of = _share_whole(whole) if whole else None
    written = re.match(r"\s*(?:(?:of|in)\s+(?:the\s+)?)?([^,.;\d]{0,40})", q.after)
    if written and _share_whole(written.group(1)):
        share_of = _share_whole(written.group(1))
    if share_of is None and of is not None:
        share_of = "total"  # "占地区生产总值比重", "share of GDP": of the subject's own total
    if share_of is None and whole is None and indicator.share_of:
        share_of = "total"
    if share_of is None and of is None and whole and measures_named(whole) & measures_named(indicator.name):
        share_of = "total"  # 占规上服务业营业收入的比重: of the subject's own total of the same measure
    return share_of
