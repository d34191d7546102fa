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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import build_corpus  # noqa: E402

from hqd.sources import DEFAULT_MAX_BYTES  # noqa: E402
from hqd.pipeline.ingest import expand_paths, ingest_paths  # noqa: E402
from hqd.store import list_facts, open_store, search  # noqa: E402
from hqd.pipeline.ingest import ChunkResult, _extract_job, _run_chunks  # noqa: E402

SEEDS = Path(os.environ.get("HQD_SEEDS", "../shared/seeds"))
DOCUMENTS = int(os.environ.get("HQD_BENCH_DOCS", "10000"))
JOBS = int(os.environ.get("HQD_BENCH_JOBS", "2"))
ROUNDS = int(os.environ.get("HQD_BENCH_ROUNDS", "3"))


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


def _extract_chunk(conn, chunk: list[tuple[str, int]]) -> ChunkResult:
    """The ingest's chunk job without its last step, the store write."""
    started = time.process_time()
    for job in chunk:
        _extract_job(job)
    return ChunkResult(len(chunk), [], [], time.process_time() - started, 0.0, 0.0)


def _pipeline_without_store(paths: list[str], tmp: str) -> Clock:
    """The ingest's own pipeline (path walk, worker processes, chunks, extraction, mapping into rows), writing nothing.

    The ingest minus this is exactly what the store adds.
    """
    db = Path(tmp) / "unused.db"  # workers open it, as an ingest's do; nothing is written
    conn = open_store(db, write=True)
    with Clock() as clock:
        jobs = [(path, DEFAULT_MAX_BYTES) for path in expand_paths(paths)]
        for _ in _run_chunks(_extract_chunk, jobs, conn, str(db), JOBS):
            pass
    conn.close()
    return clock


def percentiles(samples: list[float]) -> tuple[float, float]:
    samples = sorted(samples)
    return statistics.median(samples) * 1e3, samples[int(0.95 * (len(samples) - 1))] * 1e3


OUT = Path(__file__).resolve().parent.parent / "bench-out"


def store_size(db: Path, documents: int, text_bytes: float) -> str:
    """The database's size on disk with its write-ahead log (and shared memory), and bytes per document."""
    parts = {suffix: Path(f"{db}{suffix}").stat().st_size if Path(f"{db}{suffix}").exists() else 0 for suffix in ("", "-wal", "-shm")}
    total = sum(parts.values())
    return (f"database size:    {total / 1e6:.1f} MB on disk (file {parts[''] / 1e6:.1f} MB + WAL {parts['-wal'] / 1e6:.1f} MB"
            f" + shm {parts['-shm'] / 1e6:.2f} MB); {total / max(1, documents) / 1e3:.1f} KB per document, "
            f"{total / max(1.0, text_bytes):.1f} × the text")


def observations_bench(conn, db: Path, folder: Path) -> None:
    """The stored observations: built once after the load, then refreshed after one document is replaced (only its
    briefing's documents are read again), as an ingest, reindex or upload leaves them."""
    from hqd.observations import refresh

    with Clock() as full:
        documents = refresh(db)
    count = conn.execute("SELECT count(*) FROM observations").fetchone()[0]
    sources = conn.execute("SELECT count(*) FROM observation_sources").fetchone()[0]
    print(f"observations: {count} from {sources} quantities, built for {documents} documents in {full.wall:.2f} s"
          f" (CPU {full.cpu:.2f} s); load average {os.getloadavg()[0]:.1f}")
    changed = folder / "doc_00000.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nThe district's GDP grew by 7.7% in 2024.\n", encoding="utf-8")
    ingest_paths(conn, str(db), [str(changed)], jobs=1, quiet=True)
    with Clock() as one:
        documents = refresh(db)
    print(f"observations after one document replaced: {documents} document(s) read again in {1e3 * one.wall:.0f} ms"
          f" (CPU {1e3 * one.cpu:.0f} ms); load average {os.getloadavg()[0]:.1f}")


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

        # This machine's speed drifts by several percent over minutes, more than the store costs.
        # So the ingest and the same pipeline without the store run in adjacent pairs, in
        # alternating order (ABBA cancels a steady drift), and each pair gives one ratio.
        OUT.mkdir(exist_ok=True)
        db = OUT / "bench.db"  # the last round's store is kept for the queries below and bench_api.py
        walls, cpus, conn = [], [], None
        for round_ in range(ROUNDS):
            if conn is not None:
                conn.close()
            for stale in OUT.glob("bench.db*"):
                stale.unlink()
            conn = open_store(db, write=True)
            if round_ % 2:
                with Clock() as ingest:
                    summary = ingest_paths(conn, str(db), paths, jobs=JOBS, quiet=True)
                pipeline = _pipeline_without_store(paths, tmp)
            else:
                pipeline = _pipeline_without_store(paths, tmp)
                with Clock() as ingest:
                    summary = ingest_paths(conn, str(db), paths, jobs=JOBS, quiet=True)
            walls.append(100 * (ingest.wall - pipeline.wall) / pipeline.wall)
            cpus.append(100 * (ingest.cpu - pipeline.cpu) / pipeline.cpu)
            print(f"round {round_ + 1}: pipeline without the store {pipeline.wall:.1f} s (CPU {pipeline.cpu:.1f} s), "
                  f"ingest {ingest.wall:.1f} s (CPU {ingest.cpu:.1f} s, {len(docs) / ingest.wall:.0f} docs/s): "
                  f"store adds {walls[-1]:+.1f}% wall, {cpus[-1]:+.1f}% CPU; steal {pipeline.steal + ingest.steal:.1f} s")
            print(f"         within the ingest: {summary.cpu_line()}")
        quantities = conn.execute("SELECT count(*) FROM quantities").fetchone()[0]
        print(f"each ingest: {summary.line()}; {quantities} quantities")
        print(f"store overhead, median of {ROUNDS} rounds: wall {statistics.median(walls):+.1f}% (range {min(walls):+.1f}..{max(walls):+.1f}%), "
              f"CPU {statistics.median(cpus):+.1f}% (range {min(cpus):+.1f}..{max(cpus):+.1f}%) of the same pipeline without the store")
        print(store_size(db, len(docs), mb * 1e6))
        observations_bench(conn, db, folder)
        print(store_size(db, len(docs), mb * 1e6) + " (with the stored observations)")

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
