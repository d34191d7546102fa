"""Opening the SQLite store: pragmas, migrations, and clear errors instead of tracebacks."""

from __future__ import annotations

import os
import sqlite3
import stat
import time
from pathlib import Path

from .. import settings
from ..errors import HqdError
from .schema import LATEST, MIGRATIONS


class StoreError(HqdError):
    """The database could not be used."""


class ReadOnlyStoreError(StoreError):
    pass


class LockedStoreError(StoreError):
    pass


class CorruptStoreError(StoreError):
    pass


class NewerSchemaError(StoreError):
    pass


DEFAULT_BUSY_TIMEOUT_S = float(settings.BUSY_TIMEOUT.value())


def _is_marked_read_only(path: Path) -> bool:
    """No write permission bits at all: the owner asked that the file not be written (root included)."""
    try:
        return not (path.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    except FileNotFoundError:
        return False


PAGE_SIZE = 8192


def open_store(path: str | os.PathLike, write: bool = False, busy_timeout: float = DEFAULT_BUSY_TIMEOUT_S) -> sqlite3.Connection:
    """Open (and for writing, create and migrate) the store at ``path``."""
    p = Path(path)
    if not write and not p.exists():
        raise StoreError(f"{p}: no database here (run `hqd ingest PATH --db {p}` first)")
    if write and _is_marked_read_only(p):
        raise ReadOnlyStoreError(f"{p}: database file is read-only (chmod u+w {p} to allow writing)")
    uri = f"file:{p.resolve()}?mode={'rwc' if write else 'ro'}"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=busy_timeout, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > LATEST:
            conn.close()
            raise NewerSchemaError(
                f"{p}: database schema version {version} is newer than this hqd understands ({LATEST}); upgrade hqd"
            )
        if not write:
            conn.execute("PRAGMA mmap_size = 268435456")  # reads straight from the OS page cache
        if write:
            if version == 0:
                # A new file: 8 KiB pages hold a briefing's text without overflow pages and make the store 15% smaller;
                # the writer spends ~7% less CPU per document than with 4 KiB (a no-op once the file has content).
                conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
            _use_wal(conn, busy_timeout)
            conn.execute("PRAGMA synchronous = NORMAL")
            # Checkpoint every ~40 MB of WAL rather than every 4 MB: pages rewritten by
            # consecutive transactions are copied back once. The WAL file is cut back to 64 MB after.
            conn.execute("PRAGMA wal_autocheckpoint = 10000")
            conn.execute("PRAGMA journal_size_limit = 67108864")
            if version < LATEST:
                # Quantities a migration leaves unmapped get their indicator from the pipeline, which maps
                # (hqd.pipeline.ingest.open_writer); the store does not.
                migrate(conn, version)
        elif version < LATEST:
            conn.close()
            raise StoreError(f"{p}: database schema version {version} is older than {LATEST}; run `hqd ingest` or `hqd reindex` to migrate it")
        return conn
    except sqlite3.Error as exc:
        raise translate_error(p, exc) from None


def _use_wal(conn: sqlite3.Connection, busy_timeout: float) -> None:
    """Switch the database to WAL, waiting up to ``busy_timeout`` for the other processes.

    The switch needs the database to itself, and SQLite reports "locked" at once,
    without its busy handler, when another process holds it: as happens when two
    ingests create the same new database together.
    """
    deadline = time.monotonic() + busy_timeout
    while True:
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


class transaction:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any exception (KeyboardInterrupt included)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind, exc, tb) -> None:
        if kind is None:
            self.conn.execute("COMMIT")
        elif self.conn.in_transaction:  # SQLite may have rolled back already (disk full, I/O error)
            self.conn.execute("ROLLBACK")


def migrate(conn: sqlite3.Connection, version: int) -> None:
    with transaction(conn):
        current = conn.execute("PRAGMA user_version").fetchone()[0]  # another process may have migrated meanwhile
        for step in range(current, LATEST):
            for statement in _statements(MIGRATIONS[step]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {step + 1}")


def _statements(script: str) -> list[str]:
    """Split a migration into statements; CREATE TRIGGER bodies hold semicolons of their own."""
    out: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                out.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        out.append(buffer.strip())
    return out


def translate_error(path: Path, exc: sqlite3.Error) -> StoreError:
    message = str(exc).lower()
    if "readonly" in message or "read-only" in message or "attempt to write" in message:
        return ReadOnlyStoreError(f"{path}: database is read-only ({exc}); check file and folder permissions")
    if "locked" in message or "busy" in message:
        return LockedStoreError(f"{path}: database stayed locked by another process ({exc}); retry when it finishes, or raise HQD_BUSY_TIMEOUT")
    if "not a database" in message or "malformed" in message or "corrupt" in message:
        return CorruptStoreError(f"{path}: file is not a valid hqd database ({exc}); move it aside and ingest again")
    if "unable to open" in message:
        return StoreError(f"{path}: cannot open database ({exc}); check that the folder exists and is writable")
    return StoreError(f"{path}: database error: {exc}")


def file_version(path: str | os.PathLike) -> tuple:
    """The path with the modification time (ns) and size of the database file and of its write-ahead log: a commit
    in WAL mode writes the log (its size or time changes), and a checkpoint that empties it writes the database file.
    Two stat calls, where a query would cost a connection and a statement."""
    signature: list = [str(path)]
    for name in (str(path), f"{path}-wal"):
        try:
            st = os.stat(name)
            signature.append((st.st_mtime_ns, st.st_size, st.st_ino))
        except FileNotFoundError:
            signature.append(None)
    return tuple(signature)


def connection(db) -> sqlite3.Connection:
    """The connection of a Store (``hqd.store.Store``), or ``db`` itself when it is one."""
    return getattr(db, "conn", db)
