"""Store benchmark: ingest throughput on 10,000 documents and query latency on the result.

Run with ``make bench``. Prints figures; asserts nothing.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import build_corpus  # noqa: E402

from hqd.extraction import extract_source  # noqa: E402
from hqd.sources import read_source  # noqa: E402
from hqd.store import ingest_paths, list_facts, open_store, search  # noqa: E402

SEEDS = Path(os.environ.get("HQD_SEEDS", "../shared/seeds"))
DOCUMENTS = int(os.environ.get("HQD_BENCH_DOCS", "10000"))
JOBS = int(os.environ.get("HQD_BENCH_JOBS", "2"))


def _extract_only(path: str) -> int:
    return len(extract_source(read_source(path)).quantities)


def percentiles(samples: list[float]) -> tuple[float, float]:
    samples = sorted(samples)
    return statistics.median(samples) * 1e3, samples[int(0.95 * (len(samples) - 1))] * 1e3


OUT = Path(__file__).resolve().parent.parent / "bench-out"


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="hqd-bench-") as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        docs = build_corpus(SEEDS, documents=DOCUMENTS, body_paragraphs=4)
        paths = []
        for i, text in enumerate(docs):
            path = folder / f"doc_{i:05d}.txt"
            path.write_text(text, encoding="utf-8")
            paths.append(str(path))
        mb = sum(len(t.encode("utf-8")) for t in docs) / 1e6
        print(f"store benchmark: {len(docs)} documents, {mb:.1f} MB, --jobs {JOBS}")

        start = time.perf_counter()
        with ProcessPoolExecutor(max_workers=JOBS) as pool:
            quantities = sum(pool.map(_extract_only, paths, chunksize=8))
        extract_s = time.perf_counter() - start
        print(f"extraction only:  {extract_s:.1f} s, {len(docs) / extract_s:.0f} docs/s, {quantities} quantities")

        OUT.mkdir(exist_ok=True)
        db = OUT / "bench.db"  # kept for bench_api.py
        for stale in OUT.glob("bench.db*"):
            stale.unlink()
        conn = open_store(db, write=True)
        start = time.perf_counter()
        summary = ingest_paths(conn, str(db), paths, jobs=JOBS, quiet=True)
        ingest_s = time.perf_counter() - start
        print(f"ingest:           {ingest_s:.1f} s, {len(docs) / ingest_s:.0f} docs/s ({summary.line()}); "
              f"store overhead {100 * (ingest_s - extract_s) / extract_s:+.1f}% of extraction time")
        print(f"database size:    {db.stat().st_size / 1e6:.0f} MB")

        start = time.perf_counter()
        again = ingest_paths(conn, str(db), paths, jobs=JOBS, quiet=True)
        print(f"re-ingest (unchanged): {time.perf_counter() - start:.1f} s ({again.line()})")

        reader = open_store(db)
        districts = ["Jiading", "Qingpu", "Jinshan", "Changning", "Minhang", "Songjiang"]
        metrics = ["revenue", "budget revenue", "enterprises", "investment", "output value", "air quality"]
        facts_t, search_t = [], []
        for i in range(300):
            d, m = districts[i % len(districts)], metrics[(i // len(districts)) % len(metrics)]
            t0 = time.perf_counter()
            list_facts(reader, district=d, metric=m, limit=50)
            facts_t.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            search(reader, m, district=d, limit=20)
            search_t.append(time.perf_counter() - t0)
        p50, p95 = percentiles(facts_t)
        print(f"facts --district X --metric Y (limit 50): p50 {p50:.1f} ms, p95 {p95:.1f} ms over {len(facts_t)} queries")
        p50, p95 = percentiles(search_t)
        print(f"search Y --district X (limit 20):        p50 {p50:.1f} ms, p95 {p95:.1f} ms over {len(search_t)} queries")
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "hqd.cli", "facts", "--db", str(db), "--district", "Jiading", "--metric", "revenue"],
                       check=True, capture_output=True)
        print(f"one `hqd facts` process, start-up included: {1e3 * (time.perf_counter() - t0):.0f} ms")


if __name__ == "__main__":
    main()
