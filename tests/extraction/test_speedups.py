"""Faster ways of finding what a plain scan finds: each gives exactly what the scan it replaced gives, on the seeds, the
tuning texts and strings made to tell them apart."""

from __future__ import annotations

import glob
import os
from pathlib import Path

import pytest

from hqd.extraction.goals import _clause_end
from hqd.extraction.numbers import _DIGIT_FRACTION, _FRACTION_ANCHOR, _QUOTED, _digit_fractions, _fraction_anchors, _quoted
from hqd.extraction.ranks import _CLAIM_ANCHOR, _CLAIM_STARTS
from hqd.extraction.segments import _LETTERS, CASE_TRAPS, Segmentation, matches_from, words_of
from hqd.extraction.targets import _MILESTONE_WORD, _milestone_sentences

CRAFTED = [
    "", "/", "1/", "/2", "1/2", "12345/6", "1/2/3", "a1/250 of", "3/4 of the land, 24/7 service, 2023/24 season",
    "\u0663/\u0664 of", "１/４ of",  # digits of other scripts are digits to \d
    "Construction started. CONSTRUCTION STARTS. The tower topped out; it Tops  out and will open.\n\nWork begins",
    "It will be put\ninto operation. Put it there. cooperation, reopened, restarting, Stop",
    "bİllion construction ſtart, Kelvin \u212a open",  # letters whose lower case is not one ASCII letter
    "Line one. Line two; three\nfour", "no mark at all",
]


def _texts() -> list[str]:
    seeds = os.environ.get("HQD_SEEDS", "../shared/seeds")
    paths = sorted(glob.glob(f"{seeds}/*.txt") + glob.glob("eval/tuning/en/*.txt"))
    return [Path(p).read_text("utf-8") for p in paths] + CRAFTED


@pytest.mark.parametrize("text", _texts())
def test_milestone_sentences_are_those_of_every_match_of_the_pattern(text):
    seg = Segmentation(text)
    assert _milestone_sentences(text, seg) == sorted({seg.index_at(m.start()) for m in _MILESTONE_WORD.finditer(text)})


@pytest.mark.parametrize("text", _texts())
def test_digit_fractions_are_the_patterns_matches(text):
    assert [m.span() for m in _digit_fractions(text)] == [m.span() for m in _DIGIT_FRACTION.finditer(text)]


@pytest.mark.parametrize("text", _texts())
def test_a_clause_ends_at_the_first_full_stop_semicolon_or_line_break(text):
    for start in range(0, len(text), max(1, len(text) // 200)):
        plain = min((k for k in (text.find(".", start), text.find(";", start), text.find("\n", start)) if k >= 0), default=len(text))
        assert _clause_end(text, start) == plain


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from hqd.extraction.numbers import _Blocked, _blocked_ranges, _number_mentions  # noqa: E402

# Pieces that build plain digits and what borders them: units, scales, currencies, name words, signs, dates, list marks
_PIECES = ["1", "12", "123", "1,000", "2023", "2,345", "12345", "021", "0", " ", "  ", ",", ", ", "\n", "\n\n", "\t", ".", "-", "%",
           "/", ":", "+", "(", ")", "$", "RMB", "yuan", " billion", " percent", "per ", "minus ", "Line ", "No.", "Road", " Festival",
           "tons", "2023-08-24", "9 a.m.", "Page 1 of 2", "A", "x", "\u0663", "١", " " * 45, "1 " * 25]


def _plain_equals_full(text: str) -> None:
    blocked = _Blocked(_blocked_ranges(text))
    assert _number_mentions(text, blocked) == _number_mentions(text, blocked, plain_path=False), text


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60).map("".join))
def test_numbers_among_plain_digits_are_read_as_the_full_path_reads_them(text):
    _plain_equals_full(text)


@pytest.mark.parametrize("text", _texts() + ["1 " * 200, "1," * 200, "1\n" * 200, "1 " * 30 + "yuan", "1" + " " * 50 + "yuan",
                                             "1 " * 30 + "      \n   percent", "12,345,678 " * 20, "1,2345 " * 20, "2023 " * 30])
def test_plain_digits_in_real_and_crafted_texts(text):
    _plain_equals_full(text)


def _local_equals_full(text: str) -> None:
    blocked = _Blocked(_blocked_ranges(text))
    assert _number_mentions(text, blocked, plain_path=False) == _number_mentions(text, blocked, plain_path=False, local=False), text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES + ["RMB ", "US$", "¥", " million", "m ", "5G", "Line 17 ", "No. ", "per capita", " tons/day",
                                           "the first ", " months", "“", "”", " Dalian Road", "minus ", "a.m.", "(", "#"]),
                min_size=20, max_size=120).map("".join))
def test_a_number_read_from_its_surroundings_alone_is_read_as_from_the_whole_text(text):
    _local_equals_full(text)


@pytest.mark.parametrize("text", _texts() + [u * (2_000 // len(u)) for u in (
    "1%", "$1 ", "1-", "RMB 1 ", "up 5% ", "5-10 ", "12.5, ", "in 2023, ", "5 billion ", "Line 1 ", "1. ", "1)\n", "  1\n")])
def test_numbers_read_from_their_surroundings_in_real_and_crafted_texts(text):
    _local_equals_full(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 4)), max_size=12))
def test_spans_in_order_come_out_of_drop_overlaps_as_a_sort_would_leave_them(pairs):
    from hqd.extraction.numbers import Mention
    from hqd.extraction.segments import drop_overlaps

    spans = [Mention(a, a + n, 1.0, None) for a, n in pairs]
    plain = sorted(spans, key=lambda s: (s.start, -(s.end - s.start)))
    kept: list = []
    for span in plain:
        if not (kept and span.start < kept[-1].end):
            kept.append(span)
    assert drop_overlaps(spans) == kept


@pytest.mark.parametrize("text", _texts() + ['"', '""', '"a"', '“a” "b" “c"', '"' * 50 + "x", '“' * 3 + '"1 2"', 'a "b\nc" "d"'])
def test_quoted_are_the_patterns_matches(text):
    assert [m.span() for m in _quoted(text)] == [m.span() for m in _QUOTED.finditer(text)]


@pytest.mark.parametrize("text", _texts() + ["half of", "Half  of", "a third of", "one-fifth of", "of", " of", "xhalf of", "halves\tof"])
def test_fraction_anchors_are_the_patterns_matches(text):
    assert list(_fraction_anchors(text)) == [m.span() for m in _FRACTION_ANCHOR.finditer(text)]


@pytest.mark.parametrize("text", _texts() + ["ranked 2nd, Ranking third; prank franked", "Rank", "came first, Coming", "rankranked"])
def test_rank_claims_are_found_where_the_anchor_finds_them(text):
    assert [m.span() for m in matches_from(_CLAIM_ANCHOR, text, _CLAIM_STARTS)] == [m.span() for m in _CLAIM_ANCHOR.finditer(text)]


@pytest.mark.parametrize("text", _texts() + ["Ünïcode café 5G", "上海 Jing’an “AI”", "K\u212aelvin İstanbul ıs ſo", "x_y 3d",
                                             "a\u2019b\u2018c\u201cd\u201de\u2013f\u2014g\u00a0h\u2026i\u00b7j\u2022k", "it’s 5² “Ünï”"])
def test_words_of_are_the_letter_runs_of_the_text_with_its_case_traps_written_plain(text):
    for piece in [text] + [text[k:k + 150] for k in range(0, len(text), 150)]:
        assert words_of(piece) == frozenset(_LETTERS.findall(piece.translate(CASE_TRAPS).lower()))


def _lookahead_led_anchor():
    """The time-phrase anchor as written before: one alternation behind a lookahead on the characters its branches open with."""
    import re

    from hqd.extraction.lang.en import month_names

    return re.compile(r"(?=[12YyHhQqMmFJASONDdsaWw])(?:(?:19|20)\d\d|[Yy]ears?\b|[Hh]alf\b|[Qq]uarter|[Mm]onths?\b|[Dd]ecade\b|"
                      r"Five-Year|[QH][1-4]\b|[Ss]pring\b|[Ss]ummer\b|[Aa]utumn\b|[Ww]inter\b|" + month_names() + r"\b)")


def test_literal_led_alternatives_match_as_the_lookahead_led_alternation():
    from hqd.extraction.periods import _ANCHOR
    from hqd.extraction.segments import literal_led

    plain = _lookahead_led_anchor()
    crafted = ["year", "Years", "yearly", "2023", "1999", "19999", "2100", "Half", "behalf", "H1", "H5", "Q3 ", "Q12", "Sept.", "September",
               "Sep ", "May", "Mayor", "Mar", "March", "months", "Monthly", "decade", "Five-Year", "five-year", "spring", "Summer", "autumn",
               "Winter", "Dec", "Decem", "Jul-Aug", "quarterly"]
    for text in _texts() + crafted + [" ".join(crafted), "".join(crafted)]:
        assert [m.span() for m in _ANCHOR.finditer(text)] == [m.span() for m in plain.finditer(text)], text
    with pytest.raises(ValueError):
        literal_led([r"[Yy]ear"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["year", "Years", "2023", "1999", "Half", "H1", "Q3", "Sept", ".", "September", "Sep", "May", "Mar",
                                 "March", "months", "decade", "Five-Year", "spring", "Summer", "autumn", "winter", " ", "-", "x",
                                 "1", "2", "0", "9", "Q", "H", "\n", "ly", "be"]), max_size=30).map("".join))
def test_the_time_phrase_anchor_matches_as_the_lookahead_led_alternation(text):
    from hqd.extraction.periods import _ANCHOR

    assert [m.span() for m in _ANCHOR.finditer(text)] == [m.span() for m in _lookahead_led_anchor().finditer(text)]


_PLAIN_CLAUSE_BREAK = r"[,;:](?=\s)|[—()]|–(?!\w)|(?<!\w)–|\s--?\s|\s\|\s"  # the clause break as written before it opened with a set


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([",", ";", ":", " ", "\n", "\t", "—", "(", ")", "–", "-", "--", "|", "a", "1", "_", "é", "\u00a0",
                                 "x–y", " – ", "\u2003", " | ", " -- "]), max_size=14).map("".join), st.integers(0, 40), st.integers(0, 40))
def test_the_clause_break_opening_with_a_set_matches_as_written_plainly(text, a, b):
    import re

    from hqd.extraction.segments import _CLAUSE_BREAK

    a, b = sorted((min(a, len(text)), min(b, len(text))))
    plain = re.compile(_PLAIN_CLAUSE_BREAK)
    assert [m.span() for m in _CLAUSE_BREAK.finditer(text, a, b)] == [m.span() for m in plain.finditer(text, a, b)]


@pytest.mark.parametrize("text", _texts())
def test_the_clause_break_finds_in_real_texts_what_it_found_written_plainly(text):
    import re

    from hqd.extraction.segments import _CLAUSE_BREAK

    assert [m.span() for m in _CLAUSE_BREAK.finditer(text)] == [m.span() for m in re.compile(_PLAIN_CLAUSE_BREAK).finditer(text)]


@pytest.mark.parametrize("text", _texts() + ["|", "a|b", "|\n|", "\n|\n", "x\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", "a|b|c\nd", "no bar\n", "\r|\r\n|"])
def test_bar_lines_are_the_rows_the_pattern_finds(text):
    from hqd.extraction.tables import _ROW, bar_lines

    assert list(bar_lines(text)) == [m.span() for m in _ROW.finditer(text)]


@pytest.mark.parametrize("text", _texts() + ["Page 1 of 3", "aged 60 and over", "9 a.m.", "1:500", "August 22, 2023", "22nd of Sept",
                                             "ſept 5", "SEPT 5", "Dec. 1", "2021-2025", "10:30", "a 3-year-old", "PAGE 2 OF 9"])
def test_the_not_quantity_pattern_behind_its_lookahead_matches_as_without_it(text):
    import re

    from hqd.extraction.numbers import _NOT_QUANTITY, _NOT_QUANTITY_INITIALS

    lookahead = rf"(?=[\d{_NOT_QUANTITY_INITIALS}])"
    assert _NOT_QUANTITY.pattern.startswith(lookahead)
    plain = re.compile(_NOT_QUANTITY.pattern[len(lookahead):], re.IGNORECASE)
    for a in range(0, len(text), max(1, len(text) // 50)):
        assert [m.span() for m in _NOT_QUANTITY.finditer(text, a, a + 40)] == [m.span() for m in plain.finditer(text, a, a + 40)]


_WORD_LED_CRAFTED = ["Pudong New Area", "xPudong", "Pudongs", "_Putuo", "Jing’an", "Jing'an", "1Huangpu", "Huangpu1", "top place", "The top spot",
                     "the  First  of", "atop of", "The tops of", "first place", "First  position", "stop place", "-top of", "ſirst of",
                     "The first\nplace", "Thetop of", "the top"]


@pytest.mark.parametrize("text", _texts() + _WORD_LED_CRAFTED + [" ".join(_WORD_LED_CRAFTED), "".join(_WORD_LED_CRAFTED)])
def test_word_led_patterns_match_as_the_lookahead_led_ones(text):
    import re

    from hqd.extraction.metadata import _DISTRICT_ALIASES, DISTRICT_MENTION
    from hqd.extraction.ranks import _TOP_ANCHOR

    names = sorted(map(re.escape, _DISTRICT_ALIASES), key=len, reverse=True)
    district = re.compile("(?=[" + "".join(sorted({name[0] for name in names})) + r"])\b(" + "|".join(names) + r")\b")
    top = re.compile(r"(?=[TtFf])\b(?:[Tt]he\s+)?(?:[Tt]op|[Ff]irst)\s+(?:position|spot|place|of)\b")
    for a, b in [(0, len(text)), (1, len(text) - 1), (3, 20)]:
        assert [m.span(1) for m in DISTRICT_MENTION.finditer(text, a, b)] == [m.span(1) for m in district.finditer(text, a, b)]
        assert [m.span() for m in _TOP_ANCHOR.finditer(text, a, b)] == [m.span() for m in top.finditer(text, a, b)]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(["The company", ", ", ",", ";", ":", " which employs ", "worth ", " valued at ", "linking ", "a", " ", "\n",
                                 "x" * 30, "That", " who has ", "now ", "its "]), max_size=12).map("".join))
def test_a_head_that_fails_the_aside_test_is_no_match_of_the_aside_pattern(head):
    from hqd.extraction.quantities import _SUBJECT_ASIDE, may_open_with_an_aside

    if not may_open_with_an_aside(head):
        assert _SUBJECT_ASIDE.match(head) is None
        assert _SUBJECT_ASIDE.match("x" + head, 1) is None


@pytest.mark.parametrize("text", _texts())
def test_the_aside_test_passes_every_head_the_aside_pattern_matches_in_real_texts(text):
    from hqd.extraction.quantities import _SUBJECT_ASIDE, may_open_with_an_aside

    seg = Segmentation(text)
    for s in seg.sentences:
        for end in range(s.start, s.end, 7):
            if _SUBJECT_ASIDE.match(text, s.start, end):
                assert may_open_with_an_aside(text[s.start:end])


@pytest.mark.parametrize("text", _texts() + ["District Putuo Jing'an Chen Shanghai Pudong-New District\tArea"])
def test_a_one_word_name_is_classified_as_any_name_is(text):
    from hqd.extraction.entities import _NAME, _classify, _classify_word
    from hqd.extraction.metadata import extract_meta

    people = {o.name for o in extract_meta(text).officials} | {"Chen"}
    for m in _NAME.finditer(text):
        name = m.group(0)
        if " " not in name and "\t" not in name:
            assert _classify_word(name, people) == _classify(name, people), name


def test_a_text_without_a_gap_has_no_spaced_table():
    import re

    from hqd.extraction.tables import _spaced_cells, spaced_tables

    for text in _texts():
        if "  " not in text and "\t" not in text:
            assert spaced_tables(text) == []
            assert all(_spaced_cells(text, m.start(), m.end()) == [] for m in re.finditer(r"[^\n]+", text))
    assert spaced_tables("Item  Output  Share\nGDP  5  6\nJobs  7  8\n") != []


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([" ", "(", "（", ")", "）", "张", "明", "·", "a", "  ", "x", "\n", "Li "]), max_size=20).map("".join))
def test_the_chinese_gloss_pattern_with_literal_openings_matches_as_written_plainly(text):
    import re

    from hqd.extraction.metadata import _CJK_GLOSS

    plain = re.compile(r" ?[(（][\u4e00-\u9fff· ]{1,12}[)）]")
    assert _CJK_GLOSS.sub("", text) == plain.sub("", text)
    assert [m.span() for m in _CJK_GLOSS.finditer(text)] == [m.span() for m in plain.finditer(text)]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["4", "12", "123", " ", "  ", "\n", "September", "Sept.", "Sep", "2023", "1999", ".", ",", "a", "_", "x4",
                                 "4 September 2023", "on 14 May 2024"]), max_size=14).map("".join))
def test_the_day_first_date_with_its_look_back_after_the_digit_matches_as_written_plainly(text):
    import re

    from hqd.extraction.lang.en import month_names
    from hqd.extraction.metadata import _DAY_FIRST

    month = month_names() + r"\.?"
    plain = re.compile(rf"(?<![\w.,])(?P<d>\d{{1,2}})\s+(?=[JFMASOND])(?P<m>{month})\s+(?P<y>(?:19|20)\d{{2}})\b")
    assert _DAY_FIRST.subn(r"\g<m> \g<d>, \g<y>", text) == plain.subn(r"\g<m> \g<d>, \g<y>", text)


def test_the_milestone_cues_are_the_lexicons_one_list_with_its_classes_read_out():
    from hqd.extraction.targets import _MILESTONE_CUES, _MILESTONE_STEMS

    assert {"to peak ", "to pick ", "to make ", "be vacated ", "topping-out", " hold "} <= set(_MILESTONE_CUES)
    assert {"will stabilise", "shall review", "to double", "be cleared", "tops out"} <= set(_MILESTONE_STEMS)
    for stem in _MILESTONE_STEMS:  # each cue as written picks its sentence, in either case of its first letter
        for written in (stem, stem[0].upper() + stem[1:]):
            text = f"A line. It said {written} in May. Another line."
            assert _milestone_sentences(text, Segmentation(text)) == [1], written
    assert _milestone_sentences("A household income.", Segmentation("A household income.")) == []  # " hold ": a word's start
