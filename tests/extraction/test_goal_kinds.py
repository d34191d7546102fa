"""Kinds of figures beside goals: what was planned and is done, what a plan aimed at before (goals11)."""

from hqd.extraction import extract_text


def kinds(text, date="2021-01-20"):
    return {q.text: q.kind for q in extract_text(text, briefing_date=date).quantities}


def test_things_planned_for_a_time_and_all_done_are_what_was_done():
    assert kinds("The 25 community gardens planned for the year were all finished by November.")["25"] == "level"
    assert kinds("Of the 120 projects planned, 96 have been completed.")["120"] == "target"
