"""What a figure measures (extraction/metrics.py), on inline briefings."""

from hqd.extraction import extract_text
from .briefing import quantities


def test_comparison_base_keeps_the_metric_and_takes_the_earlier_period():
    qs = quantities("Minhang added 15,000 new market entities in the first quarter of this year, compared with 11,000 a year earlier.")
    assert qs["15,000"].period == "2023-Q1"
    # "a year earlier" than the first quarter of 2023 is the first quarter of 2022
    assert qs["11,000"].metric == "new market entities added" and qs["11,000"].period == "2022-Q1"


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


def test_a_count_followed_by_a_participle_and_a_measure():
    qs = quantities("The district now has 5 municipal-level innovation incubators covering 40,000 square meters.")
    assert qs["5"].metric == "municipal-level innovation incubators"
    assert qs["40,000 square meters"].unit == "m2" and "covering" not in qs["40,000 square meters"].metric


def test_a_comma_list_before_a_figure_keeps_the_noun_it_hangs_on():
    qs = quantities("The output of its three leading industries of artificial intelligence, life sciences and digital culture "
                    "exceeded 420 billion yuan. During the year, software and information firms grew 12%. "
                    "We explored new models of village funds, and activated 1.4 billion yuan in idle funds.")
    assert qs["420 billion yuan"].metric.startswith("output of its three leading industries")
    assert qs["12%"].metric == "software and information firms"  # an adverbial is no list head
    assert "explored" not in qs["1.4 billion yuan"].metric  # ", and activated ...": a second clause, no list


def test_a_goal_verb_is_not_part_of_the_metric_and_buildings_are_subjects():
    qs = quantities("By 2026, the town aims to lift the output of its robotics industry to 60 billion yuan. "
                    "The Harbor Robotics Tower, with a floor area of 140,000 square meters, opened in May.")
    assert qs["60 billion yuan"].metric == "output of its robotics industry" and qs["60 billion yuan"].kind == "target"
    assert qs["140,000 square meters"].subject == "Harbor Robotics Tower"


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


def test_rate_denominators_partitives_plus_and_clauses_after_a_count():
    qs = quantities("Energy consumption per 10,000 yuan of GDP fell 3.2 percent. "
                    "Some 40 of the Fortune Global 500 companies have regional headquarters here, and the lines added 30-plus stations. "
                    "The city is home to more than 2,000 biomedicine enterprises and generated two-thirds of its new drugs.")
    assert "10,000 yuan" not in qs  # the denominator of a rate
    assert qs["3.2 percent"].metric == "Energy consumption per 10,000 yuan of GDP" and qs["3.2 percent"].value == -3.2
    assert qs["40"].metric == "Fortune Global 500 companies"
    assert (qs["30"].metric, qs["30"].approx) == ("stations added", ">=")
    assert qs["2,000"].metric == "biomedicine enterprises"


def test_sq_m_rates_and_verbs_of_extent_and_multiples_end_metrics():
    qs = quantities("The park covers 3.5 sq km. Output doubled to 40 billion yuan in 2023. "
                    "The average housing price was 65,000 yuan/sq m.")
    assert (qs["3.5 sq km"].unit, qs["3.5 sq km"].metric) == ("km2", "park area")  # the seeds' gold names such figures "area"
    assert qs["40 billion yuan"].metric == "Output"
    assert qs["65,000 yuan/sq m"].unit == "CNY/m2"


def test_a_past_tense_verb_before_a_count_and_thresholds_after_counts():
    qs = quantities("Since 2019, the town has repaired 0.64 million square meters of old flats and benefited 21,000 households. "
                    "There are 47 towers with tax revenue above 100 million yuan, among which 22 buildings exceed 1 billion yuan.")
    assert qs["21,000"].metric == "households benefited"
    assert qs["22"].metric == "buildings"
    assert "There" not in (qs["1 billion yuan"].metric or "")


def test_classifier_units_coordinated_counts_and_goals_stated_after_the_metric():
    qs = quantities("Output of new energy vehicles reached 310,000 units last year. "
                    "The district built 12 new schools and 3 hospitals in 2022, and its suppliers number 47. "
                    "The output of new energy vehicles will exceed 1 million units by 2027.")
    assert qs["310,000"].metric == "Output of new energy vehicles"
    assert qs["12"].period == qs["3"].period == "2022"
    assert qs["47"].metric == "suppliers"  # 'number' is a verb here, not a name marker as in 'Line number 14'
    assert quantities("The total number was 47.")["47"].metric == "total number"
    assert (qs["1 million"].kind, qs["1 million"].metric) == ("target", "output of new energy vehicles")
    assert "14" not in quantities("The new Line number 14 opened.")


def test_goal_verbs_lead_no_metric_and_start_verbs_end_none():
    qs = quantities("The district will strive to achieve an output value of 100 billion yuan by 2025. "
                    "Construction of the 12-kilometer tram line started in 2022.")
    assert qs["100 billion yuan"].metric == "output value"
    assert qs["12-kilometer"].metric == "length of tram line"  # a size as an adjective measures its noun's length


def test_a_new_subject_after_and_starts_the_next_figures_words():
    qs = quantities("By the end of 2025, the district will have 120 kilometers of greenways "
                    "and the forest coverage rate is expected to reach 32%.")
    assert qs["120 kilometers"].metric == "greenways"
    assert qs["32%"].metric.startswith("forest coverage") and "greenways" not in qs["32%"].metric


def test_respectively_shares_the_head_noun_and_skips_adverbials():
    qs = quantities("Among them, the revenue of legal services and consulting firms increased by 12.3% and 9.8% respectively. "
                    "The number of high-tech enterprises and technology-based SMEs reached 2,480 and 3,965, respectively.")
    assert (qs["12.3%"].metric, qs["9.8%"].metric) == ("revenue of legal services", "revenue of consulting firms")
    assert (qs["2,480"].metric, qs["3,965"].metric) == ("number of high-tech enterprises", "number of technology-based SMEs")


def test_verbs_before_measures_and_elided_nouns():
    qs = quantities("The port handled 4.2 million TEUs of cargo last year. Its terminal received 1.1 million passenger trips in 2019, "
                    "and expects to welcome 1.5 million this year. The district aims to build its robotics industry into a "
                    "100-billion-yuan ($13.8 billion) cluster by 2026.")
    assert qs["4.2 million TEUs"].metric == "cargo"
    assert qs["1.5 million"].metric == "passenger trips" and qs["1.5 million"].kind == "target"
    assert qs["100-billion-yuan"].metric.startswith("robotics industry")


def test_numbered_ends_a_metric():
    assert quantities("High-tech enterprises numbered 2,453 in 2023.")["2,453"].metric == "High-tech enterprises"


def test_a_count_in_the_subject_leaves_the_amount_to_the_subjects_head():
    qs = quantities("Sales at its 180 major stores totaled 52.3 billion yuan, 12 percent higher than a year earlier.")
    assert qs["180"].metric == "major stores"
    assert qs["52.3 billion yuan"].metric == "Sales at major stores"
    assert qs["12 percent"].metric == "Sales at major stores"
    # a threshold inside the count's own noun phrase is not its subject
    qs = quantities("The district saw 26 platforms with transaction value exceeding 100 million yuan.")
    assert "emergence" not in qs["100 million yuan"].metric and "transaction value" in qs["100 million yuan"].metric


def test_part_of_a_count_and_counts_after_a_preposition():
    qs = quantities("The district attracted 126 regional headquarters, 11 of them new this year. "
                    "It has 1,573 high-tech enterprises, ranking third among Shanghai's 16 districts. "
                    "In 2022, we built 4,700 units. About 2,400 financial institutions now operate in Minhang.")
    assert qs["11"].metric == "regional headquarters"
    assert qs["16"].metric == "districts"
    assert qs["4,700"].metric == "units built"
    assert qs["2,400"].metric == "financial institutions"


def test_what_is_had_is_measured_and_modified_rates_keep_their_head():
    qs = quantities("The Changfeng Business District now has 1.5 million square meters of office space and an occupancy rate of 92%. "
                    "R&D spending equals 5.1 percent of GDP, well above the national average of 2.55 percent. "
                    "GDP grew at an average annual rate of 7%.")
    assert qs["1.5 million square meters"].metric == "office space"
    assert qs["92%"].metric == "occupancy rate"
    assert qs["2.55 percent"].metric == "national average"
    assert qs["7%"].metric == "GDP"
    assert qs["92%"].subject == "Changfeng Business District"


def test_experience_verbs_averaged_anaphoric_periods_and_kept_within_leave_metrics():
    qs = quantities("The integration efforts have seen rural residents' income rise by 6.8 per cent to 24,530 yuan. "
                    "PM2.5 density averaged 26 micrograms per cubic metre. Total investment in fixed assets reached 35.6 billion "
                    "yuan in the period. The surveyed urban unemployment rate will be kept within 4.5%.")
    assert qs["6.8 per cent"].metric == qs["24,530 yuan"].metric == "rural residents' income"
    assert qs["26 micrograms per cubic metre"].metric == "PM2.5 density"
    assert qs["35.6 billion yuan"].metric == "Total investment in fixed assets"
    assert qs["4.5%"].metric == "surveyed urban unemployment rate"


def test_a_count_after_more_and_a_measure_before_and_a_goal_verb():
    qs = quantities("In 2024, the district will start construction of the 480-meter North Bund Center "
                    "and aims to attract 50 more financial institutions.")
    assert qs["480-meter"].metric == "height of North Bund Center"
    assert qs["50"].metric == "financial institutions"


def test_counts_stop_at_another_figure_into_and_approximated_lists():
    qs = quantities("Putuo has transformed 27 old industrial buildings along its 9.6-kilometer creek front into spaces for firms. "
                    "It now has 6 universities and more than 40 research institutes.")
    assert qs["27"].metric == "old industrial buildings transformed"
    assert qs["9.6-kilometer"].metric == "length of creek front"
    assert qs["6"].metric == "universities" and qs["40"].metric == "research institutes"


def test_cut_investment_and_elided_nouns_after_verbs():
    qs = quantities("The wind farm cut carbon dioxide emissions by about 400,000 tonnes a year. "
                    "Over the next three years, the district will invest 50 billion yuan in the new city. "
                    "It completed the renovation of 1,020 households this year and will start renovating 600 more next year.")
    assert qs["400,000 tonnes"].kind == "change" and qs["400,000 tonnes"].value == -400000
    assert qs["400,000 tonnes"].metric == "carbon dioxide emissions a year"  # (a rate's time is part of it: _per_time)
    assert qs["50 billion yuan"].metric == "investment in the new city"
    assert qs["600"].metric == "households" and qs["600"].kind == "target"


def test_reached_a_scale_of_and_a_percent_jump_in():
    qs = quantities("The integrated circuit industry there reached a scale of 220 billion yuan. "
                    "The special area registered a 20.3-percent jump in industrial output to 300.1 billion yuan. "
                    "Imports edged down 0.6 percent. We target an online economy scale of 500 billion yuan by 2025.")
    assert qs["220 billion yuan"].metric == "integrated circuit industry scale"
    assert qs["20.3-percent"].kind == "change" and qs["20.3-percent"].metric == "industrial output"
    assert qs["300.1 billion yuan"].metric == "industrial output"
    assert qs["0.6 percent"].metric == "Imports"
    assert qs["500 billion yuan"].metric == "online economy scale"


def test_a_count_stops_where_a_threshold_or_another_figure_begins():
    qs = quantities("The center hosts 25 trade agencies from 18 countries. Minhang has 1,058 foreign-invested enterprises "
                    "with registered capital of more than US$10 million each. It signed 132 projects worth a combined 112 billion yuan.")
    assert qs["25"].metric == "trade agencies"
    assert qs["1,058"].metric == "foreign-invested enterprises with registered capital"
    assert qs["132"].metric == "projects signed"


def test_a_verb_before_a_count_leaves_the_subject_out():
    assert quantities("The 6th CIIE attracted 3,486 exhibitors from 128 countries.")["3,486"].metric == "exhibitors attracted"


def test_a_label_opening_the_line_names_the_figure():
    qs = quantities("Key figures for 2022:\n- Regional GDP: 310.5 billion yuan, up 5.8%;\n- Tax revenue: 66.2 billion yuan;\n"
                    "- 5G base stations: 2,300, covering 100% of commercial buildings.")
    assert qs["310.5 billion yuan"].metric == qs["5.8%"].metric == "Regional GDP"
    assert qs["66.2 billion yuan"].metric == "Tax revenue"
    assert qs["2,300"].metric == "5G base stations"
    assert qs["310.5 billion yuan"].period == "2022"


def test_recorded_sales_dozens_of_and_in_its_first_year():
    qs = quantities("Nanjing West Road recorded sales of 48.5 billion yuan. Jing'an is home to 2,000-plus professional service "
                    "firms and dozens of consulting agencies. The area received 2.3 million visitors in its first year.")
    assert qs["48.5 billion yuan"].metric == "Nanjing West Road sales"
    assert qs["2,000"].metric == "professional service firms" and qs["2,000"].approx == ">="
    assert qs["2.3 million"].metric == "visitors"


def test_fractions_after_and_a_change_after_after_and_adjectival_measures():
    qs = quantities("A quarter of the output and half of the tax revenue come from the park; 1/3 of firms export. "
                    "Revenue was 1.2 billion yuan, after a 3.2% rise. The 30-hectare park opened with a 5-km trail.")
    assert qs["A quarter"].metric == "share of the output"
    assert "output" not in qs["1/3"].metric
    assert qs["3.2%"].metric == "Revenue" and qs["3.2%"].kind == "change"
    assert qs["30-hectare"].metric == "area of park" and qs["5-km"].metric == "length of trail"


def test_projected_that_and_is_forecast_leave_the_metric():
    qs = quantities("It is projected that the population will reach 1.2 million by 2035. "
                    "Fixed-asset investment is forecast to grow 8% next year. "
                    "The district will ensure that forest coverage reaches 20% by 2025.")
    assert qs["1.2 million"].metric == "population"
    assert qs["8%"].metric == "Fixed-asset investment"
    assert qs["20%"].metric == "forest coverage"


def test_respectively_lists_share_their_head_and_a_second_run_reuses_the_items():
    qs = quantities("The output of integrated circuits, biomedicine and artificial intelligence reached 120 billion yuan, "
                    "85 billion yuan and 60 billion yuan, respectively. Exports and imports grew by 5.2% and 3.1% respectively, "
                    "reaching 80 billion yuan and 45 billion yuan. The number of patents granted and trademarks registered were "
                    "12,000 and 30,000, up 8% and 11% respectively. Primary, secondary and tertiary industries accounted for "
                    "0.5%, 20.3% and 79.2% of GDP respectively. The two parks house 500 and 320 firms, respectively.")
    assert [qs[t].metric for t in ("120 billion yuan", "85 billion yuan", "60 billion yuan")] == [
        "output of integrated circuits", "output of biomedicine", "output of artificial intelligence"]
    assert (qs["80 billion yuan"].metric, qs["45 billion yuan"].metric) == ("Exports", "imports")
    assert (qs["8%"].metric, qs["11%"].metric) == (qs["12,000"].metric, qs["30,000"].metric)
    assert (qs["0.5%"].metric, qs["20.3%"].metric) == ("Primary industries", "secondary industries")
    assert qs["500"].metric == qs["320"].metric == "firms"


def test_a_count_after_a_possessive_and_before_a_verb_with_a_figure():
    qs = quantities("The park's 1,200 enterprises employ 85,000 people. Tourism revenue rebounded to 95 percent of the 2019 level.")
    assert (qs["1,200"].metric, qs["85,000"].metric) == ("enterprises", "employees of enterprises")
    assert qs["95 percent"].metric.startswith("Tourism revenue") and "rebounded" not in qs["95 percent"].metric


def test_a_verb_between_subject_and_measured_noun_drops_out():
    qs = quantities("The digital economy core industries generated revenue of 180.6 billion yuan, up 8.8 percent.")
    assert qs["180.6 billion yuan"].metric == qs["8.8 percent"].metric == "digital economy core industries revenue"


def test_so_far_this_year_a_flops_classifier_and_on_track_to():
    qs = quantities("The district has attracted 31 AI model companies so far this year. Their computing power reached "
                    "3,000 petaflops. Its fiscal revenue is on track to exceed 40 billion yuan for the full year.")
    assert (qs["31"].metric, qs["31"].period) == ("AI model companies", "2023")
    assert qs["3,000"].metric == "computing power"
    assert (qs["40 billion yuan"].kind, qs["40 billion yuan"].metric) == ("target", "fiscal revenue")


def test_extent_verbs_measure_area_and_length():
    qs = quantities("The park covers 2.6 square kilometers. The greenway stretches 11.2 km along the river. "
                    "The downtown district, which covers just 20.5 square kilometers, grew fast. "
                    "The district signed 58 projects with a total investment of 24.6 billion yuan.")
    assert qs["2.6 square kilometers"].metric == "park area"
    assert qs["11.2 km"].metric == "greenway length"
    assert qs["20.5 square kilometers"].metric == "downtown area" and qs["20.5 square kilometers"].period is None
    assert "24.6" not in qs["58"].metric


def test_a_clause_holding_a_figure_names_no_other_figure():
    qs = quantities("Growth was -2.3%, or minus 2.3 percent, after a 1.5 percent dip.")
    assert qs["1.5 percent"].metric is None or not any(c.isdigit() for c in qs["1.5 percent"].metric)
    assert qs["minus 2.3 percent"].value == -2.3


def test_money_after_invest_is_investment():
    qs = quantities("The district has invested 10 billion yuan over two years. It undertook three rounds of renewal, "
                    "investing a total of 36 billion yuan. It will invest 5 billion yuan in the new city.")
    assert qs["10 billion yuan"].metric == qs["36 billion yuan"].metric == "investment"
    assert qs["5 billion yuan"].metric == "investment in the new city"


def test_an_amount_with_a_count_measures_the_counted_things():
    qs = quantities("The district signed 508 manufacturing projects, with a total investment of 39.6 billion yuan. "
                    "It introduced 58 industrial projects with a total investment of 24.6 billion yuan.")
    assert qs["39.6 billion yuan"].metric == "total investment of manufacturing projects signed"
    assert qs["24.6 billion yuan"].metric == "total investment of industrial projects"


def test_a_change_after_a_threshold_is_the_counts():
    qs = quantities("The district introduced 167 projects each valued at 100 million yuan or more, reflecting a rise of 70.4%.")
    assert qs["70.4%"].metric == qs["167"].metric == "projects each valued at 100 million yuan"


def test_ones_takes_the_noun_of_the_count_before():
    qs = quantities("Lujiazui Financial City is home to more than 6,000 financial institutions, including 1,200 licensed ones.")
    assert qs["1,200"].metric == "licensed financial institutions"
    assert qs["6,000"].subject == "Lujiazui Financial City"


def test_listed_measures_keep_their_own_of_noun():
    qs = quantities("The district added 2.3 million square meters of space and 150,000 square meters of offices.")
    assert (qs["2.3 million square meters"].metric, qs["150,000 square meters"].metric) == ("space", "offices")


def test_a_time_phrase_after_a_change_is_not_what_changed():
    qs = quantities("The district's regional GDP declined 2.1 percent year on year in the first half of this year, "
                    "but rebounded to growth of 3.4 percent in the third quarter.")
    assert qs["2.1 percent"].metric == "regional GDP" and qs["2.1 percent"].period == "2023-H1"
    assert "quarter" not in qs["3.4 percent"].metric and qs["3.4 percent"].period == "2023-Q3"


def test_units_reached_by_a_change_are_units_of_what_changed():
    qs = quantities("New energy vehicle production surged 2.6-fold to 68,000 units.")
    assert qs["68,000"].metric == qs["2.6-fold"].metric == "New energy vehicle production"


def test_a_count_list_shares_its_noun_but_a_new_clause_keeps_its_own():
    qs = quantities("The three parks house 500, 320 and 200 firms.")
    assert qs["500"].metric == qs["320"].metric == qs["200"].metric == "firms"
    qs = quantities("Its population reached 450,000, and 89,000 talents have settled there since 2019.")
    assert qs["450,000"].metric == "population" and qs["89,000"].metric == "talents"


def test_newly_stays_with_its_participle_and_number_after_now_is_a_verb():
    qs = quantities("Newly registered enterprises totaled 12,300, a rise of 9 percent.")
    assert qs["12,300"].metric == qs["9 percent"].metric == "Newly registered enterprises"
    qs = quantities("Regional headquarters of multinational companies now number 125, and 31 of them were recognized this year.")
    assert qs["125"].metric == "Regional headquarters of multinational companies"
    # the part "of them" that a predicate picks out counts those of which it holds (metric.part_that_does)
    assert qs["31"].metric == "Regional headquarters of multinational companies recognized"


def test_what_a_doer_has_done_and_the_object_of_a_measure_are_the_metric():
    qs = quantities("The New City has completed infrastructure investment of 38 billion yuan since 2021.")
    assert qs["38 billion yuan"].metric == "infrastructure investment"
    qs = quantities("The district plans to complete the renovation of 200,000 square meters of old-style lane houses this year.")
    assert qs["200,000 square meters"].metric == "renovation of old-style lane houses"
    qs = quantities("The output value of the core industries is planned to exceed 500 billion yuan by 2025.")
    assert qs["500 billion yuan"].metric == "output value of the core industries"


def test_whose_and_a_verb_before_an_approximated_figure_stay_out_of_metrics():
    qs = quantities("The sub-center hosts 612 companies, whose revenue topped 80 billion yuan last year. "
                    "Its 46 incubators and accelerators served about 2,500 start-ups.")
    assert qs["80 billion yuan"].metric == "revenue"
    assert qs["46"].metric == "incubators and accelerators" and qs["2,500"].metric == "start-ups served"


def test_a_verb_after_will_ends_the_clause_before_a_count():
    qs = quantities("The new line will carry 5,000 passengers a day by the end of next year.")
    assert qs["5,000"].metric == "passengers a day" and qs["5,000"].kind == "target"


def test_a_reporting_clause_and_yet_are_not_the_metric():
    qs = quantities("The district said on Friday that the output value of its AI industry topped 120 billion yuan last year. "
                    "It is small, yet it generated a regional GDP of RMB 301.4 billion.")
    assert qs["120 billion yuan"].metric == "output value of its AI industry"
    assert qs["RMB 301.4 billion"].metric == "regional GDP"


def test_a_bullet_list_each_line_its_own_label():
    qs = quantities("Key figures:\n\n- R&D intensity: 5.6% of GDP\n- Invention patents per 10,000 residents: 158\n"
                    "- Universities: 14, with 180,000 students\n\nRegional GDP reached 274.5 billion yuan.")
    assert qs["5.6%"].metric == "R&D intensity"
    assert qs["158"].metric == "Invention patents per 10,000 residents"
    assert qs["180,000"].metric == "students"


def test_units_after_a_verb_are_units_of_the_clauses_subject():
    qs = quantities("The talent apartments will provide 2,000 units by the end of next year. The district built 1,500 units.")
    assert qs["2,000"].metric == "talent apartments"
    assert qs["1,500"].metric == "units built"  # the district is no measure


def test_a_part_of_which_is_a_share_of_the_figure_before():
    qs = quantities("The district's tax revenue reached 125.6 billion yuan, of which the financial sector contributed 48 percent.")
    assert qs["48 percent"].kind == "share"
    assert qs["48 percent"].metric == "financial sector share of tax revenue"


def test_a_goal_for_a_share_and_a_measure_after_a_participle():
    qs = quantities("The district will make the added value of the digital economy account for more than 40% of GDP by 2025, "
                    "and will complete Phase I by the end of 2024, adding 1 million square meters of office space.")
    assert qs["40%"].kind == "target" and qs["40%"].metric == "added value of the digital economy share of GDP"
    assert qs["1 million square meters"].metric == "office space"


def test_n_of_them_takes_the_nearest_count_before_a_change():
    qs = quantities("The Gigafactory delivered 947,000 vehicles in 2022, up 37 percent, and exported 344,000 of them.")
    assert qs["344,000"].metric == "vehicles delivered"


def test_a_things_measure_named_after_with_a():
    qs = quantities("The district has set up an AI industry fund with a total scale of 10 billion yuan.")
    assert qs["10 billion yuan"].metric == "total scale of AI industry fund"


def test_respectively_items_ending_in_ing_and_heads_shared_by_from_or_in():
    qs = quantities("Revenue from services, manufacturing and agriculture grew by 5%, 3% and 1% respectively. "
                    "Investment in roads, ports and parks rose 2%, 4% and 6% respectively. The growth rate of investment was 12%.")
    assert [qs[t].metric for t in ("5%", "3%", "1%")] == ["Revenue from services", "Revenue from manufacturing",
                                                          "Revenue from agriculture"]
    assert [qs[t].metric for t in ("2%", "4%", "6%")] == ["Investment in roads", "Investment in ports", "Investment in parks"]
    assert qs["12%"].kind == "change"


def test_words_of_approximation_stay_out_of_metrics():
    qs = quantities("It has as many as 3,000 firms, a little over 60 parks and topping 1,000 buildings.")
    assert (qs["3,000"].metric, qs["60"].metric, qs["1,000"].metric) == ("firms", "parks", "buildings")
    assert (qs["60"].approx, qs["1,000"].approx) == (">", ">")


def test_bringing_the_total_to_counts_the_same_things():
    qs = quantities("Nine regional headquarters of foreign companies were added last year, bringing the total to 73.")
    assert qs["73"].metric == "regional headquarters of foreign companies"


def test_bringing_the_total_to_may_count_what_the_sentence_before_counted():
    qs = quantities("There are now 1,660 asset management firms in the district. By 2025, we aim to bring the total to 2,000.")
    assert qs["2,000"].kind == "target" and qs["2,000"].metric == qs["1,660"].metric


def test_an_extent_of_a_named_thing_measures_that_thing():
    qs = quantities("The Yangpu Riverside, covering 15.5 kilometers of shoreline, has attracted 38 companies.")
    assert qs["15.5 kilometers"].metric == "shoreline"


def test_units_reached_by_a_word_change_are_units_of_the_sentences_subject():
    qs = quantities('"Our new energy vehicle output more than doubled last year, to 350,000 units," said the director.')
    assert qs["350,000"].metric == "new energy vehicle output"


def test_a_speech_verb_ends_the_clause_before_a_count():
    qs = quantities("He said 62 companies had moved there this year.")
    assert qs["62"].metric == "companies"


def test_a_count_keeps_what_happened_to_it_and_spending_keeps_its_purpose():
    qs = quantities("86 enterprises were recognized as “little giants” last year, and 12 projects are expected to open. "
                    "The district will spend 2 billion yuan over the next three years to support intelligent manufacturing "
                    "and invest 5 billion yuan in 2024 in 30 schools.")
    assert qs["86"].metric == "enterprises recognized as little giants"
    assert qs["12"].metric == "projects"  # a goal's participle says when, not which
    assert qs["2 billion yuan"].metric == "spending to support intelligent manufacturing"
    assert qs["5 billion yuan"].metric == "investment in 30 schools"


def test_a_speakers_label_and_an_ing_verb_before_a_count_name_nothing():
    qs = quantities("Li Xiaoping: Hongkou covers 23.48 square kilometers. This year we opened 8 canteens for the elderly, "
                    "serving about 5,000 meals a day, and renovated 420 buildings, benefiting nearly 9,000 households.")
    assert qs["23.48 square kilometers"].metric == "area"
    assert qs["5,000"].metric == "meals a day"
    assert qs["9,000"].metric == "households benefiting"


def test_a_speaker_is_not_part_of_the_metric():
    qs = quantities("The city issued 1,300 road-test licenses. He said about 35 percent of the licenses went to foreign brands.")
    assert qs["35 percent"].metric.startswith("share of the licenses")
    assert quantities("Minhang's economic value added was 124.8 billion yuan.")["124.8 billion yuan"].metric == "economic value added"


def test_a_count_keeps_the_mark_its_things_pass_and_near_a_place_is_not_of_it():
    qs = quantities("Of the 80 companies with revenue over 1 billion yuan, 35 are internet platforms. Companies around Hongqiao "
                    "Airport reported revenue of 68.5 billion yuan. The district expects full-year revenue to top 500 billion yuan.")
    assert qs["80"].metric == "companies with revenue over 1 billion yuan"
    assert qs["35"].metric == "internet platforms"
    assert qs["68.5 billion yuan"].subject == "Minhang"
    assert qs["500 billion yuan"].approx == ">"


def test_a_rate_per_population_keeps_its_denominator_in_the_metric():
    qs = quantities("By 2025, hospital beds will increase to 4.5 per 1,000 residents, and the district will have 3.2 doctors "
                    "per 1,000 people.")
    assert qs["4.5"].metric == "hospital beds per 1,000 residents"
    assert qs["3.2"].metric.endswith("per 1,000 people")


def test_a_conversion_in_brackets_and_a_later_clause_led_by_an_anaphor():
    qs = quantities("The Lingang Special Area said its industrial output value reached 232.1 billion yuan ($32.1 billion) in "
                    "the first quarter, up 19.6%. Tesla's Shanghai Gigafactory delivered about 947,000 vehicles, while the "
                    "area's new energy vehicle industry chain gathered more than 300 suppliers. It drew 15 projects worth over "
                    "$100m. Its output is expected to exceed 600 billion yuan this year.")
    assert qs["$32.1 billion"].metric == qs["232.1 billion yuan"].metric == qs["19.6%"].metric
    assert qs["300"].subject == "Lingang Special Area"
    assert (qs["$100m"].kind, qs["600 billion yuan"].kind) == ("level", "target")  # "$100m." ends its sentence


def test_a_change_of_it_measures_what_the_sentence_before_measured_first():
    from hqd.extraction import extract_text

    doc = extract_text("The district's gross domestic product was 86.3 billion yuan in 2022. Compared with 2017, it was up 31.6%.",
                       briefing_date="2023-03-01")
    assert [q.metric for q in doc.quantities] == ["gross domestic product"] * 2


def test_an_acronym_in_brackets_is_no_clause_break_nor_part_of_the_metric():
    from hqd.extraction import extract_text

    doc = extract_text("SHANGHAI, Jan. 18 (Xinhua) -- Shanghai's gross domestic product (GDP) came to 4.47 trillion yuan in 2022, "
                       "up 0.2 percent from a year earlier.", briefing_date="2023-01-18")
    assert [q.metric for q in doc.quantities] == ["gross domestic product"] * 2


def test_every_metric_names_the_rule_that_set_it():
    from hqd.extraction.metrics import METRIC

    names = {rule.name for rule in METRIC.rules}
    found = quantities("Tax revenue reached 66.2 billion yuan, up 9.1%. The district has 2,900 high-tech enterprises, "
                       "and 45% of them are in the park. The new railway, 120 kilometers long, opened in June.")
    assert len(found) >= 5
    assert {q.text: q.why.get("metric") in names for q in found.values()} == {text: True for text in found}


def test_a_difference_from_last_month_after_a_count_is_a_change_of_what_it_counts():
    from hqd.extraction import extract_text

    doc = extract_text("Economic Performance in October 2025\n\nDate: 2025-11-20\n\n"
                       "The town registered 412 new shops in October, or 37 more than in September.")
    qs = {q.text: q for q in doc.quantities}
    assert qs["412"].metric == qs["37"].metric == "new shops"
    assert (qs["37"].kind, qs["37"].basis, qs["37"].period) == ("change", "sequential", "2025-10")


def test_a_level_in_a_clause_of_its_own_after_a_change_names_its_own_metric():
    from .briefing import quantities

    qs = quantities("In 2025, exports reached 96.2 billion yuan, up 4.8%, while the district's general public budget "
                    "revenue came to 21.7 billion yuan, an increase of 2.6%.")
    assert qs["21.7 billion yuan"].metric == qs["2.6%"].metric == "general public budget revenue"


def test_a_month_or_a_span_of_months_after_a_figure_is_no_part_of_its_metric():
    from .briefing import quantities

    qs = quantities("Fixed-asset investment fell 4.6% in January–October. Jinze received 2.8 million tourists from January "
                    "to September. The plant delivered 8,700 vehicles in April.")
    assert qs["4.6%"].metric == "Fixed-asset investment"
    assert qs["2.8 million"].metric == "tourists"
    assert qs["8,700"].metric == "vehicles delivered"


def test_the_number_of_a_list_item_and_its_lead_in_name_nothing():
    qs = quantities("By 2027, Jinshan will:\n1. lift the output of the new materials industry to 75 billion yuan;\n"
                    "2. increase the number of new materials firms to 340.\n")
    assert qs["75 billion yuan"].metric == "output of the new materials industry"
    assert qs["340"].metric == "number of new materials firms"


def test_a_counts_noun_phrase_ends_at_would_as_at_will():
    qs = quantities("Officials said 12 new parks would be completed by October. The district said 20 new schools will be built.")
    assert (qs["12"].metric, qs["20"].metric) == ("new parks", "new schools")


def test_a_measure_named_again_short_is_the_one_named_in_full_before():
    qs = quantities("The output of the district's marine equipment industries came to 41.9 billion yuan in 2023. "
                    "Since 2021, the equipment industries have grown by an average of 11.4% a year.")
    assert qs["11.4%"].metric == "output of the district's marine equipment industries"
    assert qs["11.4%"].why["metric"] == "metric.named_in_full_before"


def test_what_the_counted_things_have_done_says_which_are_counted():
    qs = quantities("By the end of May, 45 projects had started construction, and 9,800 households have moved to new homes.")
    assert qs["45"].metric == "projects started construction"
    assert qs["9,800"].metric == "households moved to new homes"


def test_in_total_says_how_much_not_in_what():
    qs = quantities("Over five years, the output value of the biomedicine industry grew by 48 percent in total.")
    assert qs["48 percent"].metric.startswith("output value of the biomedicine industry")


def test_a_goal_for_a_change_at_an_average_annual_rate_is_a_goal_for_that_growth():
    qs = quantities("From 2019 to 2023, tax revenue grew at an average annual rate of 4.1%, short of the 5% set in the plan. "
                    "Retail sales rose 3%, below the 4% expected.")
    assert qs["4.1%"].metric == "tax revenue"  # a change: what changed (the contract)
    assert qs["5%"].metric == "tax revenue average annual growth"  # the plan's goal is for the yearly rate
    assert qs["4%"].metric == "Retail sales"  # a change in one year: the goal is for the sales


def test_a_mark_that_counted_things_pass_stays_in_their_noun_and_is_measured_per_thing():
    qs = quantities("The park has 52 firms with annual sales of more than 500 million yuan. "
                    "It counted 17 start-ups raising over 50 million yuan in funding. "
                    "There are 9 projects with investment of 2 billion yuan or more each, "
                    "and 80 projects with total investment of more than 60 billion yuan.")
    assert qs["52"].metric == "firms with annual sales of more than 500 million yuan"
    assert qs["500 million yuan"].metric == "annual sales per firm"
    assert qs["17"].metric == "start-ups raising over 50 million yuan in funding"
    assert qs["50 million yuan"].metric == "funding raised per start-up"
    assert qs["2 billion yuan"].metric == "investment per project"
    assert "per" not in qs["60 billion yuan"].metric  # a total, roughly: a sum, not a mark each one passes


def test_one_noun_named_again_with_the_is_the_measure_named_in_full_before():
    qs = quantities("The biomedicine sector posted revenue of 42 billion yuan in 2023. Since 2020, the sector has grown 9% a year.")
    assert qs["9%"].metric == "biomedicine sector revenue"


def test_a_count_after_a_mark_of_money_in_its_subject_counts_the_things():
    """'The number of enterprises with annual revenue exceeding 100 million yuan rose to 86': the 86 are enterprises,
    not the revenue the mark before measures (a count is no sum of money)."""
    qs = quantities("The number of online new economy enterprises with annual revenue exceeding 100 million yuan rose to 86. "
                    "Firms with revenue above 10 million yuan grew to 1,200.")
    assert "enterprises" in qs["86"].metric and "per" not in qs["86"].metric
    assert "Firms" in qs["1,200"].metric


def test_a_passive_after_a_relative_clause_or_an_aside_says_which_things_are_counted():
    qs = quantities("Last year 2,100 graduates who studied abroad were hired by local labs. "
                    "By June, 9,400 homes, or 96.5 percent of village homes, were linked to the gas grid.")
    assert qs["2,100"].metric.startswith("graduates hired by local labs")
    assert qs["9,400"].metric == "homes linked to the gas grid"


def test_a_part_of_a_counted_whole_counts_the_wholes_noun():
    qs = quantities("The town has rebuilt 9 of the 15 old bridges on its canals.")
    assert qs["9"].metric.startswith("old bridges")


def test_a_size_as_adjective_measures_its_noun_phrase_not_the_clause_after_it():
    qs = quantities("Most firms sit in the 40-square-kilometer industrial zone where the port lies. "
                    "The 9-kilometer riverside has been opened to walkers.")
    assert qs["40-square-kilometer"].metric == "area of industrial zone"
    assert qs["9-kilometer"].metric == "length of riverside"


def test_a_number_before_a_changes_noun_is_the_ranges_other_end_not_what_changed():
    qs = quantities("Rents rose 3-4 percent year on year.")
    assert qs["3"].metric == qs["4 percent"].metric == "Rents"


def test_a_figure_said_a_day_or_a_month_keeps_its_time_in_the_metric():
    qs = quantities("The depot dispatches about 8,000 trucks a day, and the plant turns out 40,000 bicycles each year.")
    assert qs["8,000"].metric.endswith(" a day")
    assert qs["40,000"].metric.endswith(" a year")
    qs = quantities("The town opened 12 clinics a year ago, and its growth was 5 percent a year.")
    assert "year" not in qs["12"].metric and "year" not in (qs["5 percent"].metric or "")


def test_a_speakers_label_before_an_answer_names_no_measure():
    doc = extract_text("Transcript\n\nReporter: How much land will the park get?\n\nLiu Yang: About 2.5 square kilometers.")
    assert doc.quantities[0].metric not in ("Liu Yang", "Liu Yang:")
    assert "Liu" not in (doc.quantities[0].metric or "")


def test_a_change_in_points_reaches_a_percentage_not_another_unit():
    qs = quantities("Office vacancy was 12 percent, down 1.5 percentage points from June, and mean rents climbed to 7.2 yuan per "
                    "square meter a day.")
    assert qs["7.2 yuan per square meter"].metric == "mean rents a day"
    qs = quantities("The vacancy rate fell 1.5 percentage points to 12 percent.")
    assert qs["12 percent"].metric == qs["1.5 percentage points"].metric
