"""Goals without a figure: milestones with a deadline (extraction/targets.py)."""

import pytest

from hqd.extraction import extract_text

from ..conftest import assert_grounded


def milestones(text):
    doc = extract_text(text, briefing_date="2024-03-01")
    assert_grounded(doc.text, doc.targets)
    return [(t.metric, t.deadline) for t in doc.targets]


def test_a_milestone_names_what_is_due_and_keeps_its_deadline_out_of_the_metric():
    assert milestones("The metro line is scheduled to open by the end of 2025.") == [("metro line scheduled to open", "2025")]
    assert milestones("The project is expected to be completed in 2026.") == [("project expected to be completed", "2026")]
    assert milestones("The park will be put into operation in June 2025.") == [("park put into operation", "2025-06")]
    assert milestones("Construction of the new hospital will start next year.") == [("Construction of the new hospital will start", "2025")]


def test_past_milestones_are_no_goals():
    assert milestones("The bridge opened to traffic in 2022.") == []


def test_a_milestone_beside_a_goal_with_a_figure_has_its_own_deadline():
    found = milestones("The district intends to build 50 smart factories within three years "
                       "and to complete the Line 23 metro project by the end of 2026.")
    assert ("smart factories", "2027") in found
    assert ("complete Line 23 metro project", "2026") in found
    # the goal's own verb and deadline are not a second, figureless milestone
    assert milestones("The district will complete 50 projects by 2026.") == [("projects", "2026")]


def test_a_long_subject_of_a_milestone_starts_on_a_word():
    assert milestones("The main structure of the Shanghai Shipping Exchange project will be completed within this year.") == [
        ("main structure of the Shanghai Shipping Exchange project be completed", "2024")]


def test_a_milestone_after_an_aside_names_the_subject_before_it():
    assert milestones("The new hospital, in the north of the district, is slated to open in the third quarter of 2025.") == [
        ("new hospital slated to open", "2025-Q3")]


def test_each_milestone_of_a_sentence_takes_the_deadline_after_it():
    found = milestones("Construction of the East Railway Station will be completed by the end of 2027, "
                       "and the airport's fourth terminal is scheduled to open in 2028.")
    assert [deadline for _, deadline in found] == ["2027", "2028"]
    assert "terminal" in found[1][0]


def test_a_milestone_in_the_past_is_no_target():
    found = milestones("Construction started in March, and the hub is expected to be put into operation in 2026.")
    assert [deadline for _, deadline in found] == ["2026"]
    assert milestones("The bridge opened to traffic in January, and the tunnel will be completed in 2027.") == [
        (milestones("The tunnel will be completed in 2027.")[0][0], "2027")]
    assert [d for _, d in milestones("The tower will be the tallest in the district when completed in 2027.")] == ["2027"]


def test_a_milestone_belongs_to_the_thing_it_names_and_a_part_of_a_goal_is_a_goal():
    doc = extract_text("The Shanghai Metro Line 5 southern extension, 17 kilometers long, will open to traffic by the end of 2025. "
                       "The Changfeng Park renovation will be completed by the end of 2024. "
                       "The district will invest about 200 billion yuan over the next five years, including 52 billion yuan "
                       "in transport infrastructure.", briefing_date="2024-03-01")
    by_text = {t.text.split()[0]: t for t in doc.targets}
    assert (by_text["open"].subject, by_text["open"].deadline) == ("Shanghai Metro Line 5", "2025")
    assert by_text["open"].metric.startswith("Metro Line 5 southern extension open")
    assert by_text["be"].subject == "Changfeng Park"
    assert (by_text["52"].deadline, by_text["200"].deadline) == ("2029", "2029")  # the part shares the goal's deadline


def test_beginning_production_is_a_milestone():
    from hqd.extraction import extract_text

    doc = extract_text("The plant will begin trial production by the end of 2025.", briefing_date="2024-03-05")
    assert [(t.text, t.deadline) for t in doc.targets] == [("begin trial production by the end of 2025", "2025")]


def test_a_milestone_in_its_own_clause_after_a_goal_is_a_target_too():
    found = milestones("This year, the town aims to help three firms go public, and construction of the tram "
                       "depot will start in the fourth quarter.")
    assert ("2024" in [d for _, d in found]) and any("tram depot" in m and d == "2024-Q4" for m, d in found)


def test_a_time_opening_the_sentence_governs_a_milestone_beside_a_goal():
    found = milestones("This year, we will start construction of the Science Hall extension and aim to help 20 firms list.")
    assert any("Science Hall extension" in m and d == "2024" for m, d in found)
    # a deadline at a month's end is that month
    assert [d for _, d in milestones("The renovation of the old compound is set to be completed by the end of June.")] == ["2024-06"]


@pytest.mark.parametrize("sentence, date, text, deadline", [
    ("The tram, which will cut the ride from Nanqiao to Fengcheng to under 20 minutes, is scheduled to start service by "
     "the end of 2028.", "2027-04-02", "scheduled to start service by the end of 2028", "2028"),  # a goal in an aside before it
    ("We will finish the second stage of the Malu Riverside Sports Park before the end of October.", "2025-09-10",
     "will finish the second stage of the Malu Riverside Sports Park before the end of October", "2025-10"),
    ("Work on the Pujiang Line's Sanlin East Station is slated to begin in the third quarter of next year.", "2025-09-10",
     "slated to begin in the third quarter of next year", "2026-Q3"),
    ("The second section of the Caoyang Canal Greenway will open to the public in April next year.", "2021-11-03",
     "open to the public in April next year", "2022-04"),
])
def test_milestones_slated_to_begin_before_a_months_end_or_in_a_month_of_next_year(sentence, date, text, deadline):
    doc = extract_text(sentence, briefing_date=date)
    assert (text, deadline) in [(t.text.rstrip("."), t.deadline) for t in doc.targets]


def test_reopening_opening_to_visitors_next_may_and_an_area_covered_now():
    doc = extract_text("The restored Wukang Road old quarter is scheduled to fully reopen in April, Chen said.", briefing_date="2025-01-15")
    assert [(t.text, t.deadline) for t in doc.targets] == [("scheduled to fully reopen in April", "2025-04")]
    doc = extract_text("The wetland park spans 6 square kilometers and will open to visitors next April.", briefing_date="2020-11-20")
    assert [t.deadline for t in doc.targets] == ["2021-04"]
    assert [(q.kind, q.period) for q in doc.quantities] == [("level", None)]


def test_a_milestone_due_to_happen_is_a_target():
    doc = extract_text("The museum is due to open to the public in the first half of 2025.", briefing_date="2024-01-20")
    assert [(t.deadline, t.value) for t in doc.targets] == [("2025-H1", None)]


def test_a_milestone_that_reopens_something_is_a_target():
    doc = extract_text("The Dagu Road food street will reopen in May.", briefing_date="2023-01-10")
    assert [t.deadline for t in doc.targets] == ["2023-05"]


def test_a_milestone_after_a_goal_in_a_with_aside_has_its_own_deadline():
    doc = extract_text("The firm expects its third line, with a planned investment of 2.7 billion yuan, to begin trial "
                       "production by the end of 2026.", briefing_date="2025-06-20")
    assert [(t.value, t.deadline) for t in doc.targets] == [(2.7e9, None), (None, "2026")]


def test_a_goal_of_the_paragraph_before_is_no_neighbour_of_a_milestone():
    doc = extract_text("Work Report\n\nII. Main targets for 2024\n\nThe unemployment rate is to stay within 4.5%.\n\n"
                       "III. Major tasks\n\nWe will complete the Harbor Opera House's roof in the third quarter, "
                       "and fit 90 more lifts.", briefing_date="2024-01-09")
    assert ("will complete the Harbor Opera House's roof in the third quarter", "2024-Q3") in [
        (t.text, t.deadline) for t in doc.targets]


def test_a_milestone_in_reported_speech_is_a_target():
    doc = extract_text("Ma said the first 4 service portals would go live in the second half of this year, and that the "
                       "canal's towpath, 2.6 kilometers long, would be reopened by October.", briefing_date="2026-03-06")
    assert any(t.text.startswith("be reopened by October") and t.deadline == "2026-10" for t in doc.targets)


def test_hosting_a_named_event_is_a_milestone():
    doc = extract_text("The lakeside park will host the 6th Delta Garden Show next year. It will host 300 firms.", briefing_date="2020-09-01")
    assert [(t.text, t.deadline) for t in doc.targets if t.value is None] == [("will host the 6th Delta Garden Show next year", "2021")]


def test_handing_over_is_a_milestone_still_to_come_only():
    doc = extract_text("The second phase will be handed over to tenants in the third quarter.", briefing_date="2024-03-10")
    assert [(t.text, t.deadline) for t in doc.targets] == [("handed over to tenants in the third quarter", "2024-Q3")]
    assert not extract_text("The second phase was handed over to tenants in the third quarter.", briefing_date="2024-03-10").targets


@pytest.mark.parametrize("sentence, text, deadline", [
    ("Work on the tunnel is expected to start in the second half of this year and finish in 2027.", "and finish in 2027", "2027"),
    ("Work on the tunnel started in 2022 and will finish in 2027.", "and will finish in 2027", "2027"),
])
def test_a_second_milestone_joined_by_and_has_its_own_deadline(sentence, text, deadline):
    doc = extract_text(sentence, briefing_date="2024-03-10")
    assert (text, deadline) in [(t.text, t.deadline) for t in doc.targets]


@pytest.mark.parametrize("sentence, text, deadline", [
    ("The new school will break ground in May.", "will break ground in May.", "2024-05"),
    ("The data center will be commissioned in the third quarter.", "commissioned in the third quarter", "2024-Q3"),
    ("The metro extension will go into service by the end of 2025.", "go into service by the end of 2025", "2025"),
    ("The hospital will enter service next year.", "will enter service next year", "2025"),
    ("The factory will be up and running by the end of next year.", "be up and running by the end of next year", "2025"),
    ("The first phase will be built by 2026.", "be built by 2026", "2026"),
])
def test_more_milestone_verbs(sentence, text, deadline):
    assert [(t.text, t.deadline) for t in extract_text(sentence, briefing_date="2024-03-10").targets] == [(text, deadline)]


def test_a_milestone_already_passed_is_no_target():
    assert not extract_text("The line entered service in 2022.", briefing_date="2024-03-10").targets
    doc = extract_text("The data center was commissioned in 2023, and the park will open next year.", briefing_date="2024-03-10")
    assert [(t.text, t.deadline) for t in doc.targets] == [("open next year", "2025")]


def test_the_items_of_a_list_after_a_lead_in_with_a_deadline_are_goals_due_then():
    doc = extract_text("Report on the Work of the Government\n\nIV. By 2027, we will:\n\n- lift the retail turnover to 45 billion yuan;\n"
                       "- bring the number of research institutes to 60;\n- ensure that 95 percent of residents live near a park.",
                       briefing_date="2026-01-10")
    assert [(t.text, t.deadline) for t in doc.targets] == [("45 billion yuan", "2027"), ("60", "2027"), ("95 percent", "2027")]


def test_a_final_review_keeps_the_plans_goals_due_at_its_end():
    doc = extract_text("Final Review of the Implementation of the 14th Five-Year Plan of Minhang District\n\n"
                       "Minhang District Development and Reform Commission, February 2026\n\n"
                       "The number of charging piles reached 4,120, exceeding the 3,600 targeted for 2025. Some 3,100 "
                       "public toilets were rebuilt during the five years, short of the 3,600 planned.")
    assert [(t.text, t.deadline) for t in doc.targets] == [("3,600", "2025"), ("3,600", "2025")]


def test_the_links_of_a_web_page_to_other_stories_hold_no_milestone():
    doc = extract_text("Editor: Li Na Previous: Ten measures released Next: District to host the 3rd Flower Expo forum in "
                       "November", briefing_date="2022-06-01")
    assert doc.targets == []
    doc = extract_text("The town will also host the third Delta Tea Expo in November.", briefing_date="2022-06-01")
    assert [(t.text, t.deadline) for t in doc.targets] == [("will also host the third Delta Tea Expo in November.", "2022-11")]


def test_topping_out_beside_a_goal_with_a_describing_size_between_is_a_milestone():
    doc = extract_text("Work Report\n\nIII. Major tasks for 2026\n\nWe will complete the topping-out of the Lotus Island's 320-meter "
                       "twin towers in the second half of the year and open 4 new day-care centers.",
                       briefing_date="2026-01-10")
    assert ("topping-out of the Lotus Island's 320-meter twin towers in the second half of the year", "2026-H2") in [
        (t.text, t.deadline) for t in doc.targets]


def test_a_present_opening_in_a_when_clause_of_the_future_is_a_milestone():
    doc = extract_text("When it opens in 2026, the quarter should provide some 9,000 jobs.", briefing_date="2024-05-10")
    assert ("opens in 2026", "2026") in [(t.text, t.deadline) for t in doc.targets]


def test_expects_a_thing_to_open_is_a_milestone():
    """'The district expects the new terminal ... to open in 2026': the milestone of a thing expected, the future told by
    'expects' with no 'will'."""
    found = milestones("The district expects the new cruise terminal, with a capacity of 3 million passengers a year, to "
                       "open in 2026.")
    assert [d for _, d in found] == ["2026"]


def test_entering_a_stage_is_a_milestone():
    """'to enter mass production next year', 'will enter phase III trials in 2025': a product's or a plant's stage
    reached at a time is a milestone, as 'will enter service' is."""
    found = milestones("The company expects its new battery line to enter mass production next year. Its second drug "
                       "will enter phase III trials in 2026.")
    assert [d for _, d in found] == ["2025", "2026"]


def test_a_handover_and_an_event_held_are_milestones():
    """'will be handed over in December' ('over' is its verb's particle, no base of a comparison before 'in December'),
    'The expo will be held in November': milestones at their times; 'was held in May' is past."""
    found = milestones("The first phase will be handed over in December. The Minhang Robotics Expo will be held in "
                       "November. The forum was held in May.")
    assert [d for _, d in found] == ["2024-12", "2024-11"]


def test_an_event_held_on_a_day_is_due_in_that_month():
    assert [d for _, d in milestones("The Riverside Design Forum will be held on November 18.")] == ["2024-11"]
    assert [d for _, d in milestones("The new terminal will open on October 1, 2026.")] == ["2026-10"]


def test_a_day_to_come_earlier_in_the_year_than_the_report_is_next_years():
    """(review, finding 13) 'will open on January 18' said in November is next January; 'on November 18' said in
    November is this year's."""
    doc = extract_text("The new metro line will open on January 18.", briefing_date="2024-11-20")
    assert [t.deadline for t in doc.targets] == ["2025-01"]
    doc = extract_text("The Riverside Design Forum will be held on November 28.", briefing_date="2024-11-20")
    assert [t.deadline for t in doc.targets] == ["2024-11"]


def test_is_to_puts_a_month_in_the_future():
    # said in March, "in September" after "is to open" is the September to come, not the one just past
    assert [d for _, d in milestones("The new library, with 20,000 square meters of space, is to open in September.")] == ["2024-09"]


def test_a_milestone_in_a_clause_of_time_beside_a_goal_is_its_own():
    found = milestones("The express line will cut the trip to the airport to 30 minutes when it opens in the second half of this year.")
    assert [d for _, d in found] == ["2024-H2", "2024-H2"]  # the travel time, and the opening
    # in a relative clause the time clause dates the goal it describes: no second target
    found = milestones("The firm is building a plant that is expected to add output of 2 billion yuan when it starts production in 2026.")
    assert [d for _, d in found] == ["2026"]


def deadlines(text):
    return [d for _, d in milestones(text)]


def test_an_event_that_takes_place_or_returns_at_a_time_is_a_milestone():
    assert deadlines("The Riverside Jazz Festival will take place in May.") == ["2024-05"]
    assert deadlines("The lantern fair, which drew 80,000 people last year, will return in February.") == ["2024-02"]


def test_a_forecast_of_a_return_to_growth_is_a_goal_without_a_value():
    assert deadlines("Exports are expected to return to growth in the third quarter.") == ["2024-Q3"]
    assert deadlines("The bureau expects property sales to return to positive growth in the second half of the year.") == ["2024-H2"]


def test_a_review_of_a_plan_and_a_goal_met_by_a_time_are_milestones():
    assert deadlines("The board is to assess implementation of the scheme halfway through, in 2025.") == ["2025"]
    assert deadlines("The county will carry out an interim appraisal of the programme in 2026.") == ["2026"]
    assert deadlines("A mid-term evaluation of the plan will be carried out in 2026.") == ["2026"]
    assert deadlines("The bureau expects the district to hit its annual housing target by the end of October.") == ["2024-10"]
    assert deadlines("The district set out to meet the following goals by 2027:") == []  # a lead-in to its goals


def test_put_is_a_milestone_only_put_into_service():
    assert deadlines("Strong exports will put growth in the second quarter at about 5 percent, the bureau said.") == ["2024-Q2"]  # the 5 percent
    assert deadlines("The new terminal will be put into service in June.") == ["2024-06"]


def test_a_task_of_finishing_or_opening_in_a_list_of_goals_is_due_at_the_lead_ins_time():
    found = milestones("By 2027, the district will:\n- raise tourism revenue to 30 billion yuan;\n"
                       "- complete the restoration of the Old Town Wall;\n- open the lakeside trail to the public.\n")
    assert [d for _, d in found] == ["2027", "2027", "2027"]
    assert found[1][0] == "complete the restoration of the Old Town Wall"


def test_a_list_whose_lead_in_names_no_time_takes_its_goals_deadline():
    text = ("Riverside Action Plan (2024-2026)\n\nIssued May 2024\n\nBy the end of the plan period, we will:\n"
            "1. lift the count of start-ups to 800;\n2. complete the renovation of the Xinhe Market.\n")
    assert [d for _, d in milestones(text)] == ["2026", "2026"]


def test_a_list_item_with_a_figure_or_under_no_lead_in_of_the_future_is_no_milestone():
    assert milestones("Last year the district:\n- completed the new library;\n- opened the riverside trail.\n") == []
    assert [d for _, d in milestones("By 2027, we will:\n- complete the renovation of 120 old estates;\n")] == ["2027"]  # the 120


def test_a_goal_in_words_only_is_a_target_without_a_figure():
    doc = extract_text("Tourism revenue is expected to pass 20 billion yuan by 2026 and to double by 2030.", briefing_date="2024-03-01")
    assert [(t.text, t.value, t.deadline) for t in doc.targets] == [
        ("20 billion yuan", 2e10, "2026"), ("to double by 2030", None, "2030")]
    doc = extract_text("The county aims to lift forest cover to 25 percent by 2026, and to have all rivers in the county meet the "
                       "national standard by 2030.", briefing_date="2024-03-01")
    worded = [t for t in doc.targets if t.quantity_ref is None]
    assert [(t.value, t.unit, t.deadline) for t in worded] == [(100.0, "percent", "2030")]
    # the class: a verb of assuring, all or every of a thing, a verb of meeting, a standard or requirement
    doc = extract_text("The bureau will make sure that every clinic in the town meets the new fire safety requirements by 2027.",
                       briefing_date="2024-03-01")
    assert [(t.value, t.unit, t.deadline) for t in doc.targets] == [(100.0, "percent", "2027")]


def test_doubling_said_of_the_past_is_no_goal():
    assert milestones("Exports doubled in 2023.") == []


def test_a_range_of_days_is_a_date_not_a_figure():
    doc = extract_text("The Riverside Expo will be held from October 12 to 15.", briefing_date="2024-03-01")
    assert doc.quantities == []
    assert [t.deadline for t in doc.targets] == ["2024-10"]


def test_work_on_a_thing_that_will_begin_and_an_event_late_in_a_month_are_milestones():
    found = milestones("Work on the river tunnel will begin in July and is expected to finish in 2027.")
    assert [d for _, d in found] == ["2024-07", "2027"]
    assert [d for _, d in milestones("The Riverside Marathon will be held in late November.")] == ["2024-11"]


def test_more_milestone_forms_events_turns_clearings_and_coverage():
    assert deadlines("The Harbour Music Festival will be held at the Expo Park in late May.") == ["2024-05"]
    assert deadlines("The county also plans to hold the Riverside Tea Fair in October.") == ["2024-10"]
    assert deadlines("The data center will start operating in the third quarter.") == ["2024-Q3"]
    assert deadlines("A revised plan is due to be released in September.") == ["2024-09"]
    assert deadlines("Exports are expected to pick up in the second half of the year.") == ["2024-H2"]
    assert deadlines("The goal is for the county's coal use to peak by 2027.") == ["2027"]
    assert deadlines("All shanty homes along the canal will be vacated within the year.") == ["2024"]
    assert deadlines("Free Wi-Fi will cover the whole town by the end of 2025.") == ["2025"]
    assert deadlines("The shuttle bus will serve every village by June.") == ["2024-06"]
    assert deadlines("5G signals are to cover all the islands by 2026.") == ["2026"]
    assert deadlines("The firm expects its sales to double this year.") == ["2024"]
    assert deadlines("The tower is scheduled to be completed in 2025, while the renovation of the old pier is to begin "
                     "in the first quarter of 2026.") == ["2025", "2026-Q1"]


def test_an_item_of_a_list_of_tasks_is_due_at_its_own_time_and_ends_with_its_sentence():
    found = milestones("This year we will:\n1. Start construction of the Lakeside Arts Center in the third quarter, a "
                       "40,000-square-meter venue.\n2. Put the new water plant into operation by June. When it runs at full "
                       "capacity in 2026, it is expected to supply 300,000 tons of water a day.\n")
    assert ("Start construction of the Lakeside Arts Center in the third quarter", "2024-Q3") in found
    assert ("Put the new water plant into operation by June", "2024-06") in found


def test_each_item_of_a_list_of_milestones_keeps_its_own_deadline_and_subject():
    text = ("Key projects for the year\n\n"
            "- The canal greenway will open to visitors by the end of September.\n"
            "- The Harbor Road clinic, with 120 beds, will be completed by the end of the year.\n")
    assert milestones(text) == [("canal greenway open to visitors", "2024-09"),
                                ("Harbor Road clinic be completed", "2024")]


def test_a_milestone_named_by_a_noun_and_its_schedule():
    found = milestones("Construction of the tram line will begin this year, with completion scheduled for 2027.")
    assert [d for _, d in found] == ["2024", "2027"]


def test_a_yearly_event_from_a_year_on_is_first_due_in_its_month_of_that_year():
    assert deadlines("The Harbor Finance Forum will be held every June from next year.") == ["2025-06"]
    assert deadlines("The lantern fair will take place each February starting 2026.") == ["2026-02"]
    assert deadlines("The boat race, held every May since 2019, will return next year.") == ["2025"]


@pytest.mark.parametrize("sentence, deadline", [
    ("The cross-river tunnel will be fully completed and opened to traffic in 2026.", "2026"),
    ("Phase II of the logistics park is due for completion in June.", "2024-06"),
    ("The Lantern Expo will kick off in late September.", "2024-09"),
    ("The annual tea festival is expected to get under way in April.", "2024-04"),
    ("The county's new tourism plan will be unveiled in the first quarter of next year.", "2025-Q1"),
    ("Consumer spending should recover in the second half of the year.", "2024-H2"),
    ("The bank will launch the Harbor Green Fund in June.", "2024-06"),
    ("The cement plant will reach full capacity by 2027.", "2027"),
    ("The city will also hold the 2024 Harbor Marathon in November.", "2024-11"),
])
def test_milestones_of_many_forms_and_genres(sentence, deadline):
    assert deadlines(sentence) == [deadline]


def test_two_verbs_of_one_milestone_make_one_target():
    assert len(milestones("The library will be completed and handed over to the district in 2025.")) == 1


def test_no_milestone_without_a_named_thing_or_in_the_past():
    assert deadlines("The central bank will hold the line on rates in June.") == []
    assert deadlines("The survey data released in January showed a rise.") == []


def test_an_event_to_hold_or_host_and_a_plan_to_launch_need_no_capital():
    assert deadlines("The museum opened in 2023 and will host its first exhibition in May.") == ["2024-05"]
    assert deadlines("The town will hold its annual lantern festival in October.") == ["2024-10"]
    assert deadlines("The district will launch a new talent plan in the third quarter.") == ["2024-Q3"]
    assert deadlines("The city will release more land for housing in 2025.") == []


def test_the_tasks_of_a_list_of_tasks_to_come_are_milestones_at_their_own_times():
    text = ("Key tasks for 2024:\n1. Complete the second phase of the Harbor Road upgrade by the end of June.\n"
            "2. Start construction of the East Lake sports park in the third quarter.\n"
            "3. Put the new waste-to-energy plant into operation by the end of the year.\n")
    assert deadlines(text) == ["2024-06", "2024-Q3", "2024"]
    text = ("This year we will:\n- begin trial operation of the Line 5 extension in the second half;\n"
            "- hold the third Riverside Tea Expo in May;\n")
    assert deadlines(text) == ["2024-H2", "2024-05"]
    assert deadlines("Tasks completed in 2023:\n- Open the riverside art museum to the public in October.\n") == []


@pytest.mark.parametrize("sentence, deadline", [
    ("The metro extension is on track to open in December.", "2024-12"),
    ("The new ferry pier is on course for completion in the fourth quarter.", "2024-Q4"),
    ("Under the plan, the children's hospital will be ready for patients by the end of 2025.", "2025"),
])
def test_a_thing_on_track_or_ready_by_a_time_is_a_milestone(sentence, deadline):
    assert deadlines(sentence) == [deadline]


def test_ready_with_no_time_is_no_milestone():
    assert deadlines("The report will be ready for review soon.") == []


@pytest.mark.parametrize("sentence,deadline", [("A 3-billion-yuan industrial fund will be set up this year.", "2025"),
                                               ("A biomedicine innovation center will be established in 2026.", "2026")])
def test_a_thing_to_be_set_up_is_a_milestone_and_its_size_a_level(sentence, deadline):
    doc = extract_text("Jiading plan\n\nUpdated: 2025-03-01\n\n" + sentence)
    assert [str(t.deadline) for t in doc.targets] == [deadline]
    assert all(q.kind == "level" and q.period is None for q in doc.quantities)


def test_the_time_of_an_aside_before_the_verb_is_not_the_milestones():
    assert deadlines("The Harbor Forum, held in June, will return next year.") == ["2025"]
    assert deadlines("The lantern fair, first staged in April, will take place in October.") == ["2024-10"]


def test_a_milestone_verb_may_end_its_sentence():
    assert deadlines("In June, the riverside hall will open.") == ["2024-06"]
    assert deadlines("The riverside hall opened.") == []


def test_putting_a_thing_into_operation_is_a_milestone_with_the_thing_between():
    assert deadlines("The district plans to put the new data center into operation in the fourth quarter.") == ["2024-Q4"]
    assert deadlines("The port will put its second automated terminal into service next year.") == ["2025"]


def test_a_plant_reaching_its_designed_capacity_is_a_milestone():
    assert milestones("The glass works will reach its designed capacity in 2026.") == [("reach its designed capacity", "2026")]
    # the time of a relative clause in the past is the clause's, not the milestone's
    found = milestones("A kiln that was installed in February will reach full capacity next year.")
    assert [d for _, d in found] == ["2025"]


def test_a_place_taking_its_first_users_is_a_milestone():
    found = milestones("The new 400-bed children's hospital is due to take its first patients in the third quarter of next year.")
    assert [d for _, d in found] == ["2025-Q3"]
    assert milestones("The campus will welcome its first students in September.") != []
    assert [d for _, d in milestones("The rebuilt clinic will start receiving patients in May.")] == ["2024-05"]
    assert milestones("The firm reported its first profits in 2023.") == []


def test_works_a_listed_predicate_finishes_are_a_milestone():
    found = milestones("This year, we will start 20 major projects, invest 15 billion yuan in them, and finish the canal "
                       "embankment works near the old port by the end of October.")
    assert ("finish the canal embankment works near the old port", "2024-10") in found
    assert len(found) == 3  # the two goals with figures, and the milestone


def test_a_day_named_beside_a_past_year_in_an_aside_dates_the_milestone_and_its_event_goal():
    """An event's day named after an aside with a year of its own ('which drew 70,000 visitors last year') is still the
    milestone's deadline (read as its month), and a goal of the event told in a predicate after it ('and is expected to
    draw ...') is due then too."""
    doc = extract_text("The Harbor Tea Fair, which drew 70,000 visitors last year, will open on June 9 and is expected to "
                       "draw about 90,000 visitors this time.", briefing_date="2024-03-01")
    assert_grounded(doc.text, doc.targets)
    assert [(t.text, t.deadline) for t in doc.targets] == [("open on June 9", "2024-06"), ("90,000", "2024-06")]


def test_a_milestone_due_by_the_end_of_the_plan_period_takes_the_plans_last_year():
    """'by the end of the plan period' dates a milestone with the last year of the plan the text names (by its years or,
    a Five-Year Plan, by its number); a yearly event 'during the plan period' has no one deadline."""
    text = ("The county's plan for 2026-2028 was adopted on Monday. The new ferry pier will open by the end of the plan "
            "period.")
    doc = extract_text(text, briefing_date="2026-02-02")
    assert [(t.text, t.deadline) for t in doc.targets] == [("open by the end of the plan period", "2028")]
    doc = extract_text("This is the second year of the 15th Five-Year Plan period. Two bridges will be completed within "
                       "the plan period.", briefing_date="2027-01-10")
    assert [t.deadline for t in doc.targets] == ["2030"]
    doc = extract_text("The county's plan for 2026-2028 was adopted on Monday. It will hold the Harbor Forum every year "
                       "during the plan period.", briefing_date="2026-02-02")
    assert doc.targets == []


@pytest.mark.parametrize("text, deadline", [
    ("Port traffic is likely to decline in the second half, the port authority said.", "2025-H2"),
    ("The bureau expects output to grow 5 percent in the third quarter, and retail sales to keep growing in the third "
     "quarter.", "2025-Q3"),
    ("Investment is expected to speed up next year.", "2026"),
    ("Exports are expected to decline in the third quarter.", "2025-Q3"),
    ("Consumer prices are forecast to remain stable in the fourth quarter.", "2025-Q4"),
    ("Online sales are expected to return to two-digit growth in the fourth quarter.", "2025-Q4"),
    ("Tourism revenue is expected to maintain steady growth through the third quarter.", "2025-Q3"),
])
def test_a_pace_foreseen_without_a_value_is_a_target_due_at_its_time(text, deadline):
    doc = extract_text(text, briefing_date="2025-06-20")
    assert_grounded(doc.text, doc.targets)
    assert [t.deadline for t in doc.targets if t.value is None] == [deadline]


def test_a_body_set_up_by_a_time_is_a_milestone():
    assert milestones("The county plans to set up a 2-billion-yuan biotech fund this year.") == [
        ("set up a 2-billion-yuan biotech fund", "2024")]
    assert milestones("The district will establish an AI institute in 2026.") == [("establish an AI institute", "2026")]
    assert milestones("A 2-billion-yuan fund for start-ups was set up by the district in 2022.") == []  # done


def test_a_forecast_whose_figure_follows_its_time_is_the_figures_target_alone():
    doc = extract_text("Sales growth is likely to slow in the second half, to around 4 percent.", briefing_date="2025-06-20")
    assert [(t.text, t.deadline) for t in doc.targets] == [("4 percent", "2025-H2")]


def test_a_route_to_be_connected_by_a_time_is_a_milestone():
    assert [d for _, d in milestones("By the end of 2025, the towpath along the canal is scheduled to be fully connected.")] == ["2025"]
    assert [d for _, d in milestones("The two cycle lanes are scheduled to be linked up next year.")] == ["2025"]


def test_an_event_goal_after_an_aside_naming_the_events_day_is_due_that_day():
    doc = extract_text("The lantern fair, to be held on October 8, is expected to draw 40,000 visitors.", briefing_date="2025-06-02")
    assert [(t.text, t.deadline) for t in doc.targets][-1] == ("40,000", "2025-10")


@pytest.mark.parametrize("text, first, deadlines", [
    ("Two new venues, the riverside concert hall and the Lakeside Bowling Center, are slated to open in 2026 and 2027 "
     "respectively.", "the riverside concert hall", ["2026", "2027"]),
    ("The ferry pier and the bus depot will be completed in May and August, respectively.", "The ferry pier",
     ["2024-05", "2024-08"]),
])
def test_two_things_due_at_two_times_respectively_are_two_milestones(text, first, deadlines):
    doc = extract_text(text, briefing_date="2024-03-01")
    assert [str(t.deadline) for t in doc.targets] == deadlines
    assert doc.targets[0].text == first
