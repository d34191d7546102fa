"""The indicator mapping scored against a labelled file of gold quantities.

A labels file (TSV, ``#`` comments) names each gold quantity by ``file`` (a path
without extension, relative to a root folder holding ``NAME.txt`` and
``NAME.gold.json``), ``text`` and ``occurrence``, and says which indicator it should
map to (``label``) or ``unmapped`` with a ``reason``. The tuned-on ones are
``tests/data/indicator_labels.tsv`` (seeds and dev-zh), ``eval/mapping/tuning_labels.tsv`` and the
spent ``eval/mapping/heldout_labels.tsv``, ``heldout2_labels.tsv`` and ``heldout3_labels.tsv``;
``heldout4_labels.tsv`` is blind.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ..extraction.segments import sentence_around
from .indicators import Mapping, map_quantity


@dataclass(frozen=True)
class LabelledQuantity:
    """One labelled gold quantity with its sentence and the words on either side of its span."""

    file: str
    text: str
    occurrence: int
    label: str
    reason: str
    gold: dict
    district: str | None
    sentence: str
    before: str
    after: str

    @property
    def want(self) -> str | None:
        return None if self.label == "unmapped" else self.label


@dataclass
class MappingScores:
    """Precision of what was mapped and recall of what should have been, with the rows behind each miss."""

    labelled: int
    mapped: int
    wrong: list[tuple[LabelledQuantity, Mapping]] = field(default_factory=list)
    missed: list[tuple[LabelledQuantity, Mapping]] = field(default_factory=list)
    positives: int = 0

    @property
    def precision(self) -> float:
        return 1 - len(self.wrong) / self.mapped if self.mapped else 0.0

    @property
    def recall(self) -> float:
        return 1 - len(self.missed) / self.positives if self.positives else 0.0


@cache
def _document(root: Path, name: str) -> tuple[dict, str]:
    base = root / name
    return (json.loads(base.with_suffix(".gold.json").read_text("utf-8")),
            base.with_suffix(".txt").read_text("utf-8-sig"))


def read_labels(path: Path, root: Path) -> list[LabelledQuantity]:
    """Every row of a labels file joined to its gold quantity; a row naming no gold quantity is a ValueError."""
    lines = [line for line in Path(path).read_text("utf-8").splitlines() if line and not line.startswith("#")]
    header = lines[0].split("\t")
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        row = dict(zip(header, line.split("\t")))
        gold, text = _document(Path(root), row["file"])
        span = row["text"].replace("\\n", "\n")
        occurrence = int(row["occurrence"])
        found = [q for q in gold["quantities"] if q["text"] == span and q["occurrence"] == occurrence]
        if not found:
            raise ValueError(f"{path}: row {number} names no gold quantity of {row['file']}: {span!r} #{occurrence}")
        at = -1
        for _ in range(occurrence):
            at = text.index(span, at + 1)
        sentence = sentence_around(text, at, at + len(span))
        offset = text.find(sentence)
        inside = 0 <= offset <= at < offset + len(sentence)
        before = text[offset:at] if inside else text[max(0, at - 120):at]
        after = text[at + len(span):offset + len(sentence)] if inside else text[at + len(span):at + len(span) + 120]
        rows.append(LabelledQuantity(row["file"], span, occurrence, row["label"], row.get("reason", ""), found[0],
                                     gold["meta"].get("district"), sentence, before, after))
    return rows


def map_labelled(row: LabelledQuantity) -> Mapping:
    """What the mapping says of the row's gold quantity (its gold metric, unit, kind and subject)."""
    q = row.gold
    return map_quantity(q.get("metric"), q.get("unit"), q.get("kind"), text=q["text"], subject=q.get("subject"),
                        district=row.district, sentence=row.sentence, before=row.before, after=row.after)


def score_mapping(rows: list[LabelledQuantity]) -> MappingScores:
    """Precision over the rows the mapping mapped; recall over the rows labelled with an indicator."""
    scores = MappingScores(labelled=len(rows), mapped=0)
    for row in rows:
        result = map_labelled(row)
        if result.code is not None:
            scores.mapped += 1
            if result.code != row.want:
                scores.wrong.append((row, result))
        if row.want:
            scores.positives += 1
            if result.code != row.want:
                scores.missed.append((row, result))
    return scores
