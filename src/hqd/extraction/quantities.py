"""From mentions to the contract's quantities: kind, approx, metric, period and subject.

Every decision reads only the words around the mention (its clause, its
sentence, the frame set by earlier sentences of its paragraph).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Quantity
from .entities import head_type
from .lexicon import load, phrase_pattern
from .numbers import Mention
from .periods import TimePhrase
from .segments import Segmentation, Sentence

_CUES = load("cues")
_WORDS = load("words")


def _tail(phrases: list[str]) -> re.Pattern:
    return re.compile(r"(?:^|[^\w-])(" + phrase_pattern(phrases) + r")(?:\s+(?:the|a|an))?\s*$", re.IGNORECASE)


_APPROX_BEFORE = [(code, _tail(phrases)) for code, phrases in _CUES["approx_before"].items()]
_APPROX_AFTER = [
    (code, re.compile(r"^(?:\s*(?:yuan\s+|each\s+)?|-)(?:" + phrase_pattern(phrases) + r")\b", re.IGNORECASE))  # "or more", "30-plus"
    for code, phrases in _CUES["approx_after"].items()
]
_CHANGE_UP = re.compile(r"\b(" + phrase_pattern(_CUES["change_up"]) + r")\b", re.IGNORECASE)
_CHANGE_DOWN = re.compile(r"\b(" + phrase_pattern(_CUES["change_down"]) + r")\b", re.IGNORECASE)
_CHANGE_BLOCK = re.compile(r"\b(" + phrase_pattern(_CUES["change_block"]) + r")\b", re.IGNORECASE)
# "average annual growth was 8.5%": a change named by a noun, then a copula
_CHANGE_NOUN_WAS = re.compile(
    r"\b(?:growth|increase|rise|decline|decrease|drop|expansion|contraction)(?:\s+rate)?\s+(?:was|is|were|stood\s+at|reached|hit|came\s+in\s+at)\s+(?:[a-z]+\s+){0,2}$",
    re.IGNORECASE,
)
_COMPARATIVE_AFTER = re.compile(r"^\s+(?:more|higher|less|lower|fewer)\b", re.IGNORECASE)  # "18 percent more than"
_CONTINUING_PARTICIPLE = re.compile(r"^\W*(?:bringing|raising|taking|pushing|lifting|increasing)\b", re.IGNORECASE)
_UP_DOWN = re.compile(r"\b(up|down)(?:\s+by)?\s*$", re.IGNORECASE)
_CHANGE_AFTER = re.compile(
    r"^\s*(?:[\w’'-]+\s+){0,2}?(" + phrase_pattern(_CUES["change_after"] + ["higher", "lower"]) + r")\b", re.IGNORECASE
)
_SHARE_BEFORE = _tail(_CUES["share_before"] + [f"{v} {a}" for v in _CUES["share_before"] for a in ("a", "an", "the")])
_SHARE_BEFORE_LOOSE = re.compile(r"\b(" + phrase_pattern(_CUES["share_before"]) + r")\b(?:\s+[\w’'-]+){0,3}\s*$", re.IGNORECASE)
_SHARE_OF = re.compile(r"^\s+of\s+(?:" + phrase_pattern(_CUES["share_of_objects"]) + r")\b", re.IGNORECASE)
_SHARE_AFTER = re.compile(r"^\s+(?:" + phrase_pattern(_CUES["share_after"]) + r")\b", re.IGNORECASE)
_TARGET_BEFORE = re.compile(r"\b(" + phrase_pattern(_CUES["target_before"]) + r")\b", re.IGNORECASE)
_TARGET_AFTER = re.compile(r"\b(" + phrase_pattern(_CUES["target_after"]) + r")\b", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:[\w’'-]+\s+){0,2}$", re.IGNORECASE)
_LIST_GAP = re.compile(r"^\s*(?:,|;|,?\s*and|,?\s*or|and\s+then)?\s*$", re.IGNORECASE)
# "30% covered by urban areas and 70% by rural areas": a short tail, then the next item of the list.
_LOOSE_PERCENT_GAP = re.compile(r"^[^,;.]{0,90}?\band\s+$", re.IGNORECASE)
_LOOSE_LIST_GAP = re.compile(r"^[^,;.]{0,40}?(?:,\s*and|,|\band|\bor)\s+$", re.IGNORECASE)
_RANGE_GAP = re.compile(r"^\s*(?:-|–|to|and|or)\s*$", re.IGNORECASE)
_PRESENT = re.compile(r"\b(?:" + phrase_pattern(_CUES["present_markers"]) + r")\b", re.IGNORECASE)
_PERFECT = re.compile(r"\b(?:has|have)\s+(?:been\s+\w+ing|\w+ed|\w+en|been)\b|\b(?:is|are)\s+\w+ing\b", re.IGNORECASE)
_WORD = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|[A-Za-z0-9](?:[\w’'&-]|\.(?=\w))*|[()“”\"]")  # "10,000" is one word
_METRIC_LEAD = set(_WORDS["metric_lead_trim"])
_METRIC_TAIL = set(_WORDS["metric_tail_trim"])
_GOAL_VERBS = set(_WORDS["goal_verbs"])
_GOAL_PARTICIPLES = {w for w in [p.split()[0] for p in _CUES["target_after"]] + _CUES["target_before"] if w.endswith("ed") or w == "due"}
_CLASSIFIERS = set(_CUES["classifier_nouns"])
_ENTITY_SUBJECT = re.compile(
    r"(?:^|(?<=[\s“\"(]))((?:[A-Z][\w’'&.-]*|of|and|for|the|de)(?:\s+(?:[A-Z][\w’'&.-]*|of|and|for|the|de))*\s+(?:"
    + phrase_pattern([h for kind in ("park", "organization", "project", "institution") for h in _WORDS["entity_heads"][kind]])
    + r"))\b"
)


@dataclass(slots=True)
class _Context:
    text: str
    seg: Segmentation
    district: str | None
    year: int | None
    time_spans: list[tuple[int, int]]
    news: bool = False  # a news report (a dateline, no briefing date): its lead paragraph frames the whole story

    def without_time(self, start: int, end: int) -> str:
        """text[start:end] with time phrases blanked: "from a year earlier to" names no metric."""
        piece = list(self.text[start:end])
        for a, b in self.time_spans:
            if b <= start or a >= end:
                continue
            for k in range(max(a, start), min(b, end)):
                piece[k - start] = " "
        return "".join(piece)


def build_quantities(
    text: str, mentions: list[Mention], seg: Segmentation, phrases: list[TimePhrase], district: str | None, year: int | None,
    news: bool = False,
) -> list[Quantity]:
    ctx = _Context(text, seg, district, year, [(p.start, p.end) for p in phrases], news)
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
        clause_start, clause_end = seg.clause_bounds(q.start)
        if _APPOSITIVE_START.match(text, clause_start):
            # ", covering an area of 2,400 mu, is expected to house ...": the aside describes; the goal after it is not its
            following = min(following, clause_end)
        q.approx = _approx(text, q, sentence.start)
        q.kind = _kind(ctx, q, before, _target_window(ctx, q, window_start), text[q.end:following], links[i], prev, mentions[i], year)
        if q.kind == "change" and _is_decrease(before, text[q.end:q.end + 40]):
            q.value = -abs(q.value)
    for i, q in enumerate(quantities):
        q.metric = _metric(ctx, q, quantities, i, sentence_of, links[i])
        q.subject = _subject(ctx, q, sentence_of[i])
    _assign_periods(ctx, quantities, sentence_of, phrases, links)
    return quantities


_THRESHOLD_BEFORE = re.compile(
    r"\b(?:surpass(?:ed|ing|es)?|exceed(?:ed|ing|s)?|top(?:ped|ping|s)?|cross(?:ed|ing|es)?|pass(?:ed|ing|es)?|break(?:ing|s)?|broke)"
    r"(?:\s+(?:over|more\s+than|nearly|about|around|approximately|almost))?\s*$",
    re.IGNORECASE,
)
_APPOSITIVE_START = re.compile(r"\s*(?:covering|spanning|occupying|with|having|boasting|featuring|located|situated|home\s+to)\b", re.IGNORECASE)


def _share_units(ctx: _Context, mentions: list[Mention], quantities: list[Quantity], sentence_of: list[int]) -> None:
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


_TO_BEFORE = re.compile(r"\bto\s+(?:[\w’'-]+\s+){0,2}$", re.IGNORECASE)


def _from_to(text: str, a, b) -> bool:
    """ "from A ... to B": A is the start and B the end of one series."""
    return bool(_FROM_BEFORE.search(text[max(0, a.start - 25):a.start]) and _TO_BEFORE.search(text[a.end:b.start]))


def _links(ctx: _Context, quantities: list[Quantity], sentence_of: list[int]) -> list[str | None]:
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
        elif _LIST_GAP.match(gap) and a.unit == b.unit:
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
    after = text[q.end:q.end + 24]
    for code, pattern in _APPROX_AFTER:
        if pattern.match(after):
            return code
    return "="


def _clause_after(ctx: _Context, q: Quantity) -> str:
    _, clause_end = ctx.seg.clause_bounds(q.end)
    return ctx.text[q.end:max(q.end, clause_end)]


def _target_window(ctx: _Context, q: Quantity, window_start: int) -> str:
    """The quantity's clause; the clause before it too when its own holds only a few words."""
    clause_start, _ = ctx.seg.clause_bounds(q.start)
    if len(ctx.text[clause_start:q.start].split()) < 4 and clause_start > window_start:
        clause_start, _ = ctx.seg.clause_bounds(max(window_start, clause_start - 2))
    return ctx.text[max(window_start, clause_start):q.start]


def _kind(ctx: _Context, q: Quantity, before: str, target_before: str, after_until_next: str, link: str | None,
          prev: Quantity | None, mention: Mention, year: int | None) -> str:
    text = ctx.text
    sentence = ctx.seg.sentences[ctx.seg.index_at(q.start)]
    if link == "from":
        return "level"  # "to double from 15 to 30 by 2025": where a series starts, a goal's too, is a level
    if (_is_target(target_before, after_until_next, year) or _opens_with_deadline(text[sentence.start:q.start], year)
            or _FUTURE_PREDICATE.search(_clause_after(ctx, q))):
        return "target"
    if link == "list" and prev is not None:
        return prev.kind
    if link in ("from", "to"):
        return "level"
    after_clause = _clause_after(ctx, q)
    if mention.is_fraction:
        return "share"
    if _UP_DOWN.search(before) or _CHANGE_AFTER.match(after_clause) or (q.unit in ("percent", "pp") and (
            _CHANGE_NOUN_WAS.search(before) or _COMPARATIVE_AFTER.match(after_clause))):
        return "change"
    clause_start, _ = ctx.seg.clause_bounds(q.start)
    if link is None and prev is not None and prev.kind == "target" and _CONTINUING_PARTICIPLE.search(text[clause_start:q.start]):
        return "target"  # "attract 50 more by 2025, bringing the total to 150"
    change = None
    for m in _CHANGE_UP.finditer(before):
        change = m
    for m in _CHANGE_DOWN.finditer(before):
        if change is None or m.start() > change.start():
            change = m
    if change is not None and not _CHANGE_BLOCK.search(before[change.end():]):
        return "change"
    if q.unit == "percent" or q.unit == "pp":
        if _SHARE_BEFORE.search(before) or _SHARE_BEFORE_LOOSE.search(before) or _SHARE_OF.match(text[q.end:q.end + 40]) or _SHARE_AFTER.match(text[q.end:q.end + 40]):
            return "share"
    return "level"


# "by 2025", "by the end of next year", "by the end of the 14th Five-Year Plan": a deadline
_DEADLINE = r"(?:the\s+(?:end|close|conclusion)\s+of\s+(?:the\s+)?)?(?:(?P<y>(?:19|20)\d{2})|(?P<rel>this|next)\s+year|\d{1,2}(?:st|nd|rd|th)\s+Five-Year\s+Plan)"
_BY_YEAR = re.compile(r"\bby\s+" + _DEADLINE, re.IGNORECASE)


_FUTURE_PREDICATE = re.compile(r"\b(?:will|shall)\s+(?:be|have|reach|exceed|become|rise|grow|increase|open|cover|serve|add|host|top)\b", re.IGNORECASE)
_LEADING_DEADLINE = re.compile(r"^\W*By\s+" + _DEADLINE)


def _opens_with_deadline(sentence_head: str, year: int | None) -> bool:
    """ "By 2025, the district aims to ...": a sentence that opens with a future deadline states goals."""
    m = _LEADING_DEADLINE.match(sentence_head)
    if not m:
        return False
    return not m["y"] or (year is not None and int(m["y"]) >= year)


def _is_target(before: str, after: str, year: int | None) -> bool:
    if _TARGET_BEFORE.search(before):
        return True
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
    comparative = _COMPARATIVE_AFTER.match(after)
    if comparative:
        return comparative.group(0).strip().lower() in ("less", "lower", "fewer")
    m = _CHANGE_AFTER.match(after)
    if m and down is None and up is None:
        return bool(_CHANGE_DOWN.fullmatch(m.group(1)))
    if down is None:
        return False
    return up is None or down > up


_LIST_INTRODUCER = re.compile(r"\b(?:of|such\s+as|including|namely|like)\s", re.IGNORECASE)
_LIST_TAIL = re.compile(r"^\s*(?!and\b)(?:[^\W\d]+[-\s]+){1,4}and\s", re.IGNORECASE)  # "life sciences and ..."
_CLAUSE_WORD = re.compile(  # a segment holding one of these is a clause, not a list item or the noun heading one
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|we|it|they|he|she|which|that|who)\b", re.IGNORECASE
)
_ADVERBIAL_START = re.compile(r"\s*(?:in|during|at|by|since|as|from|with|under|among|for|over|after|before|on|to|through|within)\b", re.IGNORECASE)


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


def _words(span: str) -> list[str]:
    return [w for w in _WORD.findall(span) if w not in "()“”\""]


def _trim(words: list[str]) -> list[str]:
    goal = [k for k, w in enumerate(words[:-1]) if w.lower() in _GOAL_VERBS]
    if goal:
        after_goal = _trim_ends(words[goal[-1] + 1:])
        if after_goal:
            return after_goal  # "aims to raise the output of ...": what is measured follows the goal
    return _trim_ends(words)  # "the output will exceed": what is measured comes before it


def _trim_ends(words: list[str]) -> list[str]:
    while words and (words[0].lower() in _METRIC_LEAD or _is_name_of_district(words[0])
                     or (words[0].endswith("ly") and len(words) > 1 and words[1].lower() in _METRIC_LEAD)):  # "significantly increase"
        words = words[1:]
    while words and (words[-1].lower() in _METRIC_TAIL or words[-1].lower() in _METRIC_LEAD):
        words = words[:-1]
    return words


def _is_name_of_district(word: str) -> bool:
    w = re.sub(r"[’']s$", "", word)
    return w in _DISTRICT_WORDS


_DISTRICT_WORDS = {a for aliases in load("districts")["districts"].values() for a in aliases} | {"Shanghai", "District", "district"}


_NP_BREAK_AFTER_AND = re.compile(
    r"^(?:\d|a\b|an\b|the\b|has\b|have\b|had\b|is\b|are\b|was\b|were\b|will\b|now\b|also\b|then\b|further\b|still\b|thus\b"
    r"|[a-z]+ed\s+(?:\d|the\b|a\b|an\b|its\b|their\b|more\b|over\b|nearly\b|about\b|some\b|one\b|two\b|three\b|four\b|five\b|half\b))",
    re.IGNORECASE,
)
_TIME_START = re.compile(
    r"^(?:in|during|by|since|as\s+of|over|within)\s+(?:(?:19|20)\d\d|this|last|next|the\s+(?:first|second|end|close|conclusion|year|past|next|\d{1,2}(?:st|nd|rd|th)\s+Five-Year))"
    r"|^at\s+the\s+(?:end|close|beginning|start)\s+of\b|^(?:this|last|next)\s+(?:year|month|quarter)\b"
    r"|^(?:a|one)\s+year\s+(?:earlier|ago|before)|^the\s+(?:same\s+period|previous\s+year)"
    r"|^(?:in|within|over|during|for)\s+(?:the\s+)?(?:(?:next|past|last|coming|following)\s+)?(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few)\s+(?:consecutive\s+)?(?:years|months)\b",
    re.IGNORECASE,
)
_PASSIVE_TAIL = re.compile(r"^\s+(?:each\s+)?(?:is|are|was|were|has\s+been|have\s+been)\s+([a-z]+ed\b[^,.;:]{0,60})", re.IGNORECASE)
_OF_PHRASE = re.compile(r"\s+(of\s+[^,.;:]{2,120})")
_TAIL_PHRASE = re.compile(r"\s+(?:mark\s+|level\s+|threshold\s+)?(?:in|of|worth\s+of|among)\s+([^,.;:]{2,120})", re.IGNORECASE)
_DIMENSIONS = _WORDS["unit_dimensions"]
_ACTION_VERBS = set(_WORDS["action_verbs"])
_HOLDING_VERBS = set(_WORDS["holding_verbs"])
_MEASURES = {"mu", "m2", "km2", "ha", "km", "m", "ton", "kg", "tce", "kWh", "MWh", "TEU"}
_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
_SKIP_CLAUSE = re.compile(r"^\s*(?:since|in|during|by|as|such\s+as|including|and|with|for\s+example|notably|additionally|moreover|meanwhile|at\s+the\s+same\s+time|from|commencing|starting|beginning|over|within|after|before)\b", re.IGNORECASE)


_PLAIN_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
# Words after which a number starts a figure of its own rather than modifying the noun phrase
# ("firms exceeded 7 trillion", "and about 450,000 employees", "incubators covering 40,000 square meters";
# but "projects each valued at 100 million yuan or more" keeps its threshold).
_NUMBER_LEADS = ({"and", "or", "with"} | {p for ps in _CUES["approx_before"].values() for p in ps if " " not in p}
                 | {p for p in _CUES["share_before"] if " " not in p}
                 | {w for w in _METRIC_TAIL if w.endswith(("ed", "ing")) and w not in ("valued", "priced", "rated")})


def _phrase_words(text: str, pos: int, limit: int = 12) -> list[str]:
    """Words from ``pos`` to the end of the phrase: punctuation, a time phrase, or a new clause after 'and'."""
    out: list[str] = []
    rest = text[pos:pos + 200]
    for wm in re.finditer(r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|[A-Za-z0-9][\w’'&.-]*[\w%]|[A-Za-z0-9%])|([,;:!?]|\.(?!\d))|(\S)", rest):
        if wm.group(2):
            break
        word = wm.group(1) or wm.group(3)
        if word in "()“”\"":
            continue
        lw = word.lower()
        tail = rest[wm.start():]
        if _TIME_START.match(tail) or lw in ("but", "which", "that", "who", "while", "whereas", "thereby", "thus", "when", "once", "upon",
                                              "until", "if"):
            break
        if lw in ("and", "or") and (_NP_BREAK_AFTER_AND.match(rest[wm.end():].lstrip())
                                    or rest[wm.end():].split(None, 1)[:1] and rest[wm.end():].split(None, 1)[0].lower() in _ACTION_VERBS):
            break
        if _PLAIN_NUMBER.fullmatch(word) and out and out[-1].lower() in _NUMBER_LEADS:
            break  # "firms exceeded 7 trillion yuan", "enterprises and about 450,000 employees": another figure begins
        out.append(word)
        if len(out) >= limit:
            break
    while out and out[-1].lower() in _METRIC_TAIL:
        out.pop()
    return out


def _noun_phrase_after(text: str, pos: int) -> list[str]:
    """What a count counts, with its modifiers: '167 [projects each valued at 100 million yuan or more], ...'."""
    words = _phrase_words(text, pos)
    if words and words[0].lower() in ("to", "from", "per", "in", "at", "by", "than", "for", "on"):
        return []  # "rose from 78 to 108", "1.6 per thousand": the words after are no noun of the count's
    while words and words[0].lower() in ("of", "the", "-", "plus", "-plus"):
        words = words[1:]  # "40 of the Fortune Global 500 companies", "30-plus stations"
    cut = next((i for i, w in enumerate(words) if w.lower() in ("has", "have", "had", "is", "are", "was", "were", "will")), None)
    return words[:cut] if cut is not None else words


def _respectively_items(text: str, sentence_start: int, first_q: int, count: int) -> list[str] | None:
    """'A, B, and C have risen by 1%, 2% and 3% respectively': the list items before the numbers."""
    head = text[sentence_start:first_q]
    items = [i for i in re.split(r",\s*(?:and\s+)?", head) if i.strip()]
    if len(items) > 1 and re.match(r"\s*\w+ing\b", items[-1]):
        items.pop()  # "..., amassing a total of 42 and 52": the participle is not a list item
    if len(items) < count:
        items = items[:-1] + [i for i in re.split(r"\s+and\s+", items[-1]) if i.strip()] if items else []
    if len(items) < count:
        return None
    return [" ".join(_trim(_words(i))) for i in items[-count:]]


@dataclass(slots=True)
class _Site:
    """Where a figure stands in its sentence: what the metric readers below look at."""

    ctx: _Context
    q: Quantity
    i: int
    quantities: list[Quantity]
    members: list[int]  # indexes of the quantities in the same sentence
    prev: Quantity | None  # the figure just before, in the same sentence
    sentence: Sentence
    link: str | None
    after: str  # the rest of the figure's clause
    clause_start: int
    floor: int  # the words that may name the figure start here: after the previous figure, or at the sentence start
    before: list[str]  # those words, trimmed


_PASS = object()  # a metric reader's answer when the figure is not of its sort: the next reader is asked


def _metric(ctx: _Context, q: Quantity, quantities: list[Quantity], i: int, sentence_of: list[int], link: str | None) -> str | None:
    """The words that name what ``q`` measures, asked of one reader after another, each for a sort of figure."""
    site = _site(ctx, q, quantities, i, sentence_of, link)
    for reader in (_respectively_metric, _count_metric, _neighbour_metric, _change_metric, _share_metric):
        found = reader(site)
        if found is not _PASS:
            return found
    return _level_metric(site)


def _site(ctx: _Context, q: Quantity, quantities: list[Quantity], i: int, sentence_of: list[int], link: str | None) -> _Site:
    text = ctx.text
    seg = ctx.seg
    sentence = seg.sentences[sentence_of[i]]
    members = [j for j in range(len(quantities)) if sentence_of[j] == sentence_of[i]]
    prev = quantities[i - 1] if i - 1 in members else None
    clause_start, _ = seg.clause_bounds(q.start)
    floor = prev.end if prev else sentence.start
    start = max(clause_start, floor)
    longest = 12
    if start == clause_start > floor:
        head = _list_head(text, floor, clause_start, q.start)
        if head is not None:
            start, longest = head, 18
    window = _words(ctx.without_time(start, q.start))
    if prev is not None and prev.unit == "count" and prev.metric:
        # "45 new schools and 12 hospitals": the words after 45 belong to 45, not to 12
        owned = prev.metric.split()
        if window[:len(owned)] == owned:
            window = window[len(owned):]
    before = _trim(_trim(window)[-longest:])
    return _Site(ctx, q, i, quantities, members, prev, sentence, link, _clause_after(ctx, q), clause_start, floor, before)


def _respectively_metric(site: _Site) -> object:
    """ "A, B and C rose by 1%, 2% and 3% respectively": each figure takes its item of the list."""
    text, sentence, quantities, members, i = site.ctx.text, site.sentence, site.quantities, site.members, site.i
    if not (_RESPECTIVELY.search(text[site.q.end:sentence.end])
            or (site.link == "list" and _RESPECTIVELY.search(text[sentence.start:sentence.end]))):
        return _PASS
    run = [i]
    j = i
    while j - 1 in members and j > 0 and _LIST_GAP.match(text[quantities[j - 1].end:quantities[j].start]):
        j -= 1
        run.insert(0, j)
    k = i
    while k + 1 in members and _LIST_GAP.match(text[quantities[k].end:quantities[k + 1].start]):
        k += 1
        run.append(k)
    items = _respectively_items(text, sentence.start, quantities[run[0]].start, len(run))
    return items[run.index(i)] if items and items[run.index(i)] else _PASS


def _count_metric(site: _Site) -> object:
    """A count names what it counts after it ("167 projects each valued at ..."), or, failing that, before it."""
    text, q = site.ctx.text, site.q
    adjectival = re.search(r"\d.*-[A-Za-z]+$", q.text) and re.match(r"\s+[A-Za-z]", text[q.end:q.end + 3])
    if not (q.unit == "count" or adjectival):
        return _PASS
    words = _noun_phrase_after(text, q.end)
    if words and not all(w.lower() in _CLASSIFIERS for w in words) and (len(words) > 1 or adjectival):
        return " ".join(words)
    if words and all(w.lower() in _CLASSIFIERS for w in words) and site.before:
        words = []  # "output of new energy vehicles reached 310,000 units": what the units are of comes before
    if site.before and site.before[-1].lower() in ("another", "additional", "extra"):
        site.before = site.before[:-1]
    before = site.before
    if words and before and (before[-1].lower() in _HOLDING_VERBS or before[-1].lower() in _ACTION_VERBS
                             or before[-1].lower().endswith("ed")
                             or (len(before) > 1 and before[-2].lower() == "to")):  # "expected to draw"
        # "the Valley now gathers 3,500 enterprises", "start 12 projects", "benefited 46,000 households":
        # a verb before a count ends the clause that holds it; the count's own noun follows it
        return " ".join(words)
    if words or before:
        return " ".join(words + before) or None
    return _PASS


def _neighbour_metric(site: _Site) -> object:
    """A figure tied to the one before it measures the same thing: "from 78 to 108", "5%, 7% and 9%"."""
    text, q, prev = site.ctx.text, site.q, site.prev
    if prev is None or not prev.metric:
        return _PASS
    if site.link == "to":
        return prev.metric
    if prev.kind == "change" and q.kind != "change" and _TO_BEFORE.search(text[prev.end:q.start]) \
            and not _CHANGE_BLOCK.search(text[prev.end:q.start].replace(" to ", " ")):
        return prev.metric  # "grew by 23.7% over the previous year to 423.6 billion yuan": the level the change reached
    if site.link == "list":
        return prev.metric
    return _PASS


def _change_metric(site: _Site) -> object:
    """What changed: "an increase in revenue of 5%", "up 9% in exports", or the figure just named."""
    if site.q.kind != "change":
        return _PASS
    after, before = site.after, site.before
    suffix = _CHANGE_AFTER.match(after)
    lead = _trim(_words(after[: suffix.start(1)])) if suffix else []
    if lead:
        return " ".join(lead + (["of"] + before if before else []))
    in_phrase = re.match(r"\s+in\s+([^,.;:]{2,120})", after)
    if in_phrase and not _TIME_START.match(after.lstrip()):
        words = _phrase_words(in_phrase.group(1), 0)
        if words:
            return " ".join(words)
    quantities = site.quantities
    named = next((quantities[j] for j in range(site.i - 1, -1, -1) if j in site.members and quantities[j].kind != "share"), None)
    if named is not None and named.metric and not before:
        return named.metric  # "..., marking an increase of 9.1%": the figure just named changed
    return _PASS


def _share_metric(site: _Site) -> object:
    """ "industrial investment accounting for 45% of the total": the part, "share", and what it is part of."""
    if site.q.kind != "share":
        return _PASS
    prev = site.prev
    of = _OF_PHRASE.match(site.after)
    of_words = _phrase_words(of.group(1), 0) if of else []
    subject = site.before or (prev.metric.split() if prev is not None and prev.metric else [])
    if not subject and not of_words:
        subject = _trim(_words(site.after))
    phrase = " ".join(subject)
    if of_words:
        phrase = f"{phrase} share {' '.join(of_words)}".strip()
    return phrase or None


def _level_metric(site: _Site) -> str | None:
    """An amount: the words before it, with what follows in "of ..." or "in ...", else the sentence's subject."""
    ctx, q, prev, after, sentence = site.ctx, site.q, site.prev, site.after, site.sentence
    text = ctx.text
    words = list(site.before)
    tail = None if _TIME_START.match(after.lstrip()) else _TAIL_PHRASE.match(after)
    if tail:
        tail_words = _phrase_words(tail.group(1), 0, 10)
        if after.lstrip().startswith("in ") and _THRESHOLD_BEFORE.search(text, max(sentence.start, q.start - 40), q.start) and tail_words:
            return " ".join(tail_words)  # "the first building to surpass 10 billion yuan in tax revenue": what passed the mark
        if q.unit in _MEASURES and after.lstrip().startswith("of "):
            # "5 km of roads": the roads are what is measured; "1,260 hectares of forest and 38 km of greenways":
            # the words after another figure are its own
            owned_by_prev = prev is not None and re.match(r"\s*(?:of|in)\s", text[prev.end:q.start])
            words = tail_words + ([] if owned_by_prev else words[-4:])
        else:
            words += tail_words
    passive = _PASSIVE_TAIL.match(after)
    if passive and passive.group(1).split()[0].lower() not in _GOAL_PARTICIPLES:  # "is slated to open" says when, not what
        words += _phrase_words(passive.group(1), 0, 10)
    if not words and prev is not None and prev.metric and not _in_relative_clause(ctx, prev, sentence.start):
        return prev.metric  # "rose 12.8% to 98.4 billion yuan": the same thing, now as a level
    clause_start, floor = site.clause_start, site.floor
    if not words and re.match(r"\s*(?:which|that)\b", text[clause_start:q.start]) and clause_start > max(floor, sentence.start + 1):
        # "..., in the growth of total retail sales, which reached 85.6 billion yuan": what the clause hangs on
        antecedent = re.split(r"\b(?:of|in|for|on|from)\s+", text[max(floor, ctx.seg.clause_bounds(clause_start - 2)[0]):clause_start - 1])[-1]
        words = _trim(_words(antecedent))[-6:]
    if not words or (len(words) == 1 and words[0].lower().endswith("ing")):
        words = _fallback_subject(ctx, sentence.start, q.start) or words
    if (not words or (len(words) == 1 and words[0].lower().endswith("ing"))) and q.unit in _DIMENSIONS:
        return _DIMENSIONS[q.unit]
    return " ".join(words) or None


def _in_relative_clause(ctx: _Context, q: Quantity, sentence_start: int) -> bool:
    """ "buildings that each generate over 100 million yuan": the figure qualifies a noun, it is not the clause's own."""
    clause_start, _ = ctx.seg.clause_bounds(q.start)
    return bool(re.search(r"\b(?:that|which|who|whose)\b", ctx.text[max(clause_start, sentence_start):q.start]))


_SUBJECT_ENDS = {"has", "have", "had", "is", "are", "was", "were", "will", "ranked", "ranks", "ranking", "reached", "totaled",
                 "totalled", "stood", "amounted", "exceeded", "surpassed", "hit", "rose", "grew", "fell", "increased", "decreased"}


def _fallback_subject(ctx: _Context, sentence_start: int, q_start: int) -> list[str]:
    """The first clause of the sentence that is not an adverbial: 'Since 2018, [the output value], ...'."""
    text = ctx.text
    pos = sentence_start
    while pos < q_start:
        clause_start, clause_end = ctx.seg.clause_bounds(pos)
        clause = text[clause_start:min(clause_end, q_start)]
        if not _SKIP_CLAUSE.match(clause):
            words = _words(clause)
            # the clause's subject ends where its verb begins ("Tax revenue per square kilometer ranked third ...")
            verb = next((k for k, w in enumerate(words) if k and w.lower() in _SUBJECT_ENDS), None)
            words = _trim(words[:verb] if verb else words)
            if words:
                return words[:12]
        if clause_end <= pos:
            break
        pos = clause_end + 1
    return []


_PROCESS_OF = re.compile(r"^(?:(?:Construction|Development|Building|Renovation|Expansion|Completion|Operation|Opening|Launch|Upgrading)|Phase\s+(?:[IVX]+|\d+))\s+of\s+(?:the\s+)?")
_EXAMPLE_LEAD = re.compile(r"\b(?:such\s+as|including|like|namely|e\.g\.|as\s+well\s+as)\s+(?:the\s+)?$", re.IGNORECASE)


_MODIFIED_NOUN = re.compile(
    r"\s+(?:industry|industries|sector|sectors|enterprises?|companies|company|firms?|chips?|technology|technologies|"
    r"design|makers?|products?|applications?|services?|market|models?|talents?|projects?|parks?)\b"
)
_ACRONYM = re.compile(r"(?<![\w-])(?![IVXLC]+(?![\w-]))(?:[A-Z]{2,6})(?![\w-])")  # not Roman numerals (Phase II)
_POSSESSIVE_NAME = re.compile(r"(?<![\w-])([A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,3})[’']s\b")
# A definite or demonstrative noun phrase that points back to the entity last named ("this area", "the project").
_ANAPHOR = re.compile(r"\b(?:this|the|that|its)\s+(?P<noun>[a-z]+?)s?\b", re.IGNORECASE)
# Which kind of name an anaphoric noun can point back to (entity head-word types in lexicon/words.json).
_ANAPHOR_TYPES = {
    **dict.fromkeys(("area", "zone", "park", "base", "hub", "cluster", "campus", "town", "resort", "site", "harbor", "port", "valley", "bay"), "park"),
    **dict.fromkeys(("company", "enterprise", "firm", "group", "plant", "factory", "facility"), "organization"),
    **dict.fromkeys(("project", "program", "programme", "platform", "complex", "building", "initiative"), "project"),
    **dict.fromkeys(("institute", "hospital", "school", "university", "center", "centre", "college", "laboratory"), "institution"),
}
_ANAPHOR_KINDS = {"park": {"park"}, "organization": {"organization"}, "project": {"project", "organization", "park"},
                  "institution": {"institution"}}
_CAUSE_OR_COMPARISON = re.compile(
    r"\b(?:due\s+to|because\s+of|thanks\s+to|owing\s+to|as\s+a\s+result\s+of|compared\s+(?:with|to)|than|driven\s+by|boosted\s+by)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_NOT_SUBJECTS = re.compile(r"Five-Year Plan|Plenary Session|Committee|Commission|Bureau|Office|Government|Municipality", re.IGNORECASE)


# Abbreviations that are units, currencies or measures rather than organisations.
_NOT_NAMES = {"CPC", "GDP", "PM", "R&D", "US", "USD", "RMB", "CNY", "EUR", "HK", "HKD", "TEU", "TEUs", "MW", "GW", "KWH", "SME", "SMEs"}


def _entity_names(span: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of organisation-like names in ``span``: head-word names, acronyms, possessives."""
    found = []
    for m in _ENTITY_SUBJECT.finditer(span):
        name = re.sub(r"\s+", " ", m.group(1)).strip()
        # the pattern may start on a connector ("of the Shanghai Bay Area ... Center"): keep the name after it
        name = re.sub(r"^(?:(?:of|and|for|the|de|The|This|In|On|At|For|By|Notably|Additionally|Meanwhile|Moreover|Furthermore|Among)\s+)+", "", name)
        name = _PROCESS_OF.sub("", name)  # "Construction of the X project" is about the X project
        found.append((m.end(1) - len(name), m.end(1), name))
    for m in _ACRONYM.finditer(span):
        if _MODIFIED_NOUN.match(span, m.end()):
            continue  # "the AI industry", "IC design firms": the acronym describes, it does not name
        found.append((m.start(), m.end(), m.group(0)))
    for m in _POSSESSIVE_NAME.finditer(span):
        found.append((m.start(1), m.end(1), re.sub(r"\s+", " ", m.group(1))))
    slogans = [(m.start(), m.end()) for m in re.finditer(r"“[^”]*,[^”]*”", span)]  # “One Center, One Base, ...”
    out = []
    for start, end, name in sorted(found):
        if any(a <= start < b for a, b in slogans):
            continue
        if any(a <= start and end <= b and (a, b) != (start, end) for a, b, _ in found):
            continue  # "UAV" inside "East China UAV Base"
        words = name.split()
        if not words or words[0].lower() in ("of", "and", "for", "the") or _NOT_SUBJECTS.search(name):
            continue
        if _is_name_of_district(words[0]) and len(words) <= 2 or name in _DISTRICT_WORDS or name in _NOT_NAMES:
            continue
        out.append((start, end, name))
    return out


def _subject(ctx: _Context, q: Quantity, sentence_index: int) -> str | None:
    """What the figure is about: a named organisation, park or project when the sentence makes it the
    subject (or points back to it), the city for city totals, else the district."""
    text = ctx.text
    sentence = ctx.seg.sentences[sentence_index]
    head = text[sentence.start:q.start]
    for start, end, name in _entity_names(head):
        clause_start = max(head.rfind(",", 0, start), head.rfind(";", 0, start), head.rfind(":", 0, start)) + 1
        lead = head[clause_start:start].strip().lower()
        if _EXAMPLE_LEAD.search(head[max(0, start - 40):start]) or (
            lead in ("", "and", "or", "and the", "the") and re.search(r"\b(?:such\s+as|including)\b", head[max(0, start - 160):clause_start])
        ):
            continue  # "parks such as the X Harbor, Y Base, and Z Bay": examples in a list are not the subject
        if _CAUSE_OR_COMPARISON.search(head[max(0, start - 30):start]):
            continue  # "down 11.3% due to the VAT refunds", "than Pudong": a cause or a yardstick, not the subject
        words_before = len(_words(head[clause_start:start]))
        # the subject position (first words of the sentence), or an appositive ", with ..." that leads to the figure
        if words_before <= 6 or re.match(r",\s*(?:with|which|and\s+has)\b", head[end:end + 12]):
            return name
    clause_start, _ = ctx.seg.clause_bounds(q.start)
    if re.match(r"\W*(?:the\s+)?(?:Shanghai[’']s|city[’']s|city-wide|citywide)\s", text[clause_start:q.start], re.IGNORECASE):
        return "Shanghai"
    nouns = [m["noun"].lower() for m in _ANAPHOR.finditer(head) if m["noun"].lower() in _ANAPHOR_TYPES]
    if nouns:
        # "this area hosts 500 companies": the nearest earlier name that carries the noun itself
        # ("... Bay Area ... Center"), else one of a fitting kind, within the paragraph
        wanted = {kind for n in nouns for kind in _ANAPHOR_KINDS[_ANAPHOR_TYPES[n]]}
        for back in range(sentence_index - 1, max(-1, sentence_index - 4), -1):
            previous = ctx.seg.sentences[back]
            if previous.paragraph != sentence.paragraph:
                break
            names = [name for _, _, name in _entity_names(text[previous.start:previous.end])]
            same_word = [name for name in names if any(n in name.lower().split() for n in nouns)]
            fitting = same_word or [name for name in names if head_type(name) in wanted]
            if fitting:
                return fitting[0]
    return ctx.district


def _assign_periods(
    ctx: _Context, quantities: list[Quantity], sentence_of: list[int], phrases: list[TimePhrase], links: list[str | None]
) -> None:
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
    frame: TimePhrase | None = None
    lead: TimePhrase | None = None  # news: the period the lead paragraph reports on
    lead_paragraph = -1
    paragraph = -1
    for s_index, sentence in enumerate(seg.sentences):
        if sentence.paragraph != paragraph:
            # A new paragraph keeps the frame only while it is short and states no time of its own (news style),
            # and only a reporting period: a span of years ("over the past five years") sums up its own paragraph.
            paragraph = sentence.paragraph
            if (paragraph in paragraphs_with_time or paragraph_length[paragraph] > 2
                    or _SECTION_START.match(text[sentence.start:sentence.start + 12])
                    or (frame is not None and (frame.since or frame.first_year != frame.period.split("/")[-1][:4]))):
                frame = lead
        sentence_phrases = by_sentence.get(s_index, [])
        members = q_by_sentence.get(s_index, [])
        first_q = quantities[members[0]].start if members else sentence.end
        leading = [p for p in sentence_phrases if p.end <= first_q]
        sentence_frame = leading[-1] if leading else None
        if sentence_frame is not None and sentence_frame.closing and frame is not None and not frame.since and frame.first_year < sentence_frame.first_year and "/" not in frame.period:
            sentence_frame = TimePhrase(sentence_frame.start, sentence_frame.end, f"{frame.first_year}/{sentence_frame.period}", since=True)
        carried = None
        body = text[sentence.start:sentence.end]
        present = sentence_frame is None and _PRESENT.search(body)
        if present:
            frame = lead  # "Currently, ..." leaves the earlier period behind (a news story returns to its lead's)
        if sentence_frame is None and frame is not None and not present:
            if frame.since or not _PERFECT.search(body):
                carried = frame
        for i in members:
            q = quantities[i]
            own = _clause_phrase(seg, q, quantities, members, sentence_phrases)
            if own is not None:
                q.period = own.period
            elif links[i] == "from" and i + 1 < len(quantities) and quantities[i + 1].kind == "target":
                q.period = None  # the level a goal starts from is today's, which the text does not date
            elif links[i] == "from" and (sentence_frame or carried) and "/" in (sentence_frame or carried).period:
                q.period = (sentence_frame or carried).first_year
            elif sentence_frame is not None:
                q.period = sentence_frame.period
            elif q.kind == "target" and any(p.start >= q.end and (p.future or p.closing) for p in sentence_phrases):
                q.period = next(p for p in sentence_phrases if p.start >= q.end and (p.future or p.closing)).period
            elif q.kind in ("change", "share", "target") and i and sentence_of[i - 1] == s_index and quantities[i - 1].period and (
                q.kind != "target" or quantities[i - 1].kind == "target"
            ):
                q.period = quantities[i - 1].period  # "..., an increase of 9.1%" shares the figure's period; a goal its deadline
            elif carried is not None and (q.kind != "target" or _ends_after(carried, ctx.year)):
                q.period = carried.period  # a goal takes a deadline from earlier sentences, never a past period
            elif q.kind != "target" and any(p.end <= q.start and not _ends_after(p, ctx.year) for p in sentence_phrases):
                # "... to 29 micrograms in 2023, and the proportion of good days was 87.9%": the sentence's time so far
                q.period = [p for p in sentence_phrases if p.end <= q.start and not _ends_after(p, ctx.year)][-1].period
            else:
                q.period = None
        if sentence_frame is not None:
            frame = None if _ends_after(sentence_frame, ctx.year) else sentence_frame
        elif sentence_phrases and not any(_ends_after(p, ctx.year) for p in sentence_phrases) and (
            not members or (paragraph_length[sentence.paragraph] <= 2 and (lead is None or sentence.paragraph == lead_paragraph))
        ):
            # A sentence without figures, or a news lead ("GDP grew 6% in the first three quarters."), frames what follows;
            # later in a story, "312 firms certified last year" dates its own figure only.
            frame = sentence_phrases[-1]
        if ctx.news and lead is None and members and frame is not None:
            lead, lead_paragraph = frame, sentence.paragraph


_SECTION_START = re.compile(r"\d{1,2}[.)、]\s|[IVX]+\.\s|(?:First|Second|Third|Fourth|Fifth|Firstly|Secondly|Thirdly|Finally)\b")


def _ends_after(phrase: TimePhrase, year: int | None) -> bool:
    """A plan period or deadline ("(2023-2025)", "by 2025") that ends after the briefing year."""
    end = phrase.period.split("/")[-1][:4]
    return phrase.future or (year is not None and end.isdigit() and int(end) > year)


_PREPOSITION_BEFORE = re.compile(r"\b(?:in|into|for|across|on|among|and)\s+$")  # a complement, or a second item ("12 schools and 3 hospitals in 2022")


def _clause_phrase(seg: Segmentation, q: Quantity, quantities: list[Quantity], members: list[int], phrases: list[TimePhrase]) -> TimePhrase | None:
    start, end = seg.clause_bounds(q.start)
    best = None
    best_distance = None
    others = [quantities[j] for j in members if quantities[j] is not q]
    for p in phrases:
        if p.end <= start or p.start >= end:
            continue
        lo, hi = (p.end, q.start) if p.end <= q.start else (q.end, p.start)
        if any(lo <= o.start < hi and not _PREPOSITION_BEFORE.search(seg.text, max(0, o.start - 12), o.start) for o in others):
            continue  # another figure between them claims the phrase, unless it sits in a complement ("in 25 projects this year")
        distance = hi - lo
        if best_distance is None or distance < best_distance:
            best, best_distance = p, distance
    return best
