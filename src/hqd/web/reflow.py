"""A document's text for reading: hard-wrapped lines re-flowed into paragraphs, while every character of the
stored text stays in the page in order (marks sit on exact offsets; the article's text content is the text)."""

from __future__ import annotations

import re
from bisect import bisect_right

from markupsafe import Markup, escape

from ..sources import is_page_furniture

_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*•·●▪–—]|\(?\d{1,2}[.)、]|\(?[a-z][.)]\s|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)")
SHORT_LINE = 40  # a line shorter than this (a heading, a dateline, a name) keeps its break


def _kept_breaks(text: str) -> list[int]:
    """Positions of single line breaks that stay breaks: table rows, list items, short lines, lines ending in ':'."""
    kept = []
    for match in re.finditer(r"\n", text):
        i = match.start()
        line_start = text.rfind("\n", 0, i) + 1
        line = text[line_start:i]
        next_end = text.find("\n", i + 1)
        following = text[i + 1: next_end if next_end >= 0 else len(text)]
        if not line.strip() or not following.strip():
            continue  # part of a paragraph break
        starts_anew = not following.lstrip()[:1].islower()  # "The\nsecond leap" is one sentence wrapped early
        if ("|" in line or "|" in following or (len(line.strip()) < SHORT_LINE and starts_anew)
                or line.rstrip().endswith((":", "：")) or _LIST_ITEM.match(following) or "\u3000" in following[:2]):
            kept.append(i)
    return kept


def reflow(text: str, events: list[tuple[int, float, Markup]], wrapped: list[tuple[int, int]]) -> Markup:
    """``events``: (position, order, markup) of the marks, closes ordered below 1.5 and opens above it at one position;
    ``wrapped``: the spans those tags enclose. Paragraphs become <p>, kept line breaks <br>, placed at order 1.5;
    no paragraph break falls inside a wrapped span (the markup always nests)."""
    merged: list[list[int]] = []  # overlapping spans joined (touching ones kept apart): a point strictly inside one of
    for start, end in sorted(wrapped):  # these is strictly inside some wrapped span
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    starts_at = [s for s, _ in merged]

    def free(pos: int) -> bool:
        i = bisect_right(starts_at, pos - 1) - 1  # the last span starting before pos
        return i < 0 or not merged[i][0] < pos < merged[i][1]

    events = list(events)
    starts = [0] + [m.end() for m in _PARAGRAPH.finditer(text) if free(m.end()) and m.end() < len(text)]

    def opening(i: int) -> Markup:
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        if is_page_furniture(text[starts[i]:end].strip()):
            return Markup('<p class="furniture" hidden>')  # a site's language switch: kept in the text, not shown
        return Markup("<p>")

    for i, start in enumerate(starts[1:], 1):
        events.append((start, 1.5, Markup("</p>") + opening(i)))
    for i in _kept_breaks(text):
        if free(i + 1):
            events.append((i + 1, 1.5, Markup("<br>")))
    events.sort(key=lambda e: (e[0], e[1]))
    out, pos = [opening(0)], 0
    for position, _, html in events:
        out.append(escape(text[pos:position]))
        out.append(html)
        pos = position
    out.append(escape(text[pos:]))
    out.append(Markup("</p>"))
    return Markup("".join(out))  # every piece is Markup already: escaped text or tags (Markup.join would check each again)
