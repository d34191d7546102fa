"""Inline briefings for the extraction tests: a Minhang briefing dated 2023-08-22 around a body of text."""

from hqd.extraction import extract_text

BRIEFING = "Press Release for Media Briefing of the Shanghai Municipal Government on August 22, 2023\n\n"


def quantities(body: str):
    doc = extract_text(BRIEFING + "The Information Office held the briefing (Minhang District special session).\n\n" + body)
    return {q.text: q for q in doc.quantities}
