"""A goal whose count is written in words is still a goal, with its count and deadline."""

from hypothesis import given, settings
from hypothesis import strategies as st

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


def test_a_bound_may_stand_before_the_count():
    targets, doc = _targets("This year the county will bring in at least four research institutes.")
    assert targets == [("four", 4.0, "2023")]
    assert doc.quantities[0].approx == ">="
    targets, _ = _targets("The port expects to open more than three new shipping routes by 2025.")
    assert targets == [("three", 3.0, "2025")]


def test_counts_in_words_outside_a_goal_and_durations_are_not_read():
    targets, doc = _targets("The district has three hospitals and will spend two years on the plan.")
    assert targets == [] and doc.quantities == []


def test_an_infinitive_joined_to_a_goal_shares_its_aim():
    targets, _ = _targets("The district aims to help two companies go public this year and to attract three regional headquarters.")
    assert targets == [("two", 2.0, "2023"), ("three", 3.0, "2023")]
    targets, _ = _targets("We will build four new schools, renovate five hospitals and plant two million trees.")
    assert [t[1] for t in targets] == [4.0, 5.0]  # "two million trees" is no count in words of the goal's kind


def test_a_part_of_what_was_counted_before_is_counted():
    targets, _ = _targets("We will draw 100 design firms and help three of them go public this year.")
    assert [t[:2] for t in targets] == [("100", 100.0), ("three", 3.0)]
    targets, _ = _targets("Three of them went public last year.")
    assert targets == []


def test_a_part_of_a_goals_count_named_with_including_is_a_goal_too():
    targets, _ = _targets("By 2025, the town aims to have 300 start-ups, including four unicorns, and to train 9,000 engineers.")
    assert [t[:2] for t in targets] == [("300", 300.0), ("four", 4.0), ("9,000", 9000.0)]
    targets, _ = _targets("The town has 300 start-ups, including four unicorns.")
    assert targets == []


def test_the_items_of_a_list_after_a_goals_verb_and_a_colon_are_goals():
    targets, _ = _targets("Plan\n\nBy 2026, Qingpu will:\n1. raise output to 120 billion yuan;\n"
                          "2. build three computing centers.\n\nIt has five parks and two ports.")
    assert [t[:2] for t in targets] == [("120 billion yuan", 1.2e11), ("three", 3.0)]


def test_a_joined_clause_that_is_no_goal_stays_unread():
    targets, doc = _targets("The district aims to help two companies go public this year. It has three hospitals and seven parks.")
    assert targets == [("two", 2.0, "2023")]


def test_a_verb_phrase_joined_to_a_goal_shares_its_goal():
    targets, _ = _targets("This year, we will sign 120 new projects and help two firms list on the Beijing exchange.")
    assert ("two", 2.0, "2023") in targets
    targets, _ = _targets("Last year, the district attracted 120 new projects and helped two companies list.")
    assert targets == []


def test_the_goal_verbs_found_by_lookup_give_what_a_scan_of_every_character_gives():
    """goals._goal_matches looks the pattern up only where a goal verb starts; it finds exactly what finditer finds."""
    from hqd.extraction import goals

    texts = [
        "The district aims to help two companies go public. It Will build three schools and PLANS to open four parks.",
        "Output is\n   expected to add five new plants; they are expected to hire nine thousand workers.",
        "We Aim to; shall shall strive to cultivate five leading enterprises, seeks six new firms and expects seven more labs.",
        "Reaching is expected two parks", "The city isexpected to add two parks and shallnot add three firms.",
        "It wİll build three schools.", "It will build three ſchools and strives to open two parks.",
        "will two firms " * 50, "",
    ]
    for text in texts:
        want = [(m.span(), m.group(0)) for m in goals._pattern().finditer(text)]
        assert [(m.span(), m.group(0)) for m in goals._goal_matches(text, goals._pattern())] == want, text
    assert any(goals._pattern().finditer(texts[1]))


_WORDS = ["is", "are", "Is", "expected", "expect", "will", "WILL", "shall", "aims", "plans", "to", "help", "two", "three", "firms",
          "schools", "years", " ", "  ", "\n", ",", "İ", "ſ", "x"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=30))
def test_the_goal_lookup_agrees_with_the_scan_on_any_mix_of_its_words(words):
    from hqd.extraction import goals

    text = " ".join(words) + "".join(words)  # spaced and run together
    for pattern in (goals._pattern(), goals._goal_verb()):
        assert [m.span() for m in goals._goal_matches(text, pattern)] == [m.span() for m in pattern.finditer(text)]


def _word_number_goals_as_first_written(text, mentions):
    """goals.word_number_goals as it read before it ran in linear time: every verb's clause to its end, every count
    compared with every figure."""
    from hqd.extraction import goals
    from hqd.extraction.lang.en import word_lists

    cardinals = word_lists("scales")["cardinals"]
    taken = [(m.start, m.end) for m in mentions]
    found = []
    spans = [m.span("n") for m in goals._pattern().finditer(text)]
    for m in goals._goal_verb().finditer(text):
        clause_end = min((k for k in (text.find(".", m.end()), text.find(";", m.end()), text.find("\n", m.end())) if k >= 0),
                         default=len(text))
        spans += [c.span("n") for c in goals._coordinated().finditer(text, m.end(), clause_end)]
    for start, end in sorted(spans):
        if any(a < end and start < b for a, b in taken):
            continue
        taken.append((start, end))
        found.append((start, end, float(cardinals[text[start:end].lower()])))
    return found


_CLAUSE_PIECES = ["It will hire two firms", "The district aims to build three schools", ", open four parks", " and hire five teams",
                  ", build twenty-one labs", " and to attract six firms", " and plan two years", ", add 120 firms", ".", ";", "\n",
                  " will", " and", " two", ", three firms"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_CLAUSE_PIECES), max_size=30))
def test_word_number_goals_finds_what_the_first_reading_found(pieces):
    from hqd.extraction import goals
    from hqd.extraction.numbers import find_mentions

    text = "".join(pieces)
    mentions = find_mentions(text)
    got = [(m.start, m.end, m.value) for m in goals.word_number_goals(text, mentions)]
    assert got == _word_number_goals_as_first_written(text, mentions)


def test_a_count_in_words_of_topics_or_of_what_is_joined_is_no_goal():
    targets, doc = _targets("We will focus on three areas. The corridor, which will link nine cities, aims to help two companies list.")
    assert targets == [("two", 2.0, None)]


def test_two_words_may_qualify_what_a_count_in_words_counts():
    targets, _ = _targets("The district will build four hydrogen refueling stations next year.")
    assert targets == [("four", 4.0, "2024")]
    targets, _ = _targets("The district will focus on three key industrial areas.")
    assert targets == []  # no verb of doing: topics, not a goal's count
