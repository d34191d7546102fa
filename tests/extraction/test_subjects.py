"""Whose figure it is (extraction/subjects.py), on inline briefings."""

import pytest

from hqd.extraction import extract_text

from .briefing import quantities


def test_company_subject():
    qs = quantities("Notably, Huawei HiSilicon led the charge with 84.2% revenue growth.")
    assert qs["84.2%"].subject == "Huawei HiSilicon"


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


def test_causes_are_not_subjects_and_due_to_is_not_a_goal():
    qs = quantities("Revenue totaled 15.8 billion yuan, down 11.3 percent due to the VAT credit refunds, "
                    "but tax revenue from the biomedicine sector grew 17 percent.")
    assert (qs["11.3 percent"].kind, qs["11.3 percent"].value) == ("change", -11.3)
    assert qs["17 percent"].subject == "Minhang"
    assert quantities("The new line is due to open with 12 stations by 2025.")["12"].kind == "target"


def test_shanghais_district_is_the_district_and_shanghais_total_the_city():
    qs = quantities("Shanghai's Hongkou District has attracted more than 1,700 financial institutions. "
                    "Shanghai's GDP reached 4.72 trillion yuan in 2023.")
    assert qs["1,700"].subject == "Minhang"  # a district's figure: the briefing's district by default, not the city
    assert qs["4.72 trillion yuan"].subject == "Shanghai"


def test_a_superlative_possessive_is_a_yardstick_not_a_subject():
    qs = quantities("Its cruise terminal, Asia's largest, received 1.1 million passenger trips in 2019.")
    assert qs["1.1 million"].subject == "Minhang"


def test_a_park_named_in_an_aside_is_not_the_subject():
    qs = quantities("The district's robotics industry, clustered around the Shanghai Robot Industrial Park, generated output "
                    "of 30.5 billion yuan. In the Zizhu High-tech Park, 460 companies have settled.")
    assert qs["30.5 billion yuan"].subject == "Minhang"
    assert qs["460"].subject == "Zizhu High-tech Park"


def test_a_district_name_in_capitals_is_the_district_not_an_acronym():
    from hqd.extraction import extract_text

    doc = extract_text("Yangpu turns factories into hubs\nShanghai Daily, Nov 3, 2022\n\n"
                       "YANGPU District has transformed 42 old industrial buildings.")
    assert [(q.text, q.subject) for q in doc.quantities] == [("42", "Yangpu")]


def test_a_name_qualifying_another_noun_is_not_the_subject():
    qs = quantities("Trade with countries involved in the Belt and Road Initiative accounted for 38.5 percent of the total.")
    assert qs["38.5 percent"].subject == "Minhang"


def test_a_participle_opening_describes_the_main_clauses_subject():
    qs = quantities("The Zizhu High-tech Park was founded in 2001. Covering 2.6 square kilometers, the park hosts 400 firms. "
                    "Spanning 3 kilometers, the Minhang Riverside Park draws crowds. With 1,200 firms, Minhang leads the city.")
    assert qs["2.6 square kilometers"].subject == "Zizhu High-tech Park"
    assert qs["3 kilometers"].subject == "Minhang Riverside Park"
    assert qs["1,200"].subject == "Minhang"


def test_its_points_back_to_the_previous_subject_and_a_sibling_owns_nothing():
    qs = quantities("The West Bund Smart Tower now houses 68 AI companies. Its occupancy rate reached 95%. "
                    "The Shanghai AI Laboratory and 8 national-level innovation platforms are located in the district.")
    assert qs["68"].subject == qs["95%"].subject == "West Bund Smart Tower"
    assert qs["8"].subject == "Minhang"


def test_a_later_clause_led_by_the_district_is_not_the_names():
    qs = quantities("The Songjiang Hub will be completed this year, and the district plans to build 20 more smart factories "
                    "by 2025. The Oriental Beauty Valley is home to 3,000 firms, and its output value reached 62.8 billion yuan.")
    assert qs["20"].subject == "Minhang"
    assert qs["62.8 billion yuan"].subject == "Oriental Beauty Valley"


def test_a_name_owned_by_a_possessive_and_acronyms_that_modify():
    qs = quantities("Minhang has become an AI hub, with the West Bund's \"AI Valley\" gathering more than 1,000 AI enterprises. "
                    "Tesla's Shanghai Gigafactory delivered more than 947,000 vehicles last year.")
    assert qs["1,000"].subject == "AI Valley"
    assert qs["947,000"].subject == "Tesla's Shanghai Gigafactory"


def test_their_and_the_area_in_the_next_paragraph_point_back_to_the_name():
    qs = quantities("The Oriental Beauty Valley is home to more than 3,000 beauty companies. "
                    "Their output value reached 76.3 billion yuan last year.")
    assert qs["76.3 billion yuan"].subject == "Oriental Beauty Valley"
    qs = quantities("The Lingang Special Area has signed 1,151 industrial projects.\n\n"
                    "In the first seven months, the area's industrial output reached 146.2 billion yuan.\n\n"
                    "The district's retail sales rose 5.1%.")
    assert qs["146.2 billion yuan"].subject == "Lingang Special Area"
    assert qs["5.1%"].subject == "Minhang"


def test_a_later_clauses_own_name_the_city_and_a_share_of_a_named_figure():
    qs = quantities("SAIC Motor's sales reached 1.12 million units last year, while CATL's Lingang plant, with an investment "
                    "of 7 billion yuan, has an annual capacity of 80 gigawatt-hours. The city's NEV production exceeded "
                    "480,000 units, accounting for about 12 percent of the national total. The city plans to have 1.5 million "
                    "charging piles by 2025. Volkswagen's MEB plant has a designed capacity of 300,000 vehicles a year.")
    assert qs["1.12 million"].subject == "SAIC Motor"
    assert qs["7 billion yuan"].subject == qs["80 gigawatt-hours"].subject == "CATL"
    assert (qs["80 gigawatt-hours"].unit, qs["80 gigawatt-hours"].value) == ("kWh", 8e7)  # the contract lists no GWh
    assert qs["480,000"].subject == qs["12 percent"].subject == qs["1.5 million"].subject == "Shanghai"
    assert qs["300,000"].subject == "Volkswagen"


def test_a_sentence_going_on_about_the_name_the_one_before_opened_with():
    qs = quantities("Notably, Carbon Valley Industrial Park embarked on transformations in 2016. By the close of 2022, "
                    "a total of 79 companies underwent transformations. In terms of jobs, the district added 5,000 posts.")
    assert qs["79"].subject == "Carbon Valley Industrial Park"
    assert qs["5,000"].subject == "Minhang"
    qs = quantities("Huawei opened a lab in 2020. The district's revenue rose 5%.")
    assert qs["5%"].subject == "Minhang"


def test_another_district_opening_the_clause_owns_its_figures():
    doc = extract_text("Districts report growth\n\n2023-08-02 10:15 Source: Shanghai Daily\n\n"
                       "In the first half of 2023, Pudong New Area's GDP rose 8.1 percent to 806.4 billion yuan, and Minhang's "
                       "output grew 6.2 percent to 158.6 billion yuan. Huangpu District collected 16.3 billion yuan of fiscal "
                       "revenue, while Jing'an District's tax income hit 44.2 billion yuan.")
    qs = {q.text: q for q in doc.quantities}
    assert qs["806.4 billion yuan"].subject == "Pudong" and qs["806.4 billion yuan"].metric == "GDP"
    assert qs["6.2 percent"].subject == qs["158.6 billion yuan"].subject == "Minhang"
    assert qs["16.3 billion yuan"].subject == "Huangpu" and qs["44.2 billion yuan"].subject == "Jing'an"


def test_a_name_that_starts_with_a_district_is_a_name():
    qs = quantities("The Songjiang Hub covers an area of about 1.5 square kilometers. "
                    "Minhang District added 300 firms. The Fengxian New City has 20 parks.")
    assert qs["1.5 square kilometers"].subject == "Songjiang Hub"
    assert qs["300"].subject == "Minhang"
    assert qs["20"].subject == "Fengxian New City"


def test_a_district_opening_the_sentence_owns_a_goal_for_a_name_it_names_later():
    qs = quantities("Minhang plans to build the Bay Area into a 100-billion-yuan industrial cluster by 2027. "
                    "Minhang's Zizhu Park has 1,700 firms.")
    assert qs["100-billion-yuan"].subject == "Minhang"
    assert qs["1,700"].subject == "Zizhu Park"


def test_its_after_a_sentence_about_the_park_and_the_park_a_few_paragraphs_on():
    qs = quantities("The Caohejing Hi-Tech Park reported record output.\n\nThe park now hosts more than 2,300 companies. "
                    "Its tax revenue is expected to exceed 10 billion yuan.\n\nThe district's output fell 3.1 percent.\n\n"
                    "The park will add 800,000 square meters of new industrial space by 2025.")
    assert qs["2,300"].subject == qs["10 billion yuan"].subject == qs["800,000 square meters"].subject == "Caohejing Hi-Tech Park"
    assert qs["3.1 percent"].subject == "Minhang"


def test_a_district_in_brackets_after_a_name_is_no_subject():
    qs = quantities("The Hongqiao International Central Business District (Qingpu section) gathered 1,050 trade enterprises.")
    assert qs["1,050"].subject == "Hongqiao International Central Business District"


def test_a_named_event_owns_its_figures_but_a_holiday_is_a_time():
    qs = quantities("The Chongming Flower Expo, held in 2021, received 2.1 million visitors. "
                    "Over the Spring Festival holiday, the district's malls received 3.6 million visits.")
    assert qs["2.1 million"].subject == "Chongming Flower Expo"
    assert qs["3.6 million"].subject == "Minhang"


def test_the_park_after_said_that_points_back_to_the_park():
    qs = quantities("The Robot Industrial Park hosts 200 robotics companies.\n\n"
                    "Chen said the district would spend 2 billion yuan, and that the park's output value is expected to "
                    "exceed 50 billion yuan by 2026.")
    assert qs["50 billion yuan"].subject == "Robot Industrial Park"  # "that the park's": "that" is a conjunction here
    assert qs["2 billion yuan"].subject == "Minhang"


def test_a_bund_is_an_area_a_later_clause_names_its_own_subject_and_a_place_opening_yields_to_the_district():
    qs = quantities("The North Bund, our main engine, now has 2,600 financial institutions. By 2025, the North Bund will complete "
                    "4 million square meters of new buildings, and the Sinar Mas Plaza tower, at 320 meters, will become the tallest. "
                    "Along the North Bund, the district built 5 km of riverside paths. "
                    "In Zhangjiang Science City, output reached 50 billion yuan.")
    assert qs["2,600"].subject == qs["4 million square meters"].subject == "North Bund"
    assert qs["320 meters"].subject == "Sinar Mas Plaza"
    assert qs["5 km"].subject == "Minhang"  # not "Along the North Bund": the district is the sentence's own subject
    assert qs["50 billion yuan"].subject == "Zhangjiang Science City"


def test_the_area_points_back_to_a_name_before_the_same_common_noun():
    qs = quantities("Shanghai's Daning area in the north is being developed into a digital hub.\n\n"
                    "Wang said the area would host more than 1,000 digital enterprises by 2025 and that its annual output "
                    "would exceed 100 billion yuan.")
    assert qs["1,000"].subject == qs["100 billion yuan"].subject == "Daning"
    assert qs["100 billion yuan"].kind == "target"  # "would" of a speech verb far back in the sentence


def test_the_area_after_a_district_named_in_the_sentence_and_the_science_city_after_its_name():
    qs = quantities("The Lingang Special Area grew fast.\n\nActual use of foreign capital in Pudong reached 10.2 billion dollars, "
                    "and 58 multinational companies set up regional headquarters in the area, bringing the total to 460.\n\n"
                    "Zhangjiang Science City is home to 2,000 firms. The district plans to expand the science city from "
                    "95 square kilometers to 220 square kilometers by 2035. The district will invest 5 billion yuan in the science "
                    "city, including 2 billion yuan for labs.")
    assert qs["460"].subject == "Pudong"
    assert qs["95 square kilometers"].subject == qs["220 square kilometers"].subject == "Zhangjiang Science City"
    assert qs["2 billion yuan"].subject == "Minhang"  # "invest ... in the science city": where the district invests, not whose


def test_it_continues_the_name_before_and_a_relative_clause_belongs_to_its_named_antecedent():
    qs = quantities("The Smart Sensor Industrial Park covers 3 square kilometers. Since its launch in 2019, it has introduced "
                    "136 projects.\n\nThe district is home to the Huawei research and development center, which will employ "
                    "30,000 people when completed.\n\nIn 2023, the district opened a new line. The line, with a designed speed of "
                    "350 km per hour, links Jiaxing.")
    assert qs["136"].subject == "Smart Sensor Industrial Park"
    assert qs["30,000"].subject == "Huawei"
    assert qs["350 km per hour"].period is None  # a design specification takes no period from the frame


def test_a_place_name_before_a_common_head_names_a_project_whose_total_investment_is_undated():
    qs = quantities("The district opened 11 new schools in September. The Zhuanqiao area renovation project, with a total "
                    "investment of RMB 12 billion, will be completed in 2026 and rehouse 3,600 families.")
    assert qs["RMB 12 billion"].subject == qs["3,600"].subject == "Zhuanqiao area renovation project"
    assert qs["RMB 12 billion"].period is None  # not the September of the sentence before


def test_plural_things_point_back_to_no_single_name_and_a_count_names_what_its_things_are():
    qs = quantities("The Robot Park opened in May.\n\nAt the conference, 36 projects were signed. Among them, 8 are Fortune "
                    "Global 500 companies. The projects are expected to generate annual tax revenue of 3 billion yuan.")
    assert qs["3 billion yuan"].subject == "Minhang"
    assert qs["8"].metric == "Fortune Global 500 companies"


def test_the_event_points_back_to_a_named_event():
    qs = quantities("The 2023 Yangpu Investment Promotion Conference opened on June 27. The event drew representatives of over "
                    "300 companies.")
    assert qs["300"].subject == "Yangpu Investment Promotion Conference"


def test_the_asker_is_not_the_subject_and_an_adjectival_length_belongs_to_the_name_it_describes():
    qs = quantities("In response to a question from Shanghai Media Group, Fang said Minhang would complete 18 key projects "
                    "in 2024, with total investment exceeding 30 billion yuan. The 11-kilometer Huangpu Riverside is open.")
    assert qs["18"].subject == qs["30 billion yuan"].subject == "Minhang"
    # the projects' total investment is their worth, a level beside the goal of completing 18 (kind.total_investment_of_the_projects:
    # the gold of tuning10 minhang, tuning11 hongkou, tuning12 yangpu, heldout6 minhang); the count is the goal
    assert (qs["18"].kind, qs["30 billion yuan"].kind, qs["30 billion yuan"].approx) == ("target", "level", ">")
    assert qs["11-kilometer"].subject == "Huangpu Riverside"


def test_a_person_introduced_with_a_title_is_not_a_figures_subject():
    from hqd.extraction import extract_text

    doc = extract_text("Songjiang grew fast. Liu Qian, director of the district's investment office, said Songjiang signed 126 projects.",
                       briefing_date="2024-03-05")
    assert [q.subject for q in doc.quantities] == ["Songjiang"]
    assert doc.quantities[0].why["subject"] != "subject.named_with_aside"


def test_a_definite_name_opening_its_sentence_owns_its_figures():
    # a building named without a head word ("Tower", "Park") is still the clause's subject; "its" after an opening
    # time phrase goes on about it; a sentence opened by "The" and a common noun names no one
    qs = quantities("The Shanghai Arch achieved a milestone last year by becoming the city's first building to surpass "
                    "10 billion yuan in tax revenue. As of July this year, its tax revenue had exceeded 9 billion yuan. "
                    "The Industrial output reached 50 billion yuan. The district added 300 firms.")
    assert qs["10 billion yuan"].subject == "Shanghai Arch"
    assert qs["9 billion yuan"].subject == "Shanghai Arch"
    assert qs["300"].subject == "Minhang"


def test_a_sentence_about_a_sector_or_the_district_does_not_continue_the_topic():
    qs = quantities("The Harbor Finance Tower paid 1 billion yuan in tax. High-tech industries accounted for "
                    "42.5% of the district's industrial output. The output value of the biomedicine industry reached 8 billion yuan.")
    assert qs["1 billion yuan"].subject == "Harbor Finance Tower"
    assert qs["42.5%"].subject == "Minhang"
    assert qs["8 billion yuan"].subject == "Minhang"


def test_a_district_before_an_aside_opens_its_sentence_and_it_after_an_opening_phrase_goes_on():
    qs = quantities("Shanghai grew 5 percent. Jiading, home to the auto city, saw its output rise 7 percent. "
                    "Pudong New Area, the city's biggest district, saw its GDP pass 1.5 trillion yuan. "
                    "The Zizhu park, which opened in 2001, has 460 companies. In 2022, it paid 3 billion yuan in tax.")
    assert qs["7 percent"].subject == "Jiading"
    assert qs["1.5 trillion yuan"].subject == "Pudong"
    assert qs["3 billion yuan"].subject == "Zizhu park"


def test_a_joined_clause_about_a_sector_leaves_the_previous_subject_and_a_named_mall_owns_its_sales():
    qs = quantities("The Oriental Beauty Valley's output hit 42 billion yuan. Its exports doubled, and the cosmetics sector "
                    "made up one-quarter of the district's industrial output. "
                    "Sales at the Riverside Outlet Park, one of the biggest discount malls, grew by 8.7%.")
    assert qs["one-quarter"].subject == "Minhang"
    assert qs["8.7%"].subject == "Riverside Outlet Park"


def test_a_founding_opening_dates_no_figure_and_an_automaker_points_back():
    qs = quantities("Founded in 1992, the Zhangjiang park hosts 24,000 companies. Its revenue topped 1 trillion yuan last year. "
                    "Local firms such as SAIC Motor sold 5 million vehicles. The automaker's exports rose 40 percent.")
    assert qs["24,000"].period is None and qs["24,000"].subject == "Zhangjiang park"
    assert qs["1 trillion yuan"].subject == "Zhangjiang park"
    assert qs["40 percent"].subject == "SAIC Motor"


def test_a_name_goes_on_past_its_head_with_of_and_capitals_or_a_place_in_brackets():
    qs = quantities("Xinjing Hospital of Integrated Medicine added 120 beds. "
                    "National Exhibition and Convention Center (Shanghai), the expo site, has a floor area of 1.2 million square meters. "
                    "ZTO Express, which runs a sorting center in Huaxin Town, processed 28 million parcels a day in March.")
    assert qs["120"].subject == "Xinjing Hospital of Integrated Medicine"
    assert qs["1.2 million square meters"].subject == "National Exhibition and Convention Center (Shanghai)"
    assert qs["28 million"].subject == "ZTO Express"  # an acronym the capitalised words after it make a name of
    assert quantities("The Zizhu Science Park of Minhang added 12 firms.")["12"].subject == "Zizhu Science Park"  # not "of" a district


def test_a_name_with_an_aside_owns_its_sentence_and_the_anaphors_its_aside_names():
    qs = quantities("Jinze, an old canal town 15 km from the venue, received 2.8 million tourists in 2023. "
                    "Ticket revenue from the town's gondola rides rose by 3 million yuan.\n\n"
                    "Golden Crane, one of China's oldest soy sauce makers, opened a smart plant in 2020. "
                    "Its annual production capacity is 90 million bottles.\n\n"
                    "Additionally, the number of new firms rose by 12 percent.")
    assert qs["2.8 million"].subject == qs["3 million yuan"].subject == "Jinze"
    assert qs["90 million"].subject == "Golden Crane"
    assert qs["12 percent"].subject == "Minhang"  # an opening adverb before an aside is no name


def test_the_valley_points_to_the_name_with_that_word_some_paragraphs_back():
    qs = quantities("The Oriental Beauty Valley, the district's cosmetics cluster, gathers 3,000 companies.\n\n"
                    "GDP grew 5 percent. Retail sales rose 3 percent. Exports fell 2 percent.\n\n"
                    "Investment grew 7 percent. Jobs rose 1 percent. Output rose 4 percent. Tax revenue grew 6 percent.\n\n"
                    "The valley now has 86 research and development centers.")
    assert qs["86"].subject == "Oriental Beauty Valley"


def test_quoted_and_lowercase_headed_names_and_a_sectors_clause_after_a_name():
    qs = quantities('The "Smart Logistics" cluster beside Harbor Trade Park signed up 210 firms. '
                    "By 2028, the sales of the Smart Logistics cluster are expected to pass 90 billion yuan. "
                    "Huaihai Road Pedestrian Street received some 86 million visits in 2024. "
                    "Caoyang Road Subdistrict finished repairs to 24,000 square meters of old apartment blocks. "
                    "The Riverside asset management belt now hosts 640 licensed fund managers, and the finance "
                    "sector made up 28.3% of the district's GDP last year.")
    assert qs["210"].subject == qs["90 billion yuan"].subject == "Smart Logistics cluster"
    assert qs["86 million"].subject == "Huaihai Road Pedestrian Street"
    assert qs["24,000 square meters"].subject == "Caoyang Road Subdistrict"
    assert qs["640"].subject == "Riverside asset management belt"
    assert qs["28.3%"].subject == "Minhang"  # a sector's share, in a clause of its own: the district's


def test_an_anaphor_prefers_the_name_with_its_own_word_to_a_nearer_one_of_its_kind():
    qs = quantities("The Lingang Special Area posted exports of 96.1 billion yuan.\n\n"
                    "Zhangjiang Science City hosts about 1,400 chip design firms.\n\n"
                    "According to the area's development plan, industrial output will surpass 500 billion yuan by 2025.")
    assert qs["500 billion yuan"].subject == "Lingang Special Area"


def test_a_named_building_is_its_sentences_subject_the_district_before_area_is_the_district():
    qs = quantities("The Shanghai Arch building generated tax revenue of 1 billion yuan. The Minhang area grew 5 percent.")
    assert qs["1 billion yuan"].subject == "Shanghai Arch"
    assert qs["5 percent"].subject == "Minhang"


def test_a_possessive_name_after_the_its_after_it_and_a_smart_city():
    qs = quantities("The Lingang Special Area's exports came to 74.2 billion yuan, up 6.8%. "
                    "Taopu Smart City drew 158 companies.\n\n"
                    "The Oriental Beauty Valley is the town's pride. It has drawn 1,900 firms. "
                    "Its sales reached 31.5 billion yuan.")
    assert qs["74.2 billion yuan"].subject == qs["6.8%"].subject == "Lingang Special Area"
    assert qs["158"].subject == "Taopu Smart City"
    assert qs["31.5 billion yuan"].subject == "Oriental Beauty Valley"


def test_it_in_a_later_clause_goes_on_about_the_name_before():
    qs = quantities("Dongtan Wetland Park alone drew some 450,000 visitors in 2021, and it shelters 160 fish species.")
    assert qs["450,000"].subject == qs["160"].subject == "Dongtan Wetland Park"


def test_the_topic_named_after_an_opening_time_phrase_goes_on_in_the_next_sentence():
    qs = quantities("In 2022, the Grand Zero Bay incubated 214 startups. University labs signed 860 patent licensing deals.")
    assert qs["860"].subject == "Grand Zero Bay"


def test_the_company_points_to_the_one_a_managers_title_names():
    qs = quantities('"Half of our orders now come from abroad," said Qian Hui, general manager of Lanxin Precision '
                    "Tools. The company's sales reached 1.6 billion yuan in 2025.")
    assert qs["1.6 billion yuan"].subject == "Lanxin Precision Tools"


def test_its_inside_the_subject_and_an_anaphor_after_an_opening_time_phrase():
    qs = quantities("The Oriental Beauty Valley gathers 3,000 firms.\n\n"
                    "In the first half of 2021, the valley's output value rose 19.6 percent. "
                    "Sales of its brands during the Double 11 shopping event passed 1.2 billion yuan.")
    assert qs["1.2 billion yuan"].subject == "Oriental Beauty Valley"


def test_a_name_before_a_lowercase_head_of_a_business_circle_is_the_subject():
    qs = quantities("Sales of the Wujiaochang business circle grew 14.6% to 8.37 billion yuan.")
    assert qs["14.6%"].subject == qs["8.37 billion yuan"].subject == "Wujiaochang business circle"


def test_a_name_before_a_lowercase_business_district_is_the_subject_but_the_district_is_no_head():
    qs = quantities("The Nanjing West Road business district posted retail sales of 31.2 billion yuan. "
                    "The North Bund has become the district's new engine. It gathers 900 shipping firms.")
    assert qs["31.2 billion yuan"].subject == "Nanjing West Road business district"
    assert qs["900"].subject != "North Bund has become the district"


def test_a_name_after_its_clauses_subject_and_verb_is_its_object_not_the_subject():
    qs = quantities("Two firms went public on the STAR Market, raising a combined 3.1 billion yuan. "
                    "We will complete the Hongqiao Tower's main structure and renovate 80,000 square meters of old housing.")
    assert qs["3.1 billion yuan"].subject == "Minhang"
    assert qs["80,000 square meters"].subject == "Minhang"


def test_an_anaphor_opening_a_paragraph_names_a_new_thing_not_one_of_another_word_paragraphs_before():
    qs = quantities("The \"Oriental Beauty Valley\" cosmetics cluster gathered over 3,000 companies.\n\n"
                    "For this year, the district has set a target of GDP growth of around 6%.\n\n"
                    "The new city will add 20,000 housing units over the next three years.")
    assert qs["20,000"].subject == "Minhang"


def test_a_quoted_official_of_a_government_office_speaks_for_no_firm_or_place():
    qs = quantities("The Zizhu Park hosts 300 firms.\n\n\"Exports rose by 12 percent,\" said Li Hua, deputy director of the "
                    "Shanghai Municipal Commission of Commerce. \"Output rose by 9 percent,\" said Wang Fang, head of the "
                    "Zizhu Park management committee.")
    assert qs["12 percent"].subject == "Minhang"
    assert qs["9 percent"].subject == "Zizhu Park"


def test_a_definite_description_used_again_names_the_same_thing_paragraphs_later():
    qs = quantities("Today Nanda Smart City is a model of low-carbon design.\n\nThe zone hosts 174 firms.\n\n"
                    "\"We moved in in 2019,\" said Fang Lei, founder of Qingyu Sensors.\n\n"
                    "Another tenant, Mingda Optics, set up its head office here in 2022.\n\n"
                    "Rent in the zone is about 3.1 yuan per square meter per day.")
    assert qs["174"].subject == "Nanda Smart City"
    assert qs["3.1 yuan per square meter per day"].subject == "Nanda Smart City"


def test_a_name_in_an_earlier_item_of_a_list_is_not_the_next_items_subject():
    qs = quantities("By 2028, we will:\n- lift the North Bund's shipping revenue to 45 billion yuan;\n"
                    "- bring the number of research institutes to 60.")
    assert qs["45 billion yuan"].subject == "North Bund"
    assert qs["60"].subject == "Minhang"



def test_a_part_of_a_named_thing_is_the_subject_with_the_name_it_is_part_of():
    # the noun phrase heads the clause: the part ("branch", "extension", "section", "annex"), not the name that modifies it
    qs = quantities("The Jiading Library's Anting branch, with a floor area of 8,000 square meters, opened in May. "
                    "Metro Line 11's northern extension carries 40,000 passengers a day.\n\n"
                    "The Minhang Riverside north section gathers 300 firms. "
                    "The Songjiang hub of the new railway will handle 50,000 passengers a day.\n\n"
                    "The Hongqiao Expo Center annex, with a floor area of 60,000 square meters, will open in 2027. "
                    "The Minhang area grew 5 percent.")
    assert qs["8,000 square meters"].subject == "Jiading Library's Anting branch"
    assert qs["40,000"].subject == "Metro Line 11's northern extension"
    assert qs["300"].subject == "Minhang Riverside north section"  # a district's name going on into a thing's name
    assert qs["50,000"].subject == "Songjiang hub"  # a district's name before a common head: a thing in the district
    assert qs["60,000 square meters"].subject == "Hongqiao Expo Center annex"
    assert qs["5 percent"].subject == "Minhang"  # "the Minhang area" is the district


def test_the_area_around_a_road_or_a_park_keeps_its_area_and_a_section_of_a_belt_its_belt():
    qs = quantities("The Wuning Road area drew 3.1 million visitors. The Gucun Forest Park area covers 400 hectares. "
                    "The Daning area grew 4 percent. The Jiangwan section of the digital innovation belt gathers 210 firms.")
    assert qs["3.1 million"].subject == "Wuning Road area"  # the area around the road, not the road
    assert qs["400 hectares"].subject == "Gucun Forest Park area"
    assert qs["4 percent"].subject == "Daning"  # "the Daning area" is Daning
    assert qs["210"].subject == "Jiangwan section of the digital innovation belt"


def test_the_expo_points_to_the_name_it_heads_not_to_one_it_only_modifies():
    qs = quantities("The Minhang flower expo park, a 9-square-kilometer site, will host the 11th China Flower Expo next year. "
                    "The expo is expected to draw 3 million visitors.")
    assert qs["3 million"].subject == "China Flower Expo"


def test_the_belt_points_back_to_the_belt_a_plan_is_for():
    # "the belt" names a belt: in "the Action Plan for the X Belt" the plan and the belt are two things
    qs = quantities("Briefing on the Action Plan for the Wenzao Creative Belt\n\nThe Wenzao River runs 9 kilometers through the "
                    "district. Last year, firms along the belt earned revenue of 31.2 billion yuan.")
    assert qs["31.2 billion yuan"].subject == "Wenzao Creative Belt"


def test_the_company_points_back_to_a_firm_named_with_an_aside_though_its_name_has_no_head_word():
    qs = quantities("Many chipmakers have come. Qiyuan Photonics, which moved its headquarters to the district in 2021, is one of "
                    "them. The company employs 900 people.\n\nThe Zizhu Park opened in 2001. Heyun Bio, which moved in last "
                    "year, makes enzymes. The park hosts 120 firms.")
    assert qs["900"].subject == "Qiyuan Photonics"
    assert qs["120"].subject == "Zizhu Park"  # "the park" is no firm


def test_malls_markets_tunnels_and_riversides_named_by_a_place_are_things():
    qs = quantities("The Jinqiao Harbour mall, a 90,000-square-meter project, opens in May. The Dinghai Road night market, "
                    "which drew 2.4 million visits last year, will grow. The Beiheng Road tunnel will cut the trip to 6 minutes. "
                    "In 2024 the Minhang riverside, where 80 firms now pay tax, earned 3 billion yuan.")
    assert qs["90,000-square-meter"].subject == "Jinqiao Harbour mall"
    assert qs["2.4 million"].subject == "Dinghai Road night market"
    assert qs["6 minutes"].subject == "Beiheng Road tunnel"
    assert qs["3 billion yuan"].subject == "Minhang riverside"


def test_a_planned_park_named_with_an_acronym_and_a_thing_of_a_firm():
    qs = quantities("The planned 0.8-square-kilometer Xinzhuang AI park, which opened in May, now houses 90 companies.\n\n"
                    "The 520,000-square-meter plant of Qiantang Motors, built in a year, is expected to turn out 80,000 cars.")
    assert qs["0.8-square-kilometer"].subject == qs["90"].subject == "Xinzhuang AI park"
    assert qs["520,000-square-meter"].subject == "Qiantang Motors"  # the firm's plant
    assert qs["80,000"].subject == "Qiantang Motors"  # the comma in "520,000" opens no clause


def test_the_place_of_the_things_a_clause_counts_owns_its_figures():
    # the subject is "the makers in the park", "the firms that moved to the bund": the place's figures
    qs = quantities("The 140 licensed drug makers in the Zizhu Science Park produced goods worth 31.5 billion yuan, 6.2 percent "
                    "more than in 2022.\n\nCompanies that have moved their headquarters to the Xuhui Riverside from other cities "
                    "since 2022 number 45, including 3 of the Fortune Global 500.\n\n"
                    "Minhang has 60 makers in the Xinzhuang Industrial Zone.")
    assert qs["140"].subject == qs["31.5 billion yuan"].subject == qs["6.2 percent"].subject == "Zizhu Science Park"
    assert qs["45"].subject == qs["3"].subject == "Xuhui Riverside"
    assert qs["60"].subject == "Minhang"  # the district's makers, in the zone: the clause's subject is the district


def test_a_name_cut_to_one_word_after_it_was_named_in_full_is_the_full_name():
    qs = quantities("The Taopu Smart City hosts 300 firms. Taopu's output rose 12 percent. "
                    "The Zizhu Valley is the district's brand. \"Our aim is to lift the Valley's output past 90 billion yuan,\" he said.")
    assert qs["12 percent"].subject == "Taopu Smart City"
    assert qs["90 billion yuan"].subject == "Zizhu Valley"


def test_a_districts_section_of_a_named_park_is_that_section():
    qs = quantities("Output of the Minhang section of the Caohejing Hi-Tech Park rose 4.1 percent in 2022.")
    assert qs["4.1 percent"].subject == "Minhang section of the Caohejing Hi-Tech Park"


def test_a_sentence_opening_on_an_anaphor_sets_the_topic_of_the_next_though_it_gives_a_figure():
    qs = quantities("The Nanda Smart City opened in 2019.\n\nFrom January to June, the zone signed 58 projects. Biotech projects "
                    "accounted for 6.1 billion yuan of that.")
    assert qs["6.1 billion yuan"].subject == "Nanda Smart City"
    qs = quantities("The Nanda Smart City opened in 2019.\n\nBy 2026, the zone aims to host 900 firms. A second phase covering "
                    "0.8 square kilometers will start in May.")
    assert qs["0.8 square kilometers"].subject == "Nanda Smart City"  # a phase of it


def test_a_story_goes_on_about_the_place_its_headline_opens_with():
    doc = extract_text("Qiantan Business District draws banks\n\nBy Li Na | Shanghai Daily | 2024-05-02\n\n"
                       "The Qiantan Business District in Pudong hosts 40 banks. Rents averaged 9.1 yuan per square meter per day. "
                       "Pudong as a whole recorded GDP of 1.7 trillion yuan. Its exports reached 1.1 trillion yuan.")
    qs = {q.text: q for q in doc.quantities}
    assert qs["9.1 yuan per square meter per day"].subject == "Qiantan Business District"
    assert qs["1.7 trillion yuan"].subject == "Pudong"
    assert qs["1.1 trillion yuan"].subject == "Pudong"  # "Its": the sentence before's, not the headline's


def test_and_it_goes_on_about_the_subject_its_sentence_opened_on():
    qs = quantities("The Wujiaochang business circle remained a draw. Its sales reached 61.2 billion yuan, and it hosted 48 first "
                    "stores of brands in Shanghai, about one-tenth of the city's total.")
    assert qs["48"].subject == qs["one-tenth"].subject == "Wujiaochang business circle"


def test_the_company_points_back_to_a_headless_firm_name_said_to_be_a_firm_or_opening_the_sentence_before():
    qs = quantities("Jingwei Motion, a maker of industrial robots, moved here in 2021. The company employs 700 people.\n\n"
                    "Hanxin Optics makes lenses. The firm sold 2 million lenses last year.")
    assert qs["700"].subject == "Jingwei Motion"
    assert qs["2 million"].subject == "Hanxin Optics"
    qs = quantities("Chen Ming founded Qiyun in 2016. The company employs 90 people.")
    assert qs["90"].subject == "Minhang"  # a person founded it: no name of the firm's own opens the sentence
    qs = quantities("Zhujiajiao, an ancient water town, drew visitors. The company employs 40 people.")
    assert qs["40"].subject == "Minhang"  # a town is no firm


def test_a_firm_name_without_a_head_word_as_its_clauses_subject():
    assert quantities("The startup Jingwei Motion raised 300 million yuan in May.")["300 million yuan"].subject == "Jingwei Motion"
    assert quantities("Founded in 2016, Hanxin Optics employs 700 people.")["700"].subject == "Hanxin Optics"
    assert quantities("In May, Minhang District reported 5 percent growth.")["5 percent"].subject == "Minhang"


def test_places_a_path_runs_between_are_not_its_owners():
    qs = quantities("The 2-kilometer canal walk between Jinhui Road and Beiqiao Bridge will open in June, taking the length of "
                    "public waterfront in the district to 7.4 kilometers.")
    assert qs["7.4 kilometers"].subject == "Minhang"


def test_a_quote_after_a_report_of_what_the_speaker_said_of_a_place_is_about_that_place():
    qs = quantities("The Zizhu Science Park opened in 2001.\n\nLi said the park will keep growing. \"We still have 300,000 square "
                    "meters of lab space under construction,\" she said.")
    assert qs["300,000 square meters"].subject == "Zizhu Science Park"
    qs = quantities("Li said demand is strong. \"We still have 300,000 square meters of lab space under construction,\" she said.")
    assert qs["300,000 square meters"].subject == "Minhang"


def test_the_name_owning_the_measure_a_goal_lifts_owns_the_figure():
    qs = quantities("By 2026, we aim to lift the Zizhu Park's annual tax revenue above 9 billion yuan and the number of "
                    "headquarters in the district to 80.")
    assert qs["9 billion yuan"].subject == "Zizhu Park"
    assert qs["80"].subject == "Minhang"


@pytest.mark.parametrize("second, subject", [
    ("Foreign trade totaled 120 billion yuan.", "Changning"),
    ("Retail sales grew 6 percent.", "Changning"),
    ("In the first quarter, fixed-asset investment rose 9 percent.", "Changning"),
    ("It employs 8,000 people.", "Hongqiao International Airport"),
])
def test_a_sentence_opening_on_an_area_total_is_the_districts_again(second, subject):
    """After a sentence about a named place, one that opens on a total of a whole area's economy ('Foreign trade
    totaled', 'Retail sales grew') is the district's report again; one that points back ('It employs') goes on."""
    doc = extract_text("Changning briefing\n\n2024-04-20\n\nHongqiao International Airport handled 42 million passengers last "
                       f"year. {second}")
    assert doc.quantities[-1].subject == subject


def test_a_plant_named_by_who_backs_it():
    qs = quantities("Among them, the BYD-backed battery plant, with an investment of 8 billion yuan, is expected to reach annual "
                    "output of 20 billion yuan in 2026.")
    assert qs["8 billion yuan"].subject == qs["20 billion yuan"].subject == "BYD-backed battery plant"


def test_an_official_with_a_place_speaks_for_it():
    qs = quantities("The Nanda Smart City opened in 2019.\n\n\"We aim to have 600 biotech firms here by 2027,\" said Li Na, an "
                    "official with the zone's administration.")
    assert qs["600"].subject == "Nanda Smart City"


def test_a_quoted_brand_is_named_without_brand():
    qs = quantities('Output of the "Minhang Peach" brand is expected to hit 800 tons this summer.')
    assert qs["800 tons"].subject == "Minhang Peach"


def test_a_head_word_alone_after_its_is_no_name():
    qs = quantities("The Zizhu Science Park hosts 900 firms. Its Park within a Park for biotech, with 20,000 square meters of labs, "
                    "opens in May.")
    assert qs["20,000 square meters"].subject != "Park"


def test_a_place_in_an_aside_after_its_size_is_not_the_subject():
    qs = quantities("Output of the district's biotech industry, clustered along the 3.2-kilometer Zizhu Riverside, reached 48 billion "
                    "yuan last year.")
    assert qs["48 billion yuan"].subject == "Minhang"


def test_a_later_clause_on_a_products_output_or_things_in_the_district_is_the_districts():
    qs = quantities("The Zizhu Science Park's output grew 8 percent to 52 billion yuan, while robot output reached 6.1 billion yuan. "
                    "The Hongqiao Smart Park hosts 300 firms, and patents filed by companies in the district rose 14 percent.")
    assert qs["52 billion yuan"].subject == "Zizhu Science Park"
    assert qs["6.1 billion yuan"].subject == "Minhang"
    assert qs["300"].subject == "Hongqiao Smart Park"
    assert qs["14 percent"].subject == "Minhang"


def test_a_short_name_is_the_full_one_a_managers_title_or_the_lead_gives():
    qs = quantities('"We doubled our staff," said Tang Li, general manager of Corvo Robotics. Corvo\'s revenue rose 58 percent last year.')
    assert qs["58 percent"].subject == "Corvo Robotics"
    doc = extract_text("Nanda's biotech cluster crosses 50-billion-yuan mark\n\nBy Li Na | 2024-05-02\n\nThe Nanda Smart City of Baoshan "
                       "reported biotech output of 51.2 billion yuan last year.")
    assert doc.quantities[0].subject == "Nanda Smart City"


def test_a_news_outlet_in_the_byline_is_never_the_subject():
    doc = extract_text("Chipmakers crowd into Songjiang\n\nBy Li Wen | Shanghai Daily | Updated: 2025-08-14\n\nSongjiang signed 46 projects "
                       "this year. Among the newcomers is a wafer maker. The company's revenue jumped 62 percent last year.")
    assert {q.subject for q in doc.quantities} == {"Songjiang"}


@pytest.mark.parametrize("company", ["Xinke Semiconductor", "Hengrui Pharmaceuticals", "Dayu Robotics", "Lanxin Microelectronics"])
def test_a_name_headed_by_an_industry_word_is_a_company_that_the_company_points_back_to(company):
    doc = extract_text(f"Songjiang District\n\nUpdated: 2025-08-14\n\nAmong the newcomers is {company}, which broke ground on a plant "
                       "in July. The company's revenue jumped 62 percent last year.")
    assert doc.quantities[-1].subject == company


def test_a_sentence_that_introduces_a_new_thing_does_not_go_on_about_the_name_before():
    qs = quantities("Minhang District\n\nThe Zizhu Expo Center will be completed in 2024. A 50,000-square-meter park for start-ups "
                    "will open next year. A further 20 projects worth 9 billion yuan are to be signed.")
    assert qs["50,000-square-meter"].subject == qs["20"].subject == qs["9 billion yuan"].subject == "Minhang"


def test_an_item_of_a_list_opens_a_clause_of_its_own():
    qs = quantities("Minhang District\n\nKey projects\n\n- Kestrel Robotics' plant, a 2-billion-yuan project, will start construction in "
                    "May.\n- The second phase of the Zizhu Science Park will open by the end of the year, adding 60,000 square meters of "
                    "labs.")
    assert qs["60,000 square meters"].subject == "Zizhu Science Park"


def test_a_phase_of_a_named_thing_is_the_things():
    doc = extract_text("Putuo District\n\nWork report\n\nLooking ahead, phase II of the Taopu Hub is due to be finished in 2027, "
                       "when it will hold 18,000 office staff.", briefing_date="2025-01-10")
    assert doc.quantities[0].subject == "Taopu Hub"
    assert {t.subject for t in doc.targets} == {"Taopu Hub"}


def test_a_later_clause_on_a_products_production_or_things_across_the_district_is_the_districts():
    # the class: a product measure with no owner ("tea production"), things in or across the district
    qs = quantities("The Jiangwan Tech Park's revenue rose 6 percent to 20 billion yuan, while tea production reached 900 tons. "
                    "The Caohejing Hub hosts 500 firms, and deposits of banks across the district grew 9 percent.")
    assert qs["20 billion yuan"].subject == "Jiangwan Tech Park"
    assert qs["900 tons"].subject == "Minhang"
    assert qs["500"].subject == "Caohejing Hub"
    assert qs["9 percent"].subject == "Minhang"


def test_nation_as_yardstick_or_behind_an_owner_is_not_the_subject():
    """(review, finding 7) 'China's biggest X', 'the nation's second-largest X' name a firm by rank, and a possessive
    owner after 'Across the country,' outranks the opening: none of these figures is China's."""
    qs = quantities("China's biggest shipbuilder booked orders worth 12 billion yuan last year. "
                    "Exports rose 5 percent, while the nation's second-largest airline added 40 routes. "
                    "Across the country, the group's shipments grew 15 percent last year. "
                    "Nationwide, the country's steel output fell 2 percent last year.")
    assert qs["12 billion yuan"].subject != "China"
    assert qs["40"].subject != "China"
    assert qs["15 percent"].subject != "China"
    assert qs["2 percent"].subject == "China"


def test_a_plant_is_its_firms():
    qs = quantities("The Lanshan Pharma plant, which opened in May, is expected to turn out goods worth 2 billion yuan a year. "
                    "The Malu plant of Tiancheng Motors will employ 900 workers. The plant will cost 5 billion yuan. "
                    "The cathode plant will make 40,000 tons a year.")
    assert qs["2 billion yuan"].subject == "Lanshan Pharma"  # a plant named by its firm
    assert qs["900"].subject == "Tiancheng Motors"  # named by its place, then its firm
    assert qs["5 billion yuan"].subject == "Tiancheng Motors"  # "the plant" pointing back to it
    assert qs["40,000 tons"].subject != "cathode"  # named by what it makes: no firm to give it to


def test_a_tasks_verb_opening_an_item_is_not_part_of_the_name():
    qs = quantities("Key tasks:\n\n(1) Build the Nanhe Robot Town. The town is expected to house 300 companies.\n\n"
                    "(2) Hold the Nanhe Robot Summit every year, with at least 800 participants each time.")
    assert qs["300"].subject == "Nanhe Robot Town"
    assert qs["800"].subject == "Nanhe Robot Summit"


def test_a_section_of_a_line_is_the_lines_but_a_section_of_a_park_its_own():
    qs = quantities("The Nanqiao section of the Harbor Link Line is about 12 kilometers long. "
                    "Output of the Wujing section of the Donghai Chemical Industry Park rose 4 percent.")
    assert qs["12 kilometers"].subject == "Harbor Link Line"
    assert qs["4 percent"].subject == "Wujing section of the Donghai Chemical Industry Park"


def test_a_common_noun_saying_what_a_firm_is_is_not_part_of_its_name():
    qs = quantities("Carmaker Nanyue Motors said its new plant, a 3-billion-yuan investment, will open in May.")
    assert qs["3-billion-yuan"].subject == "Nanyue Motors"


def test_a_name_in_an_opening_phrase_of_cause_is_not_the_subject():
    qs = quantities("With the Zizhu Science Park's new labs opening, the district expects its output to grow by 7 percent.")
    assert qs["7 percent"].subject == "Minhang"
    qs = quantities("With 300 firms, the Zizhu Science Park paid 2 billion yuan in tax.")
    assert qs["2 billion yuan"].subject == "Zizhu Science Park"


def test_an_events_with_phrase_ends_where_its_clause_does():
    qs = quantities("We will host the Nanqiao Garden Fair, with about 4,000 visitors, and build 15 clinics.")
    assert qs["4,000"].subject == "Nanqiao Garden Fair"
    assert qs["15"].subject != "Nanqiao Garden Fair"
    qs = quantities("Tasks for the year:\n- Host the Xinqiao Craft Week, with about 1,500 visitors.\n"
                    "- Host 9 trade fairs across the district.")
    assert qs["9"].subject != "Xinqiao Craft Week"


def test_host_as_a_tasks_verb_is_no_organizer():
    qs = quantities("The Jiangwan Design Week opens in May. Host 9 trade fairs a year.")
    assert qs["9"].subject != "Jiangwan Design Week"
    qs = quantities("The Jiangwan Design Week opens in May. The hosts expect about 600 exhibitors.")
    assert qs["600"].subject == "Jiangwan Design Week"
