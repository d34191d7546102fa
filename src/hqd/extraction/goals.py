"""Goals whose figure is written in words: "aims to help two companies go public this year".

The contract neither requires nor penalises numbers written only in words, but a goal stated with one is still a goal
with something checkable: its count. Only counts in a goal's clause are read, so no narrative "three hospitals" is.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache
from itertools import accumulate

from .lang.en import alternation, word_lists
from .numbers import Mention
from .segments import has_case_trap


# what a count in words counts: a plural noun, after up to two words that qualify it ("two companies", "four hydrogen
# refueling stations"), or a part of a plural named before ("three of them")
_COUNTED = (r"(?!\s+(?:hundred|thousand|million|billion|trillion)\b)(?=\s+(?:(?!years|months|days|weeks|times|percent|hours|minutes)[a-z-]+\s+){0,2}?(?!years\b|months\b|days\b|weeks\b|times\b|percent\b|hours\b|minutes\b)[a-z]{3,}s\b"
            r"|\s+of\s+(?:them|these|those)\b)")


def _cardinal_words() -> str:
    cardinals = {w: n for w, n in word_lists("scales")["cardinals"].items() if 1 < n < 100}
    return "|".join(sorted(cardinals, key=len, reverse=True))


_GOAL_VERB = r"\b(?:aims?|aiming|plans?|planning|strives?|striving|seeks?|seeking|expects?|is\s+expected|are\s+expected|will|shall)"


@cache
def _pattern() -> re.Pattern:
    # (a bound before the count: "will open no fewer than five new depots")
    return re.compile(_GOAL_VERB + r"\s+(?:to\s+)?(?:[a-z]+\s+){0,3}?(?:" + alternation("approximators") + r"\s+)?(?P<n>" + _cardinal_words() + r")"
                      + _COUNTED, re.IGNORECASE)


@cache
def _goal_verb() -> re.Pattern:
    return re.compile(_GOAL_VERB, re.IGNORECASE)


@cache
def _coordinated() -> re.Pattern:
    """'aims to help two companies go public and to attract three regional headquarters': an infinitive joined to a goal's
    by 'and (to)' or a comma shares its aim, so its count in words is a goal too."""
    return re.compile(r"(?:,|\band)\s+(?:to\s+)?(?:[a-z]+\s+){1,3}?(?P<n>" + _cardinal_words() + r")" + _COUNTED, re.IGNORECASE)


def word_number_goals(text: str, mentions: list[Mention]) -> list[Mention]:
    """Counts written in words as the object of a goal ('aims to help two companies go public', 'will build three new
    schools'), as mentions of the goal's figure; none that overlaps a mention already found."""
    cardinals = word_lists("scales")["cardinals"]
    starts = _verb_starts(text)  # (found once for the two patterns)
    spans = {m.span("n") for m in _goal_matches(text, _pattern(), starts) if _acts(m.group(0))}
    scanned: dict[int, set[int]] = {}  # per clause end, the offsets from which the clause has been read to its end
    for m in _goal_matches(text, _goal_verb(), starts):
        # the verb phrases joined to the goal's share its aim, whether its own figure is in words or in digits ("will
        # attract 120 new projects and help two companies list")
        clause_end = _clause_end(text, m.end())
        spans.update(_coordinated_spans(text, m.end(), clause_end, scanned.setdefault(clause_end, set())))
        spans.update(_listed_goals(text, m.end()))
    if not spans:
        return []  # (the figures found are indexed only to tell a count from them)
    mentioned = _Reach([(m.start, m.end) for m in mentions])
    found: list[Mention] = []
    reach = -1  # how far the counts taken so far reach (they are taken in order of start)
    for start, end in sorted(spans):
        if reach > start or mentioned.overlaps(start, end):
            continue  # it overlaps a figure already found or a count taken before it
        reach = max(reach, end)
        found.append(Mention(start, end, float(cardinals[text[start:end].lower()]), None))
    return found


@cache
def _list_item() -> re.Pattern:
    """A line of a list whose lead-in ends with the goal's verb ("By 2026, Qingpu will:" over "5. build three computing
    centers ..."): its count in words, within the first words of the line, is a goal too."""
    return re.compile(r"[ \t]*(?:\(?\d{1,2}[.)]|[-•*·])?[ \t]*(?:[a-z]+\s+){0,3}?(?P<n>" + _cardinal_words() + r")" + _COUNTED, re.IGNORECASE)


_LEAD_IN_END = re.compile(r"[ \t]*:[ \t]*\n")


def _listed_goals(text: str, verb_end: int) -> list[tuple[int, int]]:
    """The counts in words that open the lines of a list after a goal's verb and a colon, up to a blank line."""
    lead_in = _LEAD_IN_END.match(text, verb_end)
    if lead_in is None:
        return []
    spans = []
    at = lead_in.end()
    while at < len(text) and text[at] != "\n":
        line_end = text.find("\n", at)
        line_end = len(text) if line_end < 0 else line_end
        item = _list_item().match(text, at, line_end)
        if item and _acts(item.group(0)):
            spans.append(item.span("n"))
        at = line_end + 1
    return spans


def _acts(words: str) -> bool:
    """Whether the words before a count in words hold a verb of doing ('help two companies', 'build three centers'): a
    goal's count is of things to be done or made, not of topics ('will focus on three areas')."""
    return not _ACTION_VERBS.isdisjoint(w.lower() for w in re.findall(r"[A-Za-z]+", words))


_ACTION_VERBS = frozenset(word_lists("words")["action_verbs"])


def _names_a_part(words: str) -> bool:
    """Whether the words before a count in words, after a comma, name it a part of the goal's count before ('to have
    300 start-ups, including four unicorns'): a goal too, as its whole is."""
    return _PART_LEAD.match(words) is not None


_PART_LEAD = re.compile(r",\s+" + alternation("part_of_a_count_leads") + r"\s", re.IGNORECASE)


def _clause_end(text: str, start: int) -> int:
    """Where the first ".", ";" or line break after ``start`` stands (the text's end if none does): each mark looked for
    only up to the nearest found so far, not to the text's end, which made a document's cost grow with the square of
    its goal verbs."""
    end = len(text)
    for mark in (".", ";", "\n"):
        k = text.find(mark, start, end)
        if k >= 0:
            end = k
    return end


def _coordinated_spans(text: str, start: int, end: int, scanned: set[int]) -> list[tuple[int, int]]:
    """The counts of _coordinated() in ``text[start:end]`` (the spans its finditer gives there), less those that an earlier
    reading of the same clause gave: ``scanned`` holds the offsets from which the clause has been read to ``end``, and
    a reading that comes to one of them stops, having nothing new to find (many goal verbs in one clause with no full
    stop each read the clause once, not to its end each)."""
    if start in scanned:
        return []
    spans: list[tuple[int, int]] = []
    read_from = [start]  # where each match was looked for from: a finditer goes on from the end of its last match
    for c in _coordinated().finditer(text, start, end):
        if _acts(c.group(0)) or _names_a_part(c.group(0)):
            spans.append(c.span("n"))
        if c.end() in scanned:
            break
        read_from.append(c.end())
    scanned.update(read_from)
    return spans


class _Reach:
    """Spans, and whether one of them overlaps a given span: by bisection on their starts and how far those reach."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [a for a, _ in spans]
        self.reach = list(accumulate((b for _, b in spans), max))

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect_left(self.starts, end)  # the spans that start before ``end``
        return bool(k) and self.reach[k - 1] > start


# Where a match of a pattern that opens with _GOAL_VERB can start: at its verb ("is expected" and "are expected" start
# two or three letters before the "expect" found, past the spaces). Found with str.find in the lower-cased text, many
# times faster than trying the case-blind alternation at every character; the pattern itself then decides there.
_VERB_STARTS = ("aim", "plan", "striv", "seek", "expect", "will", "shall")


def _goal_matches(text: str, pattern: re.Pattern, starts: list[int] | None = None):
    """The matches in ``text`` of ``pattern``, which opens with _GOAL_VERB, as its finditer gives them (in order, none
    overlapping); ``starts``: where they may start (:func:`_verb_starts`), when the caller has found them."""
    if starts is None:
        starts = _verb_starts(text)
    if starts is None:
        yield from pattern.finditer(text)  # offsets in the lower-cased text would not be the text's
        return
    end = 0
    for start in starts:
        if start < end:
            continue
        m = pattern.match(text, start)
        if m:
            end = m.end()
            yield m


def _verb_starts(text: str) -> list[int] | None:
    """Where a match of a pattern opening with _GOAL_VERB may start, in order; None where the lower-cased text's offsets
    are not the text's."""
    lowered = text.lower()
    if len(lowered) != len(text) or has_case_trap(text):  # a letter that matches an ASCII letter case-blind but lower-cases to none
        return None
    starts: set[int] = set()
    for verb in _VERB_STARTS:
        at = lowered.find(verb)
        while at >= 0:
            starts.add(at)
            if verb == "expect":
                space = at
                while space and text[space - 1].isspace():  # what \s matches
                    space -= 1
                starts.update((max(0, space - 2), max(0, space - 3)))  # "is", "are"
            at = lowered.find(verb, at + 1)
    return sorted(starts)
