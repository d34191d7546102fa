"""Targets judged: each status, approx (exceed, at least, about, within) and deadline cases, restated goals."""

from __future__ import annotations

from datetime import date

import pytest

from hqd.analysis import target_rows
from hqd.analysis.targets import Evidence, Goal, judge, meets
from hqd.pipeline.ingest import ingest_paths
from hqd.store import open_store


def ev(value, when, approx="=", baseline=False, period=None):
    return Evidence(value, approx, date.fromisoformat(when), period=period, baseline=baseline)


GOAL = Goal(3000, "count", "=", "2025", True, "2023-08-22")  # "3,000 high-tech enterprises by 2025", said in August 2023


def test_met_when_later_evidence_reaches_the_goal():
    j = judge(GOAL, [ev(3100, "2024-12-31")], as_of=date(2026, 1, 1))
    assert j.status == "met" and j.judged_by.value == 3100


def test_met_early_before_the_deadline():
    assert judge(GOAL, [ev(3000, "2024-06-30")], as_of=date(2024, 9, 1)).status == "met"


def test_missed_when_the_deadline_period_falls_short():
    j = judge(GOAL, [ev(2800, "2025-12-31", period="2025")], as_of=date(2026, 3, 1))
    assert j.status == "missed" and "2,800" in j.note or "2800" in j.note


def test_no_evidence_after_the_deadline_without_a_figure_for_it():
    j = judge(GOAL, [ev(2900, "2024-12-31")], as_of=date(2026, 3, 1))
    assert j.status == "no evidence" and "2025" in j.note  # a 2024 figure does not decide a 2025 goal
    assert judge(GOAL, [], as_of=date(2026, 3, 1)).status == "no evidence"


def test_a_figure_from_before_the_goal_is_no_evidence_of_it():
    """The issue's case: a goal of 14 new schools this year against 18 opened last year."""
    schools = Goal(14, "count", "=", "2023", True, "2023-08-22")
    j = judge(schools, [ev(18, "2022-12-31", baseline=True, period="2022")], as_of=date(2024, 2, 1))
    assert j.status == "no evidence"


def test_on_track_and_behind_pace_before_the_deadline():
    base = ev(2453, "2022-12-31", baseline=True)
    ahead = judge(GOAL, [base, ev(2900, "2024-06-30")], as_of=date(2024, 9, 1))
    assert ahead.status == "on track"
    behind = judge(GOAL, [base, ev(2500, "2024-06-30")], as_of=date(2024, 9, 1))
    assert behind.status == "not yet due" and "behind pace" in behind.note
    assert judge(GOAL, [], as_of=date(2024, 1, 1)).status == "not yet due"


def test_evidence_published_after_as_of_is_not_known_yet():
    assert judge(GOAL, [ev(3100, "2024-12-31")], as_of=date(2024, 6, 1)).status == "not yet due"


@pytest.mark.parametrize("goal_approx, value, approx, expected", [
    (">", 3000, "=", False),  # to exceed 3,000: 3,000 does not
    (">", 3001, "=", True),
    (">", 3000, ">", True),  # "more than 3,000" does
    (">=", 3000, "=", True),  # at least
    ("=", 2999, "=", False),
    ("=", 2950, "~", False),  # "nearly 2,950" may be 2,800
    ("~", 2920, "=", True),  # about 3,000: within 3%
    ("~", 2850, "=", False),
    ("=", 3000, "<", False),  # "under 3,000" never reaches it
])
def test_approx_of_goal_and_evidence(goal_approx, value, approx, expected):
    goal = Goal(3000, "count", goal_approx, "2025", True, "2023-08-22")
    assert meets(goal, value, approx) is expected


@pytest.mark.parametrize("goal_approx, higher_is_better, value, expected", [
    ("<=", True, 5.5, True),  # within 5.5%: 5.5 is within
    ("<=", True, 5.6, False),
    ("<", True, 5.5, False),  # below 5.5%
    ("<", True, 5.4, True),
    ("=", False, 30, True),  # PM2.5 down to 30: lower is better, 30 reaches it
    ("=", False, 31, False),
])
def test_goals_that_set_a_ceiling(goal_approx, higher_is_better, value, expected):
    goal = Goal(5.5 if goal_approx != "=" else 30, "percent", goal_approx, "2025", higher_is_better, "2024-01-01")
    assert meets(goal, value) is expected


def test_a_growth_goal_judged_by_the_year_growth():
    goal = Goal(5.0, "percent", "=", "2025", True, "2025-01-15")  # "budget revenue to grow by 5%"
    assert judge(goal, [ev(5.2, "2025-12-31", period="2025")], date(2026, 2, 1), growth=True).status == "met"
    assert judge(goal, [ev(4.1, "2025-12-31", period="2025")], date(2026, 2, 1), growth=True).status == "missed"
    half = judge(goal, [ev(4.0, "2025-06-30", period="2025-H1")], date(2025, 8, 1), growth=True)
    assert half.status == "not yet due" and "behind" in half.note


def test_no_deadline():
    goal = Goal(8e6, "count", "~", None, True, "2023-10-17")
    assert judge(goal, [], date(2024, 1, 1)).status == "no evidence"
    assert judge(goal, [ev(7.9e6, "2024-12-31")], date(2025, 1, 1)).status == "met"  # about 8 million


BRIEFING = (
    "Press Release for Media Briefing of the Shanghai Municipal Government on {day}\n\n"
    "The Information Office held a press briefing (Minhang District special session).\n\n"
    "{body}\n"
)


def test_restated_goal_is_one_target_judged_by_the_later_figure(tmp_path):
    texts = {
        "a.txt": BRIEFING.format(day="May 1, 2023", body="In 2022, the district had 2,100 high-tech enterprises. "
                                 "The district aims to have 3,000 high-tech enterprises by 2025."),
        "b.txt": BRIEFING.format(day="June 5, 2024", body="The district aims to have 3,000 high-tech enterprises by 2025."),
        "c.txt": BRIEFING.format(day="March 3, 2026", body="In 2025, the district had 3,050 high-tech enterprises."),
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = tmp_path / "t.db"
    conn = open_store(db, write=True)
    ingest_paths(conn, str(db), [str(tmp_path)], jobs=1, quiet=True)
    rows = [r for r in target_rows(conn, "Minhang", as_of=date(2026, 4, 1)) if r.value == 3000]
    assert len(rows) == 1, rows
    target = rows[0]
    assert [s["date"] for s in target.statements] == ["2023-05-01", "2024-06-05"]
    assert target.status == "met" and target.judged_by["value"] == 3050
    assert "3,050" in target.judged_by["sentence"] and "3,000" in target.sentence  # both sentences, side by side
    earlier = [r for r in target_rows(conn, "Minhang", as_of=date(2025, 3, 1)) if r.value == 3000][0]
    assert earlier.status == "not yet due"


def test_a_milestone_is_due_by_its_deadline_alone():
    milestone = Goal(None, None, "=", "2024", True, "2023-09-05")  # "Huawei's R&D center is poised to become operational next year"
    assert judge(milestone, [], date(2023, 12, 31)).status == "not yet due"
    assert judge(milestone, [], date(2025, 1, 2)).status == "no evidence"


def test_a_goal_for_additions_is_judged_by_additions_never_by_the_stock(tmp_path):
    """"150 new high-tech enterprises in 2025" is met by 160 new ones, whatever the stock (3,050) says."""
    texts = {
        "a.txt": BRIEFING.format(day="May 1, 2024", body="The district aims to add 150 new high-tech enterprises in 2025."),
        "b.txt": BRIEFING.format(day="March 3, 2026", body="In 2025, the district had 3,050 high-tech enterprises."),
        "c.txt": BRIEFING.format(day="April 9, 2026", body="In 2025, the district gained 160 new high-tech enterprises."),
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = tmp_path / "t.db"
    conn = open_store(db, write=True)
    ingest_paths(conn, str(db), [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], jobs=1, quiet=True)
    [goal] = [r for r in target_rows(conn, "Minhang", as_of=date(2026, 4, 1)) if r.value == 150]
    assert goal.indicator == "high_tech_enterprises" and goal.judged_by is None  # the stock is no evidence of additions
    ingest_paths(conn, str(db), [str(tmp_path / "c.txt")], jobs=1, quiet=True)
    [goal] = [r for r in target_rows(conn, "Minhang", as_of=date(2026, 5, 1)) if r.value == 150]
    assert goal.status == "met" and goal.judged_by["value"] == 160
