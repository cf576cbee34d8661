"""secevents on Dask: extraction and dataset imports over many cores or machines.

Needs the ``dask`` extra (``pip install 'secevents[dask]'``). Every function here
builds a lazy Dask collection whose partitions run the library's serial code, so
the results equal what one process gives:

- :func:`extract`: a bag of texts to a bag of :class:`~secevents.Report`;
- :func:`read_events` / :func:`read_gdelt`: many files to a bag of events, one
  partition per file; :func:`read_frame`: to a Dask DataFrame (``from_map``);
- :func:`to_dataframe`: a bag of events (or reports) to a Dask DataFrame with a
  fixed ``meta``: the columns of :func:`secevents.interop.to_dataframe`;
- :func:`write_parquet`: a bag of events into the Parquet event store
  (:func:`secevents.interop.write_parquet`), each partition written in parallel;
- :func:`cluster`: a bag of events to a bag of duplicate groups, the events
  shuffled by kind (:func:`kind_key`) and each kind clustered in one task.
"""

from __future__ import annotations

from ._bags import extract, read_events, read_gdelt
from ._cluster import cluster, kind_key
from ._tables import dataframe_meta, read_frame, to_dataframe, write_parquet

__all__ = [
    "cluster",
    "dataframe_meta",
    "extract",
    "kind_key",
    "read_events",
    "read_frame",
    "read_gdelt",
    "to_dataframe",
    "write_parquet",
]
