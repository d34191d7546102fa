"""The rows the store's writer takes (``DocumentRows``), and how the store splits and indexes sentences.

The pipeline builds the rows (``hqd.pipeline.rows.document_rows``: extraction and the
indicator mapping happen there); the store only writes them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from .schema import HAN_RANGES

@dataclass(slots=True)
class DocumentRows:
    """One extracted document, as rows; store/write.py's INSERTs name each tuple's columns, in order.

    ``sentences`` are (start, end) spans into ``text``; a quantity's sentence and a
    target's quantity are indexes within this document, made row ids when written.
    """

    source: str
    sha256: str
    text: str
    document: tuple
    sentences: list[tuple[int, int]]
    quantities: list[tuple]
    ranks: list[tuple]
    targets: list[tuple]
    entities: list[tuple]
    han: tuple[int, ...] = ()  # indexes of the sentences holding a Han character, which sentences_cjk also indexes


def han_sentences(text: str, sentences: list[tuple[int, int]]) -> tuple[int, ...]:
    """Indexes of the (sorted, disjoint) sentences holding a Han character.

    One scan of the text, which jumps past a sentence once it is found to hold one:
    an English document with a stray 中文版 costs about what one without does.
    """
    starts = [s for s, _ in sentences]
    found, pos = [], 0
    while (m := _WIDE.search(text, pos)) is not None:
        if not _HAN.match(text, m.start()):
            pos = m.start() + 1
            continue
        i = bisect_right(starts, m.start()) - 1
        if i >= 0 and m.start() < sentences[i][1]:
            found.append(i)
            pos = sentences[i][1]
        else:  # between sentences
            pos = starts[i + 1] if i + 1 < len(starts) else len(text)
        pos = max(pos, m.start() + 1)
    return tuple(found)


# A Chinese sentence ends after 。！？ (with any closing quotes or brackets), or at a line's end.
_ZH_END = re.compile(r"[。！？][”’」』）》]*|\n")
_ZH_END_INSIDE = re.compile(r"[。！？][”’」』）》]*(?=\s*\S)")
_HAN = re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in HAN_RANGES) + "]")
_WIDE = re.compile("[\u3400-\U0010ffff]")  # every Han character is in this one range, which re scans 3x faster than _HAN


def split_chinese(text: str, spans) -> list[tuple[int, int]]:
    """Sentence spans for the store, with Chinese sentences split where a sentence splitter that does not
    know Chinese left them together (so a search result and its anchor are one sentence, not a paragraph).

    Applies only to a document where some span holds 。！？ before more text; spans that
    already end at each 。 (as the Chinese pack's splitter gives) are kept as they are.
    Pieces without Han characters on both sides of a line break stay joined (English
    wraps lines inside sentences).
    """
    spans = [(s, e) for s, e in spans]
    if not any(_ZH_END_INSIDE.search(text, s, e) for s, e in spans):
        return spans
    out: list[tuple[int, int]] = []
    for start, end in spans:
        pos = start
        for m in _ZH_END.finditer(text, start, end):
            if m.group() == "\n" and not (_HAN.search(text, pos, m.start()) and _HAN.search(text, m.end(), end)):
                continue
            _add_trimmed(text, pos, m.end(), out)
            pos = m.end()
        _add_trimmed(text, pos, end, out)
    return out


def _add_trimmed(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append((start, end))
