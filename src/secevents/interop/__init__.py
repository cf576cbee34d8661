"""Reading and writing the field's datasets and formats.

Importers (``read_gdelt``, ``read_plover``, ``read_ucdp``, ``read_icews``,
``read_acled``, ``read_csv``) take a path or an iterable of rows and return an
:class:`EventReader`: a lazy iterator of events whose ``warnings`` and
``stats`` say what was repaired, skipped or kept as a :class:`~secevents.CodedEvent`.
Columns that have no field are kept on the event, so writing back to the same
format loses nothing. Exporters: ``write_csv``, ``to_geojson``,
``to_dataframe``, ``to_plover``, ``to_cloudevent``. The Parquet event store:
``write_parquet``, ``read_parquet`` (events), ``read_parquet_table`` (Arrow).
Dataset rows straight to Arrow, without events: ``read_gdelt_table``,
``read_ucdp_table``, ``read_icews_table``, ``read_acled_table``, ``read_plover_table``.

Names are imported on first use: optional dependencies (pandas, pyarrow) load
only when their exporter is called.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._keep import kept_columns
from ._rows import EventReader, ReadStats, RowWarning, dataset_event_id

if TYPE_CHECKING:
    from ._columnar import ArrowRead
    from ._dataset import ReadOptions
    from ._plover_table import read_plover_table
    from .acled import read_acled, read_acled_table, write_acled
    from .cameo import CameoCode, cameo_table, suggest_cameo
    from .cloudevents import cloudevent_type, from_cloudevent, to_cloudevent
    from .flat import csv_columns, csv_rows, read_csv, write_csv
    from .frames import to_arrow, to_dataframe
    from .gdelt import read_gdelt, read_gdelt_table, write_gdelt
    from .geojson import to_geojson
    from .icews import read_icews, read_icews_table, write_icews
    from .ledger_parquet import read_ledger, write_ledger
    from .parquet import parquet_dataset, read_parquet, read_parquet_table, write_parquet
    from .plover import plover_records, read_plover, to_plover, write_plover
    from .ucdp import read_ucdp, read_ucdp_table, write_ucdp

_LAZY: dict[str, str] = {
    "ReadOptions": "_dataset",
    "read_acled": "acled",
    "read_acled_table": "acled",
    "write_acled": "acled",
    "CameoCode": "cameo",
    "cameo_table": "cameo",
    "suggest_cameo": "cameo",
    "to_cloudevent": "cloudevents",
    "from_cloudevent": "cloudevents",
    "cloudevent_type": "cloudevents",
    "read_csv": "flat",
    "csv_rows": "flat",
    "csv_columns": "flat",
    "write_csv": "flat",
    "to_arrow": "frames",
    "to_dataframe": "frames",
    "write_parquet": "parquet",
    "write_ledger": "ledger_parquet",
    "read_ledger": "ledger_parquet",
    "read_parquet": "parquet",
    "read_parquet_table": "parquet",
    "parquet_dataset": "parquet",
    "read_gdelt": "gdelt",
    "read_gdelt_table": "gdelt",
    "ArrowRead": "_columnar",
    "write_gdelt": "gdelt",
    "to_geojson": "geojson",
    "read_icews": "icews",
    "read_icews_table": "icews",
    "write_icews": "icews",
    "read_plover": "plover",
    "read_plover_table": "_plover_table",
    "to_plover": "plover",
    "plover_records": "plover",
    "write_plover": "plover",
    "read_ucdp": "ucdp",
    "read_ucdp_table": "ucdp",
    "write_ucdp": "ucdp",
}

__all__ = [
    "ArrowRead",
    "CameoCode",
    "EventReader",
    "ReadOptions",
    "ReadStats",
    "RowWarning",
    "cameo_table",
    "cloudevent_type",
    "csv_columns",
    "csv_rows",
    "dataset_event_id",
    "from_cloudevent",
    "kept_columns",
    "parquet_dataset",
    "plover_records",
    "read_acled",
    "read_acled_table",
    "read_csv",
    "read_gdelt",
    "read_gdelt_table",
    "read_icews",
    "read_icews_table",
    "read_ledger",
    "read_parquet",
    "read_parquet_table",
    "read_plover",
    "read_plover_table",
    "read_ucdp",
    "read_ucdp_table",
    "suggest_cameo",
    "to_arrow",
    "to_cloudevent",
    "to_dataframe",
    "to_geojson",
    "to_plover",
    "write_acled",
    "write_csv",
    "write_gdelt",
    "write_icews",
    "write_ledger",
    "write_parquet",
    "write_plover",
    "write_ucdp",
]


def __getattr__(name: str) -> Any:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module_name}"), name)
    globals()[name] = value
    return value
