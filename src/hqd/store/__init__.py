"""The store: documents and facts in SQLite; a document and all its facts are always in one transaction.

``Store`` owns every SQL statement; the pipeline (``hqd.pipeline.ingest``) extracts, maps and hands it rows.
"""

from .database import (
    CorruptStoreError,
    LockedStoreError,
    NewerSchemaError,
    ReadOnlyStoreError,
    StoreError,
    open_store,
)
from .export import FORMATS as EXPORT_FORMATS, export_store
from .queries import DocumentRow, FactRow, QueryError, SearchHit, get_document, list_documents, list_facts, search
from .rows import DocumentRows
from .store import DatabaseError, DatabaseInterrupted, Store

__all__ = [
    "CorruptStoreError", "DocumentRow", "DocumentRows", "EXPORT_FORMATS", "FactRow", "LockedStoreError",
    "DatabaseError", "DatabaseInterrupted", "NewerSchemaError", "QueryError", "ReadOnlyStoreError", "SearchHit", "Store", "StoreError",
    "export_store", "get_document", "list_documents", "list_facts", "open_store", "search",
]
