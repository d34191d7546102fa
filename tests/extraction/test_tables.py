import pytest

from hqd.extraction import extract_text
from hqd.extraction.tables import find_tables

from ..conftest import assert_grounded


def read(text: str) -> dict:
    """The document's quantities by their text, each checked to be the slice of the text it claims."""
    doc = extract_text(text)
    assert_grounded(doc.text, doc.quantities)
    return {q.text: q for q in doc.quantities}


def test_a_table_reads_units_scales_kinds_and_period_from_its_headers():
    qs = read(
        "Minhang District: main economic indicators, January-June 2024\n\n"
        "Indicator | Value | Growth (%)\n\n"
        "Regional GDP (100 million yuan) | 1,402.3 | 5.8\n\n"
        "Industrial output (100 million yuan) | 2,015.6 | -1.2\n\n"
        "New enterprises | 8,120 | 12.0\n\n"
        "In the first half, regional GDP grew 5.8% to 140.23 billion yuan.\n"
    )
    assert "100 million yuan" not in qs  # a unit note is no figure
    gdp = qs["1,402.3"]
    assert (gdp.value, gdp.unit, gdp.kind, gdp.metric, gdp.period) == (pytest.approx(1.4023e11), "CNY", "level", "Regional GDP", "2024-H1")
    assert (qs["-1.2"].value, qs["-1.2"].unit, qs["-1.2"].kind) == (-1.2, "percent", "change")
    assert (qs["8,120"].unit, qs["8,120"].metric) == ("count", "New enterprises")
    assert qs["140.23 billion yuan"].kind == "level"  # the prose after the table is read as prose


def test_a_table_set_apart_by_spaces_is_read_by_its_headers():
    qs = read(
        "Farm output slipped.\n\n"
        "Table 1 Harvest of Main Crops in 2024\n"
        "Product       Output (tons)   Change over 2023 (%)\n"
        "Rice          96,310          -1.6\n"
        "Melons        5,820           —\n\n"
        "Industry grew.  Output rose 9.4%.\n"
    )
    assert "1" not in qs  # the table's number names it
    rice = qs["96,310"]
    # the labels are products ("Product"), not indicators: the column says what is measured of them
    assert (rice.value, rice.unit, rice.kind, rice.metric, rice.period) == (96310, "ton", "level", "Output of Rice", "2024")
    assert (qs["-1.6"].value, qs["-1.6"].unit, qs["-1.6"].kind) == (-1.6, "percent", "change")
    assert qs["9.4%"].kind == "change"  # two spaces between sentences make no table


def test_prose_with_two_spaces_between_sentences_is_no_table():
    from hqd.extraction.tables import spaced_tables

    assert spaced_tables("GDP grew 5%.  Revenue rose 3%.\nExports  fell 2%.  Imports rose.\n") == []


def test_year_columns_give_periods_and_markdown_rules_are_skipped():
    qs = read(
        "Air quality in Xuhui\n\n"
        "| Indicator | 2022 | 2023 |\n"
        "|---|---|---|\n"
        "| PM2.5 (micrograms per cubic meter) | 31 | 28 |\n"
        "| Share of good days (%) | 88.5 | 91.2 |\n"
    )
    assert (qs["31"].unit, qs["31"].period, qs["28"].period) == ("ug/m3", "2022", "2023")
    assert (qs["91.2"].unit, qs["91.2"].metric) == ("percent", "Share of good days")


def test_a_single_line_with_a_bar_is_no_table():
    assert find_tables("Songjiang charts its course\n\nBy Wang Xin | 2024-01-18\n\nThe district added 12 parks.\n") == []
    doc = extract_text("Title\n\nBy Wang Xin | 2024-01-18\n\nIn 2023, the district added 12 parks.\n")
    assert [q.text for q in doc.quantities] == ["12"]


def test_a_table_with_a_year_a_row_takes_metrics_from_its_columns():
    qs = read("Jiading in figures\n\nYear | GDP (100 million yuan) | Growth (%)\n\n2022 | 2,700.5 | 3.1\n\n2023 | 2,905.1 | 7.6\n")
    assert (qs["2,905.1"].metric, qs["2,905.1"].period, qs["2,905.1"].unit) == ("GDP", "2023", "CNY")
    assert (qs["3.1"].kind, qs["3.1"].period, qs["3.1"].metric, qs["3.1"].unit) == ("change", "2022", "GDP", "percent")
    assert "2022" not in qs and "2023" not in qs


def test_a_growth_column_without_a_note_is_a_percent_change():
    qs = read("Indicators 2023\n\nIndicator (100 million yuan) | Value | Growth\n\nRetail sales | 822.4 | 4.1\n")
    assert (qs["822.4"].value, qs["822.4"].unit) == (pytest.approx(8.224e10), "CNY")
    assert (qs["4.1"].value, qs["4.1"].unit, qs["4.1"].kind) == (4.1, "percent", "change")


def test_prose_in_table_cells_is_read_as_prose():
    qs = read(
        "Jiading news\n\n"
        "In 2023, revenue grew 5% to 3 billion yuan. | Photo: the new park\n\n"
        "The district added 12 parks in 2023. | Photo: a school\n"
    )
    assert (qs["3 billion yuan"].unit, qs["3 billion yuan"].metric, qs["3 billion yuan"].period) == ("CNY", "revenue", "2023")
    assert qs["12"].metric == "parks added" and "Photo" not in qs["12"].metric


def test_a_row_number_before_the_label_is_no_figure():
    qs = read("Districts by output, 2023\n\nNo. | District | Output (100 million yuan)\n\n1 | Pudong | 16,715.2\n\n2 | Jiading | 2,905.1\n")
    assert set(qs) == {"16,715.2", "2,905.1"}
    assert (qs["2,905.1"].metric, qs["2,905.1"].value, qs["2,905.1"].period) == ("Jiading", pytest.approx(2.9051e11), "2023")


def test_blank_cells_keep_columns_aligned():
    qs = read("Indicators, 2023\n\nIndicator | Value (%) | Growth (%)\n\nUrbanization rate |  | 0.5\n\nForest cover | 18.5 | \n")
    assert (qs["0.5"].kind, qs["0.5"].metric) == ("change", "Urbanization rate")
    assert (qs["18.5"].kind, qs["18.5"].unit) == ("level", "percent")


def test_odd_tables_give_no_figures_without_labels():
    for text in ("| a | b |\n| 1 | 2 |", "2023 | 2024\n\n2025 | 2026", "|||\n|||"):
        doc = extract_text(text)
        assert doc.quantities == [], text


def test_a_header_note_with_the_currency_sign_first_scales_its_row():
    qs = read("Qingpu key indicators, January-November 2023\n\nIndicator | Value | Growth\n"
              "Contracted foreign investment (US$ million) | 1,820 | 22.0%\nTax revenue (RMB 100 million) | 310.5 | 4.1%\n")
    assert (qs["1,820"].value, qs["1,820"].unit) == (1.82e9, "USD")
    assert (qs["310.5"].value, qs["310.5"].unit) == (pytest.approx(3.105e10), "CNY")


def test_a_row_labels_own_note_wins_over_the_columns_note():
    qs = read("Key figures for the first three quarters of 2024\n\nIndicator | Value (100 million yuan) | Growth (%)\n"
              "Tax revenue | 1416.5 | 5.1\nActual use of foreign capital (US$100 million) | 17.3 | -8.2\n"
              "Resident population (10,000 persons) | 74.8 | 0.6\n")
    assert (qs["1416.5"].value, qs["1416.5"].unit) == (pytest.approx(1.4165e11), "CNY")
    assert (qs["17.3"].value, qs["17.3"].unit) == (pytest.approx(1.73e9), "USD")
    assert (qs["74.8"].value, qs["74.8"].unit) == (pytest.approx(748000), "count")
    assert (qs["-8.2"].unit, qs["0.6"].unit) == ("percent", "percent")


def test_a_note_naming_what_is_counted_makes_a_count_and_other_notes_no_unit():
    from hqd.extraction.tables import _unit
    assert _unit("Visitors (10,000 person-times)") == (10000.0, "count")
    assert _unit("Enterprises (units)") == (1.0, "count")
    assert _unit("Growth (Jan-Sep)") is None
    assert _unit("Output (Note 1)") is None


def test_a_table_cell_names_the_rule_of_each_attribute():
    qs = read("Main indicators of Minhang, first half of 2023\n\n| Indicator | Value | Growth (%) |\n| --- | --- | --- |\n"
              "| Regional GDP (billion yuan) | 310.5 | 5.2 |\n")
    assert qs["310.5"].metric == "Regional GDP" and qs["310.5"].why["metric"] == "metric.table_label"
    assert set(qs["5.2"].why) == {"kind", "basis", "approx", "metric", "period", "subject"}


def test_a_tables_caption_naming_a_zone_makes_its_figures_the_zones():
    text = ("Songjiang District 2020 Statistical Communique\n\nDate: 2021-03-10\n\nGDP grew 3.1%.\n\n"
            "Table 1  Key figures of Songjiang Industrial Zone in 2020\n\n"
            "Indicator | Value | Growth (%)\nIndustrial output value (billion yuan) | 231.5 | 6.3\n")
    doc = extract_text(text)
    cells = {q.text: q for q in doc.quantities if q.why.get("subject") == "subject.table_owner"}
    assert {q.subject for q in cells.values()} == {"Songjiang Industrial Zone"}
    doc = extract_text(text.replace("of Songjiang Industrial Zone ", ""))
    assert {q.subject for q in doc.quantities if q.why.get("subject") == "subject.table_owner"} == {"Songjiang"}


def test_a_row_that_names_a_part_takes_the_measure_of_its_column_or_of_the_row_it_is_indented_under():
    # labels that are kinds of things ("Industry") are measured by the column; labels that are indicators name their own
    qs = read(
        "Table 2 Output of key sectors, 2022\n\n"
        "Sector | Output value (billion yuan) | Growth (%)\n"
        "Aerospace | 12.4 | 6.1\n"
        "Software | 30.2 | 9.9\n\n"
        "Main indicators, 2022\n\n"
        "Indicator | Value (100 million yuan) | Growth (%)\n"
        "Gross output of industry | 980.5 | 4.4\n"
        "  Aviation | 21.7 | 3.3\n"
        "Fixed-asset investment | 310.2 | 2.0\n"
        "  Manufacturing investment | 75.5 | 8.8\n"
        "Tax revenue | 88.1 | 1.5\n"
    )
    assert qs["12.4"].metric == qs["6.1"].metric == "Output value of Aerospace"
    assert qs["980.5"].metric == "Gross output of industry"
    assert qs["21.7"].metric == qs["3.3"].metric == "Gross output of Aviation"  # the head of the row above, before its "of"
    assert qs["75.5"].metric == "Manufacturing investment"  # already an investment
    assert qs["88.1"].metric == "Tax revenue"  # not indented: a row of its own


def test_a_unit_column_gives_each_row_its_unit_and_scale_and_is_no_figure():
    """A statistics table's "Unit" column (计量单位) names each row's unit and scale: "10,000 units | 62.4" is 624,000
    vehicles; its cells are units, not figures of their own."""
    text = ("Output of major products in 2021\n\nProduct | Unit | Output | Growth (%)\nAutomobiles | 10,000 units | 62.4 | 5.1\n"
            "Steel | 10,000 tons | 310.5 | -2.0\nIndustrial robots | sets | 4,120 | 31.0\n")
    doc = extract_text(text, briefing_date="2022-03-01")
    assert_grounded(doc.text, doc.quantities)
    got = [(q.text, q.value, q.unit, q.kind) for q in doc.quantities]
    assert got == [("62.4", 624000.0, "count", "level"), ("5.1", 5.1, "percent", "change"),
                   ("310.5", 3105000.0, "ton", "level"), ("-2.0", -2.0, "percent", "change"),
                   ("4,120", 4120.0, "count", "level"), ("31.0", 31.0, "percent", "change")]


def test_a_plans_indicator_table_gives_goals_under_later_years_and_levels_under_the_baseline():
    doc = extract_text(
        "Jinshan District Tourism Development Plan (2021-2025)\n\n"
        "Issued by the Jinshan District People's Government, May 2021\n\n"
        "Table 2: Main indicators of the tourism plan\n\n"
        "| No. | Indicator | 2020 | 2025 | Attribute |\n"
        "| 1 | Tourism revenue (billion yuan) | 12.4 | 18 | Expected |\n"
        "| 2 | Average annual growth of tourism revenue (%) | 6.1 (2016-2020) | 8 | Expected |\n"
        "| 3 | Share of rated hotels (%) | 35 | ≥45 | Binding |\n"
    )
    qs = {q.text: q for q in doc.quantities}
    assert "2020" not in qs and "2025" not in qs  # the years head the columns
    assert (qs["12.4"].kind, qs["12.4"].period) == ("level", "2020")
    assert (qs["18"].kind, qs["18"].period, qs["18"].value) == ("target", "2025", 18e9)
    assert (qs["6.1"].kind, qs["6.1"].period) == ("change", "2016/2020")
    assert (qs["35"].kind, qs["≥45"].kind, qs["≥45"].approx, qs["≥45"].value) == ("share", "target", ">=", 45)
    assert {t.text for t in doc.targets} >= {"18", "8", "≥45"}


def test_a_table_of_years_gone_by_holds_no_goals():
    qs = read(
        "Released on March 1, 2026\n\n"
        "Visitors by year\n\n"
        "| Year | Visitors (million) | Hotel rooms |\n"
        "| 2024 | 12 | 900 |\n"
        "| 2025 | 14 | 1,100 |\n"
    )
    assert {qs[t].kind for t in ("12", "14", "900", "1,100")} == {"level"}
