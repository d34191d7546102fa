"""Kinds of figures beside goals: what was planned and is done, what a plan aimed at before (goals11)."""

from hqd.extraction import extract_text


def kinds(text, date="2021-01-20"):
    return {q.text: q.kind for q in extract_text(text, briefing_date=date).quantities}


def test_things_planned_for_a_time_and_all_done_are_what_was_done():
    assert kinds("The 25 community gardens planned for the year were all finished by November.")["25"] == "level"
    assert kinds("Of the 120 projects planned, 96 have been completed.")["120"] == "target"


def test_what_a_thing_holds_now_before_an_aim_of_its_next_predicate_is_a_level():
    got = kinds("The mill employs about 450 weavers and is expected to double its exports by 2023.")
    assert got["450"] == "level"
    assert kinds("The port hosts 90 shipping lines and will add 12 more next year.")["90"] == "level"
    assert kinds("The mill will employ about 450 weavers by 2023.")["450"] == "target"


def test_the_size_of_a_thing_that_opens_a_clause_joined_by_and_is_a_level():
    got = kinds("The county aims to plant 3,000 hectares of forest by 2023, and a boardwalk of about 6 km along the lake "
                "is slated to open next summer.")
    assert got["3,000 hectares"] == "target" and got["6 km"] == "level"


def test_a_travel_time_as_the_adjective_of_an_area_of_reach_is_a_level():
    got = kinds("The town will strive to bring the share of homes within a 10-minute service circle to 95 percent.")
    assert got["10-minute"] == "level" and got["95 percent"] == "target"
    assert kinds("The new line will put the port within a 30-minute ride of downtown by 2023.")["30-minute"] == "target"


def test_a_plan_is_done_only_where_its_own_clause_says_so():
    got = kinds("Jinshan District. The second berth of the wharf was completed in April, and the plan for 2024 to 2026 "
                "set a target of 45 new nurseries.", date="2026-09-01")
    assert got["45"] == "target"
    got = kinds("The town's plan for 2024 to 2026, whose goal of 45 new nurseries drew wide praise, has been fulfilled.",
                date="2026-11-01")
    assert got["45"] == "level"


def test_had_set_is_an_aim_only_with_a_noun_of_aim():
    doc = extract_text("By then the county had set up a fund of 2 billion yuan, and the harbour had set a record of 4 million "
                       "passengers.", briefing_date="2024-03-01")
    whys = {q.text: q.why.get("kind") for q in doc.quantities}
    assert whys["2 billion yuan"] != "kind.aim_told_as_past" and whys["4 million"] != "kind.aim_told_as_past"
    doc = extract_text("The budget had set a growth target of 4.5 percent.", briefing_date="2024-03-01")
    assert doc.quantities[0].why.get("kind") == "kind.aim_told_as_past"


def test_by_a_total_of_measures_a_change_but_to_a_total_of_is_reached():
    got = kinds("Over three years, farm income grew by a total of 14 percent, and rose to a total of 3.2 billion yuan.")
    assert got["14 percent"] == "change" and got["3.2 billion yuan"] != "change"
