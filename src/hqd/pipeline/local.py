"""The local runner: files in, the four tables out, extraction spread over a process pool."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Iterable

from .batch import ExtractFailure, extract_records
from .records import TABLES, to_arrow

SUFFIXES = (".txt", ".html", ".htm")


def input_files(paths: Iterable[str]) -> list[str]:
    """Absolute paths: files as given; folders walked recursively for .txt, .html and .htm, sorted."""
    out: list[str] = []
    for path in paths:
        p = Path(path)
        if p.is_dir():
            out.extend(os.path.abspath(f) for f in sorted(p.rglob("*")) if f.is_file() and f.suffix.lower() in SUFFIXES)
        else:
            out.append(os.path.abspath(path))
    return out


def _job(job: tuple[str, int]):
    path, max_bytes = job
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        return ExtractFailure(path, f"cannot be read: {exc.strerror or exc}")
    return extract_records(path, raw, max_bytes)


def run_local(paths: Iterable[str], max_bytes: int, jobs: int | None = None):
    """(tables as Arrow, failures) for the files under ``paths``."""
    files = input_files(paths)
    rows: dict[str, list] = {name: [] for name in TABLES}
    failures: list[ExtractFailure] = []
    workers = jobs or os.cpu_count() or 1
    results = map(_job, [(f, max_bytes) for f in files]) if workers == 1 else \
        ProcessPoolExecutor(workers).map(_job, [(f, max_bytes) for f in files], chunksize=16)
    for result in results:
        if isinstance(result, ExtractFailure):
            failures.append(result)
            continue
        for name in TABLES:
            rows[name].extend(result[name])
    return to_arrow(rows), failures
