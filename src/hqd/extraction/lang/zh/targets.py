"""Goals: figures of kind target, and the items of a goal list ("主要预期目标是:A,B增长5%,...") even without a figure.

Facts of Chinese encoded here: a list of goals follows 目标是/目标为 and a colon, one goal a clause, up to the
sentence's end; each names what it checks, with or without a figure ("地区生产总值增长与全市保持同步").
A goal's deadline is the period its figure refers to (its 到2025年, or the year its 今年 or 全年 means).
"""

from __future__ import annotations

import re

from ....model import Quantity, Target
from .lexicon import alternation, load
from .metrics import strip_phrase
from .segments import Segmentation

_GOAL_LIST = re.compile(r"(?:" + alternation(load("cues")["goal_list"]) + r")\s*[:：]")


def deadline_of(period: str | None) -> str | None:
    """The end of the period a goal refers to: '2021/2025' → '2025'."""
    if not period:
        return None
    return period.split("/")[-1]


def goal_list_clauses(text: str, seg: Segmentation) -> list[tuple[int, int]]:
    """The clauses of each goal list (after 目标是:) that state no figure."""
    out = []
    for m in _GOAL_LIST.finditer(text):
        s = seg.sentence_at(m.start())
        for c0, c1 in seg.clauses(s):
            clause = text[c0:c1].strip()
            if c1 > m.end() and len(clause) >= 4 and not any(ch.isdigit() for ch in clause):
                out.append((c0, c1))
    return out


def build_targets(text: str, seg: Segmentation, quantities: list[Quantity], goal_clauses: list[tuple[int, int, str | None]],
                  district: str | None) -> list[Target]:
    targets: list[Target] = []
    for index, q in enumerate(quantities):
        if q.kind == "target":
            start = seg.clause_start(q.start)
            targets.append(Target(start, q.end, text[start:q.end], q.metric, q.value, q.unit, deadline_of(q.period), q.subject, index))
    for c0, c1, period in goal_clauses:
        clause = text[c0:c1]
        metric = strip_phrase(re.split(r"与|同|保持|稳定|持续", clause)[0])
        targets.append(Target(c0, c1, clause, metric or None, None, None, deadline_of(period), district, None))
    targets.sort(key=lambda t: t.start)
    return targets
