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
