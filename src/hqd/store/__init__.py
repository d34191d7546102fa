"""The store: documents and facts in SQLite; a document and all its facts are always in one transaction."""

from .database import (
    CorruptStoreError,
    LockedStoreError,
    NewerSchemaError,
    ReadOnlyStoreError,
    StoreError,
    open_store,
)
from .export import FORMATS as EXPORT_FORMATS, export_store
from .ingest import IngestSummary, expand_paths, ingest_paths, reindex, write_document
from .queries import DocumentRow, FactRow, QueryError, SearchHit, get_document, list_documents, list_facts, search

__all__ = [
    "CorruptStoreError", "DocumentRow", "EXPORT_FORMATS", "FactRow", "IngestSummary", "LockedStoreError",
    "NewerSchemaError", "QueryError", "ReadOnlyStoreError", "SearchHit", "StoreError", "expand_paths",
    "export_store", "get_document", "ingest_paths", "list_documents", "list_facts", "open_store", "reindex",
    "search", "write_document",
]
