"""A goal whose count is written in words is still a goal, with its count and deadline."""

from hqd.extraction import extract_text


def _targets(text):
    doc = extract_text(text, briefing_date="2023-08-22")
    return [(t.text, t.value, t.deadline) for t in doc.targets], doc


def test_a_goal_counted_in_words_is_a_target():
    targets, doc = _targets("The district aims to help two companies go public this year.")
    assert targets == [("two", 2.0, "2023")]
    assert doc.quantities[0].kind == "target" and doc.quantities[0].unit == "count"


def test_a_modifier_may_stand_between_the_count_and_its_noun():
    targets, _ = _targets("By 2025, we will strive to cultivate five leading enterprises.")
    assert targets == [("five", 5.0, "2025")]


def test_counts_in_words_outside_a_goal_and_durations_are_not_read():
    targets, doc = _targets("The district has three hospitals and will spend two years on the plan.")
    assert targets == [] and doc.quantities == []


def test_an_infinitive_joined_to_a_goal_shares_its_aim():
    targets, _ = _targets("The district aims to help two companies go public this year and to attract three regional headquarters.")
    assert targets == [("two", 2.0, "2023"), ("three", 3.0, "2023")]
    targets, _ = _targets("We will build four new schools, renovate five hospitals and plant two million trees.")
    assert [t[1] for t in targets] == [4.0, 5.0]  # "two million trees" is no count in words of the goal's kind


def test_a_joined_clause_that_is_no_goal_stays_unread():
    targets, doc = _targets("The district aims to help two companies go public this year. It has three hospitals and seven parks.")
    assert targets == [("two", 2.0, "2023")]


def test_a_verb_phrase_joined_to_a_goal_shares_its_goal():
    targets, _ = _targets("This year, we will attract 120 new projects and help two companies list on the STAR Market.")
    assert ("two", 2.0, "2023") in targets
    targets, _ = _targets("Last year, the district attracted 120 new projects and helped two companies list.")
    assert targets == []
