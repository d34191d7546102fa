"""Ranges: two figures that bound one value ("6 to 7 percent", "3-4%", "5.5%-6%", "between 300 and 500 yuan").

The fact of language: a range states one quantity whose value lies between its ends. Both ends measure the same thing
in the same period for the same subject, and are the same kind of figure: in "prices rose 3-4 percent" the 4 is a
change as much as the 3, in "GDP is to grow by 6 to 7 percent in 2025" the 6 is a goal for 2025 as much as the 7. The
words that say so stand on one side of the range only (a verb before it, a time phrase after it), so each end, decided
alone, knows half of it: :func:`unite_ranges` gives both ends what either was found to be. The ends differ only in
their bound: the lower is the least the value is (``>=``), the upper the most (``<=``).

Not ranges: a series "from 78 to 108" (a start and an end), and a change then the level it reached ("rose by 4 million
yuan to 46 million yuan": a change, then a level).
"""

from __future__ import annotations

import re

from ..model import Quantity
from .lang.en import alternation
from .numbers import Mention
from .phrases import FROM_BEFORE
from .segments import Segmentation

_DASH_GAP = re.compile(r"-|\s*–\s*")  # "3-4%", "3 – 4%"; a spaced hyphen or an em dash opens an aside ("40 percent - 10 more")
_TO_GAP = re.compile(r"\s+" + alternation("figure_range_joiners") + r"\s+", re.IGNORECASE)
_AND_GAP = re.compile(r"\s+" + alternation("figure_range_closers") + r"\s+", re.IGNORECASE)
_OPENER_BEFORE = re.compile(r"\b" + alternation("figure_range_openers") + r"\s+(?:[A-Z]{2,3}\s?|\$|¥)?$", re.IGNORECASE)
_OPENER_REACH = 16
_FROM_REACH = 25

# the rule recorded for an attribute a range's end took from the other end (``Quantity.why``)
RANGE_RULE = "one_range"
# kinds, strongest first: what one end is found to be, the other is too
_KIND_ORDER = ("target", "change", "share", "level")
_OWN_CLAUSE = "period.own_clause"  # the period rule that reads a time phrase of the figure's own clause


def is_range(text: str, a: Quantity, b: Quantity, unit_shared: bool) -> bool:
    """Whether ``a`` and ``b`` (next to each other in one sentence) are the ends of one range: one unit, the smaller
    first, joined by a hyphen or an en dash, by "to" (not after "from", and not a change then the level it reached,
    unless the unit is written once: "up 5 to 6 percent"), or by "and" after "between"."""
    if a.unit != b.unit or not abs(a.value) < abs(b.value):
        return False  # a range runs from the smaller end to the larger
    gap = text[a.end:b.start]
    if _DASH_GAP.fullmatch(gap):
        return True
    if _TO_GAP.fullmatch(gap):
        if FROM_BEFORE.search(text, max(0, a.start - _FROM_REACH), a.start):
            return False
        return unit_shared or not (a.kind == "change" and b.kind != "change")
    return bool(_AND_GAP.fullmatch(gap) and _OPENER_BEFORE.search(text, max(0, a.start - _OPENER_REACH), a.start))


def unite_ranges(text: str, seg: Segmentation, quantities: list[Quantity], mentions: list[Mention]) -> None:
    """Give both ends of each range in ``quantities`` (in text order; ``mentions``: the prose figures they were found
    as) what either end was found to be (kind, sign, basis, metric, subject, period) and each its bound (``>=`` the
    lower, ``<=`` the upper, where neither has an approximator of its own)."""
    written_once = {a.start for a, b in zip(mentions, mentions[1:]) if a.unit is None and b.unit is not None}
    for a, b in zip(quantities, quantities[1:]):
        if seg.index_at(a.start) == seg.index_at(b.start) and is_range(text, a, b, a.start in written_once):
            _unite(a, b)


def _unite(a: Quantity, b: Quantity) -> None:
    kind = min(a.kind, b.kind, key=_KIND_ORDER.index)
    for end in (a, b):
        if end.kind != kind:
            end.kind = kind
            end.why["kind"] = f"kind.{RANGE_RULE}"
    if kind == "change" and (a.value < 0) != (b.value < 0):
        a.value, b.value = -abs(a.value), -abs(b.value)  # "down 3-4 percent": the sign is written once
    # a time phrase in one end's own clause ("at 5.5 to 6 percent for the full year") dates the range; else the upper
    # end's, which a time phrase after the range reaches first ("6 to 7 percent in 2025")
    dated_first = (a, b) if a.why.get("period") == _OWN_CLAUSE and b.why.get("period") != _OWN_CLAUSE else (b, a)
    shared = (("basis", a, b), ("metric", a, b), ("subject", a, b), ("period", *dated_first))
    for attribute, first, second in shared:
        value = getattr(first, attribute) or getattr(second, attribute)
        if attribute == "basis" and kind != "change":
            value = None  # a basis is a change's only
        for end in (a, b):
            if getattr(end, attribute) != value:
                setattr(end, attribute, value)
                end.why[attribute] = f"{attribute}.{RANGE_RULE}"
    if a.approx == "=" and b.approx == "=":
        a.approx, b.approx = ">=", "<="
        a.why["approx"] = b.why["approx"] = f"approx.{RANGE_RULE}"
