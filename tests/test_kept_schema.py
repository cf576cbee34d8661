"""Kept dataset columns are part of the schema: strict mode reads imported events (issue 16)."""

from __future__ import annotations

import importlib
import itertools
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import secevents as se
from secevents.interop.gdelt import read_gdelt
from secevents.interop.ucdp import read_ucdp
from secevents.model.extra import KEPT_DATASETS

DATA = Path(__file__).parent / "data" / "realdata"
GDELT = DATA / "gdelt" / "EVENT_V2_20260101000000_20260101000100.csv"
UCDP = DATA / "ucdp" / "ucdpged_sample_1000_from_uncertainUCDP.csv"
STRICT = jsonschema.Draft202012Validator(se.json_schema(strict=True))


def _imported() -> list[tuple[str, se.Event]]:
    gdelt = itertools.islice(read_gdelt(GDELT), 200)
    ucdp = itertools.islice(read_ucdp(UCDP), 200)
    return [("gdelt", event) for event in gdelt] + [("ucdp", event) for event in ucdp]


def test_every_reader_keeps_under_a_key_the_schema_knows() -> None:
    for name in ("acled", "gdelt", "icews", "plover", "ucdp"):
        module = importlib.import_module(f"secevents.interop.{name}")
        assert module._KEEPING.dataset in KEPT_DATASETS


def test_strict_mode_and_the_strict_schema_accept_imported_dataset_events() -> None:
    imported = _imported()
    assert len(imported) == 400
    kept = 0
    for dataset, event in imported:
        data = se.to_dict(event)
        kept += dataset in data
        assert se.from_dict(data, strict=True) == event
        errors = [error.message for error in STRICT.iter_errors(data)]
        assert errors == [], (event.id, errors)
    assert kept == 400  # every imported record keeps its codes and unmapped columns


def test_the_kept_object_is_documented_in_the_schema() -> None:
    schema = se.json_schema(strict=True)
    kept = schema["$defs"]["kept"]
    assert kept["type"] == "object" and "no field stands for" in kept["description"]
    assert "additionalProperties" not in kept  # any column, as read
    for cls in se.registry:
        properties = schema["$defs"][cls.__name__]["properties"]
        assert {properties[name]["$ref"] for name in KEPT_DATASETS} == {"#/$defs/kept"}
    one = se.event_schema(se.JointExercise, strict=True)
    assert one["properties"]["gdelt"] == {"$ref": "#/$defs/kept"} and "kept" in one["$defs"]


@pytest.mark.parametrize("value", [5, "columns", ["a"], None])
def test_kept_columns_must_be_an_object(value: Any) -> None:
    data = se.to_dict(_imported()[0][1])
    data["gdelt"] = value
    with pytest.raises(se.ValidationError, match=r"\$\.gdelt: kept columns are an object"):
        se.from_dict(data, strict=True)
    assert not STRICT.is_valid(data)


def test_other_unknown_keys_are_still_refused_in_strict_mode() -> None:
    data = se.to_dict(_imported()[0][1])
    data["gdelt_extra"] = {}
    with pytest.raises(se.ValidationError, match=r"\$\.gdelt_extra: unknown key \(strict mode\)"):
        se.from_dict(data, strict=True)
    assert not STRICT.is_valid(data)
    assert se.from_dict(data).extra[-1].key == "gdelt_extra"  # kept when not strict
