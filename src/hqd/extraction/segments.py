"""Paragraphs, sentences and clauses as offset ranges into the document text."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
# A sentence ends at . ! ? (and any closing quotes) followed by space and a capital, digit or opening quote.
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])")
_ABBREVIATIONS = {
    "no", "mr", "mrs", "ms", "dr", "st", "co", "ltd", "inc", "corp", "vs", "etc", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "prof", "gov", "dept", "approx", "fig", "e.g", "i.e",
}
_QUOTED = re.compile(r"“[^”\n]{1,120}”")
_CLAUSE_BREAK = re.compile(r"[,;:](?=\s)|[—–()]|\s--?\s|\s\|\s")  # a bar between table cells too


def sentence_around(text: str, start: int, end: int, reach: int = 200) -> str:
    """The text of the sentence holding ``text[start:end]``, read before any segmentation: from the last ". " or blank
    line before ``start`` to the next ". " after ``end``, and at most ``reach`` characters each way."""
    lo = max(text.rfind(". ", max(0, start - reach), start) + 1, text.rfind("\n\n", max(0, start - reach), start), start - reach, 0)
    hi = text.find(". ", end, end + reach)
    return text[lo:hi if hi >= 0 else end + reach]


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int


class Segmentation:
    """Sentences of a text, with fast lookup of the sentence containing an offset."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sentences: list[Sentence] = []
        paragraph = 0
        pos = 0
        for brk in _PARAGRAPH_BREAK.finditer(text):
            self._split_paragraph(pos, brk.start(), paragraph)
            paragraph += 1
            pos = brk.end()
        self._split_paragraph(pos, len(text), paragraph)
        self._starts = [s.start for s in self.sentences]
        self._breaks: dict[int, list[tuple[int, int]]] = {}

    def _split_paragraph(self, start: int, end: int, paragraph: int) -> None:
        text = self.text
        cursor = start
        for m in _SENTENCE_END.finditer(text, start, end):
            if text[m.start()] == "." and _is_abbreviation(text, m.start()):
                continue
            self._add(cursor, m.end(), paragraph)
            cursor = m.end()
        self._add(cursor, end, paragraph)

    def _add(self, start: int, end: int, paragraph: int) -> None:
        text = self.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            self.sentences.append(Sentence(start, end, paragraph))

    def index_at(self, offset: int) -> int:
        """Index of the sentence containing (or preceding) ``offset``."""
        return max(0, bisect_right(self._starts, offset) - 1)

    def clause_bounds(self, offset: int) -> tuple[int, int]:
        """The clause around ``offset``: between the nearest clause breaks inside its sentence."""
        index = self.index_at(offset)
        s = self.sentences[index]
        breaks = self._breaks.get(index)
        if breaks is None:  # (start, end) of each break in the sentence, found once
            quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(self.text, s.start, s.end)]
            # a comma inside a quoted name ("“specialized, refined, distinctive and innovative” enterprises") breaks no clause
            breaks = self._breaks[index] = [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(self.text, s.start, s.end)
                                            if not any(a < m.start() < b for a, b in quoted)]
        start, end = s.start, s.end
        for b_start, b_end in breaks:
            if b_end <= offset:
                start = b_end
            elif b_start >= offset:
                end = b_start
                break
        return start, end


def drop_overlaps(spans: list) -> list:
    """Spans sorted by start (longest first at a tie), keeping each one that does not overlap one kept before it."""
    spans = sorted(spans, key=lambda s: (s.start, -(s.end - s.start)))
    kept: list = []
    for span in spans:
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return kept


def _is_abbreviation(text: str, dot: int) -> bool:
    word_start = dot
    while word_start > 0 and (text[word_start - 1].isalpha() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start:dot].lower()
    if len(word) == 1 and word.isalpha():
        return not text[word_start - 1:word_start].isdigit()  # an initial, or U.S.; not "$100m." or "in 5G."
    return word in _ABBREVIATIONS
