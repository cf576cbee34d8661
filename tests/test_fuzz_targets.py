"""The fuzz targets on their seeds and on every input the fuzzers found (fuzz/findings)."""

from __future__ import annotations

from pathlib import Path

import pytest

import seeds
import targets

FINDINGS = Path(__file__).resolve().parent.parent / "fuzz" / "findings"
SEEDS = seeds.seeds()


@pytest.mark.parametrize("name", sorted(targets.TARGETS))
def test_every_seed_passes_its_target(name: str) -> None:
    assert SEEDS[name]
    for data in SEEDS[name]:
        targets.TARGETS[name](data)


@pytest.mark.parametrize(
    "path", sorted(FINDINGS.glob("*/*")), ids=lambda path: f"{path.parent.name}/{path.name}"
)
def test_what_the_fuzzers_found_stays_fixed(path: Path) -> None:
    targets.TARGETS[path.parent.name](path.read_bytes())


def test_every_target_has_seeds() -> None:
    assert set(SEEDS) == set(targets.TARGETS)
