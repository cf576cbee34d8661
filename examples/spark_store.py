"""Spark recipe: events extracted from a Spark DataFrame of texts into the secevents Parquet store.

Run as a script (needs pyspark and a Java runtime)::

    python examples/spark_store.py CORPUS_DIR STORE_DIR

It reads the corpus reports (JSON files with ``text`` and ``published``), extracts
their events on ``local[2]`` and writes the store, then reads it back with
:func:`secevents.interop.read_parquet`. The functions below are the recipe; the
tests run them when pyspark and Java are there.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

import secevents as se
from secevents.interop import read_parquet
from secevents.interop.frames import arrow_schema, event_batches
from secevents.interop.parquet import WIRE

# --- recipe

#: The types whose columns the store has: the same on the driver and every executor (an
#: executor knows only the types its Python imports). Events keep everything in ``wire``.
TYPES = (
    se.BaseConstruction,
    se.JointExercise,
    se.DiplomaticCommunique,
    se.Statement,
    se.CodedEvent,
)


def store_schema() -> pa.Schema:
    """The store's columns (to_arrow's plus the wire JSON) and ``year``, a partition."""
    _, schema = arrow_schema(TYPES, wire=WIRE)
    return schema.append(pa.field("year", pa.int32()))


def extract_batches(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """For ``mapInArrow``: batches of ``text`` (and ``published``) to batches of events."""
    kinds, schema = arrow_schema(TYPES, wire=WIRE)
    for batch in batches:
        texts = batch.column("text").to_pylist()
        names = batch.schema.names
        published = batch.column("published").to_pylist() if "published" in names else None
        reports = se.extract_many(texts, published=published)
        events = [event for report in reports for event in report.events]
        for out in event_batches(events, kinds, schema, 10_000):
            year = pc.year(out.column("date_start")).cast(pa.int32())
            yield out.append_column("year", year)


def write_store(texts: Any, path: str) -> None:
    """Extract the events of a Spark DataFrame with a ``text`` column into the store at ``path``."""
    from pyspark.sql.pandas.types import from_arrow_schema

    events = texts.mapInArrow(extract_batches, from_arrow_schema(store_schema()))
    events.write.partitionBy("type", "year").mode("append").parquet(path)


# --- end of the recipe


def main(corpus: Path, store: Path) -> int:
    from pyspark.sql import SparkSession

    # The executors' Python must have secevents installed: here, this one.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = SparkSession.builder.master("local[2]").appName("secevents").getOrCreate()
    try:
        docs = [json.loads(path.read_text()) for path in sorted(corpus.glob("*.json"))]
        rows = [(doc["text"], doc["published"]) for doc in docs]
        texts = spark.createDataFrame(rows, "text string, published string")
        write_store(texts, str(store))
    finally:
        spark.stop()
    count = sum(1 for _ in read_parquet(store))
    print(f"{count} events from {len(docs)} reports in {store}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
