"""Observations: the stage between extracted quantities and analysis.

An observation is one figure of one indicator for one subject: its measure
(a level, a change with its basis, a share with what it is a share of), unit,
period and period granularity, and every quantity (in every document) that
reports it. Two quantities are one observation when all of these agree; their
values then either agree (one observation with several sources) or not (one
observation flagged as a conflict, each source keeping its value).

Only observations of one *series* (indicator, measure, basis, unit, granularity)
are ever compared, charted or ranked together (see hqd.analysis).

The English and the Chinese release of one briefing (the same district and
briefing date) often state the same figure, one of them without its period or
basis (a news page that says 上半年 without a year): within one briefing, a
figure without period or basis is the same observation as the figure of the
other language's release with the same subject, indicator, measure, unit and
value that has them (the latest, where that release dates it twice).

An addition to a stock ("20 new regional headquarters", mapped with
share_of "added") is a change of the stock with basis "added": a series of
its own, never beside the stock's level or its growth rate.
"""

from __future__ import annotations

import calendar
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from typing import Literal

from ..extraction.lexicon import load as lexicon
from ..facts.indicators import ADDED
from ..model import Approx, Basis, Period, Rate, Unit
from ..format import unit_label
from ..store import DatabaseError, LockedStoreError, Store, StoreError

Measure = Literal["level", "change", "share"]
# A series' basis: a change's (model.Basis), "added" for an addition to a stock, or the whole a share is of
SeriesBasis = Literal[Basis, "added", "city", "nation", "total"]
MEASURES: tuple[Measure, ...] = ("level", "change", "share")
GRANULARITIES = ("year", "half", "quarter", "month", "months", "years")
BASIS_LABELS = {"added": "added in the period", "yoy": "year on year", "annual_avg": "average annual", "cumulative": "cumulative", "sequential": "on the period before",
                "city": "of the city's total", "nation": "of the national total", "total": "of the subject's total", None: ""}
_RELATIVE_EXACT = 0.0005  # two exact figures agree when they differ by less than this (rounding)
_RELATIVE_ABOUT = 0.05  # "about", "nearly" reach this far


@dataclass(frozen=True, slots=True)
class Series:
    """What makes two observations comparable."""

    indicator: str
    measure: Measure
    basis: SeriesBasis | None
    unit: Unit | Rate
    granularity: str | None

    def label(self) -> str:
        """'change, year on year, %, half-year' and the like."""
        parts = [self.measure]
        if self.basis:
            parts.append(BASIS_LABELS.get(self.basis, self.basis))
        elif self.measure == "change":
            parts.append("basis not stated")
        parts.append(unit_label(self.unit) or "number")  # as the one formatter writes units: %, yuan, µg/m³
        parts.append(granularity_label(self.granularity))
        return ", ".join(parts)

    def params(self) -> dict[str, str]:
        """The URL / CLI parameters that choose this series."""
        return {k: v for k, v in {"measure": self.measure, "basis": self.basis or "none", "unit": self.unit,
                                  "granularity": self.granularity or "undated"}.items()}


@dataclass(slots=True)
class Source:
    """One quantity reporting an observation."""

    quantity_id: int
    document_id: int
    date: str | None  # the briefing date
    language: str
    text: str
    value: float
    approx: Approx
    period: str | None
    basis: SeriesBasis | None
    metric: str | None
    sentence: str | None
    sentence_id: int | None = None


@dataclass(slots=True)
class Observation:
    subject: str
    indicator: str
    measure: Measure
    basis: SeriesBasis | None
    unit: Unit | Rate
    period: str | None
    granularity: str | None
    value: float
    approx: Approx
    sources: list[Source] = field(default_factory=list)  # empty when read without them (``load(..., sources=False)``)
    conflict: bool = False
    values: list[float] = field(default_factory=list)  # the distinct values reported (several in a conflict)
    date: str | None = None  # the latest briefing date among the sources
    primary: Source | None = None  # the source whose value the observation shows: the latest exact one, else the latest
    documents: int = 0  # the documents reporting it
    shown: list[Source] = field(default_factory=list)  # in a conflict: the latest source of each value, latest first
    id: int | None = None  # its row in the store, when read from there

    @property
    def series(self) -> Series:
        return Series(self.indicator, self.measure, self.basis, self.unit, self.granularity)

    @property
    def dated(self) -> bool:
        return self.period is not None

    def listed_sources(self) -> list[dict]:
        """Its sources as a comparison or a timeline lists them (without their sentences)."""
        return [{"document_id": s.document_id, "date": s.date, "language": s.language, "text": s.text, "value": s.value,
                 "approx": s.approx} for s in self.sources]

    def to_json(self) -> dict:
        return {"subject": self.subject, "indicator": self.indicator, "measure": self.measure, "basis": self.basis, "unit": self.unit,
                "period": self.period, "granularity": self.granularity, "value": self.value, "approx": self.approx,
                "conflict": self.conflict, "values": self.values, "series": self.series.label(),
                "sources": [{"document_id": s.document_id, "date": s.date, "language": s.language, "text": s.text, "value": s.value,
                             "approx": s.approx, "sentence": s.sentence} for s in self.sources]}


# --- periods ---------------------------------------------------------------------------------------------


def granularity(period: str | None) -> str | None:
    """How long a period is: year, half, quarter, month, 'N months' within a year, 'N years' over years; None when undated.

    A range that is a whole half, quarter or year is that ("2023-01/2023-06" is a half); a day, or a string that is
    no contract period, is 'other'.
    """
    if not period:
        return None
    p = Period.parse(period)
    if p is None or p.granularity == "day":
        return "other"
    if not p.is_span:
        return p.granularity
    if p.granularity == "year":  # "2016/2022": a run of whole years
        return f"{p.end_year - p.start_year + 1} years"
    months, first = p.months, p.first_month[1]
    if months == 12 and first == 1:
        return "year"
    if months == 6 and first in (1, 7):
        return "half"
    if months == 3 and first in (1, 4, 7, 10):
        return "quarter"
    if months == 1:
        return "month"
    return f"{months} months"


def granularity_label(value: str | None) -> str:
    return {"year": "year", "half": "half-year", "quarter": "quarter", "month": "month", None: "undated"}.get(value, value or "undated")


@lru_cache(maxsize=8192)  # a store names a few hundred periods, and views sort thousands of observations by them
def period_bounds(period: str | None) -> tuple[date, date] | None:
    """First and last day of a period in the contract's forms (None for none, a day, or a string that is no period)."""
    p = Period.parse(period)
    if p is None or p.granularity == "day":
        return None
    (y1, m1), (y2, m2) = p.first_month, p.last_month
    try:
        return date(y1, m1, 1), date(y2, m2, calendar.monthrange(y2, m2)[1])
    except ValueError:  # year 0
        return None


@lru_cache(maxsize=8192)
def period_key(period: str | None) -> tuple[str, str]:
    """Sort key: by the period's end, then its start ("2015/2023" after "2022", before "2023-H2")."""
    bounds = period_bounds(period)
    if bounds is None:
        return ("", "")
    return (bounds[1].isoformat(), bounds[0].isoformat())


# --- subjects --------------------------------------------------------------------------------------------

@cache
def _subject_aliases() -> dict[str, str]:
    data = lexicon("districts")
    out: dict[str, str] = {}
    for name, aliases in data["districts"].items():
        for a in (name, *aliases):
            out[a.lower()] = name
    for a in (data["city"], *data["city_aliases"]):
        out[a.lower()] = data["city"]
    for name, aliases in lexicon("subjects")["subjects"].items():
        for a in (name, *aliases):
            out[_plain(a)] = name
    return out


def _plain(subject: str) -> str:
    return re.sub(r"[“”\"'‘’《》「」]", "", subject).strip().lower().removeprefix("the ")


@lru_cache(maxsize=65536)  # views canonicalise thousands of statements naming a few hundred subjects
def canonical_subject(subject: str | None, district: str | None) -> str | None:
    """The subject's one name in both languages: a district's English name, 'Shanghai', or a named place or organisation."""
    if not subject:
        return district
    aliases = _subject_aliases()
    return aliases.get(subject.lower()) or aliases.get(_plain(subject)) or subject.strip()


@cache
def district_names() -> frozenset[str]:
    return frozenset(lexicon("districts")["districts"])


# --- building observations -------------------------------------------------------------------------------

def _interval(value: float, approx: Approx) -> tuple[float, float, bool, bool]:
    """(low, high, low open, high open) of the values a figure with this approx allows."""
    inf = float("inf")
    slack = abs(value) * _RELATIVE_EXACT
    if approx == "~":
        slack = abs(value) * _RELATIVE_ABOUT
        return value - slack, value + slack, False, False
    if approx == ">":
        return value, inf, True, False
    if approx == ">=":
        return value - slack, inf, False, False
    if approx == "<":
        return -inf, value, False, True
    if approx == "<=":
        return -inf, value + slack, False, False
    return value - slack, value + slack, False, False


def agree(sources: Iterable[tuple[float, str]]) -> bool:
    """Whether figures (value, approx) can all be true at once: "more than 160 billion" and "164.69 billion" agree."""
    low, high, low_open, high_open = float("-inf"), float("inf"), False, False
    for value, approx in sources:
        lo, hi, lo_open, hi_open = _interval(value, approx)
        if lo > low or (lo == low and lo_open):
            low, low_open = lo, lo_open
        if hi < high or (hi == high and hi_open):
            high, high_open = hi, hi_open
    return low < high or (low == high and not (low_open or high_open))


def _same_value(a: float, b: float) -> bool:
    return abs(a - b) <= max(abs(a), abs(b)) * _RELATIVE_EXACT


Key = tuple  # (subject, indicator, measure, basis, unit, period): what makes two quantities one observation


def build(rows: Iterable[dict]) -> list[Observation]:
    """Observations from quantity rows (dicts with the columns `load` selects), oldest first."""
    groups: dict[Key, list[Source]] = {}
    for key, source in _resolve(list(rows)):
        groups.setdefault(key, []).append(source)
    out = [_observation(key, sources) for key, sources in groups.items()]
    out.sort(key=_order)
    return out


def _order(o: Observation) -> tuple:
    """By period (its end, then its start), latest briefing, subject, indicator, measure, then the rest of the key (as the
    store orders them: hqd.store.observations.ORDER)."""
    return (period_key(o.period), o.date or "", o.subject, o.indicator, o.measure, o.basis or "", o.unit, o.period or "")


def _resolve(rows: list[dict]) -> list[tuple[Key, Source]]:
    """Each quantity row that is an observation's source, with the key of its observation (a figure without period or basis
    taking them from another release of its briefing)."""
    items = []
    for r in rows:
        measure = r["kind"]
        if measure not in MEASURES or not r["indicator"]:
            continue
        measure, basis = _measure(r)
        subject = canonical_subject(r["subject"], r["district"])
        if subject is None:
            continue
        source = Source(r["id"], r["document_id"], r["date"], r["language"] or "en", r["text"], r["value"], r["approx"],
                        r["period"], basis, r["metric"], r.get("sentence"), r.get("sentence_id"))
        items.append({"subject": subject, "indicator": r["indicator"], "measure": measure, "basis": basis, "unit": r["unit"],
                      "period": r["period"], "source": source})
    briefings = _briefings(rows)
    for it in items:
        it["briefing"] = briefings.get(it["source"].document_id)
    _fill_from_parallel_releases(items)
    return [((it["subject"], it["indicator"], it["measure"], it["basis"], it["unit"], it["period"]), it["source"]) for it in items]


def _measure(r: dict) -> tuple[Measure, SeriesBasis | None]:
    """The measure and basis of a quantity row's observation. An addition to a stock ("20 new regional headquarters",
    mapped with share_of ADDED) is a change of the stock over its period, basis "added": a series of its own, never
    beside the stock's level (nor its growth rate, whose basis is yoy or unstated)."""
    measure = r["kind"]
    if r.get("share_of") == ADDED:
        return "change", ADDED
    if measure == "change":
        return measure, r["basis"]
    return measure, r["share_of"] if measure == "share" else None


def _observation(key: Key, sources: list[Source]) -> Observation:
    """One observation from all its sources: their distinct values, whether they conflict, the one it shows."""
    subject, indicator, measure, basis, unit, period = key
    sources.sort(key=lambda s: (s.date or "", s.document_id, s.quantity_id))
    distinct: list[float] = []
    for s in sources:
        if not any(_same_value(s.value, v) for v in distinct):
            distinct.append(s.value)
    exact = [s for s in sources if s.approx == "="]
    primary = max(exact or sources, key=lambda s: (s.date or "", s.document_id))
    conflict = not agree((s.value, s.approx) for s in sources)
    return Observation(subject, indicator, measure, basis, unit, period, granularity(period), primary.value, primary.approx, sources,
                       conflict=conflict, values=distinct, date=max((s.date for s in sources if s.date), default=None),
                       primary=primary, documents=len({s.document_id for s in sources}),
                       shown=_latest_of_each_value(sources) if conflict else [])


def _latest_of_each_value(sources: list[Source]) -> list[Source]:
    """In a conflict, what a comparison lists: the latest source of each value reported, latest first."""
    shown: list[Source] = []
    for s in sorted(sources, key=lambda s: (s.date or "", s.document_id), reverse=True):
        if not any(abs(s.value - v.value) <= abs(v.value) * 0.0005 for v in shown):
            shown.append(s)
    return shown


def _briefings(rows: Iterable[dict]) -> dict[int, int]:
    """Document id -> the briefing it reports: documents of one district are releases of one briefing when they
    share the briefing date, or the session number (a Chinese news page often gives no year) and no other date."""
    docs = {}
    for r in rows:
        if r["district"]:
            docs[r["document_id"]] = (r["district"], r["date"], r.get("session"))
    parent = {d: d for d in docs}

    def find(d: int) -> int:
        while parent[d] != d:
            parent[d] = parent[parent[d]]
            d = parent[d]
        return d

    by_key: dict[tuple, int] = {}
    for d, (district, day, session) in sorted(docs.items()):
        for key in ((district, "date", day) if day else None, (district, "session", session) if session else None):
            if key is None:
                continue
            other = by_key.setdefault(key, d)
            if other != d and (docs[other][1] is None or day is None or docs[other][1] == day):
                parent[find(d)] = find(other)
    return {d: find(d) for d in docs}


def _fill_from_parallel_releases(items: list[dict]) -> None:
    """A figure without period (or basis) is the figure its parallel release dates: the release of the same briefing in
    the other language that states it with the same subject, indicator, measure, unit and value. It takes that period
    and basis, and so becomes one observation with two sources rather than an undated one counted again.

    Where the parallel release dates the same figure twice ("over 10 billion yuan last year; by July this year, over 10
    billion again"), the undated one is the latest: a release drops the year of the briefing's current period (今年,
    上半年), which is the one it reports; an earlier period is background to it."""
    by_briefing: dict[tuple, list[dict]] = {}
    for it in items:
        if it["briefing"]:
            by_briefing.setdefault(it["briefing"], []).append(it)
    for members in by_briefing.values():
        if len({it["source"].language for it in members}) < 2:
            continue
        for it in members:
            missing_basis = it["measure"] == "change" and it["basis"] is None
            if it["period"] is not None and not missing_basis:
                continue
            twins = {(other["period"], other["basis"]) for other in members if _twin(it, other)}
            if twins:
                it["period"], it["basis"] = max(twins, key=lambda pb: (period_key(pb[0]), pb[0] or "", pb[1] or ""))


def _twin(it: dict, other: dict) -> bool:
    """Whether ``other`` (a figure of the other language's release of the briefing) states ``it`` with what it lacks."""
    return (other["source"].language != it["source"].language
            and (other["subject"], other["indicator"], other["measure"], other["unit"]) == (it["subject"], it["indicator"], it["measure"], it["unit"])
            and _same_value(other["source"].value, it["source"].value)
            and (it["period"] is None or other["period"] == it["period"])
            and (it["basis"] is None or other["basis"] == it["basis"])
            and (other["period"] is not None or other["basis"] is not None))


# --- stored observations (hqd.store.observations keeps them; this stage decides what they are) ---------------

# Bump when what an observation is changes (grouping, agreement, the primary source, granularity): stores rebuild theirs.
BUILD = "4"  # 4: an undated figure takes the latest of its parallel twins' periods, additions to a stock are a change of it; 2: the sources as listed (observations.listed, schema 14); 3: periods read by model.Period (spans of halves and quarters have a granularity)


@cache
def version() -> str:
    """What the stored observations were built by: this code's BUILD and the subject names (districts.json, subjects.json)."""
    words = json.dumps([BUILD, lexicon("districts"), lexicon("subjects")], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(words.encode("utf-8")).hexdigest()[:16]


def _resolve_rows(rows: list[dict]) -> list[tuple[Key, dict]]:
    return [(key, _source_row(s)) for key, s in _resolve(rows)]


def _source_row(s: Source) -> dict:
    return {"quantity_id": s.quantity_id, "document_id": s.document_id, "date": s.date, "language": s.language, "value": s.value,
            "approx": s.approx, "period": s.period, "basis": s.basis, "text": s.text, "metric": s.metric, "sentence_id": s.sentence_id}


def _source(r: dict) -> Source:
    return Source(r["quantity_id"], r["document_id"], r["date"], r["language"], r["text"], r["value"], r["approx"], r["period"],
                  r["basis"], r["metric"], r.get("sentence"), r["sentence_id"])


def _summarise(key: Key, rows: list[dict]) -> dict:
    o = _observation(key, [_source(r) for r in rows])
    end, start = period_key(o.period)
    return {"value": o.value, "approx": o.approx, "conflict": o.conflict, "values": o.values, "date": o.date,
            "granularity": o.granularity, "period_end": end, "period_start": start, "primary_quantity": o.primary.quantity_id,
            "n_sources": len(o.sources), "n_documents": o.documents, "shown": [s.quantity_id for s in o.shown],
            "listed": json.dumps(o.listed_sources(), ensure_ascii=False)}


def refresh(db: "Store | str", busy_timeout: float | None = None) -> int:
    """Bring a store's observations up to date with its documents (those written, replaced or deleted since, and their
    briefings' other releases; everything when this code or its word lists changed). Returns the documents read again.
    Given a path, ``busy_timeout`` is how long to wait for another writer (default: the store's)."""
    if isinstance(db, (str, bytes)) or hasattr(db, "__fspath__"):
        with (Store.open(db, write=True) if busy_timeout is None else Store.open(db, write=True, busy_timeout=busy_timeout)) as store:
            return store.refresh_observations(version(), _resolve_rows, _summarise)
    return Store.of(db).refresh_observations(version(), _resolve_rows, _summarise)


# How long a reader waits for the write lock to refresh: past it another process is writing (an ingest's chunk, an
# upload, another server worker refreshing), and the reader reads the observations as stored, one write behind.
READER_WAIT_S = 0.05


def _stored(store: Store) -> bool:
    """Whether the store's observations can be read: fresh, or refreshed now through a connection of our own (a reader's
    connection is read-only), or, while another process holds the write lock, as stored before its last writes (a reader
    never waits on a writer). False when they cannot be (never built, or a read-only file): the caller builds them from
    the quantities."""
    try:
        state = store.observations_state(version())
        if state == "fresh":
            return True
        path = store.path
    except DatabaseError:
        return False
    if not path:
        return False
    try:
        refresh(path, busy_timeout=READER_WAIT_S)
    except (StoreError, DatabaseError) as exc:
        locked = isinstance(exc, LockedStoreError) or "locked" in str(exc) or "busy" in str(exc)
        return locked and state == "behind"
    return True


def _from_header(h: dict, shown: dict[int, dict]) -> Observation:
    primary = Source(h["p_quantity_id"], h["p_document_id"], h["p_date"], h["p_language"], h["p_text"], h["p_value"], h["p_approx"],
                     h["p_period"], h["p_basis"], h["p_metric"], h["p_sentence"], h["p_sentence_id"])
    return Observation(h["subject"], h["indicator"], h["measure"], h["basis"], h["unit"], h["period"], h["granularity"], h["value"],
                       h["approx"], [], conflict=bool(h["conflict"]), values=_numbers(h["values"], float), date=h["date"],
                       primary=primary, documents=h["n_documents"], shown=[_source(shown[q]) for q in _numbers(h["shown"], int) if q in shown],
                       id=h["id"])


def _numbers(text: str, kind) -> list:
    """A stored JSON list of numbers (json.dumps of floats or ints), read without the JSON decoder: a view reads thousands."""
    return [kind(x) for x in text[1:-1].split(",")] if len(text) > 2 else []


def attach(db: Store, observations: list[Observation], sentences: bool = True) -> list[Observation]:
    """Read the sources of observations read without them (``load(..., sources=False)``)."""
    wanted = [o for o in observations if not o.sources and o.id is not None]
    if wanted:
        found = Store.of(db).observation_sources([o.id for o in wanted], sentences)
        for o in wanted:
            o.sources = [_source(r) for r in found.get(o.id, [])]
    return observations


def listings(db: Store, observations: list[Observation]) -> list[str]:
    """Each observation's ``listed_sources()`` as JSON text (``json.dumps(..., ensure_ascii=False)``), in their order:
    stored by the refresh, or written now for observations built on the fly."""
    stored = [o.id for o in observations if o.id is not None]
    found = Store.of(db).observation_listings(stored) if stored else {}
    return [found[o.id] if o.id in found else json.dumps(attach(db, [o], sentences=False)[0].listed_sources(), ensure_ascii=False)
            for o in observations]


def load(db: Store, indicator: str | None = None, subject: str | None = None, sources: bool = True) -> list[Observation]:
    """Observations from the store, of one indicator and/or about one subject (a district: its own figures only), in
    ``build``'s order. Without ``sources`` each has its primary source (and in a conflict the latest source of each
    value) but not the list of all of them (``attach`` reads it): most views need them for a few observations only."""
    store = Store.of(db)
    wanted = canonical_subject(subject, None) if subject else None
    if not _stored(store):
        return _built(store, indicator, subject, wanted)
    observations = _from_headers(store, store.observation_headers(indicator, (wanted or subject) if subject else None))
    return attach(store, observations) if sources else observations


def _from_headers(store: Store, headers: list[dict]) -> list[Observation]:
    shown_ids = [q for h in headers for q in _numbers(h["shown"], int)]
    shown = store.observation_sources_by_quantity(shown_ids) if shown_ids else {}
    return [_from_header(h, shown) for h in headers]


@dataclass(slots=True)
class Entry:
    """An observation's key and latest briefing date: enough to choose a series and each subject's latest observation in it
    (``observations_of`` then reads the few observations chosen)."""

    id: int | None
    subject: str
    indicator: str
    measure: Measure
    basis: SeriesBasis | None
    unit: Unit | Rate
    period: str | None
    granularity: str | None
    date: str | None
    observation: Observation | None = None  # the observation itself, when built on the fly

    @property
    def series(self) -> Series:
        return Series(self.indicator, self.measure, self.basis, self.unit, self.granularity)

    @property
    def dated(self) -> bool:
        return self.period is not None


def entries(db: Store, indicator: str | None = None, subject: str | None = None, indicators: Iterable[str] | None = None) -> list[Entry]:
    """The entries of ``load``'s observations (or of those of several ``indicators``), in its order."""
    store = Store.of(db)
    wanted = canonical_subject(subject, None) if subject else None
    if not _stored(store):
        if indicators is not None:
            return [e for code in indicators for e in entries(store, code, subject)]
        return [Entry(None, o.subject, o.indicator, o.measure, o.basis, o.unit, o.period, o.granularity, o.date, o)
                for o in _built(store, indicator, subject, wanted)]
    return [Entry(*row) for row in store.observation_keys(indicator, (wanted or subject) if subject else None, indicators)]


def observations_of(db: Store, chosen: list[Entry], sources: bool = False, sentences: bool = True) -> list[Observation]:
    """The observations of ``chosen`` entries, in their order (one removed by a refresh meanwhile is left out); without
    ``sentences``, their primary source's sentence is left out (None)."""
    store = Store.of(db)
    ids = [e.id for e in chosen if e.observation is None]
    found = {o.id: o for o in _from_headers(store, store.observation_headers(ids=ids, sentences=sentences))} if ids else {}
    out = [e.observation if e.observation is not None else found[e.id] for e in chosen if e.observation is not None or e.id in found]
    return attach(store, out) if sources else out


def _built(store: Store, indicator: str | None, subject: str | None, wanted: str | None) -> list[Observation]:
    """Observations built from the quantities at hand (a store whose stored observations cannot be refreshed)."""
    rows = store.mapped_quantities(indicator, wanted if wanted in district_names() else None)
    observations = build(rows)
    if subject:
        observations = [o for o in observations if o.subject.lower() == (wanted or subject).lower()]
    return observations
