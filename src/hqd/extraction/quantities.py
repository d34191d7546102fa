"""From mentions to the contract's quantities: kind and approx here; metric (metrics.py),
subject (subjects.py) and period (frames.py) by the readers this module calls.

Every decision reads only the words around the mention (its clause, its
sentence, the frame set by earlier sentences of its paragraph).
"""

from __future__ import annotations

import re
from itertools import takewhile
from typing import get_args

from ..model import Approx, Kind, Quantity
from .figure import Figure, cached_property
from .frames import assign_periods, is_threshold
from .lang.en import MONEY_UNITS, alternation, month_names, word_class, word_lists
from .lexicon import phrase_pattern
from .metrics import metric_of
from .numbers import Mention
from .periods import TimePhrase
from .phrases import measure_aside as phrase_measure_aside
from .phrases import (
    ACTION_VERBS, AND_VERB, AREA_UNITS, CAPS_AT, FULL_CAPACITY, CHANGE_AFTER, CHANGE_BLOCK, COMPARED_BY, COUNT_ADJECTIVE, COVERS_NOW, EXCEEDED_BY, EXCEEDED_BY_CUES, EXTENT_UNITS, FROM_BEFORE, GOAL_BASE_GAP, LIST_GAP, SET_IN_THE_PLAN, TIMES_BASE_YEAR, TO_BEFORE, Context, threshold_of,
)
from .rules import SKIP, RuleTable
from .sections import plan_deadline, title_span
from .segments import LIST_ITEM_LINE as _LIST_ITEM_LINE, Segmentation, list_lead_in, without_case_traps, words_of
from .subjects import subject_of

_CUES = word_lists("cues")
_PROVIDES = [verb + "s" for verb in _CUES["provision_verbs"]]  # "which adds", "which houses": what a thing provides now
_DURATIONS = {"year", "month", "day", "hour", "minute"}
_OVER_SPAN = re.compile(r"[\w\s’'-]{0,40}?\bover\s+$")  # what lies between a figure and "over N days"


def _key_words(*phrase_lists: list[str]) -> set[str]:
    """The longest run of letters of each phrase ("minimum" of "a minimum of", "approx" of "approx."): a phrase that a
    pattern finds as a whole word puts it in its sentence as a word (the cues of a rule, :class:`rules.Rule`)."""
    return {max(_LETTERS.findall(phrase), key=len) for phrases in phrase_lists for phrase in phrases}


_LETTERS = re.compile(r"[^\W\d_]+")


def _tail(phrases: list[str]) -> re.Pattern:
    return re.compile(r"(?:^|[^\w-])(" + phrase_pattern(phrases) + r")(?:\s+(?:(?P<the>the)|a|an))?\s*$", re.IGNORECASE)


_APPROX_BEFORE = [(code, _tail(phrases)) for code, phrases in _CUES["approx_before"].items()]
# the runs of non-space a match of one of them can span: its phrase's words and an article after them
_TAIL_TOKENS = max(len(phrase.split()) for phrases in _CUES["approx_before"].values() for phrase in phrases) + 1
_MARK_AFTER = re.compile(r"\s+" + alternation("mark_nouns") + r"\b", re.IGNORECASE)  # "the 90% mark", "the 1 million threshold"
# "over" before an article is a preposition ("visitors over the 42-day event"), never "more than"
_PREPOSITION_OVER = re.compile(r"over\s+(?:the|a|an)\s*$", re.IGNORECASE)
_APPROX_KEY_WORDS = frozenset(_key_words(*_CUES["approx_before"].values()))
# per code, the key words of its phrases: a code's pattern is tried only on a window holding one of them
_APPROX_BEFORE_KEYS = {code: frozenset(_key_words(phrases)) for code, phrases in _CUES["approx_before"].items()}
_APPROX_AFTER_KEYS = {code: frozenset(_key_words(phrases)) for code, phrases in _CUES["approx_after"].items()}
_APPROX_AFTER = [
    (code, re.compile(r"^(?:\s*(?:yuan\s+|each\s+)?|-)(?:" + phrase_pattern(phrases) + r")\b", re.IGNORECASE))  # "or more", "30-plus"
    for code, phrases in _CUES["approx_after"].items()
]
_CHANGE_UP = re.compile(r"\b(" + phrase_pattern(_CUES["change_up"]) + r")\b", re.IGNORECASE)
_CHANGE_DOWN = re.compile(r"\b(" + phrase_pattern(_CUES["change_down"]) + r")\b", re.IGNORECASE)
# The change words are single words: their matches are the runs of word characters that are one of them, in any case
_UP_WORDS = frozenset(w.lower() for w in _CUES["change_up"])
_DOWN_WORDS = frozenset(w.lower() for w in _CUES["change_down"])
_WORD_RUN = re.compile(r"\w+")
if not all(_WORD_RUN.fullmatch(w) for w in _UP_WORDS | _DOWN_WORDS):
    raise ValueError("a change word of more than one word: _last_change_words cannot stand in for _CHANGE_UP and _CHANGE_DOWN")


def _last_change_words(text: str, pos: int = 0) -> tuple[tuple[int, int, str] | None, tuple[int, int, str] | None]:
    """The last word of increase and the last word of decrease in ``text[pos:]``, each as (start, end, lower-case word)
    or None: the last match of _CHANGE_UP and of _CHANGE_DOWN, found by looking each word up in a set rather than trying
    some 50 words at every character."""
    folded = without_case_traps(text).lower()  # one character for one
    up = down = None
    for m in _WORD_RUN.finditer(folded, pos):
        word = m.group()
        if word in _UP_WORDS:
            up = (m.start(), m.end(), word)
        if word in _DOWN_WORDS:
            down = (m.start(), m.end(), word)
    return up, down
# "average annual growth was 8.5%": a change named by a noun, then a copula
_CHANGE_NOUNS = frozenset(("growth", "increase", "rise", "decline", "decrease", "drop", "expansion", "contraction"))  # its cues
_CHANGE_NOUN_WAS = re.compile(
    r"\b" + alternation("change_noun_cues") + r"(?:\s+rate)?(?:\s+" + alternation("span_prepositions_of") + r"\s+[^,;.]{1,60}?)?"
    r"\s+(?:" + alternation("copula_reports") + r"|" + alternation("rate_movement_verbs") + r")\s+(?:[a-z]+\s+){0,2}$",  # "the growth rate of investment was 12%"
    re.IGNORECASE,
)
_COMPARATIVE_AFTER = re.compile(r"^\s+(?:or\s+so\s+)?" + alternation("difference_comparatives") + r"\b", re.IGNORECASE)  # "18 percent (or so) more than", "30% below market price"
# "1,026 enterprises, 156 more than last year": a difference from a base, whatever the unit
_COMPARED_TO_BASE = re.compile(r"^\s+(?:or\s+so\s+)?" + alternation("than_comparatives") + r"\s+than\s+(?:(?:in|at)\s+)?(?:the\s+)?"
                               r"(?:last|previous|a\s+year|(?:19|20)\d\d|same|that|those|before|the\s+end|(?:beginning|start)\s+of\b"
                               # a month or a part of the year: "23 more than in September", "fewer than in the first quarter"
                               r"|" + alternation("quarter_ordinals") + r"\s+" + alternation("year_parts") + r"\b|" + month_names() + r"\b)", re.IGNORECASE)
# "2.5 times the figure of 2022", "three times that of 2019", "1.5 times as many as a year earlier": a multiple of a base
_MULTIPLE_OF_BASE = re.compile(r"^\s+(?:(?:that|those)\s+(?:of|in)\b|the\s+(?:19|20)\d\d\s+" + alternation("dated_base_nouns") + r"\b|(?:the|its)\s+" + alternation("base_nouns")
                               + r"\s+(?:of|in|for)\s+(?:the\s+)?(?:last|previous|same|first|second|third|fourth|whole|full|(?:19|20)\d\d)|(?:the|its)\s+" + alternation("base_nouns")
                               + r"\s+(?:a|one)\s+year\s+" + alternation("ago_words") + r"\b"
                               r"|as\s+" + alternation("multiple_adjectives") + r"\b"  # "2.1 times as large", "2.3 times the figure a year earlier"
                               r"|what\s+(?:[\w’'-]+\s+){1,4}?in\s+(?:19|20)\d\d\b)", re.IGNORECASE)  # "2.5 times what it sold in 2019"
# what a goal brings with it: "bringing the total to 150", "benefiting about 2,000 families", "creating 5,000 jobs"
_CONTINUING_PARTICIPLE = re.compile(r"^\W*" + alternation("continuing_participles") + r"\b",
                                    re.IGNORECASE)
# A figure set against the one before by a comparison just before it ("below the 7 yuan", "compared with 6 yuan")
_COMPARED_BEFORE = re.compile(r"\b" + alternation("comparison_markers") + r"\s+(?:the\s+|an?\s+)?(?:" + alternation("change_adverb_approximators")
                              + r"\s+)?$", re.IGNORECASE)
_UP_DOWN = re.compile(  # "up 5%", "down slightly by 0.5%", "up nearly 12%"
    # (the lookahead first: a place where neither word can start fails at once, before the many lookbehinds are tried)
    r"(?=[ud])" + "".join(rf"(?<!\b{verb}\s)" for verb in _CUES["up_particle_verbs"]) + r"\b(up|down)(?:\s+(?:" + alternation("change_adverb_approximators")
    + r"|[a-z]+ly))?(?:\s+by)?(?:\s+" + alternation("change_adverb_approximators") + r")?\s*$",
    re.IGNORECASE,
)
_SHARE_BEFORE = _tail(_CUES["share_before"] + [f"{v} {a}" for v in _CUES["share_before"] for a in ("a", "an", "the")])
_SHARE_BEFORE_KEYS = frozenset(_key_words(_CUES["share_before"]))
_SHARE_BEFORE_LOOSE = re.compile(r"\b(" + phrase_pattern(_CUES["share_before"]) + r")\b(?:\s+[\w’'-]+){0,3}\s*$", re.IGNORECASE)
# "of the total", "of GDP", "of residents": a part of a whole, or of a population counted in the plural
_SHARE_OF = re.compile(r"^\s+of\s+(?:(?:" + phrase_pattern(_CUES["share_of_objects"]) + r")\b|GDP\b"
                       # "of residents", "of Minhang's 2,900 high-tech enterprises": a part of a population
                       r"|(?:(?:the|its|their|[A-Z][\w’'-]*[’']s)\s+)?(?:\d[\d,]*\s+)?(?:[a-z-]+\s+){0,3}?[a-z-]{3,}s\b(?!\s+(?:of|in)\b)"
                       r"|it\b(?!\s+(?:is|was|has|had|will)\b))",  # "about 85% of it in converted factory buildings"
                       re.IGNORECASE)
_SHARE_AFTER = re.compile(r"^\s+(?:" + phrase_pattern(_CUES["share_after"]) + r")\b", re.IGNORECASE)
_TARGET_BEFORE = re.compile(r"\b(" + phrase_pattern(_CUES["target_before"]) + r")\b", re.IGNORECASE)
_TARGET_BEFORE_KEYS = frozenset(_key_words(_CUES["target_before"]))
_TARGET_AFTER_KEYS = frozenset(_key_words(_CUES["target_after"]))
_TARGET_AFTER = re.compile(r"\b(" + phrase_pattern(_CUES["target_after"]) + r")\b", re.IGNORECASE)
# "30% covered by urban areas and 70% by rural areas": a short tail, then the next item of the list.
_LOOSE_PERCENT_GAP = re.compile(r"^[^,;.]{0,90}?\band\s+$", re.IGNORECASE)
_LOOSE_LIST_GAP = re.compile(r"^[^,;.]{0,40}?(?:,\s*and|,|\band|\bor)\s+"
                             r"(?:" + alternation("list_approximators") + r"\s+)?$", re.IGNORECASE)
# "plans to keep GDP growth at about 6%, with industrial investment growing by more than 10%": the plan goes on (after
# the goal's deadline too: "aims to host 300 fairs in 2028, with total exhibition area exceeding")
_WITH_ALSO_GROWING = re.compile(r"[^,;.]{0,12}?(?:\s+(?:in|by|before)\s+(?:the\s+end\s+of\s+)?(?:19|20)\d\d)?,\s*with\s+[^,;.]{0,60}?\b(?:" + alternation("growing_participles")
                                + r"|growth(?:\s+rate)?\s+of|(?:an?\s+)?(?:increase|rise)\s+of)\b"
                                r"[^,;.]{0,30}$"
                                # "expects to attract 20 headquarters over the next three years, with cumulative investment of"
                                r"|[^,;.]{0,60},\s*with\s+(?:an?\s+)?(?:cumulative\s+|total\s+|combined\s+)?investment\s+of\s+(?:"
                                + alternation("approximators") + r"\s+)?$", re.IGNORECASE)
_QUALIFIES_BEFORE = re.compile(r"[^,;.]{0,40},\s*(?:up|down|an?\s+" + alternation("change_nouns") + "|" + alternation("qualifying_phrases") + r")\b"
                               r"[^,;.]{0,20}$", re.IGNORECASE)
_COMPLEMENT_GAP = re.compile(r"\s+" + alternation("complement_prepositions") + r"\s+(?:the\s+)?$")  # "will invest 100 billion yuan in 50 projects"
_CONVERSION_GAP = re.compile(r"^\s*[(（]\s*(?:" + alternation("conversion_approximators") + r"\s+)?$", re.IGNORECASE)
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
    share_units(text, mentions, quantities, sentence_of)
    links = _links(ctx, quantities, sentence_of)
    for i, q in enumerate(quantities):
        prev = quantities[i - 1] if i and sentence_of[i - 1] == sentence_of[i] else None
        sentence = seg.sentences[sentence_of[i]]
        window_start = max(sentence.start, prev.end if prev else sentence.start)
        before = text[window_start:q.start]
        following = quantities[i + 1].start if i + 1 < len(quantities) and sentence_of[i + 1] == sentence_of[i] else sentence.end
        figure = _KindFigure(text, seg, quantities, i, year, ctx=ctx, sentence_index=sentence_of[i], prev=prev, before=before, link=links[i], mention=mentions[i],
                             after_until_next=text[q.end:following], window_start=window_start)
        APPROX.apply(figure, q)
        KIND.apply(figure, q)
        if q.kind == "change" and _signed_negative(q, prev, before, figure.after_until_next):
            q.value = -abs(q.value)
    for i, q in enumerate(quantities):
        q.metric = metric_of(ctx, q, quantities, i, sentence_of, links[i])
        q.subject = subject_of(ctx, q, sentence_of[i])
        prev = quantities[i - 1] if i and sentence_of[i - 1] == sentence_of[i] else None
        SUBJECT_REVISIONS.revise(Figure(text, seg, quantities, i, year, prev=prev, district=district), q)
    assign_periods(ctx, quantities, sentence_of, phrases, links)
    return quantities




def _few_words(clause_head: str, approximated: bool) -> bool:
    """Whether a clause up to a figure holds fewer than 4 words, less, in a phrase of 'with', an approximator that ends
    it ('with no fewer than')."""
    n = len(clause_head.split())
    if n < 4:
        return True
    if not approximated or n > 7 or not _WITH_OPENS.match(clause_head):
        return False
    ends = [m.start(1) for _, pattern in _APPROX_BEFORE if (m := pattern.search(clause_head))]
    return bool(ends) and len(clause_head[:min(ends)].split()) < 4


_WITH_OPENS = re.compile(r"\W*with\s", re.IGNORECASE)


class _KindFigure(Figure):
    """A figure as the approx and kind rules read it: the windows that only some of those rules read are found when
    first asked for, once."""

    @cached_property
    def target_before(self) -> str:
        """The words before the figure in which a goal cue is looked for: its clause, and the clause before it too when
        its own holds only a few words (never before ``window_start``, the figure before it in its sentence); in a
        phrase of 'with', an approximator before the figure is not counted (', with no fewer than 800 exhibitors' goes on
        with the clause before it as ', with 800 exhibitors' does)."""
        text, q, window_start = self.text, self.q, self.window_start
        clause_start, _ = self.clause
        if _few_words(text[clause_start:q.start], q.approx != "=") and clause_start > window_start:
            clause_start, _ = self.seg.clause_bounds(max(window_start, clause_start - 2))
        return text[max(window_start, clause_start):q.start]

    @cached_property
    def goal_clause_after(self) -> str:
        """The clause after the figure, up to the next clause, and cut at a later predicate of the same subject when the
        figure is the object of a verb of its own clause ('now has 2.1 million m2 and will add 800,000')."""
        after = _NEXT_CLAUSE.split(self.clause_after, 1)[0]
        return self._own_predicate(after)

    @cached_property
    def goal_after_until_next(self) -> str:
        """The words up to the next figure, cut as :attr:`goal_clause_after` is; past the next figure when that is this
        one converted, in brackets ('to 60 billion yuan (about 8.3 billion U.S. dollars) by 2027': the deadline after
        the brackets is this figure's)."""
        after = self.after_until_next
        n = self.next
        if n is not None and _CONVERSION_GAP.match(after):
            following = next((o.start for o in self.quantities[self.index + 2:self.index + 3] if o.start < self.sentence.end), self.sentence.end)
            after = after + self.text[n.start:max(n.end, following)]
        return self._own_predicate(after)

    def _own_predicate(self, after: str) -> str:
        if _NEXT_PREDICATE.search(after) and self.verb_before_object:
            return _NEXT_PREDICATE.split(after, 1)[0]
        return after  # (with no later predicate there is nothing to cut, and the verb is not looked for)

    @cached_property
    def verb_before_object(self) -> bool:
        """The figure is the object of a verb of its own clause ('has', 'reached', 'now employs')."""
        q = self.q
        return _VERB_BEFORE_OBJECT.search(self.text, self.clause[0], q.start) is not None


# Two figures are paired before their sentences' contexts are built, so these read bounded slices of the text: a
# comparative right after the second ("3 micrograms lower", "156 more than": 12 characters hold " or so fewer"), and
# "from" with at most two words before the first ("from about 10.7 billion"). Slices: the first pattern opens with "^",
# which no match position satisfies, and the second, ending at the figure, would otherwise be tried from the text's start.
_COMPARATIVE_REACH = 12
_FROM_REACH = 25


def share_units(text: str, mentions: list[Mention], quantities: list[Quantity], sentence_of: list[int]) -> None:
    """A unit written once serves two numbers: 'from 10.7 billion to 13.8 billion yuan', '5 and 8 percent'."""
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
            _COMPARATIVE_AFTER.match(text[b.end:b.end + _COMPARATIVE_REACH]) or _UP_DOWN.search(text[a.end:b.start])
            or _COMPARED_BEFORE.search(text[a.end:b.start])
        ):
            # "29 micrograms per cubic meter, 3 micrograms lower", "up 300 yuan", "4.2 yuan per square meter per day,
            # below the 7 yuan typical downtown": the rate is not repeated
            b.unit = a.unit


def _from_to(text: str, a, b) -> bool:
    """ "from A ... to B": A is the start and B the end of one series, within one clause of a list: not across a semicolon
    or a line ("... to 40, from 29 in 2024;\n- raise the share of X to 65 percent": 65 ends another item's series)."""
    gap = text[a.end:b.start]
    return bool(FROM_BEFORE.search(text[max(0, a.start - _FROM_REACH):a.start]) and TO_BEFORE.search(gap)
                and ";" not in gap and "\n" not in gap)


_DIMENSION_GROUPS = (MONEY_UNITS, {"mu", "m2", "km2", "ha"}, {"km", "m"}, {"ton", "kg"}, {"kWh"})


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
        elif _COMPARATIVE_AFTER.match(text[b.end:b.end + _COMPARATIVE_REACH]):
            continue  # "29 micrograms in 2023, 3 micrograms lower": a difference, not a list item
        elif LIST_GAP.match(gap) and a.unit == b.unit:
            links[i] = "list"
        elif (_LOOSE_LIST_GAP.match(gap) or (a.unit == "percent" and _LOOSE_PERCENT_GAP.match(gap))) and a.unit == b.unit and not (
            _CHANGE_UP.search(gap) or _CHANGE_DOWN.search(gap) or _TARGET_BEFORE.search(gap) or _SHARE_BEFORE_LOOSE.search(gap)
        ):
            links[i] = "list"
    return links


APPROX: RuleTable[Approx] = RuleTable("approx", values=frozenset(get_args(Approx)))


def _approximator_before(f: Figure) -> Approx | None:
    """The approx code of an approximator just before the figure ("about", "more than", "at least", "up to"), if any.
    Before "the", a comparison names a definite figure, itself exact ("below the 7 yuan typical downtown", "exceeding
    the 2,500 targeted"), unless the figure is a mark that is passed ("surpassing the 90% mark")."""
    before = f.head
    words = words_of(before)
    if _APPROX_KEY_WORDS.isdisjoint(words):
        return None  # none of the approximators can be there
    # a match ends the head and spans at most _TAIL_TOKENS of its runs of non-space: searched from before them, the
    # patterns find the same first match as from the sentence's start, without a try at each place before
    split = before.rsplit(maxsplit=_TAIL_TOKENS)
    pos = len(split[0]) if len(split) > _TAIL_TOKENS else 0
    found = [(m.start(1), code) for code, pattern in _APPROX_BEFORE
             if not _APPROX_BEFORE_KEYS[code].isdisjoint(words) and (m := pattern.search(before, pos))
             and not _PREPOSITION_OVER.search(before, m.start(1)) and (not m["the"] or _MARK_AFTER.match(f.text, f.q.end))]
    # the longest cue wins: "no higher than" (<=), not the "higher than" (>) it ends with
    return min(found)[1] if found else None


@APPROX.rule(("The festival drew 2.12 million visitors over [43 days].", "="))
def over_a_span(f: Figure):
    """'over' before a duration that follows another figure is the span the figure was counted over, not 'more than'."""
    if f.q.unit in _DURATIONS and f.prev is not None and _OVER_SPAN.match(f.text, f.prev.end, f.q.start) and _approximator_before(f) == ">":
        return "="
    return SKIP


@APPROX.rule(("Export growth picked up to [6 percent] in the third quarter.", "="), ("Sales edged up to [5 billion yuan].", "="),
             cues=("up",))
def up_as_a_particle(f: Figure):
    """'up' that belongs to a verb of movement ('picked up', 'edged up', 'ticked up') before 'to' and a figure says where
    the figure moved to, not that it is a bound ('up to' 20% is at most 20%): exact."""
    return "=" if _UP_PARTICLE_TO.search(f.before) else SKIP


_UP_PARTICLE_TO = re.compile(r"\b" + alternation("up_particle_verbs") + r"\s+up\s+to\s+$", re.IGNORECASE)


@APPROX.rule(("The park has about [300] firms.", "~"), ("Revenue exceeded [5 billion yuan].", ">"),
             ("It hosts at least [20] research institutes.", ">="), ("The district has fewer than [10] hospitals.", "<"),
             ("The fund will provide up to [1 billion yuan].", "<="),
             ("Ozone concentration will be kept no higher than [160 micrograms per cubic meter].", "<="),
             ("Each class will have no more than [40] pupils.", "<="), cues=_key_words(*_CUES["approx_before"].values()))
def approximator_before(f: Figure):
    """An approximator before a number bounds it: 'about', 'nearly' (~); 'more than', 'over', 'exceeding' (>);
    'at least', 'no less than' (>=); 'less than', 'under' (<); 'up to', 'no more than', 'within' (<=)."""
    code = _approximator_before(f)
    return SKIP if code is None else code


@APPROX.rule(("The water agency caps yearly increases in household tariffs at [2 percent].", "<="),
             ("Fees will be capped for each family at [800 yuan] a month.", "<="), cues=word_class("cap_verbs") | word_class("cap_participles"))
def capped_at(f: Figure):
    """The bound something is capped at ('caps yearly increases in tariffs at 2 percent', 'will be capped for each family at 800 yuan'), with
    what is capped or for whom between the verb and 'at', is the most it may be."""
    return "<=" if CAPS_AT.search(f.before) else SKIP


@APPROX.rule(("The district is home to [5,000+] firms.", ">="))
def plus_sign(f: Figure):
    """A number written with a plus sign after it ('5,000+') is at least that number."""
    return ">=" if f.q.text.endswith("+") else SKIP


@APPROX.rule(("The district introduced 167 projects each valued at [100 million yuan] or more.", ">="),
             ("Rents rose [3%] or so.", "~"), ("Each school takes [40] or fewer pupils.", "<="), cues=_key_words(*_CUES["approx_after"].values()))
def bound_after(f: Figure):
    """A bound after a number ('or more', 'and above', '-plus'; 'or less', 'or below'; 'or so') bounds it."""
    after = f.after
    words = words_of(after)
    return next((code for code, pattern in _APPROX_AFTER if not _APPROX_AFTER_KEYS[code].isdisjoint(words) and pattern.match(after)), SKIP)


@APPROX.rule(("The district's GDP reached [124.83 billion yuan].", "="))
def exact(f: Figure):
    """A number with no approximator or bound is exact."""
    return "="


SUBJECT_REVISIONS: RuleTable[str | None] = RuleTable("subject")


@SUBJECT_REVISIONS.rule(("Jiading grew. The city's NEV output exceeded 480,000 units, accounting for [12%] of the national total.",
                         "Shanghai"),
                        ("The 40 licensed generic drug makers in the Zizhu Park produced goods worth 5 billion yuan, [9 percent] more than in "
                         "2020.", "Zizhu Park"),
                        ("Logistics firms that have based their Asia operations in the Lingang Special Area since 2021 total 58, including "
                         "[11] of the world's top 50 carriers.", "Lingang Special Area"),
                        ("Revenue at the Qibao Old Town scenic area grew 5 percent last year to 1.2 billion yuan, and they expect it to "
                         "exceed [1.5 billion yuan] this year.", "Qibao Old Town scenic area"))
def qualifies_figure_before(f: Figure):
    """A change or share that qualifies the figure before it (', up 5%', ', accounting for 12%', ', 9 percent more than in
    2020'), or a part of it (', including 11 of the world's top 50 carriers'), is of that figure's subject, though its own
    clause names none."""
    q, p = f.q, f.prev
    if p is None or q.subject != f.district or p.subject == f.district:
        return SKIP
    if (q.kind in ("change", "share") and (_QUALIFIES_BEFORE.match(f.text, p.end, q.start) or _JUST_A_COMMA.match(f.text, p.end, q.start))) \
            or _PART_OF_BEFORE.match(f.text, p.end, q.start) or _SAME_MEASURE_AGAIN.match(f.text, p.end, q.start):
        return p.subject
    return SKIP


# "Takings at the X market rose ... to 6.2 billion yuan, and we expect them to pass 7 billion yuan": the same measure
_SAME_MEASURE_AGAIN = re.compile(r"[^;.]{0,60}?,?\s+and\s+(?:we|they|the\s+district)\s+" + alternation("expectation_verbs") + r"\s+(?:them|it)\s+to\s+"
                                 r"[a-z]+\s+(?:" + alternation("approximators") + r"\s+)?$")


_JUST_A_COMMA = re.compile(r",\s*$")  # "... worth 18 billion yuan, 6 percent more than in 2021"
_PART_OF_BEFORE = re.compile(r"[^,;.]{0,40},\s*" + alternation("part_of_leads") + r"\s+(?:" + alternation("approximators") + r"\s+)?$", re.IGNORECASE)


KIND: RuleTable[Kind] = RuleTable("kind", values=frozenset(get_args(Kind)))


@KIND.rule(("Exports reached 200 billion yuan ([$29 billion]), down 3%.", "level"))
def conversion(f: Figure):
    """A figure in brackets in another unit of the same measure is the figure before it converted: it is of that
    figure's kind."""
    p = f.prev
    if p is not None and _CONVERSION_GAP.match(f.before) and f.q.unit != p.unit and _same_dimension(f.q.unit, p.unit):
        return p.kind
    return SKIP


@KIND.rule(("The district aims to double its listed firms from [15] to 30 by 2025.", "level"),
           ("The county aims to raise organic farming's share of its farmland from [22 percent] last year to a third by 2028.", "share"),
           ("The town plans to cut its landfill waste from [300 tons] a day to half that by 2026.", "level"),
           ("The county aims to lift the share of its farmland in organic use from [31 percent] last year to half by 2029.", "share"))
def series_start(f: Figure):
    """Where a series 'from A to B' starts is an amount, even in a goal: the goal is where it ends; a share's (share_cue's,
    'their share of output rose from 29 percent to 44.6 percent', 'to raise X's share of its farmland from 22 percent
    last year to a third') is a share. The end may be written in words ('to a third', 'to half that', 'to half': a
    figure of its own or not, it tells a share as it tells a level)."""
    if f.link == "from" and not _TO_A_WORD_FRACTION.match(f.text, f.q.end):
        return "level" if not _share_subject(f) else SKIP
    if not (_FROM_RIGHT_BEFORE.search(f.before) and _TO_A_WORD_FRACTION.match(f.text, f.q.end)):
        return SKIP
    return "share" if f.q.unit == "percent" and (_share_subject(f) or _SHARE_NOUN_BEFORE_FROM.search(f.head)) else "level"


_FROM_RIGHT_BEFORE = re.compile(r"\bfrom\s+(?:" + alternation("approximators") + r"\s+)?$", re.IGNORECASE)
# "... last year to a third", "a day to half that": the series ends at a fraction written in words
_TO_A_WORD_FRACTION = re.compile(r"(?:\s+[\w’'-]+){0,4}?\s+to\s+(?:" + alternation("approximators") + r"\s+)?(?:an?\s+|one\s+|two\s+|three\s+)?"
                                 + alternation("fraction_nouns") + r"\b", re.IGNORECASE)
_SHARE_NOUN_BEFORE_FROM = re.compile(r"\b(?:share|proportion|ratio)\s+of\b[^,;.]*\bfrom\s+(?:" + alternation("approximators") + r"\s+)?$",
                                     re.IGNORECASE)


@KIND.rule(("Services made up 61% of output in 2023, up from [55%] in 2019.", "share"),
           ("By 2027 the sector is expected to account for 40% of exports, up from [31%] last year.", "share"),
           ("Tourism now contributes 18 percent of the county's GDP, compared with [11 percent] in 2015.", "share"),
           ("The share of services in GDP rose to 62 percent in 2023 from [58 percent] in 2020.", "share"),
           ("The county aims to raise R&D spending to 3 percent of GDP by 2027, from [2.2 percent] in 2024.", "share"),
           ("Its R&D spending was 1.9 percent of revenue, well below the national average of [2.6 percent].", "share"),
           ("Organic farmland is to account for at least 12 percent of arable land, up from [7.5 percent] in 2023.", "share"),
           ("Services are expected to make up 70 percent of the county's output by 2030, compared with [61 percent] last year.",
            "share"),
           ("The county aims to raise the service sector's share of its output to 60 percent by 2027, from [44.2 percent] in 2023.",
            "share"))
def base_of_a_share(f: Figure):
    """The base a share rose or fell from ('made up 61% of output in 2023, up from 55% in 2019'), or a goal stated as a
    share starts from ('to account for 40% of exports, up from 31%'), or the share it is compared with ('contributes 18
    percent of GDP, compared with 11 percent in 2015'), is the same share at another time: a share; so is where a goal
    to raise a share starts ('to raise the service sector's share of its output to 60 percent by 2027, from 44.2
    percent in 2023')."""
    p, q = f.prev, f.q
    if p is None or q.unit != "percent" or p.unit != "percent" or p.kind not in ("share", "target"):
        return SKIP
    rest = f.text[p.end:q.start]  # (what follows the share before, up to this figure: "40% of exports, up from")
    # a goal stated as a percent of a whole ("to 5 percent of GDP by 2025, from", "at least 10 percent of arable land, up
    # from", "55 percent of the added value by 2025, compared with") starts from, or is set against, the same share
    share_goal = p.kind == "target" and (_OF_A_WHOLE.match(rest) is not None or _SHARE_RAISED_TO.search(f.text, f.sentence.start, p.start) is not None)
    if not (GOAL_BASE_GAP.match(f.text, p.end, q.start) or _BARE_FROM_GAP.fullmatch(f.text, p.end, q.start)
            or ((p.kind == "share" or share_goal) and (_COMPARED_WITH_GAP.fullmatch(f.text, p.end, q.start)
                                                       or _FROM_GAP.fullmatch(f.text, p.end, q.start)
                                                       or _CLAUSE_THEN_FROM.fullmatch(rest)))):
        return SKIP
    return "share" if p.kind == "share" or share_goal or _SHARE_OF.match(rest) or _SHARE_AFTER.match(rest) else SKIP


_OF_A_WHOLE = re.compile(r"\s+of\s+(?:the\s+)?[\w’'-]")
# "to raise the service sector's share of GDP to": the goal is a share, named before its 'to'
_SHARE_RAISED_TO = re.compile(r"\b(?:share|proportion)\s+of\b[^,;.]{1,80}?\bto\s+(?:" + alternation("approximators") + r"\s+)?$", re.IGNORECASE)
_CLAUSE_THEN_FROM = re.compile(r"[^,;.]{0,60},\s*from\s+(?:" + alternation("approximators") + r"\s+)?", re.IGNORECASE)  # "of GDP by 2025, from"


@KIND.rule(("Retail sales rose 6.2 percent, up from [5.1 percent] in the first quarter.", "change"),
           ("Exports grew 3.5% in May, down from [4.8%] in April.", "change"))
def base_of_a_rate(f: Figure):
    """The rate a rate of change moved from ('rose 6.2 percent, up from 5.1 percent in the first quarter') is the same
    rate of change at another time: a change, not an amount."""
    p, q = f.prev, f.q
    if p is None or p.kind != "change" or q.unit != "percent" or p.unit != "percent":
        return SKIP
    return "change" if _RATE_BASE_GAP.fullmatch(f.text, p.end, q.start) else SKIP


_RATE_BASE_GAP = re.compile(r"(?:\s+(?:year[- ]on[- ]year|in\s+[\w-]+(?:\s+[\w-]+)?))?,\s*(?:up|down)\s+from\s+(?:" + alternation("approximators") + r"\s+)?")


@KIND.rule(("By 2030, the district plans to host more than 120 regional headquarters, up from [98] at present.", "level"),
           ("By the end of 2020, Baoshan aims to raise the share to 40 percent, from [27 percent] in 2018.", "level", "2018-06-01"))
def goal_base(f: Figure):
    """A figure after a goal's with 'up from' or 'from' ('to host more than 120 headquarters, up from 98 at present', 'to
    raise the share to 40 percent, from 27 percent in 2018') is where the goal starts: an amount of today, not a goal."""
    p = f.prev
    if p is None or p.kind != "target":
        return SKIP
    return "level" if GOAL_BASE_GAP.match(f.text, p.end, f.q.start) or _BARE_FROM_GAP.fullmatch(f.text, p.end, f.q.start) else SKIP


# "rose to 62 percent from": the share it moved from, right after it
_FROM_GAP = re.compile(r"(?:\s+(?:in|at|by)\s+[\w\s-]{1,30}?)?\s+from\s+(?:" + alternation("approximators") + r"\s+)?", re.IGNORECASE)
# "... of the district's tax revenue, compared with": the rest of a share, then what it is set against
_COMPARED_WITH_GAP = re.compile(r"[^,;.]{0,60},\s*(?:compared\s+(?:with|to)|against|versus)\s+(?:" + alternation("approximators") + r"\s+)?"
                                # "2.6 percent of revenue, below the city average of 3.1 percent": a yardstick above or below
                                r"|[^,;.]{0,60},\s*(?:(?:well|far|slightly|just)\s+)?(?:below|above)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,4}?(?:of\s+)?(?:"
                                + alternation("approximators") + r"\s+)?",
                                re.IGNORECASE)
_BARE_FROM_GAP = re.compile(r"\s*,\s*from\s+(?:" + alternation("approximators") + r"\s+)?", re.IGNORECASE)


@KIND.rule(("The river park spans [6 square kilometers] and will welcome walkers from next April.", "level"))
def extent_held(f: Figure):
    """The area a thing covers now ('The expo park covers 10 square kilometers and will open next May') is how big it
    is, though its sentence goes on to what is to come."""
    return "level" if f.q.unit in AREA_UNITS and COVERS_NOW.search(f.text, f.sentence.start, f.q.start) else SKIP


@KIND.rule(("The railway, [120 kilometers] long, is expected to start construction next year.", "level"),
           ("The new wetland belt, covering [3.4 square kilometers], will be finished by the end of 2026.", "level"))
def measure_aside(f: Figure):
    """A measure told in an aside ('The railway, 120 kilometers long, ...', 'The green belt, covering 5.2 square
    kilometers, will ...') says how big a thing is, not a goal."""
    return "level" if phrase_measure_aside(f.text, f.q, f.sentence.start) else SKIP


@KIND.rule(("The town aims to draw 40 investments each worth over [200 million yuan] by 2026.", "level"),
           ("It plans to add 25 retailers with yearly sales of more than [2 billion yuan] by 2027.", "level"),
           ("From next year, no new plants with water use above [2 million tons] a year will be approved.", "level"),
           ("By 2028 the county will have 12 farms in the river valley with annual sales of [50 million yuan] or more.", "level"),
           ("Next year the county will bring the number of farms selling more than [5 million yuan] of produce to 80.", "level"),
           ("Putuo saw the number of firms paying more than [50 million yuan] in tax climb to 41 last year.", "level"))
def threshold_in_a_goal(f: Figure):
    """A bound on the things a goal counts, or on each of them ('to attract 50 projects each worth over 100 million
    yuan', 'the number of farms selling more than 5 million yuan of produce'), says which things count toward the
    goal: a level, not the goal."""
    return "level" if is_threshold(f.text, f.sentence.start, f.q, f.prev, counted_or_each=True) else SKIP


@KIND.rule(("Start-ups with sales of 5 million yuan or more can claim grants of up to [15%] of their software spending.",
            "share"),
           ("Start-up founders may claim office rent rebates of up to [40 percent].", "level"),
           ("Eligible firms will receive subsidies equal to [30%] of their equipment investment.", "share"),
           ("Startups can get rent subsidies of [50%] of the market rate.", "share"),
           ("Under the new policy, housing allowances will cover up to [40 percent] of the rent for three years.", "share"),
           ("Start-ups may claim training vouchers covering up to [40 percent] of a course's tuition fees.", "share"),
           ("Clinic rent subsidies are capped at [25 percent] of the market rent for five years.", "share"),
           ("Young teachers may claim housing grants of up to [35 percent] for their first two years.", "level"),
           ("The town will pay for their audits, with each factory getting no more than [500,000 yuan] a year.", "level"),
           ("We will build 40 new clinics, while rent subsidies for doctors stay capped at [3,000 yuan] a month.", "level"), cues=_key_words(_CUES["support_nouns"], word_lists("grammar")["receiving_verbs"]))
def policy_cap(f: Figure):
    """A cap on what a policy grants ('will get grants of up to 15% of their instrument spending', 'rent
    subsidies of up to 30 percent', 'allowances will cover up to 40 percent of the rent', 'vouchers covering up to 40
    percent of tuition fees') states a rule, the same every year, not a goal; so does the rate a grant is of a base
    ('subsidies equal to 30% of their equipment investment', 'rent subsidies of 50% of the market rate'); and so do the
    most each one receives ('with each factory getting no more than 500,000 yuan') and the cap set on a grant ('rent
    subsidies for doctors stay capped at 3,000 yuan a month'). A percent with the whole it is of named after it ('of
    their equipment investment', 'of the market rent') is an explicit part of that whole, a share (the contract's
    share; tuning11 and tuning12's gold); a percent with no whole named ('rent rebates of up to 40 percent', 'up to 35
    percent for their first two years') and money stay a level."""
    q = f.q
    if q.approx == "<=" and (_CAP_BEFORE.search(f.before) or (q.unit in MONEY_UNITS and _CAP_RECEIVED.search(f.before))
                             or (_CAPPED_AT.search(f.before) and _SUPPORT_NOUN.search(f.head))):
        return "share" if q.unit == "percent" and _OF_A_BASE.match(f.text, q.end) else "level"
    return "share" if q.unit == "percent" and _RATE_OF_GRANT_BEFORE.search(f.before) and _OF_A_BASE.match(f.text, q.end) else SKIP


@KIND.rule(("Fare rises on the ferry lines are capped at [3 percent] a year.", "level"),
           ("From July the city will cap what each clinic visit costs a patient at [50 yuan].", "level"),
           ("The rule caps the land any one firm may lease at [20 percent] of the park's area.", "share"),
           cues=word_class("cap_verbs") | word_class("cap_participles"))
def capped_by_a_rule(f: Figure):
    """The bound a rule caps something at ('fare rises are capped at 3 percent a year', 'will cap what each visit costs at
    50 yuan') is the most it may be, the same every year: a level, not a change or a goal (the word of change names
    what is capped), and a share where the whole it is of follows ('at 20 percent of the park's area'), as policy_cap
    reads a grant's cap."""
    if not CAPS_AT.search(f.before):
        return SKIP
    return "share" if f.q.unit == "percent" and _OF_A_BASE.match(f.text, f.q.end) else "level"


@KIND.rule(("The county will set aside [80 million yuan] each year for rural broadband.", "level"),
           ("Each district will allocate [20 million yuan] annually to its night markets.", "level"),
           ("The fund, earmarked [1.5 billion yuan] a year for start-ups, was launched in 2024.", "level"),
           cues=_key_words(word_lists("grammar")["allocation_verbs"]))
def yearly_allocation(f: Figure):
    """A sum set aside from a budget each year ('will set aside 80 million yuan each year for rural broadband',
    'allocate 20 million yuan annually') is a budget line, the same every year: a level, not a goal to reach."""
    return "level" if f.q.unit in MONEY_UNITS and _ALLOCATED_BEFORE.search(f.before) and _RECURS_AFTER.match(f.text, f.q.end) else SKIP


# "will set aside (about)", "earmarked": a sum from a budget, then how often: "each year", "annually", "a year"
_ALLOCATED_BEFORE = re.compile(r"\b" + alternation("allocation_verbs") + r"\s+(?:(?:an?\s+)?" + alternation("approximators") + r"\s+)?$", re.IGNORECASE)
_RECURS_AFTER = re.compile(r"\s+(?:" + phrase_pattern(_CUES["recurrence_phrases"]) + r")\b", re.IGNORECASE)


@KIND.rule(("The town will refund up to 1 million yuan per firm, and no more than [40 percent] of a firm's audit costs will be reimbursed.",
            "share"),
           ("Under the scheme, up to [25 percent] of a household's heating bill will be covered by the county.", "share"))
def part_of_a_cost_paid_back(f: Figure):
    """The part of a cost that a policy pays back, told as the subject of a passive verb of paying ('no more than 40
    percent of a firm's audit costs will be reimbursed') is a share of that cost, the policy's rule, not a goal."""
    return "share" if f.q.unit == "percent" and _PAID_BACK_AFTER.match(f.text, f.q.end) else SKIP


# "of a project's R&D spending will be reimbursed": the cost, then a passive verb of paying it back
_PAID_BACK_AFTER = re.compile(r"\s+of\s+(?:[\w’'&-]+\s+){1,6}?(?:will|shall|can|may|is|are)\s+(?:be\s+)?" + alternation("paying_back_participles") + r"\b",
                              re.IGNORECASE)


@KIND.rule(("The county will pay up to [25 percent] of a farm's spending on drip irrigation.", "share"),
           ("Under the scheme, the town covers no more than [40%] of each eligible shop's rent.", "share"),
           cues=("of",))
def cap_on_each_ones_cost(f: Figure):
    """A cap on the part of any one's cost that a body pays ('will pay up to 25 percent of a farm's spending on drip
    irrigation', 'covers no more than 40% of each eligible shop's rent') states a policy's rule, the same for every
    one and every year, not a goal (the indefinite owner, 'a farm's', 'each shop's', makes it a rule for any): a share
    of the cost it names, as policy_cap reads a cap's percent of a named whole."""
    return "share" if f.q.unit == "percent" and f.q.approx == "<=" and _OF_ANY_ONES.match(f.text, f.q.end) else SKIP


# "of a company's investment", "of each eligible firm's costs": a cost of any one of a kind
_OF_ANY_ONES = re.compile(r"\s+of\s+(?:an?|each|any|every)\s+(?:[\w-]+\s+){0,2}?[\w-]+(?:'s|’s)\s", re.IGNORECASE)


@KIND.rule(("Phase I of the data hub will be put into service in May 2026, providing [4,500] server racks.", "level"),
           ("The new data center, which will house [8,000] servers, is expected to open in 2026.", "level"),
           ("The renovated mill is expected to reopen next spring, adding [18,000 square meters] of retail space.", "level"),
           ("The museum will open in May. It will offer [12,000 square meters] of exhibition space.", "level"),
           ("Two care centres are to open next spring, adding [260] beds.", "level"),
           ("The ferry pier, which will add [4] berths, is due to be finished by 2028.", "level"),
           ("The second phase of the science park, which adds [60,000 square meters] of lab space, will be finished in 2027.", "level"),
           ("The hotel, which offers [420] rooms, is set to reopen in March.", "level"),
           cues=_key_words(_CUES["provision_participles"], _PROVIDES, ["will"]))  # (a participle, or "which (will)" and a verb)
def what_it_provides(f: Figure):
    """What a thing holds, told by a participle right after its milestone ('will be put into service in May 2026,
    providing 4,500 racks') or an aside ('The new campus, which will house 5,000 students, is expected to open'), is its
    size when it opens: a level, the milestone being the goal; so is the floor space it adds ('is expected to reopen
    next spring, adding 18,000 square meters of retail space') or the places an opening adds ('will open in the fourth
    quarter, adding 900 beds'), but only after a milestone still to come, and the floor
    space 'It will offer' of a thing the sentence before named ('The museum will open in May. It will offer ...'); in an
    aside in the present ('The second phase, which adds 60,000 square meters of lab space, will be finished in 2027'),
    the size of a thing whose milestone the main clause tells. Not
    the people it will house ('The campus, which will hold 12,000 students, is due to open in 2023'): a number
    the place is expected to reach, like the passengers a line is to carry, not its size."""
    q = f.q
    if q.unit in MONEY_UNITS or q.unit in _NOT_SIZES:
        return SKIP
    if _PEOPLE_AFTER.match(f.text, q.end):
        return SKIP
    m = _PROVIDING.search(f.before)
    if m is None:
        # "The hall will be finished next year. It will offer 40,000 square meters of exhibition space": the floor space
        # of the thing the sentence before named
        return "level" if q.unit in AREA_UNITS and _IT_WILL_PROVIDE.fullmatch(f.text, f.sentence.start, q.start) else SKIP
    opening_ahead = _OPENING_AHEAD.search(f.text, f.sentence.start, f.sentence.end)
    if m.group("now") and not opening_ahead:
        return SKIP  # "The county, which adds 2,000 jobs a year, plans to ...": what it does now, no thing's size
    if _ADDS.search(m.group(0)) and (not (_is_target(f.head, "", f.year) or not _FUTURE_WORDS.isdisjoint(words_of(f.head)) or m.group("now"))
                                     or (q.unit not in AREA_UNITS and not opening_ahead)):
        # "will spend 1.5 billion yuan to upgrade chargers, adding 8,000 piles": a goal's count, no thing's space (but
        # "8 new schools will open in September, adding 9,000 places": the places the opening brings, a size);
        # "Four new kindergartens opened, adding 600 places": what was added, of the time told
        return SKIP
    return "level"


@KIND.rule(("The Harbor Tower, which will rise to [320 meters], is to be topped out next year.", "level"),
           ("The new bridge's main tower will stand [180 meters] tall when finished in 2026.", "level"),
           cues=("rise", "rises", "soar", "soars", "stand", "stands", "tall", "high"))
def height_of_a_building(f: Figure):
    """How tall a building or other thing being built will be ('The Harbor Tower, which will rise to 320 meters, is to be
    topped out next year', 'will stand 180 meters tall') is its size, not a goal: its milestone is the goal. (Only a
    thing built is named: 'the water level will rise to 4.5 meters' is no size.)"""
    if f.q.unit != "m" or not (_RISES_TO.search(f.before) or _TALL_AFTER.match(f.text, f.q.end)):
        return SKIP
    return "level" if _BUILT_NAMED.search(f.head) else SKIP


# "which will rise to", "will stand", "soars to": the height a thing reaches; "180 meters tall"
_RISES_TO = re.compile(r"\b(?:rises?|soars?|stands?)\s+(?:to\s+|at\s+)?(?:" + alternation("approximators") + r"\s+)?$", re.IGNORECASE)
_TALL_AFTER = re.compile(r"\s+(?:tall|high)\b")
_BUILT_NAMED = re.compile(r"\b(?:" + alternation("building_nouns") + "|" + alternation("built_project_nouns") + r")\b", re.IGNORECASE)


_ADDS = re.compile(r"\badd(?:s|ing)?\b", re.IGNORECASE)  # "adding", "which will add": what a thing adds, not what it holds
# "will open", "is expected to be completed", "will be put into use": a thing's opening still to come
_OPENING_AHEAD = re.compile(r"\b(?:will|to|shall)\s+(?:be\s+)?(?:fully\s+)?(?:open|reopen|opened|reopened|completed|finished|delivered|"
                           r"put\s+into\s+" + alternation("service_nouns") + r")\b", re.IGNORECASE)


@KIND.rule(("The festival is expected to draw 300,000 visitors over the [10-day] event.", "level"),
           ("Some 2 million visitors are expected during the [43-day] expo.", "level"))
def duration_of_a_thing(f: Figure):
    """How long a known thing lasts, written as its adjective ('over the 10-day event', 'during the 43-day expo'), says
    what the thing is, not what a goal met during it is to reach: a level."""
    q = f.q
    return "level" if q.unit in _DURATION_UNITS and _is_adjectival(f) and _known_thing(f) else SKIP


@KIND.rule(("Construction of the [350-meter] Harbour Gate tower will begin in the second quarter.", "level"),
           ("The [800]-bed Central Hospital will open at the end of this year.", "level"),
           ("Both new piers, the 60-meter East Pier and the [12-story] Ferry House beside it, are due to be finished next year.", "level"),
           ("A third data hall with [2,400] racks is set to start operation in the autumn.", "level"),
           ("The new library, with a floor area of [40,000 square meters], will open next year.", "level"),
           ("A third phase covering [0.8 square kilometers] is expected to break ground in 2025.", "level"),
           ("An electric bus testing and demonstration zone covering [3 square kilometers] will open in May.", "level"),
           ("A third block of [52,000 square meters] is under construction and is due to open in 2027.", "level"),
           ("A new sports park of [80,000 square meters] is slated to open next year.", "level"),
           ("The district aims to gather 1,000 firms along the [21-kilometer] stretch of the creek by 2028.", "level"),
           ("Covering [2.3 square kilometers], the new zone is expected to attract 500 firms by 2026.", "level"),
           ("The town will finish topping out the harbour's [320-meter] office tower in the spring.", "level"),
           ("The planned [2.5-kilometer] riverside trail, which opened in May, now draws 8,000 walkers a day.", "level"),
           ("When completed in 2026, the [800]-bed hospital will serve 1 million residents.", "level"),
           ("A [25-hectare] sports park, slated to open next spring, will have three football pitches.", "level"),
           ("With [900] rooms, the hotel is set to become the largest on the island when it opens in June.", "level"),
           ("A tram depot opens in the spring, and a [4.5-kilometer] greenway along the creek is due to be finished in 2026.", "level"),
           ("The town aims to double its ferry trips by 2027, and a cycle bridge of about [300 meters] across the canal is "
            "due to open next spring.", "level"))
def size_of_the_subject(f: Figure):
    """A size or count that describes the thing a clause is about, before its verb, as an adjective ('the 480-meter
    tower'), after 'with' ('a computing center with 5,000 servers') or, for an extent, in the noun phrase that opens the
    sentence or a clause joined by 'and' ('A third block covering 0.8 square kilometers', 'A third block of 52,000
    square meters is under construction', '..., and a cycle bridge of about 300 meters is due to open'), says what the thing is, though the clause goes on to its future ('will start', 'is slated to open'):
    the milestone is the goal, not the figure ('A new park of 120,000 square meters is slated to open' describes it too).
    So does the size of the place where a goal is to be met ('along the 21-kilometer stretch'), and the extent a
    participle opening the sentence tells ('Covering 2.3 square kilometers, the new zone is expected to ...')."""
    q = f.q
    if q.unit in MONEY_UNITS or q.unit in _NOT_SIZES:
        return SKIP
    adjectival = _is_adjectival(f)
    if q.unit in EXTENT_UNITS and _OPENING_PARTICIPLE.fullmatch(f.text, f.sentence.start, q.start) and _ASIDE_CLOSES.match(f.text, q.end):
        return "level"  # "Covering 2.3 square kilometers, the new zone is expected to ...": what the subject is
    opening = q.unit in EXTENT_UNITS and _opens_its_clause(f)
    if not (adjectival or opening or _WITH_BEFORE.search(f.before)):
        return SKIP
    if adjectival and _known_thing(f):
        return "level"
    if _TARGET_BEFORE.search(_own_clause_before(f)):
        return SKIP  # the object of a goal's verb ("plans to build a 6-sq-km zone"): the goal's size
    if _WITH_ASIDE.search(f.before) and _ASIDE_CLOSES.match(f.text, q.end):
        return "level"  # "The new library, with a floor area of 40,000 square meters, will open": an aside of what it has
    if (adjectival or _OPENING_WITH.fullmatch(f.head)) and "," not in f.head and _FINITE_WORDS.isdisjoint(words_of(f.head)) \
            and _ASIDE_CLOSES.match(f.text, q.end) and not _CUE_BEFORE_COMMA.match(f.text, q.end) and (
            _TARGET_AFTER.search(f.rest) or not _FUTURE_WORDS.isdisjoint(words_of(f.rest))):
        return "level"  # "A 40-hectare wetland park, slated to open next year, will have ...": the subject's size, its future after an aside
    return "level" if _future_predicate_follows(f) else SKIP


def _opens_its_clause(f: Figure) -> bool:
    """The measure is of the noun phrase that opens its sentence ('A third wing of 30,000 square meters is ...'), or
    that opens a clause joined by 'and' with a subject of its own ('..., and a 2-km pipeline of about 20 km is to ...')."""
    if _OPENING_NP_MEASURE.fullmatch(f.text, f.sentence.start, f.q.start):
        return True
    joined = _JOINED_CLAUSE_OPENS.search(f.before)
    return joined is not None and _OPENING_NP_MEASURE.fullmatch(f.before, joined.end()) is not None


def _own_clause_before(f: Figure) -> str:
    """The words before the figure in which a goal's verb would take it as its object: :attr:`target_before`, less a
    clause before its own that its own, joined by 'and', does not continue ('The line is set to open next year, and a
    2.3-kilometer park is to be finished in 2025': the park's clause has a subject of its own)."""
    before = f.target_before
    joined = _JOINED_CLAUSE_OPENS.search(before)
    return before[joined.end():] if joined else before


# a clause joined by 'and' that opens with a subject of its own: an article or a determiner after the conjunction
_JOINED_CLAUSE_OPENS = re.compile(r",\s+and\s+(?=(?:an?|the|its|their)\s+[^,;]*$)", re.IGNORECASE)


def _future_predicate_follows(f: Figure) -> bool:
    """The clause after the figure goes on in the future ('A new data hall with 2,000 racks is slated to
    open next year'): the predicate's aim, not the figure's; but a cue inside an aside of 'with' set off by commas is
    the aside's own ('The second hub, with 300 firms expected to move in by 2026, will open': a goal)."""
    if not _clause_goes_on_to_the_future(f):
        return False
    return not (_COMMA_WITH_BEFORE.search(f.before) and _CUE_BEFORE_COMMA.match(f.text, f.q.end))


def _clause_goes_on_to_the_future(f: Figure) -> bool:
    """The clause after the figure holds a cue of aim or a word of the future ('is slated to open', 'will open')."""
    after = f.goal_clause_after
    return bool(_TARGET_AFTER.search(after)) or not _FUTURE_WORDS.isdisjoint(words_of(after))


_OPENING_WITH = re.compile(r"\W*With\s+(?:" + alternation("approximators") + r"\s+)?")  # "With 1,200 rooms, the resort ...": what the subject has
_COMMA_WITH_BEFORE = re.compile(r",\s*with\s+[^,;.]*$")
_CUE_BEFORE_COMMA = re.compile(r"[^,;.]*?\b(?:" + phrase_pattern(_CUES["target_after"]) + r"|" + alternation("aim_participles", "schedule_participles")
                               + r")\b[^,;.]*,")


def _is_adjectival(f: Figure) -> bool:
    """A measure written as an adjective: '480-meter', '6-sq-km', or a count with its noun hyphened on ('600-bed')."""
    return bool(_ADJECTIVAL_SIZE.search(f.q.text) or (f.q.unit == "count" and _COUNT_AS_ADJECTIVE.match(f.text, f.q.end)))


def _known_thing(f: Figure) -> bool:
    """An adjectival size of a thing named as known or as a place: 'along the 21-kilometer stretch' (where, not what the
    goal makes), 'the North Bund's 480-meter landmark tower' (already there), 'The planned 2.5-kilometer trail, which
    opened in May, now draws ...' (the plan's size, built: no future told after it)."""
    before = f.before
    if _PLACE_BEFORE.search(before) or _DEFINITE_BEFORE.search(before):
        return True
    return bool(_PLANNED_ATTRIBUTE.search(before)) and _FUTURE_WORDS.isdisjoint(words_of(f.rest)) and not _TARGET_AFTER.search(f.rest)


@KIND.rule(("The district aims to put every resident within a [15-minute] walk of a clinic by 2025.", "level"),
           ("The plan hopes that 90 percent of homes will be within [500 meters] of a park.", "level"),
           ("Every village will be within [30 minutes'] drive of a county hospital.", "level"),
           ("The county aims to bring all households within a [10-minute] service circle by 2026.", "level"))
def proximity_bound(f: Figure):
    """A distance or travel time after 'within' and before 'of' a kind of place ('within a 15-minute walk of a clinic',
    'within 500 meters of a park') says how near a thing must be to count: the measure of the goal, not its value, a level
    ('within ten minutes' walk of a bus stop'); the goal is the share or number of things so placed. So
    does one written as the adjective of an area of reach ('within a 10-minute service circle'), unless a place named
    follows ('within a 30-minute ride of downtown': a travel time a line will bring, a goal)."""
    if f.q.unit not in _NEAR_UNITS or not _WITHIN_BEFORE.search(f.before):
        return SKIP
    if _OF_A_PLACE_AFTER.match(f.text, f.q.end):
        return "level"
    return "level" if _ADJECTIVAL_SIZE.search(f.q.text) and not _OF_A_PLACE_NAMED_AFTER.match(f.text, f.q.end) else SKIP


_NEAR_UNITS = frozenset(("minute", "hour", "km", "m"))
_WITHIN_BEFORE = re.compile(r"\bwithin\s+(?:an?\s+|the\s+)?(?:" + alternation("approximators") + r"\s+)?$", re.IGNORECASE)
# "walk of", "' drive of", "of a park": what the distance is measured to
# (a kind of place, "of a park", "of the nearest school": a rule of nearness; "within 30 minutes of downtown" is a
# travel time a line will bring, a goal)
# "-minute ride of downtown", "-minute drive of the city center": a place named after the adjective's noun
_OF_A_PLACE_NAMED_AFTER = re.compile(r"(?:\s+[\w-]+){1,3}?\s+of\s+(?!an?\b|every\b|each\b|the\s+nearest\b)", re.IGNORECASE)
_OF_A_PLACE_AFTER = re.compile(r"(?:[’']s?)?(?:\s+(?:" + alternation("travel_modes") + r"))?\s+of\s+(?:an?|every|each|the\s+nearest)\b", re.IGNORECASE)


@KIND.rule(("The company, which employs [3,000] people, plans to double its output by 2025.", "level"),
           ("The project, worth [12 billion yuan], is scheduled for completion in 2027.", "level"),
           ("The tramway, linking the harbor to the old town in about [25 minutes], is slated to start construction this year.", "level"),
           ("The shipyard, built with an investment of [7.5 billion yuan], is to begin launching hulls in 2029.", "level"),
           ("The campus, which currently trains [9,000] students, is expected to double in size by 2030.", "level"),
           ("The town's tram network, now [38 kilometers] in length, will grow to 60 kilometers by 2029.", "level"),
           ("Li said that Line 9, whose second phase is [14.2 kilometers] long, is expected to open in June.", "level"))
def aside_of_the_subject(f: Figure):
    """A figure in an aside right after the sentence's subject, in the present ('The company, which employs 3,000
    people, plans to ...', 'The tram network, now 38 kilometers in length, will grow to ...'), as the thing's worth ('The
    project, worth 12 billion yuan, is scheduled ...') or told by a
    participle of what it is or does ('The tramway, linking the harbor to the old town in about 25 minutes, is slated ...'),
    says what the subject is, whatever the main clause plans. Not an aside that states an aim of its own ('The line,
    which is expected to cut travel time to 30 minutes, will open in 2026'): its figure is a goal."""
    head = f.head
    if may_open_with_an_aside(head) and _SUBJECT_ASIDE.match(f.text, f.sentence.start, f.q.start) and _ASIDE_CLOSES.match(f.text, f.q.end):
        return SKIP if _is_target(head[head.find(",") + 1:], "", f.year) else "level"
    return SKIP


@KIND.rule(("The terminal, which cleared [1.8 million] passengers in 2022, is expected to clear 2.5 million by 2026.", "level"),
           ("The business district, whose office rents rose [6.5 percent] in 2023, is set to add two towers next year.", "change"),
           ("Songjiang's film park, where visitors spent [1.2 billion yuan] last year, will open a second studio in May.", "level"),
           ("The steel mill, whose output was [3.2 million tons] in 2022, plans to cut it by a tenth.", "level"),
           cues=("which", "who", "that", "whose", "where"))  # (the words that open _PAST_RELATIVE_ASIDE)
def past_aside_of_the_subject(f: Figure):
    """A relative clause in the past set off by commas after a sentence's subject ('The port, which handled 4.2 million
    containers last year, is expected to handle 6 million by 2027', 'whose office rents rose 6.5 percent in 2023', 'whose
    output was 3.2 million tons in 2022') tells what the subject did or was: its figures are amounts or changes of that past, whatever the main clause after it
    plans."""
    m = _PAST_RELATIVE_ASIDE.search(f.head)
    # its verb: the first word after "which", or one of the first words after "whose" or "where" (its subject before it)
    words = [w.lower() for w in _WORD_RUN.findall(m.group("rest"))[:1 if m.group("lead").lower() in _SUBJECT_RELATIVES else 6]] if m else []
    if not any(w.endswith("ed") or w in _IRREGULAR_PAST or w in ("was", "were") for w in words):
        return SKIP
    if not _ASIDE_CLOSES.match(f.text, f.q.end) or _is_target(f.head[m.start():], "", f.year):
        return SKIP
    if _part_of_a_whole(f) or _share_subject(f):
        return "share"  # "whose share of exports rose to 31 percent last year"
    up, down = _last_change_words(f.head[m.start():])
    return "change" if (up or down) and f.q.unit in ("percent", "pp", "times") or _UP_DOWN.search(f.before) else "level"


# ", which handled", ", whose office rents rose", ", where visitors spent": a relative clause opening, its verb in the past
_SUBJECT_RELATIVES = word_class("subject_relative_pronouns")  # "which", "who", "that": the clause's verb comes next
_PAST_RELATIVE_ASIDE = re.compile(r",\s*(?P<lead>which|who|that|whose|where)\s+(?:also\s+)?(?P<rest>[^,;:]*)$")


@KIND.rule(("The Riverside Science Park, where 20 firms with a total investment of [8 billion yuan] are based, is set to open "
            "its second phase in 2026.", "level"),
           ("The new town, where [3,000] homes are under construction, will open its first school in September.", "level"),
           cues=("where",))
def where_aside_of_the_subject(f: Figure):
    """A clause of place in the present set off by commas after a sentence's subject ('The science park, where 20 firms
    with a total investment of 8 billion yuan are based, is set to open ...', 'where 3,000 homes are under
    construction') tells what is there now: its figures are amounts of now, whatever the main clause after it plans.
    Not one that plans itself ('where 5,000 homes are to be built')."""
    m = _WHERE_ASIDE.search(f.head)
    close = _ASIDE_CLOSES.match(f.text, f.q.end) if m else None
    if close is None:
        return SKIP
    aside = m.group(0) + f.text[f.q.end:close.end()]
    if not _PRESENT_STATE.search(aside) or _is_target(aside, "", f.year):
        return SKIP
    return "level"


# ", where 20 firms with a total investment of": a clause of place after the subject, its verb to come after the figure
_WHERE_ASIDE = re.compile(r"^[^,;:]{3,80},\s*where\s+[^,;:]*$", re.IGNORECASE)
# "are based", "is under construction", "have settled": the present, not "are to be built", "are expected to"
_PRESENT_STATE = re.compile(r"\b(?:is|are|has|have)\b(?!\s+(?:to|been\s+planned|expected|set|due|scheduled|planned|slated|poised)\b)", re.IGNORECASE)


@KIND.rule(("A [3-billion-yuan] chip packaging plant in the zone is expected to start production in June.", "level"),
           ("The district's [2.6-billion-yuan] sewage plant upgrade will be finished by October.", "level"),
           ("Harlow Foods will start production at its new [45,000-square-meter] factory in the port area in May.", "level"),
           ("The carmaker plans to begin trial runs at its [3-billion-yuan] plant in the north of the county next spring.", "level"),
           ("The group will open a [25,000-square-meter] research center in the old mill district in the second half.", "level"))
def what_a_built_thing_is(f: Figure):
    """Money or a count of units written as an adjective of a thing being built, in the clause's subject ('a
    3-billion-yuan plant', 'the 800-bed hospital'), says what the thing is: its milestone ('is expected to start
    production in June') is the goal. Money of an industry ('a 100-billion-yuan cluster is expected to take shape') is
    the goal's figure, and so is the object of a verb of aim ('plans to build a 2-billion-yuan hub'). A size, money or
    area, of the built thing where a milestone takes place ('will start production at its new 45,000-square-meter
    factory', 'trial runs at its 3-billion-yuan plant') or that a milestone opens or completes ('will open a
    25,000-square-meter research center') is what the thing is too: the opening or the start is the goal."""
    q = f.q
    money_or_count = (q.unit in MONEY_UNITS and _ADJECTIVAL_SIZE.search(q.text)) or (q.unit == "count" and COUNT_ADJECTIVE.match(f.text, q.end))
    if not (money_or_count or (q.unit in AREA_UNITS and _ADJECTIVAL_SIZE.search(q.text))):
        return SKIP  # (the cheap test first: most figures are no adjective)
    if _BUILT_THING_AFTER.match(f.text, q.end) is None:
        return SKIP
    if _SITE_OF_A_MILESTONE.search(f.before):
        return "level"
    if not money_or_count or _TARGET_BEFORE.search(f.target_before):
        return SKIP
    return "level" if _clause_goes_on_to_the_future(f) else SKIP


# "(start production) at its new", "(will) open a", "complete the": the built thing is where a milestone happens, or what it opens
_SITE_OF_A_MILESTONE = re.compile(r"(?:\bat|\b(?:" + alternation("completing_verbs", "milestone_end_verbs") + r")(?:s|es)?)\s+(?:its|their|the|a|an)\s+(?:"
                                  + alternation("novelty_adjectives") + r"\s+)?$", re.IGNORECASE)


@KIND.rule(("The new stadium, a [60,000-seat] arena, is expected to open in May next year.", "level"),
           ("The Harbour Tower, an [88-storey] building, will be topped out in 2027.", "level"),
           ("In Zone B, the new chip plant, with an investment of [8 billion yuan], is expected to start production in 2026.", "level"),
           ("The new science hall, with [40,000 square meters] of exhibition space, will open in the fourth quarter.", "level"),
           ("The district, a hub of [300] biotech firms, aims to double its output by 2030.", "level"),
           ("The harbour park, with a planned area of [80 hectares], will welcome its first visitors in autumn.", "level"),
           ("Sales are expected to reach 8 billion yuan this year, and a new plant, with [600] robots, will start production in May.",
            "level"),
           ("Two of the new buildings, a [30-storey] hotel and a museum, are due to open next year.", "level"))
def appositive_of_the_subject(f: Figure):
    """A noun phrase set off by commas between a sentence's subject and its predicate, an appositive ('The new stadium,
    a 60,000-seat arena, is expected to open') or a 'with' phrase of what the thing holds ('the chip plant, with an
    investment of 8 billion yuan, is expected to ...', 'The hall, with 40,000 square meters of exhibition space, will'), says what the subject is: its figures describe the thing, the
    predicate's milestone or goal being the aim. So does the extent laid out for it ('with a planned area of 2.4 square
    kilometers'), and an aside of the subject of a clause joined by 'and' ('..., and a new plant, with 600 robots, will
    start production'). Not when the words before the aside hold a verb (then it is no subject, but a clause whose
    object the aside may restate)."""
    m = _APPOSITIVE_ASIDE.match(f.text, f.sentence.start, f.q.start) or _appositive_of_a_joined_clause(f)
    if m is None:
        return SKIP
    subject = [w.lower() for w in _LETTERS.findall(m.group("subject"))]
    if not subject or subject[0] in _ADVERBIAL_PREPOSITIONS or not _FINITE_WORDS.isdisjoint(subject):
        return SKIP  # "By 2026, a total of 500 firms ...": a time, no subject; "The district plans to build a ...": a clause
    if (f.prev is not None and f.prev.start >= m.start("subject")) or (
            not _CARDINALS.isdisjoint(subject) and not (_is_adjectival(f) and _ARTICLE_ASIDE.fullmatch(f.text, m.end("subject"), f.q.start))):
        # "A total of 35 projects (Thirty projects), with a combined investment of 62 billion yuan, will ...": the things
        # counted's; but "Two of the projects, a 3-GW battery plant and a biomedicine base, are ...": what one of them is
        return SKIP
    if _is_target(f.text[m.end("subject"):f.q.start], "", f.year):
        return SKIP  # "the port, with a planned investment of 1.8 billion yuan, ...": the aside states a goal
    closes = _ASIDE_BEFORE_PREDICATE.match(f.text, f.q.end)
    # (the aside holds no verb of its own: "a total of 500 firms will move in, now ..." is a clause; nor a word of aim
    # after the figure: "with annual output of 5 billion yuan expected once completed")
    if closes is None or _is_target("", closes.group("rest"), f.year) or _TARGET_BEFORE.search(closes.group("rest")):
        return SKIP
    return "level" if _FINITE_WORDS.isdisjoint(w.lower() for w in _LETTERS.findall(closes.group("rest"))) else SKIP


# an opening adverbial ("Among them, "), the subject, then an appositive ("a 320-meter tower") or a "with" phrase of
# what the thing holds ("with an investment of 13.5 billion yuan", "with 150,000 square meters of labs") that the figure
# stands in
_APPOSITIVE_ASIDE = re.compile(r"(?:[^,;:]{2,40},\s*)?(?P<subject>(?:[Tt]he|[A-Z])[^,;:]{2,80}),\s*"
                               + alternation("appositive_openers") + r"\s[^,;:]*$")
# the aside closes and the predicate of the subject follows
# the subject of a clause joined by "and" or "but", then its aside: "..., and a second tower, with"
_JOINED_CLAUSE = re.compile(r"[,;]\s+(?:and|but|while)\s+(?=(?:[Tt]he|[Aa]n?|[A-Z])\b)")
_JOINED_APPOSITIVE = re.compile(r"(?P<subject>(?:[Tt]he|[Aa]n?|[A-Z])[^,;:]{2,80}),\s*" + alternation("appositive_openers") + r"\s[^,;:]*$")


def _appositive_of_a_joined_clause(f: Figure) -> re.Match | None:
    """The aside of the subject of the last clause joined by 'and' before the figure ('..., and a new annex, with
    60,000 square meters of floor space, is slated ...'), as _APPOSITIVE_ASIDE's match."""
    joined = None
    for joined in _JOINED_CLAUSE.finditer(f.text, f.sentence.start, f.q.start):
        pass
    return _JOINED_APPOSITIVE.match(f.text, joined.end(), f.q.start) if joined is not None else None


_ASIDE_BEFORE_PREDICATE = re.compile(r"(?P<rest>[^,;.]*),\s+(?:" + alternation("predicate_starts") + "|"
                                     + phrase_pattern(word_lists("words")["goal_verbs"]) + r")\b")
_ADVERBIAL_PREPOSITIONS = frozenset(word_lists("grammar")["adverbial_prepositions"])
_ARTICLE_ASIDE = re.compile(r",\s*an?\s+")
_CARDINALS = frozenset(w.lower() for w in word_lists("scales")["cardinals"])  # "Thirty key projects, with ..."
_FINITE_WORDS = frozenset(word_lists("grammar")["predicate_starts"] + word_lists("grammar")["modal_verbs"] + word_lists("words")["goal_verbs"]
                          + ["to"])


@KIND.rule(("The district will set up a [3-billion-yuan] venture fund next year.", "level"),
           ("Minhang plans to launch a new [500-million-yuan] talent fund.", "level"),
           ("The area will build a [4-square-kilometer] \"robot town\" in two phases.", "level"),
           ("The county plans to develop a new [12-hectare] wetland park on the former salt fields.", "level"),
           ("A [200-million-yuan] seed fund launched in 2022 will back student start-ups.", "level"),
           ("A [1-billion-yuan] fund for green shipping will be established next year.", "level"))
def size_of_what_is_set_up(f: Figure):
    """Money written as an adjective of a thing a goal sets up ('will set up a 3-billion-yuan venture fund', 'plans to
    launch a new 500-million-yuan talent fund') is the size of that thing, which the goal creates: a level; so is the
    area of a place a goal builds or develops ('will build a 4-square-kilometer robot town', 'to develop a new 12-hectare
    wetland park'): what the place is, the building being the goal (eval/README: a size of a thing in a sentence about
    its future). (To make a thing a size, 'to make robotics a 50-billion-yuan industry', is a goal's figure: no verb of
    setting up; and a length built, 'to build a 100-kilometer greenway', measures the work, not a place.) Money of a
    thing set up already ('A 200-million-yuan seed fund launched in 2022 will back ...') or still to be ('A 1-billion-yuan
    fund ... will be established next year': the setting up is the milestone) is its size too (any fund's: size_of_a_fund)."""
    q = f.q
    if not _ADJECTIVAL_SIZE.search(q.text):
        return SKIP
    if q.unit in MONEY_UNITS:
        return "level" if (_SET_UP_BEFORE.search(f.before) or _SET_UP_BEFORE_NOW.match(f.text, q.end)
                           or _TO_BE_SET_UP_AFTER.match(f.text, q.end)) else SKIP
    return "level" if q.unit in AREA_UNITS and _PLACE_MADE_BEFORE.search(f.before) else SKIP


# "-yuan angel fund", "-yuan industrial guidance fund": money written as a fund's adjective is what the fund holds, its size
_A_FUND_AFTER = re.compile(r"(?:\s+[\w’'-]+){0,3}?\s+funds?\b", re.IGNORECASE)
_SET_UP_BEFORE = re.compile(r"\b(?:" + alternation("setting_up_verbs") + r")\s+an?\s+(?:" + alternation("novelty_adjectives") + r"\s+)?$", re.IGNORECASE)
# "-yuan AI industry fund set up last year", "-yuan fund launched in 2021": the thing named, then its founding in the past
_SET_UP_BEFORE_NOW = re.compile(r"(?:\s+[\w’'-]+){1,4}?\s+" + alternation("start_participles") + r"\s+(?:last\s+year|in\s+(?:19|20)\d\d|earlier|"
                                r"(?:two|three|four|five)\s+years\s+ago)\b", re.IGNORECASE)
# "A 5-billion-yuan industrial fund for the auto sector will be set up this year": the thing, then its setting up to come
_TO_BE_SET_UP_AFTER = re.compile(r"(?:\s+[\w’'-]+){1,6}?\s+(?:will|is\s+to|are\s+to|is\s+expected\s+to|is\s+due\s+to)\s+be\s+"
                                 + alternation("start_participles") + r"\b", re.IGNORECASE)
_PLACE_MADE_BEFORE = re.compile(r"\b(?:" + alternation("setting_up_verbs", "place_making_verbs") + r")\s+an?\s+(?:" + alternation("novelty_adjectives")
                                + r"\s+)?$", re.IGNORECASE)


@KIND.rule(("A town fund of [800 million yuan] will back the repair of old bridges.", "level"),
           ("The county plans to set up an innovation fund of about [2 billion yuan] next year.", "level"),
           ("Young firms in the zone will draw on a [500-million-yuan] innovation fund.", "level"),
           ("Grants will come from the city's [3-billion-yuan] green transport funds.", "level"),
           cues=("fund", "funds"))
def size_of_a_fund(f: Figure):
    """A fund's money, named after it ('A town fund of 800 million yuan will back the repair of old bridges', 'set up an
    innovation fund of about 2 billion yuan') or written as its adjective ('draw on a 500-million-yuan innovation fund'),
    is what the fund holds, its size: a level, whatever the sentence says the fund will do; what it will do, or its
    setting up, is the goal."""
    q = f.q
    if q.unit not in MONEY_UNITS:
        return SKIP
    return "level" if _FUND_OF_BEFORE.search(f.before) or (_ADJECTIVAL_SIZE.search(q.text) and _A_FUND_AFTER.match(f.text, q.end)) else SKIP


# "a district fund of (about)", "an innovation fund of": a fund with an article, then its size
_FUND_OF_BEFORE = re.compile(r"\b(?:an?|the)\s+(?:[\w’'-]+\s+){0,3}?funds?\s+of\s+(?:" + alternation("approximators") + r"\s+)?$", re.IGNORECASE)


@KIND.rule(("The district will continue to support its [1,200] high-tech firms.", "level"),
           ("We will help our [300] listed companies grow.", "level"), cues=("its", "their", "our"))
def owned_count(f: Figure):
    """A count after a possessive ('its 1,200 high-tech firms', 'our 300 listed companies') names things that exist
    already, whatever a goal says of them: a level."""
    return "level" if f.q.unit == "count" and _POSSESSIVE_BEFORE.search(f.before) else SKIP


_POSSESSIVE_BEFORE = re.compile(r"\b(?:its|their|our)\s+(?:" + alternation("approximators") + r"\s+)?$", re.IGNORECASE)


@KIND.rule(("In the past two years the town has signed 57 deals with a total planned investment of [13 billion yuan].", "level"),
           ("Since 2020 the zone has introduced 95 research projects with a combined planned investment of roughly [6 billion yuan].", "level"),
           ("The zone has attracted 120 foreign-funded projects, with planned investment totaling [US$3 billion].", "level"),
           cues=("investment",))  # (a word _DEALS_MADE_INVESTMENT needs)
def investment_of_deals_made(f: Figure):
    """The planned investment of projects a verb in the past says were signed, introduced or attracted ('has signed 57
    deals with a total planned investment of 13 billion yuan') is the size of deals already made: a level, though
    'planned' names what the investors plan to spend (a plant 'is being built with a planned investment of' is a goal)."""
    if f.q.unit not in MONEY_UNITS:
        return SKIP
    m = _DEALS_MADE_INVESTMENT.search(f.head)
    # (not deals a goal is to make: "aims to have signed 50 projects with a total planned investment of ... by 2025")
    return "level" if m and not _is_target(f.head[:m.start()], f.goal_after_until_next, f.year) else SKIP


# "has signed 86 projects with a total planned investment of", "introduced 40 industrial projects, with planned investment totaling"
_DEALS_MADE_INVESTMENT = re.compile(r"\b" + alternation("deal_made_participles") + r"\s+(?:a\s+total\s+of\s+)?(?:" + alternation("approximators")
                                    + r"\s+)?\d[\d,.]*\s+(?:[\w-]+\s+){0,4}?" + alternation("deal_nouns") + r",?\s+with\s+(?:an?\s+|the\s+)?(?:"
                                    + alternation("sum_adjectives") + r"\s+)?planned\s+(?:total\s+)?investment\s+(?:of|totall?ing|exceeding|over)\s+(?:"
                                    + alternation("approximators") + r"\s+)?(?:RMB\s*|US\$|\$)?$", re.IGNORECASE)


@KIND.rule(("This year the county aims to begin work on 12 water projects with a total investment of [7 billion yuan].", "level"),
           ("The county plans to launch 40 key projects in 2027, with a combined investment of [55 billion yuan].", "level"),
           ("The port plans to start 9 berth projects this year; their total investment comes to [23 billion yuan].", "level"),
           cues=("investment",))
def total_investment_of_the_projects(f: Figure):
    """The total investment of the projects a goal counts ('40 key projects, with 55 billion yuan of combined
    investment', '...; together they are worth 23 billion yuan') is what those projects are worth, their
    size, told beside the goal of carrying them out: a level (the count of projects is the goal). Not what is planned to
    be invested ('some 6 billion yuan of it to be invested in 2027'), nor a planned investment ('with a total planned
    investment of', the investors' aim), nor the money of projects that are the subject ('Some 20 works, worth 9 billion yuan
    together, are to begin in the spring': the goal's), nor a total investment that a goal's
    verb makes its object ('Total investment
    is expected to reach 86 billion yuan')."""
    p = f.prev
    if p is None or p.kind != "target" or f.q.unit not in MONEY_UNITS or not _TOTAL_INVESTMENT_BEFORE.search(f.before):
        return SKIP  # (the projects of a goal: what was signed or done is read as the past it is)
    counted = _COUNT_OF_PROJECTS.search(f.head)
    # (projects counted in the subject, the money in an aside before the predicate, 'A total of 35 projects, with a
    # combined investment of 62 billion yuan, will start this year', are the goal's, both)
    return "level" if counted and not _FINITE_WORDS.isdisjoint(words_of(f.head[:counted.start()])) else SKIP


# "with a total investment of", "with combined investment exceeding", "their total investment comes to": the projects' worth
_TOTAL_INVESTMENT_BEFORE = re.compile(r"\b(?:with|their|its)\s+(?:an?\s+)?(?:total|combined)\s+investment\s+(?:" + alternation("investment_links")
                                      + r"|comes\s+to|came\s+to|is|totals|totaling|totalling|stands\s+at)\s+(?:"
                                      + alternation("sibling_approximators") + r"\s+)?(?:RMB\s+|US\$|\$)?$", re.IGNORECASE)
# "12 water projects", "40 key projects": the things whose worth it is, counted before it
_COUNT_OF_PROJECTS = re.compile(r"\d[\d,]*\s+(?:[\w-]+\s+){0,3}?(?:" + alternation("deal_nouns") + r")\b", re.IGNORECASE)


@KIND.rule(("The county's previous plan had aimed to open [40] rural clinics; 46 were open by the end of 2022.", "level", "2023-05-01"),
           ("The airline had planned to fly [12] new routes that summer, but fuel costs rose.", "level"),
           ("Under its 2019-2021 plan the port had aimed for [1,200] berths, but it ended with 1,150.", "level", "2023-04-01"),
           ("Its last plan had aimed for farm income of [30,000 yuan] a head by 2022, a goal met a year late.", "level", "2024-02-01"),
           ("Revenue came in above plan: the budget passed in January had set growth of [4.5 percent].", "level"), cues=("had",))
def aim_told_as_past(f: Figure):
    """An aim told in the past perfect ('the previous plan had aimed to open 40 clinics', 'had planned to fly 12 new
    routes', 'had aimed for 1,200 berths', 'had aimed for farm income of 30,000 yuan a head by 2022', 'the budget passed in
    January had set growth of 4.5 percent') was held before a
    time already past: its figure is what was aimed at then, a level the text reports, not a goal still to come."""
    return "level" if _HAD_AIMED.search(f.target_before) else SKIP


_HAD_AIMED = re.compile(r"\bhad\s+(?:(?:" + alternation("past_aim_participles") + r")\s+(?:to|for|at)\s+(?:[\w’'-]+\s+){0,6}?"
                        # "the budget had set growth of N": the aim a past plan or budget set
                        r"|set\s+(?:an?\s+|the\s+)?(?:[\w’'-]+\s+){0,2}?(?:" + alternation("goal_nouns", "change_noun_cues") + r")\s+(?:of|at)\s+)(?:" + alternation("approximators") + r"\s+)?$", re.IGNORECASE)


@KIND.rule(("Exports climbed to 41 billion yuan, so the earlier plan's target of [35 billion yuan] was exceeded.", "level"),
           ("The last action plan's goal of [300] new firms was met a year early.", "level"),
           ("The earlier plan, covering 2018 to 2020, raised 7 billion yuan of venture capital, exceeding its target of [5 billion yuan].",
            "level"),
           ("Last year's target of [6 percent] growth was met.", "level"),
           ("The goal of [480] new clinics that we set early last year was exceeded.", "level", "2025-01-15"),
           ("The target of [90,000] electric buses for 2023, set in the city's 13th plan, was exceeded by 8,000 buses.", "level", "2024-03-01"),
           ("The town's plan for 2020 to 2022 set the goal of adding [40] research institutes; 44 were added.", "level", "2023-06-01"),
           ("Over the 2020-2022 action plan, water use fell by 12 percent, beating the plan's goal of [10 percent].", "level", "2023-04-01"),
           ("The 2021-2023 port plan has been fulfilled ahead of time: its goal of [25] new berths was reached in June.", "level",
            "2023-09-01"),
           cues=_key_words(word_lists("grammar")["goal_nouns"]))  # (the nouns _GOAL_VALUE_BEFORE needs)
def goal_of_an_ended_plan(f: Figure):
    """The goal of a plan whose time is over, one named as the previous, former or last plan or one whose years the
    sentence gives as ended ('for 2019 to 2021', said in 2023; 'last year's target', 'the 2022 target'), said to be met,
    exceeded or missed ('the target of 80
    billion yuan set in the previous plan was exceeded', 'exceeding its target of 10 billion yuan') is a figure of the
    past the text reports on: a level, not a goal still to come (a mid-term review's 'above the plan's goal of 1,400'
    is a goal). So is a goal the sentence says was met or exceeded, in the past ('The goal of 480 new clinics that we
    set early last year was exceeded'), with no time still to come named; and the goal a plan whose years are
    over set ('The town's plan for 2020 to 2022 set the goal of adding 40 institutes', 'beating the 2020-2022 plan's goal
    of 10 percent'), met or not (the years follow 'plan' or come before it: not a change's 'from 2020 to 2022'), or
    whose years end this year and which the sentence says was completed ('The 2021-2023 port plan has been fulfilled: its
    goal of 25 berths ...'). The goal's figure may
    follow a verb ('the goal of adding 40')."""
    if not _GOAL_VALUE_BEFORE.search(f.before):
        return SKIP
    sentence = f.text[f.sentence.start:f.sentence.end]
    plans = [(int(m["end"] or m["end2"]), m.end()) for m in _YEARS_OF_A_PLAN.finditer(sentence)]
    if f.year is not None and any(y < f.year or (y == f.year and _PLAN_COMPLETED.match(sentence, at)) for y, at in plans):
        return "level"
    if not _GOAL_MET_OR_MEETING.search(sentence):
        return SKIP
    if _ENDED_PLAN.search(sentence) or _LAST_YEARS_GOAL.search(sentence):
        return "level"
    if f.year is None:
        return SKIP
    if _GOAL_REPORTED_MET.search(sentence) and not any(int(y) >= f.year for y in _YEAR.findall(sentence)):
        return "level"
    ended = [int(m["end"]) for m in _PLAN_YEARS.finditer(sentence)] + [int(m["y"] or m["y2"]) for m in _DATED_GOAL.finditer(sentence)]
    return "level" if any(y < f.year for y in ended) else SKIP


_GOAL_MET_OR_MEETING = re.compile(r"\b" + alternation("goal_met_verbs", "goal_met_participles") + r"\b", re.IGNORECASE)
# "the target of", "its goal of about", "the goal of attracting": the figure is a goal's value
_GOAL_VALUE_BEFORE = re.compile(r"\b" + alternation("goal_nouns") + r"\s+of\s+(?:[a-z]+ing\s+)?(?:" + alternation("approximators") + r"\s+)?$",
                                re.IGNORECASE)
# "was exceeded", "were all met", "has been achieved": a goal told met, in the past
_GOAL_REPORTED_MET = re.compile(r"\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:[a-z]+ly\s+|all\s+)?(?:"
                                + alternation("goal_met_verbs") + r")\b", re.IGNORECASE)
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
# "the previous plan", "the last action plan's", "the former three-year plan": a plan before the one in force
_ENDED_PLAN = re.compile(r"\b" + alternation("earlier_plan_words") + r"\s+(?:[\w-]+\s+){0,2}?plan\b", re.IGNORECASE)
# "last year's target", "the goal for last year": a goal whose year is over
_LAST_YEARS_GOAL = re.compile(r"\blast\s+year[’']s\s+(?:annual\s+)?" + alternation("goal_nouns") + r"\b|\b" + alternation("goal_nouns")
                              + r"\s+(?:set\s+)?for\s+last\s+year\b", re.IGNORECASE)
# "the 2023 target", "2023's goal", "the target for 2023": a goal of a year named
_DATED_GOAL = re.compile(r"\b(?P<y>(?:19|20)\d\d)(?:[’']s)?\s+(?:annual\s+)?" + alternation("goal_nouns") + r"\b|\b" + alternation("goal_nouns")
                         + r"\s+(?:set\s+)?for\s+(?P<y2>(?:19|20)\d\d)\b", re.IGNORECASE)
# "for 2019 to 2021", "from 2019 to 2021", "(2019-2021)": the years a plan ran
_PLAN_YEARS = re.compile(r"(?:\b(?:for|from)\s+|\()(?:19|20)\d\d\s*(?:to|-|–)\s*(?P<end>(?:19|20)\d\d)\b")
# "plan, for 2019 to 2021", "plan (2019-2021)", "the 2019-2021 action plan": the years the plan named ran
_YEARS_OF_A_PLAN = re.compile(r"\b" + alternation("plan_title_nouns") + r",?\s+(?:for\s+|from\s+|covering\s+|\()(?:19|20)\d\d\s*(?:to|-|–)\s*(?P<end>(?:19|20)\d\d)\b"
                              r"|\b(?:19|20)\d\d\s*[-–]\s*(?P<end2>(?:19|20)\d\d)\s+(?:[\w-]+\s+){0,2}?" + alternation("plan_title_nouns") + r"\b")
# "(the plan for 2021 to 2023)[, which set ...,] was completed ahead of schedule": the plan itself done, its goals figures
# of the past; read right after the plan's years, past one aside of its own, so that another thing's completion in the
# sentence ('the first phase was completed in May, and the plan for 2024 to 2026 set ...') is not the plan's
_PLAN_COMPLETED = re.compile(r"\)?(?:\s*,\s*(?:which|that|whose)\b(?:[^,;:\n]|,(?=\d))*,)?\s+(?:was|were|has\s+been|had\s+been)\s+"
                             r"(?:[a-z]+ly\s+)?(?:completed|fulfilled|accomplished)\b", re.IGNORECASE)


@KIND.rule(("The [25] community gardens planned for the year were all finished by November.", "level", "2021-01-20"),
           ("All [40] schools planned for 2022 have been completed.", "level", "2023-01-10"))
def planned_and_done(f: Figure):
    """Things a participle of aim names ('the 25 gardens planned for the year', '40 schools planned for 2022') whose
    predicate tells them done ('were all finished', 'have been completed') are what was done: a level the text
    reports, the plan met, not a goal still to come."""
    m = _NOUN_THEN_AIM_PARTICIPLE.match(f.text, f.q.end)
    if m is None:
        return SKIP
    rest = _AIM_TIME.match(f.text, m.end())
    return "level" if _ALL_DONE_AFTER.match(f.text, rest.end() if rest else m.end()) else SKIP


# the time a plan was for, after its participle: "(planned for) the year", "(scheduled for) 2022", "(planned) this year"
_AIM_TIME = re.compile(r"\s+(?:(?:the|this|that|last)\s+year|(?:19|20)\d{2})\b")


@KIND.rule(("The count of licensed clinics rose to 640, above the [600] targeted for 2025.", "target"),
           ("About 960 charging piles were installed over the three years, short of the [1,200] planned.", "target"),
           ("Exports rose 4.8 percent a year, below the [7 percent] set in the plan.", "target"),
           ("Exports grew 2.1 percent a year, short of the [5 percent] expected in the plan.", "target"),
           ("So far 9 of the [16] new clinics in the plan have opened.", "target"),
           ("Exports grew 2.1 percent a year, short of the [5 percent] the plan set.", "target"),
           ("Of the [120] projects planned, 96 have been completed.", "target"))
def goal_participle_after(f: Figure):
    """A figure that a participle of aim right after it names as a goal ('the 2,500 targeted for 2025', 'the 5,000
    planned', 'the 6 percent set in the plan', 'the 5 percent expected in the plan'), or the figure of things a plan is
    said to hold ('9 of the 16 new clinics in the plan') or a participle of aim names ('Of the 120 projects planned, 96
    ...'), is a goal, though the sentence tells what was reached."""
    if _GOAL_PARTICIPLE_AFTER.match(f.text, f.q.end):
        return "target"
    if not _DEFINITE_BEFORE.search(f.before):
        return SKIP
    if SET_IN_THE_PLAN.match(f.text, f.q.end):
        return "target"
    # "Of the 120 projects planned, 96 ...": the participle after the things counted; not "the 12 projects planned for
    # last year were finished", a plan whose time is past
    m = _NOUN_THEN_AIM_PARTICIPLE.match(f.text, f.q.end)
    return "target" if m and not _past_time_at(f.text, m.end(), f.year) else SKIP


# the things planned, then their predicate in the past, done: "(planned for the year) were all finished", "have all been completed"
_ALL_DONE_AFTER = re.compile(r"\s+(?:were|was|have|has|had)\s+(?:all\s+)?(?:been\s+)?(?:all\s+)?" + alternation("completion_participles") + r"\b")
# the things counted, then a participle of aim, the phrase closing there or naming its time: "projects planned,"
_NOUN_THEN_AIM_PARTICIPLE = re.compile(r"(?:\s+[a-z][\w-]*){1,3}?\s+" + alternation("aim_participles") + r"(?=[,;.)]|\s+for\b)(?:\s+for)?")


_GOAL_PARTICIPLE_AFTER = re.compile(r"\s+(?:(?:targeted|planned|envisaged)(?!\s+(?:to|by)\b)|set\s+(?:in|by|out\s+in)\s+(?:the|its|our)\s+plan)\b",
                                    re.IGNORECASE)


@KIND.rule(("In its spring outlook the council had expected retail growth of roughly [7 percent], but the half year fell short.",
            "change"),
           ("Analysts had forecast sales of [40 billion yuan] for the spring.", "level"),
           ("In its spring review, the office had expected retail sales to grow about [4 percent]; actual growth was 4.4 percent.",
            "change"),
           cues=("had",))
def past_expectation(f: Figure):
    """What someone had expected ('In its spring outlook the council had expected retail growth of roughly 7
    percent'), the past perfect setting the expectation before the time of the report, is a figure of that past
    forecast, set against the outcome, not a goal still ahead: a change when a word of change names it ('growth of', 'to
    grow about'), else a level; not when a deadline still to come follows ('had expected to finish it by 2027')."""
    m = _HAD_EXPECTED.search(f.head)
    if m is None or _FUTURE_DEADLINE_AFTER.search(f.rest):
        return SKIP
    up, down = _last_change_words(f.head, m.start())
    return "change" if _CHANGE_NOUN_BEFORE.search(f.head, m.start()) or ((up or down) and f.q.unit in ("percent", "pp")) else "level"


_HAD_EXPECTED = re.compile(r"\bhad\s+(?:" + alternation("expecting_participles") + r")\b(?![^,;.]*\b(?:will|shall)\b)[^,;]*$", re.IGNORECASE)
_CHANGE_NOUN_BEFORE = re.compile(r"\b" + alternation("change_noun_cues") + r"\s+(?:of\s+)?(?:" + alternation("approximators") + r"\s+)?$", re.IGNORECASE)
_FUTURE_DEADLINE_AFTER = re.compile(r"\b(?:by|before)\s+(?:the\s+end\s+of\s+)?(?:20\d\d|next\s+year)\b", re.IGNORECASE)


@KIND.rule(("The bureau had forecast retail growth of about 4 percent for 2023; the actual figure was [4.3 percent].", "change", "2024-02-01"),
           ("Officials had forecast exports to grow about 3 percent; actual growth came in at [3.6 percent].", "change", "2025-01-20"),
           cues=("actual",))
def outcome_of_a_forecast(f: Figure):
    """The outcome told after a forecast of a change ('had forecast retail growth of about 4 percent; the actual figure
    was 4.3 percent') is what the changing measure did: a change, as the forecast was."""
    p = f.prev
    return "change" if p is not None and p.kind == "change" and _ACTUAL_WAS.search(f.before) else SKIP


_ACTUAL_WAS = re.compile(r"\bactual(?:\s+[a-z]+)?\s+(?:was|came\s+in\s+at|stood\s+at|turned\s+out\s+to\s+be)\s+(?:"
                         + alternation("approximators") + r"\s+)?$", re.IGNORECASE)


@KIND.rule(("This year's main goal, agreed in February, is tax revenue of 18 billion yuan and [1,500] new firms.", "target"),
           ("Our goals for next year are revenue of 30 billion yuan and [2,000] new jobs.", "target"),
           cues=("target", "targets", "goal", "goals", "objective", "objectives"))
def goal_as_subject(f: Figure):
    """A sentence whose subject is a goal and whose verb is 'is' or 'are' ('This year's main goal, agreed in February, is
    tax revenue of 18 billion yuan and 1,500 new firms') names goals in what follows: each figure after the
    verb is one; not a goal told as a clause ('Our goal is that by 2027 ... will exceed 120, compared with 87 today'),
    whose figures other rules read."""
    return "target" if _GOAL_AS_SUBJECT.match(f.head) else SKIP


_GOAL_AS_SUBJECT = re.compile(r"\W*(?:[\w’'-]+\s+){0,5}?" + alternation("goal_nouns") + r"\b(?:\s+for\s+[^,;.]{1,30}?)?(?:\s*,[^,;.]{1,60},)?"
                              r"\s+(?:is|are)\s+(?![a-z]+ed\b|that\b|to\b)(?:[^;.:]|\.(?=\d))*$", re.IGNORECASE)  # (a list after a colon: goal_list's)


@KIND.rule(("A battery plant built by Voltra will start production next spring, with an annual capacity of [50,000 packs] when it "
            "reaches full production in 2027.", "target"),
           ("The mill, which opens in June, makes [4,000 tons] of paper a year once it is fully running.", "target"),
           cues=_key_words(word_lists("grammar")["event_time_conjunctions"]))
def at_an_event_to_come(f: Figure):
    """What a thing does or holds when an event of its own comes ('an annual capacity of 50,000 packs when it reaches
    full production in 2027', 'makes 4,000 tons of paper a year once it is fully running') is expected then, not
    reported: a goal, timed by that event (the periods read its date, if any)."""
    return "target" if _EVENT_TO_COME_AFTER.match(f.after) else SKIP


# "... when it reaches full production", "... once it is fully running", "... when fully occupied": an event to come, right after
_EVENT_TO_COME_AFTER = re.compile(r"[^,;.]{0,50}?\b" + alternation("event_time_conjunctions") + r"\s+(?:(?:it|they)\s+(?:reach(?:es)?\s+" + FULL_CAPACITY
                                  + r"|(?:is|are)\s+fully\s+[a-z]+)|fully\s+[a-z]+)\b", re.IGNORECASE)


@KIND.rule(("The district aims to attract [3,000] high-tech enterprises.", "target"),
           ("Within five years, the district hopes to have [500] high-tech firms.", "target"),
            ("Output will reach [200 billion yuan] by 2025.", "target"),
            ("Some 1,600 beds were added last year, and [3,500] more are to come before 2027.", "target"),
            ("The new bridge, which will cut the drive across the river to [10 minutes], is slated to open next year.", "target"),
            ("Tourism revenue is likely to top [20 billion yuan] this year.", "target"),
            ("The Riverside Book Fair will be held every spring, with no fewer than [800] exhibitors each year.", "target"),
            ("The county aims to lift the output of its tea gardens, known as the Green Belt, to [20 billion yuan] (about $2.8 "
             "billion) by 2027.", "target"),
            cues=_key_words(_CUES["target_before"], _CUES["target_after"], ["by", "before"]))
def goal_cue(f: Figure):
    """A word of aim, plan or expectation before the figure ('aims to', 'plans', 'expected to'), or after it in its
    clause, or a deadline still to come after it ('by 2025', 'before 2027'), makes the figure a goal; a short phrase of
    'with' goes on with the clause before it ('will be held every spring, with no fewer than 800 exhibitors'). A participle right
    after the figure before ('the 900 planned for the three years, and opened 25') is that figure's, not this one's."""
    before, after = f.target_before, f.goal_after_until_next
    if f.prev is not None and f.window_start == f.prev.end and len(before) == f.q.start - f.window_start:
        owned = _PARTICIPLE_OF_THE_FIGURE_BEFORE.match(before)
        before = before[owned.end():] if owned else before
    if f.q.unit == "percent" and _PLANNED_WHOLE.match(after):
        after = ""  # "90 percent of the projects planned for this year have started": the whole was planned, the part done
    return "target" if _is_target(before, after, f.year) else SKIP


# a percentage of a whole that a participle of aim describes: "of the projects planned for this year"
_PLANNED_WHOLE = re.compile(r"\s+of\s+(?:the|its|their|all)\s+(?:[\w’'-]+\s+){1,4}?(?:" + alternation("aim_participles") + r"|"
                            + alternation("schedule_participles") + r")\b")


_PARTICIPLE_OF_THE_FIGURE_BEFORE = re.compile(r"\s+" + alternation("aim_participles") + r"\b")


@KIND.rule(("By 2025, the district's high-tech enterprises number [3,000].", "target"),
           ("According to the plan, by 2025:\n- output will surpass 500 billion yuan;\n- at least [5] clusters will take shape.",
            "target"), cues=("by",))
def opens_with_deadline(f: Figure):
    """A sentence that opens with a deadline still to come ('By 2025, ...'), or a list whose lead-in names one
    ('According to the plan, by 2025:'), states goals."""
    head = f.head
    if _opens_with_deadline(head, f.year):
        return "target"
    colon = head.find(":")
    lead_in = _BY_YEAR.search(head, 0, colon) if colon > 0 and not head[colon + 1:colon + 2].isdigit() else None
    return "target" if lead_in is not None and _future_deadline(lead_in, f.year) else SKIP


@KIND.rule(("Work Report\n\nIV. By 2027, we will:\n\n- lift the retail turnover to [45 billion yuan];\n- bring the research institutes to 60.",
            "target", "2026-01-10"),
           ("Next steps\n\nThe district will strive to:\n- plant [300] hectares of forest;\n- cut water use by 5%.", "target"),
           ("Forecasts\n\nThe bureau's projections are:\n- import growth in the second half of around [3.5 percent];\n- ...", "target"),
           ("Its projections for next year:\n- retail sales to grow by at least [6 percent];\n- ...", "target"))
def item_of_a_goal_list(f: Figure):
    """An item of a list whose lead-in line names a deadline still to come ('By 2027, we will:' over '- raise the tax
    revenue to 30 billion yuan;'), or ends with a verb of aim whose object the items are ('The district will strive
    to:', 'We plan to:'), or with the forecasts or targets that the items are ('Its forecasts are:'), states a goal,
    though the item says nothing of aims."""
    if _ADJECTIVAL_SIZE.search(f.q.text):
        return SKIP  # "within a 15-minute walk of a park": a measure as an adjective describes
    lead_in = list_lead_in(f.text, f.q.start)
    if lead_in is None:
        return SKIP
    m = _BY_YEAR.search(lead_in)
    return "target" if (m is not None and _future_deadline(m, f.year)) or _AIM_ENDS_LEAD_IN.search(lead_in) \
        or _GOALS_END_LEAD_IN.search(lead_in) else SKIP


_AIM_ENDS_LEAD_IN = re.compile(r"\b(?:" + phrase_pattern(word_lists("words")["goal_verbs"]) + r")(?:\s+to)?\s*:\s*$", re.IGNORECASE)
# "Its forecasts are:", "The main targets for 2026 include:", "Projections for next year:": the items are what is forecast
_GOALS_END_LEAD_IN = re.compile(r"\b(?:" + alternation("forecast_nouns", "goal_nouns") + r")(?:\s+for\s+[^:;.]{1,40}?)?(?:\s+(?:are|include|is))?"
                                r"(?:\s+as\s+follows)?\s*:\s*$", re.IGNORECASE)


def _future_deadline(m: re.Match, year: int | None) -> bool:
    """A deadline of _DEADLINE's that is still to come: its year not past, or a relative one ('by next year')."""
    return not m["y"] or (year is not None and int(m["y"]) >= year)


@KIND.rule(("Wang said the district would plant [50 hectares] of green space.", "target"))
def reported_plan(f: Figure):
    """'would' after a verb of saying reports a plan in indirect speech ('said the district would plant ...')."""
    text, q, start = f.text, f.q, f.sentence.start
    if "would" in f.head and _REPORTED_FUTURE.search(text, start, q.start):
        return "target"
    return SKIP


@KIND.rule(("In phase two, [500] apartments will be ready for residents.", "target"),
           ("Officials said [12] new parks would be completed by October.", "target"),
           ("Each year, no fewer than [60] farms will adopt drip irrigation systems.", "target"),
           ("A total of [35] major projects, with a combined investment of 62 billion yuan, will start construction this year.", "target"),
           ("Some [20] new parks, covering 150 hectares in all, are expected to open next year.", "target"),
           ("Of the new parks, [12] are to open this year.", "target"),
           ("Another 25 hotels worth [4 billion yuan] together are to open over the plan period.", "target"),
           ("Another [25] hotels worth 4 billion yuan together are to open over the plan period.", "target"),
           ("Before the plan ends, no fewer than [70 percent] of the town's farms should use drip irrigation.", "target"),
           ("Projects by type\n\n- Flood control: 7, with [1.9 billion yuan] of funds to be invested this year", "target"),
           ("Projects by type\n\n- Flood control: [7], with 1.9 billion yuan of funds to be invested this year", "target"),
           ("Projects by type\n\n- Flood control: 7, with 1.9 billion yuan of funds to be invested this year\n- Clinics: "
            "[4], with 300 million yuan of funds to be invested this year", "target"),
           cues=("will", "shall", "would", "expected", "slated", "scheduled", "due", "set", "planned", "poised", "is", "are", "should",
                 "be"))
def future_predicate(f: Figure):
    """A figure whose own clause goes on with 'will be', 'will reach', 'will open', or whose noun phrase is the subject
    of a verb in the future ('100 manufacturers will carry out ...', '12 are to open this year') or of what ought to be
    ('no fewer than 70 percent of the farms should use drip irrigation'), or goes with a sum to be spent ('with 9.8 billion
    yuan to be invested this year'), belongs to the future: a goal."""
    after = f.goal_clause_after
    if _FUTURE_PREDICATE.search(after) or _FUTURE_VERB.match(after):
        return "target"
    if (_ASIDE_THEN_FUTURE.match(f.rest) or _WORTH_THEN_FUTURE.match(f.rest) or _WITH_THEN_FUTURE.match(f.rest)) and \
            _FINITE_WORDS.isdisjoint(w.lower() for w in _LETTERS.findall(_own_item_head(f))):
        # "A total of 35 major projects, with a combined investment of 62 billion yuan, will start construction this
        # year": the subject's count, its predicate after an aside
        return "target"
    # in reported speech the future is 'would': "Officials said 12 new parks would be completed by October"
    return "target" if _WOULD_VERB.match(after) and _SAID_BEFORE.search(f.head) else SKIP


# the things counted and what they are worth, then a predicate in the future: "30 projects worth 15 billion yuan in all are to
# be signed"
def _own_item_head(f: Figure) -> str:
    """The words before the figure in its sentence, or in its item when it stands in an item of a list that runs on from
    the lines before it as one sentence ("- Schools: 5, with ..." after "- Water works: 9, with ... to be invested")."""
    line_start = f.text.rfind("\n", 0, f.q.start) + 1
    if line_start > f.sentence.start and _LIST_ITEM_LINE.match(f.text, line_start):
        return f.text[line_start:f.q.start]
    return f.head


# a count, then what goes with it to be done: "Urban renewal projects: 31, with 6.2 billion yuan to be invested this year"
_WITH_THEN_FUTURE = re.compile(r",\s*with\s+(?:[\w’'-]+(?:[.,]\d+)*\s+){1,5}?to\s+be\s+[a-z]+ed\b")
_WORTH_THEN_FUTURE = re.compile(r"(?:\s+[\w’'-]+){1,3}\s+worth\s+(?:[\w’'-]+(?:[.,]\d+)*\s+){1,8}?(?:will|shall|(?:is|are)\s+to)\s")
# the rest of the subject's noun phrase, an aside set off by commas, then a predicate in the future
_ASIDE_THEN_FUTURE = re.compile(r"[^,;.]*,\s*" + alternation("aside_leads") + r"\b(?:[^,;.]|[.,](?=\d))*,\s+(?:[\w’'-]+\s+){0,2}?"
                                r"(?:will|shall|(?:is|are)\s+(?:" + alternation("schedule_participles") + r")\s+(?:to|for)\b)")


@KIND.rule(("The main targets for 2025 are as follows: GDP growth of around [5.5%]; revenue growth of 5%.", "target"),
           ("Objectives of the new round of reform: [2,000] new jobs and 300 new firms.", "target"),
           cues=("target", "targets", "goal", "goals", "objective", "objectives"))
def goal_list(f: Figure):
    """What follows 'targets:', 'goals:' or 'objectives:' in a sentence is a list of goals; not what follows a goal told
    in the past ('The plan's goal of 1,000 firms was exceeded: the district now has 1,186'), which says how it came out."""
    m = _GOAL_LIST.search(f.text, f.sentence.start, f.q.start)
    return "target" if m is not None and not _PAST_AUXILIARY.search(m.group(0)) else SKIP


_PAST_AUXILIARY = re.compile(r"\b(?:was|were|been)\b", re.IGNORECASE)


@KIND.rule(("Work Report\n\nII. Main Targets for 2024\n\nGross domestic product growth of about [5.5%]; 15,000 new jobs.", "target", None),
           ("Report on the Work of the Jinshan District Government\n\nI. Review of Our Work in 2023\n\nGDP grew.\n\n"
            "II. Major Tasks\n\nSix parks, [1,200] homes.", "target", None),
           ("Work Report\n\nIII. Goals to 2030\n\nThe port handles cargo. Container throughput of [60 million TEU].", "target", None))
def goal_section(f: Figure):
    """A figure in a section headed as a plan for a time still to come ('II. Main Targets for 2024', 'Key Tasks for Next
    Year'; in a work report, 'Major Tasks' for the year it plans) states a goal, though its sentence has no word of aim:
    the heading says what the section's figures are; not in a sentence that opens on a past year ('In 2021, tax revenue
    reached ...' under 'Goals to 2025'), which tells where the goals start from."""
    if plan_deadline(f.ctx, f.q.start) is None:
        return SKIP
    past = _PAST_YEAR_OPENING.match(f.text, f.sentence.start, f.q.start)
    return SKIP if past is not None and f.year is not None and int(past.group(1)) < f.year else "target"


_PAST_YEAR_OPENING = re.compile(r"\W*(?:In|During|Throughout|For)\s+((?:19|20)\d\d)\s*,")


@KIND.rule(("Action Plan for the Night Economy (2025-2027)\n\nIII. Tasks\n\n(2) Hold a night market festival every summer, with at least "
            "[300] stalls each time.", "target", "2025-03-01"),
           ("Three-Year Plan for Elderly Care (2024-2026)\n\n- Train [5,000] care workers for community clinics.", "target", "2024-02-01"),
           ("Greening Plan of the County (2026-2030)\n\nKey tasks. Plant [12,000] trees along the river each year.", "target", "2026-01-05"), cues=[v for v in ACTION_VERBS if v.isalpha()])
def task_of_a_plan(f: Figure):
    """In the text of a plan whose title names its span still to come ('Action Plan ... (2025-2027)'), a sentence that
    opens with a verb of doing in its bare form ('(2) Hold a festival every summer, with at least 300 stalls', '- Train
    5,000 care workers by 2025') orders a task of the plan: its figures are what the plan is to achieve."""
    span = title_span(f.ctx)
    if span is None or f.year is None or span.end_year < f.year or span.start_year == span.end_year:
        return SKIP
    m = _BARE_VERB_OPENS.match(f.head)
    if m is None or m["verb"].lower() not in ACTION_VERBS or _is_past(m["verb"].lower()):
        return SKIP
    # no finite verb of its own before the figure ('Plant output rose 5%': a noun then a verb, no order)
    words = [w.lower() for w in _LETTERS.findall(f.head)]
    return "target" if _FINITE_WORDS.isdisjoint(words) and not any(_is_past(w) for w in words[1:]) else SKIP


# the verb, then its object: a determiner or a number ('Hold a festival', 'Train 5,000'), or a noun and a preposition or a
# stop ('Support enterprises in expanding', 'Help firms: ...'); not a noun and its verb ('Plant output rose', 'Support
# policies include')
_BARE_VERB_OPENS = re.compile(r"\s*(?:\(?\d{1,2}[.)]\s*|[-•*·]\s*)?(?P<verb>[A-Z][a-z]+)\s+(?:(?:a|an|the|its|their|our|no|at|more|up|some|all|every|each|new)\b"
                              r"|[\d$]|$|[a-z][\w-]*(?:\s+(?:in|of|for|to|with|into|on|at|from|across)\b|[,:]))")


@KIND.rule(("Putuo saw the number of projects worth more than [50 million yuan] climb to 41 last year.", "level"),
           ("Sales of shops valued at over [5 million yuan] rose 6%.", "level"))
def threshold(f: Figure):
    """A bound that picks out the things counted ('buildings paying more than 100 million yuan in tax', 'projects each
    worth over 100 million yuan') says which things are counted, not how much changed: a level, though a change
    word follows."""
    return "level" if is_threshold(f.text, f.sentence.start, f.q, f.prev) else SKIP


@KIND.rule(("The district's exports grew by 5%, 7% and [9%] in the three years.", "change"))
def list_item(f: Figure):
    """An item of a list ('5%, 7% and 9%') is of the kind of the item before it; not a percentage of a whole that a
    change before it leads to ('up 15.3%, or 56.7% of the district's output')."""
    if f.link != "list" or f.prev is None:
        return SKIP
    return SKIP if _part_of_a_whole(f) and f.prev.kind != "share" else f.prev.kind


def _part_of_a_whole(f: Figure) -> bool:
    """A percentage followed by the whole it is part of ('56.7% of the district's output', '30% of the total')."""
    after = f.rest
    return f.q.unit == "percent" and (_SHARE_OF.match(after) is not None or _SHARE_AFTER.match(after) is not None)


@KIND.rule(("The district expects output to grow 8% this year to [200 billion yuan].", "target"),
           ("The district will build 20 schools, bringing the total to [150].", "target"))
def goal_reaches(f: Figure):
    """The level a goal reaches ('to grow 8% this year to 200 billion yuan') or where its money goes ('invest 100 billion
    yuan in 50 projects') is of the goal too; a threshold each thing counted passes ('to attract at least 50 projects
    each worth over 100 million yuan') is no goal but what the things are (eval/README.md)."""
    p, text = f.prev, f.text
    if p is not None and p.kind == "target" and (f.link == "to" or TO_BEFORE.search(text, p.end, f.q.start)
                                                 or _COMPLEMENT_GAP.match(text, p.end, f.q.start)):
        # (not after a clause of its own in the past: "... to 9 billion yuan, and exports rose to 30 billion yuan")
        return SKIP if f.link != "to" and _PAST_CLAUSE_GAP.search(text, p.end, f.q.start) else "target"
    return SKIP


@KIND.rule(("The town will strive to raise the share of farms with sales above 2 million yuan to [40 percent].", "target"),
           ("The county aims to bring the share of homes within a 10-minute service circle to [95 percent].", "target"))
def goal_reaches_past_a_bound(f: Figure):
    """The level a goal reaches after a bound that says which things it counts ('to raise the share of farms with sales
    above 2 million yuan to 40 percent', 'the share of homes within a 10-minute service circle to 95 percent') is the
    goal's: the aim said before the bound governs the whole phrase, the bound being a level (threshold_in_a_goal,
    proximity_bound)."""
    p, text = f.prev, f.text
    if p is None or p.kind != "level" or p.start < f.sentence.start or p.why.get("kind") not in _BOUND_RULES:
        return SKIP
    if not TO_BEFORE.search(text, p.end, f.q.start) or _CLAUSE_BREAK.search(text, p.end, f.q.start):
        return SKIP
    return "target" if _is_target(text[f.sentence.start:p.start], "", f.year) else SKIP


_BOUND_RULES = frozenset(("kind.threshold_in_a_goal", "kind.proximity_bound"))
_CLAUSE_BREAK = re.compile(r"[,;:]")  # (the bound and the level reached in one phrase: no comma between)


@KIND.rule(("Minhang intends to lift biotech sales to 40 billion yuan by 2028, an average annual rise of roughly [9 percent].", "target"),
           ("The port expects to handle 5 million TEUs next year, an increase of [8%] over this year.", "target"),
           ("Under the plan, tourism revenue will reach 30 billion yuan in 2026, a rise of [20 percent] on 2024.", "target"),
           ("The county aims to double farm output to 6 billion yuan by 2030, representing average annual growth of [7 percent].", "target"),
           ("The town will spend 3 billion yuan on roads this year, [10 percent] more than in 2025.", "target"),
           ("The port expects to handle 5 million TEUs next year, up [8%] from this year.", "target"),
           ("Hotel nights are expected to reach 3 million in 2025, a [15 percent] increase on this year.", "target"))
def goal_restated_as_a_rate(f: Figure):
    """A growth rate set off by a comma right after a goal's figure ('to raise revenue to 90 billion yuan by 2027, an
    average annual growth of about 12 percent', 'to handle 5 million TEUs next year, an increase of 8%', 'up 8% from
    this year', 'to invest 9 billion yuan this year, 6 percent more than in 2024') restates the goal as the growth it
    needs: a goal too, whatever it measures (the contract)."""
    p = f.prev
    if p is None or p.kind != "target" or p.start < f.sentence.start:
        return SKIP
    text, q = f.text, f.q
    if _RATE_RESTATES_GOAL.fullmatch(text, p.end, q.start) or _UP_AFTER_GOAL.fullmatch(text, p.end, q.start):
        return "target"
    if _COMMA_AFTER_GOAL.fullmatch(text, p.end, q.start) and _COMPARED_TO_BASE.match(f.clause_after):
        return "target"
    # "... in 2025, a 20 percent increase on last year": the figure before its noun of growth
    return "target" if _ARTICLE_AFTER_GOAL.fullmatch(text, p.end, q.start) and CHANGE_AFTER.match(f.clause_after) else SKIP


# "... next year, up": the goal's clause closes, and "up" or "down" restates it as a change; "... this year,": a bare
# comma, the figure then compared with a base ("6 percent more than in 2024")
_UP_AFTER_GOAL = re.compile(r"[^,;.]{0,40},\s*(?:up|down)\s+(?:by\s+)?(?:" + alternation("approximators") + r"\s+)?", re.IGNORECASE)
_ARTICLE_AFTER_GOAL = re.compile(r"[^,;.]{0,40},\s*(?:an?|the)\s+(?:" + alternation("approximators") + r"\s+)?", re.IGNORECASE)
_COMMA_AFTER_GOAL = re.compile(r"[^,;.]{0,40},\s*(?:" + alternation("approximators") + r"\s+)?", re.IGNORECASE)
# "... by 2027, an average annual growth of about": the goal's clause closes, and a noun of growth restates it
_RATE_RESTATES_GOAL = re.compile(r"[^,;.]{0,40},\s*(?:(?:representing|meaning|implying|or|equivalent\s+to)\s+)?(?:(?:an?|the)\s+)?(?:[a-z-]+\s+){0,3}?"
                                 + alternation("change_noun_cues") + r"(?:\s+rate)?\s+of\s+(?:"
                                 + alternation("approximators") + r"\s+)?")


@KIND.rule(("The ministry expects steel output to fall by 2 percent this year, and coal use to return to growth of roughly [1 percent].",
            "target"),
           ("Analysts expect output to rise 6% this year, and investment to post growth of around [8%].", "target"),
           ("The firm expects sales to recover 20 percent in the second quarter, and exports to show growth of [5%] for the year.",
            "target"),
           ("Port throughput is expected to reach 5 million TEUs, and the logistics park to host at least [800] firms.", "target"))
def second_object_of_a_goal(f: Figure):
    """A verb of expectation with an object and an infinitive ('expects exports to grow by 5 percent') may take a second
    pair after 'and' ('..., and coal use to return to growth of roughly 1 percent'): the verb is left out, the second
    figure is expected too, a goal though a word of growth stands before it; so may its passive ('Throughput is expected
    to reach 5 million TEUs, and the park to host at least 800 firms')."""
    p, text = f.prev, f.text
    if p is None or p.kind != "target" or p.start < f.sentence.start:
        return SKIP
    if not _EXPECTS_OBJECT_TO.search(text, f.sentence.start, p.start):
        return SKIP
    return "target" if _SECOND_OBJECT_TO.fullmatch(text, p.end, f.q.start) else SKIP


# "expects industrial output to grow", "aims for retail sales to reach": a verb of aim, its object, an infinitive
_EXPECTS_OBJECT_TO = re.compile(r"\b(?:expects?|expected|expecting|forecasts?|projects|predicts?|aims?\s+for|wants?)\s+(?:[\w’'-]+\s+){1,6}?to\s+[a-z]+\b"
                                # its passive: "Financial assets are expected to reach 10 trillion yuan, and the cluster to host ..."
                                r"|\b(?:is|are)\s+(?:expected|projected|forecast|planned|set)\s+to\s+[a-z]+\b")
# "... in the first half, and retail sales to return to growth of about": a second object, then its infinitive
_SECOND_OBJECT_TO = re.compile(r"[^;.]{0,60}?,?\s+and\s+(?:[A-Za-z][\w’'-]*\s+){1,5}?to\s+(?!(?:the|an?|its|their|our|this|that)\b)[a-z]+\b[^,;.]{0,60}")


@KIND.rule(("Exports rose by 4.2 percent and sales of farm produce from the county by [1.9 percent].", "change"),
           ("Exports rose by 6%, while services fell by 2% and retail sales by [1.5%].", "change"),
           ("Value added of the retail trade grew 5.2 percent, and that of catering [3.8 percent].", "change"))
def gapped_change(f: Figure):
    """A second subject with 'by' and a figure after a change, its verb left out ('grew by 8.7 percent and total retail
    sales by 2.9 percent', 'and that of catering 3.8 percent'), is a change of the same verb."""
    p = f.prev
    if p is None or p.kind != "change" or f.q.unit != p.unit or f.link is not None:
        return SKIP
    return "change" if _GAPPED_BY.fullmatch(f.text, p.end, f.q.start) else SKIP


# "... by 8.7 percent and total retail sales of consumer goods by": the next subject, no verb, "by"
_GAPPED_BY = re.compile(r"\s+and\s+(?:[A-Za-z][\w’'&-]*\s+){1,8}?by\s+(?:" + alternation("approximators") + r"\s+)?"
                        # "grew 6.9 percent, and that of commercial services 4.7 percent": 'that of' stands for the measure
                        r"|,?\s+and\s+(?:that|those)\s+of\s+(?:[A-Za-z][\w’'&-]*\s+){1,6}?(?:by\s+)?(?:" + alternation("approximators") + r"\s+)?",
                        re.IGNORECASE)


@KIND.rule(("The town aims to lift its exports to 4.8 billion yuan and the share of its 12 food makers that export to [40 percent].",
            "target"),
           ("Economists expect inflation this quarter to run at 2 percent and inflation for the whole year at [2.5 percent].", "target"),
           ("Analysts expect retail sales to rise by some 3 percent in the spring and by [3.5 percent] over the whole year.", "target"),
           ("The bureau expects tax revenue to rise by about 4 percent this year, exports by [6 percent], and imports by 2 percent.", "target"),
           ("The agency expects county output to grow by about 5 percent in 2027, and the turnover of listed firms by [8] to 9 percent.",
            "target", "2027-02-10"),
           ("Planners expect freight volume to grow by 3 percent for the year, port calls by 2 to 4 percent, and rail "
            "shipments by more than [10 percent].", "target"),
           cues=("to", "at", "by"))  # (the goal's "to", "at" or "by" and the second object's)
def gapped_goal(f: Figure):
    """A second object with 'to' and a figure after a goal's 'to' figure, its verb left out ('to raise its revenue to 32
    billion yuan and the number of buildings ... to 100'), is a goal of the same verb; so is one with 'at' after a goal's
    'at' figure ('expect inflation this quarter to run at 2 percent and inflation for the whole year at 2.5'), and one
    with 'by' after a goal's 'by' figure, the time of each told after it ('expect retail sales to rise by some 3 percent in
    the spring and by 3.5 percent over the whole year'). One verb of a forecast may govern a series of objects, each
    with its 'by' and the verb left out ('expects tax revenue to rise by about 4 percent this year, exports by 6 percent,
    and imports by 2 percent'): each is a goal of that verb."""
    before = (f.quantities[j] for j in range(f.index - 1, max(-1, f.index - 7), -1))  # the figures before it, nearest first
    goal = next((o for o in takewhile(lambda o: o.start >= f.sentence.start, before) if o.kind == "target"), None)
    opening = _range_start(f, goal) if goal is not None else None  # ("by 3 to 3.5 percent": the verb's 'by' is before the 3)
    prep = _TO_RIGHT_BEFORE.search(f.text, max(f.sentence.start, opening.start - _TO_REACH), opening.start) if goal is not None else None
    if prep is None:
        return SKIP
    gapped = _GAPPED[prep.group(1).lower()].fullmatch(f.text, goal.end, f.q.start)
    if gapped is None or _FINITE_VERB.search(gapped.group()):
        # "... for the year, the turnover of firms above a given size by": a series of objects of the one 'by' verb, each
        # of its own noun (a participle such as 'given' may stand in it: no verb unless last)
        series = _GAPPED_BY_SERIES.fullmatch(f.text, goal.end, f.q.start) if prep.group(1).lower() == "by" else None
        if series is None or _NO_GAP.search(series["object"]) or _FINITE_VERB.fullmatch(series["object"].split()[-1]):
            return SKIP  # "... and inflation stood at 2 percent last month": a clause with a verb of its own, no gap
    return "target"


def _range_start(f: Figure, goal: Quantity) -> Quantity:
    """Where the range that ends with ``goal`` starts ("3 to 3.5 percent": the 3), or ``goal`` when it ends none."""
    j = f.quantities.index(goal) if goal is not f.q else f.index
    first = f.quantities[j - 1] if j else None
    if first is not None and _RANGE_JOIN.fullmatch(f.text, first.end, goal.start):
        return first
    return goal


_TO_REACH = 20  # "to more than": the words between "to" and a goal's figure
_TO_RIGHT_BEFORE = re.compile(r"\b(to|at|by)\s+(?:" + alternation("approximators") + r"\s+)?$", re.IGNORECASE)
# "... and the number of buildings paying over 100 million yuan in tax to": the next object, no verb, then "to"
_GAPPED_TO = re.compile(r"\s+and\s+(?:the|its|their)\s+[^,;.]{1,120}?\bto\s+(?:" + alternation("approximators") + r"\s+)?", re.IGNORECASE)
# "... and inflation for the whole year at": the next subject, no verb, then "at"
_GAPPED_AT = re.compile(r"\s+and\s+(?:[A-Za-z][\w’'-]*\s+){1,8}?at\s+(?:" + alternation("approximators") + r"\s+)?", re.IGNORECASE)
# "... in the first quarter and by": the first figure's time, then the second 'by' of the same verb
_GAPPED_GOAL_BY = re.compile(r"[^,;.]{0,40}?\s+and\s+by\s+(?:" + alternation("approximators") + r"\s+)?", re.IGNORECASE)
_GAPPED = {"to": _GAPPED_TO, "at": _GAPPED_AT, "by": _GAPPED_GOAL_BY}
# "... by some 4 percent for the year, the turnover of X by 6 to 7 percent, and port calls by": the first
# figure's time, a comma, then the next object with its 'by' (the last joined by 'and')
_GAPPED_BY_SERIES = re.compile(r"[^,;.]{0,40}?,\s+(?:and\s+)?(?P<object>(?:[A-Za-z][\w’'&-]*\s+){1,10}?)by\s+(?:" + alternation("approximators") + r"\s+)?",
                               re.IGNORECASE)
_NO_GAP = re.compile(r"\b(?:" + alternation("be_forms", "have_forms", "modal_verbs") + r"|to|that|which|while|but)\b", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"\s*(?:to|-|–|—)\s*")
_PAST_CLAUSE_GAP = re.compile(r"\band\s+(?:[a-z][\w’'-]*\s+){1,4}?(?:was|were|had|" + phrase_pattern(
    word_lists("words")["irregular_past_verbs"]) + r"|[a-z]+ed)\s+to\b", re.IGNORECASE)
# a finite verb (a past form, be or have, a modal) in the gap: the second clause has a verb of its own
_FINITE_VERB = re.compile(r"\b(?:" + alternation("be_forms", "have_forms", "modal_verbs", "finite_level_verbs") + "|" + phrase_pattern(
    word_lists("words")["irregular_past_verbs"]) + r"|[a-z]+ed)\b", re.IGNORECASE)


@KIND.rule(("The number of rated museums will go up from 9 in 2022 to [16].", "target"),
           ("The county aims to lift its forest cover from 18 percent to [22 percent].", "target"),
           ("Ridership is expected to grow from 1.2 million a day to [1.5 million].", "target"),
           ("The hospital plans to cut the average wait from 40 minutes to [15 minutes].", "target"),
           ("The port aims to lift its share of exports to 30 percent by 2027, from 22 percent now, and to raise the number of "
            "routes from 40 today to [60].", "target"))
def end_of_a_goal_series(f: Figure):
    """Where a series 'from A to B' ends is a goal when the series is the object of a verb of aim or plan ('is to rise
    from 9 in 2022 to 16', 'aims to lift its forest cover from 18 percent to 22 percent'): the goal is written before
    where it starts, not after where it ends."""
    p = f.prev
    if f.link != "to" or p is None or p.kind != "level" or p.why.get("kind") != "kind.series_start":
        return SKIP
    start = max(f.seg.clause_bounds(p.start)[0], f.sentence.start)
    before_series = f.quantities[f.index - 2] if f.index >= 2 and f.quantities[f.index - 2].end > f.sentence.start else None
    if before_series is not None and before_series.end > start:
        start = before_series.end  # (the words since the figure before the series, not that figure's goal)
    if _is_target(f.text[start:p.start], "", f.year):
        return "target"
    # "aims to raise R&D spending to 4.5 percent by 2025, and to bring the number of firms from 96 today to 150": an
    # infinitive joined to a goal's shares its aim
    if before_series is None or not _AND_TO_VERB.search(f.text, before_series.end, p.start):
        return SKIP
    earlier = f.quantities[:f.index - 1]
    return "target" if any(o.kind == "target" and o.start >= f.sentence.start for o in earlier[-4:]) else SKIP


_AND_TO_VERB = re.compile(r"\band\s+to\s+[a-z]+\b")


@KIND.rule(("Revenue rose from 10.7 billion yuan to [13.8 billion yuan] in 2023.", "level"),
           ("Their share of exports rose from 21 percent in 2019 to [33 percent] in 2023.", "share"))
def series_end(f: Figure):
    """Where a series 'from A to B' ends is an amount; a percentage of a whole it ends at ('risen to 4.6% of GDP') is
    a share (share_cue's), as is where a share's series ends ('their share rose from 29 percent to 44.6 percent')."""
    if f.link != "to" or _result_clause(f):
        return SKIP  # (a series in a clause of what a goal brings about, "cutting the trip from 25 to 6 minutes": its end is a goal)
    if f.prev is not None and f.prev.kind == "share" and f.q.unit == f.prev.unit == "percent":
        return "share"
    return "level" if not _part_of_a_whole(f) else SKIP


@KIND.rule(("The plan calls for 8,000 new homes, at least [a quarter] of them rental housing.", "target"),
           ("The district aims to train 2,000 nurses by 2027, [60 percent] of them in elderly care.", "target"))
def share_of_a_goals_things(f: Figure):
    """A part of the things a goal counts, set off right after its figure ('8,000 new homes, at least a quarter of them
    rental housing'), is a goal of its own on those things: what share of them is to be so."""
    p = f.prev
    if p is None or p.kind != "target" or p.unit != "count" or f.q.unit != "percent":
        return SKIP
    return "target" if _RIGHT_AFTER_COUNT.fullmatch(f.text, p.end, f.q.start) and _OF_THEM.match(f.text, f.q.end) else SKIP


_RIGHT_AFTER_COUNT = re.compile(r"[^,;.]{0,40},\s*(?:" + alternation("approximators") + r"\s+)?")  # "30,000 new homes, at least"
_OF_THEM = re.compile(r"\s+of\s+(?:them|these|those)\b")


@KIND.rule(("Nearly [one-third] of the land is farmland.", "share"))
def word_fraction(f: Figure):
    """A fraction written in words ('one-third', 'a quarter') is a share of a whole."""
    return "share" if f.mention.is_fraction else SKIP


@KIND.rule(("Investment in fixed assets totaled 25.94 billion yuan, up [39.4%] year on year.", "change"),
           ("Revenue was 5 billion yuan, down [2%].", "change"), cues=("up", "down"))
def up_or_down(f: Figure):
    """'up' or 'down' just before a figure ('up 5%', 'down slightly by 0.5%') states a change."""
    return "change" if _UP_DOWN.search(f.before) else SKIP


@KIND.rule(("Software companies saw [45.3%] year-on-year revenue growth.", "change"),
           cues=_key_words(_CUES["change_after"], ["higher", "lower"]))  # the words of phrases.CHANGE_AFTER
def change_word_after(f: Figure):
    """A change noun just after a figure ('45.3% year-on-year revenue growth', '5% increase') makes it a change."""
    return "change" if CHANGE_AFTER.match(f.clause_after) else SKIP


@KIND.rule(("The average growth rate of investment was [12%].", "change"),
           ("Exports rose 9% in 2022, [18 percent] above the national average.", "change"),
           ("The average growth rate of wages over the past three years stood at [5.1 percent].", "change"),
           ("Growth in retail sales slowed to [2.1 percent] in May.", "change"),
           ("Export growth picked up to 6 percent in the third quarter from [4.5 percent] in the second.", "change"), cues=_CHANGE_NOUNS | _key_words(word_lists("grammar")["difference_comparatives"], ["from"]))
def rate_named_change(f: Figure):
    """A percentage that a growth noun names through a copula ('growth was 12%') or a verb of the rate's moving
    ('Growth in retail sales slowed to 2.1 percent'), or that a comparative follows ('18 percent higher'), is a change;
    so is the rate such a growth moved from ('picked up to 6 percent ... from 4.5 percent')."""
    q, p = f.q, f.prev
    if q.unit not in ("percent", "pp"):
        return SKIP
    if (f.sentence_holds(_CHANGE_NOUNS) and _CHANGE_NOUN_WAS.search(f.before)) or _COMPARATIVE_AFTER.match(f.clause_after):
        return "change"
    moved = p is not None and p.kind == "change" and p.unit == q.unit and p.why.get("kind") == "kind.rate_named_change"
    return "change" if moved and _MOVED_FROM.fullmatch(f.before) else SKIP


_MOVED_FROM = re.compile(r"(?:\s+[\w’'-]+){0,6}?\s+from\s+(?:" + alternation("approximators") + r"\s+)?", re.IGNORECASE)  # "... in the third quarter from"


@KIND.rule(("Output rose by 31.2% over 2019, and at an average annual rate of [6.7%].", "change"),
           ("Freight volume was 21 percent above its 2022 level, or an average of [10 percent] a year over the two years.", "change"),
           cues=("average", "annual", "compound"))
def average_annual_rate(f: Figure):
    """A percentage that 'an average annual rate of' introduces, or 'an average of N percent a year', is a rate of
    growth, though the verb is left out ('..., and at an average annual rate of 5.1%', '..., an average of 10 percent a
    year over the two years'): a change."""
    if f.q.unit != "percent":
        return SKIP
    return "change" if _AVERAGE_RATE_OF.search(f.before) or (
        _AVERAGE_OF.search(f.before) and _A_YEAR_AFTER.match(f.text, f.q.end)) else SKIP


_AVERAGE_OF = re.compile(r"\ban\s+average\s+of\s+(?:" + alternation("approximators") + r"\s+)?$", re.IGNORECASE)
_A_YEAR_AFTER = re.compile(r"\s+(?:a|per|each)\s+year\b|\s+annually\b", re.IGNORECASE)


_AVERAGE_RATE_OF = re.compile(r"\b" + alternation("average_annual_words") + r"\s+(?:growth\s+)?rate\s+of\s+[a-z ]{0,15}$", re.IGNORECASE)


@KIND.rule(("The district had 1,026 high-tech enterprises, [156] more than last year.", "change"),
           ("Hotel bookings in May totalled 9,300, [410] more than in April.", "change"),
           ("Farm loans totalled 9 billion yuan in June, [700 million yuan] more than at the start of the year.", "change"),
           cues=("than",))
def more_than_base(f: Figure):
    """A figure followed by 'more than last year', 'fewer than in 2019', 'more than in September', 'more than at the
    beginning of the year' is a difference from that base: a change."""
    return "change" if _COMPARED_TO_BASE.match(f.clause_after) else SKIP


@KIND.rule(("Tax revenue exceeded the annual plan by [21 percent].", "change"),
           ("The county's goal of 2,000 new jobs was exceeded by [350].", "change"), cues=EXCEEDED_BY_CUES)
def past_a_mark(f: Figure):
    """How far a figure went past a mark ('exceeded the plan by 21 percent'), or how far a mark was passed ('the goal of
    2,000 new jobs was exceeded by 350'), is a difference from it: a change."""
    return "change" if EXCEEDED_BY.search(f.before) else SKIP


@KIND.rule(("Its GDP grew 6.1%, higher than the city's average by [1.2 percentage points].", "change"),
           cues=("than", "outpace", "outpaces", "outpaced", "outpacing", "outperform", "outperforms", "outperformed", "outperforming",
                 "outgrew", "outgrow", "outgrows", "outgrowing", "outgrown"))
def than_a_yardstick(f: Figure):
    """'higher than X by', 'outpacing X by' before a figure: a difference from a yardstick, counted as a change."""
    return "change" if COMPARED_BY.search(f.before) else SKIP


@KIND.rule(("Songjiang's exports rose 7.4 percent in the second quarter, faster than the city's [3.9 percent].", "change"),
           ("Exports rose 8%, compared with [3%] a year earlier.", "change"),
           ("Retail sales in the town rose 7.4 percent last year, outpacing the county's [4.1 percent].", "change"),
           ("Exports grew 6.5 percent to 42 billion yuan, faster than the city's [3.8 percent].", "change"),
           cues=_key_words(["than", "compared"], word_lists("grammar")["outpacing_participles"]))
def yardstick_of_a_change(f: Figure):
    """The rate a change is compared with ('grew 5.6 percent, faster than the city's 5.2 percent', 'rose 8%, compared
    with 3% a year earlier', 'rose 7.4 percent, outpacing the county's 4.1 percent') is a change too: the same measure
    of another place or time; also after the level the change grew to ('grew 6.5 percent to 42 billion yuan, faster than
    the city's 3.8 percent')."""
    p = f.prev
    if p is not None and p.unit != f.q.unit and f.index >= 2 and f.quantities[f.index - 2].start >= f.sentence.start:
        p = f.quantities[f.index - 2]  # (the rate before the level it reached)
    if p is not None and p.kind == "change" and p.unit == f.q.unit and _THAN_YARDSTICK.match(f.before) \
            and not _SHARE_OF.match(f.rest) and not _A_SHARE_AFTER.match(f.text, f.q.end):
        return "change"
    return SKIP


@KIND.rule(("Online sales reached [2.3 times] that of 2019.", "change"), ("Export sales reached [1.8 times] the 2020 level.", "change"),
           ("Compared with 2014, exports in 2024 were [1.8 times] as large.", "change"),
           ("The plant shipped 8,700 vans in April, [1.9 times] the figure a year earlier.", "change"),
           ("In 2020 its output was [1.4 times] its 2015 level.", "change"),
           ("The number of museums rose to 148, [2.6 times] the number at the end of 2012.", "change"),
           ("The brand earned 3.4 billion yuan last year, [2.2 times] what it earned in 2020.", "change"),
           ("Ferry riders numbered 640,000 in the first half, [1.3 times] the number for the same period last year.", "change"),
           ("Parcel volumes hit 210 million from January to June, [1.4 times] the total for the first half of 2022.", "change"))
def multiple_of_base(f: Figure):
    """A multiple of a base ('2.5 times that of 2019', '1.5 times as many as', 'its 2015 level', 'the number at the end of
    2015') is a change from that base."""
    return "change" if f.q.unit == "times" and (_MULTIPLE_OF_BASE.match(f.clause_after) or TIMES_BASE_YEAR.match(f.clause_after)) else SKIP


@KIND.rule(("We will launch 20 projects, renovate [1,000] buildings and build 5 schools.", "target"),
           ("The town aims to bring robotics output to 60 billion yuan by 2027, with at least [4] makers each producing "
            "over 5 billion yuan a year.", "target"),
           ("Fengxian has set targets of GDP growth of around 6% and fixed-asset investment growth of [10%].", "target"),
           ("For next year, the county targets tourist arrivals of 3 million and growth of about [6 percent] in tourism revenue.",
            "target"),
           ("Jiading expects to attract 20 headquarters over the next three years, with cumulative investment of [40 billion yuan].",
            "target"),
           ("Chen said that by 2027 the park intends to grow software revenue to 45 billion yuan, from 31 billion yuan in 2024, and to "
            "raise the share of exports to [35 percent] of sales.", "target"),
           ("The county plans to open more than 40 clinics, from 26 at present, and to train no fewer than [500] nurses a year.",
            "target"),
           ("This year we will build 1,200 units of student housing and attract at least [15] more research institutes.", "target"),
           ("The county aims to lift tourism spending to no less than 8 billion yuan a year by 2026 and to have more than [40] rated "
            "hotels by then.", "target"),
           ("The port aims to handle 500 calls in 2029, with passenger numbers exceeding [2 million].", "target", "2027-04-01"))
def part_of_goal(f: Figure):
    """A figure that goes on from a goal in the same sentence ('bringing the total to', 'and expand ... to', 'with
    investment growing by', 'including'), or the next item of a list of goals named as such ('set targets of GDP growth
    of around 6% and fixed-asset investment growth of 10%') or the object of a verb of aim ('targets tourist arrivals of
    3 million and growth of about 6 percent'), is part of that goal."""
    p, text, q = f.prev, f.text, f.q
    if p is not None and p.kind == "level" and f.index >= 2 and (p.why.get("kind") == "kind.goal_base" or _BASE_AFTER_GOAL.fullmatch(
            text, f.quantities[f.index - 2].end, p.start)):
        p = f.quantities[f.index - 2]  # "to grow revenue to 45 billion yuan, from 31 billion yuan in 2024, and to raise ...": the goal's
    if f.link is not None or p is None or p.kind != "target":
        return SKIP
    if _GOAL_MET.search(text, f.sentence.start, p.start):
        return SKIP  # "exceeded its target of 10,000 new jobs, creating 12,500": what was done against a goal met
    clause_start, _ = f.clause
    if (_CONTINUING_PARTICIPLE.search(text[clause_start:q.start]) or _coordinated_goal(text[p.end:q.start])
            or _WITH_ALSO_GROWING.match(text, p.end, q.start) or _PART_OF_GOAL.match(text, p.end, q.start)
            or _GOAL_TOTAL_INVESTMENT.match(text, p.end, q.start)):
        return "target"
    if _NEXT_LISTED_ITEM.fullmatch(text, p.end, q.start) and _GOALS_NAMED.search(text, f.sentence.start, p.start):
        return "target"
    return SKIP


# "... more than 400 core component enterprises, from about": the rest of a goal's object, then the base it starts from
_BASE_AFTER_GOAL = re.compile(r"[^,;.]{0,60},\s*(?:up\s+|down\s+)?from\s+(?:" + alternation("approximators") + r"\s+)?", re.IGNORECASE)
# "targets of A of 6% and B of 10%": the goals a list names, and the next item of it after "and" or a comma
# (or a verb of aim whose object is such a list: "the county targets tourist arrivals of 3 million and growth of 6%")
_GOALS_NAMED = re.compile(r"\b(?:targets|goals|objectives)\s+(?:of|for|include|including|are)\b"
                          r"|\b(?:targets|aims\s+for|expects|forecasts)\s+(?:[\w’'-]+\s+){1,3}?of\s+(?:" + alternation("approximators") + r"\s+)?$",
                          re.IGNORECASE)
_NEXT_LISTED_ITEM = re.compile(r"(?:\s+[a-z][\w’'-]*){0,4}?(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:[\w’'-]+\s+){1,6}?(?:of|at)\s+(?:"
                               + alternation("approximators") + r"\s+)?", re.IGNORECASE)


@KIND.rule(("The new ferry link is expected to open in 2028, cutting travel time to Hengsha Island to [25 minutes].", "target"),
           ("The tunnel is to open by the end of June, cutting the trip across the river from 35 minutes to roughly [10 minutes].", "target"),
           cues=_key_words(_CUES["result_participles"]))
def result_of_a_goal(f: Figure):
    """A clause opening with a participle of change that takes something to a level ('cutting travel time to 50
    minutes', 'cutting the river crossing from 25 minutes to 6 minutes'), after a clause that states a goal or milestone
    ('is expected to open in 2027'), tells what the goal will bring about: a goal too."""
    return "target" if _result_clause(f) else SKIP


def _result_clause(f: Figure) -> bool:
    """The figure is where a clause opening with a participle of change takes something ('cutting travel time to', 'from
    25 minutes to'), after a clause that states a goal or milestone."""
    clause_start, _ = f.clause
    starts_series = f.link == "to" and f.prev is not None and f.prev.start > clause_start  # "from 25 minutes to 6 minutes"
    if clause_start <= f.sentence.start or (f.prev is not None and f.prev.end > clause_start and not starts_series):
        return False
    if not _RESULT_TO.match(f.text, clause_start, f.q.start):
        return False
    lead = f.text[f.sentence.start:clause_start]
    return _is_target(lead, "", f.year) or not _FUTURE_WORDS.isdisjoint(words_of(lead))


@KIND.rule(("Profits grew 5% after rent and tax cuts of [1.3 billion yuan].", "level"),
           ("Last quarter the county cut taxes and fees by [610 million yuan] for small firms.", "level"),
           cues=("tax", "taxes", "fee", "fees"))
def relief_granted(f: Figure):
    """The money of tax or fee cuts ('tax and fee cuts of 3.2 billion yuan', 'we cut taxes and fees by 1.75 billion yuan')
    is the relief a policy grants, an amount given, not a fall of a measure: a level."""
    if f.q.unit not in MONEY_UNITS:
        return SKIP
    return "level" if _RELIEF_BEFORE.search(f.before) else SKIP


_RELIEF = alternation("relief_nouns")
_RELIEF_BEFORE = re.compile(r"\b(?:" + _RELIEF + r"\s+(?:cuts|reductions|relief|exemptions)\s+(?:of|worth|totall?ing)"
                            r"|(?:cut|cuts|cutting|reduced|reduce|reducing)\s+" + _RELIEF + r"(?:\s+for\s+[\w\s-]{1,40}?)?\s+by)\s+(?:"
                            + alternation("approximators") + r"\s+)?$", re.IGNORECASE)


@KIND.rule(("The district's GDP reached 124.83 billion yuan, marking an increase of [9.1%].", "change"),
           ("Energy consumption was reduced by [77,872 tons of standard coal].", "change"),
           ("Over the past five years, tax revenue rose by a total of [21.5 percent].", "change"),
           ("Retail sales rebounded by [6.2 percent] in the last quarter, after a weak summer.", "change"),
           cues=_key_words(_CUES["change_up"], _CUES["change_down"]))
def change_word_before(f: Figure):
    """A word of increase or decrease before a figure in its clause ('an increase of', 'rose by', 'reduced by', 'rose by a
    total of') makes it a change, unless a word between blocks it or the participle describes a noun ('contracted
    investment of'); a size written as an adjective ('a 9.6-square-kilometer area') is no amount of change."""
    before = f.before
    own_clause = max(before.rfind(":"), before.rfind(";")) + 1  # a change word before a colon is another clause's
    up, down = _last_change_words(before, own_clause)
    change = down if down is not None and (up is None or down[0] > up[0]) else up
    if change is None:
        return SKIP
    _, end, word = change
    if f.q.unit in EXTENT_UNITS and _ADJECTIVAL_SIZE.search(f.q.text):
        return SKIP  # "the latest boost for the zone, a 9.6-square-kilometer area": a size, no amount of change
    if not CHANGE_BLOCK.search(before[end:]) and not _PASSIVE_GROWN.search(before, 0, end) \
            and not (word.endswith("ed") and _NOUN_OF_AFTER_PARTICIPLE.fullmatch(before, end)):
        return "change"
    return SKIP


@KIND.rule(("Of the 2,000 new jobs, [60%] went to graduates.", "share"))
def part_of_opening(f: Figure):
    """A percentage after 'Of the ...,' opening its sentence is a part of what the sentence opened with."""
    return "share" if f.q.unit == "percent" and _PART_OF_OPENING.match(f.text, f.sentence.start, f.q.start) else SKIP


@KIND.rule(("Of the 64 apps registered in the city, 22 were built in Minhang, or about [34 percent].", "share"),
           ("Exports fell by 5 billion yuan, or [3%].", "change"))
def restated_with_or(f: Figure):
    """A percentage after ', or' restates the figure before it: a count as the part of the whole it is ('31 were
    developed in Xuhui, or about 40 percent'), a change as a rate ('fell by 5 billion yuan, or 3%')."""
    p = f.prev
    if f.q.unit != "percent" or p is None or not _OR_RESTATED.match(f.before) or _part_of_a_whole(f):
        return SKIP
    if p.kind == "change":
        return "change"
    return "share" if p.unit == "count" and p.kind == "level" else SKIP


@KIND.rule(("Service industries made up [71.2%] of the county's GDP.", "share"),
           ("About [30%] of residents use the metro.", "share"),
           ("The quarter covers 96,000 square meters, about [60%] of it in restored warehouse buildings.", "share"),
           ("[92.4 percent] of tested drinking water samples met the standard.", "share"),
           ("Fitting-out of the new library is [60 percent] complete.", "share"),
           ("The share of land under organic certification has climbed to [41.5 percent].", "share"),
           ("Their share of exports rose from [21 percent] in 2019 to 33 percent in 2023.", "share"),
           ("R&D spending rose to 3.2% of GDP in 2023. The ratio was [2.9%] in 2021.", "share"),
           ("About [30 percent] of industrial output came from new energy vehicles.", "share"),
           ("Its proportion in GDP rose to [34.5 percent].", "share"),
           ("Foreign firms' share was [23 percent] last year.", "share"),
           ("Since 2019, the share of tourism in the county's output has risen by 4.1 percentage points to [22.4%].", "share"),
           ("The county set a cap of [8 percent] on the share of farmland that may be leased to firms.", "share"))
def share_cue(f: Figure):
    """A percentage after 'accounting for', 'making up', or before 'of the total', 'of residents', 'of GDP', is a part
    of a whole; so is one that a share of a whole, named as the subject, is said to be or reach ('The share of land
    under organic certification has climbed to 41.5 percent', 'The ratio was 2.9%'). (The share of days with good air
    is the air quality rate, a level.)"""
    if f.q.unit not in ("percent", "pp"):
        return SKIP
    text, q, before = f.text, f.q, f.before
    # (the two patterns before it need a phrase of share_before: tried only where the sentence holds one of its words)
    if ((not _SHARE_BEFORE_KEYS.isdisjoint(f.sentence_words) and (_SHARE_BEFORE.search(before) or _SHARE_BEFORE_LOOSE.search(before)))
            or _SHARE_OF.match(f.rest) or _SHARE_AFTER.match(f.rest) or (q.unit == "percent" and (_share_subject(f) or _PART_OF_A_MASS.match(f.rest)))):
        return "share"
    return SKIP


# "38.2% of industrial output", "40 percent of new construction": a percentage of a whole named by a noun phrase (a
# mass, not only the plural _SHARE_OF reads); not "of last year" or "of the same period", times
_PART_OF_A_MASS = re.compile(r"\s+of\s+(?!(?:the\s+)?" + alternation("time_deixis_words") + r"\b)(?:the\s+|its\s+|their\s+)?(?:[a-z][\w-]*\s+){0,4}?"
                             r"(?!" + alternation("period_nouns") + r"\b)[a-z][\w-]{2,}\b")


def _share_subject(f: Figure) -> bool:
    """A percentage whose subject is a share of a whole ('the share of orchards under organic certification has
    climbed to', 'their share of output rose from') or the ratio or share the sentence before named ('The ratio reached')."""
    if f.q.unit != "percent" or _SHARE_NOUNS.isdisjoint(f.sentence_words):
        return False
    head = f.head
    return bool(_SHARE_OF_SUBJECT.search(head) or _RATIO_SUBJECT.match(head))


_SHARE_NOUNS = word_class("share_nouns")  # (sentence_words are lower-case)
_FALLING_COMPARATIVES = word_class("falling_comparatives")  # "30 percent lower than", "slower by 2 points": a fall
_SHARE_VERB = alternation("share_subject_verbs") + r"\b"
# "the share of orchards under organic certification has climbed to", not "the share of days with good air quality was"
# ("has risen by 4.1 percentage points to": the change in points between the verb and the share it reached)
_SHARE_OF_SUBJECT = re.compile(r"\b" + alternation("share_of_nouns") + r"\s+(?:of|in)\s+(?!" + alternation("time_share_nouns") + r"\b)[^,;.]{1,80}?\b" + _SHARE_VERB
                               + r"(?:\s+by\s+\d[\d.]*\s+(?:percentage\s+)?points?)?[^,;.\d]{0,20}$", re.IGNORECASE)
# "The ratio reached", "Foreign firms' share was": a share named as the subject, by a determiner or a possessive
_RATIO_SUBJECT = re.compile(r"\W*(?:" + alternation("subject_determiners", case="capitalised") + r"|(?:[\w-]+\s+){0,3}?[\w-]+[’'](?:s\b)?)\s+"
                            + alternation("share_nouns") + r"\s+" + _SHARE_VERB + r"[^,;.\d]{0,20}$")


@KIND.rule(("The district's GDP reached [124.83 billion yuan].", "level"),
           ("Last year the county paved 14 village roads and created [3,200] farm jobs.", "level", "2024-02-01"))
def amount(f: Figure):
    """A figure that no other rule reads as a change, share or goal is an amount at a time or over a period: a level."""
    return "level"


# "by 2025", "by the end of next year", "by the end of the 14th Five-Year Plan": a deadline
_DEADLINE = r"(?:the\s+" + alternation("deadline_edges") + r"\s+of\s+(?:the\s+)?)?(?:(?P<y>(?:19|20)\d{2})|(?P<rel>this|next)\s+year|\d{1,2}(?:st|nd|rd|th)\s+Five-Year\s+Plan)"
_BY_YEAR = re.compile(r"\bby\s+" + _DEADLINE, re.IGNORECASE)
_BEFORE_YEAR = re.compile(r"\bbefore\s+" + _DEADLINE, re.IGNORECASE)
_FUTURE_PREDICATE = re.compile(r"\b(?:will|shall)\s+" + alternation("future_predicates") + r"\b", re.IGNORECASE)
_FUTURE_VERB = re.compile(r"\s+(?:[\w’'-]+\s+){0,4}?(?:will|shall)\s+(?:also\s+|further\s+)?[a-z]+"
                          # "38 new projects are to start construction", "30 projects worth 15 billion yuan in all are to be signed"
                          r"|\s+(?:[\w’'-]+\s+){0,6}?(?:is|are)\s+to\s+(?:be\s+)?[a-z]+"
                          # "more than half of the district's industrial firms above designated size should have gone digital": what
                          # ought to be so by a time is a goal, as what will be
                          r"|\s+of\s+(?:[\w’'-]+\s+){1,8}?should\s+(?:have\s+|be\s+)?[a-z]+"
                          # "with 9.8 billion yuan to be invested this year": a passive infinitive of what is to be done
                          r"|\s+(?:[\w’'-]+\s+){0,3}?to\s+be\s+[a-z]+ed\b", re.IGNORECASE)
_RATE_OF_GRANT_BEFORE = re.compile(r"\b(?:" + phrase_pattern(_CUES["support_nouns"]) + r")\s+" + alternation("grant_rate_links") + r"\s+$", re.IGNORECASE)
_OF_A_BASE = re.compile(r"\s+of\s")
# "subsidies of up to", "rent subsidies will cover up to", "vouchers covering up to": what a grant gives, capped
_CAP_BEFORE = re.compile(r"\b(?:" + phrase_pattern(_CUES["support_nouns"]) + r")\s+(?:(?:" + alternation("modal_verbs", "permissive_modals") + r"\s+)?"
                         + alternation("cap_links") + r"\s+)?(?:up\s+to|at\s+most|no\s+more\s+than)\s+$",
                         re.IGNORECASE)
# "subsidies ... capped at", "a cap of": the most a grant named before gives
_CAPPED_AT = re.compile(r"\b(?:(?:capped|limited)\s+(?:at|to)|a\s+cap\s+of)\s+$", re.IGNORECASE)
_SUPPORT_NOUN = re.compile(r"\b(?:" + phrase_pattern(_CUES["support_nouns"]) + r")\b", re.IGNORECASE)
# "a single company receiving no more than", "each firm can receive up to": the most one receives under a policy
_CAP_RECEIVED = re.compile(r"\b" + alternation("receiving_verbs") + r"\s+(?:up\s+to|at\s+most|no\s+more\s+than|not\s+more\s+than|a\s+maximum\s+of)\s+$",
                           re.IGNORECASE)
_PEOPLE_AFTER = re.compile(r"\s+(?:[a-z-]+\s+)?" + alternation("people_nouns", "people_nouns_of_a_role") + r"\b")  # "30,000 (young) researchers"
_PROVIDING = re.compile(r",\s*(?:" + phrase_pattern(_CUES["provision_participles"]) + r"|(?:which|that)\s+(?:will\s+(?:"
                        + phrase_pattern(_CUES["provision_verbs"]) + r")|(?P<now>" + phrase_pattern(_PROVIDES) + r")))\s+(?:"
                        + alternation("approximators") + r"\s+)?$", re.IGNORECASE)
_IT_WILL_PROVIDE = re.compile(r"\W*It\s+will\s+(?:" + phrase_pattern(_CUES["provision_verbs"]) + r")\s+(?:" + alternation("approximators")
                              + r"\s+)?")
_WOULD_VERB = re.compile(r"\s+(?:[\w’'-]+\s+){0,4}?would\s+(?!have\b)[a-z]+", re.IGNORECASE)
_SAID_BEFORE = re.compile(r"\b(?:" + phrase_pattern(_CUES["speech_verbs"]) + r")\b", re.IGNORECASE)
_IRREGULAR_PAST = frozenset(word_lists("words")["irregular_past_verbs"])
# the subject, then an aside in the present or of worth: "The company, which employs", "The project, worth"
_SUBJECT_ASIDE = re.compile(r"[^,;:]{3,80},\s*(?:(?:which|who|that)\s+(?:now\s+|already\s+|currently\s+|still\s+)?(?:is|has|[a-z]+[^s\W]s)\b|"
                            r"whose\s+(?:[\w’'-]+\s+){1,3}?(?:is|are|has|have)\b|"
                            r"worth|valued\s+at|now|currently|" + alternation("describing_participles") + r")\s+[^,;:]*$", re.IGNORECASE)
def may_open_with_an_aside(head: str) -> bool:
    """Whether ``head`` (a sentence up to a figure) may match _SUBJECT_ASIDE: it holds one comma, 3 to 80 characters in,
    and no other of , ; : (tested first: few sentences do, and the pattern would be tried at each length up to 80)."""
    return 3 <= head.find(",") <= 80 and head.count(",") == 1 and ";" not in head and ":" not in head


_ASIDE_CLOSES = re.compile(r"[^,;.]*,\s+(?!and\b|or\b|up\b|down\b)")  # the aside ends and the main clause goes on
_ADJECTIVAL_SIZE = re.compile(r"\d-[A-Za-z]")  # "480-meter", "6-sq-km": a measure as an adjective
# a thing built, named within the noun phrase after the figure: "-bed Central Hospital", "chip packaging plant", "sewage plant"
_BUILT_THING_AFTER = re.compile(r"(?:-[a-z]+)?(?:\s+[\w’'-]+){0,4}?\s+(?:" + alternation("building_nouns") + "|" + alternation("built_project_nouns")
                                + r")\b", re.IGNORECASE)
# "with 5,000 servers", "with a floor area of 340,000 square meters": what the thing has (not "with a total investment of")
_WITH_BEFORE = re.compile(r"\bwith\s+(?:an?\s+(?:[a-z]+\s+){0,2}?area\s+of\s+)?(?:" + alternation("approximators") + r"\s+)?$", re.IGNORECASE)
# a noun phrase opening the sentence, its extent after "covering" or "of": "A second phase covering", "The new park of"
_OPENING_NP_MEASURE = re.compile(r"\W*(?:an?|the|its|their)\s+(?:[\w’'-]+\s+){1,7}?(covering|spanning|of)\s+(?:"
                                 + alternation("approximators") + r"\s+)?", re.IGNORECASE)
# a participle of extent opening the sentence, the measure its object: "Covering 2.3 square kilometers, the zone ..."
_OPENING_PARTICIPLE = re.compile(r"\W*(?:Covering|Spanning|Occupying|Measuring)\s+(?:an?\s+(?:[a-z]+\s+)?area\s+of\s+)?(?:"
                                 + alternation("approximators") + r"\s+)?")
_COUNT_AS_ADJECTIVE = re.compile(r"-[a-z]+\s+[A-Za-z]")  # "the 600-bed hospital", "the 38-story Pier Center": a count as the adjective of its noun
_PLANNED_ATTRIBUTE = re.compile(r"\bthe\s+" + alternation("aim_participles") + r"\s+$", re.IGNORECASE)  # "The planned 1.2-square-kilometer park"
_DEFINITE_BEFORE = re.compile(r"(?:\bthe|\w[’']s)\s+$", re.IGNORECASE)  # "the 480-meter tower", "the North Bund's 480-meter tower"
_PLACE_BEFORE = re.compile(r"\b(?:along|across|around|through|throughout|inside|within|beside|near)\s+the\s+$", re.IGNORECASE)
_WITH_ASIDE = re.compile(r",\s*with\s+an?\s+(?:[a-z]+\s+){0,2}?area\s+of\s+(?:" + alternation("approximators") + r"\s+)?$", re.IGNORECASE)
_FUTURE_WORDS = frozenset(_CUES["future_auxiliaries"])
_NOT_SIZES = frozenset(("percent", "pp", "times", "permille", "year", "month", "day", "hour", "minute"))
_DURATION_UNITS = frozenset(("year", "month", "day", "hour", "minute"))
_THAN_YARDSTICK = re.compile(r"[^,;.]{0,60},?\s*(?:" + alternation("degree_adverbs") + r"\s+)?(?:" + alternation("comparatives") + r"\s+than|compared\s+(?:with|to)|" + alternation("outpacing_participles")
                             + r")\s+(?:in\s+|at\s+|for\s+)?"
                             r"(?:the\s+)?(?:[\w’'-]+\s+){0,4}?(?:" + alternation("approximators") + r"\s+)?$", re.IGNORECASE)
_A_SHARE_AFTER = re.compile(r"\s+(?:share|proportion)\b", re.IGNORECASE)  # "higher than the 30% share of services"
_RESULT_TO = re.compile(r"\W*(?:" + phrase_pattern(_CUES["result_participles"]) + r")\b[^,;.]{0,80}?\bto\s+(?:"
                        + alternation("approximators") + r"\s+)?$", re.IGNORECASE)
_OR_RESTATED = re.compile(r"[^,;.]{0,60},\s*or\s+(?:" + alternation("approximators") + r"\s+)?$", re.IGNORECASE)
_LEADING_DEADLINE = re.compile(r"^\W*By\s+" + _DEADLINE)


# "contracted foreign investment of $780 million", "expanded capacity of 500 MW": a participle describing the noun, whose amount follows
_NOUN_OF_AFTER_PARTICIPLE = re.compile(r"\s+(?:[A-Za-z-]+\s+){1,3}of\s+(?:" + alternation("amount_approximators") + r"\s+)?(?:US|HK)?\$?")
_PASSIVE_GROWN = re.compile(r"\b" + alternation("be_all_forms") + r"\s+grown$", re.IGNORECASE)  # cultivated, not increased
_PART_OF_OPENING = re.compile(r"\W*" + alternation("part_of_openers", case="capitalised") + r"\s+" + alternation("part_of_referents")
                              + r"\b[^.;]*?,\s*(?:" + alternation("sibling_approximators") + r"\s+)?$")
# "would complete 18 key projects in 2021, with total investment exceeding 30 billion yuan": what the goal's projects cost
_GOAL_TOTAL_INVESTMENT = re.compile(r"[^;.]{0,80}?,?\s*with\s+(?:an?\s+)?" + alternation("investment_modifiers") + r"\s+investment\s+"
                                    + alternation("investment_links") + r"\s+(?:" + alternation("sibling_approximators") + r"\s+)?(?:RMB\s+|US\$|\$)?$", re.IGNORECASE)
# "..., including 20 ...", "..., of which ...", "to 150 billion yuan by 2025, with at least 5 companies each producing ..."
_PART_OF_GOAL = re.compile(r"[^.;]*,\s*" + alternation("part_of_goal_leads") + r"\s+(?:" + alternation("part_approximators") + r"\s+)?(?:US|HK)?\$?$")
# "planned on 26 square kilometers", "a planned area of 12.8 square kilometers": laid out, a size, not a goal
# "35 met or exceeded their targets, 5 fell short": goals reached or missed, named after the verb, mark no goal after them
_GOAL_MET = re.compile(r"\b" + alternation("goal_met_verbs") + r"\b", re.IGNORECASE)
# "exceeded its target of 10,000": the figure is the goal's value, met or not (as "the plan's goal of 1,400")
_GOAL_VALUE_OF = re.compile(r"\s+of\s+(?:" + alternation("approximators") + r"\s+)?")
_GOAL_MET_BEFORE = re.compile(r"\b" + alternation("goal_met_verbs") + r"\s+"
                              r"(?:or\s+[a-z]+\s+)?(?:their|its|the|our|all)\s+(?:[a-z]+\s+)?$", re.IGNORECASE)
# "The area, with 3.2 million square meters of office space planned, saw 146 firms register": "planned" closes an aside
# about the subject; the figures of the main clause after it are no goals
_ASIDE_END = re.compile(r"\s*,")
_LAID_OUT = re.compile(r"\s+" + alternation("laying_prepositions") + r"\b|\s+(?:" + phrase_pattern(_CUES["planned_extent_nouns"])
                       + r")\s+" + alternation("laid_out_links") + r"\b")  # "a planned area of", "the total planned area is"
_COMMA_VERB = re.compile(r",\s*(?:to\s+)?([a-z]+)\s")
# "The main targets for 2025 are as follows: GDP growth of around 5.5%; ...": a list of goals after a colon
_GOAL_LIST = re.compile(r"\b" + alternation("goal_nouns") + r"\b[^.:;]{0,60}:\s", re.IGNORECASE)
# a plan in reported speech: "Xiao said the district would plant 50 hectares of green space next year"
_REPORTED_FUTURE = re.compile(r"\b(?:" + phrase_pattern(_CUES["speech_verbs"]) + r")\b[^.;]{0,160}\bwould\s+(?:\w+\s+){0,6}$", re.IGNORECASE)
_NEXT_CLAUSE = re.compile(r"[,;]\s+" + alternation("clause_conjunctions") + r"\s|;")
# a second predicate of the same subject: "the area now has 2.1 million m2 and will add 800,000 more"
_HOLDING_NOW_THIRD = [v for v in word_lists("grammar")["holding_now_verbs"] if v.endswith("s")]  # "employs", "houses"
_NEXT_PREDICATE = re.compile(r"\s(?:and|but)\s+" + alternation("next_predicate_verbs") + r"\b")
# the figure is an object of a verb in its clause, so a later predicate is not its own
# ("employs", "houses": a present verb of holding, what the subject has now: "The mill has a staff of 250 and
# is expected to ...": the aim is the next predicate's)
_VERB_BEFORE_OBJECT = re.compile(r"\b(?:has|have|had|is|are|was|were|now\s+\w+s|\w+ed|" + phrase_pattern(_HOLDING_NOW_THIRD)
                                 + r")\s+(?:[\w’'-]+\s+){0,4}$", re.IGNORECASE)


def _coordinated_goal(gap: str) -> bool:
    """A second goal joined to the first by "and" or a comma and a verb: "to lift output to X and (to) expand the firms to
    150", "will launch 20 projects, renovate 1,000 buildings and build 5 schools"; after "and to", a verb of holding
    too, the second infinitive of the same aim ("aims to lift investment to X by 2025 and to have 2,000 firms by then")."""
    m = AND_VERB.search(gap) or _COMMA_VERB.search(gap)
    if m is None or re.search(r"[;.]", gap[m.end():]):
        return False
    verb = m.group(1)
    # a verb in the past joined to a goal ("planned to build 10 schools and completed 12") tells what was done
    return (verb in ACTION_VERBS and not _is_past(verb)) or (verb in _HOLDING_INFINITIVES and _AND_TO.match(m.group(0)) is not None)


_HOLDING_INFINITIVES = frozenset(word_lists("words")["holding_infinitives"])
_AND_TO = re.compile(r"and\s+to\s")


def _is_past(verb: str) -> bool:
    """A past form of a verb of doing: regular ('completed') or one of the irregular ('built', 'began')."""
    return verb.endswith("ed") or verb in _IRREGULAR_PAST


def _opens_with_deadline(sentence_head: str, year: int | None) -> bool:
    """ "By 2025, the district aims to ...": a sentence that opens with a future deadline states goals."""
    m = _LEADING_DEADLINE.match(sentence_head)
    return m is not None and _future_deadline(m, year)


def _is_target(before: str, after: str, year: int | None) -> bool:
    # each pattern is tried only where one of its key words is (the words of a short window are cheaper to find than a
    # case-blind alternation of some 50 phrases is to try at every character)
    if not _TARGET_BEFORE_KEYS.isdisjoint(words_of(before)) and any(
            not (m.group(1).lower() == "planned" and (_LAID_OUT.match(before, m.end()) or _ASIDE_END.match(before, m.end())
                                                      or _planned_for_a_past_time(before, m.end(), year)))
            and not (_GOAL_MET_BEFORE.search(before, 0, m.start()) and not _GOAL_VALUE_OF.fullmatch(before, m.end()))
            for m in _TARGET_BEFORE.finditer(before)):
        return True
    after = _NEXT_CLAUSE.split(after, 1)[0]  # "handled 4.1 million TEUs, and its terminal is expected to ...": another clause's goal
    after_words = words_of(after)
    if not _TARGET_AFTER_KEYS.isdisjoint(after_words) and any(not _past_time_at(after, m.end(), year) for m in _TARGET_AFTER.finditer(after)):
        return True
    m = _BY_YEAR.search(after[:80]) if "by" in after_words else None
    if m is None and "before" in after_words:  # "3,500 more are planned before 2027": a deadline, as "by"
        m = _BEFORE_YEAR.search(after[:80])
    if m:
        if m["y"]:
            return year is not None and int(m["y"]) >= year
        return True
    return False


# "the 12 projects planned for last year": a plan whose time is past, its figure what was to be done then
_PAST_TIME_AFTER = re.compile(r"\s+(?:" + alternation("past_year_phrases") + r"|(?P<y>(?:19|20)\d{2}))\b", re.IGNORECASE)


def _planned_for_a_past_time(text: str, pos: int, year: int | None) -> bool:
    """'(planned) for last year', '(planned) for 2022' said in 2023: a plan whose time is over, no goal to come."""
    m = _FOR_AFTER.match(text, pos)
    return m is not None and _past_time_at(text, m.end(), year)


_FOR_AFTER = re.compile(r"\s+for\b")


def _past_time_at(text: str, pos: int, year: int | None) -> bool:
    """A time already past stands at ``pos`` ('planned for last year', 'scheduled for 2021' in a text of 2023)."""
    m = _PAST_TIME_AFTER.match(text, pos)
    return m is not None and (not m["y"] or (year is not None and int(m["y"]) < year))


def _signed_negative(q: Quantity, prev: Quantity | None, before: str, after: str) -> bool:
    """Whether a change is a fall: its own words say so, or it shares the word of the figure it converts or follows in a
    list ("down 12.5% and 9.8% respectively": both fell; "fell 3% (about 1.2 billion yuan)")."""
    if q.why["kind"] in ("kind.conversion", "kind.restated_with_or", "kind.gapped_change"):
        return prev is not None and prev.value < 0  # ("fell by 2% and retail sales by 1.5%": the verb left out is "fell")
    if q.why["kind"] == "kind.list_item" and prev is not None and prev.kind == "change" and prev.value < 0:
        return not any(_last_change_words(before))
    return _is_decrease(before, after)


# "the decline narrowed by 1.3 percentage points": a fall that narrows is a rise
_NARROWED_FALL = re.compile(r"\b(?:" + phrase_pattern(_CUES["fall_nouns"]) + r")\b(?:\s+(?:in|of)\s+[\w\s’'-]{1,40}?)?\s+(?:"
                            + phrase_pattern(_CUES["narrowing_words"]) + r")\b[^,;]{0,30}$", re.IGNORECASE)


# "down 1.7%, a decline 2.5 percentage points narrower than in January-June": a fall that is smaller than the one before
# is a rise of the rate, as "the decline narrowed by 2.5 points" is
_FALL_RIGHT_BEFORE = re.compile(r"\b(?:" + phrase_pattern(_CUES["fall_nouns"]) + r")\s+(?:(?:was|is|were|has\s+been)\s+)?(?:of\s+)?$",
                                re.IGNORECASE)  # "a decline 2.5 points narrower", "the decline was 0.6 points narrower"
_NARROWER_AFTER = re.compile(r"^\s+" + alternation("narrower_comparatives") + r"\b", re.IGNORECASE)


def _is_decrease(before: str, after: str) -> bool:
    if _NARROWER_AFTER.match(after) and _FALL_RIGHT_BEFORE.search(before):
        return False
    up, down = (None if w is None else w[0] for w in _last_change_words(before))
    if down is not None and (up is None or down > up) and _NARROWED_FALL.search(before):
        return False
    m = _UP_DOWN.search(before)
    if m:
        return m.group(1).lower() == "down"
    m = COMPARED_BY.search(before)
    if m:
        return m.group(1).lower() in _FALLING_COMPARATIVES
    comparative = _COMPARATIVE_AFTER.match(after)
    if comparative:
        return comparative.group(0).split()[-1].lower() in _FALLING_COMPARATIVES
    m = CHANGE_AFTER.match(after)
    if m and down is None and up is None:
        return bool(_CHANGE_DOWN.fullmatch(m.group(1)))
    if down is None:
        return False
    return up is None or down > up


