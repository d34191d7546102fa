"""The CLI's tables write figures through the one formatter, as pages and CSV do (issue 17 item 4): "124.83 bn yuan",
"3,866 mu", "> 90%", never a raw "124,830,000,000  CNY  =" spread over three columns."""

from click.testing import CliRunner

from hqd.cli import cli


def table(*args):
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_show_writes_each_figure_once_formatted(seeded_db):
    out = table("show", "1", "--db", str(seeded_db))
    assert "124.83 bn yuan" in out and "+9.1%" in out
    assert "124,830,000,000" not in out and " CNY " not in out


def test_targets_and_the_profiles_targets_write_the_goal_formatted(seeded_db):
    out = table("targets", "--db", str(seeded_db), "--as-of", "2023-12-31")
    assert "3,866 mu" in out and " 3866 " not in out
    profile = table("profile", "Jiading", "--db", str(seeded_db)).split("targets:", 1)[1]
    assert "> 90%" in profile and "3,000" in profile and "percent" not in profile


def test_csv_and_json_listings_hold_values_a_reader_can_take_back(seeded_db):
    """CSV: numbers raw ("124830000000", not "124,830,000,000", which reads as text or as four cells), lists as JSON;
    JSON: integers as integers and sentences on one line, as the API writes them (issue 17 item 6)."""
    import csv
    import io
    import json

    rows = list(csv.DictReader(io.StringIO(table("facts", "--db", str(seeded_db), "--format", "csv", "--limit", "0"))))
    assert len(rows) > 100 and all(isinstance(float(r["value"]), float) for r in rows)  # no "1,500,000,000"
    assert any(r["value"] == "124830000000" for r in rows)
    targets = list(csv.DictReader(io.StringIO(table("targets", "--db", str(seeded_db), "--format", "csv"))))
    assert all(isinstance(json.loads(r["statements"]), list) for r in targets)
    facts = json.loads(table("facts", "--db", str(seeded_db), "--format", "json", "--limit", "0"))
    assert any(f["value"] == 2453 and isinstance(f["value"], int) for f in facts)
    compare = json.loads(table("compare", "gdp", "--db", str(seeded_db), "--format", "json"))
    sentences = [r["sentence"] for r in compare["rows"]] + [s.get("sentence") or "" for r in compare["rows"] for s in r["sources"]]
    assert sentences and not [s for s in sentences if "\n" in s]


def test_tables_write_periods_as_people_read_them(seeded_db):
    """The one formatter's period labels (issue 17 item 4: '2021/2023' was never explained), as the pages write them."""
    profile = table("profile", "Jiading", "--db", str(seeded_db)).split("rank claims:", 1)[0]
    assert "H1 2023" in profile and "2023-H1" not in profile
    compare = table("compare", "gdp", "--db", str(seeded_db)).split("series:", 1)[0]
    assert "H1 2023" in compare and "2023-H1" not in compare


def test_a_table_of_chinese_text_lines_up_in_a_terminal():
    """A Chinese character takes two terminal columns: a column after Chinese text starts where its header does."""
    from hqd.output import display_width, render

    out = render([{"metric": "汽车产业规模", "figure": "> 830 bn yuan"}, {"metric": "GDP", "figure": "+9.1%"}], "table",
                 ["metric", "figure"])
    header, rule, *rows = out.splitlines()
    start = header.index("figure")
    for row, figure in zip(rows, ("> 830 bn yuan", "+9.1%")):
        assert display_width(row[:row.index(figure)]) == start, out
    cut = render([{"metric": "汽车产业规模以上工业总产值"}], "table", ["metric"], {"metric": 9}).splitlines()[2]
    assert cut == "汽车产业…" and display_width(cut) <= 9
