"""Typed response models: the OpenAPI document describes every response of the API with them.

Row types are the dataclasses the queries return (pydantic reads them as they are); the endpoints write
their JSON themselves (fast), and tests validate real responses against these models.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ..analysis.indicators import CompareRow, ProfileRow, SeriesOption, TimelineRow
from ..analysis.targets import TargetRow
from ..analysis.views import Cell
from ..analysis.coverage import IndicatorEntry
from ..store.catalog import DistrictEntry, DocumentEntry
from ..store.queries import FactRow, SearchHit


class ErrorBody(BaseModel):
    status: int = Field(description="the HTTP status")
    message: str = Field(description="what went wrong and how to put it right (for an unknown name: the closest names)")


class ErrorOut(BaseModel):
    error: ErrorBody


class FacetValue(BaseModel):
    value: str | None
    count: int


class DocumentsPage(BaseModel):
    rows: list[DocumentEntry]
    total: int = Field(description="documents matching the filters, all pages together")
    limit: int
    offset: int
    next: str | None = Field(description="URL of the next page, null on the last")
    filters: dict[str, str]
    facets: dict[str, list[FacetValue]] = Field(description="for each facet, its values among the matching documents with counts")


class Official(BaseModel):
    name: str
    title: str | None = None


class QuantityOut(BaseModel):
    id: int
    start: int = Field(description="offset of the first character in `text` (half-open, str offsets)")
    end: int
    text: str
    value: float | int
    unit: str
    kind: str
    approx: str
    metric: str | None
    period: str | None
    subject: str | None


class TargetOut(BaseModel):
    id: int
    start: int
    end: int
    text: str
    metric: str | None
    value: float | int | None
    unit: str | None
    deadline: str | None
    subject: str | None
    quantity_id: int | None


class EntityOut(BaseModel):
    id: int
    start: int
    end: int
    text: str
    type: str


class DocumentOut(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: int
    sha256: str
    title: str | None
    date: str | None
    published: str | None
    district: str | None
    session: int | None
    series: str | None
    theme: str | None
    officials: list[Official]
    language: str
    is_html: int
    extractor_version: str
    n_quantities: int
    n_targets: int
    n_entities: int
    ingested_at: str
    text: str = Field(description="the text that offsets index, exactly as stored")
    sources: list[str]
    quantities: list[QuantityOut]
    targets: list[TargetOut]
    entities: list[EntityOut]


class FactsPage(BaseModel):
    rows: list[FactRow]
    total: int = Field(description="facts matching the filters, all pages together")
    limit: int
    offset: int
    next: str | None = Field(description="URL of the next page, null on the last")


class SearchPage(BaseModel):
    rows: list[SearchHit] = Field(description="matching sentences, best first, with matched words and figures marked")
    query: str
    understood: str = Field(description="the query as it was read")
    index: str = Field(description="words or chinese")
    notes: list[str]


class IndicatorsList(BaseModel):
    rows: list[IndicatorEntry]
    total: int


class DistrictsList(BaseModel):
    rows: list[DistrictEntry]
    total: int


class CompareOut(BaseModel):
    rows: list[CompareRow]
    indicator: str = Field(description="the catalogue's code")
    total: int
    selection: SeriesOption | None = Field(description="the series shown: measure, basis, unit and period granularity (null: none matches)")
    options: list[SeriesOption] = Field(description="every series of the indicator, the chosen one marked; ask for one with its parameters")


class TimelineOut(BaseModel):
    rows: list[TimelineRow] = Field(description="dated observations, oldest first by period (with undated=true: the undated ones)")
    district: str
    total: int
    undated: list[TimelineRow] = Field(description="observations without a period, kept off the timeline")


class ObservationSource(BaseModel):
    document_id: int
    date: str | None
    language: str
    text: str
    value: float | int
    approx: str
    sentence: str | None


class ObservationOut(BaseModel):
    subject: str
    indicator: str
    measure: str = Field(description="level, change or share")
    basis: str | None = Field(description="a change's basis (yoy, annual_avg, cumulative, sequential) or a share's whole (city, nation, total)")
    unit: str
    period: str | None
    granularity: str | None = Field(description="year, half, quarter, month, 'N months', 'N years'; null when undated")
    value: float | int
    approx: str
    conflict: bool = Field(description="the sources report values that cannot all be true")
    values: list[float | int]
    series: str = Field(description="the series it belongs to, in words")
    sources: list[ObservationSource]


class ObservationsOut(BaseModel):
    rows: list[ObservationOut]
    total: int


class ProfileOut(BaseModel):
    rows: list[ProfileRow]
    district: str
    total: int


class TargetsOut(BaseModel):
    rows: list[TargetRow] = Field(description="each goal once, with every statement, judged against later observations")
    total: int
    statuses: list[str]


class OverviewOut(BaseModel):
    totals: dict[str, int]
    indicators: list[dict[str, str | None]]
    districts: list[str]
    matrix: dict[str, dict[str, dict[str, Cell | None]]] = Field(description="district -> indicator -> level/change -> cell")
    latest: list[dict[str, Any]]


class DistrictOut(BaseModel):
    district: str
    documents: list[dict[str, Any]]
    profile: list[ProfileRow]
    series: list[dict[str, Any]]
    growth: list[tuple[str, float, str]]
    growth_series: str | None = Field(description="the one basis, unit and granularity the growth chart shows")
    undated: list[TimelineRow] = Field(description="the district's observations without a period, listed apart from the charts")
    targets: list[TargetRow]
    ranks: list[dict[str, Any]]
    entities: dict[str, list[dict[str, Any]]]


class UploadOut(BaseModel):
    outcome: str
    document: DocumentOut


CSV = {"text/csv": {"schema": {"type": "string"}, "example": "district,value,unit\nJiading,124830000000,CNY\n"}}


def responses(model: type[BaseModel] | None = None, csv: bool = False, errors: tuple[int, ...] = (404, 422)) -> dict:
    """The ``responses`` argument of a route: its JSON model (and CSV when ``format=csv``), and its error bodies."""
    out: dict[int | str, dict] = {code: {"model": ErrorOut} for code in errors}
    if csv:
        out[200] = {"content": CSV, "description": "JSON (the model), or CSV with format=csv"}
    return out
