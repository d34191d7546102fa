"""Long fuzz run: N inputs (default 100,000) of mutated seed briefings and odd Unicode through the extractor.

    python bench/fuzz.py [N] [--seed S] [--jobs J]

Prints the number of inputs that raised an exception and the number whose spans did not hold
(``text[start:end] != span.text``), with the first few of each, then exits 1 if there were any.
The suite's hypothesis test (tests/extraction/test_fuzz.py) draws the same kinds of input, 200 at a time.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
import traceback
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from hqd.extraction import extract_text

SEEDS = Path(os.environ.get("HQD_SEEDS", "../shared/seeds"))
# as in tests/extraction/test_fuzz.py: case-fold traps, combining marks, right-to-left, full-width digits, controls, CJK
ODD = ("İıſ\u212a\u0301\u0308\u200f\u202e\u05d0\u0627\uff10\uff15\uff05\u0660\u0665\x00\x07\x1b\u200b\u00a0\u3000\u4e07"
       "\u4ebf\u5143\u2028\ufeff\ufffd½²Ⅻ①%$¥€,.;:-–—()“”'\"\n\t ")
WORDS = ["billion", "million", "thousand", "percent", "yuan", "first half", "this month", "second", "by 2025", "up", "down",
         "ranked first in the city", "the first 10 months", "RMB", "US$", "km", "square meters", "times", "2023", "2025"]


def _random_char(rng: random.Random) -> str:
    while True:
        cp = rng.randrange(0x20, 0x30000)
        if not 0xD800 <= cp < 0xE000:  # no lone surrogates: they are not text
            return chr(cp)


def make_input(rng: random.Random, seeds: list[str]) -> str:
    """One input: a mutated stretch of a seed (most often), or random odd text with words and numbers in it."""
    if seeds and rng.random() < 0.7:
        text = rng.choice(seeds)
        start = rng.randrange(len(text))
        piece = text[start:start + rng.randrange(50, 1_500)]
        for _ in range(rng.randrange(1, 10)):
            at = rng.randrange(len(piece) + 1)
            kind = rng.random()
            if kind < 0.5:
                insert = "".join(rng.choice(ODD) for _ in range(rng.randrange(0, 4)))
            elif kind < 0.8:
                insert = rng.choice(WORDS).replace("i", rng.choice("iİı")).replace("s", rng.choice("sſ"))
            else:
                insert = _random_char(rng)
            piece = piece[:at] + insert + piece[at + rng.randrange(0, 4):]
        return piece
    parts = []
    for _ in range(rng.randrange(1, 40)):
        r = rng.random()
        parts.append(rng.choice(ODD) if r < 0.4 else rng.choice(WORDS) if r < 0.6 else str(rng.randrange(10 ** rng.randrange(1, 8)))
                     if r < 0.8 else _random_char(rng))
        parts.append(rng.choice(" \n,."))
    return "".join(parts)


def _check(text: str) -> str | None:
    """None when the input is extracted with every span in place, else what went wrong."""
    try:
        doc = extract_text(text, briefing_date="2023-08-22")
    except Exception:  # noqa: BLE001 - counting every failure is the point
        return "exception: " + traceback.format_exc(limit=3).strip().splitlines()[-1]
    for span in (*doc.quantities, *doc.targets, *doc.entities):
        if doc.text[span.start:span.end] != span.text:
            return f"span: {span.start}:{span.end} {span.text!r}"
    return None


def _run(job: tuple[int, int, int]) -> list[tuple[int, str, str]]:
    seed, first, count = job
    seeds = [p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt"))] if SEEDS.is_dir() else []
    failures = []
    for n in range(first, first + count):
        text = make_input(random.Random(seed * 1_000_003 + n), seeds)
        problem = _check(text)
        if problem:
            failures.append((n, problem, text[:200]))
    return failures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, nargs="?", default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    chunk = 1_000
    jobs = [(args.seed, first, min(chunk, args.n - first)) for first in range(0, args.n, chunk)]
    start = time.perf_counter()
    with ProcessPoolExecutor(args.jobs) as pool:
        failures = [f for part in pool.map(_run, jobs) for f in part]
    exceptions = [f for f in failures if f[1].startswith("exception")]
    spans = [f for f in failures if f[1].startswith("span")]
    print(f"fuzz: {args.n} inputs (seed {args.seed}) in {time.perf_counter() - start:.0f} s: "
          f"{len(exceptions)} exceptions, {len(spans)} span violations")
    for n, problem, text in failures[:10]:
        print(f"  input {n}: {problem}\n    {text!r}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
