"""The Chinese language pack: a document written in Chinese in, the contract's objects out.

``hqd.extraction.extract_source`` calls ``extract`` when ``detect_language`` says "zh"; nothing here is imported
for English text. The steps mirror the English ones: metadata, sentences, time phrases, figures, then each
figure's attributes by the ordered rules of ``rules``, its metric and subject, then targets and entities.
Traditional text is read through ``script`` (one character for one, so offsets hold), its 「」 as “”, and reported as
written.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from ....model import Basis, Document, Kind, Period, Quantity
from ....sources import SourceText
from .entities import find_entities
from .lexicon import alternation, load
from .metadata import extract_meta
from .metrics import MetricContext, metric_with_rule, noun_after, strip_phrase
from .numbers import Mention, find_mentions
from .periods import (DATELINE, TimePhrase, assign_periods, date_year_to_date, find_time_phrases, report_month, resolve,
                      title_frame, year_of)
from .ranks import find_ranks
from .rules import (Context, GoalIndex, in_title, approx_with_rule, attributive_threshold, base_year, basis_with_rule, goal_cue_before,
                    is_decrease, kind_with_rule, size_of_a_thing_to_come)
from .script import as_written, back_map, span_as_written, to_simplified
from .segments import Segmentation
from .tables import chinese_tables, table_quantities
from .subjects import clause_topic_with_rule, entry_topic, full_names, is_appositive, known_names, list_item, name_heading
from .targets import add_milestones, add_word_goals, build_targets, goal_list_clauses, milestone_clauses, word_count_goals

__all__ = ["extract"]

_YEAR = re.compile(r"(?<![到至\d])((?:19|20)\d{2})\s?年(?!前|之前|以前|远景|目标|标准)")
_TOPIC_CUT = re.compile(r"实现|完成|达到|达|为|是|共有|拥有|有|增长|同比|比上年|占|累计|(?<![A-Za-z\d])\d")  # not G60's digits
_APPROX_AFTER = re.compile(r"以上|以下|左右|上下|以内")
_HEADING = re.compile(r"(?m)^\s*[一二三四五六七八九十]+、.*$")
# a clause that only leads in (分区看, 从行业看, 在民生方面) and one that says who speaks (负责人介绍)
_LEAD_IN_CLAUSE = re.compile(r"(?:其中|同时|同時|此外|另外|据统计|據統計|初步核算|在[^，,。；;\n]{1,12}(?:方面|领域|領域)|[从從][^，,。；;\n]{1,8}看"
                             r"|分[^，,。；;\n]{1,6}看)")
_SPEECH_CLAUSE = re.compile(r"(?:表示|介绍|介紹|指出|透露|称|稱|说|說|公布|发布|發布|获悉|獲悉)$")
_ENTRY_HEADING = re.compile(r"【[^】\n]{1,20}】")
_INSIDE = ("区内", "區內")
# N的X产自/来自Y: a part of a whole (全国的化妆品, 上海的化妆品产值) made in or coming from Y is Y's
_MADE_IN = re.compile(r"的[\u4e00-\u9fff]{1,10}?(?:产自|產自|来自|來自|出自)(?P<where>这里|這裡|这儿|這兒|此|[\u4e00-\u9fff]{2,8}?)(?=[，,。；;！]|$)")
_HERE = ("这里", "這裡", "这儿", "這兒", "此")
_DISTRICTS = load("districts")["districts"]
_DISTRICT_NAME = re.compile(r"(?P<name>" + alternation(_DISTRICTS) + r")(?:新区|新區|区|區)?")
_DURATIONS = ("day", "month", "year", "hour", "minute")
# 公司, 该公司, 这家企业 heading a clause point back to the company just named ("一家名为柔漾生物的企业去年销售额达
# 18.6亿元。企业负责人说,公司员工从300余人增加到1200人"); a bare 企业 is enterprises in general
_COMPANY = re.compile(r"(?:该|該|这家|這家|此)?(?:公司|集团|集團)|(?:该|該|这家|這家)(?:企业|企業)")
_ZONE_ENDS = ("区", "區", "园", "園", "城", "港")  # a zone's head word: 开发区, 功能区, 产业园, 科学城, 邮轮港
_LEAD_ONLY = re.compile(r"其中|同时|同時|此外|另外|据统计|據統計|据介绍|據介紹|初步核算|综合来看|在[^，,。；;\n]{1,12}(?:方面|领域|領域)")
_YEAR_PART = re.compile(r"[月季]|半年")
_PLAN = re.compile(alternation(load("cues")["plan_headings"]))
_YEARBOOK = re.compile(r"年鉴|年鑑")  # a yearbook's title: the record of a year that is over
# a yearbook entry of plans (not 【三年行动计划】, the record of a plan issued)
_PLAN_ENTRY = re.compile(r"发展计划|工作计划|年度计划|计划安排|打算|工作思路|工作安排|下一步|展望|主要任务|重点任务|重点工作|主要目标|预期目标|发展目标")
_ITEM_REACH = 20  # sentences looked back for a list's first item: an item runs a few sentences, and cost stays linear


# Hong Kong and Taiwan quote with 「」『』: read as “” ‘’ (one character for one, so offsets hold)
_QUOTES = str.maketrans("「」『』", "“”‘’")
# full-width digits (２０２５年, １０处) read as ASCII everywhere, times too (one character for one; spans are the text's)
_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def extract(src: SourceText, briefing_date: str | None = None) -> Document:
    original = src.text
    text = to_simplified(original).translate(_QUOTES).translate(_DIGITS)
    back = back_map(original, text)
    meta, anchor, report = _dated_meta(text, briefing_date)
    seg = Segmentation(text)
    phrases = find_time_phrases(text, anchor, report - 1 if report else None)
    frame = title_frame(text, phrases, anchor)
    date_year_to_date(phrases, anchor, report_month(meta.title, anchor, meta.date or meta.published))
    pieces = _Pieces.of(text, seg, phrases)
    periods, givers = assign_periods(text, seg, phrases, pieces.starts(), anchor, pieces.first_figures(seg), frame)
    parts = pieces.split(periods)
    parts["word_goal_givers"] = pieces.split(givers)["word_goals"]
    # a text about the city (no district) speaks of Shanghai by default
    subjects = _Subjects(text, seg, phrases, meta.district or ("Shanghai" if re.search(r"上海|全市|本市", text[:2000]) else None),
                         entry_topic(meta.title))
    quantities = _quantities(text, seg, pieces.mentions, phrases, periods, givers, subjects, anchor, pieces.goal_index)
    _headline_as_body(text, quantities)
    targets = _targets(text, seg, pieces, parts, quantities, subjects, meta.district, anchor)
    if pieces.tables:
        frames = dict(zip((a for a, _ in pieces.table_rows), parts["tables"]))
        found, _ = table_quantities(text, pieces.tables, frames.get, meta.district)
        quantities = sorted(quantities + found, key=lambda q: q.start)
    full_names(quantities, targets)
    _as_written(original, text, back, meta, quantities, targets)
    entities = find_entities(text, meta)
    for e in entities:
        e.text = original[e.start:e.end]
    return Document(
        source=src.source, sha256=src.sha256, text=original, language="zh", meta=meta, quantities=quantities,
        targets=targets, entities=entities, warnings=list(src.warnings),
        sentences=[(s.start, s.end) for s in seg.sentences], is_html=src.is_html,
        ranks=[_rank_as_written(r, original, back) for r in find_ranks(text, seg, meta.district)],
    )


def _dated_meta(text: str, briefing_date: str | None):
    """The metadata, and the year the text's relative times resolve against: its date's, else a work report's own
    year, else the latest year it reports; and a work report's year (it reviews the year before)."""
    meta = extract_meta(text)
    if briefing_date:
        meta.date = briefing_date
    anchor_date = meta.date or meta.published
    report = _report_year(text)
    anchor = int(anchor_date[:4]) if anchor_date else report or _latest_year(text)
    return meta, anchor, report


@dataclass(slots=True)
class _Pieces:
    """What the text holds that takes a period: figures, goal-list clauses, milestones, tables and goals counted in
    words, each dated in one pass by ``assign_periods`` (their starts in this order)."""

    mentions: list[Mention]
    goal_clauses: list[tuple[int, int]]
    milestones: list[tuple[int, int, TimePhrase]]
    tables: list
    table_rows: list[tuple[int, int]]
    word_goals: list[tuple[int, int, float, str | None]]
    goal_index: GoalIndex

    @classmethod
    def of(cls, text: str, seg: Segmentation, phrases: list[TimePhrase]) -> "_Pieces":
        mentions = _outside_phrases(find_mentions(text), phrases)
        tables = chinese_tables(text)
        table_rows = [(rows[0][0].start, rows[-1][-1].end) for rows in tables]
        if table_rows:  # figures in a table are read by its headers, not as prose
            mentions = [m for m in mentions if not _inside(m.start, table_rows)]
        goal_index = GoalIndex.of(text, phrases)
        word_goals = word_count_goals(text, seg, lambda at: goal_cue_before(goal_index, seg.full_start(at), at))
        record = _YEARBOOK.search(text, 0, 200) is not None
        plans = _plan_sections(text) if record else []
        milestones = milestone_clauses(text, seg, phrases, [m.start for m in mentions],
                                       lambda at: not record or any(a <= at < b for a, b in plans))
        return cls(mentions, goal_list_clauses(text, seg), milestones, tables, table_rows, word_goals, goal_index)

    def starts(self) -> list[int]:
        return ([m.start for m in self.mentions] + [g[0] for g in self.goal_clauses] + [g[0] for g in self.milestones]
                + [a for a, _ in self.table_rows] + [g[0] for g in self.word_goals])

    def split(self, periods: list) -> dict[str, list]:
        """``periods`` (in the order of ``starts``) by piece."""
        out, k = {}, 0
        for name, items in (("mentions", self.mentions), ("goal_clauses", self.goal_clauses),
                            ("milestones", self.milestones), ("tables", self.table_rows), ("word_goals", self.word_goals)):
            out[name] = periods[k:k + len(items)]
            k += len(items)
        return out

    def first_figures(self, seg: Segmentation) -> dict[int, int]:
        """The start of each sentence's first figure, by sentence index."""
        first: dict[int, int] = {}
        for m in self.mentions:
            first.setdefault(seg.index_at(m.start), m.start)
        return first


def _targets(text: str, seg: Segmentation, pieces: _Pieces, parts: dict[str, list], quantities: list[Quantity],
             subjects: "_Subjects", district: str | None, anchor: int | None):
    """Targets from figures of kind target, goal-list clauses, project milestones and goals counted in words."""
    goals = [(c0, c1, period) for (c0, c1), period in zip(pieces.goal_clauses, parts["goal_clauses"])]
    targets = build_targets(text, seg, quantities, goals, district)
    milestone_periods = [_milestone_period(when, frame, anchor) for (_, _, when), frame in zip(pieces.milestones, parts["milestones"])]
    targets = add_milestones(text, targets, pieces.milestones, milestone_periods, [subjects.at(m[0]) for m in pieces.milestones])
    # 年内 (within the year) before a goal counted in words is the year the text is written in, as for a milestone
    word_periods = [_milestone_period(g, None, anchor) if g is not None and g.relative and g.period is None else p
                    for p, g in zip(parts["word_goals"], parts["word_goal_givers"])]
    return add_word_goals(text, targets, pieces.word_goals, word_periods, [subjects.at(g[0]) for g in pieces.word_goals])


def _headline_as_body(text: str, quantities: list[Quantity]) -> None:
    """A headline repeats a figure of the body to draw the reader in ("北外滩...航运服务企业超三千五百家" over
    "截至今年4月底,北外滩地区已集聚航运服务企业3500余家"), or rounds it (企业逾千家 over 1,032家): written with no
    time or place of its own, it is that body figure, and takes its period, subject and basis (the eval README's
    convention)."""
    first = len(text) - len(text.lstrip())
    end = text.find("\n", first)
    if end < 0 or "。" in text[first:end]:
        return  # no headline line
    body = [q for q in quantities if q.start > end]
    for q in quantities:
        if q.start >= end:
            break
        same = next((b for b in body if b.unit == q.unit and b.value == q.value and b.kind == q.kind), None) \
            or next((b for b in body if b.unit == q.unit and b.kind == q.kind and _rounds(q, b.value)), None)
        if same is not None:
            q.period, q.subject, q.basis = same.period, same.subject, same.basis  # a change's base too (三年增长1.6倍)
            q.why["period"], q.why["subject"], q.why["basis"] = ("period.headline_as_body", "subject.headline_as_body",
                                                                 "basis.headline_as_body")


def _rounds(headline: Quantity, value: float) -> bool:
    """A headline's round figure (企业逾千家, 规模突破三千亿元, 营收增逾两成) stands for a body figure it bounds and
    is within a quarter of (1,032家; 3126亿元; 增长21.6%)."""
    v = headline.value
    if v <= 0:
        return False
    if headline.approx in (">", ">="):
        return v <= value < v * 1.25
    if headline.approx == "~":
        return abs(value - v) <= v * 0.1
    return False


def _rank_as_written(r, original: str, back):
    r.text = original[r.start:r.end]
    r.metric = as_written(r.metric, back)
    return r


def _inside(at: int, spans: list[tuple[int, int]]) -> bool:
    k = bisect_right(spans, (at, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= at < spans[k][1]


def _milestone_period(when: TimePhrase, frame: Period | None, anchor: int | None) -> Period | None:
    """年内 and 年底前 name the year the text is written in; a dated phrase (明年, 2024年二季度) its own period."""
    if when.relative and when.period is None:
        return Period.year(anchor) if anchor else None
    return resolve(when, frame, anchor)


def _as_written(original: str, simplified: str, back, meta, quantities: list[Quantity], targets) -> None:
    """Spans from the text itself; derived strings in the text's own characters."""
    written = lambda value: span_as_written(value, original, simplified, back)  # noqa: E731
    for q in quantities:
        q.text = original[q.start:q.end]
        q.metric = written(q.metric)
        if q.subject and not q.subject.isascii():
            q.subject = written(q.subject)
    for t in targets:
        t.text = original[t.start:t.end]
        t.metric = written(t.metric)
        if t.subject and not t.subject.isascii():
            t.subject = written(t.subject)
    if back:
        meta.title = written(meta.title)
        meta.series = written(meta.series)
        meta.theme = written(meta.theme)
        for o in meta.officials:
            o.name = written(o.name)
            o.title = written(o.title)


_REPORT = re.compile(r"((?:19|20)\d{2})\s?年[^\n。]{0,30}?政府工作报告")


def _report_year(text: str) -> int | None:
    """The year a government work report is given in ("2023年杨浦区人民政府工作报告"): it reviews the year before."""
    m = _REPORT.search(text[:300])
    return int(m.group(1)) if m else None


def _latest_year(text: str) -> int | None:
    """With no date on the page, the latest year it reports (not a deadline's: 到2035年, 2025年前; nor one in a
    document's title: 《三年行动计划（2018—2020年）》 names the years it plans for)."""
    head = text[:6000]
    years = [int(m.group(1)) for m in _YEAR.finditer(head) if not in_title(head, m.start())]
    return max(years) if years else None


def _outside_phrases(mentions: list[Mention], phrases: list[TimePhrase]) -> list[Mention]:
    """前8个月, 近5年: a number inside a time phrase names the time, not an amount."""
    out, k = [], 0
    spans = sorted((p.start, p.end) for p in phrases)
    for m in mentions:
        while k < len(spans) and spans[k][1] <= m.start:
            k += 1
        if k < len(spans) and spans[k][0] <= m.start and m.end <= spans[k][1]:
            continue
        out.append(m)
    return out


def _plan_sections(text: str) -> list[tuple[int, int]]:
    """Spans under a heading of the tasks ahead ("二、2025年主要任务"), up to the next heading of that rank; and a
    yearbook's entry of plans (【发展计划】, 【下一步工作】), up to the next entry."""
    out = []
    for pattern, plan in ((_HEADING, _PLAN), (_ENTRY_HEADING, _PLAN_ENTRY)):
        heads = list(pattern.finditer(text))
        for k, h in enumerate(heads):
            if plan.search(h.group()) and "回顾" not in h.group():
                out.append((h.end(), heads[k + 1].start() if k + 1 < len(heads) else len(text)))
    return sorted(out)


class _Subjects:
    """Topics of clauses and sentences, read once per sentence: ``at(offset)`` is the subject there."""

    def __init__(self, text: str, seg: Segmentation, phrases: list[TimePhrase], district: str | None,
                 entry: str | None = None) -> None:
        self.text, self.seg, self.district = text, seg, district
        self.entry = entry  # what a yearbook entry is about: the default subject of its figures
        self.report = _report_year(text) is not None
        self.known = known_names(text)
        self.phrase_at = {p.start: p.end for p in phrases}
        self.phrase_starts = sorted(p.start for p in phrases if p.role != "base")
        self.time_at = {p.start: p for p in phrases if p.role in ("point", "deadline", "span", "since", "years")}
        # per sentence: clause starts, the latest topic named up to each clause, and the topic of its head clause
        self.cache: dict[int, tuple[list[int], list[str | None], str | None, bool, list[str]]] = {}
        self.chains: dict[int, str | None] = {}

    def _read(self, si: int):
        if si in self.cache:
            return self.cache[si]
        s = self.seg.sentences[si]
        starts: list[int] = []
        latest: list[str | None] = []
        hows: list[str] = []  # the fact of clause_topic that named each of ``latest``
        head_topic, head_seen, any_topic = None, False, False
        appositive = False
        current, current_how = None, "none"
        dateline = DATELINE.match(self.text, s.start, s.end) if si <= 3 else None
        for a, b in self.seg.clauses(s):
            if a > s.start and self.text[a - 1] == "、":
                continue  # a list item (A、B、C) is no new topic
            head = self._clause_head(a, b, dateline)
            if head is None:
                continue
            topic, how = clause_topic_with_rule(self.text, head, b, self.known, appositive, self._time_in(head, b),
                                                a == s.start)
            topic, how = self._pointed_back(si, head, topic, how, current)
            appositive = is_appositive(self.text, head, b)
            if not head_seen and self.text[head:b].strip("，,、 ") and not _LEAD_ONLY.fullmatch(self.text[head:b].strip()):
                head_seen, head_topic = True, topic  # the first clause that is more than a time phrase
            if topic is not None:
                current, current_how, any_topic = topic, how, True
            starts.append(a)
            latest.append(current)
            hows.append(current_how)
        self.cache[si] = (starts, latest, head_topic, any_topic, hows)
        return self.cache[si]

    def _clause_head(self, a: int, b: int, dateline: re.Match | None) -> int | None:
        """Where a clause's topic may start: past a yearbook entry's heading (【产业发展】), a story's dateline
        (新民晚报讯(记者 黄慧敏)) and its time phrases (2021年以来,); None for a clause that only says who speaks
        (闵行区科委主任林嘉禾表示,: who speaks is not what the figures after it are about) or is all dateline."""
        head = a
        entry = _ENTRY_HEADING.match(self.text, head, b)
        if entry:
            head = entry.end()
        if dateline is not None and a < dateline.end():
            head = max(head, dateline.end())
            if head >= b:
                return None
        while head in self.phrase_at or (head + 1 in self.phrase_at and self.text[head] in "在于"):
            head = self.phrase_at.get(head) or self.phrase_at[head + 1]
            if self.text.startswith(("以来", "以來"), head):
                head += 2
        return None if _SPEECH_CLAUSE.search(self.text[head:b].rstrip("，,:：、 ")) else head

    def _pointed_back(self, si: int, head: int, topic: str | None, how: str, current: str | None) -> tuple[str | None, str]:
        """区内 after a zone is the zone's; a bare head right after a park is named points to it (“M50创意园”,园区面积
        2.4万平方米); 公司 该公司 point back to the company just named."""
        if how == "district_word" and self.text.startswith(_INSIDE, head):
            zone = self._zone_before(si, current)
            return (zone, "inside_zone") if zone else (topic, how)
        if (how == "bare_head" and current and current != "district" and not current.isascii()
                and current.endswith(_ZONE_ENDS) and topic != current):
            return current, how
        if _COMPANY.match(self.text, head):
            company = self._named_before(si, current)
            if company:
                return company, "company_pointed_back"
        return topic, how

    def _named_before(self, si: int, current: str | None) -> str | None:
        """The name last made a topic, in this sentence or the one before it, or the entry's heading."""
        if current is None and si > 0 and self.seg.sentences[si - 1].paragraph == self.seg.sentences[si].paragraph:
            current = self._read(si - 1)[1][-1] if self._read(si - 1)[1] else None
        if current is None and self.heading_topic(si):
            current = self.heading_topic(si)
        return current if current and current != "district" and not current.isascii() else None

    def _zone_before(self, si: int, current: str | None) -> str | None:
        """区内 (within the zone) right after a park or zone was the topic, in this sentence or the one before it,
        is within that zone ("漕河泾开发区实现营业收入2846.3亿元。区内集聚外资企业近900家"); after the district or an
        area without a zone's head word (北外滩) it is the district's."""
        named = self._named_before(si, current)
        return named if named and named.endswith(_ZONE_ENDS) else None

    def heading_topic(self, si: int) -> str | None:
        """A yearbook entry headed by a name (【漕河泾开发区】, 【华泾镇】, 【徐家汇商圈】) is about that place: it is
        the topic of the entry's figures that name no other (全区 is still the district); a heading on a theme
        (【概况】, 【金融业】) names none."""
        start = self.seg.sentences[si].start
        p0 = self.text.rfind("\n", 0, start) + 1
        m = _ENTRY_HEADING.match(self.text, p0 + len(self.text[p0:start]) - len(self.text[p0:start].lstrip()))
        if not m:
            return None
        words = m.group()[1:-1].strip()
        name = name_heading(words)
        return name if name == words else None

    def _time_in(self, head: int, end: int) -> int | None:
        """Where the first time phrase after the head of a clause starts, if it is within ten characters of it."""
        k = bisect_left(self.phrase_starts, head + 1)
        if k < len(self.phrase_starts) and self.phrase_starts[k] <= min(end, head + 10):
            return self.phrase_starts[k]
        return None

    def _chain(self, si: int) -> str | None:
        """The topic a sentence hands on to the next one that names none: its head clause's, or the one it was
        handed itself when it names none at all."""
        if si in self.chains:
            return self.chains[si]
        first = si
        paragraph = self.seg.sentences[si].paragraph
        while first > 0 and first - 1 not in self.chains and self.seg.sentences[first - 1].paragraph == paragraph:
            first -= 1
        for k in range(first, si + 1):  # in order, so each step reads the one before it from the cache
            _, _, head_topic, any_topic, _ = self._read(k)
            if self.text.startswith("其中", self.seg.sentences[k].start):
                self.chains[k] = None  # "其中,浦东新区...": a part of the whole, whose topic goes no further
            elif head_topic is not None:
                self.chains[k] = head_topic
            elif any_topic:
                self.chains[k] = None  # its topic was a later clause's: the chain ends there
            elif self.continues(k):
                self.chains[k] = self.handed(k)
            else:
                self.chains[k] = None
        return self.chains[si]

    def continues(self, si: int) -> bool:
        """Sentence ``si`` goes on about the topic of the one before: it is in the same paragraph, opens with no time
        of its own that starts a new statement, and is not a new sentence (after 。) of a work report, which lists
        the year's results one statement a sentence, each the district's unless it names another topic ("金山区中心
        医院新院区建成启用。PM2.5年均浓度为29微克/立方米" is the district's air); a clause after ； goes on."""
        s = self.seg.sentences[si]
        if si == 0 or self.seg.sentences[si - 1].paragraph != s.paragraph or self.opens_with_time(s.start):
            return False
        return not (self.report and self.text[:s.start].rstrip().endswith("。"))

    def handed(self, si: int) -> str | None:
        """The topic handed to sentence ``si``, which goes on from the one before: that sentence's; but a later item of
        a list (二是, 其次, （二）) goes on about what the list's lead-in named, as its first item did, not about the
        item before it ("我们重点打造大零号湾功能区。一是...周边聚集了12所高校;二是...功能区内新增科技型企业1600余家" are the
        area's; "一是加快建设G60科创走廊;二是...规上工业总产值增长2倍" is not the corridor's)."""
        if list_item(self.text, self.seg.sentences[si].start) == "later":
            first = self._first_item_before(si)
            if first is not None:
                return self._chain(first - 1) if self.continues(first) else None
        return self._chain(si - 1)

    def _first_item_before(self, si: int) -> int | None:
        paragraph = self.seg.sentences[si].paragraph
        for k in range(si - 1, max(-1, si - 1 - _ITEM_REACH), -1):
            s = self.seg.sentences[k]
            if s.paragraph != paragraph:
                return None
            if list_item(self.text, s.start) == "first":
                return k
        return None

    def made_in(self, where: str, clause_start: int) -> str | None:
        """Whose share "全国约十分之一的化妆品产自奉贤" is: the place it is made in or comes from; 这里 (here) is the
        topic before the clause ("上海近两成的化妆品产值来自这里", said of 东方美谷)."""
        if where in _HERE:
            return self.at(clause_start - 1) if clause_start > 0 else self.district
        d = _DISTRICT_NAME.fullmatch(where)
        return _DISTRICTS[d.group("name")] if d else where

    def opens_with_time(self, start: int) -> bool:
        """The sentence from ``start`` opens with a time of its own that starts a new statement: a deadline (到2025年)
        or a whole year (全年, 今年, 2024年; not a base: 与2019年相比). A part of the year (9月份, 3月份当月, 一季度,
        1-9月) or a time since (“十四五”以来) opens a detail of what the sentence before said, and goes on about it
        ("1-9月,虹桥国际机场旅客吞吐量3612.5万人次。9月份,旅客吞吐量412.6万人次")."""
        p = self.time_at.get(start)
        if p is None or p.role == "since":
            return False
        return p.role == "deadline" or not _YEAR_PART.search(self.text, p.start, p.end)

    def at(self, offset: int) -> str | None:
        """The subject at ``offset``, by the ordered rules of ``SUBJECT_RULES``."""
        return self.at_with_rule(offset)[0]

    def at_with_rule(self, offset: int) -> tuple[str | None, str]:
        """The subject at ``offset`` and the rule that found it ("subject.bare_head", "subject.topic_chain" ...)."""
        si = self.seg.index_at(offset)
        for rule in SUBJECT_RULES:
            found = rule(self, si, offset)
            if found is not None and found[0] is not None:
                topic, name = found
                return (self.district if topic == "district" else topic), name
        if self.entry:
            return self.entry, "subject.entry_topic"
        return self.district, "subject.district_default"


def subject_named_here(subjects: _Subjects, si: int, offset: int) -> tuple[str | None, str] | None:
    """The latest topic named at the head of a clause of this sentence, up to the figure (Chinese puts the topic
    first, and it holds for the rest of the sentence); named after the fact of ``clause_topic`` that found it."""
    starts, latest, _, _, hows = subjects._read(si)
    k = bisect_right(starts, offset) - 1
    return (latest[k], "subject." + hows[k]) if k >= 0 else None


def subject_topic_chain(subjects: _Subjects, si: int, offset: int) -> tuple[str | None, str] | None:
    """A sentence naming no topic continues the one that headed the sentence before it in the paragraph; but one
    that opens with a time of its own ("到2025年,...力争", "今年,...") starts a new statement, about the district
    unless it names another topic."""
    s = subjects.seg.sentences[si]
    if subjects.continues(si):
        return subjects.handed(si), "subject.topic_chain"
    return None


def subject_part_of_last(subjects: _Subjects, si: int, offset: int) -> tuple[str | None, str] | None:
    """A sentence opened by 其中 (among them) singles out a part of what the sentence before ended on: its figures are
    of the topic that sentence named last, though a later clause of it named that topic ("记者从临港新片区管委会获悉,
    今年一季度,临港新片区实现规上工业总产值1126.5亿元。其中,新能源汽车产业产值582.3亿元" is the new area's)."""
    s = subjects.seg.sentences[si]
    if si == 0 or not subjects.text.startswith(("其中", "其中"), s.start):
        return None
    if subjects.seg.sentences[si - 1].paragraph != s.paragraph:
        return None
    _, latest, _, _, hows = subjects._read(si - 1)
    return (latest[-1], "subject.part_of_last") if latest else None


def subject_entry_heading(subjects: _Subjects, si: int, offset: int) -> tuple[str | None, str] | None:
    """A figure of a yearbook entry headed by a place's name, that no clause or sentence before names the topic of,
    is that place's (【华泾镇】 ... 镇域常住人口约12万人)."""
    return subjects.heading_topic(si), "subject.entry_heading"


SUBJECT_RULES = (subject_named_here, subject_part_of_last, subject_topic_chain, subject_entry_heading)


def _quantities(text: str, seg: Segmentation, mentions: list[Mention], phrases: list[TimePhrase], periods, givers,
                subjects: _Subjects, anchor: int | None, goal_index: GoalIndex) -> list[Quantity]:
    out: list[Quantity] = []
    phrase_by_sentence: dict[int, list[TimePhrase]] = {}
    for p in phrases:
        phrase_by_sentence.setdefault(seg.index_at(p.start), []).append(p)
    plans = _plan_sections(text)
    goals = goal_index
    starts_by_sentence = {si: [p.start for p in ps] for si, ps in phrase_by_sentence.items()}
    topics: dict[int, str | None] = {}
    last_sentence, previous_metric, paragraph = -1, None, -1
    previous_end = -1
    for i, m in enumerate(mentions):
        si = seg.index_at(m.start)
        s = seg.sentences[si]
        if s.paragraph != paragraph:
            paragraph, previous_metric = s.paragraph, None
        c0 = seg.clause_start(m.start)
        c1 = seg.clause_end(m.end)
        f0 = seg.full_start(m.start)
        own = phrase_by_sentence.get(si, [])
        k = bisect_right(starts_by_sentence.get(si, []), m.end)
        in_sentence = own[max(0, k - 8):k]  # the last few time phrases before the figure are all a rule reads
        if i and attributive_threshold(text, mentions[i - 1]) and c0 <= mentions[i - 1].start:
            previous_end = c0  # 在建亿元以上产业项目97个: the threshold is part of what is counted
        ctx = Context(text, m, c0, s.start, periods[i], givers[i], in_sentence,
                      previous_end if c0 <= previous_end <= m.start else c0, anchor,
                      full_start=f0, goals=goals, in_plan=any(a <= m.start < b for a, b in plans))
        listed = _listed_after(text, out, m)
        why = {}
        kind, why["kind"] = (listed.kind, "kind.listed_after") if listed else kind_with_rule(ctx)
        basis, why["basis"] = ((listed.basis, "basis.listed_after") if listed else basis_with_rule(ctx) if kind == "change"
                               else (None, "basis.not_a_change"))
        approx, why["approx"] = approx_with_rule(ctx)
        down = listed.value < 0 if listed else is_decrease(ctx)
        value = -m.value if kind == "change" and m.value > 0 and down else m.value
        period, why["period"] = _figure_period(ctx, kind, anchor, seg, basis)
        subject, why["subject"] = subjects.at_with_rule(m.start)
        made = _MADE_IN.match(text, m.end, c1)
        if made:
            subject, why["subject"] = subjects.made_in(made.group("where"), c0), "subject.made_in"
        lead = _lead_clause_noun(text, seg, c0, s.start, previous_end, own, subject)
        metric, why["metric"] = _metric(text, ctx, c1, own[bisect_left(starts_by_sentence.get(si, []), ctx.previous_end - 40):k],
                                        subject, lead or (previous_metric if si == last_sentence else None),
                                        _topic(text, seg, si, phrase_by_sentence, topics), kind, previous_metric)
        owners = _respective_owners(text, seg, mentions, i)
        if owners:
            (subject, metric), why["subject"], why["metric"] = owners, "subject.respectively", "metric.respectively"
        respective = None if owners else _respective(text, seg, mentions, i, subject)
        if respective:
            metric, why["metric"] = respective, "metric.respectively"
        if metric:
            previous_metric = metric
        last_sentence = si
        previous_end = m.end
        q = Quantity(m.start, m.end, m.text, value, m.unit, kind, basis, approx, metric, period, subject)
        q.why.update(why)
        out.append(q)
    return out


_LIST_JOIN = re.compile(r"\s*[、和及与與]\s*")


def _listed_after(text: str, out: list[Quantity], m: Mention) -> Quantity | None:
    """增长5%、8%和3%: a figure joined to the one before it by 、 or 和 alone is listed under the same verb, so it
    is the same kind of figure, with the same base and sign."""
    if not out or out[-1].kind not in ("change", "share") or out[-1].unit != m.unit:
        return None
    return out[-1] if _LIST_JOIN.fullmatch(text, out[-1].end, m.start) else None


def _figure_period(c: Context, kind: Kind, anchor: int | None, seg: Segmentation,
                   basis: Basis | None = None) -> tuple[Period | None, str]:
    """The figure's period: its frame's; for a change from a base year, from that year to the frame's (与2019年相比...
    增长1.8倍); none for a threshold qualifying a noun (亿元以上项目: a class of things, not an amount at a time).
    An average yearly growth from one year's level to a later year's (从2015年的892.6亿元增加到2020年的1161.7亿元,
    年均增长5.4%) averages the years after the first: 2016/2020. With the name of the fact that gave it."""
    if attributive_threshold(c.text, c.m):
        return None, "period.threshold_undated"
    if kind == "level" and size_of_a_thing_to_come(c):
        return None, "period.size_undated"
    period = c.period
    if kind == "change":
        base = base_year(c)
        end = year_of(period) or anchor
        if base and end and base < end:
            return Period.years(base, end), "period.since_base_year"
        if basis == "annual_avg" and _from_level_to_level(c):
            return Period.years(period.start_year + 1, period.end_year), "period.growth_years"
    elif _level_reached_in_span(c, period):
        return Period.year(period.end_year), "period.level_reached"
    return period, _frame_rule(c, seg)


_REACHED = re.compile(r"(?:达到|達到|达|達|提高到|提高至|提升到|提升至|增加到|增加至|增长到|增長到|增至|升至|上升到|上升至)\s?$")
_OVER_THE_SPAN = re.compile(r"累计|累計|年均|平均|共")


def _level_reached_in_span(c: Context, period: Period | None) -> bool:
    """A level a time since or the past N years ended at (“十四五”以来,...总数达到117家; 五年来...森林覆盖率达到19.8%):
    达到 提高到 增加到 right before it state where the span left it, in its last year; a sum or an average over the
    span (累计引进27家, 年均接待游客150万人次) keeps the span."""
    if period is None or not period.is_span or period.start_year == period.end_year:
        return False
    if c.phrase is None or c.phrase.role not in ("since", "years"):
        return False  # a span written whole (“十三五”期间, 2016—2020年) dates what was reached in it as the span
    before = c.text[c.clause_start:c.m.start]
    return bool(_REACHED.search(before)) and not _OVER_THE_SPAN.search(before)


def _from_level_to_level(c: Context) -> bool:
    """Whether the figure's span was opened by 从 or 由 before a year's level (从2015年的892.6亿元增加到...)."""
    p, period = c.phrase, c.period
    if p is None or p.role != "span" or period is None or not period.is_span or c.text[p.end:p.end + 1] != "的":
        return False
    return re.search(rf"[从由]\s?{period.start_year}\s?年的", c.text[c.full_start:p.start]) is not None


def _frame_rule(c: Context, seg: Segmentation) -> str:
    """Which frame dated the figure: a time phrase of its own sentence, one carried from a sentence before it in the
    paragraph, from a paragraph or heading before it, or none."""
    p = c.phrase
    if p is None:
        return "period.title_frame" if c.period else "period.undated"
    if p.start >= c.sentence_start:
        return "period.own_sentence"
    if seg.sentence_at(p.start).paragraph == seg.sentence_at(c.m.start).paragraph:
        return "period.sentence_frame"
    return "period.paragraph_frame"


_RESPECTIVELY = re.compile(r"分别|分別")
_ITEM_SPLIT = re.compile(r"[、和及与與]")
_IN_GROUP = re.compile(r"^[\s和及与與、，,]*(?:" + alternation(load("cues")["change_up"] + load("cues")["change_down"]) + r")?[\s]*$")


def _respective(text: str, seg: Segmentation, mentions: list[Mention], i: int, subject: str | None) -> str | None:
    """A和B分别增长X和Y (A and B grew by X and Y respectively): the k-th figure after 分别 measures the k-th item
    named before it; a head written once after the last item goes with each (第二产业、第三产业增加值分别为...: 第二产业增加值).
    None unless the items and the figures are as many."""
    group = _respective_group(text, seg, mentions, i)
    if not group:
        return None
    at, members = group
    s = seg.sentence_at(at)
    c0 = max([text.rfind(mark, s.start, at) + 1 for mark in "，,：:"] + [s.start])  # 、 joins the items: not a clause end
    items = [x for x in _ITEM_SPLIT.split(strip_phrase(text[c0:at], subject if subject and not subject.isascii() else None)) if x]
    if len(items) != len(members) or len(items) < 2:
        return None
    item, last = items[members.index(i)], items[-1]
    if len(last) > len(item) >= 2 and last[len(item) - 2:len(item)] == item[-2:] and item[-2:] != last[-2:]:
        item += last[len(item):]  # 第二产业 + 增加值
    return item


def _respective_owners(text: str, seg: Segmentation, mentions: list[Mention], i: int) -> tuple[str, str] | None:
    """A、B分别为X和Y where A and B are named places (中山公园商圈、虹桥商圈今年上半年销售额分别为50亿元和80亿元):
    the k-th figure is the k-th place's, and measures what is written after the last place (销售额). None unless
    every item is a name and the items and the figures are as many."""
    group = _respective_group(text, seg, mentions, i)
    if not group:
        return None
    at, members = group
    s = seg.sentence_at(at)
    c0 = max([text.rfind(mark, s.start, at) + 1 for mark in "，,：:"] + [s.start])
    items = [x for x in _ITEM_SPLIT.split(text[c0:at]) if x]
    if len(items) != len(members) or len(items) < 2:
        return None
    names = [name_heading(item) for item in items]
    if not all(names) or not items[-1].startswith(names[-1]):
        return None
    rest = strip_phrase(items[-1][len(names[-1]):])
    for p in _PHRASE_WORDS.finditer(rest):
        rest = rest.replace(p.group(), "")
    return (names[members.index(i)], rest) if len(rest) >= 2 else None


_PHRASE_WORDS = re.compile(r"今年|去年|全年|上半年|下半年|[一二三四]季度|前三季度|\d{1,2}-\d{1,2}月")


def _respective_group(text: str, seg: Segmentation, mentions: list[Mention], i: int):
    """Where 分别 stands before figure ``i``, and the indexes of the figures it distributes (joined by 和 、 and a
    change verb only)."""
    m = mentions[i]
    s = seg.sentence_at(m.start)
    cue = None
    for cue in _RESPECTIVELY.finditer(text, s.start, m.start):
        pass
    if cue is None:
        return None
    first = i
    while first > 0 and mentions[first - 1].start > cue.end():
        first -= 1
    if mentions[first].start - cue.end() > 6:
        return None
    members = [first]
    while members[-1] + 1 < len(mentions) and _IN_GROUP.match(text[mentions[members[-1]].end:mentions[members[-1] + 1].start]):
        members.append(members[-1] + 1)
    return (cue.start(), members) if i in members else None


def _without_phrases(text: str, start: int, end: int, phrases: list[TimePhrase]) -> str:
    """The text from ``start`` to ``end`` less the time phrases in it (``phrases`` in text order)."""
    parts, pos = [], start
    for p in phrases:
        if p.start >= end:
            break
        if p.end <= pos:
            continue
        parts.append(text[pos:max(pos, p.start)])
        pos = max(pos, p.end)
    parts.append(text[pos:end])
    return "".join(parts)


_PREPOSITIONS = tuple(load("cues")["clause_prepositions"])
_COUNTED_YEARS = re.compile(r"[一二三四五六七八九十两\d]+年")


def _lead_clause_noun(text: str, seg: Segmentation, c0: int, sentence_start: int, last_figure_end: int,
                      phrases: list[TimePhrase], subject: str | None) -> str | None:
    """A clause with no figure of its own names the topic the next clause's figure measures, in a chain of clauses
    over ，("核心区人工智能产业规模三年实现翻番,2023年达到1260亿元" measures 人工智能产业规模): its noun phrase, up to its
    verb. None when the clause before holds a figure (that figure's metric carries on) or is no clause of the
    sentence."""
    if c0 - 1 <= sentence_start or text[c0 - 1] not in "，,":
        return None
    p0 = seg.clause_start(c0 - 1)
    if last_figure_end > p0:
        return None
    raw = strip_phrase(_without_phrases(text, p0, c0 - 1, phrases), subject if subject and not subject.isascii() else None,
                       inner=False)
    if raw.startswith(_PREPOSITIONS) or _SPEECH_CLAUSE.search(raw):
        return None  # 按可比价格计算, (X)在...基础上: an adverbial, not a topic; 园区负责人介绍: who speaks, not what
    cut = _TOPIC_CUT.search(raw) if raw else None
    noun = _COUNTED_YEARS.split(raw[:cut.start()] if cut else raw)[0]
    return noun if len(noun) >= 2 else None


def _after_subject(topic: str, subject: str) -> str:
    """A sentence topic that opens with the end of the subject's name (松江枢纽项目 | 枢纽项目总投资: the district
    went with the lead) goes on after it."""
    for k in range(1, len(subject) - 1):  # a proper end: the whole name is dealt with by the caller
        tail = subject[k:]
        if len(tail) >= 2 and topic.startswith(tail) and len(topic) > len(tail):
            return topic[len(tail):]
    return topic


def _modifies_noun(text: str, p: TimePhrase) -> bool:
    """建成后高度: a completion phrase written right before a measure noun modifies it, and belongs to the metric (the
    height once built), where 目前 or 上半年 only date the figure."""
    return p.role == "now" and text[p.end - 1] in "后後" and "\u4e00" <= text[p.end:p.end + 1] <= "\u9fff"


def _metric(text: str, c: Context, clause_end: int, phrases, subject, previous: str | None, topic: str | None,
            kind: Kind, earlier: str | None = None) -> tuple[str | None, str]:
    """The figure's metric, by the ordered rules of ``metrics.METRIC_RULES``; a length of time written right after a
    time phrase (国庆假期7天) is the length of that time."""
    m = c.m
    held = next((p for p in phrases if p.end == m.start and p.role == "point"), None)
    if held is not None and m.unit in _DURATIONS:
        return text[held.start:held.end], "metric.length_of_period"
    after_at = m.end
    a = _APPROX_AFTER.match(text, after_at)
    if a:
        after_at = a.end()
    follows = text[after_at:after_at + 1]
    after = noun_after(text, after_at, clause_end) if ("\u4e00" <= follows <= "\u9fff" or follows == "“") else None
    raw = _without_phrases(text, c.previous_end, m.start, [p for p in phrases if not _modifies_noun(text, p)])
    own = strip_phrase(raw, subject if subject and not subject.isascii() else None)
    if topic and subject and not subject.isascii():
        topic = _after_subject(topic, subject)
    if topic and subject and topic in subject:
        topic = None  # the sentence is about the subject itself (杨浦滨江实现税收): no owner to name in the metric
    elif topic and subject and subject in topic:
        rest = strip_phrase(topic[topic.find(subject) + len(subject):], inner=False)  # 区内龙头企业商汤科技|研发人员
        topic = rest if len(rest) >= 2 and not rest.startswith(_PREPOSITIONS) else None
    return metric_with_rule(MetricContext(m.unit, kind, m.flags, own, raw, after, follows, previous, topic, earlier))


def _topic(text: str, seg: Segmentation, si: int, phrase_by_sentence, cache: dict) -> str | None:
    """What a sentence is about: the noun phrase before its first verb ("全区汽车产业实现工业产值..." → 汽车产业);
    a sentence that opens with 占 or a verb continues the topic of the sentence before it in the paragraph."""
    first = si
    while first not in cache and first > 0 and seg.sentences[first - 1].paragraph == seg.sentences[si].paragraph:
        first -= 1
    for k in range(first, si + 1):
        if k in cache:
            continue
        topic = _own_topic(text, seg, k, phrase_by_sentence)
        if topic is None and k > 0 and seg.sentences[k - 1].paragraph == seg.sentences[k].paragraph:
            topic = cache.get(k - 1)
        cache[k] = topic
    return cache[si]


def _own_topic(text: str, seg: Segmentation, si: int, phrase_by_sentence) -> str | None:
    s = seg.sentences[si]
    for c0, c1 in seg.clauses(s):
        raw = _without_phrases(text, c0, c1, phrase_by_sentence.get(si, [])).strip().rstrip("。；;！？!?")
        if not raw:
            continue
        if raw.startswith(("占", "佔")):
            return None
        if _LEAD_IN_CLAUSE.fullmatch(raw) or _SPEECH_CLAUSE.search(raw):
            continue  # 分区看, 在民生方面, 负责人介绍: a lead-in or a speaker names no topic; the clause after it does
        raw = strip_phrase(raw, inner=False)  # its head (全区, 其中) goes first, then it ends at its verb
        cut = _TOPIC_CUT.search(raw) if raw else None
        if cut:
            raw = strip_phrase(raw[:cut.start()], inner=False)  # and its approximator: 总投资约250亿元
        if not raw:
            continue  # "其中,": a lead-in, the topic comes after it
        return raw if len(raw) >= 2 else None
    return None
