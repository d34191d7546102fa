"""The pipeline's shape holds: each stage imports only the stages before it (.importlinter states the layers)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_stages_import_only_the_stages_before_them():
    linter = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which("lint-imports")
    assert linter, "import-linter is not installed (it is in the test extra)"
    result = subprocess.run([linter, "--config", str(REPO / ".importlinter")], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


def test_only_the_store_imports_sqlite3():
    """The Store owns every SQL statement: no module outside hqd/store/ imports sqlite3 (read from the source's imports)."""
    import ast

    src = REPO / "src" / "hqd"
    offenders = []
    for path in sorted(src.rglob("*.py")):
        if (src / "store") in path.parents:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) and node.level == 0 else []
            if any(n == "sqlite3" or n.startswith("sqlite3.") for n in names):
                offenders.append(f"{path.relative_to(REPO)}:{node.lineno}")
    assert not offenders, "sqlite3 imported outside hqd/store/: " + ", ".join(offenders)
    assert (src / "store" / "database.py").read_text(encoding="utf-8").count("import sqlite3") == 1  # the check reads real imports


def test_the_store_takes_rows_and_neither_extracts_nor_maps():
    """.importlinter forbids hqd.store to import the extraction, the indicator mapping (hqd.facts) or the pipeline."""
    config = (REPO / ".importlinter").read_text(encoding="utf-8")
    assert "type = forbidden" in config and "source_modules =\n    hqd.store" in config
    for module in ("hqd.extraction", "hqd.facts", "hqd.pipeline"):
        assert f"\n    {module}\n" in config
