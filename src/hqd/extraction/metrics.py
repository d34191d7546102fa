"""What a figure measures: its metric, asked of one reader after another, each for a sort of figure."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import takewhile

from ..model import Quantity
from .figure import cached_property  # functools' own takes a lock at every first read
from .lang.en import MONEY_UNITS, alternation, month_names, word_class, word_lists
from .phrases import (
    ACTION_VERBS, AND_VERB, APPROXIMATOR_WORDS, CHANGE_AFTER, CHANGE_BLOCK, COMPARED_BY, COUNT_ADJECTIVE, DIMENSION_ASIDE, EXTENT_VERB_BEFORE, CAPPED_AT, GOAL_VERBS, HOLDING_VERBS, LIST_GAP, OPENED_WITH,
    TIME_START, TO_BEFORE, TOTAL_TO, Context, clause_after, measure_aside, noun_phrase_after, phrase_words, trim_metric, word_list,
)
from .ranges import is_range
from .rules import SKIP, RuleTable, key_words
from .segments import Sentence

_CUES = word_lists("cues")
_WORDS = word_lists("words")

_GOAL_PARTICIPLES = {w for w in [p.split()[0] for p in _CUES["target_after"]] + _CUES["target_before"] if w.endswith("ed") or w == "due"}
_CLASSIFIERS = set(_CUES["classifier_nouns"])
_CHANGE_VERBS = {w for w in _CUES["change_up"] + _CUES["change_down"] if " " not in w and w.endswith(("ed", "ing", "cut", "cuts"))}
_APPROX = alternation("approximators")  # "about", "more than", "at least": words that qualify a figure's size
_THRESHOLD_BEFORE = re.compile(rf"\b{alternation('passing_verbs')}(?:\s+{_APPROX})?\s*$", re.IGNORECASE)
_NEW_SUBJECT = re.compile(rf"\band\s+(?=(?:{alternation('determiners')}|this)\s)", re.IGNORECASE)
_LIST_INTRODUCER = re.compile(rf"\b{alternation('list_introducers')}\s", re.IGNORECASE)
_LIST_TAIL = re.compile(r"^\s*(?!and\b)(?:[^\W\d]+[-\s]+){1,4}and\s", re.IGNORECASE)  # "life sciences and ..."
_CLAUSE_WORD = re.compile(rf"\b{alternation('clause_words')}\b", re.IGNORECASE)  # a segment holding one is a clause, not a list item
_ADVERBIAL_START = re.compile(rf"\s*{alternation('adverbial_prepositions')}\b", re.IGNORECASE)
_PASSIVE_TAIL = re.compile(r"^\s+(?:each\s+)?" + alternation("passive_auxiliaries") + r"\s+([a-z]+ed\b[^,.;:]{0,60})", re.IGNORECASE)
_OF_PHRASE = re.compile(r"\s+(of\s+(?:[^,.;:]|(?<=\d)[,.](?=\d)){2,120})")  # "of Minhang's 2,900 firms": a number's comma ends nothing
_TAIL_PHRASE = re.compile(r"\s+(?:" + alternation("threshold_nouns") + r"\s+)?" + alternation("tail_prepositions")
                          + r"\s+((?:[^,.;:]|(?<=\d)[,.](?=\d)){2,120})", re.IGNORECASE)
_OF_COUNT_HEAD = re.compile(r"\b((?:[A-Za-z][\w-]*\s+){1,6}?)(" + alternation("count_head_prepositions") + r")\s+(?:"
                            + alternation("count_determiners") + r"\s+)?$", re.IGNORECASE)
# "among Shanghai's 16 districts", "the park's 1,200 enterprises": the words before the count belong to another phrase
_PREPOSITION_OBJECT = re.compile(r"\b" + alternation("group_prepositions") + r"\s+(?:" + alternation("group_determiners")
                                + r"\s+|[A-Z][\w-]*['’]s\s+)?$|\w['’]s\s+$", re.IGNORECASE)
_CHANGE_IN = re.compile(r"\s+(?:in|of)\s+((?:(?!\s+to\s+\d)[^,.;:]){2,120})")
_LINE_LABEL = re.compile(r"(?:^|\n)[ \t]*(?:[-•*·▪][ \t]*|\d{1,2}[.)][ \t]+)?((?=[^\n:]*[A-Za-z]{2})[A-Za-z0-9](?:[^\n:;,.]|(?<=\d)[,.](?=\d)){1,60}):[ \t]*"
                         # "- fixed-asset investment: up 10.2%": the label's change
                         r"(?:(?:" + alternation("label_change_words") + r"|an?\s+" + alternation("change_nouns") + r"\s+of)[ \t]+)?(?:" + _APPROX + r"[ \t]+)?$")
_WITH_MEASURE_OF = re.compile(
    r"^[^,.;]{0,60}?,?\s*with\s+(?:a|an)\s+((?:" + alternation("measure_modifiers") + r")?\s*[a-z][a-z -]{2,30}?)\s+of\s+"
    rf"(?:{_APPROX}\s+)?$"
)
_WITH_TAIL = re.compile(r"\s+with\s+")
_REACHING_VERBS = word_class("reaching_verbs")
_INVEST_VERBS = word_class("invest_verbs")
_ASIDE_DIMENSIONS = word_lists("grammar")["aside_dimensions"]  # the dimension an adjective of size names ("120 km long": length)
_SPEND_VERBS = word_class("spend_verbs")
# what money is spent or invested on: "in 30 projects", "on road repairs", "to support intelligent manufacturing"
_PURPOSE = re.compile(rf"\s+(on|in|into|for|to\s+(?!(?:{alternation('determiners')}|this|that|date|{_APPROX})\b)[a-z]+)\s+(?=[A-Za-z0-9“\"])")
_MONEY = MONEY_UNITS
_ADJECTIVE_END = re.compile(rf"{alternation('adjective_suffixes')}$", re.IGNORECASE)
_OF_THEM = re.compile(r"\s+of\s+" + alternation("referring_pronouns") + r"\b", re.IGNORECASE)
_DIMENSIONS = _WORDS["unit_dimensions"]
_RECEIVING_VERBS = set(_WORDS["receiving_verbs"])
_MEASURES = {"mu", "m2", "km2", "ha", "km", "m", "ton", "kg", "tce", "kWh", "TEU"}
_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
_ANOTHER_WORDS = word_class("another_words")  # "another 800,000": more of what was named
_BE_FORMS = word_class("be_forms")
_HAVE_FORMS = word_class("have_forms")
_AUXILIARIES = _BE_FORMS | _HAVE_FORMS | {"will"}
_DETERMINERS = word_class("determiners")
_TOTAL_WORDS = word_class("total_words")  # "investing a total of 36 billion yuan": no part of what is measured
_OWNER_DETERMINERS = word_class("owner_determiners")
_MODAL_VERBS = word_class("modal_verbs")
_OWNER_PHRASE_CUTS = word_class("owner_phrase_cuts")  # "to", "and", "that", a goal verb: where the words before an owner end
_SELF_REFERENCES = word_class("self_references")  # a subject that names no measure: "it", "we", "the district"
_SKIP_CLAUSE = re.compile(rf"^\s*{alternation('clause_openers')}\b", re.IGNORECASE)


def _list_head(text: str, floor: int, clause_start: int, end: int) -> int | None:
    """Start of the noun that a comma list ending just before a figure belongs to, or None.

    "The output of its three industries of AI, life sciences and digital culture exceeded
    420 billion yuan": the comma cuts the clause to "life sciences and digital culture",
    but what exceeded is the output; the list's items hang on it by "of", "such as", "including".
    """
    if not _LIST_TAIL.match(text[clause_start:end]) or _CLAUSE_WORD.search(text[clause_start:end]):
        return None
    start = clause_start
    for _ in range(6):  # at most a few short items, then the head
        comma = text.rfind(",", floor, start - 1)
        segment = text[max(comma + 1, floor):start - 1]
        if re.search(r"\d|[;:]", segment) or _CLAUSE_WORD.search(segment):
            return None
        start = max(comma + 1, floor)
        if _LIST_INTRODUCER.search(segment):
            return None if _ADVERBIAL_START.match(segment) else start
        if comma < floor or len(segment.split()) > 4:
            return None
    return None


def _respectively_items(text: str, sentence_start: int, first_q: int, count: int) -> list[str] | None:
    """'A, B, and C have risen by 1%, 2% and 3% respectively': the list items before the numbers, after a speaker's label
    ('Tang Xiaolu: In 2023, A and B rose ...') and an opening time phrase."""
    label = text.rfind(": ", sentence_start, first_q)
    items = [i for i in _list_items(text[label + 2 if label >= 0 else sentence_start:first_q]) if not TIME_START.match(i.strip())]
    if len(items) < count and items:
        items = items[:-1] + _and_items(items[-1])
    if len(items) < count:
        return None
    words = [trim_metric(word_list(i)) for i in _shared_head(items[-count:])]
    if words[-1] and len(words[-1]) > 1 and all(len(w) == 1 and _ADJECTIVE_END.search(w[0]) for w in words[:-1]):
        words = [w + words[-1][1:] for w in words[:-1]] + [words[-1]]  # "primary, secondary and tertiary industries"
    return [" ".join(w) for w in words]


_PARTICIPLE_THEN_OBJECT = re.compile(r"\s*\w+ing\s+" + alternation("object_openers") + r"\b")  # "amassing a total of"


def _list_items(head: str) -> list[str]:
    """The comma-parted items of the words before a list of figures, less those that name nothing ("Among them, ...")."""
    items = [i for i in re.split(r",\s*(?:and\s+)?", head) if i.strip()]
    if len(items) > 1 and _PARTICIPLE_THEN_OBJECT.match(items[-1]):
        items.pop()  # "..., amassing a total of 42 and 52": the participle is not a list item; "manufacturing and ..." is
    return [i for i in items if trim_metric(word_list(i)) and not _SKIP_CLAUSE.match(i)]


def _and_items(item: str) -> list[str]:
    """An item that is itself two joined by "and"; a head "... of" that the first has serves the second too."""
    last = [i for i in re.split(r"\s+and\s+", item) if i.strip()]
    shared = re.match(r"(.*?\bof\s+)", last[0])
    if shared and len(last) > 1:
        # "the revenue of legal services and consulting firms rose 12.3% and 9.8% respectively": both are revenues
        last = [last[0]] + [p if re.search(r"\bof\b", p) else shared.group(1) + p for p in last[1:]]
    return last


_HEAD_PREPOSITION = re.compile(r"\b" + alternation("head_prepositions") + r"\b")
_UP_TO_HEAD_PREPOSITION = re.compile(r"(.*?\b" + alternation("head_prepositions") + r"\s+)")


def _shared_head(items: list[str]) -> list[str]:
    """Short items after a first one that names their head ("the output of ICs, biomedicine and AI") take that head."""
    shared = _UP_TO_HEAD_PREPOSITION.match(items[0])
    if shared and all(not _HEAD_PREPOSITION.search(i) and len(i.split()) <= 4 for i in items[1:]):
        # "the output of ICs, biomedicine and AI", "revenue from services, manufacturing and agriculture"
        return [items[0]] + [shared.group(1) + i.strip() for i in items[1:]]
    return items


@dataclass
class _Site:
    """Where a figure stands in its sentence: what the metric rules below read. The words a rule reads are worked
    out once, when a rule first asks for them (the cached properties), in the order the rules run."""

    ctx: Context
    q: Quantity
    i: int
    quantities: list[Quantity]
    members: range  # indexes of the quantities in the same sentence
    prev: Quantity | None  # the figure just before, in the same sentence
    sentence: Sentence
    link: str | None
    after: str  # the rest of the figure's clause
    clause_start: int
    floor: int  # the words that may name the figure start here: after the previous figure, or at the sentence start
    before: list[str]  # those words, trimmed

    @property
    def text(self) -> str:
        return self.ctx.text

    def words_before_span(self, start: int | None = None) -> tuple[int, int]:
        """Bounds of the words before the figure, from its own words' start (``floor``, or ``start``): the patterns
        read there end at the figure ("$"), so how far back they may reach is theirs to say."""
        return self.floor if start is None else start, self.q.start

    @property
    def sentence_words(self) -> frozenset[str]:
        """The words of the figure's sentence, which the table looks a rule's cues up in (:class:`rules.Rule`)."""
        return self.ctx.seg.words(self.ctx.seg.index_at(self.q.start))

    def sentence_holds(self, cues: frozenset[str]) -> bool:
        """Whether the figure's sentence holds one of the words ``cues`` (for the rules that have cues)."""
        return self.ctx.seg.holds(self.ctx.seg.index_at(self.q.start), cues)

    @cached_property
    def last_word(self) -> str:
        return _last_word_before(self.text, self.floor, self.q.start)

    # what a count reads
    @cached_property
    def adjectival(self) -> bool:
        """A measure used as an adjective ("a 30-hectare park"): it names its head noun, as a count does."""
        q = self.q
        return bool(_hyphen_word_after_digit(q.text) and _WORD_RIGHT_AFTER.match(self.text, q.end)
                    and q.unit not in ("percent", "pp"))  # "a 20.3-percent jump in output" is a change, read as one

    @cached_property
    def counts(self) -> bool:
        """The figure counts things (or is a measure used as an adjective): it names them after it."""
        return self.q.unit == "count" or self.adjectival

    @cached_property
    def counted(self) -> list[str]:
        """The noun a count counts, after it: '167 [projects each valued at ...]', '8 are [Fortune Global 500 companies]'."""
        return _counted_noun(self)

    @cached_property
    def counts_units(self) -> bool:
        """What follows the count is only a classifier ("68,000 units"): it says what is counted in, not what."""
        return bool(self.counted) and all(w.lower() in _CLASSIFIERS for w in self.counted)

    @cached_property
    def count_before(self) -> list[str]:
        """The words before a count, less an "another" that says it adds to a total."""
        before = self.before
        if self.counts and before and before[-1].lower() in _ANOTHER_WORDS:
            return before[:-1]
        return before

    # what a change, a share and a level read
    @cached_property
    def named_before(self) -> list[str]:
        """The words before the figure that name it: for a change, those after its verb ("the wind farm cut [carbon
        emissions] by 400,000 tonnes": what was cut)."""
        before = self.count_before
        if self.q.kind != "change":
            return before
        verb = [k for k, w in enumerate(before[:-1]) if w.lower() in _CHANGE_VERBS]
        if verb and trim_metric(before[verb[-1] + 1:]):
            return trim_metric(before[verb[-1] + 1:])
        return before

    @cached_property
    def previous_sentence_start(self) -> int:
        """Where the sentence before the figure's starts (its own, for a text's first): how far back the rules that
        look for the measure named last may reach."""
        seg = self.ctx.seg
        return seg.sentences[max(0, seg.index_at(self.q.start) - 1)].start

    @cached_property
    def change_suffix(self) -> re.Match | None:
        return CHANGE_AFTER.match(self.after)

    @cached_property
    def level_words(self) -> list[str]:
        return _level_words(self)

    @cached_property
    def tail(self) -> re.Match | None:
        """ "of ...", "in ..." after an amount, unless a time phrase: "[5 km] of roads"."""
        return None if TIME_START.match(self.after.lstrip()) else _TAIL_PHRASE.match(self.after)

    @cached_property
    def tail_words(self) -> list[str]:
        """The words of the tail up to its verb, with the state that the verb leaves them in ("of riverbank are now open
        to the public", "of the farmland will be used for organic crops": which of them are measured), not when."""
        if self.tail is None:
            return []
        words = phrase_words(self.tail.group(1), 0, 10)
        verb = next((k for k, w in enumerate(words) if k and w.lower() in _AUXILIARIES), None)
        if not verb:
            return words
        state = _STATE_AFTER.search(self.tail.group(1))  # "9 km of riverbank are now open to walkers": which riverbank
        done = phrase_words(state["state"], 0, 8) if state and state["state"].split()[0].lower() not in _GOAL_PARTICIPLES else []
        done = done[:next((k for k, w in enumerate(done) if k and w.lower() in _DEADLINE_WORDS), len(done))]  # "by June": when
        return words[:verb] + done  # "260,000 square meters of office space are 90% leased": the space

    @cached_property
    def amount_words(self) -> list[str]:
        return _amount_words(self)

    @cached_property
    def subject_words(self) -> list[str]:
        return _subject_words(self)

    @cached_property
    def owner_words(self) -> list[str]:
        return _owner_words(self)


# what a predicate says was done to the things an amount is of, or the state it leaves them in: "of riverbank [are now]
# open to walkers", "of the land [will be] used for research", "of road [will] open to traffic"
_STATE_AFTER = re.compile(r"\s(?:" + alternation("passive_auxiliaries") + r"|will(?:\s+be)?|would(?:\s+be)?)(?:\s+" + alternation("linking_adverbs")
                          + r")?\s+(?P<state>(?:[a-z]+ed|open)\s+(?:to|for|as|into|by)\s[^,.;:]{2,60})")


_DEADLINE_WORDS = {"by", "before", "within", "until"}


def metric_of(ctx: Context, q: Quantity, quantities: list[Quantity], i: int, sentence_of: list[int], link: str | None) -> str | None:
    """The words that name what ``q`` measures, by the first rule of ``METRIC`` that fires (recorded in ``q.why``)."""
    site = _site(ctx, q, quantities, i, sentence_of, link)
    metric, q.why["metric"] = METRIC.run(site)
    per = _PER_POPULATION.match(ctx.text, q.end)
    if per and metric and " per " not in metric:
        metric = f"{metric} per {per.group(1)}"  # "4.5 hospital beds per 1,000 residents": the rate's denominator is part of it
    metric = _per_time(ctx.text, q, metric)
    full = _named_in_full_before(ctx, q, quantities, i, sentence_of, metric)
    if full != metric:
        q.why["metric"] = "metric.named_in_full_before"
    return _goal_for_average_growth(ctx, q, quantities, i, sentence_of, full)


def _per_time(text: str, q: Quantity, metric: str | None) -> str | None:
    """A figure said 'a day', 'a month', 'per year' ('ships 60,000 wafers a month', '50,000 visitors a day') is a rate:
    the time it is counted over is part of what is measured ('wafers a month'), unless the metric says it already."""
    if not metric or q.unit in _NOT_PER_TIME:
        return metric
    m = _PER_TIME.match(text, q.end)
    if m is None or m.group(1).lower() in metric.lower() or _TIME_WORD_IN.search(metric):
        return metric
    return f"{metric} a {m.group(1).lower()}"


_NOT_PER_TIME = {"percent", "pp", "times", "permille", "year", "month", "day", "hour", "minute"}
# "60,000 wafers a month", "28 million parcels a day in March", "3,000 workers each year": not "a year ago", "a year earlier"
_PER_TIME = re.compile(r"\s+(?:(?![Aa]\b|per\b|each\b)[A-Za-z][\w’'-]*\s+){0,3}?(?:a|per|each)\s+(day|week|month|year)\b(?!\s+(?:ago|earlier|later|before)\b)")
_TIME_WORD_IN = re.compile(r"\b" + alternation("periodic_adjectives") + r"\b", re.IGNORECASE)


def _goal_for_average_growth(ctx: Context, q: Quantity, quantities: list[Quantity], i: int, sentence_of: list[int],
                             metric: str | None) -> str | None:
    """A goal in percent that takes its measure from a change at an average annual rate just before ("exports rose at an
    average annual rate of 2.8%, below the 5% expected in the plan") is a goal for that rate of growth: the measure's
    average annual growth. (The change itself is named by what changed, as the contract asks.)"""
    if not metric or q.kind != "target" or q.unit != "percent" or _GROWTH_WORD.search(metric):
        return metric
    for j in range(i - 1, -1, -1):
        o = quantities[j]
        if sentence_of[j] < sentence_of[i] - 1:
            break
        if o.metric == metric and o.kind == "change":
            start = ctx.seg.sentences[sentence_of[j]].start
            return f"{metric} average annual growth" if _AVERAGE_RATE_OF.search(ctx.text, start, o.start) else metric
    return metric


# "at an average annual rate of", "an average annual growth of": a change said as a yearly average
_AVERAGE_RATE_OF = re.compile(r"\b(?:at\s+)?an?\s+" + alternation("average_annual_words") + r"\s+(?:growth\s+rate|growth|rate|increase)\s+of\s+(?:"
                              + alternation("approximators") + r"\s+)?$", re.IGNORECASE)
_GROWTH_WORD = re.compile(r"\b(?:growth|average|rate|annual)\b", re.IGNORECASE)


def _named_in_full_before(ctx: Context, q: Quantity, quantities: list[Quantity], i: int, sentence_of: list[int],
                          metric: str | None) -> str | None:
    """A measure named again short, with 'the' ("the equipment industries grew ..." after "the output of the district's
    marine equipment industries reached ..."), is the one named in full in the sentence before: its full name."""
    if not metric:
        return metric
    full = None
    for j in range(i - 1, -1, -1):
        if sentence_of[j] < sentence_of[i] - 1:
            break
        if sentence_of[j] < sentence_of[i] and _names_in_full(quantities[j].metric, metric):
            full = quantities[j].metric
            break
    if full is None:
        return metric  # looked for first: the pattern below is built anew for each metric
    sentence_start = ctx.seg.sentences[sentence_of[i]].start
    return full if re.search(rf"\bthe\s+{re.escape(metric)}\b", ctx.text[sentence_start:q.start]) else metric


def _names_in_full(full: str | None, metric: str) -> bool:
    """``full`` names ``metric`` in full: it ends with it ("the core industries" after "output of ... core industries"),
    or, for one noun ("the industry grew" after "the automobile industry output value"), holds it after a modifier."""
    if not full or len(full) <= len(metric):
        return False
    if " " not in metric:
        words = full.lower().split()
        return metric.lower() in words[1:] and metric.lower() not in _DETERMINERS
    return full.lower().endswith(metric.lower())


_ACRONYM_BEFORE = re.compile(r"\(\s*[A-Z][A-Za-z0-9.&]{1,7}\s*\)\s*$")
_WORD_RIGHT_AFTER = re.compile(r"\s{1,2}[“\"]?[A-Za-z]")  # a word right after the figure: "a 30-hectare park", "a 4-km2 \"chip town\""
_ACRONYM = re.compile(r"\(\s*(?=(?:[^)]*[A-Z]){2})[A-Z][A-Za-z0-9.&]{1,7}\s*\)")


def _without_acronyms(piece: str) -> str:
    """The words less an acronym in brackets after what it abbreviates: "gross domestic product (GDP)" (same length)."""
    return _ACRONYM.sub(lambda m: " " * len(m.group(0)), piece) if "(" in piece else piece


_IT_CHANGED = re.compile(r"(?:^|[,;]\s*|\band\s+|\b(?:19|20)\d\d\s+)[Ii]t\s+(?:[a-z]+\s+){0,7}$")

def _site(ctx: Context, q: Quantity, quantities: list[Quantity], i: int, sentence_of: list[int], link: str | None) -> _Site:
    text = ctx.text
    seg = ctx.seg
    sentence = seg.sentences[sentence_of[i]]
    members = _sentence_members(sentence_of, i)
    prev = quantities[i - 1] if i - 1 in members else None
    clause_start, _ = seg.clause_bounds(q.start)
    acronym = _ACRONYM_BEFORE.search(text, sentence.start, clause_start)
    if acronym:  # "gross domestic product (GDP) reached 4.32 trillion yuan": an acronym in brackets ends no clause
        clause_start = seg.clause_bounds(acronym.start())[0]
    floor = prev.end if prev else sentence.start
    start = max(clause_start, floor)
    colon = text.rfind(": ", start, q.start)
    if colon >= 0:
        start = colon + 2  # "Li Xiaoping: Hongkou covers 23.48 square kilometers": a speaker's or heading's label names nothing
    start = _item_start(text, start, q.start)
    longest = 12
    if start == clause_start > floor:
        head = _list_head(text, floor, clause_start, q.start)
        if head is not None:
            start, longest = head, 18
    if prev is not None and start == prev.end:
        # "120 km of greenways and the forest coverage rate is expected to reach 32%": a new subject after "and" starts this figure's words
        new_subject = list(_NEW_SUBJECT.finditer(text, start, q.start))
        new_verb = [m for m in AND_VERB.finditer(text, start, q.start) if m.group(1).lower() in ACTION_VERBS]
        if new_subject or new_verb:  # ... or a new verb: "into a 26-square-km hub and bring the output value ... to 150"
            start = max([m.end() for m in new_subject + new_verb])
    window = word_list(_without_acronyms(ctx.without_time(start, q.start)))
    if prev is not None and prev.unit == "count" and prev.metric:
        # "45 new schools and 12 hospitals": the words after 45 belong to 45, not to 12
        owned = _thing_measured(ctx, prev).split()
        k = next((k for k, (w, o) in enumerate(zip(window, owned)) if w != o), min(len(window), len(owned)))
        if k == len(owned) or (k and k == len(owned) - 1 and _done_to_them(owned[-1], owned[:-1])):
            window = window[k:]  # ("45 new schools built": the participle the count's verb gave it is not in the window)
    before = _naming_words(window, longest, prev is not None)
    return _Site(ctx, q, i, quantities, members, prev, sentence, link, clause_after(ctx, q), clause_start, floor, before)


def _naming_words(window: list[str], longest: int, after_a_figure: bool) -> list[str]:
    """The words before a figure that may name it, trimmed, or none where they name no measure: a conjunction or a verb
    of change alone ("which, though down 4.8%", "which had plunged by 23%"), or, after another figure, a predicate joined
    by "and" that names nothing ("passing the 20-billion-yuan mark and up 11%": the words
    before "and" are the mark's)."""
    if after_a_figure and "and" in window:
        joined = trim_metric(window[len(window) - window[::-1].index("and"):])
        if not joined or not _names_a_measure(joined):
            return []
    before = trim_metric(trim_metric(window)[-longest:])
    return before if before and _names_a_measure(before) else []


_CONCESSIVE = word_class("concessive_conjunctions")
_CHANGE_PASTS = _CHANGE_VERBS | (set(_CUES["change_up"] + _CUES["change_down"]) & set(_WORDS["irregular_past_verbs"]))


def _names_a_measure(words: list[str]) -> bool:
    """Whether the words name a measure at all: a metric is a noun phrase, and a conjunction ("though"), a verb of change
    ("plunged", "rose") or of making up a share ("made up", "accounted for") or an adverb ("sharply") names nothing that
    is measured, alone or together."""
    return any(w.lower() not in _CONCESSIVE and w.lower() not in _CHANGE_PASTS and not w.lower().endswith("ly")
               and w.lower() not in _SHARE_VERB_WORDS for w in words)


_SHARE_VERB_WORDS = {w for phrase in word_class("share_verbs") for w in phrase.split()} | {"made", "makes", "making", "took", "takes"}


# a line that opens an item of a list: its number or bullet ("1. ", "(2) ", "3) ", "- ")
_ITEM_OPENING = re.compile(r"\n[ \t]*(?:\(?\d{1,2}[.)]|[-•*·])[ \t]*")


def _item_start(text: str, start: int, end: int) -> int:
    """Where the words of the list item holding ``end`` start, if an item opens after ``start``: after its number, so
    that neither the lead-in ("By 2026, Qingpu will:") nor the number ("1.") is read as naming the figure."""
    if "\n" not in text[start:end]:
        return start
    last = None
    for last in _ITEM_OPENING.finditer(text, start, end):
        pass
    return last.end() if last is not None else start


def _sentence_members(sentence_of: list[int], i: int) -> range:
    """The indexes of the figures in figure ``i``'s sentence: a run, as figures come in text order (found by bisection)."""
    s = sentence_of[i]
    return range(bisect_left(sentence_of, s, 0, i), bisect_right(sentence_of, s, i))


_PER_POPULATION = re.compile(rf"\s+per\s+(\d[\d,]*\s+{alternation('population_nouns')})\b", re.IGNORECASE)


_CONVERSION_OPEN = re.compile(rf"\s*[(（]\s*(?:(?:{_APPROX}|or)\s+)?")


_BASE_FROM = re.compile(rf"\b{alternation('change_from_words')}\s+(?:from|with)\s+(?:{_APPROX}\s+)?(?:RMB\s+|US\$|\$)?$", re.IGNORECASE)


_AFTER_ITS_BASE = re.compile(rf"\s+{alternation('base_prepositions')}\b[^,;]{{0,50}}?\s+and\s+(?:{alternation('approximators')}\s+)?$",
                            re.IGNORECASE)


_OF_WHOM = re.compile(r"[^.;]{0,30}?,\s*of\s+(?:whom|which)\s+(?:" + alternation("approximators") + r"\s+)?$", re.IGNORECASE)
_BE_PREDICATE = re.compile(r"\s+(?:were|are|was|is)\s+([^,;.]{3,60})")
_VERBLESS_PREDICATE = re.compile(r"\s+([a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})(?=\s*,)")  # "a quarter of them rental flats,"


_THAT_OF = re.compile(r"\W*(?:and\s+)?(?:[Tt]hat|[Tt]hose)\s+of\s+([^,;.]{3,60}?)\s+(?:" + alternation("auxiliary_starts") + r"|stood|reached|came|totaled|totalled|hit)\b[^,;.]*$"
                      # or after "with", growing: "..., up 8.6 percent, with that of rural residents growing 9.3 percent"
                      r"|,\s*with\s+(?:[Tt]hat|[Tt]hose)\s+of\s+([^,;.]{3,60}?)\s+(?:[a-z]+ing)\b[^,;.]*$")
_OF_TAIL = re.compile(r"\s+of\s+.*$")  # "per capita disposable income of residents": its head before "of"


# the passive's auxiliary, or a participle of expecting before it: "are expected to be extended to"
_PASSIVE_AUXILIARY = (r"(?:(?:will|would|shall)\s+be|is\s+to\s+be|(?:is|are|was|were)\s+" + alternation("passive_plan_participles")
                      + r"\s+to\s+be|was|were|has\s+been|have\s+been|had\s+been)")
_PASSIVE_TO = re.compile(r"[\W]*(?:the\s+)?([^,;:]{3,80}?)\s+" + _PASSIVE_AUXILIARY
                         + r"\s+(?:[a-z]+ly\s+)?[a-z]+ed\s+to\s+(?:" + alternation("approximators") + r"\s+)?$")


def _list_run(text: str, quantities: list[Quantity], members: list[int], i: int) -> list[int]:
    """The figures listed together with figure ``i`` ("5%, 7% and 9%"), in order."""
    run = [i]
    while run[0] - 1 in members and LIST_GAP.match(text[quantities[run[0] - 1].end:quantities[run[0]].start]):
        run.insert(0, run[0] - 1)
    while run[-1] + 1 in members and LIST_GAP.match(text[quantities[run[-1]].end:quantities[run[-1] + 1].start]):
        run.append(run[-1] + 1)
    return run


_TRAILING_LETTERS = re.compile(r"(?<![A-Za-z])[A-Za-z]+\n?\Z")
_DIGIT = re.compile(r"\d")


def _hyphen_word_after_digit(text: str) -> bool:
    """A digit, later on its line "-" and letters that end the text ("20.3-percent", "30-hectare"): what the pattern
    a digit, anything on its line, "-" and letters at the end say, read from the end so that a long run of digits costs one
    pass, not one per digit (a pattern starting at each digit went back over the run from each)."""
    letters = _TRAILING_LETTERS.search(text)
    if letters is None or text[letters.start() - 1:letters.start()] != "-":
        return False
    line = text.rfind("\n", 0, letters.start() - 1) + 1
    return _DIGIT.search(text, line, letters.start() - 1) is not None



def _count_list_end(site: _Site) -> tuple[Quantity, bool]:
    """The last count of the list of counts that figure ``site.i`` opens or continues, and whether a comma parts any two of
    them. Worked out once per list (the answer for a figure is the answer for the one after it, when both are in it)."""
    ends = site.ctx.memo.setdefault("count_list_end", {})
    text, quantities, i = site.ctx.text, site.quantities, site.i
    if i not in ends:
        j = i
        while j + 1 < site.members.stop and quantities[j + 1].unit == "count" \
                and LIST_GAP.match(text[quantities[j].end:quantities[j + 1].start]) and j + 1 not in ends:
            j += 1
        last, comma = ends[j + 1] if j + 1 < site.members.stop and j + 1 in ends and quantities[j + 1].unit == "count" \
            and LIST_GAP.match(text[quantities[j].end:quantities[j + 1].start]) else (j, False)
        for k in range(j, i - 1, -1):
            comma = comma or (k < last and "," in text[quantities[k].end:quantities[k + 1].start])
            ends[k] = (last, comma)
    last, comma = ends[i]
    return quantities[last], comma


def _counted_before(site: _Site) -> Quantity | None:
    """The last count with a metric in the sentence before the figure's (figures are in text order: the scan stops there)."""
    seg, quantities = site.ctx.seg, site.quantities
    previous = seg.index_at(site.sentence.start) - 1
    for j in range(site.members.start - 1, -1, -1):
        o = quantities[j]
        at = seg.index_at(o.start)
        if at < previous:
            break
        if at == previous and o.unit == "count" and o.metric:
            return o
    return None


_HOME_TO = re.compile(rf"\bhome\s+to\s+(?:{_APPROX}\s+)?$", re.IGNORECASE)
_GROWN_TO = re.compile(rf"\b{alternation('grown_verbs')}\s+to\s+(?:{_APPROX}\s+)?$")
_COUNT_IS = re.compile(r"\s+(?:are|were)\s+(?:" + alternation("linking_adverbs") + r"\s+)?(?=[A-Za-z“\"])")
# what the things counted were made to do or have done says which are counted: "86 enterprises were recognized as ...",
# "39 projects had started construction", "21,600 households have moved to better homes"
_COUNT_PASSIVE = re.compile(r"\s+((?:[\w’'“”\"-]+\s+){1,5}?)(?:each\s+)?(?:" + alternation("passive_auxiliaries") + r"|have|has|had)"
                            r"\s+((?:[a-z]+ly\s+)?[a-z]+ed\b(?!\s+(?:there|here)\b)[^,.;:]{0,60})")  # not "have settled there": where, not which
# ... also after a relative clause or an aside between them: "8,300 people who work in the area were granted ...",
# "61,000 households, or 98.7 percent of rural households, were connected to ..."
_COUNT_PASSIVE_AFTER_ASIDE = re.compile(r"\s+((?:[\w’'-]+\s+){0,4}?[\w’'-]+)(?:\s+(?:who|that|which)\s+(?:[^,;.]|(?<=\d)[.,](?=\d)){1,50}?"
                                        r"|\s*,(?:[^,;.]|(?<=\d)[.,](?=\d)){1,60},)\s+" + alternation("passive_auxiliaries")
                                        + r"\s+((?:[a-z]+ly\s+)?[a-z]+ed\b(?!\s+(?:there|here)\b)[^,.;:]{0,60})")
_AUXILIARY_VERB_BEFORE = re.compile(rf"\b(?:{alternation('modal_verbs')}|to)\s+(?:also\s+|further\s+)?[a-z]+\s+(?:{_APPROX}\s+)?$")
_ACCOUNT_FOR = re.compile(rf"\b{alternation('share_verbs')}\s+(?:{_APPROX}\s+)?$")
_ANOTHER = re.compile(rf"\b{alternation('additive_words')}\s+(?:{_APPROX}\s+)?$", re.IGNORECASE)
_OF_WHICH = re.compile(r"[^.;]{0,20}\bof\s+which\b")
_OF_BEFORE = re.compile(rf"\bof\s+(?:{_APPROX}\s+)?$", re.IGNORECASE)

# A count's noun then a verb: the subject of a clause of its own ("reached 450,000, and 89,000 talents have settled there")
_SUBJECT_OF_VERB = re.compile(r"\s+(?:[\w’'-]+\s+){1,5}?" + alternation("auxiliary_starts") + r"\b", re.IGNORECASE)


def _ends_clause(word: str) -> bool:
    """A verb that holds or acts, by the lexicon or by its past-tense ending: the words before it are a clause, not a noun."""
    w = word.lower()
    return w in HOLDING_VERBS or w in ACTION_VERBS or w.endswith("ed")


def _is_verb(word: str) -> bool:
    """A verb before a figure: one that ends a clause, a verb of receiving ("welcome", "handle") or of saying ("He said 62 ...")."""
    return _ends_clause(word) or word.lower() in _RECEIVING_VERBS or word.lower() in _SPEECH_VERBS


_SPEECH_VERBS = set(_CUES["speech_verbs"])


def _qualifies_previous(quantities: list[Quantity], j: int) -> bool:
    """Figure ``j`` is a threshold inside the previous count's noun: "167 projects each valued at 100 million yuan"."""
    if not j or quantities[j - 1].unit != "count" or not quantities[j - 1].metric:
        return False
    return " ".join(quantities[j].text.split()) in quantities[j - 1].metric


def _counted_noun(site: _Site) -> list[str]:
    """What a count counts, after it: its noun phrase, or the noun after a copula or after the list it opens."""
    text, q, prev = site.text, site.q, site.prev
    words = noun_phrase_after(text, q.end)
    copula = None if words else _COUNT_IS.match(text, q.end)
    if copula:  # "Among them, 8 are Fortune Global 500 companies": what they are is what is counted
        named = noun_phrase_after(text, copula.end())
        words = named if named and not named[0].lower().endswith(("ed", "ing")) else []
    if words:
        words = words + _done_to_the_counted(site, words)
    if words and words[-1].lower() == "ones" and prev is not None and prev.unit == "count" and prev.metric:
        words = words[:-1] + prev.metric.split()  # "6,000 financial institutions, including 1,200 licensed ones"
    last, comma = _count_list_end(site)  # "house 500, 320 and 200 firms": the noun after the list serves them all
    if not words and last is not q and not (comma and _SUBJECT_OF_VERB.match(text, last.end)):
        words = noun_phrase_after(text, last.end)
    upper = _upper_end(site)  # "attract 20 to 25 regional headquarters": the noun after a range's upper end counts both ends
    if not words and upper is not None:
        words = noun_phrase_after(text, upper.end)
    if site.adjectival:  # "the 30-hectare park opened ...": a measure used as an adjective names its head noun only
        return _head_noun(words)
    return words


def _upper_end(site: _Site) -> Quantity | None:
    """The upper end of the range of counts that the figure is the lower end of ("20 to 25 new clinics", "8-10 hubs"),
    or None: a range states one value, whose noun is written once, after its upper end."""
    j = site.i + 1
    if j not in site.members or site.q.unit != "count":
        return None
    upper = site.quantities[j]
    return upper if upper.unit == "count" and is_range(site.text, site.q, upper, True) else None


def _done_to_the_counted(site: _Site, words: list[str]) -> list[str]:
    """What a passive after a count's noun says was done to the things ("86 enterprises were recognized as little
    giants", "8,300 people who work here were granted residence", "61,000 households, or 98.7 percent of all, were
    connected to the sewage network"): the words that say which of them are counted."""
    text, q = site.text, site.q
    passive = _COUNT_PASSIVE.match(text, q.end)
    if (passive is None or word_list(passive.group(1)) != words) and not site.adjectival:
        passive = _COUNT_PASSIVE_AFTER_ASIDE.match(text, q.end)
    if not passive or word_list(passive.group(1)) != words or passive.group(2).split()[0].lower() in _GOAL_PARTICIPLES:
        return []
    done = phrase_words(passive.group(2), 0, 8)
    return done if len(done) > 1 or not done or not done[0].lower().endswith("ly") else []  # not "fully" alone


def _head_noun(words: list[str]) -> list[str]:
    """The words after a measure used as an adjective, up to the verb of their clause."""
    verb = next((k for k, w in enumerate(words) if k and (_finite_action(w) or w.lower() in HOLDING_VERBS
                                                           or w.lower() in _BE_FORMS or w.lower() == "will")), None)
    return words[:verb] if verb else words


def _finite_action(word: str) -> bool:
    """A verb of action in a finite form after a noun ("opened", "opens", "built"): its bare form is a noun as often
    ("a 20-gigawatt battery plant", "a 5-hectare tea farm"), and a singular noun before it takes no bare verb."""
    w = word.lower()
    return w in ACTION_VERBS and (w.endswith(("s", "ed")) or w in _IRREGULAR_PAST_ALL)


def _count_words(site: _Site) -> list[str]:
    """The counted noun, unless it is a classifier after a noun phrase ("output of new energy vehicles reached 310,000
    units": what the units are of comes before, not "built")."""
    if site.counts_units and site.before and not _ends_clause(site.before[-1]):
        return []
    return site.counted


def _clause_subject(words: list[str], ends_subject) -> list[str]:
    """The words of a clause up to its verb (the first word after the first for which ``ends_subject`` holds)."""
    verb = next((k for k, w in enumerate(words) if k and ends_subject(w)), None)
    return words[:verb] if verb else []


def _level_words(site: _Site) -> list[str]:
    """The words before an amount, less "a total", or the investment or spending that its verb makes of it."""
    words = list(site.named_before)
    while len(words) > 1 and words[-1].lower() in _TOTAL_WORDS:
        words = words[:-1]  # "investing a total of 36 billion yuan"
    # the verb may have been left out of the words as a new clause's ("... and invest 5 billion yuan in 30 schools")
    verb = (words[-1] if words else site.last_word).lower() if site.q.unit in _MONEY else ""
    if verb in _INVEST_VERBS:
        return ["investment"]  # "has invested 10 billion yuan", "investing a total of 36 billion yuan": the investment
    if verb in _SPEND_VERBS:
        return ["spending"]  # "would spend 2 billion yuan": the spending
    return words


def _held_words(words: list[str]) -> list[str]:
    """What a verb of holding or reaching holds is measured, not the holder: "The park has an occupancy rate of 92%"."""
    held = [k for k, w in enumerate(words[:-1]) if (w.lower() in HOLDING_VERBS and words[k + 1].lower() in _DETERMINERS)
            or (w.lower() in _REACHING_VERBS and k)]
    if held and words[held[-1]].lower() in HOLDING_VERBS:
        return trim_metric(words[held[-1] + 1:]) or words
    if held:  # "the IC industry there reached a scale of 220 billion yuan": the industry's scale
        return trim_metric(words[:held[-1]]) + trim_metric(words[held[-1] + 1:]) or words
    done = [k for k, w in enumerate(words[:-2]) if w.lower() in _HAVE_FORMS
            and (words[k + 1].lower().endswith("ed") or words[k + 1].lower() in ACTION_VERBS)]
    if done and trim_metric(words[done[-1] + 2:]):
        # "the New City has completed infrastructure investment of 38 billion yuan": what it did is measured, not the doer
        return trim_metric(words[done[-1] + 2:])
    return words


def _amount_words(site: _Site) -> list[str]:
    """An amount's words with what follows it: "of ..." or "in ...", what the money is for, a passive that says which."""
    words = _held_words(site.level_words)
    after = site.after
    if site.tail:
        if site.q.unit in _MEASURES and after.lstrip().startswith("of "):
            words = _measured_of(site, words)
        elif words == ["investment"] and after.lstrip().startswith("in "):
            words = ["investment", "in"] + site.tail_words  # "will invest 50 billion yuan in the new city": the investment in it
        else:
            words = words + site.tail_words
    if words in (["investment"], ["spending"]) and not site.tail:
        # "spend 2 billion yuan over the next three years to support intelligent manufacturing": what the money is for
        q, text = site.q, site.text
        purpose = _PURPOSE.match(site.ctx.without_time(q.end, site.sentence.end))
        if purpose:
            words = words + purpose.group(1).split() + phrase_words(purpose.string, purpose.end(), 8)
    passive = _PASSIVE_TAIL.match(after)
    if passive and passive.group(1).split()[0].lower() not in _GOAL_PARTICIPLES:  # "is slated to open" says when, not what
        words = words + phrase_words(passive.group(1), 0, 10)
    return words


def _measured_of(site: _Site, words: list[str]) -> list[str]:
    """ "5 km of roads": the roads are what is measured; "1,260 hectares of forest and 38 km of greenways": the words
    after another figure are its own."""
    text, q, prev = site.text, site.q, site.prev
    owned_by_prev = prev is not None and re.match(r"\s*(?:of|in)\s", text[prev.end:q.start])
    # "the port handled 4.2 million TEUs of cargo", "the zone now has 1.5 million square meters of office space": cargo, space
    ends_in_verb = bool(words) and (_is_verb(words[-1]) or _is_verb(site.last_word)
                                    or (words[-1].lower().endswith("ing") and len(words) == 1))  # "adding 1 million m2 of space"
    if not (owned_by_prev or ends_in_verb) and words and _OF_BEFORE.search(text, *site.words_before_span()):
        # "to complete the renovation of 200,000 square meters of lane houses": the renovation of the houses
        head = words[-4:]
        cut = max((k + 1 for k, w in enumerate(head) if w.lower() in _DETERMINERS or _is_verb(w)
                   or w.lower() in GOAL_VERBS), default=0)
        return (head[cut:] or head) + ["of"] + site.tail_words
    return site.tail_words + ([] if owned_by_prev or ends_in_verb else words[-4:])


def _owner_words(site: _Site) -> list[str]:
    """An amount with no words of its own whose sentence's subject holds a count names the count's things: "Sales at its
    180 major stores totaled 52.3 billion yuan"."""
    words, text, q, prev = site.amount_words, site.text, site.q, site.prev
    if not words and prev is not None and prev.unit == "count" and prev.metric and not _THRESHOLD_BEFORE.search(text, prev.end, q.start):
        head = _OF_COUNT_HEAD.search(text, max(site.clause_start, site.sentence.start), prev.start)
        if head:
            return trim_metric(word_list(head.group(1)))[-6:] + [head.group(2)] + prev.metric.split()
    return words


_ANTECEDENT_PREPOSITION = re.compile(r"\b" + alternation("antecedent_prepositions") + r"\s+")


def _subject_words(site: _Site) -> list[str]:
    """An amount with no words of its own: what the relative clause holding it hangs on, else the sentence's subject."""
    words, text, q, sentence = site.owner_words, site.text, site.q, site.sentence
    clause_start, floor = site.clause_start, site.floor
    if not words and re.match(r"\s*(?:which|that)\b", text[clause_start:q.start]) and clause_start > max(floor, sentence.start + 1):
        # "..., in the growth of total retail sales, which reached 85.6 billion yuan": what the clause hangs on
        clause = text[max(floor, site.ctx.seg.clause_bounds(clause_start - 2)[0]):clause_start - 1]
        whole = trim_metric(word_list(clause))
        if whole and len(whole) <= 12 and not any(w.lower() in _SUBJECT_ENDS or w.lower() in ACTION_VERBS
                                                  or w.lower() in HOLDING_VERBS for w in whole):
            words = whole  # "Total output of large firms, which had plunged ...": a subject with no verb is named whole
        else:  # "ranked first in the growth of retail sales, which reached ...": the object of the last preposition
            words = trim_metric(word_list(_ANTECEDENT_PREPOSITION.split(clause)[-1]))[-6:]
    if not words or (len(words) == 1 and words[0].lower().endswith("ing")):
        label = text.rfind(": ", sentence.start, q.start)  # "Gao Fei: About 1.5 square kilometers": a speaker names nothing
        words = _fallback_subject(site.ctx, sentence.start if label < 0 else label + 2, q.start) or words
    return words


def _noun_before_aside(site: _Site) -> list[str]:
    """The noun phrase of the clause before the figure's (the thing an aside measures): "the Zhangyuan area, covering ..."."""
    text = site.text
    return trim_metric(word_list(text[site.ctx.seg.clause_bounds(site.clause_start - 2)[0]:site.clause_start - 1]))[-6:]


def _last_word_before(text: str, floor: int, start: int) -> str:
    """The last word before a figure, skipping words of approximation ("has more than 1.5 million": "has")."""
    words = word_list(text[floor:start])
    while words and words[-1].lower() in APPROXIMATOR_WORDS:
        words.pop()
    return words[-1] if words else ""


_RELATIVE_PRONOUN = re.compile(r"\b" + alternation("relative_pronouns") + r"\b")


def _in_relative_clause(ctx: Context, q: Quantity, sentence_start: int) -> bool:
    """ "buildings that each generate over 100 million yuan": the figure qualifies a noun, it is not the clause's own."""
    clause_start, _ = ctx.seg.clause_bounds(q.start)
    return bool(_RELATIVE_PRONOUN.search(ctx.text[max(clause_start, sentence_start):q.start]))


_SUBJECT_ENDS = word_class("subject_ends")


# "SHANGHAI, May 16 (Xinhua) -- ", "HANGZHOU, Oct. 3, 2024 -- ": a city in capitals, a date, the agency, a dash
_DATELINE_LEAD = re.compile(r"[A-Z][A-Z .'’-]{1,40},\s+" + month_names() + r"\.?\s+\d{1,2}(?:,\s+(?:19|20)\d\d)?\s*(?:\([^)]{1,40}\)\s*)?"
                            r"(?:--|—|–)\s*")


def _fallback_subject(ctx: Context, sentence_start: int, q_start: int) -> list[str]:
    """The first clause of the sentence that is not an adverbial: 'Since 2018, [the output value], ...'; nor a news
    dateline ('SHANGHAI, May 3 (Xinhua) -- [The county] ...'), which names where the story was filed."""
    text = ctx.text
    dateline = _DATELINE_LEAD.match(text, sentence_start, q_start)
    pos = dateline.end() if dateline else sentence_start
    while pos < q_start:
        clause_start, clause_end = ctx.seg.clause_bounds(pos)
        clause = text[clause_start:min(clause_end, q_start)]
        if not _SKIP_CLAUSE.match(clause):
            words = word_list(clause)
            # the clause's subject ends where its verb begins ("Tax revenue per square kilometer ranked third ...")
            verb = next((k for k, w in enumerate(words) if k and w.lower() in _SUBJECT_ENDS), None)
            words = words[:verb] if verb else words
            figure = next((k for k, w in enumerate(words) if w[0].isdigit()), None)
            words = trim_metric(words[:figure] if figure is not None else words)  # "..., or minus 2.3 percent": no figure's words
            if words:
                return words[:12]
        if clause_end <= pos:
            break
        pos = clause_end + 1
    return []


METRIC: RuleTable[str | None] = RuleTable("metric")


@METRIC.rule(("Main figures\n- Regional GDP: [310.5 billion yuan]\n- Tax revenue: 66.2 billion yuan\n", "Regional GDP"),
             ("Main figures\n- Exports: 41.3 billion yuan, down 2.2%;\n- fixed-asset investment: up [8.9%];\n", "fixed-asset investment"),
             ("Tax revenue: [66.2 billion yuan]", "Tax revenue"))
def label(site: _Site):
    """A figure right after a label that opens its line ("- Regional GDP: 310.5 billion yuan") measures what the label names."""
    # from the line break before the sentence: "^" does not match at a search's start position
    lo = max(0, site.sentence.start - 1)
    if site.text.find(":", lo, site.q.start) < 0:
        return SKIP  # no colon, no label (most sentences: one find spares the pattern's try at every line start)
    label = _LINE_LABEL.search(site.text, lo, site.q.start)
    if label is None:
        return SKIP
    words = trim_metric(word_list(label.group(1)))
    return " ".join(words) if words else SKIP


@METRIC.rule(("Exports, imports and retail sales rose by 1%, [2%] and 3% respectively.", "imports"),
             ("Tax revenue was 46.2 billion yuan, and budget revenue reached 12.5 billion yuan, up 9.4% and [10.2%] respectively.",
              "budget revenue"),
             ("Wang Lei: In 2023, online retail sales and parcel volumes rose [9.6 percent] and 14.1 percent respectively.",
              "online retail sales"),
             ("The output of ICs, biomedicine and AI grew 12%, 9% and [15%] respectively.", "output of AI"), cues=("respectively",))
def respectively(site: _Site):
    """ "A, B and C rose by 1%, 2% and 3% respectively": each figure of a list with 'respectively' takes its item of the
    list before it, in order."""
    text, sentence, quantities, members, i = site.text, site.sentence, site.quantities, site.members, site.i
    if not _RESPECTIVELY.search(text, sentence.start, sentence.end):
        return SKIP
    run = _list_run(text, quantities, members, i)
    if len(run) < 2:
        return SKIP
    earlier = _list_run(text, quantities, members, run[0] - 1) if run[0] - 1 in members else []
    if len(earlier) == len(run) and all(quantities[j].metric for j in earlier):
        # "grew by 5.2% and 3.1% respectively, reaching 80 billion and 45 billion yuan": the same items, in order
        return quantities[earlier[run.index(i)]].metric
    items = _respectively_items(text, sentence.start, quantities[run[0]].start, len(run))
    if not items or any(_DIGIT.search(item) for item in items):
        # "Tax revenue was 46.2 billion yuan, and budget revenue reached 12.5 billion yuan, up 9.4% and 10.2% respectively":
        # the items are clauses with figures of their own, in order, whose measures the list's figures take
        prior = [j for j in members if j < run[0]]
        if len(prior) == len(run) and all(quantities[j].metric for j in prior):
            return quantities[prior[run.index(i)]].metric
    return items[run.index(i)] if items and items[run.index(i)] else SKIP


@METRIC.rule(("Each of the 40 village clinics now sees about [30] patients a day.", "patients per village clinic a day"),
             ("Each of our farms produces around [900 tons] of rice.", "rice per farm"), cues=("each",))
def each_of_them(site: _Site):
    """A figure that each of a group does or has ('Each of the 40 village clinics now sees about 30 patients a day') is a
    figure per one of them: what it counts or measures, per the thing ('patients per village clinic')."""
    m = _EACH_OF.match(site.text, max(site.clause_start, site.sentence.start), site.q.start)
    if m is None:
        return SKIP
    measured = site.counted if site.counts else site.tail_words
    things = m["things"].split()
    return " ".join([*measured, "per", *things[:-1], _singular(things[-1])]) if measured else SKIP


# "Each of the 40 village clinics now sees about": the group, then its verb, up to the figure
_EACH_OF = re.compile(r"\W*Each\s+of\s+(?:the|our|its|their|these|those)?\s*(?:[\d,]+\s+)?(?P<things>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}?)\s+"
                      r"(?:now\s+|also\s+)?[a-z]+s\s+(?:" + _APPROX + r"\s+)?$")


@METRIC.rule(("The town will sign 20 projects each worth over [500 million yuan].", "project value"),
             ("No fewer than 8 research hubs, each worth [20 billion yuan] or more, are planned.", "hub value"),
             ("The city has 60 data centers, 12 of them each worth [500 million yuan] or more.", "center value"),
             cues=("each",))
def value_of_each(site: _Site):
    """An amount that each of the things counted is worth ("30 projects each worth over 1 billion yuan", "clusters, each
    valued at 100 billion yuan", "12 of them each worth") is the value of one such thing, not a sum: the thing's value
    ("them": the things counted before)."""
    each = _EACH_WORTH.search(site.text, *site.words_before_span())
    if each is None or site.q.unit not in _MONEY:
        return SKIP
    noun = each["noun"]
    if noun.lower() in _PARTITIVE:  # "312 projects ..., 41 of them each worth 1 billion yuan": the things counted before
        counted = next((o for o in reversed(site.quantities[:site.i]) if o.start >= site.previous_sentence_start
                        and o.unit == "count" and o.metric), None)
        if counted is None:
            return SKIP
        head = counted.metric.split()
        noun = head[next((k for k, w in enumerate(head) if k and w.lower() in _WHOLE_HEAD_ENDS), len(head)) - 1]
    noun = noun[:-3] + "y" if noun.endswith("ies") else noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun
    return f"{noun} value"


_EACH_WORTH = re.compile(r"\b(?P<noun>[A-Za-z][a-z-]+)(?:,|\s+(?:were|are|was|is))?\s+each\s+(?:worth|valued\s+at)\s+(?:"
                         + _APPROX + r"\s+)?(?:RMB\s+|US\$|\$)?$", re.IGNORECASE)


_PER_THING_VERBS = word_lists("grammar")["per_thing_verbs"]
# "buildings each paying over 100 million yuan", "firms that each generate more than": the noun, then the verb of the mark
_MARK_BEFORE = re.compile(r"\b(?P<noun>[A-Za-z][a-z-]+)\s+(?:(?:that|which)\s+)?(?P<each>each\s+)?(?P<verb>" + alternation("per_thing_verbs")
                          + r")\s+(?P<mark>" + alternation("threshold_approximators") + r"\s+)?(?:RMB\s+|US\$|\$)?$")
_IN_WHAT = re.compile(r"\s+in\s+([a-z]+(?:\s+[a-z]+)?)")


@METRIC.rule(("Its 57 towers each paying over [200 million yuan] in tax contributed 61% of the total.", "tax paid per tower"),
             ("The number of companies generating more than [1 billion yuan] in revenue rose to 40.", "revenue generated per company"),
             ("Five towers each paid more than [300 million yuan].", "paid per tower"),
             cues=tuple(_PER_THING_VERBS))
def mark_per_thing(site: _Site):
    """An amount that each of some things pays, earns or generates ("buildings each paying over 100 million yuan in tax",
    "companies generating more than 1 billion yuan in revenue") is a mark that one such thing passes: what one of them
    pays, per thing, not a sum."""
    if site.q.unit not in _MONEY:
        return SKIP
    mark = _MARK_BEFORE.search(site.text, max(site.floor - 40, site.sentence.start), site.q.start)
    if mark is None or mark.start() < site.sentence.start or not (mark["each"] or mark["mark"] and mark["noun"].endswith("s")):
        return SKIP  # "the sector earned 118.5 billion yuan": a sum, not what each one passes
    noun = _singular(mark["noun"])
    what = _IN_WHAT.match(site.text, site.q.end)
    words = phrase_words(what.group(1), 0, 2) if what else []
    words = words[:next((k for k, w in enumerate(words) if _is_verb(w)), len(words))]  # "in tax contributed 68%": the verb is the clause's
    return " ".join(words + [_PER_THING_VERBS[mark["verb"].lower()], "per", noun])


def _singular(noun: str) -> str:
    noun = noun.lower()
    return noun[:-3] + "y" if noun.endswith("ies") else noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


# "enterprises with annual revenue of more than", "projects under construction with investment of": things, a measure
_WITH_MARK = re.compile(r"\b(?P<noun>[A-Za-z][a-z-]*s)\s+(?:[a-z-]+\s+){0,3}?(?P<each>each\s+)?with\s+(?:an?\s+)?"
                        r"(?P<measure>(?:[a-z-]+\s+){0,2}?[a-z-]+)\s+(?:of\s+)?(?P<mark>" + alternation("threshold_approximators", "mark_words")
                        + r"\s+)?(?:RMB\s+|US\$|\$)?$")
_OR_MORE_AFTER = re.compile(r"\s+(?:or\s+(?:more|above|over)|and\s+(?:above|over))\b|\s+each\b", re.IGNORECASE)


@METRIC.rule(("The zone counted 31 plants under construction with investment of [2 billion yuan] or more each.", "investment per plant"),
             ("The zone has 120 firms with annual revenue of over [100 million yuan].", "annual revenue per firm"),
             ("The county counts 900 tea farms, 52 of which had yearly revenue of over [8 million yuan].", "yearly revenue per farm"),
             cues=("with", "have", "has", "had"))
def mark_with_measure(site: _Site):
    """An amount that things 'with' a measure pass ('firms with annual revenue of over 100 million yuan', 'projects with
    investment of 1 billion yuan or more each') is the mark one such thing passes: its measure, per thing. A sum ('30
    projects with total investment of 3 billion yuan') passes nothing and is left to the rules below."""
    if site.q.unit not in _MONEY:
        return SKIP
    m = _WITH_MARK.search(site.text, max(site.floor, site.sentence.start, site.clause_start), site.q.start)
    if m is None and _qualifies_previous(site.quantities, site.i):  # "900 tea farms, 52 of which had yearly revenue of over"
        named = site.prev.metric  # (the count before is named "farms with annual sales of more than 10 million yuan")
        named = named[:named.find(" ".join(site.q.text.split()))]
        m = _WITH_MARK.search(named, named.rfind(" ", 0, max(0, named.find(" with "))) + 1)  # the noun right before "with"
    if m is None or not (m["mark"] or m["each"] or _OR_MORE_AFTER.match(site.text, site.q.end)):
        return SKIP
    measure = m["measure"].split()
    if measure[0].lower() in _SUM_WORDS and not m["each"]:
        return SKIP  # "214 projects with total investment of more than 90 billion yuan": a sum, roughly
    return f"{' '.join(measure)} per {_singular(m['noun'])}"


_SUM_WORDS = word_class("sum_adjectives") | _TOTAL_WORDS


_COUNT_VERB_BEFORE = re.compile(r"^\W*(?:(?:where|which|that)\s+)?(?P<subject>[A-Za-z“\"][^;:]{2,160}?)\s+(?:now\s+|also\s+)?"
                                + alternation("count_verbs") + r"\s+(?:" + _APPROX + r"\s+)?$")
_MARK_APPROX_BEFORE = re.compile(r"\b" + alternation("threshold_approximators") + r"\s+(?:RMB\s+|US\$|\$)?$")
_NUMBER_OF_TO = re.compile(r"\bnumber\s+of\s+(?P<subject>[^,;:]{3,120}?)\s+(?:" + alternation("climb_verbs", "rise_verbs") + r"\s+)?to\s+(?:" + _APPROX + r"\s+)?$")


@METRIC.rule(("Companies that have moved their headquarters here since 2021 number [67].",
              "Companies that have moved their headquarters here"),
             ("Companies paying more than 50 million yuan in tax now number [88].", "Companies paying more than 50 million yuan in tax"),
             ("The district wants to lift the number of towers paying over 300 million yuan in tax to [45].",
              "number of towers paying over 300 million yuan in tax"),
             cues=tuple(word_lists("grammar")["count_verbs"]))
def counted_before_its_verb(site: _Site):
    """A count that a clause ends on after "number" or "total" as a verb ("Companies that have moved here since 2021
    number 67"), or that "the number of ..." is raised to, counts the whole noun phrase before it: with its relative
    clause or the mark it holds ("buildings paying over 100 million yuan in tax"), though another figure stands in it."""
    q, text = site.q, site.text
    if not site.counts or site.adjectival:
        return SKIP
    start = max(site.clause_start, site.sentence.start)
    m = _COUNT_VERB_BEFORE.match(site.ctx.without_time(start, q.start))
    if m is None:
        m = _NUMBER_OF_TO.search(text, start, q.start)
        prev = site.prev
        if m is None or prev is None or not m.start("subject") < prev.start < m.end("subject") \
                or not _MARK_APPROX_BEFORE.search(text, m.start("subject"), prev.start):
            return SKIP  # "the number of X rose (from 78) to N" with no mark inside X: the rules below read it
        return "number of " + " ".join(word_list(m["subject"]))
    words = trim_metric(word_list(m["subject"]))  # (less a leading "and")
    return " ".join(words) if words and not _COUNT_IS.match(text, q.end) else SKIP


@METRIC.rule(("The park will host 60 listed companies by 2025, up from [42] now.", "listed companies"),
             ("The district aims to lift its chip output to 90 billion yuan, from [61 billion yuan] last year.", "chip output"), cues=("from", "with"))
def compared_base(site: _Site):
    """A base that the figure before is compared with ("up from", "compared with") measures the same thing."""
    prev = site.prev
    if prev is not None and prev.metric and (_BASE_FROM.search(site.text, *site.words_before_span()) or (
            _FROM_AFTER_TO.fullmatch(site.text, prev.end, site.q.start) and TO_BEFORE.search(site.text, site.sentence.start, prev.start))):
        return prev.metric  # "... to 150 billion yuan, from 98 billion yuan last year": where the goal starts
    return SKIP


_FROM_AFTER_TO = re.compile(rf"\s*,?\s*from\s+(?:{_APPROX}\s+)?(?:RMB\s+|US\$|\$)?")


@METRIC.rule(("Port throughput came to 3.1 million tons in June, up 4% on a year earlier and [1.5%] above May.", "Port throughput"),
             cues=("and",))
def change_against_another_base(site: _Site):
    """A change joined by 'and' to the change before it, after that one's base ('up 4% on a year earlier and 1.5% above
    May'), is the same measure against another base."""
    prev, q = site.prev, site.q
    if prev is None or not prev.metric or prev.kind != "change" or q.kind != "change":
        return SKIP
    return prev.metric if _AFTER_ITS_BASE.match(site.text, prev.end, q.start) else SKIP


@METRIC.rule(("The town had 312,000 residents, of whom [74,500] were born elsewhere.",
              "residents born elsewhere"),
             ("The county's workforce was 410,000, of whom [96,000] were aged 50 and above.",
              "county's workforce aged 50 and above"))
def part_of_whom(site: _Site):
    """A count after 'of whom' or 'of which' is the part of the count before that its predicate names: the noun phrase
    it is ('were registered residents'), or the whole so described ('were aged 65 and above')."""
    prev, text, q = site.prev, site.text, site.q
    if prev is None or not prev.metric or q.unit != "count" or not _OF_WHOM.match(text, prev.end, q.start):
        return SKIP
    predicate = _BE_PREDICATE.match(text, q.end)
    if predicate is None:
        return SKIP
    words = word_list(predicate.group(1))  # as written: "registered residents", "aged 65 and above"
    if not words:
        return SKIP
    return " ".join(words) if words[-1].lower().endswith("s") else f"{prev.metric} {' '.join(words)}"


@METRIC.rule(("The park hosts 80 start-ups, and [23] of them raised funds this year.", "start-ups raised funds"),
             ("Of the 300 firms surveyed, [112] reported higher profits.", "firms surveyed reported higher profits"),
             ("Of the plan's 38 indicators, 27 are on schedule and [8] are slightly behind.", "indicators slightly behind"),
             ("The zone hosts 80 labs, [12] of them each funded with over 100 million yuan.",
              "labs each funded with over 100 million yuan"),
             ("The city has 900 hotels, of which [64] opened last year.", "hotels opened"),
             ("The park hosts 300 firms, [58] of them in biomedicine.", "firms in biomedicine"),
             ("The park hosts 300 firms, [41] of which are listed companies.", "listed companies"),
             ("The county counts 900 tea farms, [52] of which had yearly revenue of over 8 million yuan.",
              "tea farms with yearly revenue of over 8 million yuan"),
             cues=("of", "Of"))
def part_that_does(site: _Site):
    """A count of a part of things counted before, with no noun of its own ('23 of them raised funds', 'Of the 300 firms
    surveyed, 112 reported higher profits', 'Of the 38 indicators, 27 are on schedule'), counts those things of which its
    predicate holds: the whole's noun with what they did or are ('projects broke ground', 'indicators on schedule')."""
    q, text = site.q, site.text
    if q.unit != "count" or site.adjectival:
        return SKIP
    whole, at = _whole_of_the_part(site)
    if whole is None:
        return SKIP
    aside = _RESTATED_ASIDE.match(text, at)  # "512, or 35.7 percent, reported higher output"
    predicate = _part_predicate(text, aside.end() if aside else at, q.text)
    if not predicate:
        return SKIP
    if predicate[0] == "":  # "41 of which are 'little giants'", "74 of them high-tech enterprises": a noun says what they are
        return " ".join(predicate[1:])
    head = whole.split()
    head = head[:next((k for k, w in enumerate(head) if k and w.lower() in _WHOLE_HEAD_ENDS), len(head))]
    return f"{' '.join(head)} {' '.join(predicate)}"


_OR_TOLD_ANOTHER_WAY = re.compile(rf"\s*,\s*or\s+(?:{_APPROX}\s+)?")  # "512, or 35.7 percent": the same figure told another way
_RESTATED_ASIDE = re.compile(r"\s*,\s*or\s+(?:[^,;.]|(?<=\d)[.,](?=\d)){1,40},")
# what may follow "Of the 38 indicators" before the figure: "Of the plan's", "Among its", "Of all the"
_PART_OF_OPENING = re.compile(r"\W*(?:Of|Among)\s+(?:(?:the|its|their|these|those|all)\s+|[\w’'-]+['’]s\s+)*$")
_WHOLE_HEAD_ENDS = word_class("relative_pronouns") | {"with", "each"}  # "projects with a combined investment": the things, not theirs


def _whole_of_the_part(site: _Site) -> tuple[str | None, int]:
    """The metric of the count a part is of, and where the words after the part's number start: 'N of them' takes the
    count before, in its sentence or the one before; a sentence opening 'Of the 38 indicators,' takes that count."""
    q, text, quantities = site.q, site.text, site.quantities
    of = _OF_THEM.match(text, q.end)
    if of is not None:  # "23 of them raised funds", "18 of which raised ..."
        before = next((quantities[j] for j in range(site.i - 1, site.members.start - 1, -1)
                       if quantities[j].unit == "count" and quantities[j].metric), None) or _counted_before(site)
        return (before.metric, of.end()) if before is not None else (None, 0)
    prev = site.prev
    if prev is not None and prev.unit == "count" and prev.metric and _OF_WHOM.match(text, prev.end, q.start):
        return prev.metric, q.end  # "1,108 new enterprises, of which 64 had registered capital of ..."
    first = quantities[site.members.start]
    if first is q or first.unit != "count" or not first.metric or not _PART_OF_OPENING.match(text, site.sentence.start, first.start):
        return None, 0
    if "," not in text[first.end:q.start] or _OF_THEM.match(text, first.end):
        return None, 0  # "Of the 38 indicators in the plan 27 ...": the opening ends at its comma
    return first.metric, q.end


_PARTITIVE = word_class("partitive_pronouns")


def _part_predicate(text: str, pos: int, figure: str) -> list[str]:
    """What a part did or is, after its number: a verb in the past ('broke ground', 'reported higher output'), 'each' and
    what each is ('each worth 1 billion yuan'), a place or state ('in life sciences', 'are slightly behind'), or, after a
    form of 'be' or none, a noun phrase ('are internet platforms'), given as '' and its words; a copula that the
    figure's own span took ('27 are') counts as said."""
    words = phrase_words(text, pos, 10)
    if not words:
        return []
    first = words[0].lower()
    had = _HAVE_MEASURE.match(text, pos)
    if had:  # "52 of which had yearly revenue of over 8 million yuan": those with that measure (the mark in it)
        return phrase_words("with " + text[had.end():had.end() + 200], 0, 10)
    copula = figure.split()[-1].lower() in _BE_FORMS
    if first in _BE_FORMS or first in _HAVE_FORMS:
        words, copula = words[1:], first in _BE_FORMS
    if not words or words[0].lower() in _DETERMINERS or words[0][0].isdigit():
        return []  # "are the district's largest": a noun phrase, what the rules for nouns read
    lead = words[0].lower()
    noun = _noun_phrase_of(words)
    named = noun is not None
    if copula and named and lead not in _PARTICIPLE_PREPOSITIONS and not lead.endswith("ly"):
        return [""] + noun  # "are internet platforms", "are listed companies": what is counted
    if lead == "each" or lead.endswith("ed") or lead in _IRREGULAR_PAST_ALL or lead in _HAVE_FORMS:
        return words  # "broke ground", "have had their models registered"
    if lead in _PARTICIPLE_PREPOSITIONS or lead.endswith("ly"):
        return words  # "are on schedule", "are slightly behind", "58 of them in life sciences"
    if named and first not in _HAVE_FORMS:
        return [""] + noun  # "74 of them high-tech enterprises recognized in 2025"
    return words if copula else []


# "have annual sales of more than", "had registered capital of over": a measure the part has, then its mark
_HAVE_MEASURE = re.compile(r"\s+(?:have|has|had)\s+(?=(?:[a-z][\w-]*\s+){1,3}?of\s+" + alternation("threshold_approximators") + r"\s)")


def _noun_phrase_of(words: list[str]) -> list[str] | None:
    """The words up to a clause of their own, where they end in a plural noun ('listed companies') or in a plural noun
    and a participle ('high-tech enterprises recognized'); else None."""
    noun = words[:next((k for k, w in enumerate(words) if k and (w.lower() in _CLAUSE_OPENERS or not w[0].isalnum())), len(words))]
    if _PLURAL_NOUN.fullmatch(noun[-1]) or (len(noun) > 1 and noun[-1].lower().endswith("ed") and _PLURAL_NOUN.fullmatch(noun[-2])):
        return noun
    return None


_PARTICIPLE_PREPOSITIONS = word_class("participle_prepositions") | word_class("locating_prepositions")


_IRREGULAR_PAST_ALL = set(_WORDS["irregular_past_verbs"])


@METRIC.rule(("Exports were 40 billion yuan and imports 25 billion yuan, the latter up [6%].", "imports"),
             ("Hotel stays rose 8% and museum visits 12%. The former reached [3.1 million].", "Hotel stays"),
             cues=("latter", "former"))
def the_latter(site: _Site):
    """'The latter' and 'the former' name no measure of their own: they point to the second or the first of the last two
    measures named before, in the sentence or the one before ('Exports were 40 billion yuan and imports 25 billion yuan,
    the latter up 6%': imports)."""
    m = _LATTER.search(site.text, max(site.floor, site.sentence.start, site.clause_start), site.q.start)
    if m is None:
        return SKIP
    named: list[str] = []
    for o in site.quantities[:site.i]:
        if o.start >= site.previous_sentence_start and o.metric and (not named or named[-1] != o.metric):
            named.append(o.metric)
    if len(named) < 2:
        return SKIP
    return named[-1] if m.group(1).lower() == "latter" else named[-2]


_LATTER = re.compile(r"\bthe\s+(latter|former)\b(?:\s+[a-z]+){0,3}\s+(?:" + _APPROX + r"\s+)?$", re.IGNORECASE)


@METRIC.rule(("Urban residents' per capita income was 63,000 yuan and rural residents' [38,000 yuan].",
              "rural residents' per capita income"),
             ("The city's exports rose 5%, and the county's [9%].", "county's exports"),
             ("Beijing's output grew 4%, Tianjin's [3%].", "Tianjin's output"),
             ("The town's retail sales rose 7%, faster than the county's [5%].", "county's retail sales"))
def possessive_without_its_noun(site: _Site):
    """A possessive right before a figure ('and rural residents' 38,000 yuan') has lost its noun, which the clause before
    named: the measure of the figure before, with the new owner in place of the one it names ('rural residents' per
    capita income'), or before it."""
    prev = site.prev
    if prev is None or not prev.metric:
        return SKIP
    gap = site.text[prev.end:site.q.start]
    if "'" not in gap and "’" not in gap:
        return SKIP  # no apostrophe, no possessive (most figures: one look spares the pattern's try)
    m = _BARE_POSSESSIVE.search(site.text, prev.end, site.q.start)
    if m is None or (site.counts and site.counted):
        return SKIP  # "and Chongming's 3,860 family farms": the count's noun follows it
    named = word_list(m["owner"])
    cut = max((k + 1 for k, w in enumerate(named[:-1]) if w.lower() in ("and", "the", "than") or w.lower().endswith(("ing", "ed"))
               or w.lower() in _DETERMINERS), default=0)
    owner = " ".join(named[cut:])  # "faster than the city's 5.2 percent", "outpacing the city's": the owner alone
    words = prev.metric.split()
    own = max((k + 1 for k, w in enumerate(words) if _POSSESSIVE_WORD.search(w)), default=0)
    if own and own == len(words):
        return SKIP
    return f"{owner} {' '.join(words[own:])}"


# ", and the county's 9%", "and rural residents' 38,420 yuan": a possessive and the figure, its noun left out
_BARE_POSSESSIVE = re.compile(r"(?:,|\band)\s+(?:the\s+)?(?P<owner>(?:[\w-]+\s+){0,3}?[\w-]+(?:['’]s|s['’]))\s+(?:" + _APPROX
                              + r"\s+)?(?:RMB\s+|US\$|\$)?$")
_POSSESSIVE_WORD = re.compile(r"(?:['’]s|s['’])$")


@METRIC.rule(("The average monthly pension of retirees was 4,320 yuan, up 3%. That of urban retirees was [5,100 yuan].",
              "average monthly pension of urban retirees"),
             ("Average wages of staff were 9,800 yuan, up 4%; those of migrant staff were [6,100 yuan].", "Average wages of migrant staff"),
             ("Average wages of staff were 9,800 yuan, up 4 percent, with those of migrant staff rising [6 percent].",
              "Average wages of migrant staff"),
             cues=("that", "those"))  # (the sentence opens with one of them)
def that_of(site: _Site):
    """'That of X' ('That of rural residents was 39,870 yuan', '..., with that of rural residents growing 9 percent') names
    the measure of the figure before, of X: its head noun ('per capita disposable income') of the new owner."""
    start = site.text.rfind(";", site.sentence.start, site.q.start) + 1 or site.sentence.start  # "...; that of rural residents was"
    m = _THAT_OF.match(site.text, start, site.q.start) or _THAT_OF.match(site.text, max(start, site.text.rfind(",", start, site.q.start)), site.q.start)
    if m is None or site.i == 0:
        return SKIP
    before = site.quantities[site.i - 1].metric
    head = _OF_TAIL.sub("", before) if before else ""
    return f"{head} of {' '.join(word_list(m.group(1) or m.group(2)))}" if head else SKIP


@METRIC.rule(("Bus lanes will be extended to [180 kilometers].", "Bus lanes"),
             ("The number of charging piles was raised to [8,000] last year.", "number of charging piles"),
             ("The riverside trail, which drew 1.5 million walkers in 2023, will be extended to [6 kilometers].",
              "length of riverside trail"),
             ("Bike lanes are due to be widened to [30 meters] next year.", "Bike lanes"),
             ("The county's cycle paths, 900 kilometers in all today, are set to be lengthened to [1,500 kilometers].",
              "length of county's cycle paths"),
             cues=("be", "been", "was", "were"))  # (the passive's auxiliary, in each of its forms)
def passive_to(site: _Site):
    """A figure that a passive verb takes its subject to ('Open test roads will be extended to 2,500 kilometers') measures
    that subject."""
    m = _PASSIVE_TO.match(site.text, max(site.clause_start, site.floor), site.q.start)
    if m is None:
        return _passive_after_an_aside(site)
    words = trim_metric(word_list(m.group(1)))
    return " ".join(words) if words else SKIP


def _passive_after_an_aside(site: _Site):
    """'The riverside trail, which drew 1.5 million walkers in 2023, will be extended to 6 kilometers': the passive's
    clause has no subject of its own after the aside; its subject opens the sentence (a size: that thing's length or
    area)."""
    start = max(site.clause_start, site.floor)
    if site.prev is not None and site.prev.start >= site.sentence.start and start == site.prev.end:
        start = site.clause_start
    if start <= site.sentence.start or not _BARE_PASSIVE_TO.match(site.text, start, site.q.start):
        return SKIP
    subject = _fallback_subject(site.ctx, site.sentence.start, site.q.start)
    if not subject or len(subject) == 1 and subject[0].lower() in _SELF_REFERENCES:
        return SKIP
    dimension = _DIMENSIONS.get(site.q.unit)
    return f"{dimension} of {' '.join(subject)}" if dimension in ("length", "area") else " ".join(subject)


# a passive with no subject before it: "will be extended to", "was raised to"
_BARE_PASSIVE_TO = re.compile(r"\W*" + _PASSIVE_AUXILIARY + r"\s+(?:[a-z]+ly\s+)?[a-z]+ed\s+to\s+(?:" + alternation("approximators")
                              + r"\s+)?$")


@METRIC.rule(("The cluster, with about [400] enterprises, grew fast.", "enterprises of cluster"), cues=("with",))
def count_in_an_aside(site: _Site):
    """A count in an aside 'with' it ('The cluster, with about 400 enterprises, ...') counts the things of the noun the
    aside follows."""
    comma = site.text.rfind(",", site.sentence.start, site.q.start)
    if comma < 0 or not _WITH_ASIDE.match(site.text, comma, site.q.start):
        return SKIP  # (the comma first: one find, where the pattern tried at every character of the sentence)
    words = site.counted if site.counts else []
    if not words or site.adjectival:
        return SKIP
    thing = _noun_before_aside(site)
    thing = trim_metric(thing[next((k + 1 for k in range(len(thing) - 1, -1, -1) if _is_verb(thing[k]) or _DIGIT.search(thing[k])), 0):])
    return f"{' '.join(words)} of {' '.join(thing)}" if thing else SKIP  # ("to 150 billion yuan by 2025, with 5 ...": no noun)


_WITH_ASIDE = re.compile(r",\s*with\s+(?:" + _APPROX + r"\s+)?$")


@METRIC.rule(("The bike fleet in the old town, now [900] bikes, will double by 2027.", "bike fleet in the old town"),
             cues=tuple(sorted(word_class("time_adverbs"))))
def size_in_an_aside(site: _Site):
    """A count set off by commas after a noun phrase and told as the present ('The bike fleet in the old town, now 900
    bikes, will double') is the size of what that phrase names: its things are what the noun after the count says it is
    counted in."""
    if not site.counts or site.adjectival or not _NOW_ASIDE.search(site.text, max(site.floor, site.sentence.start), site.q.start) \
            or not _ASIDE_CLOSES.match(site.text, site.q.end):
        return SKIP
    thing = _noun_before_aside(site)
    thing = trim_metric(thing[next((k + 1 for k in range(len(thing) - 1, -1, -1) if _is_verb(thing[k]) or _DIGIT.search(thing[k])), 0):])
    return " ".join(thing) if thing else SKIP


_NOW_ASIDE = re.compile(r"\w,\s*" + alternation("time_adverbs") + r"\s+(?:" + _APPROX + r"\s+)?$")
_ASIDE_CLOSES = re.compile(r"(?:\s+[a-z-]+){0,2}\s*,")  # "200 vehicles," "900 bikes,": the aside ends after its unit


# "bringing the total in Hongkou to 96", "raising the number at the park to 40": where the total is, then its figure
_TOTAL_IN_TO = re.compile(rf"\b{alternation('total_verbs')}\s+(?:the|its|their)\s+(?:total|number)\s+(?:in|at)\s+[^,;.]{{1,40}}?\s+to\s+"
                          rf"(?:{alternation('approximators')}\s+)?$", re.IGNORECASE)


@METRIC.rule(("The district introduced 12 regional headquarters, bringing the total to [108].", "regional headquarters"),
             ("The zone added 14 labs this year, bringing the total in the zone to [60].", "labs added"),
             ("The district had 126 regional headquarters, [11] of them new.", "regional headquarters"))
def more_of_the_same(site: _Site):
    """A count that brings a total to a figure ("bringing the total to 108") or counts some "of them" counts more of the
    things counted just before, in its sentence or the one before."""
    if not site.counts:
        return SKIP
    text, q = site.text, site.q
    words = site.sentence_words  # ("the total to", "the number to": a sentence with neither word brings no total)
    if not ((("total" in words or "number" in words) and (TOTAL_TO.search(text, *site.words_before_span())
                                                          or _TOTAL_IN_TO.search(text, *site.words_before_span())))
            or _OF_THEM.match(text, q.end)):
        return SKIP
    earlier = next((site.quantities[j] for j in range(site.i - 1, site.members.start - 1, -1)
                    if site.quantities[j].unit == "count" and site.quantities[j].metric), None) or _counted_before(site)
    return earlier.metric if earlier is not None else SKIP


@METRIC.rule(("The town completed the renovation of all 1,480 old terraced houses, benefiting about [5,600] households.",
              "households benefiting from renovation of old terraced houses"),
             ("We completed the renovation of old riverside flats for [2,730] households.", "households benefiting from renovation of old riverside flats"),
             ("We will renovate old walk-up flats for [2,800] households.", "households benefiting from renovation of old walk-up flats"),
             ("The district rebuilt 40 old blocks last year, benefiting [9,000] households.", "households benefiting"),
             cues=_WORDS["beneficiary_nouns"])  # (what is counted must be one of them)
def beneficiaries(site: _Site):
    """Households, families or residents that a work is done for ('renovated old walk-up flats for 2,800
    households', '..., benefiting about 12,000 households') are counted as those the work benefits: the work names them."""
    words = site.counted if site.counts else []
    if not words or words[0].lower() not in _BENEFICIARIES:
        return SKIP
    lo, hi = site.sentence.start, site.q.start
    if not _FOR_OR_BENEFITING.search(site.text, max(lo, hi - 40), hi):
        return SKIP
    work = _WORK_OF.search(site.text, lo, hi)
    if work is None:  # "..., benefiting 3,480 households": they benefit, from what the clause before did
        return f"{words[0]} benefiting" if _BENEFITING_BEFORE.search(site.text, max(lo, hi - 40), hi) else SKIP
    done = [w for w in word_list(work.group(1) or f"renovation of {work.group(2)}")
            if not any(c.isdigit() for c in w) and w.lower() not in ("all", "the")]
    return f"{words[0]} benefiting from {' '.join(done)}"


_BENEFICIARIES = set(_WORDS["beneficiary_nouns"])
_BENEFITING_BEFORE = re.compile(r",\s*benefiting\s+(?:" + alternation("rough_approximators") + r"\s+)*$", re.IGNORECASE)
_FOR_OR_BENEFITING = re.compile(r"\b" + alternation("benefiting_words") + r"\s+(?:" + alternation("rough_approximators") + r"\s+)*$",
                                re.IGNORECASE)
# the work done: "the renovation of old lane houses", "the relocation of 3,000 households' homes"
_WORK_OF = re.compile(r"\b(" + alternation("renewal_nouns") + r"\s+of\s+(?:[^,;.]|(?<=\d)[,.](?=\d)){3,60}?)"
                      r"(?=\s+" + alternation("adjunct_prepositions") + r"\b|\s*[,;.](?!\d)|\s*$)"
                      r"|\brenovat(?:e|es|ed|ing)\s+((?:[^,;.]|(?<=\d)[,.](?=\d)){3,60}?)(?=\s+for\b)", re.IGNORECASE)  # "renovate old lane houses for"


# "The old road plan, for 2019 to 2021, had aimed to build": who set the goal (an aside may follow it), the verb
# of a goal set in the past or of a plan's list, a verb or gerund after it, and words before "of" that name an amount
_PAST_GOAL = re.compile(r"\W*(?P<owner>(?:[\w’'&-]+\s+){0,6}?[\w’'&-]+)\s*(?:,[^,;.]{1,40},\s*)?(?:(?P<goal>"
                        + alternation("past_goal_verbs") + r")|(?P<list>" + alternation("plan_listing_verbs") + r"))\s+"
                        r"(?:(?<=to\s)[a-z]+\s+|(?<=of\s)[a-z]+ing\s+)?(?P<named>(?:[\w’'&-]+\s+){1,4}?of\s+)?(?:" + _APPROX
                        + r"\s+)?(?:RMB\s+|US\$|\$)?$")
_PLAN_NOUNS = word_class("plan_title_nouns")
_OWNER_TO_THE = _OWNER_DETERMINERS | {"the"}
_TIME_TAIL = re.compile(r"^(?:for|in|by|during)$", re.IGNORECASE)


@METRIC.rule(("The previous action plan, covering 2019 to 2021, had aimed to attract [40] research institutes.",
              "research institutes goal of the previous action plan"),
             ("Its last plan had aimed for chip output of [80 billion yuan] by 2025.", "chip output goal of the last plan"),
             ("The county had set a goal of [300 million yuan] in farm sales for 2024, which it beat.", "farm sales goal of the county"),
             ("The old three-year plan listed [24] road projects; all were finished.", "road projects of the old three-year plan"),
             cues=("aimed", "set", "targeted", "planned", "listed", "included"))
def goal_of_an_earlier_plan(site: _Site):
    """A figure that an earlier plan or its makers had aimed at ('The previous plan had aimed to attract 40 institutes',
    'the county had set a goal of 300 million yuan in farm sales'), or that a plan listed ('the old plan listed 24 road
    projects'), measures that goal of theirs, not what was reached: the thing counted or the amount's measure, as the
    goal of the plan or of whoever set it ('research institutes goal of the previous action plan')."""
    q = site.q
    m = _PAST_GOAL.match(site.text, site.sentence.start, q.start)
    if m is None:
        return SKIP
    owner = [w for w in word_list(m["owner"])]
    is_plan = owner[-1].lower() in _PLAN_NOUNS
    if not is_plan and (m["list"] or not m["goal"].startswith("had ")):
        return SKIP  # "The firm listed 3 units", "the town aimed to ...": only a plan's list, or a goal told as past, is one
    if owner[0].lower() in _OWNER_TO_THE:
        owner = ["the"] + owner[1:]  # "Its previous plan": the previous plan
    if site.counts and not site.adjectival:
        named = site.counted
    elif m["named"]:
        named = word_list(m["named"])[:-1]  # "had aimed for chip output of 80 billion yuan"
    else:
        named = site.tail_words
    named = named[:next((k for k, w in enumerate(named[:-1]) if k and _TIME_TAIL.match(w) and named[k + 1][0].isdigit()),
                        len(named))]  # "for 2021": a time, no part of what is measured
    if not named or any(w[0].isdigit() for w in named):
        return SKIP
    site.ctx.memo.setdefault("thing_of_a_goal", {})[q.start] = " ".join(named)  # what the figures after it measure
    return " ".join(named + (["of"] if m["list"] else ["goal", "of"]) + owner)


def _thing_measured(ctx: Context, o: Quantity) -> str | None:
    """What figure ``o`` measures, for the figures after it that measure the same: its metric, less the plan whose goal it
    was ("27 were attracted" after "the plan's goal of 25 regional headquarters": regional headquarters, not the goal)."""
    return ctx.memo.get("thing_of_a_goal", {}).get(o.start, o.metric)


# "planners had projected spring port traffic growth of some": who forecast, the verb, what grows, the change noun
_PAST_FORECAST = re.compile(r"\b(?P<who>(?:[Tt]he|[Ii]ts)\s+[a-z]+)\s+had\s+(?P<verb>" + alternation("expecting_participles") + r")\s+"
                            r"(?P<what>(?:[\w-]+\s+){0,4}?(?:growth|increase|rise))\s+of\s+(?:" + _APPROX + r"\s+)?$")


@METRIC.rule(("In May, the bureau had expected second-quarter farm output growth of [about 4 percent].",
              "second-quarter farm output growth expected by the bureau"),
             cues=tuple(sorted(word_class("expecting_participles"))))
def forecast_told_as_past(site: _Site):
    """A change that someone had expected or forecast ('the bureau had expected third-quarter farm output growth of about
    4 percent') is that forecast: the growth, as expected by them (the figure the text reports after it is the outcome)."""
    m = _PAST_FORECAST.search(site.text, max(site.floor, site.sentence.start), site.q.start)
    if m is None or site.q.unit != "percent":
        return SKIP
    what = " ".join(word_list(m["what"]))
    site.ctx.memo.setdefault("thing_of_a_goal", {})[site.q.start] = what  # the outcome reported after it measures the growth
    return f"{what} {m['verb'].lower()} by {m['who'][0].lower()}{m['who'][1:]}"


_FRAME_WORDS = word_class("frame_words")
_FRAME_CUES = sorted({w.split("'")[0].split("’")[0] for w in _FRAME_WORDS})


@METRIC.rule(("Tax revenue reached 37 billion yuan, and the goal is [45 billion yuan] by 2027.", "Tax revenue"),
             ("R&D spending equalled 2.8% of GDP, against a target of [3.5%] by 2027.", "R&D spending share of GDP"),
             ("The number of firms rose to 1,510. The plan expects [2,000] by 2025.", "number of firms"),
             ("Carbon emissions per unit of output dropped 4.2%, or 70% of the five-year reduction goal of [6%].",
              "five-year reduction Carbon emissions per unit of output"),
             ("The plan sets a goal of [250 billion yuan] of industrial output by 2025.", "industrial output"),
             ("Water use per unit of output fell 9%, short of the goal of a [12%] reduction.", "reduction of Water use per unit of output"),
             ("Investment grew 3.1% a year, and lagged behind the expected [8%].", "Investment"),
             ("The park's output value reached 98 billion yuan.\n\n\"We expect to hit [120 billion yuan] next year,\" said its manager.",
              "park's output value"),
             ("The number of charging piles reached 4,120, exceeding the [3,600] targeted for 2025.", "number of charging piles"),
             ("Drone sales grew to 4.1 billion yuan, and the county wants them to pass [10 billion yuan] by 2028.", "Drone sales"),
             ("Tax revenue grew 6% to 35 billion yuan. The plan calls for [40 billion yuan] by 2025.", "Tax revenue"),
             ("Imports fell 2 percent in the first quarter. For the year as a whole the ministry forecasts growth of [3 percent].", "Imports"),
             cues=_FRAME_CUES + ["expected", "planned", "targeted", "set", "projected", "envisaged", "calls", "call", "aims", "aim",
                                 "expect", "expects", "forecast", "forecasts", "project", "projects"])
def goal_of_the_measure_before(site: _Site):
    """A goal, target or plan named as such ("the goal is 100 billion yuan", "against a target of 4%", "the plan expects
    2,000") is not what is measured: the figure is a goal for the measure last named, in its sentence or the one before,
    in the same unit; words that qualify the goal ("the five-year reduction goal") are kept."""
    before = site.before
    framed = (bool(before) and _frame_word(before[-1]) is not None) or (
        not site.counts and _FRAME_VERB_TO.search(site.text, site.floor, site.q.start) is not None)  # (a count: count_of_the_same)
    # "exceeding the 2,500 targeted for 2025", "short of the 5,000 planned", "below the 6 percent set in the plan"
    planned = _PLANNED_AFTER.match(site.text, site.q.end) is not None and _THE_BEFORE.search(site.text, *site.words_before_span()) is not None
    if not framed and not planned and not _THE_EXPECTED.search(site.text, *site.words_before_span()):
        return SKIP  # (the figure "lagged behind the expected 8%" is a goal's figure too)
    suffix = site.change_suffix
    if framed and suffix and not _CHANGE_IN.match(site.after, suffix.end(1)) and _measure_before(site) is not None:
        return f"{suffix.group(1).lower()} of {_measure_before(site)}"  # "the plan's goal of a 14% reduction": of what fell before
    if not planned and ((site.counts and _count_words(site)) or suffix):
        return SKIP  # "a target of 40% cut in emissions": the measure follows the figure
    if site.tail_words and not planned:
        return " ".join(site.tail_words) if framed and site.after.lstrip().startswith("of ") else SKIP  # "a goal of 250 billion yuan of industrial output"
    measured = _measure_before(site)
    if measured is None:
        return SKIP
    return " ".join(_goal_qualifiers(word_list(site.text[site.floor:site.q.start])) + [measured])


@METRIC.rule(("Output reached 142 billion yuan in 2022. The district intends to raise it to [190 billion yuan] by 2026.", "Output"),
             ("Forest coverage was 20.1% last year, and the district will lift it to [23%].", "Forest coverage"),
             ("The number of licensed drones grew to 340 last year. The county aims to bring the figure to [500] by 2026.",
              "number of licensed drones"),
             ("The town has 18 farm shops, and the number is to rise to [30] next year.", "farm shops"),
             ("With four river ports opened in 2024, the county has brought the total to [11].", "river ports"),
             ("The district, where nine data centers were built last year, wants to lift that number to [15].", "data centers"),
             cues=("it", "them", "figure", "number", "total"))
def raised_it_to(site: _Site):
    """A figure that 'it', 'them' or 'the figure' is to be raised or cut to ('The district intends to raise it to 190 billion
    yuan', 'aims to bring the figure to 500'), or that 'the number' is to rise to, is a goal for the measure named last before, in the same unit, in its sentence
    or the one before; a count whose things a number in words counted before it in the sentence ('With four river ports
    opened, the county has brought the total to 11'), wherever that number stands, counts those things: a number written
    as a word is no figure, but it counts what follows it as one does."""
    span = (max(site.floor, site.sentence.start), site.q.start)
    if not _IT_TO.search(site.text, *span) and not _IT_RISES_TO.search(site.text, *span):
        return SKIP
    measured = _measure_before(site)
    if measured is None and site.q.unit == "count":
        counted = [m["things"] for m in _NUMBER_WORD_COUNTS.finditer(site.text, site.sentence.start, site.q.start)]
        measured = " ".join(counted[-1].split()) if counted else None
    return measured if measured is not None else SKIP


# "four river ports opened", "Eight regional offices were ...", "nine data centers last year": a number in words and what
# it counts, up to a verb, a time word or a break (not 'one of', 'hundred')
_NUMBER_WORD_COUNTS = re.compile(r"\b(?i:" + "|".join(sorted((w for w in word_lists("scales")["cardinals"] if w != "hundred"), key=len, reverse=True))
                                 + r")\s+(?P<things>(?!of\b)[a-z][\w&-]*(?:\s+(?:[a-z][\w&-]*|of|and)){0,6}?)"
                                 r"(?=\s+(?:were|was|have|has|had|are|is|last|this|in|since|[a-z]+ed)\b|\s*[,;.])")


_IT_TO = re.compile(r"\b[a-z]+\s+" + alternation("measure_anaphors") + r"\s+(?:further\s+)?to\s+(?:" + _APPROX + r"\s+)?$")
# "the number is to rise to", "we expect the number to reach", "the figure will grow to": the anaphor as the subject
_IT_RISES_TO = re.compile(r"\b(?:the|that|this)\s+(?:number|figure|total)\s+(?:is\s+to|will|is\s+expected\s+to|to)\s+(?:"
                          + alternation("reach_infinitives") + r")(?:\s+to)?\s+(?:" + _APPROX + r"\s+)?$")


@METRIC.rule(("Freight volume hit 700 million tons in 2024, going past the [650-million-ton] threshold.", "Freight volume"),
             ("Online sales passed the [1 trillion yuan] mark as shoppers returned.", "Online sales"),
             cues=tuple(sorted(word_class("mark_nouns"))))
def mark_of_the_measure(site: _Site):
    """A mark or threshold that something passes ('going past the 650-million-ton threshold', 'passed the 1 trillion yuan
    mark') names no measure: it is a mark of the measure named before it in the sentence, in the same unit, else of the
    sentence's subject (unless 'in' or 'of' after the mark names the measure: 'the 90% mark in ...')."""
    q, text = site.q, site.text
    mark = _MARK_NOUN_AFTER.match(text, q.end)
    if mark is None or _TAIL_OF_MARK.match(text, mark.end()):
        return SKIP
    named = next((o for o in reversed(site.quantities[site.members.start:site.i]) if o.metric and _dimension(o.unit) == _dimension(q.unit)),
                 None)
    if named is not None:
        return named.metric
    subject = _clause_subject(word_list(text[site.sentence.start:q.start]), lambda w: _ends_clause(w) or w.lower() in _PASSING_WORDS)
    subject = trim_metric(subject)
    return " ".join(subject) if subject else SKIP


_MARK_NOUN_AFTER = re.compile(r"\s+" + alternation("mark_nouns") + r"\b", re.IGNORECASE)  # "the 650-million-ton threshold"
_TAIL_OF_MARK = re.compile(r"\s+(?:in|of)\s+[a-z]")
_PASSING_WORDS = word_class("passing_verbs") | {"hits"}


_TALL_NOUNS = sorted(word_class("tall_nouns"))  # what a length in meters is the height of


@METRIC.rule(("Construction of the [480-meter] Bund Landmark tower will start in May.", "height of Bund Landmark tower"),
             ("The Bund Center tower, expected to top out next year, will reach [480 meters].", "height"),
             cues=_TALL_NOUNS)
def height_of_tall(site: _Site):
    """A length in meters of a tower or skyscraper ('the 480-meter Landmark tower', 'the tower will reach 480 meters') is
    its height."""
    if site.q.unit != "m" or measure_aside(site.text, site.q, site.sentence.start):
        return SKIP  # ("The tower, at 320 meters, ...": an aside, read as one)
    words = site.counted if site.adjectival else (site.before or site.subject_words)
    if not words or words[-1].lower() not in _TALL_NOUNS:
        return SKIP
    return f"height of {' '.join(words)}" if site.adjectival else "height"


_BUILDING_NOUNS = word_class("building_nouns")  # what a size in square meters is the floor area of, in meters the height of


@METRIC.rule(("The east wing of the Zhenru design centre, which opened in 2019 with [60,000 square meters] of labs, has no desk free.",
              "area of east wing of the Zhenru design centre"),)
def size_opened_with(site: _Site):
    """The area or length a thing opened with, in a relative clause of its opening ('the second phase, which opened in 2019
    with 60,000 square meters'), is the area or length of the thing the clause follows, not of the verb."""
    q = site.q
    if _DIMENSIONS.get(q.unit) not in ("area", "length"):
        return SKIP
    m = OPENED_WITH.search(site.text, site.sentence.start, q.start)
    if m is None:
        return SKIP
    start = max(site.ctx.seg.clause_bounds(m.start() - 1)[0], site.sentence.start)
    thing = trim_metric(word_list(site.text[start:m.start()]))[-8:]
    return f"{_DIMENSIONS[q.unit]} of {' '.join(thing)}" if thing else SKIP


@METRIC.rule(("The [30-hectare] park opened in May.", "area of park"),
             ("Construction of the [12-kilometer] tram line started in 2022.", "length of tram line"),
             ("The lab moved into a [9,000-square-meter] building last year.", "floor area of building"),
             ("The [320-meter] North Bund Center opened.", "height of North Bund Center"),
             ("A [1,500]-seat theater will open in 2026.", "seats of theater"),
             ("The town will lay out a [2-square-kilometer] “fashion valley” by 2027.", "area of fashion valley"),
             ("The Riverside Mall, a [90,000-square-meter] project, opened in May.", "area of Riverside Mall project"))
def size_as_adjective(site: _Site):
    """A size used as an adjective ("a 30-hectare park", "the 12-kilometer tram line", "a 1,500-seat theater") is a
    measure of its head noun: its area or length (a building's floor area, or its height in meters), or the units the
    adjective names (seats, beds, rooms). The measure is what is measured; the noun says of what."""
    q = site.q
    seats = COUNT_ADJECTIVE.match(site.text, q.end) if q.unit == "count" else None
    if seats:
        thing = noun_phrase_after(site.text, seats.end())
        unit = seats.group(1).lower()
        return f"{unit[:-1] + 'ies' if unit.endswith('ry') else unit + 's'} of {' '.join(_head_noun(thing))}".strip() if thing else SKIP
    if _DIMENSIONS.get(q.unit) not in ("area", "length"):
        return SKIP  # (asked first: most figures are no area or length, and their counted words are not needed)
    # the noun phrase ends where a clause of its own begins: "zone where most of the companies", "riverside has been"
    counted = list(takewhile(lambda w: w.lower() not in _CLAUSE_OPENERS, site.counted))
    if not site.adjectival or q.unit not in _DIMENSIONS or _DIMENSIONS[q.unit] not in ("area", "length") or not counted:
        return SKIP
    building = any(w.lower() in _BUILDING_NOUNS for w in counted)
    dimension = _DIMENSIONS[q.unit]
    if building and q.unit == "m2":
        dimension = "floor area"
    elif building and q.unit == "m":
        dimension = "height"
    if _APPOSITIVE_BEFORE.search(site.text, max(site.floor, site.sentence.start), q.start) and site.clause_start > site.sentence.start:
        thing = _noun_before_aside(site)  # "The zone's digital park, a 200,000-square-meter complex, ...": the park's size
        thing = trim_metric(thing[next((k + 1 for k in range(len(thing) - 1, -1, -1) if _is_verb(thing[k]) or _DIGIT.search(thing[k])
                                        or thing[k].lower() in _DETERMINERS or thing[k].lower() in _FUNCTION_WORDS), 0):])
        if thing:
            return f"{dimension} of {' '.join(thing + counted)}"
    return f"{dimension} of {' '.join(counted)}"


_APPOSITIVE_BEFORE = re.compile(r",\s+an?\s+$")  # "The Mengqing Garden mall, a 120,000-square-meter project"


_CLAUSE_OPENERS = word_class("relative_pronouns") | word_class("be_forms") | word_class("modal_verbs") | word_class("clause_opening_words")


@METRIC.rule(("The district added 230 nursery places in 2023. It will add [900] such places this year.", "nursery places added"),
             cues=("such",))
def such_things(site: _Site):
    """A count of 'such' things ('900 such places') counts the things of that name counted last before it, in its sentence
    or the one before: their full name ('nursery places added')."""
    words = site.counted if site.counts else []
    if len(words) < 2 or words[0].lower() != "such":
        return SKIP
    noun = words[1].lower()
    quantities = site.quantities
    floor = site.previous_sentence_start
    for j in range(site.i - 1, -1, -1):
        o = quantities[j]
        if o.start < floor:
            break
        if o.unit == "count" and o.metric and noun in o.metric.lower().split():
            return o.metric
    return SKIP


@METRIC.rule(("The bottling hall has a daily capacity of [400,000] bottles.", "daily capacity of bottles"),
             ("The mall saw foot traffic of [12 million] people last year.", "foot traffic of people"),
             cues=tuple(sorted({n.split()[-1] for n in word_class("count_measure_nouns")})))
def measure_of_the_counted_things(site: _Site):
    """A count after a measure and 'of' ('a daily capacity of 400,000 bottles', 'foot traffic of 12 million people')
    counts the things of that measure: the measure is what is measured, the noun after the count says in what."""
    if not site.counts or site.adjectival:
        return SKIP
    m = _COUNT_MEASURE_OF.search(site.text, max(site.floor, site.sentence.start), site.q.start)
    if m is None:
        return SKIP
    measure = word_list(m["measure"])
    measure = measure[max((k + 1 for k, w in enumerate(measure[:-1]) if _is_verb(w) or w.lower() in _IRREGULAR_PAST_ALL
                           or w.lower() in _DETERMINERS or w.lower() in _OWNER_DETERMINERS), default=0):]  # "streets saw foot traffic of"
    counted = site.counted
    return f"{' '.join(measure)} of {' '.join(counted)}" if counted else " ".join(measure)


_COUNT_MEASURE_OF = re.compile(r"(?:\b(?:an?|the|its|their)\s+)?(?P<measure>(?:[a-z][a-z-]*\s+){0,2}?(?:" + alternation("count_measure_nouns")
                               + r"))\s+of\s+(?:" + _APPROX + r"\s+)?$")


@METRIC.rule(("Under the plan, robot density in the county's plants is to reach [300] units per 10,000 workers.",
              "robot density in the county's plants"),
             ("The ratio of doctors at the new hospital will be [4] units per 1,000 residents.", "ratio of doctors at the new hospital"))
def rate_named_by_its_subject(site: _Site):
    """A count in units per so many people or things ('300 units per 10,000 workers') is a rate: what it measures is named
    by its clause's subject when that holds a noun of a rate ('robot density in the county's plants'), not by the units."""
    words = site.counted if site.counts else []
    if len(words) < 3 or words[0].lower() not in _CLASSIFIERS or words[1].lower() != "per":
        return SKIP
    subject = trim_metric(site.subject_words)
    return " ".join(subject) if any(w.lower() in _RATE_NOUNS for w in subject) else SKIP


_RATE_NOUNS = word_class("per_unit_rate_nouns")


# "expects exports to exceed", "wants the fleet to grow to": who expects, the thing measured, a verb of reaching
_EXPECTED_TO_REACH = re.compile(r"\b" + alternation("forecasting_verbs", "object_goal_verbs") + r"\s+(?P<what>(?:[\w’'-]+\s+){1,5}?)to\s+"
                                + alternation("reach_infinitives") + r"\s+(?:" + _APPROX + r"\s+)?$")


@METRIC.rule(("The county expects exports to exceed [50,000 vehicles] this year.", "exports of vehicles"),
             ("The park wants its bus fleet to grow to [400] buses by 2026.", "bus fleet of buses"),
             cues=tuple(sorted(word_class("forecasting_verbs") | word_class("object_goal_verbs"))))
def count_a_measure_is_to_reach(site: _Site):
    """A count that a measure is expected to reach ('expects exports to exceed 50,000 vehicles', 'wants its fleet to grow to
    400 buses') counts the things of that measure: the noun after the count says what it is counted in, the measure what."""
    if not site.counts or site.adjectival or not site.counted:
        return SKIP
    m = _EXPECTED_TO_REACH.search(site.text, max(site.clause_start, site.floor), site.q.start)
    if m is None:
        return SKIP
    what = trim_metric([w for w in word_list(m["what"]) if w.lower() not in _OWNER_DETERMINERS])
    if not what or (len(what) == 1 and what[0].lower() in _SELF_REFERENCES) or what[0].lower() in _SUBJECT_PRONOUNS:
        return SKIP  # "expects the district to reach 500 firms", "wants it to pass 1,000 firms": what is counted follows
    return f"{' '.join(what)} of {' '.join(site.counted)}"


@METRIC.rule(("The park is home to [167] projects each valued at 100 million yuan or more.", "projects each valued at 100 million yuan"),
             ("The district ranked third among Shanghai's [16] districts.", "districts"),
             ("Among them, [8] are Fortune Global 500 companies.", "Fortune Global 500 companies"),
             ("The district will attract [20] to 25 research institutes over the next three years.", "research institutes"),
             ("All [32] projects in the 2020-2022 road plan were finished.", "projects in the 2020-2022 road plan"),
             ("Its [14] hotels that each earned more than 50 million yuan rose by 2.", "hotels that each earned more than 50 million yuan"))
def noun_after_count(site: _Site):
    """A count names what it counts in the noun phrase after it ("167 projects each valued at ..."), when that phrase is
    more than one word, or the count is the object of a preposition ("among Shanghai's 16 districts"); the lower end of a
    range of counts, by the noun after the upper end ("20 to 25 research institutes": the noun is written once)."""
    words = site.counted if site.counts else []
    if not words or site.counts_units:
        return SKIP
    if site.last_word.lower() in _EMPLOY_VERBS and _people_employed(words):
        return SKIP  # "The toy industry employs 9,000 people in the county": its employees (noun_after_verb)
    if len(words) > 1 or site.adjectival or _PREPOSITION_OBJECT.search(site.text, *site.words_before_span()):
        done = _done_to_them(site.last_word, words) if site.count_before and site.last_word == site.count_before[-1] else []
        return " ".join(words + done)  # "added 5,300 elderly care beds": the beds added
    return SKIP


@METRIC.rule(("Vehicle production surged 2.6-fold to [68,000] units.", "Vehicle production"))
def units_of_what_grew(site: _Site):
    """Units that something grew to ("surged 2.6-fold to 68,000 units") are units of what grew: the figure before's metric."""
    prev = site.prev
    if not (site.counts and site.counts_units) or site.before or prev is None or not prev.metric:
        return SKIP
    return prev.metric if TO_BEFORE.search(site.text, prev.end, site.q.start) else SKIP


@METRIC.rule(("Our vehicle output more than doubled last year, to [350,000] units.", "vehicle output"))
def units_of_the_opening(site: _Site):
    """Units that the sentence's subject grew to ("Our vehicle output more than doubled last year, to 350,000 units") are
    units of that subject."""
    if not (site.counts and site.counts_units) or site.prev is not None or not TO_BEFORE.search(site.text, site.floor, site.q.start):
        return SKIP
    opening = word_list(site.text[site.floor:site.q.start])
    verb = next((k for k, w in enumerate(opening) if k and (_ends_clause(w) or w.lower() in _CHANGE_VERBS)), None)
    subject = trim_metric([w for w in opening[:verb] if w.lower() not in _OWNER_DETERMINERS]) if verb else []
    return " ".join(subject) if subject else SKIP


@METRIC.rule(("Its talent apartments will provide [2,000] units.", "talent apartments"))
def units_of_the_subject(site: _Site):
    """Units that a clause's verb provides or holds ("its talent apartments will provide 2,000 units") are units of the
    clause's subject."""
    if not (site.counts and site.counts_units) or not site.before or not _ends_clause(site.before[-1]):
        return SKIP
    clause = word_list(site.text[max(site.clause_start, site.floor):site.q.start])
    subject = trim_metric(_clause_subject(clause, lambda w: _ends_clause(w) or w.lower() in _MODAL_VERBS))
    if subject and not (len(subject) == 1 and subject[0].lower() in _SELF_REFERENCES):
        return " ".join(subject)
    return SKIP


@METRIC.rule(("The Valley now gathers [3,500] enterprises.", "enterprises"),
             ("The program benefited [46,000] households.", "households benefited"),
             ("The line will carry [5,000] passengers a day.", "passengers a day"),
             ("The company employs about [1,300] people.", "employees of company"),
             ("The toy industry currently employs about [9,000] people in the county.", "employees of toy industry"),
             ("Its 400 AI firms, which employ about [36,000] people, lead the sector.", "employees of AI firms"),
             ("The plant delivered [1,200] systems last year.", "systems delivered"),
             ("The park is home to [24,000] firms.", "firms"),
             ("The town's 12 museums received [800,000] visits last year.", "visits of museums"))
def noun_after_verb(site: _Site):
    """A verb before a count ends the clause that holds it ("now gathers 3,500 enterprises", "expected to draw",
    "will carry 5,000"): the count's own noun, after it, is what it counts; of the things counted in the clause's subject
    where they hold or receive them ("The town's 12 museums received 800,000 visits": visits of museums)."""
    words, before = _count_words(site) if site.counts else [], site.count_before
    if not words or not before:
        return SKIP
    text, q, last_word = site.text, site.q, site.last_word
    if (_ends_clause(before[-1]) or before[-1].lower() in GOAL_VERBS or _is_verb(last_word)
            or (len(last_word) > 5 and last_word.lower().endswith("ing"))  # "serving about 5,000 meals a day"
            or _GROWN_TO.search(text, *site.words_before_span())  # "has grown to 47 companies"
            or _HOME_TO.search(text, *site.words_before_span())  # "The park is home to 24,000 firms": as "houses" is
            or (len(before) > 1 and before[-2].lower() == "to")  # "expected to draw", "plans to build"
            or _AUXILIARY_VERB_BEFORE.search(text, *site.words_before_span())):  # "will carry 5,000"
        if last_word.lower() in _EMPLOY_VERBS and _people_employed(words):
            employer = _employer(site)  # "The company employs 620 people": the people a firm employs are its employees
            return f"employees of {' '.join(employer)}" if employer else "employees"
        holder = _holder(site) if last_word.lower() in _HOLDING_OR_RECEIVING or _HOME_TO.search(text, *site.words_before_span()) else []
        if holder:  # "its 8 business parks are home to 2,300 companies", "the 42 museums received 6.3 million visits"
            return f"{' '.join(words)} of {' '.join(holder)}"
        return " ".join(words + _done_to_them(last_word, words))
    return SKIP


_HOLDING_OR_RECEIVING = HOLDING_VERBS | _RECEIVING_VERBS | {"has", "have", "had", "hosts", "hosted", "houses", "housed", "received", "receives",
                                                            "drew", "draws", "attracted", "attracts", "welcomed"}


def _holder(site: _Site) -> list[str]:
    """What holds or receives the things a count counts, where they are things counted themselves: the count in the
    subject of the count's clause ('The town's 18 museums and theaters drew 2.4 million visits': museums and
    galleries; 'its 8 business parks are home to 2,300 companies'). A subject with no count is the figure's subject
    (the subject rules read it), not part of its measure."""
    start = max(site.clause_start, site.sentence.start)
    holder = next((o for o in reversed(site.quantities[site.members.start:site.i]) if o.start >= start), None)
    if holder is None or holder.unit != "count" or not holder.metric or _DIGIT.search(holder.metric):
        return []
    between = word_list(site.text[holder.end:site.q.start])
    if any(_ends_clause(w) for w in between[:-1]):
        return []  # "42 museums opened in May and now receive ...": another clause of the count's own
    return holder.metric.split()


def _done_to_them(verb: str, words: list[str]) -> list[str]:
    """A verb in the past before a count says which of the things are counted: those it was done to ("delivered 1,200
    systems": the systems delivered; "added 5,300 beds": the beds added); a verb of having or reaching says nothing."""
    v = verb.lower()
    if not ((v.endswith("ed") and not v.endswith("eed")) or v in _IRREGULAR_PAST) or v in _NOT_DONE or v in (w.lower() for w in words):
        return []
    return [v]


_IRREGULAR_PAST = set(_WORDS["irregular_past_verbs"]) - {"saw", "became", "rose", "fell", "grew", "began", "held", "took"}
_NOT_DONE = HOLDING_VERBS | _REACHING_VERBS | _HAVE_FORMS | _BE_FORMS | word_class("employ_verbs") | word_class("not_done_verbs")


def _employer(site: _Site) -> list[str]:
    """Who employs the people counted: the subject of the verb's clause ("the services sector employed 610,000 people"),
    or what a relative clause hangs on ("1,280 AI companies, which employ about 36,000 people")."""
    text, ctx = site.text, site.ctx
    start = max(site.clause_start, site.sentence.start)
    clause = word_list(text[start:site.q.start])
    verb = next((k for k, w in enumerate(clause) if w.lower() in _EMPLOY_VERBS), None)
    subject = clause[:verb] if verb else []
    if subject and subject[0].lower() in _RELATIVES and start > site.sentence.start + 1:
        subject = word_list(text[max(site.sentence.start, ctx.seg.clause_bounds(start - 2)[0]):start - 1])
    subject = subject[next((k + 1 for k in range(len(subject) - 1, -1, -1) if _DIGIT.search(subject[k])), 0):]
    words = trim_metric([w for w in subject if w.lower() not in _RELATIVES and w.lower() not in _OWNER_DETERMINERS
                         and w.lower() not in _TIME_ADVERBS])  # "The port currently employs": the port
    return [] if len(words) == 1 and words[0].lower() in _SELF_REFERENCES else words[-8:]


_RELATIVES = word_class("relative_pronouns")
_EMPLOY_VERBS = word_class("employ_verbs")
_PEOPLE = [[w] for w in word_class("people_nouns")]
_TIME_ADVERBS = word_class("time_adverbs")
# "9,000 people in Yiwu", "in the county": where they work, no part of who they are
_PLACE_TAIL = re.compile(r"(?:in|at|across)\s+(?:[A-Z]|the\s+" + alternation("home_area_nouns") + r"$)")


def _people_employed(words: list[str]) -> bool:
    """The count's noun is people, alone or with where they are ("people in Jiading")."""
    return bool(words) and [words[0].lower()] in _PEOPLE and (len(words) == 1 or bool(_PLACE_TAIL.match(" ".join(words[1:]))))


@METRIC.rule(("The airport received 1.1 million passenger trips last year, and expects to welcome [1.5 million] this year.",
              "passenger trips"))
def count_of_the_same(site: _Site):
    """A bare count after verbs only ("expects to welcome 1.5 million") counts what the count before it counted."""
    before, prev = site.count_before, site.prev
    if not site.counts or _count_words(site) or not before or prev is None or prev.unit != "count" or not prev.metric:
        return SKIP
    if all(_is_verb(w) or w.lower().endswith("ing") for w in before) and _is_verb(before[0]):
        return _thing_measured(site.ctx, prev)
    return SKIP




# "We expect to hit 120 billion yuan", "we want to reach 20,000": a verb of wanting, then the verb that reaches the figure
_FRAME_VERB_TO = re.compile(r"\b" + alternation("frame_words") + r"\s+(?:it\s+|them\s+)?to\s+[a-z]+\s+(?:" + _APPROX + r"\s+)?$",
                            re.IGNORECASE)  # ("officials want it to pass 30 billion yuan": "it", the measure named before)
_THE_EXPECTED = re.compile(r"\bthe\s+(?:expected|planned|targeted)\s+$|\b(?:calls?|aims?)\s+for\s+(?:" + _APPROX + r"\s+)?$"
                           # "For the whole year we expect growth of 8 to 10 percent": growth of the measure named before
                           r"|\b(?:expects?|forecasts?|projects?)\s+growth\s+of\s+(?:" + _APPROX + r"\s+)?$",
                           re.IGNORECASE)  # "the plan calls for 40 billion yuan by 2025"
_PLANNED_AFTER = re.compile(r"\s+(?:set|targeted|planned|projected|envisaged)\b")
_THE_BEFORE = re.compile(r"\bthe\s+(?:" + _APPROX + r"\s+)?$", re.IGNORECASE)


def _frame_word(word: str) -> str | None:
    """The frame word that ``word`` is ("goal", "plan's"), or None."""
    word = word.lower()
    return word if word in _FRAME_WORDS else None


_FUNCTION_WORDS = word_class("function_tail")
_FRAME_VERBS = {"expect", "expects", "want", "wants"}  # "We expect ...": who expects qualifies no goal


def _goal_qualifiers(words: list[str]) -> list[str]:
    """The words that qualify a goal: before its frame word, in its noun phrase ("the five-year reduction goal"), and a
    participle right after a plan's ("the plan's expected 7%")."""
    k = max((k for k, w in enumerate(words) if _frame_word(w)), default=None)
    if k is None:
        return []
    cut = max((j + 1 for j, w in enumerate(words[:k]) if w.lower() in _DETERMINERS or _is_verb(w) or not w[0].isalnum()
               or w.lower() in _FUNCTION_WORDS), default=0)
    qualifiers = [w for w in words[cut:k] if not _frame_word(w)] if words[k].lower() not in _FRAME_VERBS else []
    return qualifiers + [w for w in words[k + 1:k + 2] if w.lower().endswith("ed")]


def _measure_before(site: _Site) -> str | None:
    """The metric of the nearest figure before, in the same unit, in the figure's sentence or the one before it (in the
    paragraph before when the figure's sentence opens its own: a quotation after a report), that names a measure and not
    a goal."""
    q = site.q
    floor = site.previous_sentence_start
    for j in range(site.i - 1, -1, -1):
        other = site.quantities[j]
        if other.start < floor:
            break
        if other.unit == q.unit and other.metric and not any(_frame_word(w) for w in other.metric.split()):
            return _thing_measured(site.ctx, other)  # (a forecast's figure: the thing forecast, not the forecast)
    return None


@METRIC.rule(("The county received 8.6 million visitor trips, up 7.1 percent; the lake resort alone received [2.2 million].",
              "visitor trips"))
def count_after_the_same_verb(site: _Site):
    """A bare count after the same verb as a count before it in the sentence ('received 12.8 million visitor trips, ...;
    the ancient town alone received 3.1 million') counts the same things."""
    q, text = site.q, site.text
    if not site.counts or _count_words(site) or not site.last_word or not _is_verb(site.last_word):
        return SKIP
    verb = re.compile(rf"\b{re.escape(site.last_word)}\s+(?:{_APPROX}\s+)?$", re.IGNORECASE)
    for j in range(site.i - 1, site.members.start - 1, -1):
        other = site.quantities[j]
        if other.unit == "count" and other.metric and verb.search(text, site.sentence.start, other.start):
            return other.metric
    return SKIP


@METRIC.rule(("In 2024, 35 old markets were rebuilt; in 2025 the town will rebuild another [15].", "old markets"),
             ("The district will add 12 farm markets, bringing the total to 40. It now hosts [31].", "farm markets"),
             ("The old town received 4.9 million visits, while the beach, a 2-km strip of sand, drew [1.2 million].", "visits"))
def count_after_a_verb(site: _Site):
    """A bare count right after a verb ('the town will rebuild another 15', 'the beach drew 1.2 million') names nothing it
    counts: it counts what was counted last before, in its sentence or the one before (a verb is no noun)."""
    if not site.counts or site.adjectival or _count_words(site):
        return SKIP
    words = word_list(site.text[max(site.floor, site.sentence.start, site.clause_start):site.q.start])
    while words and (words[-1].lower() in APPROXIMATOR_WORDS or words[-1].lower() in _ANOTHER_WORDS):
        words.pop()
    before = [w for w in site.count_before if w.lower() not in _TIME_ADVERBS]  # "the town now hosts 117": no noun either
    if not words or not _verb_ends(words) or len(before) != 1 or before[-1] != words[-1]:
        return SKIP  # "The number of firms reached 905": the words before the verb name what is counted; with none left, the rules below read it
    counted = next((o for o in reversed(site.quantities[:site.i]) if o.start >= site.previous_sentence_start and o.unit == "count"
                    and o.metric), None)
    return counted.metric if counted is not None else SKIP


def _verb_ends(words: list[str]) -> bool:
    """The words end with a verb: one known as one, a past of its own, or a word after 'to', a modal or a subject pronoun."""
    last = words[-1].lower()
    if _is_verb(last) or last in _IRREGULAR_PAST_ALL:
        return True
    return len(words) > 1 and (words[-2].lower() == "to" or words[-2].lower() in _MODAL_VERBS or words[-2].lower() in _SUBJECT_PRONOUNS)


_SUBJECT_PRONOUNS = word_class("subject_pronouns")


@METRIC.rule(("Production of electric buses came to [12,000] units.", "Production of electric buses"),
             ("A new housing estate with [1,500] units will open next year.", "units of new housing estate"))
def count_words(site: _Site):
    """A count is named by the noun after it and, failing that, by the words before it; units that a thing comes 'with'
    ('a housing estate with 1,500 units') are its units."""
    if not site.counts:
        return SKIP
    if site.counts_units and site.last_word.lower() == "with":
        owner = trim_metric([w for w in site.count_before if w.lower() != "with"])
        return f"{' '.join(site.counted)} of {' '.join(owner)}" if owner else SKIP
    words = _count_words(site) + site.count_before
    return " ".join(words) or None if words else SKIP


@METRIC.rule(("Visitors rose from 78 to [108] thousand.", "Visitors"),
             ("The county aims to bring the number of farm co-ops from 96 today to [150].", "number of farm co-ops"),
             ("GDP rose from 78 billion yuan to [108 billion yuan].", "GDP"))
def range_end(site: _Site):
    """The end of a range ("from 78 to 108") measures what its start measures."""
    prev = site.prev
    return prev.metric if site.link == "to" and prev is not None and prev.metric else SKIP


@METRIC.rule(("Tax revenue reached 232.1 billion yuan ([$32.1 billion]).", "Tax revenue"),
             ("Tax revenue reached 232.1 billion yuan (about [$32.1 billion]).", "Tax revenue"))
def conversion(site: _Site):
    """An amount in brackets after an amount of money ("232.1 billion yuan ($32.1 billion)") is the same amount in
    another currency."""
    q, prev = site.q, site.prev
    if prev is None or not prev.metric or q.unit not in _MONEY or prev.unit not in _MONEY:
        return SKIP
    return prev.metric if _CONVERSION_OPEN.fullmatch(site.text, prev.end, q.start) else SKIP


@METRIC.rule(("Industrial output grew by 23.7% over the previous year to [423.6 billion yuan].", "Industrial output"))
def level_reached(site: _Site):
    """A level that a change reached ("grew by 23.7% over the previous year to 423.6 billion yuan") measures what changed;
    a change in percentage points reaches a percentage, and no other unit."""
    q, prev, text = site.q, site.prev, site.text
    if prev is None or not prev.metric or prev.kind != "change" or q.kind == "change" or (prev.unit == "pp" and q.unit != "percent"):
        return SKIP  # (a change in percentage points reaches a percentage: "2.1 points lower, and rent rose to 6.8 yuan" is another)
    gap = text[prev.end:q.start]
    if _OWN_CLAUSE_GAP.search(gap):
        return SKIP  # "up 5.4% year on year, and the district's revenue came to 33.2 billion yuan": a clause of its own
    return prev.metric if TO_BEFORE.search(gap) and not CHANGE_BLOCK.search(gap.replace(" to ", " ")) else SKIP


_OWN_CLAUSE_GAP = re.compile(r"[,;]\s*" + alternation("clause_conjunctions") + r"\s+(?:the|its|their|[a-z]+['’]s)\s", re.IGNORECASE)


@METRIC.rule(("Retail sales grew 5%, [7%] and 9% in three years.", "Retail sales"))
def list_item(site: _Site):
    """A figure listed after another ("5%, 7% and 9%") measures the same thing, unless it names its own measure ("and
    150,000 square meters of offices")."""
    prev = site.prev
    if site.link != "list" or prev is None or not prev.metric or prev.kind != site.q.kind:
        return SKIP  # "up 15.3%, or 56.7% of the district's output": a share after a change measures something else
    return SKIP if site.q.unit in _MEASURES and re.match(r"\s+of\s+[a-z]", site.after) else prev.metric


@METRIC.rule(("Industrial output reached 120 billion yuan. Compared with 2016, it was up [26.9%].", "Industrial output"),
             ("Output was 98.6 billion yuan. In August, imports were 9.7 billion yuan, and it grew [5.2%] month on month.", "imports"), cues=("it",))
def pronoun_change(site: _Site):
    """A change whose subject is 'it' ('Compared with 2017, it was up 28.4%') is of what its sentence measured first, or,
    when the change opens its sentence's figures, what the sentence before measured first."""
    q, ctx = site.q, site.ctx
    if q.kind != "change" or not _IT_CHANGED.search(ctx.text, site.floor, q.start):
        return SKIP
    own = [site.quantities[j] for j in site.members if j < site.i and site.quantities[j].metric]
    if own:  # "In August, output was 13.2 billion yuan, and it rose 4.3%": what its own sentence measured first
        return own[0].metric
    index = ctx.seg.index_at(q.start)
    if index == 0 or ctx.seg.sentences[index - 1].paragraph != site.sentence.paragraph:
        return SKIP
    previous = ctx.seg.sentences[index - 1]
    earlier = None
    for j in range(site.i - 1, -1, -1):  # back through this sentence's figures and the one before's, no further
        o = site.quantities[j]
        if o.start < previous.start:
            break
        if o.start < previous.end and o.metric:
            earlier = o
    return earlier.metric if earlier is not None else SKIP


@METRIC.rule(("The district aims for a [40%] cut in carbon emissions by 2030.", "carbon emissions"))
def goal_change_in(site: _Site):
    """A goal for a change names what it changes after the change's noun: "aims for a 40% cut in carbon emissions"."""
    if site.q.kind != "target":
        return SKIP
    suffix, after = site.change_suffix, site.after
    changed = _CHANGE_IN.match(after, suffix.end(1)) if suffix and not after[:suffix.start(1)].strip() else None
    words = phrase_words(changed.group(1), 0) if changed and changed.group(0).lstrip().startswith("in") else []
    return " ".join(words) if words else SKIP


@METRIC.rule(("Retail sales grew 5.9 percent, higher than the city's average by [1.2 percentage points].", "Retail sales"), cues=key_words(word_lists("grammar")["comparatives"], word_lists("grammar")["outdoing_verbs"]))
def compared_by(site: _Site):
    """How far a change outran a yardstick ("higher than the city's average by 1.2 percentage points") measures the
    change before it."""
    prev = site.prev
    if site.q.kind != "change" or prev is None or not prev.metric:
        return SKIP
    return prev.metric if COMPARED_BY.search(site.text, prev.end, site.q.start) else SKIP


@METRIC.rule(("The company reported an [8%] sales increase.", "sales of company"))
def change_noun_lead(site: _Site):
    """Words between a change and its noun ("a 12 percent year-on-year growth") lead what changed; a number among them is
    another figure ("3-4 percent year on year": the range's other end), which names nothing."""
    suffix = site.change_suffix
    if site.q.kind != "change" or not suffix:
        return SKIP
    lead = trim_metric(word_list(site.after[: suffix.start(1)]))
    if any(c.isdigit() for word in lead for c in word):
        return SKIP
    before = site.named_before
    return " ".join(lead + (["of"] + before if before else [])) if lead else SKIP


@METRIC.rule(("The district saw a [20.3-percent] jump in industrial output to 300.1 billion yuan.", "industrial output"))
def change_in(site: _Site):
    """A change's noun followed by "in" or "of" ("a 20.3-percent jump in industrial output") names what changed."""
    suffix, after = site.change_suffix, site.after
    if site.q.kind != "change" or not suffix or TIME_START.match(after[suffix.end(1):].lstrip()):
        return SKIP
    changed = _CHANGE_IN.match(after, suffix.end(1))
    words = phrase_words(changed.group(1), 0) if changed else []
    return " ".join(words) if words else SKIP


@METRIC.rule(("The port recorded a rise of [9%] in container throughput.", "container throughput"),
             ("Exports reached 300 billion yuan, up [12.5%] in exports of services.", "exports of services"))
def change_then_in(site: _Site):
    """A change followed by "in" and a noun ("up 9% in exports") is a change in that noun."""
    after = site.after
    in_phrase = re.match(r"\s+in\s+([^,.;:]{2,120})", after)
    if site.q.kind != "change" or not in_phrase or TIME_START.match(after.lstrip()) or _MONTH_OR_YEAR.match(in_phrase.group(1)):
        return SKIP  # "fell 7.3% in January–October": when, not what
    words = phrase_words(in_phrase.group(1), 0)
    if all(w.lower() in _TOTAL_WORDS or w.lower() == "all" for w in words):
        return SKIP  # "rose by 62 percent in total", "in all": how much in sum, not in what
    return " ".join(words) if words else SKIP


_MONTH_OR_YEAR = re.compile(r"(?:" + month_names() + r"|(?:19|20)\d\d)\b")


@METRIC.rule(("Tax revenue reached 66.2 billion yuan, marking an increase of [9.1%].", "Tax revenue"),
             ("Exports came to 42 billion yuan, which, though down [3.1%] on the year, beat forecasts.", "Exports"),
             ("Air cargo climbed to 4 million tons, clearing the 3.5-million-ton threshold and up [7%] on 2023.", "Air cargo"),
             ("Exports grew 8%, and their share of trade reached 40%, up [3 percentage points].", "share of trade"))
def change_of_the_named(site: _Site):
    """A change with no words of its own ("..., marking an increase of 9.1%") is a change of the figure just named; a
    change in percentage points, of a rate or a share, is one of the share or rate just named ("its share reached 33.7%,
    up 5.4 percentage points"; "55 percent of its tax revenue, a share that has grown by 3.1 percentage points")."""
    q, quantities = site.q, site.quantities
    points = q.unit == "pp"
    if q.kind != "change" or (site.named_before and not (points and all(w.lower() in _ANAPHOR_SHARE_NOUNS for w in site.named_before))):
        return SKIP
    if points:
        rate = next((quantities[j] for j in range(site.i - 1, site.members.start - 1, -1) if quantities[j].unit == "percent"
                     and quantities[j].kind in ("share", "level") and quantities[j].metric), None)
        if rate is not None:
            return rate.metric
    named = next((quantities[j] for j in range(site.i - 1, site.members.start - 1, -1)
                  if quantities[j].kind != "share" and not _qualifies_previous(quantities, j)), None)
    return named.metric if named is not None and named.metric else SKIP


_ANAPHOR_SHARE_NOUNS = set(word_lists("grammar")["anaphor_share_nouns"])


@METRIC.rule(("Some 900 people work at the lab, nearly [60 percent] of whom are engineers.", "engineers share of people work at the lab"),
             ("About 9,000 people work in the hub, and nearly [60%] of them are under 30.", "people work in the hub under 30"),
             ("The plan calls for 8,000 new homes, at least [a quarter] of them rental flats, and 20 new schools.",
              "rental flats share of new homes"),
             cues=("them", "whom", "these", "those", "which"))
def share_of_them(site: _Site):
    """A share of the things just counted that says what they are ('70 percent of whom are researchers', '70% of them
    are under 35') is the share of those that are so: the part named ('researchers share of employees'), or the counted
    things so described ('people under 35'); its verb may be left out in an aside ('8,000 new homes, a quarter of them
    rental flats,')."""
    q, text, prev = site.q, site.text, site.prev
    if q.unit != "percent" or prev is None or prev.unit != "count" or not prev.metric:
        return SKIP
    of = _OF_THEM.match(text, q.end)
    predicate = (_BE_PREDICATE.match(text, of.end()) or _VERBLESS_PREDICATE.match(text, of.end())) if of else None
    words = word_list(predicate.group(1)) if predicate else []
    if not words:
        return SKIP
    if len(words) <= 3 and words[-1].lower().endswith("s") and not words[0].lower().endswith(("ed", "ing")):
        return f"{' '.join(words)} share of {prev.metric}"
    return f"{prev.metric} {' '.join(words)}"


@METRIC.rule(("The plan seeks to raise digital economy output to [55%] of GDP by 2027.", "digital economy output share of GDP"),
             ("The town will lift the share of organic farmland to [40%] by 2027.", "share of organic farmland"),
             ("The district will lift the forest cover to [30%] of its land.", "forest cover share of its land"),
             ("Spending on schools will strive to reach [6 percent] of the county budget.", "Spending on schools share of the county budget"),
             cues=sorted(key_words(word_lists("grammar")["raising_verbs"]) | {"strive", "reach"}))
def raised_to_a_share(site: _Site):
    """A thing raised or brought to a percent 'of' a whole ('raise R&D spending to 4% of GDP'), or that is itself to reach
    one ('Spending on schools will strive to reach 6 percent of the county budget'), is that thing's share of the whole."""
    q = site.q
    if q.unit != "percent" or q.kind not in ("target", "share", "level"):
        return SKIP
    of = _OF_PHRASE.match(site.after)
    start = max(site.floor, site.sentence.start)
    raised = _RAISED_TO.search(site.text, start, q.start) or _REACHES_A_SHARE.match(site.text, max(start, site.clause_start), q.start)
    if raised is None:
        return SKIP
    if _SHARE_OF_THING.match(raised["thing"]):  # "lifting the share of certified farmland to 90 percent"
        return " ".join(trim_metric(word_list(raised["thing"])))
    thing = trim_metric(word_list(raised["thing"]))
    if of is None or not thing:
        return SKIP
    whole = phrase_words(_AND_TO.split(of.group(1))[0], 0)  # "of GDP and to increase ...": a second goal of its own
    return f"{' '.join(thing)} share {' '.join(whole)}" if thing and len(whole) > 1 else SKIP


_AND_TO = re.compile(r"\s+and\s+to\s")
# "R&D spending will strive for", "and the rate is to reach": the clause's subject, a goal's verb of reaching
_REACHES_A_SHARE = re.compile(r"\W*(?:and\s+)?(?P<thing>[^,;:]{2,60}?)\s+(?:will|is\s+to|are\s+to|should)\s+(?:strive\s+(?:for|to\s+reach)|reach)"
                              r"\s+(?:" + _APPROX + r"\s+)?$")


_SHARE_OF_THING = re.compile(r"(?:the\s+|its\s+)?" + alternation("anaphor_share_nouns") + r"\s+of\s+")
_RAISED_TO = re.compile(r"\b" + alternation("raising_verbs") + r"\s+(?P<thing>[^,;:]{2,60}?)\s+to\s+(?:" + _APPROX + r"\s+)?$")
_ANAPHOR_SHARE = re.compile(r"\W*(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts)\s+" + alternation("anaphor_share_nouns") + r"\s+(?!of\b)[a-z]+")


@METRIC.rule(("R&D spending rose to 3.4% of GDP in 2022. The ratio reached [3.6%] in 2023.", "R&D spending share of GDP"),
             cues=tuple(word_lists("grammar")["anaphor_share_nouns"]))
def the_ratio_again(site: _Site):
    """'The ratio', 'the proportion', 'this share' as a sentence's subject, with no 'of' after it, is the share named last
    before, in the sentence before: its full name ('The ratio reached 3.6%': R&D spending's share of GDP)."""
    q, ctx = site.q, site.ctx
    if q.unit not in ("percent", "pp") or site.prev is not None or not _ANAPHOR_SHARE.match(ctx.text, site.sentence.start, q.start):
        return SKIP
    floor = site.previous_sentence_start
    for j in range(site.i - 1, -1, -1):
        o = site.quantities[j]
        if o.start < floor:
            break
        if o.unit == "percent" and o.metric and " share " in f" {o.metric} ":
            return o.metric
    return SKIP


@METRIC.rule(("The zone has 42 hydrogen companies. Last year their combined revenue reached [1.3 billion yuan].",
              "combined revenue of hydrogen companies"),
             cues=("their", "Their"))
def their_measure(site: _Site):
    """A measure of 'their' ('their combined revenue reached 1.3 billion yuan') is the measure of the things counted
    last before, in its sentence or the one before: 'combined revenue of hydrogen companies'."""
    q, ctx = site.q, site.ctx
    m = _THEIR_MEASURE.search(ctx.text, max(site.floor, site.sentence.start, site.clause_start), q.start)
    if m is None:
        return SKIP
    floor = site.previous_sentence_start
    owner = next((o for o in reversed(site.quantities[:site.i]) if o.start >= floor and o.unit == "count" and o.metric
                  and o.metric.split()[-1].lower().endswith("s")), None)
    measure = trim_metric(m["measure"].split())
    return f"{' '.join(measure)} of {owner.metric}" if owner is not None and measure else SKIP


_THEIR_MEASURE = re.compile(r"\b[Tt]heir\s+(?P<measure>[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,3}?)\s+(?:" + alternation("measure_verbs")
                            + r")\s+(?:" + _APPROX + r"\s+)?(?:RMB\s+|US\$|\$)?$")


@METRIC.rule(("The plan will ensure that [85 percent] of residents live within a 10-minute walk of a clinic.",
              "residents living within a 10-minute walk of a clinic"),
             ("By 2027, [60 percent] of households will have access to piped gas.", "households having access to piped gas"))
def share_of_people_who(site: _Site):
    """A percentage 'of' people that goes on with what they do or where they live ('85 percent of residents live within a
    10-minute walk of a clinic') measures the people doing so: the people, the verb as a participle, and its complement
    (not the verb of the sentence before the figure: 'ensure')."""
    if site.q.unit != "percent":
        return SKIP
    m = _PEOPLE_WHO.match(site.text, site.q.end)
    if m is None:
        return SKIP
    verb = m["verb"].lower()
    return " ".join([*m["who"].split(), (verb[:-1] if verb.endswith("e") else verb) + "ing", *m["rest"].split()])


# "of residents live within a 10-minute walk", "of households will have access to": the people, their verb, what follows
_PEOPLE_WHO = re.compile(r"\s+of\s+(?:the\s+)?(?:(?:city|district|town|local|urban|rural)[’']?s?\s+)?(?P<who>" + alternation("population_nouns", "people_nouns_of_a_role")
                         + r")\s+(?:(?:will|can|could|would|to)\s+)?(?P<verb>" + alternation("people_state_verbs") + r")\s+(?P<rest>[^,;.]{3,60}?)(?=\s*(?:[,;.]|$|\s+by\s+20\d\d\b))")


@METRIC.rule(("Industrial investment accounted for [45%] of the total.", "Industrial investment share of the total"),
             ("Tax revenue reached 80 billion yuan, of which the financial sector contributed [48%].",
              "financial sector share of Tax revenue"),
             ("Of the 90 hotels, 54, or [60%], raised room rates.", "share of hotels raised room rates"),
             ("Exports reached 80 billion yuan, up 9%, and made up [40%] of the total.", "Exports share of the total"),
             ("Retail sales rose 5%; online sales, which accounted for [28%] of the total, grew 12%.", "online sales share of the total"),
             ("Farm output was 12 billion yuan, with vegetables accounting for [41 percent].", "vegetables share of Farm output"),
             ("Farm output was 12 billion yuan, and fruit growers accounted for [20 percent] of it.", "fruit growers share of Farm output"))
def share(site: _Site):
    """A share names the part before it and what it is a part of after it ("industrial investment accounting for 45% of
    the total"); a goal for a share ("account for more than 40% of GDP") is named as one; a count told again as a share
    ("54, or 60%, raised rates") is the share of what it counts."""
    q, text = site.q, site.text
    if q.kind != "share" and not (q.kind == "target" and q.unit == "percent" and _ACCOUNT_FOR.search(text, *site.words_before_span())
                                  and _OF_PHRASE.match(site.after)):
        return SKIP
    prev = site.prev
    of = _OF_PHRASE.match(site.after)
    of_words = phrase_words(of.group(1), 0) if of else []
    same_clause = prev is not None and ";" not in text[prev.end:q.start]  # "...; 1/3 of firms export" starts anew
    subject = site.named_before or _antecedent(site) or (prev.metric.split() if same_clause and prev.metric else [])
    if not of_words and prev is not None and prev.metric and _OF_WHICH.match(text, prev.end, q.start):
        of_words = ["of"] + prev.metric.split()  # "tax revenue reached X, of which the financial sector contributed 48%"
    if not subject and not of_words:
        subject = trim_metric(word_list(site.after))
    of_words = _of_the_whole_before(site, of_words, same_clause)
    if not of_words and prev is not None and prev.unit == "count" and prev.metric and _OR_TOLD_ANOTHER_WAY.fullmatch(text, prev.end, q.start):
        return f"share of {prev.metric}"  # "512, or 35.7 percent, reported higher output": the count told as a share
    phrase = " ".join(subject)
    if of_words:
        phrase = f"{phrase} share {' '.join(of_words)}".strip()
    return phrase or None


_OF_THAT_TOTAL = [["of", "it"], ["of", "that", "total"], ["of", "this", "total"]]
_WITH_PART_ACCOUNTING = re.compile(r",\s*with\s+[^,;]{1,60}?\s+" + alternation("share_verbs") + r"\s+(?:" + _APPROX + r"\s+)?$")


def _of_the_whole_before(site: _Site, of_words: list[str], same_clause: bool) -> list[str]:
    """A share 'of it' or 'of that total', or one a part 'accounts for' in a 'with' clause with no 'of' ("output value
    reached 12 billion yuan, with vegetables accounting for 41 percent"), is of the measure before; else
    ``of_words`` as they are (and where a semicolon parts the share from the figure before: ``same_clause`` false)."""
    prev = site.prev
    if prev is None or not prev.metric or not same_clause:
        return of_words
    if of_words in _OF_THAT_TOTAL or (not of_words and _WITH_PART_ACCOUNTING.search(
            site.text, max(prev.end, site.sentence.start), site.q.start)):
        return ["of"] + _measure_of_the_whole(site).split()
    return of_words


def _measure_of_the_whole(site: _Site) -> str:
    """The measure a part's share is of: that of the first figure of the sentence before the share that is no change
    ('farm output reached 12 billion yuan, up 3 percent, with X accounting for 41 percent': farm output)."""
    whole = next((o for o in site.quantities[site.members.start:site.i] if o.metric and o.kind != "change"), site.prev)
    return whole.metric


def _antecedent(site: _Site) -> list[str]:
    """The noun a relative clause holding the figure hangs on ("industrial investment, which accounted for 38% of the
    total, grew 21.5%": industrial investment), or none where the figure's clause is no relative clause."""
    if not _RELATIVE_OPENING.match(site.text, site.clause_start, site.q.start) or site.clause_start <= max(site.floor, site.sentence.start) + 1:
        return []
    before = site.text[site.ctx.seg.clause_bounds(site.clause_start - 2)[0]:site.clause_start - 1]
    thing = trim_metric(word_list(before))[-12:]  # after its verb, if the clause has one ("designated" in "above designated size" is none)
    return trim_metric(thing[next((k + 1 for k in range(len(thing) - 1, -1, -1) if thing[k].lower() in _SUBJECT_ENDS
                                   or thing[k].lower() in ACTION_VERBS or thing[k].lower() in HOLDING_VERBS or _DIGIT.search(thing[k])), 0):])


_RELATIVE_OPENING = re.compile(r"\s*(?:which|that)\s")


@METRIC.rule(("The park covers [2.6 square kilometers].", "park area"),
             ("The Zhangyuan area, covering [30,000 square meters], reopened.", "Zhangyuan area"),
             ("The Zizhu Park in southern Minhang now covers [13 square kilometers].", "area"))
def extent(site: _Site):
    """A measure after a verb of extent ("covers 2.6 square kilometers", "spanning 1.48 km2") is the size of the thing
    that covers: its area, its length."""
    q, text, words = site.q, site.text, site.level_words
    if q.unit not in _DIMENSIONS or not EXTENT_VERB_BEFORE.search(text, *site.words_before_span()) or re.match(r"\s+of\s+[a-z]", site.after):
        return SKIP  # "covering 15.5 kilometers of shoreline": the shoreline is measured
    if not words and site.clause_start > max(site.floor, site.sentence.start) and text[site.clause_start - 3:site.clause_start].rstrip().endswith(","):
        words = _noun_before_aside(site)  # "the Zhangyuan area, covering 30,000 square meters, ...": the noun before
    if words and words[-1].lower() != _DIMENSIONS[q.unit] and (words[0].lower().endswith("ed") or any(w[0].isupper() for w in words[1:])):
        # "The Zizhu Park in southern Minhang covers 13 square kilometers", "The park, opened in 2015, covers ...": the
        # name is the subject's, an aside no part of the measure: the area
        words = []
    return " ".join(words + ([] if words and words[-1].lower() == _DIMENSIONS[q.unit] else [_DIMENSIONS[q.unit]]))


@METRIC.rule(("The railway, [120 kilometers] long, opened in June.", "railway length"),
             ("The tower, at [320 meters], will open in 2025.", "tower"))
def aside(site: _Site):
    """A measure told in an aside ("The railway, 120 kilometers long, ...", "the tower, at 320 meters, ...") measures the
    thing before the aside."""
    q, text = site.q, site.text
    if not measure_aside(text, q, site.sentence.start) or site.clause_start <= max(site.floor, site.sentence.start) or site.after.lstrip().startswith("of "):
        return SKIP
    thing = _noun_before_aside(site)
    if not thing:
        return SKIP
    adjective = DIMENSION_ASIDE.match(text, q.end)
    dimension = _ASIDE_DIMENSIONS.get(adjective.group(0).strip(" ,").split()[-1]) if adjective else _DIMENSIONS.get(q.unit)
    named_dimension = adjective is not None or dimension not in (None, "length")  # "at 320 meters" may be a height
    return " ".join(thing + ([dimension] if dimension and named_dimension else []))


@METRIC.rule(("It was the first building to surpass [10 billion yuan] in tax revenue.", "tax revenue"),
             ("The county's tea industry is expected to exceed [5 billion yuan] in sales by 2027.", "sales of county's tea industry"))
def mark_passed(site: _Site):
    """A mark that something passes ("the first building to surpass 10 billion yuan in tax revenue") is a mark of what
    follows in "in ..."; of the thing that passes it, where the sentence opens with it and no figure before ("The
    county's tea industry is expected to exceed 5 billion yuan in sales": the industry's sales)."""
    if not site.tail or not site.after.lstrip().startswith("in ") or not site.tail_words:
        return SKIP
    if not _THRESHOLD_BEFORE.search(site.text, *site.words_before_span(site.sentence.start)):
        return SKIP
    owner = _fallback_subject(site.ctx, site.sentence.start, site.q.start) if site.prev is None else []
    owner = [w for w in owner if w.lower() not in _OWNER_DETERMINERS]
    if not owner or len(owner) > 6 or (len(owner) == 1 and owner[0].lower() in _SELF_REFERENCES) \
            or owner[0].lower() in _SUBJECT_PRONOUNS:
        return " ".join(site.tail_words)  # "It was the first building to surpass ...": no owner named
    return f"{' '.join(site.tail_words)} of {' '.join(owner)}"


@METRIC.rule(("The district set up an AI industry fund with a total scale of [10 billion yuan].", "total scale of AI industry fund"),
             cues=("with",))
def scale_of_the_holder(site: _Site):
    """A measure that something has "with a ... of" ("a fund with a total scale of 10 billion yuan") is that thing's."""
    words, text, q = site.amount_words, site.text, site.q
    with_at = [k for k, w in enumerate(words[:-2]) if w.lower() == "with" and words[k + 1].lower() in ("a", "an") and k]
    if not with_at or not _OF_BEFORE.search(text, site.floor, q.start):
        return SKIP
    owner = words[:with_at[-1]]
    cut = max((j + 1 for j, w in enumerate(owner) if w.lower() in _DETERMINERS or _is_verb(w)), default=0)
    owner, measure = owner[cut:][-5:], trim_metric(words[with_at[-1] + 2:])
    return f"{' '.join(measure)} of {' '.join(owner)}" if owner and measure else SKIP


@METRIC.rule(("The zone has 2.1 million square meters of office space and will add another [800,000 square meters].", "office space"), cues=key_words(word_lists("grammar")["additive_words"]))
def another(site: _Site):
    """ "another" or "a further" amount in the unit of the figure before it is more of the same thing."""
    q, prev = site.q, site.prev
    if prev is None or prev.unit != q.unit or not prev.metric or site.after.lstrip().startswith("of "):
        return SKIP
    return prev.metric if _ANOTHER.search(site.text, *site.words_before_span()) else SKIP


@METRIC.rule(("The district signed 508 manufacturing projects, with a total investment of [39.6 billion yuan].",
              "total investment of manufacturing projects signed"))
def measure_of_the_counted(site: _Site):
    """A count followed by "with a total investment of" an amount: the amount is that measure of the things counted."""
    prev = site.prev
    if prev is None or prev.unit != "count" or not prev.metric:
        return SKIP
    owned = _WITH_MEASURE_OF.match(site.text[prev.end:site.q.start])
    return f"{' '.join(word_list(owned.group(1)))} of {_WITH_TAIL.split(prev.metric)[0]}" if owned else SKIP


@METRIC.rule(("In March the park signed 48 projects, with combined investment of over [20 billion yuan].",
              "combined investment of projects signed"),
             ("The group expects its new terminal, with a planned investment of [2.3 billion yuan], to open in 2028.",
              "planned investment of new terminal"),
             ("The bridge, built with an investment of [2 billion yuan], opened in May.", "investment of bridge"),
             ("The province aims to grow its hydrogen industry, with output of [50 billion yuan] by 2027.", "output of hydrogen industry"),
             cues=("with",))
def measure_it_comes_with(site: _Site):
    """A measure that something comes 'with' ('48 projects were signed, with combined investment of over 20 billion yuan',
    'its new plant, with a planned investment of 4.5 billion yuan', 'The bridge, built with an investment of ...') is
    that thing's: the measure of the things counted before it in the sentence, else of the noun phrase the 'with' phrase
    follows (before a participle's aside)."""
    text, q = site.text, site.q
    m = _WITH_MEASURE.search(text, max(site.floor, site.sentence.start), q.start)
    if m is None or q.unit not in _MONEY:
        return SKIP
    measure = [w for w in word_list(m["measure"]) if w.lower() not in ("a", "an")]
    if not measure or all(w.lower() in _TOTAL_WORDS for w in measure):
        return SKIP  # "with a total of 36 billion yuan": no measure named
    counted = next((o for o in reversed(site.quantities[site.members.start:site.i]) if o.unit == "count" and o.metric), None)
    if counted is not None:
        things = _WITH_TAIL.split(_thing_measured(site.ctx, counted))[0]
        if " ".join(q.text.split()) in counted.metric or not things.strip() or things.startswith("with "):
            return SKIP  # "120 firms with annual revenue of over 1 billion yuan": a mark in the things' own name
        return f"{' '.join(measure)} of {things}"
    owner = _owner_before(text, site.sentence.start, m.start())
    return f"{' '.join(measure)} of {' '.join(owner)}" if owner and not any(_DIGIT.search(w) for w in owner) else SKIP


# ", with total investment exceeding", ", with a planned investment of", "built with an investment of": a measure, then the figure
_WITH_MEASURE = re.compile(r"\bwith\s+(?P<measure>(?:an?\s+)?(?:[a-z][a-z-]*\s+){0,2}?(?:" + alternation("with_measure_nouns") + r"))\s+"
                           r"(?:of|exceeding|totall?ing|topping|reaching|surpassing)\s+(?:" + _APPROX + r"\s+)?(?:RMB\s+|US\$|\$)?$")


_CLAUSE_COMMA = re.compile(r"(?<!\d),\s*|,(?!\d)\s*")  # a comma that parts clauses, not the one in "40,000"


def _owner_before(text: str, start: int, end: int) -> list[str]:
    """The noun phrase that a 'with' phrase at ``end`` follows: the last words of the clause before it, after its verb,
    determiner or preposition ('The firm expects its new plant, with': 'new plant'), or, where that clause is a
    participle's aside ('The bridge, built with'), of the clause before the aside."""
    piece = text[start:end].rstrip(" ,")
    clauses = [c for c in _CLAUSE_COMMA.split(piece) if c.strip()]
    while clauses:
        words = word_list(clauses.pop())
        if words and (words[0].lower().endswith("ed") or words[0].lower() in _IRREGULAR_PAST_ALL) and len(words) <= 4:
            continue  # "built", "completed in 2023": an aside of a participle, which names no owner
        cut = max((k + 1 for k, w in enumerate(words[:-1]) if _is_verb(w) or w.lower() in _DETERMINERS or w.lower() in _OWNER_DETERMINERS
                   or w.lower() in _MODAL_VERBS or w.lower() in _OWNER_PHRASE_CUTS),
                  default=0)
        if cut and words[cut - 1].lower() == "to":
            cut += 1  # "aims to grow its ...": the verb after "to"
        return trim_metric(words[cut:])[-6:]
    return []


@METRIC.rule(("Most of our clients are firms within [3 kilometers] of the port.", "distance of firms"),
             ("Every resident will live within [500 meters] of a park.", "distance"),
             cues=("within",))
def distance_within(site: _Site):
    """A length that something lies 'within' ('firms within 3 kilometers of the port', 'live within 500 meters of a park')
    is a distance, not the length of a thing: the distance of what lies there, the plural noun before 'within' (none
    after a verb)."""
    if _DIMENSIONS.get(site.q.unit) != "length":
        return SKIP
    within = _WITHIN_BEFORE.search(site.text, max(site.floor, site.sentence.start), site.q.start)
    if within is None:
        return SKIP
    words = word_list(site.text[max(site.floor, site.clause_start, site.sentence.start):within.start()])
    if not words or not _PLURAL_NOUN.fullmatch(words[-1]) or words[-1].lower() in _AUXILIARIES:
        return "distance"  # "will live within 500 meters", "can be made within 50 km": where, after a verb
    cut = max((k + 1 for k, w in enumerate(words) if _is_verb(w) or w.lower() in _FUNCTION_WORDS or w.lower() in _DETERMINERS
               or w.lower() in _AUXILIARIES or not w[0].isalpha()), default=0)
    return f"distance of {' '.join(words[cut:][-3:])}"


_PLURAL_NOUN = re.compile(r"[a-z][a-z-]*[^s'’]s")  # "firms", "universities": a noun that names things, not "is", "has"
_WITHIN_BEFORE = re.compile(rf"\bwithin\s+(?:(?:{_APPROX}|a|an|the)\s+)*$", re.IGNORECASE)


@METRIC.rule(("Exports grew 3%, and retail sales, which totaled [46 billion yuan], rose 4%.", "retail sales"),
             ("Passenger traffic at the airport, which had slumped by [18%] in March, recovered in May.", "Passenger traffic at the airport"))
def relative_clause_antecedent(site: _Site):
    """An amount with no words of its own in a relative clause ('retail sales, which totaled 46 billion yuan, rose 4%')
    measures the noun the clause hangs on, not the figure before it in another clause."""
    if site.before or not site.clause_start > max(site.floor, site.sentence.start) + 1:
        return SKIP
    antecedent_start = site.ctx.seg.clause_bounds(site.clause_start - 2)[0]
    if site.prev is not None and site.prev.end > antecedent_start:
        return SKIP  # "Tax revenue reached 5.2 billion yuan, which was up 5%": the figure before is what it hangs on
    clause = word_list(site.text[antecedent_start:site.clause_start])
    if any(w.lower() in _SUBJECT_ENDS or w.lower() in ACTION_VERBS or w.lower() in HOLDING_VERBS for w in clause):
        return SKIP  # "ranked first in the growth of retail sales, which reached ...": the object of a verb, read below
    words = _antecedent(site)
    return " ".join(words) if words else SKIP


@METRIC.rule(("Tax revenue was 66.2 billion yuan in 2022, and it reached [70.1 billion yuan] in 2023.", "Tax revenue"),
             ("Park land was 3,000 mu in 2020 and [2.1 square kilometers] in 2023.", "Park land"))
def same_as_before(site: _Site):
    """An amount with no words of its own in a clause that goes on from the figure before measures the same thing; not a
    count after money ('enterprises with revenue over 100 million yuan rose to 86'): things counted are no sum of money;
    nor a figure in another dimension ('along the 9.4-km riverside, exceeded 105 billion yuan'): an area, a length, a
    weight or a time is not what is counted in yuan, and money is not what is measured in km."""
    prev = site.prev
    if prev is None or not prev.metric or site.owner_words or _in_relative_clause(site.ctx, prev, site.sentence.start):
        return SKIP
    if site.q.unit == "count" and prev.unit in MONEY_UNITS:
        return SKIP
    if _dimension(site.q.unit) != _dimension(prev.unit) and (site.q.unit in _DIMENSIONS or prev.unit in _DIMENSIONS):
        return SKIP  # "a 9.4-km riverside, exceeded 105 billion yuan": what is measured in yuan is not what is in km
    return _thing_measured(site.ctx, prev)


def _dimension(unit: str) -> str:
    """What a unit measures: the dimension of an area, a length, a weight, a duration; money in any currency; else the unit."""
    return _DIMENSIONS.get(unit) or ("money" if unit in MONEY_UNITS else unit)


@METRIC.rule(("It stretches for [12 kilometers] along the river.", "length"))
def dimension_alone(site: _Site):
    """A measure that nothing before it names is a measure of its dimension: an area, a length."""
    words = site.subject_words
    if site.q.unit in _DIMENSIONS and (not words or (len(words) == 1 and words[0].lower().endswith("ing"))):
        return _DIMENSIONS[site.q.unit]
    return SKIP


@METRIC.rule(("Sales reached 41.2 billion yuan, up 2.6% year on year. The growth rate was [1.1 percentage points] higher than "
              "that of January-April.", "Sales growth rate"))
def rate_of_the_change_before(site: _Site):
    """A gap in points whose subject is a bare growth rate ('The growth rate was 0.8 percentage points higher than ...',
    'Its growth quickened by ...') compares the rate of the change just reported: that change's metric, as a rate."""
    q, ctx = site.q, site.ctx
    if q.unit != "pp" or not _BARE_GROWTH_RATE.match(ctx.text, site.sentence.start, q.start):
        return SKIP
    floor = site.previous_sentence_start
    before = next((o for o in reversed(site.quantities[:site.i]) if o.start >= floor and o.kind == "change" and o.unit == "percent"), None)
    return f"{before.metric} growth rate" if before is not None and before.metric else SKIP


_BARE_GROWTH_RATE = re.compile(r"\W*" + alternation("subject_determiners", case="capitalised") + r"\s+(?:growth|increase)(?:\s+rate)?\s+(?!of\b)[^,;]*$")


@METRIC.rule(("Exports grew by 4.9 percent a year. In January and February, they came to [11.8 billion yuan].", "Exports"),
             cues=("it", "they"))
def pronoun_amount(site: _Site):
    """An amount with no words of its own whose subject is 'it' or 'they' ('In January and February, they came to 21.3
    billion yuan') is of what the sentence before measured first, in its paragraph."""
    q, ctx = site.q, site.ctx
    if site.subject_words or not _PRONOUN_SUBJECT.search(ctx.text, site.floor, q.start) or site.members.start < site.i:
        return SKIP
    index = ctx.seg.index_at(q.start)
    if index == 0 or ctx.seg.sentences[index - 1].paragraph != site.sentence.paragraph:
        return SKIP
    previous = ctx.seg.sentences[index - 1]
    first = next((o for o in site.quantities[:site.i] if previous.start <= o.start < previous.end and o.metric), None)
    return first.metric if first is not None else SKIP


_PRONOUN_SUBJECT = re.compile(r"(?:^|[,;]\s*|\band\s+)(?:[Ii]t|[Tt]hey)\s+(?:[a-z]+\s+){0,3}$")


@METRIC.rule(("The biomedicine industry, with 300 firms, generated output of [52 billion yuan] last year.",
              "output of biomedicine industry"), cues=[v for v in _REACHING_VERBS if v.isalpha()])
def measure_after_an_aside(site: _Site):
    """A measure that the subject 'generated' or 'recorded' after an aside ('The biomedicine industry, with 300 firms,
    generated output of 52 billion yuan') is the subject's: the aside parts the measure from its owner."""
    start = max(site.clause_start, site.floor)
    words = word_list(site.text[start:site.q.start])
    if len(words) < 2 or words[0].lower() not in _REACHING_VERBS or not site.text[site.sentence.start:start].rstrip().endswith(","):
        return SKIP
    owner = _fallback_subject(site.ctx, site.sentence.start, site.q.start)
    measure = trim_metric(words[1:])
    return f"{' '.join(measure)} of {' '.join(owner)}" if owner and measure and owner != measure else SKIP


_BARE_MEASURE = word_class("bare_measure_words")
_BARE_QUALIFIERS = word_class("bare_measure_qualifiers")


@METRIC.rule(("Hotel bookings rose 6.2 percent in March. For April, growth is put at [5.1 percent].", "Hotel bookings"),
             ("The bureau had expected farm output to grow about 3 percent; the actual figure was [3.4 percent].", "farm output"),
             cues=tuple(sorted(word_class("bare_measure_words"))))
def growth_of_the_measure_before(site: _Site):
    """A figure named only 'growth' or 'the figure', with a time or an 'actual' ('For April, growth is put at 5.1 percent',
    'the actual figure was 3.4 percent'), is a figure of the measure named last before, in the same unit,
    in its sentence or the one before: growth names no measure of its own."""
    words = [w.lower() for w in word_list(site.ctx.without_time(max(site.clause_start, site.floor), site.q.start))]
    if not any(w in _BARE_MEASURE for w in words) or not all(w in _BARE_MEASURE or w in _BARE_QUALIFIERS for w in words):
        return SKIP
    measured = _measure_before(site)
    return measured if measured is not None else SKIP


@METRIC.rule(("The town has created a special fund of [300 million yuan] to back its tea growers.",
              "special fund to back its tea growers"),
             ("The city launched an AI fund worth [10 billion yuan].", "AI fund"),
             ("The county will offer grants of up to [500,000 yuan] per household for solar roofs.", "grants per household for solar roofs"),
             ("Labs that build key sensors can receive subsidies of up to [8 million yuan] for a single research project.",
              "subsidies per research project"),
             ("Firms may recover 30 percent of their costs, with a cap of [5 million yuan] for each company.", "cap per company"),
             ("New shops that open in the mall can get grants of up to [200,000 yuan], and free rent for a year.", "grants for New shops"),
             ("Wang said each new research institute in the park will get a one-off grant of up to [3 million yuan].",
              "one-off grant per new research institute in the park"),
             ("A county fund of [3 billion yuan] will support the repair of old farmhouses.", "county fund for repair of old farmhouses"),
             ("The county offers grants of up to [3 million yuan] for each new clinic and plans to add 40 clinics.",
              "grants per new clinic"),
             cues=tuple(sorted(word_class("fund_nouns") | word_class("cap_nouns"))))
def fund_of(site: _Site):
    """An amount that a fund, a subsidy or a budget is 'of' or 'worth' ('set up a special fund of 500 million yuan to back
    the sector') is the size of that fund: its noun phrase, with what it is for ('to support ...', or said by the verb
    after it: '... will support the repair of ...'), not the verb that set it up or offers it; an amount 'per' thing ('grants of up to 500,000 yuan per household for solar roofs', 'for a
    single project', 'a cap of 5 million yuan for each company') is what one thing gets, for what; a sum that the subject
    'can receive' ('New shops ... can get grants of up to 200,000 yuan') is the grant for them, its receivers."""
    m = _FUND_OF.search(site.text, max(site.floor, site.sentence.start), site.q.start)
    if m is None or site.q.unit.split("/")[0] not in _MONEY:
        return SKIP
    named = word_list(m["fund"])
    verb = max((k + 1 for k, w in enumerate(named[:-1]) if _is_verb(w) or w.lower() in _MODAL_VERBS or w.lower() in ACTION_VERBS
                or w.lower() in _GIVING_VERBS or w.lower() in _GETTING_VERBS),
               default=0)
    words = trim_metric(named[verb:])  # "the district would offer subsidies of up to ...": the noun after the verb
    per_words, per = _per_one_thing(site)
    words = words + per_words
    at = per.end() if per else site.q.end
    tail = _fund_purpose(site.text, at)
    if not tail and (per or verb or _fund_receivers(site, m)):
        which = _FOR_WHICH.match(site.text, at)  # "... per project for green transformation"
        # else "New shops ... can get grants of", "each new firm may receive a subsidy of": who gets it
        tail = ["for"] + phrase_words(which.group(1), 0, 6) if which else [] if per or not words else _fund_receivers(site, m)
    words = words + tail
    return " ".join(words) if words else SKIP


def _per_one_thing(site: _Site) -> tuple[list[str], re.Match | None]:
    """What one thing gets: 'per project' after the amount (or in a rate's own span, which then leaves no match in the
    text), or 'for a single R&D project', 'for each company'; the words, and the match the words after it start from."""
    per = _PER_THING.match(site.text, site.q.end) or _PER_THING.search(site.q.text)
    if per:  # "subsidies of up to 20 million yuan per project"
        return ["per", per.group(1)], (per if per.string is site.text else None)
    one = _FOR_ONE_THING.match(site.text, site.q.end)
    return (["per"] + word_list(one.group(1)), one) if one else ([], None)


def _fund_receivers(site: _Site, m: re.Match) -> list[str]:
    """Who receives a fund, when its sentence's subject is said to get it: "for" them ("New shops that open here can get
    grants of"), or "per" one of them ("each new firm may receive a one-off subsidy of"); else none."""
    words = word_list(site.text[site.sentence.start:m.end("fund")])
    said = max((k + 1 for k, w in enumerate(words) if w.lower() in _SPEECH_VERBS), default=0)
    words = words[said + (said < len(words) and words[said].lower() == "that"):]  # "Tao added that each new firm can get"
    getting = max((k for k, w in enumerate(words) if w.lower() in _GETTING_VERBS), default=None)
    receivers = _clause_subject(words[:getting + 1], _ends_receivers) if getting else []
    gap = words[getting + 1:len(words) - len(word_list(m["fund"]))] if getting else []
    if not receivers or any(w.lower() not in _ARTICLES for w in gap):
        return []  # between the verb and the fund's words, an article at most: "receive a one-off subsidy"
    if receivers[0].lower() in _EACH_WORDS:
        return ["per"] + receivers[1:]
    return ["for"] + receivers


_EACH_WORDS = {"each", "every"}
_PERMISSIVE_MODALS = word_class("permissive_modals")
_ARTICLES = {"a", "an", "the"}


_FUND_OF = re.compile(r"(?:\b(?:an?|the|its|their)\s+|\b(?=[a-z]+\s+(?:[\w&-]+\s+){0,3}?" + alternation("fund_nouns") + r"\s))(?P<fund>(?:(?!(?:and|or|to|for|an?|the|its|their)\s)[\w&-]+\s+){0,4}?" + alternation("fund_nouns", "cap_nouns") + r")\s+(?:of|worth|totall?ing)\s+"
                      r"(?:" + _APPROX + r"\s+)?(?:RMB\s+|US\$|\$)?$")
_GIVING_VERBS = word_class("giving_verbs")  # "offers subsidies of", "provide loans of": the verb, no part of the fund
_PER_THING = re.compile(r"\s+per\s+([a-z]+)\b(?!\s+(?:of|per)\b)")  # "per project", "per household"
# "for a single R&D project", "for each company": what one thing gets (group 1: the thing)
# (the thing's noun phrase ends the clause, or an "and" that joins another predicate: "... for each project and plans to ...")
_FOR_ONE_THING = re.compile(r"\s+for\s+" + alternation("one_thing_determiners") + r"\s+((?:[\w&-]+\s+){0,2}?[a-z][\w-]*)(?=\s*[,;.]|\s*$|\s+and\s)")


def _ends_receivers(word: str) -> bool:
    """The word after the receivers of a grant: a relative pronoun ("New shops that open here"), a modal or the verb."""
    w = word.lower()
    return w in _RELATIVE_WORDS or w in _MODAL_VERBS or w in _GETTING_VERBS or w in _PERMISSIVE_MODALS


_GETTING_VERBS = word_class("receiving_verbs")  # "receive", "get": what a grant's receivers do
_RELATIVE_WORDS = {"that", "which", "who", "whose"}
_FOR_WHICH = re.compile(r"\s+for\s+(?!(?:each|every|all|the|a|an|its|their|\d)\b)([a-z][^,;.]{2,80})")
_FOR_WHAT = re.compile(r"\s+to\s+(?!(?:each|every|all|the|a|an|its|their)\b)([a-z]+\s+[^,;.]{2,80})")
def _fund_purpose(text: str, at: int) -> list[str]:
    """What a fund is for, said after its amount: 'to back its tea growers', or by the verb after it ('... will support
    the repair of old farmhouses': 'for repair of old farmhouses')."""
    m = _FOR_WHAT.match(text, at)
    if m:
        return ["to"] + phrase_words(m.group(1), 0, 6)
    m = _WILL_SUPPORT.match(text, at)
    return ["for"] + phrase_words(m.group(1), 0, 6) if m else []


# "... will support the renovation of old compounds": what the fund pays for, said by the verb after it
_WILL_SUPPORT = re.compile(r"\s+(?:will|would|shall|is\s+to)\s+" + alternation("fund_purpose_verbs") + r"\s+(?:the\s+)?([a-z][^,;.]{2,80})")


@METRIC.rule(("Clinics may claim grants covering half their fit-out bills, capped at [400,000 yuan] per clinic.", "grant cap per clinic"),
             ("It pays a fifth of the fee, capped at [1 million yuan] for any one farm.", "cap per farm"),
             cues=tuple(sorted(word_class("cap_participles"))))
def cap_of_a_payment(site: _Site):
    """An amount a payment is 'capped at', in a participle clause after it ('..., capped at 5 million yuan per project'), is
    the cap of that payment: of the subsidy or grant named before it in the sentence, per thing or for any single thing
    (not 'The loan is capped at ...': the payment is the clause's subject, and names the figure itself)."""
    if site.q.unit.split("/")[0] not in _MONEY:
        return SKIP
    m = CAPPED_AT.search(site.text, site.sentence.start, site.q.start)
    if m is None:
        return SKIP
    funds = _FUND_NOUN.findall(site.text, site.sentence.start, m.start())
    per = _PER_THING.match(site.text, site.q.end) or _FOR_ONE_THING.match(site.text, site.q.end)
    return " ".join(([_singular(funds[-1])] if funds else []) + ["cap"] + (["per"] + word_list(per.group(1)) if per else []))


_FUND_NOUN = re.compile(r"\b(" + alternation("fund_nouns") + r")\b")


@METRIC.rule(("The district has 1,700 fund firms. \"We want to reach [2,000] by 2027,\" said its mayor.", "fund firms"),
             ("The park has 300 firms. It expects to hit [500] next year.", "firms"))
def verb_of_reaching_alone(site: _Site):
    """A figure that the words before it name only by a verb of reaching or aiming ('We want to reach 2,000', 'It expects
    to hit 500') measures what was measured last before, in the same unit: a verb names no measure."""
    words = site.subject_words
    if not words or not all(w.lower() in _AIMED_REACHING or _frame_word(w) or w.lower() in _FRAME_VERBS for w in words):
        return SKIP
    return _measure_before(site) or SKIP


_AIMED_REACHING = word_class("aimed_reaching_verbs")  # the forms a verb of reaching takes after "to" or a subject


@METRIC.rule(("Firms in the park had revenue of 9 billion yuan and paid [1.2 billion yuan] in tax.", "tax paid by Firms in the park"),
             ("The city's 40 listed firms raised [8 billion yuan] last year.", "funds raised by listed firms"),
             cues=tuple(_PER_THING_VERBS))
def money_they_paid(site: _Site):
    """Money right after a verb of paying, raising or earning, with no words of its own ('firms along the belt ... paid
    5.2 billion yuan in tax', 'the 56 listed companies raised 23.7 billion yuan') is what was so paid by the clause's
    subject: the noun after 'in' (else the funds), the verb's participle, 'by' and the subject."""
    q, text = site.q, site.text
    if q.unit not in _MONEY or site.before and site.before != [site.last_word]:
        return SKIP
    verb = _PER_THING_VERBS.get(site.last_word.lower())
    if verb is None:
        return SKIP
    what = _IN_WHAT_AFTER.match(text, q.end)
    noun = (trim_metric(phrase_words(what.group(1), 0, 2)) if what else []) or ["funds"]
    payer = _payer(site)
    return f"{' '.join(noun)} {verb} by {' '.join(payer)}" if payer else f"{' '.join(noun)} {verb}"


_IN_WHAT_AFTER = re.compile(r"\s+(?:each\s+)?(?:in|of)\s+(?:that\s+|the\s+|its\s+|their\s+)?([a-z]+(?:\s+[a-z]+){0,2})")


def _payer(site: _Site) -> list[str]:
    """Who paid: the subject of the figure's clause, after a count in it ('The district's 56 listed companies raised'),
    or, where the clause is the verb alone ('..., and paid'), the subject of the sentence's first clause that has one."""
    words = word_list(site.ctx.without_time(max(site.clause_start, site.sentence.start, site.floor), site.q.start))
    verb = max((k for k, w in enumerate(words) if w == site.last_word), default=len(words))
    subject = trim_metric(words[:verb])
    pos = site.sentence.start
    while not subject and pos < site.q.start:
        clause_start, clause_end = site.ctx.seg.clause_bounds(pos)
        clause = word_list(site.ctx.without_time(clause_start, min(clause_end, site.q.start)))
        subject = trim_metric(clause[:next((k for k, w in enumerate(clause) if k and _ends_clause(w) and not _DIGIT.search(clause[k - 1])),
                                           len(clause))])
        if clause_end <= pos:
            break
        pos = clause_end + 1
    subject = subject[next((k + 1 for k in range(len(subject) - 1, -1, -1) if _DIGIT.search(subject[k])), 0):]
    subject = trim_metric(subject)
    if not subject or len(subject) > 6 or (len(subject) == 1 and subject[0].lower() in _SELF_REFERENCES):
        return []
    return subject


@METRIC.rule(("Regional GDP reached [310.5 billion yuan].", "Regional GDP"),
             ("The district has invested [10 billion yuan] in 30 schools.", "investment in 30 schools"),
             ("The district has put [500 million yuan] into a fund for start-ups.", "investment into a fund for start-ups"),
             ("The zone now has [1.5 million square meters] of office space.", "office space"),
             ("Sales at its 180 major stores totaled [52.3 billion yuan].", "Sales at major stores"),
             ("The district will spend [2 billion yuan] over the next three years to support intelligent manufacturing.",
              "spending to support intelligent manufacturing"),
             ("HANGZHOU, May 3 (Xinhua) -- The county aims to lift the output of its tea industry, known as the Green Leaf Belt, "
              "to [20 billion yuan] by 2027.", "output of its tea industry"),
             ("All 12 parks were finished, and [9.5 kilometers] of riverbank are now open to the public.", "riverbank open to the public"),
             ("More than [40 percent] of the town's farmland will be used for organic crops.",
              "the town's farmland used for organic crops"))
def amount_words(site: _Site):
    """An amount is named by the words before it, with what follows in "of ..." or "in ...", else by the sentence's
    subject."""
    return " ".join(site.subject_words) or None
