"""Indicator mapping precision and recall on the labelled files: two open ones (may be tuned on) and the blind one.

    python bench/bench_mapping.py                 # both files, counts only
    python bench/bench_mapping.py --show tuned    # and the tuned file's misses (never ask for the blind one's
                                                  # while changing the mapping: that would tune on it)

The tuned file (tests/data/indicator_labels.tsv, seeds and dev-zh) reads texts from the
folder holding the seeds (HQD_SEEDS's parent, default ../shared); the open tuning file
(eval/mapping/tuning_labels.tsv) and the blind one (eval/mapping/heldout_labels.tsv) from
the repository root.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from pathlib import Path

from hqd.facts.labels import read_labels, score_mapping

ROOT = Path(__file__).resolve().parent.parent
FILES = {
    "tuned": (ROOT / "tests" / "data" / "indicator_labels.tsv",
              Path(os.environ.get("HQD_SEEDS", ROOT.parent / "shared" / "seeds")).resolve().parent),
    "tuning": (ROOT / "eval" / "mapping" / "tuning_labels.tsv", ROOT),
    "blind": (ROOT / "eval" / "mapping" / "heldout_labels.tsv", ROOT),
}


def language(file: str) -> str:
    return "zh" if "/zh/" in file or file.startswith("dev-zh") else "en"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show", choices=sorted(FILES), help="print each wrong and missed row of this file")
    args = parser.parse_args()
    print(f"{'file':6} {'lang':4} {'rows':>5} {'mapped':>6} {'should':>6} {'wrong':>5} {'missed':>6} {'precision':>9} {'recall':>7}  ms")
    for name, (path, root) in FILES.items():
        rows = read_labels(path, root)
        for lang in ("en", "zh", "all"):
            part = [r for r in rows if lang == "all" or language(r.file) == lang]
            started = time.perf_counter()
            s = score_mapping(part)
            ms = (time.perf_counter() - started) * 1000
            print(f"{name:6} {lang:4} {s.labelled:5d} {s.mapped:6d} {s.positives:6d} {len(s.wrong):5d} {len(s.missed):6d} "
                  f"{s.precision:9.3f} {s.recall:7.3f}  {ms:.0f}")
        if args.show == name:
            s = score_mapping(rows)
            for row, got in s.wrong:
                print(f"  wrong  {row.file} {row.text!r}: {row.gold.get('metric')!r} -> {got.code}, label {row.label}")
            for row, got in s.missed:
                print(f"  missed {row.file} {row.text!r}: {row.gold.get('metric')!r} -> {got.reason}, label {row.label}")
        else:
            s = score_mapping(rows)
            print("  missed, by the mapping's reason:", dict(Counter(got.reason for _, got in s.missed).most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
