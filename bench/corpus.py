"""Synthetic briefing corpus for benchmarks, built from the seed briefings.

Each document keeps a seed's head (title, date line, opening paragraph) and
takes its body paragraphs from all seeds, shuffled; district names and dates
are varied so content hashes differ. Deterministic for a given seed number.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

DISTRICTS = ["Huangpu", "Xuhui", "Changning", "Jing'an", "Putuo", "Hongkou", "Yangpu", "Minhang", "Baoshan",
             "Jiading", "Jinshan", "Songjiang", "Qingpu", "Fengxian", "Chongming"]
_DISTRICT = re.compile(r"\b(" + "|".join(map(re.escape, DISTRICTS)) + r")\b")
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


def _paragraphs(text: str) -> list[str]:
    return [p for p in re.split(r"\n[ \t]*\n", text) if p.strip()]


def build_corpus(seeds: Path, target_bytes: int = 0, documents: int = 0, seed: int = 0, body_paragraphs: int = 12) -> list[str]:
    """Documents until ``target_bytes`` of UTF-8 text or ``documents`` documents, whichever is asked."""
    texts = [p.read_text("utf-8") for p in sorted(seeds.glob("*.txt"))]
    heads = [_paragraphs(t)[:3] for t in texts]
    bodies = [p for t in texts for p in _paragraphs(t)[3:]]
    rng = random.Random(seed)
    out: list[str] = []
    size = 0
    n = 0
    while (target_bytes and size < target_bytes) or (documents and n < documents):
        district = DISTRICTS[n % len(DISTRICTS)]
        year = 2019 + n % 6
        month = _MONTHS[rng.randrange(12)]
        day = 1 + rng.randrange(28)
        head = [re.sub(r"on [A-Z][a-z]+ \d{1,2}, \d{4}", f"on {month} {day}, {year}", h) for h in heads[n % len(heads)]]
        body = rng.sample(bodies, k=min(len(bodies), body_paragraphs))
        text = "\n\n".join(head + body) + f"\n\nDocument {n}.\n"
        text = _DISTRICT.sub(district, text)
        out.append(text)
        size += len(text.encode("utf-8"))
        n += 1
    return out
