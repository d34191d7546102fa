"""Analysis over the store: indicators, comparisons, timelines, profiles, targets and a composite index.

Every function takes an open store connection and returns typed rows, so the
CLI, the API and the dashboard share them. All of it reads observations
(hqd.observations), so only like is compared with like.
"""

from .indicators import (
    CompareRow, Comparison, IndexRefused, IndexResult, IndicatorRow, ProfileRow, SeriesOption, TimelineRow, UnmappedRow,
    compare, comparison, composite_index, district_series, indicator_rows, profile, rank_claims, timeline, timeline_view, unmapped,
)
from .targets import STATUSES, TargetRow, target_rows

__all__ = [
    "CompareRow", "Comparison", "IndexRefused", "IndexResult", "IndicatorRow", "ProfileRow", "STATUSES", "SeriesOption",
    "TargetRow", "TimelineRow", "UnmappedRow", "compare", "comparison", "composite_index", "district_series", "indicator_rows", "profile",
    "rank_claims", "target_rows", "timeline", "timeline_view", "unmapped",
]
