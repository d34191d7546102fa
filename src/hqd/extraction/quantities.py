"""From mentions to the contract's quantities: kind and approx here; metric (metrics.py),
subject (subjects.py) and period (frames.py) by the readers this module calls.

Every decision reads only the words around the mention (its clause, its
sentence, the frame set by earlier sentences of its paragraph).
"""

from __future__ import annotations

import re

from ..model import Quantity
from .frames import assign_periods
from .lexicon import load, phrase_pattern
from .metrics import metric_of
from .numbers import Mention
from .periods import TimePhrase
from .phrases import (
    ACTION_VERBS, AND_VERB, CHANGE_AFTER, CHANGE_BLOCK, COMPARED_BY, LIST_GAP, TO_BEFORE, Context, clause_after, measure_aside, threshold_of,
)
from .segments import Segmentation
from .subjects import subject_of

_CUES = load("cues")
_DURATIONS = {"year", "month", "day", "hour", "minute"}
_OVER_SPAN = re.compile(r"[\w\s’'-]{0,40}?\bover\s+$")  # what lies between a figure and "over N days"


def _tail(phrases: list[str]) -> re.Pattern:
    return re.compile(r"(?:^|[^\w-])(" + phrase_pattern(phrases) + r")(?:\s+(?:the|a|an))?\s*$", re.IGNORECASE)


_APPROX_BEFORE = [(code, _tail(phrases)) for code, phrases in _CUES["approx_before"].items()]
_APPROX_AFTER = [
    (code, re.compile(r"^(?:\s*(?:yuan\s+|each\s+)?|-)(?:" + phrase_pattern(phrases) + r")\b", re.IGNORECASE))  # "or more", "30-plus"
    for code, phrases in _CUES["approx_after"].items()
]
_CHANGE_UP = re.compile(r"\b(" + phrase_pattern(_CUES["change_up"]) + r")\b", re.IGNORECASE)
_CHANGE_DOWN = re.compile(r"\b(" + phrase_pattern(_CUES["change_down"]) + r")\b", re.IGNORECASE)
# "average annual growth was 8.5%": a change named by a noun, then a copula
_CHANGE_NOUN_WAS = re.compile(
    r"\b(?:growth|increase|rise|decline|decrease|drop|expansion|contraction)(?:\s+rate)?(?:\s+of\s+[^,;.]{1,60}?)?"
    r"\s+(?:was|is|were|stood\s+at|reached|hit|came\s+in\s+at)\s+(?:[a-z]+\s+){0,2}$",  # "the growth rate of investment was 12%"
    re.IGNORECASE,
)
_COMPARATIVE_AFTER = re.compile(r"^\s+(?:or\s+so\s+)?(?:more|higher|less|lower|fewer|above|below)\b", re.IGNORECASE)  # "18 percent (or so) more than", "30% below market price"
# "1,026 enterprises, 156 more than last year": a difference from a base, whatever the unit
_COMPARED_TO_BASE = re.compile(r"^\s+(?:or\s+so\s+)?(?:more|higher|less|lower|fewer)\s+than\s+(?:(?:in|at)\s+)?(?:the\s+)?"
                               r"(?:last|previous|a\s+year|(?:19|20)\d\d|same|that|those|before|the\s+end)", re.IGNORECASE)
# "2.5 times the figure of 2022", "three times that of 2019", "1.5 times as many as a year earlier": a multiple of a base
_MULTIPLE_OF_BASE = re.compile(r"^\s+(?:(?:that|those)\s+(?:of|in)\b|(?:the|its)\s+(?:figure|level|number|amount|total)\s+(?:of|in)\s+(?:the\s+)?"
                               r"(?:last|previous|same|(?:19|20)\d\d)|as\s+(?:much|many|large|high)\s+as\b)", re.IGNORECASE)
# "exceeding the annual plan by 21 percent": how far past a mark, a difference from it
_EXCEEDED_BY = re.compile(r"\b(?:exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|overfulfill(?:s|ed|ing)?)\s+"
                          r"(?:[\w’'-]+\s+){1,5}?by\s+(?:(?:about|around|nearly|some|over|more\s+than|almost)\s+)?$", re.IGNORECASE)
# what a goal brings with it: "bringing the total to 150", "benefiting about 2,000 families", "creating 5,000 jobs"
_CONTINUING_PARTICIPLE = re.compile(r"^\W*(?:bringing|raising|taking|pushing|lifting|increasing|benefit(?:t)?ing|serving|creating|adding)\b",
                                    re.IGNORECASE)
_UP_DOWN = re.compile(  # "up 5%", "down slightly by 0.5%", "up nearly 12%"
    r"(?<!make\s)(?<!makes\s)(?<!making\s)(?<!made\s)\b(up|down)(?:\s+(?:nearly|about|around|almost|roughly|some|approximately|over|[a-z]+ly))?(?:\s+by)?(?:\s+(?:nearly|about|around|almost|roughly|some|approximately|over))?\s*$",
    re.IGNORECASE,
)
_SHARE_BEFORE = _tail(_CUES["share_before"] + [f"{v} {a}" for v in _CUES["share_before"] for a in ("a", "an", "the")])
_SHARE_BEFORE_LOOSE = re.compile(r"\b(" + phrase_pattern(_CUES["share_before"]) + r")\b(?:\s+[\w’'-]+){0,3}\s*$", re.IGNORECASE)
# "of the total", "of GDP", "of residents": a part of a whole, or of a population counted in the plural
_SHARE_OF = re.compile(r"^\s+of\s+(?:(?:" + phrase_pattern(_CUES["share_of_objects"]) + r")\b|GDP\b"
                       # "of residents", "of Minhang's 2,900 high-tech enterprises": a part of a population
                       r"|(?:(?:the|its|their|[A-Z][\w’'-]*[’']s)\s+)?(?:\d[\d,]*\s+)?(?:[a-z-]+\s+)?[a-z-]{3,}s\b(?!\s+(?:of|in)\b))",
                       re.IGNORECASE)
_SHARE_AFTER = re.compile(r"^\s+(?:" + phrase_pattern(_CUES["share_after"]) + r")\b", re.IGNORECASE)
_TARGET_BEFORE = re.compile(r"\b(" + phrase_pattern(_CUES["target_before"]) + r")\b", re.IGNORECASE)
_TARGET_AFTER = re.compile(r"\b(" + phrase_pattern(_CUES["target_after"]) + r")\b", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:[\w’'-]+\s+){0,2}$", re.IGNORECASE)
# "30% covered by urban areas and 70% by rural areas": a short tail, then the next item of the list.
_LOOSE_PERCENT_GAP = re.compile(r"^[^,;.]{0,90}?\band\s+$", re.IGNORECASE)
_LOOSE_LIST_GAP = re.compile(r"^[^,;.]{0,40}?(?:,\s*and|,|\band|\bor)\s+"
                             r"(?:(?:no\s+(?:fewer|less)\s+than|at\s+least|more\s+than|over|about|nearly|up\s+to)\s+)?$", re.IGNORECASE)
# "plans to keep GDP growth at about 6%, with industrial investment growing by more than 10%": the plan goes on
_WITH_ALSO_GROWING = re.compile(r"[^,;.]{0,12},\s*with\s+[^,;.]{0,60}?\b(?:growing|rising|increasing|reaching|exceeding|accounting\s+for|up"
                                r"|growth(?:\s+rate)?\s+of|(?:an?\s+)?(?:increase|rise)\s+of)\b"
                                r"[^,;.]{0,30}$", re.IGNORECASE)
_QUALIFIES_BEFORE = re.compile(r"[^,;.]{0,40},\s*(?:up|down|an?\s+(?:increase|decrease|rise|drop|decline)|accounting\s+for|representing|making\s+up)\b"
                               r"[^,;.]{0,20}$", re.IGNORECASE)
_COMPLEMENT_GAP = re.compile(r"\s+(?:in|into|for|across|on)\s+(?:the\s+)?$")  # "will invest 100 billion yuan in 50 projects"
_CONVERSION_GAP = re.compile(r"^\s*[(（]\s*(?:(?:about|around|approximately|roughly|nearly|or|some|equivalent\s+to)\s+)?$", re.IGNORECASE)
_RANGE_GAP = re.compile(r"^\s*(?:-|–|to|and|or)\s*$", re.IGNORECASE)


def build_quantities(
    text: str, mentions: list[Mention], seg: Segmentation, phrases: list[TimePhrase], district: str | None, year: int | None,
    news: bool = False, title_year: int | None = None,
) -> list[Quantity]:
    ctx = Context(text, seg, district, year, [(p.start, p.end) for p in phrases], news, title_year)
    quantities: list[Quantity] = []
    sentence_of: list[int] = []
    for m in mentions:
        q = Quantity(m.start, m.end, text[m.start:m.end], m.value, m.unit or "count")
        quantities.append(q)
        sentence_of.append(seg.index_at(m.start))
    _share_units(ctx, mentions, quantities, sentence_of)
    links = _links(ctx, quantities, sentence_of)
    for i, q in enumerate(quantities):
        prev = quantities[i - 1] if i and sentence_of[i - 1] == sentence_of[i] else None
        sentence = seg.sentences[sentence_of[i]]
        window_start = max(sentence.start, prev.end if prev else sentence.start)
        before = text[window_start:q.start]
        following = quantities[i + 1].start if i + 1 < len(quantities) and sentence_of[i + 1] == sentence_of[i] else sentence.end
        q.approx = _approx(text, q, sentence.start)
        if q.approx == ">" and q.unit in _DURATIONS and prev is not None and _OVER_SPAN.match(text, prev.end, q.start):
            q.approx = "="  # "2.12 million visitors over 43 days": over a span of time, not more than it
        if prev is not None and _CONVERSION_GAP.match(before) and q.unit != prev.unit and _same_dimension(q.unit, prev.unit):
            q.kind = prev.kind  # "200 billion yuan ($29 billion)": the same figure in another currency
            if q.kind == "change" and prev.value < 0:
                q.value = -abs(q.value)
            continue
        q.kind = _kind(ctx, q, before, _target_window(ctx, q, window_start), text[q.end:following], links[i], prev, mentions[i], year)
        if q.kind == "change" and _is_decrease(before, text[q.end:q.end + 40]):
            q.value = -abs(q.value)
    for i, q in enumerate(quantities):
        q.metric = metric_of(ctx, q, quantities, i, sentence_of, links[i])
        q.subject = subject_of(ctx, q, sentence_of[i])
        prev = quantities[i - 1] if i and sentence_of[i - 1] == sentence_of[i] else None
        if (prev is not None and q.kind in ("change", "share") and q.subject == district and prev.subject != district
                and _QUALIFIES_BEFORE.match(text, prev.end, q.start)):
            q.subject = prev.subject  # "The city's NEV output exceeded 480,000 units, accounting for 12% of the national total"
    assign_periods(ctx, quantities, sentence_of, phrases, links)
    return quantities




def _share_units(ctx: Context, mentions: list[Mention], quantities: list[Quantity], sentence_of: list[int]) -> None:
    """A unit written once serves two numbers: 'from 10.7 billion to 13.8 billion yuan', '5 and 8 percent'."""
    text = ctx.text
    for i in range(len(mentions) - 1):
        a, b = mentions[i], mentions[i + 1]
        if a.unit is not None or b.unit is None or sentence_of[i] != sentence_of[i + 1]:
            continue
        paired = _RANGE_GAP.match(text[a.end:b.start]) or _from_to(text, a, b)
        if paired and (a.scaled == b.scaled or b.unit == "percent"):
            quantities[i].unit = b.unit
    for i in range(1, len(quantities)):
        a, b = quantities[i - 1], quantities[i]
        if sentence_of[i - 1] == sentence_of[i] and "/" in a.unit and a.unit.split("/")[0] == b.unit and (
            _COMPARATIVE_AFTER.match(text[b.end:b.end + 12]) or _UP_DOWN.search(text[a.end:b.start])
        ):
            b.unit = a.unit  # "29 micrograms per cubic meter, 3 micrograms lower", "up 300 yuan": the rate is not repeated


def _from_to(text: str, a, b) -> bool:
    """ "from A ... to B": A is the start and B the end of one series."""
    return bool(_FROM_BEFORE.search(text[max(0, a.start - 25):a.start]) and TO_BEFORE.search(text[a.end:b.start]))


_DIMENSION_GROUPS = ({"CNY", "USD", "EUR", "HKD", "JPY", "GBP"}, {"mu", "m2", "km2", "ha"}, {"km", "m"}, {"ton", "kg"}, {"kWh", "MWh", "GWh"})


def _same_dimension(a: str, b: str) -> bool:
    """Two units of one measure: money, area, length, mass or energy ("5,000 mu (333 hectares)")."""
    return any(a in group and b in group for group in _DIMENSION_GROUPS)


def _links(ctx: Context, quantities: list[Quantity], sentence_of: list[int]) -> list[str | None]:
    """How each quantity relates to the one before it in its sentence: 'list', 'from', 'to' or None."""
    text = ctx.text
    links: list[str | None] = [None] * len(quantities)
    for i in range(1, len(quantities)):
        if sentence_of[i] != sentence_of[i - 1]:
            continue
        a, b = quantities[i - 1], quantities[i]
        gap = text[a.end:b.start]
        if _from_to(text, a, b) and a.unit == b.unit:
            links[i - 1] = links[i - 1] or "from"
            links[i] = "to"
        elif _COMPARATIVE_AFTER.match(text[b.end:b.end + 12]):
            continue  # "29 micrograms in 2023, 3 micrograms lower": a difference, not a list item
        elif LIST_GAP.match(gap) and a.unit == b.unit:
            links[i] = "list"
        elif (_LOOSE_LIST_GAP.match(gap) or (a.unit == "percent" and _LOOSE_PERCENT_GAP.match(gap))) and a.unit == b.unit and not (
            _CHANGE_UP.search(gap) or _CHANGE_DOWN.search(gap) or _TARGET_BEFORE.search(gap) or _SHARE_BEFORE_LOOSE.search(gap)
        ):
            links[i] = "list"
    return links


def _approx(text: str, q: Quantity, sentence_start: int) -> str:
    before = text[max(sentence_start, q.start - 40):q.start]
    for code, pattern in _APPROX_BEFORE:
        if pattern.search(before):
            return code
    if q.text.endswith("+"):
        return ">="  # "5,000+ firms", as "30-plus"
    after = text[q.end:q.end + 24]
    for code, pattern in _APPROX_AFTER:
        if pattern.match(after):
            return code
    return "="


def _target_window(ctx: Context, q: Quantity, window_start: int) -> str:
    """The quantity's clause; the clause before it too when its own holds only a few words."""
    clause_start, _ = ctx.seg.clause_bounds(q.start)
    if len(ctx.text[clause_start:q.start].split()) < 4 and clause_start > window_start:
        clause_start, _ = ctx.seg.clause_bounds(max(window_start, clause_start - 2))
    return ctx.text[max(window_start, clause_start):q.start]


def _kind(ctx: Context, q: Quantity, before: str, target_before: str, after_until_next: str, link: str | None,
          prev: Quantity | None, mention: Mention, year: int | None) -> str:
    text = ctx.text
    sentence = ctx.seg.sentences[ctx.seg.index_at(q.start)]
    if link == "from":
        return "level"  # "to double from 15 to 30 by 2025": where a series starts, a goal's too, is a level
    if measure_aside(text, q):
        return "level"  # "The railway, 120 kilometers long, is expected to start construction": what it is, not the goal
    own_predicate = _VERB_BEFORE_OBJECT.search(text, max(ctx.seg.clause_bounds(q.start)[0], q.start - 60), q.start)
    after_clause = _NEXT_CLAUSE.split(clause_after(ctx, q), 1)[0]
    if own_predicate:  # "the area now has 2.1 million m2 and will add another 800,000": the goal is the second predicate's
        after_clause = _NEXT_PREDICATE.split(after_clause, 1)[0]
        after_until_next = _NEXT_PREDICATE.split(after_until_next, 1)[0]
    if (_is_target(target_before, after_until_next, year) or _opens_with_deadline(text[sentence.start:q.start], year)
            # "Wang said the area would host 1,000 firms by 2025 and that its output would exceed ...": the speech verb is far back
            or ("would" in text[max(sentence.start, q.start - 70):q.start]
                and _REPORTED_FUTURE.search(text, max(sentence.start, q.start - 240), q.start))
            or _FUTURE_PREDICATE.search(after_clause) or _GOAL_LIST.search(text, sentence.start, q.start)):
        return "target"
    if link == "list" and prev is not None:
        return prev.kind
    if prev is not None and prev.kind == "target" and (link == "to" or TO_BEFORE.search(ctx.text, prev.end, q.start)
                                                       or _COMPLEMENT_GAP.match(ctx.text, prev.end, q.start)
                                                       or threshold_of(ctx.text, prev, q)):  # "20 brands with sales exceeding 1 billion yuan each"
        return "target"  # "expects output to grow 8 percent this year to 200 billion yuan": the level the goal reaches
    if link in ("from", "to"):
        return "level"
    after_clause = clause_after(ctx, q)
    if mention.is_fraction:
        return "share"
    if _UP_DOWN.search(before) or CHANGE_AFTER.match(after_clause) or (q.unit in ("percent", "pp") and (
            _CHANGE_NOUN_WAS.search(before) or _COMPARATIVE_AFTER.match(after_clause))) or _COMPARED_TO_BASE.match(after_clause) \
            or _EXCEEDED_BY.search(before) or COMPARED_BY.search(before) or (q.unit == "times" and _MULTIPLE_OF_BASE.match(after_clause)):
        return "change"
    clause_start, _ = ctx.seg.clause_bounds(q.start)
    if link is None and prev is not None and prev.kind == "target" and (
            _CONTINUING_PARTICIPLE.search(text[clause_start:q.start]) or _coordinated_goal(text[prev.end:q.start])
            or _WITH_ALSO_GROWING.match(text, prev.end, q.start) or _PART_OF_GOAL.match(text, prev.end, q.start)
            or _GOAL_TOTAL_INVESTMENT.match(text, prev.end, q.start)):
        # "attract 50 more by 2025, bringing the total to 150", "lift output to X and expand Y to 150",
        # "invest 200 billion yuan over the next five years, including 52 billion yuan in transport": a part of the goal
        return "target"
    change = None
    # a change word before a colon or semicolon is another clause's ("a major growth engine: its 260,000 square meters")
    own_clause = max(before.rfind(":"), before.rfind(";")) + 1
    for m in _CHANGE_UP.finditer(before, own_clause):
        change = m
    for m in _CHANGE_DOWN.finditer(before, own_clause):
        if change is None or m.start() > change.start():
            change = m
    if change is not None and not CHANGE_BLOCK.search(before[change.end():]) and not _PASSIVE_GROWN.search(before, 0, change.end()) \
            and not (change.group(1).lower().endswith("ed") and _NOUN_OF_AFTER_PARTICIPLE.fullmatch(before, change.end())):
        return "change"
    if q.unit == "percent" and _PART_OF_OPENING.match(text, sentence.start, q.start):
        return "share"  # "Of the 2,000 new jobs, 60% went to graduates": a part of what the sentence opened with
    if q.unit == "percent" or q.unit == "pp":
        if _SHARE_BEFORE.search(before) or _SHARE_BEFORE_LOOSE.search(before) or _SHARE_OF.match(text[q.end:q.end + 60]) or _SHARE_AFTER.match(text[q.end:q.end + 40]):
            return "share"
    return "level"


# "by 2025", "by the end of next year", "by the end of the 14th Five-Year Plan": a deadline
_DEADLINE = r"(?:the\s+(?:end|close|conclusion)\s+of\s+(?:the\s+)?)?(?:(?P<y>(?:19|20)\d{2})|(?P<rel>this|next)\s+year|\d{1,2}(?:st|nd|rd|th)\s+Five-Year\s+Plan)"
_BY_YEAR = re.compile(r"\bby\s+" + _DEADLINE, re.IGNORECASE)
_FUTURE_PREDICATE = re.compile(r"\b(?:will|shall)\s+(?:be|have|reach|exceed|become|rise|grow|increase|open|cover|serve|add|host|top)\b", re.IGNORECASE)
_LEADING_DEADLINE = re.compile(r"^\W*By\s+" + _DEADLINE)


# "contracted foreign investment of $780 million", "expanded capacity of 500 MW": a participle describing the noun, whose amount follows
_NOUN_OF_AFTER_PARTICIPLE = re.compile(r"\s+(?:[A-Za-z-]+\s+){1,3}of\s+(?:(?:about|over|nearly|some|around|approximately|more\s+than)\s+)?(?:US|HK)?\$?")
_PASSIVE_GROWN = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+grown$", re.IGNORECASE)  # cultivated, not increased
_PART_OF_OPENING = re.compile(r"\W*(?:Of|Among)\s+(?:the|these|those|them|which|this|its|all)\b[^.;]*?,\s*(?:about\s+|over\s+|nearly\s+|more\s+than\s+|some\s+)?$")
# "would complete 18 key projects in 2021, with total investment exceeding 30 billion yuan": what the goal's projects cost
_GOAL_TOTAL_INVESTMENT = re.compile(r"[^;.]{0,80},\s*with\s+(?:an?\s+)?(?:total|combined|planned)\s+investment\s+(?:of|exceeding|over|surpassing|topping)\s+"
                                    r"(?:(?:about|over|nearly|more\s+than|some)\s+)?(?:RMB\s+|US\$|\$)?$", re.IGNORECASE)
_PART_OF_GOAL = re.compile(r"[^.;]*,\s*(?:including|of\s+which)\s+(?:(?:about|over|nearly|some|around|more\s+than|up\s+to)\s+)?(?:US|HK)?\$?$")
_LAID_OUT = re.compile(r"\s+(?:on|over|across)\b")  # "planned on 26 square kilometers": laid out, not a goal
_COMMA_VERB = re.compile(r",\s*(?:to\s+)?([a-z]+)\s")
# "The main targets for 2025 are as follows: GDP growth of around 5.5%; ...": a list of goals after a colon
_GOAL_LIST = re.compile(r"\b(?:targets?|goals?|objectives?)\b[^.:;]{0,60}:\s", re.IGNORECASE)
# a plan in reported speech: "Xiao said the district would plant 50 hectares of green space next year"
_REPORTED_FUTURE = re.compile(r"\b(?:" + phrase_pattern(_CUES["speech_verbs"]) + r")\b[^.;]{0,160}\bwould\s+(?:\w+\s+){0,6}$", re.IGNORECASE)
_NEXT_CLAUSE = re.compile(r"[,;]\s+(?:and|but|while|whereas)\s|;")
# a second predicate of the same subject: "the area now has 2.1 million m2 and will add 800,000 more"
_NEXT_PREDICATE = re.compile(r"\s(?:and|but)\s+(?:will|shall|is\s+expected|plans?|aims?)\b")
# the figure is an object of a verb in its clause, so a later predicate is not its own
_VERB_BEFORE_OBJECT = re.compile(r"\b(?:has|have|had|is|are|was|were|now\s+\w+s|\w+ed)\s+(?:[\w’'-]+\s+){0,4}$", re.IGNORECASE)


def _coordinated_goal(gap: str) -> bool:
    """A second goal joined to the first by "and" or a comma and a verb: "to lift output to X and (to) expand the firms to
    150", "will launch 20 projects, renovate 1,000 buildings and build 5 schools"."""
    m = AND_VERB.search(gap) or _COMMA_VERB.search(gap)
    return bool(m) and m.group(1) in ACTION_VERBS and not re.search(r"[;.]", gap[m.end():])


def _opens_with_deadline(sentence_head: str, year: int | None) -> bool:
    """ "By 2025, the district aims to ...": a sentence that opens with a future deadline states goals."""
    m = _LEADING_DEADLINE.match(sentence_head)
    if not m:
        return False
    return not m["y"] or (year is not None and int(m["y"]) >= year)


def _is_target(before: str, after: str, year: int | None) -> bool:
    if any(not (m.group(1).lower() == "planned" and _LAID_OUT.match(before, m.end())) for m in _TARGET_BEFORE.finditer(before)):
        return True
    after = _NEXT_CLAUSE.split(after, 1)[0]  # "handled 4.1 million TEUs, and its terminal is expected to ...": another clause's goal
    if _TARGET_AFTER.search(after):
        return True
    m = _BY_YEAR.search(after[:80])
    if m:
        if m["y"]:
            return year is not None and int(m["y"]) >= year
        return True
    return False


def _is_decrease(before: str, after: str) -> bool:
    up = None
    down = None
    for m in _CHANGE_UP.finditer(before):
        up = m.start()
    for m in _CHANGE_DOWN.finditer(before):
        down = m.start()
    m = _UP_DOWN.search(before)
    if m:
        return m.group(1).lower() == "down"
    m = COMPARED_BY.search(before)
    if m:
        return m.group(1).lower() in ("lower", "less", "slower", "below", "fewer")
    comparative = _COMPARATIVE_AFTER.match(after)
    if comparative:
        return comparative.group(0).split()[-1].lower() in ("less", "lower", "fewer", "below")
    m = CHANGE_AFTER.match(after)
    if m and down is None and up is None:
        return bool(_CHANGE_DOWN.fullmatch(m.group(1)))
    if down is None:
        return False
    return up is None or down > up


