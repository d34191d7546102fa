"""The pipeline seam: extraction of a batch of documents as a pure function, and the runners that call it.

``extract_records(source, raw)`` turns one file's bytes into the contract's objects as Arrow-friendly rows
(``records.SCHEMAS`` names every column and its type). The local runner (a process pool) and the Spark runner
(``hqd extract --engine spark``) call the same function, so their output is the same row for row; the store
loads those rows back (``hqd ingest --from-parquet``). ``pipeline.ingest`` (files, reindex) and ``pipeline.crawl``
(fetched pages) are the stage that feeds the store: they extract, map (``pipeline.rows``) and hand the Store rows.
"""

from .batch import ExtractFailure, extract_records
from .records import SCHEMAS, TABLES, documents_from_tables

__all__ = ["ExtractFailure", "SCHEMAS", "TABLES", "documents_from_tables", "extract_records"]
