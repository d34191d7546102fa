"""Extraction benchmark: throughput, latency and peak memory, against quantulum3 in the same run.

Run with ``make bench``. Prints figures; asserts nothing.
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


def main() -> None:
    print(f"hqd extraction benchmark (python {sys.version.split()[0]}, seeds {SEEDS})")
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
    main()
