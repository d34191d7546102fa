"""Section headings, known before any figure's kind is decided: a report's goals are often stated under a heading that
says they are goals ("II. Main Targets for 2024") in sentences that say nothing of aims ("GDP growth of about 5.5%").

A heading is a paragraph of one short line after the title, with no sentence's end; it heads the text up to the next
heading. Found once per document (``Context.memo``), by one scan of its lines.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ..model import Period
from .lang.en import word_lists
from .lexicon import phrase_pattern
from .periods import find_time_phrases, plan_named, report_year
from .phrases import Context

# a paragraph of one short line, perhaps numbered ("I.", "2.", "Part Three"), with no sentence's end (as frames reads it)
_HEADING = re.compile(r"(?:(?:[IVX]+|\d{1,2})[.)、]\s*|(?:Part|Chapter|Section)\s+\w+[.:]?\s+)?[A-Z][^\n.!?;]{2,100}:?")
# a line between a blank (whitespace, then its line break) and the text's end or a line break and a blank
_ALONE_LINE = re.compile(r"\n(?<=\s\n)(?P<line>[^\n]+)(?=\n?\Z|\n\s)")
_NOT_BLANK = re.compile(r"\S")
_CUES = word_lists("cues")
# what heads a plan: "Main Targets for 2024", "Key Tasks for Next Year"; a look back: "Review of Our Work in 2023"
_PLAN = re.compile(r"\b(?:" + phrase_pattern(_CUES["plan_heading_words"]) + r")\b", re.IGNORECASE)
_REVIEW = re.compile(r"\b(?:" + phrase_pattern(_CUES["review_heading_words"]) + r")\b", re.IGNORECASE)


def headings(text: str) -> list[tuple[int, str]]:
    """The headings of ``text`` as (offset, line), in order: lines standing alone between blank lines (or the text's
    end), after the first paragraph (the title), that read as a heading.

    >>> headings("Report\\n\\nI. Review of 2023\\n\\nGDP grew 5%. Jobs rose.\\n\\nII. Main Targets for 2024\\n\\nGrowth of 5%.")
    [(8, 'I. Review of 2023'), (46, 'II. Main Targets for 2024')]
    """
    found: list[tuple[int, str]] = []
    first = _NOT_BLANK.search(text)
    if first is None:
        return found
    title = text.rfind("\n", 0, first.start()) + 1  # the first line that is not blank, passed over
    # a line can stand alone only after a line break and a blank: the pattern finds those lines alone, so that the many
    # lines of a text's paragraphs cost no step here
    for m in _ALONE_LINE.finditer(text, title):
        part = m.group("line")
        line = part.strip()
        if line and m.start("line") > title and _HEADING.fullmatch(line):
            found.append((m.start("line") + len(part) - len(part.lstrip()), line))
    return found


def heading_over(ctx: Context, offset: int) -> str | None:
    """The heading of the section that holds ``offset``, or None before the first heading."""
    found = ctx.memo.get("headings")
    if found is None:
        found = ctx.memo["headings"] = headings(ctx.text)
        ctx.memo["heading_starts"] = [start for start, _ in found]
    k = bisect_right(ctx.memo["heading_starts"], offset)
    return found[k - 1][1] if k else None


def plan_deadline(ctx: Context, offset: int) -> Period | None:
    """The deadline a plan's heading gives the goals of its section: the time it names when still to come ("Main
    Targets for 2024", said in January 2024; "Key Tasks for Next Year"), or, in a government work report, the year the
    report plans when the heading names none ("III. Major Tasks": the congress meets in January of that year). None
    outside a plan's section, or when the time is past."""
    line = heading_over(ctx, offset)
    if line is None:
        return None
    # the same for every figure of the section: decided once a heading (its word patterns are long alternations)
    decided = ctx.memo.setdefault("plan_deadlines", {})
    if line not in decided:
        decided[line] = _plan_deadline(ctx, line)
    return decided[line]


# a plan's heading names its horizon with the end of a span ("Goals to 2030", "Targets through 2027", "Outlook until 2035"):
# in a heading, which tells of no span that began, the year its goals are due
_HORIZON = re.compile(r"\b(?:" + phrase_pattern(_CUES["horizon_prepositions"]) + r")\s+((?:19|20)\d\d)\b", re.IGNORECASE)


def _plan_deadline(ctx: Context, line: str) -> Period | None:
    """:func:`plan_deadline` for the figures under the heading ``line``."""
    if not _PLAN.search(line) or _REVIEW.search(line):
        return None
    phrases = [p for p in find_time_phrases(line, ctx.year) if not p.since]
    if phrases:
        period = phrases[-1].period
        return period if ctx.year is None or period.end_year >= ctx.year else None
    horizon = _HORIZON.search(line)  # "Goals to 2030", "Targets through 2027": the year the plan looks to
    if horizon is not None:
        period = Period.year(int(horizon.group(1)))
        return period if ctx.year is None or period.end_year >= ctx.year else None
    planned = ctx.memo.get("report_year", SKIP_YEAR)
    if planned is SKIP_YEAR:
        planned = ctx.memo["report_year"] = report_year(ctx.text)
    if planned is not None and ctx.year is not None:
        return Period.year(ctx.year)
    return None


SKIP_YEAR = object()  # report_year not yet asked


def title_span(ctx: Context) -> Period | None:
    """The span of years a text's title line names ("... (2024-2026)"), if any; found once a document."""
    if "title_span" not in ctx.memo:
        title = ctx.text[:max(0, ctx.text.find("\n"))]
        spans = [p.period for p in find_time_phrases(title, ctx.year) if p.period.is_span and not p.since]
        ctx.memo["title_span"] = spans[0] if spans else plan_named(title)
    return ctx.memo["title_span"]
