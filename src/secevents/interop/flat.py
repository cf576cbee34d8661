"""A flat CSV of events: one row per event, columns a spreadsheet user reads, and back.

Every field has readable columns (actors as ``"RUS; TJK"`` codes plus names,
quantities as value/low/high/qualifier, dates as EDTF plus day bounds). What
those columns cannot reproduce exactly goes into the last column, ``json``, as
the event's wire keys, so :func:`read_csv` gives back equal events.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Literal, TextIO, Unpack

import attrs

from .._once import load_once
from ..errors import ValidationError, shown
from ..model import _json
from ..model.events import Event
from ..model.registry import registry
from ..wire.serialize import from_dict, to_dict
from ..wire.versions import SCHEMA_VERSION
from ._columns import (
    MISSING,
    BadCellError,
    Cell,
    Spec,
    cell_text,
    csv_columns,
    specs_of,
    typed_row,
)
from ._dataset import ReadOptions, takes_read_options
from ._rows import EventReader, Source, Warn, read_table, surplus_cells, write_table
from ._tables import EXTRA_CELLS

__all__ = ["csv_columns", "csv_rows", "read_csv", "typed_row", "write_csv"]


@load_once
def _rank(cls: type[Event] | None) -> dict[str, int]:
    names = [f.name for f in attrs.fields(cls if cls is not None else Event) if f.name != "extra"]
    return {"type": 0, **{name: index for index, name in enumerate(names, start=1)}}


def _read_cells(
    cell: Cell, cls: type[Event] | None, tag: str, skip: Mapping[str, Any], warn: Warn | None
) -> tuple[dict[str, Any], dict[str, str]]:
    """The wire keys the flat columns give (but those in ``skip``), and the cells not read."""
    wire: dict[str, Any] = {"type": tag, "schema_version": SCHEMA_VERSION}
    bad: dict[str, str] = {}
    for spec in specs_of(cls):
        if spec.key in skip:
            continue
        try:
            value = spec.read(cell)
        except BadCellError as error:
            if warn is None:
                continue
            warn("bad_value", f"{error}; kept in the event's 'csv' data", column=error.column)
            bad.update((name, text) for name, _ in spec.columns if (text := cell(name)))
            continue
        if value is not MISSING:
            wire[spec.key] = value
    return wire, bad


def _same(a: Any, b: Any) -> bool:
    return _json.encode(a, sort_keys=True) == _json.encode(b, sort_keys=True)


def _residue(wire: dict[str, Any], flat: dict[str, Any], cls: type[Event] | None) -> dict[str, Any]:
    """The wire keys the flat columns do not reproduce, in wire order (``None``: remove)."""
    known = _rank(cls)
    keys = list(wire)
    chosen = {key for key in keys if key not in flat or not _same(flat[key], wire[key])}
    for index, key in enumerate(keys):
        if key not in known and index:  # an unknown key: keep the key it follows, to place it
            chosen.add(keys[index - 1])
    residue = {key: wire[key] for key in keys if key in chosen}
    residue.update((key, None) for key in flat if key not in wire)
    return residue


def _merge(
    flat: dict[str, Any], residue: Mapping[str, Any], cls: type[Event] | None
) -> dict[str, Any]:
    known = _rank(cls)
    slots: dict[str | None, list[str]] = {}
    anchor: str | None = None
    for key in residue:
        if key in known:
            anchor = key
        else:
            slots.setdefault(anchor, []).append(key)
    merged = {key: residue[key] for key in slots.get(None, ())}
    present = [
        k for k in {**flat, **residue} if k in known and residue.get(k, flat.get(k)) is not None
    ]
    for key in sorted(present, key=known.__getitem__):
        merged[key] = residue[key] if key in residue else flat[key]
        merged.update((extra, residue[extra]) for extra in slots.get(key, ()))
    return merged


def _row_of(event: Event, header: tuple[str, ...]) -> dict[str, Any]:
    wire = to_dict(event)
    surplus = _surplus(wire)
    cls = registry.get(event.type_tag)
    kinds: dict[str, str] = {}
    row = dict.fromkeys(header, "")
    specs = [spec for spec in specs_of(cls) if any(name in row for name, _ in spec.columns)]
    for spec in specs:
        kinds.update(spec.columns)
    for name, value in typed_row(wire, specs).items():
        if name in row:
            row[name] = value if name == "type" else cell_text(kinds[name], value)
    flat, _ = _read_cells(lambda name: row.get(name, ""), cls, event.type_tag, {}, None)
    residue = _residue(wire, flat, cls)
    if residue and "json" in row:
        row["json"] = _json.encode(residue).decode()
    if surplus is not None:
        row[EXTRA_CELLS] = surplus  # type: ignore[assignment]  # written after the last column
    return row


def _surplus(wire: dict[str, Any]) -> list[str] | None:
    """The cells a row read had beyond the header, taken out of ``wire``'s ``csv`` data."""
    kept = wire.get("csv")
    if not isinstance(kept, dict) or not isinstance(kept.get(EXTRA_CELLS), list):
        return None
    rest = {key: value for key, value in kept.items() if key != EXTRA_CELLS}
    if rest:
        wire["csv"] = rest
    else:
        del wire["csv"]
    return [cell if isinstance(cell, str) else str(cell) for cell in kept[EXTRA_CELLS]]


def csv_rows(
    events: Iterable[Event], *, types: Iterable[type[Event]] | None = None
) -> Iterator[dict[str, Any]]:
    """The flat rows of ``events`` (all cells text; columns :func:`csv_columns` of ``types``).

    >>> import secevents as se
    >>> ev = se.JointExercise(participants=(se.Actor.state("RUS"), se.Actor.state("TJK")))
    >>> row = next(csv_rows([ev]))
    >>> row["type"], row["participants"], row["json"]
    ('joint_exercise', 'RUS; TJK', '')
    """
    header = csv_columns(types)
    for event in events:
        yield _row_of(event, header)


def write_csv(
    events: Iterable[Event],
    target: str | os.PathLike[str] | TextIO,
    *,
    types: Iterable[type[Event]] | None = None,
    escape_formulas: bool = True,
) -> int:
    """Write ``events`` as a flat CSV (UTF-8, with a header); returns the rows written.

    ``types`` chooses which types' own columns the header has (default: every
    registered type); fields without a column are carried by ``json``. Cells a
    spreadsheet would run as a formula get a leading ``'`` (see
    :func:`~secevents.interop._write.write_table`); :func:`read_csv` takes it off.
    """
    header = csv_columns(types)
    rows = (_row_of(event, header) for event in events)
    return write_table(
        rows,
        target,
        header,
        header=True,
        delimiter=",",
        fixed_columns=True,
        escape_formulas=escape_formulas,
    )


@takes_read_options
def read_csv(
    source: Source,
    *,
    unknown: Literal["skip", "keep"] = "skip",
    delimiter: str = ",",
    **options: Unpack[ReadOptions],
) -> EventReader[dict[str, Any]]:
    """Events from a flat CSV (a path, or rows as dicts): the inverse of :func:`write_csv`.

    Hand-made files work too: only ``type`` is required. Bad cells give a
    warning and are kept in the event's ``"csv"`` data; rows that cannot make a
    valid event are skipped with a warning. ``unknown="keep"`` reads rows of an
    unregistered type as :class:`~secevents.UnknownEvent`. ``options``: see
    :class:`~secevents.interop.ReadOptions`.

    >>> import secevents as se
    >>> reader = read_csv([{"type": "statement", "date": "2021-10-27", "speaker": "TJK"}])
    >>> [(ev.speaker.code, str(ev.date)) for ev in reader]
    [('TJK', '2021-10-27')]
    """
    return read_table(
        source,
        functools.partial(_convert, unknown=unknown),
        delimiter=delimiter,
        **options,
    )


def _text(value: Any) -> str:
    return "" if value is None else value if isinstance(value, str) else str(value)


def _convert(row: dict[str, Any], warn: Warn, *, unknown: str) -> Event | None:
    tag = _text(row.get("type")).strip()
    cls = registry.get(tag)
    if not tag or (cls is None and unknown != "keep"):
        warn(
            "skipped_row",
            f"{shown(tag)} is not a registered event type; row skipped",
            column="type",
        )
        return None
    residue: dict[str, Any] = {}
    kept: dict[str, Any] = {}
    if text := _text(row.get("json")):
        try:
            decoded = _json.decode(text)
            residue = decoded.value
            if not isinstance(residue, dict):
                raise _json.JSONError("$", "not a JSON object")
        except _json.JSONError as error:
            warn("bad_value", f"not a JSON object ({error}); kept in the 'csv' data", column="json")
            residue, kept["json"] = {}, text
        else:
            for path in decoded.duplicates:
                warn("bad_value", f"{path}: duplicate key (the last value is used)", column="json")

    def cell(name: str) -> str:
        return _text(row.get(name))

    flat, bad = _read_cells(cell, cls, tag, residue, warn)
    kept.update(bad)
    specs = specs_of(cls)
    _check_overridden(cell, specs, residue, warn)
    used = {"type", "json", EXTRA_CELLS} | {name for spec in specs for name, _ in spec.columns}
    surplus = surplus_cells(row, warn)
    if surplus is not None:
        kept[EXTRA_CELLS] = surplus
    for name, value in row.items():
        if name not in used and _text(value):
            warn(
                "unmapped_column",
                f"{shown(name)} is not a column of {shown(tag)}; kept in 'csv' data",
                column=name,
            )
            kept[name] = value
    merged = _merge(flat, residue, cls)
    if kept:
        earlier = merged.get("csv")  # what a row written back from a read row carries
        if isinstance(earlier, dict):
            kept = {**earlier, **kept}
        elif earlier is not None:
            message = f"the json column's 'csv' value {shown(earlier)} is replaced by this row's"
            warn("bad_value", message, column="json")
        merged["csv"] = kept
    try:
        return from_dict(merged, Event, unknown="keep") if cls is None else from_dict(merged, cls)
    except ValidationError as error:
        warn("skipped_row", f"row skipped: {error}")
        return None


def _check_overridden(
    cell: Cell, specs: Iterable[Spec], residue: Mapping[str, Any], warn: Warn
) -> None:
    """Warn where a cell was edited although the json column holds its key."""
    for spec in specs:
        if spec.key not in residue:
            continue
        value = residue[spec.key]
        typed = dict.fromkeys((name for name, _ in spec.columns), None)
        if value is not None:
            try:
                typed.update(spec.typed(value))
            except (KeyError, TypeError, ValueError, AttributeError):
                continue  # not a valid value: reading the event names it
        for name, kind in spec.columns:
            if cell(name) and cell(name) != cell_text(kind, typed[name]):
                warn(
                    "cell_ignored",
                    f"the json column holds {shown(spec.key)}; this cell was not used",
                    column=name,
                )
