"""Export every table of the store, one file per table, as CSV, JSON Lines or Parquet."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

from ..output import safe_cell
from .database import connection
from .schema import TABLES

FORMATS = ("csv", "jsonl", "parquet")


def export_store(conn: sqlite3.Connection, out_dir: Path, fmt: str) -> list[Path]:
    conn = connection(conn)  # a Store or its connection
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for table in TABLES:  # constants, never user input
        cur = conn.execute(f"SELECT * FROM {table} ORDER BY rowid")
        columns = [c[0] for c in cur.description]
        path = out_dir / f"{table}.{fmt}"
        tmp = path.with_suffix(path.suffix + ".tmp")
        if fmt == "csv":
            with tmp.open("w", newline="", encoding="utf-8") as f:
                writer = csv.writer(f)
                writer.writerow(columns)
                writer.writerows([safe_cell(v) for v in row] for row in cur)
        elif fmt == "jsonl":
            with tmp.open("w", encoding="utf-8") as f:
                for row in cur:
                    f.write(json.dumps(dict(zip(columns, row)), ensure_ascii=False) + "\n")
        else:
            import pyarrow as pa
            import pyarrow.parquet as pq

            rows = [dict(zip(columns, row)) for row in cur]
            table_data = pa.Table.from_pylist(rows) if rows else pa.table({c: pa.array([], pa.string()) for c in columns})
            pq.write_table(table_data, tmp)
        tmp.replace(path)  # a reader never sees a half-written file
        written.append(path)
    return written
