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


def test_every_command_help_runs_in_a_fresh_process():
    """Each command imports its modules when it runs; its --help (choices read from those modules too) still works."""
    names = sorted(cli.commands)
    script = ("import sys\nfrom click.testing import CliRunner\nfrom hqd.cli import cli\n"
              "for name in sys.argv[1:]:\n"
              "    result = CliRunner().invoke(cli, [name, '--help'])\n"
              "    assert result.exit_code == 0 and 'Usage:' in result.output, (name, result.output)\n")
    subprocess.run([sys.executable, "-c", script, *names], check=True)
    export = CliRunner().invoke(cli, ["export", "--help"]).output
    assert "[csv|jsonl|parquet]" in export
    assert "[met|missed|on track|not yet due|no evidence]" in CliRunner().invoke(cli, ["targets", "--help"]).output


def test_extract_imports_neither_the_store_nor_the_analysis(tmp_path):
    """`hqd extract` of a small file pays for the extractor only: start-up is most of its time (make bench prints it)."""
    tiny = tmp_path / "tiny.txt"
    tiny.write_text("In the first half of this year, GDP reached 124.83 billion yuan, up 9.1%.\n", "utf-8")
    script = ("import sys\nfrom hqd.cli import main\nsys.argv = ['hqd', 'extract', sys.argv[1]]\n"
              "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code\n"
              "heavy = [m for m in sys.modules if m.split('.')[:2] in (['hqd', 'store'], ['hqd', 'analysis'], ['hqd', 'observations'])"
              " or m.split('.')[0] in ('tqdm', 'sqlite3', 'bs4')]\n"
              "assert not heavy, heavy\n")
    out = subprocess.run([sys.executable, "-c", script, str(tiny)], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout)["quantities"][0]["text"] == "124.83 billion yuan"


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

# --- hardening (issue 14): clear errors, never a traceback ---

def _hqd(*args, input: bytes | None = None):
    return subprocess.run([sys.executable, "-m", "hqd.cli", *args], input=input, capture_output=True, timeout=120)


def test_show_with_odd_references_is_a_clear_error(seeded_db):
    for ref in ("²", "99999999999999999999", "9223372036854775808", "١٢"):  # '²' and Arabic-Indic digits pass str.isdigit()
        result = _hqd("show", ref, "--db", str(seeded_db))
        stderr = result.stderr.decode()
        assert result.returncode != 0 and "Traceback" not in stderr, (ref, stderr)
        assert f"no document '{ref}'" in stderr


def test_numbers_past_sqlite_range_are_a_clear_error(seeded_db):
    result = _hqd("facts", "--doc", "99999999999999999999", "--db", str(seeded_db))
    stderr = result.stderr.decode()
    assert result.returncode == 2 and "Traceback" not in stderr and "out of range" in stderr, stderr


def test_stdin_over_the_size_limit_is_refused_after_reading_only_the_limit():
    result = _hqd("extract", "-", "--max-bytes", "1000", input=b"GDP grew 5%. " * 400_000)  # 5.2 MB
    stderr = result.stderr.decode()
    assert result.returncode == 1 and "Traceback" not in stderr
    assert "-: more than 1000 bytes, over the limit" in stderr


def test_ingest_names_every_path_it_skips(tmp_path, seed_texts):
    import os

    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "good.txt").write_bytes(seed_texts[0].read_bytes())
    os.symlink("..", folder / "sub" / "up")  # a loop back to the folder
    os.symlink("self", folder / "self")  # a link to itself
    os.symlink("nowhere.txt", folder / "broken.txt")
    os.mkfifo(folder / "pipe.txt")  # reading it would block forever
    result = subprocess.run([sys.executable, "-m", "hqd.cli", "ingest", str(folder), "--db", str(tmp_path / "x.db")],
                            capture_output=True, timeout=300, text=True)
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("hqd: warning: skipped ")]
    assert f"hqd: warning: skipped {folder}/sub/up: symlink loop (leads back to {os.path.realpath(folder)})" in warnings
    assert f"hqd: warning: skipped {folder}/self: symlink loop (a link that leads to itself)" in warnings
    assert f"hqd: warning: skipped {folder}/broken.txt: broken symlink (to nowhere.txt)" in warnings
    assert f"hqd: warning: skipped {folder}/pipe.txt: a FIFO, not a file" in warnings
    assert len(warnings) == 4 and "1 added" in result.stderr


def test_ingest_names_a_folder_it_cannot_read(tmp_path, seed_texts):
    import os

    import pytest

    if os.geteuid() == 0:
        pytest.skip("root reads every folder")
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "good.txt").write_bytes(seed_texts[0].read_bytes())
    (folder / "locked").chmod(0)
    try:
        result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(tmp_path / "x.db")])
    finally:
        (folder / "locked").chmod(0o755)
    assert f"hqd: warning: skipped {folder}/locked: folder cannot be read (Permission denied)" in result.stderr


def test_importing_the_extractor_compiles_none_of_its_long_patterns():
    """Patterns are compiled on first use (extraction/deferred.py): importing the extractor, as every `hqd extract`
    does, compiles none of its long ones (a module-level read of a pattern's groupindex once compiled the figure
    pattern at every start)."""
    script = ("import re, sys\nimport hqd.extraction\n"
              "compiled = [f'{m.__name__}.{k}' for m in list(sys.modules.values()) if getattr(m, '__name__', '').startswith('hqd.extraction')"
              " for k, v in vars(m).items() if isinstance(v, re.Pattern) and len(v.pattern) > 40]\n"
              "assert not compiled, compiled\n")
    subprocess.run([sys.executable, "-c", script], check=True)
