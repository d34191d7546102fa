"""A document as the rows the store will write, built where it was extracted.

Workers turn each Document into plain tuples (with its indicator mapping done)
before sending it to the writer: a tuple of strings and numbers pickles about
four times faster than the nested dataclasses, and the writer, which is the one
serial part of an ingest, then only adds row ids.
"""

from __future__ import annotations

import json
from bisect import bisect_right

from ..extraction import EXTRACTOR_VERSION
from ..facts.indicators import map_metric, map_quantity
from ..model import Document, written
from ..store.rows import DocumentRows, han_sentences, split_chinese


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
        quantities.append((idx, sentence_index, q.start, q.end, q.text, q.value, q.unit, q.kind, q.approx, q.metric, written(q.period),
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
        targets=[(idx, t.quantity_ref, t.start, t.end, t.text, t.metric, t.value, t.unit, written(t.deadline), t.subject)
                 for idx, t in enumerate(doc.targets)],
        entities=[(e.start, e.end, e.text, e.type) for e in doc.entities],
        han=han_sentences(text, sentences),
    )
