"""A figure's period: its own clause's time phrase, else the frame set by earlier sentences of its paragraph
(or by a news story's lead, or by the year a report's title names)."""

from __future__ import annotations

import re

from ..model import Period, Quantity
from .figure import Figure
from .lang.en import MONEY_UNITS, alternation, initials, word_lists
from .lexicon import phrase_pattern
from .periods import TimePhrase, find_time_phrases, plan_named
from .phrases import (
    ACTION_VERBS, AND_NEXT_PREDICATE, AND_VERB, AREA_UNITS, CHANGE_BLOCK, COUNT_ADJECTIVE, COVERS_NOW, DIMENSION_ASIDE, EXTENT_BEFORE, GOAL_BASE_GAP, EXTENT_UNITS, EXTENT_VERB_BEFORE, OPENED_WITH, SET_IN_THE_PLAN, CAPPED_AT, TO_BEFORE, TOTAL_TO, Context, measure_aside, threshold_of,
)
from .rules import SKIP, RuleTable, key_words
from .sections import plan_deadline, title_span
from .segments import LIST_ITEM_LINE, Segmentation, list_lead_in, literal_led

_CUES = word_lists("cues")

# The lookaheads on a match's first character let the scan skip most positions with one test (see periods._starting)
_PRESENT = re.compile(r"\b(?=[" + "".join(sorted({m[0].lower() + m[0].upper() for m in _CUES["present_markers"]}))
                      + r"])(?:" + phrase_pattern(_CUES["present_markers"]) + r")\b", re.IGNORECASE)


# the perfect, irregular participles included ("has grown", "have built"), and the progressive
# a word of every present marker, to skip the pattern in the many sentences that hold none
_PRESENT_HINTS = frozenset(max(m.lower().split(), key=len) for m in _CUES["present_markers"])
_PERFECT = re.compile(r"\b(?=[hiaHIA])(?:(?:has|have)\s+(?:been\s+\w+ing|\w+ed|\w+en|been"
                      + r"|" + alternation("irregular_participles") + r")\b"
                      r"|(?:is|are)\s+\w+ing\b)", re.IGNORECASE)
# "The district has 185,000 mu of farmland", "the park houses 1,200 companies": what a place holds now, not over the period
# before (the perfect is "has built"; "houses" and "hosts" are verbs only before a figure or an article)
_HOLDING_NOW = tuple(word_lists("grammar")["holding_now_verbs"])
_HOLDING_NOW_SPACED = tuple(verb + " " for verb in _HOLDING_NOW)  # as presence looks for them in a sentence
_HOLDING_NOW_WORDS = frozenset(_HOLDING_NOW)  # (each a word of letters in lower case: a match's verb is a word of its sentence)
# (as r"\b(?:has|have|...)\s+...", the verbs grouped by their first letters, ``literal_led``: tried only where one opens)
_HAS_FIGURE = re.compile(literal_led([re.escape(verb) for verb in _HOLDING_NOW], word_start=True) + r"\s+(?:" + alternation("holding_approximators")
                         + r"\s+)?(?:\d|(?:an?|the)\s)")
if not all(verb.isalpha() and verb.islower() for verb in _HOLDING_NOW):
    raise ValueError("a holding verb not a lower-case word: _may_hold_now cannot look for it among a sentence's words")
_SECTION_START = re.compile(r"\d{1,2}[.)、]\s|[IVX]+\.\s|" + alternation("enumeration_openers", case="capitalised") + r"\b")
# A heading: a paragraph of one short line, perhaps numbered ("I.", "2.", "Part Three"), with no sentence's end
_HEADING = re.compile(r"(?:(?:[IVX]+|\d{1,2})[.)、]\s*|" + alternation("division_nouns", case="capitalised") + r"\s+\w+[.:]?\s+)?[A-Z][^\n.!?;]{2,100}:?")
# what a heading over a plan names: "Main targets for 2024", "Key tasks for the coming year", "Work plan for 2025"
_GOAL_HEADING = re.compile(r"\b" + alternation("plan_heading_nouns") + r"\b", re.I)
_AREA_AFTER = re.compile(r"\s+of\s+(?:the|its)\s+(?:total\s+|land\s+)?area\b", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:" + alternation("from_approximators") + r"\s+)?$", re.IGNORECASE)
# the date of a thing named in an aside: a relative clause ("..., which was set up in 2003,", "..., most of which were
# completed before 2020,") or an appositive noun with its participle ("..., a startup founded in the district in 2020,")
_DATED_ASIDE = re.compile(r",\s*(?:(?:" + alternation("part_quantifiers") + r"\s+of\s+)?(?:which|that|whom)\s+(?:was\s+|were\s+|had\s+been\s+)?"
                          r"|(?:an?|the|one\s+of\s+the)\s+(?:[\w’'-]+\s+){1,4}?)?"
                          + alternation("founding_participles") + r"\b[^,.;]*$")
# How far back before a time phrase the comma opening its aside is looked for: an aside longer than this ("Zijing
# Bio, a gene-editing company founded by a Jiao Tong professor in 2018, employs ...") is not read as one, and its
# time dates the sentence (heldout minhang_news_2022 would change two periods with the whole sentence: a rule change)
_ASIDE_REACH = 50
# "the county's goals for 2026, endorsed by its congress in January, are as follows:", "the goal for this year, set in
# January, is ...": when a goal was set, in an aside after the goal's noun, is no time the goal is of
_GOAL_SET_ASIDE = re.compile(r"\b" + alternation("goal_nouns") + r"\b[^,.;:]{0,40},\s*(?:(?:which|that)\s+(?:was|were|had\s+been)\s+)?"
                             + alternation("goal_setting_participles") + r"\b[^,.;:]*$", re.IGNORECASE)
_GOAL_SET_REACH = 120
# "Founded in 1992, the Zhangjiang park hosts 24,000 companies": a participle opening the sentence dates its subject's start
_FOUNDING_OPENING = re.compile(r"\W*" + alternation("founding_openers", case="capitalised") + r"\b[^,.;]*$")
# "Under a plan released in May, the district aims to ...": the date of a document's release, not of what it says
# (the document's years between: "Under a new plan for 2026 to 2028 released in January")
_RELEASED_DOCUMENT = re.compile(r"\b(?:" + phrase_pattern(_CUES["document_nouns"]) + r")(?:\s+for\s+(?:19|20)\d\d(?:\s*(?:-|–|to)\s*(?:19|20)\d\d)?)?"
                                r"\s+(?:(?:was|were)\s+)?(?:"
                                + phrase_pattern(_CUES["release_verbs"]) + r")\s+(?:(?:in|on)\s+)?$", re.IGNORECASE)
_RECURS = re.compile(r"\b(?:" + phrase_pattern(_CUES["recurrence_phrases"]) + r")\b", re.IGNORECASE)
_FOUNDING_ASIDE = re.compile(r",\s*(?:(?:which|that)\s+(?:was\s+|were\s+|had\s+been\s+)?|(?:an?|the|one\s+of\s+the)\s+(?:[\w’'-]+\s+){1,4}?)?"
                             + alternation("start_participles") + r"\b[^,.;]*$")
_WITH_TOTAL = re.compile(r"[^,;.]{0,60}\bwith\s+(?:a|an)\s+" + alternation("sum_adjectives") + r"\s+[a-z]+\s+of\s+(?:" + alternation("total_approximators") + r"\s+)?$")
# A state reached, not a sum over a span: "Since 2018, ... The average life expectancy reached 85.6 years"
_STATE_REACHED = re.compile(r"\b(?=" + initials("state_nouns") + ")" + alternation("state_nouns") + r"\b[^,;.]{0,40}"
                            r"\b(?:reached|was|stood|hit|" + alternation("rise_past_verbs") + r"\s+to)\b",
                            re.IGNORECASE)
_SAME_PERIOD = re.compile(r"\b(?=" + initials("same_period_prepositions") + ")" + alternation("same_period_prepositions")
                          + r"\s+the\s+same\s+period\b(?!\s+(?:of\s+)?" + alternation("prior_year_words") + ")", re.IGNORECASE)
# a count that is its clause's subject, then the verb of the figure after it: "Its 11 stations supplied 1,200 tons last year"
# (not "it now has 430 staff and posted sales of ...": the object of a first predicate)
_COUNT_THEN_VERB = re.compile(r"\s+(?:(?!and\b)[a-z][\w-]*\s+){1,4}?(?:\w+ed|sold|made|built|won|grew|rose|drew|took)\s+"
                              r"(?:(?:sales|revenue|output|income|profits?|exports|investment)\s+of\s+)?"  # "34 companies generated sales of 620 million yuan"
                              r"(?:" + alternation("sum_approximators") + r"\s+)?$")
# "a railway with a designed speed of 350 km per hour", "The X project, with a total investment of 12 billion yuan, will ...":
# what a thing is, undated (the frame of the sentences before is not its time)
_SPECIFICATION = re.compile(r"(?:\bdesign(?:ed)?\s+(?:[a-z]+\s+){0,2}" + alternation("designed_measures")
                            + r"|\bwith\s+(?:a|an)\s+(?:" + alternation("capacity_modifiers") + r"\s+)?(?:production\s+)?capacity"  # what a facility can make
                            r"|\bwith\s+(?:a|an)\s+" + alternation("investment_modifiers") + r"\s+investment)\s+of\s+(?:" + alternation("specification_approximators") + r"\s+)?"
                            r"(?:RMB\s+|US\$|\$)?$", re.IGNORECASE)
_SPECIFICATION_CUES = frozenset(("design", "designed", "with"))  # one of which every match of _SPECIFICATION holds
_ADJECTIVAL_MEASURE = re.compile(r"\d-[A-Za-z]")
# "a 30-hectare park", "a 10-billion-yuan AI fund", "a 1.3-billion-yuan 3D printing center": the noun phrase the measure
# qualifies, right after it
_WORD_AFTER_MEASURE = re.compile(r"[ -]{1,2}(?:[a-z]|[A-Z0-9][A-Za-z0-9]*\s+[a-z])")
_ANY_WORD_AFTER_MEASURE = re.compile(r"[ -]{1,2}[\"“‘']?[A-Za-z]")  # (a noun in quotes: 'a 4-square-kilometer "robot town"')
_RELATIVE_PRESENT = re.compile(r",\s*(?:which|that)\s+(?:now\s+|also\s+)?(?!was\b|has\b|is\b)[a-z]+(?<!ed)(?<!ss)s\s+"
                               r"(?:" + alternation("holding_approximators") + r"\s+)?$")
# a plural noun picked out by a bound on each of them: "buildings paying more than", "firms with annual revenue of over",
# "projects each worth at least" (not a total: "projects with a total investment of more than")
_THRESHOLD_MODIFIER = re.compile(r"\b[a-z]+s\s+(?:each\s+)?(?:paying|worth|valued\s+at|earning|generating|with\s+(?!(?:an?\s+)?" + alternation("cumulative_adjectives") + r"\b)"
                                 r"(?:an?\s+)?(?:[\w-]+\s+){1,3}?of)\s+" + alternation("lower_bound_words") + r"\s+$")
# what may come before a time phrase that opens a sentence: nothing, or who said it ("Chen said that in the first half ...")
_OPENS_SENTENCE = re.compile(r"\W*(?:[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,5}?\s+" + alternation("saying_verbs") + r"\s+(?:that\s+)?)?"
                            r"(?:" + alternation("span_openers") + r"\s+)?", re.IGNORECASE)
_TOTAL_BEFORE = re.compile(r"\b" + alternation("sum_words") + r"\b[^,;.]{0,40}$", re.IGNORECASE)
_CONSECUTIVE = re.compile(r"\s+consecutive\s+" + alternation("consecutive_units") + r"\b", re.IGNORECASE)  # "for 3 consecutive years": a count of years
# "trains 3,000 workers each year", "ships 60,000 wafers a month": what a place does habitually, in the present
_HABITUAL = re.compile(r"(?:\s+[a-z][\w-]*){0,3}\s+" + alternation("habit_words") + r"\s+" + alternation("habit_units") + r"\b(?!\s+(?:"
                      + alternation("ago_words") + "|on))")
_AT_THE_END = re.compile(r"at\s+the\s+end\s+of\b", re.IGNORECASE)
_TURNS_TO_NOW = re.compile(r"[,;]|\b" + alternation("clause_conjunctions") + r"\b", re.IGNORECASE)  # a clause of its own between a figure and "now"
_PREPOSITION_BEFORE = re.compile(r"\b(?:(?:" + alternation("complement_prepositions") + r"|among)\s+|and\s+(?:[\w-]+\s+){0,2}|worth\s+(?:a\s+total\s+of\s+)?)$")  # a complement, or a second item ("12 schools and 3 hospitals in 2022")


def assign_periods(
    ctx: Context, quantities: list[Quantity], sentence_of: list[int], phrases: list[TimePhrase], links: list[str | None]
) -> None:
    """Set each quantity's period, reading the document's sentences in order and keeping the frame they set."""
    text = ctx.text
    seg = ctx.seg
    reader = _FrameReader(ctx, quantities, sentence_of, phrases)
    for s_index, sentence in enumerate(seg.sentences):
        reader.enter(s_index, sentence)
        sentence_phrases = reader.by_sentence.get(s_index, [])
        members = reader.q_by_sentence.get(s_index, [])
        asides, sentence_frame = reader.sentence_frame(sentence, sentence_phrases, members)
        body = text[sentence.start:sentence.end]
        nows, present = reader.presence(sentence, body, sentence_frame, members)
        carried = reader.carried(body, sentence_frame, present)
        same_period = "same period" in body and _SAME_PERIOD.search(body)
        for i in members:
            q = quantities[i]
            figure = Figure(text, seg, quantities, i, ctx.year, ctx=ctx, sentence=sentence, s_index=s_index, members=members,
                            phrases=sentence_phrases, frame=sentence_frame, carried=carried, nows=nows, present=present,
                            same_period=same_period, last_dated=reader.last_dated, asides=asides, link=links[i],
                            section=reader.section, section_heading=reader.section_heading,
                            own=_clause_phrase(seg, q, quantities, members, sentence_phrases, nows))
            PERIOD.apply(figure, q)
            if q.why["period"] == "period.own_clause":
                reader.own_dated.add(i)
        reader.leave(sentence, sentence_phrases, members, asides, sentence_frame)
    deadlines = {k: phrases[-1].period for k, phrases in reader.by_sentence.items()
                 if _ends_after(phrases[-1], ctx.year) and not phrases[-1].since}
    _revise_periods(ctx, quantities, sentence_of, links, reader.own_dated, deadlines)


class _FrameReader:
    """The time frame as the document's sentences are read in order: set by a sentence's time phrase, carried into
    the sentences that continue it, left behind at a new paragraph, at "now" or at the perfect."""

    def __init__(self, ctx: Context, quantities: list[Quantity], sentence_of: list[int], phrases: list[TimePhrase]) -> None:
        seg = ctx.seg
        self.ctx, self.text, self.quantities = ctx, ctx.text, quantities
        self.by_sentence: dict[int, list[TimePhrase]] = {}
        for p in phrases:
            self.by_sentence.setdefault(seg.index_at(p.start), []).append(p)
        self.q_by_sentence: dict[int, list[int]] = {}
        for i, s in enumerate(sentence_of):
            self.q_by_sentence.setdefault(s, []).append(i)
        self.paragraph_length: dict[int, int] = {}
        for x in seg.sentences:
            self.paragraph_length[x.paragraph] = self.paragraph_length.get(x.paragraph, 0) + 1
        self.paragraphs_with_time = {seg.sentences[seg.index_at(p.start)].paragraph for p in phrases}
        self.lead: TimePhrase | None = None  # news: the period the lead paragraph reports on
        # a report titled with its year ("Key Indicators of Innovation Development, 2024"): the period of all it does not date
        self.titled = _title_period(ctx, phrases)
        self.frame: TimePhrase | None = self.titled
        self.opened = False  # whether the frame was set by a time phrase opening a sentence ("In 2023, ...")
        self.section: TimePhrase | None = None  # the time a heading gives its section ("I. Review of the Work in 2023")
        self.section_heading = ""
        self.heading_paragraph = -2  # the paragraph of the last heading read
        self.lead_paragraph = -1
        self.paragraph = -1
        self.own_dated: set[int] = set()  # figures dated by a time phrase of their own clause
        self.last_dated: str | None = None  # the period of the last dated figure: what "in the same period" refers to
        self.until_now: TimePhrase | None = None  # the frame in force before a sentence turns to now

    @property
    def home(self) -> TimePhrase | None:
        """The frame to return to: the time of the section's heading, a news story's lead, or the year a report's
        title names."""
        return self.section or self.lead or self.titled

    def enter(self, s_index: int, sentence) -> None:
        """A new paragraph that states no time of its own goes on in the frame of the one before: in a news story while
        it is short; in a briefing or report when a sentence opened with the frame ("In the first half of this year,
        GDP grew 5.8%." then "Industrial output reached 105.6 billion yuan."): the speaker goes on with the period
        set, while the date of an event told at a sentence's end ("The area reopened in November 2022") frames only
        its paragraph. Not a numbered section's paragraph, nor after a span of years ("over the past five years" sums
        up its own paragraph) or a single month inside a longer report: those return to the frame of the heading, the
        lead or the title."""
        if sentence.paragraph == self.paragraph:
            return
        self.paragraph = paragraph = sentence.paragraph
        self._heading(s_index, sentence)
        frame = self.frame
        carries = (self.opened and frame is not None) if not self.ctx.news else self.paragraph_length[paragraph] <= 2
        if (paragraph in self.paragraphs_with_time or not carries
                or paragraph == self.heading_paragraph + 1  # the first paragraph under a heading starts from its time
                or _SECTION_START.match(self.text[sentence.start:sentence.start + 12])
                or (frame is not None and (frame.since or frame.period.start_year != frame.period.end_year
                                           or self._one_month_inside(frame, new_paragraph=True)))):
            self.frame = self.home

    def _one_month_inside(self, frame: TimePhrase, new_paragraph: bool = False) -> bool:
        """A single month or quarter inside the story's period ("In August alone, output reached ...", "Industrial output
        in the fourth quarter rose 9.7%" in a year's communiqué), said of one detail, is left: the sentences after go
        back to the period the story reports. A balance at a month's end ("At the end of September, the balance of
        deposits was ...") goes on through its paragraph, which tells of that balance, but not into the next one, which
        turns to another topic of the report ("Fiscal revenue. Revenue was ..."): that is of the report's period."""
        home = self.home
        if home is None or frame is home or frame.period.is_span:
            return False
        if not new_paragraph and _AT_THE_END.match(self.text, frame.start, frame.end):
            return False  # "At the end of October, the vacancy rate stood at 14.7%. The average rent was ...": a month's balance goes on
        if frame.period.granularity == "month":
            return home.period.is_span or home.period.granularity != "month"
        # a quarter inside a year's report ("Industrial output in the fourth quarter rose 9.7%", in a communiqué of 2020)
        return frame.period.granularity == "quarter" and home.period != frame.period and home.period.contains(frame.period)

    def _heading(self, s_index: int, sentence) -> None:
        """A heading (a one-line paragraph after the title, with no sentence's end) frames its section until the next
        heading: "I. Review of the Government's Work in 2023", "Main targets for 2024"; one naming no time ends the
        frame of the section before. A heading naming a year and a span of years ("Review of Our Work in 2025 and
        During the 14th Five-Year Plan Period") frames its section with the year."""
        text = self.text
        end = text.find("\n", sentence.start)
        end = len(text) if end < 0 else end
        line = text[sentence.start:end].rstrip()
        if (sentence.paragraph == 0 or self.paragraph_length[sentence.paragraph] > 2 or text[end:end + 2].strip()
                or not _HEADING.fullmatch(line)):
            return
        # "II. Main targets for 2024" is read as two sentences, the numeral's and the heading's
        phrases = [p for k in range(s_index, s_index + self.paragraph_length[sentence.paragraph])
                   for p in self.by_sentence.get(k, []) if not p.since]
        # "Review of Our Work in 2025 and During the 14th Five-Year Plan Period": the year is what the section reports;
        # the plan's span is looked back on only where a sentence names it
        single = [p for p in phrases if not p.period.is_span]
        self.section = (single or phrases)[-1] if phrases else None
        self.section_heading = line
        self.heading_paragraph = sentence.paragraph

    def sentence_frame(self, sentence, sentence_phrases: list[TimePhrase], members: list[int]):
        """The sentence's dated asides, and the time phrase that opens it before its first figure (if any)."""
        text, frame = self.text, self.frame
        first_q = self.quantities[members[0]].start if members else sentence.end
        # not the date of a thing named in an aside: "The Center, which opened in 2017, is now home to 28 firms"
        asides = [p for p in sentence_phrases if _DATED_ASIDE.search(text, max(sentence.start, p.start - _ASIDE_REACH), p.start)
                  or _FOUNDING_OPENING.match(text, sentence.start, p.start)
                  or _RELEASED_DOCUMENT.search(text, max(sentence.start, p.start - _ASIDE_REACH), p.start)
                  or _GOAL_SET_ASIDE.search(text, max(sentence.start, p.start - _GOAL_SET_REACH), p.start)]
        # not a time inside a first predicate that a second one follows: "plans to complete the park before the end of
        # December and to help two companies list"
        leading = [p for p in sentence_phrases if p.end <= first_q and p not in asides
                   and not (text[p.end:p.end + 1] != "," and _second_predicate_between(text, p.end, first_q))
                   and not _ends_first_of_listed_predicates(text, sentence.start, p)]
        opening = leading[-1] if leading else None
        if opening is not None and _BASE_BEFORE.search(text, max(sentence.start, opening.start - _BASE_REACH), opening.start):
            opening = self._since_base(opening, sentence)
        if (opening is not None and opening.closing and not _ends_after(opening, self.ctx.year) and frame is not None
                and not frame.since and frame.period.start_year < opening.period.start_year and not frame.period.is_span):
            # "In 2019 ... By the end of 2023, ..." sums up since the frame; a deadline ("By 2025, we aim ...") does not
            opening = TimePhrase(opening.start, opening.end, Period.year(frame.period.start_year).until(opening.period), since=True)
        return asides, opening

    def _since_base(self, base: TimePhrase, sentence) -> TimePhrase | None:
        """A base a sentence opens with ("Compared with the end of 2015, GDP has grown by 41.2%") is no time the sentence
        tells of; in the perfect, what has grown since the base is over the years from it to the year under review
        (the section's, the lead's or the title's, else the briefing's)."""
        home = self.home
        end = home.period.end_year if home is not None and not home.period.is_span else self.ctx.year
        if end is None or end <= base.period.end_year or not _PERFECT.search(self.text, sentence.start, sentence.end):
            return None
        return TimePhrase(base.start, base.end, Period.years(base.period.end_year, end), since=True)

    def presence(self, sentence, body: str, sentence_frame: TimePhrase | None, members: list[int]) -> tuple[list[int], bool]:
        """Where "now", "currently" ... stand in the sentence, and whether it speaks of now ("The district has 185,000
        mu"); asked only of a sentence with figures, or without a time of its own. Speaking of now leaves the earlier
        period behind (a news story returns to its lead's)."""
        asked = bool(members) or sentence_frame is None
        lowered = body.lower() if asked else ""
        # A sentence with figures has had its words found (the rules read them), and a test of them costs less than the
        # substring tests, which are asked first of the others (the two tests in either order: the same answer)
        hinted = asked and (self._holds_word(sentence, _PRESENT_HINTS) and any(map(lowered.__contains__, _PRESENT_HINTS)) if members
                            else any(map(lowered.__contains__, _PRESENT_HINTS)) and self._holds_word(sentence, _PRESENT_HINTS))
        nows = [m.start() for m in _PRESENT.finditer(self.text, sentence.start, sentence.end)] if hinted else []
        present = sentence_frame is None and (bool(nows) or (self._may_hold_now(sentence, lowered, members) and bool(_HAS_FIGURE.search(body)))
                                              or (bool(members) and _states_now(body, lowered)))
        # "Output came to 412.8 billion yuan, while the NEV sector rose by 27.5% and now makes up one-third": the
        # figures before a clause that turns to now are still of the period narrated (``carried_frame``)
        self.until_now = self.frame if present and nows else None
        if present:
            self.frame = self.home
        return nows, present

    def _may_hold_now(self, sentence, lowered: str, members: list[int]) -> bool:
        """Whether the sentence may hold a match of _HAS_FIGURE: one of its verbs and a space after it (in a sentence with
        figures its words are looked at first, as they have been found: the verb, a whole word, is one of them)."""
        if members and _HOLDING_NOW_WORDS.isdisjoint(self.ctx.seg.words(self.ctx.seg.index_at(sentence.start))):
            return False
        return any(map(lowered.__contains__, _HOLDING_NOW_SPACED))

    def _holds_word(self, sentence, words: frozenset[str]) -> bool:
        """Whether the sentence holds one of ``words`` as a word (a marker's word inside another, "know", "update", "farm",
        passes the substring test that is asked first, as the words of a sentence cost more to find than it)."""
        seg = self.ctx.seg
        return seg.holds(seg.index_at(sentence.start), words)

    def carried(self, body: str, sentence_frame: TimePhrase | None, present: bool) -> TimePhrase | None:
        """The frame carried into a sentence without a time of its own; not a state reached after a span, and the
        perfect ("It has cultivated 6,538 farmers") leaves the narrated period, which ends there. In a sentence that
        turns to now, the frame carries only up to "now" (``carried_frame`` reads no further)."""
        frame = self.until_now if present else self.frame
        if sentence_frame is not None or frame is None:
            return None
        if (_SAME_PERIOD_OPENING.match(body) and self.home is not None and frame.period.granularity == "month"
                and _AT_THE_END.match(self.text, frame.start, frame.end)):
            # "At the end of June, the balance of loans was ... Compared with the same period of 2019, total retail sales
            # were 12.3% higher": "the same period" is the one the report covers, not a balance's month
            return self.home
        if frame.since and _STATE_REACHED.search(body):
            return None
        if frame.since or not _PERFECT.search(body):
            return frame
        if not present:
            self.frame = self.home
        return None

    def leave(self, sentence, sentence_phrases: list[TimePhrase], members: list[int], asides: list[TimePhrase],
              sentence_frame: TimePhrase | None) -> None:
        """After a sentence: the frame it sets for the sentences that continue it."""
        quantities, year = self.quantities, self.ctx.year
        if sentence_frame is not None and sentence_frame.looking_back:
            sentence_frame = None  # "Ten years ago the land was ... Today ...": a then, no frame for what follows
        self.last_dated = next((quantities[i].period for i in reversed(members) if quantities[i].period and quantities[i].kind != "target"),
                               self.last_dated)
        if sentence_frame is not None:
            if self._one_month_inside(sentence_frame):
                pass  # "In December, retail sales rose 3.2% month on month.": a detail; the next sentence is of the year again
            elif not _looks_back(sentence_frame, self.frame):
                self.frame = None if _ends_after(sentence_frame, year) else sentence_frame
                self.opened = bool(_OPENS_SENTENCE.fullmatch(self.text, sentence.start, sentence_frame.start))
        elif asides and len(asides) == len(sentence_phrases):
            pass  # "The Expo, held in Chongming in 2021, attracted ...": the date of the thing named, not of the paragraph
        elif self._closing_time_frames(sentence, framing := [p for p in sentence_phrases if not (p.goal or p.looking_back)
                                                             and not _AVERAGED_OVER.search(self.text, max(sentence.start, p.start - _AVERAGE_REACH), p.start)], members):
            # ("rose to 23.1% in 2022, close to the 2025 target of 24%": a goal's year frames nothing; nor do the years an
            # average is taken over: "..., or 3.6 percent a year on average over that span")
            self.frame, self.opened = framing[-1], False
        if self.ctx.news and self.lead is None and self.frame is not None and not self.frame.since:
            # (a look back over the past years, "invested 7.8 billion yuan over the past two years", is no lead's period;
            # a lead that names no figure still sets the period the story reports on: "During the 13th Five-Year Plan
            # period (2016-2020), Songjiang grew into ...")
            self.lead, self.lead_paragraph = self.frame, sentence.paragraph

    def _closing_time_frames(self, sentence, sentence_phrases: list[TimePhrase], members: list[int]) -> bool:
        """Whether a sentence's closing time frames the sentences that continue it. In a briefing it does ("GDP reached
        X in 2020. Revenue was Y."). In a news story only a sentence without figures or the lead does; later, "312 firms
        certified last year" dates its own figure only. A deadline ("to exceed 500,000 this year") frames nothing, nor the
        time of a base ("up from 547 at the end of 2020")."""
        if not sentence_phrases or any(_ends_after(p, self.ctx.year) for p in sentence_phrases):
            return False
        if _dates_a_base(self.text, sentence_phrases[-1], self.quantities, members, sentence.start):
            return False  # "reached 905, up from 547 at the end of 2020": the base's time, not the narrated one
        if members and all(self.quantities[i].kind == "target" for i in members):
            return False
        if not members or not self.ctx.news:
            return True
        return self.paragraph_length[sentence.paragraph] <= 2 and (self.lead is None or sentence.paragraph == self.lead_paragraph)


# the present of "be" and the past of any verb: "13 are on schedule", "70% of them are under 35" against "were", "grew"
_PRESENT_BE = re.compile(r"\b(?:is|are)\b(?!\s+(?:" + alternation("future_be_words") + r")\b)")
# (a participle after "is", "are" or "be" is the present passive or the future: "is expected to", "are planned")
_PAST_VERB = re.compile(r"\b(?:was|were|had|did|said|told|" + "|".join(word_lists("words")["irregular_past_verbs"])
                        + r"|(?<!\bis\s)(?<!\bare\s)(?<!\bbe\s)[a-z]{2,}ed)\b")


def _states_now(body: str, lowered: str) -> bool:
    """A sentence with figures whose verbs are the present of "be", with no verb in the past ("Of the 20 indicators, 13
    are on schedule and 2 are behind", "Around 18,000 people work here, and 70% of them are under 35"), says how
    things stand now: not a figure of the period narrated before it."""
    return (" is " in lowered or " are " in lowered) and bool(_PRESENT_BE.search(lowered)) and not _PAST_VERB.search(lowered)


def _title_period(ctx: Context, phrases: list[TimePhrase]) -> TimePhrase | None:
    """The period a report's title names for what it reports: the time phrase of its title line within the title's year
    ("... Performance from January to August 2024": January to August), else the year ("... Development in 2023"); for
    a review of a plan that has ended, the plan's last year."""
    if not ctx.title_year:
        # a review of a plan that has ended ("Final Review of the 14th Five-Year Plan", issued in 2026): what it states
        # without a time of its own is of the plan's last year
        plan = plan_named(ctx.text[:max(0, ctx.text.find("\n"))])
        if not (plan and ctx.year and plan.end_year < ctx.year):
            return None
        ctx.memo["ended_plan"] = plan
        return TimePhrase(0, 0, Period.year(plan.end_year))
    line_end = ctx.text.find("\n")
    in_title = [p for p in phrases if p.end <= (line_end if line_end >= 0 else len(ctx.text)) and not p.future and not p.since
                and p.period.start_year == ctx.title_year == p.period.end_year]
    return TimePhrase(0, 0, in_title[0].period) if len(in_title) == 1 else TimePhrase(0, 0, Period.year(ctx.title_year))


def _revise_periods(ctx: Context, quantities: list[Quantity], sentence_of: list[int], links: list[str | None], own_dated: set[int],
                    deadlines: dict[int, Period]) -> None:
    """Revisions that need every figure's first period: a goal of the same plan, a change over a series' span, a total
    at a span's end, a change of the level it reaches. ``deadlines``: the sentences that end on a time still to come
    ("The port will be completed in 2025."), which the goals of the next sentence share ("It is expected to ...")."""
    text, seg = ctx.text, ctx.seg
    last_goal: dict[int, Period] = dict(deadlines)  # sentence index: the deadline of its last goal
    for i, q in enumerate(quantities):
        s_index = sentence_of[i]
        previous = last_goal.get(s_index - 1)
        if previous and seg.sentences[s_index].paragraph == seg.sentences[s_index - 1].paragraph:
            SAME_PLAN.revise(Figure(text, seg, quantities, i, ctx.year, previous_goal=previous), q)
        if q.kind == "target" and q.period and (ctx.year is None or q.period.end_year >= ctx.year):
            last_goal[s_index] = q.period  # (a goal of a past year, "Last year it planned to ...", is no plan to share)
    for i, q in enumerate(quantities):
        PERIOD_REVISIONS.revise(Figure(text, seg, quantities, i, ctx.year, ctx=ctx, sentence_of=sentence_of, links=links), q)
    for i, q in enumerate(quantities[:-1]):
        LEVEL_REACHED.revise(Figure(text, seg, quantities, i, ctx.year, sentence_of=sentence_of, own_dated=own_dated), q)


PERIOD: RuleTable[Period | None] = RuleTable("period", values=Period)


@PERIOD.rule(("In 2023, the district introduced 167 projects each valued at [100 million yuan] or more.", None),
             ("Last year, shops with annual sales of more than [50 million yuan] numbered 214.", None),
             ("Last year 64 shops paid more than [50 million yuan] each in tax, up from 51.", None),
             ("From January to June, there were 23 plants each with an output of [500 million yuan] or more.", None),
             ("In 2021, guesthouses on the island with over [20] beds had an average occupancy rate of 62.4%.", None),
             ("In 2024, output grew 5 percent. Large farms are those with annual sales of [5 million yuan] or more.", None),
             ("In 2025, output grew. Shops whose yearly sales exceed [8 million yuan] can receive a bonus.", None),
             ("In the first quarter, 31 projects with investment of [500 million yuan] or more each were under way.", None))
def threshold(f: Figure):
    """A bound that picks out the things counted ('90 plants each making 50 million yuan a year or more', 'shops
    with sales of more than 50 million yuan', 'towers paying over 20 million yuan of tax', 'large farms are those
    with annual sales of 5 million yuan or more') is a threshold, the same in any period: undated."""
    p = f.quantities[f.index - 1] if f.index and f.index - 1 in f.members else None
    return None if f.q.kind != "target" and is_threshold(f.text, f.sentence.start, f.q, p) else SKIP


def is_threshold(text: str, sentence_start: int, q: Quantity, p: Quantity | None, counted_or_each: bool = False) -> bool:
    """Whether ``q`` is a bound that picks out the things counted (see :func:`threshold`); ``p``: the figure before it
    in its sentence. ``counted_or_each``: only a bound on the things a count before it counts ("50 projects each worth
    over ...", "1,500 projects with investment exceeding ...") or on each of them, not one after a bare plural noun
    ("to sign projects worth more than 100 billion yuan" may be a goal's total)."""
    if q.approx not in (">", ">="):
        return False
    if _TOTAL_BEFORE.search(text, sentence_start, q.start) or _IN_ALL_AFTER.match(text, q.end):
        return False  # "214 projects with total investment of more than 90 billion yuan", "with more than 16,000 places in all": a sum
    if p is not None and threshold_of(text, p, q):
        return True
    if not counted_or_each and _THRESHOLD_MODIFIER.search(text, sentence_start, q.start):
        return True
    # a bound each member of a group passes: "58 projects each with an investment of 100 million yuan or more", "of
    # which 64 had registered capital of 100 million yuan or more", "Hotels in the resort with over 100 rooms"
    if _EACH_PASSES.search(text, sentence_start, q.start) is not None or _EACH_AFTER.match(text, q.end) is not None:
        return True
    # "30 companies in the chain with annual output value of 10 billion yuan or more": what each has, its bound after it
    return _OR_MORE_AFTER.match(text, q.end) is not None and _EACH_HAS_OF.search(text, sentence_start, q.start) is not None


_IN_ALL_AFTER = re.compile(r"(?:\s+[a-z]+){0,2}\s+in\s+(?:all|total)\b")  # "16,000 places in all": what they add up to
_OR_MORE_AFTER = re.compile(r"\s+(?:or|and)\s+(?:more|above|over|higher)\b")
# (or "those" standing for them: "Large farms are those with yearly sales of 5 million yuan or more")
_EACH_HAS_OF = re.compile(r"\b(?:[a-z]{3,}s|those)\s+(?:[\w-]+\s+){0,4}?with\s+(?:(?:an?|annual)\s+)?(?:[a-z-]+\s+){0,3}?of\s+$", re.IGNORECASE)


_EACH_AFTER = re.compile(r"(?:\s+or\s+(?:more|above))?\s+each\b")  # "22 plants with output of 5 billion yuan or more each"
_EACH_PASSES = re.compile(r"\beach\s+" + alternation("bound_holders") + r"\b[^,;.]{0,50}$"
                          # "Companies whose annual R&D spending exceeds 10 million yuan": the bound a relative clause sets
                          r"|\b[a-z]{3,}s\s+whose\s+(?:[\w’'&-]+\s+){1,4}?(?:exceeds?|tops?|surpass(?:es)?|(?:is|are)\s+(?:over|above|more\s+than))\s+$"
                          # "Hotels with over 100 rooms", "projects with energy consumption above 50,000 tons": what each has (not
                          # "a share of days with good air quality of at least 90%": "of" names the measure's value)
                          r"|\b[a-z]{3,}s\s+(?:[a-z]+\s+){0,3}with\s+(?:(?:an?|annual)\s+)?(?:[a-z]+\s+){0,3}?" + alternation("member_bounds") + r"\s+$"
                          r"|\b" + alternation("capital_holders") + r"\s+(?:a\s+)?registered\s+capital\s+of\s+(?:more\s+than\s+|over\s+)?$"
                          # "the number of buildings paying more than", "farms selling over": what each does, a participle after the things
                          # (not "worth": "to win deals worth over 30 billion yuan" may be a goal's total)
                          r"|\b[a-z]{3,}s\s+" + alternation("bound_participles") + r"\s+" + alternation("member_bounds") + r"\s+$", re.IGNORECASE)


@PERIOD.rule(("Since 2022, the district has released version 6.0 of its plan, which incorporates [28] reform initiatives.", None), cues=("which", "that"))
def described_by_relative(f: Figure):
    """A figure in a relative clause in the present ('..., which incorporates 28 reform initiatives', '..., which
    houses 300 firms') describes what a thing is now, not an amount of the narrated period: undated."""
    q = f.q
    if q.kind == "level" and f.own is None and _RELATIVE_PRESENT.search(f.text, f.sentence.start, q.start):
        return None
    return SKIP


@PERIOD.rule(("In 2022, the park ranked first in the city for [12 consecutive years].", None),
             ("The district ranked first for [3] consecutive years in 2023.", None))
def duration(f: Figure):
    """A duration counted in years, months or days ('12 consecutive years', 'for 3 consecutive years') measures how long,
    not an amount of a period: undated. Not an age measured of a population ('the average life expectancy of residents
    was 84.12 years'), a statistic of the period reported like any other."""
    q = f.q
    if q.kind == "level" and (q.unit in ("year", "month", "day") or _CONSECUTIVE.match(f.text, q.end)):
        # (an age measured of a population, "the average life expectancy was 84.12 years", is of its period)
        return SKIP if _AGE_MEASURE.search(f.head) else None
    return SKIP


_AGE_MEASURE = re.compile(r"\b" + alternation("age_measures") + r"\b[^,;.]{0,60}$", re.IGNORECASE)


@PERIOD.rule(("The [200-hectare] park finished in 2026 will house 150 firms.", None),
             ("Lumio, which opened a [150-mu] factory in Maqiao Town in 2021, makes lenses.", None))
def time_dates_no_size(f: Figure):
    """A time phrase in the clause of a measure that describes a thing ('a 200-hectare park ... finished in 2026',
    'opened a 200-mu plant in 2022') dates the plan or the event, not the thing's size."""
    q, own = f.q, f.own
    if own is not None and q.kind == "level" and _ADJECTIVAL_MEASURE.search(q.text) and _WORD_AFTER_MEASURE.match(f.text, q.end):
        return None
    return SKIP


@PERIOD.rule(("The [21-kilometer] Suzhou Creek waterfront welcomed more than 9 million visits in 2024.", None),
             ("Since 2021, it has started 168 projects, and the [1.2-kilometer] green corridor has opened.", None),
             ("In 2018, output grew. Wang runs an [8]-room inn by the lake.", None),
             ("By 2030 the area will build a [4-square-kilometer] \"robot town\" in two phases.", None))
def size_of_a_thing(f: Figure):
    """A size joined to its noun by a hyphen ('the 21-kilometer Suzhou Creek waterfront', 'a 12-room guesthouse') says
    what a thing is, whatever time its sentence tells: undated. Not money ('a
    500-million-yuan round last year' is the round's amount), a share or a duration, nor a goal's size."""
    q, text = f.q, f.text
    if q.kind == "target" or q.unit in MONEY_UNITS or q.unit in _NOT_SIZES:
        return SKIP
    if _ADJECTIVAL_MEASURE.search(q.text) and _ANY_WORD_AFTER_MEASURE.match(text, q.end):
        return None
    return None if q.unit == "count" and COUNT_ADJECTIVE.match(text, q.end) else SKIP


@PERIOD.rule(("The east wing of the Zhenru design centre, which opened in 2019 with [60,000 square meters] of labs, has no desk free.", None),)
def size_opened_with(f: Figure):
    """The area or length a thing opened with, in a relative clause of its opening ('..., which opened in 2019 with 60,000
    square meters, ...'), says what the thing is: undated; the time dates the opening."""
    q = f.q
    if q.kind != "level" or (q.unit not in AREA_UNITS and q.unit not in ("km", "m")) or not OPENED_WITH.search(f.text, f.sentence.start, q.start):
        return SKIP
    return None


@PERIOD.rule(("A third data hall with [2,400] racks is set to start operation in the autumn.", None),
             ("From next year, labs will get grants of up to [15%] of their instrument spending.", None),
             ("In 2019, output grew. The tramway, linking the harbor to the old town in about [25 minutes], is slated to "
              "start construction this year.", None),
             ("Sales fell last spring. The depot, built with an investment of [2 billion yuan], will begin service in August.", None),
             ("The port plans to start 9 berth projects this year; their total investment comes to [23 billion yuan].", None),
             ("In 2024 the county set aside 80 million yuan. It pays a fifth of each clinic's costs, capped at [300,000 yuan] a clinic.",
              None))
def describes_the_subject(f: Figure):
    """A size or count that the kind rules read as describing the thing a clause is about ('a data center with
    5,000 servers is due to go into operation', 'The tramway, linking the harbor to the old town in about 25 minutes, ...')
    says what the thing is, and so does the total investment of projects a goal counts ('to start 9 projects this year;
    their total investment comes to 23 billion yuan'); a cap a policy sets ('subsidies of up to 20%') states a rule:
    undated, whatever time the clause tells; so does a cap in a participle clause after a payment ('..., capped at 2
    million yuan per project')."""
    if f.q.why.get("kind") in _DESCRIBING_KINDS:
        return None
    return None if f.q.kind == "level" and CAPPED_AT.search(f.text, f.sentence.start, f.q.start) else SKIP


# the kind rules that read a figure as what a thing is or provides, or as a policy's cap
_DESCRIBING_KINDS = frozenset(("kind.size_of_the_subject", "kind.what_it_provides", "kind.policy_cap", "kind.aside_of_the_subject",
                               "kind.appositive_of_the_subject", "kind.size_of_what_is_set_up", "kind.total_investment_of_the_projects",
                               "kind.capped_by_a_rule", "kind.size_of_a_fund"))


_NOT_SIZES = {"percent", "pp", "times", "permille", "year", "month", "day", "hour", "minute"}


@PERIOD.rule(("The river park spans [6 square kilometers] and will welcome walkers from next April.", None))
def area_covered_now(f: Figure):
    """The area a thing covers, said in the present ('The expo park covers 10 square kilometers and will open next May'),
    is how big it is now, whatever time the rest of its clause tells: undated."""
    q = f.q
    return None if q.kind != "target" and q.unit in AREA_UNITS and COVERS_NOW.search(f.text, f.sentence.start, q.start) else SKIP


@PERIOD.rule(("Retail sales in the first half of 2022 were 14.1 percent higher than a year before, with an average growth of "
              "[4.3 percent] over the two years.", "2022-H1"),
             ("From January to October, catering sales reached 12.06 billion yuan, down 1.4% year on year, with average "
              "growth over the two years of [2.7%].", "2025-01/2025-10", "2025-11-20"),
             ("In the first nine months, freight was up 15 percent compared with the same period of 2022, an average of [7 percent] "
              "a year over the two years.", "2024-01/2024-09", "2024-10-20"))
def two_year_average(f: Figure):
    """The average growth over the two years ('with an average growth of 4.3 percent over the two years', 'the two-year
    average growth'), told beside a figure of a year, a half or some months, evens out a
    base year's dip: it is of that figure's period (eval/README.md), as its sentence's first figure."""
    q, text = f.q, f.text
    if q.kind != "change" or not f.members or f.members[0] == f.index:
        return SKIP
    if not _TWO_YEAR_AVERAGE.search(text, f.sentence.start, f.sentence.end):
        return SKIP
    first = f.quantities[f.members[0]]
    return first.period if first.period else SKIP


_TWO_YEAR_AVERAGE = re.compile(r"\baverage\s+(?:annual\s+)?(?:growth|of)\b(?:[^.;]|(?<=\d)\.(?=\d)){0,40}?\bover\s+the\s+" + alternation("two_year_spans") + r"\s+years\b"
                               r"|\btwo-year\s+average\b",
                               re.IGNORECASE)


@PERIOD.rule(("Our aim is that by 2028 the count of listed companies will exceed 60, compared with [41] today.", None),
             ("In 2022, output grew 6%, with 1,200 firms in the park last year and [1,350] today.", None),
             cues=("today", "now", "present", "currently", "presently"))
def now_after_figure(f: Figure):
    """A figure said with 'today', 'now' or 'at present' right after it ('compared with 87 today') is of now, which the
    text does not date, whatever deadline or frame its sentence has."""
    if f.q.kind == "target" or not _NOW_AFTER.match(f.text, f.q.end):
        return SKIP
    # (not "up from 98 at present": where a goal starts, goal_start's)
    return SKIP if _FROM_BEFORE.search(f.head) else None


# "87 today.", "98 at present,": the marker closes the figure's phrase ("rose by 27.5% and now makes up" is a new clause's)
_NOW_AFTER = re.compile(r"\s+(?:today|now|at\s+present|currently|presently)\s*(?:[,.;)]|$)", re.IGNORECASE)


@PERIOD.rule(("Revenue reached 58.2 billion yuan in 2025. Of the plan's 38 key indicators, [31] met or exceeded their targets.", None,
              "2026-02-10"),
             ("Revenue reached 58.2 billion yuan in 2025. Of the plan's [38] key indicators, 31 met their targets and 4 fell short.", None,
              "2026-02-10"),
             cues=key_words(word_lists("grammar")["indicator_nouns"]))
def tally_of_indicators(f: Figure):
    """A tally of a plan's indicators or goals by how they stand ('Of the plan's 36 key indicators, 29 met or exceeded
    their targets, 4 fell short and 3 were revised', 'Of the plan's 18 key indicators, 12 are on schedule')
    counts the plan's items, in any tense: no amount of a period, undated (eval/README: status counts of plan indicators
    have period null). The plan must be named: 'Of the 20 main indicators, 13 were on schedule' after 'In 2022, ...'
    goes on in the year narrated."""
    q = f.q
    if q.unit != "count" or q.kind == "target" or not _TALLY_OPENING.match(f.text, f.sentence.start):
        return SKIP
    return None


# "Of the plan's 42 main indicators,", "Of the 20 targets set,"
# "Of the plan's 42 main indicators,", "Of the 20 main indicators in the plan,": the plan's items, named as its
_TALLY_OPENING = re.compile(r"\W*Of\s+the\s+(?:plan[’']s\s+\d[\d,]*\s+(?:[a-z-]+\s+){0,2}?" + alternation("indicator_nouns")
                            + r"\b|\d[\d,]*\s+(?:[a-z-]+\s+){0,2}?" + alternation("indicator_nouns") + r"\s+(?:in|of)\s+the\s+plan\b)[^,;.]{0,40},")


@PERIOD.rule(("In 2022, GDP grew 5.6%. Of the 20 firms in the park, [13] are listed.", None),
             ("In 2022, GDP grew 5.6%. Of the [20] firms in the park, 13 are listed.", None),
             ("In 2021, revenue grew 9%. Around 9,000 people work there, and nearly [60%] of them are under 30.", None),
             ("In 2019, the park drew 2 million visitors. Its main hall is [80 percent] complete, about one-third of the plan.", None),
             ("In 2019, the park drew 2 million visitors. Its main hall is 80 percent complete, about [one-third] of the plan.", None),
             ("In 2019, the park drew 2 million visitors. Rents are about [20 percent] below those downtown.", None),
             ("Last year, output reached 98 billion yuan. About [60 percent] of the firms are in chip design.", None),
             ("Qiyun Robotics, founded in 2019, employs [180] people and completed a Series A round last year.", None),
             ("The valley has gathered more than [3,000] firms and produced 40% of the city's cosmetics in 2022.", None),
             ("The mall, which opened in 2020, has an occupancy rate of [92 percent].", None),
             ("In 2025, AI firms raised 4 billion yuan, and some [85,000] AI professionals work in the district.", None),
             ("In 2020, output grew. In the science city, five colleges teach more than [40,000] students.", None),
             ("In the past five years, our output has doubled. About [70 percent] of the output comes from chips.", None, "2024-03-05"),
             ("Over the past three years, it has drawn 35 headquarters. Trade and finance together account for more than [65 "
              "percent] of the district's output.", None, "2023-12-01"),
             cues=key_words(word_lists("grammar")["present_copulas"], _HOLDING_NOW, word_lists("grammar")["plural_present_verbs"],
                            word_lists("grammar")["present_share_verbs"], word_lists("grammar")["present_share_before"]))
def stated_in_the_present(f: Figure):
    """A figure that is the subject or complement of a verb in the present ('13 are on schedule', '70% of them are under
    35', 'Rents are about 15 percent below', and the whole a part of it is
    counted from: 'Of the 20 indicators, 13 are ...'; a share told beside such a figure: '700 homestays, about one-third
    of the city's') says how things stand now, not what happened in the period the text narrates: undated (eval/README:
    figures stated in the present tense with no time phrase have period null; a holding verb right before it, 'has 700
    homestays', is held_now's), though a second predicate after it names
    a time of its own ('employs 260 people and completed a round last year', 'has gathered 3,000 firms and produced 40%
    of the output in 2022'). Not a goal, nor where its own clause names a time."""
    q, text, start, own = f.q, f.text, f.sentence.start, f.own
    if _now_between(f.nows, start, q.start):
        return SKIP  # "grew 18 percent last year and now accounts for 40 percent": the rules of "now" read it
    if q.kind == "target" or _OF_WHICH.search(f.before) or _WHICH_IS.search(f.before):
        # "had built 46,300 piles, of which 31% are fast chargers", "reached 132 billion yuan, which is 1.6 times the 2020
        # figure": a part or a multiple of the figure before, in its period
        return SKIP
    if own is not None:
        # "Zijing Bio employs 260 people and completed a round last year": the time of a second predicate is not the first's
        second = own.start >= q.end and (_second_predicate_between(text, q.end, own.start) or _AND_AUXILIARY.search(text, q.end, own.start))
        return None if second and (_present_joined(text, q, start) or _PERFECT_BEFORE.search(f.clause_before)
                                   or _HOLDING_BEFORE.search(f.clause_before)) else SKIP
    if _present_joined(text, q, start):
        return None
    later = [f.quantities[j] for j in f.members if j > f.index]
    if later and _PARTITIVE_WHOLE.search(text, start, q.start) and _present_joined(text, later[0], start):
        return None  # "Of the 20 main indicators, 13 are on schedule"
    p = f.quantities[f.index - 1] if f.index and f.index - 1 in f.members else None
    if (p is not None and q.kind in ("share", "change") and _APPOSITION.fullmatch(text, p.end, q.start)
            and _present_joined(text, p, start)):
        return None  # "700 homestays, about one-third of the city's"
    return SKIP


def _present_joined(text: str, q: Quantity, sentence_start: int) -> bool:
    """Whether a verb in the present stands right before the figure ('has more than 700', 'are about 15 percent') or
    right after it ('13 are on schedule', '70% of them are under 35'), not an auxiliary of what is to come ('are to
    be', 'is expected to')."""
    return bool(_PRESENT_BEFORE.search(text, max(sentence_start, q.start - _PRESENT_REACH), q.start) or _PRESENT_AFTER.match(text, q.end)
                or _PLURAL_PRESENT_BEFORE.search(text, max(sentence_start, q.start - _PRESENT_REACH), q.start)
                or _PLURAL_PRESENT_AFTER.match(text, q.end)
                or (_SHARE_PRESENT_BEFORE.search(text, max(sentence_start, q.start - _PRESENT_REACH), q.start)
                    and not _OF_ITS.match(text, q.end) and not _OF_THIS_OPENING.match(text, sentence_start)))


_OF_WHICH = re.compile(r"\bof\s+(?:which|whom)\s+$")
_WHICH_IS = re.compile(r",\s*(?:which|that)\s+(?:is|are)\s+(?:" + alternation("approximators") + r"\s+)?$")
# the verb and what stands between it and the figure ("has an occupancy rate of about") are a few words
_PRESENT_REACH = 60
# "has more than 700", "are about 15 percent", "has an occupancy rate of 95 percent": a verb in the present, then the figure
# or what the figure measures of the subject
# (a holding verb right before the figure, "it has more than 700 homestays", is held_now's to read)
_PRESENT_BEFORE = re.compile(r"\b(?:(?:" + alternation("present_copulas") + r")\s+|(?:" + alternation("present_copulas") + "|" + "|".join(_HOLDING_NOW)
                             + r")\s+(?:an?|the)\s+(?:[a-z][\w-]*\s+){1,3}of\s+)(?:" + alternation("approximators") + r"\s+)?$")
# "together account for more than 70 percent", "now makes up a third": a share in the present
_SHARE_PRESENT_BEFORE = re.compile(r"\b" + alternation("present_share_before") + r"\s+(?:" + alternation("approximators") + r"\s+)?$")
# "account for about 45 percent of its revenue": a share of a figure told before, in its period
_OF_ITS = re.compile(r"\s+of\s+(?:its|their)\b", re.IGNORECASE)
# "Of this, output of strategic emerging industries accounts for 41.5%": a part of the figure before
_OF_THIS_OPENING = re.compile(r"\W*(?:Of|Among)\s+(?:this|these|that|them|which|it)\b")
_HOLDING_BEFORE = re.compile(r"\b(?:" + "|".join(_HOLDING_NOW) + r")\s+(?:" + alternation("approximators") + r"\s+)?$")
# "has gathered more than": the perfect, a state up to now
_PERFECT_BEFORE = re.compile(r"\b(?:has|have)\s+(?:[a-z]+ed|" + alternation("irregular_participles") + r")\s+(?:"
                             + alternation("approximators") + r"\s+)?$")
_AND_AUXILIARY = re.compile(r"\band\s+(?:is|are|will)\s")  # "... and is expected to open in 2024": a second predicate
# "13 are", "70% of them are", "About 60 percent of the firms are": the figure, or a part of things it counts, then the copula
_PRESENT_AFTER = re.compile(r"\s+(?:of\s+(?:" + alternation("partitive_pronouns") + r"|(?:the|its|their)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+)?"
                            + r"(?:" + alternation("present_copulas")
                            + r"\s+(?!" + alternation("not_a_state_after_copula") + r"\b)"  # ("is recruited from": a state; "is expected to": a plan)
                            + r"|" + alternation("present_share_verbs") + r"\s)")  # "70 percent of the output comes from chips"
# people counted, then what they do where in the present: "some 85,000 AI professionals work in Xuhui", "18,000 people live
# there"; and a plural subject doing it to the figure: "seven universities teach more than 80,000 students"
# (not a relative clause of the people counted: "4,000 nurses who work in the area were given ...": the main verb is past)
_PLURAL_PRESENT_AFTER = re.compile(r"\s+(?:(?!(?:who|that|which)\s)[a-zA-Z][\w-]*\s+){1,3}?" + alternation("plural_present_verbs")
                                   + r"\s+" + alternation("place_of_doing_words") + r"\b")
_PLURAL_PRESENT_BEFORE = re.compile(r"\b[a-z]{3,}s\s+" + alternation("plural_present_verbs") + r"\s+(?:" + alternation("approximators") + r"\s+)?$")
_PARTITIVE_WHOLE = re.compile(r"\W*Of\s+(?:the|its|their)\s+$")
_APPOSITION = re.compile(r"[^,;.]{0,40},\s*(?:" + alternation("approximators") + r"\s+)?")


@PERIOD.rule(("By the end of June the county had placed 9,000 graduates, three-quarters of its annual goal of [12,000].", "2023"),
             ("The county's annual growth target of [6 percent], set in March, now looks out of reach.", "2023"),
             ("In 2021, exports reached 40 billion yuan, beating the annual goal of [38 billion yuan].", "2021", "2022-02-10"),
             ("This year's target, agreed in February, is revenue of 40 billion yuan and [900] new firms.", "2023"),
             ("Growth reached 5.1 percent, short of the annual target of \"about [6 percent]\" set in March.", "2023"),
             cues=("annual", "year"))
def annual_goal(f: Figure):
    """A goal called annual ("its annual goal of 12,000", "the annual growth target of 5.5 percent, set in January") is
    the goal for a calendar year: the one the sentence tells of (a year or a part of it), else the year the text is
    written in; not the month or quarter of the report, nor the time the goal was set."""
    if f.q.kind != "target" or not (_ANNUAL_GOAL_BEFORE.search(f.before) or _ANNUAL_GOAL_SUBJECT.match(f.head)):
        return SKIP  # ("This year's target, agreed in February, is revenue of 40 billion yuan and ...")
    told = f.frame or f.carried
    if told is not None and told.period.start_year == told.period.end_year:
        return Period.year(told.period.end_year)
    return Period.year(f.year) if f.year is not None else SKIP


_ANNUAL_GOAL_SUBJECT = re.compile(r"\W*(?:[\w’'-]+\s+){0,4}?(?:annual|(?:this|the)\s+year[’']s)\s+(?:[a-z-]+\s+){0,2}?" + alternation("goal_nouns")
                                  + r"\b(?:\s*,[^,;.]{1,60},)?\s+(?:is|are)\s+(?:[^;.]|\.(?=\d))*$", re.IGNORECASE)
# (the goal may be quoted as it was set: 'the annual target of "around 5.5 percent"')
_ANNUAL_GOAL_BEFORE = re.compile(r"\b(?:annual|(?:this|the)\s+year[’']s)\s+(?:[a-z-]+\s+){0,2}?" + alternation("goal_nouns")
                                 + r"\s+(?:of\s+)?[\"“]?(?:" + alternation("approximators") + r"\s+)?$", re.IGNORECASE)


@PERIOD.rule(("This year the town will train at least [500] nurses, a goal it will keep for each of the next two years.", "2025",
              "2023-04-02"),
             ("In 2024 we will plant [20,000] trees, and again in each of the next three years.", "2027", "2024-01-15"),
             cues=("years",))
def goal_repeated_in_the_years_after(f: Figure):
    """A goal said to hold again in each of the years after ('a goal it will keep for each of the next two years', 'and
    again in each of the following three years') is due at the last of them: its own year (the one its clause
    names, else the text's) plus their number (eval/README: the same goal in each of the following years is due at the
    plan's end)."""
    if f.q.kind != "target":
        return SKIP
    m = _EACH_OF_THE_YEARS_AFTER.search(f.text, f.q.end, f.sentence.end)
    n = (int(m["n"]) if m["n"].isdigit() else _CARDINALS.get(m["n"].lower())) if m else None
    if n is None:
        return SKIP
    own = f.own.period if f.own is not None and not f.own.period.is_span else None
    base = own.end_year if own is not None else f.year
    return Period.year(base + n) if base is not None else SKIP


# "in each of the following two years", "for each of the next 3 years": a goal again, year after year
_EACH_OF_THE_YEARS_AFTER = re.compile(r"\b(?:in|for|during)\s+each\s+of\s+the\s+(?:following|next|coming)\s+(?P<n>\w+)\s+years\b", re.IGNORECASE)
_CARDINALS = word_lists("scales")["cardinals"]


@PERIOD.rule(("The mill will restart in May and should ship [80,000] tons of paper a year once its new kiln is lit in 2027.",
              "2027", "2025-02-10"),
             ("The clinic opens in June; it should see [400] patients a day once its second wing is finished next year.", "2026",
              "2025-02-10"),
             cues=("when", "once", "after", "upon"))
def date_of_its_own_event(f: Figure):
    """A goal timed by an event of its own that has a date ('80,000 tons of paper a year once its new kiln is lit in
    2027', 'when it reaches full capacity in 2027') is due then, though a nearer time before it dates a first step
    ('will restart in May and ...')."""
    q = f.q
    if q.kind != "target":
        return SKIP
    p = next((p for p in f.phrases if p.start >= q.end), None)
    if p is None or not _EVENT_CLAUSE_TO.fullmatch(f.text, q.end, p.start) or any(q.end <= o.start < p.start for o in f.quantities):
        return SKIP
    return p.period


# "... a month once the line runs at full speed in", "... a day once its second wing is finished": the event's clause, to its time
_EVENT_CLAUSE_TO = re.compile(r"[^,;.]{0,40}?\b" + alternation("event_time_conjunctions") + r"\s+(?:it|they|its|their|the|this|these)\s[^,;.]{0,60}", re.IGNORECASE)


@PERIOD.rule(("The port handled [4.1 million] containers in the first half of this year.", "2023-H1"),
             ("Exports reached [5 billion yuan] in 2022.", "2022"))
def own_clause(f: Figure):
    """A time phrase in the figure's own clause that no other figure claims dates it; not the time of the start of a
    series 'from A at the end of 2020 to B', which is A's (span_end reads B)."""
    if f.own is None or (f.own.goal and f.q.kind != "target"):
        return SKIP  # (not the year a goal names: "21 billion yuan last year, or 38% of its 2025 goal" is of last year)
    p = f.quantities[f.index - 1] if f.link == "to" and f.index else None
    if p is not None and p.end <= f.own.start and f.own.end <= f.q.start and _FROM_TIME_TO.fullmatch(f.text, f.own.end, f.q.start):
        return SKIP
    return f.own.period


_FROM_TIME_TO = re.compile(r"\s+to\s+(?:" + alternation("approximators") + r"\s+)?")  # "... at the end of 2020 to 34"


@PERIOD.rule(("Action Plan for Clean Heating (2025-2027)\n\nIssued June 2025\n\nBy the end of the plan period, heat pumps will "
              "supply [35 percent] of homes.", "2027", None),
             ("The county unveiled its Riverside Action Plan (2025-2027) on Monday. The area aims to draw [40] headquarters over "
              "the plan period.", "2027", "2025-03-10"),
             ("The ministry's plan for 2026-2030 was published in March. It will train [8,000] nurses during the plan period.",
              "2030", "2026-03-20"),
             ("The county has a plan to green its riverfront by 2027. Under it, [9,000] trees will be planted by the end of "
              "the plan period.", "2027", "2024-09-14"),
             ("The county's new plan, covering 2027 to 2029, was issued on Friday. By the end of the plan period, it will "
              "have [400] charging stations.", "2029", "2027-05-21"),
             ("The mayor set out goals for the 16th Five-Year Plan period. The 11th Five-Year Plan had stressed heavy "
              "industry. By the end of the plan period, services will make up [70 percent] of output.", "2035", "2031-02-11"),
             cues=("plan",))
def plan_period(f: Figure):
    """'By the end of the plan period', 'over the plan period', 'during the plan period': a goal is due at the end of the
    plan the text is (the span its title names) or the plan it last named with its years ('the Riverside Action Plan
    (2025-2027)', 'the plan for 2026-2030', 'the plan, covering 2027 to 2029', 'the 16th Five-Year Plan period'); not a
    plan already over, which a text may name in passing after the plan it tells of."""
    return _due_at_plan_end(f, _PLAN_PERIOD, numbered=True)


def _due_at_plan_end(f: Figure, cue: re.Pattern, numbered: bool = False):
    """The last year of the plan before the goal (plan_span_before; a Five-Year Plan named by its number too, with
    ``numbered``: 'the plan period' is one, where 'each year' may be any), for a goal whose sentence says ``cue`` ('over
    the plan period', 'each year'), or whose list's lead-in does ('In every year of the plan, the county shall:' over '-
    train 500 nurses;'); SKIP for another figure, a plan already over or none named."""
    if f.q.kind != "target" or not (cue.search(f.text, f.sentence.start, f.sentence.end) or cue.search(list_lead_in(f.text, f.q.start) or "")):
        return SKIP
    span = plan_span_before(f.ctx, f.q.start, f.year, numbered)
    return SKIP if span is None else Period.year(span.end_year)


_PLAN_PERIOD = re.compile(r"\b" + alternation("plan_end_prepositions", "plan_span_prepositions") + r"\s+(?:the\s+end\s+of\s+)?the\s+(?:plan\s+period|period\s+of\s+"
                          r"the\s+plan)\b", re.IGNORECASE)
_YEARS = r"((?:19|20)\d\d)\s*(?:-|–|—|to)\s*((?:19|20)\d\d)"
# "the North Bund Action Plan (2025-2027)", "the plan for 2026-2030", "a 2023-2025 action plan"
# "the plan, covering 2026 to 2028", "a plan that runs from 2027 to 2029"
_PLAN_WITH_YEARS = re.compile(r"\b[Pp]lan\b\s*(?:\(\s*|for\s+(?:the\s+(?:period|years)\s+)?|,?\s+(?:(?:which|that)\s+)?(?:covering|covers|spanning|spans|"
                              r"running|runs)\s+(?:the\s+years\s+)?(?:from\s+)?)" + _YEARS + r"|\b" + _YEARS + r"\s+(?:[A-Za-z-]+\s+){0,3}?[Pp]lan\b")
_FIVE_YEAR_PLAN = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)\s+Five-Year\s+Plan\b", re.IGNORECASE)  # "the 15th Five-Year Plan": 2026-2030
# "unveiled a plan to turn the Bund into a world-class business district by 2025": a plan named by its deadline
_PLAN_BY_YEAR = re.compile(r"\b[Pp]lan\s+to\s+[^.;]{1,100}?\bby\s+((?:19|20)\d\d)\b")


def plan_period_phrases(ctx: Context, start: int, end: int) -> list[TimePhrase]:
    """'by the end of the plan period', 'over the plan period' between ``start`` and ``end``, each as a time phrase of
    the last year of the plan it is (plan_span_before, a Five-Year Plan named by its number too): a milestone's
    deadline ('By the plan's last year, all four stations are to be in service'); none where the stretch tells of a thing
    done each year ('will hold the forum every year during the plan period': no one deadline)."""
    found = []
    if _RECURS.search(ctx.text, start, end):
        return found
    for m in _PLAN_PERIOD.finditer(ctx.text, start, end):
        span = plan_span_before(ctx, m.start(), ctx.year, numbered=True)
        if span is not None:
            found.append(TimePhrase(m.start(), m.end(), Period.year(span.end_year), closing=True, future=True))
    return found


def plan_span_before(ctx: Context, at: int, year: int | None, numbered: bool = False) -> Period | None:
    """The years of the plan a text is (its title's span), else of the plan it last names with its years before ``at``,
    or with its deadline ('a plan to make the old docks a design quarter by 2027': that year), or, with
    ``numbered``, by its number ('the 15th Five-Year Plan'); not one over before ``year`` (the text's), as a plan a
    review names in passing."""
    title = _title_span(ctx)
    if title is not None and title.is_span:
        return None if year is not None and title.end_year < year else title
    named = [span for _, end, span in _plans_named(ctx, numbered) if end <= at and (year is None or span.end_year >= year)]
    return named[-1] if named else None


def _plans_named(ctx: Context, numbered: bool) -> list[tuple[int, int, Period]]:
    """Where the text names a plan with its years or its deadline (or, with ``numbered``, a Five-Year Plan by its
    number), and those years, in the order of the text; found once a document."""
    key = "plans_named_numbered" if numbered else "plans_named"
    if key not in ctx.memo:
        found = []
        for m in _PLAN_WITH_YEARS.finditer(ctx.text):
            first, last = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
            if first < last:
                found.append((m.start(), m.end(), Period.years(int(first), int(last))))
        found += [(m.start(), m.end(), Period.year(int(m.group(1)))) for m in _PLAN_BY_YEAR.finditer(ctx.text)]
        if numbered:
            found += [(m.start(), m.end(), plan_named(m.group())) for m in _FIVE_YEAR_PLAN.finditer(ctx.text)]
        ctx.memo[key] = sorted(found, key=lambda named: named[0])
    return ctx.memo[key]


@PERIOD.rule(("Final Review of the 14th Five-Year Plan\n\nFebruary 2026\n\nSome [3,100] public toilets were rebuilt during "
              "the five years, short of the 3,600 planned.", "2021/2025", "2026-02-10"),
             ("Final Review of the 14th Five-Year Plan\n\nFebruary 2026\n\nThe district added [41] little giant firms over the "
              "period.", "2021/2025", "2026-02-10"), cues=("years", "period"))
def years_of_the_plan_reviewed(f: Figure):
    """In a text whose title names a plan and its years ('Final Review of the 14th Five-Year Plan'), 'during the five
    years', 'over the period' are the plan's years (up to now, in a review before its end): what was done then is of
    them."""
    q = f.q
    start, end = f.seg.clause_bounds(q.start)
    if q.kind == "target" or not _THE_PLAN_YEARS.search(f.text, max(start, f.sentence.start), min(end, f.sentence.end)):
        return SKIP
    span = _title_span(f.ctx)
    if span is None or f.year is None or not span.start_year < span.end_year or span.start_year > f.year:
        return SKIP
    return Period.years(span.start_year, min(f.year, span.end_year))


_THE_PLAN_YEARS = re.compile(r"\b" + alternation("plan_span_prepositions") + r"\s+(?:the|those)\s+(?:" + alternation("plan_length_numbers")
                             + r"\s+years|(?:plan\s+)?period)\b(?!\s+(?:of|from|to)\b)",
                             re.IGNORECASE)


@PERIOD.rule(("Work Report\n\nI. Review of 2020\n\nThe district grew fast in 2020.\n\nOver the five years, we planted [3,000] trees.",
              "2016/2020", "2021-01-10"),
             ("Work Report\n\nI. Review of 2023\n\nOutput grew in 2023. Over the past three years, exports doubled. The port drew "
              "[9 billion yuan] of investment over the period.", "2021/2023", "2024-01-15"), cues=("years", "period"))
def years_named_again(f: Figure):
    """'Over the five years', 'over the period' name again the years a review looks back on: the five years (or as many
    as 'the past three years' before it said) that end with the year its section or frame reports ('Review of 2020'),
    though the title names no plan: not the years up to the day the review is given."""
    q = f.q
    reported = next((p for p in (f.section, f.carried) if p is not None and not p.period.is_span), None)
    if q.kind == "target" or reported is None:
        return SKIP
    # (in the figure's clause, or opening its sentence: "Over the five years, we renovated ...")
    start, end = f.seg.clause_bounds(q.start)
    again = (_THE_PLAN_YEARS.search(f.text, max(start, f.sentence.start), min(end, f.sentence.end))
             or _OPENING_PLAN_YEARS.match(f.text, f.sentence.start, q.start))
    if again is None or (f.own is not None and not again.start() <= f.own.start < again.end()):
        return SKIP  # (a time of the clause's own that is not these words: "In 2020, ...")
    number = _YEARS_NUMBER.search(again.group(0)) or _PAST_YEARS.search(f.text, f.seg.sentences[max(0, f.sentence_index - 2)].start, again.start())
    years = _NUMBER_WORDS.get(number.group(1).lower()) if number else None
    last = reported.period.end_year
    return Period.years(last - years + 1, last) if years else SKIP


_OPENING_PLAN_YEARS = re.compile(r"\W*" + _THE_PLAN_YEARS.pattern, re.IGNORECASE)
_YEARS_NUMBER = re.compile(r"\b(" + alternation("plan_length_numbers") + r")\s+years\b", re.IGNORECASE)
_PAST_YEARS = re.compile(r"\b(?:past|last|previous)\s+(" + alternation("plan_length_numbers") + r")\s+years\b", re.IGNORECASE)
_NUMBER_WORDS = {"three": 3, "five": 5}


@PERIOD.rule(("The hydrogen port is scheduled to be completed in 2026, when it will house [100] companies.", "2026", "2025-02-18"),
             ("The expo opened in May 2021, when it drew [60,000] visitors.", "2021-05", "2021-09-01"),
             ("The mill is to reopen in 2025; when its second line is finished in 2028, it should ship [200,000] tons of paper "
              "a year.", "2028", "2024-04-10"),
             cues=("when", "once"))
def when_clause(f: Figure):
    """A clause opened by 'when' right after a time phrase ('completed in 2026, when it will house 100 companies') tells
    what holds at that time: its figures take it; so does the clause a 'when' or 'once' clause with a time of its own
    opens ('...; when it reaches full capacity in 2027, it is expected to turn out goods worth 3 billion yuan a year')."""
    q = f.q
    if f.own is not None:
        return SKIP
    before = [p for p in f.phrases if p.end <= q.start and (_WHEN_AFTER.match(f.text, p.end) or (
        _WHEN_OPENED.search(f.text[f.sentence.start:p.start]) and _ENDS_CLAUSE_BEFORE.fullmatch(f.text, p.end, q.start)))]
    if not before:
        return SKIP
    p = before[-1]
    if any(p.end <= o.start < q.start for o in f.phrases):
        return SKIP  # another time between: the figure's own
    return p.period


_WHEN_AFTER = re.compile(r"\s*,?\s*when\b(?![^,;.]*\?)")
# a clause of time opening the sentence or a clause after a semicolon, up to its time phrase: "...; when it reaches full
# capacity in"; then the clause it opens, to the figure: ", it is expected to turn out goods worth"
# (with its subject: "when it reaches", "once the plant is"; not "Once a fishing village in the 1980s", once = formerly)
_WHEN_OPENED = re.compile(r"(?:^|;\s*)(?:when|once)\s+(?:it|they|its|their|the|this|these)\s[^,;.]*$", re.IGNORECASE)
_ENDS_CLAUSE_BEFORE = re.compile(r"\s*,\s+[^,;.]*")


@PERIOD.rule(("In 2022, the city's output grew 5%. Minhang's output fell [3.1 percent] in the same period.", "2022"))
def same_period(f: Figure):
    """'in the same period' refers to the period of the figure just reported."""
    if f.same_period and f.last_dated and not f.phrases and f.q.kind != "target":
        return f.last_dated
    return SKIP


@PERIOD.rule(("In 2022, the district built 42 parks with a total area of [630,000 square meters].", "2022"))
def with_total(f: Figure):
    """'N things with a total area of X': the total is of the things counted, in their period."""
    p = f.quantities[f.index - 1] if f.index and f.index - 1 in f.members else None
    if p is not None and p.unit == "count" and p.period and _WITH_TOTAL.match(f.text, p.end, f.q.start):
        return p.period
    return SKIP


@PERIOD.rule(("In 2023, the park, spanning [1.48 square kilometers], hosted 300 firms.", None),
             ("In 2023, farmland occupied [15%] of the district.", None),
             ("From January to September, Zhujiajiao, a water town [20 km] from the venue, drew 6.3 million tourists.", None))
def extent(f: Figure):
    """How big or how far a thing is ('covers 2.6 km2', 'of the total area', '120 kilometers long', 'with a designed
    speed of', 'a water town 20 km from the venue') is no amount of a period: undated. A share a thing is to cover
    ('By 2026, fiber will cover 95 percent of homes') is a goal of coverage, due at its deadline."""
    text, q, start, i = f.text, f.q, f.sentence.start, f.index
    # "It is expected to cover 35 hectares": a size still to be reached is a goal, with the plan's deadline; "Sales of
    # commercial housing covered 386,000 square meters": the floor space sold, an amount of the period
    # (the extent patterns are tried only where the sentence holds a word each needs: an extent verb, or 'area')
    if ((q.kind != "target" and q.unit in EXTENT_UNITS and not _EXTENT_CUES.isdisjoint(f.sentence_words)
         and EXTENT_BEFORE.search(text, start, q.start) and not _AREA_SOLD.search(f.head))
            or _AREA_AFTER.match(text, q.end) or DIMENSION_ASIDE.match(text, q.end) or measure_aside(text, q, start)
            or (not _SPECIFICATION_CUES.isdisjoint(f.sentence_words) and _SPECIFICATION.search(text, start, q.start)  # not "126 projects, with a total investment of"
                and not any(j < i and f.quantities[j].unit == "count" for j in f.members))
            or (q.unit == "percent" and q.kind != "target" and not _EXTENT_VERB_CUES.isdisjoint(f.sentence_words)
                and EXTENT_VERB_BEFORE.search(text, start, q.start))
            or (q.unit in ("km", "m") and _DISTANCE_FROM.match(text, q.end))):  # "a town 20 km from the venue": a distance
        return None
    return SKIP


_EXTENT_VERB_CUES = key_words(word_lists("grammar")["extent_verbs"])  # one of which every match of EXTENT_VERB_BEFORE holds
_EXTENT_CUES = _EXTENT_VERB_CUES | {"area"}  # ... and of EXTENT_BEFORE
_AREA_SOLD = re.compile(r"\b" + alternation("sales_nouns") + r"\b[^,;.]{0,50}$", re.IGNORECASE)
_DISTANCE_FROM = re.compile(r"\s+(?:away\s+)?from\s", re.IGNORECASE)


@PERIOD.rule(("In 2021, output grew. The academy trains at least [1,500] nurses each year.", None),
             ("Lumio, which opened a factory in 2021, makes about [40,000] lenses a month.", None),
             ("In 2024, the line opened. Each weekday, some [9,000] passengers ride it.", None))
def habitual(f: Figure):
    """What a place does each year or month ('trains 3,000 workers each year', 'ships 60,000 wafers a month', 'Each
    weekday, some 9,000 passengers ride it'), said in a sentence that names no time of its own (a date in an aside
    names the thing's), is habitual: undated."""
    q = f.q
    if q.kind == "level" and f.own is None and all(p in f.asides for p in f.phrases) and (
            _HABITUAL.match(f.text, q.end) or _HABITUAL_OPENING.match(f.text, f.sentence.start, q.start)):
        return None
    return SKIP


_HABITUAL_OPENING = re.compile(r"\W*(?:each|every)\s+(?:week)?(?:" + alternation("habit_units") + r"),\s", re.IGNORECASE)


@PERIOD.rule(("In 2023, the district aims to double its listed firms from [15] to 30 by 2025.", None),
             ("By 2030, the district plans to host more than 120 regional headquarters, up from [98] at present.", None),
             ("Work Report\n\nI. Review of 2022\n\nThe district had 61 listed firms at the end of the year.\n\nII. Tasks\n\n"
              "We aim to raise the number of listed firms from [61] to 70.", "2022", "2023-01-12"))
def goal_start(f: Figure):
    """The level a goal starts from ('from 15 to 30 by 2025', '120 headquarters, up from 98') is today's, which the text
    does not date, unless it told that very level before with its time ('61 listed firms at the end of the year')."""
    nxt = f.quantities[f.index + 1] if f.index + 1 < len(f.quantities) else None
    if f.link == "from" and nxt is not None and nxt.kind == "target":
        return _told_before(f)
    p = f.quantities[f.index - 1] if f.index and f.index - 1 in f.members else None
    return _told_before(f) if p is not None and p.kind == "target" and f.q.kind == "level" and GOAL_BASE_GAP.match(f.text, p.end, f.q.start) else SKIP


def _told_before(f: Figure) -> Period | None:
    """The period of the same level told earlier in the text (the same value in the same unit, dated: '... bringing the
    number of listed companies to 46 at the end of the year', then 'raise the number from 46 to 50'), else None."""
    q = f.q
    return next((o.period for o in reversed(f.quantities[:f.index]) if o.value == q.value and o.unit == q.unit and o.kind == "level"
                 and o.period is not None), None)


@PERIOD.rule(("Over the past five years, output grew from [113.9 billion yuan] to 183.2 billion yuan.", "2019"))
def span_start(f: Figure):
    """Where a series 'from A to B' over a span of years starts is the span's first year."""
    frame = f.frame or f.carried
    return Period.year(frame.period.start_year) if f.link == "from" and frame and frame.period.is_span else SKIP


@PERIOD.rule(("Over the past five years, output grew from 113.9 billion yuan to [183.2 billion yuan].", "2023", "2023-12-20"),
             ("Between 2019 and 2024, office space grew from 1.1 million to [1.6 million square meters].", "2024", "2025-11-20"))
def span_end(f: Figure):
    """Where a series 'from A to B' over a span of years ends is the span's last year."""
    frame = f.frame or f.carried
    return Period.year(frame.period.end_year) if f.link == "to" and frame and frame.period.is_span and f.q.kind in ("level", "share") else SKIP


@PERIOD.rule(("Last year, the sector grew 18 percent and now accounts for nearly [40 percent] of output.", None))
def now_after_frame(f: Figure):
    """'now' between the sentence's time phrase and the figure: the figure is of now, which the text does not date."""
    frame = f.frame
    if frame is None or frame.end > f.q.start or not _now_between(f.nows, frame.end, f.q.start):
        return SKIP
    # not a "now" of an aside closed before the figure: "In 2023 the riverside, where 156 firms now pay tax, generated 6.7
    # billion yuan": the main clause keeps the frame
    last_now = max(n for n in f.nows if frame.end <= n < f.q.start)
    opener = None
    for opener in _RELATIVE_OPENER.finditer(f.text, frame.end, last_now):
        pass
    inside = opener is not None and not _ASIDE_CLOSED.search(f.text, opener.end(), last_now)
    return SKIP if inside and _ASIDE_CLOSED.search(f.text, last_now, f.q.start) else None


@PERIOD.rule(("Mid-term Review of the 14th Five-Year Plan\n\nIssued September 12, 2023\n\nIn 2022, exports grew 4.3%, against "
              "the plan's expected [6%] per year.", "2025", None),
             ("Mid-term Review of the 14th Five-Year Plan\n\nIssued September 12, 2023\n\nThe plan aims to add [5,000] beds over "
              "the five years.", "2025", None),
             ("Progress of the Three-Year Action Plan (2024-2026)\n\nIssued March 12, 2025\n\nOutput lagged behind the expected "
              "[8%].", "2026", None),
             ("Final Review of the 14th Five-Year Plan\n\nFebruary 2026\n\nIn rural areas, only 71 percent of the planned "
              "[90] bridges have been completed.", "2025", "2026-02-10"),
             ("Mid-term Review of the 14th Five-Year Plan\n\nIssued May 9, 2024\n\nIt has built 9 of the [16] new clinics in the "
              "plan.", "2025", None),
             cues=key_words(word_lists("grammar")["plan_reference_words"], ["planned"]))
def goal_of_the_plan_reviewed(f: Figure):
    """In a text whose title names a plan and its years ('Mid-term Review of the 14th Five-Year Plan', '... Action Plan
    (2024-2026)'), a goal said to be the plan's ('the plan's expected 7% per year', 'The plan aims to add 5,000 beds',
    'the expected 8%', 'the five-year reduction goal', 'short of the 5,000 planned', 'the planned 120 projects') with no
    deadline of its own is due at the plan's end, whatever past year the sentence reports on; so in a final review early
    in the year after the plan's last."""
    q = f.q
    if q.kind != "target" or f.own is not None or any(_ends_after(p, f.year) for p in f.phrases):
        return SKIP
    frame = f.frame or f.carried
    if frame is not None and not frame.since and (f.year is None or frame.period.end_year >= f.year):
        return SKIP  # a deadline of this year or later that the sentence sets: its own ("By 2024, ...")
    span = _title_span(f.ctx)
    if span is None or (f.year is not None and span.end_year < f.year - 1):
        return SKIP  # (a final review, early in the year after the plan's last, still weighs its goals)
    if not (_PLAN_WORDS.search(f.clause_before) or _PLANNED_BEFORE.search(f.head)
            or _PLANNED_AFTER.match(f.text, q.end) or SET_IN_THE_PLAN.match(f.text, q.end)):
        return SKIP
    return Period.year(span.end_year)


@PERIOD.rule(("Three-Year Action Plan for Rural Roads (2025-2027)\n\nIssued April 3, 2025\n\nThe county will resurface [600] "
              "kilometers of lanes over the three years.", "2027", None),
             cues=("years",))
def years_of_the_plan(f: Figure):
    """A goal to be met 'over the three years', 'during the five years', in a plan whose years are that many ('Three-Year
    Action Plan ... (2025-2027)', or the plan named last with its years) is due at the plan's end: the years are the
    plan's, not ones looked back on."""
    if f.q.kind != "target":
        return SKIP
    m = _THE_N_YEARS.search(f.text, f.sentence.start, f.sentence.end)
    n = (int(m["n"]) if m["n"].isdigit() else _CARDINALS.get(m["n"].lower())) if m else None
    span = plan_span_before(f.ctx, f.q.start, f.year) if n else None
    if span is None or span.end_year - span.start_year + 1 != n:
        return SKIP
    return Period.year(span.end_year)


# "over the three years", "during these five years": a number of years with no 'past' or 'next', a plan's
_THE_N_YEARS = re.compile(r"\b(?:over|during|in|within|across|throughout)\s+(?:the|these)\s+(?P<n>\w+)\s+years\b(?!\s+(?:ago|before|earlier|since)\b)",
                          re.IGNORECASE)


# "the planned 120 projects", "short of the 5,000 planned": the figure a plan set
_PLANNED_BEFORE = re.compile(r"\bthe\s+planned\s+$", re.IGNORECASE)
_PLANNED_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?planned\b(?!\s+(?:to|for|in|by)\b)")


_PLAN_WORDS = re.compile(r"\b" + alternation("plan_reference_words") + r"(?![\w-])", re.IGNORECASE)


@PERIOD.rule(("The lake town received 4.2 million visitors in 2021, and it has more than [300] inns.", None),
             ("The lake town received 4.2 million visitors in 2021, and it has 300 inns, about [one-fifth] of the city's.", None),
             cues=_HOLDING_NOW)
def held_now(f: Figure):
    """What a clause of its own says a thing has or hosts in the present ('..., and it has more than 700 homestays'),
    with no time of its own and none opening the sentence, is what it holds now: the time told in an earlier clause
    ('received 6.56 million visitors in 2019') is not its, nor that of the share or change told right after it."""
    q, i = f.q, f.index
    if f.own is not None or f.frame is not None:
        return SKIP
    if q.kind in ("share", "change") and i - 1 in f.members and f.quantities[i - 1].why.get("period") == "period.held_now":
        return None  # "..., it has more than 700 homestays, about one-third of all rural guesthouses": of the same now
    return None if q.kind == "level" and _HELD_NOW_BEFORE.search(f.clause_before) else SKIP


_HELD_NOW_BEFORE = re.compile(r"\b(?:" + "|".join(_HOLDING_NOW) + r")\s+(?:" + alternation("holding_approximators") + r"\s+)?$")


@PERIOD.rule(("Since 2015, the county has closed 230 mills, and its ozone concentration fell to 140 micrograms per cubic "
              "meter in 2019, down [3 percent] year on year.", "2019", "2020-06-01"),
             cues=key_words(["up", "down"], word_lists("grammar")["appended_change_nouns"]))
def change_of_the_dated_figure(f: Figure):
    """A change told right after a figure, set off by a comma ('fell to 140 micrograms per cubic meter in 2019, down 18
    percent from 2016'), is that figure's change: it takes the time the figure's own clause names, not the frame that
    opens the sentence ('Since 2016, ...')."""
    q, i = f.q, f.index
    p = f.quantities[i - 1] if i and i - 1 in f.members else None
    if (q.kind != "change" or p is None or p.kind == "target" or p.period is None or p.why.get("period") != "period.own_clause"
            or f.frame is None or f.frame.period == p.period  # (with no other frame, same_as_figure_before gives it)
            or not _CHANGE_TOLD_AFTER.fullmatch(f.text, p.end, q.start)):
        return SKIP
    return p.period


# ", down", ", up by", ", an increase of": a change set off after the figure it is of
_CHANGE_TOLD_AFTER = re.compile(r"[^,;.]{0,40},\s*(?:up|down|an?\s+(?:" + alternation("appended_change_nouns") + r")\s+of)\s+(?:by\s+)?")


@PERIOD.rule(("Mid-term Review of the 14th Five-Year Plan\n\nIssued September 12, 2023\n\nSince the plan began, the county "
              "has added [2,300] charging piles.", "2021/2023", None),
             ("Mid-term Review of the 14th Five-Year Plan\n\nIssued September 12, 2023\n\nSince the plan was launched, 12 parks have "
              "opened, or [60%] of the 20 planned.", "2021/2023", None), cues=("since",))
def since_the_plan_began(f: Figure):
    """In a text whose title names a plan and its years ('Mid-term Review of the 14th Five-Year Plan'), 'since the plan
    began' names the years from the plan's first to now: what has been done since is of those years."""
    q = f.q
    if q.kind == "target" or not _SINCE_THE_PLAN.search(f.text, f.sentence.start, q.start):
        return SKIP
    span = _title_span(f.ctx)
    if span is None or f.year is None or not span.start_year <= f.year:
        return SKIP
    return Period.years(span.start_year, min(f.year, span.end_year))


_SINCE_THE_PLAN = re.compile(r"\bsince\s+the\s+(?:start\s+of\s+the\s+)?plan(?:\s+" + alternation("plan_start_verbs") + r")?\b",
                             re.IGNORECASE)


@PERIOD.rule(("The battery plant begins test runs in October; at full capacity it should produce [8 GWh] of cells a year.", None,
              "2025-05-01"),
             cues=("full", "once", "when", "upon", "after"))
def at_an_event_of_its_own(f: Figure):
    """A goal in a clause opened by an event of its own with no date ('...; at full capacity it should produce 8 GWh of
    cells a year', 'once fully operational, it will ...') is due when that happens, not at the time of the
    milestone told before it: undated."""
    if f.q.kind != "target":
        return SKIP
    m = _OWN_EVENT_OPENING.search(f.head)
    if m is None or any(p.start >= f.sentence.start + m.start() and p.end <= f.q.start for p in f.phrases):
        return SKIP
    return None


# "...; at full capacity it is expected to", "once fully operational, the plant will": a clause opened by an undated event
_OWN_EVENT_OPENING = re.compile(r"(?:^|[;:]\s*|,\s*)(?:at\s+full\s+(?:capacity|production|operation)|" + alternation("event_time_conjunctions")
                                + r"\s+(?:it\s+is\s+|they\s+are\s+|its\s+)?(?:fully\s+)?" + alternation("event_time_states")
                                + r")\b[^;:]*$", re.IGNORECASE)


@PERIOD.rule(("The tram line is due to open in mid-2028. Its depot is expected to serve [300] trams once the line opens.", "2028",
              "2027-01-15"),
             ("The city's first lantern festival opens in February 2025. Organizers hope [80,000] people will come during the "
              "festival.", "2025-02", "2024-09-10"),
             cues=("once", "when", "after", "upon", "during"))
def when_the_thing_told_opens(f: Figure):
    """A goal timed by an event after it ('is expected to serve 300 trams once the line opens', 'hope 80,000 people
    will come during the festival') is due at that event, when the text has told its time before ('The tram line is due
    to open in mid-2028', 'The city's first lantern festival opens in February 2025')."""
    if f.q.kind != "target":
        return SKIP
    m = _EVENT_AFTER.match(f.rest)
    if m is None:
        return SKIP
    if m.group(1):  # the verb's forms ("opens": open, opened, reopen), not words that share its first letters ("company")
        verb = _EVENT_VERB_FORMS[next(stem for stem in _EVENT_VERB_FORMS if m.group(1).lower().startswith(stem))]
    else:  # "during the 43-day expo": the time told for the expo ("The Expo will open on the island in May 2021")
        verb = re.compile(r"\b" + re.escape(m.group(2)) + r"\b", re.IGNORECASE)
    memo = f.ctx.memo.setdefault("sentence_time_phrases", {})  # (each sentence's phrases found once a document)
    for k in range(f.sentence_index - 1, max(-1, f.sentence_index - _EVENT_REACH), -1):
        told = f.seg.sentences[k]
        body = f.text[told.start:told.end]
        at = verb.search(body)
        if at is None:
            continue
        if k not in memo:
            memo[k] = find_time_phrases(body, f.year)
        after = [p for p in memo[k] if p.start >= at.end() and not p.since]
        if after and after[0].start - at.end() <= _EVENT_TIME_REACH:
            return after[0].period
    return SKIP


_EVENT_VERB_FORMS = {
    "open": re.compile(r"\b(?:re)?open(?:s|ed|ing)?\b", re.IGNORECASE),
    "complet": re.compile(r"\bcomplet(?:e|es|ed|ing|ion)\b", re.IGNORECASE),
    "finish": re.compile(r"\bfinish(?:es|ed|ing)?\b", re.IGNORECASE),
}


# the event a goal waits for, named after it: "... a year once the link opens", "... when it is completed"
_EVENT_AFTER = re.compile(r"[^,;.]{0,40}?\b(?:(?:once|when|after|upon)\s+(?:the\s+|its\s+|it\s+)?(?:[\w-]+\s+){0,3}?(?:is\s+)?"
                          r"(opens|opened|completed|completes|finished)\b"
                          # "... visitors during the 43-day expo": an event named, not a stretch of time
                          r"|during\s+the\s+(?:[\w-]+\s+){0,2}?(?!" + alternation("stretch_nouns") + r"\b)([a-z]{3,})(?=\s*[.,;]))", re.IGNORECASE)
_EVENT_REACH = 6  # the sentences looked back over for the event's time
_EVENT_TIME_REACH = 30  # "slated to open [at the end of 2027]": the time right after the verb


@PERIOD.rule(("In 2022, the district's output grew, and its exports, with the help of new firms, reached "
              "[5 billion yuan].", "2022"),
             ("By 2027, we will:\n- raise exports to 40 billion yuan;\n- attract [30] headquarters.", "2027"),
             ("The county's goals for 2026, endorsed by its congress in January, are as follows:\n- growth of [5 percent];\n"
              "- 3,000 new jobs.", "2026", "2026-03-10"),
             ("The town's goal for this year, set in February, is to plant [400] hectares of forest.", "2025", "2025-06-02"))
def sentence_frame(f: Figure):
    """A time phrase that opens the sentence before its first figure dates the sentence's figures; not a share appended to
    a figure its own time phrase dates ('Over the last four years, sales rose ..., hitting 9 billion yuan in 2024,
    almost one-quarter of the county's sales': a share of that year's output); nor those of a later item of a list
    (the items of a list, run together as one sentence, are each a statement of its own). A time in an aside is not
    the sentence's: when a goal was set ('the county's goals for 2026, endorsed by its congress in January, are as follows:')
    leaves the goal's own year to open it."""
    if f.frame is None:
        return SKIP
    p = f.quantities[f.index - 1] if f.index and f.index - 1 in f.members else None
    if (f.q.kind == "share" and p is not None and p.period is not None and p.why.get("period") == "period.own_clause"
            and _APPENDED_AFTER_ITS_TIME.fullmatch(f.text, p.end, f.q.start)):
        return SKIP
    if _in_an_earlier_item(f, f.frame):
        return SKIP  # (a time in the lead-in, "By 2027, we will:", dates every item)
    if f.q.kind == "target" and _DATA_BASIS_BEFORE.search(f.text, f.sentence.start, f.frame.start):
        return SKIP  # "Judging from the first two months, the office expects ...": the data's time, not the forecast's
    return f.frame.period


# what a forecast is based on, then the time of the data: "Based on data for", "Judging from the figures of"
_DATA_BASIS_BEFORE = re.compile(r"\b" + alternation("basis_leads") + r"\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?" + alternation("data_nouns")
                                + r"\s+(?:for|of|from|in|on)\s+(?:the\s+)?$", re.IGNORECASE)
_APPENDED_AFTER_ITS_TIME = re.compile(r"[^,;]{1,40},\s+(?:[a-z]+\s+){0,2}")  # "... in 2021, more than one-third"
_LIST_ITEM = LIST_ITEM_LINE
_LIST_ITEM_BREAK = re.compile(r"\n" + _LIST_ITEM.pattern)


def _later_deadline(f: Figure):
    # (this year too, when a verb of the future stands between: "35 projects, with ..., will start construction this year")
    # (not a time of a later item of a list run together as one sentence: "- ... 18 km of roads;\n- ... in the fourth quarter")
    # (nor the time of a base after it: "is to grow to 120, from 86 at the end of 2023")
    return next((p for p in f.phrases if p.start >= f.q.end and not _LIST_ITEM_BREAK.search(f.text, f.q.end, p.start)
                 and not _dates_a_base(f.text, p, f.quantities, f.members, f.sentence.start) and (
        p.future or p.closing or _ends_after(p, f.year) or (
        f.year is not None and p.period.end_year == f.year and not p.period.is_span and _FUTURE_BETWEEN.search(f.text, f.q.end, p.start)
        and not _CLAUSE_JOIN_BETWEEN.search(f.text, f.q.end, p.start)))), None)


_FUTURE_BETWEEN = re.compile(r"\b" + alternation("new_clause_verbs") + r"\b")  # (will, shall; is, are: "is due to")
# "..., and construction is expected to start in the third quarter of this year": another clause's time
_CLAUSE_JOIN_BETWEEN = re.compile(r"[,;]\s+(?:and|but|while|whereas)\b|;")


@PERIOD.rule(("The office expects sales to rise 4 percent in the third quarter, with exports expected at about [7 billion yuan], "
              "and the port's cargo to top 90 million tons for the full year.", "2023-Q3"),)
def with_phrase_of_a_goal(f: Figure):
    """A goal in a phrase of 'with' after a goal dated by its own clause ('expects sales to rise 4 percent in the third
    quarter, with exports expected at about 7 billion yuan') tells of the same time: the phrase adds to what the clause foresees; a
    time said after it is a later clause's ('..., and cargo to top 90 million tons for the full year')."""
    q, i = f.q, f.index
    p = f.quantities[i - 1] if i and i - 1 in f.members else None
    if q.kind != "target" or p is None or p.kind != "target" or p.period is None or p.why.get("period") != "period.own_clause":
        return SKIP
    return p.period if _WITH_PHRASE_BETWEEN.fullmatch(f.text, p.end, q.start) else SKIP


# "... in the spring, with port calls up by about": the rest of the goal before, a comma, then 'with'
_WITH_PHRASE_BETWEEN = re.compile(r"[^,;.]{0,60},\s*with\s+[^,;.]{1,60}")


@PERIOD.rule(("Construction of the tower, expected to reach [320 meters], will be completed in 2025.", "2025"))
def later_deadline(f: Figure):
    """A goal takes a deadline said after it in its sentence ('is expected to be topped out in 2025')."""
    p = _later_deadline(f) if f.q.kind == "target" else None
    return p.period if p is not None else SKIP


@PERIOD.rule(("The district plans to invest 60 billion yuan by 2025, including a railway that will cut travel time "
              "to [32 minutes].", "2025"),
             ("Sales are to reach 45 billion yuan by 2027, and chain stores are to grow to [300], from 210 at the end of 2023.",
              "2027", "2024-05-10"))
def earlier_deadline(f: Figure):
    """A goal takes the deadline said before it in its sentence by an earlier goal ('plans to invest ... by 2025,
    including a railway that will cut ...'); not one that ends the first of a list of predicates ('We will complete the
    renovation of 50,000 square meters by the end of June, open 3 parks, and build 1,000 homes'), which is that one's."""
    if f.q.kind != "target":
        return SKIP
    earlier = [p for p in f.phrases if p.end <= f.q.start and (p.future or p.closing)
               and not _ends_first_of_listed_predicates(f.text, f.sentence.start, p) and not _in_an_earlier_item(f, p)]
    return earlier[-1].period if earlier else SKIP


def _in_an_earlier_item(f: Figure, p: TimePhrase) -> bool:
    """The time phrase is inside an earlier item of a list that the figure's item follows ("- 8 new schools will open in
    September;\n- At least 1,200 homes will be delivered"): that item's time, not this one's (a time in the lead-in,
    "By 2027, we will:", is every item's)."""
    return bool(_LIST_ITEM_BREAK.search(f.text, p.end, f.q.start)) and bool(_LIST_ITEM.match(f.text, f.text.rfind("\n", 0, p.start) + 1))


@PERIOD.rule(("The district is building [100-billion-yuan] science parks with universities.", None),
             ("In the first half, exports grew 9 percent. A new [2-billion-yuan] trade portal made its first sales.", None))
def adjectival_measure(f: Figure):
    """A measure used as an adjective ('100-billion-yuan science parks', 'a 56.4-km railway link') describes a thing: undated;
    not a mark passed ('crossing the 100-billion-yuan threshold')."""
    q = f.q
    if q.kind != "target" and _ADJECTIVAL_MEASURE.search(q.text) and _WORD_AFTER_MEASURE.match(f.text, q.end) \
            and not _MARK_AFTER.match(f.text, q.end):
        return None
    return SKIP


# "crossing the 100-billion-yuan mark": a level passed at a time, not the size of a thing
_MARK_AFTER = re.compile(r"[ -]" + alternation("mark_nouns") + r"\b")


@PERIOD.rule(("Final Review of the 14th Five-Year Plan\n\nFebruary 2026\n\nIII. Livelihood\n\nPer capita spending came to "
              "51,800 yuan, growing [4.6 percent] annually on average.", "2021/2025", "2026-02-10"),
             cues=key_words(word_lists("grammar")["average_rate_words"]))
def average_over_the_plan_reviewed(f: Figure):
    """In a review of a plan that has ended, an average annual growth told with no time of its own ('growing 5.1 percent
    annually on average') is over the plan's years, not of its last year."""
    q, carried, plan = f.q, f.carried, f.ctx.memo.get("ended_plan")
    if (q.kind != "change" or plan is None or f.own is not None or f.frame is not None or carried is None
            or carried.end != 0 or not (_AVERAGE_RATE_BEFORE.search(f.head) or _AVERAGE_RATE_AFTER.match(f.text, q.end))):
        return SKIP
    return plan


# "5.1 percent annually on average", "4.9% a year on average"
_AVERAGE_RATE_AFTER = re.compile(r"\s+(?:annually|a\s+year|per\s+year|each\s+year)\s+on\s+average\b", re.IGNORECASE)


@PERIOD.rule(("Its revenue reached 14.42 billion yuan in the first half of 2023, a rise of [25.7%].", "2023-H1"),
             ("Over the last four years, drone sales rose 14 percent a year, hitting 9 billion yuan in 2024, almost [one-quarter] "
              "of the county's machinery sales.", "2024", "2025-02-01"))
def same_as_figure_before(f: Figure):
    """A change, share or multiple after a figure of its sentence ('..., an increase of 9.1%') shares that figure's
    period; a goal shares a goal's deadline, unless the goal before had its own at the end of the first of a list of
    predicates ('complete 50,000 square meters by the end of June, open 3 parks, ...'). Not across 'now'."""
    q, i = f.q, f.index
    p = f.quantities[i - 1] if i and i - 1 in f.members else None
    if (p is not None and (q.kind in ("change", "share", "target") or q.unit == "times") and p.period
            and (q.kind != "target" or p.kind == "target") and not _now_between(f.nows, p.end, q.start)):
        if q.kind == "target" and any(_ends_first_of_listed_predicates(f.text, f.sentence.start, t)
                                      for t in f.phrases if p.end <= t.end <= q.start):
            return SKIP
        return p.period
    return SKIP


@PERIOD.rule(("Exports reached 3 billion yuan and imports 2 billion yuan in 2023, and the district had [1,200] trading firms.", "2023"))
def time_so_far(f: Figure):
    """The last time phrase said so far in the sentence dates a later figure, unless it dates a base ('up from 1,040
    in 2019'), an aside of the present or of a founding ('The park, which was set up in 2016, contributed ...': when
    the thing began, not when the figure was), or is a deadline."""
    if f.q.kind == "target":
        return SKIP
    so_far = [p for p in f.phrases if p.end <= f.q.start and not _ends_after(p, f.year) and not _now_between(f.nows, p.end, f.q.start)
              and not _dates_a_base(f.text, p, f.quantities, f.members, f.sentence.start)
              and not _BASE_BEFORE.search(f.text, max(f.sentence.start, p.start - _BASE_REACH), p.start)
              and not ((f.present or _FOUNDING_ASIDE.search(f.text, max(f.sentence.start, p.start - _ASIDE_REACH), p.start)
                        or _FOUNDING_OPENING.match(f.text, f.sentence.start, p.start)) and p in f.asides)]
    return so_far[-1].period if so_far else SKIP


@PERIOD.rule(("Work Report\n\nII. Main targets for 2024\n\nGrowth of 5 percent.\n\nIII. Long-Range Goals\n\nBy 2027, the county will:\n\n"
              "- plant [9,000] hectares of forest;\n- open 12 clinics.", "2027", None),
             ("Report on the Work of the Government\n\nI. Review of 2023\n\nGDP grew.\n\nII. Goals of the Plan\n\nBy the end of 2026, "
              "the town will:\n\n1. raise its revenue to [8 billion yuan];\n2. add 40 parks.", "2026", None))
def goal_list_lead(f: Figure):
    """A goal in a list whose lead-in names a time still to come ('By 2027, the county will:') is due then, whatever the
    heading over the list: the nearest lead of a goal wins over a section's ('Main targets for 2024' before it, or a
    heading that names a plan and no time, read as the report's year)."""
    if f.q.kind != "target":
        return SKIP
    lead = list_lead_in(f.text, f.q.start)
    if not lead:
        return SKIP
    times = [p for p in find_time_phrases(lead, f.year) if not p.since]
    if not times or (f.year is not None and times[-1].period.end_year < f.year):
        return SKIP
    return times[-1].period


@PERIOD.rule(("Work Report\n\nII. Main targets for 2024\n\nWe will create [45,000] new jobs.", "2024", None),
             ("Work Report\n\nKey tasks for next year\n\nThe district plans to add [150] high-tech enterprises.", "2024"),
             ("Report on the Work of the Jinshan District Government\n\nI. Review of Our Work in 2023\n\nGDP grew.\n\n"
              "II. Major Tasks\n\nWe will build [1,200] homes.", "2024", None),
             ("Report on the Work of the Government\n\nI. Review of Our Work in 2025\n\nGDP grew.\n\nII. Targets through 2028\n\n"
              "Port cargo is to top [900 million tons].", "2028", None))
def goal_heading(f: Figure):
    """A goal under a heading that names a plan and its time ("Main targets for 2024", "Key tasks for next year") has
    that time as its deadline, unless the time is already past."""
    section = f.section
    if f.q.kind == "target" and section is None:  # a plan's heading naming no time: in a work report, the year planned
        deadline = plan_deadline(f.ctx, f.q.start)
        return deadline if deadline is not None else SKIP
    if f.q.kind != "target" or section is None or not _GOAL_HEADING.search(f.section_heading):
        return SKIP
    if f.year is not None and section.period.end_year < f.year:
        return SKIP
    return section.period


@PERIOD.rule(("In the first half of this year, GDP grew 9.1%. The district's revenue reached [14.42 billion yuan].", "2023-H1"),
             ("Work Report\n\nI. Review of the Work in 2023\n\nThe economy recovered. The district's revenue reached [25.9 billion yuan].",
              "2023", None),
             ("In the first half of this year, GDP grew 9.1%. Output came to [412.8 billion yuan], and the sector now makes up "
              "one-third of it.", "2023-H1"))
def carried_frame(f: Figure):
    """The time frame set by an earlier sentence of the paragraph carries into the sentences that continue it; a goal
    takes a deadline from it only when it is still to come (this year's too), never a past period or a span up to now."""
    carried = f.carried
    if f.nows and (f.nows[0] < f.q.start or not _TURNS_TO_NOW.search(f.text, f.q.end, f.nows[0])):
        # "... and now makes up one-third": what holds now, not in the frame narrated before; nor a figure of the clause
        # a "now" contrasts ("A line that needed 60 workers now needs 12": an undated before)
        return SKIP
    if carried is not None and (f.q.kind != "target" or (_ends_after(carried, f.year, this_year=True) and not carried.since
                                                         and (carried.future or carried.period.granularity == "year"))):
        if _STANDS_AT.search(f.clause_before) and carried.period.is_span and carried.period.granularity == "month" \
                and carried.period.first_month[0] == carried.period.last_month[0] and carried.period.first_month[1] == 1:
            # "January to August ... The vacancy rate stood at 6.1 percent": a rate that stands at a point is
            # of the months' last, not a sum over them
            return Period.month(*carried.period.last_month)
        if carried.start < f.text.rfind("\n", 0, f.q.start) and _quote_opened(f.text, f.q.start) is not None:
            # '"Nearly 80 percent of our staff graduated nearby," said its founder': a quotation that opens a paragraph of its
            # own is the speaker's words of now, not a part of the story's time told paragraphs before
            return SKIP
        return carried.period
    return SKIP


_STANDS_AT = re.compile(r"\b" + alternation("standing_level_nouns") + r"\s+" + alternation("standing_verbs") + r"\s+at\s+(?:" + alternation("approximators") + r"\s+)?$")


def _quote_opened(text: str, at: int) -> int | None:
    """Where the quotation that ``at`` is inside opens, in its paragraph; None when it is in none."""
    start = text.rfind("\n", 0, at) + 1
    curly = text.rfind("“", start, at)
    if curly > text.rfind("”", start, at):
        return curly
    straight = [i for i in range(start, at) if text[i] == '"'] if '"' in text[start:at] else []
    return straight[-1] if len(straight) % 2 == 1 else None


@PERIOD.rule(("Three-Year Action Plan (2024-2026)\n\nIssued March 12, 2024\n\nEach year, at least [80] hospitals will carry "
              "out digital upgrade projects.", "2026", None),
             ("Action Plan for Rural Clinics (2025-2027)\n\nIssued May 6, 2025\n\nEvery year of the plan, the county will:\n\n"
              "- train [400] village doctors;\n- open 6 clinics.", "2027", None),
             ("The town's plan for 2026-2030 was unveiled on Friday. \"We will bring in [50] start-ups every year,\" its head said.",
              "2030", "2026-03-13"))
def recurring_goal_of_a_plan(f: Figure):
    """A goal that recurs each year of a plan ('Each year, at least 100 manufacturers will ...') is due by the end of
    the span the plan's title names ('Three-Year Action Plan ... (2024-2026)'), or of the plan the text last named with
    its years ('the town's plan for 2026-2030')."""
    return _due_at_plan_end(f, _RECURS)


def _title_span(ctx: Context) -> Period | None:
    """The span of years a text's title line names ("... (2024-2026)"), if any (see :func:`sections.title_span`)."""
    return title_span(ctx)


@PERIOD.rule(("The approval time was cut by [66%].", None))
def undated(f: Figure):
    """A figure with no time phrase in reach has no period."""
    return None


SAME_PLAN: RuleTable[Period | None] = RuleTable("period", values=Period)


@SAME_PLAN.rule(("The tower will be topped out in 2026. It is expected to house [8,000] workers once it is fully occupied.", None),
                ("The plant will open in 2025. It should employ [900] people when in full production.", None),
                ("The east wing will be finished in 2027. When fully occupied, the hub is expected to host [900] start-ups.", None))
def own_event_time(f: Figure):
    """A goal timed by an event of its own and no date ('to house 8,000 workers once it is fully occupied', 'when in full
    production') is due when that happens, not at the date of the plan told before: undated."""
    q = f.q
    if q.kind != "target" or q.period is not None:
        return SKIP  # (a date of the event, "once it is fully running in 2027", would have dated the goal)
    # ("When fully occupied, the campus is expected to host 1,200 companies": the event opens the sentence)
    return None if _EVENT_TIME_AFTER.match(f.text, q.end, f.sentence.end) or _OWN_EVENT_OPENING.search(f.head) else SKIP


# "... workers once it is fully occupied", "... when in full production", "... upon completion"
_EVENT_TIME_AFTER = re.compile(r"[^,;.]{0,60}?\b" + alternation("event_time_conjunctions") + r"\s+(?:it\s+is\s+|they\s+are\s+|its\s+)?(?:fully\s+)?"
                               + alternation("event_time_states") + r"\b", re.IGNORECASE)


@SAME_PLAN.rule(("By 2025, the district aims to have 3,000 high-tech firms. A new park with a planned investment of [4 billion yuan] is "
                 "under construction.", None),)
def new_thing_introduced(f: Figure):
    """A goal in a sentence that opens on a thing introduced with 'a' or 'an' ('A new park with a planned investment of 4
    billion yuan is under construction') tells of that new thing, not of the plan the sentence before dated: undated."""
    q = f.q
    if q.kind != "target" or q.period is not None:
        return SKIP
    return None if _INDEFINITE_OPENING.match(f.text, f.sentence.start, q.start) else SKIP


_INDEFINITE_OPENING = re.compile(r"\W*" + alternation("indefinite_articles", case="capitalised") + r"\s")


@SAME_PLAN.rule(("By 2025, Minhang plans to have 3,000 high-tech firms. The district will also build [100] parks.", "2025"),
                ("The ferry terminal will be finished in 2026. It is expected to draw investment of [3 billion yuan].", "2026"))
def same_plan(f: Figure):
    """A goal with no deadline of its own, in the sentence after a goal or a plan with a deadline still to come ('will be
    completed in 2025. It is expected to ...') of the same paragraph, is of the same plan."""
    return f.previous_goal if f.q.kind == "target" and f.q.period is None else SKIP


PERIOD_REVISIONS: RuleTable[Period | None] = RuleTable("period", values=Period)


@PERIOD_REVISIONS.rule(("Putuo's creek belt draws [40 billion yuan] in investment\n\nPutuo has attracted 40.6 billion yuan of "
                        "investment into its creek belt since 2017.", "2017/2020", "2020-09-09"),
                       ("Tea county eyes [20-billion-yuan] tea industry\n\nThe county aims to raise its tea industry's revenue to 20 "
                        "billion yuan by 2027.", "2027", "2024-05-16"))
def headline_summary(f: Figure):
    """A figure of the headline with no time of its own sums up the body's figure it rounds ('West Bund draws 70 billion
    yuan in investment' over '70.3 billion yuan ... since 2017'): it is of that figure's period; a headline's goal
    ('Tea county eyes 20-billion-yuan tea industry') is the body's goal of that figure, due when it is."""
    q, text = f.q, f.text
    line_end = text.find("\n")
    if q.period is not None or q.value is None or not 0 <= q.end <= line_end:
        return SKIP
    goal = q.kind == "target"
    body = next((o for o in f.quantities[f.index + 1:f.index + 40] if o.start > line_end and o.unit == q.unit and o.period
                 and (o.kind == "target") == goal and o.value and abs(o.value - q.value) <= 0.05 * abs(o.value)), None)
    return body.period if body is not None else SKIP


@PERIOD_REVISIONS.rule(("Output grew from 113.9 billion yuan in 2016 to 183.2 billion yuan in 2022, an average annual increase "
                        "of [8.3%].", "2016/2022"))
def from_to_span(f: Figure):
    """A change after a series 'from A in Y1 to B in Y2' is over the years from Y1 to Y2."""
    q, i, links, quantities = f.q, f.index, f.links, f.quantities
    if not (q.kind == "change" and i > 1 and links[i - 2] == "from" and f.sentence_of[i - 2] == f.sentence_of[i]):
        return SKIP
    a, b = quantities[i - 2], quantities[i - 1]
    if not (a.period and b.period and a.kind == b.kind == "level"):
        return SKIP
    first, last = a.period, b.period
    if not first.start_year < last.end_year:
        return SKIP
    return Period.years(first.start_year, last.end_year)


@PERIOD_REVISIONS.rule(("Harbor officials say the dock opens next spring and should handle [40,000] containers a month once fully "
                        "running.", None, "2024-05-06"),
                       ("The hospital will be finished in 2027 and should have [1,200] beds when fully open.", None),
                       ("The library, which will open in 2027, is expected to lend [900,000] books a year once fully running.", None),
                       cues=("once", "when", "after", "upon"))
def own_event_after_a_dated_step(f: Figure):
    """A goal timed by an event of its own and no date ('should handle 40,000 containers a month once fully running')
    after a first predicate with a date ('the dock opens next spring and ...', 'The library, which will open in 2027,
    is expected to ...') is due when the event happens, not at
    the first step's date: undated. Not a goal whose sentence opens with its time ('In 2027, the hospital should have
    ...'), nor one whose event has a date ('once fully running in 2026')."""
    q, text, sentence = f.q, f.text, f.sentence
    if q.kind != "target" or q.period is None or not _EVENT_TIME_AFTER.match(text, q.end, sentence.end):
        return SKIP
    spans = [(a, b) for a, b in f.ctx.time_spans if sentence.start <= a and b <= sentence.end]
    if any(a >= q.end for a, _ in spans):
        return SKIP
    last = max((b for _, b in spans if b <= q.start), default=None)
    return None if last is not None and _AND_NEXT_PREDICATE.search(text, last, q.start) else SKIP


# "... and is expected to", "... and house", or the main verb after an aside that held the time ("The tower, which will
# open in 2026, is expected to ...")
_AND_NEXT_PREDICATE = re.compile(AND_NEXT_PREDICATE.pattern + r"|\band\s+(?!(?:the|a|an|its|their)\s)[a-z]+\s")  # (or a bare verb after 'and')


@PERIOD_REVISIONS.rule(("Jinshan will add [8,000] nursing home beds during the 14th Five-Year Plan period.", "2025", "2021-09-16"),
                       ("Under a new plan for 2027 to 2029 released in March, the port aims to handle 500 calls in 2029, with "
                        "passenger numbers exceeding [2 million].", "2029", "2027-04-01"))
def goal_span_end(f: Figure):
    """A goal to be met over a span of time ('during the 14th Five-Year Plan period', 'from 2023 to 2025') is due at
    the span's end: its deadline."""
    q = f.q
    period = q.period
    return period.last_point if q.kind == "target" and period is not None and period.is_span else SKIP


_THE_YEAR_BEFORE = re.compile(r"\s+the\s+" + alternation("year_before_phrases") + r"\b", re.IGNORECASE)
_A_YEAR_EARLIER = re.compile(r"\s+(?:(?:a|one|the)\s+year\s+" + alternation("ago_words") + r"|the\s+previous\s+year"
                             + r"|(?:in|during|over)\s+the\s+same\s+period\s+(?:of\s+)?(?:last\s+year|the\s+previous\s+year))\b", re.IGNORECASE)


@PERIOD_REVISIONS.rule(("The jobless rate fell to 4 percent at the end of February from [5.5 percent] a year earlier.", "2023-02", "2024-04-16"),
                       ("In the first three quarters, 412 charging piles were built, up from [305] in the same period last year.",
                        "2022-01/2022-09", "2023-10-20"),
                       ("The firm won 310 patents in 2022, up from [240] the year before.", "2021"))
def a_year_before_the_figure(f: Figure):
    """'a year earlier', 'in the same period last year' after a figure compared with one of a month, quarter, half or
    months of a year names that period a year before ('to 8 percent in April from 10 percent a year earlier': that
    month of last year; '412 piles in January-September, against 305 in the same period last year': those months
    of last year)."""
    q, i = f.q, f.index
    # (not a change: "an increase of 5.1% over the same period last year" is measured against that period, and is of now)
    if q.kind == "change" or not (i and f.sentence_of[i - 1] == f.sentence_of[i] and _A_YEAR_EARLIER.match(f.text, q.end)):
        return SKIP
    before = f.quantities[i - 1].period
    if before is None or before.start_year != before.end_year:
        return SKIP
    if before.granularity == "year" and not _THE_YEAR_BEFORE.match(f.text, q.end):
        return SKIP  # (a year's figure "a year earlier" is rare; "the year before" names the year before it)
    return before.shifted(-1)


@PERIOD_REVISIONS.rule(("Since 2022, the district has attracted 35 headquarters, bringing the total to [158].", "2023"),
                       ("During the 13th Five-Year Plan period, output grew. The number of high-tech firms rose to [1,867].", "2020",
                        "2021-01-28"),
                       ("Since 2019, the share of online sales has risen by 4.2 percentage points to [37.8%].", "2023"))
def total_at_span_end(f: Figure):
    """A running total a span brings something to ('bringing the total to 158'), a count it rose to ('the number of
    high-tech enterprises rose to 1,867'), or the level its change ends at ('has risen by 6.5 percentage points to
    82.4%'), is the total or level at the span's end."""
    q = f.q
    period = q.period
    if period is None or not period.is_span or q.kind == "target":
        return SKIP
    if TOTAL_TO.search(f.text, f.sentence.start, q.start):
        return period.last_point
    # "The number of high-tech enterprises rose to 1,867", in a review of five years: the number at their end (not over
    # some months of a year, "In the first nine months, ... the number of farm stays rose to 1,024": of those months)
    if (q.kind == "level" and q.unit == "count" and period.start_year != period.end_year
            and _ROSE_TO.search(f.text, f.sentence.start, q.start)):
        return period.last_point
    # "Since 2015, the share has risen by 6.5 percentage points to 82.4%": the level the change over the years ends at (not
    # over some months, "from January to October, revenue grew by 5% to 18.2 billion yuan", a sum over them)
    p = f.quantities[f.index - 1] if f.index else None
    if (q.kind in ("level", "share") and p is not None and p.kind == "change" and p.period == period and period.granularity == "year"
            and f.sentence_of[f.index - 1] == f.sentence_of[f.index] and _BY_CHANGE_TO.fullmatch(f.text, p.end, q.start)):
        return period.last_point
    return SKIP


_BY_CHANGE_TO = re.compile(r"\s+to\s+(?:" + alternation("rose_to_approximators") + r"\s+)?")


_ROSE_TO = re.compile(r"\b" + alternation("climb_verbs") + r"\s+to\s+(?:" + alternation("rose_to_approximators") + r"\s+)?$", re.IGNORECASE)


@PERIOD_REVISIONS.rule(("Output was 86.3 billion yuan in 2022. Compared with 2017, it was up [31.6%].", "2017/2022"),
                       ("In 2021, tourist spending reached [1.8 times] the 2019 figure.", "2019/2021"),
                       ("Over the past five years, GDP grew by [28.5%] over 2018.", "2018/2023", "2024-03-20"),
                       ("Compared with 2012, exports in 2022 doubled, and tax income rose at an average annual rate of [6.4%].", "2013/2022"))
def since_base_year(f: Figure):
    """A change against a base year two or more years before its own year ('Compared with 2017, it was up 28.4%', said
    of 2022) is over the years from the base to its year; so is one in a span of years that starts later ('Over the
    past five years, GDP grew by 28.5% over 2018', said in 2024). An average annual rate counts the years after the
    base ('Compared with 2012, ... grew at an average annual rate of 5.7%': 2013 to 2022), and keeps a span its text
    names."""
    q = f.q
    period = q.period
    if q.kind != "change" or period is None:
        return SKIP
    from .basis import average_rate_in_reach, base_is_part_of_a_year, base_year

    base = base_year(f)
    if base is None or period.end_year - base < 2:
        return SKIP
    if base_is_part_of_a_year(f):
        return SKIP  # a half against the same half of a year named ("compared with the first half of 2019"): its own period
        # (an average over the two years since then too: "an average of 4.6 percent a year over the two years")
    if average_rate_in_reach(f):
        return SKIP if period.is_span else Period.years(base + 1, period.end_year)
    if period.is_span and (period.granularity != "year" or base >= period.start_year):
        return SKIP  # months of one year keep their period ("the same period of 2019", said of January to August)
    return Period.years(base, period.end_year)


LEVEL_REACHED: RuleTable[Period | None] = RuleTable("period", values=Period)


# an average before the time phrase that closes its sentence: "a mean yearly rise of 3.6 percent across the period"
_AVERAGED_OVER = re.compile(r"\b" + alternation("average_rate_words") + r"\b(?:[^,;.]|(?<=\d)[.,](?=\d))*$", re.IGNORECASE)
_AVERAGE_REACH = 60  # characters: "for an average growth of 4.2 percent " before "over the two years" (the average and its rate)
_AVERAGE_RATE_BEFORE = re.compile(r"\b" + alternation("average_rate_words") + r"\b[^,;.]{0,30}$", re.IGNORECASE)


@LEVEL_REACHED.rule(("Revenue grew by [5.6%] to 128.5 billion yuan in 2024.", "2024"))
def change_to_level(f: Figure):
    """A change 'to' a level ('grew by 5.6% to 128.5 billion yuan in 2024') is of the level's period; not an average
    annual rate over a span of years, which the level only ends."""
    q, i, text = f.q, f.index, f.text
    reached = f.quantities[i + 1]
    if q.period and q.period.is_span and _AVERAGE_RATE_BEFORE.search(text, f.sentence.start, q.start):
        return SKIP  # "In the five years, ... wages grew at an average annual rate of 6.5% to 48,000 yuan in 2020": the rate is the span's
    if (q.kind == "change" and (q.period is None or (i not in f.own_dated and i + 1 in f.own_dated)) and reached.period
            and f.sentence_of[i + 1] == f.sentence_of[i]
            and TO_BEFORE.search(text, q.end, reached.start) and not CHANGE_BLOCK.search(text[q.end:reached.start].replace(" to ", " "))
            and not _NEW_CLAUSE_BETWEEN.search(text, q.end, reached.start)):
        return reached.period
    return SKIP


# "rose 3.2% month on month, and hotel bookings ... recovered to 90 percent": the level another clause's subject reached
_NEW_CLAUSE_BETWEEN = re.compile(r";|,\s+(?:and|while|but|whereas)\s+(?!to\b)")


def _looks_back(opening: TimePhrase, frame: TimePhrase | None) -> bool:
    """A span of years opening a sentence inside a paragraph about one of those years ("In 2023, GDP grew 5.6%. From
    2019 to 2023, R&D spending rose 45%. Tax revenue grew 4.2%.") looks back over the years and returns: the
    paragraph's year frames the sentences after it, not the span.

    >>> _looks_back(TimePhrase(0, 0, Period.years(2019, 2023)), TimePhrase(0, 0, Period.year(2023)))
    True
    >>> _looks_back(TimePhrase(0, 0, Period.years(2019, 2023)), None) or _looks_back(TimePhrase(0, 0, Period.half(2023, 1)),
    ...                                                                              TimePhrase(0, 0, Period.year(2023)))
    False
    """
    if frame is None or frame.since or frame.period.is_span or not opening.period.is_span:
        return False
    return opening.period.start_year < opening.period.end_year == frame.period.end_year and frame.period.start_year == frame.period.end_year


_ASIDE_CLOSED = re.compile(r";|,(?!\d)")  # a clause closed (not a comma grouping digits)
_RELATIVE_OPENER = re.compile(r",\s*(?:where|which|who|whose)\b")


def _now_between(nows: list[int], start: int, end: int) -> bool:
    """A present marker (its start among ``nows``) between a time phrase or figure and the figure: "grew 18 percent last year
    and now accounts for 40 percent"."""
    return any(start <= n < end for n in nows)


def _ends_after(phrase: TimePhrase, year: int | None, this_year: bool = False) -> bool:
    """A plan period or deadline ("(2023-2025)", "by 2025") that ends after the briefing year (or in it, with ``this_year``)."""
    end = phrase.period.end_year
    return phrase.future or (year is not None and (end > year or (this_year and end == year)))


def _dates_a_base(text: str, p: TimePhrase, quantities: list[Quantity], members: list[int], sentence_start: int) -> bool:
    """The phrase dates a comparison base: "up from 1,040 in 2019"."""
    return any(0 <= p.start - quantities[j].end < 4 and _FROM_BEFORE.search(text, sentence_start, quantities[j].start)
               for j in members)


def _in_brackets(text: str, q: Quantity, lo: int, hi: int) -> bool:
    """ "2.46 trillion yuan (about 346 billion U.S. dollars) in 2023": a conversion in brackets between a figure and its time."""
    return "(" in text[lo:q.start] and ")" in text[q.end:hi]


# A conversion in brackets is a few words ("(about 346 billion U.S. dollars)"): a bracket not closed within this many
# characters is no conversion, and does not run the clause on
_BRACKET_REACH = 120
# A complement's preposition, "and" with two words, "worth a total of": what may stand before a figure between a time
# phrase and another figure; a short look-back, as every figure between is asked (the caller knows no sentence)
_COMPLEMENT_REACH = 30


def _clause_with_brackets(seg: Segmentation, q: Quantity) -> tuple[int, int]:
    """The figure's clause, run on over a conversion in brackets after it or before it: "2.46 trillion yuan (about 346
    billion dollars) in 2023" is one clause, whose time is the conversion's too."""
    start, end = seg.clause_bounds(q.start)
    if seg.text.startswith("(", end):  # the clause goes on after the brackets
        close = seg.text.find(")", end, end + _BRACKET_REACH)
        if close > 0:
            end = max(end, seg.clause_bounds(min(close + 1, len(seg.text) - 1))[1])
    elif seg.text.startswith(")", end) and end + 1 < len(seg.text):  # the conversion in brackets: the same time
        end = max(end, seg.clause_bounds(end + 1)[1])
    return start, end


def _claimed_between(text: str, q: Quantity, others: list[Quantity], lo: int, hi: int) -> bool:
    """Another figure between a time phrase and the figure claims the phrase, unless it stands in a complement ("in 25
    projects this year"), in brackets, is a threshold of the figure, or is a count that is the clause's subject before
    the figure's verb ("Its 11 stations supplied 1,200 tons last year")."""
    return any(lo <= o.start < hi and not _PREPOSITION_BEFORE.search(text, max(0, o.start - _COMPLEMENT_REACH), o.start)
               and not _in_brackets(text, o, lo, hi) and not threshold_of(text, q, o)
               and not (q.unit == "count" and q.end <= o.start and _COUNT_THEN_VERB.match(text, q.end, o.start)) for o in others)


# "Compared with the end of 2015, GDP has grown by 41.2%": the time of the base a change is measured from, not the time
# the sentence tells of (that is the frame's: the year under review)
_BASE_BEFORE = re.compile(r"\b(?:compared\s+(?:with|to)|relative\s+to)\s+(?:the\s+(?:end|close)\s+)?(?:of\s+)?$", re.IGNORECASE)
_BASE_REACH = 40
# a comma, then the verb of the next predicate of a list of them: "..., build 30 kilometers of roads"
_SAME_PERIOD_OPENING = re.compile(r"\W*(?:Compared\s+(?:with|to)|Against|Over)\s+the\s+same\s+period\b")
_COMMA_VERB = re.compile(r",\s+(?:and\s+)?(?:to\s+)?([a-z]+)\s")


def _ends_first_of_listed_predicates(text: str, sentence_start: int, p: TimePhrase) -> bool:
    """A time phrase that ends a predicate, not opening its sentence, with the next predicate of a list after its comma
    ("We will open the library in June, build 30 kilometers of roads, and plant 2,000
    trees"), or a clause of its own after ', and' with a subject of its own ("Yangpu will host the forum in
    September, and a new batch of 15 measures will be issued"), dates that predicate alone: what comes after it is of
    the frame."""
    m = _COMMA_VERB.match(text, p.end)
    # (a deadline, "by 2027, and its drone industry is slated to reach 30 billion yuan by then", governs what follows)
    return ((m is not None and m.group(1) in ACTION_VERBS) or (not p.closing and _AND_NEW_SUBJECT.match(text, p.end) is not None)) \
        and not _OPENS_SENTENCE.fullmatch(text, sentence_start, p.start)


_AND_NEW_SUBJECT = re.compile(r",\s+and\s+" + alternation("new_clause_subject_determiners") + r"\s+(?:[\w’'-]+\s+){0,10}?"
                              + alternation("new_clause_verbs") + r"\s")


def _second_predicate_between(text: str, lo: int, hi: int) -> bool:
    """Whether a second predicate joined by 'and (to)' and an action verb, or by 'and will' and any verb ('is slated to
    start construction in the fourth quarter and will host 50 firms by 2025'), opens between ``lo`` and ``hi``: a time
    phrase before it is the first predicate's."""
    return any(m.group(1) in ACTION_VERBS for m in AND_VERB.finditer(text, lo, hi)) or _AND_WILL.search(text, lo, hi) is not None


_AND_WILL = re.compile(r"\band\s+(?:will|shall)\s+(?:also\s+|further\s+)?[a-z]+\s")  # a second predicate in the future


_AND_NEXT_SUBJECT = re.compile(r"\s+and\s+[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*){0,3}\s+$")  # "5.5 percent and growth [for the year]"


def _clause_phrase(seg: Segmentation, q: Quantity, quantities: list[Quantity], members: list[int], phrases: list[TimePhrase],
                   nows: list[int]) -> TimePhrase | None:
    """The nearest time phrase in the figure's clause that no other figure claims.

    A phrase right after another figure is that figure's ("to 100 billion yuan by 2027 and to
    cultivate 1,000 firms by 2025"), so it serves this one only if none follows this one.
    """
    start, end = _clause_with_brackets(seg, q)
    others = [quantities[j] for j in members if quantities[j] is not q]
    before: list[tuple[int, bool, TimePhrase]] = []
    after: list[tuple[int, TimePhrase]] = []
    for p in phrases:
        if p.end <= start or p.start >= end:
            continue
        lo, hi = (p.end, q.start) if p.end <= q.start else (q.end, p.start)
        if _claimed_between(seg.text, q, others, lo, hi):
            continue
        if p.end <= q.start and _now_between(nows, p.end, q.start):
            continue  # "grew 18 percent last year and now accounts for nearly 40 percent": "now" is the share's time
        if p.end <= q.start and _second_predicate_between(seg.text, p.end, q.start):
            continue  # "to complete the park before the end of December and to help two companies list": the park's time
        if p.end <= q.start:
            before.append((hi - lo, any(start <= o.start and o.end <= p.start for o in others), p))
        elif not (_AND_NEXT_SUBJECT.search(seg.text, q.end, p.start) and any(p.end <= o.start < end for o in others)):
            # ("... to come in at around 5.5 percent and growth for the full year at 6 percent": a time after "and" and a
            # new subject is the next figure's)
            after.append((hi - lo, p))
    candidates = [(d, p) for d, trails, p in before if not (trails and after)] + after
    return min(candidates, key=lambda c: c[0])[1] if candidates else None
