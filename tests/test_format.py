"""The one formatter: numbers, units, approximations and periods read the same everywhere."""

import pytest

from hqd.format import check_period, format_number, format_value, integral, one_line, period_label, unit_label


@pytest.mark.parametrize("value, unit, kind, approx, expected", [
    (124.83e9, "CNY", "level", "=", "124.83 bn yuan"),
    (27, "ug/m3", "level", "=", "27 µg/m³"),
    (2453, "count", "level", "=", "2,453"),
    (10e9, "CNY", "level", ">", "> 10 bn yuan"),
    (100e9, "CNY", "level", "~", "≈ 100 bn yuan"),
    (12.9e9, "CNY", "level", "=", "12.9 bn yuan"),
    (9.1, "percent", "change", "=", "+9.1%"),
    (-66, "percent", "change", "=", "-66%"),
    (90, "percent", "share", ">=", "≥ 90%"),
    (2.3, "pp", "change", "=", "+2.3 pp"),
    (1.5e9, "USD", "level", "=", "US$1.5 bn"),
    (-20e9, "CNY", "change", "=", "-20 bn yuan"),
    (3000, "count", "target", "=", "3,000"),
    (1.48, "km2", "level", "=", "1.48 km²"),
    (9000, "CNY/m2", "level", "=", "9,000 yuan/m²"),
    (1, "year", "level", "=", "1 year"),
    (12, "year", "level", "=", "12 years"),
    (8.52e6, "count", "level", "=", "8.52 m"),
])
def test_figures_read_one_way(value, unit, kind, approx, expected):
    assert format_value(value, unit, kind, approx) == expected


def test_numbers_drop_trailing_zeros_and_group_thousands():
    assert format_number(10e9) == "10 bn" and format_number(2453.0) == "2,453" and format_number(90.30) == "90.3"
    assert format_number(0.125) == "0.125" and format_number(1234.56) == "1,234.6"


def test_unit_labels():
    assert unit_label("CNY") == "yuan" and unit_label("count") == "" and unit_label("ug/m3") == "µg/m³" and unit_label("mu") == "mu"


@pytest.mark.parametrize("unit,label", [("CNY/m2/day", "yuan/m²/day"), ("CNY/person/month", "yuan/person/month"),
                                        ("kWh/CNY", "kWh/yuan"), ("CNY/m2", "yuan/m²"), ("ton/day", "tons/day")])
def test_a_rates_label_writes_each_part_as_people_do(unit, label):
    assert unit_label(unit) == label


@pytest.mark.parametrize("period, basis, expected", [
    ("2023", None, "2023"), ("2023-H1", None, "H1 2023"), ("2023-Q2", None, "Q2 2023"), ("2023-07", None, "Jul 2023"),
    ("2023-01/2023-07", None, "Jan–Jul 2023"), ("2018/2023", None, "2018–2023"), ("2021/2023", "annual_avg", "2021–2023 average"),
    ("2018/2023", "cumulative", "2018–2023 in all"), (None, None, ""), ("someday", None, "someday"),
    ("2023-H2", None, "H2 2023"), ("2023-Q4", None, "Q4 2023"), ("2022-12/2023-02", None, "Dec 2022–Feb 2023"),
    ("2023-01/2023-H1", None, "Jan–H1 2023"), ("2021/2023-H1", None, "2021–H1 2023"), ("2023-07-15", None, "2023-07-15"),
])
def test_periods_for_people(period, basis, expected):
    assert period_label(period, basis) == expected


def test_periods_are_checked_with_the_valid_form_in_the_message():
    for good in ("2023", "2023-H1", "2023-Q4", "2023-12", "2021/2023", "2023-01/2023-07"):
        assert check_period(good) == good
    for bad in ("bogus", "2023-13", "2023-H3", "23", "2023/", "2023-07-15", "2021/2022/2023"):
        with pytest.raises(ValueError, match="2023-H1"):
            check_period(bad)
    assert check_period(None) is None and check_period("") is None


def test_raw_values_for_json():
    assert integral(2453.0) == 2453 and isinstance(integral(2453.0), int) and integral(9.1) == 9.1 and integral("x") == "x"
    assert one_line("a\n  b\tc ") == "a b c" and one_line(None) is None
