"""A document as the rows the store will write, built where it was extracted.

Workers turn each Document into plain tuples (with its indicator mapping done)
before sending it to the writer: a tuple of strings and numbers pickles about
four times faster than the nested dataclasses, and the writer, which is the one
serial part of an ingest, then only adds row ids.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass

from ..extraction import EXTRACTOR_VERSION
from ..facts.indicators import map_metric, map_quantity
from ..model import Document
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


def document_rows(doc: Document) -> DocumentRows:
    """Rows for ``doc``, each quantity and rank mapped to an indicator (with its sentence as context)."""
    text = doc.text
    meta = doc.meta
    sentences = split_chinese(text, doc.sentences)
    starts = [s for s, _ in sentences]
    quantities = []
    for idx, q in enumerate(doc.quantities):
        i = bisect_right(starts, q.start) - 1
        sentence_index = i if 0 <= i < len(sentences) else None
        if sentence_index is not None:
            s_start, s_end = sentences[i]
            sentence, before, after = text[s_start:s_end], text[s_start:q.start], text[q.end:s_end]
        else:
            sentence, before, after = None, "", ""
        mapped = map_quantity(q.metric, q.unit, q.kind, text=q.text, subject=q.subject, district=meta.district,
                              sentence=sentence, before=before, after=after)
        quantities.append((idx, sentence_index, q.start, q.end, q.text, q.value, q.unit, q.kind, q.approx, q.metric, q.period,
                           q.subject, mapped.code, mapped.confidence, meta.district, meta.date, q.basis, mapped.reason,
                           mapped.share_of))
    officials = json.dumps([{"name": o.name, "title": o.title} for o in meta.officials], ensure_ascii=False)
    return DocumentRows(
        source=doc.source,
        sha256=doc.sha256,
        text=text,
        document=(meta.title, meta.date, meta.published, meta.district, meta.session, meta.series, meta.theme, officials,
                  doc.language, int(doc.is_html), EXTRACTOR_VERSION, len(doc.quantities), len(doc.targets), len(doc.entities)),
        sentences=sentences,
        quantities=quantities,
        ranks=[(r.start, r.end, r.text, r.value, r.metric, map_metric(r.metric).code, r.scope, r.subject) for r in doc.ranks],
        targets=[(idx, t.quantity_ref, t.start, t.end, t.text, t.metric, t.value, t.unit, t.deadline, t.subject)
                 for idx, t in enumerate(doc.targets)],
        entities=[(e.start, e.end, e.text, e.type) for e in doc.entities],
        han=han_sentences(text, sentences),
    )


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
