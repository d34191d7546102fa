"""Targets: stated goals with a value or a deadline, and project milestones."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import takewhile

from ..model import Period, Quantity, Target
from .frames import plan_period_phrases
from .periods import TimePhrase, find_time_phrases, plan_named
from .phrases import AND_NEXT_PREDICATE, FULL_CAPACITY, Context
from .phrases import trim_metric, word_list
from .rules import key_words
from .segments import Segmentation, Sentence, has_case_trap, list_lead_in
from .lexicon import phrase_alternatives
from .lang.en import alternation, month_names, month_numbers, word_class, word_lists
from .subjects import leading_name

# _MILESTONE's forms, read case-blind, each opening with one letter that a set before them has read: as written plainly,
# r"\b(?:<forms>)" case-blind, tried by the regex engine at every character; opening with a set of the forms' first letters
# in every case, it is scanned for in C, skipping the characters no form opens with. "(?<!\w.)" after that letter is the
# r"\b" before it; each form asks, looking back, which letter it was ("(?<=t)o", case-blind), its words kept in order.
def _led(*names: str) -> str:
    """alternation(*names), each phrase's first letter already read (asked looking back)."""
    phrases = phrase_alternatives([p for name in names for p in word_lists("grammar")[name]])
    assert all(p[0].isalpha() for p in phrases), names
    return "(?:" + "|".join(f"(?<={p[0]}){p[1:]}" for p in phrases) + ")"


_TO_WILL_SHALL = "(?:(?<=t)o|(?<=w)ill|(?<=s)hall)"
_TO_WILL_SHALL_SHOULD = "(?:(?<=t)o|(?<=w)ill|(?<=s)hall|(?<=s)hould)"
# the letters that match a letter case-blind: its cases, and "İ"/"ı" for "i", "ſ" for "s", "K" (Kelvin) for "k"
_CASE_BLIND = {"i": "iIİı", "s": "sSſ", "k": "kK\u212a"}


def _initials_of(forms: str) -> str:
    """The set of the letters ``forms`` ask looking back, in every case that matches them case-blind."""
    letters = {c.lower() for c in re.findall(r"\(\?<=([A-Za-z])\)", forms)}
    return "[" + "".join(sorted(set("".join(_CASE_BLIND.get(c, c + c.upper()) for c in letters)))) + "]"


_MILESTONE_FORMS = (
    _led("starting_verbs") + r"s?\s+(?:the\s+)?(?:" + alternation("production_modes") + r"\s+)?" + alternation("milestone_works")
    # "with completion scheduled for 2028", "its opening is expected in May": the event named by a noun, then its schedule
    + r"|" + _led("milestone_event_nouns") + r"\s+(?:(?:is|are)\s+(?:now\s+)?)?" + alternation("schedule_participles") + r"\s+(?:for|in|by)\b"
    # "construction will begin", "Work on the tunnel will begin in July": the works, perhaps what they are on, then the start
    + r"|" + _led("construction_works") + r"(?:\s+(?:on|of)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,4}?[\w’'-]+)?\s+(?:"
    + alternation("scheduled_auxiliaries") + r"\s+)?" + alternation("beginning_verbs") + r"s?"
    r"|" + _led("becoming_verbs") + r"\s+(?:fully\s+)?(?:operational|ready(?=\s+(?:for\s+[\w-]+\s+)?(?:by|in|before)\s)|completed|(?:re)?open(?:ed)?|into\s+" + alternation("service_nouns")
    + r"|up\s+and\s+running|built(?=\s+(?:by|in|before)\s))"
    # "will enter service next year", "will break ground in May", "to enter mass production", "to enter phase III trials"
    r"|" + _TO_WILL_SHALL + r"\s+(?:enter\s+(?:into\s+)?" + alternation("service_nouns", "entered_stages") + r"|break\s+ground)"
    # "to complete the Line 23 project", "will complete the first phase of the X Park"
    r"|" + _TO_WILL_SHALL + r"\s+(?:fully\s+)?" + alternation("completing_verbs") + r"(?=\s+(?:the\s+|its\s+)?(?:" + alternation("phase_positions") + r"\s+"
    + alternation("phase_nouns") + r"\s+of\s+(?:the\s+)?)?[A-Z\d])"
    # ("In June, the hall will open.": the verb may end the sentence)
    r"|" + _led("opening_participles") + r"(?:\s+(?:into\s+" + alternation("service_nouns") + r"|to\s+" + alternation("public_audiences") + r")|\s+|(?=[.;!?]))"
    # "will be put into operation", not "would put growth in the second half at 5.7 percent"
    r"|(?<=p)ut\s+into\s+(?:" + alternation("service_nouns") + r"|production)"
    # "plans to put the data center into operation in the fourth quarter": the thing between the verb and its state
    r"|" + _TO_WILL_SHALL + r"\s+put\s+(?:[\w’'-]+\s+){1,6}?into\s+(?:" + alternation("service_nouns") + r"|production)"
    r"|" + _led("topping_forms") + r"(?:\s+|-)out"
    r"|" + _led("schedule_participles") + r"\s+(?:for|to)\s+(?:be\s+)?(?:fully\s+)?(?:re)?" + alternation("scheduled_events")
    # "is due to start next spring and finish in 2028": a second milestone sharing the aim
    + r"|(?<=a)nd\s+(?:to\s+|will\s+)?" + alternation("milestone_end_verbs") + r"(?=\s+(?:in|by|before|at\s+the\s+end)\s)"
    # "will host the 5th Riverside Design Week next year", "will host its first tea fair in May": what a place hosts is an
    # event, due at its time; "The forum will be held in May"
    r"|" + _TO_WILL_SHALL + r"\s+(?:also\s+)?host(?=\s+(?:the\s+)?(?:(?:\d{1,2}(?:st|nd|rd|th)|" + alternation("event_ordinals") + r")\s+)?[A-Z])"
    # "will launch the Harbor Innovation Fund in June", "will hold its annual lantern festival in February": a thing named
    # (a capital, the case kept) or an event; not "will hold the line on rates", "will release more land"
    r"|" + _TO_WILL_SHALL + r"\s+(?:also\s+)?(?:officially\s+)?" + alternation("named_launch_verbs") + r"(?=\s+(?:the\s+|its\s+|an?\s+)?(?:(?:19|20)\d\d\s+)?"
    r"(?:(?:\d{1,2}(?:st|nd|rd|th)|" + alternation("event_ordinals") + r")\s+)?(?:(?-i:[A-Z])|(?:[\w-]+\s+){0,3}" + alternation("held_event_nouns") + r"\b))"
    # "plans to set up a 2-billion-yuan biotech fund this year", "will establish an AI institute in 2026": a body set up
    # by a time
    r"|" + _TO_WILL_SHALL + r"\s+(?:also\s+)?" + alternation("setting_up_verbs") + r"\s+(?:an?|the|its|their)\s+(?:[\w-]+\s+){0,3}?"
    + alternation("founded_things") + r"\b"
    # "The expo will kick off in late September": an event that begins at its time
    r"|" + _TO_WILL_SHALL + r"\s+(?:officially\s+)?" + alternation("event_beginning_verbs") + r"(?=\s+" + alternation("held_time_leads") + r"\b)"
    # "The plant will reach full capacity by 2027", "will reach its designed capacity next year": running at full, a
    # milestone with no figure
    r"|" + _TO_WILL_SHALL + r"\s+(?:reach|achieve|hit)\s+" + FULL_CAPACITY + r""
    # "The clinic should see its first patients in the autumn", "will start receiving patients in May": a place's
    # first users, its opening
    r"|" + _TO_WILL_SHALL + r"\s+(?:" + alternation("first_use_verbs") + r"\s+(?:its|their)\s+first|" + alternation("starting_verbs") + r"\s+"
    + alternation("first_use_gerunds") + r")\s+" + alternation("first_users") + r"\b"
    # "..., and finish the riverside road works by the end of June": works finished, named by their noun
    r"|(?:" + _TO_WILL_SHALL + r"\s+(?:fully\s+)?" + alternation("completing_verbs") + r"|(?<=\band\s.)(?:(?<=f)ully\s+" + alternation("completing_verbs") + r"|" + _led("completing_verbs") + r"))" + r"\s+the\s+(?:[\w’'-]+\s+){0,4}?" + alternation("finished_works_nouns")
    + r"\b(?!\s+of\b)"
    # "The festival will take place in May", "The fashion week will return in October": an event held again
    r"|" + _TO_WILL_SHALL + r"\s+(?:also\s+)?(?:be\s+held|take\s+place|return)(?=\s+(?:at\s+(?:the\s+)?[\w’'-]+(?:\s+[A-Z][\w’'-]*){0,3}\s+)?"
    + alternation("held_time_leads") + r"\b)"
    # "Hotel bookings should pick up by the summer", "emissions to peak by 2025": a turn foreseen, no value;
    # so is a pace foreseen ("Port traffic is likely to decline in the autumn", "sales to keep growing in the first quarter")
    r"|" + _TO_WILL_SHALL_SHOULD + r"\s+" + alternation("turning_verbs", "pace_phrases") + r"(?=\s+(?:by|in|before|within|this|next)\s)"
    # "all remaining old-style lanes will be vacated within the year": a clearing done by a time
    r"|" + _TO_WILL_SHALL + r"\s+be\s+(?:fully\s+)?" + alternation("clearing_participles") + r"(?=\s+(?:by|in|before|within|this|next)\s)"
    # "Broadband will cover every village by 2027", "the shuttle will serve the entire campus by June": a service
    # reaching all of a place by a time, a goal in words
    r"|" + _TO_WILL_SHALL + r"\s+(?:fully\s+)?" + alternation("coverage_verbs") + r"\s+(?:(?:the\s+)?" + alternation("whole_adjectives")
    + r"|every|all(?:\s+the)?)\s+[\w-]+(?=\s+(?:by|in|before|within)\s)"
    # "exports are forecast to return to positive growth next spring": a forecast with no value
    # ("to return to two-digit growth by spring": a size of the growth may stand before it)
    r"|" + _TO_WILL_SHALL + r"\s+return\s+to\s+(?:[\w-]+\s+)?" + alternation("recovered_states") + r"\b"
    # "tourism revenue should maintain steady growth until the autumn": growth kept to a time
    r"|" + _TO_WILL_SHALL_SHOULD + r"\s+" + alternation("keeping_verbs") + r"\s+(?:[\w-]+\s+){0,2}?" + alternation("recovered_states")
    + r"(?=\s+(?:by|in|before|within|this|next|through|until)\s)"
    # "The board will assess implementation of the scheme in 2026", "an interim evaluation is due next year": a plan's
    # review is due at its time
    r"|" + _TO_WILL_SHALL + r"\s+" + alternation("reviewing_verbs") + r"\s+" + alternation("reviewed_objects") + r"\b"
    r"|" + _led("review_times") + r"\s+" + alternation("review_nouns") + r"\b"
    # a goal in words only: a multiple ("sales are to double by 2030"), or all of a thing in a required state ("to
    # ensure that every school meets the new standards by 2028": all of them, 100 percent, eval/README's convention)
    r"|" + _TO_WILL_SHALL + r"\s+" + alternation("multiplying_verbs") + r"(?=\s+(?:by|in|before|within|over|this|next)\s)"
    r"|" + _TO_WILL_SHALL + r"\s+" + alternation("assuring_verbs") + r"\s+(?P<all>" + alternation("universal_quantifiers") + r")\s+(?:[\w-]+\s+){1,4}?"
    + alternation("standard_verbs") + r"\s+(?:the\s+|their\s+|its\s+)?(?:[\w-]+\s+){0,3}?" + alternation("required_state_nouns") + r"\b"
    # "the county expects to hit its yearly housing goal by October": a goal reached by a time
    r"|" + _TO_WILL_SHALL + r"\s+" + alternation("meeting_verbs") + r"\s+(?:its|their|the|this\s+year's)\s+(?!following\b)(?:[\w-]+\s+){0,3}?" + alternation("goal_nouns") + r"\b"
    r"|(?<=i)nitiate\s+(?:the\s+)?construction|" + _led("renewal_works") + r"\s+of\s+(?:[^.;]|\.(?=\d)){0,120}?\s+(?:will|is\s+to)\s+"
    + alternation("start_verbs") )
_MILESTONE = re.compile(_initials_of(_MILESTONE_FORMS) + r"(?<!\w.)(?i:" + _MILESTONE_FORMS + ")")


def _milestone_cues() -> tuple[str, ...]:
    """The lexicon's milestone cues (grammar.json ``milestone_cues``), each {class} read as the first word of each of its
    phrases ("to {turning_verbs} ": "to peak ", "to pick ", ...), in order, once each."""
    grammar = word_lists("grammar")
    cues: list[str] = []
    for cue in grammar["milestone_cues"]:
        head, brace, rest = cue.partition("{")
        name, _, tail = rest.partition("}")
        cues += [head + phrase.split()[0] + tail for phrase in grammar[name]] if brace else [cue]
    return tuple(dict.fromkeys(cues))


def _cue_pattern(cue: str, either_case: bool = True) -> str:
    """A cue as a regex: as written (its first letter in either case), a trailing space one blank, a leading space "not
    inside a word"."""
    word = re.escape(cue.strip())
    if either_case and word[0].isalpha():
        word = f"[{word[0].upper()}{word[0]}]{word[1:]}"
    return ("(?<!\\w)" if cue.startswith(" ") else "") + word + ("\\s" if cue.endswith(" ") else "")


def _cues_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern of the cues: those after "to", "will" or "shall" in one group behind them; a lookahead of the first
    letters halves the scan (most positions fail on one character test)."""
    aimed = "|".join(_cue_pattern(c[3:], either_case=False) for c in cues if c.startswith("to "))
    alone = [c for c in cues if not c.startswith("to ")]
    firsts = sorted({c.strip()[0] for c in alone} | {"t", "w", "s"})
    return re.compile("(?=[" + "".join(f.upper() + f for f in firsts) + "])(?:(?:[Tt]o|[Ww]ill|[Ss]hall) (?:" + aimed + ")|"
                      + "|".join(map(_cue_pattern, alone)) + ")")


# Every milestone names one of these (lang/en grammar.json's one list): a sentence with none is not read for milestones
_MILESTONE_CUES = _milestone_cues()
_MILESTONE_WORD = _cues_pattern(_MILESTONE_CUES)
_PLAN_PERIOD_WORDS = re.compile(r"\bplan\s+period\b|\bperiod\s+of\s+the\s+plan\b", re.IGNORECASE)
_NAVIGATION_LABEL = re.compile(r"\b(?:Previous|Next|Prev|Related)\s*[:：]")  # a web page's links to other stories
_NEEDS_SUBJECT = re.compile(alternation("needs_subject_verbs") + r"\b")
_FUTURE = re.compile(r"\b" + alternation("future_words", "future_markers") + r"\b", re.IGNORECASE)
_FUTURE_WORDS = key_words(word_lists("grammar")["future_words"], word_lists("grammar")["future_markers"])  # (one in a sentence _FUTURE finds)


def build_targets(
    text: str, seg: Segmentation, quantities: list[Quantity], phrases: list[TimePhrase], district: str | None, year: int | None,
    month: int | None = None,
) -> list[Target]:
    """The goals with a figure, then the project milestones with a deadline, in the order of the text."""
    targets, covered = _goals_with_figures(text, seg, quantities, year, month)
    # Every milestone names one of these words: one scan of the text picks the sentences worth reading.
    phrases = sorted(phrases, key=lambda p: p.start)  # (as found: by start) so that a sentence's are found by bisection
    phrase_starts = [p.start for p in phrases]
    figures = _FigureIndex(quantities)
    ctx = None  # (the document as the period readers see it, made when a milestone's sentence names the plan period)
    for s_index in _milestone_sentences(text, seg):
        sentence = seg.sentences[s_index]
        in_sentence = phrases[bisect_left(phrase_starts, sentence.start):bisect_left(phrase_starts, sentence.end)]
        in_sentence = _with_days_named(text, sentence, in_sentence, year, month)
        if _PLAN_PERIOD_WORDS.search(text, sentence.start, sentence.end):
            ctx = ctx or Context(text, seg, district, year, [(p.start, p.end) for p in phrases])
            in_sentence = sorted(in_sentence + plan_period_phrases(ctx, sentence.start, sentence.end), key=lambda p: p.start)
        if "from" in text[sentence.start:sentence.end] or "starting" in text[sentence.start:sentence.end]:
            in_sentence = _with_first_of_recurring(text, sentence, in_sentence, year)
        if not in_sentence or _FUTURE_WORDS.isdisjoint(seg.words(s_index)) or not _FUTURE.search(text, sentence.start, sentence.end):
            continue  # no time, no deadline; nothing still to come
        if _NAVIGATION_LABEL.search(text, sentence.start, sentence.end):
            continue  # "Previous: ... Next: District to host the forum in November": the titles of other pages
        targets += _milestones(text, seg, sentence, in_sentence, s_index in covered, figures, district, year)
    if ":\n" in text:  # (no lead-in, no list of tasks)
        items = _list_item_milestones(text, targets, figures, district, year)
        if items:  # (a milestone read across the list's lines from its lead-in's time is the item's, told better)
            targets = [t for t in targets if t.quantity_ref is not None or not any(t.start < i.end and i.start < t.end for i in items)]
            targets += items
    targets.sort(key=lambda t: t.start)
    return targets


# An item of a list of tasks that opens with a verb of finishing or opening: "- complete the renovation of the old
# quarter;", "2. open the riverside greenway to the public."
_ITEM_MILESTONE = re.compile(r"^[ \t]*(?:[-•*·]|\(?\d{1,2}[.)])[ \t]+(?P<verb>(?:" + alternation("completing_verbs") + r"|open|launch|"
                             + alternation("named_launch_verbs") + r"|host)\s+(?:the|its|our|a|an)\s|(?:start|begin|commence)\s+(?:trial\s+)?"
                             r"(?:construction|operation|production)\s+(?:of|on)\s|put\s+(?:[^;.\n]{1,80}?)\s+into\s+(?:"
                             + alternation("service_nouns") + r"|production))(?:[^\n.]|\.(?=\d))*", re.MULTILINE | re.IGNORECASE)


# a lead-in of tasks or goals ("Key tasks for 2024:", "Priorities this year:"): what its items name is still to be done
_TASKS_LEAD = re.compile(r"\b(?:tasks|priorities|goals|targets|objectives|milestones)\b(?![^:]*\b(?:completed|achieved|accomplished|done|met)\b)", re.IGNORECASE)


def _list_item_milestones(text: str, targets: list[Target], figures: _FigureIndex, district: str | None,
                          year: int | None) -> list[Target]:
    """The items of a list of tasks after a lead-in of the future ("By 2025, we will:") share its deadline: an item that
    opens with a verb of finishing, opening or starting construction and holds no goal's figure ("- open the final
    section of the riverside corridor to the public;") is a milestone due then, or at the time the item names itself
    ("- Start construction of the second phase in the second quarter"). A lead-in that names no time ("By the end of
    the plan period, we will:") gives the deadline of the goals with a figure in the same list."""
    found = []
    for m in _ITEM_MILESTONE.finditer(text):
        start, end = m.start("verb"), m.end() - len(m.group(0)) + len(m.group(0).rstrip(" ;.,\t"))
        lead = list_lead_in(text, start)
        if not lead or not (_FUTURE.search(lead) or _TASKS_LEAD.search(lead)) or figures.goal_starts_in(start, end):
            continue  # (an item with a goal's figure is a goal with a value, its figure's target)
        # a time the item names is its own; in a list of tasks to come, a quarter or month named without a year is of
        # the year the text speaks in (read with no month, where a report would take "the third quarter" for the last)
        own = next((p for p in find_time_phrases(text[start:end], year) if _deadline(p.period, year) is not None), None)
        if own is not None:
            end = min(end, start + own.end)  # "... in the second quarter, a 3.2-billion-yuan project": up to its time
        deadline = _deadline(own.period, year) if own is not None else _lead_in_deadline(text, lead, start, targets, year)
        if deadline is not None:
            metric = re.sub(r"\s+", " ", text[start:end]).strip()
            found.append(Target(start, end, text[start:end], metric, None, None, deadline, district, None))
    return found


def _lead_in_deadline(text: str, lead: str, start: int, targets: list[Target], year: int | None) -> Period | None:
    """The deadline a list's lead-in names, else the one the goals of the same list are due at."""
    times = [p for p in find_time_phrases(lead, year) if not p.since]
    if times:
        return _deadline(times[-1].period, year)
    lead_at = text.rfind(lead, 0, start)
    siblings = [t.deadline for t in targets if lead_at < t.start and t.deadline is not None and list_lead_in(text, t.start) == lead
                and text.rfind(lead, 0, t.start) == lead_at]
    return siblings[-1] if siblings else None


# "on November 18", "on October 1, 2026", "from October 12 to 15": the day an event is held or a thing opens, read as its month
_DAY_NAMED = re.compile(r"\b(?:on|from)\s+(?P<m>" + month_names() + r")\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?")


def _days_named(text: str, sentence: Sentence, year: int | None, month: int | None = None) -> list[TimePhrase]:
    """The days a sentence names with 'on' ('The forum will be held on November 18'), as the months they fall in: a
    milestone's deadline. (The time phrases of figures leave out days: a figure is of a period, an event is on a day.)
    A day with no year, in a month before the report's, is next year's: the event is still to come ('will open on
    January 18', said in November)."""
    found = []
    for m in _DAY_NAMED.finditer(text, sentence.start, sentence.end):
        y, named = int(m["y"]) if m["y"] else year, month_numbers()[m["m"].lower()]
        if y is not None and not m["y"] and month is not None and named < month:
            y += 1
        if y is not None:
            found.append(TimePhrase(m.start(), m.end(), Period.month(y, named), future=True))
    return found


def _with_days_named(text: str, sentence: Sentence, in_sentence: list[TimePhrase], year: int | None, month: int | None) -> list[TimePhrase]:
    """A sentence's time phrases and the days it names ('The expo, which drew 80,000 visitors last year, will open on
    June 9': the opening's day beside the aside's year), in order; a day inside a phrase found already is that phrase's."""
    if in_sentence and text.find(" on ", sentence.start, sentence.end) < 0:
        return in_sentence  # (a day beside other times is named with "on"; "from June 9" alone is read when no other time is)
    days = [d for d in _days_named(text, sentence, year, month) if not any(p.start < d.end and d.start < p.end for p in in_sentence)]
    return sorted(in_sentence + days, key=lambda p: p.start) if days else in_sentence


# "every June from next year", "each October starting 2026": a yearly event from a year on, first due in that month
_RECURRING_MONTH = re.compile(r"\b(?:[Ee]very|[Ee]ach)\s+(?P<m>" + month_names() + r")\s+(?:from|starting(?:\s+(?:from|in))?|beginning(?:\s+in)?)\s+"
                              r"(?:(?P<rel>this|next)\s+year|(?P<y>(?:19|20)\d\d))\b")


def _with_first_of_recurring(text: str, sentence: Sentence, in_sentence: list[TimePhrase], year: int | None) -> list[TimePhrase]:
    """A sentence's time phrases, a yearly event's first time among them: "The summit will be held every June from next
    year" is first due next June (the year it starts from alone is no deadline of its own)."""
    firsts = []
    for m in _RECURRING_MONTH.finditer(text, sentence.start, sentence.end):
        y = int(m["y"]) if m["y"] else (year + (m["rel"] == "next") if year is not None else None)
        if y is not None:
            firsts.append(TimePhrase(m.start(), m.end(), Period.month(y, month_numbers()[m["m"].lower()]), future=True))
    if not firsts:
        return in_sentence
    kept = [p for p in in_sentence if not any(f.start <= p.start < f.end for f in firsts)]
    return sorted(kept + firsts, key=lambda p: p.start)


# The cues of _MILESTONE_WORD as written, found with str.find in the lower-cased text, many times faster than trying the
# pattern at every character; the pattern then decides at each place found
_MILESTONE_STEMS = tuple(f"{aux} {cue[3:].strip()}" if cue.startswith("to ") else cue.strip()
                         for cue in _MILESTONE_CUES for aux in (("to", "will", "shall") if cue.startswith("to ") else ("",)))


def _milestone_sentences(text: str, seg: Segmentation) -> list[int]:
    """The indices of the sentences holding a match of _MILESTONE_WORD, in order."""
    lowered = text.lower()
    if len(lowered) != len(text) or has_case_trap(text):  # a letter that matches an ASCII letter case-blind but lower-cases to none
        return sorted({seg.index_at(m.start()) for m in _MILESTONE_WORD.finditer(text)})
    starts: set[int] = set()  # where a stem (its lead included) starts: the pattern is tried once at each
    for word, leads in _STEM_SEARCHES:
        at = lowered.find(word)
        while at >= 0:
            for lead in leads:  # (the stem "to reach" is at p where "reach" is at p + 3 and "to " before it)
                start = at - len(lead)
                if start >= 0 and lowered.startswith(lead, start):
                    starts.add(start)
            at = lowered.find(word, at + 1)
    for lead, after in _LED_SEARCHES:  # the verbs found only after a lead: the lead found, then the verbs its place may hold
        at = lowered.find(lead)
        while at >= 0:
            verb = at + len(lead)
            if any(lowered.startswith(word, verb) for word in after.get(lowered[verb:verb + 2], ())):
                starts.add(at)
            at = lowered.find(lead, at + 1)
    return sorted({seg.index_at(start) for start in starts if _MILESTONE_WORD.match(text, start)})


def _stem_searches(stems: tuple[str, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The stems as words to find and the leads before them: "to reach", "will reach" and "shall reach" as "reach" after
    "to ", "will " or "shall " (one scan of the text, not three), a stem of its own as itself after "" """
    leads: dict[str, list[str]] = {}
    for stem in stems:
        first, _, rest = stem.partition(" ")
        word, lead = (rest, first + " ") if first in ("to", "will", "shall") and rest and " " not in rest else (stem, "")
        if lead not in leads.setdefault(word, []):
            leads[word].append(lead)
    return tuple((word, tuple(ls)) for word, ls in leads.items())


def _led_searches(searches: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[tuple[str, dict[str, tuple[str, ...]]], ...]:
    """The words of ``searches`` that come only after a lead ("reach" after "to ", "will ", "shall "), by lead and then by
    their first two letters: some 40 verbs are found by three scans for their leads, not by a scan for each."""
    after: dict[str, dict[str, list[str]]] = {}
    for word, leads in searches:
        if "" not in leads and len(word) >= 2:
            for lead in leads:
                after.setdefault(lead, {}).setdefault(word[:2], []).append(word)
    return tuple((lead, {two: tuple(words) for two, words in by_two.items()}) for lead, by_two in after.items())


_LED_SEARCHES = _led_searches(_stem_searches(_MILESTONE_STEMS))
_STEM_SEARCHES = tuple((word, leads) for word, leads in _stem_searches(_MILESTONE_STEMS) if "" in leads or len(word) < 2)


def _goals_with_figures(text: str, seg: Segmentation, quantities: list[Quantity], year: int | None,
                        month: int | None = None) -> tuple[list[Target], set[int]]:
    """A target for each goal's figure (a conversion in brackets too, "200 billion yuan ($29 billion)": a second quantity
    with the same attributes, so a second target), and the sentences that hold one."""
    targets: list[Target] = []
    covered: set[int] = set()
    # a review of a plan the title names ("Final Review of ... the 14th Five-Year Plan"): its goals were due at its end
    plan = plan_named(text[:max(0, text.find("\n"))])
    plan_end = plan.end_year if plan is not None else None
    for index, q in enumerate(quantities):
        if q.kind != "target":
            continue
        deadline = (_deadline(q.period, year, plan_end) if q.period is not None
                    else _undated_goal_deadline(text, q, year, plan_end) or _day_of_the_event(text, seg, q, year, month))
        targets.append(Target(q.start, q.end, q.text, q.metric, q.value, q.unit, deadline, q.subject, index))
        covered.add(seg.index_at(q.start))
    return targets, covered


def _milestones(text: str, seg: Segmentation, sentence: Sentence, in_sentence: list[TimePhrase], beside_goal: bool,
                figures: _FigureIndex, district: str | None, year: int | None) -> list[Target]:
    """The milestones of one sentence, each with its deadline: the nearest time, or, with several milestones or one
    beside a goal with a figure, the time that follows it (or the time that opens the sentence)."""
    body = text[sentence.start:sentence.end]
    found = _joined(list(_MILESTONE.finditer(body)), body)
    targets = []
    for k, milestone in enumerate(found):
        at = sentence.start + milestone.start()
        if _is_past_event(text, sentence.start, at, sentence.start + milestone.end()):
            continue  # "Construction started in March, and the hub is expected to open in 2024": the start is done
        if len(found) > 1 or beside_goal:
            until = sentence.start + found[k + 1].start() if k + 1 < len(found) else sentence.end
            when = next((p for p in in_sentence if at < p.start < until), None) or _opening(text, sentence.start, in_sentence, at)
        else:
            when = _nearest(in_sentence, at)
            if when is not None and when.end <= at and (_deadline(when.period, year) is None
                                                        or _IN_ASIDE.match(text, when.end) and "," in text[sentence.start:when.start]
                                                        or _PAST_RELATIVE.search(text, sentence.start, when.start)):
                # "Work started in 2022 and will finish in 2027": the past time before the verb is the start's; "The
                # Harbor Forum, held in June, will return next year": the time of an aside is the aside's; so is the time
                # of a relative clause in the past ("A kiln that was lit in March will reach full capacity next year")
                when = next((p for p in in_sentence if p.start > at), when)
        deadline = _deadline(when.period, year) if when else None
        if deadline is None:
            continue
        if beside_goal and not _own_clause(text, figures, at, when, sentence.start):
            continue  # "to build 50 factories within three years": the goal's figure is the target, its verb no milestone
        if beside_goal and _FORESEEN.fullmatch(milestone.group(0)) and _valued_after(text, figures, when.end):
            continue  # "Growth is likely to slow in the second half, to about 4 percent": the figure states the forecast
        targets.append(_milestone_target(text, seg, sentence, milestone, when, deadline, district))
        first = _respective_first(text, sentence, at, when, targets[-1], year)
        if first is not None:
            targets.insert(len(targets) - 1, first)
    return targets


# "The museum and the library are slated to open in 2026 and 2027 respectively": two things, two times, each to each
_RESPECTIVELY = re.compile(r",?\s+respectively\b")
_FIRST_OF_TWO = re.compile(r"(?:^|,\s*)(?P<first>[^,;:]{3,80}?)\s+and\s+[^,;:]{3,80}?,?\s+(?:(?:is|are|will)\s+)?$")


def _respective_first(text: str, sentence: Sentence, at: int, when: TimePhrase, milestone: Target, year: int | None) -> Target | None:
    """The milestone of the first of two things whose verb is due at two times 'respectively' ('The museum and the
    library are slated to open in 2026 and 2027 respectively'): due at the first time, its span the first thing's name
    (the milestone found, due at the span's end, is the second's)."""
    if not when.period.is_span or not _RESPECTIVELY.match(text, when.end):
        return None
    two = _FIRST_OF_TWO.search(text[sentence.start:at])
    deadline = _deadline(Period(when.period.first), year)
    if two is None or deadline is None:
        return None
    start, end = sentence.start + two.start("first"), sentence.start + two.end("first")
    owner = leading_name(text[start:end], 0)
    return Target(start, end, text[start:end], milestone.metric, None, None, deadline, owner or milestone.subject, None)


# a relative clause in the past up to a time: "that started production there in", "which was lit in"
_PAST_RELATIVE = re.compile(r"\b(?:that|which|who)\s+(?:was\s+|were\s+|had\s+)?(?:\w+ed|began|" + alternation("irregular_participles") + r")\b[^,;]*$",
                            re.IGNORECASE)
# a turn or a pace foreseen ("to slow", "to pick up"), and the goal's figure after its time that gives its value
_FORESEEN = re.compile(r"(?:to|will|shall|should)\s+" + alternation("turning_verbs", "pace_phrases"), re.IGNORECASE)
_VALUE_AFTER = re.compile(r",?\s+to\s+(?:" + alternation("approximators") + r"\s+)?")


def _valued_after(text: str, figures: _FigureIndex, at: int) -> bool:
    """Whether a goal's figure follows ``at`` (a forecast's time) after ', to' ('in the second half, to about 4
    percent'): the forecast's value, the target already."""
    m = _VALUE_AFTER.match(text, at)
    return m is not None and figures.goal_starts_in(m.end(), m.end() + 1)


_IN_ASIDE = re.compile(r"\s*,")  # a time that closes an aside set off by commas ("The forum, held in June, will ...")
# "will be completed and opened to traffic in 2026": two verbs of one milestone, joined with no time between them
_JOINED = re.compile(r"\s+(?:and|or)\s+(?:be\s+|is\s+|are\s+)?")


def _joined(found: list[re.Match], body: str) -> list[re.Match]:
    """The milestones of a sentence less those joined by 'and' to the one before with nothing between ('The tunnel will
    be completed and opened to traffic in 2026'): one milestone, due at the time after the last of its verbs."""
    kept = found[:1]
    for m in found[1:]:
        if not _JOINED.fullmatch(body, kept[-1].end(), m.start()):
            kept.append(m)
    return kept


_PAST_FORM = re.compile(r"\w*(?:ed|began|begun)\b")
_FUTURE_AUXILIARY = re.compile(r"\b" + alternation("pending_words") + r"\s+(?:[a-z]+\s+){0,2}$")


_WORD = re.compile(r"\w+")
_WORD_REST = re.compile(r"\w*")
_CONSTRUCTION_WORKS = word_class("construction_works")  # what is built or run, before the verb saying when


def _is_past_event(text: str, sentence_start: int, start: int, end: int) -> bool:
    """The milestone's verb is in the past ("started", "opened to traffic") with no "will be", "to be" or "when" before it."""
    words = takewhile(lambda m: m.start() < end, _WORD.finditer(text, start))  # whole words: "complete" in "completed"
    whole = next((m.group(0) for m in words if m.group(0).lower() not in _CONSTRUCTION_WORKS), "")
    return (whole.lower() not in ("slated", "scheduled", "poised", "expected", "planned")  # the future's own participles
            and bool(_PAST_FORM.fullmatch(whole.lower())) and not _FUTURE_AUXILIARY.search(text, sentence_start, start))


_OBJECT_BEFORE_DEADLINE = re.compile(r"\s+(?:of\s+)?(?:the\s+)?(?!" + alternation("deadline_leads") + r"\b)([^,.;]{3,80}?)(?=\s+"
                                     + alternation("deadline_openers") + r"\b|[,.;]|$)")


def _milestone_target(text: str, seg: Segmentation, sentence: Sentence, milestone: re.Match, when: TimePhrase, deadline: Period,
                      district: str | None) -> Target:
    """A milestone as a target: its span runs from the verb (or the deadline, if first) to the deadline."""
    verb_start = sentence.start + milestone.start()
    start, end = min(verb_start, when.start), max(sentence.start + milestone.end(), when.end)
    verb_end = sentence.start + milestone.end()
    verb_end = _WORD_REST.match(text, verb_end).end()  # "complete" matched in "completed": the whole word
    metric = re.sub(r"\s+", " ", text[verb_start:verb_end]).strip()
    clause_start, _ = seg.clause_bounds(verb_start)
    subject_span = text[clause_start:verb_start]
    subject = trim_metric(trim_metric(word_list(subject_span))[-8:])
    if not subject and clause_start > sentence.start and _NEEDS_SUBJECT.match(metric):
        # "The new hospital, with 800 beds, is slated to open": what is to open stands before the aside (on the verb's own
        # line: list items run on in one sentence when no capital opens the next)
        line_start = max(sentence.start, text.rfind("\n", sentence.start, verb_start) + 1)
        subject_span = text[line_start:seg.clause_bounds(line_start)[1]]
        subject = trim_metric(trim_metric(word_list(subject_span))[-8:])
    # "the Changfeng Park renovation will be completed by 2024": the named thing is the milestone's own
    # ("phase II of the Zhenru Hub is expected to be completed": the hub's, a part of it opening the subject)
    owner = (leading_name(subject_span, 2) or leading_name(_PART_OF_LEAD.sub("", subject_span, count=1), 0)) if subject else None
    infinitive = re.match(r"(?:to|will|shall)\s+", metric, re.IGNORECASE)
    if infinitive:
        metric, subject = metric[infinitive.end():], []  # "to complete the Line 23 project": what follows is what is due
    if subject and not re.match(r"[Cc]onstruction\s+of\b", metric):
        metric = f"{' '.join(subject)} {metric}"  # "the metro line is scheduled to open": what is to open
    obj = _OBJECT_BEFORE_DEADLINE.match(text[verb_end:sentence.end])  # the object, not the deadline after the verb
    if obj:
        metric = f"{metric} {obj.group(1).strip()}"
    value, unit = (100.0, "percent") if milestone.group("all") else (None, None)  # "to have all sections meet the standard"
    return Target(start, end, text[start:end], metric, value, unit, deadline, owner or district, None)


_PART_OF_LEAD = re.compile(r"^\W*(?:the\s+)?(?:" + alternation("phase_ordinals") + r"\s+)?" + alternation("part_nouns", case="either")
                           + r"(?:\s+(?:[IVX]+|\d+))?\s+of\s+(?:the\s+)?")


class _FigureIndex:
    """Where figures start, and where goals end, sorted: which lie in a stretch of text is found by bisection."""

    def __init__(self, quantities: list[Quantity]) -> None:
        self.starts = sorted(q.start for q in quantities)
        self.goal_starts = sorted(q.start for q in quantities if q.kind == "target")
        self.goal_ends = sorted(q.end for q in quantities if q.kind == "target")

    def goal_starts_in(self, lo: int, hi: int) -> bool:
        """A goal's figure starts in [lo, hi)."""
        k = bisect_left(self.goal_starts, lo)
        return k < len(self.goal_starts) and self.goal_starts[k] < hi

    def starts_in(self, lo: int, hi: int) -> bool:
        """A figure starts in [lo, hi)."""
        k = bisect_left(self.starts, lo)
        return k < len(self.starts) and self.starts[k] < hi

    def goal_ends_in(self, lo: int, hi: int) -> bool:
        """A goal's figure ends in (lo, hi]."""
        k = bisect_right(self.goal_ends, lo)
        return k < len(self.goal_ends) and self.goal_ends[k] <= hi

    def last_goal_end(self, lo: int, hi: int) -> int | None:
        """Where the last goal's figure ending in (lo, hi] ends."""
        k = bisect_right(self.goal_ends, hi) - 1
        return self.goal_ends[k] if k >= 0 and self.goal_ends[k] > lo else None


# A milestone's verb and a goal's figure are neighbours when the figure ends within 40 characters before the verb ("to
# build 50 factories and complete ..."); a verb phrase with no end in sight is taken to run 120 characters; a relative
# aside holding the goal opens within 160 characters before the goal's end. The caller knows no sentence to bound these.
_BESIDE = 40
_VERB_PHRASE_REACH = 120
_ASIDE_REACH = 160
_CLAUSE_JOIN = re.compile(r"[,;]\s+" + alternation("joining_conjunctions") + r"\s|;")
_AND_BEFORE = re.compile(r"\sand\s+$")
# an aside the goal's figure stands in: a relative clause ("The line, which will cut the journey to 30 minutes, is ..."),
# or a "with" phrase of what the thing has ("its second phase, with a planned investment of 4.5 billion yuan, to begin ...")
_RELATIVE_ASIDE = re.compile(r",\s*(?:which|that|who|with)\s(?:[^,;.]|[.,](?=\d))*$")  # (a decimal point or a digit comma ends nothing)
# a subordinate clause of time and its subject, right before the milestone's verb: "when it", "once the line"
_SUBORDINATE_SUBJECT = re.compile(r"\b" + alternation("time_subordinators") + r"\s+(?:it|they|(?:the|its)\s+[\w-]+(?:\s+[\w-]+){0,2}?)\s+(?:is\s+|are\s+)?$",
                                  re.IGNORECASE)
_RELATIVE_CLAUSE = re.compile(r"\b" + alternation("subject_relative_pronouns") + r"\s+(?:is|are|was|were|will|would)\b")
_PHRASE_END = re.compile(r"[,;.]\s|\s" + alternation("joining_conjunctions") + r"\s")  # where a verb phrase ends


def _own_clause(text: str, figures: _FigureIndex, start: int, when: TimePhrase, sentence_start: int) -> bool:
    """A milestone beside a goal with a figure: "..., and to complete the Line 23 project by 2026" has its own deadline,
    no figure; so has one in a clause of its own after the goal's ("help two companies go public, and construction of
    the line will start in the fourth quarter"), or one governed by the time that opens the sentence, with no figure
    in its own verb phrase, or one after a goal in a relative aside ("The line, which will cut the journey to 30 minutes,
    is scheduled to start service by 2027"); not the goal's verb ("to build 50 factories within three years")."""
    if _SUBORDINATE_SUBJECT.search(text, max(sentence_start, start - _BESIDE), start) and not _RELATIVE_CLAUSE.search(text, sentence_start, start):
        # "will cut the trip to 45 minutes when it opens in the second half": a clause with its own subject; not in a
        # relative clause ("a plant that is expected to add 3 billion yuan when it starts production"), which describes
        # its thing: the time clause dates the goal, whose figure already carries it
        return True
    if when.end <= start:  # "This year, we will start construction of X and help 20 firms list": the opening time
        stop = _PHRASE_END.search(text, start)
        # (a goal of the sentence before, ending just before "This year", is no goal of this verb)
        return not figures.starts_in(start, stop.start() if stop else start + _VERB_PHRASE_REACH) and not figures.goal_ends_in(max(start - _BESIDE, when.end), start)
    if figures.goal_starts_in(start, when.end):
        return False  # (a size that describes, "the North Bund's 480-meter landmark tower", is no goal's figure)
    # (a goal of the sentence before, as "... within 4.5%." over a heading and "We will complete ...", is no neighbour)
    goal_end = figures.last_goal_end(max(start - _BESIDE, sentence_start), start)
    if goal_end is None or _CLAUSE_JOIN.search(text, goal_end, start) or _AND_BEFORE.search(text, goal_end, start):
        # "... to exceed 600 billion yuan by 2025 and to double by 2035": a predicate of its own after "and"
        return True
    # "The line, which will cut the journey to under 30 minutes, is scheduled to start service by 2027": the goal is the
    # aside's; the main clause's milestone is its own. Not when the subject before the aside holds a goal's figure ("A
    # total of 35 projects, with a combined investment of 62 billion yuan, will start construction this year": the verb
    # is the count's predicate)
    aside = _RELATIVE_ASIDE.search(text, max(0, goal_end - _ASIDE_REACH), goal_end) if "," in text[goal_end:start] else None
    return aside is not None and not figures.goal_starts_in(sentence_start, aside.start())


def _opening(text: str, sentence_start: int, phrases: list[TimePhrase], at: int) -> TimePhrase | None:
    """A time phrase that opens the sentence ("This year, we will start construction of X and help 20 firms list")
    governs each of its verb phrases, the milestone's too."""
    first = phrases[0] if phrases else None
    if first is not None and first.end <= at and not text[sentence_start:first.start].strip(" \n\"“") \
            and text[first.end:first.end + 1] == ",":
        return first
    return None


def _nearest(phrases: list[TimePhrase], pos: int) -> TimePhrase | None:
    best = None
    for p in phrases:
        if best is None or abs(p.start - pos) < abs(best.start - pos):
            best = p
    return best


def _undated_goal_deadline(text: str, q: Quantity, year: int | None, plan_end: int | None) -> Period | None:
    """The deadline of a goal its own words do not date: the one its list's lead-in names ("By 2027, we will:" over "-
    raise the tax revenue to 30 billion yuan;"), or, in a review written after the plan its title names ended, the
    plan's end ("short of the 5,000 planned", in a final review of the 14th Five-Year Plan)."""
    lead_in = list_lead_in(text, q.start)
    if lead_in:
        found = [p for p in find_time_phrases(lead_in, year) if not p.since]
        if found:
            return _deadline(found[-1].period, year)
    if plan_end is not None and year is not None and year > plan_end:
        return Period.year(plan_end)
    return None


def _day_of_the_event(text: str, seg: Segmentation, q: Quantity, year: int | None, month: int | None) -> Period | None:
    """The day an event opens, named in a first predicate of the goal's sentence, joined to the goal's by 'and' ('The
    fair will open on June 9 and is expected to draw 50,000 visitors'): the goal is of the event, due that day (read
    as its month)."""
    sentence = seg.sentences[seg.index_at(q.start)]
    days = [d for d in _days_named(text, sentence, year, month) if d.end <= q.start]
    if not days or not _AND_NEXT_PREDICATE.match(text, days[-1].end, q.start):
        return None
    return _deadline(days[-1].period, year)


_AND_NEXT_PREDICATE = re.compile(r"\s*(?:" + AND_NEXT_PREDICATE.pattern + ")")  # ("on June 9, is expected to": an aside's day)


def _deadline(period: Period | None, year: int | None, plan_end: int | None = None) -> Period | None:
    """A goal's deadline is the end of the period it names, when that is not in the past, or when it is the end of the
    plan a review's title names ("the 2,500 targeted for 2025", in a final review of the 14th Five-Year Plan)."""
    if period is None:
        return None
    if year is not None and period.end_year < year and period.end_year != plan_end:
        return None
    return period.last_point
