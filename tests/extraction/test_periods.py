import pytest

from hqd.extraction import extract_text
from hqd.extraction.periods import find_time_phrases


@pytest.mark.parametrize(
    "phrase, year, period",
    [
        ("In the first half of this year, GDP", 2023, "2023-H1"),
        ("in the second half of last year", 2023, "2022-H2"),
        ("between January and July", 2023, "2023-01/2023-07"),
        ("January to June", 2023, "2023-H1"),
        ("from January to March 2022", 2023, "2022-Q1"),
        ("the first seven months of this year", 2023, "2023-01/2023-07"),
        ("As of July this year", 2023, "2023-01/2023-07"),
        ("last year", 2023, "2022"),
        ("in 2022", 2023, "2022"),
        ("Since 2018, the district", 2023, "2018/2023"),
        ("Since the inception of the 14th Five-Year Plan period", 2023, "2021/2023"),
        ("during the 13th Five-Year Plan period", 2023, "2016/2020"),
        ("by the conclusion of the 14th Five-Year Plan period", 2023, "2025"),
        ("within the next five years", 2023, "2028"),
        ("this December", 2023, "2023-12"),
        ("by the year’s end", 2023, "2023"),
        ("in the second quarter of next year", 2020, "2021-Q2"),
        ("from 2015 to 2022", 2023, "2015/2022"),
        ("In January–July, the economy", 2025, "2025-01/2025-07"),  # an en dash: a range, not "in January"
        ("in January—July", 2025, "2025-01/2025-07"),
    ],
)
def test_period_resolution(phrase, year, period):
    found = find_time_phrases(phrase, year, 8)
    assert [p.period for p in found] == [period]


def test_relative_years_need_a_briefing_date():
    assert find_time_phrases("last year revenue", None) == []
    assert [p.period for p in find_time_phrases("in 2019 revenue", None)] == ["2019"]


def test_comparison_base_is_not_a_period():
    assert find_time_phrases("up 5% over the same period last year", 2023, 8) == []


def test_first_three_quarters_and_news_date_line():
    from hqd.extraction.metadata import extract_meta

    assert [p.period for p in find_time_phrases("in the first three quarters of this year", 2023, 11)] == ["2023-01/2023-09"]
    meta = extract_meta("Pudong GDP up 5.6%\n2023-11-05 10:23:45\n\nPudong New Area's GDP grew in the first three quarters.")
    assert meta.published == "2023-11-05" and meta.date is None and meta.district == "Pudong"


@pytest.mark.parametrize("text, period", [
    ("In Q1-Q3, retail sales rose.", "2024-01/2024-09"),
    ("In Q3, output fell.", "2024-Q3"),
    ("Q1-Q2 exports grew.", "2024-H1"),
    ("In H1 2023, GDP rose.", "2023-H1"),
    ("During H2, sales fell.", "2024-H2"),
    ("Q3 2024 output rose.", "2024-Q3"),
])
def test_abbreviated_quarters_and_halves(text, period):
    assert [p.period for p in find_time_phrases(text, 2024)] == [period]


def test_a_bare_h1_or_q3_may_be_a_name():
    assert find_time_phrases("The H1 gene and Route Q3 were studied.", 2024) == []


def test_first_character_lookaheads_never_drop_a_match(seed_texts):
    """Each time pattern starts with a lookahead on its first characters, for speed; without it, the same matches."""
    import re

    from hqd.extraction.periods import _PATTERNS

    texts = [p.read_text("utf-8") for p in seed_texts] + [
        "In Q1-Q3 and during H2 2023, from January to June, as of May, this March, by the end of the 14th Five-Year Plan, "
        "at the start of the 13th Five-Year Plan period, since the beginning of the 14th Five-Year Plan, over the 2021-2023 "
        "period, commencing in 2019, within the next three years, over the past five years, by the end of this year, by 2025, "
        "throughout 2022, 2023's output, last year, a year earlier, the first two quarters of 2023, the first 10 months."
    ]
    for name, pattern in _PATTERNS:
        bare = re.compile(re.sub(r"^\(\?=\[[^\]]+\]\)\(\?:(.*)\)$", r"\1", pattern.pattern, flags=re.S), pattern.flags)
        assert bare.pattern != pattern.pattern, name
        for text in texts:
            assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in bare.finditer(text)], name


def test_every_match_of_a_time_pattern_holds_one_of_its_cue_words(seed_texts):
    """A window is scanned with a pattern only when it holds one of the pattern's cues (periods.PATTERN_CUES): each match
    of every pattern, in the seeds, the English tuning texts and a text of every kind of phrase (case-fold traps too),
    holds one, and the phrases found are those found with every window scanned."""
    import glob

    from hqd.extraction import matching_text, periods

    texts = [p.read_text("utf-8") for p in seed_texts] + [open(p, encoding="utf-8").read() for p in sorted(glob.glob("eval/tuning/en/*.txt"))]
    texts += ["In Q1-Q3 and during H2 2023, from January to June, as of May, this March, by the end of the 14th Five-Year Plan, "
              "at the start of the 13th FIVE-YEAR Plan period, since the beginning of the 14th Five-Year Plan, over the 2021-2023 "
              "period, commencing in 2019, within the next three years, over the past decade, by year-end, by 2025, the fİrst "
              "half, thİs month, the ſecond quarter, full year, throughout 2022, 2023's output, one year ago, the first 10 months, "
              "SEPT. to DEC. of last year, the first three QUARTERS of 2023, in the next five Years, so far this year.",
              "ſince 2019, EVER SINCE 2020, Starting from 2018, beginning in 2017, by the CLOSE of 2024, at the conclusion of next "
              "year, by year’s end, no later than 2026, looking forward to 2035, heading into 2030, The Previous year, the coming "
              "year, from 2016 to 2022, 2021–2025, in 2016 and 2017, between May and June, Jan-Feb, mid-2025, Sept through Dec., "
              "by EARLY 2026, in late-2024, Within three years, over the REMAINING two years, in the coming five years."]
    assert set(periods.PATTERN_CUES) == {name for name, _ in periods._PATTERNS}
    for text in texts:
        for name, pattern in periods._PATTERNS:
            for m in pattern.finditer(text):
                folded = periods._folded(m.group(0))
                assert any(c in folded for c in periods.PATTERN_CUES[name]), (name, m.group(0))
                assert any(c in folded for c in periods.PATTERN_LEADS.get(name, ("",))), (name, m.group(0))  # and a lead
                if name in periods._TWO_CUES:
                    assert sum(folded.count(c) for c in periods.PATTERN_CUES[name]) >= 2, (name, m.group(0))
        for year in (2023, None):
            cued = find_time_phrases(matching_text(text), year, 8)
            every = {name: ("",) for name in periods.PATTERN_CUES}
            with pytest.MonkeyPatch.context() as mp:
                mp.setattr(periods, "PATTERN_CUES", every)
                mp.setattr(periods, "PATTERN_LEADS", {})
                mp.setattr(periods, "_TWO_CUES", frozenset())
                assert find_time_phrases(matching_text(text), year, 8) == cued


def test_within_n_years_is_a_deadline_counted_from_the_briefing():
    doc = extract_text("It plans to build 12 schools within 3 years. The park was built within two years.", briefing_date="2024-03-01")
    assert [(q.text, q.period, q.kind, q.metric) for q in doc.quantities] == [("12", "2027", "target", "schools")]


def test_the_remaining_years_are_counted_from_the_briefing():
    # a plan's remaining years, said in 2023 of a plan to 2025: the last of them is the deadline
    found = find_time_phrases("In the remaining two years, the district will add 2,000 hospital beds.", 2023, 10)
    assert [(p.period, p.future) for p in found] == [("2025", True)]


def test_the_past_year_said_early_in_a_year_is_the_year_just_ended():
    text = "Over the past year, the district focused on finance. GDP rose 5% over last year."
    assert [p.period for p in find_time_phrases(text, 2025, 1)] == ["2024"]  # "over last year" is a base
    assert find_time_phrases(text, 2025, 9) == []  # in September it is the last twelve months


def test_a_year_as_subject_and_months_relative_to_the_briefing():
    assert [p.period for p in find_time_phrases("2023 saw GDP rise 6.1%. Last month, the port grew.", 2024, 6)] == ["2023", "2024-05"]
    assert [p.period for p in find_time_phrases("Last month exports fell; next month they will rise.", 2024, 1)] == ["2023-12", "2024-02"]
    assert find_time_phrases("Last month exports fell.", None) == []


@pytest.mark.parametrize("phrase, month, period", [
    ("at the end of June this year", 9, "2023-06"),  # a balance at a month's end is that month (eval/README.md)
    ("at the end of December", 3, "2022"),  # said in March: a state already reached, so last December
    ("by the end of December", 3, "2023"),  # a deadline: this December
    ("as of the end of August", 11, "2023-01/2023-08"),
    # counted up to a month's end: the months it covers, not the quarter or half they make (eval/README.md)
    ("by the end of March", 4, "2023-01/2023-03"),
    ("as of June", 7, "2023-01/2023-06"),
    ("as of January", 2, "2023-01"),
])
def test_the_end_of_a_month(phrase, month, period):
    found = find_time_phrases(f"The count stood at 1,182 {phrase}.", 2023, month)
    assert [p.period for p in found] == [period]


@pytest.mark.parametrize("phrase, month, period", [
    ("At year-end", 1, "2022"),  # a state at the end of the year just ended
    ("At the end of the year", 2, "2022"),
    ("By year-end", 1, "2023"),  # a deadline
    ("At year-end", 8, "2023"),
])
def test_year_end(phrase, month, period):
    found = find_time_phrases(f"{phrase}, the district had 300 firms.", 2023, month)
    assert [p.period for p in found] == [period]


def test_over_the_past_year_opening_a_paragraph_is_a_span_not_a_base():
    found = find_time_phrases("I. Review of work in 2023\n\nOver the past year, the economy recovered.", 2024, 1)
    assert [p.period for p in found] == ["2023", "2023"]


@pytest.mark.parametrize("month, period", [(10, "2023"), (2, "2022")])
def test_full_year_is_this_years_later_in_it_and_the_last_early_on(month, period):
    found = find_time_phrases("The district expects full-year GDP growth of about 6 percent.", 2023, month)
    assert [p.period for p in found] == [period]


@pytest.mark.parametrize("phrase, month, period", [
    ("Retail sales for the year are forecast to exceed 135 billion yuan.", 10, "2024"),
    ("For the year as a whole, the bureau expects growth of around 5 percent.", 7, "2024"),
    ("Exports are expected to grow about 6 percent for the whole year.", 4, "2024"),
    ("For the year, output grew 4.1 percent.", 2, "2023"),  # said early in a year: the year just ended
    ("Output for the year 2022 was 41 billion yuan.", 7, "2022"),  # a year named: that year
    ("New firms registered in the year are expected to number 9,000.", 9, "2024"),
    ("Work on 18 km of roads will be completed within the year.", 5, "2024"),
    ("We will add 12 clinics within the year.", 1, "2024"),
    ("The town aims to reach 1.3 million people by the end of the decade.", 3, "2030"),
    ("The council had forecast second-quarter export growth of roughly 4 percent.", 10, "2024-Q2"),
    ("Tourism revenue for the year to pass 12 billion yuan.", 5, "2024"),
    ("Output is expected to top 200 billion yuan for the full year.", 3, "2024"),  # a forecast, said in March
    ("Spending of 6.8 billion yuan is planned for the year.", 2, "2024"),  # a plan, said in February
    ("The 13 villages planned for the year were all finished.", 1, "2023"),  # a participle of the year just ended
    ("Sales in the year to March rose 4 percent.", 5, None),  # said in January too: what is still to be done this year
    ("Of the 126 projects signed, 54 broke ground within the year.", 1, "2023"),  # said in January of the past: the year just ended
])
def test_for_the_year_is_the_year_the_report_is_in(phrase, month, period):
    assert [p.period for p in find_time_phrases(phrase, 2024, month) if p.period.granularity != "month"] == ([period] if period else [])


@pytest.mark.parametrize("phrase, month, period", [
    ("1,200 new enterprises registered there in December alone.", 1, "2022-12"),  # said in January: the December just past
    ("The expo will be held in December.", 1, "2023-12"),  # a plan: this December
    ("In December, the district will open 3 parks.", 1, "2023-12"),
    ("Exports rose 5% in May.", 8, "2023-05"),
    ("Over the past three years, it has rolled out more than 100 reform measures.", 1, "2020/2022"),  # early: the years just ended
    ("Over the past three years, it has rolled out more than 100 reform measures.", 9, "2021/2023"),  # later: three years counting this one (eval/README.md)
    ("2.5 times the figure of 2022", 9, None),  # a multiple's base
])
def test_a_bare_month_ahead_of_the_briefing_is_last_years_unless_planned(phrase, month, period):
    assert [p.period for p in find_time_phrases(phrase, 2023, month)] == ([period] if period else [])


def test_the_coming_year_is_the_year_under_way_when_said_early_else_the_next():
    assert [p.period for p in find_time_phrases("For the coming year, the district aims", 2024, 3)] == ["2024"]
    assert [p.period for p in find_time_phrases("For the coming year, the district aims", 2025, 4)] == ["2025"]  # a spring briefing
    assert [p.period for p in find_time_phrases("For the coming year, the district aims", 2023, 11)] == ["2024"]
    assert all(p.future for p in find_time_phrases("in the coming year", 2023, 11))


def test_every_time_phrase_pattern_has_a_documented_resolver():
    from hqd.extraction import periods

    names = {name for name, _ in periods._PATTERNS}
    assert names <= set(periods._RESOLVERS)
    assert all(len((r.__doc__ or "").split()) >= 5 for r in periods._RESOLVERS.values())


@pytest.mark.parametrize("sentence, period", [
    ("Registered firms rose 9.4% more than at the end of 2022.", []),  # the year's end compared with: a base
    ("Its rate of growth was 0.6 points higher than that of January-July.", []),
    ("Investment grew 1.1 percentage points less than in the first seven months.", []),
    ("Output rose 5.3%, 1.2 percentage points faster than the growth in January-April.", []),  # the rate compared with
    ("Sales grew 2 percentage points more than the rate for the first quarter.", []),
    ("Exports grew 12% over the first three quarters.", ["2023-01/2023-09"]),  # grown over months: during them
    # a single month compared with, and a period after "points on": bases too
    ("In September, output was up 3.5% higher than in August.", ["2023-09"]),
    ("The town registered 412 new shops in October, or 37 more than in September.", ["2023-10"]),
    ("In January–October exports shrank 4.6%, a gain of 1.3 percentage points on January–September.", ["2023-01/2023-10"]),
])
def test_a_period_compared_with_is_a_base_not_the_period(sentence, period):
    assert [p.period for p in find_time_phrases(sentence, 2023, 11)] == period


def test_this_year_after_an_as_of_month_names_its_year():
    text = "As of the end of August, the county had signed 41 foreign deals worth 1.2 billion dollars this year."
    assert [p.period for p in find_time_phrases(text, 2024, 9)] == ["2024-01/2024-08"]
    # a year named in another sentence is its own
    assert [p.period for p in find_time_phrases("As of August, exports rose. This year GDP grew.", 2024, 9)] == ["2024-01/2024-08", "2024"]
    # so is a year named on the next line of a list
    text = "- The trail will open by the end of September\n- The school will be finished by the end of the year"
    assert [p.period for p in find_time_phrases(text, 2024, 3)] == ["2024-09", "2024"]


def test_by_the_end_of_the_year_in_the_past_tense_said_early_is_the_year_just_ended():
    assert [p.period for p in find_time_phrases("By the end of the year, the district had 42 canteens.", 2025, 1)] == ["2024"]
    assert [p.period for p in find_time_phrases("By the end of the year, the district will have 50 canteens.", 2025, 1)] == ["2025"]


def test_an_undated_work_report_is_delivered_early_in_the_year_it_plans():
    from hqd.extraction.periods import report_year

    report = "Report on the Work of the Putuo District Government\n\nI. Review of Our Work in 2024\n\nGDP grew.\n\nII. Main targets for 2025\n\n"
    assert report_year(report) == (2025, 1)
    assert report_year("Report on the Work of the Putuo District Government\n\nMain targets for 2025\n\nGDP will grow.") == (2025, 1)
    assert report_year("Putuo news\n\nI. Review of Our Work in 2024\n\nGDP grew.") is None  # not a work report
    doc = extract_text(report + "We will attract 120 new projects, and the renovation of 900 old homes will be completed by the end of the year.")
    assert [(t.text, t.deadline) for t in doc.targets][:2] == [("120", "2025"), ("900", "2025")]
    assert doc.meta.date is None and doc.meta.published is None


@pytest.mark.parametrize("phrase, period", [
    ("Since the beginning of this year", "2023"),
    ("So far this year", "2023"),
    ("Year to date", "2023"),
    ("Since the start of 2023", "2023"),  # the year under way: not "2023/2023"
    ("Since 2019", "2019/2023"),
    ("Over the past decade", "2014/2023"),
])
def test_the_year_so_far_and_the_past_decade(phrase, period):
    assert [p.period for p in find_time_phrases(f"{phrase}, the district attracted 120 projects.", 2023, 10)] == [period]


def test_a_monthly_reports_title_naming_its_months_dates_what_the_text_leaves_undated():
    doc = extract_text("Fengxian's Economy in January–October 2025\n\nReleased: 2025-11-19\n\n"
                       "Industry. Output was 141.7 billion yuan, up 3.9%. Investment fell by 6.4%.\n\n"
                       "Trade. Exports were 61.8 billion yuan.")
    assert [(q.text, q.period) for q in doc.quantities] == [
        ("141.7 billion yuan", "2025-01/2025-10"), ("3.9%", "2025-01/2025-10"), ("6.4%", "2025-01/2025-10"),
        ("61.8 billion yuan", "2025-01/2025-10")]
    # a title holding a day's date dates an event, not what the text reports
    doc = extract_text("Briefing held on October 12, 2025\n\nIndustry. Output was 182.4 billion yuan.\n\nTrade. Exports were 61.8 billion yuan.")
    assert doc.quantities[1].period is None


def test_a_part_of_a_year_not_begun_when_told_in_the_past_is_last_years():
    assert [p.period for p in find_time_phrases("Output in the fourth quarter rose 2.4%.", 2024, 3)] == ["2023-Q4"]
    assert [p.period for p in find_time_phrases("In the first three quarters, output was 90 billion yuan.", 2024, 3)] == ["2023-01/2023-09"]
    assert [p.period for p in find_time_phrases("From January to November, exports grew.", 2024, 2)] == ["2023-01/2023-11"]
    assert [p.period for p in find_time_phrases("In the first quarter, output rose.", 2024, 3)] == ["2024-Q1"]  # begun
    assert [p.period for p in find_time_phrases("Output will grow in the fourth quarter.", 2024, 3)] == ["2024-Q4"]  # a plan


def test_the_years_a_review_looks_back_on_and_a_multiples_base():
    assert [p.period for p in find_time_phrases("We built 58 stations during the five years.", 2023, 1)] == ["2018/2022"]
    assert find_time_phrases("We will build 58 stations during the five years.", 2023, 1) == []
    found = find_time_phrases("By 2028, the county aims to:\n\n- plant 4,000 trees over the five years;\n", 2023, 1)
    assert [p.period for p in found] == ["2028"]  # the lead's deadline only
    assert [p.period for p in find_time_phrases("In the review period:\n\n- 58 stations were built during the five years;\n",
                                                2023, 1)] == ["2018/2022"]
    assert find_time_phrases("Retail sales were 2.3 times as large as in 2013.", 2023, 3) == []  # a base, not the period


def test_a_month_of_the_year_named_after_it_and_before_a_months_end():
    assert [p.period for p in find_time_phrases("It will open in June next year.", 2020, 12)] == ["2021-06"]
    assert [p.period for p in find_time_phrases("Sales rose in March last year.", 2020, 12)] == ["2019-03"]
    phrase = find_time_phrases("We will complete the park before the end of December.", 2025, 11)[0]
    assert (phrase.period, phrase.future) == ("2025-12", True)


def test_over_the_past_year_after_a_verb_is_the_year_gone_by_not_a_base():
    text = "Airlines kept the economy humming over the past year, with tax revenue rising 14.2 percent."
    assert [p.period for p in find_time_phrases(text, 2025, 2)] == ["2024"]
    assert [p.period for p in find_time_phrases("Exports grew 5% over last year.", 2025, 2)] == []  # a base


def test_over_a_quarter_after_a_quarter_named_earlier_in_the_sentence_is_a_base():
    text = "In the fourth quarter, factory sales rose 6.4% year on year and 8.8% over the third quarter."
    assert [p.period for p in find_time_phrases(text, 2021, 3)] == ["2020-Q4"]
    assert [p.period for p in find_time_phrases("Output grew 5% over the second half.", 2021, 3)] == ["2020-H2"]


def test_the_year_a_plan_looks_ahead_to_is_its_deadline():
    found = find_time_phrases("Looking ahead to 2025, Xuhui will strive to raise the output of its AI industry.", 2024, 7)
    assert [(p.period, p.future) for p in found] == [("2025", True)]


def test_two_years_running_are_a_span_and_two_apart_are_not():
    found = find_time_phrases("The county cut cement capacity by 1.4 million tons in 2016 and 2017.", 2017, 9)
    assert [p.period for p in found] == ["2016/2017"]
    assert [p.period for p in find_time_phrases("GDP grew fastest in 2016 and 2020.", 2021, 3)] == ["2016"]


@pytest.mark.parametrize("text, month, period", [
    ("We have opened 14 bus routes since January.", 4, "2025-01/2025-04"),  # to the month it is said in
    ("Since October, 300 firms have registered.", 3, "2024-10/2025-03"),  # a later month than now: last year's
    ("Since April, 30 firms have registered.", 4, "2025-04"),
    ("Since January 2020, 300 firms have registered.", 4, "2020/2025"),  # a year named: since_year's
])
def test_since_a_month_runs_to_the_month_of_speaking(text, month, period):
    assert [p.period for p in find_time_phrases(text, 2025, month)] == [period]
    assert find_time_phrases("Since January, 300 firms have registered.", 2025, None) == []


def test_a_year_naming_a_goal_is_its_deadline():
    found = find_time_phrases("Forest coverage rose to 23.1% in 2022, close to the 2025 target of 24%.", 2023, 10)
    assert [(p.period, p.closing, p.future) for p in found] == [("2022", False, False), ("2025", True, True)]
    qs = {q.text: q for q in extract_text("Forest coverage rose to 23.1% in 2022, close to the 2025 target of 24%.",
                                          briefing_date="2023-10-01").quantities}
    assert (qs["23.1%"].period, qs["24%"].period, qs["24%"].kind) == ("2022", "2025", "target")


def test_the_years_of_a_five_year_plan_are_its_span():
    found = find_time_phrases("Over the five years of the 14th Five-Year Plan period, exports rose 4.1 percent a year.", 2026, 1)
    assert [str(p.period) for p in found] == ["2021/2025"]


def test_the_end_of_a_month_compared_with_is_a_base():
    text = ("At the end of September, 12.3 percent of office space stood empty, 0.9 percentage points less than at the end "
            "of June.")
    assert [p.period for p in find_time_phrases(text, 2021, 11)] == ["2021-09"]


@pytest.mark.parametrize("month, period", [(2, "2020/2024"), (9, "2020/2025"), (None, "2020/2025")])
def test_since_a_year_said_early_in_a_year_runs_to_the_year_just_ended(month, period):
    found = find_time_phrases("Since 2020, its exports have climbed 8 percent a year on average.", 2025, month)
    assert [p.period for p in found] == [period]
    assert [p.period for p in find_time_phrases("Since 2024, it has added 30 firms.", 2025, 2)] == ["2024"]


def test_in_two_months_joined_by_and_is_their_span():
    found = find_time_phrases("In January and February, the park signed 9 more projects.", 2024, 3)
    assert [p.period for p in found] == ["2024-01/2024-02"]
    assert [p.period for p in find_time_phrases("Sales rose in January, and in March they fell.", 2024, 5)] == ["2024-01", "2024-03"]


@pytest.mark.parametrize("text, period, closing, future", [
    ("The hall will open by mid-2025.", "2025", True, True),  # a deadline
    ("In early 2026, the park will open a second phase.", "2026", False, True),
    ("Sales picked up in late 2023.", "2023", False, False),
    ("Output is expected to hit 1,200 tons this autumn.", "2024", False, False),  # a season: its year
    ("The expo will open next spring.", "2025", False, True),
])
def test_a_part_of_a_year_or_a_season_is_that_year(text, period, closing, future):
    assert [(p.period, p.closing, p.future) for p in find_time_phrases(text, 2024, 6)] == [(period, closing, future)]


def test_what_was_done_in_a_year_after_a_multiple_is_its_base():
    text = "Its turnover came to 2.7 billion yuan last year, 1.8 times what it earned in 2019."
    assert [p.period for p in find_time_phrases(text, 2023, 6)] == ["2022"]


def test_the_past_years_end_with_the_year_just_ended_when_the_sentence_says_where_they_reached():
    # said in June 2024: "the past five years" that reach a level "in 2023" are 2019-2023, not 2020-2024
    text = "Over the past five years, the district's output grew at an average annual rate of 7.4%, reaching 96.5 billion yuan in 2023."
    assert [p.period for p in find_time_phrases(text, 2024, 6)][0] == "2019/2023"
    text = "Over the past five years, output grew 7.4% a year, and this year it will reach 100 billion yuan."
    assert [p.period for p in find_time_phrases(text, 2024, 6)][0] == "2020/2024"


def test_a_plan_for_years_names_their_span():
    found = find_time_phrases("All 12 projects in the last plan, for 2021 to 2023, were completed.", 2024, 3)
    assert [p.period for p in found] == ["2021/2023"]


def test_over_as_a_particle_of_its_verb_names_no_base():
    """'will be handed over in December': 'over' belongs to 'handed over', and 'in December' is the time; 'rose 5% over
    2022' still names a base."""
    assert [str(p.period) for p in find_time_phrases("It will be handed over in December.", 2023, 8)] == ["2023-12"]
    assert find_time_phrases("Sales rose 5% over 2022.", 2023, 8) == []


@pytest.mark.parametrize("text, figure, period", [
    ("Five years ago the district had 900 firms. Now it has 1,700.", "900", "2019"),
    ("Five years ago the district had 900 firms. Now it has 1,700.", "1,700", None),
    ("Output was 5 billion yuan 3 years ago.", "5 billion yuan", "2021"),
    ("Ten years ago the land was farms.\n\nThe park hosts 300 firms.", "300", None),
])
def test_n_years_ago_dates_its_own_clause_and_frames_nothing_after(text, figure, period):
    """'five years ago' is the year that many years before the text's own; a then set against now, it frames no
    sentence after it."""
    qs = {q.text: q for q in extract_text("Hongkou news\n\n2024-09-12\n\n" + text).quantities}
    assert (str(qs[figure].period) if qs[figure].period else None) == period


def test_a_month_that_owns_a_measure_dates_it_and_names_no_one():
    doc = extract_text("Jing'an District\n\nOctober 20, 2024\n\nCatering revenue reached 21.4 billion yuan, up 2.9 percent; September's "
                       "catering revenue rose 1.2 percent month on month.", briefing_date="2024-10-20")
    q = {q.text: q for q in doc.quantities}["1.2 percent"]
    assert (str(q.period), q.subject) == ("2024-09", "Jing'an")


def test_a_mark_passed_is_dated_not_a_size():
    doc = extract_text("Pudong District\n\nApril 2, 2026\n\nDrug sales reached 104.8 billion yuan last year, passing the "
                       "100-billion-yuan mark for the first time.", briefing_date="2026-04-02")
    assert str({q.text: q for q in doc.quantities}["100-billion-yuan"].period) == "2025"


def test_in_the_year_told_of_the_past_is_the_year_named_just_before():
    from hqd.extraction import extract_text

    doc = extract_text("Putuo annual report\n\nUpdated: 2024-06-10\n\nIn 2023, the district's GDP grew 5 percent. New firms registered "
                       "in the year numbered 9,000.\n\nLooking back at 2023, trade recovered. For the year, exports grew 4 percent.\n\n"
                       "The target for the year is 450 projects. The district will add 12 clinics within the year.")
    periods = {q.text: str(q.period) for q in doc.quantities}
    assert periods["9,000"] == periods["4 percent"] == "2023"
    assert periods["450"] == periods["12"] == "2024"  # a goal for the year, said in June: the year under way


def test_the_end_of_the_decade_said_in_a_year_ending_in_0_is_that_year():
    assert [p.period for p in find_time_phrases("The port aims to double its traffic by the end of the decade.", 2030, 4)] == ["2030"]


@pytest.mark.parametrize("text, period", [
    ("The hospital will be finished in 2027 and should have 1,200 beds when fully open.", None),  # the event's, undated
    ("In 2027, the hospital should have 1,200 beds when fully open.", "2027"),  # the sentence opens with the goal's time
])
def test_a_goal_timed_by_its_own_event_after_a_dated_step(text, period):
    q = next(q for q in extract_text(text, briefing_date="2025-04-02").quantities if q.text == "1,200")
    assert (q.kind, None if q.period is None else str(q.period)) == ("target", period)


@pytest.mark.parametrize(
    "text, date, figure, deadline",
    [
        # "by then": the deadline named last, in the sentence before
        ("Timber Briefing\n\nGoals for the year and beyond\n\nBy 2028, the county will lift its timber exports to 4 billion "
         "yuan. Its sawmills are to number 65 by then.",
         "2026-03-02", "65", "2028"),
        # ... not the year of a base told after that deadline ("from ... last year")
        ("Port Briefing\n\nTargets for this year and beyond\n\nBy 2029, the port aims to raise throughput to 80 million "
         "tons, from 61 million tons last year. The number of "
         "shipping lines is to reach 140 by then.", "2026-03-02", "140", "2029"),
        # "in the same year", in a sentence after a quotation that names the time
        ('Broadband Briefing\n\nPlans for this year and beyond\n\n"By the end of 2030, we want every village to have broadband," the mayor said. The fiber network is to cover '
         "9,000 households in the same year.", "2027-05-11", "9,000", "2030"),
        # "by that time", in its own sentence after the time
        ("The town plans to finish its ring road by 2029, and by that time it aims to have 35 bus routes.", "2026-06-01",
         "35", "2029"),
    ],
)
def test_an_anaphoric_time_takes_the_time_named_before(text, date, figure, deadline):
    doc = extract_text(text, briefing_date=date)
    target = next(t for t in doc.targets if t.text == figure)
    assert str(target.deadline) == deadline


def test_that_month_takes_the_month_named_before_and_not_a_year():
    from hqd.extraction.periods import with_anaphoric_times

    text = "The trade fair opens in May. A design forum will be held nearby that month. In 2027 a hall opens; that month is busy."
    ends = [0, 29, 83]
    start_of = lambda at: max(s for s in ends if s <= at)  # noqa: E731
    found = with_anaphoric_times(text, start_of, find_time_phrases(text, 2026, 3), 2026)
    periods = {text[p.start:p.end]: str(p.period) for p in found}
    assert periods["that month"] == "2026-05"  # (the second "that month" follows a year, no month: left unread)
    assert list(periods).count("that month") == 1


def test_a_base_month_of_last_year_is_not_an_anaphor():
    from hqd.extraction.periods import with_anaphoric_times

    text = "In March, sales rose 4 percent over the same month last year."
    found = with_anaphoric_times(text, lambda at: 0, find_time_phrases(text, 2026, 4), 2026)
    assert not any("same month" in text[p.start:p.end] for p in found)


@pytest.mark.parametrize("text, period", [
    ("The flower show, scheduled for October, is expected to draw 200,000 visitors.", "2026-10"),
    ("A trade mission is slated for early September.", "2026-09"),
    ("The ferry's relaunch, planned for March next year, will cut crossing times.", "2027-03"),
])
def test_the_month_an_event_is_scheduled_for(text, period):
    assert [str(p.period) for p in find_time_phrases(text, 2026, 6)] == [period]


def test_an_event_held_that_month_is_due_in_the_month_named_before():
    doc = extract_text("The lantern fair, scheduled for September, is expected to draw 30,000 visitors. A night market will also "
                       "be held on the riverfront that month.", briefing_date="2026-05-20")
    assert [str(t.deadline) for t in doc.targets] == ["2026-09", "2026-09"]
