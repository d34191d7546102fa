"""`hqd search` takes what people type: every form answers, an empty query says what to type."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from hqd.cli import cli

from .search_corpus import build


@pytest.fixture(scope="module")
def db(tmp_path_factory, seed_texts):
    return str(build(tmp_path_factory.mktemp("search-cli"), seed_texts))


def run(*args):
    return CliRunner().invoke(cli, ["search", *args])


@pytest.mark.parametrize("query, expect", [
    ("high-tech", "high-tech"), ("9.1%", "[9.1%]"), ('"air quality', "air quality"), ("year-on-year", "year"),
    ("Five-Year Plan", "Five-Year Plan"), ("a* OR b*", "#"), ("NEAR(air quality)", "air quality"), ("text:GDP", "GDP"),
    ("(revenue", "revenue"), ("innovat*", "innovation"), ("地区生产总值", "地区生产总值"), ("集成电路", "集成电路"), ("园区", "临港园区"),
])
def test_every_form_answers(db, query, expect):
    result = run(query, "--db", db)
    assert result.exit_code == 0, result.output
    assert expect in result.stdout and "FTS5" not in result.output


def test_json_has_matches_and_the_sentence_link(db):
    result = run("集成电路", "--db", db, "--format", "json")
    rows = json.loads(result.stdout)
    assert rows and all(r["url"].startswith("/documents/") and "#s-" in r["url"] for r in rows)
    assert all(r["text"][a:b] in ("集成电路", "集成電路") for r in rows for a, b in r["matches"])


@pytest.mark.parametrize("query", ["", "   ", "%", "OR"])
def test_empty_query_is_a_usage_error_with_an_example(db, query):
    result = run(query, "--db", db)
    assert result.exit_code == 2
    assert "nothing to search for" in result.output and "e.g. high-tech" in result.output


def test_no_matches_and_notes_are_said(db):
    result = run("zyzzyva", "--db", db)
    assert result.exit_code == 0 and '(no matches for "zyzzyva")' in result.stdout
    result = run("a* OR b*", "--db", db)
    assert "note: a* would match more than" in result.stderr
