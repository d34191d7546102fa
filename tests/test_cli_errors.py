"""The CLI on ordinary mistakes: a non-zero exit and a message naming the valid form or the closest names."""

import socket

import pytest
from click.testing import CliRunner

from hqd.cli import cli


def run(*args):
    return CliRunner().invoke(cli, list(args))


@pytest.mark.parametrize("args, words", [
    (["profile", "Atlantis"], "unknown district 'Atlantis'"),
    (["timeline", "Atlantis"], "unknown district 'Atlantis'"),
    (["timeline", "Jiadng"], "did you mean Jiading"),
    (["targets", "--district", "Atlantis"], "unknown district"),
    (["facts", "--district", "Atlantis"], "unknown district"),
    (["search", "tax", "--district", "Atlantis"], "unknown district"),
    (["compare", "gdpp"], "did you mean gdp"),
    (["timeline", "Jiading", "--indicator", "gdpp"], "did you mean gdp"),
    (["facts", "--limit", "-5"], "-5 is not in the range x>=0"),
    (["facts", "--since", "2023-13-45"], "%Y-%m-%d"),
    (["facts", "--period", "bogus"], "2023-H1"),
    (["compare", "gdp", "--period", "bogus"], "2023-H1"),
])
def test_mistakes_exit_non_zero_and_say_what_is_valid(seeded_db, args, words):
    result = run(*args, "--db", str(seeded_db))
    assert result.exit_code != 0 and words in result.output, result.output


def test_names_in_any_case(seeded_db):
    result = run("compare", "GDP", "--db", str(seeded_db))
    assert result.exit_code == 0 and "Jiading" in result.output and "+9.1%" in result.output
    result = run("profile", "jiading", "--db", str(seeded_db))
    assert result.exit_code == 0 and "124.83 bn yuan" in result.output


def test_listings_say_how_many_rows_and_how_to_see_the_rest(seeded_db):
    result = run("facts", "--db", str(seeded_db))
    assert result.exit_code == 0 and "facts 1–50 of 162; --offset 50 shows the next, --limit 0 all" in result.stderr
    rest = run("facts", "--db", str(seeded_db), "--offset", "150")
    assert "facts 151–162 of 162" in rest.stderr
    everything = run("facts", "--db", str(seeded_db), "--limit", "0")
    assert "of 162" not in everything.stderr
    docs = run("docs", "--db", str(seeded_db), "--limit", "2")
    assert "documents 1–2 of 5; --limit 5 or --limit 0 shows all" in docs.stderr


def test_facts_by_indicator_with_figures_formatted(seeded_db):
    result = run("facts", "--indicator", "GDP", "--db", str(seeded_db))
    assert result.exit_code == 0 and "124.83 bn yuan" in result.output and "124830000000" not in result.output


def test_serve_refuses_a_missing_database(tmp_path):
    result = run("serve", "--db", str(tmp_path / "typo.db"))
    assert result.exit_code != 0 and "no database at" in result.output and "hqd ingest" in result.output
    assert not (tmp_path / "typo.db").exists()


def test_serve_reports_a_busy_port_with_the_option_that_changes_it(seeded_db):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run("serve", "--db", str(seeded_db), "--port", str(port))
    assert result.exit_code != 0 and f"--port {port + 1}" in result.output and f"make run PORT={port + 1}" in result.output


def test_districts_command(seeded_db):
    result = run("districts", "--db", str(seeded_db), "--format", "csv")
    assert result.exit_code == 0 and result.output.splitlines()[0].startswith("district,documents")
    assert len(result.output.splitlines()) == 5
