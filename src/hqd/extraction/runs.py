"""Dense runs: stretches of text where figures stand closer together than prose ever sets them.

The fact of language: prose says what a figure is in words around it ("GDP reached 124.83 billion yuan, up
9.1%"), so its figures stand apart; a list in a sentence ("5%, 6% and 7%") sets a few close together. In the
seed briefings and the English tuning texts no more than 6 figures in a row stand within RUN_GAP characters of
the one before (a trade total, its conversion in dollars, its months and its growth, then exports and imports each with
a level and a change, as in "came to 2.1 trillion yuan (about 290 billion U.S. dollars) in January-May, up 1.2
percent; exports rose 3 percent to 1.2 trillion yuan, while imports slipped 0.4 percent"; within 64 characters, 13 in
a monthly statistics report). A run of RUN_MIN or more figures that close ("1 1 1 1 ...",
"12.5, 12.5, ...", a flattened table, a fuzzed string) has no words between its figures that tell one from the next: reading the words around
each figure (a few hundred microseconds a figure) learns nothing the run does not say once, and a string of a
figure every two bytes would cost a hundred times a briefing's time per byte.

Closeness alone is not the mark: a statistics communiqué sets ten figures in a row within RUN_GAP characters ("the
primary industry added 1.02 billion yuan, down 3.1%; the secondary industry 45.6 billion yuan, up 2.3%; ... The three
sectors accounted for 0.7%, 31.4% and 67.9% of GDP"), each told from the next by words of its own. What the strings of
the hardening issue share is that nothing between their figures differs: no word at all ("1 1 1", "12.5, 12.5") or the
same words again and again ("up 5% up 5%", "by 2025 reach 5% by 2025 reach 5%"), or words of one shape again and again
("up 5% abc up 5% abd ..."). So a close chain is a run unless its gaps tell its figures apart (:func:`told_apart`):
the gaps that hold words come in many shapes.

So a run's figures are found as every figure is (span, value and unit exact, a unit written once shared as in
prose), and their other attributes are decided once for the whole run (:func:`run_quantities`).
"""

from __future__ import annotations

import re
from operator import attrgetter

from ..model import Quantity
from .numbers import Mention
from .segments import Segmentation

RUN_GAP = 40  # characters between one figure's end and the next one's start, at most, within a run
RUN_MIN = 10  # figures in a row, at least, that make a run: half as many again as the longest list of prose seen

# The rule that set each attribute of a run's figure (``Quantity.why``, printed by ``hqd extract --explain``)
RUN_RULE = "dense_run"


def split_runs(mentions: list[Mention], text: str = "") -> tuple[list[Mention], list[Mention]]:
    """``mentions`` (in text order, found in ``text``) as those of prose and those of dense runs: runs of RUN_MIN or more
    mentions in a row each starting within RUN_GAP characters of the end of the one before, whose gaps do not tell them
    apart (:func:`told_apart`). Both lists keep text order."""
    prose: list[Mention] = []
    runs: list[Mention] = []
    n = len(mentions)
    i = 0
    while i < n:
        j = i + 1
        while j < n and mentions[j].start - mentions[j - 1].end <= RUN_GAP:
            j += 1
        chain = mentions[i:j]
        (runs if j - i >= RUN_MIN and not told_apart(text, chain) else prose).extend(chain)
        i = j
    return prose, runs


_WORD = re.compile(r"[^\W\d_]{2,}")  # a word: two letters or more
_LETTERS = re.compile(r"[^\W\d_]+")
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")


def gap_shape(gap: str) -> str:
    """A gap between two figures as its shape: each word "a", each number "0", each run of spaces one space. "; the
    secondary industry " and "; the tertiary industry " are one shape; ", up " and ". The three sectors accounted for "
    are two."""
    return _SPACES.sub(" ", _DIGITS.sub("0", _LETTERS.sub("a", gap)))


def told_apart(text: str, chain: list[Mention]) -> bool:
    """Whether the words between the figures of ``chain`` tell them apart, as prose's do: its gaps that hold a word come
    in at least a third as many shapes (:func:`gap_shape`) as there are gaps ("; the secondary industry ", ", up ", ".
    The three sectors accounted for ", " and ", ". Per capita GDP was "...). Gaps of no word ("1 1 1", "12.5, 12.5") or of
    one shape again and again, whatever its words ("up 5% up 5%", "up 5% abc up 5% abd", "Sales of abc rose 5%. Sales of
    abd rose 5%.") tell nothing that one gap does not: that chain is a run, and its cost stays a run's. Read gap by gap
    only until the answer is known."""
    if _WORD.search(text, chain[0].end, chain[-1].start) is None:
        return False  # no word anywhere between them (most runs): one search in C
    gaps = len(chain) - 1
    need = (gaps + 2) // 3
    shapes: set[str] = set()
    for k in range(gaps):
        if len(shapes) + gaps - k < need:
            return False  # too few gaps left to reach a third
        gap = text[chain[k].end:chain[k + 1].start]
        if _WORD.search(gap):
            shapes.add(gap_shape(gap))
            if len(shapes) >= need:
                return True
    return False


def run_quantities(text: str, mentions: list[Mention], seg: Segmentation, owner: str | None) -> list[Quantity]:
    """The quantities of the mentions of dense runs, decided once for the run: span, value and unit as found (a unit
    written once serving two numbers as in prose: "5-10%"); kind ``level`` (nothing between the figures marks a change, a
    share or a goal), approx ``=``, no basis, metric or period (no words name them), and the document's own subject
    (``owner``: its district, or Shanghai in a city-level text), whose every figure is unless words name another."""
    from .quantities import share_units

    # One record of the rules for the whole run, shared by its figures (a copy each, half a million a megabyte of "1%",
    # was a fifth of the run's cost): no rule sets an attribute of a run's figure after this
    why = {attribute: f"{attribute}.{RUN_RULE}" for attribute in ("kind", "basis", "approx", "metric", "period", "subject")}
    quantities = [Quantity(m.start, m.end, text[m.start:m.end], m.value, m.unit or "count", "level", None, "=", None, None, owner, why)
                  for m in mentions]
    share_units(text, mentions, quantities, seg.indices_at([m.start for m in mentions]))
    return quantities


def merged(a: list[Quantity], b: list[Quantity]) -> list[Quantity]:
    """Two lists of quantities, each in text order, as one in text order."""
    if not b:
        return a
    if not a:
        return b
    return sorted(a + b, key=attrgetter("start"))
