"""Ingest: files in, whole documents out, a chunk of documents per transaction.

The pipeline stage that feeds the store: it reads, extracts and maps (``rows.document_rows``)
and hands the rows to ``Store.write_batch``; the store neither extracts nor maps.
Re-ingest is idempotent by content hash. Worker processes extract and write their own
chunks; the calling process only plans the work, defers and restores indexes, and counts.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, TypeVar

from tqdm import tqdm

from .. import settings
from ..errors import SourceError
from ..extraction import EXTRACTOR_VERSION, extract_source
from ..facts.indicators import map_quantity
from ..model import Document
from ..sources import DEFAULT_MAX_BYTES, SourceText, read_source
from ..store import DocumentRows, Store, StoreError, open_store
from .rows import document_rows

SUFFIXES = (".txt", ".html", ".htm")
T = TypeVar("T")


@dataclass
class IngestSummary:
    added: int = 0
    unchanged: int = 0
    replaced: int = 0
    failed: int = 0
    failures: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # "PATH: why" for paths passed over while walking folders
    extract_seconds: float = 0.0  # CPU, all processes: reading, extraction, indicator mapping
    store_seconds: float = 0.0  # CPU, all processes: writing documents and facts
    wait_seconds: float = 0.0  # wall-clock, all workers: writing, but off the CPU (the write lock, the disk)

    def line(self) -> str:
        return f"{self.added} added, {self.unchanged} unchanged, {self.replaced} replaced, {self.failed} failed"

    def cpu_line(self) -> str:
        share = f" (+{100 * self.store_seconds / self.extract_seconds:.1f}%)" if self.extract_seconds else ""
        return (f"CPU time: extraction {self.extract_seconds:.1f} s, store {self.store_seconds:.1f} s{share};"
                f" writers waited {self.wait_seconds:.1f} s for the lock or the disk")


def expand_paths(paths: Iterable[str], skipped: list[str] | None = None) -> list[str]:
    """Absolute paths: files as given; folders walked recursively for .txt, .html and .htm, sorted.

    Absolute, so that the same file ingested from another working folder is recognised. Symbolic links to
    folders are followed once; every path passed over for a reason other than its suffix is named in ``skipped``
    ("PATH: why"): a symlink loop, a broken link, a folder that cannot be read, a FIFO, socket or device.
    """
    skipped = [] if skipped is None else skipped
    out: list[str] = []
    for path in paths:
        p = Path(path)
        if p.is_dir():
            out.extend(os.path.abspath(f) for f in sorted(_walk(p, skipped)))
        elif p.exists() and not p.is_file():
            skipped.append(f"{path}: {_odd_type(p)}, not a file")
        else:
            out.append(os.path.abspath(path))  # a missing file is reported when it is read
    return out


def _walk(root: Path, skipped: list[str]) -> Iterator[Path]:
    """Files with a source suffix under ``root``, depth first, without recursion and without going round a loop."""
    seen = {_identity(root)}
    stack = [(root, (os.path.realpath(root),))]
    while stack:
        folder, chain = stack.pop()  # chain: the real paths of the folders above, to tell a loop from a second way in
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            skipped.append(f"{folder}: folder cannot be read ({exc.strerror or exc})")
            continue
        for entry in entries:
            path = folder / entry.name
            try:
                is_dir, is_file = entry.is_dir(), entry.is_file()
            except OSError as exc:  # ELOOP: a link that points at itself
                why = "symlink loop (a link that leads to itself)" if exc.errno == errno.ELOOP else exc.strerror or str(exc)
                skipped.append(f"{path}: {why}")
                continue
            if is_dir:
                identity = _identity(path)
                if identity in seen:
                    real = os.path.realpath(path)
                    why = (f"symlink loop (leads back to {real})" if real in chain
                           else f"a folder already read through another path ({real})")
                    skipped.append(f"{path}: {why}")
                    continue
                seen.add(identity)
                stack.append((path, chain + (os.path.realpath(path),)))
            elif is_file:
                if path.suffix.lower() in SUFFIXES:
                    yield path
            elif entry.is_symlink():
                skipped.append(f"{path}: broken symlink (to {os.readlink(path)})")
            else:
                skipped.append(f"{path}: {_odd_type(path)}, not a file")


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def _odd_type(path: Path) -> str:
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return exc.strerror or str(exc)
    return ("a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else
            "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file")


def _extract_job(job: tuple[str, int]) -> DocumentRows | str:
    path, max_bytes = job
    try:
        return document_rows(extract_source(read_source(path, max_bytes)))
    except SourceError as exc:
        return str(exc)
    except Exception as exc:  # an extractor bug must not stop the other files
        return f"{path}: extraction failed: {type(exc).__name__}: {exc}"


def ingest_paths(
    db: Store, db_path: str, paths: Iterable[str], jobs: int | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES, quiet: bool = False,
) -> IngestSummary:
    store = Store.of(db)
    summary = IngestSummary()
    pending: list[tuple[str, int]] = []
    with store.errors(db_path):
        started = time.process_time()
        store.restore_indexes()  # left deferred by a load that was killed
        for path in expand_paths(paths, summary.skipped):
            stored = store.source_sha256(path)
            if stored is not None and stored == _file_sha256(path, max_bytes):
                summary.unchanged += 1
                continue
            pending.append((path, max_bytes))
        if _is_bulk_load(store, len(pending)):
            store.defer_indexes()
        summary.store_seconds += time.process_time() - started
        with tqdm(total=len(pending), unit="doc", disable=quiet or len(pending) < 20, desc="ingest") as bar:
            for result in _run_chunks(_ingest_chunk, pending, store, db_path, jobs):
                bar.update(result.done)
                summary.failures.extend(result.failures)
                for outcome in result.outcomes:
                    setattr(summary, outcome, getattr(summary, outcome) + 1)
                summary.extract_seconds += result.extract_seconds
                summary.store_seconds += result.store_seconds
                summary.wait_seconds += result.wait_seconds
        started = time.process_time()
        store.restore_indexes()
        summary.store_seconds += time.process_time() - started
    summary.failed = len(summary.failures)
    return summary


# Group commit: whole documents, a chunk to a transaction. A kill loses at most the chunks
# in flight (never part of a document). Larger transactions cost the writer less: FTS5
# writes one index segment per transaction, so fewer and larger segments need less merging;
# 200 documents (about a second of one process's extraction) write ~10% faster than 50.
# The last chunks are cut finer (see chunk_items), so large chunks leave no core idle at the end.
CHUNK_DOCUMENTS = 200


@dataclass(slots=True)
class ChunkResult:
    done: int
    outcomes: list[str]
    failures: list[str]
    extract_seconds: float  # CPU seconds reading, extracting and mapping
    store_seconds: float  # CPU seconds writing to the store
    wait_seconds: float  # wall-clock seconds writing, less the CPU seconds


def _run_chunks(function: Callable[[Store, list[T]], ChunkResult], items: list[T], store: Store,
                db_path: str, jobs: int | None) -> Iterator[ChunkResult]:
    """Run ``function`` over chunks of ``items``: here with ``store``, or on worker processes that each write through their own.

    Workers extract and write themselves: the store has one writer at a time (SQLite's lock), but
    nothing is pickled back and no third process competes with extraction for the cores.
    """
    jobs = max(1, jobs or os.cpu_count() or 1)
    chunks = chunk_items(items, jobs)
    jobs = min(jobs, len(chunks))
    if jobs <= 1:
        for chunk in chunks:
            yield function(store, chunk)
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=_exit_with_parent, initargs=(os.getpid(),)) as pool:
        yield from pool.map(_in_worker, [(function, db_path, chunk) for chunk in chunks])


def chunk_items(items: list[T], jobs: int, largest: int = CHUNK_DOCUMENTS) -> list[list[T]]:
    """``items`` in chunks, in order: at most ``largest`` each, and at least four per process.

    At least four per process, so that a small ingest still shows progress and commits
    as it goes. The last ``jobs`` chunks' worth is cut ten times finer: the processes
    finish their last chunks one by one while the others idle, and small last chunks
    shorten that wait at the cost of a few more transactions.
    """
    size = max(10, min(largest, len(items) // (4 * jobs)))
    if len(items) <= size:  # too few to share: one transaction, documents numbered in path order
        return [items] if items else []
    small = max(1, size // 10)
    tail = min(len(items), jobs * size) if jobs > 1 else 0
    head = len(items) - tail
    return ([items[i:min(i + size, head)] for i in range(0, head, size)]
            + [items[i:i + small] for i in range(head, len(items), small)])


def _exit_with_parent(parent: int) -> None:
    """Make a worker end soon after its parent does, even by SIGKILL.

    Orphaned pool workers otherwise wait forever on the task queue. Exiting mid-transaction
    is safe: SQLite discards a transaction that never committed.
    """
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.25)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="hqd-parent-watch").start()


_worker_store: tuple[str, Store] | None = None


def _in_worker(job: tuple[Callable[[Store, list[T]], ChunkResult], str, list[T]]) -> ChunkResult:
    """Run a chunk in a worker process, with one write connection kept per process."""
    global _worker_store
    function, db_path, chunk = job
    if _worker_store is None or _worker_store[0] != db_path:
        _worker_store = (db_path, Store.open(db_path, write=True))
    with _worker_store[1].errors(db_path):
        return function(_worker_store[1], chunk)


def _ingest_chunk(store: Store, chunk: list[tuple[str, int]]) -> ChunkResult:
    docs, failures = [], []
    started = time.process_time()
    for job in chunk:
        result = _extract_job(job)
        (failures if isinstance(result, str) else docs).append(result)
    extracted, clock = time.process_time(), time.perf_counter()
    outcomes = store.write_batch(docs)
    return _timed_result(len(chunk), outcomes, failures, started, extracted, clock)


def _is_bulk_load(store: Store, documents: int) -> bool:
    """Large enough that building the reader-only indexes once beats maintaining them row by row.

    Rebuilding sorts the whole table, so the load must also be a fair share of what is stored.
    """
    stored = store.document_count()
    return documents >= int(settings.BULK_DOCUMENTS.value()) and 4 * documents >= stored


def _file_sha256(path: str, max_bytes: int) -> str | None:
    """Hash of the file's bytes, or None when it cannot be read (extraction then reports why)."""
    try:
        if os.stat(path).st_size > max_bytes:
            return None
        with open(path, "rb") as f:
            return hashlib.sha256(f.read()).hexdigest()
    except OSError:
        return None


def write_document(db: Store, doc: Document) -> str:
    """Store one document and all its facts in one transaction. Returns added, unchanged or replaced."""
    return Store.of(db).write_batch([document_rows(doc)])[0]


def open_writer(path, busy_timeout: float | None = None):
    """Open the store at ``path`` for writing (creating or migrating it), then map the quantities a migration left
    unmapped: the store migrates, the pipeline maps. Returns the connection, as ``open_store`` does."""
    conn = open_store(path, write=True) if busy_timeout is None else open_store(path, write=True, busy_timeout=busy_timeout)
    with Store(conn).errors(path):
        map_unmapped(conn)
    return conn


def map_unmapped(db: Store) -> int:
    """Map the quantities that have no mapping yet (rows stored before schema version 2, or remapped by version 10)."""
    store = Store.of(db)
    rows = store.unmapped_quantities()
    if not rows:
        return 0
    mappings = []
    for r in rows:
        sentence = r["sentence"]
        before = after = ""
        if sentence is not None:
            before, after = sentence[:max(0, r["start"] - r["s_start"])], sentence[max(0, r["end"] - r["s_start"]):]
        m = map_quantity(r["metric"], r["unit"], r["kind"], text=r["text"], subject=r["subject"], district=r["district"],
                         sentence=sentence, before=before, after=after)
        mappings.append((m.code, m.confidence, m.reason, m.share_of, r["id"]))
    store.set_mappings(mappings)
    return len(rows)


def reindex(db: Store, everything: bool = False, quiet: bool = False, jobs: int | None = None) -> tuple[int, int]:
    """Re-extract stored documents from their stored text, on ``jobs`` processes. Returns (reindexed, total).

    A document whose extraction fails keeps its old facts; the others are reindexed,
    then a StoreError names the failures.
    """
    store = Store.of(db)
    db_path = store.path
    failures: list[str] = []
    with store.errors(db_path):
        store.restore_indexes()
        rows = store.document_versions()
        todo = [doc_id for doc_id, version in rows if everything or version != EXTRACTOR_VERSION]
        if _is_bulk_load(store, len(todo)):
            store.defer_indexes()
        with tqdm(total=len(todo), unit="doc", disable=quiet or len(todo) < 20, desc="reindex") as bar:
            for result in _run_chunks(_reindex_chunk, todo, store, db_path, jobs):
                bar.update(result.done)
                failures.extend(result.failures)
        store.restore_indexes()
    if failures:
        raise StoreError(f"{db_path}: {len(failures)} of {len(todo)} documents kept their old facts:\n" + "\n".join(failures))
    return len(todo), len(rows)


def _reindex_chunk(store: Store, doc_ids: list[int]) -> ChunkResult:
    batch, failures = [], []
    started = time.process_time()
    for doc_id in doc_ids:
        row = store.stored_text(doc_id)
        if row is None:
            continue  # deleted meanwhile: nothing to reindex
        sha256, is_html, text, path = row
        name = path or f"doc:{doc_id}"
        try:
            batch.append((doc_id, document_rows(extract_source(SourceText(name, text, sha256, bool(is_html))))))
        except Exception as exc:  # an extractor bug must not stop the other documents
            failures.append(f"{name}: extraction failed: {type(exc).__name__}: {exc}")
    extracted, clock = time.process_time(), time.perf_counter()
    store.replace_batch(batch)
    return _timed_result(len(doc_ids), [], failures, started, extracted, clock)


def _timed_result(done: int, outcomes: list[str], failures: list[str], started: float, extracted: float, clock: float) -> ChunkResult:
    """A chunk's result, timed from the CPU clock at its start and the CPU and wall clocks when its extraction ended."""
    store_cpu, store_wall = time.process_time() - extracted, time.perf_counter() - clock
    return ChunkResult(done, outcomes, failures, extracted - started, store_cpu, max(0.0, store_wall - store_cpu))


def ingest_parquet(db: Store, folder: str, chunk: int = CHUNK_DOCUMENTS) -> IngestSummary:
    """Load the four tables that ``hqd extract --out`` or ``--engine spark`` wrote into the store, a chunk of whole
    documents per transaction, as an ingest of the same files would store them."""
    from .parquet import read_tables
    from .records import documents_from_tables

    store = Store.of(db)
    summary = IngestSummary()
    started = time.process_time()
    try:
        docs = documents_from_tables(read_tables(folder))
    except (OSError, ValueError) as exc:  # pyarrow's errors derive from these
        raise StoreError(f"{folder}: not a folder of hqd Parquet tables ({type(exc).__name__}: {exc})") from None
    docs.sort(key=lambda d: d.source)
    summary.extract_seconds = time.process_time() - started
    with store.errors():
        for i in range(0, len(docs), chunk):
            started = time.process_time()
            for outcome in store.write_batch([document_rows(d) for d in docs[i:i + chunk]]):
                setattr(summary, outcome, getattr(summary, outcome) + 1)
            summary.store_seconds += time.process_time() - started
    return summary


__all__ = ["IngestSummary", "StoreError", "expand_paths", "ingest_paths", "ingest_parquet", "map_unmapped", "open_writer", "reindex",
           "write_document"]
