"""Spark benchmark: documents per second for the local runner and for Spark local[2] on the same corpus (at least
20,000 synthetic briefings as a Parquet dataset of texts), Spark's start-up apart, and the projected time for
1,000,000 documents on N executors from the measured per-core rate.

    python bench/bench_spark.py [--documents 20000] [--executors 4 16 64]

Needs the spark extra (pip install -e '.[spark]') and Java.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import build_corpus  # noqa: E402

SEEDS = Path(os.environ.get("HQD_SEEDS", Path(__file__).resolve().parents[1] / "../shared/seeds")).resolve()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=20_000)
    parser.add_argument("--executors", type=int, nargs="*", default=[4, 16, 64])
    args = parser.parse_args()
    try:
        import pyspark  # noqa: F401
    except ImportError:
        sys.exit("bench_spark: the spark extra is not installed (pip install -e '.[spark]')")
    from hqd.pipeline.local import _job
    from hqd.pipeline.spark import run_spark

    cores = os.cpu_count() or 1
    docs = build_corpus(SEEDS, documents=args.documents, body_paragraphs=4)
    size = sum(len(d.encode("utf-8")) for d in docs)
    print(f"corpus: {len(docs)} documents, {size / 1e6:.1f} MB, on {cores} cores")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        texts = folder / "texts"
        texts.mkdir()
        for i, text in enumerate(docs):
            (texts / f"{i:06d}.txt").write_text(text, "utf-8")
        dataset = folder / "texts.parquet"
        pq.write_table(pa.table({"source": [f"{i:06d}.txt" for i in range(len(docs))], "text": docs}), dataset)

        from concurrent.futures import ProcessPoolExecutor

        started = time.perf_counter()
        files = sorted(str(p) for p in texts.iterdir())
        with ProcessPoolExecutor(cores) as pool:
            done = sum(1 for r in pool.map(_job, [(f, 20 << 20) for f in files], chunksize=64) if isinstance(r, dict))
        local = time.perf_counter() - started
        print(f"local runner ({cores} processes): {done} documents in {local:.1f} s = {done / local:.0f} docs/s")

        from pyspark.sql import SparkSession

        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # the workers must run this venv's Python, where hqd is
        started = time.perf_counter()
        spark = SparkSession.builder.master(f"local[{cores}]").config("spark.ui.enabled", "false") \
            .config("spark.ui.showConsoleProgress", "false").getOrCreate()
        spark.sparkContext.setLogLevel("ERROR")
        spark.range(1).count()
        startup = time.perf_counter() - started
        print(f"spark start-up (session and a first job): {startup:.1f} s")
        started = time.perf_counter()
        count, failures = run_spark([str(dataset)], str(folder / "out"), 20 << 20, f"local[{cores}]", "parquet")
        job = time.perf_counter() - started
        print(f"spark local[{cores}] (Parquet of texts in, four Parquet tables out): {count} documents in {job:.1f} s"
              f" = {count / job:.0f} docs/s ({len(failures)} failed); ratio to the local runner {local / job:.2f}")
        per_core = count / job / cores
        print(f"per-core rate under Spark: {per_core:.0f} docs/s")
        for n in args.executors:
            hours = 1_000_000 / (per_core * n) / 3600
            print(f"  projected 1,000,000 documents on {n} single-core executors: {hours:.2f} h (+ start-up)")


if __name__ == "__main__":
    main()
