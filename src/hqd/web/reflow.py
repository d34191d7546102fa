"""A document's text for reading: hard-wrapped lines re-flowed into paragraphs, while every character of the
stored text stays in the page in order (marks sit on exact offsets; the article's text content is the text)."""

from __future__ import annotations

import re
from bisect import bisect_right

from markupsafe import Markup

from ..sources import is_page_furniture

_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*•·●▪–—]|\(?\d{1,2}[.)、]|\(?[a-z][.)]\s|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)")
SHORT_LINE = 40  # a line shorter than this (a heading, a dateline, a name) keeps its break


def _kept_breaks(text: str) -> list[int]:
    """Positions of single line breaks that stay breaks: table rows, list items, short lines, lines ending in ':'."""
    kept = []
    lines = text.split("\n")
    i = -1  # the position of the break after lines[k]
    for k in range(len(lines) - 1):
        line, following = lines[k], lines[k + 1]
        i += len(line) + 1
        if not line.strip() or not following.strip():
            continue  # part of a paragraph break
        starts_anew = not following.lstrip()[:1].islower()  # "The\nsecond leap" is one sentence wrapped early
        if ("|" in line or "|" in following or (len(line.strip()) < SHORT_LINE and starts_anew)
                or line.rstrip().endswith((":", "：")) or _LIST_ITEM.match(following) or "\u3000" in following[:2]):
            kept.append(i)
    return kept


def escape_text(value) -> str:
    """``markupsafe.escape(value)`` as a plain string, for text pieces joined into one Markup at the end: the same
    five replacements, without a Markup object made per piece (a page has hundreds)."""
    return (str(value).replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;").replace("'", "&#39;")
            .replace('"', "&#34;"))


def reflow(text: str, events: list[tuple[int, float, str]], wrapped: list[tuple[int, int]]) -> Markup:
    """``events``: (position, order, markup) of the marks, closes ordered below 1.5 and opens above it at one position;
    ``wrapped``: the spans those tags enclose. Paragraphs become <p>, kept line breaks <br>, placed at order 1.5;
    no paragraph break falls inside a wrapped span (the markup always nests). Each markup is trusted HTML (a str or
    Markup); the text between is escaped here."""
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

    def opening(i: int) -> str:
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        if is_page_furniture(text[starts[i]:end].strip()):
            return '<p class="furniture" hidden>'  # a site's language switch: kept in the text, not shown
        return "<p>"

    for i, start in enumerate(starts[1:], 1):
        events.append((start, 1.5, "</p>" + opening(i)))
    for i in _kept_breaks(text):
        if free(i + 1):
            events.append((i + 1, 1.5, "<br>"))
    events.sort(key=lambda e: (e[0], e[1]))
    out, pos = [opening(0)], 0
    for position, _, html in events:
        out.append(escape_text(text[pos:position]))
        out.append(html)
        pos = position
    out.append(escape_text(text[pos:]))
    out.append("</p>")
    return Markup("".join(out))  # tags and escaped text: one Markup for the whole, not one per piece
