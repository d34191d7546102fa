"""Words around a figure: its clause, the phrases after it, metric words trimmed of what names nothing.

Shared by the readers of a figure's kind (quantities.py), metric (metrics.py), subject
(subjects.py) and period (frames.py).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Quantity
from .lang.en import alternation, month_names, word_class, word_lists
from .lexicon import load, phrase_pattern
from .segments import Segmentation

_CUES = word_lists("cues")
_WORDS = word_lists("words")

# Cues that the kind and the metric readers both use
# (a block word names a level reached, 'reached', 'to a total of', 'stood at'; 'by a total of' is the measure of a change)
CHANGE_BLOCK = re.compile(r"(?<!\bby\sa\s)\b(" + phrase_pattern(_CUES["change_block"]) + r")\b", re.IGNORECASE)
CHANGE_AFTER = re.compile(
    r"^\s*(?:[\w’'-]+\s+){0,2}?(" + phrase_pattern(_CUES["change_after"] + ["higher", "lower"]) + r")\b", re.IGNORECASE
)
LIST_GAP = re.compile(r"^\s*(?:,|;|,?\s*and|,?\s*or|and\s+then)?\s*$", re.IGNORECASE)
# What a multiple is a multiple of, when a year names it: "2.3 times that of 2019", "the 2019 figure", "its 2015 level",
# "the number in 2017", "the number at the end of 2015" (the year is group "y")
TIMES_BASE_YEAR = re.compile(r"^\s+(?:(?:that|those)\s+(?:of|in|at)\s+(?:the\s+end\s+of\s+)?|(?:the|its)\s+(?:(?:" + alternation("base_nouns") + r"|value)"
                             r"\s+" + alternation("base_year_links") + r"\s+(?:the\s+)?(?:(?:first|second|third|fourth)\s+(?:half|quarter)\s+of\s+)?)?)(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE)
# between a goal's figure and where it starts: "120 regional headquarters, up from 98", "to 15, from seven"
GOAL_BASE_GAP = re.compile(r"[^,;.]{0,60},\s*" + alternation("from_changes") + r"\s+from\s+(?:" + alternation("goal_base_approximators") + r"\s+)?$",
                           re.IGNORECASE)
# a count written as the adjective of its noun: "a 12-room guesthouse", "the 800-bed hospital" (group 1: the unit counted)
COUNT_ADJECTIVE = re.compile(r"-(" + alternation("count_adjective_nouns") + r")\s+(?=[A-Za-z])", re.IGNORECASE)
TO_BEFORE = re.compile(r"\bto\s+(?:[\w’'-]+\s+){0,2}$", re.IGNORECASE)
FROM_BEFORE = re.compile(r"\bfrom\s+(?:[\w’'-]+\s+){0,2}$", re.IGNORECASE)  # "from about 10.7 billion": a series' start
# a relative clause of a thing's opening and the size it opened with: "the east wing, which opened in 2019 with 60,000
# square meters of labs" (the size of the thing, not of 2021; frames.py and metrics.py read it)
# a participle clause that caps a payment: "..., capped at 2 million yuan per project" (frames.py and metrics.py read it)
CAPPED_AT = re.compile(r",\s*" + alternation("cap_participles") + r"\s+at\s+(?:" + alternation("approximators") + r"\s+)?(?:RMB\s+)?$")
# a verb or participle of capping and the bound it sets, with what is capped between: "caps yearly increases in tariffs at", "are capped at",
# "will cap the fee for each visit at about" (quantities.py reads it for the kind and for the approximation)
CAPS_AT = re.compile(r"\b" + alternation("cap_verbs", "cap_participles") + r"\s+(?:[^,;.]{1,40}?\s+)?at\s+(?:" + alternation("approximators")
                     + r"\s+)?$", re.IGNORECASE)
# "..., and is expected to", ", will open": the next predicate of the clause's subject, after 'and' or an aside's comma
# (frames.py and targets.py read it: what came between, a time or a size, belongs to the subject, not to the next verb)
AND_NEXT_PREDICATE = re.compile(r"(?:\band|,)\s+" + alternation("present_copulas", "modal_verbs", "permissive_modals", "advice_modals") + r"\s")
# "full capacity", "its designed capacity", "full production": a thing running at the level it was built for (the milestone
# of targets.py and the event a goal waits for in quantities.py read it alike)
FULL_CAPACITY = r"(?:(?:its|their)\s+)?" + alternation("capacity_levels") + r"\s+" + alternation("capacity_nouns") + r"\b"
OPENED_WITH = re.compile(r",\s*(?:which|that)\s+(?:was\s+|were\s+)?" + alternation("founding_participles") + r"\b[^,;]{0,40}?\bwith\s+"
                         r"(?:" + alternation("approximators") + r"\s+)?$")
# what a plan set, after the figure: "the 5% expected in the plan", "the 12 new clinics in the plan" (not "in the plan
# period", a time, nor "the 30 main indicators in the plan", the plan's own items), "the 900 planned for the three years",
# "the 5 percent the plan expected"
_PLAN = r"\s+(?:" + alternation("plan_owner_determiners") + r")\s+plan\b"
SET_IN_THE_PLAN = re.compile(r"\s+(?:" + alternation("plan_setting_participles") + r"\s+" + alternation("plan_setting_prepositions") + _PLAN + r"(?![’'-])"
                             r"|(?!(?:[a-z][\w-]*\s+){0,2}?" + alternation("indicator_nouns") + r"\s)(?:[a-z][\w-]*\s+){0,3}?" + alternation("plan_holding_prepositions") + _PLAN
                             + r"(?![’'-]|\s+" + alternation("plan_time_nouns") + r"\b)"
                             r"|" + alternation("aim_participles") + r"\s+for\s+the\s+(?:\w+\s+)?" + alternation("plan_time_nouns") + r"\b"
                             r"|(?:that\s+)?" + alternation("plan_owner_determiners") + r"\s+plan\s+" + alternation("plan_setting_participles") + r"\b)",
                             re.IGNORECASE)

_WORD = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|[A-Za-z0-9](?:[\w’'&-]|\.(?=\w))*|[()“”\"]")  # "10,000" is one word
_METRIC_LEAD = set(_WORDS["metric_lead_trim"])
_METRIC_TAIL = set(_WORDS["metric_tail_trim"])
GOAL_VERBS = set(_WORDS["goal_verbs"])
_FUNCTION_TAIL = word_class("function_tail")
# Words that approximate the figure after them ("about", "more than", "up to", "at least"): no part of what it measures
APPROXIMATOR_WORDS = frozenset(w for phrase in word_class("approximators") for w in phrase.split())
_APPROXIMATOR = rf"(?:{alternation('approximators')}|impressive)"  # "an impressive 42": how big, not what
_EXTENT_VERB = alternation("extent_verbs")
# How big a thing is, by a verb of extent: "the park covers 2.6 square kilometers", "spanning an area of 1.48 km2"
EXTENT_VERB_BEFORE = re.compile(
    rf"\b{_EXTENT_VERB}\s+(?:an?\s+|the\s+)?(?:(?:total\s+)?{alternation('extent_nouns')}\s+of\s+)?(?:(?:an?|{_APPROXIMATOR})\s+)*$", re.IGNORECASE)
# ... or by "(with) an area of", which dates nothing either: "a park with an area of 30 hectares"
EXTENT_BEFORE = re.compile(
    rf"(?:\b{_EXTENT_VERB}\s+(?:an?\s+|the\s+)?(?:(?:total\s+)?{alternation('extent_nouns')}\s+of\s+)?|\b(?:with\s+)?an?\s+(?:total\s+)?area\s+of\s+)"
    rf"(?:(?:an?|{_APPROXIMATOR})\s+)*$", re.IGNORECASE)
# A difference from a yardstick: "5.9 percent, higher than the city's average by 1.2 percentage points"
COMPARED_BY = re.compile(rf"\b({alternation('comparatives')}(?=\s+than\b)|{alternation('outdoing_verbs')})(?:\s+than)?\s+[^,;.]{{1,60}}?\bby\s+"
                         rf"(?:{alternation('approximators')}\s+)?$", re.IGNORECASE)
# "exceeding the annual plan by 21 percent", "(the goal ...) was exceeded by 8,000": how far past a mark, a difference from it
# the words EXCEEDED_BY needs: the cues of the rules that read it
EXCEEDED_BY_CUES = ("exceed", "exceeds", "exceeded", "exceeding", "surpass", "surpasses", "surpassed", "surpassing", "overfulfill", "overfulfills",
                    "overfulfilled", "overfulfilling")
EXCEEDED_BY = re.compile(r"(?:\b(?:exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|overfulfill(?:s|ed|ing)?)\s+(?:[\w’'-]+\s+){1,5}?"
                          r"|\b(?:was|were|been)\s+(?:exceeded|surpassed|overfulfilled)\s+)by\s+(?:" + alternation("rough_approximators") + r"\s+)?$",
                          re.IGNORECASE)
_THRESHOLD_GAP = re.compile(rf"[^,;.]{{0,50}}\b{alternation('threshold_words')}\s*$", re.IGNORECASE)


def threshold_of(text: str, q: Quantity, o: Quantity) -> bool:
    """``o`` is a threshold in count ``q``'s noun phrase: "1,500 projects with total investment exceeding 600 billion yuan"."""
    if not (q.unit == "count" and q.end <= o.start and _THRESHOLD_GAP.match(text, q.end, o.start)):
        return False
    # "4 bus depots served more than 300 buses", "add 3,000 homes and attract at least 10 more headquarters": a verb of
    # its own takes the second number as its object, no bound of the first's things
    and_verb = AND_VERB.search(text, q.end, o.start)
    return (not _VERB_THEN_BOUND.search(text, q.end, o.start) and not (and_verb and and_verb.group(1) in ACTION_VERBS)
            and not _JOINED_OR_SERIES_END.search(text, q.end, o.start))


# "to have 1,500 firms and at least 10 labs", "to rise from 12 in 2020 to at least 20": a second count joined to the first,
# or where a series from the first ends, is a figure of its own with its bound, not a bound on the first's things
_JOINED_OR_SERIES_END = re.compile(rf"\b(?:and|to)\s+{alternation('threshold_words')}\s*$", re.IGNORECASE)
# "4 bus depots served more than 300 buses": a verb of the count's clause, then its object's number, no bound
_VERB_THEN_BOUND = re.compile(rf"\b(?!valued\b|priced\b|rated\b)[a-z]{{3,}}ed\s+{alternation('threshold_words')}\s*$", re.IGNORECASE)


# A measure told in an aside by its adjective: "The railway, 120 kilometers long, ...": how big a thing is, undated
DIMENSION_ASIDE = re.compile(rf"\s+{alternation('dimension_adjectives')}\s*,")
# a running total a count brings something to: "introduced 12 headquarters, bringing the total to 108"
TOTAL_TO = re.compile(rf"\b{alternation('total_verbs')}\s+(?:the|its|their)\s+(?:total|number)(?:\s+number)?\s+to\s+"
                      rf"(?:{alternation('approximators')}\s+)?$", re.IGNORECASE)
_AT_ASIDE_BEFORE = re.compile(rf",\s*{alternation('aside_openers')}\s+(?:{alternation('approximators')}\s+)?$")
EXTENT_UNITS = {"m2", "km2", "mu", "ha", "km", "m"}
AREA_UNITS = {"m2", "km2", "mu", "ha"}
# the area a thing covers, said in the present: "The expo park covers 10 square kilometers"
COVERS_NOW = re.compile(r"\b" + alternation("covering_verbs") + r"\s+(?:an?\s+(?:total\s+)?area\s+of\s+)?(?:" + alternation("total_approximators") + r"\s+)?$",
                        re.IGNORECASE)


_ASIDE_TAIL = re.compile(r"(?:\s+of\s+[^,.;]{1,60})?,")  # where the aside closes, perhaps after what it measures


def measure_aside(text: str, q: Quantity, sentence_start: int) -> bool:
    """A measure told in an aside: "The railway, 120 kilometers long, ...", "the tower, at 320 meters, will ...": how big a thing is."""
    if DIMENSION_ASIDE.match(text, q.end):
        return text[sentence_start:q.start].rstrip().endswith(",")
    return (q.unit in EXTENT_UNITS and _AT_ASIDE_BEFORE.search(text[sentence_start:q.start]) is not None
            and _ASIDE_TAIL.match(text, q.end) is not None)  # ", planned on 26 km2 of land, has"
_SAYING = set(_CUES["speech_verbs"]) - {"added", "adds"}  # "value added", "added value" are measures
_THAT_VERBS = word_class("that_verbs")  # verbs whose object is a clause: "ensure that forest coverage reaches"
_EXPERIENCE_VERBS = word_class("experience_verbs")  # "the efforts have seen incomes rise"
DISTRICT_WORDS = {a for aliases in load("districts")["districts"].values() for a in aliases} | {"Shanghai", "District", "district"}
_NP_BREAK_AFTER_AND = re.compile(
    rf"^(?:\d|(?:a\s+|one[- ]|two[- ]|three[- ])?{alternation('fraction_nouns')}\s+of\b|a\b|an\b|the\b|(?:more|less|fewer)\s+than\b"
    rf"|{alternation('multitude_words')}\s+of\b|{alternation('approximators')}\s+\d|{alternation('clause_continuers')}\b"
    rf"|(?-i:[a-z]{{2,}})\s+(?:{alternation('approximators')}\s+)?\d"  # "stations and put 5,000 vehicles into use": a verb
    r"|[a-z]+ed\s+(?:\d|the\b|a\b|an\b|its\b|their\b|more\b|over\b|nearly\b|about\b|some\b|one\b|two\b|three\b|four\b|five\b|half\b))",
    re.IGNORECASE,
)
# A time phrase opening the words after a figure: "in 2023", "by the end of", "this year", "over the past five years"
TIME_START = re.compile(
    rf"^{alternation('time_prepositions')}\s+(?:(?:19|20)\d\d|{alternation('deictic_words')}|the\s+(?:{alternation('period_positions')}|\d{{1,2}}(?:st|nd|rd|th)\s+Five-Year))"
    rf"|^at\s+the\s+{alternation('period_edges')}\s+of\b|^{alternation('deictic_words')}\s+{alternation('calendar_units')}\b"
    rf"|^(?:a|one)\s+year\s+{alternation('ago_words')}|^the\s+(?:same\s+period|previous\s+year)"
    rf"|^(?:in|during|within)\s+(?:its|their|the)\s+first\s+(?:full\s+)?{alternation('first_period_units')}\b|^so\s+far\b"
    rf"|^{alternation('month_prepositions')}\s+{month_names()}\b"  # "in January–October", "in May"
    rf"|^{alternation('deictic_words')}\s+(?-i:{month_names()})\b"  # "to 95 this June", "last May" (not "this may")
    r"|^today\b"  # "from about 260 today"
    rf"|^{alternation('span_prepositions')}\s+(?:the\s+)?(?:{alternation('span_modifiers')}\s+)?(?:\d{{1,2}}|{alternation('few_words')})\s+(?:consecutive\s+)?{alternation('span_units')}\b",
    re.IGNORECASE,
)
ACTION_VERBS = set(_WORDS["action_verbs"])
HOLDING_VERBS = set(_WORDS["holding_verbs"])
AND_VERB = re.compile(r"\band\s+(?:to\s+)?(?:further\s+)?([a-z]+)\s")  # "... and (to) expand": the verb of a second predicate
_NEW_VERB_AFTER_AND = ACTION_VERBS | GOAL_VERBS  # "hub and bring ...", "Center and aims to ...": a second predicate
_DETERMINERS = word_class("phrase_openers")  # words before a figure that starts a phrase of its own
_CURRENCY_BEFORE_DIGIT = re.compile(r"(?:US|HK)?\$\s?\d|(?:RMB|USD|CNY|EUR)\s?\d|[¥€£]\s?\d")  # an amount's currency, before its number
_PLAIN_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
# Words after which a number starts a figure of its own rather than modifying the noun phrase
# ("firms exceeded 7 trillion", "and about 450,000 employees", "incubators covering 40,000 square meters";
# but "projects each valued at 100 million yuan or more" keeps its threshold).
_NUMBER_LEADS = ({"and", "or", "with", "than"} | {p for ps in _CUES["approx_before"].values() for p in ps if " " not in p}
                 | {p for p in _CUES["share_before"] if " " not in p}
                 | {w for w in _METRIC_TAIL if w.endswith(("ed", "ing")) and w not in ("valued", "priced", "rated")})


@dataclass(slots=True)
class Context:
    """A document as the figure readers see it: its text, sentences and clauses, district, year and time phrases."""

    text: str
    seg: Segmentation
    district: str | None
    year: int | None
    time_spans: list[tuple[int, int]]
    news: bool = False  # a news report (a dateline, no briefing date): its lead paragraph frames the whole story
    title_year: int | None = None  # the one year a report's title names ("Minhang District 2023 Highlights")
    memo: dict = field(default_factory=dict, repr=False, compare=False)  # what readers work out once per document

    def without_time(self, start: int, end: int) -> str:
        """text[start:end] with time phrases blanked: "from a year earlier to" names no metric."""
        index = self.memo.get("time_spans")
        if index is None:  # the spans by start, and the longest: only those starting within that reach of ``start`` can overlap
            spans = sorted(self.time_spans)
            index = self.memo["time_spans"] = ([a for a, _ in spans], spans, max((b - a for a, b in spans), default=0))
        starts, spans, longest = index
        piece = None
        for k in range(bisect_right(starts, start - longest), bisect_left(starts, end)):
            a, b = spans[k]
            if b <= start or a >= end:
                continue
            if piece is None:
                piece = list(self.text[start:end])
            for c in range(max(a, start), min(b, end)):
                piece[c - start] = " "
        return self.text[start:end] if piece is None else "".join(piece)


def clause_after(ctx: Context, q: Quantity) -> str:
    """The rest of the figure's clause, after the figure."""
    _, clause_end = ctx.seg.clause_bounds(q.end)
    return ctx.text[q.end:max(q.end, clause_end)]


def word_list(span: str) -> list[str]:
    """The words of ``span``, brackets and quotes left out; "10,000" is one word."""
    words = _WORD.findall(span)
    if "(" not in span and ")" not in span and "“" not in span and "”" not in span and '"' not in span:
        return words  # (no bracket or quote in the span: none of its words is one)
    return [w for w in words if w not in "()“”\""]


def trim_metric(words: list[str]) -> list[str]:
    """Metric words without the function words, verbs and district names at their ends."""
    words = _what_was_said(words)
    goal = [k for k, w in enumerate(words[:-1]) if w.lower() in GOAL_VERBS]
    if goal:
        after_goal = _trim_ends(words[goal[-1] + 1:])
        if after_goal:
            return after_goal  # "aims to raise the output of ...": what is measured follows the goal
    trimmed = _trim_ends(words)  # "the output will exceed": what is measured comes before it
    if goal and all(w.lower() in GOAL_VERBS for w in trimmed):
        # "aims to keep growth at around 5.5%": the noun that the tail trim took ("growth") is all there is
        nouns = [w for w in words[goal[-1] + 1:] if w.lower() not in _METRIC_LEAD and w.lower() not in _FUNCTION_TAIL]
        return nouns[-1:] or trimmed
    return trimmed


def _what_was_said(words: list[str]) -> list[str]:
    """The words after a verb of saying, expecting or seeing: what is said or seen to change is measured, not who says."""
    that = [k for k, w in enumerate(words[:-1]) if k and w.lower() == "that" and any(
        v.lower().endswith("ed") or v.lower() in _THAT_VERBS for v in words[max(0, k - 3):k])]  # "said on Friday that"
    if that:
        words = words[that[-1] + 1:]  # "it is projected that the population will reach", "ensure that forest coverage reaches"
    said = [k for k, w in enumerate(words) if w.lower() in _SAYING]
    if said:
        words = words[said[-1] + 1:]  # "He said about 35 percent of the licenses": what he said is measured, not he
    seen = [k for k, w in enumerate(words[:-1]) if w.lower() in _EXPERIENCE_VERBS]
    if seen and _trim_ends(words[seen[-1] + 1:]):
        words = words[seen[-1] + 1:]  # "the efforts have seen rural residents' income rise": what rose is the income
    return words


def _trim_ends(words: list[str]) -> list[str]:
    words = _trim_lead(words)
    while words and (words[-1].lower() in _METRIC_TAIL or words[-1].lower() in _METRIC_LEAD):
        if words[-1].lower() in _HEAD_NOUNS and len(words) > 1 and _names_thing(words[-2]):
            break  # "occupancy rate", "national average": the noun a modifier names; "annual growth rate" is trimmed whole
        words = words[:-1]
    if len(words) > 1 and words[-1].lower() in ("number", "total", "totals"):
        if words[-2].lower() in _PREDICATE_START or re.search(r"[^s'’]s$", words[-2]) or words[-2].lower() in ("above", "over", "older"):
            # "the suppliers number 47", "headquarters now number 125", "base stations total 6,800": a verb, not "the total number"
            words = words[:-2] if words[-2].lower() in _PREDICATE_START else words[:-1]
    return words


def _trim_lead(words: list[str]) -> list[str]:
    """Words without the function words, district names and adverbs that open them."""
    while words and (words[0].lower() in _METRIC_LEAD or is_district_word(words[0])
                     or (words[0] == "New" and len(words) > 1 and words[1] in ("Area", "Area's", "Area’s"))  # "Pudong New Area's"
                     # "significantly increase"; but "newly registered enterprises" are a kind of enterprise
                     or (words[0].endswith("ly") and words[0].lower() != "newly" and len(words) > 1 and words[1].lower() in _METRIC_LEAD)):
        words = words[2:] if words[0] == "New" else words[1:]
    return words


# Tail words that are function words after a figure ("at an average annual rate") but head nouns after a modifier
_HEAD_NOUNS = word_class("head_nouns")


def _names_thing(word: str) -> bool:
    w = word.lower()
    return w not in _METRIC_TAIL and w not in _METRIC_LEAD and not is_district_word(word) and w.isalpha()


def is_district_word(word: str) -> bool:
    """A district's name (possessive too), "Shanghai" or "district": words that say whose, not what."""
    return (word[:-2] if word.endswith(("'s", "’s")) else word) in DISTRICT_WORDS


def phrase_words(text: str, pos: int, limit: int = 12) -> list[str]:
    """Words from ``pos`` to the end of the phrase: punctuation, a time phrase, or a new clause after 'and'."""
    return list(_phrase_words(text[pos:pos + 200], limit))


@lru_cache(maxsize=4096)  # it reads only these 200 characters: a run of one figure repeated asks for the same ones
def _phrase_words(rest: str, limit: int) -> tuple[str, ...]:
    out: list[str] = []
    line_end = _NEW_LINE_ITEM.search(rest)  # a blank line or the next bullet ends the phrase; a wrapped line does not
    if line_end:
        rest = rest[:line_end.start()]
    for wm in _PHRASE_TOKEN.finditer(rest):
        if wm.group(2):
            break
        word = wm.group(1) or wm.group(3)
        if word == "(" and out:
            break  # "123 enterprises (15 percent of the total)": an aside of its own
        if word in "()“”\"":
            continue
        if _ends_noun_phrase(rest, wm, word, out):
            break
        # "86 buildings each generating more than 100 million yuan": the mark each one passes names them, no figure of its own
        # ... and "80 companies with revenue over 1 billion yuan": the mark is part of what they are
        each = "each" in out or (word[0].isdigit() and _passes_mark(rest, wm, out))
        cut = None if each else _own_figure(rest, wm, word, out)
        if cut is None and not (each and out[-1].lower() == "of"):  # "with registered capital of 100 million yuan or more"
            cut = _after_determiner_or_verb(word, out, _YEARS_NAMING.match(rest, wm.start()) is not None)
        if cut is not None:
            del out[cut:]
            break
        out.append(word)
        if len(out) >= limit + (6 if each else 0):  # room for the mark
            break
    while out and (out[-1].lower() in _METRIC_TAIL or out[-1].lower() in _DETERMINERS):
        out.pop()
    return tuple(out)


_PHRASE_TOKEN = re.compile(r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|[A-Za-z0-9][\w’'&.-]*[\w%]|[A-Za-z0-9%])|([,;:!?]|\.(?!\d))|(\S)")
_PHRASE_STOPS = word_class("phrase_stops")  # conjunctions and relatives that open a clause of their own
_COUNT_VERBS = word_class("count_verbs")
_CLIMB_VERBS = word_class("climb_verbs")
_EACH_RELATIVE = re.compile(r"(?:that|which|who)\s+each\s", re.IGNORECASE)
# years that name what comes after them: a span ("the 2023-2025 action plan"), or a year before a plan's noun ("its 2021 plan")
_YEARS_NAMING = re.compile(r"(?:19|20)\d\d(?:[-–](?:(?:19|20)?\d\d)(?=\s+[A-Za-z])|(?=\s+(?:[a-z-]+\s+){0,2}?"
                           "(?:" + phrase_pattern(_CUES["document_nouns"]) + r")\b))")


def _ends_noun_phrase(rest: str, wm: re.Match, word: str, out: list[str]) -> bool:
    """Where a noun phrase ends (:func:`_ends_phrase`), but for a relative clause of a mark each thing passes ("14
    hotels that each earned more than 50 million yuan"), which names them and ends at its clause's verb ("... rose by
    2", "... numbered 16")."""
    if "each" in out and (word.lower() in _COUNT_VERBS or word.lower() in _CLIMB_VERBS):
        return True
    return _ends_phrase(rest, wm, word.lower()) and not (out and _EACH_RELATIVE.match(rest, wm.start()))


def _ends_phrase(rest: str, wm: re.Match, lw: str) -> bool:
    """A time phrase, a frequency, a conjunction that opens a clause, or "and" before a new clause ends a noun phrase."""
    tail = rest[wm.start():]
    if TIME_START.match(tail) or _FREQUENCY.match(tail) or lw in _PHRASE_STOPS:
        return True
    if lw not in ("and", "or"):
        return False
    following = rest[wm.end():]
    return bool(_NP_BREAK_AFTER_AND.match(following.lstrip())
                or following.split(None, 1)[:1] and following.split(None, 1)[0].lower() in _NEW_VERB_AFTER_AND)


def _own_figure(rest: str, wm: re.Match, word: str, out: list[str]) -> int | None:
    """Where a number starts a figure of its own, how many of the words before it the phrase keeps (else None): a verb
    and its approximator are the clause's ("46 incubators served about 2,500 start-ups"), and a number after a word that
    leads one ("firms exceeded 7 trillion yuan", "enterprises and about 450,000 employees") ends the phrase."""
    currency = _CURRENCY_BEFORE_DIGIT.match(rest, wm.start())
    if (word[0].isdigit() or currency) and len(out) > 2 and out[-1].lower() in APPROXIMATOR_WORDS:
        j = len(out)
        while j > 1 and out[j - 1].lower() in APPROXIMATOR_WORDS:
            j -= 1
        if j > 1 and (out[j - 1].lower() in ACTION_VERBS or out[j - 1].lower() in HOLDING_VERBS):
            return j - 1
    if (_PLAIN_NUMBER.fullmatch(word) or currency) and out and out[-1].lower() in _NUMBER_LEADS:
        return len(out)
    return None


def _after_determiner_or_verb(word: str, out: list[str], naming_years: bool) -> int | None:
    """A number after a determiner or a verb is a figure of its own ("42 buildings along its 15.5-kilometer waterfront",
    "1,200 enterprises employ 85,000"): how many words the phrase keeps (the verb belongs to the clause), else None; not
    years that name what follows them ("32 projects in the 2020-2022 road plan", ``naming_years``)."""
    if naming_years and out and out[-1].lower() in _DETERMINERS:
        return None
    if not (word[0].isdigit() and out and (out[-1].lower() in _DETERMINERS or out[-1].lower() in ACTION_VERBS
                                           or out[-1].lower() in HOLDING_VERBS)):
        return None
    if len(out) > 1 and (out[-1].lower() in ACTION_VERBS or out[-1].lower() in HOLDING_VERBS):
        return len(out) - 1
    return len(out)


_NEW_LINE_ITEM = re.compile(r"\n[ \t]*(?:\n|[-•*·▪][ \t]|\d{1,2}[.)][ \t])")
_FREQUENCY = re.compile(rf"{alternation('frequency_words')}\s+{alternation('time_units')}\b", re.IGNORECASE)  # "5,000 passengers a day"
_MARK_WORDS = word_class("mark_words")  # "companies with revenue over 1 billion yuan": the mark they pass
_MARK_LEADS = word_class("mark_leads")  # what introduces a mark in a noun phrase: "with", "worth", "paying", "raising"
_MARK_THRESHOLDS = word_class("threshold_approximators")
_OR_MORE = re.compile(r"[^,;:()]{0,30}?\b(?:or\s+(?:more|above|over)|and\s+(?:above|over))\b", re.IGNORECASE)


def _passes_mark(rest: str, wm: re.Match, out: list[str]) -> bool:
    """A number that a thing counted must pass is part of what they are: "80 companies with revenue over 1 billion
    yuan", "30 farms with yearly sales above 5 million yuan", "14 towers paying over 20
    million yuan in tax", "5 clusters worth 100 billion yuan or more"; a mark needs a word that leads it and a word of
    passing before the number ("over", "more than") or after it ("or more")."""
    lead = next((k for k in range(len(out) - 1, -1, -1) if out[k].lower() in _MARK_LEADS), None)
    if lead is None:
        return False
    tail = [w.lower() for w in out[lead + 1:]]
    if tail and (tail[-1] in _MARK_WORDS or " ".join(tail[-2:]) in _MARK_THRESHOLDS or tail[-1] in _MARK_THRESHOLDS):
        return True
    return (not tail or tail[-1] == "of") and _OR_MORE.match(rest, wm.end()) is not None
_COUNT_LEAD_WORDS = word_class("count_lead_words")  # "40 of the ...", "30-plus stations", "50 more institutions"
_COUNT_PREPOSITIONS = word_class("count_prepositions")  # "rose from 78 to 108": after one, no noun of the count
_PREDICATE_START = word_class("predicate_starts")  # an auxiliary or sentence adverb: the predicate begins


_OF_THE_WHOLE = re.compile(r"\s+of\s+(?:the|its|their)\s+\d{1,3}(?:,\d{3})*\s+(?=[a-z])")


def noun_phrase_after(text: str, pos: int) -> list[str]:
    """What a count counts, with its modifiers: '167 [projects each valued at 100 million yuan or more], ...'."""
    part_of = _OF_THE_WHOLE.match(text, pos)  # "opened 14 of the 20 new schools": the noun after the whole's number
    words = phrase_words(text, part_of.end() if part_of else pos)
    if words and words[0].lower() in _COUNT_PREPOSITIONS:
        return []  # "rose from 78 to 108", "1.6 per thousand": the words after are no noun of the count's
    while words and words[0].lower() in _COUNT_LEAD_WORDS:
        words = words[1:]  # "40 of the Fortune Global 500 companies", "30-plus stations", "50 more institutions"
    if words and words[0].lower() in _COUNT_PREPOSITIONS:
        return []  # "23 more than in September": a comparison, no noun
    # the count's predicate begins at an auxiliary or a sentence adverb ("2,400 institutions now operate in Huangpu")
    cut = next((i for i, w in enumerate(words) if w.lower() in _PREDICATE_START), None)
    return words[:cut] if cut is not None else words
