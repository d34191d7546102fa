"""Goals whose figure is written in words: "aims to help two companies go public this year".

The contract neither requires nor penalises numbers written only in words, but a goal stated with one is still a goal
with something checkable: its count. Only counts in a goal's clause are read, so no narrative "three hospitals" is.
"""

from __future__ import annotations

import re
from functools import cache

from .lexicon import load
from .numbers import Mention


@cache
def _pattern() -> re.Pattern:
    cardinals = {w: n for w, n in load("scales")["cardinals"].items() if 1 < n < 100}
    return re.compile(
        r"\b(?:aims?|aiming|plans?|planning|strives?|striving|seeks?|seeking|expects?|is\s+expected|are\s+expected|will|shall)"
        r"\s+(?:to\s+)?(?:[a-z]+\s+){0,3}?(?P<n>" + "|".join(sorted(cardinals, key=len, reverse=True)) + r")"
        r"(?=\s+(?:[a-z-]+\s+)?(?!years\b|months\b|days\b|weeks\b|times\b|percent\b|hours\b|minutes\b)[a-z]{3,}s\b)",
        re.IGNORECASE,
    )


def word_number_goals(text: str, mentions: list[Mention]) -> list[Mention]:
    """Counts written in words as the object of a goal ('aims to help two companies go public', 'will build three new
    schools'), as mentions of the goal's figure; none that overlaps a mention already found."""
    cardinals = load("scales")["cardinals"]
    taken = [(m.start, m.end) for m in mentions]
    found = []
    for m in _pattern().finditer(text):
        start, end = m.span("n")
        if any(a < end and start < b for a, b in taken):
            continue
        found.append(Mention(start, end, float(cardinals[m["n"].lower()]), None))
    return found
