"""Store benchmark: ingest throughput on 10,000 documents and query latency on the result.

Run with ``make bench``. Prints figures; asserts nothing.
"""

from __future__ import annotations

import os
import resource
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
from hqd.store.rows import document_rows  # noqa: E402

SEEDS = Path(os.environ.get("HQD_SEEDS", "../shared/seeds"))
DOCUMENTS = int(os.environ.get("HQD_BENCH_DOCS", "10000"))
JOBS = int(os.environ.get("HQD_BENCH_JOBS", "2"))


def _extract_and_map(path: str) -> tuple[int, float, float]:
    """Everything an ingest does before the store: extraction, then indicator mapping into rows."""
    t0 = time.process_time()
    doc = extract_source(read_source(path))
    t1 = time.process_time()
    document_rows(doc)
    return len(doc.quantities), t1 - t0, time.process_time() - t1


class Clock:
    """Wall time, CPU time of this process and its finished children, and the machine's steal time."""

    def __enter__(self) -> "Clock":
        self.wall, self.cpu, self.steal = time.perf_counter(), _cpu_seconds(), _steal_seconds()
        return self

    def __exit__(self, *exc) -> None:
        self.wall = time.perf_counter() - self.wall
        self.cpu = _cpu_seconds() - self.cpu
        self.steal = _steal_seconds() - self.steal


def _cpu_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _steal_seconds() -> float:
    """CPU time the hypervisor gave to other machines (Linux /proc/stat; 0 elsewhere)."""
    try:
        with open("/proc/stat") as f:
            fields = f.readline().split()
        return int(fields[8]) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def _baseline(paths: list[str]) -> tuple[Clock, int, float]:
    """Time, quantities, and the share of CPU spent mapping, for extraction without the store."""
    with Clock() as clock, ProcessPoolExecutor(max_workers=JOBS) as pool:
        results = list(pool.map(_extract_and_map, paths, chunksize=8))
    extract_cpu, map_cpu = sum(r[1] for r in results), sum(r[2] for r in results)
    return clock, sum(r[0] for r in results), map_cpu / (extract_cpu + map_cpu)


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

        # The machine's speed drifts by several percent over minutes: the baseline runs before
        # and after the ingest, and the ingest is compared with their mean.
        before, quantities, map_share = _baseline(paths)

        OUT.mkdir(exist_ok=True)
        db = OUT / "bench.db"  # kept for bench_api.py
        for stale in OUT.glob("bench.db*"):
            stale.unlink()
        conn = open_store(db, write=True)
        with Clock() as ingest:
            summary = ingest_paths(conn, str(db), paths, jobs=JOBS, quiet=True)
        after, _, _ = _baseline(paths)
        base_wall, base_cpu = (before.wall + after.wall) / 2, (before.cpu + after.cpu) / 2
        print(f"extraction + indicator mapping, no store: {before.wall:.1f} s before and {after.wall:.1f} s after the ingest "
              f"(CPU {before.cpu:.1f} s, {after.cpu:.1f} s); {len(docs) / base_wall:.0f} docs/s, {quantities} quantities; "
              f"mapping is {100 * map_share:.1f}% of its CPU time")
        print(f"ingest:           {ingest.wall:.1f} s, {len(docs) / ingest.wall:.0f} docs/s, CPU {ingest.cpu:.1f} s ({summary.line()})")
        print(f"store overhead:   wall {100 * (ingest.wall - base_wall) / base_wall:+.1f}%, CPU {100 * (ingest.cpu - base_cpu) / base_cpu:+.1f}% "
              f"of extraction + mapping (CPU {100 * (ingest.cpu - base_cpu * (1 - map_share)) / (base_cpu * (1 - map_share)):+.1f}% "
              "of extraction alone)")
        print(f"within the ingest: {summary.cpu_line()} -- the store's own cost, immune to the machine's drift")
        print(f"steal time (CPU taken by other machines): {before.steal:.1f} s, {ingest.steal:.1f} s, {after.steal:.1f} s "
              "during the three runs; wall-clock figures are only comparable when these are near zero")
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
