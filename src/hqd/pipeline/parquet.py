"""The four tables as Parquet datasets, Hive-partitioned by language and year (``OUT/quantities/language=zh/year=2023/``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.dataset as ds

from .records import SCHEMAS, TABLES

PARTITIONS = ("language", "year")
NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"  # what Spark and Hive write for a null partition value


def _partitioning() -> ds.Partitioning:
    return ds.HivePartitioning(pa.schema([("language", pa.string()), ("year", pa.int32())]), null_fallback=NULL_PARTITION)


def write_tables(tables: dict[str, pa.Table], out: str | Path) -> None:
    for name in TABLES:
        ds.write_dataset(tables[name], Path(out) / name, format="parquet", partitioning=_partitioning(),
                         existing_data_behavior="delete_matching")


def read_tables(folder: str | Path) -> dict[str, list[dict[str, Any]]]:
    """Rows of each table, in the schema's column order, whichever runner wrote them."""
    out: dict[str, list[dict[str, Any]]] = {}
    for name in TABLES:
        path = Path(folder) / name
        if not path.exists():
            out[name] = []
            continue
        dataset = ds.dataset(path, format="parquet", partitioning=_partitioning(), schema=SCHEMAS[name])
        out[name] = dataset.to_table(columns=SCHEMAS[name].names).to_pylist()
    return out
