"""Targets, judged against the observations that came after them.

A target is a goal (a value, a deadline, or both) for an indicator and subject.
The same goal stated in several documents (same subject, indicator or metric,
value, unit and deadline) is one target with every statement listed.

Evidence is an observation of the target's indicator and subject in the same
unit: a level for a goal in the indicator's own dimension, a change for a growth
goal in percent. It must describe time after the goal was first stated (an
undated figure counts as of its briefing's date) and no later than the deadline.

Status, on a given day:

- met: some evidence reaches the goal, honouring both sides' approx: a goal
  "to exceed" (>) needs more than the value, "at least" (>=) or a plain value at
  least it, "about" (~) within 3% below it; "within"/"below" (<=, <) and
  indicators where lower is better turn the comparison round. Evidence "nearly"
  a value may be up to 5% short of it, so it meets only what that still meets.
- missed: the deadline has passed and the figure for the deadline's period falls short.
- on track: the deadline has not passed and the latest evidence is ahead of a
  straight line from the last figure before the goal was set to the goal (for a
  growth goal: a part of the deadline's period already growing as fast).
- not yet due: the deadline has not passed, and the evidence (if any) is not ahead.
- no evidence: the deadline has passed with no figure for its period, or the
  goal has no indicator to look for.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from ..facts.indicators import ADDED, by_code, dimension, map_quantity
from ..model import Approx, Rate, Unit
from ..observations import Measure, Observation, SeriesBasis, canonical_subject, load, period_bounds
from ..store import Store
from .memo import per_version

STATUSES = ("met", "missed", "on track", "not yet due", "no evidence")
_ABOUT_GOAL = 0.03
_ABOUT_EVIDENCE = 0.05
_INF = float("inf")


@dataclass(slots=True)
class Goal:
    value: float | None
    unit: Unit | Rate | None
    approx: Approx
    deadline: str | None
    higher_is_better: bool = True
    stated: str | None = None  # first statement's date


@dataclass(slots=True)
class Evidence:
    value: float
    approx: Approx
    when: date  # the end of its period, or its briefing's date when undated
    period: str | None = None
    document_id: int | None = None
    date: str | None = None
    text: str | None = None
    sentence: str | None = None
    measure: Measure | None = None
    basis: SeriesBasis | None = None
    unit: Unit | Rate | None = None
    verdict: str | None = None  # "meets" or "short"
    baseline: bool = False  # a figure from before the goal was set (a starting point, not evidence)


@dataclass(slots=True)
class Judgement:
    status: str
    note: str | None = None
    judged_by: Evidence | None = None


@dataclass(slots=True)
class TargetRow:
    district: str | None
    subject: str | None
    metric: str | None
    value: float | None
    unit: Unit | Rate | None
    deadline: str | None
    status: str
    indicator: str | None
    document_id: int
    date: str | None
    text: str
    evidence: list[dict] = field(default_factory=list)
    approx: Approx = "="
    note: str | None = None
    sentence: str | None = None
    statements: list[dict] = field(default_factory=list)  # every document stating this goal
    judged_by: dict | None = None


def _at_least(goal: Goal) -> bool:
    if goal.approx in ("<", "<="):
        return False
    if goal.approx in (">", ">="):
        return True
    return goal.higher_is_better


def _bounds(value: float, approx: Approx) -> tuple[float, float]:
    """The lowest and highest value a figure with this approx may stand for."""
    if approx == "~":
        return value - abs(value) * _ABOUT_EVIDENCE, value + abs(value) * _ABOUT_EVIDENCE
    if approx in (">", ">="):
        return value, _INF
    if approx in ("<", "<="):
        return -_INF, value
    return value, value


def meets(goal: Goal, value: float, approx: Approx = "=") -> bool:
    """Whether a figure (value, approx) surely reaches the goal."""
    if goal.value is None:
        return False
    low, high = _bounds(value, approx)
    g = goal.value
    eps = abs(g) * 1e-9
    if _at_least(goal):
        if goal.approx == ">":
            return low > g + eps or (approx == ">" and low >= g - eps)
        if goal.approx == "~":
            return low >= g - abs(g) * _ABOUT_GOAL - eps
        return low >= g - eps
    if goal.approx == "<":
        return high < g - eps or (approx == "<" and high <= g + eps)
    if goal.approx == "~":
        return high <= g + abs(g) * _ABOUT_GOAL + eps
    return high <= g + eps


def judge(goal: Goal, evidence: list[Evidence], as_of: date, growth: bool = False) -> Judgement:
    """The goal's status on ``as_of`` given evidence (and baselines) of its indicator and subject."""
    bounds = period_bounds(goal.deadline) if goal.deadline else None
    stated = date.fromisoformat(goal.stated) if goal.stated else None
    if bounds and as_of < bounds[1]:
        evidence = [e for e in evidence if e.when <= as_of]  # what was known on that day
    baselines = [e for e in evidence if e.baseline]
    later = sorted((e for e in evidence if not e.baseline and (bounds is None or e.when <= bounds[1])), key=lambda e: e.when)
    for e in later:
        e.verdict = "meets" if meets(goal, e.value, e.approx) else "short"
    reached = [e for e in later if e.verdict == "meets"]
    if goal.value is None:
        return _unjudged(goal, as_of)
    if reached:
        return Judgement("met", None, reached[0])
    if bounds is None:
        if later:
            return Judgement("not yet due", f"no deadline; latest {_describe(later[-1])}", later[-1])
        return Judgement("no evidence", "no deadline and no figure since the goal was set")
    start, end = bounds
    if as_of > end:
        final = [e for e in later if e.when >= start]
        if final:
            return Judgement("missed", f"{_describe(final[-1])} for the deadline's period", final[-1])
        if later:
            return Judgement("no evidence", f"no figure for {goal.deadline}; latest {_describe(later[-1])}", later[-1])
        return Judgement("no evidence", f"no figure for {goal.deadline} or after the goal was set")
    if not later:
        return Judgement("not yet due", None)
    latest = later[-1]
    if growth:
        if latest.when >= start:
            return Judgement("not yet due", f"behind: {_describe(latest)} so far", latest)
        return Judgement("not yet due", f"latest {_describe(latest)}", latest)
    base = max((b for b in baselines if stated is None or b.when <= stated), key=lambda b: b.when, default=None)
    if base is None or base.when >= end or goal.value == base.value:
        return Judgement("not yet due", f"latest {_describe(latest)}; no figure from before the goal to measure pace from", latest)
    progress = (latest.value - base.value) / (goal.value - base.value)
    elapsed = (latest.when - base.when).days / max(1, (end - base.when).days)
    if progress >= elapsed:
        return Judgement("on track", f"{progress:.0%} of the way from {_describe(base)} with {elapsed:.0%} of the time gone", latest)
    return Judgement("not yet due", f"behind pace: {progress:.0%} of the way with {elapsed:.0%} of the time gone", latest)


def _describe(e: Evidence) -> str:
    sign = "" if e.approx == "=" else e.approx
    return f"{sign}{e.value:,.6g} ({e.period or e.date or 'undated'})"


def _when(o: Observation) -> date | None:
    bounds = period_bounds(o.period)
    if bounds:
        return bounds[1]
    d = o.date
    return date.fromisoformat(d) if d else None


def _evidence_for(observations: list[Observation], unit: str | None, indicator_unit: str, stated: str | None,
                  share_of: str | None = None) -> tuple[list[Evidence], bool]:
    """Observations that can judge a goal in ``unit``, as Evidence; and whether the goal is a growth rate.

    A goal for a share (战略性新兴产业产值占规上工业总产值比重 45%) is judged by shares of the same whole."""
    growth = unit == "percent" and dimension(indicator_unit) != "percent" and not share_of
    out = []
    for o in observations:
        if share_of == ADDED:  # a goal for additions ("150 new high-tech enterprises"): judged by additions, never the stock
            if o.measure != "change" or o.basis != ADDED or o.unit != unit:
                continue
        elif share_of:
            if o.measure != "share" or o.basis != share_of or o.unit != unit:
                continue
        elif growth:
            if o.measure != "change" or o.unit != "percent" or o.basis not in ("yoy", None):
                continue
        elif o.measure != "level" or o.unit != unit:
            continue
        when = _when(o)
        if when is None:
            continue
        p = o.primary
        baseline = bool(stated) and (when <= date.fromisoformat(stated) if o.dated else (o.date or "") <= stated)
        out.append(Evidence(o.value, o.approx, when, o.period, p.document_id, p.date, p.text, p.sentence, o.measure, o.basis, o.unit,
                            baseline=baseline))
    return out, growth


def target_rows(db: Store, district: str | None = None, as_of: date | None = None, own: bool = False) -> list[TargetRow]:
    """Every goal once (with all its statements), judged on ``as_of`` (default today) against later observations.

    With ``district``: the goals its briefings state (for parks, companies and projects too), or with ``own``
    only the district's own goals. Judged once per database version and day (``memo.per_version``): the rows are
    shared, so a caller filters them into a list of its own and changes none.
    """
    as_of = as_of or date.today()
    return per_version(db, ("targets", district, as_of, own), lambda: _judged_targets(db, district, as_of, own))


def _judged_targets(db: Store, district: str | None, as_of: date, own: bool) -> list[TargetRow]:
    store = Store.of(db)
    wanted = canonical_subject(district, None) if district else None
    groups = _grouped_statements(store, wanted, own)
    sentences = store.target_sentences([r["id"] for statements in groups.values() for r in statements])
    for statements in groups.values():
        for r in statements:
            r["sentence"] = sentences.get(r["id"])
    observations = _ObservationsByKey(db, wanted if own else None)
    out = [_judged_row(key, statements, observations, as_of) for key, statements in groups.items()]
    out.sort(key=lambda t: (t.deadline is None, t.deadline or "", t.date or "", t.document_id))
    return out


def _grouped_statements(store: Store, wanted: str | None, own: bool) -> dict[tuple, list[dict]]:
    """The goals' statements (about ``wanted`` or, unless ``own``, stated in its briefings), one group per goal:
    (subject, indicator or metric words, value, unit, deadline) -> its statements, each with its indicator and subject."""
    if wanted:  # read only the statements that can be about the district or stated in its briefings (filtered exactly below)
        about = [s for s in store.target_subjects() if (canonical_subject(s, None) or "").lower() == wanted.lower()]
        statements = store.target_statements(sentences=False, subjects=about, district=wanted)
    else:
        statements = store.target_statements(sentences=False)  # the sentences of the goals kept are read below
    groups: dict[tuple, list[dict]] = {}
    for r in statements:
        subject = canonical_subject(r["subject"], r["district"])
        if wanted and not _concerns(r, subject, wanted, own):
            continue
        indicator = r["indicator"]
        if indicator is None and r["metric"] and r["value"] is not None:
            indicator = _goal_indicator(r["metric"], r["unit"], r["subject"], r["district"])
        r["indicator"], r["canonical"] = indicator, subject
        what = indicator or " ".join((r["metric"] or r["text"]).lower().split())
        value = None if r["value"] is None else round(r["value"], 6)
        groups.setdefault((subject, what, value, r["unit"], r["deadline"]), []).append(r)
    return groups


def _concerns(statement: dict, subject: str | None, wanted: str, own: bool) -> bool:
    """A statement is the district's when its subject is the district, or (unless ``own``) a briefing of the district states it."""
    if (subject or "").lower() == wanted.lower():
        return True
    return not own and (statement["district"] or "").lower() == wanted.lower()


class _ObservationsByKey:
    """Observations by (indicator, subject in lower case), read once on first use: the goals' indicators and subjects
    are many, the observations few. ``subject``: a district's own goals need only its observations."""

    def __init__(self, db: Store, subject: str | None) -> None:
        self.db, self.subject = db, subject
        self.by_key: dict[tuple, list[Observation]] | None = None

    def of(self, indicator: str, subject: str) -> list[Observation]:
        if self.by_key is None:
            self.by_key = {}
            for o in load(self.db, subject=self.subject, sources=False):
                self.by_key.setdefault((o.indicator, o.subject.lower()), []).append(o)
        return self.by_key.get((indicator, (canonical_subject(subject, None) or subject).lower()), [])


def _judged_row(key: tuple, statements: list[dict], observations: _ObservationsByKey, as_of: date) -> TargetRow:
    """One goal, judged on ``as_of`` against the evidence of its indicator and subject, with every statement of it."""
    subject, _, _, unit, deadline = key
    first = statements[0]
    indicator = first["indicator"]
    ind = by_code(indicator)
    goal = Goal(first["value"], unit, first["approx"] or "=", deadline, ind.higher_is_better if ind else True, first["date"])
    evidence: list[Evidence] = []
    growth = False
    if ind is not None and subject and goal.value is not None:
        evidence, growth = _evidence_for(observations.of(indicator, subject), unit, ind.unit, first["date"], first["share_of"])
    judgement = judge(goal, evidence, as_of, growth) if ind is not None else _unjudged(goal, as_of)
    shown = sorted((e for e in evidence if not e.baseline), key=lambda e: e.when)
    return TargetRow(
        first["district"], subject, first["metric"], first["value"], unit, deadline, judgement.status, indicator,
        first["document_id"], first["date"], first["text"],
        evidence=[_evidence_dict(e) for e in shown], approx=goal.approx, note=judgement.note, sentence=first["sentence"],
        statements=[{"document_id": s["document_id"], "date": s["date"], "text": s["text"], "sentence": s["sentence"]}
                    for s in statements],
        judged_by=_evidence_dict(judgement.judged_by) if judgement.judged_by else None,
    )


@lru_cache(maxsize=4096)
def _goal_indicator(metric: str, unit: str | None, subject: str | None, district: str | None) -> str | None:
    """The indicator of a goal whose figure has no stored mapping; a goal restated in many briefings asks once."""
    return map_quantity(metric, unit, "target", subject=subject, district=district).code


def _unjudged(goal: Goal, as_of: date) -> Judgement:
    """A goal no figure can judge (a milestone, or a metric the catalogue lacks): its deadline alone says whether it is due."""
    why = "a milestone, not checked against figures" if goal.value is None else "no indicator to look for"
    bounds = period_bounds(goal.deadline) if goal.deadline else None
    if bounds and as_of <= bounds[1]:
        return Judgement("not yet due", why)
    return Judgement("no evidence", why)


def _evidence_dict(e: Evidence) -> dict:
    return {"document_id": e.document_id, "date": e.date, "period": e.period, "text": e.text, "value": e.value, "approx": e.approx,
            "unit": e.unit, "measure": e.measure, "basis": e.basis, "sentence": e.sentence, "verdict": e.verdict}
