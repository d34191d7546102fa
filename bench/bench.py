"""Extraction benchmark: throughput, latency and peak memory, against quantulum3 in the same run.

Run with ``make bench``. Prints figures; asserts nothing. ``python bench/bench.py PART ...`` runs only the parts named
(startup, side, growth, adversarial, corpus); ``adversarial`` alone still measures the briefings it is compared with.
"""

from __future__ import annotations

import gc
import os
import resource
import statistics
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import build_corpus  # noqa: E402

from hqd.evaluation import Report, gold_pairs, load_gold, score_document  # noqa: E402
from hqd.extraction import extract_path, extract_text  # noqa: E402
from hqd.model import Document, Quantity  # noqa: E402
from hqd.sources import read_source  # noqa: E402

SEEDS = Path(os.environ.get("HQD_SEEDS", "../shared/seeds"))
CORPUS_MB = float(os.environ.get("HQD_BENCH_MB", "10"))
QUANTULUM_SAMPLE_KB = float(os.environ.get("HQD_BENCH_QUANTULUM_KB", "24"))

_QUANTULUM_UNITS = {
    "percentage": "percent", "chinese yuan": "CNY", "renminbi": "CNY", "yuan": "CNY", "united states dollar": "USD",
    "dollar": "USD", "euro": "EUR", "dimensionless": "count", "square metre": "m2", "square kilometre": "km2",
    "hectare": "ha", "tonne": "ton", "ton": "ton", "short ton": "ton", "kilogram": "kg", "kilometre": "km", "metre": "m",
    "year": "year", "month": "month", "day": "day", "hour": "hour", "minute": "minute",
    "microgram per cubic metre": "ug/m3", "kilowatt hour": "kWh", "megawatt": "MW", "gigawatt": "GW",
}


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_hqd(docs: list[str]) -> dict:
    total_bytes = sum(len(d.encode("utf-8")) for d in docs)
    latencies = []
    quantities = 0
    gc.collect()
    start = time.perf_counter()
    for text in docs:
        t0 = time.perf_counter()
        doc = extract_text(text)
        latencies.append(time.perf_counter() - t0)
        quantities += len(doc.quantities)
    elapsed = time.perf_counter() - start
    latencies.sort()
    return {
        "bytes": total_bytes, "docs": len(docs), "seconds": elapsed, "mb_per_s": total_bytes / elapsed / 1e6,
        "kb_per_s": total_bytes / elapsed / 1e3, "quantities": quantities,
        "p50_ms": statistics.median(latencies) * 1e3, "p95_ms": latencies[int(0.95 * (len(latencies) - 1))] * 1e3,
    }


def quantulum_parse(text: str):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # its optional classifier is not installed; the warning is noise here
        from quantulum3 import parser

        return parser.parse(text)


def bench_quantulum(docs: list[str]) -> dict:
    quantulum_parse("warm up: 5 km and 10%")  # loads its unit tables once, not counted
    sample = ""
    for d in docs:
        sample += d
        if len(sample.encode("utf-8")) >= QUANTULUM_SAMPLE_KB * 1000:
            break
    sample = sample[: int(QUANTULUM_SAMPLE_KB * 1000)]
    start = time.perf_counter()
    found = quantulum_parse(sample)
    elapsed = time.perf_counter() - start
    n = len(sample.encode("utf-8"))
    return {"bytes": n, "seconds": elapsed, "kb_per_s": n / elapsed / 1e3, "quantities": len(found)}


def quantulum_document(path: str) -> Document:
    src = read_source(path)
    quantities = []
    for q in quantulum_parse(src.text):
        start, end = q.span
        unit = _QUANTULUM_UNITS.get(q.unit.name, q.unit.name)
        value = float(q.value)
        if unit == "percent" or q.unit.name == "dimensionless" and 0 < value < 1 and not q.surface[:1].isdigit():
            unit, value = "percent", value * 100 if value < 1 else value
        quantities.append(Quantity(start, end, src.text[start:end], value, unit))
    return Document(source=path, sha256=src.sha256, text=src.text, quantities=quantities)


def gold_f1(extract) -> Report:
    return Report([score_document(d.name, extract(str(d)), load_gold(g)) for d, g in gold_pairs(SEEDS)])


def cpu_seconds(fn, *args) -> float:
    gc.collect()
    start = time.process_time()
    fn(*args)
    return time.process_time() - start


def briefing_text(size: int) -> str:
    """One document of synthetic briefings, ``size`` bytes of UTF-8 or a little more."""
    return "\n\n".join(build_corpus(SEEDS, target_bytes=size))


# The strings of the hardening issue (#14) and their kin: once each took time growing with the square of its length
ADVERSARIAL = ["1 ", "1,", "5 billion ", "1%", "up 5% ", "RMB 1 ", "12.5, ", "1", "1-", "5-10 ", "$1 ", "1\n", "2023 ", "in 2023, ",
               "by 2025 reach 5% ", "bİllion 5 ", "It will hire two firms and three teams, "]
ADVERSARIAL_LARGE = os.environ.get("HQD_BENCH_LARGE", "1") == "1"  # every string at 1 MB too (about 40 s); 0: only a few
_AT_1_MB = {"5 billion ", "1", "2023 "}


def bench_adversarial(per_mb_briefing: float) -> None:
    """Seconds of CPU per MB for each string at 10 KB, 100 KB and 1 MB, beside the briefings' own."""
    print(f"adversarial strings, CPU seconds per MB (briefings: {per_mb_briefing:.2f} s/MB; goal: at most 3x, flat as size grows)")
    print(f"  {'string':<20} {'10 KB':>8} {'100 KB':>8} {'1 MB':>8} {'x briefings':>12}")
    for unit in ADVERSARIAL:
        cells, worst = [], 0.0
        for size in (10_000, 100_000, 1_000_000):
            if size == 1_000_000 and not (ADVERSARIAL_LARGE or unit in _AT_1_MB):
                cells.append("-")
                continue
            text = unit * (size // len(unit))
            per_mb = cpu_seconds(extract_text, text) / (len(text.encode("utf-8")) / 1e6)
            worst = max(worst, per_mb)
            cells.append(f"{per_mb:.2f}")
        print(f"  {unit!r:<20} {cells[0]:>8} {cells[1]:>8} {cells[2]:>8} {worst / per_mb_briefing:>11.1f}x")


def bench_growth() -> float:
    """CPU microseconds per byte for one briefing document of 50 KB, 1 MB and 10 MB; returns seconds per MB at 1 MB."""
    cells = []
    extract_text(briefing_text(20_000))  # warm up: patterns compiled on first use are not the text's cost
    for size, repeats in ((50_000, 5), (1_000_000, 1), (10_000_000, 1)):
        text = briefing_text(size)
        cells.append(min(cpu_seconds(extract_text, text) for _ in range(repeats)) / len(text.encode("utf-8")) * 1e6)
    spread = max(cells) / min(cells) - 1
    print(f"briefing growth, CPU us per byte: 50 KB {cells[0]:.3f}, 1 MB {cells[1]:.3f}, 10 MB {cells[2]:.3f} "
          f"(largest {spread:.0%} above smallest; goal within 20%)")
    return cells[1]


def bench_startup() -> None:
    """CPU time of `hqd extract` on a tiny file in a fresh process (best of three), and of its imports alone."""
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        tiny = Path(tmp) / "tiny.txt"
        tiny.write_text("In the first half of this year, GDP reached 124.83 billion yuan, up 9.1%.\n", "utf-8")
        runs = {"hqd extract tiny.txt": ["-c", "from hqd.cli import main; main()", "extract", str(tiny)],
                "import hqd.extraction": ["-c", "import hqd.extraction"]}
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # as installed: bytecode cached
        for name, args in runs.items():
            subprocess.run([sys.executable, *args], check=True, stdout=subprocess.DEVNULL, env=env)  # writes the cache
            best = float("inf")
            for _ in range(3):
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                subprocess.run([sys.executable, *args], check=True, stdout=subprocess.DEVNULL, env=env)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                best = min(best, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
            print(f"start-up: {name} in a fresh process, {best * 1e3:.0f} ms CPU")


# Run in a fresh process with one extractor's source first on the path: builds the corpus and times extract_text over it.
_SIDE_BY_SIDE = """
import json, sys, time
sys.path[:0] = [sys.argv[1], sys.argv[2]]
from corpus import build_corpus
from pathlib import Path
import hqd.extraction as x
assert x.__file__.startswith(sys.argv[1]), x.__file__
docs = build_corpus(Path(sys.argv[3]), target_bytes=int(float(sys.argv[4]) * 1e6))
for d in docs[:3]:  # warm up: v1 compiled its patterns at import, v2 on first use; neither is the corpus's cost
    x.extract_text(d)
start = time.process_time()
n = sum(len(x.extract_text(d).quantities) for d in docs)
seconds = time.process_time() - start
print(json.dumps({"version": getattr(x, "EXTRACTOR_VERSION", "?"), "bytes": sum(len(d.encode()) for d in docs), "seconds": seconds, "quantities": n}))
"""
V1_TAG = "v1.7.0"
V1_COMMIT = "4da4bba"  # the same extractor by its commit on main, for a clone that has no tags


def bench_side_by_side() -> None:
    """v1's extractor (git tag v1.7.0, checked out into a temporary folder) and this one, each in a fresh process on
    the same synthetic corpus, in the same run: MB/s of CPU and their ratio."""
    import json
    import subprocess
    import tempfile

    repo = Path(__file__).resolve().parent.parent
    here = Path(__file__).resolve().parent
    mb = os.environ.get("HQD_BENCH_SIDE_MB", "3")
    with tempfile.TemporaryDirectory() as tmp:
        for ref in (V1_TAG, V1_COMMIT):
            archive = subprocess.run(["git", "-C", str(repo), "archive", "--format=tar", ref, "src"], capture_output=True)
            if archive.returncode == 0:
                break
        else:
            print(f"v1 side by side: neither git tag {V1_TAG} nor commit {V1_COMMIT} here ({archive.stderr.decode().strip()}); skipped")
            return
        subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
        results = {}
        for name, src in ((V1_TAG, Path(tmp) / "src"), ("current", repo / "src")):
            out = subprocess.run([sys.executable, "-c", _SIDE_BY_SIDE, str(src), str(here), str(SEEDS), mb],
                                 capture_output=True, text=True, check=True)
            results[name] = r = json.loads(out.stdout.strip().splitlines()[-1])
            r["mb_per_s"] = r["bytes"] / r["seconds"] / 1e6
            print(f"side by side: {name:<8} (extractor {r['version']}) {r['bytes'] / 1e6:.1f} MB in {r['seconds']:.2f} s CPU, "
                  f"{r['mb_per_s']:.2f} MB/s, {r['quantities']} quantities")
        ratio = results["current"]["mb_per_s"] / results[V1_TAG]["mb_per_s"]
        print(f"side by side: current / {V1_TAG} speed ratio {ratio:.2f} (goal: at least 1.00)")


def briefing_per_mb() -> float:
    """CPU seconds per MB of a 1 MB briefing document (best of two, after a warm-up)."""
    extract_text(briefing_text(20_000))
    text = briefing_text(1_000_000)
    return min(cpu_seconds(extract_text, text) for _ in range(2)) / (len(text.encode("utf-8")) / 1e6)


PARTS = ("startup", "side", "growth", "adversarial", "corpus")


def main(parts: list[str]) -> None:
    unknown = set(parts) - set(PARTS)
    if unknown:
        raise SystemExit(f"unknown part(s) {sorted(unknown)}; the parts: {', '.join(PARTS)}")
    wanted = set(parts or PARTS)
    print(f"hqd extraction benchmark (python {sys.version.split()[0]}, seeds {SEEDS})")
    if "startup" in wanted:
        bench_startup()
    if "side" in wanted:
        bench_side_by_side()
    per_mb = bench_growth() if "growth" in wanted else None
    if "adversarial" in wanted:
        bench_adversarial(per_mb if per_mb is not None else briefing_per_mb())
    if "corpus" in wanted:
        bench_corpus()


def bench_corpus() -> None:
    """Throughput, latency and peak memory on the synthetic corpus, beside quantulum3; gold F1 on the seeds."""
    docs = build_corpus(SEEDS, target_bytes=int(CORPUS_MB * 1e6))
    ours = bench_hqd(docs)
    print(f"hqd:        {ours['bytes'] / 1e6:.1f} MB in {ours['docs']} documents, {ours['seconds']:.2f} s, "
          f"{ours['mb_per_s']:.2f} MB/s ({ours['kb_per_s']:.0f} KB/s), {ours['quantities']} quantities")
    print(f"            per-document latency p50 {ours['p50_ms']:.1f} ms, p95 {ours['p95_ms']:.1f} ms; peak RSS {peak_rss_mb():.0f} MB")
    theirs = bench_quantulum(docs)
    print(f"quantulum3: {theirs['bytes'] / 1e3:.0f} KB sample, {theirs['seconds']:.2f} s, {theirs['kb_per_s']:.2f} KB/s, "
          f"{theirs['quantities']} quantities")
    print(f"speed ratio hqd / quantulum3: {ours['kb_per_s'] / theirs['kb_per_s']:.0f}x")
    our_report = gold_f1(extract_path)
    their_report = gold_f1(quantulum_document)
    print(f"gold F1 on {len(our_report.documents)} seed briefings: hqd {our_report.f1:.3f} "
          f"(P {our_report.precision:.3f} R {our_report.recall:.3f}); quantulum3 {their_report.f1:.3f} "
          f"(P {their_report.precision:.3f} R {their_report.recall:.3f})")
    print(f"peak RSS after both: {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main(sys.argv[1:])
