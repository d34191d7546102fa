"""Kind, basis, approx and sign of a Chinese figure: small named rules in ordered tables.

Each rule reads a ``Context`` and returns its answer, or None to pass to the next rule. The first answer wins.
Each rule's docstring states the fact of Chinese it encodes; the tests give each rule its own examples.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Callable, Literal, TypeVar

from ....model import Approx, Basis, Kind, Period
from .lexicon import alternation, load
from .numbers import Mention
from .periods import TimePhrase

T = TypeVar("T")
D = TypeVar("D")
# what a basis rule answers: a basis, or "none" for a null that ends the search (a base that is no period)
BasisAnswer = Basis | Literal["none"]

_CUES = load("cues")
_UP = alternation(_CUES["change_up"])
_DOWN = alternation(_CUES["change_down"])
_SOFT = r"(?:了|达|達|为|為|约|約|近|超过|超|逾|达到|至少|不到|不足|仅|僅|只有|\s)*"
# a change verb right before the figure: 增长7.4%, 比上年增长 4.8%, 下降了约3%
_VERB_BEFORE = re.compile(r"(?P<verb>" + _UP + "|" + _DOWN + r")(?P<to>[到至])?" + _SOFT + r"$")
_NOUN_BEFORE = re.compile(r"(?P<noun>" + alternation(_CUES["change_nouns_up"] + _CUES["change_nouns_down"]) + r")(?:是|为|為|达|達|\s)*" + _SOFT + r"$")
_COMPARE = re.compile(r"(?P<cmp>" + alternation(_CUES["compare_up"] + _CUES["compare_down"]) + r")")
# 减少能耗77872吨标准煤: a verb, its object, then the amount
_VERB_OBJECT = re.compile(r"^(?:累计|累計|共|已|同比|全年|分别)?(?P<verb>增加|减少|減少|降低|提高|扩大|缩小|节约|節約|节省|压减|削减)(?P<obj>[^\d，,、：:；;。]{1,8})$")
_SHARE = re.compile(alternation(_CUES["share_cues"]))
_RATE_BEFORE = re.compile(r"率(?:为|為|是|达|達)?\s*$")
# a goal word followed by 的 is a noun, the plan itself (完成年度计划的65%, 全年目标的60%, 目标任务的128%), not a goal cue
# ... and a goal word heading a compound noun names no goal: 预期寿命 (life expectancy), 目标企业 (firms sought)
_GOAL = re.compile(r"(?:" + alternation(_CUES["goal_cues"]) + r")(?!定位|导向|導向|的|任务的|任務的|寿命|壽命|企业|企業|客户|客戶|人群|群体|群體|对象|對象|用户|用戶|市场|市場)")
_BASIS = {name: re.compile(alternation(words)) for name, words in _CUES["basis"].items()}
_BASE_YEAR = re.compile(r"[比较較](?P<y>(?:19|20)\d{2})\s?年")
_APPROX_BEFORE = re.compile(r"(?P<cue>" + alternation(_CUES["approx_before"]) + r")(?:了|达|為|为)?\s?$")
_APPROX_AFTER = re.compile(r"\s?(?P<cue>" + alternation(_CUES["approx_after"]) + ")")
_DOWN_WORDS = set(_CUES["change_down"]) | set(_CUES["change_nouns_down"]) | {"低于", "低於", "慢于", "慢於"}


@dataclass(slots=True)
class Context:
    text: str
    m: Mention
    clause_start: int
    sentence_start: int
    period: Period | None
    phrase: TimePhrase | None
    phrases_in_sentence: list[TimePhrase]
    previous_end: int  # end of the figure before this one in the clause, or the clause start
    anchor: int | None
    full_start: int = 0  # start of the whole sentence (。-level)
    goals: "GoalIndex | None" = None
    in_plan: bool = False  # under a heading of the year's tasks (二、2024年主要任务)


    @property
    def before(self) -> str:
        """The clause up to the figure, from the figure before it (so one clause's cue is not read twice)."""
        return self.text[self.previous_end:self.m.start]

    @property
    def clause_before(self) -> str:
        """The clause up to the figure (its last 60 characters: a cue further back belongs to something else)."""
        return self.text[max(self.clause_start, self.m.start - 60):self.m.start]

    def after(self, n: int = 6) -> str:
        return self.text[self.m.end:self.m.end + n]


@dataclass(slots=True)
class GoalIndex:
    """Where goal cues end and where past spans start, over the whole text (found once; looked up by bisection)."""

    cue_ends: list[int] = field(default_factory=list)
    past_starts: list[int] = field(default_factory=list)

    @classmethod
    def of(cls, text: str, phrases: list[TimePhrase]) -> "GoalIndex":
        return cls([m.end() for m in _GOAL.finditer(text) if is_goal_cue(text, m)],
                   sorted(p.start for p in phrases if p.role in ("years", "since", "span")))


# 完成了...目标, 超额完成全年目标, 圆满完成“十三五”规划确定的主要目标, 已提前完成: a goal reported as met
_MET_BEFORE = re.compile(r"(?:(?:已经?|提前|超额|超額|圆满|圓滿|顺利|順利|胜利|勝利|较好|較好|全面)地?(?:完成|实现|實現|达成|達成|达到|達到)"
                         r"|(?:完成|实现|實現|达成|達成|达到|達到)了)[^，,。；;：:！？]{0,16}$")
_SET_EARLIER = re.compile(r"(?:完成|实现|實現|达成|達成)[^，,。；;：:！？]{0,12}确定的[^，,。；;：:！？]{0,8}$")
# 目标任务顺利完成, 主要预期目标全面完成, 目标任务完成情况: the goal is the subject of its completion
_MET_AFTER = re.compile(r"(?:目标|目標)?(?:任务|任務)?(?:已经?|均|都|全部|全面|圆满|圓滿|顺利|順利|超额|超額|基本|较好|較好)*"
                        r"(?:完成|实现|實現|达成|達成)")
# 比计划多完成, 较预期, 超预期, 按计划: the plan is a base or a manner, not a goal of what follows
_BASE_BEFORE = re.compile(r"(?:[比较較超按]|高于|低于|好于|优于|高於|低於|好於|優於)$")
# 低于市下达的控制目标, 对照年初目标: a comparison a few words before the plan's noun
_COMPARED_TO = re.compile(r"(?:高于|低于|好于|优于|快于|慢于|高於|低於|好於|優於|快於|慢於|对照|對照|对比|對比|相比)[^，,。；;：:]{0,8}$")
_PLAN_NOUNS = ("目标", "目標", "计划", "計劃", "预期", "預期")
_NOUN_LEADS = ("预期", "預期", "规划", "規劃", "计划", "計劃", "年度", "控制", "既定")
# 拟 inside a word: 模拟 (simulate), 虚拟 (virtual), 草拟 (draft)
_NOT_PLAN = ("模", "虚", "虛", "草", "比")


def is_goal_cue(text: str, m: re.Match) -> bool:
    """Whether a goal word marks what follows as a goal. It does not when the goal is reported as met (超额完成全年目标,
    实现了预期目标, 完成年初确定的目标任务, 主要预期目标顺利完成, 确保了), when the plan is a base (比计划多完成300个, 超预期,
    高于预期目标0.2个百分点, 对照年初目标),
    when 计划 names a programme (《三年行动计划》, 实施工业精品创造计划,), or when 拟 is part of a word (可模拟100余种)."""
    start, cue = m.start(), m.group()
    if text.startswith("了", m.end()):
        return False  # 确保了, 实现了预期: done
    lead = start - 2 if text[start - 2:start] in _NOUN_LEADS else start  # 比预期目标: the base is the whole noun
    if _BASE_BEFORE.search(text, max(0, lead - 2), lead) or cue in _PLAN_NOUNS and _COMPARED_TO.search(text, max(0, lead - 12), lead):
        return False
    if cue in ("拟", "擬"):
        return text[start - 1:start] not in _NOT_PLAN
    if cue in ("计划", "計劃") and (text[m.end():m.end() + 1] in "，,。；;、)）》”" or in_title(text, start)):
        return False
    clause = max(text.rfind(mark, max(0, start - 40), start) for mark in "，,。；;：:\n") + 1
    if _MET_BEFORE.search(text, clause, start) or _SET_EARLIER.search(text, clause, start):
        return False
    if cue in ("目标", "目標") or text.startswith(("目标", "目標"), m.end()):
        return not _MET_AFTER.match(text, m.end() + (2 if cue in ("预期", "預期") else 0))
    return True


def in_title(text: str, at: int) -> bool:
    """Inside 《》: the title of a document (《嘉定区新能源汽车产业发展三年行动计划》)."""
    opened = text.rfind("《", max(0, at - 40), at)
    return opened >= 0 and text.find("》", opened, at) < 0


# ---------------------------------------------------------------- kind

_OVER = re.compile(r"(?:超过|超過|超|逾|高于|不低于|不少于|达到|達到)$")
_MONEY = {"CNY", "USD", "EUR", "HKD", "JPY", "GBP"}
_THING_COUNTERS = "家个個项項所座批台臺套条條艘架"  # not 人 名 位: 500人以上企业 grades firms by their staff


def attributive_threshold(text: str, m: Mention) -> bool:
    """亿元以上产业项目, 5000万元以上的企业, 估值超过10亿元的企业, 营收超十亿元企业: a threshold that qualifies a
    noun names a class of things, not an amount at a time. A counter of things before 以上 counts the noun after it
    instead (引进30家以上国际知名资产管理机构: thirty institutions or more)."""
    if text.startswith(("以上", "以下"), m.end):
        if m.unit == "count" and m.text[-1:] in _THING_COUNTERS:
            return False
        nxt = text[m.end + 2:m.end + 3]
        return bool(nxt) and ("\u4e00" <= nxt <= "\u9fff" or nxt == "的") and nxt not in "，。；"
    if m.unit not in _MONEY or not _OVER.search(text, max(0, m.start - 3), m.start):
        return False
    nxt = text[m.end:m.end + 2]
    return nxt[:1] == "的" or nxt in ("企业", "项目", "楼宇", "产业", "平台", "集群", "商圈")


def kind_attributive_threshold(c: Context) -> Kind | None:
    """A threshold that qualifies a noun (引进亿元以上产业项目100个) names a class of things, not an amount to reach:
    a level, even under a goal cue (the eval README's convention: kind level, period null)."""
    return "level" if attributive_threshold(c.text, c.m) else None


_COMPLETION = re.compile(r"(?:建成|投产|达产|竣工|投用|运营|完工)(?:后|後)")
_PAST_YEAR = re.compile(r"(?:19|20)\d{2}\s?年|去年|上年|已经|已")


_AREA_UNITS = ("m2", "km2", "ha", "mu")
_SIZE_NOUN = re.compile(r"(?:建筑|建築|占地|佔地|规划|規劃)?面积|(?:建筑|建築|占地|佔地)?面積")


def size_of_a_thing_to_come(c: Context) -> bool:
    """愛奇藝新總部大樓預計於今年第四季度竣工,總建築面積約18萬平方米: a size stated as an attribute in its own clause,
    after a clause that promises the thing, describes it: a level with no period (the eval README's convention); the
    promise is the milestone's; so is one after a clause that dates the thing's completion in the future
    (上海湾区科创中心二期将于明年6月竣工,新增研发办公面积12万平方米). Not a size the clause itself promises
    (将新增商务楼宇面积) or one once built (建成后); but a clause opened by 届时 (by then: when the thing opens) gives the
    thing's size even with 将 in it (外滩源二期项目将于明年上半年竣工,届时将新增甲级办公面积约15万平方米)."""
    if c.m.unit not in _AREA_UNITS or not _SIZE_NOUN.search(c.clause_before) or "后" in c.clause_before:
        return False
    goals = c.goals or GoalIndex.of(c.text, c.phrases_in_sentence)
    if goal_cue_before(goals, c.clause_start, c.m.start) and not c.text.startswith("届时", c.clause_start):
        return False
    dated = any(p.role == "deadline" and c.full_start <= p.start < c.clause_start for p in c.phrases_in_sentence)
    return dated or goal_cue_before(goals, c.full_start, c.m.start)


def kind_size_attribute(c: Context) -> Kind | None:
    """See ``size_of_a_thing_to_come``: a level."""
    return "level" if size_of_a_thing_to_come(c) else None


def kind_after_completion(c: Context) -> Kind | None:
    """建成后 投产后 达产后 (once built, once producing) before a figure describe the project as planned: a target
    ("建成后高度达220米", "达产后年产值50亿元"), unless its clause dates the completion in the past (2020年建成后)."""
    before = c.clause_before
    done = None
    for done in _COMPLETION.finditer(before):
        pass
    if done is None or _PAST_YEAR.search(before, 0, done.start()):
        return None
    return "target"


def kind_growth_multiple(c: Context) -> Kind | None:
    """增长1.8倍 counts the growth (contract v1.2): a change, already read as +180 percent."""
    return "change" if "growth_multiple" in c.m.flags else None


def kind_goal(c: Context) -> Kind | None:
    """力争 目标 预期 预计 计划 争取 确保 mark a goal for what follows them in the sentence, as does a deadline yet to
    come (到2025年); a past time phrase between the cue and the figure ends the goal's reach
    ("预计完成4000亿元以上,五年年均增长15%": the 15% is the past five years')."""
    if reported_done(c):
        return None
    if c.phrase is not None and c.phrase.role == "deadline":
        return "target"
    goals = c.goals or GoalIndex.of(c.text, c.phrases_in_sentence)
    k = bisect_right(goals.cue_ends, c.m.start) - 1
    if k < 0 or goals.cue_ends[k] <= c.full_start:
        return None
    cue_at = goals.cue_ends[k]
    j = bisect_left(goals.past_starts, cue_at)
    if j < len(goals.past_starts) and goals.past_starts[j] < c.m.start:
        return None
    return None if _time_come_after(c, cue_at) else "target"


_DONE = re.compile(r"(?<!而)已")
# 实现地区生产总值增长6%左右的目标: the figure inside what 目标 names
_GOAL_NAMED_AFTER = re.compile(r"[^，,。；;：:\d]{0,8}?的(?:预期|預期|发展|發展|奋斗|奮鬥)?(?:目标|目標)")


def kind_goal_named_after(c: Context) -> str | None:
    """A figure in the phrase that 的目标 ends (努力实现地区生产总值增长6%左右的目标) is the goal's value: a target,
    unless its clause reports the goal met (实现了增长6%的目标)."""
    if not _GOAL_NAMED_AFTER.match(c.text, c.m.end):
        return None
    before = c.text[c.clause_start:c.m.start]
    return None if _MET_BEFORE.search(before) or _DONE.search(before) else "target"


def reported_done(c: Context) -> bool:
    """已 (already) before the figure in its clause reports what is done, not what is aimed at, even in a goal's
    sentence ("力争达到3000家,目前已达到2400家", "今年计划完成投资200亿元,1-9月已完成150亿元")."""
    return bool(_DONE.search(c.text, max(c.clause_start, c.previous_end), c.m.start))


def _time_come_after(c: Context, cue_at: int) -> bool:
    """A time already come that opens a later clause than the goal cue's reports how things went then: a part of a
    year (预计全年增长6%,前三季度增长5.8%), a past year (力争全年增长6%,去年增长5.1%) or the present (将打造千亿级产业
    集群,目前园区集聚企业300家); the goal's reach ends there. One right after the cue is the goal's (力争上半年完成)."""
    for p in c.phrases_in_sentence:
        if not (cue_at <= p.start < c.m.start and re.search(r"[，,；;]", c.text[cue_at:p.start])):
            continue
        if p.role == "now" and c.text[p.end - 1] not in "后後" or p.role == "point" and (_is_part(p) or _past_year(p, c.anchor)):
            return True
    return False


def _past_year(p: TimePhrase, anchor: int | None) -> bool:
    return bool(p.period and p.period.isdigit() and anchor and int(p.period) < anchor)


def _is_part(p: TimePhrase) -> bool:
    """A part of a year: 上半年 1-9月 截至7月底 with no year (kept raw), or 2023年上半年 (2023-H1)."""
    return p.period is not None and (p.relative or "-" in p.period)


_OF_BASE = re.compile(r"(?:是|为|為|相当于|相當於|达到|達到)[^，,。；;]{0,12}的\s?$")


_LAST_YEAR_BASE = re.compile(r"去年|上年")


def kind_multiple_of_base(c: Context) -> Kind | None:
    """是2017年的2倍 (twice the 2017 figure), 是去年同期的1.6倍: a multiple of an earlier year's figure states the change
    since then (the contract's "1.8 times the 2020 figure" is cumulative); a multiple of another thing's (全市平均的1.5倍)
    is no change."""
    if c.m.unit != "times":
        return None
    of = _OF_BASE.search(c.clause_before)
    if not of:
        return None
    if _LAST_YEAR_BASE.search(of.group()):
        return "change"  # 是去年同期的1.6倍: the year before is the base (year on year)
    return "change" if any(p.role == "base" and not p.relative for p in _phrases_before(c)) else None


def kind_points(c: Context) -> Kind | None:
    """个百分点 is a difference between two percentages, so always a change (拉动增长1.2个百分点, 提高1.6个百分点)."""
    return "change" if c.m.unit == "pp" else None


def kind_fraction_share(c: Context) -> Kind | None:
    """N分之M and N成 state a part of a whole (三分之一的税收, 近七成): a share; but N成 right after a change verb
    (增长两成, 增加近三成, 营收增逾两成, 下降一成) is the size of the change, N×10 percent."""
    if not c.m.flags & {"fraction", "tenths"}:
        return None
    if "tenths" in c.m.flags:
        v = _VERB_BEFORE.search(c.before)
        if v and not v.group("to"):
            return "change"
    return "share"


def kind_change_verb(c: Context) -> Kind | None:
    """增长 增加 提高 上升 / 下降 减少 降低 回落 right before a figure state a change (同比增长7.4%); with 到 or 至
    after the verb (增加到, 降至) the figure is the level reached. 增幅 增速 (为) likewise name a change."""
    if c.m.unit == "permille" and _RATE_BEFORE.search(c.before):
        return "level"  # 自然增长率为-3.2‰: a rate per thousand (出生率, 自然增长率) is the level of that rate
    v = _VERB_BEFORE.search(c.before)
    if v:
        if v.group("to"):
            # 比重提高到22.8%: the share reached
            return "share" if c.m.unit == "percent" and _SHARE.search(c.clause_before) else "level"
        if v.group("verb") in ("多", "少", "升", "降", "增", "减", "減", "涨", "跌") and not _single_ok(c.before, v.start()):
            return None
        return "change"
    if _NOUN_BEFORE.search(c.before):
        return "change"
    if _VERB_OBJECT.search(c.clause_before) and c.m.unit not in ("percent",):
        return "change"
    return None


def _single_ok(before: str, at: int) -> bool:
    """A one-character verb (增, 降) reads as a change only after a base (同比增, 比上年降) or at the clause's head."""
    lead = before[max(0, at - 4):at]
    return at == 0 or bool(re.search(r"同比|比上年|比去年|较上年|环比|年均|[比较]\d{4}年|[，,]$", lead))


def kind_share_cue(c: Context) -> Kind | None:
    """占 占比 比重 (进度) before a percentage or a permille, or 的 right after it (70%的企业, 不足千分之四的面积) or right
    before it (完成年度预算的71.5%), state a part of a whole: a share."""
    if c.m.unit not in ("percent", "permille"):
        return None
    if _SHARE.search(c.clause_before):
        return "share"
    if c.after(1) == "的" or c.clause_before.endswith("的"):
        return "share"  # 70%的企业; 完成年度预算的71.5%
    return None


def goal_cue_before(goals: GoalIndex, full_start: int, at: int) -> bool:
    """A goal cue earlier in the same whole sentence, with no past span between it and ``at``."""
    k = bisect_right(goals.cue_ends, at) - 1
    if k < 0 or goals.cue_ends[k] <= full_start:
        return False
    j = bisect_left(goals.past_starts, goals.cue_ends[k])
    return not (j < len(goals.past_starts) and goals.past_starts[j] < at)


def kind_plan_section(c: Context) -> Kind | None:
    """Under a work report's heading of the coming year's tasks ("二、2024年主要预期目标和重点任务"), every figure
    is a goal of that year."""
    return "target" if c.in_plan else None


KIND_RULES = (kind_attributive_threshold, kind_size_attribute, kind_growth_multiple, kind_goal, kind_goal_named_after,
              kind_after_completion, kind_plan_section,
              kind_multiple_of_base, kind_points, kind_fraction_share, kind_change_verb, kind_share_cue)


def first_rule(rules: tuple[Callable[[Context], T | None], ...], c: Context, attribute: str, default: D) -> tuple[T | D, str]:
    """The answer of the first rule in ``rules`` that gives one, and that rule's name ("kind.change_verb", as
    ``Quantity.why`` records it: what ``hqd extract --explain`` and ``hqd eval --verbose`` show); else ``default``
    and the name "<attribute>.otherwise"."""
    prefix = attribute + "_"
    for rule in rules:
        answer = rule(c)
        if answer is not None:
            return answer, f"{attribute}.{rule.__name__.removeprefix(prefix)}"
    return default, f"{attribute}.otherwise"


def kind_with_rule(c: Context) -> tuple[Kind, str]:
    """The kind, and the rule that decided it (level when none does)."""
    return first_rule(KIND_RULES, c, "kind", "level")


def decide_kind(c: Context) -> Kind:
    return kind_with_rule(c)[0]


# ---------------------------------------------------------------- basis (for a change)

def basis_cue(c: Context) -> BasisAnswer | None:
    """同比 比上年 (yoy), 年均 两年平均 (annual_avg), 环比 (sequential) name the base of a change in its clause, before
    the figure; so does a base period after 比 较 与: a year (比2019年同期, 与2017年相比: cumulative, or yoy for the
    year before) or the months before (增速比1-7月提高: sequential). A base said in an earlier clause of the sentence
    ("与2017年相比,地区生产总值增长32.6%") holds when the figure's clause names none."""
    before = c.before
    offset = c.m.start - len(before)
    found: list[tuple[int, str]] = []
    for name, pattern in _BASIS.items():
        for m in pattern.finditer(before):
            found.append((offset + m.end(), name))
    before_figure = _phrases_before(c)
    for p in reversed(before_figure):
        if p.role == "base" and (p.start >= offset or not found):
            found.append((p.end, _base_basis(p, c)))
            break
    if not found:
        return None
    return max(found)[1]


def _phrases_before(c: Context) -> list[TimePhrase]:
    """The sentence's time phrases that end before the figure (the pack passes only the last few before it)."""
    return [p for p in c.phrases_in_sentence if p.end <= c.m.start]


def _base_basis(p: TimePhrase, c: Context) -> str:
    if p.relative:
        return "sequential"
    year = int(p.period[:4])
    end = _period_year(c.period) or c.anchor
    return "yoy" if end is not None and end - year <= 1 else "cumulative"


def base_year(c: Context) -> int | None:
    """The year after 比 or 与...相比 when it is a whole year (not 同期): the change runs from it to the frame's year."""
    for p in reversed(_phrases_before(c)):
        if p.role != "base":
            return None  # a time phrase after the base dates the figure itself (2018—2022年年均增长)
        if not p.relative and p.n == 0 and p.period and len(p.period) == 4:
            return int(p.period)
    return None


_STOCK_BASE = re.compile(alternation(_CUES["stock_bases"]))


def basis_compared(c: Context) -> BasisAnswer | None:
    """高于 / 低于 (全市...) compare with another place, not another time; 比上年末 比年初 compare a stock with the
    stock at an earlier point, not a period with a period: either way the base is no period, so null."""
    return "none" if _COMPARE.search(c.before) or _STOCK_BASE.search(c.before) else None


def basis_from_period(c: Context) -> BasisAnswer | None:
    """A change over a period of a year or less that names no base is year on year; over several years, cumulative."""
    if not c.period:
        return None
    period = c.period
    return "cumulative" if period.is_span and period.start_year != period.end_year else "yoy"


BASIS_RULES = (basis_compared, basis_cue, basis_from_period)


def basis_with_rule(c: Context) -> tuple[Basis | None, str]:
    """The basis of a change, and the rule that decided it (null when none does)."""
    answer, name = first_rule(BASIS_RULES, c, "basis", None)
    return (None if answer == "none" else answer), name


def decide_basis(c: Context) -> Basis | None:
    return basis_with_rule(c)[0]


def _period_year(period: Period | None) -> int | None:
    return period.end_year if period else None


# ---------------------------------------------------------------- approx

def approx_inside(c: Context) -> Approx | None:
    """多 and 余 between a number and its unit mean more than it: 600多家, 6100余家 (>)."""
    return c.m.approx


def approx_before(c: Context) -> Approx | None:
    """约 近 将近 接近 (~), 超过 逾 突破 超 (>), 不低于 至少 (>=), 不到 不足 低于 小于 (<), 不超过 (<=) right before."""
    m = _APPROX_BEFORE.search(c.text, max(0, c.m.start - 5), c.m.start)
    if m and m.group("cue") in ("约", "約") and c.text[m.start() - 1:m.start()] in _WORDS_ENDING_IN_YUE:
        return None  # 签约4826户, 节约能耗: 约 ends a word here (to sign, to save), no approximator
    return _CUES["approx_before"][m.group("cue")] if m else None


_WORDS_ENDING_IN_YUE = set("签簽合预預节節制公特履违違条條契邀")


_APPROX_VERB = re.compile(r"(?P<cue>约|約|大约|近|将近|超过|超過|逾)(?:占|佔)[^，,。；;]{0,14}?的?\s?$")


def approx_verb(c: Context) -> Approx | None:
    """约占 近占 超过占 ...的N%: the approximator stands before the verb of a share ("约占全市的十分之一")."""
    m = _APPROX_VERB.search(c.clause_before)
    return _CUES["approx_before"].get(m.group("cue"), "~") if m else None


def approx_after(c: Context) -> Approx | None:
    """左右 上下 (~), 以上 (>), 以下 (<), 以内 (<=) right after the figure; 多 after a multiple (4倍多: more than four
    times)."""
    if c.m.unit == "times" and c.text.startswith("多", c.m.end):
        return ">"
    m = _APPROX_AFTER.match(c.text, c.m.end)
    return _CUES["approx_after"][m.group("cue")] if m else None


APPROX_RULES = (approx_inside, approx_before, approx_after, approx_verb)


def approx_with_rule(c: Context) -> tuple[Approx, str]:
    """The approximator, and the rule that decided it (exact when none does)."""
    return first_rule(APPROX_RULES, c, "approx", "=")


def decide_approx(c: Context) -> Approx:
    return approx_with_rule(c)[0]


# ---------------------------------------------------------------- sign

def is_decrease(c: Context) -> bool:
    """下降 减少 降低 回落 下滑 (and 降幅, 低于) make a change negative: 下降9.7% is -9.7."""
    v = _VERB_BEFORE.search(c.before)
    if v:
        return v.group("verb") in _DOWN_WORDS
    n = _NOUN_BEFORE.search(c.before)
    if n:
        return n.group("noun") in _DOWN_WORDS
    cmp_ = None
    for cmp_ in _COMPARE.finditer(c.before):
        pass
    if cmp_ is not None:
        return cmp_.group("cmp") in _DOWN_WORDS
    vo = _VERB_OBJECT.search(c.clause_before)
    return bool(vo and vo.group("verb") in _DOWN_WORDS | {"节约", "節約", "节省", "压减", "削减"})
