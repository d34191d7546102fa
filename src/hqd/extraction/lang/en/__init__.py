"""The English pack's word classes: what the core's patterns are built from, each list written once as data
(``lang/en/*.json``: cues, words, scales, units, basis, months)."""

from __future__ import annotations

import re
from functools import cache

from .. import load
from ...lexicon import phrase_pattern


@cache
def word_lists(name: str) -> dict:
    """One of the pack's word-list files, ``lang/en/<name>.json``: its classes by name ("change_up", "approx_before")."""
    return load("en", name)


@cache
def month_numbers() -> dict[str, int]:
    """Every month name and abbreviation, lower-cased, with its number ("sept" 9)."""
    return {name.lower(): n for name, n in load("en", "months")["months"].items()}


@cache
def month_forms() -> tuple[str, ...]:
    """The month names and abbreviations as written, capitalised, longest first ("September", "Sept", "Sep", ...)."""
    return tuple(sorted(load("en", "months")["months"], key=len, reverse=True))


@cache
def month_names() -> str:
    """A regex alternation of the month names as written, capitalised, longest first ("September|Sept|Sep|...")."""
    return "(?:" + "|".join(map(re.escape, month_forms())) + ")"


@cache
def word_class(name: str) -> frozenset[str]:
    """A class of ``grammar.json`` as a set of its words and phrases, lower-case."""
    return frozenset(w.lower() for w in word_lists("grammar")[name])


@cache
def alternation(*names: str, case: str = "as written") -> str:
    """Classes of ``grammar.json`` as one regex group: their phrases, longest first, a space matching any whitespace.
    ``case``: "as written"; "capitalised" (the form that opens a sentence: "Spanning"); "either" ("its|Its")."""
    phrases = [p for name in names for p in word_lists("grammar")[name]]
    if case != "as written":
        capitals = [p[:1].upper() + p[1:] for p in phrases]
        phrases = capitals if case == "capitalised" else phrases + capitals
    return "(?:" + phrase_pattern(phrases) + ")"


@cache
def initials(*names: str) -> str:
    """The first letters of classes of ``grammar.json``, in either case, as a regex character class: a lookahead of them
    lets a pattern skip, cheaply, the many places where none of its words can start."""
    letters = {p[0] for name in names for p in word_lists("grammar")[name]}
    return "[" + "".join(sorted(letters | {c.upper() for c in letters})) + "]"


MONEY_UNITS = frozenset(word_lists("units")["money_units"])  # the contract's currency codes: CNY USD EUR HKD JPY GBP
