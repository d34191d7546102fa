import json

import pytest

from hqd.extraction.metadata import extract_meta


def test_seed_metadata_matches_gold(seed_texts):
    for path in seed_texts:
        gold = json.loads(path.with_name(path.stem + ".gold.json").read_text("utf-8"))["meta"]
        meta = extract_meta(path.read_text("utf-8"))
        assert meta.title == gold["title"], path.name
        assert meta.date == gold["date"], path.name
        assert meta.published == gold["published"], path.name
        assert meta.district == gold["district"], path.name
        assert meta.session == gold["session"], path.name
        assert meta.series == gold["series"], path.name
        assert meta.theme == gold["theme"], path.name
        assert [(o.name, o.title) for o in meta.officials] == [(o["name"], o["title"]) for o in gold["officials"]], path.name


VARIANT = """Press Release for Media Briefing of the Shanghai Municipal Government on March 3, 2024

2024.03.05

The Information Office of Shanghai Municipality held the 21st press briefing on
“High-Quality Development in Shanghai” (Songjiang District special session) today (March 3)
under the theme of “Building a Science City.” Wang Ming, Secretary of the CPC Songjiang
District Committee, introduced the district's progress. Zhao Li, district chief, and
Chen Hua, director of Songjiang District Commission of Economy, attended the briefing.
"""


def test_metadata_variant_with_digit_ordinal_and_today():
    meta = extract_meta(VARIANT)
    assert meta.date == "2024-03-03"
    assert meta.published == "2024-03-05"
    assert meta.district == "Songjiang"
    assert meta.session == 21
    assert meta.series == "High-Quality Development in Shanghai"
    assert meta.theme == "Building a Science City"
    assert [o.name for o in meta.officials] == ["Wang Ming", "Zhao Li", "Chen Hua"]
    assert meta.officials[1].title == "district chief"


def test_unstated_fields_are_null():
    meta = extract_meta("Jinshan news\n\nThe district opened a park with 300 trees.")
    assert meta.date is None and meta.session is None and meta.series is None and meta.theme is None
    assert meta.officials == []
    assert meta.district == "Jinshan"


def test_briefing_date_from_held_on_sentence():
    meta = extract_meta("Shanghai holds press conference on Fengxian's development\n\n"
                        "The Information Office of Shanghai Municipal Government held a press conference on June 8, 2021. "
                        "Yuan Guohua, Secretary of the CPC Fengxian District Committee, and Wang Jianzhong, Mayor of "
                        "Fengxian District, introduced Fengxian's progress and answered questions.")
    assert meta.date == "2021-06-08" and meta.district == "Fengxian"
    assert [(o.name, o.title) for o in meta.officials] == [
        ("Yuan Guohua", "Secretary of the CPC Fengxian District Committee"), ("Wang Jianzhong", "Mayor of Fengxian District")]


def test_news_dateline_gives_the_published_date_and_anchors_periods():
    from hqd.extraction import extract_text

    text = ("Fengxian sees sales climb\n\nSHANGHAI, Oct 28, 2022 -- Retail sales in the district came to 61.7 billion yuan "
            "from January to September.\n")
    meta = extract_meta(text)
    assert meta.published == "2022-10-28" and meta.date is None
    assert extract_meta("Title\n\nShanghai, March 5, 2024 (Xinhua) — The district said...").published == "2024-03-05"
    assert extract_meta("Title\n\nIn 2022, Jinshan, May 3, 2021 was...").published is None  # not at the start of a story
    [q] = extract_text(text).quantities
    assert q.period == "2022-01/2022-09"


def test_a_byline_ending_in_a_date_gives_the_published_date():
    assert extract_meta("Songjiang charts its course\n\nBy Wang Xin | 2024-01-18\n\nThe district...").published == "2024-01-18"
    assert extract_meta("Title\nBy Li Qian, January 18, 2024\n\nText.").published == "2024-01-18"
    assert extract_meta("Title\n\nBy 2025, the district will have 30 parks, 2024-01-18\n").published is None  # a sentence, not a byline


def test_series_named_in_the_title_beside_the_district_and_invited_officials():
    meta = extract_meta("Transcript: High-Quality Development in Shanghai - Putuo District Session\n\n"
                        "Host: Today we have invited Jiang Dongdong, Secretary of the CPC Putuo District Committee, to introduce Putuo.\n")
    assert meta.series == "High-Quality Development in Shanghai" and meta.district == "Putuo"
    assert [(o.name, o.title) for o in meta.officials] == [("Jiang Dongdong", "Secretary of the CPC Putuo District Committee")]
    assert extract_meta("High-Quality Development in Shanghai: Pudong New Area\n\nText.").series == "High-Quality Development in Shanghai"
    assert extract_meta("Songjiang charts its course - Shanghai Daily\n\nText.").series is None


def test_briefing_date_from_a_sentence_opening_with_it():
    assert extract_meta("Title\n\nOn March 1, 2024, the Jiading District briefing was held.").date == "2024-03-01"
    assert extract_meta("Title\n\nOn March 1, 2024, the Information Office held a press conference.").date == "2024-03-01"
    assert extract_meta("Title\n\nOn March 1, 2024, revenue grew. The conference was held later.").date is None


def test_a_release_line_gives_the_published_date():
    assert extract_meta("Minhang indicators\n\nReleased on July 25, 2024 by the Statistics Bureau.\n\nText").published == "2024-07-25"
    assert extract_meta("Title\n\nPublished: March 3, 2024\n\nText").published == "2024-03-03"
    assert extract_meta("Title\n\nReleased products grew on July 25, 2024.\n\nText").published is None
    # a release label before an ISO date on a line of its own
    assert extract_meta("Title\n\nFengxian Bureau of Statistics\n\nReleased: 2025-11-19\n\nText").published == "2025-11-19"
    assert extract_meta("Title\n\nIssued 2024.03.13\n\nText").published == "2024-03-13"
    # the issuer, then the date after a comma
    assert extract_meta("Action Plan (2024-2026)\n\nIssued by the People's Government of Qingpu District, March 12, 2024\n\nText"
                        ).published == "2024-03-12"


def test_a_source_line_with_a_date_gives_the_published_date():
    text = "Hongkou's North Bund rises\n\nSource: Xinhua | 2024-06-03 09:12:45 | Editor: Liu Yang\n\nText."
    assert extract_meta(text).published == "2024-06-03"
    assert extract_meta("Title\n\nThe 2024-06-03 plan | was adopted\n\nText.").published is None  # no furniture word


def test_officials_listed_after_the_verb_or_titled_before_the_name():
    def people(text):
        return [(o.name, o.title) for o in extract_meta("Title\n\n" + text).officials]

    assert people("Present at the press conference were Wang Hua, Secretary of the CPC Baoshan District Committee, "
                  "and Chen Jie, District Mayor of Baoshan.") == [
        ("Wang Hua", "Secretary of the CPC Baoshan District Committee"), ("Chen Jie", "District Mayor of Baoshan")]
    assert people("At the briefing, Baoshan District Mayor Chen Jie introduced the progress.") == [("Chen Jie", "Baoshan District Mayor")]
    assert people("Speakers: Wang Hua, Secretary of the CPC Baoshan District Committee; Chen Jie, District Mayor.") == [
        ("Wang Hua", "Secretary of the CPC Baoshan District Committee"), ("Chen Jie", "District Mayor")]
    assert people("Title Line Without Period\n\nWang Hua, Secretary of the CPC Baoshan District Committee, attended.") == [
        ("Wang Hua", "Secretary of the CPC Baoshan District Committee")]  # a heading is no part of the sentence


@pytest.mark.parametrize("text, session", [
    ("The press conference, the 20th in the series, focused on Minhang.", 20),
    ("High-Quality Development in Shanghai, Session 20: Minhang", 20),
    ("The No. 18 press conference of the series focused on Baoshan District.", 18),
    ("It was a special session. Revenue in 2023 rose.", None),
])
def test_session_numbers_written_other_ways(text, session):
    assert extract_meta("Title\n\n" + text).session == session


def test_a_date_line_under_a_briefings_title_dates_the_briefing():
    meta = extract_meta('Jiading District Session of the "High-Quality Development in Shanghai" Press Briefings\n\n'
                        "Date: November 21, 2022\n\nText.")
    assert (meta.date, meta.published) == ("2022-11-21", None)
    assert extract_meta("Title of a session\n\nDate: 2022-11-21\n\nText.").date == "2022-11-21"
    assert extract_meta("Huangpu's economy grows\n\nDate: 2022-11-21\n\nText.").date is None  # a news story: its publication


def test_an_outlet_and_a_date_on_one_line_give_the_published_date():
    assert extract_meta("Yangpu turns old factories\nShanghai Daily, Nov 3, 2022\n\nText.").published == "2022-11-03"
    assert extract_meta("Title\n\nChina Daily | 2024-06-03\n\nText.").published == "2024-06-03"
    assert extract_meta("Title\n\nThe district grew, and on March 3, 2022 it said so.\n\nText.").published is None


def test_each_verb_closes_its_own_list_of_officials():
    meta = extract_meta("Title\n\nZhao Hong, Secretary of the CPC Qingpu District Committee, introduced the relevant information, "
                        "and Chen Mei, Deputy Secretary and District Mayor, answered questions from reporters.")
    assert [(o.name, o.title) for o in meta.officials] == [
        ("Zhao Hong", "Secretary of the CPC Qingpu District Committee"), ("Chen Mei", "Deputy Secretary and District Mayor")]


def test_a_headline_beside_the_district_is_no_series():
    assert extract_meta("Xuhui District: AI industry accelerates\n\nText.").series is None
    assert extract_meta("High-Quality Development in Shanghai: Pudong New Area\n\nText.").series == "High-Quality Development in Shanghai"


def test_a_quoted_series_before_its_noun_present_are_and_a_stray_also():
    meta = extract_meta('Transcript of the 12th "High-Quality Development in Shanghai" Press Briefing (Songjiang)\n\n'
                        "Host: Good morning. Present at today's briefing are Cheng Xiangming, Secretary of the CPC Songjiang "
                        "District Committee, and Li Jian, Mayor of Songjiang District.")
    assert (meta.session, meta.series) == (12, "High-Quality Development in Shanghai")
    assert [o.name for o in meta.officials] == ["Cheng Xiangming", "Li Jian"]
    meta = extract_meta('Title\n\nThe office held a press conference, part of the "High-Quality Development in Shanghai" series. '
                        "Xiao Wenrui, Mayor of Putuo District, also attended and answered questions.")
    assert meta.series == "High-Quality Development in Shanghai"
    assert [(o.name, o.title) for o in meta.officials] == [("Xiao Wenrui", "Mayor of Putuo District")]


def test_an_outlet_line_with_a_labelled_date_and_time_gives_the_published_date():
    assert extract_meta("Minhang bets big\n\nGlobal Times | Published: Dec 12, 2024 09:41 PM\n\nText.").published == "2024-12-12"


def test_a_series_the_word_series_names_beats_a_quoted_topic_in_the_title():
    meta = extract_meta('Fengxian District press briefing on the "Oriental Beauty Valley"\n\n'
                        'The 21st press briefing in the "High-Quality Development in Shanghai" series was held on June 12, 2025.')
    assert (meta.series, meta.session, meta.date) == ("High-Quality Development in Shanghai", 21, "2025-06-12")


def test_a_briefing_held_on_the_afternoon_of_a_date():
    meta = extract_meta("Songjiang District\n\nOn the afternoon of September 17, 2019, the Information Office held "
                        "the 9th press conference of the series.")
    assert meta.date == "2019-09-17"


def test_a_labelled_date_under_a_reports_title_is_its_published_date():
    meta = extract_meta("Minhang District 2023 Economic Highlights\n\nDate: February 15, 2024\n\n1. Growth. GDP rose 5.1%.")
    assert (meta.date, meta.published) == (None, "2024-02-15")


def test_a_topic_in_title_case_beside_the_district_is_no_series():
    assert extract_meta("Baoshan District: Transformation of the Wusong Industrial Zone\n\nText.").series is None
    assert extract_meta("Yangpu District: Key Indicators of Innovation Development, 2024\n\nText.").series is None


def test_a_byline_with_the_outlet_between_name_and_date():
    assert extract_meta("Xuhui's AI cluster grows\n\nBy Li Qian | Shanghai Daily | July 5, 2024\n\nText.").published == "2024-07-05"
    assert extract_meta("Headline\n\nBy Li Qian, Shanghai Daily, 2024-07-05\n\nText.").published == "2024-07-05"


def test_a_transcripts_answerer_with_name_and_title_in_brackets():
    meta = extract_meta("Baoshan District: Transformation\n\nQ (The Paper): How is it going?\n\n"
                        "A (Chen Jie, Secretary of the CPC Baoshan District Committee): The city covers 26 square kilometers.\n\n"
                        "Q (Xinhua): And the port?\n\nA: It handled 259 calls.")
    assert [(o.name, o.title) for o in meta.officials] == [("Chen Jie", "Secretary of the CPC Baoshan District Committee")]


def test_a_title_hard_wrapped_onto_a_second_line():
    meta = extract_meta("| 中文版 |\n\nPress Release for Media Briefing of the Shanghai Municipal Government on November\n"
                        "7, 2023\n\nOn the afternoon of November 6, the Information Office held the 20th press briefing.")
    assert meta.title.endswith("on November 7, 2023") and meta.date == "2023-11-07"
    assert extract_meta("Minhang's economy grows\n2023-11-08 09:30\n\nText.").title == "Minhang's economy grows"


def test_a_dateline_without_a_year_takes_the_year_the_story_reports():
    from hqd.extraction import extract_text

    doc = extract_text("SHANGHAI, Nov. 5 (Xinhua) -- Hongkou's GDP declined 2.1 percent in the first half of 2020, but rebounded "
                       "to growth of 3.4 percent in the third quarter. A tower will be completed in 2025.")
    assert doc.meta.published == "2020-11-05"
    assert [q.period for q in doc.quantities] == ["2020-H1", "2020-Q3"]
    doc = extract_text("SHANGHAI, Jan. 12 (Xinhua) -- Shanghai's GDP grew 6 percent in 2019, officials said.")
    assert doc.meta.published == "2020-01-12"  # a whole year, told early in the next one
    doc = extract_text("SHANGHAI, Sept. 14 (Xinhua) -- Caohejing park's software firms earned 18.3 billion yuan in 2020. A second library "
                       "is due to be finished by the end of next year.")
    assert doc.meta.published == "2021-09-14"  # a whole year is over: told later in the next one too
    assert [str(t.deadline) for t in doc.targets] == ["2022"]
    assert extract_text("SHANGHAI, Jan. 12 (Xinhua) -- The district plans to grow.").meta.published is None


def test_held_on_the_morning_of_a_date_and_names_glossed_in_chinese():
    meta = extract_meta("Huangpu holds briefing\n\nThe Information Office held a press conference on the morning of March 5, 2024. "
                        "Zhang Ming (张明), Secretary of the CPC Huangpu District Committee, and Li Hong (李红), District Mayor, attended.")
    assert meta.date == "2024-03-05"
    assert [(o.name, o.title) for o in meta.officials] == [
        ("Zhang Ming", "Secretary of the CPC Huangpu District Committee"), ("Li Hong", "District Mayor")]


def test_a_briefing_themed_or_entitled_in_quotes():
    meta = extract_meta("Yangpu\n\nThe office held the 21st press briefing themed “Building a Modern Yangpu” in the "
                        "“High-Quality Development in Shanghai” series.")
    assert (meta.theme, meta.series, meta.session) == ("Building a Modern Yangpu", "High-Quality Development in Shanghai", 21)


def test_a_work_report_delivered_on_a_date_at_a_congress_session():
    meta = extract_meta("Government Work Report of Changning District (Excerpt)\n\n"
                        "Delivered at the Fourth Session of the 17th Changning District People's Congress on January 10, 2024\n\nText.")
    assert (meta.date, meta.published, meta.session) == (None, "2024-01-10", None)
    assert extract_meta('Title\n\nAt the 3rd session of the 2026 "High-Quality Development in Shanghai" press briefings, '
                        "the mayor spoke.").session == 3


def test_a_briefing_of_a_year_on_a_quoted_series():
    meta = extract_meta('Title\n\nThe office held the 2nd press briefing of 2024 on "High-Quality Development in Shanghai" '
                        "(Jinshan District special session).")
    assert (meta.series, meta.session) == ("High-Quality Development in Shanghai", 2)


def test_officials_listed_after_also_present_were():
    meta = extract_meta("Songjiang District briefing\n\nThe 20th press conference of the \"High-quality Development in Shanghai\" "
                        "series was held on November 9, 2023. Cheng Xiangmin, Secretary of the CPC Songjiang District Committee, "
                        "delivered a keynote introduction. Also present were Sun Hong, Mayor of Songjiang District, and Gu Jinhua, "
                        "Director of Songjiang District Science and Technology Commission.")
    assert [(o.name, o.title) for o in meta.officials] == [
        ("Cheng Xiangmin", "Secretary of the CPC Songjiang District Committee"), ("Sun Hong", "Mayor of Songjiang District"),
        ("Gu Jinhua", "Director of Songjiang District Science and Technology Commission")]
    assert (meta.session, meta.date) == (20, "2023-11-09")


def test_a_titles_wrapped_date_line_is_not_the_release_date():
    meta = extract_meta("| 中文版 |\n\nPress Release for Media Briefing of the Shanghai Municipal Government on \nOctober 12, 2023\n\n\n"
                        "On October 12, the Information Office held the 16th press briefing (Minhang District special session).")
    assert meta.title == "Press Release for Media Briefing of the Shanghai Municipal Government on October 12, 2023"
    assert (meta.date, meta.published) == ("2023-10-12", None)


def test_a_day_and_a_theme_in_a_story_about_another_event_are_no_briefings():
    meta = extract_meta("Shanghai Yangpu holds investment promotion conference\n\n2023-06-28 09:15 | Source: Yangpu Daily\n\n"
                        "The 2023 Yangpu Investment Promotion Conference opened at 9:30 am on June 27. It had a theme of "
                        "\"Innovation for 10 years\".")
    assert (meta.date, meta.published, meta.theme) == (None, "2023-06-28", None)


def test_day_first_dates_are_read():
    meta = extract_meta("High-Quality Development in Shanghai - Putuo District Session\n\nRelease date: 5 September 2023\n\n"
                        "The Information Office of Shanghai Municipality held the eleventh session of its \"High-Quality "
                        "Development in Shanghai\" press conference series on 4 September 2023.")
    assert (meta.date, meta.published, meta.session, meta.district) == ("2023-09-04", "2023-09-05", 11, "Putuo")
    assert meta.title == "High-Quality Development in Shanghai - Putuo District Session"


def test_a_line_of_fields_set_apart_by_bars_with_a_date_gives_the_published_date():
    assert extract_meta("Jinshan bets on new materials\n\nBy Zhu Ying | 2026-05-12 | Shanghai Daily\n\nText.").published == "2026-05-12"
    assert extract_meta("Economy in 2019\n\nBaoshan District Bureau of Statistics | 2019-10-24\n\nText.").published == "2019-10-24"
    meta = extract_meta("Hongkou in January–October 2025\n\nReleased by: Hongkou District Bureau of Statistics | Date: 2025-11-20\n\nText.")
    assert (meta.date, meta.published) == (None, "2025-11-20")
    assert extract_meta("Title\n\nXinhua | Updated: March 3, 2024 | Editor: Li\n\nText.").published == "2024-03-03"
    assert extract_meta("Title\n\nGDP | 2023 | 5.1%\n\nText.").published is None  # a row of figures is no date
    # fields set apart by a wide gap instead of bars
    assert extract_meta("Economy in July\n\nYangpu District Bureau of Statistics    2023-08-25\n\nText.").published == "2023-08-25"
    assert extract_meta("Title\n\nGDP    2023    5.1%\n\nText.").published is None


def test_a_lower_case_date_label_under_the_title_is_the_date_not_the_titles_second_line():
    meta = extract_meta("Huangpu grows fast\ndate 2022-09-21\nIn the first half of this year GDP grew 5%.")
    assert (meta.title, meta.published) == ("Huangpu grows fast", "2022-09-21")


def test_a_head_line_naming_the_issuer_then_the_date_gives_the_published_date():
    assert extract_meta("Three-Year Action Plan of Minhang District (2025-2027)\n\n"
                        "Issued by the People's Government of Minhang District, April 3, 2025\n\nText.").published == "2025-04-03"
    assert extract_meta("Songjiang's Economy in January-May 2024\n\nSongjiang District Bureau of Statistics    2024-06-21\n\n"
                        "Text.").published == "2024-06-21"
    assert extract_meta("Title\n\nBaoshan Statistics Bureau\t2022-10-09\n\nText.").published == "2022-10-09"
    # a sentence is no issuer's line, even with a date closing it
    assert extract_meta("Title\n\nOutput rose 5% to 3 billion yuan, 2024-01-18\n").published is None


def test_a_date_line_above_the_headline_is_the_pages_date_and_the_headline_comes_after_it():
    for head in ("2024-05-14", "Updated: 2024-05-14 10:32", "May 14, 2024", "Date: 2024-05-14"):
        meta = extract_meta(f"{head}\nMinhang District Press Briefing on Digital Transformation\n\nText.\n")
        assert (meta.title, meta.published) == ("Minhang District Press Briefing on Digital Transformation", "2024-05-14"), head
    # a date alone is no headline, and there is none after it
    assert extract_meta("2024-05-14\n").title is None


def test_a_news_story_names_the_briefings_day_by_its_weekday_or_yesterday():
    story = "Fengxian charts its course\n\nSHANGHAI, Sept 14, 2023 -- The 18th press conference of the series was held on {}, focusing on Fengxian.\n"
    assert extract_meta(story.format("Thursday")).date == "2023-09-14"  # the story's own day: a Thursday
    assert extract_meta(story.format("Tuesday")).date == "2023-09-12"
    assert extract_meta(story.format("Friday")).date == "2023-09-08"  # the last Friday before it
    assert extract_meta("Jiading unveils plan\n\nShanghai Daily, March 6, 2024\n\nOfficials said at a press briefing "
                        "yesterday that output would rise.\n").date == "2024-03-05"
    # a weekday in a sentence naming no briefing dates none
    assert extract_meta("Jiading unveils plan\n\nShanghai Daily, March 6, 2024\n\nOn Monday, output rose 5%. "
                        "The district will hold a briefing next week.\n").date is None


def test_a_work_report_delivered_on_a_date_with_no_place_named():
    meta = extract_meta("Report on the Work of the Baoshan District Government\n\nDelivered on January 10, 2024\n\nText.")
    assert (meta.date, meta.published) == (None, "2024-01-10")


@pytest.mark.parametrize("crumbs", [
    "Home > News > District Updates > Economy",
    "Homepage » Government Affairs",
    "News › Policies › Industry › Science",
])
def test_a_breadcrumb_trail_above_the_headline_is_no_title(crumbs):
    text = f"{crumbs}\n\nQingpu opens a new logistics park\n\nSource: Qingpu District Government | Updated: 2025-06-02 10:15\n\nThe park covers 2 square kilometers.\n"
    meta = extract_meta(text)
    assert meta.title == "Qingpu opens a new logistics park"
    assert meta.published == "2025-06-02"


def test_a_headline_with_a_greater_than_sign_and_a_figure_stays_a_title():
    assert extract_meta("Output > 100 billion yuan in Songjiang\n\nThe district grew.\n").title == "Output > 100 billion yuan in Songjiang"


@pytest.mark.parametrize("close", [
    "Source: Information Office of Fengxian District | Released: May 9, 2024",
    "Released on May 9, 2024 by the Fengxian District Bureau of Statistics.",
    "Fengxian District Bureau of Statistics\n2024-05-09",
    "Fengxian District Bureau of Statistics\nMay 9, 2024",
])
def test_furniture_closing_a_page_gives_the_published_date(close):
    text = f"Fengxian economy grows in the first quarter\n\nThe district's GDP rose 5.1% in the first quarter.\n\n{close}\n"
    assert extract_meta(text).published == "2024-05-09"


def test_a_closing_sentence_holding_a_date_is_no_published_date():
    text = "Fengxian economy grows\n\nThe district's GDP rose 5.1%.\n\nThe new plant will open on May 9, 2026, the district said.\n"
    assert extract_meta(text).published is None


def test_a_date_at_the_head_wins_over_one_at_the_close():
    text = "Fengxian economy grows\n2024-05-08\n\nThe district's GDP rose 5.1%.\n\nSource: Fengxian Daily | Updated: 2024-05-10\n"
    assert extract_meta(text).published == "2024-05-08"


@pytest.mark.parametrize("intro", [
    "Present with us are Ms. Xu Lan, Deputy District Mayor of Minhang, and Mr. Tao Jian, Director of the District Commerce Commission.",
    "Joining us today are Dr. Xu Lan, Deputy District Mayor of Minhang, and Prof. Tao Jian, Director of the District Commerce Commission.",
    "With us are Mr. Xu Lan, Deputy District Mayor of Minhang, and Ms. Tao Jian, Director of the District Commerce Commission.",
])
def test_a_hosts_introduction_with_honorifics_names_the_officials(intro):
    text = f"Transcript: Minhang District press conference\n\nDate: April 17, 2025\n\nHost: Good morning. {intro} First, Deputy Mayor Xu will speak.\n\nXu Lan: Thank you.\n"
    meta = extract_meta(text)
    assert [(o.name, o.title) for o in meta.officials] == [
        ("Xu Lan", "Deputy District Mayor of Minhang"), ("Tao Jian", "Director of the District Commerce Commission")]


@pytest.mark.parametrize("line", ["October 2023", "Issued: Oct. 2023",
                                  "Jinshan District Development and Reform Commission, October 2023"])
def test_a_line_naming_the_month_of_issue_anchors_this_year_but_gives_no_published_day(line):
    from hqd.extraction import extract_text
    from hqd.extraction.metadata import issued_month
    text = f"Mid-term review of the plan\n\n{line}\n\nThis year, industrial output rose 4.1%.\n"
    assert issued_month(text) == (2023, 10)
    doc = extract_text(text)
    assert doc.meta.published is None
    assert [str(q.period) for q in doc.quantities] == ["2023"]


def test_a_sentence_naming_a_month_and_year_is_no_month_of_issue():
    from hqd.extraction.metadata import issued_month
    assert issued_month("Mid-term review\n\nIn October 2023 the district grew 4%.\n") is None


@pytest.mark.parametrize("intro", [
    "It is my pleasure to have with us this morning Ms. Xu Lan, Deputy District Mayor of Minhang, and Tao Jian, Director "
    "of the District Commerce Commission, to present the new measures.",
    "We have with us today Xu Lan, Deputy District Mayor of Minhang, and Tao Jian, Director of the District Commerce Commission.",
    "The district's deputy mayor is joined by Xu Lan, Deputy District Mayor of Minhang, and Tao Jian, Director of the "
    "District Commerce Commission, who will brief you on the plan.",
])
def test_a_host_who_has_people_with_us_lists_them_up_to_what_they_do(intro):
    """A host introduces the officials as the object of 'have with us' or 'joined by'; the list ends where what they
    will do begins ('to introduce ...', 'who will brief ...'), which is no part of a title."""
    text = f"Press conference on Minhang's plan\n\nDate: April 17, 2025\n\nHost: Good morning. {intro}\n\nXu Lan: Thank you.\n"
    meta = extract_meta(text)
    assert [(o.name, o.title) for o in meta.officials] == [
        ("Xu Lan", "Deputy District Mayor of Minhang"), ("Tao Jian", "Director of the District Commerce Commission")]


@pytest.mark.parametrize("text, district", [
    ("Chipmakers flock to Lingang\n\nThe Lingang Special Area signed 300 projects in 2023, officials said.\n", "Pudong"),
    ("West Bund art week draws crowds\n\nGalleries along the West Bund sold 2,000 works last week.\n", "Xuhui"),
    ("Zhangjiang drug makers expand\n\nZhangjiang's biotech firms raised 5 billion yuan, and Minhang's too.\n", "Minhang"),
    ("Shanghai's economy grows\n\nShanghai's GDP rose 5 percent. The city added 40 firms in Lujiazui. Shanghai exports rose.\n", None),
])
def test_a_text_that_names_no_district_is_about_the_one_its_places_lie_in(text, district):
    """A story of Lingang or the West Bund need never say "Pudong" or "Xuhui": a place that lies wholly within one
    district names it. A district named in the text still wins, and a city text naming a place once stays the city's."""
    assert extract_meta(text).district == district
