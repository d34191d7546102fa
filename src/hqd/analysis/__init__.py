"""Analysis over the store: indicators, comparisons, timelines, profiles, targets and a composite index.

Every function takes an open store connection and returns typed rows, so the
CLI, the API and the dashboard share them.
"""

from .indicators import (
    CompareRow, IndexRefused, IndexResult, IndicatorRow, ProfileRow, TargetRow, TimelineRow, UnmappedRow,
    compare, composite_index, indicator_rows, profile, rank_claims, target_rows, timeline, unmapped,
)

__all__ = [
    "CompareRow", "IndexRefused", "IndexResult", "IndicatorRow", "ProfileRow", "TargetRow", "TimelineRow",
    "UnmappedRow", "compare", "composite_index", "indicator_rows", "profile", "rank_claims", "target_rows", "timeline", "unmapped",
]
