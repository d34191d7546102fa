"""Find quantity mentions: a number with its currency, scale word and unit, or a word fraction.

Only the surface is decided here (span, value, unit). Which mentions are not
quantities at all (years, dates, ordinals, names with digits, list numbers) is
decided here too, because it depends on the characters around the number.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from itertools import accumulate
from math import isfinite

from ..model import Rate, Unit, per
from .lang.en import MONEY_UNITS, alternation, month_numbers, word_lists
from .lexicon import phrase_pattern
from .segments import CASE_TRAPS, drop_overlaps

_UNITS = word_lists("units")
_IN_CONTRACT_UNITS: dict[str, tuple[str, int]] = {written: (code, factor) for written, (code, factor) in _UNITS["in_contract_units"].items()}
_SCALES = word_lists("scales")
_CUES = word_lists("cues")


def _alternation(forms: list[str], space: str = r"[\s-]+", after_letter: str = "") -> str:
    """Words and phrases as one regex: a trie of them ("kilomet(?:er(?:s|)|re(?:s|))"), so that forms sharing their
    first letters are tried together, each branch before the form that ends where it starts, which is the longest
    first ("tons of standard coal" before "tons"). A space stands for ``space``: for unit words white space or hyphens
    (words split by a line break or joined by hyphens, "7,000-square-meter"); ``after_letter`` follows a form that ends
    in a letter. Lower-case, as every pattern built from it ignores case."""
    root: dict = {}
    for form in sorted(forms, key=len, reverse=True):
        tokens = [space if ch == " " else re.escape(ch) for ch in form.lower()]
        node = root
        for token in tokens + [after_letter] if after_letter and form[-1].isalpha() else tokens:
            node = node.setdefault(token, {})
        node[""] = {}
    return _branches(root)


def _branches(node: dict) -> str:
    alternatives = [token + _branches(rest) for token, rest in node.items() if token] + ([""] if "" in node else [])
    return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"


def _unit_patterns() -> list[tuple[str, Unit]]:
    """(regex, code) of each unit of ``units.json``, in its order: the code's words and phrases, with the duration
    leads before a duration ("3 consecutive years"), then the forms taken only after a hyphen ("480-meter")."""
    leads, after_hyphen = _UNITS["duration_leads"], _UNITS["after_hyphen"]
    table = []
    for code, forms in _UNITS["units"].items():
        if code in leads["units"]:
            forms = [f"{lead} {form}" for lead in leads["words"] for form in forms] + forms
        pattern = _alternation(forms)
        if code in after_hyphen:
            pattern = f"(?:{pattern}|(?<=-){_alternation(after_hyphen[code])})"
        table.append((pattern, code))
    return table


def _currency_patterns() -> list[tuple[str, Unit]]:
    """(regex, code) of each currency written before a number: its signs and codes as written (a space is one space,
    "RMB ¥"); one written in letters may take a space before the number ("USD 5")."""
    return [(_alternation(forms, space=" ", after_letter=" ?"), code) for code, forms in _UNITS["currency_prefixes"].items()]


UNIT_PATTERNS = _unit_patterns()
CURRENCY_PATTERNS = _currency_patterns()
RATE_DENOMINATOR_PATTERNS = [(_alternation(forms), code) for code, forms in _UNITS["rate_denominators"].items()]
_UNIT_CODES = [code for _, code in UNIT_PATTERNS]
_UNIT_ALTS = "|".join(f"(?P<u{i}>{p})" for i, (p, _) in enumerate(UNIT_PATTERNS))
_CURRENCY_CODES = [code for _, code in CURRENCY_PATTERNS]
_CURRENCY_ALTS = "|".join(f"(?P<c{i}>{p})" for i, (p, _) in enumerate(CURRENCY_PATTERNS))
_SCALE_WORDS = _SCALES["scales"]
_SCALE_ALTS = phrase_pattern(list(_SCALE_WORDS))
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"

MENTION = re.compile(
    # not after a word's hyphen ("COVID-19", "G-60"), but after a percent's: "5%-6%" is a range
    rf"(?<![\w.+/$¥€£])(?<![^\d\s%‰]-)(?:(?:{_CURRENCY_ALTS})[ \t]?)?(?P<num>{_NUMBER})"
    rf"(?:(?:\s+|-|(?={alternation('scale_abbreviations')}\b))(?P<scale>{_SCALE_ALTS})(?![A-Za-z]))?"
    # every unit opens with a letter, "%" or "‰": the lookahead spares trying each of them after a bare number ("1 1 1")
    rf"(?:(?:[ \t]*\n?[ \t]*|-)(?=[^\W\d_]|[%‰])(?P<unit>{_UNIT_ALTS})(?![A-Za-z0-9²³]))?",
    re.IGNORECASE,
)
_MILLION_SUFFIX = re.compile(r"[mM](?![A-Za-z0-9])")
_RATE = re.compile(
    r"\s*(?:per\s+|/)(?:" + "|".join(f"(?P<d{i}>{p})" for i, (p, _) in enumerate(RATE_DENOMINATOR_PATTERNS)) + r")(?![A-Za-z])",
    re.IGNORECASE,
)
_DIGIT_FRACTION = re.compile(r"(\d{1,3})/(\d{1,4})(?![\w/])")
_wf = _SCALES["word_fractions"]
WORD_FRACTION = re.compile(
    rf"\b(?:(?P<numer>{'|'.join(_wf['numerators'])})[\s-]+)?(?P<denom>{'|'.join(sorted(_wf['denominators'], key=len, reverse=True))})\b(?=\s+of\b)",
    re.IGNORECASE,
)
_NOT_BEFORE_FRACTION = set(_wf["not_after"])
# a fraction in words as a bound or a level, its whole said before: "its share of the county's farm income to more than
# half;", "and lift its part of the town's trade to half, she said" (read in every text: "to" then a look behind it for a letter
# before, not a \b before it, lets the engine skip to each "to")
_FRACTION_AS_BOUND = re.compile(
    rf"to(?<!\wto)\s+(?:(?:more|less|fewer)\s+than\s+)?(?P<f>(?:(?P<numer>{'|'.join(_wf['numerators'])})[\s-]+)?(?P<denom>{'|'.join(sorted(_wf['denominators'], key=len, reverse=True))}))"
    r"\b(?!\s+of\b)(?=\s*[,;.)]|\s*$|\s+(?:by|in|before|within)\b)",
    re.IGNORECASE,
)
# a fraction in words of a whole just named, "of which" or "of them" before it: "3 million square meters, of which about
# one-third will be Grade-A", "2,000 new homes, of them two-fifths rental". As r"\bof\s+..." case-blind, scanned for by
# its first letter in either case (a pattern opening with a set: the regex engine's own loop skips in C the characters
# that are not "o", where a case-blind one is tried at every character), "(?<!\w.)" after it the r"\b" before it
_FRACTION_OF_WHICH = re.compile(
    rf"[Oo](?<!\w.)(?i:f\s+(?:which|whom|them|these|those)\s+(?:{alternation('approximators')}\s+)?(?P<f>(?:(?P<numer>{'|'.join(_wf['numerators'])})[\s-]+)?"
    rf"(?P<denom>{'|'.join(sorted(_wf['denominators'], key=len, reverse=True))}))\b(?!\s+of\b|-))",
)

_MONTHS = "|".join(sorted(month_numbers(), key=len, reverse=True))
# Every form opens at a word boundary, tested once per position rather than once per form (most positions are inside a
# word, where none of the forms can start), with a digit, a month's initial, "P" or "a" (the lookahead: at the other
# places, most of the word starts, not one form is tried)
_NOT_QUANTITY_INITIALS = "".join(sorted({m[0] for m in month_numbers()} | {"p", "a"}))
_NOT_QUANTITY = re.compile(
    rf"(?=[\d{_NOT_QUANTITY_INITIALS}])"
    r"\b(?:\d{4}[./-]\d{1,2}[./-]\d{1,2}\b"  # 2023.08.24, 2023-08-24
    r"|\d{1,2}:\d{2}(?::\d{2})?\b"  # times
    r"|(?:19|20)\d{2}\s*[-–—/]\s*(?:(?:19|20)\d{2}|\d{2})\b"  # year ranges 2021-2025
    # August 22, 2023; a range of days, "October 12 to 15", "May 5-7"
    rf"|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:\s*(?:-|–|to|through)\s*\d{{1,2}}(?:st|nd|rd|th)?\b(?![.,]\d))?(?:,?\s+(?:19|20)\d{{2}}\b)?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\b(?:,?\s+(?:19|20)\d{{2}}\b)?"  # 22 August
    r"|\d{1,2}(?:\.\d{2})?\s*[ap]\.?m\.?(?![a-z])"  # 9 a.m.
    r"|Page\s+\d+\s+of\s+\d+\b"  # page furniture: "Page 1 of 3"
    r"|aged\s+\d{1,3}(?:\s*(?:-|–|to|and)\s*\d{1,3})?\b"  # "residents aged 60 and above": an age that names a group, as "top 100" does
    r"|\d{1,3}-year-old\b"  # "a 3-year-old child", an age
    r"|\d+(?:\.\d+)?:\d{3,}\b)",  # a map's or a model's scale, "1:500"
    re.IGNORECASE,
)
# Telephone numbers: "021-12345678", "(021) 6232 1234", "138-1234-5678"; tried only where a digit run starts with 0 or 1
_TELEPHONE = re.compile(
    r"(?<![\d,.])(?:\(0\d{2,3}\)[- ]?\d{3,4}[- ]?\d{4}|0\d{2,3}[- ](?:\d{7,8}|\d{3,4}[- ]\d{4})|1\d{2}-\d{4}-\d{4})\b"
)
# A line of page furniture: a counter or a page control beside '|' separators, never an article's figure
_FURNITURE_WORD = re.compile(r"\b" + alternation("furniture_words") + r"\s*[:：|]", re.IGNORECASE)
# (the bars come after the counter, or before it: "Source: ... | Updated: 2022-10-14 | Views: 3,215")
_FURNITURE_LINE = re.compile(
    r"^[^\n]{0,80}\b" + alternation("furniture_words") + r"\s*[:：|][^\n]*\|[^\n]*$"
    r"|^(?=[^\n]*\|)[^\n]{0,120}\b" + alternation("furniture_words") + r"\s*[:：|][^\n]*$", re.IGNORECASE | re.MULTILINE
)
_SEPARATOR = re.compile(r"[:：|]")
_FURNITURE_ENDS = tuple(w.split()[-1] for w in word_lists("grammar")["furniture_words"])  # "size" of "font size"


def _may_hold_furniture(text: str) -> bool:
    """False only where _FURNITURE_LINE cannot match: a text with no bar, or with no furniture word just before a
    separator (looked for at each separator, not with the case-blind pattern at every character)."""
    if "|" not in text:
        return False
    for sep in _SEPARATOR.finditer(text):
        end = sep.start()
        while end and text[end - 1].isspace():  # what \s matches
            end -= 1
        if text[max(0, end - 9):end].translate(CASE_TRAPS).lower().endswith(_FURNITURE_ENDS):
            return _FURNITURE_WORD.search(text) is not None
    return False


_MINUS_BEFORE = re.compile(r"\bminus\s+$", re.IGNORECASE)
_PER_BEFORE = re.compile(r"\b(?:per|every)\s+$", re.IGNORECASE)
_PERIOD_LEAD = re.compile(r"\b" + alternation("period_leads") + r"\s+$", re.IGNORECASE)
_QUOTED = re.compile(r"[“\"]([^“”\"\n]{1,60})[”\"]")
_NAME_BEFORE = re.compile(r"(?:^|[^\w])(" + phrase_pattern(_CUES["name_before"]) + r")\.?\s*$", re.IGNORECASE)
_ADDRESS_AFTER = re.compile(r"\s+(?:[A-Z][\w'’-]*\s+){1,3}(?:" + phrase_pattern(_CUES["street_words"]) + r")(?![\w])")
_NAME_AFTER = re.compile(r"\s+(?:" + phrase_pattern(_CUES["name_after"]) + r")\b", re.IGNORECASE)
_WORD_AFTER_SPACE = re.compile(r"\s+[^\W\d_]")
_ITEM_MARK = re.compile(r"[.)、]\s")  # what closes a list item's number: "1. ", "2) "
_LIST_NUMBER = re.compile(r"(?:^|\n)[ \t]*$")
_CAPITALISED_WORD_BEFORE = re.compile(r"(?:^|[^\w’'])([A-Z][\w’'-]*)\s+$")
_CAPITALISED_WORD_AFTER = re.compile(r"\s+([A-Z][a-z]+)")
_SENTENCE_START_BEFORE = re.compile(r"(?:^|[.!?:;“\"]\s*|\n\s*\n\s*)([A-Z][\w’'-]*)\s+$")


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    value: float
    unit: Unit | Rate | None  # None: a bare number, a count unless a shared unit applies
    scaled: bool = False
    is_fraction: bool = False
    is_year_like: bool = False


_CURRENCY_BEFORE = re.compile(r"(?:" + "|".join(p for p, _ in CURRENCY_PATTERNS) + r")[ \t]?$", re.IGNORECASE)
_DIGIT_RUN = re.compile(r"\d+")
# Characters that end no currency written before a number (each ends in a letter, "$" or a currency sign, then at most
# two spaces): where the three characters before a number are all of these, _CURRENCY_BEFORE is not tried
_NO_CURRENCY_END = "0123456789 \t\n\r,.;:!?%()[]{}'\"-+*/=<>_|&#@~^`"
# Case-sensitive on purpose: a case-insensitive alternation is several times slower to scan,
# and only "Half" starts a sentence without a numerator word before it.
_FRACTION_ANCHOR = re.compile(
    r"(?:" + "|".join(sorted(list(_wf["denominators"]) + ["Half"], key=len, reverse=True)) + r")\s+of\b"
)


_DENOMINATORS = frozenset([*_wf["denominators"], "Half"])
_LONGEST_DENOMINATOR = max(map(len, _DENOMINATORS))
# The last three letters of each denominator (each has four or more): a word before "of" that ends otherwise is none
_DENOMINATOR_ENDS = frozenset(d[-3:] for d in _DENOMINATORS)
_OF = re.compile(r"of\b")


def find_mentions(text: str) -> list[Mention]:
    """Every quantity mention in ``text``, in order, with no overlaps."""
    runs = list(_DIGIT_RUN.finditer(text))  # read by both: the text scanned for digits once
    blocked = _Blocked(_blocked_ranges(text, runs))
    mentions = _number_mentions(text, blocked, runs=runs)
    mentions += _word_fraction_mentions(text)
    mentions += _ratio_mentions(text, blocked)
    mentions += _digit_fraction_mentions(text, blocked)
    return drop_overlaps(mentions)


def _number_mentions(text: str, blocked: _Blocked, plain_path: bool = True, local: bool = True,
                     runs: list[re.Match] | None = None) -> list[Mention]:
    """Figures written with digits: '124.83 billion yuan', '$5m', '9.1%'. (``plain_path``: numbers among plain digits read
    by :func:`_plain_mention`; ``local``: the others read from their surroundings alone, :func:`_local_number`. Each False
    only to test that it reads them as the full path does. ``runs``: the matches of _DIGIT_RUN in ``text``, where the
    caller has them.)"""
    mentions: list[Mention] = []
    # Try the mention pattern only where a number starts (or its currency just before it):
    # scanning digit runs is far cheaper than trying the full pattern at every character.
    covered = 0
    size = len(text)
    seen: dict[str, tuple[int, Mention | None, int]] = {}
    plain_to = -1  # text[start - _PLAIN_BEFORE:plain_to] is plain for the last start found among plain digits
    for d in _DIGIT_RUN.finditer(text) if runs is None else runs:
        start = d.start()
        if start < covered:
            continue
        if plain_path:
            reach = start + _PLAIN_AFTER
            if min(reach, size) <= plain_to or not text[max(0, start - _PLAIN_BEFORE):reach].strip(_PLAIN):
                if reach > plain_to:  # how far the plain characters go: the next numbers need not slice them again
                    other = _NOT_PLAIN.search(text, reach)
                    plain_to = other.start() if other else size
                m = _PLAIN_NUMBER.match(text, start)
                end = m.end()
                if end < reach and (reach >= size or text[end:reach].strip()):
                    covered = end
                    mention = _plain_mention(text, m, blocked)
                    if mention is not None:
                        mentions.append(mention)
                    continue
        if local:
            covered, mention = _local_number(text, d, blocked, seen)
        else:
            covered, mention, _ = _read_number(text, d.start(), blocked)
        if mention is not None:
            mentions.append(mention)
    return mentions


def _read_number(text: str, start: int, blocked: _Blocked) -> tuple[int, Mention | None, int]:
    """The number whose digits start at ``start``: how far its match reaches (``start`` when nothing matched), its mention
    (None when it is no figure) and where its number starts."""
    lead = text[max(0, start - 3):start]  # a currency written before ends in the last three characters
    prefix = _CURRENCY_BEFORE.search(text, max(0, start - 6), start) if lead.strip(_NO_CURRENCY_END) else None
    m = MENTION.match(text, prefix.start() if prefix else start)
    if m is None and prefix:
        m = MENTION.match(text, start)
    if m is None:
        return start, None, start
    return m.end(), _mention_from_match(text, m, blocked), m.start("num")


# A number read from its surroundings alone: every check on a number reads at most 36 characters before its digits (a
# name word, "per", a period word, a currency, a sign) and, in any text written by people, well within 120 after them
# (its scale, unit, rate, a name or street after it). Read from those characters (a slice of the text), a number is a
# function of them, and where they repeat (a run of the same figure, "1% 1% 1%", "RMB 1 RMB 1") it is read once.
# Reads that may go further are not taken from a slice: a number within 40 characters of either end of the text, a digit
# run of more than 24, and a possible list number (a line break, or only spaces and tabs, before it: whether it opens a
# list item depends on the line before).
_LOCAL_BEFORE = 40
_LOCAL_AFTER = 120
_LOCAL_DIGITS = 24
_NOTHING_BLOCKED = None  # set below, once _Blocked is defined


def _local_number(text: str, d: re.Match, blocked: _Blocked, seen: dict) -> tuple[int, Mention | None]:
    """What :func:`_read_number` finds for the digit run ``d``, read from the slice of ``text`` around it and kept in
    ``seen`` by that slice (the slice's own blocked ranges aside: whether the number lies in one is asked of ``blocked``)."""
    start, digits_end = d.span()
    lo, hi = start - _LOCAL_BEFORE, digits_end + _LOCAL_AFTER
    before = text[lo:start]
    if lo < 0 or hi > len(text) or digits_end - start > _LOCAL_DIGITS or "\n" in before or not before[4:34].strip(" \t"):
        covered, mention, _ = _read_number(text, start, blocked)
        return covered, mention
    window = text[lo:hi]
    read = seen.get(window)
    if read is None:
        if len(seen) >= 4096:
            seen.clear()  # memory bounded on a long text of windows all different
        read = seen[window] = _read_number(window, _LOCAL_BEFORE, _NOTHING_BLOCKED)
    covered, mention, num_start = read
    covered += lo
    if mention is None or num_start + lo in blocked:
        return covered, None
    return covered, Mention(mention.start + lo, mention.end + lo, mention.value, mention.unit, mention.scaled,
                            mention.is_fraction, mention.is_year_like)


# Plain digits: a number with nothing but digits, spaces, commas and line breaks for 30 characters before it and 40 after it
# ("1 1 1 1", "1,1,1", a column of numbers), and something other than white space after it within those 40 (a unit
# may follow the number across any run of spaces). There no currency, scale, unit, name word, sign, date or list mark can
# be read: what :func:`_mention_from_match` decides comes down to :func:`_plain_mention`, at a fraction of its cost.
_PLAIN = "0123456789 ,\n"
_PLAIN_BEFORE = 30  # the furthest any check reads before a number (a name word: 30; "per": 24; a currency: 6)
_PLAIN_AFTER = 40
_PLAIN_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")  # MENTION's number where no "." can follow
_NOT_PLAIN = re.compile(r"[^0-9 ,\n]")


def _plain_mention(text: str, m: re.Match, blocked: _Blocked) -> Mention | None:
    """The mention of a number among plain digits (see _PLAIN): none inside a blocked range (a telephone number), none
    before another digit ("1,2345": part of a longer token), none a year; else a bare number."""
    start, end = m.span()
    if start in blocked or text[end:end + 1].isdigit():
        return None
    raw = m.group()
    value = float(raw.replace(",", ""))
    if not isfinite(value) or ("," not in raw and 1900 <= value <= 2100) or _is_code(raw):
        return None
    return Mention(start, end, value, None)


def _is_code(raw: str) -> bool:
    """Digits written with a leading zero ("05012345", "007") are a code, a registration or a telephone number: nobody
    writes a quantity that way (a decimal fraction "0.5" is no leading zero)."""
    return len(raw) > 1 and raw[0] == "0" and raw[1].isdigit()


def _word_fraction_mentions(text: str) -> list[Mention]:
    """Fractions written in words before 'of': 'two-thirds of', 'half of'; one that bounds or sets a share named before
    it ('to raise its share to more than half;', 'and its share to half,'); and one of a whole just named ('of which about one-third will be ...')."""
    mentions: list[Mention] = []
    fraction_starts: set[int] = set()
    for anchor_start, anchor_end in _fraction_anchors(text):
        m = WORD_FRACTION.search(text, max(0, anchor_start - 8), anchor_end)
        if m is None or m.start() in fraction_starts:
            continue
        fraction_starts.add(m.start())
        mention = _word_fraction(text, m)
        if mention is not None:
            mentions.append(mention)
    bounds = _FRACTION_AS_BOUND.finditer(text)
    of_which = _FRACTION_OF_WHICH.finditer(text) if "of " in text else ()
    for m in (*bounds, *of_which):
        numer = _wf["numerators"].get((m["numer"] or "one").lower(), 1)
        denom = _wf["denominators"][m["denom"].lower()]
        if (m["numer"] is not None or m["denom"].lower() == "half") and numer < denom:
            mentions.append(Mention(m.start("f"), m.end("f"), round(100.0 * numer / denom, 3), "percent", is_fraction=True))
    return mentions


def _fraction_anchors(text: str):
    """The spans of the matches of _FRACTION_ANCHOR, in order, as its finditer gives them: found from each "of" after a
    space (a literal that the regex engine skips to) and the denominator word that ends where the space starts, instead
    of trying every denominator at every character."""
    for of in _OF.finditer(text):
        end = of.start()
        while end and text[end - 1].isspace():  # what \s matches
            end -= 1
        if end == of.start() or text[max(0, end - 3):end] not in _DENOMINATOR_ENDS:
            continue  # ("number of", "output of": no denominator ends there, told by one slice, not one per start)
        for start in range(max(0, end - _LONGEST_DENOMINATOR), end):  # the leftmost start wins, as in a scan
            if text[start:end] in _DENOMINATORS:
                yield start, of.end()
                break


def _ratio_mentions(text: str, blocked: _Blocked) -> list[Mention]:
    """ "one in five residents", "3 in 10 firms": a share of a population, in percent."""
    mentions: list[Mention] = []
    for anchor in (a for pattern in _RATIO_ANCHORS for a in pattern.finditer(text)):
        m = _RATIO_BEFORE.search(text, max(0, anchor.start() - 8), anchor.start())
        numer, denom = m and _ratio_term(m.group(1)), _ratio_term(anchor.group(1))
        if numer and denom and numer < denom and not _inside(blocked, m.start(1)) \
                and not _RANK_BEFORE.search(text, max(0, m.start(1) - 12), m.start(1)):  # "ranked 12 in 16 districts" is a place
            mentions.append(Mention(m.start(1), anchor.end(1), 100.0 * numer / denom, "percent", is_fraction=True))
    return mentions


def _digit_fraction_mentions(text: str, blocked: _Blocked) -> list[Mention]:
    """ "3/4 of the land", "1/250": a fraction written with digits, in percent (not a date such as 5/12)."""
    mentions: list[Mention] = []
    for m in _digit_fractions(text):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_./"):
            continue
        numer, denom = int(m.group(1)), int(m.group(2))
        if 0 < numer < denom and (denom > 31 or _OF_AFTER.match(text[m.end():m.end() + 5])):
            if not _inside(blocked, m.start()):
                mentions.append(Mention(m.start(), m.end(), 100.0 * numer / denom, "percent", is_fraction=True))
    return mentions


def _digit_fractions(text: str):
    """The matches of _DIGIT_FRACTION in ``text``, as its finditer gives them: tried only at the digits (up to three)
    before each "/", instead of at every character. (A match ends beside no digit or "/", so the digits before the next
    "/" never start inside it: the matches do not overlap, as finditer's do not.)"""
    slash = text.find("/")
    while slash >= 0:
        start = slash
        while start > slash - 3 and start and text[start - 1].isdecimal():  # what \d matches
            start -= 1
        m = _DIGIT_FRACTION.match(text, start) if start < slash else None
        if m:
            yield m
        slash = text.find("/", slash + 1)


_OF_AFTER = re.compile(r"\s+of\b")
_SPEECH_OPENING = re.compile(alternation("speech_openers") + r"\b", re.IGNORECASE)  # "We have 96 headquarters now,"


_RATIO_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "hundred": 100}
_RATIO_TERM = r"(ten|two|three|four|five|six|seven|eight|nine|hundred|\d{1,3})(?= (?!years?\b|months?\b|days?\b|times?\b)[a-z])"
# Two patterns with literal starts (" in ", " out of "): the regex engine skips to those instead of trying every position
_RATIO_ANCHORS = [re.compile(r" in (?:every )?" + _RATIO_TERM, re.IGNORECASE), re.compile(r" out of (?:every )?" + _RATIO_TERM, re.IGNORECASE)]
_RANK_BEFORE = re.compile(r"\b(?:rank(?:ed|ing|s)?|No\.?|number|top)\s+$", re.IGNORECASE)
_RATIO_BEFORE = re.compile(r"(?<![\w.,-])(one|two|three|four|five|six|seven|eight|nine|\d{1,2})$", re.IGNORECASE)


def _ratio_term(word: str) -> int | None:
    return int(word) if word.isdigit() else _RATIO_WORDS.get(word.lower())


def _blocked_ranges(text: str, runs: list[re.Match] | None = None) -> list[tuple[int, int]]:
    """The spans that hold no quantity: dates, times, telephone numbers, page furniture, short quoted names. (``runs``:
    the matches of _DIGIT_RUN in ``text``, where the caller has them.)"""
    # Dates, times and telephone numbers all hold digits: look only around digit runs instead of scanning every position.
    ranges: list[tuple[int, int]] = []
    limit = 0
    size = len(text)
    seen: dict[str, list[tuple[int, int]]] = {}
    for d in _DIGIT_RUN.finditer(text) if runs is None else runs:
        start, end = d.span()
        if start < limit:
            continue
        if start >= _NEAR_BEFORE and end + _NEAR_AFTER <= size:
            # What is found near a digit run depends only on the characters near it: a stretch seen before in the text
            # (as in a run of the same figure repeated) is answered from ``seen``, not scanned again
            base = start - _NEAR_BEFORE
            near = text[base:end + _NEAR_AFTER]
            spans = seen.get(near)
            if spans is None:
                if len(seen) >= 4096:
                    seen.clear()  # memory bounded on a long text of stretches all different
                spans = seen[near] = _blocked_near(near, _NEAR_BEFORE, len(near) - _NEAR_AFTER)
        else:
            base, spans = 0, _blocked_near(text, start, end)
        for a, b in spans:
            if base + b > limit:
                ranges.append((base + a, base + b))
                limit = base + b
    for m in _FURNITURE_LINE.finditer(text) if _may_hold_furniture(text) else ():
        ranges.append((m.start(), m.end()))  # "Views: 1,234 | Font size: A A A | Print | Close"
    for m in _quoted(text):
        inner = m.group(1)
        # A short quoted slogan or name ("3+1", "a base and 7 centers") is not a measurement; a quoted
        # remark ("We have 96 headquarters now,") is speech, and its figures count.
        speech = re.search(r"[,!?]\s*$", inner) or _SPEECH_OPENING.match(inner)
        if any(c.isdigit() for c in inner) and len(inner.split()) <= 6 and not re.search(r"%|yuan|percent", inner) and not speech:
            ranges.append((m.start(), m.end()))
    ranges.sort()
    return ranges


def _quoted(text: str):
    """The matches of _QUOTED in ``text``, as its finditer gives them: tried only at the opening quotes, found by str.find
    (the pattern, opening with a set of two characters, is otherwise tried at every character of the text)."""
    pos, straight, curly = 0, text.find('"'), text.find("“")
    while True:
        if 0 <= straight < pos:  # each found again only once passed: one pass over the text, however many quotes
            straight = text.find('"', pos)
        if 0 <= curly < pos:
            curly = text.find("“", pos)
        at = min(straight, curly) if straight >= 0 and curly >= 0 else max(straight, curly)
        if at < 0:
            return
        m = _QUOTED.match(text, at)
        if m is None:
            pos = at + 1
        else:
            yield m
            pos = m.end()


# The characters that decide what is blocked near a digit run: a date's or time's window opens 14 before the run (and the
# character before that tells a word boundary) and closes 24 after it; a telephone number reads less either way
_NEAR_BEFORE = 15
_NEAR_AFTER = 24
# Numbers are found before the text is cut into sentences: the words just before one that say what it is ("per",
# "the first", "Line", "No.") are read in a look-back of this many characters, the line before a list number in 200
_LEAD_REACH = 30
_LINE_REACH = 200


def _blocked_near(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The telephone number that the digit run ``text[start:end]`` opens, else the spans of the dates and times in the
    window around it (14 characters before it, 24 after)."""
    if text[start] in "01" and text[end:end + 1] in ("-", " ", ")"):  # maybe a telephone number
        phone = _TELEPHONE.match(text, start - (text[start - 1:start] == "("))
        if phone:
            return [phone.span()]
    return [m.span() for m in _NOT_QUANTITY.finditer(text, max(0, start - _NEAR_BEFORE + 1), min(len(text), end + _NEAR_AFTER))]


class _Blocked:
    """Sorted ranges that hold no quantity, with how far those starting at or before each one reach: whether an offset lies in
    one is found by bisection, not by a walk through every range before it."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        self.starts = [a for a, _ in ranges]
        self.reach = list(accumulate((b for _, b in ranges), max))

    def __contains__(self, pos: int) -> bool:
        k = bisect_right(self.starts, pos)
        return bool(k) and self.reach[k - 1] > pos


_NOTHING_BLOCKED = _Blocked([])


def _inside(ranges: _Blocked, pos: int) -> bool:
    return pos in ranges


# Which alternative of a pattern matched is found by group number, not by formatting each group's name
_ALTERNATIVE_CODES = {"u": tuple(_UNIT_CODES), "c": tuple(_CURRENCY_CODES), "d": tuple(code for _, code in RATE_DENOMINATOR_PATTERNS)}


@cache
def _alternatives(pattern: re.Pattern, prefix: str) -> tuple[tuple[int, str], ...]:
    """(group number, code) of each alternative named ``prefix`` + its index in ``pattern`` (read from the compiled
    pattern when first asked for, so that importing compiles nothing)."""
    return tuple((pattern.groupindex[f"{prefix}{i}"], code) for i, code in enumerate(_ALTERNATIVE_CODES[prefix]))
_PLUS_BEFORE_WORD = re.compile(r"\+\s+[a-z]")
_SPACES = re.compile(r"\s+")
# units that a rate's denominator may follow ("yuan per capita", "tons per day"); None: a bare number ("5 per 1,000")
_RATE_NUMERATORS = {"ton", "kg", "tce", "kWh", "km", "m", "count", None}


def _matched(m: re.Match, prefix: str) -> str | None:
    """The code of the alternative named ``prefix`` + an index that matched (unit "u", currency "c", rate denominator
    "d"); None when none did."""
    regs = m.regs
    for g, code in _alternatives(m.re, prefix):
        if regs[g][0] >= 0:
            return code
    return None


def _mention_from_match(text: str, m: re.Match, blocked: _Blocked) -> Mention | None:
    """The mention that a match of :data:`MENTION` is, or None when it is no figure (a date, a name, part of a token)."""
    num_start = m.start("num")
    if num_start in blocked:
        return None
    raw = m.group("num")
    if _is_code(raw):
        return None
    currency = _matched(m, "c") if num_start > m.start() else None
    unit = _matched(m, "u") if m.start("unit") >= 0 else None
    scale_word = m.group("scale")
    end = _surface_end(text, m, bool(scale_word or currency))
    if end is None or _names_or_divides(text, m.start(), end, raw, bare=not (unit or scale_word or currency)):
        return None
    number, unit = _number(raw, unit, scale_word)
    # "$100m": money in millions (a bare "m" after other numbers is no unit of ours)
    million = bool(currency) and not scale_word and not unit and _MILLION_SUFFIX.match(text, m.end("num")) is not None
    if million:
        number *= Decimal(1000000)
        end += 1
    value = float(number)
    if not isfinite(value):
        return None  # a run of hundreds of digits is beyond any float: no figure anyone wrote (JSON has no Infinity)
    code = currency or unit
    if currency and unit and unit not in MONEY_UNITS:
        # US$5 million tons is not a thing; keep the money reading
        end = m.end("scale") if scale_word else m.end("num")
    code, end = _with_rate(text, code, end)
    if _is_period_or_year(text, m.start(), code, raw, value, bool(scale_word)):
        return None
    start, value = _signed(text, m.start(), value)
    return Mention(start, end, value, code, scaled=bool(scale_word) or million)


def _names_or_divides(text: str, start: int, end: int, raw: str, bare: bool) -> bool:
    """A bare number that names a thing ('Line 17'), or any number after 'per' (a rate's denominator)."""
    if bare and _is_name_number(text, start, end, raw):
        return True
    # "patents per 10,000 residents", "energy use per 10,000 yuan of GDP": a rate's denominator, not an amount
    return _ends_with_word(text, start, _PER_WORDS) and _PER_BEFORE.search(text, max(0, start - _LEAD_REACH), start) is not None


_PER_WORDS = ("per", "every")


def _ends_with_word(text: str, pos: int, words: tuple[str, ...]) -> bool:
    """Whether ``text`` before ``pos`` is one of ``words`` (lower case) then white space: what _PER_BEFORE and _MINUS_BEFORE
    need to match at all, told by slicing a few characters instead of trying the pattern at every one of them."""
    return text[pos - 1:pos].isspace() and text[max(0, pos - 24):pos].rstrip().lower().endswith(words)


def _is_period_or_year(text: str, start: int, code: str | None, raw: str, value: float, scaled: bool) -> bool:
    """A duration that a period word leads ('the first 10 months', 'the past 5 years'), or a bare year ('2023')."""
    if code in ("year", "month", "day") and _PERIOD_LEAD.search(text, max(0, start - _LEAD_REACH), start):
        return True
    return not scaled and not code and "," not in raw and "." not in raw and 1900 <= value <= 2100


def _surface_end(text: str, m: re.Match, scaled_or_money: bool) -> int | None:
    """Where the figure's surface ends ('5,000+' takes its plus sign), or None when the number is part of a longer token
    ('5G', '15th', '3+1', '24/7', a digit after it)."""
    end = m.end()
    after = text[end:end + 1]
    has_unit = m.start("unit") >= 0
    if after == "+" and not has_unit and _PLUS_BEFORE_WORD.match(text[end:end + 3]):  # "5,000+ firms": at least
        end, after = end + 1, ""
    if after and (after.isalpha() or after == "+") and not has_unit and not scaled_or_money:
        return None  # 5G, 15th, 3D, 3+1
    if after.isdigit() or (after == "/" and text[end + 1:end + 2].isdigit()):
        return None  # part of a longer token, or a ratio ("24/7"; real fractions are read separately)
    if text[max(0, m.start() - 1):m.start()] == "+" or after == "+":
        return None
    return end


def _number(raw: str, unit: str | None, scale_word: str | None) -> tuple[Decimal, str | None]:
    """The number written, times its scale word, and its unit ("3.5‰" stays 3.5 permille: a unit of the contract's); a
    unit the contract lists under another code is given in that one ("20 MWh" is 20,000 kWh)."""
    number = Decimal(raw.replace(",", ""))  # in decimal, so that "4.1 million" is 4100000.0, not 4099999.9999999995
    if scale_word:
        number *= Decimal(repr(_SCALE_WORDS[_SPACES.sub(" ", scale_word.lower())]))
    if unit in _IN_CONTRACT_UNITS:  # "20 megawatt hours" is 20,000 kWh: the contract lists no MWh
        unit, factor = _IN_CONTRACT_UNITS[unit]
        number *= Decimal(factor)
    return number, unit


def _with_rate(text: str, code: Unit | None, end: int) -> tuple[Unit | Rate | None, int]:
    """The unit with the rate's denominator written after it ('yuan per capita', 'tons/day'), and where that ends."""
    if (code and code in _UNITS["money_units"]) or code in _RATE_NUMERATORS:
        rate = _RATE.match(text, end)
        if rate and code is not None:
            unit, end = per(code, _matched(rate, "d")), rate.end()
            again = _RATE.match(text, end)  # a rent: "yuan per square meter per day"
            if again and _matched(again, "d") in _PER_TIME and _matched(rate, "d") not in _PER_TIME:
                return per(unit, _matched(again, "d")), again.end()
            return unit, end
    return code, end


_PER_TIME = ("day", "month", "year")


def _signed(text: str, start: int, value: float) -> tuple[int, float]:
    """The figure's start and value with a sign written before it: '-5%' after a space or bracket, 'minus 2.3 percent'."""
    if start and text[start - 1] in "-−" and (start == 1 or text[start - 2] in " \t\n(:"):
        return start - 1, -value  # a signed figure: "growth of -5%"
    minus = _ends_with_word(text, start, ("minus",)) and _MINUS_BEFORE.search(text, max(0, start - 8), start)
    if minus:
        return minus.start(), -value  # "a growth of minus 2.3 percent"
    return start, value


def _opens_item(text: str, start: int, raw: str) -> bool:
    """A number at a line's start that numbers a list item: short, and after a blank line or a finished sentence.

    A hard-wrapped line may start with a figure that ends a sentence ("... exceeded" / "2,500. The ..."): no list number.
    """
    if "," in raw or len(raw) > 2:
        return False
    line_start = text.rfind("\n", 0, start)
    previous = text[max(0, line_start - _LINE_REACH):max(0, line_start)].rstrip(" \t")
    return line_start < 0 or not previous.strip() or previous.endswith(("\n", ".", ":", ";", "!", "?", "。", "：", "”", '"'))


def _numbers_item_in_line(text: str, end: int, raw: str, window: str) -> bool:
    """A list numbered inside a line ("Notes: 1. Figures are preliminary. 2. Growth rates are ..."): a short number right
    after a colon, semicolon or full stop, closed by a dot or bracket, and a capitalised word after it. A bare number that
    makes a sentence of its own is no figure."""
    if "," in raw or len(raw) > 2 or not window.endswith(" ") or not window.rstrip().endswith((".", ":", ";")):
        return False
    return text[end + 2:end + 3].isupper()


def _names_after(text: str, end: int) -> bool:
    """A name word or a street after the number: it names the thing ("the 618 festival", "the G60 expressway") or is a
    street number ("1000 Dalian Road")."""
    return _NAME_AFTER.match(text, end) is not None or _ADDRESS_AFTER.match(text, end) is not None


def _is_name_number(text: str, start: int, end: int, raw: str) -> bool:
    """Ordinals, list numbers, and numbers that are part of a name ('Line 17', 'New 12 Measures')."""
    window = text[max(0, start - _LEAD_REACH):start]
    # every name word ends with a letter, then at most a dot or two and white space: no letter there, no name word
    name_before = window.rstrip().rstrip(".")[-1:].isalpha() and _NAME_BEFORE.search(window)
    if name_before and not (name_before.group(1) == "number" and not _CAPITALISED_WORD_BEFORE.search(window[:name_before.start(1)])) \
            and not _gerund_before_a_count(name_before.group(1), text, end) \
            and not (name_before.group(1) in _VERBAL_NAME_WORDS and _VERB_INFINITIVE_BEFORE.search(window, 0, name_before.start(1))):
        return True  # "Line 17", "Phase 2"; but "its suppliers number 47" counts them ("Line number 14" is a name)
    if _ITEM_MARK.match(text, end) and "." not in raw and (
            _opens_item(text, start, raw) if _LIST_NUMBER.search(window) else _numbers_item_in_line(text, end, raw, window)):
        return True
    if window.endswith("(") and text[end:end + 1] == ")":
        return True
    if window.endswith("No.") or window.endswith("#"):
        return True
    # a name word, a street or a capitalised word after the number: each comes after white space and opens with a letter
    word_after = text[end:end + 1].isspace() and _WORD_AFTER_SPACE.match(text, end) is not None
    if word_after and _names_after(text, end):
        return True
    return _between_capitalised_words(text, end, raw, window, word_after)


def _gerund_before_a_count(word: str, text: str, end: int) -> bool:
    """A name word in "-ing" written small, with a word after the number, is the verb and the number its object's count:
    "start building 3 new hospitals"; "Building 3", "in building 7." and "building 7 of the park" stay names."""
    return word.islower() and word.endswith("ing") and _OBJECT_WORD_AFTER.match(text, end) is not None


# "to" or a modal before a name word makes it a verb and the number its object: "expected to top 3,000", "will top 5
# billion" ("the top 100 firms", "Line 17" stay names)
_VERBAL_NAME_WORDS = frozenset(word_lists("grammar")["verbal_name_words"])  # written small: a capital makes a name ("to Top 10")
_VERB_INFINITIVE_BEFORE = re.compile(r"\b(?:to|" + alternation("modal_verbs") + r")\s+$", re.IGNORECASE)
_OBJECT_WORD_AFTER = re.compile(r"\s+(?!(?:" + alternation("after_a_name_number") + r")\b)[^\W\d_]")  # "3 new hospitals", not "7 of the park"


def _between_capitalised_words(text: str, end: int, raw: str, window: str, word_after: bool) -> bool:
    """A version after a name ("Industry 4.0"), or a number between capitalised words or closing a bracketed name
    ("New 12 Measures", "(Carbon Neutrality 100)"); ``window``: the 30 characters before the number."""
    version = raw.endswith(".0")
    closes_name = (word_after and _CAPITALISED_WORD_AFTER.match(text, end)) or text[end:end + 1] in (")", "”", "]")
    if not (version or closes_name) or not window[-1:].isspace():
        return False  # (what the capitalised word before would decide; and that word needs a space after it)
    cap_before = _CAPITALISED_WORD_BEFORE.search(window)
    if cap_before and version:
        return True  # a version after a name: "Industry 4.0", "Web 3.0"
    if cap_before and not _SENTENCE_START_BEFORE.search(window):
        # Between capitalised words, or closing a bracketed name: "New 12 Measures", "(Carbon Neutrality 100)".
        if closes_name:
            return True
    return False


def _word_fraction(text: str, m: re.Match) -> Mention | None:
    numer_word = m.group("numer")
    denom_word = m.group("denom").lower()
    if numer_word is None and denom_word not in ("half",):
        return None
    before = text[max(0, m.start() - 12):m.start()].lower().split()
    if before and before[-1].strip(".,") in _NOT_BEFORE_FRACTION:
        return None  # "the first half of", "the first three quarters of": periods, not shares
    numer = _wf["numerators"].get((numer_word or "one").lower(), 1)
    denom = _wf["denominators"][denom_word]
    if numer >= denom:
        return None
    return Mention(m.start(), m.end(), round(100.0 * numer / denom, 3), "percent", is_fraction=True)
