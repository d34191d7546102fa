from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from hqd.pipeline.ingest import ingest_paths
from hqd.store import open_store

REPO = Path(__file__).resolve().parent.parent

# The property tests draw the same examples on every run (a failure in CI is one anyone can rerun, never a draw that
# passes the next time); HQD_HYPOTHESIS=explore draws new ones, to look for what the fixed draw misses.
settings.register_profile("fixed", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile("explore" if os.environ.get("HQD_HYPOTHESIS") == "explore" else "fixed")


def seeds_dir() -> Path:
    """The seed briefings: the HQD_SEEDS setting, by default ../shared/seeds beside the repo."""
    configured = os.environ.get("HQD_SEEDS", "../shared/seeds")
    path = Path(configured)
    return path if path.is_absolute() else (REPO / configured).resolve()


def assert_grounded(text: str, spans) -> None:
    """Every span's text is exactly the slice of the document it claims to come from."""
    for span in spans:
        assert 0 <= span.start <= span.end <= len(text), span
        assert text[span.start:span.end] == span.text, (span, text[span.start:span.end])


@pytest.fixture(scope="session")
def seeds() -> Path:
    path = seeds_dir()
    if not any(path.glob("*.txt")):
        pytest.fail(f"no seed briefings in {path}: set HQD_SEEDS to the folder holding them")
    return path


@pytest.fixture(scope="session")
def seed_texts(seeds: Path) -> list[Path]:
    return sorted(seeds.glob("*.txt"))


@pytest.fixture()
def seeded_db(tmp_path, seed_texts) -> Path:
    """A fresh database holding the five seed briefings."""
    db = tmp_path / "hqd.db"
    conn = open_store(db, write=True)
    summary = ingest_paths(conn, str(db), [str(p) for p in seed_texts], jobs=1, quiet=True)
    assert summary.added == len(seed_texts)
    conn.close()
    return db
