"""Views computed once per database version: ``hqd.store.memo``, where the store's own queries (a search's breadth)
use it too; kept here under its old name for the views and the web layer."""

from ..store.memo import MAX_ENTRIES, POOLS, forget, per_version

__all__ = ["MAX_ENTRIES", "POOLS", "forget", "per_version"]
