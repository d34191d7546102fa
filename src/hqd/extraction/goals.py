"""Goals whose figure is written in words: "aims to help two companies go public this year".

The contract neither requires nor penalises numbers written only in words, but a goal stated with one is still a goal
with something checkable: its count. Only counts in a goal's clause are read, so no narrative "three hospitals" is.
"""

from __future__ import annotations

import re
from functools import cache

from .lang.en import word_lists
from .numbers import Mention


_COUNTED = r"(?!\s+(?:hundred|thousand|million|billion|trillion)\b)(?=\s+(?:[a-z-]+\s+)?(?!years\b|months\b|days\b|weeks\b|times\b|percent\b|hours\b|minutes\b)[a-z]{3,}s\b)"


def _cardinal_words() -> str:
    cardinals = {w: n for w, n in word_lists("scales")["cardinals"].items() if 1 < n < 100}
    return "|".join(sorted(cardinals, key=len, reverse=True))


_GOAL_VERB = r"\b(?:aims?|aiming|plans?|planning|strives?|striving|seeks?|seeking|expects?|is\s+expected|are\s+expected|will|shall)"


@cache
def _pattern() -> re.Pattern:
    return re.compile(_GOAL_VERB + r"\s+(?:to\s+)?(?:[a-z]+\s+){0,3}?(?P<n>" + _cardinal_words() + r")" + _COUNTED, re.IGNORECASE)


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
    taken = [(m.start, m.end) for m in mentions]
    found = []
    spans = [m.span("n") for m in _goal_matches(text, _pattern())]
    for m in _goal_matches(text, _goal_verb()):
        # the verb phrases joined to the goal's share its aim, whether its own figure is in words or in digits ("will
        # attract 120 new projects and help two companies list")
        clause_end = min((k for k in (text.find(".", m.end()), text.find(";", m.end()), text.find("\n", m.end())) if k >= 0),
                         default=len(text))
        spans += [c.span("n") for c in _coordinated().finditer(text, m.end(), clause_end)]
    for start, end in sorted(spans):
        if any(a < end and start < b for a, b in taken):
            continue
        taken.append((start, end))
        found.append(Mention(start, end, float(cardinals[text[start:end].lower()]), None))
    return found


# Where a match of a pattern that opens with _GOAL_VERB can start: at its verb ("is expected" and "are expected" start
# two or three letters before the "expect" found, past the spaces). Found with str.find in the lower-cased text, many
# times faster than trying the case-blind alternation at every character; the pattern itself then decides there.
_VERB_STARTS = ("aim", "plan", "striv", "seek", "expect", "will", "shall")
_CASE_TRAP = re.compile("[\u0130\u0131\u017f\u212a]")  # letters that match an ASCII letter case-blind but lower-case to none


def _goal_matches(text: str, pattern: re.Pattern):
    """The matches in ``text`` of ``pattern``, which opens with _GOAL_VERB, as its finditer gives them (in order, none
    overlapping)."""
    lowered = text.lower()
    if len(lowered) != len(text) or _CASE_TRAP.search(text):
        yield from pattern.finditer(text)  # offsets in the lower-cased text would not be the text's
        return
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
    end = 0
    for start in sorted(starts):
        if start < end:
            continue
        m = pattern.match(text, start)
        if m:
            end = m.end()
            yield m
