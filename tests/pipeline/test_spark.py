"""The Spark engine in local mode gives the local runner's output, row for row (needs the spark extra and Java)."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from hqd.cli import cli
from hqd.pipeline.parquet import read_tables

pytest.importorskip("pyspark", reason="the spark extra is not installed (pip install -e '.[spark]'); CI installs it")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("no Java runtime for Spark (Debian: openjdk-17-jre-headless); CI installs it", allow_module_level=True)


def _dev_zh() -> list[str]:
    configured = Path(os.environ.get("HQD_DEV_ZH", "../shared/dev-zh"))
    path = configured if configured.is_absolute() else (Path(__file__).resolve().parents[2] / configured).resolve()
    return [str(path)] if any(path.glob("*.txt")) else []


def test_spark_output_is_the_local_runners_row_for_row(seeds, tmp_path):
    inputs = [str(seeds), *_dev_zh()]
    runner = CliRunner()
    local = runner.invoke(cli, ["extract", *inputs, "--out", str(tmp_path / "local"), "--jobs", "1"])
    assert local.exit_code == 0, local.output
    env = {"PYSPARK_PYTHON": sys.executable}
    spark = runner.invoke(cli, ["extract", *inputs, "--engine", "spark", "--master", "local[2]", "--out", str(tmp_path / "spark")], env=env)
    assert spark.exit_code == 0, spark.output
    ours, theirs = read_tables(tmp_path / "local"), read_tables(tmp_path / "spark")
    for name, rows in ours.items():
        key = lambda r: (r["doc_sha256"], r.get("idx", 0))  # noqa: E731
        assert sorted(theirs[name], key=key) == sorted(rows, key=key), name
    assert len(ours["documents"]) == 5 + (8 if _dev_zh() else 0)
    assert len(ours["quantities"]) > 150
