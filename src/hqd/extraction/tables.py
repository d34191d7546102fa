"""Tables: figures read by their row and column headers rather than by the prose around them.

The HTML reader writes each row of a data table as one line of cells, "label | 1,402.3 | 5.8";
plain-text and Markdown tables look the same. A cell's number takes its unit and scale from
the note in its column header or row label ("Value (100 million yuan)", "Growth (%)"), its
kind from the column header (growth, change: a change; share, proportion: a share), its
metric from the row label, and its period from the column header when that names one
("2023"), else from the last time phrase before the table (a title's "January-June 2024").
A table with a year a row reads the other way round: metric from the column, period from the row.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import get_args
from dataclasses import dataclass

from ..model import Approx, Kind, Period, Quantity
from .entities import head_type
from .lang.en import alternation, word_class
from .numbers import find_mentions
from .periods import TimePhrase
from .rules import SKIP, RuleTable

_ROW = re.compile(r"^[^\n|]*\|[^\n]*$", re.MULTILINE)  # a line with a bar in it; linear, unlike a pattern of cells
_RULE = re.compile(r"^[\s|:+-]*$")  # a Markdown header rule, "|---|---|"
_NUMBER = re.compile(r"[-+−]?\d{1,3}(?:,\d{3})+(?:\.\d+)?%?|[-+−]?\d+(?:\.\d+)?%?")
_YEAR_CELL = re.compile(r"(?:19|20)\d{2}")
_UNIT_NOTE = re.compile(r"\(([^()]{1,40})\)|（([^（）]{1,40})）")
_CHANGE_HEADER = re.compile(r"growth|increase|change|y/y|yoy|year[- ]on[- ]year|±|\+/-", re.IGNORECASE)
_SHARE_HEADER = re.compile(r"\bshare\b|proportion|percentage\s+of", re.IGNORECASE)
_PHRASE_REACH = 600  # how far before a table its period may be stated


@dataclass(slots=True)
class Cell:
    start: int
    end: int
    text: str


def find_tables(text: str) -> list[list[list[Cell]]]:
    """Runs of two or more table rows (lines of cells split by '|', blank lines between them allowed)."""
    if "|" not in text:
        return []
    tables: list[list[list[Cell]]] = []
    last_end = -1
    for start, end in bar_lines(text):
        if _RULE.match(text[start:end]):
            last_end = end
            continue
        cells = _cells(text, start, end)
        if sum(1 for c in cells if c.text) < 2:
            last_end = -1
            continue
        if tables and last_end >= 0 and not text[last_end:start].strip():
            tables[-1].append(cells)
        else:
            tables.append([cells])
        last_end = end
    return [t for t in tables if len(t) >= 2]


def bar_lines(text: str):
    """The (start, end) of each line with a bar in it, in order: the spans of the matches of _ROW, found from bar to bar
    by str.find (the pattern is tried at every character, the scan for a bar runs as fast as memory)."""
    at = text.find("|")
    while at >= 0:
        end = text.find("\n", at)
        if end < 0:
            end = len(text)
        yield text.rfind("\n", 0, at) + 1, end
        at = text.find("|", end)


# A table laid out with spaces (a release copied from a PDF or a Word page): its columns are set apart by two or more
# spaces or a tab, where the words inside a cell ("Output (tons)") are set apart by one.
_GAP = re.compile(r" {2,}|\t+")
_BLANK_CELL = re.compile(r"[-—–]+")  # a dash where a table has no figure


def spaced_tables(text: str) -> list[list[list[Cell]]]:
    """Tables whose columns are set apart by runs of spaces: a header line of two or more names and no number, then
    lines right under it (no blank line) of a label in words followed by one number (or a dash) for each other column."""
    if "  " not in text and "\t" not in text:
        return []  # no line has a gap (as _spaced_cells finds), so none has two cells: most prose, not walked line by line
    return gap_tables(text, _spaced_cells,
                      lambda header: len(header) >= 2 and not any(_is_number(c.text) for c in header),
                      lambda cells: not _is_number(cells[0].text) and all(
                          _is_number(c.text) or _BLANK_CELL.fullmatch(c.text) for c in cells[1:]),
                      rows_touch=True)


def gap_tables(text: str, cells_of: Callable[[str, int, int], list[Cell]], is_header: Callable[[list[Cell]], bool],
               is_row: Callable[[list[Cell]], bool], rows_touch: bool) -> list[list[list[Cell]]]:
    """The tables of lines split into cells by ``cells_of``: a line ``is_header`` accepts, then the lines after it with
    as many cells that ``is_row`` accepts (with ``rows_touch``, no blank line between them), two lines at least."""
    tables: list[list[list[Cell]]] = []
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    k = 0
    while k < len(lines):
        header = cells_of(text, *lines[k])
        k += 1
        if not is_header(header):
            continue
        rows = [header]
        while k < len(lines) and (not rows_touch or text[lines[k - 1][1]:lines[k][0]] == "\n"):
            cells = cells_of(text, *lines[k])
            if len(cells) != len(header) or not is_row(cells):
                break
            rows.append(cells)
            k += 1
        if len(rows) >= 2:
            tables.append(rows)
    return tables


def _spaced_cells(text: str, start: int, end: int) -> list[Cell]:
    """The line's cells, split where two or more spaces or a tab stand between words (none for a line with no gap:
    most lines of prose, skipped before they are split)."""
    if text.find("  ", start, end) < 0 and text.find("\t", start, end) < 0:
        return []  # (what _GAP needs, found by two finds rather than by the pattern tried at every character)
    cells, pos = [], start
    for piece in _GAP.split(text[start:end]):
        stripped = piece.strip()
        if stripped:
            at = text.index(stripped, pos, end)
            cells.append(Cell(at, at + len(stripped), stripped))
            pos = at + len(stripped)
    return cells


def _cells(text: str, start: int, end: int) -> list[Cell]:
    """The row's cells, an empty one where a cell is blank (so columns stay aligned), outer bars ignored."""
    cells = []
    pos = start
    for piece in text[start:end].split("|"):
        stripped = piece.strip()
        lead = len(piece) - len(piece.lstrip()) if stripped else 0
        cells.append(Cell(pos + lead, pos + lead + len(stripped), stripped))
        pos += len(piece) + 1
    line = text[start:end].strip()
    if len(cells) > 2 and line.startswith("|") and line.endswith("|"):
        cells = cells[1:-1]  # "| a | b |": Markdown's outer bars
    return cells


def claimed_spans(tables: list[list[list[Cell]]]) -> list[tuple[int, int]]:
    """What the table reader reads itself: number cells, a unit column's cells and the unit notes of labels and headers.

    Mentions there are not prose; a cell of prose ("Revenue grew 5% in 2023.") is left to the prose reader.
    """
    spans = []
    for rows in tables:
        units = _unit_column(rows[0])
        for row in rows:
            for k, cell in enumerate(row):
                if _is_figure(cell.text) or k == units:  # (a unit column's "10,000 units" is a unit, no figure)
                    spans.append((cell.start, cell.end))
                else:
                    spans.extend((cell.start + m.start(), cell.start + m.end()) for m in _UNIT_NOTE.finditer(cell.text))
    return spans


def table_quantities(text: str, tables: list[list[list[Cell]]], phrases: list[TimePhrase], district: str | None,
                     year: int | None = None) -> list[Quantity]:
    """A quantity for each number cell that has a label, with unit, kind, metric and period from the headers; ``year``:
    the year the text speaks in (a column of a later year holds goals)."""
    out: list[Quantity] = []
    for rows in tables:
        heads = [c.text for c in rows[0][1:] if c.text]
        year_columns = all(_YEAR_CELL.fullmatch(h) for h in heads)
        # a first row of words and years ("No. | Indicator | 2020 | 2025 | Attribute") heads the columns
        header = rows[0] if all(_YEAR_CELL.fullmatch(h) or not _is_number(h) for h in heads) else None
        body = rows[1:] if header is not None else rows
        frame = _Frame(phrases, _period_before(text, rows[0][0].start, phrases),
                       caption_owner(text, rows[0][0].start) or district, year, _table_years(rows, header))
        units = _unit_column(header) if header is not None else None
        parent = None
        for row in body:
            parent = _parent_label(text, row, parent)
            # "2023 | 1,300 | 4.0" under "Year | GDP | Growth": a year a row, the columns say what is measured
            by_year = header is not None and not year_columns and bool(_YEAR_CELL.fullmatch(row[0].text))
            # the label is the first cell in words; numbers before it ("1 | Jiading | ...") number the rows
            first = 0 if by_year else next((k for k, c in enumerate(row) if c.text and not _is_figure(c.text)), len(row))
            if first < len(row):  # (no label, nothing to say what the numbers measure)
                row_unit = _unit(f"({row[units].text})") if units is not None and units < len(row) else None
                out.extend(_row_quantities(row, first, header, by_year, parent, frame, row_unit))
    return out


@dataclass(slots=True)
class _Frame:
    """What a table gives each of its cells: the text's time phrases, the period and owner its caption or the text before
    it names, the year the text speaks in, and the years its header or its first column names."""

    phrases: list[TimePhrase]
    table_period: Period | None
    owner: str | None
    text_year: int | None
    years: tuple[int, ...]


def _table_years(rows: list[list[Cell]], header: list[Cell] | None) -> tuple[int, ...]:
    """The years that head the table's columns ("| 2020 | 2025 |"), else those that open its rows ("| 2023 | 68 |")."""
    cells = header if header is not None else []
    years = tuple(int(c.text) for c in cells if _YEAR_CELL.fullmatch(c.text))
    return years or tuple(int(r[0].text) for r in rows[1:] if header is not None and _YEAR_CELL.fullmatch(r[0].text))


def _row_quantities(row: list[Cell], first: int, header: list[Cell] | None, by_year: bool, parent: Cell | None,
                    frame: _Frame, row_unit: tuple[float, str] | None = None) -> list[Quantity]:
    """The quantities of one row's number cells, after its label (``row[first]``); ``row_unit``: what the row's cell in
    a unit column says ("Automobiles | 10,000 units | 62.4": 624,000 vehicles)."""
    out: list[Quantity] = []
    label = row[first]
    for k, cell in enumerate(row[first + 1:], start=first + 1):
        if not _is_figure(cell.text):
            continue
        column = _column_header(header, row, k)
        if by_year:
            if column is not None:
                out.append(_quantity(cell, _measured_column(header, column), column, None, frame, int(label.text)))
            continue
        corner = header[0] if header is not None and len(header) == len(row) else None
        q = _quantity(cell, label, column, corner, frame, None, row_unit)
        q.metric = _row_metric(q.metric, _measured_column(header, column) if column is not None else None, corner if first == 0 else None,
                               parent if parent is not None and parent is not label else None)
        out.append(q)
    return out


def _period_before(text: str, start: int, phrases: list[TimePhrase]) -> Period | None:
    """The last time phrase shortly before a table, else a year in the caption line just above it ("..., 2023")."""
    before = [p for p in phrases if start - _PHRASE_REACH <= p.end <= start]
    if before:
        return before[-1].period
    caption = text[:start].rstrip().rsplit("\n", 1)[-1]
    years = re.findall(r"\b(?:19|20)\d{2}\b", caption)
    return Period.year(int(years[-1])) if years else None


# A caption is a short line of its own before the table; a longer "line" is a paragraph, of which only the end is read
_CAPTION_REACH = 300


def caption_owner(text: str, start: int) -> str | None:
    """The park, zone, company or project a table's caption names as whose figures it lists ("Table 1  Key
    figures of Songjiang Industrial Zone in 2020"), if any."""
    caption = text[max(0, start - _CAPTION_REACH):start].rstrip().rsplit("\n", 1)[-1]
    m = _CAPTION_OWNER.search(caption)
    if m is None:
        return None
    name = m.group(1)
    return name if head_type(name, needs_modifier=True) in ("park", "organization", "project", "institution") else None


# "indicators of Songjiang Industrial Zone in 2020", "... for the Lingang Special Area": a capitalised name after "of"/"for"
_CAPTION_OWNER = re.compile(r"\b(?:of|for|in)\s+(?:the\s+)?([A-Z][\w’'&-]*(?:\s+[A-Z][\w’'&-]*){1,5})")


_INDICATOR_CORNERS = word_class("table_indicator_corners")  # a corner over labels that are measures: "Indicator"
_GENERIC_HEADERS = word_class("table_generic_headers")  # a column header that names no measure: "Value (100 million yuan)"
_OF_REST = re.compile(r"\s+of\s+.*$")
_PART_OPENER = re.compile(r"^" + alternation("part_of_leads") + r"\s*:?\s*", re.IGNORECASE)


def _parent_label(text: str, row: list[Cell], parent: Cell | None) -> Cell | None:
    """The label of the row an indented row falls under ("Total output value of ... | 1,186.3" over "  Biomedicine | 41.7"):
    the last row's label that is not indented, for an indented row; the row's own label otherwise."""
    label = next((c for c in row if c.text and not _is_figure(c.text)), None)
    if label is None:
        return parent
    line_start = text.rfind("\n", 0, label.start) + 1
    indented = label.start > line_start and not text[line_start:label.start].strip(" \t")
    return parent if indented and parent is not None else (None if indented else label)


def _row_metric(metric: str | None, measured: Cell | None, corner: Cell | None, parent: Cell | None) -> str | None:
    """A row label that names a part, not a measure, takes the measure its table gives it: the head of the row it is
    indented under ("  Biomedicine" under "Total output value of industries ...": "Total output value of Biomedicine"), or
    the column's header when the labels are kinds of things ("Industry | Output value (billion yuan)"), not indicators."""
    if not metric:
        return metric
    head = None
    if parent is not None:
        head = _OF_REST.sub("", _UNIT_NOTE.sub("", parent.text).strip(" :"))
    elif measured is not None and corner is not None and corner.text.lower().strip(" :") not in _INDICATOR_CORNERS:
        named = _UNIT_NOTE.sub("", measured.text).strip(" :")
        head = named if named.lower() not in _GENERIC_HEADERS and not _YEAR_CELL.fullmatch(named) and not _CHANGE_HEADER.search(named) else None
    if not head or head.split()[-1].lower() in metric.lower():
        return metric  # "  Industrial investment" under "Fixed-asset investment": already an investment
    return f"{head} of {_PART_OPENER.sub('', metric)}"  # "of which: chemical industry": the part, less the words that say so


def _measured_column(header: list[Cell], column: Cell) -> Cell:
    """What a column measures: for "Growth (%)" after "GDP (100 million yuan)", the GDP column's header."""
    if not _CHANGE_HEADER.search(column.text):
        return column
    k = header.index(column)
    return next((c for c in reversed(header[1:k]) if not _CHANGE_HEADER.search(c.text)), column)


def _column_header(header: list[Cell] | None, row: list[Cell], k: int) -> Cell | None:
    if header is None:
        return None
    if len(header) == len(row):
        return header[k]
    if len(header) == len(row) - 1:
        return header[k - 1]  # a header row with no cell above the labels
    return None


def _quantity(cell: Cell, label: Cell, column: Cell | None, corner: Cell | None, frame: _Frame, row_year: int | None,
              row_unit: tuple[float, str] | None = None) -> Quantity:
    """``corner``: the header cell above the row labels, whose note ("Indicator (100 million yuan)") serves every column;
    ``row_year``: the year that opens the cell's row, in a table of a year a row; ``row_unit``: the row's unit from a
    unit column, as a note on its label would give it."""
    m = _FIGURE_CELL.fullmatch(cell.text)
    written = m.group("number")
    number = float(written.replace(",", "").replace("−", "-").rstrip("%"))
    note = (cell.start + m.start("note"), cell.start + m.end("note")) if m.group("note") else None
    cell_figure = _CellFigure(column.text if column else "", column, frame.phrases,
                              Period.year(row_year) if row_year is not None else frame.table_period, frame.owner,
                              label.text, _SIGNS.get(m.group("sign") or ""), note, frame.text_year, frame.years,
                              row_year if row_year is not None else _column_year(column))
    kind, why_kind = TABLE_KIND.run(cell_figure)
    as_written = (1.0, "percent" if written.endswith("%") else "count")
    if kind == "change":
        scale, unit = _unit(cell_figure.heading) or (1.0, "percent")  # "Growth" alone is a rate, whatever unit the level has
    else:
        scale, unit = _cell_unit(_unit(cell_figure.heading), _unit(label.text) or row_unit) \
            or (_unit(corner.text) if corner else None) or as_written
    metric = _UNIT_NOTE.sub("", label.text).strip(" :") or None
    q = Quantity(cell.start, cell.start + m.end("number"), cell.text[:m.end("number")], number * scale, unit)
    q.kind, q.metric = kind, metric
    q.why["kind"] = why_kind
    q.why["metric"] = "metric.table_label"  # the cell's label names what it measures (the row's; the column's, a year a row)
    for table in (TABLE_APPROX, TABLE_PERIOD, TABLE_SUBJECT):
        table.apply(cell_figure, q)
    return q


def _column_year(column: Cell | None) -> int | None:
    return int(column.text) if column is not None and _YEAR_CELL.fullmatch(column.text) else None


@dataclass(slots=True)
class _CellFigure:
    """What the rules for a table cell read: its column's heading, the column, the table's period, the district; its
    row's label, the sign of comparison before its number and the span of a note after it; the year the text speaks in,
    the years that head the table's columns or rows, and the one of them that is the cell's."""

    heading: str
    column: Cell | None
    phrases: list[TimePhrase]
    table_period: Period | None
    district: str | None
    label: str = ""
    sign: str | None = None
    note: tuple[int, int] | None = None
    text_year: int | None = None
    years: tuple[int, ...] = ()
    year: int | None = None


_TABLE = "Main indicators, 2023\n\nIndicator | Value | Growth (%)\nGDP (100 million yuan) | {} | {}\n"
TABLE_KIND: RuleTable[Kind] = RuleTable("kind", values=frozenset(get_args(Kind)))


_PLAN_TABLE = "Main indicators of the plan\n\n| Indicator | 2020 | 2025 |\n| {} | {} | {} |\n"
_YEARLY_GOALS = "Yearly goals\n\n| Year | Visitors (million) | Hotel rooms |\n| 2024 | {} | 900 |\n| 2025 | {} | 1,100 |\n"


@TABLE_KIND.rule((_PLAN_TABLE.format("Freight volume (million tons)", "310", "[380]"), "target", "2021-08-10"),
                 (_PLAN_TABLE.format("Forest coverage (%)", "18.5", "[≥20]"), "target", "2021-08-10"),
                 (_YEARLY_GOALS.format("[12]", "14"), "target", "2024-03-01"),
                 (_YEARLY_GOALS.format("12", "[14]"), "target", "2024-03-01"))
def goal_year(f: _CellFigure):
    """A table that looks past the year its text is written in is a table of goals: a cell under a later year's column
    (a plan's '2025' beside its baseline '2020') or in a later year's row is a target for that year, and so is one of the
    text's own year in it (a plan's yearly goals from the year it is issued); a year gone by is a level."""
    if f.year is None or f.text_year is None or not f.years:
        return SKIP
    return "target" if f.year > f.text_year or (f.year == f.text_year and max(f.years) > f.text_year) else SKIP


@TABLE_KIND.rule((_TABLE.format("1,402.3", "[5.8]"), "change", "2024-01-20"))
def growth_column(f: _CellFigure):
    """A cell under a heading of growth, increase or change ('Growth (%)', 'Change over last year') is a change."""
    return "change" if _CHANGE_HEADER.search(f.heading) else SKIP


@TABLE_KIND.rule(("Structure, 2023\n\nIndicator | Share (%)\nServices | [62.1]\n", "share", "2024-01-20"))
def share_column(f: _CellFigure):
    """A cell under a heading of share, proportion or percentage of a whole is a share."""
    return "share" if _SHARE_HEADER.search(f.heading) else SKIP


_YEAR_COLUMNS = "Indicators\n\n| Indicator | 2022 | 2023 |\n| {} | 4.1 | [{}] |\n"


@TABLE_KIND.rule((_YEAR_COLUMNS.format("Average annual growth of retail sales (%)", "5.2"), "change", "2024-01-20"),
                 (_YEAR_COLUMNS.format("Growth of exports (%)", "-3.0"), "change", "2024-01-20"))
def growth_row(f: _CellFigure):
    """Under a column headed by a year, which says when and not what, the row's label says what the cell measures: a
    label of growth, increase or change is a change."""
    return "change" if _year_headed(f) and _CHANGE_HEADER.search(f.label) else SKIP


def _year_headed(f: _CellFigure) -> bool:
    """Whether the cell's column is headed by a year, alone or with a note of what the year is ('2021 (baseline)')."""
    return f.year is not None or (f.column is not None and _NOTED_YEAR.fullmatch(f.column.text) is not None)


_NOTED_YEAR = re.compile(r"(?:19|20)\d{2}\s*\([^()]{1,20}\)")  # "2021 (baseline)", "2023 (actual)"


@TABLE_KIND.rule((_YEAR_COLUMNS.format("Share of services in GDP (%)", "63.5"), "share", "2024-01-20"),
                 (_YEAR_COLUMNS.format("Proportion of green buildings (%)", "70"), "share", "2024-01-20"),
                 (_YEAR_COLUMNS.format("Exports as a share of sales (%)", "24.5"), "share", "2024-01-20"),
                 ("Indicators\n\n| Indicator | 2022 (baseline) | 2025 |\n| Share of services in GDP (%) | [61.2] | 65 |\n", "share", "2023-03-01"))
def share_row(f: _CellFigure):
    """Under a column headed by a year, alone or with a note ('2022 (baseline)'), a row labelled as a share, proportion or
    percentage of a whole is a share."""
    return "share" if _year_headed(f) and _SHARE_HEADER.search(f.label) else SKIP


@TABLE_KIND.rule((_TABLE.format("[1,402.3]", "5.8"), "level", "2024-01-20"))
def table_amount(f: _CellFigure):
    """Any other cell of a table is an amount: a level."""
    return "level"


TABLE_APPROX: RuleTable[Approx] = RuleTable("approx", values=frozenset(get_args(Approx)))


@TABLE_APPROX.rule((_PLAN_TABLE.format("Forest coverage (%)", "18.5", "[≥20]"), ">=", "2021-08-10"),
                   (_PLAN_TABLE.format("Water use per 10,000 yuan of GDP (tons)", "11.2", "[≤9.5]"), "<=", "2021-08-10"),
                   (_PLAN_TABLE.format("Green buildings (%)", "60", "[>80]"), ">", "2021-08-10"))
def sign_in_cell(f: _CellFigure):
    """A sign of comparison before a cell's number ('≥98', '<5') bounds it: at least, at most, more or less than it."""
    return f.sign or SKIP


@TABLE_APPROX.rule((_TABLE.format("[1,402.3]", "5.8"), "=", "2024-01-20"))
def table_cell(f: _CellFigure):
    """A number in a table cell is written as it is: exact."""
    return "="


TABLE_PERIOD: RuleTable[Period | None] = RuleTable("period", values=Period)


@TABLE_PERIOD.rule((_PLAN_TABLE.format("Average annual growth of output (%)", "[7.5] (2016-2020)", "8"), "2016/2020", "2021-08-10"),
                   ("Indicator | 2022 | 2023\nRegional GDP (100 million yuan) | 1,300.1 | [1,402.3] (January-June)\n", "2023-H1", "2023-08-22"))
def note_time(f: _CellFigure):
    """A time in a note after a cell's number ('7.5 (2016-2020)', '1,402.3 (January-June)') is the time of that figure,
    whatever its column's heading says."""
    if f.note is None:
        return SKIP
    own = [p for p in f.phrases if f.note[0] <= p.start and p.end <= f.note[1]]
    return own[0].period if own else SKIP


@TABLE_PERIOD.rule(("Indicator | 2022 | 2023\nGDP (100 million yuan) | 1,300.1 | [1,402.3]\n", "2023", "2024-01-20"))
def year_column(f: _CellFigure):
    """A cell under a year's heading is of that year."""
    return Period.year(int(f.column.text)) if f.column is not None and _YEAR_CELL.fullmatch(f.column.text) else SKIP


@TABLE_PERIOD.rule(("Indicator | January-June | Growth (%)\nGDP (100 million yuan) | [702.3] | 5.8\n", "2024-H1", "2024-08-20"))
def column_time(f: _CellFigure):
    """A cell under a heading that names a time ('January-June') is of that time."""
    if f.column is None:
        return SKIP
    own = [p for p in f.phrases if f.column.start <= p.start and p.end <= f.column.end]
    return own[0].period if own else SKIP


@TABLE_PERIOD.rule((_TABLE.format("[1,402.3]", "5.8"), "2023", "2024-01-20"))
def table_time(f: _CellFigure):
    """Otherwise a cell is of the time the table's title or the text before it names (None if none)."""
    return f.table_period


TABLE_SUBJECT: RuleTable[str | None] = RuleTable("subject")


@TABLE_SUBJECT.rule(("Jiading: main indicators, 2023\n\nIndicator | Value\nGDP (100 million yuan) | [1,402.3]\n", "Jiading", "2024-01-20"),
                    ("Jiading grew.\n\nTable 1  Main indicators of Jiading Industrial Zone in 2023\n\nIndicator | Value\n"
                     "Output (100 million yuan) | [402.3]\n", "Jiading Industrial Zone", "2024-01-20"),
                    ("Action Plan of Jiading District for Building the Nanxiang Creative Harbor (2025-2027)\n\nThe Nanxiang Creative "
                     "Harbor will strive to grow.\n\nGoals by year:\n\nIndicator | 2025 | 2026\nFirms | [120] | 150\n",
                     "Nanxiang Creative Harbor", "2025-03-01"))
def table_owner(f: _CellFigure):
    """A table's figures are those of the park, zone, company or project its caption names ("Main indicators of
    Jiading Industrial Zone in 2023"), else the text's own: the place a plan is for, where the headline names a plan for a
    place its body speaks of ("Action Plan ... for Building the Nanxiang Creative Harbor"), else the district's (or the
    city's, in a city-level text)."""
    return f.district


_CURRENCY_FIRST = re.compile(r"(US\$|HK\$|\$|RMB|€|£|¥)\s*(\S.*)$")


def _cell_unit(column: tuple[float, str] | None, row: tuple[float, str] | None) -> tuple[float, str] | None:
    """A row label's own note names that row's unit, and wins over the note of the column's header, which says what
    most rows hold ("Actual use of foreign capital (US$100 million)" in a "Value (100 million yuan)" column); a column
    of percents ("Share (%)") stays in percent whatever the row's amount is measured in."""
    if column is not None and (row is None or column[1] == "percent"):
        return column
    return row


def _unit(heading: str) -> tuple[float, str] | None:
    """Scale and unit from a header's note: "(100 million yuan)" is 1e8 CNY, "(%)" percent, "(tons)" ton."""
    note = _UNIT_NOTE.search(heading)
    if note is None:
        return None
    words = (note.group(1) or note.group(2)).strip()
    currency = _CURRENCY_FIRST.match(words)  # "(US$ million)": the currency's sign goes before the number
    if words[:1].isdigit() or (currency and currency.group(2)[:1].isdigit()):
        probe = words  # "(100 million yuan)", "(RMB 100 million)"
    else:
        probe = f"{currency.group(1)}1 {currency.group(2)}" if currency else f"1 {words}"
    mentions = find_mentions(probe)
    if len(mentions) == 1 and mentions[0].start == 0 and mentions[0].end == len(probe) and mentions[0].unit:
        return mentions[0].value, mentions[0].unit
    if len(mentions) == 1 and mentions[0].start == 0 and mentions[0].unit is None and _COUNTED.fullmatch(probe[mentions[0].end:]):
        return mentions[0].value, "count"  # "(10,000 persons)", "(units)": what is counted, perhaps in tens of thousands
    return None


_COUNTED = re.compile(r"\s+" + alternation("counted_notes"), re.IGNORECASE)  # the name of what is counted, no unit


def _unit_column(header: list[Cell]) -> int | None:
    """The column of a header headed "Unit" (a statistics table's 计量单位): each row's cell there is that row's unit."""
    return next((k for k, c in enumerate(header) if c.text.strip(" :").lower() in _UNIT_HEADINGS), None)


_UNIT_HEADINGS = frozenset(word_class("unit_column_headings"))


def _is_number(cell: str) -> bool:
    return bool(_NUMBER.fullmatch(cell))


# A cell's figure may carry a sign of comparison before it ("≥98": at least 98) or a note after it ("8.2 (2016-2020)":
# the years the figure covers)
_FIGURE_CELL = re.compile(r"(?P<sign>[≥≤]|[<>]=?)?\s*(?P<number>" + _NUMBER.pattern + r")(?:\s*[(（](?P<note>[^()（）]{1,30})[)）])?")
_SIGNS = {"≥": ">=", ">=": ">=", ">": ">", "≤": "<=", "<=": "<=", "<": "<"}


def _is_figure(cell: str) -> bool:
    """A cell that holds one figure: a number, perhaps after a sign of comparison or before a note in brackets."""
    return bool(_FIGURE_CELL.fullmatch(cell))
