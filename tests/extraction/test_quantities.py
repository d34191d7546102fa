import pytest

from hqd.extraction import extract_text

BRIEFING = "Press Release for Media Briefing of the Shanghai Municipal Government on August 22, 2023\n\n"


def quantities(body: str):
    doc = extract_text(BRIEFING + "The Information Office held the briefing (Minhang District special session).\n\n" + body)
    return {q.text: q for q in doc.quantities}


def test_level_and_change_with_period_carried_through_paragraph():
    qs = quantities(
        "In the first half of this year, the district's GDP was 12.5 billion yuan, marking an increase of 6.2%. "
        "Fiscal revenue reached 3.1 billion yuan, a rise of 4.4%.\n\nLast year, it had 120 parks."
    )
    assert qs["12.5 billion yuan"].kind == "level"
    assert qs["12.5 billion yuan"].period == "2023-H1"
    assert qs["6.2%"].kind == "change" and qs["6.2%"].metric == qs["12.5 billion yuan"].metric
    assert qs["3.1 billion yuan"].period == "2023-H1"
    assert "revenue" in qs["3.1 billion yuan"].metric.lower()
    assert qs["120"].period == "2022" and qs["120"].metric == "parks"
    assert qs["12.5 billion yuan"].subject == "Minhang"


def test_decrease_is_negative_and_approx_words():
    qs = quantities("Energy use was cut by 8.5%. Emissions fell by nearly 1,200 tons. The zone has over 300 firms.")
    assert qs["8.5%"].kind == "change" and qs["8.5%"].value == pytest.approx(-8.5)
    assert qs["1,200 tons"].value == pytest.approx(-1200) and qs["1,200 tons"].approx == "~"
    assert qs["300"].approx == ">" and qs["300"].kind == "level"


def test_share_target_and_threshold():
    qs = quantities(
        "Online sales accounted for about 30% of the city's total. "
        "We aim to raise the number of high-tech firms to 900 by 2025. "
        "It signed 15 projects worth 100 million yuan or more."
    )
    assert qs["30%"].kind == "share" and qs["30%"].approx == "~"
    assert qs["900"].kind == "target" and qs["900"].period == "2025"
    assert qs["100 million yuan"].approx == ">="


def test_from_to_shares_unit_and_both_are_levels():
    qs = quantities("Spending rose from 10.7 billion in 2016 to 13.8 billion yuan this year.")
    assert qs["10.7 billion"].unit == "CNY" and qs["10.7 billion"].kind == "level"
    assert qs["10.7 billion"].period == "2016"
    assert qs["13.8 billion yuan"].period == "2023"


def test_list_of_changes_share_kind():
    qs = quantities("Patents, firms and exports have surged by 119%, 155%, and 220% respectively.")
    assert [qs[t].kind for t in ("119%", "155%", "220%")] == ["change"] * 3


def test_company_subject():
    qs = quantities("Notably, Huawei HiSilicon led the charge with 84.2% revenue growth.")
    assert qs["84.2%"].subject == "Huawei HiSilicon"


def test_unseen_district_phrasings():
    doc = extract_text(
        "Press Release for Media Briefing of the Shanghai Municipal Government on May 16, 2024\n\n"
        "Fixed-asset investment fell by 3.2% in the first quarter. The PM2.5 concentration dropped to "
        "28 micrograms per cubic meter. Songjiang Hub, a 7,000-square-meter station, will open by the end of 2025. "
        "In 2023, the plant produced 950,000 vehicles, accounting for over half of its global deliveries."
    )
    qs = {q.text: q for q in doc.quantities}
    assert qs["3.2%"].value == pytest.approx(-3.2) and qs["3.2%"].period == "2024-Q1"
    assert qs["3.2%"].metric == "Fixed-asset investment"
    assert "PM2.5" in qs["28 micrograms per cubic meter"].metric
    assert qs["7,000-square-meter"].unit == "m2" and qs["7,000-square-meter"].kind == "target"
    assert qs["half"].period == "2023" and qs["half"].kind == "share"


def test_news_lead_frames_the_short_paragraphs_that_follow():
    doc = extract_text(
        "Minhang's economy grows\n2023-11-08 09:30\n\n"
        "Minhang District's GDP reached 205.6 billion yuan in the first three quarters of this year, up 6.2 percent.\n\n"
        "Total retail sales rose 12.8 percent to 98.4 billion yuan, while fixed-asset investment dropped by 2.1 percent.\n\n"
        "By 2025, the district aims to have 2,500 high-tech enterprises. Since 2019, it has built 45 new schools and 12 hospitals.\n"
    )
    qs = {q.text: q for q in doc.quantities}
    assert "three quarters" not in qs  # "the first three quarters of" is a period
    assert qs["205.6 billion yuan"].period == "2023-01/2023-09"
    assert qs["98.4 billion yuan"].period == "2023-01/2023-09" and qs["98.4 billion yuan"].metric == "Total retail sales"
    assert qs["2.1 percent"].metric == "fixed-asset investment" and qs["2.1 percent"].value == pytest.approx(-2.1)
    assert qs["2,500"].kind == "target" and qs["2,500"].period == "2025"
    assert qs["12"].metric == "hospitals" and qs["12"].period == "2019/2023"


def test_subjects_follow_names_acronyms_possessives_and_anaphora():
    qs = quantities(
        "The CIIE secured purchase orders exceeding US$4.4 billion. "
        "Among them, Xinbohai's central kitchen has a capacity of 40,000 tons. "
        "The district built the Hongqiao Smart Park. This area hosts more than 300 companies. "
        "Since the start of the 14th Five-Year Plan period, output rose 7.1% a year."
    )
    assert qs["US$4.4 billion"].subject == "CIIE"
    assert qs["40,000 tons"].subject == "Xinbohai"
    assert qs["300"].subject == "Hongqiao Smart Park"
    assert qs["7.1%"].subject == "Minhang"


def test_comparison_base_keeps_the_metric_and_takes_the_earlier_period():
    qs = quantities("Minhang added 15,000 new market entities in the first quarter of this year, compared with 11,000 a year earlier.")
    assert qs["15,000"].period == "2023-Q1"
    assert qs["11,000"].metric == "new market entities" and qs["11,000"].period == "2022"


def test_language_is_detected():
    assert extract_text("In 2022, GDP grew 5%.").language == "en"
    assert extract_text("2023年上半年，嘉定区实现经济增加值1248.3亿元，同比增长9.1%。").language == "zh"


def test_comparison_bases_growth_nouns_spaced_currency_and_within():
    qs = quantities(
        "Tax revenue fell 3.5% from a year earlier to 12 billion yuan. "
        "Over the past five years, average annual growth was 8.5 percent. "
        "Per capita GDP exceeded US$ 30,000. The unemployment rate was kept within 4.5%. "
        "We will build 10 new parks and renovate 500,000 square meters of old housing by 2025."
    )
    assert qs["3.5%"].period is None and qs["12 billion yuan"].metric == "Tax revenue"
    assert qs["8.5 percent"].kind == "change" and qs["8.5 percent"].period == "2018/2023"
    assert qs["US$ 30,000"].unit == "USD" and qs["US$ 30,000"].approx == ">"
    assert qs["4.5%"].approx == "<="
    assert qs["10"].metric == "new parks" and qs["10"].kind == "target"


def test_news_quotes_comparatives_relative_clauses_and_continued_goals():
    doc = extract_text(
        "Jing'an aims for business hub status\n\n"
        "Jing'an District plans to attract 50 more regional headquarters by 2025, bringing the total to 150.\n\n"
        "\"We have 96 regional headquarters now,\" said an official. The district's tax revenue from its 79 buildings "
        "that each generate over 100 million yuan a year totaled 48.7 billion yuan in 2022.\n\n"
        "Some 1,300 new firms were registered in the first 10 months, 18 percent more than a year earlier; "
        "exports were 5% lower.\n"
    )
    qs = {q.text: q for q in doc.quantities}
    assert "96" in qs and "10 months" not in qs
    assert qs["150"].kind == "target" and qs["150"].period == "2025"
    assert "tax revenue" in qs["48.7 billion yuan"].metric
    assert qs["18 percent"].kind == "change" and qs["18 percent"].value == pytest.approx(18)
    assert qs["5%"].kind == "change" and qs["5%"].value == pytest.approx(-5)


def test_milestone_with_an_appositive_between_subject_and_verb():
    doc = extract_text(BRIEFING + "Construction of the Dazero Bay project, covering 1.2 square kilometers, will start in the fourth quarter.")
    assert [(t.deadline, t.value) for t in doc.targets] == [("2023-Q4", None)]


def test_acronym_modifiers_and_end_of_year_bases():
    qs = quantities(
        "In the first quarter, the output value of the AI industry exceeded 40 billion yuan. "
        "As of June, the number of high-tech enterprises totaled 1,106, up from 800 at the end of 2020."
    )
    assert qs["40 billion yuan"].subject == "Minhang"
    assert qs["800"].metric == "number of high-tech enterprises" and qs["800"].period == "2020"
    assert qs["1,106"].period == "2023-H1"


def test_predicate_verbs_end_metrics_and_noun_phrases():
    qs = quantities("Over the past five years, the district's regional GDP has grown at an average annual rate of 5.2%. "
                    "Industrial investment jumping 35 percent led the way. "
                    "Tax revenue per square kilometer ranked third among the central urban districts, at 4.3 billion yuan. "
                    "Assets held by its 1,700 asset management firms exceeded 7 trillion yuan.")
    assert qs["5.2%"].metric == "regional GDP" and qs["5.2%"].kind == "change"
    assert qs["35 percent"].metric == "Industrial investment" and qs["35 percent"].kind == "change"
    assert qs["4.3 billion yuan"].metric == "Tax revenue per square kilometer"
    assert qs["1,700"].metric == "asset management firms"


def test_level_reached_after_a_change_takes_its_metric():
    qs = quantities("In 2023, its industrial output value grew by 23.7% over the previous year to 423.6 billion yuan.")
    assert [(q.kind, q.metric) for q in qs.values()] == [("change", "industrial output value"), ("level", "industrial output value")]


def test_durations_end_noun_phrases_and_hyphenated_meters_are_lengths():
    q = quantities("The district plans to bring the number of high-tech enterprises to 1,800 within three years.")["1,800"]
    assert "high-tech enterprises" in q.metric and "years" not in q.metric
    tower = quantities("Its 480-meter landmark tower opened in 2022.")["480-meter"]
    assert (tower.value, tower.unit) == (480, "m")


def test_a_rate_written_once_serves_the_difference_that_follows():
    qs = quantities("PM2.5 concentration dropped to 29 micrograms per cubic meter in 2023, 3 micrograms lower than a year earlier.")
    first, second = qs["29 micrograms per cubic meter"], qs["3 micrograms"]
    assert first.unit == second.unit == "ug/m3"
    assert (second.kind, second.value) == ("change", -3)


def test_causes_are_not_subjects_and_due_to_is_not_a_goal():
    qs = quantities("Revenue totaled 15.8 billion yuan, down 11.3 percent due to the VAT credit refunds, "
                    "but tax revenue from the biomedicine sector grew 17 percent.")
    assert (qs["11.3 percent"].kind, qs["11.3 percent"].value) == ("change", -11.3)
    assert qs["17 percent"].subject == "Minhang"
    assert quantities("The new line is due to open with 12 stations by 2025.")["12"].kind == "target"


def test_a_deadline_does_not_frame_the_sentences_after_it():
    q = quantities("The landmark tower is scheduled to be completed in 2026. "
                   "Office space in the area totals 2.7 million square meters.")["2.7 million square meters"]
    assert q.period is None and q.metric == "Office space in the area"


def test_rate_denominators_are_not_figures_and_a_multiple_base_is_not_the_period():
    qs = quantities("In 2022, the number of invention patents per 10,000 residents reached 42, 3.6 times that of 2015. "
                    "Photovoltaic capacity totals 350 MW.")
    assert list(qs) == ["42", "3.6 times", "350 MW"]
    assert qs["3.6 times"].period == "2022" and qs["3.6 times"].unit == "times"
    assert qs["350 MW"].period != "2015"


def test_a_time_stated_mid_sentence_carries_to_the_clauses_after_it():
    qs = quantities("PM2.5 concentration dropped to 29 micrograms per cubic meter in 2023, "
                    "and the proportion of days with good air quality was 87.9%.")
    assert qs["87.9%"].period == "2023"
    goal = quantities("Output reached 12 billion yuan in 2022, and the district will add 30 schools.")["30"]
    assert goal.kind == "target" and goal.period != "2022"


def test_a_count_followed_by_a_participle_and_a_measure():
    qs = quantities("The district now has 5 municipal-level innovation incubators covering 40,000 square meters.")
    assert qs["5"].metric == "municipal-level innovation incubators"
    assert qs["40,000 square meters"].unit == "m2" and "covering" not in qs["40,000 square meters"].metric


def test_a_rate_is_not_lent_to_an_unrelated_amount():
    qs = quantities("In 2023, new homes sold for 58,000 yuan per square meter, up 300 yuan, and sales totaled 12 billion yuan.")
    assert [q.unit for q in qs.values()] == ["CNY/m2", "CNY/m2", "CNY"]


def test_a_comma_list_before_a_figure_keeps_the_noun_it_hangs_on():
    qs = quantities("The output of its three leading industries of artificial intelligence, life sciences and digital culture "
                    "exceeded 420 billion yuan. During the year, software and information firms grew 12%. "
                    "We explored new models of village funds, and activated 1.4 billion yuan in idle funds.")
    assert qs["420 billion yuan"].metric.startswith("output of its three leading industries")
    assert qs["12%"].metric == "software and information firms"  # an adverbial is no list head
    assert "explored" not in qs["1.4 billion yuan"].metric  # ", and activated ...": a second clause, no list


def test_a_span_of_years_sums_up_its_own_paragraph_only():
    qs = quantities("Over the past five years, the district has attracted 93 regional headquarters.\n\n"
                    "Investment rose 12.4% to 61.2 billion yuan. It added 2,300 elderly care beds.")
    assert qs["93"].period == "2018/2023"
    assert qs["12.4%"].period is None and qs["2,300"].period is None


def test_a_goal_verb_is_not_part_of_the_metric_and_buildings_are_subjects():
    qs = quantities("By 2025, the district aims to raise the output of its AI industry to 150 billion yuan. "
                    "The West Bund AI Tower, with a floor area of 230,000 square meters, opened in June.")
    assert qs["150 billion yuan"].metric == "output of its AI industry" and qs["150 billion yuan"].kind == "target"
    assert qs["230,000 square meters"].subject == "West Bund AI Tower"


def test_a_news_lead_frames_the_story_past_dated_asides_and_present_tense():
    doc = extract_text(
        "Yangpu's digital economy grows\n\n"
        "SHANGHAI, Sept 5, 2024 -- Yangpu District recorded a total output value of 98.7 billion yuan "
        "in the first half of 2024, up 11.3 percent.\n\n"
        "The district now hosts 312 high-tech enterprises certified last year. "
        "Revenue from software services climbed 15.2 percent to 46.1 billion yuan.\n\n"
        "Technology contract turnover reached 21.3 billion yuan. A new science park of 120,000 square meters "
        "is slated to open at the end of 2025.\n"
    )
    qs = {q.text: q for q in doc.quantities}
    assert qs["98.7 billion yuan"].metric == "total output value"  # the dateline is no part of it
    assert qs["312"].period == "2023"
    assert qs["15.2 percent"].period == qs["46.1 billion yuan"].period == "2024-H1"
    assert qs["21.3 billion yuan"].period == "2024-H1"
    assert qs["120,000 square meters"].kind == "target" and qs["120,000 square meters"].metric == "new science park"


def test_a_briefing_has_no_lead_to_return_to():
    qs = quantities("In the first half of this year, revenue grew 5%.\n\n"
                    "The district currently has 40 parks and 12 hospitals. Exports rose 3% over the period.")
    assert qs["40"].period is None and qs["3%"].period is None


def test_relative_clauses_measures_after_figures_and_complements():
    qs = quantities("In 2023, the district ranked first in the growth of total retail sales, which reached 85.6 billion yuan. "
                    "It added 1,260 hectares of forest and 38 kilometers of greenways. "
                    "The district will invest 12 billion yuan in 25 major projects this year, and aims to reach 300 parks by 2025.")
    assert qs["85.6 billion yuan"].metric == "total retail sales"
    assert qs["38 kilometers"].metric == "greenways"
    assert qs["12 billion yuan"].kind == "target" and qs["12 billion yuan"].period == "2023"  # "in 25 projects" claims no time
    assert qs["300"].period == "2025"


def test_counts_with_prepositions_after_them_holders_before_and_contributed_shares():
    qs = quantities("Over the past five years, the number of regional headquarters rose from 78 to 108. "
                    "The Hongqiao Smart Valley now gathers more than 3,500 enterprises. "
                    "The infant mortality rate dropped to 1.6 per thousand. "
                    "Tax revenue was 41.2 billion yuan, of which the digital economy contributed nearly 40 percent.")
    assert qs["78"].metric == qs["108"].metric == "number of regional headquarters"
    assert qs["3,500"].metric == "enterprises" and qs["3,500"].subject == "Hongqiao Smart Valley"
    assert qs["1.6"].metric.startswith("infant mortality")
    assert qs["40 percent"].kind == "share" and qs["40 percent"].approx == "~"


def test_a_goal_starts_from_an_undated_level_and_plain_verbs_stay_out_of_count_metrics():
    qs = quantities("By the end of 2025, we expect the number of listed companies to double from 15 to 30. "
                    "This year we plan to start another 12 projects.")
    assert (qs["15"].kind, qs["15"].period) == ("level", None)
    assert (qs["30"].kind, qs["30"].period) == ("target", "2025")
    assert qs["15"].metric == qs["30"].metric == "number of listed companies"
    assert qs["12"].metric == "projects" and qs["12"].kind == "target"


def test_rate_denominators_partitives_plus_and_clauses_after_a_count():
    qs = quantities("Energy consumption per 10,000 yuan of GDP fell 3.2 percent. "
                    "Some 40 of the Fortune Global 500 companies have regional headquarters here, and the lines added 30-plus stations. "
                    "The city is home to more than 2,000 biomedicine enterprises and generated two-thirds of its new drugs.")
    assert "10,000 yuan" not in qs  # the denominator of a rate
    assert qs["3.2 percent"].metric == "Energy consumption per 10,000 yuan of GDP" and qs["3.2 percent"].value == -3.2
    assert qs["40"].metric == "Fortune Global 500 companies"
    assert (qs["30"].metric, qs["30"].approx) == ("stations", ">=")
    assert qs["2,000"].metric == "biomedicine enterprises"


def test_sq_m_rates_and_verbs_of_extent_and_multiples_end_metrics():
    qs = quantities("The park covers 3.5 sq km. Output doubled to 40 billion yuan in 2023. "
                    "The average housing price was 65,000 yuan/sq m.")
    assert (qs["3.5 sq km"].unit, qs["3.5 sq km"].metric) == ("km2", "park")
    assert qs["40 billion yuan"].metric == "Output"
    assert qs["65,000 yuan/sq m"].unit == "CNY/m2"


def test_a_past_tense_verb_before_a_count_and_thresholds_after_counts():
    qs = quantities("Since 2018, the district has renovated 1.12 million square meters of old lanes and benefited 46,000 households. "
                    "There are 85 buildings with tax revenue of more than 100 million yuan, among which 22 buildings exceed 1 billion yuan.")
    assert qs["46,000"].metric == "households"
    assert qs["22"].metric == "buildings"
    assert "There" not in (qs["1 billion yuan"].metric or "")


def test_asides_goals_without_deadlines_and_marks_passed():
    qs = quantities("During the first quarter, exports reached 38.2 billion yuan.\n\n"
                    "The R&D Center, covering an area of about 2,400 mu, is expected to accommodate 30,000 researchers when completed. "
                    "It was the first building to surpass 10 billion yuan in tax revenue. "
                    "The district aims to raise forest coverage to 20 percent and cut PM2.5 concentration to below 25 micrograms "
                    "per cubic meter by 2025.")
    assert qs["2,400 mu"].kind == "level"  # the aside describes; the goal after it is not its
    assert (qs["30,000"].kind, qs["30,000"].metric, qs["30,000"].period) == ("target", "researchers", None)
    assert qs["10 billion yuan"].metric == "tax revenue"
    assert qs["25 micrograms per cubic meter"].metric == "PM2.5 concentration"


def test_classifier_units_coordinated_counts_and_goals_stated_after_the_metric():
    qs = quantities("Output of new energy vehicles reached 310,000 units last year. "
                    "The district built 12 new schools and 3 hospitals in 2022, and its suppliers number 47. "
                    "The output of new energy vehicles will exceed 1 million units by 2027.")
    assert qs["310,000"].metric == "Output of new energy vehicles"
    assert qs["12"].period == qs["3"].period == "2022"
    assert "47" in qs  # 'number' is a verb here, not a name marker as in 'Line number 14'
    assert (qs["1 million"].kind, qs["1 million"].metric) == ("target", "output of new energy vehicles")
    assert "14" not in quantities("The new Line number 14 opened.")


def test_goal_verbs_lead_no_metric_and_start_verbs_end_none():
    qs = quantities("The district will strive to achieve an output value of 100 billion yuan by 2025. "
                    "Construction of the 12-kilometer tram line started in 2022.")
    assert qs["100 billion yuan"].metric == "output value"
    assert qs["12-kilometer"].metric == "tram line"
