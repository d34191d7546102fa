"""Settings declared once, as data: CLI defaults, help text and the README table read from here."""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    env: str
    default: str
    help: str

    def value(self) -> str:
        return os.environ.get(self.env, self.default)


SEEDS = Setting("seeds", "HQD_SEEDS", "../shared/seeds", "folder of briefings that `make run` loads and tests read")
DEV_ZH = Setting("dev_zh", "HQD_DEV_ZH", "../shared/dev-zh", "folder of Chinese texts with gold that the Chinese pack's tests score")
DB = Setting("db", "HQD_DB", "hqd.db", "SQLite database file")
MAX_BYTES = Setting("max_bytes", "HQD_MAX_BYTES", str(20 * 1024 * 1024), "largest input file accepted, in bytes")

BUSY_TIMEOUT = Setting("busy_timeout", "HQD_BUSY_TIMEOUT", "30", "seconds to wait for another writer before giving up")
BULK_DOCUMENTS = Setting(
    "bulk_documents", "HQD_BULK_DOCUMENTS", "1000",
    "an ingest or reindex of this many documents (and at least a quarter of the store) builds reader-only indexes once, at its end",
)

SNAPSHOTS = Setting("snapshots", "HQD_SNAPSHOTS", "snapshots", "folder where `hqd crawl` keeps its WARC snapshots")
SOURCES = Setting("sources", "HQD_SOURCES", "", "TOML file of publishers to crawl (default: the list shipped with hqd)")

ALL = (SEEDS, DEV_ZH, DB, MAX_BYTES, BUSY_TIMEOUT, BULK_DOCUMENTS, SNAPSHOTS, SOURCES)
