"""The Spark recipe of docs/scale.md (examples/spark_store.py) on local[2], where Spark runs.

pyspark is not in the dev extra (a JVM and 300 MB): these tests skip without it or Java,
unless ``SECEVENTS_REQUIRE_SPARK=1`` (CI's Spark step) makes a missing one an error.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import secevents as se
from secevents.interop import read_parquet

if os.environ.get("SECEVENTS_REQUIRE_SPARK") == "1":
    import pyspark  # noqa: F401  (an ImportError fails the run instead of skipping it)

    if shutil.which("java") is None and "JAVA_HOME" not in os.environ:
        raise RuntimeError("SECEVENTS_REQUIRE_SPARK=1 but no Java runtime: set JAVA_HOME")
pytest.importorskip("pyspark")
if shutil.which("java") is None and "JAVA_HOME" not in os.environ:
    pytest.skip("Spark needs a Java runtime", allow_module_level=True)

EXAMPLES = Path(__file__).parent.parent / "examples"
sys.path.insert(0, str(EXAMPLES))
spark_store = pytest.importorskip("spark_store")

CORPUS = Path(__file__).parent / "data" / "corpus"


@pytest.fixture(scope="module")
def spark() -> Iterator[object]:
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = SparkSession.builder.master("local[2]").appName("secevents-tests").getOrCreate()
    session.sparkContext.addPyFile(str(EXAMPLES / "spark_store.py"))  # the executors import it
    yield session
    session.stop()


def test_the_recipe_writes_a_store_read_parquet_reads(spark: object, tmp_path: Path) -> None:
    docs = [json.loads(path.read_text()) for path in sorted(CORPUS.glob("d0*.json"))[:8]]
    rows = [(doc["text"], doc["published"]) for doc in docs]
    texts = spark.createDataFrame(rows, "text string, published string")  # type: ignore[attr-defined]
    store = tmp_path / "store"
    spark_store.write_store(texts, str(store))
    expected = [
        ev for doc in docs for ev in se.extract(doc["text"], published=doc["published"]).events
    ]
    back = list(read_parquet(store))
    assert len(expected) > 5
    assert sorted(map(se.dumps, back)) == sorted(map(se.dumps, expected))
    assert {ev.type_tag for ev in read_parquet(store, types="joint_exercise")} <= {"joint_exercise"}
