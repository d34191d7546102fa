"""Why each quantity has its attributes: the values with the names of the rules that set them (``hqd extract --explain``)."""

from __future__ import annotations

from ..model import Document

EXPLAINED = ("kind", "basis", "approx", "metric", "period", "subject")


def explain(doc: Document) -> str:
    """One block per quantity: its text, value and unit, then each attribute's value and the rule that set it
    ('-' where no rule table decides that attribute yet)."""
    lines = [f"# {doc.source}  {doc.meta.district or '?'}  {doc.meta.date or doc.meta.published or '?'}  {len(doc.quantities)} quantities"]
    for n, q in enumerate(doc.quantities):
        lines.append(f"[{n}] {' '.join(q.text.split())!r} = {q.value:g} {q.unit}  @{q.start}-{q.end}")
        width = max(len(str(getattr(q, a))) for a in EXPLAINED)
        for attribute in EXPLAINED:
            value = str(getattr(q, attribute))
            lines.append(f"    {attribute:<8} {value:<{min(width, 48)}}  {q.why.get(attribute, '-')}")
    return "\n".join(lines)
