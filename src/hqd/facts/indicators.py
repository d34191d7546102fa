"""Map a quantity's metric phrase to an indicator of the catalogue (lexicon/indicators.json).

An alias matches when all its content words occur in the metric (plural and
possessive forms folded). The longest matching alias wins; its confidence
grows with the number of words matched and falls when the quantity's unit
cannot measure the indicator. The sentence is used only when the metric says
too little, at lower confidence.
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


@dataclass(frozen=True, slots=True)
class Indicator:
    code: str
    name: str
    dimension: str
    unit: str
    higher_is_better: bool
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Mapping:
    code: str | None
    confidence: float
    alias: str | None = None


def _fold(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


_WORD = re.compile(r"[a-z0-9][a-z0-9.&+-]*[a-z0-9]|[a-z0-9]")


def tokens(phrase: str | None) -> list[str]:
    text = (phrase or "").lower().replace("’", "'").replace("'s", "")
    return [_fold(w) for w in _WORD.findall(text) if w not in _STOP]


@cache
def catalogue() -> tuple[Indicator, ...]:
    return tuple(Indicator(i["code"], i["name"], i["dimension"], i["unit"], i["higher_is_better"], tuple(i["aliases"]))
                 for i in load("indicators")["indicators"])


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


def _in_order(alias: tuple[str, ...], ordered: list[str]) -> bool:
    """The alias's words occur in the phrase in the same order ("output value" is not "value ... output")."""
    it = iter(ordered)
    return all(word in it for word in alias)


def by_code(code: str) -> Indicator | None:
    return next((i for i in catalogue() if i.code == code), None)


def _unit_fits(indicator: Indicator, unit: str | None, kind: str | None) -> float:
    if unit is None or kind in ("change", "share", "target") and unit in ("percent", "pp"):
        return 0.0
    expected = indicator.unit
    if unit == expected or (unit in _MONEY and expected in _MONEY):
        return 0.1
    if unit.split("/")[0] == expected.split("/")[0]:
        return 0.05
    if unit in ("percent", "pp") and expected not in ("percent", "pp") and kind == "level":
        return -0.2
    return -0.25


def map_metric(metric: str | None, unit: str | None = None, kind: str | None = None, sentence: str | None = None) -> Mapping:
    """The indicator a metric phrase names, with a confidence in [0, 1]; code None when unmapped."""
    metric_words = tokens(metric)
    best = _best(metric_words, unit, kind)
    if (best.code is None or best.confidence < MAPPED_AT) and sentence and len(metric_words) <= 2:
        from_sentence = _best(tokens(sentence), unit, kind)
        if from_sentence.code is not None:
            best = Mapping(from_sentence.code, round(from_sentence.confidence * 0.7, 3), from_sentence.alias)
    if best.confidence < MAPPED_AT:
        return Mapping(None, best.confidence, None)
    return best


def _best(ordered: list[str], unit: str | None, kind: str | None) -> Mapping:
    """Longest alias wholly present wins; between equally long ones, the one nearer the phrase's head (its start)."""
    words = set(ordered)
    if not words:
        return Mapping(None, 0.0)
    position = {}
    for i, w in enumerate(ordered):
        position.setdefault(w, i)
    best = Mapping(None, 0.0)
    best_key = None
    index = _alias_index()
    by_word = _aliases_by_word()
    candidates = sorted({p for w in words if w in by_word for p in by_word[w]})  # positions keep longest-first order
    for alias_words, alias_tokens, alias, indicator in (index[p] for p in candidates):
        length = len(alias_tokens)
        if best_key is not None and length < best_key[0]:
            break
        if alias_words <= words and _in_order(alias_tokens, ordered):
            confidence = min(1.0, 0.55 + 0.15 * length + _unit_fits(indicator, unit, kind))
            key = (length, -min(position[w] for w in alias_words), confidence)
            if best_key is None or key > best_key:
                best, best_key = Mapping(indicator.code, round(confidence, 3), alias), key
    return best
