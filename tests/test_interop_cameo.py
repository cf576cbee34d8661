"""The pinned CAMEO 1.1b3 table, code repair, CAMEO actor codes, the type mapping, FIPS codes."""

from __future__ import annotations

import csv
import importlib.util
import json
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import secevents as se
from secevents.interop import CameoCode, cameo_table, suggest_cameo
from secevents.interop._fips import _tables, fips_to_iso3, iso3_to_fips
from secevents.interop.cameo import (
    actor_cameo,
    cameo_actor,
    cameo_country,
    cameo_event,
    lookup,
    matches_code,
    pad_cameo,
)
from secevents.model.codes import is_country_code

CAMEO = Path(__file__).parent / "data" / "realdata" / "cameo"


def _manual_rows() -> list[dict[str, str]]:
    # The andybega/icews table is Windows-1252 (curly quotes in the usage notes).
    with open(CAMEO / "icews_cameo_codes_1.1b3.csv", encoding="cp1252", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_packaged_table_is_the_1_1b3_table() -> None:
    rows = _manual_rows()
    table = cameo_table()
    assert len(rows) == len(table) == 312
    for row in rows:
        entry = table[row["code"]]
        assert (entry.name, entry.goldstein, entry.root) == (
            row["name"],
            float(row["goldstein"]),
            row["root_code"],
        )
    assert cameo_table() is table  # loaded once


def test_the_divergent_table_is_not_trusted() -> None:
    divergent = json.loads((CAMEO / "gdeltPyR_cameoCodes_divergent.json").read_text())
    labels = {code: text.strip() for code, text in divergent["Description"].items()}
    # The divergent table shifts labels: an importer trusting it would mislabel these.
    assert labels["016"] == "Make empathetic comment"
    assert labels["163"] == "Halt negotiations"
    assert labels["166"] == "Impose embargo, boycott, or sanctions"
    assert lookup("016") == CameoCode("016", "Deny responsibility", -5.0, "01")
    assert lookup("163") == CameoCode("163", "Impose embargo, boycott, or sanctions", -8.0, "16")
    assert lookup("166") == CameoCode("166", "Expel or withdraw", -7.0, "16")
    differing = [
        code
        for code, text in labels.items()
        if code in cameo_table() and text.removesuffix(", not specified below") != lookup(code).name  # type: ignore[union-attr]
    ]
    assert len(differing) > 50
    assert "0251" not in labels and lookup("0251") is not None


def test_the_gdelt_style_table_agrees_on_the_checked_codes() -> None:
    with open(CAMEO / "gdelt_style_eventcode.csv", encoding="utf-8", newline="") as handle:
        other = {row["Code"]: row["EventDescription"] for row in csv.DictReader(handle)}
    for code in ("016", "163", "164", "166"):
        name = other[code].removesuffix(", not specified below")
        assert name == lookup(code).name  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("62", ("062", True)),
        ("062", ("062", False)),
        ("841", ("0841", True)),
        ("0841", ("0841", False)),
        ("10", ("010", True)),
        ("1", ("001", False)),  # no code 001: returned unchanged, not repaired
        ("173", ("173", False)),
        ("1121", ("1121", False)),
        ("999", ("999", False)),
        ("", ("", False)),
        (" 62", ("062", True)),
    ],
)
def test_pad_cameo(raw: str, expected: tuple[str, bool]) -> None:
    assert pad_cameo(raw) == (expected[0] if expected[0] != "001" else "1", expected[1])


@given(st.sampled_from(sorted(c for c in cameo_table() if len(c) >= 3)))
def test_every_event_code_survives_a_lost_zero(code: str) -> None:
    assert pad_cameo(code.lstrip("0")) == (code, code.startswith("0"))
    assert pad_cameo(code) == (code, False)


def test_cameo_event_mapping() -> None:
    rus, tjk = se.Actor.state("RUS"), se.Actor.military("TJK")
    cls, fields = cameo_event("062", rus, tjk)
    assert cls is se.JointExercise and fields == {"participants": (rus, tjk)}
    cls, fields = cameo_event("0312", None, tjk)
    assert cls is se.JointExercise and fields["factuality"] == se.Factuality.PLANNED
    assert fields["participants"] == (tjk,)
    assert cameo_event("013", rus, None)[0] is se.Statement
    assert cameo_event("013", se.Actor.person("Emomali Rahmon"), None)[0] is se.Statement
    civilians = se.Actor(kind="other", name="COMMUNITY")
    assert cameo_event("010", civilians, rus)[0] is se.CodedEvent
    assert cameo_event("017", rus, None)[0] is se.CodedEvent  # a symbolic act, not a remark
    cls, fields = cameo_event("114", rus, se.Actor.government("UKR"))
    assert cls is se.DiplomaticCommunique and fields["medium"] == se.Medium.PROTEST_NOTE
    court = se.Actor(kind="government", name="SUPREME COURT")
    assert cameo_event("114", court, rus)[0] is se.CodedEvent  # no state on one side
    assert cameo_event("114", rus, se.Actor.military("RUS"))[0] is se.CodedEvent  # domestic
    cls, fields = cameo_event("999", rus, None)
    assert cls is se.CodedEvent and fields["label"] is None and fields["code"] == "999"


def test_matches_code_inverts_the_mapping() -> None:
    rus, ukr = se.Actor.state("RUS"), se.Actor.state("UKR")
    for code in ("062", "0312", "010", "016", "114", "0841"):
        cls, fields = cameo_event(code, rus, ukr)
        event = cls(**fields)
        assert matches_code(event, code)
        assert not matches_code(event, "190")
    assert not matches_code(se.BaseConstruction(builder=rus), "062")


def test_suggest_cameo_for_the_built_in_types() -> None:
    chn, tjk = se.Actor.state("CHN"), se.Actor.state("TJK")
    exercise = se.JointExercise(participants=(chn, tjk))
    assert suggest_cameo(exercise) == "062"
    assert (
        suggest_cameo(se.JointExercise(participants=(chn,), factuality=se.Factuality.PLANNED))
        == "0312"
    )
    assert suggest_cameo(se.Statement(speaker=chn)) == "010"
    note = se.DiplomaticCommunique(sender=chn, recipient=tjk, medium=se.Medium.PROTEST_NOTE)
    assert suggest_cameo(note) == "114"
    assert suggest_cameo(se.DiplomaticCommunique(sender=chn, requests=("talks",))) == "020"
    assert suggest_cameo(se.DiplomaticCommunique(sender=chn, medium=se.Medium.LETTER)) == "010"
    assert suggest_cameo(se.BaseConstruction(builder=chn, host=tjk)) == "062"
    assert suggest_cameo(se.BaseConstruction(builder=chn, host=chn)) == "154"
    assert (
        suggest_cameo(se.BaseConstruction(builder=chn, status=se.ConstructionStatus.PROPOSED))
        == "0312"
    )
    assert (
        suggest_cameo(se.BaseConstruction(builder=chn, factuality=se.Factuality.PLANNED)) == "0312"
    )
    assert (
        suggest_cameo(
            se.BaseConstruction(builder=chn, host=tjk, status=se.ConstructionStatus.AGREED)
        )
        == "057"
    )
    assert suggest_cameo(se.CodedEvent(scheme="cameo", code="0841")) == "0841"
    assert suggest_cameo(se.CodedEvent(scheme="plover", code="CONSULT")) is None
    for code in ("062", "0312", "154", "057", "114", "020", "010"):
        assert lookup(code) is not None


def test_cameo_countries() -> None:
    assert cameo_country("USA") == "USA"
    assert cameo_country("ROM") == "ROU"
    assert cameo_country("KOS") == "XKX"
    assert cameo_country("SEA") is None  # Southeast Asia: a region
    said: list[tuple[str, str]] = []
    assert cameo_country("XYZ", lambda code, message: said.append((code, message))) is None
    assert said == [("unknown_country", "'XYZ' is not a CAMEO country code")]


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        (
            {"Code": "RUSMIL", "Name": "RUSSIA", "CountryCode": "RUS", "Type1Code": "MIL"},
            se.Actor(kind="military", code="RUS", country="RUS", name="RUSSIA"),
        ),
        (
            {"Code": "USA", "Name": "UNITED STATES", "CountryCode": "USA"},
            se.Actor.state("USA", name="UNITED STATES"),
        ),
        (
            {"Code": "USAGOV", "Name": "BARACK OBAMA", "CountryCode": "USA", "Type1Code": "GOV"},
            se.Actor.government("USA", name="BARACK OBAMA"),
        ),
        (
            {"Code": "MIL", "Name": "NATIONAL GUARD", "Type1Code": "MIL"},
            se.Actor(kind="military", name="NATIONAL GUARD"),
        ),
        (
            {
                "Code": "IGOSEAASN",
                "Name": "ASEAN",
                "CountryCode": "SEA",
                "KnownGroupCode": "ASN",
                "Type1Code": "IGO",
            },
            se.Actor.organization("ASEAN", name="ASEAN"),
        ),
        (
            {"Code": "CVL", "Name": "COMMUNITY", "Type1Code": "CVL"},
            se.Actor(kind="other", name="COMMUNITY"),
        ),
        (
            {"Code": "USAEDU", "Name": "SCHOOL", "CountryCode": "USA", "Type1Code": "EDU"},
            se.Actor(kind="other", name="SCHOOL", country="USA"),
        ),
        (
            {"Code": "EUR", "Name": "EUROPE", "CountryCode": "EUR"},
            se.Actor(kind="other", name="EUROPE"),
        ),
        ({"Code": "ROMGOV", "CountryCode": "ROM", "Type1Code": "GOV"}, se.Actor.government("ROU")),
        ({"Code": "REB", "Type1Code": "REB"}, se.Actor(kind="armed_group", name="REB")),
        ({}, None),
    ],
)
def test_cameo_actor(cells: dict[str, str], expected: se.Actor | None) -> None:
    assert cameo_actor({f"Actor1{k}": v for k, v in cells.items()}, "Actor1") == expected


def test_unknown_cameo_country_warns_and_keeps_the_actor() -> None:
    said: list[str] = []
    actor = cameo_actor(
        {"Actor2Code": "XYZ", "Actor2Name": "SOMEWHERE", "Actor2CountryCode": "XYZ"},
        "Actor2",
        lambda code, message: said.append(code),
    )
    assert actor == se.Actor(kind="other", name="SOMEWHERE")
    assert said == ["unknown_country"]


@given(
    st.sampled_from(["USA", "RUS", "ROU", "COD", "XKX", "TJK", "CHN"]),
    st.sampled_from(["state", "government", "military"]),
    st.one_of(st.none(), st.sampled_from(["RUSSIA", "Ministry of Defence"])),
)
def test_actor_cells_read_back(code: str, kind: str, name: str | None) -> None:
    actor = se.Actor(kind=kind, code=code, country=None if kind == "state" else code, name=name)
    assert cameo_actor(actor_cameo(actor, "Actor1"), "Actor1") == actor


def test_organisations_read_back() -> None:
    for code in ("UN", "NATO", "EU", "ASEAN"):
        actor = se.Actor.organization(code)
        cells = actor_cameo(actor, "Actor1")
        assert cells["Actor1Code"].startswith("IGO")
        assert cameo_actor(cells, "Actor1") == actor


def test_fips_table() -> None:
    codes, primary = _tables()
    assert len(codes) >= 260
    assert all(is_country_code(iso) for iso in codes.values())
    assert (fips_to_iso3("AS"), fips_to_iso3("UK"), fips_to_iso3("IS")) == ("AUS", "GBR", "ISR")
    assert (fips_to_iso3("RS"), fips_to_iso3("UP"), fips_to_iso3("EI")) == ("RUS", "UKR", "IRL")
    assert (fips_to_iso3("CH"), fips_to_iso3("GM"), fips_to_iso3("TI")) == ("CHN", "DEU", "TJK")
    assert fips_to_iso3("PF") is None  # the Paracel Islands: no ISO country
    for iso, fips in primary.items():
        assert fips_to_iso3(fips) == iso
    assert iso3_to_fips("PSE") == "WE" and fips_to_iso3("GZ") == "PSE"


def test_the_shipped_table_is_built_from_the_pinned_source() -> None:
    script = Path(__file__).resolve().parent.parent / "scripts" / "build_cameo_table.py"
    spec = importlib.util.spec_from_file_location("build_cameo_table", script)
    assert spec is not None and spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    shipped = resources.files("secevents").joinpath("data/cameo_1.1b3.tsv").read_text("utf-8")
    assert build.table_text() == shipped
