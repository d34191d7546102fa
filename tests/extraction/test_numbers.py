import pytest

from hqd.extraction.numbers import find_mentions


def only(text):
    found = find_mentions(text)
    assert len(found) == 1, [(text[m.start:m.end], m.value) for m in found]
    m = found[0]
    return text[m.start:m.end], m.value, m.unit


@pytest.mark.parametrize(
    "text, span, value, unit",
    [
        ("revenue was 124.83 billion yuan, up", "124.83 billion yuan", 124.83e9, "CNY"),
        ("orders exceeding US$4.4\nbillion.", "US$4.4\nbillion", 4.4e9, "USD"),
        ("an increase of 9.1%.", "9.1%", 9.1, "percent"),
        ("grew 7 percent", "7 percent", 7, "percent"),
        ("up 2.5 percentage points", "2.5 percentage points", 2.5, "pp"),
        ("freeing 3,216 mu of land", "3,216 mu", 3216, "mu"),
        ("the 1,600-mu zone", "1,600-mu", 1600, "mu"),
        ("the 100-billion-yuan parks", "100-billion-yuan", 1e11, "CNY"),
        ("by 77,872 tons of\nstandard coal", "77,872 tons of\nstandard coal", 77872, "tce"),
        ("from 59 micrograms per\ncubic meter", "59 micrograms per\ncubic meter", 59, "ug/m3"),
        ("about 9,000 yuan per square meter", "9,000 yuan per square meter", 9000, "CNY/m2"),
        ("an average price of 6.5 yuan per kilogram", "6.5 yuan per kilogram", 6.5, "CNY/kg"),
        ("power at 0.6 yuan per kilowatt-hour", "0.6 yuan per kilowatt-hour", 0.6, "CNY/kWh"),
        ("spanning 1.48 square kilometers", "1.48 square kilometers", 1.48, "km2"),
        ("for 12 consecutive years", "12 consecutive years", 12, "year"),
        ("27,000 new enterprises", "27,000", 27000, None),
        ("8 million tourists", "8 million", 8e6, None),
        ("output rose 35 pc last year", "35 pc", 35, "percent"),
        ("4,000 ha of forest", "4,000 ha", 4000, "ha"),
        ("it has 5,000+ firms", "5,000+", 5000, None),
        ("about one-fifteenth of the total", "one-fifteenth", 6.667, "percent"),
        ("a growth of minus 2.3 percent", "minus 2.3 percent", -2.3, "percent"),
        ("one in five residents is old", "one in five", 20, "percent"),
        ("and 3 out of 10 firms export", "3 out of 10", 30, "percent"),
        ("trains run at 100 km/h", "100 km/h", 100, "km/hour"),
        ("3 ten thousand units", "3 ten thousand", 3e4, None),
        ("one-third of the territory", "one-third", 33.333, "percent"),
        ("nearly a quarter of the total", "a quarter", 25, "percent"),
        ("more than half of the cities", "half", 50, "percent"),
        ("about 1/80 of the area", "1/80", 1.25, "percent"),
        ("cost ¥500 per person", "¥500 per person", 500, "CNY/person"),
        ("capacity of 40,000 tons.", "40,000 tons", 40000, "ton"),
        ("handled 2.1 million TEUs", "2.1 million TEUs", 2.1e6, "TEU"),
        ("profits of RMB500mn last year", "RMB500mn", 5e8, "CNY"),
        ("sales of 2.3bn yuan", "2.3bn yuan", 2.3e9, "CNY"),
        ("exports rose 4.5 pct", "4.5 pct", 4.5, "percent"),
        ("a deal worth $320 million", "$320 million", 3.2e8, "USD"),
        ("a growth rate of -5.2% in 2020", "-5.2%", -5.2, "percent"),
    ],
)
def test_quantity_surface(text, span, value, unit):
    got_span, got_value, got_unit = only(text)
    assert got_span == span
    assert got_value == pytest.approx(value, rel=1e-4)
    assert got_unit == unit


@pytest.mark.parametrize(
    "text",
    [
        "In 2022, the district grew.",
        "since 2015 it has",
        "on August 22, 2023 the office",
        "the 15th press briefing",
        "the 14th Five-Year Plan",
        "Metro Line 17 opens",
        "Table 1 Output of Major Farm Products in 2024",
        "as Chart 3 shows",
        "the No.2 High School",
        "the PM2.5 concentration",
        "version 6.0 of its plan",
        "the New 12 Measures for support",
        "the “3+1” framework",
        "a “1+X” ecosystem",
        "the CN100 programme",
        "5G base stations",
        "2023.08.24",
        "1.\nJiading strives",
        "Notes: 1. Figures are preliminary. 2. Growth rates are at comparable prices.",
        "the first half of this year",
        "the top 100 enterprises",
        "between 2021-2025 the plan",
        "at 9:30 this morning",
    ],
)
def test_not_quantities(text):
    found = find_mentions(text)
    assert found == [], [(text[m.start:m.end], m.value) for m in found]


def test_mentions_do_not_overlap_and_keep_order():
    text = "from 10.7 billion to 13.8 billion yuan, and 9.1%, 3,000 firms"
    spans = [(m.start, m.end) for m in find_mentions(text)]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    assert len(spans) == 4


@pytest.mark.parametrize("text", ["since the COVID-19 outbreak", "in the 1980s", "open 24/7", "a G60 corridor",
                                  "ISO 9001 certified", "Tier 1 suppliers", "the Double 11 sales", "during the 618 festival",
                                  "the Industry 4.0 era", "Fortune Global 500 companies", "Web 3.0 firms",
                                  "call 021-12345678 for details", "call (021) 6232 1234 now", "the 12345 hotline",
                                  "the hotline 12345 answers", "phone 138-1234-5678 today",
                                  "Views: 1,234 | Font size: A A A | Print | Close", "Hits: 56 | Share", "Page 1 of 3",
                                  "Address: 88 Huaihai Road, Shanghai 200021 | Tel: 021-63210000",
                                  "Tel: 021-63210000 | Fax: 021-63210001 | Postcode: 200021",
                                  "Source: Minhang Daily | Updated: 2023-01-05 | Views: 1,234", "Hu ICP Bei 12345678"])
def test_more_names_and_codes_are_not_quantities(text):
    assert find_mentions(text) == []


@pytest.mark.parametrize("text", ["Hu ICP Bei 05012345", "site code 0071 registered", "05012345 0071", "room 0302, 5 floors"])
def test_digits_with_a_leading_zero_are_a_code(text):
    assert [m.value for m in find_mentions(text)] == ([5.0] if "floors" in text else [])


def test_a_decimal_fraction_below_one_is_no_code():
    assert [m.value for m in find_mentions("a rate of 0.5 percent and 0.05 points")] == [0.5, 0.05]


def test_names_dates_and_slogans_in_a_briefing_are_not_quantities():
    text = ("Following the 2nd China International Import Expo and the No. 1 Central Document, the zone hosts Level 4 "
            "driving tests. The campaign began at 9 a.m. on March 3. The \u201c1+4+N\u201d framework ranks among the top 10 "
            "nationwide, said the 19th press briefing.")
    assert find_mentions(text) == []


def test_digit_range_shares_its_unit():
    text = "Construction takes 2-3 years; rents rose 5–8%."
    found = [(text[m.start:m.end], m.value, m.unit) for m in find_mentions(text)]
    assert found == [("2", 2.0, None), ("3 years", 3.0, "year"), ("5", 5.0, None), ("8%", 8.0, "percent")]


def test_a_place_in_a_ranking_or_a_span_of_years_is_no_ratio():
    assert [(m.value, m.unit) for m in find_mentions("ranked 12 in 16 districts")] == [(12, None), (16, None)]
    assert [(m.value, m.unit) for m in find_mentions("the first time in 10 years")] == [(10, "year")]


def test_a_table_row_is_no_page_furniture():
    assert [m.value for m in find_mentions("AI enterprises | 820 | 960\nViews: 1,234 | Print")] == [820, 960]


@pytest.mark.parametrize("text, span, unit", [
    ("generating 1.3 billion kilowatt-hours a year", "1.3 billion kilowatt-hours", "kWh"),
    ("storing 20 megawatt hours", "20 megawatt hours", "kWh"),
])
def test_energy_units_written_with_a_hyphen_or_a_space(text, span, unit):
    found_span, _, found_unit = only(text)
    assert (found_span, found_unit) == (span, unit)


def _unit_forms() -> dict[str, list[str]]:
    """Every word list of units.json that holds unit words, currency signs or rate denominators, by where it stands."""
    from hqd.extraction.lang.en import word_lists

    table = word_lists("units")
    lists = {f"{key}.{code}": forms for key in ("units", "after_hyphen", "currency_prefixes", "rate_denominators")
             for code, forms in table[key].items()}
    return lists | {"duration_leads.words": table["duration_leads"]["words"]}


def test_the_unit_tables_are_words_not_patterns():
    """units.json lists words as written; numbers.py builds the patterns (a space: white space or hyphens)."""
    found = {where: [w for w in forms if not w or w != w.strip() or "  " in w or any(ch in w for ch in "()[]{}?*+|\\^")]
             for where, forms in _unit_forms().items()}
    assert {where: bad for where, bad in found.items() if bad} == {}


def test_every_code_of_the_unit_leads_and_hyphen_forms_has_words():
    from hqd.extraction.lang.en import word_lists

    table = word_lists("units")
    assert set(table["duration_leads"]["units"]) | set(table["after_hyphen"]) <= set(table["units"])


@pytest.mark.parametrize("text, span, unit", [("3 consecutive years", "3 consecutive years", "year"),
                                              ("a 480-meter bridge", "480-meter", "m"), ("1 meter", "1", None),
                                              ("5 sq. km", "5 sq. km", "km2"), ("RMB ¥5", "RMB ¥5", "CNY"),
                                              ("USD  5", "USD  5", "USD"), ("$ 5", "$ 5", "USD")])
def test_unit_words_with_their_conditions(text, span, unit):
    found_span, _, found_unit = only(text)
    assert (found_span, found_unit) == (span, unit)


def test_an_age_that_names_a_group_is_no_quantity():
    found = find_mentions("Residents aged 60 and above number 210,000; those aged 18-35 make up 30%.")
    assert [m.value for m in found] == [210000, 30]


@pytest.mark.parametrize("text, span, value, unit", [
    ("invested 1.5 trln yuan", "1.5 trln yuan", 1.5e12, "CNY"),
    ("invested 2.3 bln yuan", "2.3 bln yuan", 2.3e9, "CNY"),
    ("invested 2.3bln yuan", "2.3bln yuan", 2.3e9, "CNY"),
    ("a birth rate of 3.5‰", "3.5‰", 3.5, "permille"),  # the contract's unit table: ‰ is permille
    ("a rate of 2 per mille", "2 per mille", 2, "permille"),
])
def test_abbreviated_scales_and_per_mille(text, span, value, unit):
    found_span, found_value, found_unit = only(text)
    assert (found_span, found_unit) == (span, unit) and found_value == pytest.approx(value)


@pytest.mark.parametrize("text", ["a 3-year-old child", "a 1:500 model of the new city", "a 1:2000 map"])
def test_ages_and_scales_of_maps_are_not_quantities(text):
    assert find_mentions(text) == []


def test_a_figure_ending_a_sentence_at_a_wrapped_lines_start_is_no_list_number():
    text = "and the number of high-tech enterprises exceeded\n2,500. The riverside has 38 firms.\n\n1. Growth\n\n12. Jobs"
    assert [m.value for m in find_mentions(text)] == [2500, 38]


def test_a_street_number_is_no_quantity():
    text = "The fair opened at 1000 Dalian Road and 88 Century Avenue, and drew 300 firms."
    assert [text[m.start:m.end] for m in find_mentions(text)] == ["300"]


def test_scaled_values_are_exact_decimals():
    text = "It handled 4.1 million trips, 0.3 billion yuan and a rate of 3.5‰."
    assert [m.value for m in find_mentions(text)] == [4100000.0, 300000000.0, 3.5]  # not 4099999.9999999995


def test_money_in_millions_written_m():
    text = "15 projects each worth over $100m, US$5m in grants and RMB12.6bn, beside a 100m tower."
    assert [(text[m.start:m.end], m.value, m.unit) for m in find_mentions(text)][1:] == [
        ("$100m", 1e8, "USD"), ("US$5m", 5e6, "USD"), ("RMB12.6bn", 1.26e10, "CNY")]


# --- The look-ups that stand in for scans of every character give what the scans give ----------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from hqd.extraction import numbers as numbers_module  # noqa: E402

_PIECES = ["half", "Half", "halves", "third", "thirds", "quarter", "behalf", "two-thirds", "of", "off", "of.", "often", " ", "  ",
           "\n", "\t", ",", "one", "Views", "views", "Font size", "Print", "Hits", "ſize", "prİnt", ":", "：", "|", "x", "中文版", "5"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_fraction_anchors_are_those_a_scan_finds(pieces):
    for text in (" ".join(pieces), "".join(pieces)):
        want = [m.span() for m in numbers_module._FRACTION_ANCHOR.finditer(text)]
        assert list(numbers_module._fraction_anchors(text)) == want


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_the_furniture_check_never_skips_a_furniture_line(pieces):
    for text in (" ".join(pieces), "".join(pieces), "\n".join(pieces)):
        if any(numbers_module._FURNITURE_LINE.finditer(text)):
            assert numbers_module._may_hold_furniture(text)


@pytest.mark.parametrize("text", ["Views: 1,234 | Font size: A A A | Print | Close", "Home | News\nHits : 56 | Print",
                                  "Font   size\n: big | small", "ViEWS| 3 | x", "fAVORITES ： 9 | 1"])
def test_a_furniture_line_is_checked(text):
    assert any(numbers_module._FURNITURE_LINE.finditer(text)) and numbers_module._may_hold_furniture(text)


def _openings(parsed) -> tuple[set, bool]:
    """The items a parsed pattern can open with (("lit", char) or ("other", op)), and whether it can match nothing."""
    import re._constants as c

    opens: set = set()
    for op, av in parsed:
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            continue  # zero width: what follows opens the match
        if op is c.LITERAL:
            opens.add(("lit", chr(av)))
            return opens, False
        if op is c.IN:
            opens |= {("lit", chr(v)) if o is c.LITERAL else ("other", str(o)) for o, v in av}
            return opens, False
        if op is c.SUBPATTERN:
            inner, empty = _openings(av[-1])
        elif op is c.BRANCH:
            parts = [_openings(branch) for branch in av[1]]
            inner, empty = set().union(*(p for p, _ in parts)), any(e for _, e in parts)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
            inner, empty = _openings(av[2])
            empty = empty or av[0] == 0
        else:
            return opens | {("other", str(op))}, False
        opens |= inner
        if not empty:
            return opens, False
    return opens, True


def test_every_unit_opens_with_a_letter_or_a_percent_sign():
    """MENTION tries the units only where a letter, "%" or "‰" follows the number (its lookahead): a unit opening with
    anything else would never be found."""
    import re._parser

    from hqd.extraction.numbers import UNIT_PATTERNS

    for pattern, _ in UNIT_PATTERNS:
        opens, empty = _openings(re._parser.parse(pattern))
        assert not empty, pattern
        assert all(kind == "lit" and (ch.isalpha() or ch in "%‰") for kind, ch in opens), (pattern, opens)


def _closings(parsed) -> set:
    """The items a parsed pattern can close with, as _openings gives openings (the sequence read backwards)."""
    import re._constants as c

    closes: set = set()
    for op, av in reversed(list(parsed)):
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            continue
        if op is c.LITERAL:
            return closes | {("lit", chr(av))}
        if op is c.IN:
            return closes | {("lit", chr(v)) if o is c.LITERAL else ("other", str(o)) for o, v in av}
        if op is c.SUBPATTERN:
            inner, empty = _closings(av[-1]), _openings(av[-1])[1]
        elif op is c.BRANCH:
            inner = set().union(*(_closings(b) for b in av[1]))
            empty = any(_openings(b)[1] for b in av[1])
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
            inner, empty = _closings(av[2]), av[0] == 0 or _openings(av[2])[1]
        else:
            return closes | {("other", str(op))}
        closes |= inner
        if not empty:
            return closes
    return closes


def test_no_currency_written_before_a_number_ends_in_a_character_that_skips_the_currency_check():
    """_number_mentions tries _CURRENCY_BEFORE only where the three characters before a number hold one that is not in
    _NO_CURRENCY_END: every currency must close with a character outside it (spaces after it aside)."""
    import re._parser

    from hqd.extraction.numbers import _NO_CURRENCY_END, CURRENCY_PATTERNS

    for pattern, _ in CURRENCY_PATTERNS:
        closes = _closings(re._parser.parse(pattern))
        closes = {ch for kind, ch in closes if not (kind == "lit" and ch == " ")}  # "USD ?": the letter before the space closes it too
        assert closes and all(isinstance(ch, str) and len(ch) == 1 and ch not in _NO_CURRENCY_END for ch in closes), (pattern, closes)


def test_every_name_word_after_a_number_opens_with_a_letter():
    """_is_name_number tries the name words, streets and capitalised words after a number only where white space and
    then a letter follow it (_WORD_AFTER_SPACE): a name word opening with anything else would never be found."""
    import re._parser

    from hqd.extraction.lang.en import word_lists
    from hqd.extraction.lexicon import phrase_pattern

    opens, empty = _openings(re._parser.parse(phrase_pattern(word_lists("cues")["name_after"])))
    assert not empty and all(kind == "lit" and ch.isalpha() for kind, ch in opens), opens


def test_a_unit_the_contract_lists_under_another_code_is_given_in_that_one():
    # the contract has kWh and ug/m3 but no MWh, GWh or bare micrograms
    assert [(m.value, m.unit) for m in find_mentions("storing 20 megawatt hours")] == [(20000.0, "kWh")]
    assert [(m.value, m.unit) for m in find_mentions("generated 1.5 billion GWh")] == [(1.5e15, "kWh")]
    assert [(m.value, m.unit) for m in find_mentions("PM2.5 averaged 29 micrograms")] == [(29.0, "ug/m3")]


@pytest.mark.parametrize("text,unit,span", [
    ("rents of 4.2 yuan per square meter per day", "CNY/m2/day", "4.2 yuan per square meter per day"),
    ("11.2 yuan/square meter/day", "CNY/m2/day", "11.2 yuan/square meter/day"),
    ("a fee of 300 yuan per person per month", "CNY/person/month", "300 yuan per person per month"),
    ("5 tons per day per person", "ton/day", "5 tons per day"),
])
def test_a_rate_per_a_span_of_time_keeps_both_denominators(text, unit, span):
    (m,) = find_mentions(text)
    assert (m.unit, text[m.start:m.end]) == (unit, span)


@pytest.mark.parametrize("text, values", [
    ("Next year the district will start building 3 new hospitals.", [3.0]),
    ("We are building 30 schools.", [30.0]),
    ("Firms in Building 3 employ 40 people.", [40.0]),
    ("The lab is on the fifth floor of building 7.", []),
    ("The lab is in building 7 of the park.", []),
])
def test_a_name_word_in_ing_written_small_before_a_count_is_the_verb(text, values):
    """'start building 3 new hospitals': the verb, and 3 the count of its object; 'Building 3' and 'building 7 of the
    park' are names."""
    assert [m.value for m in find_mentions(text)] == values


@pytest.mark.parametrize("text,figure", [("Officials expect the number of firms to top 3,000 by 2026.", "3,000"),
                                         ("Sales will top 5 billion yuan this year.", "5 billion yuan")])
def test_top_after_to_or_a_modal_is_the_verb_and_its_number_a_figure(text, figure):
    assert [text[m.start:m.end] for m in find_mentions(text)] == [figure]


@pytest.mark.parametrize("text", ["The top 100 firms paid most of the tax.", "It ranked in the top 10.", "The metro runs to Line 17.",
                                  "It moved up to Top 10 status."])
def test_top_and_other_name_words_before_a_number_still_name_a_group_or_a_thing(text):
    assert find_mentions(text) == []


def test_a_fraction_in_words_that_bounds_a_share_named_before_is_read_without_of():
    assert only("and to raise its share of exports to more than half;") == ("half", 50, "percent")
    assert only("lift the share of green buildings to more than two-thirds by 2030") == ("two-thirds", pytest.approx(66.667), "percent")
    assert find_mentions("Output rose by more than half.") == []  # a change in words, not read
    assert find_mentions("The first half went well, and the second half too.") == []
    assert only("and to raise its share of exports to half, the mayor said") == ("half", 50, "percent")  # no bound: a level
    assert find_mentions("The town plans to cut its waste to half that by 2026.") == []  # a fraction of a figure, not a share
    assert find_mentions("Sales rose from the first to the second half.") == []


def test_a_fraction_in_words_of_a_whole_just_named_is_read_after_of_which():
    def fractions(text):
        return [text[m.start:m.end] for m in find_mentions(text) if m.is_fraction]
    assert fractions("The town will build 2,000 homes, of which about one-third will be rental.") == ["one-third"]
    assert fractions("Its 120 clinics, of them two-fifths in villages, were upgraded.") == ["two-fifths"]
    assert [m for m in find_mentions("Of these, half-built towers stood.") if m.is_fraction] == []
    assert [m for m in find_mentions("of which the first half of the year") if m.is_fraction] == []
