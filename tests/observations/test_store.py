"""The store side of observations: basis written and read, why-unmapped kept, older stores mapped again."""

from __future__ import annotations

from click.testing import CliRunner

from hqd.cli import cli
from hqd.store import get_document, list_facts, open_store
from hqd.store.schema import MIGRATIONS


def test_basis_and_reasons_are_stored_and_read(seeded_db):
    conn = open_store(seeded_db)
    rows = {(r.text, r.kind): r for r in list_facts(conn, district="Jiading")}
    assert rows[("9.1%", "change")].basis == "yoy"
    doc = get_document(conn, "1")
    growth = next(q for q in doc["quantities"] if q["text"] == "9.1%")
    assert growth["basis"] == "yoy" and growth["indicator"] == "gdp" and growth["unmapped_reason"] is None
    top100 = next(q for q in doc["quantities"] if q["text"] == "6.51 billion yuan")
    assert top100["indicator"] is None and top100["unmapped_reason"] == "part"


def test_an_older_store_is_mapped_again_by_the_migration(seeded_db):
    """Before schema 10 the catalogue lumped series together: the migration clears every mapping and maps again."""
    from hqd.pipeline.ingest import map_unmapped

    step = next(m for m in MIGRATIONS if "ADD COLUMN unmapped_reason" in m)
    conn = open_store(seeded_db, write=True)
    conn.executescript("ALTER TABLE quantities DROP COLUMN basis; ALTER TABLE quantities DROP COLUMN unmapped_reason;"
                       " ALTER TABLE quantities DROP COLUMN share_of;"
                       " UPDATE quantities SET indicator = 'major_projects', indicator_confidence = 0.9 WHERE text = '31';")
    conn.executescript(step)  # what the migration runs, on a store as version 9 left it
    assert map_unmapped(conn) == conn.execute("SELECT count(*) FROM quantities").fetchone()[0]
    tasks = conn.execute("SELECT indicator, unmapped_reason FROM quantities WHERE text = '31'").fetchone()
    assert tuple(tasks) == (None, "no_indicator")  # "31 pivotal tasks" is no longer a major project
    assert conn.execute("SELECT count(*) FROM quantities WHERE indicator IS NULL AND unmapped_reason IS NULL").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM quantities WHERE indicator = 'gdp'").fetchone()[0] >= 4


def test_commands_say_which_series_and_why_unmapped(seeded_db):
    runner = CliRunner()
    db = str(seeded_db)
    out = runner.invoke(cli, ["compare", "gdp", "--db", db])
    assert out.exit_code == 0 and "series: change, year on year" in out.output and "other series:" in out.output
    level = runner.invoke(cli, ["compare", "gdp", "--measure", "level", "--db", db])
    assert "series: level" in level.output and "124.83" in level.output and "9.1" not in level.output.split("series:")[0]
    none = runner.invoke(cli, ["compare", "gdp", "--measure", "share", "--db", db])
    assert none.exit_code == 0 and "no series of gdp matches" in none.output
    unmapped = runner.invoke(cli, ["unmapped", "--db", db, "--limit", "0"])
    assert "threshold" in unmapped.output and "part" in unmapped.output and "duration" in unmapped.output
    timeline = runner.invoke(cli, ["timeline", "Jinshan", "--db", db])
    assert "undated (no period" in timeline.output
    targets = runner.invoke(cli, ["targets", "--db", db, "--as-of", "2023-12-31", "--status", "not yet due"])
    assert targets.exit_code == 0 and "not yet due" in targets.output and "no evidence" not in targets.output
