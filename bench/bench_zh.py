"""Chinese extraction benchmark: throughput of the Chinese pack in one process, beside English in the same run,
and what importing the pack costs (it is imported only when a Chinese document arrives).

Run with ``make bench``. Prints figures; asserts nothing. The Chinese corpus is the Chinese development set
(HQD_DEV_ZH) and the open tuning texts, their figures varied so no two documents are alike, to HQD_BENCH_ZH_MB.
"""

from __future__ import annotations

import os
import random
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

from hqd.extraction import extract_text

REPO = Path(__file__).resolve().parent.parent
DEV_ZH = Path(os.environ.get("HQD_DEV_ZH", "../shared/dev-zh"))
SEEDS = Path(os.environ.get("HQD_SEEDS", "../shared/seeds"))
CORPUS_MB = float(os.environ.get("HQD_BENCH_ZH_MB", "2"))


def _texts(folders: list[Path]) -> list[str]:
    out = []
    for folder in folders:
        folder = folder if folder.is_absolute() else (REPO / folder)
        out += [p.read_text("utf-8") for p in sorted(folder.glob("*.txt"))]
    return out


def _corpus(texts: list[str], megabytes: float, seed: int = 7) -> list[str]:
    """Copies of the texts with every figure's digits changed, until the corpus holds ``megabytes``."""
    rng = random.Random(seed)
    docs, size = [], 0
    while size < megabytes * 1e6 and texts:
        text = rng.choice(texts)
        varied = re.sub(r"(?<![0-9])([1-9][0-9]{0,3})(?=\.[0-9]|亿|万|家|个|%)",
                        lambda m: str(int(m.group(1)) + rng.randint(0, 9)), text)
        docs.append(varied)
        size += len(varied.encode("utf-8"))
    return docs


def _run(docs: list[str]) -> dict:
    # process time: the machine is shared, and wall time would count other people's work
    latencies, quantities = [], 0
    start = time.process_time()
    for text in docs:
        t0 = time.process_time()
        quantities += len(extract_text(text).quantities)
        latencies.append(time.process_time() - t0)
    elapsed = time.process_time() - start
    size = sum(len(d.encode("utf-8")) for d in docs)
    return {"mb": size / 1e6, "docs": len(docs), "mb_per_s": size / elapsed / 1e6, "p50_ms": statistics.median(latencies) * 1e3,
            "quantities": quantities}


def _import_ms(before: str, statement: str) -> float:
    """CPU milliseconds a fresh interpreter spends on ``statement`` after ``before`` (best of 5)."""
    best = float("inf")
    for _ in range(5):
        code = f"import time; {before}; t=time.process_time(); {statement}; print((time.process_time()-t)*1000)"
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        best = min(best, float(out.stdout.strip()))
    return best


def main() -> None:
    zh = _texts([DEV_ZH, Path("eval/tuning/zh")])
    en = _texts([SEEDS])
    if not zh:
        print(f"bench_zh: no Chinese texts in {DEV_ZH}: set HQD_DEV_ZH", file=sys.stderr)
        return
    extract_text(zh[0])  # the pack's import and word lists, paid once, outside the timing
    rounds = {"zh": [], "en": []}
    for _ in range(2):  # alternate, so the machine's drift touches both alike
        rounds["zh"].append(_run(_corpus(zh, CORPUS_MB)))
        if en:
            rounds["en"].append(_run(_corpus(en, CORPUS_MB)))
    for lang, runs in rounds.items():
        if not runs:
            continue
        best = max(runs, key=lambda r: r["mb_per_s"])
        speeds = ", ".join(f"{r['mb_per_s']:.2f}" for r in runs)
        print(f"extraction {lang}: {best['mb']:.1f} MB, {best['docs']} docs, one process (CPU time): {speeds} MB/s "
              f"(p50 {best['p50_ms']:.1f} ms/doc, {best['quantities']} quantities)")
    base = _import_ms("pass", "import hqd.extraction")
    pack = _import_ms("import hqd.extraction", "import hqd.extraction.lang.zh")
    first = _import_ms("import hqd.extraction", "hqd.extraction.extract_text('全区实现地区生产总值100亿元。')")
    print(f"start-up (CPU): import hqd.extraction {base:.0f} ms; the Chinese pack's import {pack:.0f} ms more (with its first "
          f"document {first:.0f} ms in all), paid only when a Chinese document arrives; no new dependency")


if __name__ == "__main__":
    main()
