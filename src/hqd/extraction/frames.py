"""A figure's period: its own clause's time phrase, else the frame set by earlier sentences of its paragraph
(or by a news story's lead, or by the year a report's title names)."""

from __future__ import annotations

import re

from ..model import Quantity
from .lexicon import load, phrase_pattern
from .periods import TimePhrase
from .phrases import (
    CHANGE_BLOCK, DIMENSION_ASIDE, EXTENT_BEFORE, EXTENT_UNITS, EXTENT_VERB_BEFORE, TO_BEFORE, TOTAL_TO, Context, measure_aside, threshold_of,
)
from .segments import Segmentation

_CUES = load("cues")

# The lookaheads on a match's first character let the scan skip most positions with one test (see periods._starting)
_PRESENT = re.compile(r"\b(?=[" + "".join(sorted({m[0].lower() + m[0].upper() for m in _CUES["present_markers"]}))
                      + r"])(?:" + phrase_pattern(_CUES["present_markers"]) + r")\b", re.IGNORECASE)


# the perfect, irregular participles included ("has grown", "have built"), and the progressive
# a word of every present marker, to skip the pattern in the many sentences that hold none
_PRESENT_HINTS = {max(m.lower().split(), key=len) for m in _CUES["present_markers"]}
_PERFECT = re.compile(r"\b(?=[hiaHIA])(?:(?:has|have)\s+(?:been\s+\w+ing|\w+ed|\w+en|been|grown|built|made|won|set|become|brought|held|led"
                      r"|drawn|kept|sold|spent|paid|put|run|begun|shown|found|got|lost|met|sent|done|gone|undergone|cut)\b"
                      r"|(?:is|are)\s+\w+ing\b)", re.IGNORECASE)
# "The district has 185,000 mu of farmland", "the park houses 1,200 companies": what a place holds now, not over the period
# before (the perfect is "has built"; "houses" and "hosts" are verbs only before a figure or an article)
_HOLDING_NOW = ("has", "have", "houses", "hosts", "gathers", "boasts")
_HAS_FIGURE = re.compile(r"\b(?:" + "|".join(_HOLDING_NOW) + r")\s+(?:(?:about|over|nearly|some|around|more\s+than|a\s+total\s+of)\s+)?"
                         r"(?:\d|(?:an?|the)\s)")
_SECTION_START = re.compile(r"\d{1,2}[.)、]\s|[IVX]+\.\s|(?:First|Second|Third|Fourth|Fifth|Firstly|Secondly|Thirdly|Finally)\b")
_AREA_AFTER = re.compile(r"\s+of\s+(?:the|its)\s+(?:total\s+|land\s+)?area\b", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:about\s+|nearly\s+|over\s+)?$", re.IGNORECASE)
_DATED_ASIDE = re.compile(r",\s*(?:(?:which|that)\s+(?:was\s+|were\s+)?)?(?:held|founded|established|built|opened|launched|completed|set\s+up|inaugurated)\b[^,.;]*$")
_WITH_TOTAL = re.compile(r"[^,;.]{0,60}\bwith\s+(?:a|an)\s+(?:total|combined|aggregate)\s+[a-z]+\s+of\s+(?:(?:about|over|nearly|some|around|more\s+than)\s+)?$")
# A state reached, not a sum over a span: "Since 2018, ... The average life expectancy reached 85.6 years"
_STATE_REACHED = re.compile(r"\b(?=[arpscdeinARPSCDEIN])(?:average|rate|ratio|proportion|share|coverage|expectancy|density|intensity|number)\b[^,;.]{0,40}"
                            r"\b(?:reached|was|stood|hit|(?:increased|rose|grew)\s+to)\b",
                            re.IGNORECASE)
_SAME_PERIOD = re.compile(r"\b(?=[idoIDO])(?:in|during|over)\s+the\s+same\s+period\b(?!\s+(?:of\s+)?(?:last|the\s+previous|a\s+year))", re.IGNORECASE)
# a count that is its clause's subject, then the verb of the figure after it: "Its 11 stations supplied 1,200 tons last year"
_COUNT_THEN_VERB = re.compile(r"\s+(?:[a-z][\w-]*\s+){1,4}?(?:\w+ed|sold|made|built|won|grew|rose|drew|took)\s+"
                              r"(?:(?:about|over|nearly|some|more\s+than|a\s+total\s+of)\s+)?$")
# "a railway with a designed speed of 350 km per hour", "The X project, with a total investment of 12 billion yuan, will ...":
# what a thing is, undated (the frame of the sentences before is not its time)
_SPECIFICATION = re.compile(r"(?:\bdesign(?:ed)?\s+(?:[a-z]+\s+){0,2}(?:speed|capacity|life|length|height|area|volume|output)"
                            r"|\bwith\s+(?:a|an)\s+(?:total|planned|combined)\s+investment)\s+of\s+(?:(?:about|up\s+to|over|nearly)\s+)?"
                            r"(?:RMB\s+|US\$|\$)?$", re.IGNORECASE)
_ADJECTIVAL_MEASURE = re.compile(r"\d-[A-Za-z]")
_PREPOSITION_BEFORE = re.compile(r"\b(?:(?:in|into|for|across|on|among)\s+|and\s+(?:[\w-]+\s+){0,2}|worth\s+(?:a\s+total\s+of\s+)?)$")  # a complement, or a second item ("12 schools and 3 hospitals in 2022")


def assign_periods(
    ctx: Context, quantities: list[Quantity], sentence_of: list[int], phrases: list[TimePhrase], links: list[str | None]
) -> None:
    """Set each quantity's period, reading the document's sentences in order and keeping the frame they set."""
    text = ctx.text
    seg = ctx.seg
    by_sentence: dict[int, list[TimePhrase]] = {}
    for p in phrases:
        by_sentence.setdefault(seg.index_at(p.start), []).append(p)
    q_by_sentence: dict[int, list[int]] = {}
    for i, s in enumerate(sentence_of):
        q_by_sentence.setdefault(s, []).append(i)
    paragraph_length: dict[int, int] = {}
    for x in seg.sentences:
        paragraph_length[x.paragraph] = paragraph_length.get(x.paragraph, 0) + 1
    paragraphs_with_time = {seg.sentences[seg.index_at(p.start)].paragraph for p in phrases}
    lead: TimePhrase | None = None  # news: the period the lead paragraph reports on
    # a report titled with its year ("Key Indicators of Innovation Development, 2024"): the period of all it does not date
    titled = TimePhrase(0, 0, str(ctx.title_year)) if ctx.title_year else None
    frame: TimePhrase | None = titled
    lead_paragraph = -1
    paragraph = -1
    own_dated: set[int] = set()  # figures dated by a time phrase of their own clause
    last_dated: str | None = None  # the period of the last dated figure: what "in the same period" refers to
    for s_index, sentence in enumerate(seg.sentences):
        if sentence.paragraph != paragraph:
            # A new paragraph keeps the frame only in a news story, while it is short and states no time of its own;
            # a briefing's paragraphs each open their own topic,
            # and only a reporting period: a span of years ("over the past five years") sums up its own paragraph.
            paragraph = sentence.paragraph
            if (paragraph in paragraphs_with_time or paragraph_length[paragraph] > 2 or not ctx.news
                    or _SECTION_START.match(text[sentence.start:sentence.start + 12])
                    or (frame is not None and (frame.since or frame.first_year != frame.period.split("/")[-1][:4]))):
                frame = lead or titled
        sentence_phrases = by_sentence.get(s_index, [])
        members = q_by_sentence.get(s_index, [])
        first_q = quantities[members[0]].start if members else sentence.end
        # not the date of a thing named in an aside: "The Center, which opened in 2017, is now home to 28 firms"
        asides = [p for p in sentence_phrases if _DATED_ASIDE.search(text, max(sentence.start, p.start - 50), p.start)]
        leading = [p for p in sentence_phrases if p.end <= first_q and p not in asides]
        sentence_frame = leading[-1] if leading else None
        if (sentence_frame is not None and sentence_frame.closing and not _ends_after(sentence_frame, ctx.year) and frame is not None
                and not frame.since and frame.first_year < sentence_frame.first_year and "/" not in frame.period):
            # "In 2019 ... By the end of 2023, ..." sums up since the frame; a deadline ("By 2025, we aim ...") does not
            sentence_frame = TimePhrase(sentence_frame.start, sentence_frame.end, f"{frame.first_year}/{sentence_frame.period}", since=True)
        carried = None
        body = text[sentence.start:sentence.end]
        # where "now", "currently" ... stand: asked only of a sentence with figures, or without a time of its own
        asked = bool(members) or sentence_frame is None  # only then are "now" and its kin looked at below
        lowered = body.lower() if asked else ""
        nows = ([m.start() for m in _PRESENT.finditer(text, sentence.start, sentence.end)]
                if asked and any(hint in lowered for hint in _PRESENT_HINTS) else [])
        present = sentence_frame is None and (bool(nows) or (any(verb + " " in lowered for verb in _HOLDING_NOW) and _HAS_FIGURE.search(body)))
        if present:
            frame = lead or titled  # "Currently, ..." leaves the earlier period behind (a news story returns to its lead's)
        if sentence_frame is None and frame is not None and not present:
            if frame.since and _STATE_REACHED.search(body):
                pass  # a state reached is no sum over the span
            elif frame.since or not _PERFECT.search(body):
                carried = frame
            else:
                frame = lead or titled  # "It has cultivated 6,538 farmers": the perfect leaves the narrated period, which ends there
        same_period = "same period" in body and _SAME_PERIOD.search(body)
        for i in members:
            q = quantities[i]
            own = _clause_phrase(seg, q, quantities, members, sentence_phrases, nows)
            if own is not None and q.kind != "target" and _ADJECTIVAL_MEASURE.search(q.text) and _ends_after(own, ctx.year):
                q.period = None  # "A 200-hectare park ... will house 150 firms when finished in 2024": a deadline dates no size
            elif own is not None:
                q.period = own.period
                own_dated.add(i)
            elif same_period and last_dated and not sentence_phrases and q.kind != "target":
                q.period = last_dated  # "Minhang's output fell 3.1 percent in the same period": the period just reported
            elif i and i - 1 in members and quantities[i - 1].unit == "count" and quantities[i - 1].period \
                    and _WITH_TOTAL.match(text, quantities[i - 1].end, q.start):
                q.period = quantities[i - 1].period  # "built 42 parks with a total area of 630,000 square meters": the parks' period
            elif ((q.unit in EXTENT_UNITS and EXTENT_BEFORE.search(text, max(sentence.start, q.start - 40), q.start))
                  or _AREA_AFTER.match(text, q.end) or DIMENSION_ASIDE.match(text, q.end) or measure_aside(text, q)
                  or (_SPECIFICATION.search(text, max(sentence.start, q.start - 50), q.start)  # not "126 projects, with a total investment of"
                      and not any(j < i and quantities[j].unit == "count" for j in members))
                  or (q.unit == "percent" and EXTENT_VERB_BEFORE.search(text, max(sentence.start, q.start - 40), q.start))):
                q.period = None  # "occupying less than one-seventh of the total area", "spanning 1.48 km2": an extent, undated
            elif links[i] == "from" and i + 1 < len(quantities) and quantities[i + 1].kind == "target":
                q.period = None  # the level a goal starts from is today's, which the text does not date
            elif links[i] == "from" and (sentence_frame or carried) and "/" in (sentence_frame or carried).period:
                q.period = (sentence_frame or carried).first_year
            elif sentence_frame is not None and sentence_frame.end <= q.start and _now_between(nows, sentence_frame.end, q.start):
                q.period = None  # "grew 18 percent last year and now accounts for nearly 40 percent": now, not last year
            elif sentence_frame is not None:
                q.period = sentence_frame.period
            elif q.kind == "target" and any(p.start >= q.end and (p.future or p.closing or _ends_after(p, ctx.year)) for p in sentence_phrases):
                # "is expected to be topped out in 2025": a later year is a deadline too
                q.period = next(p for p in sentence_phrases if p.start >= q.end and (p.future or p.closing or _ends_after(p, ctx.year))).period
            elif q.kind == "target" and any(p.end <= q.start and (p.future or p.closing) for p in sentence_phrases):
                # "plans to invest 60 billion yuan by 2020, including a railway that will cut travel time to 32 minutes"
                q.period = [p for p in sentence_phrases if p.end <= q.start and (p.future or p.closing)][-1].period
            elif q.kind != "target" and _ADJECTIVAL_MEASURE.search(q.text) and re.match(r"[ -]+[a-z]", text[q.end:q.end + 3]):
                q.period = None  # "a 56.4-km railway link", "the 1,600-mu zone": a measure describing a thing, undated
            elif (q.kind in ("change", "share", "target") or q.unit == "times") and i and sentence_of[i - 1] == s_index and quantities[i - 1].period and (
                q.kind != "target" or quantities[i - 1].kind == "target"
            ) and not _now_between(nows, quantities[i - 1].end, q.start):  # "... and now accounts for 40 percent": not the period before
                q.period = quantities[i - 1].period  # "..., an increase of 9.1%" shares the figure's period; a goal its deadline
            elif q.kind != "target" and (so_far := [
                    p for p in sentence_phrases if p.end <= q.start and not _ends_after(p, ctx.year) and not _now_between(nows, p.end, q.start)
                    and not _dates_a_base(text, p, quantities, members) and not (present and p in asides)]):
                # "... to 29 micrograms in 2023, and the proportion of good days was 87.9%": the sentence's time so far,
                # nearer than any frame from earlier sentences; not the date of a base ("up from 1,040 in 2019")
                # "The Center, which opened in 2017, is now home to 28 firms": a dated aside does not date the present
                q.period = so_far[-1].period
            elif carried is not None and (q.kind != "target" or (_ends_after(carried, ctx.year, this_year=True) and not carried.since
                                                                 and (carried.future or "-" not in carried.period))):
                # a goal takes a deadline from earlier sentences (this year's too), never a past period ("by the end of October")
                # nor a span up to now ("since the start of 2023")
                q.period = carried.period
            else:
                q.period = None
        last_dated = next((quantities[i].period for i in reversed(members) if quantities[i].period and quantities[i].kind != "target"),
                          last_dated)
        if sentence_frame is not None:
            frame = None if _ends_after(sentence_frame, ctx.year) else sentence_frame
        elif asides and len(asides) == len(sentence_phrases):
            pass  # "The Expo, held in Chongming in 2021, attracted ...": the date of the thing named, not of the paragraph
        elif sentence_phrases and not any(_ends_after(p, ctx.year) for p in sentence_phrases) and (
            not members or not ctx.news or (paragraph_length[sentence.paragraph] <= 2 and (lead is None or sentence.paragraph == lead_paragraph))
        ) and not (members and all(quantities[i].kind == "target" for i in members)):  # a deadline ("to exceed 500,000 this year") frames nothing
            # In a briefing, a sentence's closing time frames the sentences that continue it ("GDP reached X in 2020. Revenue
            # was Y."). In a news story only a sentence without figures or the lead does; later, "312 firms certified
            # last year" dates its own figure only.
            frame = sentence_phrases[-1]
        if ctx.news and lead is None and members and frame is not None:
            lead, lead_paragraph = frame, sentence.paragraph
    last_goal: dict[int, str] = {}  # sentence index: the deadline of its last goal
    for i, q in enumerate(quantities):
        s_index = sentence_of[i]
        previous = last_goal.get(s_index - 1)
        if q.kind == "target" and q.period is None and previous and seg.sentences[s_index].paragraph == seg.sentences[s_index - 1].paragraph:
            q.period = previous  # "By 2025, Minhang plans to reach 3,000 ... The district will also build 100 ...": the same plan
        if q.kind == "target" and q.period:
            last_goal[s_index] = q.period
    for i, q in enumerate(quantities):
        if (q.kind == "change" and i > 1 and links[i - 2] == "from" and sentence_of[i - 2] == sentence_of[i]
                and quantities[i - 2].period and quantities[i - 1].period and quantities[i - 2].kind == quantities[i - 1].kind == "level"):
            first, last = quantities[i - 2].period.split("/")[0][:4], quantities[i - 1].period.split("/")[-1][:4]
            if first < last:  # "grew from 113.9 billion yuan to 183.2 billion yuan in 2022, an average annual increase of 8.3%"
                q.period = f"{first}/{last}"
        if q.period and "/" in q.period and q.kind != "target" and TOTAL_TO.search(text, max(0, q.start - 60), q.start):
            q.period = q.period.split("/")[-1]  # "attracted 35 since 2022, bringing the total to 158": the total at the span's end
    for i, q in enumerate(quantities[:-1]):
        reached = quantities[i + 1]
        if (q.kind == "change" and (q.period is None or (i not in own_dated and i + 1 in own_dated)) and reached.period
                and sentence_of[i + 1] == sentence_of[i]
                and TO_BEFORE.search(text, q.end, reached.start) and not CHANGE_BLOCK.search(text[q.end:reached.start].replace(" to ", " "))):
            q.period = reached.period  # "grew by 5.6% to 128.5 billion yuan in 2024": the change is of the level's period


def _now_between(nows: list[int], start: int, end: int) -> bool:
    """A present marker (its start among ``nows``) between a time phrase or figure and the figure: "grew 18 percent last year
    and now accounts for 40 percent"."""
    return any(start <= n < end for n in nows)


def _ends_after(phrase: TimePhrase, year: int | None, this_year: bool = False) -> bool:
    """A plan period or deadline ("(2023-2025)", "by 2025") that ends after the briefing year (or in it, with ``this_year``)."""
    end = phrase.period.split("/")[-1][:4]
    return phrase.future or (year is not None and end.isdigit() and (int(end) > year or (this_year and int(end) == year)))


def _dates_a_base(text: str, p: TimePhrase, quantities: list[Quantity], members: list[int]) -> bool:
    """The phrase dates a comparison base: "up from 1,040 in 2019"."""
    return any(0 <= p.start - quantities[j].end < 4 and _FROM_BEFORE.search(text, max(0, quantities[j].start - 12), quantities[j].start)
               for j in members)


def _in_brackets(text: str, q: Quantity, lo: int, hi: int) -> bool:
    """ "2.46 trillion yuan (about 346 billion U.S. dollars) in 2023": a conversion in brackets between a figure and its time."""
    return "(" in text[lo:q.start] and ")" in text[q.end:hi]


def _clause_phrase(seg: Segmentation, q: Quantity, quantities: list[Quantity], members: list[int], phrases: list[TimePhrase],
                   nows: list[int]) -> TimePhrase | None:
    """The nearest time phrase in the figure's clause that no other figure claims.

    A phrase right after another figure is that figure's ("to 100 billion yuan by 2027 and to
    cultivate 1,000 firms by 2025"), so it serves this one only if none follows this one.
    """
    start, end = seg.clause_bounds(q.start)
    if seg.text.startswith("(", end):  # "2.46 trillion yuan (about 346 billion dollars) in 2023": the clause goes on after the brackets
        close = seg.text.find(")", end, end + 120)
        if close > 0:
            end = max(end, seg.clause_bounds(min(close + 1, len(seg.text) - 1))[1])
    elif seg.text.startswith(")", end) and end + 1 < len(seg.text):  # the conversion in brackets: the same time
        end = max(end, seg.clause_bounds(end + 1)[1])
    others = [quantities[j] for j in members if quantities[j] is not q]
    before: list[tuple[int, bool, TimePhrase]] = []
    after: list[tuple[int, TimePhrase]] = []
    for p in phrases:
        if p.end <= start or p.start >= end:
            continue
        lo, hi = (p.end, q.start) if p.end <= q.start else (q.end, p.start)
        if any(lo <= o.start < hi and not _PREPOSITION_BEFORE.search(seg.text, max(0, o.start - 30), o.start)
               and not _in_brackets(seg.text, o, lo, hi) and not threshold_of(seg.text, q, o)
               and not (q.unit == "count" and q.end <= o.start and _COUNT_THEN_VERB.match(seg.text, q.end, o.start)) for o in others):
            continue  # another figure between them claims the phrase, unless in a complement ("in 25 projects this year") or brackets
        if p.end <= q.start and _now_between(nows, p.end, q.start):
            continue  # "grew 18 percent last year and now accounts for nearly 40 percent": "now" is the share's time
        if p.end <= q.start:
            before.append((hi - lo, any(start <= o.start and o.end <= p.start for o in others), p))
        else:
            after.append((hi - lo, p))
    candidates = [(d, p) for d, trails, p in before if not (trails and after)] + after
    return min(candidates, key=lambda c: c[0])[1] if candidates else None
