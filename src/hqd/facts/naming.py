"""Which indicator a metric phrase names, before any rule reads more of the quantity than its metric, unit and kind.

- English aliases match when all their content words occur in the metric in order (plural and possessive forms
  folded); Chinese aliases match as substrings, and only at the head of the phrase (Chinese puts the head noun last:
  户籍人口出生 counts births, not the population). The longest alias wins.
- Words outside the alias that narrow a whole-economy indicator to some enterprises, industries or places (an English
  prepositional phrase naming them, Chinese words before the name) make the figure a *part* of the subject; the whole
  place, the year and the scope that defines the statistic itself (规模以上, "industrial enterprises above designated
  size") narrow nothing.
- Output value, value added and revenue are three series of one industry (lexicon/indicators.json "measures"): a
  metric naming one does not name an indicator kept in another.

``Asked`` is what every mapping rule reads of one quantity; ``named_by_metric``, the last rule, always answers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ..extraction.lexicon import load
from .catalogue import (CJK, Indicator, Mapping, alias_index, aliases_by_word, dimension, fold, is_place_subject, tokens,
                        unit_reason, unquote, zh_aliases, zh_aliases_by_first)

# Scope words that do not narrow a whole-economy indicator: they are how the indicator itself is defined.
_SCOPE_EN = re.compile(r"(?:\bindustrial\s+)?\b(?:enterprises|industries|companies|firms)\s+above\s+designated\s+size\b|\bindustrial enterprises\b"
                       r"|\bmarket participants\b", re.I)
_GROUP_NOUNS = (r"clusters?|industries|industry|sectors?|parks?|zones?|enterprises?|companies|company|firms?|businesses|buildings?|projects?"
                r"|platforms?|hubs?|areas?|cbd|business district")
# A prepositional phrase naming some enterprises, industries or places: it narrows a whole-economy figure to them.
_RESTRICT_EN = re.compile(rf"\b(?:of|from|by|in|among|within|for|at)\b[^()]*?\b(?:{_GROUP_NOUNS})\b", re.I)
# Words before a whole indicator's Chinese name that keep it whole: the whole place, the year, and the scope that defines
# the statistic itself (限额以上批发和零售业商品销售额 is how commodity sales are counted, as 规模以上 is for industry).
# 货物 (goods) is how customs count trade: 货物进出口总额 is the whole foreign trade. 新增 (an addition) is read by additions.addition.
_ZH_PREFIX_OK = re.compile(r"^(?:全区|全市|全县|全镇|镇域|全社会|本区|本地|区级|市级|全年|年末|年底|累计|地区|完成|实现|货物(?:贸易)?|新增|总|全口径"
                           r"|限额以上(?:批发和零售业|批零业)?|限上|规模以上|规上|[\u4e00-\u9fff]{1,3}区)*$")
# 高新技术企业总数: their number; 地区生产总值年均增长: its average growth over the years of a plan.
_ZH_SUFFIX_OK = re.compile(r"^(?:比重|占比|(?:按年|同比|按季|环比|实际|名义)?(?:年均|年平均|平均)?(?:增速|增幅|增长|下降|降低|降幅)|总额|总值|总量|金额|额|合计|总数|数量|数|人次|累计"
                           r"|(?:年)?(?:平均|均)?浓度)?$")
# A sector's output (集成电路产业产值) or revenue (营业收入, 营收, 销售收入).
_ZH_SECTOR_SUFFIX = re.compile(r"^(?:产业|行业)?(?:(?:工业)?(?:总)?(?:产值|产出)(?:比重|增速|增幅)?|(?:营业|销售|主营业务)?收入|营收)$")
_PAREN = re.compile(r"\s*[（(][^()（）]*[)）]")
_PREPOSITION = re.compile(r"\s(?:of|from|in|for|by|among|within|at|on|with)\s", re.I)


# Words that count what follows them rather than things of their own ("3,000 units of rental housing").
_CLASSIFIERS = {"unit", "set", "piece", "kind", "type", "batch", "group", "total"}


def match_en(metric: str) -> tuple[Indicator, str, set[int]] | None:
    """The indicator an English metric names, with the alias and its words.

    The longest alias wholly present in order wins; between equally long ones,
    the most compact, then the one nearest the phrase's start. An alias lying
    wholly inside a trailing prepositional phrase gives way to one naming the
    phrase's head ("tax revenue of digital economy enterprises" is tax revenue).
    A head that counts other things ("beds in hospitals", "students in schools")
    names no count of what the phrase after it names.

    >>> map_quantity("beds in hospitals", "count", "level").reason
    'no_indicator'
    >>> map_quantity("number of hospitals", "count", "level").code
    'hospitals'
    >>> map_quantity("units of rental housing for young talent", "count", "target").code
    'talent_housing'
    >>> map_quantity("hospital beds", "count", "level").reason
    'no_indicator'
    >>> map_quantity("number of beds in hospitals", "count", "level").reason
    'no_indicator'
    """
    best = _best_en(metric)
    if best is None:
        return None
    metric = re.sub(r"^\s*(?:the\s+)?(?:total\s+)?number\s+of\s+", "", metric, flags=re.I)  # "the number of" heads nothing
    head_end = _PREPOSITION.search(metric)
    if head_end and best[3] >= len(tokens(metric[:head_end.start()])):
        head = _best_en(metric[:head_end.start()])
        if head is not None:
            return head[0], head[1], head[2]
        counted = re.findall(r"[a-z]+", metric[:head_end.start()].lower())
        if (counted and counted[-1].endswith("s") and tokens(counted[-1]) and tokens(counted[-1])[0] not in _CLASSIFIERS
                and dimension(best[0].unit) == "count"
                and not set(tokens(metric[:head_end.start()])) & set(tokens(best[0].name))):
            return None  # the head counts other things than the indicator's name says ("enterprises completing ..." are)
    return best[0], best[1], best[2]


# Nouns that head a phrase of their own: a count's alias followed by one names a modifier, not the thing counted
# ("new private enterprise headquarters" are headquarters, not new enterprises).
_HEAD_NOUNS = {"headquarter", "headquarters", "park", "zone", "base", "center", "centre", "platform", "building", "project",
               "institution", "hub", "cluster", "award", "fund", "village", "school", "hospital", "employee", "worker",
               "store", "shop", "brand", "enterprise", "company", "firm", "bed", "student", "teacher", "doctor", "patient", "nurse"}


# Head nouns naming any business: a word set between them and the alias's other words names a kind of business.
_BUSINESS_NOUNS = {"company", "enterprise"}


def _best_en(metric: str) -> tuple[Indicator, str, frozenset[str], int] | None:
    ordered = tokens(metric)
    words = set(ordered)
    if not words:
        return None
    index = alias_index()
    by_word = aliases_by_word()
    best, best_key = None, None
    for p in sorted({p for w in words if w in by_word for p in by_word[w]}):  # positions keep longest-first order
        alias_words, alias_tokens, alias, indicator = index[p]
        if best_key is not None and len(alias_tokens) < best_key[0]:
            break
        if not alias_words <= words:
            continue
        places = _places(alias_tokens, ordered)
        if places is None:
            continue
        following = ordered[places[-1] + 1] if places[-1] + 1 < len(ordered) else None
        if following in _HEAD_NOUNS and alias_tokens[-1] != following and dimension(indicator.unit) == "count":
            continue
        if alias_tokens[-1] in _BUSINESS_NOUNS and places[-1] - places[-2 if len(places) > 1 else -1] > 1:
            continue  # words before the head noun name a kind of company: "new asset management firms" are no "new companies"
        key = (len(alias_tokens), -(places[-1] - places[0]), -places[0])
        if best_key is None or key > best_key:
            best, best_key = (indicator, alias, alias_words, places[0]), key
    return best


def _places(alias: tuple[str, ...], ordered: list[str]) -> list[int] | None:
    """Where the alias's words occur in the phrase, in order (each after the one before), or None."""
    places, at = [], 0
    for word in alias:
        try:
            at = ordered.index(word, at)
        except ValueError:
            return None
        places.append(at)
        at += 1
    return places


def match_zh(metric: str) -> tuple[Indicator, str, str, str] | None:
    """The longest Chinese alias at the head of the phrase: (indicator, alias, text before it, text after it)."""
    bare = _PAREN.sub("", unquote(metric)).strip()
    bare = re.sub(r"([\u4e00-\u9fff]{2})\1", r"\1", bare)  # a word written twice (工业工业总产值)
    bare = re.sub(r"企业((?:总)?产[值出]|营业收入)", r"\1", bare)  # a sector's enterprises' output is the sector's output
    aliases, by_first = zh_aliases(), zh_aliases_by_first()
    for position in sorted({p for ch in set(bare) for p in by_first.get(ch, ())}):  # positions keep longest-first order
        alias, indicator = aliases[position]
        at = bare.rfind(alias)
        if at < 0:
            continue
        after = bare[at + len(alias):]
        if _ZH_SUFFIX_OK.match(after) or (not indicator.whole and _ZH_SECTOR_SUFFIX.match(after)):
            return indicator, alias, bare[:at], after
    return None


def _restricted_en(metric: str, alias: str) -> bool:
    """Words outside the alias narrow a whole-economy indicator to some enterprises, industries or places."""
    rest = _PAREN.sub("", metric)
    rest = _SCOPE_EN.sub(" ", rest)
    alias_words = set(tokens(alias))
    kept = [w for w in re.split(r"(\W+)", rest) if not (w.strip() and fold(w.lower()) in alias_words)]
    return bool(_RESTRICT_EN.search("".join(kept)))


def _latin_at_head(metric: str, indicator: Indicator) -> bool:
    """A name in Latin letters inside a Chinese phrase (GDP总量, 全区GDP) heads it only as a Chinese name would: with
    nothing after it but what keeps it the indicator (its growth, its total), nothing narrowing it before.

    >>> map_quantity("全区GDP增速", "percent", "change").code
    'gdp'
    >>> map_quantity("单位GDP能耗下降", "percent", "change").code
    'energy_intensity'
    >>> map_quantity("GDP排名", "count", "level").code is None
    True
    """
    runs = list(re.finditer(r"[A-Za-z][A-Za-z0-9&.+\- ]*", metric))
    if not runs:
        return False
    before, after = metric[:runs[-1].start()], metric[runs[-1].end():]
    if not _ZH_SUFFIX_OK.match(re.sub(r"\s", "", after)):
        return False
    return not indicator.whole or bool(_ZH_PREFIX_OK.match(re.sub(r"[\s的]", "", before)))


@lru_cache(maxsize=4096)  # asked again by the rules after the first that reads the metric
def read_metric(metric: str, unit: str | None, kind: str | None, subject: str | None) -> Mapping:
    """The indicator a metric names (no share logic), with confidence, or why none."""
    if CJK.search(metric):
        found = match_zh(metric)
        if found is None:
            en = match_en(metric)  # "GDP" written in Latin letters inside a Chinese phrase
            if en is None or not _latin_at_head(metric, en[0]):
                return Mapping(None, 0.0, reason="no_indicator")
            indicator, alias = en[0], en[1]
            confidence = 0.8
        else:
            indicator, alias, before, _ = found
            if indicator.whole and not _ZH_PREFIX_OK.match(re.sub(r"[\s的]", "", before)):
                return Mapping(None, 0.0, alias, "part")
            confidence = min(1.0, 0.6 + 0.06 * len(alias))
    else:
        en = match_en(metric)
        if en is None:
            return Mapping(None, 0.0, reason="no_indicator")
        indicator, alias, alias_words = en
        if indicator.whole and _restricted_en(metric, alias):
            return Mapping(None, 0.0, alias, "part")
        head, with_, _ = metric.partition(" with ")
        if with_ and set(tokens(alias)) <= set(tokens(head)):
            return Mapping(None, 0.0, alias, "part")  # "key projects with investment intention": a subset
        confidence = min(1.0, 0.55 + 0.15 * len(alias_words))
    if _measure_clash(metric, indicator):
        return Mapping(None, 0.0, alias, "no_indicator")
    if indicator.subjects == "named" and is_place_subject(subject):
        return Mapping(None, 0.0, alias, "part")  # "total investment" of some projects, said of the district
    reason = unit_reason(indicator, unit, kind)
    if reason:
        return Mapping(None, 0.0, alias, reason)
    return Mapping(indicator.code, round(confidence, 3), alias)


@cache
def _measure_words() -> dict[str, tuple[re.Pattern, re.Pattern]]:
    table = {k: v for k, v in load("indicators")["measures"].items() if not k.startswith("_")}
    return {name: (re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words["en"], key=len, reverse=True)) + r")\b", re.I),
                   re.compile("|".join(re.escape(w) for w in words["zh"])))
            for name, words in table.items()}


def measures_named(phrase: str) -> set[str]:
    """The statistical measures a phrase names: output value, value added, revenue (lexicon/indicators.json)."""
    cjk = bool(CJK.search(phrase))
    return {name for name, (en, zh) in _measure_words().items() if (zh if cjk else en).search(phrase)}


def _measure_clash(metric: str, indicator: Indicator) -> bool:
    """Output value, value added and revenue are three series of one industry: a metric that names one of them
    does not denote an indicator whose name names another ("output of the integrated circuit industry" is not
    integrated-circuit revenue; 软件和信息技术服务业增加值 is not software revenue).

    >>> _measure_clash("output of the integrated circuit industry", by_code("ic_revenue"))
    True
    >>> _measure_clash("集成电路产业营业收入", by_code("ic_revenue")) or _measure_clash("integrated circuit industry", by_code("ic_revenue"))
    False

    Exports counted by customs and the export delivery value industrial enterprises report (出口交货值) are two series too.

    >>> map_quantity("export delivery value", "CNY", "level").reason
    'no_indicator'
    >>> map_quantity("export value", "CNY", "level").code
    'exports'
    """
    said = measures_named(metric)
    meant = measures_named(indicator.name) | set(indicator.measures)
    return bool(said and meant and not said & meant)


def indicator_named(phrase: str) -> Indicator | None:
    """The indicator a phrase names, whatever the unit (None when it names none)."""
    phrase = re.sub(r"(?:的)?(?:比重|占比)$", "", phrase)
    if CJK.search(phrase):
        found = match_zh(phrase)
        return found[0] if found else None
    found = match_en(phrase)
    return found[0] if found else None


@dataclass(frozen=True, slots=True)
class Asked:
    """What the mapping reads of one quantity: its metric, unit and kind, and the words around its figure."""

    metric: str
    unit: str | None
    kind: str | None
    text: str | None
    subject: str | None
    district: str | None
    sentence: str | None
    before: str
    after: str


def named_by_metric(q: Asked) -> Mapping:
    """The indicator the metric names; a metric of a word or two ("land", "investment") is read with the figure's own
    clause ("freeing up 3,216 mu of land"), up to the next conjunction, and only for an alias naming the metric's own
    head noun ("attract 120 new projects and help two companies list" names no companies).

    >>> map_quantity("land", "mu", "level", text="3,216 mu", before="freeing up an extensive ", after=" of land.").code
    'land_freed'
    >>> map_quantity("new projects", "count", "target", before="We will attract ", after=" and help two companies list").code is None
    True
    """
    named = read_metric(q.metric, q.unit, q.kind, q.subject)
    if (named.reason == "no_indicator" and len(tokens(q.metric)) <= 2 and not CJK.search(q.metric)
            and not _PREPOSITION.search(f" {q.metric} ")):  # "beds in hospitals" has its head: nothing to borrow
        lead = re.split(r"[,;:()]|\d|\b(?:and|while|but)\b", q.before)[-1].split()[-6:]
        tail = re.split(r"[,;:.()]|\d|\b(?:and|while|but)\b", q.after)[0].split()[:6]
        widened = read_metric(" ".join([*lead, q.metric, *tail]), q.unit, q.kind, q.subject)
        if widened.code is not None and tokens(q.metric)[-1:] and tokens(q.metric)[-1] in tokens(widened.alias):
            return Mapping(widened.code, round(widened.confidence * 0.8, 3), widened.alias)
    return named
