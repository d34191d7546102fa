"""Time phrases ("in the first half of this year", "since 2018") and what period they name.

Periods are ``model.Period`` values, written in the contract's forms: "2023", "2023-H1", "2023-Q1", "2023-07",
"2023-01/2023-07", "2015/2022". Relative phrases resolve against the briefing year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Period

from .lang.en import alternation, initials, month_forms, month_names, month_numbers, word_lists
from .segments import drop_overlaps, list_lead_in, literal_led, sentence_around, without_case_traps

_CUES = word_lists("cues")
_SCALES = word_lists("scales")
_MONTH_NUMBERS: dict[str, int] = month_numbers()
_MONTH = month_names() + r"\.?"
_YEAR = r"(?:19|20)\d{2}"
_REL_YEAR = rf"(?:{alternation('year_deixis')}\s+year|{_YEAR})"
_ORD = alternation("quarter_ordinals")
_ORDINAL_NUMBERS = _SCALES["ordinals"]  # "first": 1, "second": 2, ...
_COUNT_WORDS = {**_SCALES["cardinals"], **{str(i): i for i in range(1, 13)}}
# Five-Year Plan periods: the 6th ran 1981-1985 and each since has run five years, so the Nth starts in 1981 + 5 * (N - 6).
_FYP = r"(?P<fyp>\d{1,2})(?:st|nd|rd|th)\s+Five-Year\s+Plan(?:\s+period)?"

def _starting(first: str, pattern: str, flags: int = 0) -> re.Pattern:
    """``pattern``, with a lookahead on the characters a match can start with (``first``; both cases
    under re.I): the scan then skips most positions with one test instead of trying every alternative."""
    return re.compile(rf"(?=[{first}])(?:{pattern})", flags)


# ("third-quarter growth": the quarter, as an adjective)
# "growth in the fourth quarter of about 5.6 percent": "of" before a figure is the quarter's growth, not "the first half of
# the decade" (a half or quarter of something else)
_OF_A_FIGURE = alternation("approximators") + r"|\d"

_SCHEDULED_FOR = "|".join(rf"(?<=\b{re.escape(w)}\s)for" for w in word_lists("grammar")["schedule_participles"])

_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("half", _starting("tfs", rf"\b(?:the\s+)?(?P<ord>first|second)(?:\s+|-)half(?:\s+(?:of\s+)?(?P<y>{_REL_YEAR}))?(?!\s+of\b(?!\s+(?:{_OF_A_FIGURE})))", re.I)),
    ("quarter", _starting("tfs", rf"\b(?:the\s+)?(?P<ord>{_ORD})(?:\s+|-)quarter(?:\s+(?:of\s+)?(?P<y>{_REL_YEAR}))?(?!\s+of\b(?!\s+(?:{_OF_A_FIGURE})))", re.I)),
    ("abbr_quarters", _starting("IiDdQ", rf"\b(?:[Ii]n\s+|[Dd]uring\s+)?Q(?P<q1>[1-4])(?:\s*(?:-|–|to|and)\s*Q(?P<q2>[1-4]))?(?:\s+(?:of\s+)?(?P<y>{_REL_YEAR}))?\b")),
    ("abbr_half", _starting("IiDdH", rf"\b(?:[Ii]n\s+|[Dd]uring\s+)?H(?P<h>[12])(?:\s+(?:of\s+)?(?P<y>{_REL_YEAR}))?\b")),
    ("first_quarters", _starting("tf", rf"\b(?:the\s+)?first\s+(?P<n>two|three|2|3)\s+quarters(?:\s+of\s+(?P<y>{_REL_YEAR}))?", re.I)),
    ("first_months", _starting("tf", rf"\b(?:the\s+)?first\s+(?P<n>\w+)\s+months(?:\s+of\s+(?P<y>{_REL_YEAR}))?", re.I)),
    ("month_range", _starting("fbjmasondi", rf"\b(?:from\s+|between\s+|in\s+(?=\w+\s*(?:and|-|–|—|to|through)\s*[A-Z]))?(?P<m1>{_MONTH})\s*(?:to|and|through|until|-|–|—)\s*(?P<m2>{_MONTH})(?:\s+(?:of\s+)?(?P<y>{_REL_YEAR}))?", re.I)),
    ("as_of_month", _starting("abu", rf"\b(?P<prep>as\s+of|by|before|until|at(?=\s+the\s+end))\s+(?:the\s+end\s+of\s+)?(?P<m2>{_MONTH})(?:\s+(?:of\s+)?(?P<y>{_REL_YEAR}))?", re.I)),
    # "in June next year": a month of the year named after it
    # "September's retail sales": the month that owns the measure
    ("month_owner", _starting("JFMASOND", rf"\b(?P<m2>{_MONTH})[’']s(?=\s+[a-z])")),
    # "scheduled for November", "slated for early May": the month an event is set for, as "in November"
    ("this_month", _starting("tibnf", rf"\b(?P<rel>this|in|by|next|{_SCHEDULED_FOR})\s+(?:(?:early|late|mid)(?:-|\s+))?(?P<m2>{_MONTH})(?:\s+(?:of\s+)?(?P<y>{_YEAR}|{alternation('deictic_words')}\s+year))?(?![\w\-–—])", re.I)),  # not the first month of "January–October"
    # "since January": from a month, its year unsaid, to now (not "since January 2020", "since January 5")
    ("since_month", _starting("s", rf"\bsince\s+(?:(?:early|late|mid-?)\s*)?(?P<m1>{_MONTH})(?![\w-]|\s*\d|,\s*{_YEAR}\b)", re.I)),
    ("fyp_end", _starting("baut", rf"\b(?:by|at|until|through)\s+the\s+{alternation('end_words')}\s+of\s+the\s+{_FYP}", re.I)),
    ("fyp_start", _starting("a", rf"\bat\s+the\s+{alternation('start_words')}\s+of\s+the\s+{_FYP}", re.I)),
    ("since_fyp", _starting("s", rf"\bsince\s+the\s+(?:(?:\w+\s+){{1,3}}of\s+the\s+)?{_FYP}", re.I)),
    ("fyp", _starting("diotf", rf"\b(?:during|in|over|throughout|for)\s+the\s+(?:(?:five\s+|5\s+)?years\s+of\s+the\s+)?{_FYP}", re.I)),
    ("since_year", _starting("scbe", rf"\b(?:since|commencing\s+in|starting\s+(?:in|from)|beginning\s+in|ever\s+since)\b[^,.;:]{{0,100}}?\b(?P<y1>{_YEAR})\b(?!\s*(?:to|-|–)\s*{_YEAR})", re.I)),
    # "from 2016 to 2022", "2021-2025"; "in 2016 and 2017": two years running, the span of both
    ("year_range", _starting("fb12ido", rf"\b(?:from|between|for)\s+(?P<y1>{_YEAR})\s+{alternation('range_joiners')}\s+(?P<y2>{_YEAR})\b|\b(?P<y3>{_YEAR})\s*[-–]\s*(?P<y4>{_YEAR})\b"
                                         rf"|\b(?:in|during|over)\s+(?P<y5>{_YEAR})\s+and\s+(?P<y6>{_YEAR})\b", re.I)),
    ("next_years", _starting("wio", r"\b(?:(?:within|in|over)\s+the\s+" + alternation("coming_words") + r"|within)\s+(?P<n>\w+)\s+years\b", re.I)),
    ("past_years", _starting("iod", r"\b(?:in|over|during)\s+the\s+" + alternation("past_words") + r"\s+(?:(?P<n>\w+)\s+years|(?P<decade>decade))\b", re.I)),
    ("the_years", _starting("iod", r"\b(?:in|over|during)\s+(?:the|those|these)\s+(?P<n>\w+)\s+years\b(?!\s+" + alternation("years_relations") + ")", re.I)),
    ("year_so_far", _starting("sStTyY", r"\b(?:since\s+the\s+(?:beginning|start)\s+of\s+(?:this|the)\s+year|so\s+far\s+this\s+year"
                                        r"|this\s+year\s+so\s+far|year[- ]to[- ]date)\b", re.I)),
    ("year_end", _starting("bau", rf"\b(?P<prep>by|at|before|until)\s+(?:the\s+)?{alternation('closing_words')}\s+(?:of\s+)?(?:the\s+)?(?P<y>{_REL_YEAR})"
                                  rf"|\b(?P<prep2>by|at)\s+(?:the\s+)?(?:year[’']s\s+end|year[- ]end|end\s+year)\b", re.I)),
    # "by the end of the decade", said in 2026: 2030, the year that closes it
    ("decade_end", _starting("bau", rf"\b(?:by|at|before|until)\s+the\s+{alternation('closing_words')}\s+of\s+(?:the|this)\s+decade\b", re.I)),
    # "by 2025", "looking ahead to 2025": a deadline, or the horizon a plan looks to
    ("by_year", _starting("bnlh", rf"\b(?:by|before|no\s+later\s+than|{alternation('horizon_leads')})\s+(?P<y>{_YEAR})\b", re.I)),
    # "by mid-2025", "in early 2026", "late 2025": a part of a year named, that year
    ("part_year", _starting("bifuedml", rf"\b(?:(?P<prep>by|in|from|until|before|during)\s+)?(?:the\s+)?(?P<part>early|mid|late)[- ]?(?P<y>{_YEAR})\b", re.I)),
    # "this autumn", "next spring": a season of a year named relative to now
    ("season", _starting("tnl", r"\b(?P<rel>this|next|last)\s+(?P<season>spring|summer|autumn|winter)\b", re.I)),
    # "close to the 2025 target of 24%", "its 2030 goals": the year a goal is set for, its deadline
    ("year_goal", _starting("12", rf"\b(?P<y>{_YEAR})\s+{alternation('goal_nouns')}\b", re.I)),
    ("in_year", _starting("idfot12", rf"\b(?:in|during|for|of|throughout|through)\s+(?:the\s+(?:whole\s+|entire\s+)?year\s+)?(?P<y>{_YEAR})\b(?!\s*[-–]\s*{_YEAR})|\b(?P<y2>{_YEAR})[’']s\b|\b(?P<y3>{_YEAR})(?=\s+{alternation('year_event_verbs')}\b)"
                                       rf"|(?<=[’']s\s)(?P<y4>{_YEAR})(?=\s+[A-Za-z])", re.I)),  # "Putuo's 2022 GDP was ..."
    ("rel_year", _starting("tln", r"\b(?P<rel>this|last|next|the\s+previous|the\s+current|the\s+past|the\s+coming)\s+year\b(?!['’]s\s+end)", re.I)),
    ("rel_month", _starting("tln", r"\b(?P<rel>this|last|next)\s+month\b", re.I)),
    # "full-year GDP growth of about 6 percent", "retail sales for the year to exceed ...", "for the year as a whole", "new
    # firms registered in the year", "to be completed within the year": the year the report is in, said of it as one (not "for the year 2023", a year named,
    # nor "in the year to date", "in the year's plan")
    ("full_year", _starting("fFiIwW", r"\bfull[- ]year\b|\b(?:for|in|within)\s+the\s+(?:whole\s+|entire\s+)?year\b(?!\s+(?:19|20)\d\d\b|[-–'’]|\s+(?:ended|ending|before|after|since|of)\b|\s+to\s+(?:date|" + _MONTH + r"))(?:\s+as\s+a\s+whole)?", re.I)),
    # "a year earlier"; "five years ago", "3 years ago": that many years before the text's own
    ("year_earlier", _starting("aotfsen23456789", r"\b(?:(?:a|one)\s+year\s+" + alternation("ago_words")
                                + r"|(?P<n>two|three|four|five|six|seven|eight|nine|ten|[2-9]|1\d)\s+years\s+ago)\b", re.I)),
]
# What every match of each pattern holds, in lower case (a month's name opens with one of the twelve three-letter
# prefixes, a year with 19 or 20): a window holding none of a pattern's is not scanned with it
_MONTH_PREFIXES = tuple(sorted({name[:3] for name in _MONTH_NUMBERS}))  # "jan", "feb", ...
_YEAR_DIGITS = ("19", "20")
def _lowered(name: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in word_lists("grammar")[name])


# (a quarter or half written short is "q1".."q4", "h1", "h2"; "so far this year" and its kin hold one of four words; a
# year's goal, a past span and a year ago hold a word of their grammar.json classes)
PATTERN_CUES: dict[str, tuple[str, ...]] = {
    "half": ("half",), "quarter": ("quarter",), "abbr_quarters": ("q1", "q2", "q3", "q4"), "abbr_half": ("h1", "h2"),
    "first_quarters": ("quarters",),
    "first_months": ("months",), "month_range": _MONTH_PREFIXES, "as_of_month": _MONTH_PREFIXES, "this_month": _MONTH_PREFIXES,
    "month_owner": _MONTH_PREFIXES,
    "since_month": ("since",),
    "fyp_end": ("five-year",), "fyp_start": ("five-year",), "since_fyp": ("five-year",), "fyp": ("five-year",),
    "since_year": _YEAR_DIGITS, "year_range": _YEAR_DIGITS, "next_years": ("years",),
    "past_years": _lowered("past_words"),
    "the_years": ("years",), "year_so_far": ("beginning", "start", "far", "date"), "year_end": ("year", *_YEAR_DIGITS), "decade_end": ("decade",), "by_year": _YEAR_DIGITS,
    "part_year": _YEAR_DIGITS, "season": ("spring", "summer", "autumn", "winter"), "year_goal": _lowered("goal_nouns"), "in_year": _YEAR_DIGITS, "rel_year": ("year",), "rel_month": ("month",), "full_year": ("full", "year"),
    "year_earlier": _lowered("ago_words"),
}
# A word some patterns need besides one of their cues, the word that leads them ("since" or "starting" before a year, "end"
# in "by the end of 2025", "this" or "last" before "year"): a window is scanned with such a pattern only when it holds
# one of its cues and one of these (most windows hold a year, few a "since")
PATTERN_LEADS: dict[str, tuple[str, ...]] = {
    "since_year": ("since", "commencing", "starting", "beginning"), "year_end": _lowered("closing_words"),
    "by_year": ("by", "before", "later", *dict.fromkeys(max(phrase.split(), key=len) for phrase in _lowered("horizon_leads"))),
    "rel_year": ("this", "last", "next", "previous", "current", "past", "coming"),
    "part_year": ("early", "mid", "late"), "next_years": ("within", *_lowered("coming_words")),
}
# Patterns naming two of their cues, two months or two years ("from January to June", "2021-2025"): a window holding
# only one is not scanned with them (no cue overlaps itself, so two in a window are counted apart by str.count)
_TWO_CUES = frozenset({"month_range", "year_range"})
_CUE_SETS = {name: frozenset(cues) for name, cues in PATTERN_CUES.items()}
_LEAD_SETS = {name: frozenset(PATTERN_LEADS.get(name, ())) for name in PATTERN_CUES}
_ALL_CUES = tuple(sorted(set().union(*PATTERN_CUES.values(), *PATTERN_LEADS.values())))  # every cue and lead of a pattern


def _folded(text: str) -> str:
    """``text`` in lower case, the letters that a case-blind pattern takes for ASCII letters written as those: a word a
    case-blind pattern finds in ``text`` is in it."""
    return without_case_traps(text).lower()


# (the lookahead on the letters its forms open with spares trying each of them at every character of the stretch)
_COMPARISON_BASE = re.compile(
    r"(?=[stcofapSTCOFAP%]|" + initials("multiplying_verbs", "multiplying_forms", "multiple_words", "change_noun_cues") + r")(?:same\s+period\s+(?:of\s+)?|than\s+(?:(?:that|those)\s+(?:of|in)\s+|in\s+|at\s+|for\s+|the\s+(?:" + alternation("rate_nouns", "base_nouns") + r")\s+(?:(?:of|in|for)\s+)?)?|compared\s+(?:with|to)\s+|over\s+|from\s+|(?<!\bto\s)(?<!will\s)" + alternation("multiplying_verbs", "multiplying_forms") + r"\s+(?:(?:that|those)\s+(?:(?:of|in)\s+)?)?|" + alternation("multiple_words") + r"\s+(?:(?:that|those)\s+(?:(?:of|in)\s+)?|(?:the|its)\s+" + alternation("base_nouns") + r"\s+(?:(?:of|in|for)\s+)?)"
    # ("double 2019's level" names its base; "to double this year", a verb, names its time)
    # ("1.2 percentage points higher than the growth in January-April": the rate compared with is that of those months)
    # "2.3 times as large as in 2013": the multiple's base
    r"|as\s+" + alternation("as_adjectives") + r"\s+as\s+(?:(?:that|those)\s+(?:of|in)\s+|in\s+|at\s+)?"
    # "2.5 times what it sold in 2019", "double what it made in 2020": the base told by a clause of what was done then
    r"|(?:" + alternation("multiple_words") + "|" + alternation("multiplying_verbs", "multiplying_forms") + r")\s+what\s+(?:[a-z’']+\s+){1,3}"
    # "an improvement of 2.1 percentage points on January–September", "up 3% on last year", "a 15 percent increase on last
    # year": "on" after a figure or its noun of growth names its base
    r"|(?:points?|percent|per\s+cent|%|" + alternation("change_noun_cues") + r")\s+on\s+)$", re.I)


@dataclass(slots=True)
class TimePhrase:
    start: int
    end: int
    period: Period
    since: bool = False  # a range that runs up to the briefing ("since 2018")
    closing: bool = False  # "by the end of 2022": the end of something that began earlier
    future: bool = False
    goal: bool = False  # "the 2025 target": the year a goal names, which frames no sentence after it
    looking_back: bool = False  # "five years ago": a then set against now, which frames no sentence after it


def _either_case(word: str) -> list[str]:
    """``word`` capitalised and in lower case ("Year", "year"): the two literal openings of ``[Yy]ear``."""
    return [word[0].upper() + word[1:], word[0].lower() + word[1:]]


# Every time phrase contains one of these; patterns run only in windows around them, which is
# several times faster than scanning whole documents with every pattern. A year, a period word in either case
# ("year", "Half", "quarter", a season), "Five-Year", "Q1".."H4", a month: every branch opens with a literal
# (``literal_led``), three times faster than one alternation behind a lookahead on the characters they open with.
_ANCHOR = re.compile(literal_led([
    r"19\d\d", r"20\d\d", *_either_case(r"years?\b"), *_either_case(r"half\b"), *_either_case("quarter"), *_either_case(r"months?\b"),
    *_either_case(r"decade\b"), "Five-Year", r"Q[1-4]\b", r"H[1-4]\b", *_either_case(r"spring\b"), *_either_case(r"summer\b"),
    *_either_case(r"autumn\b"), *_either_case(r"winter\b"), *(re.escape(name) + r"\b" for name in month_forms()),
]))
_BEFORE_ANCHOR = 130
_AFTER_ANCHOR = 60


def _windows(text: str) -> list[tuple[int, int]]:
    windows: list[tuple[int, int]] = []
    for m in _ANCHOR.finditer(text):
        lo, hi = max(0, m.start() - _BEFORE_ANCHOR), min(len(text), m.end() + _AFTER_ANCHOR)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], hi)
        else:
            windows.append((lo, hi))
    return windows


def find_time_phrases(text: str, year: int | None, month: int | None = None) -> list[TimePhrase]:
    """Time phrases in ``text`` resolved against the briefing ``year`` (None: relative ones are dropped)."""
    found: list[TimePhrase] = []
    bases: list[tuple[int, int]] = []
    as_of: list[TimePhrase] = []  # "as of August", "by the end of June": up to a month, its year unsaid
    windows = _windows(text)
    folded = [_folded(text[lo:hi]) for lo, hi in windows]
    held = [frozenset(filter(words.__contains__, _ALL_CUES)) for words in folded]  # each window's cues and leads, found once
    for name, pattern in _PATTERNS:
        for m in _cued_matches(text, pattern, name, windows, folded, held):
            phrase = _resolve(name, m, year, month)
            if phrase is None:
                continue
            if name in _MAY_BE_BASE and (_is_comparison_base(text, m.start(), name) or _FROM_HYPHENATED.match(m.group(0))
                                         or _is_possessive_base(text, m.start(), m.end())):
                bases.append(m.span())
                continue  # "up 5% over the same period last year", "9.4% more than at the end of 2022": a base, not the period
            found.append(phrase)
            if name == "as_of_month" and not m["y"] and m["prep"].lower() != "at":
                as_of.append(phrase)
    if bases:  # nor is a shorter phrase inside a base ("of 2022" in "than at the end of 2022")
        found = [p for p in found if not any(a <= p.start and p.end <= b for a, b in bases)]
    if as_of:
        found = [p for p in found if not _year_of_as_of(text, p, as_of)]
    return drop_overlaps(found)


def _cued_matches(text: str, pattern: re.Pattern, name: str, windows: list[tuple[int, int]], folded: list[str],
                  held: list[frozenset[str]]):
    """The matches of pattern ``name`` in each of ``windows`` whose text (``folded``, in lower case) holds one of its cues
    (two of them, _TWO_CUES) and, where it has leads, one of those too; ``held``: the cues and leads of all the patterns
    that each window holds (met with the pattern's, one set with another, not each cue looked for again per pattern)."""
    cues, leads = _CUE_SETS[name], _LEAD_SETS[name]
    twice = PATTERN_CUES[name] if name in _TWO_CUES else None
    for (lo, hi), words, has in zip(windows, folded, held):
        if (sum(map(words.count, twice)) >= 2 if twice else not cues.isdisjoint(has)) and (not leads or not leads.isdisjoint(has)):
            yield from pattern.finditer(text, lo, hi)


def _year_of_as_of(text: str, phrase: TimePhrase, as_of: list[TimePhrase]) -> bool:
    """ "As of the end of July, the county had signed 40 deals this year": "this year", later in
    the sentence of an "as of" month of the same year, says which July; the figure is from January to then. Not across a
    line: an item of a list ("- The clinic opens its doors by the end of the year.") says its own."""
    return phrase.period.granularity == "year" and not phrase.period.is_span and any(
        a.end <= phrase.start and a.period.start_year == phrase.period.start_year and not re.search(r"[.;!?\n](?!\d)", text[a.end:phrase.start]) for a in as_of)


# the phrases that can name what a change is compared with: a year, a year's end, months counted from January ("0.8
# percentage points higher than that of January-July", "lower than in the first seven months"), a half or a quarter
# "narrowing by 1.1 percentage points from January-July": a range written with a hyphen after "from" is where a change
# is measured from; "from January to August" is a span
_FROM_HYPHENATED = re.compile(r"from\s+[A-Za-z.]+\s*[-–]\s*[A-Za-z.]+", re.IGNORECASE)
_SPANS_OF_MONTHS = {"month_range", "first_months", "first_quarters", "half", "quarter"}
# a single month too: "3.5% higher than in August", "23 more than in September"; and a month's end: "1.8 percentage
# points lower than at the end of June"
_MAY_BE_BASE = {"rel_year", "year_earlier", "in_year", "year_end", "this_month", "as_of_month"} | _SPANS_OF_MONTHS


# Time phrases are read before the text is cut into sentences, so a phrase's base word and its sentence's start are
# looked for in bounded stretches before it: "than that of", "compared with" and the like end within 30 characters
# of the phrase, and the start of its sentence, as a quarter named earlier in it is looked for, within 200
_BASE_REACH = 30
_SENTENCE_REACH = 200
_PREPOSITION_OPENS = re.compile(r"(?:in|by|at|on|before|until)\s", re.IGNORECASE)


# "80 percent of last year's level", "back to 2019's level": a time's own level, named as what a figure is measured against
_POSSESSIVE_BASE_AFTER = re.compile(r"[’']s\s+" + alternation("base_nouns") + r"\b", re.IGNORECASE)
_BASE_PREPOSITION_BEFORE = re.compile(r"\b(?:of|to|with|than|at|above|below|over)\s+$", re.IGNORECASE)
_PREPOSITION_REACH = 12  # the preposition right before the phrase, and the spaces after it, fit in 12 characters


def _is_possessive_base(text: str, start: int, end: int) -> bool:
    """A time phrase in the possessive before a base noun, after a preposition ('to recover to 80 percent of last year's
    level'): the time of the base, not of the figure."""
    return bool(_POSSESSIVE_BASE_AFTER.match(text, end)) and bool(_BASE_PREPOSITION_BEFORE.search(text, max(0, start - _PREPOSITION_REACH), start))


def _is_comparison_base(text: str, start: int, name: str = "in_year") -> bool:
    """A time phrase after "over", "from", "than" ...: a base; but "Over the past year, ..." opening a clause is a span,
    and "grew 12% over the first three quarters" is during them (months, a half or a quarter are spans one grows over)."""
    before = text[max(0, start - _BASE_REACH):start]
    base = _COMPARISON_BASE.search(before)
    if base is None:
        return False
    if base.group(0).lower().startswith("over") and _PREPOSITION_OPENS.match(text, start):
        return False  # "will be handed over in December": "over" a particle of its verb, the phrase led by its own "in"
    preceding = text[max(0, start - len(before) + base.start() - 3):start - len(before) + base.start()]
    opens_clause = not preceding.strip() or re.search(r"[.,;:!?]\s*$|\n\s*$", preceding)  # or a paragraph
    # "humming over the past year": what went on during it ("over last year" is a base)
    during = re.match(r"the\s+past\b", text[start:start + 10], re.IGNORECASE)
    if name in ("quarter", "half") and base.group(0).lower().startswith("over"):
        # "output in the fourth quarter rose 9.7% year on year and 14.2% over the third quarter": after a quarter named
        # earlier in its sentence, "over" another quarter names the base
        lo = max(text.rfind(". ", max(0, start - _SENTENCE_REACH), start) + 1, text.rfind("\n", max(0, start - _SENTENCE_REACH), start), 0)
        if re.search(rf"\b{_ORD}\s+{name}\b", text[lo:start - len(before) + base.start()], re.IGNORECASE):
            return True
    return not (base.group(0).lower().startswith("over") and (opens_clause or name in _SPANS_OF_MONTHS or during))


def _year(token: str | None, year: int | None) -> int | None:
    if token is None:
        return year
    token = re.sub(r"\s+", " ", token.strip().lower())
    if re.match(r"\d{4}", token):
        return int(token[:4])
    if year is None:
        return None
    if token.startswith("last") or token.startswith("the previous"):
        return year - 1
    if token.startswith("next"):
        return year + 1
    return year  # this year, the current year, the year


_SO_FAR = re.compile(r"(?:\s+period)?\s+(?:so\s+far|to\s+date)\b", re.I)
_FUTURE_WORDS = re.compile(r"\b" + alternation("future_words", "future_leaning_words") + r"\b", re.I)
# the future of a clause: "will", "is planned", "are expected" (not a bare participle, "the villages planned for ...")
_FUTURE_IN_CLAUSE = re.compile(r"\b(?:will|shall|(?:is|are)\s+(?:to|planned|expected|projected|forecast|scheduled|slated|set|due))\b", re.I)
_CLAUSE_REACH = 120  # the clause of a phrase, read before segmentation: its text to the nearest stop or comma, at most this far


def _clause_start(text: str, at: int) -> int:
    lo = max(0, at - _CLAUSE_REACH)
    return max(text.rfind(c, lo, at) for c in ".;,\n") + 1


def _clause_end(text: str, at: int) -> int:
    hi = min(len(text), at + _CLAUSE_REACH)
    ends = [k for k in (text.find(c, at, hi) for c in ".;,\n") if k >= 0]
    return min(ends) if ends else hi


# a figure still to be reached: "is expected to reach", "to top", "will exceed" (not "expects full-year growth of 6
# percent", said in February of the year just ended: an estimate)
_FORECAST_VERB = re.compile(r"\b(?:will|shall|to)\s+(?:" + alternation("forecast_verbs") + r")\b", re.I)


def _month(token: str) -> int:
    return _MONTH_NUMBERS[token.lower().rstrip(".")]


def _count(token: str) -> int | None:
    return _COUNT_WORDS.get(token.lower())


def _fyp_years(m: re.Match) -> tuple[int, int]:
    n = int(m.group("fyp"))
    start = 1981 + 5 * (n - 6)
    return start, start + 4


_NAMED_FYP = re.compile(r"\b" + _FYP, re.I)


def plan_named(line: str) -> Period | None:
    """The years of the Five-Year Plan a line names ("Mid-term Evaluation of the 14th Five-Year Plan ...": 2021/2025), if any."""
    m = _NAMED_FYP.search(line) if "five-year" in line.lower() else None
    return Period.years(*_fyp_years(m)) if m else None


def _resolve_half_quarter(name: str, m: re.Match, year: int | None, month: int | None) -> TimePhrase | None:
    """The first half, the third quarter (of a year, this year by default): YYYY-H1, YYYY-Q3."""
    s, e = m.start(), m.end()
    g = m.groupdict()
    y = _year(g["y"], year)
    if y is None:
        return None
    n = _ORDINAL_NUMBERS[g["ord"].lower()]
    if g["y"] is None and _not_begun(m, (n - 1) * (6 if name == "half" else 3) + 1, month):
        y -= 1  # "Output in the fourth quarter rose 2.4%", said in March: the fourth quarter just past
    period = Period.half(y, n) if name == "half" else Period.quarter(y, n)
    return TimePhrase(s, e, period, future=bool(year and y > year))


def _not_begun(m: re.Match, first_month: int, month: int | None) -> bool:
    """A part of a year named without its year that has not begun by the month the text is dated in, told in a sentence
    that says nothing of the future: last year's ("the fourth quarter", "the first three quarters", said in March)."""
    return (month is not None and first_month > month
            and not _FUTURE_WORDS.search(sentence_around(m.string, m.start(), m.end()))
            and not _FUTURE_WORDS.search(list_lead_in(m.string, m.start()) or ""))


def _resolve_abbr(name: str, m: re.Match, year: int | None, month: int | None) -> TimePhrase | None:
    """Quarters and halves abbreviated ("Q1-Q3 2024", "in H1"), with a year or "in": a bare "H1" may name a route or a gene."""
    s, e = m.start(), m.end()
    g = m.groupdict()
    y = _year(g["y"], year)
    if y is None or not (g["y"] or g.get("q2") or re.match(r"(?:in|during)\s", m.group(0), re.IGNORECASE)):
        return None
    if name == "abbr_half":
        first, last = (1, 6) if g["h"] == "1" else (7, 12)
    else:
        first, last = 3 * int(g["q1"]) - 2, 3 * int(g["q2"] or g["q1"])
    if last < first:
        return None
    return TimePhrase(s, e, Period.months_of(y, first, last), future=bool(year and y > year))


def _resolve_first_quarters(name: str, m: re.Match, year: int | None, month: int | None) -> TimePhrase | None:
    """The phrase "the first three quarters": January to the end of the last quarter counted."""
    s, e = m.start(), m.end()
    g = m.groupdict()
    n = _count(g["n"])
    y = _year(g["y"], year)
    if n is None or y is None:
        return None
    if g["y"] is None and _not_begun(m, 3 * n - 2, month):
        y -= 1  # its last quarter not begun: the first three quarters of last year, said in March
    return TimePhrase(s, e, Period.months_of(y, 1, 3 * n))


def _resolve_first_months(name: str, m: re.Match, year: int | None, month: int | None) -> TimePhrase | None:
    """The phrase "the first seven months": January to the seventh month, YYYY-01/YYYY-07."""
    s, e = m.start(), m.end()
    g = m.groupdict()
    n = _count(g["n"])
    y = _year(g["y"], year)
    if n is None or y is None or not 1 < n <= 12:
        return None
    if g["y"] is None and _not_begun(m, n, month):
        y -= 1  # its last month not begun: "the first eleven months", said in March, are last year's
    return TimePhrase(s, e, Period.months_of(y, 1, n))


def _resolve_month_range(name: str, m: re.Match, year: int | None, month: int | None) -> TimePhrase | None:
    """The phrase "January to June", "January-July": a range of months of one year, a half or quarter where it is one."""
    s, e = m.start(), m.end()
    g = m.groupdict()
    y = _year(g["y"], year)
    if y is None:
        return None
    if g["y"] is None and _not_begun(m, _month(g["m2"]), month):
        y -= 1  # "from January to November", said in February: last year's
    return TimePhrase(s, e, Period.months_of(y, _month(g["m1"]), _month(g["m2"])))


def _resolve_as_of_month(name: str, m: re.Match, year: int | None, month: int | None) -> TimePhrase | None:
    """The phrase "as of July", "by the end of June": January to that month; "at the end of June", a balance at a point,
    is that month; a month later than now, said without a year, is last year's. "by / before the end of June" said of
    what is to come is a deadline, that month (before the end of December too: "by the end of December" is the year's)."""
    s, e = m.start(), m.end()
    g = m.groupdict()
    y = _year(g["y"], year)
    if y is None:
        return None
    prep = g["prep"].lower()
    deadline_prep = prep in ("by", "before", "until")  # "before the end of December": a deadline's words, as "by"
    if g["y"] is None and month is not None and _month(g["m2"]) > month and not deadline_prep:
        y -= 1  # "at the end of December", said in March: a state already reached, so last December
    if g["prep"].lower() == "at" and _month(g["m2"]) < 12:  # "at the end of August": a balance at a point, that month
        return TimePhrase(s, e, Period.month(y, _month(g["m2"])))  # (eval/README.md); at the end of December, the year's
    if (deadline_prep and (_month(g["m2"]) < 12 or prep != "by") and (month is None or (y, _month(g["m2"])) >= (year, month))
            and _FUTURE_WORDS.search(sentence_around(m.string, s, e))):
        # "is set to be completed by the end of June": a deadline, that month
        return TimePhrase(s, e, Period.month(y, _month(g["m2"])), closing=True, future=True)
    return TimePhrase(s, e, _months_so_far(y, _month(g["m2"])))


def _months_so_far(year: int, last: int) -> Period:
    """The months of ``year`` up to ``last``, counted up as of a month's end ("by the end of March", "as of June",
    截至6月底): a sum or stock to that day, written as the span of months it covers ("2025-01/2025-03"), not as the
    quarter or half the same months make, which names a reporting period ("in the first quarter")."""
    if last in (1, 12):
        return Period.months_of(year, 1, last)
    return Period(f"{year}-01", f"{year}-{last:02d}")


def _resolve_this_month(name: str, m: re.Match, year: int | None, month: int | None) -> TimePhrase | None:
    """The phrase "in December": that month; a later month than now said in the past tense without a year is last year's;
    "next May" is the first May to come."""
    s, e = m.start(), m.end()
    g = m.groupdict()
    y = _year(g["y"], year)
    if y is None:
        return None
    mo = _month(g["m2"])
    if g["rel"].lower() == "next" and g["y"] is None and month is not None and mo <= month:
        y += 1  # "next May", said in November: the May of the year after
    if (g["y"] is None and month is not None and mo > month and m.group(0)[:2].lower() == "in"
            and not _FUTURE_WORDS.search(sentence_around(m.string, s, e))):
        y -= 1  # "1,200 firms registered in December alone", said in January: the December just past
    return TimePhrase(s, e, Period.month(y, mo), future=bool(year and month and (y, mo) > (year, month)))


def _resolve_month_owner(name: str, m: re.Match, year: int | None, month: int | None) -> TimePhrase | None:
    """The phrase "September's" before a measure ("September's retail sales rose"): that month, the last one so named (a
    month later than now is last year's)."""
    if year is None:
        return None
    mo = _month(m["m2"])
    return TimePhrase(m.start(), m.end(), Period.month(year - 1 if month is not None and mo > month else year, mo))


def _resolve_since_month(name: str, m: re.Match, year: int | None, month: int | None) -> TimePhrase | None:
    """The phrase "since January", its year unsaid: from that month to the month it is said in ("since January", said
    in April 2025: "2025-01/2025-04"); a month later than now is last year's ("since October", said in March). Unknown
    without the month of speaking."""
    if year is None or month is None:
        return None
    first = _month(m["m1"])
    if first == month:
        return TimePhrase(m.start(), m.end(), Period.month(year, month), since=True)
    start = Period.month(year - 1 if first > month else year, first)
    return TimePhrase(m.start(), m.end(), start.until(Period.month(year, month)), since=True)


def _resolve_fyp_end(name: str, m: re.Match, year: int | None, month: int | None) -> TimePhrase | None:
    """The phrase "by the end of the 14th Five-Year Plan": the plan's last year, a deadline."""
    s, e = m.start(), m.end()
    return TimePhrase(s, e, Period.year(_fyp_years(m)[1]), future=True)


def _resolve_fyp_start(name: str, m: re.Match, year: int | None, month: int | None) -> TimePhrase | None:
    """The phrase "the start of the 14th Five-Year Plan": the plan's first year."""
    s, e = m.start(), m.end()
    return TimePhrase(s, e, Period.year(_fyp_years(m)[0]))


def _resolve_since_fyp(name: str, m: re.Match, year: int | None, month: int | None) -> TimePhrase | None:
    """The phrase "since the 14th Five-Year Plan began": from its first year to the briefing's year."""
    s, e = m.start(), m.end()
    start, end = _fyp_years(m)
    if year is None:
        return None
    return TimePhrase(s, e, _since(start, year, month), since=True)


def _since(first: int, year: int, month: int | None) -> Period:
    """The years from ``first`` up to the time of speaking: said early in a year (by March, as "the past five years" is),
    the figures run to the year just ended ("Its tax revenue has grown by 11 percent a year since 2020", said in February
    2025: 2020/2024); later, to this year."""
    last = year - 1 if month is not None and month <= 3 and first < year else year
    return Period.years(first, last) if first < last else Period.year(first)


def _resolve_fyp(name: str, m: re.Match, year: int | None, month: int | None) -> TimePhrase | None:
    """The phrase "during the 13th Five-Year Plan period": its five years; "so far" ends them at the briefing's year."""
    s, e = m.start(), m.end()
    start, end = _fyp_years(m)
    so_far = _SO_FAR.match(m.string, e)
    if so_far and year is not None and start <= year < end:  # "during the 14th Five-Year Plan period so far", said in 2023
        return TimePhrase(s, so_far.end(), Period.years(start, year), since=True)
    return TimePhrase(s, e, Period.years(start, end))


def _resolve_since_year(name: str, m: re.Match, year: int | None, month: int | None) -> TimePhrase | None:
    """The phrase "since 2018": from that year to the briefing's year; "since the start of 2023", said in 2023, is the
    year so far, not "2023/2023"."""
    s, e = m.start(), m.end()
    g = m.groupdict()
    if year is None:
        return None
    if int(g["y1"]) == year:
        return _resolve_year_so_far(name, m, year, month)
    return TimePhrase(s, e, _since(int(g["y1"]), year, month), since=True)


def _resolve_year_so_far(name: str, m: re.Match, year: int | None, month: int | None) -> TimePhrase | None:
    """The phrase "since the beginning of this year", "so far this year", "year to date": this year, up to a month the
    text does not name (its date is not the month its figures run to), so the year."""
    if year is None:
        return None
    return TimePhrase(m.start(), m.end(), Period.year(year))


def _resolve_year_range(name: str, m: re.Match, year: int | None, month: int | None) -> TimePhrase | None:
    """The phrase "from 2016 to 2022", "2021-2025": the span of years."""
    s, e = m.start(), m.end()
    g = m.groupdict()
    a, b = (g["y1"], g["y2"]) if g["y1"] else (g["y3"], g["y4"]) if g["y3"] else (g["y5"], g["y6"])
    if int(a) >= int(b) or (g["y5"] and int(b) != int(a) + 1):
        return None  # (not "in 2016 and 2020": two years apart, no span)
    return TimePhrase(s, e, Period.years(int(a), int(b)))


def _resolve_next_years(name: str, m: re.Match, year: int | None, month: int | None) -> TimePhrase | None:
    """The phrase "in the next five years": a deadline that many years after the briefing's year."""
    s, e = m.start(), m.end()
    g = m.groupdict()
    n = _count(g["n"])
    if n is None or year is None:
        return None
    return TimePhrase(s, e, Period.year(year + n), closing=True, future=True)


def _resolve_past_years(name: str, m: re.Match, year: int | None, month: int | None) -> TimePhrase | None:
    """The phrase "over the past five years", "the past decade": the span up to the briefing's year (up to last year,
    said early in a year)."""
    s, e = m.start(), m.end()
    g = m.groupdict()
    n = 10 if g.get("decade") else _count(g["n"])
    if n is None or year is None:
        return None
    if month is not None and month <= 3:  # said early in a year, as "the past year": the years just ended
        return TimePhrase(s, e, Period.years(year - n, year - 1), since=True)
    if _ends_last_year(m.string, s, e, year):  # "over the past five years, GDP grew 6.2% a year, reaching 152 billion in 2022"
        return TimePhrase(s, e, Period.years(year - n, year - 1), since=True)
    return TimePhrase(s, e, Period.years(year - n + 1, year), since=True)  # later in a year: n years counting this one


_SENTENCE_STOP = re.compile(r"\.(?!\d)|\n")


def _ends_last_year(text: str, s: int, e: int, year: int) -> bool:
    """Whether the sentence of "the past five years" says, after it, where its figures stood in the year just ended ("...,
    reaching 152.4 billion yuan in 2022", said in 2023) and names no later time: the years looked back on end with it."""
    stop = _SENTENCE_STOP.search(text, e)
    after = text[e:stop.start() if stop else len(text)]
    return (re.search(rf"\b(?:in|by)\s+(?:the\s+end\s+of\s+)?{year - 1}\b", after) is not None
            and re.search(rf"\b{year}\b|\b(?:this|last)\s+year\b", sentence_around(text, s, e)) is None)


def _resolve_the_years(name: str, m: re.Match, year: int | None, month: int | None) -> TimePhrase | None:
    """The phrase "during the five years", "over those five years", told in the past tense: the years a review looks
    back on, up to the text's date, as "the past five years" (a plan's "the five years" is left to its sentence, as is
    an item's of a list whose lead-in tells of the future: "By 2030, the town aims to:" over "- train 9,000 nurses over
    the five years")."""
    if _FUTURE_WORDS.search(sentence_around(m.string, m.start(), m.end())) or _FUTURE_WORDS.search(list_lead_in(m.string, m.start()) or ""):
        return None
    return _resolve_past_years(name, m, year, month)


def _resolve_year_end(name: str, m: re.Match, year: int | None, month: int | None) -> TimePhrase | None:
    """The phrase "by the end of the year", "at year-end": that year, a closing point; "at year-end" said early in a year is last year's."""
    s, e = m.start(), m.end()
    g = m.groupdict()
    y = _year(g.get("y"), year)
    if y is None:
        return None
    said_early = month is not None and month <= 3 and (g.get("y") or "").lower() in ("", "the year")
    if said_early and (g.get("prep") or g.get("prep2") or "").lower() == "at":
        y -= 1  # "At year-end, the district had 300 firms", said in January: the year just ended
    elif said_early and re.fullmatch(r"the\s+year", g.get("y") or "", re.I) and not _FUTURE_WORDS.search(sentence_around(m.string, s, e)):
        y -= 1  # "By the end of the year, the district had 42 canteens", said in January: the year narrated, just ended
    return TimePhrase(s, e, Period.year(y), closing=True, future=bool(year and y >= year))


def _resolve_decade_end(name: str, m: re.Match, year: int | None, month: int | None) -> TimePhrase | None:
    """The phrase "by the end of the decade": the year ending in 0 that closes it (2030, said in 2026 or in 2030), a
    deadline."""
    if year is None:
        return None
    return TimePhrase(m.start(), m.end(), Period.year(year + (10 - year % 10) % 10), closing=True, future=True)


def _resolve_by_year(name: str, m: re.Match, year: int | None, month: int | None) -> TimePhrase | None:
    """The phrase "by 2025": that year, a closing point, a deadline when still to come."""
    s, e = m.start(), m.end()
    g = m.groupdict()
    y = int(g["y"])
    return TimePhrase(s, e, Period.year(y), closing=True, future=bool(year and y >= year))


def _resolve_part_year(name: str, m: re.Match, year: int | None, month: int | None) -> TimePhrase | None:
    """The phrase "by mid-2025", "in early 2026": the year named (no finer period is said); after "by", "before" or
    "until", a deadline, still to come when not past."""
    y = int(m["y"])
    deadline = (m["prep"] or "").lower() in ("by", "before", "until")
    future = year is not None and (y > year or (deadline and y == year))
    return TimePhrase(m.start(), m.end(), Period.year(y), closing=deadline, future=future)


def _resolve_season(name: str, m: re.Match, year: int | None, month: int | None) -> TimePhrase | None:
    """The phrase "this autumn", "next spring", "last winter": the year of that season, relative to the briefing's
    (a season is no period of the contract's)."""
    if year is None:
        return None
    y = year + {"this": 0, "next": 1, "last": -1}[m["rel"].lower()]
    return TimePhrase(m.start(), m.end(), Period.year(y), future=y > year)


def _resolve_year_goal(name: str, m: re.Match, year: int | None, month: int | None) -> TimePhrase | None:
    """The phrase "the 2025 target": the year a goal is to be met, a deadline (still to come when later than the briefing's year)."""
    y = int(m["y"])
    return TimePhrase(m.start(), m.end(), Period.year(y), closing=True, future=year is not None and y > year, goal=True)


def _resolve_in_year(name: str, m: re.Match, year: int | None, month: int | None) -> TimePhrase | None:
    """The phrase "in 2023": that year."""
    s, e = m.start(), m.end()
    g = m.groupdict()
    return TimePhrase(s, e, Period.year(int(g["y"] or g["y2"] or g["y3"] or g["y4"])))


def _resolve_rel_month(name: str, m: re.Match, year: int | None, month: int | None) -> TimePhrase | None:
    """The phrase "last month", "next month": the month before or after the briefing's."""
    s, e = m.start(), m.end()
    g = m.groupdict()
    if year is None or month is None:
        return None
    y, mo = divmod((year * 12 + month - 1) + {"last": -1, "this": 0, "next": 1}[g["rel"].lower()], 12)
    return TimePhrase(s, e, Period.month(y, mo + 1), future=g["rel"].lower() == "next")


def _resolve_full_year(name: str, m: re.Match, year: int | None, month: int | None) -> TimePhrase | None:
    """The phrase "for the full year": said in January to March, the year just ended; later, this year, still to come.
    "Within the year", "for the year" in a sentence of the future ("We will add 12 clinics within the year", "21.5
    billion yuan is planned for the year") is this year's even early in it: a time for what is still to be done."""
    s, e = m.start(), m.end()
    if year is None:
        return None
    if m.group(0)[:6].lower() == "within" and _FUTURE_WORDS.search(sentence_around(m.string, s, e)):
        return TimePhrase(s, e, Period.year(year), future=True)
    if "full" not in m.group(0).lower() and _FUTURE_IN_CLAUSE.search(m.string[_clause_start(m.string, s):_clause_end(m.string, e)]):
        # "Investment of 21.5 billion yuan is planned for the year", said in February: the year planned, under way (not
        # "the 13 villages planned for the year were all finished": a participle of the year narrated)
        return TimePhrase(s, e, Period.year(year), future=True)
    if month is not None and month <= 3 and _FORECAST_VERB.search(sentence_around(m.string, s, e)):
        # "output is expected to top 200 billion yuan for the full year", said in March: the year under way, forecast
        return TimePhrase(s, e, Period.year(year), future=True)
    named = None if "full" in m.group(0).lower() else _year_named_before(m.string, s, year)
    if named is not None and not _GOAL_NOUN.search(sentence_around(m.string, s, e)):
        return TimePhrase(s, e, Period.year(named))
    return TimePhrase(s, e, Period.year(year - 1)) if month is not None and month <= 3 else TimePhrase(s, e, Period.year(year), future=True)


_GOAL_NOUN = re.compile(r"\b" + alternation("goal_nouns") + r"\b", re.IGNORECASE)  # "The target for the year is 450": this year's
_YEAR_NAMED = re.compile(r"(?<![-–/\d])((?:19|20)\d{2})(?![-–/\d])")
_NAMED_REACH = 400  # the sentence of "the year" and the one or two before it


def _year_named_before(text: str, start: int, year: int) -> int | None:
    """"In the year", "for the year" told of the past point back to a year named just before, in the paragraph ("In 2023,
    GDP grew 5 percent. New firms registered in the year numbered 9,000", said in June 2024: 2023); the report's own
    year or a later one is no year looked back on. None where no such year is named. ("The full year", "the target for
    the year" are the report's year, a year spoken of as one: not asked.)"""
    paragraph_start = text.rfind("\n\n", max(0, start - _NAMED_REACH), start)
    window_start = max(0, start - _NAMED_REACH) if paragraph_start < 0 else paragraph_start
    named = [int(y) for y in _YEAR_NAMED.findall(text, window_start, start)]
    return named[-1] if named and named[-1] < year else None


def _resolve_year_earlier(name: str, m: re.Match, year: int | None, month: int | None) -> TimePhrase | None:
    """The phrase "a year earlier": the year before the briefing's; "five years ago", that many years before it."""
    s, e = m.start(), m.end()
    back = _COUNT_WORDS[m["n"].lower()] if m["n"] else 1
    return TimePhrase(s, e, Period.year(year - back), looking_back=back > 1) if year is not None else None


def _resolve_rel_year(name: str, m: re.Match, year: int | None, month: int | None) -> TimePhrase | None:
    """The phrase "this year", "last year", "next year", "the past year", "the coming year", resolved against the briefing's date."""
    s, e = m.start(), m.end()
    g = m.groupdict()
    rel = re.sub(r"\s+", " ", g["rel"].lower())
    if rel == "the past" and year is not None and month is not None and month <= 3:
        return TimePhrase(s, e, Period.year(year - 1))  # said early in a year, "the past year" is the year just ended
    if rel == "the coming" and year is not None:
        # said in the first half of a year (a work report in January, a briefing in April), "the coming year" is the year
        # under way, most of it still ahead; later, the next
        y = year if month is not None and month <= 6 else year + 1
        return TimePhrase(s, e, Period.year(y), future=True)
    if rel == "the past" or year is None:
        return None  # later in a year it is the last twelve months, no calendar period
    y = _year(rel, year)
    return TimePhrase(s, e, Period.year(y), future=bool(y > year))
    return None


_RESOLVERS = {
    "half": _resolve_half_quarter,
    "quarter": _resolve_half_quarter,
    "abbr_quarters": _resolve_abbr,
    "abbr_half": _resolve_abbr,
    "first_quarters": _resolve_first_quarters,
    "first_months": _resolve_first_months,
    "month_range": _resolve_month_range,
    "as_of_month": _resolve_as_of_month,
    "this_month": _resolve_this_month,
    "month_owner": _resolve_month_owner,
    "since_month": _resolve_since_month,
    "fyp_end": _resolve_fyp_end,
    "fyp_start": _resolve_fyp_start,
    "since_fyp": _resolve_since_fyp,
    "fyp": _resolve_fyp,
    "since_year": _resolve_since_year,
    "year_range": _resolve_year_range,
    "next_years": _resolve_next_years,
    "past_years": _resolve_past_years,
    "the_years": _resolve_the_years,
    "year_so_far": _resolve_year_so_far,
    "year_end": _resolve_year_end,
    "decade_end": _resolve_decade_end,
    "by_year": _resolve_by_year,
    "part_year": _resolve_part_year,
    "season": _resolve_season,
    "year_goal": _resolve_year_goal,
    "in_year": _resolve_in_year,
    "rel_month": _resolve_rel_month,
    "full_year": _resolve_full_year,
    "year_earlier": _resolve_year_earlier,
    "rel_year": _resolve_rel_year,
}


def _resolve(name: str, m: re.Match, year: int | None, month: int | None) -> TimePhrase | None:
    """The period a time phrase found by the pattern ``name`` names, resolved against the briefing's year and month."""
    resolver = _RESOLVERS.get(name)
    return resolver(name, m, year, month) if resolver else None


# A government work report reviews the year just ended and sets the targets of the year under way: "I. Review of the
# Government's Work in 2023", "II. Main targets for 2024"
_REVIEW_HEADING = re.compile(r"^(?:[IVX]+\.\s*)?Review\s+of\s+(?:the\s+|our\s+)?(?:(?:Government|District)[’']s\s+)?Work"
                             rf"\s+(?:in|of|for)\s+(?P<y>{_YEAR})\s*$", re.MULTILINE | re.IGNORECASE)
_PLAN_HEADING = re.compile(r"^(?:[IVX]+\.\s*)?" + alternation("main_words") + r"\s+" + alternation("plan_list_nouns") + r"\s+(?:for|in|of)\s+"
                           rf"(?P<y>{_YEAR})\s*$", re.MULTILINE | re.IGNORECASE)
_WORK_REPORT = re.compile(r"\bReport\s+on\s+the\s+Work\s+of\s+the\b|\bGovernment\s+Work\s+Report\b", re.IGNORECASE)


def report_year(text: str) -> tuple[int, int] | None:
    """The (year, month) a government work report that states no date is delivered in: early in the year after the
    one its review heading names ("Review of the Government's Work in 2023": January 2024), or in the year its plan
    heading names ("Main targets for 2024"); the congress meets in January. None for any other text."""
    if not _WORK_REPORT.search(text[:400]):
        return None
    review, plan = _REVIEW_HEADING.search(text), _PLAN_HEADING.search(text)
    if review is not None:
        return int(review["y"]) + 1, 1
    return (int(plan["y"]), 1) if plan is not None else None



# "by then", "by that time", "in the same year", "that year", "that month": a time named before, taken up again (not "the
# same month last year", a base; not "that year's", "the same year-on-year"). As written plainly, case-blind,
#   r"\bby\s+(?:then|that\s+time|that\s+date)\b|\b(?:(?:in|during|for|within|by\s+the\s+end\s+of)\s+)?(?:the\s+same|that(?:\s+same)?)\s+"
#   r"(?P<unit>year|month)\b(?![’'-]|\s+(?:<anaphoric_time_blockers>)\b)";
# here every form opens with one set of the letters its forms open with, in every case (the set is read case-blind by
# nothing: "İ" and "ı" match "i" case-blind), and each form then asks (looking back) which letter it was: a pattern that
# opens with a set is scanned for by the regex engine's own loop, which skips in C the characters no form opens with,
# where a case-blind pattern is tried at every character (half the cost of a document's scan). "(?<!\w.)" after the first
# letter is the r"\b" before it; the forms keep their order, and "the"/"that" after a preposition, its "t" read after it.
_ANAPHORIC_TIME = re.compile(
    r"[BbDdFfIiİıTtWw](?<!\w.)(?i:(?<=[Bb])y\s+(?:then|that\s+time|that\s+date)\b"
    r"|(?:(?:(?<=[Iiİı])n|(?<=[Dd])uring|(?<=[Ff])or|(?<=[Ww])ithin|(?<=[Bb])y\s+the\s+end\s+of)\s+t|(?<=[Tt]))"
    r"(?:he\s+same|hat(?:\s+same)?)\s+(?P<unit>year|month)\b(?![’'-]|\s+(?:" + alternation("anaphoric_time_blockers") + r")\b))")


_ONE_MONTH = re.compile(r"\d{4}-\d\d")


def with_anaphoric_times(text: str, sentence_start_of, phrases: list[TimePhrase], year: int | None) -> list[TimePhrase]:
    """``phrases`` and the times that take up one named before: "by then", "in the same year", "that month" stand for the
    time last named before them in their sentence or the one before ("By 2027, the county aims to ... . Its exports are to
    reach 9 billion yuan by then": 2027; "The fair is held in May. A forum will open in the same city that month": May),
    ("by then" of a deadline named: "to 300 billion yuan by 2027, from 241 billion yuan last year. ... by then" is 2027),
    read at its unit ("in the same year" after "by the end of June 2027" is 2027; "that month" after a year names no month
    and is left unread). ``sentence_start_of(offset)`` is where the sentence before ``offset`` begins (that sentence's
    own start when asked with it)."""
    if "then" not in text and "same" not in text and "that" not in text:
        return phrases
    added = []
    for m in _ANAPHORIC_TIME.finditer(text):
        own = sentence_start_of(m.start())
        reach = sentence_start_of(own - 1) if own else 0
        before = [p for p in phrases if reach <= p.start and p.end <= m.start() and not p.since and not p.looking_back
                  and (m["unit"] or p.future or p.closing or year is None or p.period.end_year >= year)]
        if not before:
            continue
        p = before[-1]
        period = p.period.last_point
        if m["unit"] and m["unit"].lower() == "year":
            period = Period.year(period.end_year)
        elif m["unit"] and not _ONE_MONTH.fullmatch(str(period)):  # "that month" after a year, a quarter, a half: no month
            continue
        added.append(TimePhrase(m.start(), m.end(), period, closing=p.closing, future=p.future))
    return sorted(phrases + added, key=lambda p: p.start) if added else phrases
