import json
import subprocess
import sys

import click
from click.testing import CliRunner

from hqd.cli import cli



def test_every_command_is_documented_with_an_example():
    for name, command in cli.commands.items():
        help_text = command.get_help(click.Context(command, info_name=name))
        assert command.help, name
        assert "Example:" in help_text, f"hqd {name} --help has no Example:"


def test_extract_jsonl_is_one_contract_object_per_document_in_order(seed_texts):
    paths = [str(p) for p in seed_texts[:3]]
    result = CliRunner().invoke(cli, ["extract", *paths])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 3
    for path, line in zip(paths, lines):
        obj = json.loads(line)
        assert obj["source"] == path
        assert set(obj) == {"source", "sha256", "language", "meta", "quantities", "targets", "entities"}
        text = open(path, encoding="utf-8").read()
        for q in obj["quantities"]:
            assert text[q["start"]:q["end"]] == q["text"]
            assert set(q) == {"start", "end", "text", "value", "unit", "kind", "basis", "approx", "metric", "period", "subject"}


def test_extract_reports_bad_files_and_continues(tmp_path, seed_texts):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = CliRunner().invoke(cli, ["extract", str(empty), str(seed_texts[0]), str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert len(result.stdout.strip().splitlines()) == 1
    assert "empty.txt: file is empty" in result.stderr
    assert "nope.txt" in result.stderr


def test_extract_of_a_case_fold_trap_goes_on_to_the_seed(tmp_path, seed_texts):
    """ "bİllion" and "fİrst half" once raised KeyError and stopped the run before the seed after them."""
    trap = tmp_path / "trap.txt"
    trap.write_text("In the fİrst half, GDP reached 5 bİllion yuan and 3 thouſand firms.", "utf-8")
    result = CliRunner().invoke(cli, ["extract", str(trap), str(seed_texts[0])])
    assert result.exit_code == 0, result.output
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert [q["text"] for q in first["quantities"]] == ["5 bİllion yuan", "3 thouſand"]
    assert second["source"] == str(seed_texts[0]) and second["quantities"]


def test_extract_reads_stdin():
    result = CliRunner().invoke(cli, ["extract", "-"], input="In 2022, revenue reached 5.2 billion yuan.")
    assert result.exit_code == 0
    obj = json.loads(result.stdout)
    assert obj["source"] == "-"
    assert [q["value"] for q in obj["quantities"]] == [5.2e9]


def test_table_format_has_a_row_per_quantity(seed_texts):
    result = CliRunner().invoke(cli, ["extract", str(seed_texts[0]), "--format", "table"])
    assert result.exit_code == 0
    assert "124.83 billion yuan" in result.stdout and "economic value added" in result.stdout


def test_text_prints_what_offsets_index(tmp_path):
    page = tmp_path / "p.html"
    page.write_text("<html><body><p>Exports rose <i>12%</i> last year.</p><script>x=1</script></body></html>")
    printed = CliRunner().invoke(cli, ["text", str(page)]).stdout
    obj = json.loads(CliRunner().invoke(cli, ["extract", str(page)]).stdout)
    q = obj["quantities"][0]
    assert printed[q["start"]:q["end"]] == "12%"


def test_installed_console_script_runs():
    out = subprocess.run([sys.executable, "-m", "hqd.cli", "--help"], capture_output=True, text=True, check=True)
    assert "extract" in out.stdout and "eval" in out.stdout


def test_eval_says_so_when_there_are_no_targets_to_score(tmp_path):
    (tmp_path / "a.txt").write_text("Revenue reached 5 billion yuan in 2022.", encoding="utf-8")
    gold = {"meta": {}, "quantities": [{"text": "5 billion yuan", "occurrence": 1, "value": 5e9, "unit": "CNY"}], "targets": []}
    (tmp_path / "a.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "targets: none in the gold and none found" in result.output
    assert "F1 1.000" in result.output  # the quantity


def test_extract_explain_names_the_rule_behind_each_attribute(tmp_path):
    (tmp_path / "a.txt").write_text("In the first half of this year, revenue reached 5 billion yuan, up 9.1% year on year.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", "--explain", str(tmp_path / "a.txt")])
    assert result.exit_code == 0, result.output
    block = result.stdout.split("'9.1%'", 1)[1]
    assert "basis    yoy" in block and "basis.year_on_year" in block
    assert "basis.not_a_change" in result.stdout.split("'9.1%'", 1)[0]  # the level before it


def test_eval_verbose_counts_right_and_wrong_per_rule(tmp_path):
    (tmp_path / "a.txt").write_text("In 2022, revenue reached 5 billion yuan, up 9%. Exports rose 4% month on month.", encoding="utf-8")
    gold = {"meta": {}, "targets": [], "quantities": [
        {"text": "9%", "occurrence": 1, "value": 9, "unit": "percent", "basis": "yoy"},
        {"text": "4%", "occurrence": 1, "value": 4, "unit": "percent", "basis": "yoy"}]}  # wrong on purpose: sequential
    (tmp_path / "a.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "--verbose", str(tmp_path)])
    assert result.exit_code == 0, result.output
    rows = {line.split()[0]: line.split()[1:] for line in result.stdout.splitlines() if line.startswith("basis.")}
    assert rows["basis.sequential"][:2] == ["0", "1"]
    assert rows["basis.within_a_year"][:2] == ["1", "0"]
    assert "(rule basis.sequential)" in result.stdout
