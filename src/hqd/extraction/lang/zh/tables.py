"""Tables in Chinese text: a cell's figure read by its row and column headers.

The HTML reader writes a data table's row as one line "label | 1402.3 | 5.8"; plain-text and Markdown tables look
the same (the row finder is the English module's: it knows nothing of language). Facts of Chinese tables encoded
here: the unit is a note in brackets after a row label or column header ("地区生产总值(亿元)", "比上年增长(%)") or a
column headed 单位; a column headed 增长 增速 比上年 同比 ± holds changes (环比: against the period before; 年均:
average yearly), one headed 比重 占比 holds shares; a column headed with a year ("2023年") dates its cells, else the
table takes the period in force where it stands (a title's "2024年1-8月"); a row labelled with a district is that
district's. A communiqué copied from a PDF sets its columns apart by spaces instead ("行业 产值(亿元) 比上年增长(%)"
over "电子信息产品制造业 2684.1 2.6").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ....model import Basis, Kind, Period, Quantity, Unit
from ...tables import Cell, find_tables, gap_tables
from .lexicon import alternation, load
from .numerals import parse_digits

_UNITS = load("units")
_UNIT_WORD = {w: tuple(v) for w, v in _UNITS["units"].items()}
_SCALES = _UNITS["scales"]
_NOTE = re.compile(r"[(（]\s*(?:单位\s*[:：]\s*)?([^()（）]{1,12})\s*[)）]")
_NOTE_UNIT = re.compile(r"^(?P<scale>" + alternation(_SCALES) + r")?(?P<unit>" + alternation(list(_UNIT_WORD) + _UNITS["counters"]) + r")$")
_NUMBER = re.compile(r"^[-－−+]?[0-9０-９]+(?:,[0-9]{3})*(?:[.．][0-9０-９]+)?\s*[%％]?$")
_YEAR = re.compile(r"^\s*((?:19|20)\d{2})\s*年?(?:末|底)?\s*$")
_CHANGE = re.compile(r"增长|增長|增速|增幅|比上年|同比|环比|年均|±|变化|變化|增减|增減")
_SHARE = re.compile(r"比重|占比|佔比|构成|構成")
_DISTRICTS = load("districts")["districts"]
_DISTRICT = re.compile(r"^(" + alternation(_DISTRICTS) + r")(?:新区|区)?$")


def chinese_tables(text: str) -> list[list[list[Cell]]]:
    """Tables of bars ("label | 1402.3 | 5.8") and tables set apart by spaces."""
    return (find_tables(text) if "|" in text else []) + spaced_tables(text)


# a table laid out with spaces (a communiqué copied from a PDF or a Word page): a header line of column names, one
# holding a unit note ("行业 产值(亿元) 比上年增长(%)"), then rows of a label and as many numbers
_GAP = re.compile(r"[ \u3000\t]+")
_SPACED_NUMBER = re.compile(r"[-－−+]?[0-9０-９]+(?:,[0-9]{3})*(?:[.．][0-9０-９]+)?[%％]?")


def _spaced_cells(text: str, start: int, end: int) -> list[Cell]:
    cells, pos = [], start
    for piece in _GAP.split(text[start:end]):
        at = text.find(piece, pos, end) if piece else -1
        if piece and at >= 0:
            cells.append(Cell(at, at + len(piece), piece))
            pos = at + len(piece)
    return cells


def spaced_tables(text: str) -> list[list[list[Cell]]]:
    """Tables whose columns are set apart by spaces: a header of two or more names, one with a unit note in brackets,
    then rows of a label followed by one number for each other column (blank lines between rows allowed)."""
    return gap_tables(text, _spaced_cells,
                      lambda header: (len(header) >= 2 and any(_NOTE.search(c.text) for c in header[1:])
                                      and not any(_SPACED_NUMBER.fullmatch(c.text) for c in header)),
                      lambda cells: not _SPACED_NUMBER.fullmatch(cells[0].text) and all(
                          _SPACED_NUMBER.fullmatch(c.text) for c in cells[1:]),
                      rows_touch=False)


def _unit_of(note: str | None) -> tuple[Unit, float] | None:
    if not note:
        return None
    note = note.strip()
    if note in ("%", "％"):
        return ("percent", 1.0)
    m = _NOTE_UNIT.match(note)
    if not m:
        return None
    word = m.group("unit")
    unit, factor = _UNIT_WORD.get(word, ("count", 1))
    return unit, float(factor) * (_SCALES[m.group("scale")] if m.group("scale") else 1.0)


def _note(cell: Cell) -> str | None:
    m = _NOTE.search(cell.text)
    return m.group(1) if m else None


@dataclass(slots=True)
class _Layout:
    """What a table's header says about all its cells."""

    header: list[Cell]
    unit_column: int | None  # a column headed 单位 holds each row's unit
    frame: Period | None  # the period of cells whose column names no year


def _layout(rows: list[list[Cell]], period_at) -> _Layout | None:
    """The header (the first row with no number after its label), its 单位 column, and the table's period: the one
    in force where it stands, or the year of its only year column (its changes are of that year too)."""
    header = next((r for r in rows if not any(_NUMBER.match(c.text) for c in r[1:])), None)
    if header is None:
        return None
    unit_column = next((j for j, c in enumerate(header) if c.text.strip() in ("单位", "計量單位", "计量单位", "單位")), None)
    frame = period_at(rows[0][0].start)
    years = [m.group(1) for c in header[1:] if (m := _YEAR.match(_NOTE.sub("", c.text)))]
    if len(years) == 1:
        frame = years[0]
    return _Layout(header, unit_column, frame)


def table_quantities(text: str, tables, period_at, district: str | None) -> tuple[list[Quantity], list[tuple[int, int]]]:
    """The figures of each table, and the spans it read (so the prose reader leaves them)."""
    out: list[Quantity] = []
    for rows in tables:
        layout = _layout(rows, period_at)
        if layout is None:
            continue
        for row in rows:
            if row is not layout.header and row and row[0].text:
                out.extend(_row_quantities(text, row, layout, district))
    return out, [(q.start, q.end) for q in out]


def _row_quantities(text: str, row: list[Cell], layout: _Layout, district: str | None) -> list[Quantity]:
    """A row's figures: its label is the metric (or the district, for a row of a district), its note the unit."""
    label = row[0].text
    metric = _NOTE.sub("", label).strip() or None
    d = _DISTRICT.match(metric or "")
    subject = _DISTRICTS[d.group(1)] if d else district
    row_unit = _unit_of(_note(row[0]))
    if layout.unit_column is not None and layout.unit_column < len(row):
        row_unit = _unit_of(row[layout.unit_column].text) or row_unit
    out: list[Quantity] = []
    for j, cell in enumerate(row[1:], start=1):
        if j == layout.unit_column or not _NUMBER.match(cell.text):
            continue
        head = layout.header[j].text if j < len(layout.header) else ""
        unit = _cell_unit(cell, layout.header, j, row_unit)
        if unit is None:
            continue
        kind = _cell_kind(head, label, unit[0])
        basis: Basis | None = None
        if kind == "change":
            basis = "sequential" if "环比" in head else "annual_avg" if "年均" in head else "yoy"
            if d is None and metric and _CHANGE.search(label) and not _CHANGE.search(head):
                metric = _CHANGE.split(metric)[0] or metric  # "地区生产总值增长(%)": the metric is what grew
        year = _YEAR.match(_NOTE.sub("", head))
        period = Period.year(int(year.group(1))) if year else layout.frame
        out.append(_cell_quantity(text, cell, unit, kind, basis, metric, period, subject))
    return out


def _cell_unit(cell: Cell, header: list[Cell], j: int, row_unit: tuple[Unit, float] | None) -> tuple[Unit, float] | None:
    """A cell's unit: its own % sign, else its column header's note, else its row's."""
    if cell.text.rstrip().endswith(("%", "％")):
        return ("percent", 1.0)
    return (_unit_of(_note(header[j])) if j < len(header) else None) or row_unit


def _cell_kind(head: str, label: str, unit: str) -> Kind:
    """A column headed 增长/同比 holds changes, one headed 比重/占比 shares; a percentage in a row labelled with a
    change word (地区生产总值增长) is a change too."""
    kind: Kind = "change" if _CHANGE.search(head) else "share" if _SHARE.search(head) else "level"
    if kind == "level" and unit == "percent" and _CHANGE.search(label):
        kind = "change"
    return kind


def _cell_quantity(text: str, cell: Cell, unit: tuple[Unit, float], kind: Kind, basis: Basis | None, metric: str | None,
                   period: Period | None, subject: str | None) -> Quantity:
    number = cell.text.rstrip("%％ ").strip()
    value = parse_digits(number.replace("－", "-").replace("−", "-").lstrip("+")) * unit[1]
    end = cell.start + len(cell.text.rstrip())
    q = Quantity(cell.start, end, text[cell.start:end], float(f"{value:.12g}"), unit[0], kind, basis, "=", metric, period,
                 subject)
    # a cell's attributes come from its headers: the column's word (增长, 比重), the row's label, the table's year
    q.why.update({"kind": "kind.table_column", "basis": "basis.table_column" if kind == "change" else "basis.not_a_change",
                  "approx": "approx.table_cell", "metric": "metric.table_row_label", "period": "period.table_header",
                  "subject": "subject.table_row"})
    return q
