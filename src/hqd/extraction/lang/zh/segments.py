"""Sentences, clauses and paragraphs of Chinese text.

Chinese ends a sentence with 。！？ (and ；, which the contract also treats as a sentence end) and writes no spaces;
a clause ends at ，、： (and at a space between two Chinese characters, which parts a headline), and the ASCII forms of these marks are used by many sites. A comma between digits
("3,216") is a thousands separator, not a clause end. A line break ends a sentence and a paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

_SENTENCE_END = re.compile(r"[。！？；!?;]+[”’」』）)]?|\n")
_FULL_END = re.compile(r"[。！？!?\n]")
# a space between two Chinese characters parts a headline's statements ("静安区商业回升 南京西路商圈销售额突破六百亿元"):
# Chinese writes no space inside a clause
_CLAUSE_END = re.compile(r"[，、：]|(?<![0-9]),|,(?![0-9]{3}(?![0-9]))|:(?![0-9])|(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])")


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int  # index of the line it is on


class Segmentation:
    """Sentences in order (whitespace-only stretches skipped) and their clauses, found once per document."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sentences: list[Sentence] = []
        paragraph, pos = 0, 0
        for m in _SENTENCE_END.finditer(text):
            self._add(pos, m.end() if m.group() != "\n" else m.start(), paragraph)
            if m.group() == "\n":
                paragraph += 1
            pos = m.end()
        self._add(pos, len(text), paragraph)
        self._starts = [s.start for s in self.sentences]
        self._full_starts = [0] + [m.end() for m in _FULL_END.finditer(text)]
        marks = list(_CLAUSE_END.finditer(text))
        self._mark_starts = [m.start() for m in marks]
        self._mark_ends = [m.end() for m in marks]

    def _add(self, start: int, end: int, paragraph: int) -> None:
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        if start < end:
            self.sentences.append(Sentence(start, end, paragraph))

    def index_at(self, offset: int) -> int:
        """Index of the sentence holding ``offset`` (the one before, between sentences)."""
        return max(0, bisect_right(self._starts, offset) - 1)

    def full_start(self, offset: int) -> int:
        """Where the whole sentence holding ``offset`` begins: only 。！？ and line breaks end it (a list of goals
        runs on over ；)."""
        return self._full_starts[max(0, bisect_right(self._full_starts, offset) - 1)]

    def sentence_at(self, offset: int) -> Sentence:
        return self.sentences[self.index_at(offset)]

    def clause_start(self, offset: int) -> int:
        """Where the clause holding ``offset`` begins (after the last ，、： before it in its sentence)."""
        s = self.sentence_at(offset)
        k = bisect_right(self._mark_ends, offset) - 1
        return max(s.start, self._mark_ends[k]) if k >= 0 else s.start

    def clause_end(self, offset: int) -> int:
        s = self.sentence_at(offset)
        k = bisect_left(self._mark_starts, offset)
        return min(s.end, self._mark_starts[k]) if k < len(self._mark_starts) else s.end

    def clauses_after(self, offset: int, limit: int) -> list[tuple[int, int]]:
        """Up to ``limit`` clauses from ``offset`` to the end of its whole sentence (。！？ or a line break)."""
        end = self.text.find("。", offset)
        nl = self.text.find("\n", offset)
        stops = [x for x in (end, nl) if x >= 0]
        stop = min(stops) if stops else len(self.text)
        out, pos = [], offset
        k = bisect_left(self._mark_starts, offset)
        while k < len(self._mark_starts) and self._mark_starts[k] < stop and len(out) < limit:
            out.append((pos, self._mark_starts[k]))
            pos = self._mark_ends[k]
            k += 1
        if len(out) < limit and pos < stop:
            out.append((pos, stop))
        return out

    def clauses(self, s: Sentence) -> list[tuple[int, int]]:
        out, pos = [], s.start
        for m in _CLAUSE_END.finditer(self.text, s.start, s.end):
            out.append((pos, m.start()))
            pos = m.end()
        out.append((pos, s.end))
        return out
