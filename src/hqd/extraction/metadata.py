"""Briefing metadata: title, dates, district, session, series, theme, officials."""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..model import Meta, Official
from .lang.en import alternation, initials, month_names, month_numbers, word_lists
from .lexicon import load, phrase_alternatives, phrase_pattern
from .segments import literal_led, sentence_around

_CUES = word_lists("cues")
_SCALES = word_lists("scales")
_DISTRICTS = load("districts")
_MONTHS: dict[str, int] = month_numbers()
_MONTH = month_names() + r"\.?"
_FULL_DATE = re.compile(rf"(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}}),?\s+(?P<y>(?:19|20)\d{{2}})")
# (as r"(?<![\w.,])(?P<d>\d{1,2})\s+...", the look-back asked after the first digit, "\d(?<![\w.,]\d)": a pattern that
# opens with a digit is scanned for by the regex engine's own loop, one that opens with a look-back is tried everywhere)
_DAY_FIRST = re.compile(rf"(?P<d>\d(?<![\w.,]\d)\d?)\s+(?=[JFMASOND])(?P<m>{_MONTH})\s+(?P<y>(?:19|20)\d{{2}})\b")
# an ISO or dotted date on a line of its own, perhaps after a label ("Released: 2025-11-19", "Updated 2024.03.13")
_NUMERIC_DATE = re.compile(r"^\s*(?:(?:" + phrase_pattern(_CUES["release_labels"] + _CUES["date_labels"]) + r")\s*:?\s*)?(?P<y>(?:19|20)\d{2})[./-](?P<m>\d{1,2})[./-](?P<d>\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?\s*$", re.IGNORECASE)
# A page's furniture, no headline: a blank line, a row of bars, or a trail of breadcrumbs, the links to the pages above
# this one, set apart by ">" or "»" ("Home > News > District Updates", "News » Economy » Industry")
_CRUMB = r"\s*[>»›]\s*"
_FURNITURE = re.compile(r"^\s*\|.*\|\s*$|^\s*$"
                        rf"|^\s*{alternation('navigation_homes', case='either')}{_CRUMB}"
                        rf"|^\s*[^>»›\d\n]{{1,40}}(?:{_CRUMB}[^>»›\d\n]{{1,40}}){{2,}}\s*$")
_BRIEFING_DAY = re.compile(
    rf"(?=[oO]|{initials('briefing_days')})(?:\b{alternation('briefing_days')}\s*\((?P<m>{_MONTH})\s+(?P<d>\d{{1,2}})\)"
    rf"|\b(?:on|On)\s+(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})(?!\d|,?\s*(?:19|20)\d\d))",
)
_WEEKDAYS: dict[str, int] = word_lists("months")["weekdays"]
_DAYS_BACK: dict[str, int] = word_lists("months")["days_back"]
_NAMED_DAY = re.compile(r"\b(?:" + "|".join([*_WEEKDAYS, *_DAYS_BACK]) + r")\b(?!\s*\()", re.IGNORECASE)  # not "today (September 10)"
_ORDINAL_WORDS = "|".join(sorted(_SCALES["ordinals"], key=len, reverse=True))
# Every form opens with "the", an ordinal (a word or digits), "session" or "No.": the lookahead on those first letters spares
# trying the whole alternation at every character of the text's head
_SESSION_OPENINGS = "".join(sorted({w[0].lower() for w in _SCALES["ordinals"]} | set("tsn")))
_SESSION = re.compile(
    rf"(?=[\d{_SESSION_OPENINGS}])(?:\b(?:the\s+)?(?P<ord>{_ORDINAL_WORDS}|\d{{1,3}}(?:st|nd|rd|th))\s+(?:session\s+of\s+the\s+)?(?:[“\"][^”\"]{{3,80}}[”\"]\s+)?(?:{alternation('briefing_media')}\s+)?{alternation('briefing_events')}"
    # not a congress's session: "the Fourth Session of the 17th District People's Congress"
    rf"(?!\s+of\s+the\s+(?:\d{{1,2}}(?:st|nd|rd|th)|\w+th)\s+[^.]{{0,60}}?{alternation('assembly_nouns')})"
    rf"|\b(?P<ord2>{_ORDINAL_WORDS}|\d{{1,3}}(?:st|nd|rd|th))\s+(?:(?:one|{alternation('briefing_events')})\s+)?(?:in|of)\s+the\s+series\b"
    r"|\bsession\s+(?:No\.\s*)?(?P<num>\d{1,3})\b|\bNo\.\s*(?P<num2>\d{1,3})\s+(?:" + alternation("press_media") + r"\s+)?" + alternation("briefing_events") + ")",
    re.IGNORECASE,
)
_QUOTE = r"[“\"]([^”\"]{3,200})[”\"]"
# The lookaheads on the first letters a form can open with spare trying every alternative at every character
_SERIES = re.compile(rf"(?=[“\"sS]|{initials('briefing_events')})(?:{alternation('briefing_events')}s?\s+(?:of\s+(?:19|20)\d{{2}}\s+)?(?:\([^)]*\)\s+)?(?:on|of)\s+(?:the\s+(?:series\s+(?:of|on)\s+)?)?{_QUOTE}|\bseries\s+(?:of\s+|on\s+)?(?:the\s+)?{_QUOTE}"
                     rf"|{_QUOTE}\s+(?:{alternation('briefing_media')}\s+)?{alternation('series_nouns')}\b)", re.IGNORECASE)
# A quotation the word "series" names as one wins over a quoted topic of the briefing
# ('Fengxian press briefing on the "Oriental Beauty Valley"' in a title, the series named below it).
_NAMED_SERIES = re.compile(rf"(?=[“\"sS])(?:\bseries\s+(?:of\s+|on\s+)?(?:the\s+)?{_QUOTE}|{_QUOTE}\s+(?:{alternation('briefing_media')}\s+)?series\b)", re.IGNORECASE)
_THEME = re.compile(rf"\btheme\s+(?:of\s+(?:this|the)\s+{alternation('session_nouns')}\s+)?(?:is|was|of)?\s*(?:the\s+)?{_QUOTE}"
                    rf"|\b{alternation('title_participles')}\s+{_QUOTE}", re.IGNORECASE)
_SPECIAL_SESSION = re.compile(r"\((?P<name>[A-Z][\w’' -]+?)\s+(?:District|New Area)\s+special\s+session\)", re.IGNORECASE)
_PERSON_NAME = re.compile(r"^(?:and\s+)?(?P<name>[A-Z][a-z]+(?:[- ][A-Z][a-z]+){1,2})$")
_TITLE_WORDS = set(_CUES["official_title_words"])  # words of an official's title, not of a name
_PRESENT_VERBS = re.compile(r"\b(?:" + phrase_pattern(_CUES["presenting_phrases"]) + r")\b")  # what officials at a briefing do


def extract_meta(text: str, head_chars: int = 4000) -> Meta:
    head = text[:head_chars]
    title = title_of(text)
    # dates are read in one order: "4 September 2023" as "September 4, 2023" (the title keeps its own wording)
    top = head[:2000]  # the dates that say when a briefing was held or released stand at the top
    reordered, found = _DAY_FIRST.subn(r"\g<m> \g<d>, \g<y>", top)
    dated = reordered + head[2000:] if found else head
    dated_title = title_of(dated) if dated is not head else title
    flat = _flat(dated)
    briefing = _briefing_date(dated_title, flat)
    published = _published_date(dated, dated_title)
    labelled = _labelled_date(dated) if briefing is None else None
    if labelled is not None and title and _NAMES_BRIEFING.search(title):
        briefing, published = labelled, (None if published == labelled else published)  # "Date: ..." under a briefing's title: when it was held
    elif labelled is not None and published is None:
        published = labelled  # under a report's title, when it was issued
    if published is None:
        published = _closing_date(text)
    if briefing is None and published is not None:
        briefing = _day_named_from(published, flat)
    session = _session(flat)
    series = _first_group(_NAMED_SERIES.search(flat) or _SERIES.search(flat)) or _series_in_title(title)
    return Meta(
        title=title,
        date=briefing.isoformat() if briefing else None,
        published=published.isoformat() if published else None,
        district=_district(text, flat, title),
        session=session,
        series=series,
        # a briefing's theme: "a theme of ..." in a story about some other event is not one
        theme=_theme(flat) if briefing or session or series else None,
        officials=_officials(head),
    )


def _flat(text: str) -> str:
    """``text`` with each run of white space one space (as ``re.sub(r"\\s+", " ", text)``, at a fraction of its cost)."""
    flat = " ".join(text.split())
    if text[:1].isspace():
        flat = " " + flat
    if text[-1:].isspace() and flat != " ":
        flat += " "
    return flat


def _lines(text: str, limit: int = 12) -> list[str]:
    out = []
    for line in text[:8000].splitlines():  # the head is enough, and a long document is not split whole
        if _FURNITURE.match(line):
            continue
        out.append(line.strip())
        if len(out) >= limit:
            break
    return out


# A title line that cannot end there: it stops on a month, an article, a preposition or a conjunction
_OPEN_END = re.compile(rf"(?:\b{_MONTH}|\b{alternation('open_ends')}|,)$", re.IGNORECASE)


def _date_alone(text: str) -> re.Match | None:
    """The date of a line or field holding a date alone, perhaps after a label ("2024-05-14", "Updated: 2024-05-14
    10:32", "May 14, 2024")."""
    return _NUMERIC_DATE.match(text) or _FULL_DATE.fullmatch(_DATE_LABEL_HEAD.sub("", text.strip()))



def _head_lines(text: str, after: int) -> tuple[list[str], int]:
    """The head's lines and where the headline stands among them, with ``after`` lines after it: a page may set its
    date above the headline ("2021-11-25", "Updated: 2024-05-14 10:32" as the first line, a line or two at most),
    and the headline is the first line after that."""
    lines = _lines(text, after + 3)
    at = 0
    while at < min(len(lines) - 1, 2) and _date_alone(lines[at]):
        at += 1
    return lines[:at + after + 1], at


def title_of(text: str) -> str | None:
    """The text's headline: its first line of content (with the next one where the headline is hard-wrapped), or None
    when that line is a date alone or too long to be a headline."""
    lines, at = _head_lines(text, 2)
    if not lines:
        return None
    first = lines[at]
    if len(first) > 250 or _date_alone(first):
        return None
    raw = text[:3000].splitlines()
    at = next((i for i, line in enumerate(raw) if line.strip() == first), len(raw))
    following = raw[at + 1].strip() if at + 1 < len(raw) else ""
    if (following and (_OPEN_END.search(first) or following[0].islower()) and len(first) + len(following) < 250
            and not _NUMERIC_DATE.match(following)):  # "date 2022-09-21" under the title is its date, not its second line
        return f"{first} {following}"  # hard-wrapped: "... Government on November" / "7, 2023"
    return first


def _to_date(y: str | int, m: str | int, d: str | int) -> date | None:
    try:
        month = m if isinstance(m, int) else (int(m) if str(m).isdigit() else _MONTHS[str(m).lower().rstrip(".")])
        return date(int(y), month, int(d))
    except (ValueError, KeyError):
        return None


_HELD_ON = re.compile(rf"\bheld\b[^.]{{0,120}}?\b{alternation('briefing_days')}\s*(?:the\s+{alternation('day_parts')}\s+of\s+)?\(?(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}}),?\s+(?P<y>(?:19|20)\d{{2}})")

# "On March 1, 2024, the Information Office held a press conference ...", "On March 1, 2024, the briefing was held"
_ON_DATE_HELD = re.compile(
    rf"\bOn\s+(?:the\s+{alternation('day_parts')}\s+of\s+)?(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}}),?\s+(?P<y>(?:19|20)\d{{2}}),[^.]{{0,160}}?"
    rf"(?:\bheld\b[^.]{{0,80}}?\b{alternation('briefing_events')}\b|\b{alternation('briefing_events')}\b[^.]{{0,80}}?\bheld\b)",
    re.IGNORECASE,
)


def _briefing_date(title: str | None, flat: str) -> date | None:
    if title and re.search(r"briefing|conference|press", title, re.IGNORECASE):
        m = _FULL_DATE.search(title)
        if m:
            return _to_date(m["y"], m["m"], m["d"])
    m = _HELD_ON.search(flat[:1500]) or _ON_DATE_HELD.search(flat[:1500])  # "... held a press conference on June 8, 2021"
    if m:
        return _to_date(m["y"], m["m"], m["d"])
    m = next((m for m in _BRIEFING_DAY.finditer(flat) if _BRIEFING_WORD.search(sentence_around(flat, m.start(), m.end(), 300))), None)
    if m:  # "held a media briefing today (September 10)"; not "the conference opened at 9:30 am on June 27"
        month, day = (m["m"], m["d"]) if m["m"] else (m["m2"], m["d2"])
        year_match = _FULL_DATE.search(title or "") or re.search(r"\b(?:19|20)\d{2}\b", flat[:600])
        if year_match:
            y = year_match["y"] if isinstance(year_match.re, re.Pattern) and "y" in year_match.re.groupindex else year_match.group(0)
            return _to_date(y, month, day)
    return None


def _day_named_from(published: date, flat: str) -> date | None:
    """A news story dated D names the day its briefing was held by the day of the week ('held a press conference on
    Thursday': the last Thursday up to D) or by 'yesterday' and 'today', in the sentence that names the briefing."""
    for m in _NAMED_DAY.finditer(flat, 0, 1500):
        if not _BRIEFING_WORD.search(sentence_around(flat, m.start(), m.end(), 300)):
            continue
        word = m.group(0).lower()
        weekday = next((n for name, n in _WEEKDAYS.items() if name.lower() == word), None)
        back = (published.weekday() - weekday) % 7 if weekday is not None else _DAYS_BACK[word]
        return published - timedelta(days=back)
    return None


_BRIEFING_WORD = re.compile(r"\b(?:" + phrase_pattern(_CUES["briefing_nouns"]) + r")\b", re.IGNORECASE)


# A news dateline opening the story: "SHANGHAI, Oct 28, 2022 --", "Shanghai, March 5, 2024 (Xinhua) —".
_DATELINE = re.compile(
    rf"^[A-Z][A-Za-z .'’-]{{1,40}},\s+{_FULL_DATE.pattern}\s*(?:\([^)]{{1,40}}\)\s*)?(?:--|—|–|-|:)"
)


# A news agency's dateline without the year: "SHANGHAI, Nov. 5 (Xinhua) --"
_YEARLESS_DATELINE = re.compile(rf"^[A-Z][A-Za-z .'’-]{{1,40}},\s+(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}})\s*(?:\([^)]{{1,40}}\)\s*)?(?:--|—|–)")


def yearless_dateline(text: str) -> tuple[int, int] | None:
    """(month, day) of a dateline that leaves out the year, among the first lines; the year is for the story to tell."""
    for line in _lines(text, 4):
        m = _YEARLESS_DATELINE.match(line)
        if m:
            return _MONTHS[m["m"].lower().rstrip(".")], int(m["d"])
    return None


# A byline with the story's date: "By Wang Xin | 2024-01-18", "By Li Qian, January 18, 2024".
_BYLINE = re.compile(
    rf"^\s*By\s+[A-Z](?:[^\d\n|,]{{0,60}}?\s*(?:\||,|·|–|—|-)\s*){{1,3}}(?:(?P<y>(?:19|20)\d{{2}})[./-](?P<m>\d{{1,2}})[./-](?P<d>\d{{1,2}})"
    rf"|{_FULL_DATE.pattern.replace('(?P<m>', '(?P<m2>').replace('(?P<d>', '(?P<d2>').replace('(?P<y>', '(?P<y2>')})"
    rf"(?:[ T]\d{{1,2}}:\d{{2}})?\s*$"
)


# "Released on July 25, 2024 by the Statistics Bureau.", "Published: March 3, 2024"
_RELEASED_ON = re.compile(rf"^\s*(?:{phrase_pattern(_CUES['release_labels'])})(?:\s+on)?\s*:?\s*{_FULL_DATE.pattern}\b"
                          # "Delivered at the Fourth Session of the District People's Congress on January 10, 2024"
                          rf"|^\s*{alternation('delivery_participles', case='capitalised')}\s+(?:at|by|to|in)\s+[^\n]{{0,140}}?\bon\s+{_FULL_DATE.pattern.replace('(?P<m>', '(?P<m2>').replace('(?P<d>', '(?P<d2>').replace('(?P<y>', '(?P<y2>')}\b")


# A line of page furniture holding the date: "Source: Xinhua | 2024-06-03 09:12:45 | Editor: Liu Yang"
_SOURCE_LINE = re.compile(
    r"^(?=[^\n]{0,160}$)(?=[^\n]*\b" + alternation("byline_labels", case="capitalised") + r"\b)[^\n]*?"
    r"(?:(?<!\d)(?P<y>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)"
    rf"|{_FULL_DATE.pattern.replace('(?P<m>', '(?P<m2>').replace('(?P<d>', '(?P<d2>').replace('(?P<y>', '(?P<y2>')})"
)  # also "Global Times | Published: Dec 12, 2024 09:41 PM"


_NAMES_BRIEFING = re.compile(r"\b" + alternation("briefing_names") + r"\b", re.IGNORECASE)
_DATE_LABEL_HEAD = re.compile(r"^(?:" + phrase_pattern(_CUES["release_labels"] + _CUES["date_labels"]) + r")\s*:?\s*", re.IGNORECASE)
_DATE_LABEL = re.compile(r"^\s*(?:" + phrase_pattern(_CUES["date_labels"]) + r")\s*:\s*(?P<rest>.+)$", re.IGNORECASE)


def _labelled_date(text: str) -> date | None:
    """The date of a "Date: ..." line among the first lines after the title."""
    lines, at = _head_lines(text, 3)
    for line in lines[at + 1:]:
        label = _DATE_LABEL.match(line)
        if label:
            m = _FULL_DATE.search(label["rest"]) or _NUMERIC_DATE.match(label["rest"])
            return _to_date(m["y"], m["m"], m["d"]) if m else None
    return None


# An outlet's name and the story's date on one short line: "Shanghai Daily, Nov 3, 2022", "China Daily | 2024-06-03"
_OUTLET_DATE = re.compile(
    rf"^[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){{0,4}}\s*(?:,|\||·|–|—)\s*(?:{_FULL_DATE.pattern}|(?P<y2>(?:19|20)\d{{2}})-(?P<m2>\d{{1,2}})-(?P<d2>\d{{1,2}}))\s*$"
)


# Fields of a head line set apart by bars, tabs or a run of spaces
_FIELD_BREAK = re.compile(r"\s*\|\s*|\t+|\s{2,}")
# the office or outlet that issues a text, then a comma and the day it did: "Issued by the People's Government of
# Qingpu District, March 12, 2024": a name, so no clause, no figure and no comma before the date ("By 2025, the
# district will have 30 parks, 2024-01-18" is a sentence)
_ISSUER_COMMA_DATE = re.compile(
    rf"^(?P<issuer>[A-Z][^\n\d,.;:!?|]{{2,120}}?),\s*(?:{_FULL_DATE.pattern}|(?P<y2>(?:19|20)\d{{2}})-(?P<m2>\d{{1,2}})-(?P<d2>\d{{1,2}}))\s*$"
)


# A month and year alone, perhaps after the issuer and a comma or a label: "October 2023", "Issued: October 2023",
# "Jinshan District Development and Reform Commission, October 2023"
_MONTH_YEAR_LINE = re.compile(
    rf"^(?:[A-Z][^\n\d,.;:!?|]{{2,120}}?,\s*|(?:{phrase_pattern(_CUES['release_labels'] + _CUES['date_labels'])})\s*:?\s*)?"
    rf"(?P<m>{_MONTH})\s+(?P<y>(?:19|20)\d{{2}})\s*$", re.IGNORECASE)


def issued_month(text: str) -> tuple[int, int] | None:
    """The (year, month) of a text that states when it was issued by month alone, on a line of its own above or under
    its headline ("October 2023", "Jinshan District Development and Reform Commission, October 2023"): no published day,
    but "this year" and "the remaining two years" count from there."""
    lines, at = _head_lines(text, 2)
    for line in lines[:at] + lines[at + 1:]:
        m = _MONTH_YEAR_LINE.match(line)
        if m:
            return int(m["y"]), _MONTHS[m["m"].rstrip(".").lower()]
    return None


def _date_field(line: str) -> date | None:
    """A head line of fields set apart by bars, tabs or a run of spaces is page furniture (byline, outlet, issuing
    office, date): a field that is a date alone, perhaps labelled, is the day the text came out, wherever it stands
    among the fields ("By Lin Tao | 2025-03-18 | Shanghai Daily", "Jinshan District Bureau of Statistics | 2021-04-20",
    "Released by: Putuo District Bureau of Statistics | Date: 2024-08-15", "Statistics Bureau    2023-08-25").
    So is a date closing a line that names who issued the text, after a comma ("Issued by the People's Government
    of Jinshan District, June 3, 2025"), unless the line names a briefing (then it may say when that was held)."""
    fields = _FIELD_BREAK.split(line.strip())
    if len(fields) > 1:
        for field in fields:
            m = _date_alone(field)
            if m:
                return _to_date(m["y"], m["m"], m["d"])
        return None
    issued = _ISSUER_COMMA_DATE.match(line.strip())
    if issued and not _NAMES_BRIEFING.search(issued["issuer"]):
        return _to_date(issued["y"], issued["m"], issued["d"]) if issued["y"] else _to_date(issued["y2"], issued["m2"], issued["d2"])
    return None


def _closing_date(text: str, lines: int = 3) -> date | None:
    """A page or a release may close with its furniture instead of opening with it: the last lines ("Source: Information
    Office of Minhang District | Released: April 18, 2025", "Released on March 3, 2024 by the Statistics Bureau", an
    issuing office's line, then the day alone) hold the day the text came out. Only furniture counts there, never a
    sentence that holds a date."""
    head, _ = _head_lines(text, 1)  # the headline and the line under it (perhaps its wrapped end) are the head's
    head_end = text.find(head[-1]) + len(head[-1]) if head else 0
    start = max(head_end, len(text) - 2000)
    if start > head_end:
        start = text.find("\n", start) + 1  # a whole line, not the cut end of one
    tail = [line.strip() for line in text[start:].splitlines() if line.strip()][-lines:] if start else []
    for line in reversed(tail):
        if len(line) > 200:
            continue
        found = _date_field(line)
        if found is not None:
            return found
        m = _RELEASED_ON.match(line) or _SOURCE_LINE.match(line)
        if m:
            return _to_date(m["y2"], m["m2"], m["d2"]) if m["y2"] else _to_date(m["y"], m["m"], m["d"])
        m = _date_alone(line)
        if m:
            return _to_date(m["y"], m["m"], m["d"])
    return None


def _published_date(text: str, title: str | None = None) -> date | None:
    """A line of its own right after the title (or above it) holding only a date, a byline ending in one, or a news
    dateline."""
    lines, at = _head_lines(text, 2)
    for line in lines[:at] + lines[at + 1:]:
        if title and title.endswith(line.strip()):
            continue  # the title's own second line ("... Government on\nOctober 12, 2023"): the briefing's date, not the release's
        m = _BYLINE.match(line)
        if m and m["y2"]:
            return _to_date(m["y2"], m["m2"], m["d2"])
        outlet = _OUTLET_DATE.match(line)
        if outlet and outlet["y2"]:
            return _to_date(outlet["y2"], outlet["m2"], outlet["d2"])
        source = _SOURCE_LINE.match(line)
        if source and source["y2"]:
            return _to_date(source["y2"], source["m2"], source["d2"])
        field = _date_field(line)
        if field is not None:
            return field
        released = _RELEASED_ON.match(line)
        if released and released["y2"]:
            return _to_date(released["y2"], released["m2"], released["d2"])
        m = m or _NUMERIC_DATE.match(line) or _FULL_DATE.fullmatch(line.strip()) or _DATELINE.match(line) or _RELEASED_ON.match(line) \
            or _SOURCE_LINE.match(line) or outlet
        if m:
            return _to_date(m["y"], m["m"], m["d"])
    return None


def district_names() -> dict[str, str]:
    """Every written form of a district name -> its canonical name."""
    return {alias: name for name, aliases in _DISTRICTS["districts"].items() for alias in aliases}


def district_places() -> dict[str, list[str]]:
    """The places that lie wholly within each district (districts.json "places"): Lingang, Anting, the West Bund."""
    return _DISTRICTS["places"]


_DISTRICT_ALIASES = district_names()
_DISTRICT_ONLY = re.compile(
    r"^(?:the\s+)?(?:" + "|".join(sorted(map(re.escape, _DISTRICT_ALIASES), key=len, reverse=True)) + r")"
    r"(?:\s+(?:District|New\s+Area))?(?:\s+(?:special\s+)?session)?$",
    re.IGNORECASE,
)
# any district name, as written, a whole word: metadata counts them, subjects looks for them before walking a sentence (the
# names grouped by their first letters, ``literal_led``, spare trying every name at every character)
DISTRICT_MENTION = re.compile("(" + literal_led(sorted(map(re.escape, _DISTRICT_ALIASES), key=len, reverse=True), word_start=True) + r")\b")


_CITY = re.compile(r"\bShanghai\b|\b[Tt]he\s+city(?:['’]s)?\b|\b[Mm]unicipal\b")


def _district(text: str, flat: str, title: str | None = None) -> str | None:
    """The district the text is about: the one a special session names, else the one named most often (where none is
    named, the one its places lie in: Lingang and Zhangjiang are Pudong's); none in a
    city-level text (a municipal report or story) that names a district only in passing, once and not in its title,
    and the city more often."""
    m = _SPECIAL_SESSION.search(flat)
    if m and m["name"].strip() in _DISTRICT_ALIASES:
        return _DISTRICT_ALIASES[m["name"].strip()]
    mention, aliases = DISTRICT_MENTION, _DISTRICT_ALIASES
    counts = _mentions(text, mention, aliases)
    if not counts:  # a story of Lingang or Zhangjiang that never says "Pudong": the district the place lies in
        mention, aliases = _PLACE_MENTION, _PLACE_DISTRICTS
        counts = _mentions(text, mention, aliases)
    if not counts:
        return None
    name, count = max(counts.items(), key=lambda kv: kv[1])
    if count == 1 and not (title and mention.search(title)) and len(_CITY.findall(text, 0, 20000)) >= 2:
        return None
    return name


def _mentions(text: str, mention: re.Pattern, aliases: dict[str, str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for m in mention.finditer(text):
        name = aliases[m.group(1)]
        counts[name] = counts.get(name, 0) + 1
    return counts


# places that lie wholly within one district (districts.json "places"), for a text that names no district
_PLACE_DISTRICTS = {place: name for name, places in _DISTRICTS["places"].items() for place in places}
_PLACE_MENTION = re.compile(r"\b(" + "|".join(sorted(map(re.escape, _PLACE_DISTRICTS), key=len, reverse=True)) + r")\b")


def city_level(text: str, district: str | None) -> bool:
    """A text that names no district as its own and speaks of Shanghai (twice, or once where it names no district at all,
    as a municipal work report speaking of "the city" may): its figures are the city's."""
    if district is not None:
        return False
    mentions = len(_CITY.findall(text, 0, 20000))
    return mentions >= 2 or (mentions == 1 and DISTRICT_MENTION.search(text) is None)


def _session(flat: str) -> int | None:
    m = _SESSION.search(flat)
    if not m:
        return None
    token = (m["ord"] or m["ord2"] or m["num"] or m["num2"]).lower()
    if token[0].isdigit():
        return int(re.match(r"\d+", token).group(0))
    return _SCALES["ordinals"].get(token)


def _first_group(m: re.Match | None) -> str | None:
    if not m:
        return None
    value = next(g for g in m.groups() if g)
    return _clean_quoted(value)


def _clean_quoted(value: str) -> str:
    return re.sub(r"\s+", " ", value).strip().rstrip(".").strip()


def _theme(flat: str) -> str | None:
    m = _THEME.search(flat)
    return _clean_quoted(m.group(1) or m.group(2)) if m else None


def _series_in_title(title: str | None) -> str | None:
    """ "High-Quality Development in Shanghai: Pudong New Area", "...in Shanghai - Putuo District Session":
    a title that names the series on one side of a colon or dash and only the district on the other."""
    if not title:
        return None
    for sep in (":", " - ", " – ", " — ", " | "):
        left, found, right = title.rpartition(sep)
        if not found:
            continue
        for series, other in ((left, right), (right, left)):
            if _DISTRICT_ONLY.match(other.strip()):
                series = re.sub(r"^[A-Z][a-z]+:\s*", "", series.strip())  # "Transcript: ..."
                # a name in title case, not a headline ("Xuhui District: AI industry accelerates"), that names the city
                # or itself a series: a session's topic is written the same way ("Baoshan District: Transformation of ...")
                if len(series.split()) >= 3 and not DISTRICT_MENTION.search(series) and _is_title_case(series) \
                        and _SERIES_MARKER.search(series):
                    return series
    return None


_SERIES_MARKER = re.compile(r"\b" + alternation("series_markers") + r"\b", re.IGNORECASE)  # the city, or "series" itself


def _is_title_case(name: str) -> bool:
    """Most of the longer words capitalised, as a series' name is written."""
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", name) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


# Sentences that list the people after a verb: "Present at the press conference were NAME, TITLE, and ...", "Also present were ...",
# "The briefing was addressed by NAME, TITLE", "Speakers: NAME, TITLE; NAME, TITLE".
_LISTED_AFTER = re.compile(
    r"^(?:(?:Also\s+)?" + alternation("attendance_leads", case="either") + r"(?:\s+(?:at|with|on)\s+[^,]{0,80}?)?(?:\s+(?:today|here))?\s+" + alternation("be_forms")
    + r"|[^,]{0,120}?\b" + alternation("hosting_participles") + r"\s+by"
    + r"|[^,]{0,120}?\b" + alternation("host_introductions") + r"(?:\s+" + alternation("host_time_adverbs") + r")?"
    r"|Speakers?\s*:|Guests?\s*:)\s+(?P<rest>.*)$"
)
# An honorific before a name ("Ms. Xu Lanying") is no part of it, and its full stop ends no sentence
# (as r"\b(?:Mr|Ms|...)\.?\s+(?=[A-Z])", the honorifics grouped by their capitals, ``literal_led``: looked for at those alone)
_HONORIFIC = re.compile(literal_led(phrase_alternatives(word_lists("grammar")["honorifics"]), word_start=True) + r"\.?\s+(?=[A-Z])")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[”\"]?\s+(?=[A-Z])|\n\s*\n")
_NAME_AT_END = re.compile(r"^(?P<title>.*\S)\s+(?P<name>[A-Z][a-z]+\s+[A-Z][a-z]+)$")  # "District Mayor Chen Jie"


def _officials(head: str) -> list[Official]:
    """People at the briefing: 'NAME, TITLE, (and NAME, TITLE,) introduced/attended ...', 'Present ... were NAME, TITLE'."""
    officials: list[Official] = []
    seen: set[str] = set()
    if not head.isascii():
        head = _CJK_GLOSS.sub("", head)  # "Zhang Ming (张明), Secretary of ...": the name in Chinese, beside the English
    sentences = [" ".join(s.split()) for s in _SENTENCE_BREAK.split(_HONORIFIC.sub("", head[:3000]))]
    for sentence in sentences:
        segment = _people_segment(sentence)
        if segment is None:
            continue
        # one list per verb: what follows a verb's object ("introduced the situation, and B, TITLE, answered") is no title
        items = [(k, i.strip()) for k, part in enumerate(segment.split("\n")) for i in re.split(r"[,;]\s*", part) if i.strip()]
        _read_people(items, officials, seen)
        if officials and re.search(r"\battended\b|\banswered\b", sentence):
            break
    for m in _ANSWERER.finditer(head[:6000]):  # a transcript's "A (Chen Jie, Secretary of ...):"
        if m["name"] not in seen:
            officials.append(Official(name=m["name"], title=re.sub(r"\s+", " ", m["title"]).strip()))
            seen.add(m["name"])
    return [o for o in officials if o.title]


def _people_segment(sentence: str) -> str | None:
    """The part of a sentence that lists people: after "Present were", or before each verb of attending (one line per verb)."""
    listed = _LISTED_AFTER.match(sentence)
    if listed:
        rest = listed["rest"]
        # "..., and B, TITLE, to introduce the plan" / "..., who will brief you": the list ends where what they do begins
        verb = _PRESENT_VERBS.search(rest) or _RELATIVE_WHO.search(rest)
        return re.sub(r"[.!?]$", "", rest[:verb.start()] if verb else rest)
    verbs = list(_PRESENT_VERBS.finditer(sentence))
    if not verbs:
        return None
    # each verb closes its own list: "A, TITLE, introduced ..., and B, TITLE, answered questions"
    segment = "\n".join(sentence[(verbs[k - 1].end() if k else 0):v.start()] for k, v in enumerate(verbs))
    # Drop what comes before the first listed person ("..., during which").
    return _LISTING_LEAD.sub("", segment)


_RELATIVE_WHO = re.compile(r",\s+who\b")
_LISTING_LEAD = re.compile(r"^.*?\b" + alternation("listing_leads") + r"\s+")


def _read_people(items: list[tuple[int, str]], officials: list[Official], seen: set[str]) -> None:
    """Add the people a list names, each with the title items that follow the name (or the title that comes before it)."""
    current: Official | None = None
    for k, (part, item) in enumerate(items):
        if k and part != items[k - 1][0]:
            current = None
        item = re.sub(r"^and\s+", "", item)
        name_match = _PERSON_NAME.match(item)
        titled = _NAME_AT_END.match(item)
        person = _new_person(item, name_match, titled, current)
        if person is None:
            if current is not None:
                _add_to_title(current, item)
            continue
        if person.name in seen:
            current = None
            continue
        officials.append(person)
        seen.add(person.name)
        current = None if titled and not name_match else person  # "District Mayor Chen Jie": the title came first


def _new_person(item: str, name_match: re.Match | None, titled: re.Match | None, current: Official | None) -> Official | None:
    """The person an item names: a bare name, or (outside a person's title) a title ending in a name."""
    if name_match and not (set(item.lower().split()) & _TITLE_WORDS):
        return Official(name=name_match["name"], title=None)
    if current is None and titled and set(titled["title"].lower().split()) & _TITLE_WORDS \
            and not (set(titled["name"].lower().split()) & _TITLE_WORDS):
        return Official(name=titled["name"], title=re.sub(r"^(?:At|During|In)\s+the\s+\w+\s+", "", titled["title"]))
    return None


_TITLE_TRAILER = re.compile(r"\s+" + alternation("title_trailers") + "$")


def _add_to_title(current: Official, item: str) -> None:
    """An item after a person's name is part of that person's title."""
    item = _TITLE_TRAILER.sub("", item)
    if item.lower() in ("also", "and", "both", "jointly", "together"):
        return  # "..., Mayor of Putuo District, also attended": no part of the title
    current.title = item if current.title is None else f"{current.title}, {item}"


# (as r" ?[(（][\u4e00-\u9fff· ]{1,12}[)）]", its openings written out, each a literal: the regex engine skips in C to a
# space or a bracket instead of trying the optional space and the bracket at every character)
_CJK_GLOSS = re.compile(r"(?: \(| （|\(|（)[\u4e00-\u9fff· ]{1,12}[)）]")
_ANSWERER = re.compile(r"^[ \t]*" + alternation("answer_labels") + r"\s*[(（](?P<name>[A-Z][a-z]+(?:[- ][A-Z][a-z]+){1,2}),\s*(?P<title>[^)）\n]{3,160})[)）]\s*[:：]",
                       re.MULTILINE)
