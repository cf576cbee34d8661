"""GDELT 2.0 events: the real sample (CSV), raw TSV, tricky rows, export, round trips."""

from __future__ import annotations

import collections
import csv
import io
from pathlib import Path
from typing import Any, cast

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import secevents as se
from secevents.interop import dataset_event_id, kept_columns, read_gdelt, write_gdelt
from secevents.interop.cameo import cameo_table
from secevents.interop.gdelt import GDELT_COLUMNS, gdelt_rows

SAMPLE = (
    Path(__file__).parent
    / "data"
    / "realdata"
    / "gdelt"
    / "EVENT_V2_20260101000000_20260101000100.csv"
)
CODES = ("EventCode", "EventBaseCode", "EventRootCode")


def _sample_rows() -> list[dict[str, str]]:
    with open(SAMPLE, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _padded(row: dict[str, str]) -> dict[str, str]:
    """The row as it should come back: codes re-padded (GDELT keeps them as strings)."""
    out = dict(row)
    code = row["EventCode"]
    out["EventRootCode"] = row["EventRootCode"].zfill(2)
    out["EventBaseCode"] = row["EventBaseCode"].zfill(3)
    out["EventCode"] = code.zfill(3) if len(code) <= 2 or code[:2] > "20" else code
    if len(out["EventCode"]) == 3 and out["EventCode"] not in cameo_table():
        out["EventCode"] = "0" + out["EventCode"]
    return out


@pytest.fixture(scope="module")
def sample() -> tuple[list[se.Event], Any]:
    reader = read_gdelt(SAMPLE)
    return list(reader), reader


def test_sample_counts(sample: tuple[list[se.Event], Any]) -> None:
    events, reader = sample
    stats = reader.stats
    assert (stats.rows, stats.events, stats.skipped) == (1562, 1562, 0)
    assert (stats.mapped, stats.coded) == (173, 1389)
    types = collections.Counter(type(e).__name__ for e in events)
    assert types == {"CodedEvent": 1389, "Statement": 172, "JointExercise": 1}
    codes = collections.Counter(w.code for w in reader.warnings)
    # 1,061 rows lost the leading zero of their root code (README); 74 have ActionGeo_Type 0.
    assert codes == {"repaired_code": 1061, "no_location": 74}
    assert stats.warned == len({w.row for w in reader.warnings}) == 1091
    assert sum(e.location is None for e in events) == 74
    assert all(w.column == "ActionGeo_Type" for w in reader.warnings if w.code == "no_location")


def test_sample_codes_are_padded_and_known(sample: tuple[list[se.Event], Any]) -> None:
    events, reader = sample
    coded = [e for e in events if isinstance(e, se.CodedEvent)]
    assert all(e.code in cameo_table() and e.scheme == "cameo" for e in coded)
    assert all(e.label == cameo_table()[e.code].name for e in coded)
    first = next(w for w in reader.warnings if w.code == "repaired_code")
    assert first.row == 2 and first.column == "EventCode"  # row 1 has root code 19
    assert first.message == (
        "re-padded EventCode '841' -> '0841', EventBaseCode '84' -> '084', "
        "EventRootCode '8' -> '08'"
    )
    by_code = collections.Counter(kept_columns(e, "gdelt")["EventCode"] for e in events)
    assert by_code["010"] == 147 and by_code["0841"] == 7 and by_code["062"] == 1
    assert "10" not in by_code and "841" not in by_code


def test_sample_fields(sample: tuple[list[se.Event], Any]) -> None:
    events, _ = sample
    first = events[0]
    assert isinstance(first, se.CodedEvent) and first.code == "190"
    assert first.id == dataset_event_id("coded_event", "gdelt", "1281735146")
    assert str(first.date) == "2025-01-01" and str(first.reported) == "2026-01-01"
    assert first.location == se.Location(
        name="Jervis Bay, Australian Capital Territory, Australia",
        country="AUS",
        lat=-35.1333,
        lon=150.7,
        precision="settlement",
    )
    assert first.actor is None and first.target == se.Actor(kind="other", name="COMMUNITY")
    assert first.sources[0].url is not None and first.sources[0].url.startswith("https://www.bat")
    kept = kept_columns(first, "gdelt")
    assert kept["GoldsteinScale"] == "-10.0" and kept["FULLTEXT"] == ""
    # Cells no field holds are kept with the cells of their field (the place, an actor).
    original = kept["_original"]
    assert original["ActionGeo_FeatureID"] == "-1580121"
    assert original["ActionGeo_ADM1Code"] == "AS01" and original["Actor2Type1Code"] == "CVL"
    exercise = next(e for e in events if isinstance(e, se.JointExercise))
    assert [a.kind.value for a in exercise.participants] == ["government", "government"]
    assert {e.location.country for e in events if e.location} >= {"USA", "AUS", "GBR", "ISR"}
    assert sum(str(e.date).startswith("2025") for e in events) == 27


def test_sample_round_trip_rows(sample: tuple[list[se.Event], Any]) -> None:
    events, _ = sample
    written = list(gdelt_rows(events))
    rows = _sample_rows()
    assert len(written) == len(rows) == 1562
    for original, out in zip(rows, written, strict=True):
        assert out == _padded(original)
        assert list(out) == list(original)  # column order, FULLTEXT last


def test_sample_round_trip_text(sample: tuple[list[se.Event], Any]) -> None:
    events, _ = sample
    out = io.StringIO()
    assert write_gdelt(events, out, header=True, delimiter=",") == 1562
    original = SAMPLE.read_text(encoding="utf-8").splitlines()
    lines = out.getvalue().splitlines()
    same = sum(a == b for a, b in zip(original, lines, strict=True))
    assert same == 1 + 1562 - 1061  # the header and every row that needed no padding


def test_raw_tsv_and_gzip_round_trip(tmp_path: Path) -> None:
    # GDELT's own files have its 61 columns only: the sample without its wrapper's FULLTEXT.
    events = list(
        read_gdelt([{k: v for k, v in r.items() if k != "FULLTEXT"} for r in _sample_rows()])
    )
    for name in ("20260101000000.export.CSV", "20260101000000.export.CSV.gz"):
        path = tmp_path / name
        assert write_gdelt(events, path) == 1562
        if not name.endswith(".gz"):
            first = path.read_text(encoding="utf-8").splitlines()[0].split("\t")
            assert len(first) == 61 and first[0] == "1281735146" and first[26] == "190"
        reader = read_gdelt(path)
        again = list(reader)
        assert {w.code for w in reader.warnings} == {"no_location"}  # nothing left to repair
        assert list(gdelt_rows(again)) == list(gdelt_rows(events))
        assert [e.id for e in again] == [e.id for e in events]


def _row(**cells: str) -> list[str]:
    """A raw GDELT row: 61 cells, empty but for ``cells`` (a valid date, id and code by default)."""
    values = {
        "GLOBALEVENTID": "1",
        "SQLDATE": "20211022",
        "EventCode": "190",
        "EventBaseCode": "190",
        "EventRootCode": "19",
    } | cells
    return [values.get(column, "") for column in GDELT_COLUMNS]


def _read(*rows: list[str]) -> tuple[list[se.Event], Any]:
    # Rows left with the default GLOBALEVENTID get their own: one id twice is reported.
    numbered = [[str(n), *row[1:]] if row[0] == "1" else row for n, row in enumerate(rows, 1)]
    reader = read_gdelt(numbered)
    return list(reader), reader


def test_tricky_rows() -> None:
    events, reader = _read(
        _row(EventCode="999", EventBaseCode="99", EventRootCode="9"),
        _row(EventCode="190", EventBaseCode="19", EventRootCode="18"),
        _row(SQLDATE="2021-10-22", DATEADDED="yesterday"),
        _row(ActionGeo_Type="4", ActionGeo_CountryCode="PF", ActionGeo_FullName="Paracel Islands"),
        _row(ActionGeo_Type="4", ActionGeo_FullName="X", ActionGeo_Lat="95", ActionGeo_Long="10"),
        _row(ActionGeo_Type="7", ActionGeo_FullName="Somewhere"),
        _row(GLOBALEVENTID=""),
        _row(Actor1Code="XYZGOV", Actor1CountryCode="XYZ", Actor1Type1Code="GOV"),
    )
    assert len(events) == 8 and reader.stats.skipped == 0
    found = [(w.row, w.code, w.column) for w in reader.warnings]
    assert found == [
        (1, "repaired_code", "EventBaseCode"),
        (1, "unknown_code", "EventCode"),
        (2, "repaired_code", "EventBaseCode"),
        (2, "bad_value", "EventCode"),
        (3, "bad_value", "SQLDATE"),
        (3, "bad_value", "DATEADDED"),
        (4, "unknown_country", "ActionGeo_CountryCode"),
        (5, "bad_value", "ActionGeo_Lat"),
        (6, "bad_value", None),
        (7, "bad_value", "GLOBALEVENTID"),
        (8, "unknown_country", "Actor1CountryCode"),
    ]
    assert isinstance(events[0], se.CodedEvent) and events[0].code == "999"
    assert events[0].label is None
    assert events[2].date is None and events[2].reported is None
    assert events[3].location == se.Location(name="Paracel Islands", precision="settlement")
    assert events[4].location is not None and events[4].location.lat is None
    assert isinstance(events[7], se.CodedEvent)
    assert events[7].actor == se.Actor(kind="government", name="XYZGOV")
    written = list(gdelt_rows(events))
    assert written[0]["EventCode"] == "999" and written[0]["EventRootCode"] == "09"
    assert written[2]["SQLDATE"] == "2021-10-22" and written[2]["DATEADDED"] == "yesterday"
    assert written[4]["ActionGeo_Lat"] == "95"
    assert written[7]["Actor1Code"] == "XYZGOV"


def test_short_and_long_rows_warn() -> None:
    short = dict(zip(GDELT_COLUMNS[:30], _row()[:30], strict=True))
    events, reader = _read([*_row(), "surplus"])
    assert [w.code for w in reader.warnings] == ["bad_row"]
    assert kept_columns(events[0], "gdelt")["__extra_cells__"] == ["surplus"]
    reader = read_gdelt([short])
    assert len(list(reader)) == 1
    assert [w.code for w in reader.warnings] == ["bad_row"]
    assert "31 of the 61 columns missing" in reader.warnings[0].message


def test_mapped_types_from_hand_written_rows() -> None:
    rus = {"Actor1Code": "RUSMIL", "Actor1CountryCode": "RUS", "Actor1Type1Code": "MIL"}
    tjk = {"Actor2Code": "TJK", "Actor2Name": "TAJIKISTAN", "Actor2CountryCode": "TJK"}
    ukr = {"Actor2Code": "UKRGOV", "Actor2CountryCode": "UKR", "Actor2Type1Code": "GOV"}
    events, reader = _read(
        _row(EventCode="312", EventBaseCode="31", EventRootCode="3", **rus, **tjk),
        _row(EventCode="62", EventBaseCode="62", EventRootCode="6", **tjk),
        _row(EventCode="114", EventBaseCode="114", EventRootCode="11", **rus, **ukr),
        _row(EventCode="16", EventBaseCode="16", EventRootCode="1", **rus),
    )
    planned, alone, note, denial = events
    assert isinstance(planned, se.JointExercise) and planned.factuality == se.Factuality.PLANNED
    assert [a.code for a in planned.participants] == ["RUS", "TJK"]
    assert isinstance(alone, se.JointExercise) and len(alone.participants) == 1
    assert isinstance(note, se.DiplomaticCommunique) and note.medium == se.Medium.PROTEST_NOTE
    assert note.sender is not None and note.sender.kind == se.ActorKind.MILITARY
    assert isinstance(denial, se.Statement) and denial.audience is None
    assert reader.stats.mapped == 4 and reader.stats.warned == 3
    written = list(gdelt_rows(events))
    assert [r["EventCode"] for r in written] == ["0312", "062", "114", "016"]
    assert written[1]["Actor1Code"] == "" and written[1]["Actor2Code"] == "TJK"
    assert written[0]["Actor2Name"] == "TAJIKISTAN"


def test_events_not_from_gdelt_export_with_suggested_codes() -> None:
    rus, tjk = se.Actor.military("RUS"), se.Actor.state("TJK")
    exercise = se.JointExercise(
        participants=(rus, tjk, se.Actor.state("KGZ")),
        date=se.DateSpan.parse("2021-10-22"),
        reported=se.DateSpan.parse("2021-10-23"),
        location=se.Location(name="Khatlon", country="TJK", lat=37.9, lon=69.8, precision="admin1"),
        sources=(se.Source(publisher="TASS"), se.Source(url="https://example.org/x")),
    )
    base = se.BaseConstruction(builder=se.Actor.state("CHN"), host=tjk)
    row, base_row = gdelt_rows([exercise, base])
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"]) == ("062", "062", "06")
    assert (row["QuadClass"], row["GoldsteinScale"]) == ("2", "7.4")
    assert (row["Actor1Code"], row["Actor1CountryCode"], row["Actor1Type1Code"]) == (
        "RUSMIL",
        "RUS",
        "MIL",
    )
    assert (row["SQLDATE"], row["MonthYear"], row["Year"]) == ("20211022", "202110", "2021")
    assert row["FractionDate"] == "2021.8" and row["DATEADDED"] == "20211023000000"
    assert (row["ActionGeo_Type"], row["ActionGeo_CountryCode"]) == ("5", "TI")
    assert (row["ActionGeo_Lat"], row["SOURCEURL"]) == ("37.9", "https://example.org/x")
    assert row["GLOBALEVENTID"] == ""
    assert base_row["EventCode"] == "062" and base_row["Actor1Code"] == "CHN"
    back = next(read_gdelt([[row[c] for c in GDELT_COLUMNS]]))
    assert isinstance(back, se.JointExercise)
    assert back.participants == (rus, tjk) and back.location is not None
    assert back.location.country == "TJK" and back.location.precision == se.LocationPrecision.ADMIN1


def test_edited_events_write_their_new_values() -> None:
    (event,), _ = _read(
        _row(
            EventCode="62",
            Actor1Code="USAGOVMIL",
            Actor1Name="PENTAGON",
            Actor1CountryCode="USA",
            Actor1Type1Code="GOV",
            Actor1Type2Code="MIL",
            ActionGeo_Type="1",
            ActionGeo_CountryCode="US",
            ActionGeo_FullName="United States",
        )
    )
    assert isinstance(event, se.JointExercise)
    row = next(gdelt_rows([event]))
    assert (row["Actor1Code"], row["Actor1Type2Code"]) == ("USAGOVMIL", "MIL")
    edited = attrs.evolve(
        event,
        participants=(se.Actor.state("CHN"),),
        location=se.Location(country="CHN", precision="country"),
        factuality=se.Factuality.PLANNED,
    )
    row = next(gdelt_rows([edited]))
    assert (row["Actor1Code"], row["Actor1Type1Code"], row["Actor1Type2Code"]) == ("CHN", "", "")
    assert (row["ActionGeo_CountryCode"], row["ActionGeo_FullName"]) == ("CH", "")
    assert row["EventCode"] == "0312"


def test_lone_target_of_an_exercise_is_written_back_as_target() -> None:
    cells = {
        "EventCode": "062",
        "EventBaseCode": "062",
        "EventRootCode": "06",
        "Actor2Code": "RUSMIL",
        "Actor2Name": "RUSSIA",
        "Actor2CountryCode": "RUS",
        "Actor2Type1Code": "MIL",
    }
    (event,), _ = _read(_row(**cells))
    assert isinstance(event, se.JointExercise) and len(event.participants) == 1
    row = next(gdelt_rows([event]))
    assert [row[c] for c in GDELT_COLUMNS] == _row(**cells, MonthYear="", FractionDate="")
    assert (row["Actor1Code"], row["Actor2Code"]) == ("", "RUSMIL")
    assert next(gdelt_rows([se.loads(se.dumps(event))])) == row
    moved = attrs.evolve(event, participants=(se.Actor.state("CHN"),))
    row = next(gdelt_rows([moved]))
    assert (row["Actor1Code"], row["Actor2Code"], row["Actor2Type1Code"]) == ("CHN", "", "")


def test_ids_are_stable_across_reimports() -> None:
    first, _ = _read(_row(GLOBALEVENTID="77"))
    second, _ = _read(_row(GLOBALEVENTID="77", NumMentions="9"))
    assert first[0].id == second[0].id == dataset_event_id("coded_event", "gdelt", "77")


def test_progress_callback_and_dict_rows() -> None:
    seen: list[int] = []
    rows = [dict(zip(GDELT_COLUMNS, _row(GLOBALEVENTID=str(i)), strict=True)) for i in range(3)]
    reader = read_gdelt(rows, progress=seen.append)
    assert len(list(reader)) == 3 and seen == [3]


_ACTORS = st.sampled_from(
    [
        {},
        {"Code": "RUSMIL", "Name": "RUSSIA", "CountryCode": "RUS", "Type1Code": "MIL"},
        {"Code": "USA", "Name": "UNITED STATES", "CountryCode": "USA"},
        {"Code": "CVL", "Name": "CIVILIAN", "Type1Code": "CVL"},
        {"Code": "IGOUNO", "Name": "UNITED NATIONS", "KnownGroupCode": "UNO", "Type1Code": "IGO"},
    ]
)
_PLACES = st.sampled_from(
    [
        {"Type": "0"},
        {"Type": "1", "FullName": "Tajikistan", "CountryCode": "TI", "Lat": "39", "Long": "71"},
        {"Type": "4", "FullName": "Kulob", "CountryCode": "TI", "Lat": "37.91", "Long": "69.78"},
        {"Type": "3", "FullName": "Austin, Texas", "CountryCode": "US", "FeatureID": "TX"},
    ]
)


@given(
    code=st.sampled_from(sorted(c for c in cameo_table() if len(c) >= 3)),
    strip=st.booleans(),
    actor1=_ACTORS,
    actor2=_ACTORS,
    place=_PLACES,
    day=st.dates(min_value=__import__("datetime").date(1979, 1, 1)),
    mentions=st.sampled_from(["", "1", "12"]),
)
def test_rows_round_trip(
    code: str,
    strip: bool,
    actor1: dict[str, str],
    actor2: dict[str, str],
    place: dict[str, str],
    day: Any,
    mentions: str,
) -> None:
    cells = {
        "GLOBALEVENTID": "5",
        "SQLDATE": f"{day:%Y%m%d}",
        "EventCode": code.lstrip("0") if strip else code,
        "EventBaseCode": code[:3].lstrip("0") if strip else code[:3],
        "EventRootCode": code[:2].lstrip("0") if strip else code[:2],
        "NumMentions": mentions,
        "DATEADDED": f"{day:%Y%m%d}101500",
        **{f"Actor1{k}": v for k, v in actor1.items()},
        **{f"Actor2{k}": v for k, v in actor2.items()},
        **{f"ActionGeo_{k}": v for k, v in place.items()},
    }
    raw = _row(**cells)
    reader = read_gdelt([raw])
    event = next(reader)
    row = next(gdelt_rows([event]))
    expected = dict(zip(GDELT_COLUMNS, raw, strict=True))
    expected.update(EventCode=code, EventBaseCode=code[:3], EventRootCode=code[:2])
    assert row == expected
    assert any(w.code == "repaired_code" for w in reader.warnings) == (strip and code[0] == "0")
    assert se.loads(se.dumps(event)) == event


def test_values_no_field_accepts_are_dropped_with_a_warning() -> None:
    # A lone surrogate cannot go into JSON: the place name and the url are refused.
    bad = _row(ActionGeo_Type="4", ActionGeo_FullName="Kulob\ud800", SOURCEURL="http://x/\ud800")
    events, reader = _read(bad)
    assert events[0].location is None and events[0].sources == ()
    assert [(w.code, w.column) for w in reader.warnings] == [
        ("bad_value", "ActionGeo_FullName"),
        ("bad_value", "SOURCEURL"),
    ]
    assert next(gdelt_rows(events)) == dict(zip(GDELT_COLUMNS, bad, strict=True))


def test_an_event_that_cannot_be_built_skips_the_row(monkeypatch: pytest.MonkeyPatch) -> None:
    from secevents.interop import _gdelt_cells

    monkeypatch.setattr(_gdelt_cells, "cameo_event", lambda *a: (se.CodedEvent, {"scheme": 5}))
    events, reader = _read(_row())
    assert events == [] and reader.stats.skipped == 1
    (warning,) = reader.warnings
    assert (warning.row, warning.code) == (1, "skipped_row")
    assert warning.message.startswith("cannot build the event:")


def test_raw_files_have_no_quoting(tmp_path: Path) -> None:
    quoted = _row(GLOBALEVENTID="1", Actor1Name='"QUOTED NAME', Actor1Code="CVL")
    lines = ["\t".join(quoted), "\t".join(_row(GLOBALEVENTID="2"))]
    path = tmp_path / "quotes.export.CSV"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    events = list(read_gdelt(path))
    assert len(events) == 2  # the csv module would have run row 1 on into row 2
    assert isinstance(events[0], se.CodedEvent) and events[0].actor is not None
    assert events[0].actor.name == '"QUOTED NAME'
    out = tmp_path / "out.export.CSV"
    assert write_gdelt(events, out) == 2
    assert out.read_text(encoding="utf-8") == path.read_text(encoding="utf-8")


def test_a_tab_in_a_cell_cannot_be_written_tab_separated() -> None:
    event = se.Statement(speaker=se.Actor.government("TJK", name="Foreign\tMinistry"))
    with pytest.raises(ValueError, match=r"row 1: 'Foreign\\tMinistry' holds a '\\t'"):
        write_gdelt([event], io.StringIO())
    out = io.StringIO()
    assert write_gdelt([event], out, header=True, delimiter=",") == 1
    out.seek(0)
    back = next(read_gdelt(list(csv.reader(out))))
    assert isinstance(back, se.Statement) and back.speaker == event.speaker


def test_columns_after_the_61st_need_a_header(sample: tuple[list[se.Event], Any]) -> None:
    events, _ = sample
    with pytest.raises(ValueError, match=r"row 1 has the column 'FULLTEXT'.*header=True"):
        write_gdelt(events, io.StringIO())
    out = io.StringIO()
    assert write_gdelt(events, out, header=True) == len(events)
    out.seek(0)
    back = list(csv.reader(out, delimiter="\t"))
    assert back[0] == [*GDELT_COLUMNS, "FULLTEXT"]
    assert [row[-1] for row in back[1:]] == [row["FULLTEXT"] for row in _sample_rows()]


def test_rows_from_pandas_read_like_the_file(sample: tuple[list[se.Event], Any]) -> None:
    pd = pytest.importorskip("pandas")
    events, reader = sample
    frame = pd.read_csv(SAMPLE)
    assert frame["Actor1Name"].isna().any() and frame["ActionGeo_Lat"].dtype == float
    from_frame = read_gdelt(frame.to_dict("records"))
    again = list(from_frame)
    assert from_frame.stats == reader.stats
    assert collections.Counter(w.code for w in from_frame.warnings) == collections.Counter(
        w.code for w in reader.warnings
    )
    names = {a.actor.name for e in again for a in e.actors}
    assert names and "nan" not in names and "NAN" not in names
    # pandas reads float columns as numbers: "-10.0" comes back as -10.0, read as "-10".
    # Every field is the file's; written back, cells differ only in such number text.
    for one, other in zip(again, events, strict=True):
        assert attrs.evolve(one, extra=()) == attrs.evolve(other, extra=())
    for one_row, other_row in zip(gdelt_rows(again), gdelt_rows(events), strict=True):
        assert one_row.keys() == other_row.keys()
        assert all(_same_number(one_row[k], other_row[k]) for k in one_row)
    assert sum(a == b for a, b in zip(again, events, strict=True)) == 478


def _same_number(one: str, other: str) -> bool:
    if one == other:
        return True
    try:
        return float(one) == float(other)
    except ValueError:
        return False


def test_bytes_rows_are_refused_naming_the_row() -> None:
    with pytest.raises(TypeError, match=r"row 1: cell 1 is bytes"):
        read_gdelt(cast(Any, [[cell.encode() for cell in _row()]]))


def test_files_in_another_encoding(tmp_path: Path) -> None:
    path = tmp_path / "20211022.export.CSV"
    names = ["Kulob", "Bogot\u00e1"]
    cells = [
        _row(GLOBALEVENTID=str(i), ActionGeo_Type="4", ActionGeo_FullName=n)
        for i, n in enumerate(names)
    ]
    lines = ["\t".join(row) for row in cells]
    path.write_bytes(("\n".join(lines) + "\n").encode("cp1252"))
    with pytest.raises(UnicodeDecodeError, match=r"line 2.*encoding="):
        list(read_gdelt(path))
    events = list(read_gdelt(path, encoding="cp1252"))
    assert [e.location.name for e in events if e.location] == ["Kulob", "Bogot\u00e1"]


@pytest.mark.parametrize("blank", ["\n", "\n\n", "\r\n"])
def test_a_raw_file_opening_with_blank_lines_is_still_tab_separated(
    tmp_path: Path, blank: str
) -> None:
    # Found by the issue-14 helper: the delimiter was guessed from the first line only.
    rows = _sample_rows()[:3]
    raw = "".join("\t".join(row[c] for c in GDELT_COLUMNS) + "\n" for row in rows)
    path = tmp_path / "20260101.export.CSV"
    path.write_text(blank + raw, encoding="utf-8")
    read = read_gdelt(path)
    events = list(read)
    assert [e.sources[0].url for e in events] == [row["SOURCEURL"] for row in rows]
    pytest.importorskip("pyarrow")
    from secevents.interop.gdelt import read_gdelt_table

    assert read_gdelt_table(path).table.num_rows == 3
