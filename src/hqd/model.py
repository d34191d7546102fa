"""The extraction contract's objects, shared by every stage.

Spans are half-open: ``start`` is inclusive, ``end`` exclusive, both Python
``str`` indices into ``Document.text``, so ``text[start:end] == span.text``.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal, NewType, get_args

Kind = Literal["level", "change", "share", "target", "rank"]
Basis = Literal["yoy", "annual_avg", "cumulative", "sequential"]  # or None
Approx = Literal["=", "~", ">", ">=", "<", "<="]
Granularity = Literal["year", "half", "quarter", "month", "day"]

Language = Literal["en", "zh"]  # the document's language, which picks its language pack
EntityType = Literal["person", "organization", "park", "project", "place", "institution", "event"]
RankScope = Literal["city", "nation"]  # the field a rank claim is in

# The contract's unit codes (v1.2, "value and unit").
ContractUnit = Literal[
    "CNY", "USD", "EUR", "HKD", "JPY", "GBP", "percent", "pp", "permille", "count", "mu", "m2", "km2", "ha", "ton", "kg",
    "tce", "km", "m", "ug/m3", "kWh", "kW", "MW", "GW", "TEU", "year", "month", "day", "hour", "minute", "times",
]
# A figure's unit is always one of the contract's: units written that it lists under another code (MWh, GWh as kWh,
# micrograms alone as ug/m3) are given in that code (lang/en/units.json, in_contract_units).
Unit = ContractUnit
# What a rate may be per besides a unit: "yuan per person", "per household", "per vehicle".
PerWhat = Literal["person", "household", "vehicle"]
# A compound unit, "A/B" (CNY/m2, CNY/person): a string no Literal can list, built only by per().
Rate = NewType("Rate", str)

UNITS: frozenset[str] = frozenset(get_args(ContractUnit))
PER_WHAT: frozenset[str] = UNITS | frozenset(get_args(PerWhat))


def per(numerator: Unit | Rate, denominator: Unit | PerWhat) -> Rate:
    """The compound unit of an amount per something ("CNY", "m2" -> "CNY/m2"), or of a rate per a span of time, which
    a rent or a price of use writes ("CNY/m2", "day" -> "CNY/m2/day": yuan per square meter per day)."""
    if not (numerator in UNITS or (numerator.count("/") == 1 and is_unit(numerator) and denominator in _PER_TIME)) \
            or denominator not in PER_WHAT:
        raise ValueError(f"no unit code: {numerator}/{denominator}")
    return Rate(f"{numerator}/{denominator}")


_PER_TIME = frozenset({"day", "month", "year"})


def is_unit(code: str) -> bool:
    """Whether ``code`` is a unit code: one of :data:`Unit`, a rate of one per a unit or a :data:`PerWhat`, or such a
    rate per a span of time ("CNY/m2/day")."""
    if code in UNITS:
        return True
    numerator, *denominators = code.split("/")
    return (numerator in UNITS and 1 <= len(denominators) <= 2 and denominators[0] in PER_WHAT
            and (len(denominators) == 1 or denominators[1] in _PER_TIME))


_POINT = re.compile(r"(?P<y>\d{4})(?:-(?:H(?P<h>[12])|Q(?P<q>[1-4])|(?P<m>0[1-9]|1[0-2])(?:-(?P<d>[0-3]\d))?))?")


@dataclass(frozen=True, slots=True, eq=False)
class Period:
    """A period as the contract writes it: a point ("2023", "2023-H1", "2023-Q1", "2023-07", "2023-07-15") or a span
    of two points ("2023-01/2023-07", "2015/2022"). Months are counted from the first month of the first point to the
    last month of the last.

    ``str()`` writes it in the contract's form, and a Period equals (and hashes as) that string too, so that a test
    or a lookup that names a period as the contract writes it ("2023-H1") still finds it. It has no order and no
    string methods: a reader asks it for its years, months or granularity instead of taking the string apart."""

    first: str
    last: str | None = None  # the end of a span; None for a point

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Period):
            return self.first == other.first and self.last == other.last
        if isinstance(other, str):
            return str(self) == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(str(self))

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(str(year))

    @classmethod
    def years(cls, first: int, last: int) -> Period:
        """The span of whole years from ``first`` to ``last`` ("2015/2022")."""
        return cls(str(first), str(last))

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        return cls(f"{year}-{month:02d}")

    @classmethod
    def half(cls, year: int, n: int) -> Period:
        return cls(f"{year}-H{n}")

    @classmethod
    def quarter(cls, year: int, n: int) -> Period:
        return cls(f"{year}-Q{n}")

    @classmethod
    def months_of(cls, year: int, first: int, last: int) -> Period:
        """Months ``first`` to ``last`` of ``year``, written as the half, quarter, month or year they are when they are
        one ("2023-H1", "2023-Q3", "2023-07", "2023"), else as a span of months ("2023-01/2023-08")."""
        if (first, last) == (1, 12):
            return cls.year(year)
        if last - first == 5 and first in (1, 7):
            return cls.half(year, (first + 5) // 6)
        if last - first == 2 and first in (1, 4, 7, 10):
            return cls.quarter(year, (first + 2) // 3)
        if first == last:
            return cls.month(year, first)
        return cls(f"{year}-{first:02d}", f"{year}-{last:02d}")

    def until(self, other: Period) -> Period:
        """The span from this period's first point to ``other``'s last ("2021" until "2023-H1": "2021/2023-H1")."""
        return Period(self.first, other.end)

    @classmethod
    def parse(cls, text: str | Period | None) -> Period | None:
        """The period a contract string names, or None for None or a string that is not one (a Period is itself)."""
        if isinstance(text, Period):
            return text
        if not text:
            return None
        parts = text.split("/")
        if len(parts) > 2 or not all(_POINT.fullmatch(p) for p in parts):
            return None
        return cls(parts[0], parts[1] if len(parts) == 2 else None)

    @classmethod
    def stored(cls, text: str | None) -> Period | None:
        """A period read back from where hqd wrote it as its string (the database, Parquet); None for a null."""
        return cls.of(text) if text else None

    @classmethod
    def of(cls, text: str | Period) -> Period:
        """The period of a string the extractor wrote: parsed when it is a contract period, else taken as one point
        (so that no caller splits strings at "/" itself)."""
        if isinstance(text, Period):
            return text
        parsed = cls.parse(text)
        if parsed is not None:
            return parsed
        first, _, last = text.partition("/")
        return cls(first, last or None)

    def __str__(self) -> str:
        return self.first if self.last is None else f"{self.first}/{self.last}"

    @property
    def is_span(self) -> bool:
        return self.last is not None

    @property
    def start_year(self) -> int:
        return int(self.first[:4])

    @property
    def end_year(self) -> int:
        return int((self.last or self.first)[:4])

    @property
    def end(self) -> str:
        """The last point: the period itself for a point, the span's end for a span."""
        return self.last or self.first

    @property
    def last_point(self) -> Period:
        """The last point as a period ("2021/2025": "2025"; a point is its own)."""
        return self if self.last is None else Period(self.last)

    def shifted(self, years: int) -> Period:
        """The same period ``years`` later (earlier, when negative): "2023-03" shifted by -1 is "2022-03"."""

        def move(point: str) -> str:
            return f"{int(point[:4]) + years}{point[4:]}"

        return Period(move(self.first), None if self.last is None else move(self.last))

    @staticmethod
    def granularity_of(point: str) -> Granularity:
        m = _POINT.fullmatch(point)
        if m is None:
            raise ValueError(f"not a period point: {point!r}")
        return "day" if m["d"] else "month" if m["m"] else "quarter" if m["q"] else "half" if m["h"] else "year"

    @property
    def granularity(self) -> Granularity:
        """The granularity of its points (of the finer one, for a span)."""
        order = ("year", "half", "quarter", "month", "day")
        return max((self.granularity_of(p) for p in (self.first, self.last) if p), key=order.index)

    @staticmethod
    def _months(point: str) -> tuple[int, int]:
        """(first, last) month of a point, counted as year * 12 + month - 1."""
        m = _POINT.fullmatch(point)
        if m is None:
            raise ValueError(f"not a period point: {point!r}")
        base = int(m["y"]) * 12
        if m["m"]:
            return base + int(m["m"]) - 1, base + int(m["m"]) - 1
        if m["q"]:
            return base + 3 * int(m["q"]) - 3, base + 3 * int(m["q"]) - 1
        if m["h"]:
            return base + 6 * int(m["h"]) - 6, base + 6 * int(m["h"]) - 1
        return base, base + 11

    @property
    def months(self) -> int:
        """Its length in months ("2023" 12, "2023-H1" 6, "2023-01/2023-07" 7, "2015/2022" 96)."""
        return self._months(self.end)[1] - self._months(self.first)[0] + 1

    @property
    def first_month(self) -> tuple[int, int]:
        """(year, month) of its first month ("2023-Q2" (2023, 4))."""
        year, month = divmod(self._months(self.first)[0], 12)
        return year, month + 1

    @property
    def last_month(self) -> tuple[int, int]:
        """(year, month) of its last month ("2023-Q2" (2023, 6), "2015/2022" (2022, 12))."""
        year, month = divmod(self._months(self.end)[1], 12)
        return year, month + 1

    def contains(self, other: Period | str) -> bool:
        """Whether ``other`` lies wholly within this period."""
        other = other if isinstance(other, Period) else Period.parse(other)
        if other is None:
            return False
        return self._months(self.first)[0] <= self._months(other.first)[0] and self._months(other.end)[1] <= self._months(self.end)[1]


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
    unit: Unit | Rate
    kind: Kind = "level"
    basis: Basis | None = None  # for a change (contract v1.2), else None
    approx: Approx = "="
    metric: str | None = None
    period: Period | None = None
    subject: str | None = None
    why: dict[str, str] = field(default_factory=dict, repr=False, compare=False)  # attribute -> rule that set it; not in the contract


CONTRACT_QUANTITY_FIELDS = ("start", "end", "text", "value", "unit", "kind", "basis", "approx", "metric", "period", "subject")


@dataclass(slots=True)
class Target:
    start: int
    end: int
    text: str
    metric: str | None
    value: float | None
    unit: Unit | Rate | None
    deadline: Period | None
    subject: str | None
    quantity_ref: int | None = None


@dataclass(slots=True)
class Entity:
    start: int
    end: int
    text: str
    type: EntityType


@dataclass(slots=True)
class Rank:
    """A rank claim ("ranking second within the city"): value is the rank, scope "city" or "nation"."""

    start: int
    end: int
    text: str
    value: int
    metric: str | None
    scope: RankScope
    subject: str | None


@dataclass(slots=True)
class Document:
    source: str
    sha256: str
    text: str
    language: Language = "en"
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
            "quantities": [{f: written(getattr(q, f)) for f in CONTRACT_QUANTITY_FIELDS} for q in self.quantities],
            "targets": [{f.name: written(getattr(t, f.name)) for f in fields(t)} for t in self.targets],
            "entities": [asdict(e) for e in self.entities],
        }


def written(value: Any) -> Any:
    """A field's value as the contract writes it (in JSON, the database, Parquet): a period as its string."""
    return str(value) if isinstance(value, Period) else value
