"""Map a quantity to an indicator of the catalogue (lexicon/indicators.json), or say why it maps to none.

A quantity maps to an indicator only when its metric names that indicator for
the whole subject, in a unit that can measure it:

- English aliases match when all their content words occur in the metric in
  order (plural and possessive forms folded); Chinese aliases match as
  substrings, and only at the head of the phrase (Chinese puts the head noun
  last: 户籍人口出生 counts births, not the population). The longest alias wins.
- A metric that narrows a whole-economy indicator to some enterprises,
  industries or places ("tax revenue from the 3+3 key industries", 区属规模以上
  工业产值), names a counted group ("four clusters", "top 100 enterprises") or a
  batch, is a *part* of the subject.
- A bound inside a description ("platforms with transaction value exceeding
  100 million yuan", 亿元以上交易量的电商平台) is a *threshold*, not a figure.
- A duration ("12 consecutive years") measures no indicator but one kept in time
  units; a unit of another dimension (a count under a money indicator, a change in
  percentage points of an amount) cannot measure it (*unit*).
- A share maps to the indicator of its part and records what it is a share of:
  the city's total, the nation's, or the subject's own total. A share of an
  unstated whole, or a zone's share of its district, is a *part*.
- A share of a plan ("share of annual target", 完成进度) is *target_progress*.
- An addition to a stock ("20 new regional headquarters", 新增养老床位) maps to the
  stock's indicator as a change of it (``Mapping.added``; observations give it the
  basis "added"); a rise in the number added is a change of a *flow* no series has.

The sentence is read only when the quantity has no metric at all, at lower confidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from ..extraction.lexicon import load
from ..script import to_simplified

MAPPED_AT = 0.5
_STOP = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "by", "with", "from", "and", "or", "as", "its", "their",
         "is", "are", "was", "were", "be", "this", "that", "these", "those", "each", "per", "number", "count",
         "quantity", "amount", "annual", "average", "district", "city", "level", "year"}
_MONEY = {"CNY", "USD", "EUR", "HKD", "JPY", "GBP"}
_DIMENSION = {
    **{u: "money" for u in _MONEY}, "count": "count", "mu": "area", "m2": "area", "km2": "area", "ha": "area",
    "ton": "mass", "kg": "mass", "tce": "tce", "km": "length", "m": "length", "kWh": "energy", "kW": "power", "MW": "power",
    "GW": "power", "percent": "percent", "pp": "pp", "permille": "percent", "times": "times", "TEU": "TEU", "ug/m3": "ug/m3",
    **{u: "duration" for u in ("year", "month", "day", "hour", "minute")},
}

# Why a quantity maps to no indicator, as `hqd unmapped` says it.
REASONS = {
    "part": "a part of the subject (some enterprises, industries, places, a group or batch), or a share of an unstated whole",
    "threshold": "a bound inside a description (\"... exceeding 100 million yuan\"), not a figure of its own",
    "duration": "a duration, which measures no indicator",
    "unit": "its unit cannot measure the indicator its metric names (a count under money, a change in points of an amount)",
    "target_progress": "progress against a plan, not the indicator itself",
    "flow": "a change in the number added in a period (\"new listings up 20%\"), which is no change of the total the indicator counts",
    "no_indicator": "the catalogue has no indicator for this metric",
    "no_metric": "no metric phrase",
}


@dataclass(frozen=True, slots=True)
class Indicator:
    code: str
    name: str
    dimension: str
    unit: str
    higher_is_better: bool
    aliases: tuple[str, ...]
    name_zh: str | None = None
    aliases_zh: tuple[str, ...] = ()
    whole: bool = False
    share_of: str | None = None
    subjects: str | None = None  # "named": only a named organisation, park or project has it, never a district
    adds_to: str | None = None  # a series of additions: the code of the stock it adds to (new_green_space -> green_space)
    flow: bool = False  # counts what is added in a period (new jobs, new enterprises registered), not a stock
    ratio: tuple[str, str] | None = None  # a ratio of two series (R&D intensity: R&D spending over GDP), their codes
    measures: tuple[str, ...] = ()  # the measure it is kept in, where its name does not say (exports: customs)


@dataclass(frozen=True, slots=True)
class Mapping:
    code: str | None
    confidence: float
    alias: str | None = None
    reason: str | None = None  # why unmapped (a key of REASONS); None when mapped
    # For a share: "city", "nation" or "total" (the subject's own total). For an addition to a stock ("20 new regional
    # headquarters"): ADDED, which observations read as a change of the stock, basis "added" (a series of its own).
    share_of: str | None = None

    @property
    def added(self) -> bool:
        """Whether the quantity is an addition to the stock its indicator counts (a change of it), not the stock."""
        return self.share_of == ADDED


ADDED = "added"


# Words that name the same thing: a firm is a company ("digital economy firms" are digital economy companies).
_SYNONYMS = {"firm": "company"}


def _fold(word: str) -> str:
    word = _fold_plural(word)
    return _SYNONYMS.get(word, word)


def _fold_plural(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


_WORD = re.compile(r"[a-z0-9][a-z0-9.&+-]*[a-z0-9]|[a-z0-9]")
_CJK = re.compile(r"[\u3400-\u9fff]")


def tokens(phrase: str | None) -> list[str]:
    text = (phrase or "").lower().replace("’", "'").replace("'s", "")
    return [_fold(w) for w in _WORD.findall(text) if w not in _STOP]


@cache
def catalogue() -> tuple[Indicator, ...]:
    return tuple(Indicator(i["code"], i["name"], i["dimension"], i["unit"], i["higher_is_better"], tuple(i["aliases"]),
                           i.get("name_zh"), tuple(i.get("aliases_zh", ())), bool(i.get("whole")), i.get("share_of"),
                           i.get("subjects"), i.get("adds_to"), bool(i.get("flow") or i.get("adds_to")),
                           tuple(i["ratio"]) if i.get("ratio") else None, tuple(i.get("measure", ())))
                 for i in load("indicators")["indicators"])


@cache
def _by_code() -> dict[str, Indicator]:
    return {i.code: i for i in catalogue()}


def by_code(code: str | None) -> Indicator | None:
    return _by_code().get(code) if code else None


@cache
def _alias_index() -> tuple[tuple[frozenset[str], tuple[str, ...], str, Indicator], ...]:
    index = []
    for indicator in catalogue():
        for alias in (*indicator.aliases, indicator.name):
            words = tokens(alias)
            if words:
                index.append((frozenset(words), tuple(words), alias, indicator))
    index.sort(key=lambda item: -len(item[1]))
    return tuple(index)


@cache
def _aliases_by_word() -> dict[str, tuple[int, ...]]:
    """Word -> positions in _alias_index() of the aliases holding it (candidates share at least one word)."""
    by_word: dict[str, list[int]] = {}
    for position, (alias_words, _, _, _) in enumerate(_alias_index()):
        for word in alias_words:
            by_word.setdefault(word, []).append(position)
    return {word: tuple(positions) for word, positions in by_word.items()}


@cache
def _zh_aliases() -> tuple[tuple[str, Indicator], ...]:
    """Chinese aliases (and Chinese names, quotes removed), longest first."""
    out = []
    for indicator in catalogue():
        for alias in (*indicator.aliases_zh, indicator.name_zh or ""):
            alias = _unquote(alias)
            if alias and _CJK.search(alias):
                out.append((alias, indicator))
    out.sort(key=lambda item: -len(item[0]))
    return tuple(out)


@cache
def _zh_aliases_by_first() -> dict[str, tuple[int, ...]]:
    """First character -> positions in _zh_aliases() of the aliases starting with it (only those can occur in a phrase)."""
    by_first: dict[str, list[int]] = {}
    for position, (alias, _) in enumerate(_zh_aliases()):
        by_first.setdefault(alias[0], []).append(position)
    return {ch: tuple(positions) for ch, positions in by_first.items()}


@cache
def _district_names() -> frozenset[str]:
    data = load("districts")
    names = {data["city"].lower(), *(a.lower() for a in data["city_aliases"])}
    for name, aliases in data["districts"].items():
        names.add(name.lower())
        names.update(a.lower() for a in aliases)
    return frozenset(names)


def is_place_subject(subject: str | None) -> bool:
    """A district or the city (its figures are totals), as opposed to a named organisation, park or project."""
    return subject is None or subject.lower() in _district_names()


def dimension(unit: str | None) -> str | None:
    """What a unit measures: money, count, area, percent, ...; a rate A/B is the pair of its parts' dimensions."""
    if unit is None:
        return None
    if "/" in unit and unit not in _DIMENSION:
        top, _, bottom = unit.partition("/")
        return f"{_DIMENSION.get(top, top)}/{_DIMENSION.get(bottom, bottom)}"
    return _DIMENSION.get(unit, unit)


def _unit_reason(indicator: Indicator, unit: str | None, kind: str | None) -> str | None:
    """None when ``unit`` can measure ``indicator`` for a figure of ``kind``, else the reason it cannot: a count under a
    money indicator, a change in points of an amount (a growth rate's pp change), a share in anything but percent.

    >>> map_quantity("digital economy output", "count", "level").reason
    'unit'
    >>> map_quantity("tertiary industry share of gross domestic product", "pp", "change").reason
    'unit'
    >>> map_quantity("unemployment rate", "pp", "change").code
    'unemployment_rate'
    """
    have, want = dimension(unit), dimension(indicator.unit)
    if have is None:
        return "unit"
    if have == "duration" and want != "duration":
        return "duration"
    if kind == "change":
        if have in ("percent", "times") or have == want:
            return None
        return None if have == "pp" and want == "percent" else "unit"
    if kind == "share":
        return None if have == "percent" else "unit"
    if have == want:
        return None
    if kind == "target" and have == "percent":
        return None  # a growth target: "general public budget revenue to grow by 5%"
    return "unit"


# --- what a metric says about itself -------------------------------------------------------------

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
_PROGRESS = re.compile(r"\b(?:annual |the )?(?:target|plan)\b|完成进度|目标完成|进度", re.I)
# Scope words that do not narrow a whole-economy indicator: they are how the indicator itself is defined.
_SCOPE_EN = re.compile(r"(?:\bindustrial\s+)?\b(?:enterprises|industries|companies|firms)\s+above\s+designated\s+size\b|\bindustrial enterprises\b"
                       r"|\bmarket participants\b", re.I)
_GROUP_NOUNS = (r"clusters?|industries|industry|sectors?|parks?|zones?|enterprises?|companies|company|firms?|businesses|buildings?|projects?"
                r"|platforms?|hubs?|areas?|cbd|business district")
# A prepositional phrase naming some enterprises, industries or places: it narrows a whole-economy figure to them.
_RESTRICT_EN = re.compile(rf"\b(?:of|from|by|in|among|within|for|at)\b[^()]*?\b(?:{_GROUP_NOUNS})\b", re.I)
# Words before a whole indicator's Chinese name that keep it whole: the whole place, the year, and the scope that defines
# the statistic itself (限额以上批发和零售业商品销售额 is how commodity sales are counted, as 规模以上 is for industry).
# 货物 (goods) is how customs count trade: 货物进出口总额 is the whole foreign trade. 新增 (an addition) is read by _addition.
_ZH_PREFIX_OK = re.compile(r"^(?:全区|全市|全县|全镇|镇域|全社会|本区|本地|区级|市级|全年|年末|年底|累计|地区|完成|实现|货物(?:贸易)?|新增|总|全口径"
                           r"|限额以上(?:批发和零售业|批零业)?|限上|规模以上|规上|[\u4e00-\u9fff]{1,3}区)*$")
# 高新技术企业总数: their number; 地区生产总值年均增长: its average growth over the years of a plan.
_ZH_SUFFIX_OK = re.compile(r"^(?:比重|占比|(?:按年|同比|按季|环比|实际|名义)?(?:年均|年平均|平均)?(?:增速|增幅|增长|下降|降低|降幅)|总额|总值|总量|金额|额|合计|总数|数量|数|人次|累计"
                           r"|(?:年)?(?:平均|均)?浓度)?$")
# A sector's output (集成电路产业产值) or revenue (营业收入, 营收, 销售收入).
_ZH_SECTOR_SUFFIX = re.compile(r"^(?:产业|行业)?(?:(?:工业)?(?:总)?(?:产值|产出)(?:比重|增速|增幅)?|(?:营业|销售|主营业务)?收入|营收)$")
_SHARE_CITY = re.compile(r"\bcity'?s?\b|\bshanghai\b|\bmunicipal(?:ity)?\b|全市|上海", re.I)
_SHARE_NATION = re.compile(r"\bnation(?:al|wide|'s)?\b|\bcountry\b|\bchina\b|全国", re.I)
_SHARE_TOTAL = re.compile(r"\bdistrict'?s?\b|\btotal\b|\bwhole\b|\bentire\b|全区|本区", re.I)
_SHARE_SPLIT_EN = re.compile(r"(?:'s?\s+)?\s*\b(?:share|proportion|percentage)\b(?:\s+of)?|\baccount(?:s|ing|ed)? for\b", re.I)
_QUOTES = re.compile(r"[“”\"'‘’「」《》]")
_PAREN = re.compile(r"\s*[（(][^()（）]*[)）]")


def _unquote(text: str) -> str:
    return _QUOTES.sub("", text)


# A clause that sums its group ("214 projects with total investment of more than 90 billion yuan") bounds no member of it.
_NOT_TOTAL = r"(?:(?!\b(?:total|combined|aggregate|overall)\b)[^.;,])"
_RATE_METRIC = re.compile(r"\b(?:share|proportion|rate|ratio|percentage)\b|比重|占比|比例|率", re.I)


# A money figure set straight before the noun it classifies names a class by a size (税收超千万元企业, 亿元楼, 百亿元级项目).
_CLASSED_NOUN_ZH = re.compile(r"(?:级|以上|及以上)?的?(?:企业|楼宇|楼|项目|平台|商户|集群|园区|工厂|产业集群)")


_PER_AMOUNT = re.compile(r"\bper\s+\d[\d,.]*\s*(?:million\s+|billion\s+)?yuan\b", re.I)


def _is_threshold(metric: str, text: str | None, before: str, after: str) -> bool:
    """The figure (or the metric it counts) is a bound inside a description, not a figure of its own."""
    if _THRESHOLD_EN.search(_PER_AMOUNT.sub(" ", metric)) and not _CJK.search(metric):
        return True  # an amount after "per" divides ("energy consumption per 10,000 yuan of GDP"): it bounds nothing
    if _CJK.search(metric) and _THRESHOLD_ZH.search(metric):
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
    if _CJK.search(t) and "元" in t and _CLASSED_NOUN_ZH.match(after):
        return True  # 税收超千万元企业: the enterprises of that class, not a tax of its own
    return False


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
    if _CJK.search(metric):
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


_PREPOSITION = re.compile(r"\s(?:of|from|in|for|by|among|within|at|on|with)\s", re.I)


# Words that count what follows them rather than things of their own ("3,000 units of rental housing").
_CLASSIFIERS = {"unit", "set", "piece", "kind", "type", "batch", "group", "total"}


def _match_en(metric: str) -> tuple[Indicator, str, set[int]] | None:
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
    index = _alias_index()
    by_word = _aliases_by_word()
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


def _match_zh(metric: str) -> tuple[Indicator, str, str, str] | None:
    """The longest Chinese alias at the head of the phrase: (indicator, alias, text before it, text after it)."""
    bare = _PAREN.sub("", _unquote(metric)).strip()
    bare = re.sub(r"([\u4e00-\u9fff]{2})\1", r"\1", bare)  # a word written twice (工业工业总产值)
    bare = re.sub(r"企业((?:总)?产[值出]|营业收入)", r"\1", bare)  # a sector's enterprises' output is the sector's output
    aliases, by_first = _zh_aliases(), _zh_aliases_by_first()
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
    kept = [w for w in re.split(r"(\W+)", rest) if not (w.strip() and _fold(w.lower()) in alias_words)]
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
def _name(metric: str, unit: str | None, kind: str | None, subject: str | None) -> Mapping:
    """The indicator a metric names (no share logic), with confidence, or why none."""
    if _CJK.search(metric):
        found = _match_zh(metric)
        if found is None:
            en = _match_en(metric)  # "GDP" written in Latin letters inside a Chinese phrase
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
        en = _match_en(metric)
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
    reason = _unit_reason(indicator, unit, kind)
    if reason:
        return Mapping(None, 0.0, alias, reason)
    return Mapping(indicator.code, round(confidence, 3), alias)


_FLOW_EN = re.compile(r"^\s*(?:the\s+)?(?:new|newly|additional)\b", re.I)
_FLOW_ZH = re.compile(r"^(?:新增|新设|新建|新引进|新开|新认定|新获批|新获评|新上市|新落户|新入驻)")


@cache
def _measure_words() -> dict[str, tuple[re.Pattern, re.Pattern]]:
    table = {k: v for k, v in load("indicators")["measures"].items() if not k.startswith("_")}
    return {name: (re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words["en"], key=len, reverse=True)) + r")\b", re.I),
                   re.compile("|".join(re.escape(w) for w in words["zh"])))
            for name, words in table.items()}


def _measures_named(phrase: str) -> set[str]:
    """The statistical measures a phrase names: output value, value added, revenue (lexicon/indicators.json)."""
    cjk = bool(_CJK.search(phrase))
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
    said = _measures_named(metric)
    meant = _measures_named(indicator.name) | set(indicator.measures)
    return bool(said and meant and not said & meant)


def _is_flow(metric: str, alias: str | None) -> bool:
    """"new kindergartens", 新增养老床位: a number added in a period, where the alias names the stock."""
    if alias is None:
        return False
    if _CJK.search(metric):
        return bool(_FLOW_ZH.match(_unquote(metric))) and not _FLOW_ZH.match(alias)
    return bool(_FLOW_EN.match(metric)) and not _FLOW_EN.match(alias)


def _named_indicator(phrase: str) -> Indicator | None:
    """The indicator a phrase names, whatever the unit (None when it names none)."""
    phrase = re.sub(r"(?:的)?(?:比重|占比)$", "", phrase)
    if _CJK.search(phrase):
        found = _match_zh(phrase)
        return found[0] if found else None
    found = _match_en(phrase)
    return found[0] if found else None


@dataclass(frozen=True, slots=True)
class _Asked:
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


def _no_metric(q: _Asked) -> Mapping | None:
    """A figure without a metric maps only if its sentence names an indicator (with less confidence)."""
    if q.metric:
        return None
    if q.sentence:
        found = _name(q.sentence, q.unit, q.kind, q.subject)
        if found.code is not None:
            return Mapping(found.code, round(found.confidence * 0.7, 3), found.alias)
    return Mapping(None, 0.0, reason="no_metric")


def _duration(q: _Asked) -> Mapping | None:
    """A duration ("12 consecutive years") measures no indicator unless the indicator is itself a time (approval days).

    >>> map_quantity("public safety satisfaction", "year", "level").reason
    'duration'
    >>> map_quantity("approval time", "day", "level").code
    'approval_time'
    """
    if dimension(q.unit) != "duration":
        return None
    named = _name(q.metric, q.unit, q.kind, q.subject)
    if named.code is None or dimension(by_code(named.code).unit) != "duration":
        return Mapping(None, 0.0, named.alias, "duration")
    return None


def _threshold(q: _Asked) -> Mapping | None:
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


def _named_part(q: _Asked) -> Mapping | None:
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
    if (_PART_EN.search(q.metric) or _PART_ZH.search(_unquote(q.metric))
            or re.search(r"\bbatch(?:es)? of\s*(?:the\s+)?$|第[一二三四五六七八九十\d]+批$", q.before)
            or _SECTION_BEFORE.search(q.before)):
        return Mapping(None, 0.0, reason="part")
    return None


# The clause before the figure says it is of a section of the subject ("Its 5.5-kilometer central section now hosts").
_SECTION_BEFORE = re.compile(r"\bits\s+(?:[\w.-]+\s+){0,3}(?:section|segment|portion|core area|core zone)\b(?:(?!\b(?:and|while|but)\b)[^,;])*$",
                             re.I)


_SHARE_WORDS = re.compile(r"\bshare\b|\bproportion\b|占.*比重|比重$|占比|相当于.*比例", re.I)


def _share(q: _Asked) -> Mapping | None:
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


def _share_mapping(q: _Asked) -> Mapping:
    if _PROGRESS.search(q.metric):
        return Mapping(None, 0.0, reason="target_progress")
    whole_metric = _name(q.metric, q.unit, q.kind, q.subject)
    if whole_metric.code is not None and dimension(by_code(whole_metric.code).unit) == "percent":
        return whole_metric  # an indicator that is itself a share: R&D intensity, the air quality rate
    part, whole = _split_share(q.metric)
    named = _name(part or q.metric, q.unit, q.kind, q.subject)
    of = _named_indicator(whole) if whole else None
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


def _subjects_share(q: _Asked, part: str, whole: str | None, of: Indicator | None) -> Mapping | None:
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
    if _CJK.search(part):
        rest = part
        for name in sorted({*_names_of(q.subject), *_names_of(q.district), "全区", "本区", "该区"}, key=len, reverse=True):
            rest = rest.replace(to_simplified(name), "")
        if re.sub(r"[\s的]", "", rest):
            return None
    elif not set(tokens(part)) <= {*tokens(q.subject), *tokens(q.district)}:
        return None
    if of.subjects == "named" and is_place_subject(q.subject):
        return Mapping(None, 0.0, None, "part")  # the catalogue keeps it for named places only (a district's land area)
    reason = _unit_reason(of, q.unit, q.kind)
    return Mapping(None, 0.0, None, reason) if reason else Mapping(of.code, 0.7, None, None, _share_whole(whole))


def _names_of(subject: str | None) -> list[str]:
    """A subject's name and the other ways the subjects lexicon writes it (Pudong: 浦东新区, 浦东)."""
    if not subject:
        return []
    names = load("subjects")["subjects"]
    return [subject, *names.get(subject, ())]


def _whole_is_subjects(whole: str | None, of: Indicator | None, subject: str) -> bool:
    """The whole a zone's share is of names the zone itself (新能源汽车产业产值占新片区规上工业总产值的比重, of 临港新片区): its own total.

    >>> map_quantity("新能源汽车产业产值占新片区规上工业总产值的比重", "percent", "share", subject="临港新片区", district="Pudong").code
    'auto_smart_output'
    >>> map_quantity("完成投资占全区比重", "percent", "share", subject="奉贤新城", district="Fengxian").reason
    'part'
    """
    if not whole or of is None:
        return False
    if _CJK.search(whole):
        found = _match_zh(whole)
        place = re.sub(r"[\s的]", "", found[2]) if found else ""
        return bool(place) and place in to_simplified(subject)
    found = _match_en(whole)
    place = set(tokens(whole)) - set(tokens(found[1])) if found else set()
    return bool(place) and place <= set(tokens(subject))


def _share_of(q: _Asked, whole: str | None, of: Indicator | None, indicator: Indicator) -> str | None:
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
    if share_of is None and of is None and whole and _measures_named(whole) & _measures_named(indicator.name):
        share_of = "total"  # 占规上服务业营业收入的比重: of the subject's own total of the same measure
    return share_of


_PER_PERSON = re.compile(r"\bper (?:capita|head|person|(?:10,000|ten thousand|1,000|thousand|100,000) (?:people|residents|persons|population))\b"
                         r"|\bper-capita\b|每(?:万|千|十万|百)?人(?:口)?|人均"
                         r"|\bper (?:square (?:kilometer|kilometre|meter|metre)|sq\.? ?km|km2|hectare|mu|unit of|10,000 yuan of)\b"
                         r"|每平方(?:公里|千米|米)|单位(?:工业)?(?:产值|增加值|面积|土地)|万元(?:工业)?(?:产值|增加值)", re.I)


def _per_person(q: _Asked) -> Mapping | None:
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
    named = _name(q.metric, q.unit, q.kind, q.subject)
    if named.code is None or _PER_PERSON.search(named.alias or "") or _PER_PERSON.search(by_code(named.code).name):
        return None
    return Mapping(None, 0.0, named.alias, "no_indicator")


def _plan_progress(q: _Asked) -> Mapping | None:
    """How far a plan is done (完成进度, 目标完成) is progress against the plan, not the indicator."""
    return Mapping(None, 0.0, reason="target_progress") if re.search(r"完成进度|目标完成", q.metric) else None


@cache
def _addition_series() -> dict[str, Indicator]:
    """Stock code -> the catalogue's series of additions to it (green_space -> new_green_space)."""
    return {i.adds_to: i for i in catalogue() if i.adds_to}


def _addition(q: _Asked) -> Mapping | None:
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
    named = _name(q.metric, q.unit, q.kind, q.subject)
    if named.code is None or by_code(named.code).flow or not _is_flow(q.metric, named.alias):
        return None  # "newly created jobs" are the new jobs series itself
    if q.kind == "change" and dimension(q.unit) in ("percent", "times", "pp"):
        return Mapping(None, 0.0, named.alias, "flow")
    series = _addition_series().get(named.code)
    if series is not None:  # the catalogue keeps these additions as a series of their own
        return Mapping(series.code, named.confidence, named.alias)
    return Mapping(named.code, named.confidence, named.alias, None, ADDED)  # "gained 160 new ones": the addition itself


def _named(q: _Asked) -> Mapping:
    """The indicator the metric names; a metric of a word or two ("land", "investment") is read with the figure's own
    clause ("freeing up 3,216 mu of land"), up to the next conjunction, and only for an alias naming the metric's own
    head noun ("attract 120 new projects and help two companies list" names no companies).

    >>> map_quantity("land", "mu", "level", text="3,216 mu", before="freeing up an extensive ", after=" of land.").code
    'land_freed'
    >>> map_quantity("new projects", "count", "target", before="We will attract ", after=" and help two companies list").code is None
    True
    """
    named = _name(q.metric, q.unit, q.kind, q.subject)
    if (named.reason == "no_indicator" and len(tokens(q.metric)) <= 2 and not _CJK.search(q.metric)
            and not _PREPOSITION.search(f" {q.metric} ")):  # "beds in hospitals" has its head: nothing to borrow
        lead = re.split(r"[,;:()]|\d|\b(?:and|while|but)\b", q.before)[-1].split()[-6:]
        tail = re.split(r"[,;:.()]|\d|\b(?:and|while|but)\b", q.after)[0].split()[:6]
        widened = _name(" ".join([*lead, q.metric, *tail]), q.unit, q.kind, q.subject)
        if widened.code is not None and tokens(q.metric)[-1:] and tokens(q.metric)[-1] in tokens(widened.alias):
            return Mapping(widened.code, round(widened.confidence * 0.8, 3), widened.alias)
    return named


# Projects named by how they came or by a class are many (引进项目, 签约项目, 产业项目); a clause counting projects just before
# "总投资" / "a total investment of" sums them.
_PROJECTS_MANY_ZH = re.compile(r"(?:引进|签约|新签约?|落地|开工|新开工|在建|招商|产业|重点|重大)项目")
_PROJECTS_COUNTED = re.compile(r"项目[^。；;]{0,12}?[\d一二三四五六七八九十百千两多余]+[个项][^。；;]{0,8}$"
                               r"|\b\d[\d,]*\s+(?:[a-z-]+\s+){0,3}projects\s+(?:with|worth|of)\b[^.;]{0,40}$", re.I)


def _projects_summed(q: _Asked) -> Mapping | None:
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
    >>> map_quantity("total planned investment", "CNY", "level", subject="Lingang Special Area", before="has signed 1,400 industrial projects with a total planned investment of ").reason
    'no_indicator'
    """
    if _CJK.search(q.metric) or re.fullmatch(r"(?:the\s+)?(?:total\s+)?(?:planned\s+|intended\s+)?investment", q.metric, re.I):
        named = _name(q.metric, q.unit, q.kind, q.subject)
        if named.code != "project_investment":
            return None
        if _PROJECTS_MANY_ZH.search(q.metric) or _PROJECTS_COUNTED.search(q.before):
            return Mapping(None, 0.0, named.alias, "no_indicator")
        return None
    if not re.search(r"\bprojects\b", q.metric, re.I):
        return None
    found = _match_en(q.metric)
    if found is None or "project" not in tokens(found[0].name) or re.search(r"\bprojects\b", found[1], re.I):
        return None  # an indicator of something else, or an alias that itself names the projects (major projects)
    return Mapping(None, 0.0, found[1], "no_indicator")


_BARE_SALES = re.compile(r"^(?:(?:the|its|their)\s+)?(?:monthly\s+)?(?:total\s+)?(?:sales|turnover)(?:\s+value)?$|^(?:单月|当月|月度)?(?:商品)?销售(?:总)?额$", re.I)
_SHOPPING_AREA = re.compile(r"商圈|商业街|步行街|商业区|商场|购物|奥特莱斯|\b(?:business|shopping|commercial)\s+(?:circle|district|street|area|village|mall|center|centre)\b"
                            r"|\boutlets?\b|\bmall\b|\bpedestrian street\b", re.I)


_FOOT_TRAFFIC = re.compile(r"^(?:客流|客流量|人流|人流量|foot traffic|footfall|passenger flow)$", re.I)


def _shopping_area(q: _Asked) -> Mapping | None:
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
    reason = _unit_reason(indicator, q.unit, q.kind)
    return Mapping(None, 0.0, None, reason) if reason else Mapping(indicator.code, 0.7, q.metric)


def _without_subject(metric: str, subject: str | None) -> str:
    """The metric without the subject's name (or, in Chinese, the name's last word: 商圈 of 徐家汇商圈) written before it."""
    if not subject:
        return metric
    if metric.lower().startswith(subject.lower()):
        return metric[len(subject):].strip()
    head = to_simplified(subject)[-2:]
    return metric[len(head):] if _CJK.search(head) and metric.startswith(head) else metric


def _area_sales(q: _Asked) -> Mapping | None:
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
        return _shopping_area(q)
    indicator = by_code("commodity_sales")
    reason = _unit_reason(indicator, q.unit, q.kind)
    return Mapping(None, 0.0, None, reason) if reason else Mapping(indicator.code, 0.7)


# Qualifiers that pick some of what is counted: of origin (入境, overseas), of grade or rank (三级医院, tertiary, A级景区),
# of kind (发明专利, 乡村旅游, 民宿, 过夜游客); of age, for a rate of people (青年失业率, youth unemployment).
_SUBGROUP = re.compile(r"入境|境外|海外|外籍|三级|三甲|甲级|发明|A级|乡村旅游|民宿|过夜"
                       r"|\b(?:inbound|overseas|foreign|international|tertiary|invention|overnight|rural tourism|homestays?"
                       r"|top-tier|first-class|grade[- ]?(?:a|iii|3)|[345]a(?:-level)?)\b", re.I)


_AGE_GROUP = re.compile(r"青年|高校毕业生|\b(?:youth|young people|graduates?)\b", re.I)


def _subgroup(q: _Asked) -> Mapping | None:
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
    named = _name(q.metric, q.unit, q.kind, q.subject)
    indicator = by_code(named.code)
    if indicator is None or _SUBGROUP.search(named.alias or "") or _SUBGROUP.search(f"{indicator.name} {indicator.name_zh or ''}"):
        return None
    return Mapping(None, 0.0, named.alias, "part")


_BARE_OUTPUT = re.compile(r"^(?:(?:the|its|their)\s+)?(?:total\s+|gross\s+|combined\s+|aggregate\s+)?output(?:\s+value)?$"
                          r"|^(?:总)?产值$", re.I)


def _bare_output(q: _Asked) -> Mapping | None:
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
    if q.subject and not is_place_subject(q.subject) and not _CJK.search(q.subject):
        found = _match_en(f"{q.subject} industry output")
    if found is None or found[0].whole or "output" not in _measures_named(found[0].name):
        found = _output_named_before(q.before, q.subject)
    if found is not None:
        reason = _unit_reason(found[0], q.unit, q.kind)
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
        named = _name(found.group(0), "CNY", "level", None)
        if named.code is not None and "output" in _measures_named(by_code(named.code).name):
            between = sentence[found.end():]
            if "其中" in between or any(name and to_simplified(name) in between for name in _names_of(subject)):
                return None
            return by_code(named.code), named.alias
    return None


_PER_DAY = re.compile(r"\b(?:per|a|each|every) (?:day|month|week|hour)\b|\bdaily\b|\bon average each day\b|日均|月均|每日|每天|每月|单日", re.I)


def _per_day(q: _Asked) -> Mapping | None:
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
    named = _name(q.metric, q.unit, q.kind, q.subject)
    if named.code is None and _CJK.search(q.metric):
        named = _shopping_area(q) or named
    indicator = by_code(named.code)
    if indicator is None or dimension(indicator.unit) not in ("count", "money") or _PER_DAY.search(indicator.name):
        return None
    return Mapping(None, 0.0, named.alias, "no_indicator")


_OWN_PARK = re.compile(r"\bpark area\b|园区面积|公园面积", re.I)


def _own_park_area(q: _Asked) -> Mapping | None:
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
    reason = _unit_reason(indicator, q.unit, q.kind)
    return Mapping(None, 0.0, None, reason) if reason else Mapping(indicator.code, 0.7, "park area")


_PENDING_LISTING = re.compile(r"(?:排队|拟|待|申报|辅导)[^，。；,]{0,2}上市|上市后备|\b(?:pre-ipo|preparing (?:to|for) (?:list|go public|an ipo)"
                              r"|pending (?:ipo|listing)|(?:ipo|listing) (?:pipeline|queue|reserve))\b", re.I)


def _not_yet_listed(q: _Asked) -> Mapping | None:
    """Companies queueing for, preparing or applying for a listing (排队上市企业, 拟上市企业, 上市后备企业, "companies preparing
    to go public") are not listed yet: no series counts them.

    >>> map_quantity("排队上市企业", "count", "level").reason
    'no_indicator'
    >>> map_quantity("上市企业", "count", "level").code
    'listed_companies'
    """
    if not _PENDING_LISTING.search(q.metric):
        return None
    named = _name(q.metric, q.unit, q.kind, q.subject)
    return Mapping(None, 0.0, named.alias, "no_indicator") if named.code == "listed_companies" else None


_PASSENGER_WORDS = re.compile(r"邮轮|\bcruises?\b", re.I)
_TRANSPORT_SUBJECT = re.compile(r"邮轮|港口|码头|机场|火车站|客运站|枢纽|\b(?:cruise|ferry|port|terminal|airport|railway station)\b", re.I)


def _passengers(q: _Asked) -> Mapping | None:
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
    named = _name(q.metric, q.unit, q.kind, q.subject)
    if named.code != "visitors":
        return None
    clause = re.split(r"[。；;!?！？]", q.before)[-1]
    if _TRANSPORT_SUBJECT.search(q.subject or "") or _PASSENGER_WORDS.search(q.metric) or _PASSENGER_WORDS.search(clause):
        return Mapping(None, 0.0, named.alias, "no_indicator")
    return None


@cache
def _counted_nouns() -> frozenset[str]:
    return frozenset(load("indicators")["counted"]["en"])


def _counted_things(q: _Asked) -> Mapping | None:
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
    named = _name(q.metric, q.unit, q.kind, q.subject)
    if named.code is None or dimension(by_code(named.code).unit) == "count":
        return None
    return Mapping(None, 0.0, named.alias, "unit")


_RECEIVED = re.compile(r"\b(?:received|receives|drew|draws|welcomed|welcomes|attracted|attracts|hosted|hosts)\s+"
                       r"(?:(?:about|nearly|some|around|roughly|almost|over|more than)\s+)?(?:[\d.,]+\s*(?:million|billion|thousand)?\s+visits\b[^.;]*)?$", re.I)


def _visits_received(q: _Asked) -> Mapping | None:
    """The visits a place receives ("Fengjing Ancient Town received 4.9 million visits", "drew 1.2 million") are its
    visitors, counted in person-times as 人次 counts them; visits paid by someone (to enterprises) are no visitors.

    >>> map_quantity("visits", "count", "level", subject="Fengjing Ancient Town", before="Fengjing Ancient Town received ").code
    'visitors'
    >>> map_quantity("visits", "percent", "change", before="Nanjing Road Pedestrian Street received about 152 million visits in 2025, up ").code
    'visitors'
    >>> map_quantity("visits", "count", "level", before="officials paid ").code is None
    True
    """
    if not re.fullmatch(r"(?:tourist\s+|visitor\s+)?visits", q.metric, re.I) or not _RECEIVED.search(q.before):
        return None
    indicator = by_code("visitors")
    reason = _unit_reason(indicator, q.unit, q.kind)
    return Mapping(None, 0.0, None, reason) if reason else Mapping(indicator.code, 0.7, q.metric)


_FACILITY = re.compile(r"\b(?:factory|factories|plant|gigafactory|hub|production base|campus|warehouse|depot|station)\b|工厂|厂区|厂房|基地|枢纽|场站", re.I)


def _facility_site(q: _Asked) -> Mapping | None:
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
    if "floor_area" in _measures_named(q.metric):
        return None
    return Mapping("area", 0.7, q.metric)


_REBUILT = re.compile(r"改扩建|改建|扩建|\b(?:rebuilt|renovated|expanded|upgraded)\b", re.I)


def _built_or_rebuilt(q: _Asked) -> Mapping | None:
    """Things built or rebuilt together (新建改扩建学校, "schools built, rebuilt or expanded") mix additions with old ones
    made over: no series of additions counts them.

    >>> map_quantity("新建改扩建学校", "count", "level").reason
    'no_indicator'
    >>> map_quantity("新建学校", "count", "level").code
    'new_schools'
    """
    if not _REBUILT.search(q.metric):
        return None
    named = _name(q.metric, q.unit, q.kind, q.subject)
    indicator = by_code(named.code)
    if indicator is None or _REBUILT.search(named.alias or ""):
        return None
    if not (indicator.adds_to or indicator.flow or (indicator.code in _addition_series() and _is_flow(q.metric, named.alias))):
        return None
    return Mapping(None, 0.0, named.alias, "no_indicator")


# Asked in order; the first that answers decides. _named always answers.
_MAPPING_RULES = (_no_metric, _duration, _threshold, _named_part, _subgroup, _per_person, _per_day, _share, _plan_progress, _built_or_rebuilt, _addition,
                  _projects_summed, _bare_output, _area_sales, _own_park_area, _not_yet_listed, _passengers, _counted_things,
                  _visits_received, _facility_site)


def map_quantity(metric: str | None, unit: str | None, kind: str | None, *, text: str | None = None,
                 subject: str | None = None, district: str | None = None, sentence: str | None = None,
                 before: str = "", after: str = "") -> Mapping:
    """The indicator a quantity measures for its whole subject, or the reason it measures none.

    ``before`` and ``after`` are the words of the sentence on either side of the
    figure's span; ``subject`` and ``district`` tell a zone's share of its district.
    """
    metric = (metric or "").strip()
    if _CJK.search(metric):  # a traditional text names the same indicators: read its words in simplified characters
        metric, text, before, after = to_simplified(metric), text and to_simplified(text), to_simplified(before), to_simplified(after)
    asked = _Asked(metric, unit, kind, text, subject, district, sentence, before, after)
    for rule in _MAPPING_RULES:
        answer = rule(asked)
        if answer is not None:
            return answer
    return _named(asked)


def map_metric(metric: str | None, unit: str | None = None, kind: str | None = None, sentence: str | None = None) -> Mapping:
    """The indicator a metric phrase names (no context beyond unit, kind and sentence); code None when unmapped."""
    return map_quantity(metric, unit, kind, sentence=sentence)
