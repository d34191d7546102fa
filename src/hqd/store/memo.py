"""Views computed once per database version and reused by every request until the next commit.

The home page's overview and the judged targets read every observation and every goal: hundreds of milliseconds
on 10,000 documents, for an answer that changes only when a document is written. ``per_version`` keeps each such
result with the database version it was computed at (``Store.version``: the database files' size and time) and
computes it again once any connection has committed. What it keeps is the data of a view, never a response: pages
and API answers are still rendered and encoded on every request.

A result is shared by the threads of a process, so callers must not change it (they copy what they filter).

Results keyed by a request's own parameters go in pools of their own, bounded apart, so that a crawler's endless
distinct query strings evict each other, never the whole-store views: "queries" for small answers (a filter's count, a
search's breadth), "comparisons" for one indicator's comparison (up to some 300 KB of stored source lists each on the
10,000-document bench, so fewer are kept).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

from .store import Store

T = TypeVar("T")
MAX_ENTRIES = 256  # views by district, day and kind: bounded, the oldest dropped first
POOLS = {"views": MAX_ENTRIES, "queries": 1024, "comparisons": 64}  # pool -> the most results it keeps

_pools: dict[str, OrderedDict[tuple, tuple[tuple, object]]] = {name: OrderedDict() for name in POOLS}
_locks: dict[tuple, threading.Lock] = {}
_guard = threading.Lock()


def per_version(db: Store, key: tuple[Hashable, ...], compute: Callable[[], T], pool: str = "views") -> T:
    """``compute()``, or what it returned before at this database's current version. One thread computes a missing
    result while the others asking for it wait, rather than all computing it at once after a write. ``pool``: one of POOLS
    ("views" for whole-store summaries)."""
    version = Store.of(db).version()
    if version is None:
        return compute()
    results = _pools[pool]
    full = (pool, version[0], *key)
    hit = results.get(full)
    if hit is not None and hit[0] == version:
        return hit[1]  # type: ignore[return-value]
    with _guard:
        lock = _locks.setdefault(full, threading.Lock())
    with lock:
        hit = results.get(full)
        if hit is not None and hit[0] == version:
            return hit[1]  # type: ignore[return-value]
        # the version read before computing: a commit during the computation makes the next call compute again
        value = compute()
        with _guard:
            results[full] = (version, value)
            results.move_to_end(full)
            while len(results) > POOLS[pool]:
                dropped, _ = results.popitem(last=False)
                _locks.pop(dropped, None)
        return value


def forget() -> None:
    """Drop every kept result (tests measure a computation from cold)."""
    with _guard:
        for pool in _pools.values():
            pool.clear()
