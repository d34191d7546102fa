"""The Spark runner: the same extraction, run by Spark's Python workers with ``mapInArrow``, written as Parquet.

Needs the ``spark`` extra (pyspark) and a Java runtime. Runs in local mode here (``--master local[2]``) and
unchanged on a cluster (``--master spark://...``, ``yarn``); inputs are any path Spark can read.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Iterator

import pyarrow as pa

from .batch import ExtractFailure, extract_records
from .records import SCHEMAS, TABLES

_KEY = ("doc_sha256", "language", "year")


def _nested_schema() -> pa.Schema:
    """One row per input: the document's columns, its facts as lists of structs, and the failure (if any)."""
    fields = list(SCHEMAS["documents"])
    for name in TABLES[1:]:
        fields.append(pa.field(name, pa.list_(pa.struct([f for f in SCHEMAS[name] if f.name not in _KEY]))))
    fields.append(pa.field("failure", pa.string()))
    return pa.schema(fields)


def _source_name(path: str) -> str:
    """Spark names local files 'file:/abs/path'; the local runner names them '/abs/path'."""
    return path[len("file:"):] if path.startswith("file:/") else path


def extract_partition(batches: Iterator[pa.RecordBatch], max_bytes: int) -> Iterator[pa.RecordBatch]:
    schema = _nested_schema()
    for batch in batches:
        rows = []
        for source, raw in zip(batch.column("source").to_pylist(), batch.column("raw").to_pylist()):
            name = _source_name(source)
            result = extract_records(name, raw or b"", max_bytes)
            if isinstance(result, ExtractFailure):
                rows.append({"source": name, "failure": result.reason})
                continue
            row = dict(result["documents"][0])
            for table in TABLES[1:]:
                row[table] = [{k: v for k, v in r.items() if k not in _KEY} for r in result[table]]
            rows.append(row)
        yield pa.RecordBatch.from_pylist(rows, schema=schema)


def run_spark(inputs: list[str], out: str, max_bytes: int, master: str | None = None, input_format: str = "files",
              text_column: str = "text", source_column: str = "source") -> tuple[int, list[ExtractFailure]]:
    """Extract every input into ``out`` (four Parquet tables partitioned by language and year); (documents, failures)."""
    from pyspark.sql import SparkSession, functions as F
    from pyspark.sql.pandas.types import from_arrow_schema

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # Spark's workers would otherwise run the system Python
    builder = SparkSession.builder.appName("hqd extract").config("spark.ui.enabled", "false") \
        .config("spark.ui.showConsoleProgress", "false") \
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "64").config("spark.sql.session.timeZone", "UTC")
    if master:
        builder = builder.master(master)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    try:
        if input_format == "files":
            frame = spark.read.format("binaryFile").option("recursiveFileLookup", "true") \
                .option("pathGlobFilter", "*.{txt,html,htm,TXT,HTML,HTM}").load([str(Path(p).resolve()) if "://" not in p else p for p in inputs])
            frame = frame.select(F.col("path").alias("source"), F.col("content").alias("raw"))
        else:
            frame = spark.read.parquet(*inputs).select(F.col(source_column).cast("string").alias("source"),
                                                       F.encode(F.col(text_column), "UTF-8").alias("raw"))
        limit = max_bytes
        nested = frame.mapInArrow(lambda batches: extract_partition(batches, limit), from_arrow_schema(_nested_schema())).cache()
        failures = [ExtractFailure(r["source"], r["failure"]) for r in nested.filter(F.col("failure").isNotNull())
                    .select("source", "failure").collect()]
        documents = nested.filter(F.col("failure").isNull())
        key = [F.col(k) for k in _KEY]
        tables = {"documents": documents.select(*SCHEMAS["documents"].names)}
        for name in TABLES[1:]:
            tables[name] = documents.select(*key, F.explode(name).alias("row")).select(*key, "row.*")
        for name, frame_out in tables.items():
            frame_out.write.mode("overwrite").partitionBy("language", "year").parquet(str(Path(out) / name))
        count = documents.count()
        nested.unpersist()
        return count, failures
    finally:
        spark.stop()
