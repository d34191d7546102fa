"""The contract's objects as rows of four tables (documents, quantities, targets, entities), with explicit Arrow
schemas, and back. Columns a reader does not query (sentences, ranks, warnings, rule names) travel as JSON text."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

import pyarrow as pa

from ..model import Document, Entity, Meta, Official, Period, Quantity, Rank, Target, written

TABLES = ("documents", "quantities", "targets", "entities")

_KEY = [("doc_sha256", pa.string()), ("language", pa.string()), ("year", pa.int32())]

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema(_KEY + [
        ("source", pa.string()), ("text", pa.string()), ("is_html", pa.bool_()),
        ("title", pa.string()), ("date", pa.string()), ("published", pa.string()), ("district", pa.string()),
        ("session", pa.int64()), ("series", pa.string()), ("theme", pa.string()), ("officials", pa.string()),
        ("sentences", pa.string()), ("ranks", pa.string()), ("warnings", pa.string()),
    ]),
    "quantities": pa.schema(_KEY + [
        ("idx", pa.int32()), ("start", pa.int64()), ("end", pa.int64()), ("text", pa.string()), ("value", pa.float64()),
        ("unit", pa.string()), ("kind", pa.string()), ("basis", pa.string()), ("approx", pa.string()), ("metric", pa.string()),
        ("period", pa.string()), ("subject", pa.string()), ("why", pa.string()),
    ]),
    "targets": pa.schema(_KEY + [
        ("idx", pa.int32()), ("start", pa.int64()), ("end", pa.int64()), ("text", pa.string()), ("metric", pa.string()),
        ("value", pa.float64()), ("unit", pa.string()), ("deadline", pa.string()), ("subject", pa.string()),
        ("quantity_ref", pa.int64()),
    ]),
    "entities": pa.schema(_KEY + [
        ("idx", pa.int32()), ("start", pa.int64()), ("end", pa.int64()), ("text", pa.string()), ("type", pa.string()),
    ]),
}


def _year(doc: Document) -> int | None:
    anchor = doc.meta.date or doc.meta.published
    return int(anchor[:4]) if anchor and anchor[:4].isdigit() else None


def document_records(doc: Document) -> dict[str, list[dict[str, Any]]]:
    """One document as rows of the four tables, each row carrying the document's sha256, language and year."""
    key = {"doc_sha256": doc.sha256, "language": doc.language, "year": _year(doc)}
    meta = doc.meta
    documents = [{
        **key, "source": doc.source, "text": doc.text, "is_html": doc.is_html, "title": meta.title, "date": meta.date,
        "published": meta.published, "district": meta.district, "session": meta.session, "series": meta.series,
        "theme": meta.theme, "officials": json.dumps([asdict(o) for o in meta.officials], ensure_ascii=False),
        "sentences": json.dumps(doc.sentences), "ranks": json.dumps([asdict(r) for r in doc.ranks], ensure_ascii=False),
        "warnings": json.dumps(doc.warnings, ensure_ascii=False),
    }]
    quantities = [{**key, "idx": i, "start": q.start, "end": q.end, "text": q.text, "value": float(q.value), "unit": q.unit,
                   "kind": q.kind, "basis": q.basis, "approx": q.approx, "metric": q.metric, "period": written(q.period),
                   "subject": q.subject, "why": json.dumps(getattr(q, "why", {}) or {}, sort_keys=True)}
                  for i, q in enumerate(doc.quantities)]
    targets = [{**key, "idx": i, "start": t.start, "end": t.end, "text": t.text, "metric": t.metric,
                "value": None if t.value is None else float(t.value), "unit": t.unit, "deadline": written(t.deadline), "subject": t.subject,
                "quantity_ref": t.quantity_ref} for i, t in enumerate(doc.targets)]
    entities = [{**key, "idx": i, "start": e.start, "end": e.end, "text": e.text, "type": e.type} for i, e in enumerate(doc.entities)]
    return {"documents": documents, "quantities": quantities, "targets": targets, "entities": entities}


def to_arrow(records: dict[str, list[dict[str, Any]]]) -> dict[str, pa.Table]:
    return {name: pa.Table.from_pylist(records.get(name, []), schema=SCHEMAS[name]) for name in TABLES}


def documents_from_tables(tables: dict[str, list[dict[str, Any]]]) -> list[Document]:
    """Documents rebuilt from rows of the four tables (as read back from Parquet), facts in their original order."""
    facts: dict[str, dict[str, list[dict]]] = {name: {} for name in TABLES[1:]}
    for name in TABLES[1:]:
        for row in tables.get(name, []):
            facts[name].setdefault(row["doc_sha256"], []).append(row)
    out = []
    for row in tables.get("documents", []):
        sha = row["doc_sha256"]
        rows = {name: sorted(facts[name].get(sha, []), key=lambda r: r["idx"]) for name in TABLES[1:]}
        meta = Meta(title=row["title"], date=row["date"], published=row["published"], district=row["district"],
                    session=row["session"], series=row["series"], theme=row["theme"],
                    officials=[Official(**o) for o in json.loads(row["officials"])])
        quantities = []
        for q in rows["quantities"]:
            quantity = Quantity(start=q["start"], end=q["end"], text=q["text"], value=q["value"], unit=q["unit"], kind=q["kind"],
                                basis=q["basis"], approx=q["approx"], metric=q["metric"], period=Period.stored(q["period"]), subject=q["subject"])
            if hasattr(quantity, "why"):
                quantity.why = json.loads(q["why"] or "{}")
            quantities.append(quantity)
        out.append(Document(
            source=row["source"], sha256=sha, text=row["text"], language=row["language"], meta=meta, quantities=quantities,
            targets=[Target(start=t["start"], end=t["end"], text=t["text"], metric=t["metric"], value=t["value"], unit=t["unit"],
                            deadline=Period.stored(t["deadline"]), subject=t["subject"], quantity_ref=t["quantity_ref"]) for t in rows["targets"]],
            entities=[Entity(start=e["start"], end=e["end"], text=e["text"], type=e["type"]) for e in rows["entities"]],
            warnings=json.loads(row["warnings"]), sentences=[tuple(s) for s in json.loads(row["sentences"])],
            ranks=[Rank(**r) for r in json.loads(row["ranks"])], is_html=row["is_html"],
        ))
    return out
