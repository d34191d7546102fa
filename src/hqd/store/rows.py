"""A document as the rows the store will write, built where it was extracted.

Workers turn each Document into plain tuples (with its indicator mapping done)
before sending it to the writer: a tuple of strings and numbers pickles about
four times faster than the nested dataclasses, and the writer, which is the one
serial part of an ingest, then only adds row ids.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from dataclasses import dataclass

from ..extraction import EXTRACTOR_VERSION
from ..facts.indicators import map_metric
from ..model import Document

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


def document_rows(doc: Document) -> DocumentRows:
    """Rows for ``doc``, each quantity and rank mapped to an indicator (with its sentence as context)."""
    text = doc.text
    meta = doc.meta
    sentences = [(s, e) for s, e in doc.sentences]
    starts = [s for s, _ in sentences]
    quantities = []
    for idx, q in enumerate(doc.quantities):
        i = bisect_right(starts, q.start) - 1
        sentence_index = i if 0 <= i < len(sentences) else None
        sentence = text[sentences[i][0]:sentences[i][1]] if sentence_index is not None else None
        mapped = map_metric(q.metric, q.unit, q.kind, sentence)
        quantities.append((idx, sentence_index, q.start, q.end, q.text, q.value, q.unit, q.kind, q.approx, q.metric, q.period,
                           q.subject, mapped.code, mapped.confidence, meta.district, meta.date))
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
    )
