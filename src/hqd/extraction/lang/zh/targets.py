"""Goals: figures of kind target, and the items of a goal list ("主要预期目标是:A,B增长5%,...") even without a figure.

Facts of Chinese encoded here: a list of goals follows 目标是/目标为 and a colon, one goal a clause (split at ，or
；), up to the sentence's end; each names what it checks, with or without a figure ("地区生产总值增长与全市保持同步").
A goal's deadline is the period its figure refers to (its 到2025年, or the year its 今年 or 全年 means).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ....model import Period, Quantity, Target
from .lexicon import alternation, load
from .metrics import strip_phrase
from .numerals import parse_chinese
from .segments import Segmentation

_MILESTONE = re.compile(r"开工|建成|竣工|投用|投入使用|投产|开业|开通|启用|完工|落成|运营|通车|开放|交付|落地|贯通|上线|揭牌|开街|启动|"
                        r"开学|开馆|开园|封顶|并网|投运|试运行|完成[^，,。；;\d]{1,12}?(?:整治工程|改造工程|工程|改造|整治)")
# steps that also name vague ends (建成国际精品城区, 开放格局): dated only by a time in their own clause
_VAGUE_STEPS = ("建成", "开放", "落地", "上线")
_FUTURE = re.compile(r"将|计划|预计|力争|争取|确保|拟|有望|年底前|年末前|明年")
_GOAL_LIST = re.compile(r"(?:" + alternation(load("cues")["goal_list"]) + r")\s*[:：]")


def deadline_of(period: Period | None) -> Period | None:
    """The end of the period a goal refers to: '2021/2025' → '2025'."""
    return period.last_point if period else None


def goal_list_clauses(text: str, seg: Segmentation) -> list[tuple[int, int]]:
    """The clauses of each goal list (after 目标是:, up to the sentence's end, twelve at most) that state no figure."""
    out = []
    for m in _GOAL_LIST.finditer(text):
        for c0, c1 in _items(text, seg.clauses_after(m.end(), 12)):
            clause = text[c0:c1].strip()
            if len(clause) >= 4 and not any(ch.isdigit() for ch in clause) and (not out or out[-1][0] < c0):
                out.append((c0, c1))
    return out


def _items(text: str, clauses: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A goal list's items: its clauses, split at ；too (地区生产总值增长5.5%左右;居民人均可支配收入增长与经济增长同步)."""
    out = []
    for c0, c1 in clauses:
        start = c0
        for mark in re.finditer(r"[；;]", text[c0:c1]):
            out.append((start, c0 + mark.start()))
            start = c0 + mark.end()
        out.append((start, c1))
    return out


def build_targets(text: str, seg: Segmentation, quantities: list[Quantity], goal_clauses: list[tuple[int, int, str | None]],
                  district: str | None) -> list[Target]:
    targets: list[Target] = []
    for index, q in enumerate(quantities):
        if q.kind == "target":
            start = seg.clause_start(q.start)
            targets.append(Target(start, q.end, text[start:q.end], q.metric, q.value, q.unit, deadline_of(q.period), q.subject, index))
    spans = [(t.start, t.end) for t in targets]  # in text order
    for c0, c1, period in goal_clauses:
        k = bisect_left(spans, (c1,))
        if k and spans[k - 1][1] > c0:
            continue
        clause = text[c0:c1]
        metric = strip_phrase(re.split(r"与|同|保持|稳定|持续", clause)[0])
        targets.append(Target(c0, c1, clause, metric or None, None, None, deadline_of(period), district, None))
    targets.sort(key=lambda t: t.start)
    return targets


_WORD_COUNT = re.compile(r"(?P<n>[一二两三四五六七八九十]{1,3})(?P<counter>家|个|项|座|所|条|批|名|位|台|套|场|艘|架)(?!大|方面|百分点)")
_GOAL_VERB = re.compile(r"力争|争取|确保|计划|目标|推动|帮助|支持|新增|新建|建成|培育|引进")


def word_count_goals(text: str, seg: Segmentation, goal_cue_at) -> list[tuple[int, int, float, str | None]]:
    """Goals counted in words ("力争新增上市企业两家", "帮助两家企业上市"): a small Chinese count in a clause that a
    goal cue governs is the goal's value (it is not a figure the contract requires, so it stays out of the quantities)."""
    out = []
    for m in _WORD_COUNT.finditer(text):
        c0, c1 = seg.clause_start(m.start()), seg.clause_end(m.end())
        while c1 > m.end() and text[c1 - 1] in "。；;！？!?":
            c1 -= 1
        clause = text[c0:c1]
        if any(ch.isdigit() for ch in clause) or not goal_cue_at(m.start()) or not _GOAL_VERB.search(clause):
            continue
        value = parse_chinese(m.group("n"))
        if not value:
            continue
        before = re.sub(r"力争|争取|确保|计划|目标|帮助|支持", "", strip_phrase(text[c0:m.start()]))
        metric = before if len(before) >= 2 else strip_phrase(text[m.end():c1]) or None
        out.append((c0, c1, value, metric))
    return out


def add_word_goals(text: str, targets: list[Target], goals, periods, subjects) -> list[Target]:
    spans = [(t.start, t.end) for t in targets]
    for (c0, c1, value, metric), period, subject in zip(goals, periods, subjects):
        k = bisect_left(spans, (c1,))
        if k and spans[k - 1][1] > c0:
            continue
        targets.append(Target(c0, c1, text[c0:c1], metric, value, "count", deadline_of(period), subject, None))
    targets.sort(key=lambda t: t.start)
    return targets


def milestone_clauses(text: str, seg: Segmentation, phrases, figure_starts: list[int],
                      promised=lambda at: True) -> list[tuple[int, int, object]]:
    """Project milestones: a clause that promises a step of a project (开工 建成 投用 通车...) by a time yet to come
    ("北外滩城市新地标项目将于年内开工建设", "确保核心区年底前基本建成"): the clause, and the time phrase in it.
    年内 (within the year) with no word of the future reports a step as well as it promises one: it promises where
    ``promised`` says so (not in a yearbook, the record of a year that is over: "示范区年内扩大开放测试道路")."""
    out = []
    starts = [p.start for p in phrases]  # phrases are in text order
    for m in _MILESTONE.finditer(text):
        c0 = max(seg.clause_start(m.start()), m.start() - 40)
        clause = text[c0:m.end()]
        f = bisect_left(figure_starts, c0)
        if f < len(figure_starts) and figure_starts[f] < m.end():
            continue  # a figure's clause: its goal is the figure's
        if not _FUTURE.search(clause) and not ("年内" in clause and promised(m.start())):
            continue
        when = _milestone_time(phrases, starts, c0, m.start())
        if when is None and m.group() not in _VAGUE_STEPS or when is not None and when.relative and when.period is None:
            # 明年,...并推动大学路二期年底前开街: the year the sentence opened with is the end-of-year's
            head = _milestone_time(phrases, starts, seg.sentence_at(c0).start, c0)
            if when is None or head is not None and text.startswith(("明年", "明年"), head.start):
                when = head
        if when is None:
            continue
        if out and out[-1][0] == c0:
            continue
        out.append((c0, m.end(), when))
    return out


def _milestone_time(phrases, starts: list[int], start: int, end: int):
    """The first time phrase that dates a step, between ``start`` and ``end``: in the milestone's clause, else at the
    head of its sentence ("明年上半年,长宁来福士二期将投入运营")."""
    k = bisect_left(starts, start)
    while k < len(phrases) and phrases[k].start < end:
        if phrases[k].role in ("deadline", "point"):
            return phrases[k]
        k += 1
    return None


def add_milestones(text: str, targets: list[Target], milestones, periods, subjects) -> list[Target]:
    spans = [(t.start, t.end) for t in targets]  # in text order
    for (c0, c1, _), period, subject in zip(milestones, periods, subjects):
        k = bisect_left(spans, (c1,))
        if k and spans[k - 1][1] > c0:
            continue
        targets.append(Target(c0, c1, text[c0:c1], None, None, None, deadline_of(period), subject, None))
    targets.sort(key=lambda t: t.start)
    return targets
