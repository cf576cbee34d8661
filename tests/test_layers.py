"""The layout (docs/architecture.md): old module paths, the model's own record form, ``dir``."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import secevents as se
from secevents._moved import MOVED
from secevents.model._record import record_dict

SRC = Path(__file__).resolve().parent.parent / "src" / "secevents"


def _run(code: str) -> str:
    """Run ``code`` in a fresh interpreter (old paths are imported once per process)."""
    done = subprocess.run(
        [sys.executable, "-W", "error::DeprecationWarning", "-c", code],
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout + done.stderr


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("secevents.events", "secevents.model.events"),
        ("secevents.serialize", "secevents.wire.serialize"),
        ("secevents.collection", "secevents.notebook.collection"),
        ("secevents.similarity", "secevents.linking.similarity"),
        ("secevents._report_html", "secevents.notebook._report_html"),
    ],
)
def test_an_old_module_path_warns_and_is_the_new_module(old: str, new: str) -> None:
    code = f"""
import warnings, importlib, {new} as new
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    old = importlib.import_module("{old}")
print(old is new, new.__spec__.name, [str(w.category.__name__) for w in caught])
print(caught[0].message)
"""
    out = _run(code).splitlines()
    assert out[0] == f"True {new} ['DeprecationWarning']"
    assert out[1].startswith(f"{old} is deprecated") and f"import {new}" in out[1]


def test_from_an_old_path_import_a_name_warns_at_the_importing_line() -> None:
    code = """
import warnings
warnings.simplefilter("always")
with warnings.catch_warnings(record=True) as caught:
    from secevents.serialize import dumps
    from secevents.events import Statement
import secevents as se
print(dumps is se.dumps, Statement is se.Statement, [(w.filename, w.lineno) for w in caught])
"""
    assert _run(code).strip() == "True True [('<string>', 5), ('<string>', 6)]"


def test_an_old_path_does_not_hide_the_public_name_it_shares() -> None:
    # secevents.registry (module) vs se.registry (the registry); likewise similarity.
    code = """
import warnings
warnings.simplefilter("ignore")
import secevents as se
import secevents.registry, secevents.similarity
print(type(se.registry).__name__, type(se.similarity).__name__)
"""
    assert _run(code).strip() == "EventRegistry function"


def test_an_old_path_as_an_attribute_warns() -> None:
    with pytest.warns(DeprecationWarning, match=r"secevents\.schema is deprecated"):
        module = se.schema
    assert module.json_schema is se.json_schema


def test_no_module_of_secevents_imports_an_old_path() -> None:
    found = []
    for path in SRC.rglob("*.py"):
        package = ".".join(path.relative_to(SRC.parent).with_suffix("").parts)
        if path.name != "__init__.py":
            package = package.rpartition(".")[0]
        else:
            package = package.removesuffix(".__init__")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                base = node.module or ""
                if node.level:
                    parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*parts, *([node.module] if node.module else [])])
                names = [base, *(f"{base}.{alias.name}" for alias in node.names)]
            found += [f"{path.name}:{node.lineno} {name}" for name in names if name in MOVED]
    assert found == []


def test_every_moved_path_names_an_existing_module() -> None:
    for new in MOVED.values():
        assert (SRC.parent / (new.replace(".", "/") + ".py")).is_file(), new


def test_dir_of_the_package_is_the_public_api() -> None:
    names = dir(se)
    assert set(se.__all__) <= set(names)
    for hidden in ("Any", "TYPE_CHECKING", "annotations", "importlib", "sys", "warnings"):
        assert hidden not in names
    assert [name for name in names if name.startswith("_") and name != "__version__"] == []
    assert [name for name in names if not hasattr(se, name)] == []


@given(st.from_type(se.Event))
def test_the_record_form_of_ids_is_the_wire_form(event: se.Event) -> None:
    assert record_dict(event) == se.to_dict(event)


def test_the_record_form_keeps_unknown_keys_in_place() -> None:
    data = {"type": "statement", "x-first": 1, "content": "Yes.", "x-after": [1, {"a": None}]}
    event = se.parse(data)
    report = se.Report(id="r1", text="Yes.", events=(event,))
    assert list(record_dict(event)) == list(se.to_dict(event))
    assert record_dict(report) == se.to_dict(report)
