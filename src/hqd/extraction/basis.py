"""The basis of a change (contract v1.2): what it is measured against, decided by a table of named rules."""

from __future__ import annotations

import re
from functools import cache
from typing import get_args

from ..model import Basis
from .figure import Figure
from .lang import load
from .lang.en import alternation, month_numbers, word_lists
from .lexicon import phrase_pattern
from .phrases import COMPARED_BY, EXCEEDED_BY, EXCEEDED_BY_CUES, TIMES_BASE_YEAR
from .rules import SKIP, RuleTable, key_words

BASIS: RuleTable[Basis | None] = RuleTable("basis", values=frozenset(get_args(Basis)))


@cache
def _patterns() -> dict[str, re.Pattern]:
    words = load("en", "basis")

    def any_of(key: str) -> str:
        return phrase_pattern(words[key])

    return {
        "sequential": re.compile(rf"(?<![\w-])(?:{any_of('sequential')})(?![\w-])", re.IGNORECASE),
        "year_on_year": re.compile(rf"(?<![\w-])(?:{any_of('year_on_year')})(?![\w-])", re.IGNORECASE),
        "average_rate": re.compile(rf"(?<![\w-])(?:{alternation('average_rate_leads')}\s+"
                                   rf"{alternation('rate_nouns')}|annually\s+on\s+average|on\s+average\s+annually"
                                   rf"|{alternation('yearly_quantifiers')}\s+year\s+on\s+average|on\s+average\s+{alternation('yearly_quantifiers')}\s+year|annually\s+at\s+an\s+average"
                                   rf"|per\s+annum\s+on\s+average|CAGR"
                                   # "grew by an average of 9.8 percent a year" (the figure taken out of the window)
                                   rf"|average\s+of\s+(?:{alternation('approximators')}\s+)?(?:{alternation('yearly_quantifiers')}|per)\s+year)(?![\w-])",
                                   re.IGNORECASE),
        "annual_average": re.compile(rf"(?<![\w-])(?:{any_of('annual_average')})(?![\w-])", re.IGNORECASE),
        "per_year_after": re.compile(rf"^\s*(?:{any_of('per_year')})(?![\w-])", re.IGNORECASE),
        # "compared with 2019", "over the end of 2020", "compared with the first half of 2019": a base year named
        "base_year": re.compile(rf"(?<![\w-])(?:{any_of('base_before_year')})\s+(?:(?:the|its)\s+)?(?:(?:end|close)\s+of\s+)?"
                                rf"(?:(?:{any_of('part_of_year')}|same\s+period)\s+(?:of\s+)?)?"
                                r"(?P<y>(?:19|20)\d\d)(?![\d-])(?:\s+" + alternation("base_level_nouns") + ")?", re.IGNORECASE),
        "part_of_year_base": re.compile(rf"(?<![\w-])(?:{any_of('base_before_year')})\s+(?:the\s+)?(?:{any_of('part_of_year')}|same\s+period)"
                                        r"\s+(?:of\s+)?(?:19|20)\d\d(?![\d-])", re.IGNORECASE),
        "earlier_in_year": re.compile(
            rf"(?<![\w-])(?:{any_of('base_before_period')})\s+(?:the\s+)?(?:(?:{any_of('part_of_year')})|(?:January|Jan\.?)\s*(?:-|–|—|to|through)\s*"
            rf"(?:{_month_names()}))(?:\s+of\s+{alternation('current_year_words')}\s+year)?(?![\w-])(?!\s+(?:of\s+)?{alternation('prior_year_deixis')}\s+year)"
            r"(?!\s+of\s+(?:19|20)\d\d)", re.IGNORECASE),
        # a month, quarter or half named as a base, not of another year: "from November", "compared with the third quarter"
        "part_named": re.compile(
            rf"(?<![\w-])(?:{any_of('base_before_period')})\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?)?(?:(?P<ord>first|second|third|fourth)\s+(?P<part>quarter|half)"
            rf"|(?P<month>{_month_names()})\.?)(?![\w-])(?!\s+(?:of\s+)?{alternation('prior_year_deixis')}\s+year)(?!,?\s+(?:of\s+)?(?:19|20)\d\d)",
            re.IGNORECASE),
        "year_end": re.compile(rf"(?<![\w-])(?:{any_of('base_before_period')})\s+(?:{any_of('year_end_base')})(?![\w-])", re.IGNORECASE),
        "time_word": re.compile(r"\b(?:(?:19|20)\d\d|year|years|period|month|quarter|earlier|ago|before)\b", re.IGNORECASE),
    }


def _month_names() -> str:
    return phrase_pattern(list(load("en", "months")["months"]))


def _window(f: Figure) -> str:
    """The words that can name a change's base: those of its own clause, and not past the figures beside it."""
    before = f.before if len(f.before) < len(f.clause_before) else f.clause_before
    after = f.after if len(f.after) < len(f.clause_after) else f.clause_after
    return before + " " + after


@BASIS.rule(("Jiading's GDP reached 100 billion yuan, while the number of firms fell to [2,000].", None))
def not_a_change(f: Figure):
    """Only a change has a base: a level, a share or a target has no basis."""
    return None if f.q.kind != "change" else SKIP


@BASIS.rule(("Retail sales in July grew [3.2%] month on month.", "sequential"),
            ("Output rose [4%] from the previous quarter.", "sequential"))
def sequential(f: Figure):
    """'month on month', 'quarter on quarter', 'from the previous month': a change against the period just before."""
    return "sequential" if _patterns()["sequential"].search(_window(f)) else SKIP


@BASIS.rule(("In the first three quarters, industrial output rose [2.1%] from January-August.", "sequential"),
            ("Industrial output in the first half was up [3.2%] compared with the first quarter.", "sequential"),
            ("Retail sales for January to September were up [3.4%] over the first eight months of this year.", "sequential"),
            ("Retail sales rose 3.1% in January–May, a gain of [0.6 percentage points] on January–April.",
             "sequential"), cues=key_words(load("en", "basis")["part_of_year"], ["January", "Jan"]))
def earlier_part_of_the_year(f: Figure):
    """'from January-August', 'than in the first half', 'over the first eight months': a running total compared with
    the shorter running total of the same year just before it is measured against the period just before."""
    return "sequential" if _patterns()["earlier_in_year"].search(_window(f)) else SKIP


_ORDINALS = word_lists("scales")["ordinals"]  # "first": 1, "second": 2, ...


def _named_part(m: re.Match) -> tuple[str, int]:
    """The granularity and number of the part of a year a base names ('the third quarter': quarter 3; 'November': month 11)."""
    if m["month"]:
        return "month", month_numbers()[m["month"].lower().rstrip(".")]
    return m["part"].lower(), _ORDINALS[m["ord"].lower()]


@BASIS.rule(("In December, exports rose [3.2%] from November.", "sequential"),
            ("Industrial output in the fourth quarter rose [2.4%] compared with the third quarter.", "sequential"),
            ("In January 2023, retail sales fell [1.5%] from December.", "sequential"),
            ("At the end of May, the office vacancy rate stood at 11.2%, down [1.4 percentage points] from the end of April.",
             "sequential", "2025-11-20"), cues=key_words(list(load("en", "months")["months"]), ["quarter", "half"]))
def period_just_before(f: Figure):
    """A change of a month, quarter or half measured against the one just before it, named ('up 3.2% from November',
    said of December; 'compared with the third quarter', of the fourth) is against the period just before."""
    period = f.period
    if period is None or period.is_span or period.granularity not in ("month", "quarter", "half"):
        return SKIP
    m = _patterns()["part_named"].search(_window(f))
    if m is None:
        return SKIP
    granularity, number = _named_part(m)
    _, first = period.first_month
    size = {"month": 1, "quarter": 3, "half": 6}[period.granularity]
    own = (first - 1) // size + 1
    before = own - 1 if own > 1 else 12 // size
    return "sequential" if granularity == period.granularity and number == before else SKIP


@BASIS.rule(("By the end of June, the balance of loans grew [7.8%] from the end of last year.", None),
            ("Loans were up [4%] compared with the beginning of the year.", None), cues=key_words(load("en", "basis")["year_end_base"]))
def since_the_year_end(f: Figure):
    """'from the end of last year', 'since the beginning of the year': a balance compared with its level at the turn of
    the year is neither the same period a year before nor the period just before; the contract's bases do not name it,
    so its basis stays null (eval/README.md's convention for 比上年末)."""
    return None if _patterns()["year_end"].search(_window(f)) else SKIP


@BASIS.rule(("In 2023, its GDP grew 6.1%, higher than the city's average by [1.2 percentage points].", None),
            ("In 2023, its GDP grew 6.1%, [1.2 percentage points] higher than the city average.", None),
            ("In May, the average daily rent was 6.1 yuan per square meter, about [15%] below the Zhangjiang level.", None))
def yardstick(f: Figure):
    """'higher than the city's average by 1.2 points', 'outpacing urban residents by 2.3 points', '1.2 percentage points
    higher than the city average': a difference from another measure at the same time, not a change over time, has no
    basis."""
    m = COMPARED_BY.search(f.before)
    if m is not None and not _patterns()["time_word"].search(f.before, m.start()):
        return None
    after = _YARDSTICK_AFTER.match(f.clause_after)
    if after is not None and not _patterns()["time_word"].search(after.group(0)) and not _patterns()["year_on_year"].search(after.group(0)):
        return None
    return SKIP


# "1.2 percentage points higher than the city average": the comparative after the figure, and what it is compared with
# or "20% below the Lujiazui level", "20 percent below market level"
_YARDSTICK_AFTER = re.compile(r"\s+(?:" + alternation("yardstick_comparatives") + r"\s+than|above|below)\s+(?:that\s+of\s+)?[^,;.]{3,60}", re.IGNORECASE)


@BASIS.rule(("In 2023, tax revenue exceeded the annual plan by [21 percent].", None),
            ("The county's goal of 2,000 new jobs for 2022 was exceeded by [350].", None), cues=EXCEEDED_BY_CUES)
def past_a_mark(f: Figure):
    """How far a figure went past a mark, a plan or a goal ('exceeded the annual plan by 21 percent', 'the goal ... was
    exceeded by 350'), is a difference from that mark, not from an earlier time: no basis (eval/README's convention for
    a goal 'exceeded by' an amount)."""
    return None if EXCEEDED_BY.search(f.before) else SKIP


@BASIS.rule(("In the first quarter, the town's retail sales grew [6%] year on year.", "yoy"),
            ("The port handled 20 million TEUs in 2022, up [3%] over the same period of the year before.", "yoy"),
            ("The plant shipped 8,700 vans in April, [1.9 times] the figure a year earlier.", "yoy"))
def year_on_year(f: Figure):
    """'year on year', 'over the same period', 'from a year earlier', 'than last year': a change against the same
    period a year before; not 'the same period of 2019', which names its own base year."""
    window = _window(f)
    if _SAME_PERIOD_OF_YEAR.search(window):
        return SKIP
    if f.q.unit == "times" and TIMES_BASE_YEAR.match(f.after if len(f.after) < len(f.clause_after) else f.clause_after):
        return SKIP  # "up 13.2% year on year and 2.1 times that of 2020": the multiple names its own base year
    period = f.period
    if period is not None and period.is_span and period.granularity == "year" and _SAME_PERIOD_ALONE.search(window):
        return SKIP  # "Since 2021 ... has grown by 72,000 over the same period": the span named before, no year-on-year
    return "yoy" if _patterns()["year_on_year"].search(window) else SKIP


_SAME_PERIOD_OF_YEAR = re.compile(r"\bsame\s+period\s+(?:of|in)\s+(?:19|20)\d\d\b", re.IGNORECASE)


@BASIS.rule(("Since the 14th Five-Year Plan began, industrial output has seen an average annual increase of [7.1%].", "annual_avg"),
            ("From 2016 to 2022, exports grew annually at an average rate of [9.8%].", "annual_avg"),
            ("Investment rose [6%] per year on average in 2019.", "annual_avg"),
            ("Sales of the county's tea growers rose by an average of [6.4 percent] a year.", "annual_avg"))
def average_annual_rate(f: Figure):
    """'an average annual increase of', 'annually at an average rate of', 'per year on average': an average yearly rate,
    whatever span it is averaged over."""
    return "annual_avg" if _patterns()["average_rate"].search(_window(f)) else SKIP


def average_rate_in_reach(f: Figure) -> bool:
    """Whether the words that can name the change's base call it an average annual rate."""
    return bool(_patterns()["average_rate"].search(_window(f)))


def base_year(f: Figure) -> int | None:
    """The base year a change names after it ('over 2020 levels', 'times the 2019 figure') or earlier in its sentence
    ('Compared with 2017, ...')."""
    p = _patterns()["base_year"]
    after = f.after if len(f.after) < len(f.clause_after) else f.clause_after
    if f.q.unit == "times":  # "2.3 times the 2019 figure": the multiple's word is in its span
        m = TIMES_BASE_YEAR.match(after) or _TIMES_WHAT_IN_YEAR.match(after)
        if m:
            return int(m["y"])
    m = _named_base(p, after) or _named_base(p, f.head)
    return int(m["y"]) if m else None


def _named_base(pattern: re.Pattern, stretch: str) -> re.Match | None:
    """The base year ``pattern`` finds in ``stretch``: only asked where a year's digits are (most stretches have none,
    found by a scan far quicker than the pattern's try at each place)."""
    return pattern.search(stretch) if _YEAR_DIGITS.search(stretch) else None


_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")  # what every base year the patterns name holds


_TIMES_WHAT_IN_YEAR = re.compile(r"\s+what\s+(?:[\w’'-]+\s+){1,4}?in\s+(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE)  # "2.5 times what it sold in 2019"
_SAME_PERIOD_ALONE = re.compile(r"\b(?:over|in|during)\s+the\s+same\s+period\b(?!\s+(?:of|last|a|the|in)\b)", re.IGNORECASE)


def base_is_part_of_a_year(f: Figure) -> bool:
    """Whether the base year a change names is a part of that year ("compared with the first half of 2019", "the same
    period of 2019"): the same stretch of an earlier year, not the whole year."""
    after = f.after if len(f.after) < len(f.clause_after) else f.clause_after
    p = _patterns()["part_of_year_base"]
    return bool(p.search(after) or p.search(f.head))


@BASIS.rule(("Compared with 2019, the district's output value in 2023 grew by [35%].", "cumulative"),
            ("In 2023, revenue grew by [40%] over 2020 levels.", "cumulative"),
            ("Retail sales in 2023 rose [4.2%] compared with 2022.", "yoy"),
            ("In 2024, exports reached 41.7 billion yuan, up 8.9% year on year and [1.6 times] those of 2019.", "cumulative"),
            ("In the first half of 2024, catering revenue reached 41.6 billion yuan, up 4.1%; compared with the first half "
             "of 2019, it was [18.2%] higher.", "cumulative", "2024-07-20"),
            ("Output was 86.3 billion yuan in 2022. Compared with 2017, it was up [31.6%], and from 2018 to 2022 it rose by "
             "an average of 4.4% a year.", "cumulative"),
            ("Imports came to 46 billion yuan in the first half of 2025, [1.7 times] the total for the first half of 2023.",
             "cumulative"))
def base_year_named(f: Figure):
    """'compared with 2019', 'over 2020 levels', 'times the 2020 figure': a base year named. A base one year before the
    figure's own year is the year before (yoy); an earlier one makes the change cumulative over the years between."""
    base = base_year(f)
    if base is None:
        return SKIP
    end = f.period.end_year if f.period is not None else f.year
    if end is None:
        return SKIP
    gap = end - base
    return "cumulative" if gap >= 2 else "yoy" if gap == 1 else SKIP


_COORDINATED_CLAUSE = re.compile(r",\s*" + alternation("clause_conjunctions") + r"\s|;\s")  # a clause with a subject and verb of its own


@BASIS.rule(("Between 2016 and 2022, the average annual output value per mu rose by [12%].", "annual_avg"),
            ("Since 2018, exports have grown [8%] a year.", "annual_avg"))
def annual_over_years(f: Figure):
    """Over a span of years, a change of an average annual measure, or a change 'a year' / 'annually', is an average
    yearly rate; said in the figure's own clause ('exports rose at an average annual rate of 5.3%, and foreign trade
    increased by 42%': the second is the whole change)."""
    if f.period is None or f.period.months <= 12:
        return SKIP
    joins = list(_COORDINATED_CLAUSE.finditer(f.head))
    own = f.head[joins[-1].end():] if joins else f.head  # from the last coordinated clause's start
    if _patterns()["annual_average"].search(own) or _patterns()["per_year_after"].match(f.after):
        return "annual_avg"
    return SKIP


@BASIS.rule(("Since 2018, the number of high-tech enterprises has grown by [155%].", "cumulative"),
            ("Since 2020, it has opened 45 new schools. Its student population has grown by [31,000] over the same period.",
             "cumulative"),
            ("Since 2019, tax revenue has risen at an average annual rate of 7.2%, and exports have increased by [38%].", "cumulative"),
            ("During the 13th Five-Year Plan period, energy use was reduced by [77,872 tons of standard coal].", "cumulative"))
def over_years(f: Figure):
    """A change over a span of more than a year, with no other base named, is the whole change over that span."""
    return "cumulative" if f.period is not None and f.period.months > 12 else SKIP


@BASIS.rule(("In the first two months, the county's tourism income reached 3.18 billion yuan, a rise of [19.4%].", "yoy"),
            ("In 2019, the per capita income was 31,336 yuan, an increase of [9.5%].", "yoy"))
def within_a_year(f: Figure):
    """A growth over a year or less (a year, a half, a quarter, some months) naming no other base is against the same
    period a year before: so statistics are reported."""
    return "yoy" if f.period is not None and f.period.months <= 12 else SKIP


@BASIS.rule(("The approval time was cut by [66%].", None))
def undecided(f: Figure):
    """A change with no period and no base in reach: the text does not let a reader decide."""
    return None


def assign_basis(text, seg, quantities, year: int | None) -> None:
    """Set the basis of every quantity (null for all but changes), recording the rule that set it."""
    for i, q in enumerate(quantities):
        BASIS.apply(Figure(text, seg, quantities, i, year), q)
