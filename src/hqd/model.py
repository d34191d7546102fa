"""The extraction contract's objects, shared by every stage.

Spans are half-open: ``start`` is inclusive, ``end`` exclusive, both Python
``str`` indices into ``Document.text``, so ``text[start:end] == span.text``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(slots=True)
class Official:
    name: str
    title: str | None


@dataclass(slots=True)
class Meta:
    title: str | None = None
    date: str | None = None  # ISO date the briefing was held
    published: str | None = None  # ISO date the release is dated
    district: str | None = None
    session: int | None = None
    series: str | None = None
    theme: str | None = None
    officials: list[Official] = field(default_factory=list)


@dataclass(slots=True)
class Quantity:
    start: int
    end: int
    text: str
    value: float
    unit: str
    kind: str = "level"  # level | change | share | target | rank
    basis: str | None = None  # for a change: yoy | annual_avg | cumulative | sequential (contract v1.2), else None
    approx: str = "="  # = ~ > >= < <=
    metric: str | None = None
    period: str | None = None
    subject: str | None = None


@dataclass(slots=True)
class Target:
    start: int
    end: int
    text: str
    metric: str | None
    value: float | None
    unit: str | None
    deadline: str | None
    subject: str | None
    quantity_ref: int | None = None


@dataclass(slots=True)
class Entity:
    start: int
    end: int
    text: str
    type: str  # person organization park project place institution event


@dataclass(slots=True)
class Rank:
    """A rank claim ("ranking second within the city"): value is the rank, scope "city" or "nation"."""

    start: int
    end: int
    text: str
    value: int
    metric: str | None
    scope: str
    subject: str | None


@dataclass(slots=True)
class Document:
    source: str
    sha256: str
    text: str
    language: str = "en"
    meta: Meta = field(default_factory=Meta)
    quantities: list[Quantity] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)  # (start, end) of each sentence, not in the contract
    ranks: list[Rank] = field(default_factory=list)  # not in the contract's output either
    is_html: bool = False

    def to_json(self) -> dict[str, Any]:
        """The contract's document object (the text itself is not part of it)."""
        return {
            "source": self.source,
            "sha256": self.sha256,
            "language": self.language,
            "meta": asdict(self.meta),
            "quantities": [asdict(q) for q in self.quantities],
            "targets": [asdict(t) for t in self.targets],
            "entities": [asdict(e) for e in self.entities],
        }
