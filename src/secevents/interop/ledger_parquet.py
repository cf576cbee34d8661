"""An :class:`~secevents.EventLedger` on Parquet: every version and relation, one row each.

The ledger's records are written in the order they were added (``position``), each
with what a query needs without parsing JSON (``record``: ``"event"`` or
``"relation"``, ``id``, ``type``, ``modified``, ``reported``, ``revoked``, and a
relation's ``kind``, ``source_ref`` and ``target_ref``) and its wire JSON (``wire``),
from which :func:`read_ledger` rebuilds a ledger equal to the one written. DuckDB,
Polars and pandas read the file as it is: "which records changed in 2023?" is one
query. Needs the ``arrow`` extra.
"""

from __future__ import annotations

import os
from typing import Any, Final

from ..linking.ledger import EventLedger
from ..model.events import Event
from ..model.relation import Relation
from ..wire.serialize import dumps, loads
from .frames import _require

__all__ = ["LEDGER_COLUMNS", "read_ledger", "write_ledger"]

#: The columns of a ledger file, in order, with their Arrow types (names of pyarrow
#: type factories: pyarrow loads only when a ledger is written).
_COLUMNS: Final = (
    ("position", "int64"),
    ("record", "string"),
    ("id", "string"),
    ("type", "string"),
    ("modified", "timestamp"),
    ("reported", "string"),
    ("revoked", "bool_"),
    ("kind", "string"),
    ("source_ref", "string"),
    ("target_ref", "string"),
    ("wire", "string"),
)
#: The column names of a ledger file, in order.
LEDGER_COLUMNS: Final = tuple(name for name, _ in _COLUMNS)


def _schema(pa: Any) -> Any:
    def arrow_type(factory: str) -> Any:
        return pa.timestamp("us", tz="UTC") if factory == "timestamp" else getattr(pa, factory)()

    return pa.schema([(name, arrow_type(factory)) for name, factory in _COLUMNS])


def _row(position: int, record: Event | Relation) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(LEDGER_COLUMNS)
    row.update(position=position, id=record.id, wire=dumps(record))
    if isinstance(record, Event):
        row.update(
            record="event",
            type=record.type_tag,
            modified=record.modified,
            reported=str(record.reported) if record.reported is not None else None,
            revoked=record.revoked,
        )
    else:
        row.update(
            record="relation",
            type="relation",
            kind=str(record.kind),
            source_ref=record.source_ref,
            target_ref=record.target_ref,
        )
    return row


def write_ledger(ledger: EventLedger, path: str | os.PathLike[str]) -> int:
    """Write every version and relation of ``ledger`` to the Parquet file ``path``, in the
    order they were added; returns the number of rows.

    >>> import secevents as se, tempfile, os
    >>> drills = se.JointExercise(participants=(se.Actor.state("RUS"), se.Actor.state("TJK")))
    >>> ledger = se.EventLedger([drills])
    >>> path = os.path.join(tempfile.mkdtemp(), "ledger.parquet")
    >>> write_ledger(ledger, path), read_ledger(path) == ledger
    (1, True)
    """
    pa = _require("pyarrow", "arrow")
    parquet = _require("pyarrow.parquet", "arrow")
    rows = [_row(position, record) for position, record in enumerate(ledger.records())]
    table = pa.Table.from_pylist(rows, schema=_schema(pa))
    parquet.write_table(table, os.fspath(path))
    return int(table.num_rows)


def read_ledger(path: str | os.PathLike[str], *, strict: bool = False) -> EventLedger:
    """The ledger :func:`write_ledger` wrote to ``path``: equal to the one written.

    A record whose JSON does not read raises :class:`~secevents.ValidationError`
    naming its path.
    """
    parquet = _require("pyarrow.parquet", "arrow")
    table = parquet.read_table(os.fspath(path), columns=["position", "wire"])
    positions, wires = table.column("position").to_pylist(), table.column("wire").to_pylist()
    order = sorted(zip(positions, wires, strict=True))
    return EventLedger(loads(wire, strict=strict) for _, wire in order)
