"""Indicator mapping precision and recall on the labelled files: the open ones (may be tuned on) and, asked for, the blind one.

    python bench/bench_mapping.py                 # the open files, counts only
    python bench/bench_mapping.py --show tuning   # and the open tuning file's misses (or --show spent, --show tuned)
    python bench/bench_mapping.py --blind         # the blind files too: only to report, by whoever did not change the
                                                  # mapping since they were written (never --show them while tuning)

The tuned file (tests/data/indicator_labels.tsv, seeds and dev-zh) reads texts from the
folder holding the seeds (HQD_SEEDS's parent, default ../shared); the open tuning file
(eval/mapping/tuning_labels.tsv), the spent ones (eval/mapping/heldout_labels.tsv to heldout4_labels.tsv: blind
when written, open since their last blind score) and a blind one, when there is one (none now: the next labeller's
file goes in BLIND), from the repository root. Without --blind a blind file is not read at all.
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
    # Spent: read by the lead on 2026-12-07 and open since (eval/README.md); tuned on like tuning_labels.tsv.
    "spent": (ROOT / "eval" / "mapping" / "heldout_labels.tsv", ROOT),
    # Spent on 2026-12-07 (eighth session) after their last blind scores (0.962/0.857, 0.958/0.863): open since.
    "spent2": (ROOT / "eval" / "mapping" / "heldout2_labels.tsv", ROOT),
    "spent3": (ROOT / "eval" / "mapping" / "heldout3_labels.tsv", ROOT),
    # Spent on 2026-12-07 (ninth session) after its blind scores at the end of the eighth (P 0.984, R 0.958).
    "spent4": (ROOT / "eval" / "mapping" / "heldout4_labels.tsv", ROOT),
}
BLIND: dict[str, tuple[Path, Path]] = {}


def language(file: str) -> str:
    return "zh" if "/zh/" in file or file.startswith("dev-zh") else "en"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show", choices=sorted({*FILES, *BLIND}), help="print each wrong and missed row of this file")
    parser.add_argument("--blind", action="store_true", help="score the blind files too (to report, never to tune on)")
    args = parser.parse_args()
    files = {**FILES, **(BLIND if args.blind else {})}
    print(f"{'file':6} {'lang':4} {'rows':>5} {'mapped':>6} {'should':>6} {'wrong':>5} {'missed':>6} {'precision':>9} {'recall':>7}  ms")
    for name, (path, root) in files.items():
        if not path.exists():
            continue
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
