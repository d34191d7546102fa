"""The indicator catalogue (lexicon/indicators.json), the mapping's answer, and what a unit can measure.

Here are the catalogue's indicators and the indexes of their aliases that the matching reads (English aliases as
their content words, plural and possessive forms folded by ``tokens``; Chinese ones as strings, longest first), the
answer of the mapping (``Mapping``) and the reasons it gives for none (``REASONS``), the names of the places whose
figures are totals (a district, the city) and of a subject, and the dimension of a unit.

A duration ("12 consecutive years") measures no indicator but one kept in time units; a unit of another dimension
(a count under a money indicator, a change in percentage points of an amount) cannot measure it (*unit*).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..extraction.lexicon import load

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


def fold(word: str) -> str:
    """A word as aliases are matched: its plural folded, a synonym as the word it names (firms -> company)."""
    word = _fold_plural(word)
    return _SYNONYMS.get(word, word)


def _fold_plural(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


_WORD = re.compile(r"[a-z0-9][a-z0-9.&+-]*[a-z0-9]|[a-z0-9]")
CJK = re.compile(r"[\u3400-\u9fff]")


def tokens(phrase: str | None) -> list[str]:
    """The content words of an English phrase, folded (possessives dropped, stop words left out)."""
    text = (phrase or "").lower().replace("’", "'").replace("'s", "")
    return [fold(w) for w in _WORD.findall(text) if w not in _STOP]


_QUOTES = re.compile(r"[“”\"'‘’「」《》]")


def unquote(text: str) -> str:
    """The text without its quotation marks and title brackets (“”, 「」, 《》)."""
    return _QUOTES.sub("", text)


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
def alias_index() -> tuple[tuple[frozenset[str], tuple[str, ...], str, Indicator], ...]:
    """English aliases (and names) as (their word set, their words in order, the alias, its indicator), longest first."""
    index = []
    for indicator in catalogue():
        for alias in (*indicator.aliases, indicator.name):
            words = tokens(alias)
            if words:
                index.append((frozenset(words), tuple(words), alias, indicator))
    index.sort(key=lambda item: -len(item[1]))
    return tuple(index)


@cache
def aliases_by_word() -> dict[str, tuple[int, ...]]:
    """Word -> positions in alias_index() of the aliases holding it (candidates share at least one word)."""
    by_word: dict[str, list[int]] = {}
    for position, (alias_words, _, _, _) in enumerate(alias_index()):
        for word in alias_words:
            by_word.setdefault(word, []).append(position)
    return {word: tuple(positions) for word, positions in by_word.items()}


@cache
def zh_aliases() -> tuple[tuple[str, Indicator], ...]:
    """Chinese aliases (and Chinese names, quotes removed), longest first."""
    out = []
    for indicator in catalogue():
        for alias in (*indicator.aliases_zh, indicator.name_zh or ""):
            alias = unquote(alias)
            if alias and CJK.search(alias):
                out.append((alias, indicator))
    out.sort(key=lambda item: -len(item[0]))
    return tuple(out)


@cache
def zh_aliases_by_first() -> dict[str, tuple[int, ...]]:
    """First character -> positions in zh_aliases() of the aliases starting with it (only those can occur in a phrase)."""
    by_first: dict[str, list[int]] = {}
    for position, (alias, _) in enumerate(zh_aliases()):
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


def unit_reason(indicator: Indicator, unit: str | None, kind: str | None) -> str | None:
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


def names_of(subject: str | None) -> list[str]:
    """A subject's name and the other ways the subjects lexicon writes it (Pudong: 浦东新区, 浦东)."""
    if not subject:
        return []
    names = load("subjects")["subjects"]
    return [subject, *names.get(subject, ())]
