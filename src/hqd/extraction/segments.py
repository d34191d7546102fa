"""Paragraphs, sentences and clauses as offset ranges into the document text."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
# A sentence ends at . ! ? (and any closing quotes) followed by space and a capital, digit or opening quote.
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])")
_ABBREVIATIONS = {
    "no", "mr", "mrs", "ms", "dr", "st", "co", "ltd", "inc", "corp", "vs", "etc", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "prof", "gov", "dept", "approx", "fig", "e.g", "i.e",
}
_QUOTED = re.compile(r"“[^”\n]{1,120}”")
# The only characters that a case-blind pattern matches to an ASCII letter other than the letters themselves
CASE_TRAPS = str.maketrans({"\u0130": "I", "\u0131": "i", "\u017f": "s", "\u212a": "K"})
_LETTERS = re.compile(r"[^\W\d_]+")
# a bar between table cells too; an en dash between two words is a range ("January–September", "2021–2025"), not a break.
# As written plainly, r"[,;:](?=\s)|[—()]|–(?!\w)|(?<!\w)–|\s--?\s|\s\|\s"; here every break opens with one set of the
# characters its forms open with, and each form then asks (looking back) which it was: a pattern that opens with a set is
# scanned for by the regex engine's own loop, which skips the letters in C instead of trying six forms at each (a third of
# the cost). The forms keep their order and each matches where it did ("(?<!\w)–" as "–" with no word character before).
_CLAUSE_BREAK = re.compile(r"[,;:—()–\s](?:(?<=[,;:])(?=\s)|(?<=[—()])|(?<=–)(?!\w)|(?<=–)(?<!\w–)|(?<=\s)--?\s|(?<=\s)\|\s)")


def sentence_around(text: str, start: int, end: int, reach: int = 200) -> str:
    """The text of the sentence holding ``text[start:end]``, read before any segmentation: from the last ". " or blank
    line before ``start`` to the next ". " or blank line after ``end``, and at most ``reach`` characters each way."""
    lo = max(text.rfind(". ", max(0, start - reach), start) + 1, text.rfind("\n\n", max(0, start - reach), start), start - reach, 0)
    ends = [i for i in (text.find(". ", end, end + reach), text.find("\n\n", end, end + reach)) if i >= 0]
    return text[lo:min(ends) if ends else end + reach]


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
        self._words: dict[int, frozenset[str]] = {}
        self._clauses: dict[int, tuple[int, int]] = {}  # clause_bounds by offset: a figure's rules ask for its own again and again

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

    def indices_at(self, offsets: list[int]) -> list[int]:
        """:meth:`index_at` of each of ``offsets`` (one call for a run of figures, not one each)."""
        starts = self._starts
        return [max(0, bisect_right(starts, offset) - 1) for offset in offsets]

    def words(self, index: int) -> frozenset[str]:
        """The words of sentence ``index``: its runs of letters, in lower case, with the four characters that a case-blind
        pattern takes for an ASCII letter ("İ", "ı", "ſ", the Kelvin sign) written as that letter. A whole word that such
        a pattern finds in any stretch of the sentence that starts and ends beside no letter is one of them."""
        words = self._words.get(index)
        if words is None:
            s = self.sentences[index]
            words = self._words[index] = words_of(self.text[s.start:s.end])
        return words

    def holds(self, index: int, cues: frozenset[str]) -> bool:
        """Whether sentence ``index`` holds one of the words ``cues`` (lower case), in any case."""
        return not cues.isdisjoint(self.words(index))

    def clause_bounds(self, offset: int) -> tuple[int, int]:
        """The clause around ``offset``: between the nearest clause breaks inside its sentence."""
        bounds = self._clauses.get(offset)
        if bounds is None:
            bounds = self._clauses[offset] = self._clause_bounds(offset)
        return bounds

    def _clause_bounds(self, offset: int) -> tuple[int, int]:
        index = self.index_at(offset)
        s = self.sentences[index]
        breaks = self._breaks.get(index)
        if breaks is None:  # the starts and the ends of the breaks in the sentence (in order, not overlapping), found once
            quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(self.text, s.start, s.end)]
            quoted_starts = [a for a, _ in quoted]

            def in_quotes(pos: int) -> bool:  # quotes do not overlap: only the last one opening before ``pos`` can hold it
                k = bisect_left(quoted_starts, pos)
                return bool(k) and pos < quoted[k - 1][1]

            # a comma inside a quoted name ("“specialized, refined, distinctive and innovative” enterprises") breaks no clause
            found = [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(self.text, s.start, s.end) if not in_quotes(m.start())]
            breaks = self._breaks[index] = ([a for a, _ in found], [b for _, b in found])
        starts, ends = breaks
        k = bisect_right(ends, offset)  # the breaks that end at or before ``offset``: the last of them opens the clause
        start = ends[k - 1] if k else s.start
        if k < len(starts) and starts[k] < offset:
            k += 1  # ``offset`` inside a break ("--"): the next one closes the clause
        end = starts[k] if k < len(starts) else s.end
        return start, end

    def limit_figures(self, figure_starts: list[int], most: int) -> None:
        """Cut a "sentence" holding more than ``most`` figures before every ``most``-th: what is read around a figure is read
        within its sentence, and rules that pair figures pair them within it, so a run of thousands of numbers with no full
        stop would cost the square of its length. Real sentences hold a handful of figures; ``figure_starts`` is sorted."""
        if len(figure_starts) <= most:
            return
        sentences: list[Sentence] = []
        for s in self.sentences:
            lo, hi = bisect_left(figure_starts, s.start), bisect_left(figure_starts, s.end)
            if hi - lo <= most:
                sentences.append(s)
                continue
            cuts = [s.start] + [figure_starts[k] for k in range(lo + most, hi, most)] + [s.end]
            sentences.extend(Sentence(a, b, s.paragraph) for a, b in zip(cuts, cuts[1:]) if a < b)
        if len(sentences) != len(self.sentences):
            self.sentences = sentences
            self._starts = [s.start for s in sentences]
            self._breaks, self._words, self._clauses = {}, {}, {}


def words_of(text: str) -> frozenset[str]:
    """The runs of letters of ``text``, in lower case, the case-trap letters written as the ASCII letters they match: a
    whole word that a case-blind pattern finds in ``text`` is one of them."""
    if not text.isascii():
        plain = text
        for mark in _MARKS:  # quotes and dashes part words as a space does: written so, most English text is ASCII
            if mark in plain:
                plain = plain.replace(mark, " ")
        if not plain.isascii():
            return frozenset(_LETTERS.findall(without_case_traps(text).lower()))
        text = plain
    return frozenset(_ASCII_LETTERS.findall(text.lower()))  # (the letters of ASCII text: a plain range, quicker to test)


_ASCII_LETTERS = re.compile(r"[a-z]+")
_MARKS = ("\u2019", "\u2018", "\u201c", "\u201d", "\u2013", "\u2014", "\u00a0", "\u2026", "\u00b7", "\u2022")  # no letter's


def has_case_trap(text: str) -> bool:
    """Whether ``text`` holds a case-trap letter (``CASE_TRAPS``): four searches for one character (each as quick as a
    memory scan, and none at all in a text whose characters are all below them), where a pattern of the four tried at
    every character costs some twenty times as much."""
    return not text.isascii() and ("\u0130" in text or "\u0131" in text or "\u017f" in text or "\u212a" in text)


def without_case_traps(text: str) -> str:
    """``text`` with the case-trap letters written as the ASCII letters they match (``CASE_TRAPS``): translated only when
    it holds one (str.translate costs a lookup for every character, and a document's text has had them written so
    before any rule reads it, ``extraction.matching_text``)."""
    return text.translate(CASE_TRAPS) if has_case_trap(text) else text


def matches_from(pattern: re.Pattern, text: str, starts: tuple[str, ...]):
    """The matches of ``pattern`` in ``text`` as its finditer gives them, for a pattern each of whose matches is not empty
    and starts with one of the strings ``starts``: tried only where str.find finds one of them, instead of at every
    character (a pattern opening with a set of letters is tried at each, and most text is letters)."""
    found = set()
    for start in starts:
        at = text.find(start)
        while at >= 0:
            found.add(at)
            at = text.find(start, at + 1)
    end = 0
    for at in sorted(found):
        if at < end:
            continue  # inside the match before, where finditer does not look
        m = pattern.match(text, at)
        if m is not None:
            yield m
            end = m.end()


def literal_led(alternatives: list[str], word_start: bool = False) -> str:
    r"""One group of the regexes ``alternatives`` (each opening with a literal character: no set, group, escape or
    assertion first), grouped by that character in their order. The regex engine scans for a pattern whose every branch
    opens with a literal (or a group of such) by its own loop over the characters, skipping in C those no branch opens
    with, where a pattern opening with a lookahead, a set or \b is tried at every character. At any place only the
    branches of the character there can match, and they keep their order: the matches are those of the plain alternation.
    ``word_start``: each must start a word (as r"\b" before it would say, the character a letter or digit), asked after
    that character (``c(?<!\wc)``: no word character before it)."""
    grouped: dict[str, list[str]] = {}
    for alternative in alternatives:
        first = alternative[:1]
        if not (first.isalnum() or (first in "-_ " and not word_start)):
            raise ValueError(f"{alternative!r} does not open with a literal letter or digit")
        grouped.setdefault(first, []).append(alternative[1:])
    branches = []
    for first, rests in grouped.items():
        head = first + (rf"(?<!\w{first})" if word_start else "")
        branches.append(head + (rests[0] if len(rests) == 1 else "(?:" + "|".join(rests) + ")"))
    return "(?:" + "|".join(branches) + ")"


def shortest_prefixes(words) -> tuple[str, ...]:
    """The words less those that another of them begins ("rank" stands for "ranked"): where to look for any of them."""
    words = sorted(set(words))
    return tuple(w for k, w in enumerate(words) if not any(w.startswith(o) for o in words[:k]))


def drop_overlaps(spans: list) -> list:
    """Spans sorted by start (longest first at a tie), keeping each one that does not overlap one kept before it."""
    if all(a.start < a.end <= b.start for a, b in zip(spans, spans[1:])):
        return list(spans)  # already in order, none overlapping (as a run of figures comes): sorting would keep them all
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


# a line of a list: a dash, bullet or number opens it
LIST_ITEM_LINE = re.compile(r"[ \t]*(?:[-•*·]|\(?\d{1,2}[.)])[ \t]+")
_LEAD_IN_REACH = 12  # the lines of a list looked back over for its lead-in


def list_lead_in(text: str, pos: int) -> str | None:
    """The lead-in line (ending with a colon) of the list whose item holds ``pos``, if ``pos`` is on a list's line."""
    start = text.rfind("\n", 0, pos) + 1
    if not LIST_ITEM_LINE.match(text, start):
        return None
    for _ in range(_LEAD_IN_REACH):
        if start == 0:
            return None
        prev = text.rfind("\n", 0, start - 1) + 1
        line = text[prev:start - 1]
        start = prev
        if line.strip() and not LIST_ITEM_LINE.match(line):
            return line if line.rstrip().endswith(":") else None
    return None
