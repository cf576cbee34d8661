"""Issue 12, fifth stop: more ways of writing dates, measures and actors.

Each test is on phrases written for it, not on the suites' cases.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from secevents.normalize import (
    find_actors,
    find_dates,
    find_quantities,
    resolve_actor,
    resolve_date,
)

REPORT = dt.date(2019, 4, 10)  # a Wednesday


def read(text: str, **options: object) -> str | None:
    value = resolve_date(text, anchor=REPORT, **options).value  # type: ignore[arg-type]
    return None if value is None else str(value)


def codes(text: str, **options: object) -> list[str]:
    return [w.code for w in resolve_date(text, anchor=REPORT, **options).warnings]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("14 . 08 . 11", "2011-08-14"),  # spaces around the dots of a form field
        ("14. 08.11 07.45", "2011-08-14"),
        ("14 / 8 / 2011", "2011-08-14"),
        ("8-14-83", "1983-08-14"),  # 83 can only be a year
        ("14-8-83 9:30 pm", "1983-08-14"),
    ],
)
def test_a_numeric_date_that_is_all_the_text(text: str, day: str) -> None:
    assert read(text) == day


def test_a_short_two_digit_year_stays_a_score_in_a_field_and_any_in_prose() -> None:
    assert read("2-1-19") is None  # a score as often as a date
    assert read("the final ended 14-8-83 after extra time") is None
    assert read("they met on 14 . 08 . 11 in Riga") is None  # spaced dots: fields only


def test_three_spaced_numbers_with_a_two_digit_year() -> None:
    assert read("28 02 11") == "2011-02-28"
    assert "assumed_order" in codes("28 02 11")  # 2028-02-11 reads too
    assert read("05 06 11") == "2011-05-06"  # month first, the documented default
    assert codes("05 06 11") == ["assumed_order"]
    assert read("05 06 11", day_first=True) == "2011-06-05"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("AUG 2011 14", "2011-08-14"),
        ("Aug, 2011, 14", "2011-08-14"),
        ("2011 14 AUG", "2011-08-14"),
        ("2011 14 Aug 07h15", "2011-08-14"),
    ],
)
def test_a_month_name_year_and_day_in_a_log_order(text: str, day: str) -> None:
    assert read(text) == day


def test_a_log_order_needs_the_whole_text() -> None:
    assert read("since AUG 2011 14 ships") == "2011-08/.."


def test_a_month_and_a_year_that_cannot_be_a_day() -> None:
    assert read("11/87") == "1987-11"
    assert read("11/27") is None  # 27 November or November 2027: no guess


def test_an_impossible_field_date_warns() -> None:
    assert read("31 . 04 . 11") is None
    assert "invalid_date" in codes("31 . 04 . 11")


def test_an_editors_brackets_around_the_month() -> None:
    assert read("[Aug.] 14, 2011") == "2011-08-14"
    assert read("the [Aug] 14, 2011 memo") == "2011-08-14"
    assert read("Aug] 14, 2011") is None  # a bracket that closes nothing


def test_a_comma_after_a_lower_case_month_with_a_year() -> None:
    assert read("aug, 2011") == "2011-08"
    assert read("aug, 14 2011") == "2011-08-14"
    assert read("aug, 14, 2011") == "2011-08-14"
    assert read("dec, 2011") == "2011-12"


def test_a_comma_after_the_month_without_a_year_is_a_count() -> None:
    assert read("In August, 14 soldiers died") == "2018-08"


def test_a_weekday_then_next_is_refused_with_a_warning() -> None:
    assert read("the talks resume Friday next.") is None
    assert "ambiguous_date" in codes("the talks resume Friday next.")
    assert read("Friday next week") == "2019-04-19"
    assert read("they stood on Friday next to the gate") == "2019-04-05"


def test_two_days_side_by_side_contradict_each_other() -> None:
    assert read("last tuesday next sunday") is None
    assert "conflicting_dates" in codes("last tuesday next sunday")
    assert read("on Tuesday, April 9") == "2019-04-09"  # a weekday beside its date
    assert read("yesterday and today") == "2019-04-09"  # a list


def test_the_weekday_tails_keep_their_readings() -> None:
    found = find_dates("Talks on Tuesday 9th, drills on Friday 29/3.", anchor=REPORT)
    assert [(f.text, str(f.value)) for f in found] == [
        ("Tuesday 9th", "2019-04-09"),
        ("Friday 29/3", "2019-03-29"),
    ]


def counts(text: str) -> list[str]:
    return [str(found.text) for found in find_quantities(text) if found.value is not None]


@pytest.mark.parametrize(
    "text",
    [
        "a yield of 12 kilotonnes",  # an SI prefix before a unit
        "thrust of 40 kilonewtons",
        "a dose of 3 millisieverts",
        "the cluster reaches 9 petaflops",
        "it weighed 14 ounces",
        "anchored at 30 fathoms",
        "a 3 carat stone",
        "pressure fell to 95 mmHg",
        "ruins 2 millennia old",
    ],
)
def test_units_of_measure_are_not_counts(text: str) -> None:
    assert counts(text) == []


def test_a_reading_on_a_named_scale_is_not_a_count() -> None:
    assert counts("a magnitude 6 tremor hit the coast") == []
    assert counts("helium near absolute zero") == []
    assert counts("flying at Mach 3 speeds") == []


def test_a_rate_a_model_and_a_size_are_not_counts() -> None:
    assert counts("the gun fires 600 shells per minute") == []
    assert counts("a fleet of 320 NEO 4 airliners") == []
    assert counts("a 6 x 6 truck") == []
    # a count noun before "per" keeps the count; capitals alone are modifiers
    assert counts("it rotated 2,000 troops per year") == ["2,000 troops"]
    assert counts("40 NATO jets flew") == ["40 NATO jets"]


def _factbook_script() -> ModuleType:
    path = Path(__file__).resolve().parent.parent / "scripts" / "sources" / "factbook_leaders.py"
    spec = importlib.util.spec_from_file_location("factbook_leaders", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("entry", "read"),
    [
        (
            "President Anna Maria KOVACS-NAGY (since 3 May 2021)",
            ("President", "Anna Maria Kovacs-Nagy", ["Anna Kovacs-Nagy"]),
        ),
        ("Prime Minister Dr. Tomas VEGA (since 1 June 2020)", ("Prime Minister", "Tomas Vega", [])),
        ("King OLAF IV (since 2 March 2019)", ("King", "Olaf IV", [])),
        (
            "Interim President Gen. Ali BARAKA (since 9 July 2023)",
            ("Interim President", "Ali Baraka", []),
        ),
        (
            "Prime Minister Abdel Karim SALEH (since 9 July 2023)",
            ("Prime Minister", "Abdel Karim Saleh", []),
        ),
    ],
)
def test_the_factbook_parser_reads_title_and_name(
    entry: str, read: tuple[str, str, list[str]]
) -> None:
    assert _factbook_script().holder(entry) == read


def test_the_factbook_parser_leaves_out_another_realms_monarch_and_ex_officio_offices() -> None:
    script = _factbook_script()
    realm = (
        "King OLAF IV (since 2 March 2019); represented by Governor-General Jan BERG (since 2020)"
    )
    assert script.holder(realm) is None
    assert script.holder("Co-prince Paul DURAND (since 1 May 2017)") is None


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Emmerson Mnangagwa met the envoy", "ZWE"),  # the Factbook's short form
        ("Sergio Mattarella signed the decree", "ITA"),
        ("President Kais Saied dissolved parliament", "TUN"),
        ("King Charles III spoke", "GBR"),  # not each realm he reigns over
        ("President Emmanuel Macron spoke", "FRA"),  # not Andorra's co-prince
    ],
)
def test_heads_of_state_and_government_from_the_factbook(text: str, country: str) -> None:
    actor = resolve_actor(text, date="2024-05-01").value
    assert actor is not None and actor.state_code == country


def test_a_factbook_monarch_known_by_one_name_keeps_the_title() -> None:
    assert _factbook_script().holder("King OSKAR (since 2 March 2019)")[1] == "King Oskar"


def codes_of(text: str) -> list[str | None]:
    return [r.value.state_code for r in find_actors(text) if r.value is not None]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Saskatchewan signed the accord", "CAN"),  # a state's first-level division
        ("Bavaria rejected the plan", "DEU"),
        ("Oaxaca and Chiapas asked for troops", "MEX"),
        ("Rhode Island passed the bill", "USA"),
    ],
)
def test_a_division_acting_stands_for_its_state(text: str, country: str) -> None:
    assert set(codes_of(text)) == {country}


@pytest.mark.parametrize(
    "text",
    [
        "Dutch marines trained in Saskatchewan",  # after a locative: a place
        "drills near Oaxaca, Chiapas and Puebla",  # a list of places
        "Shelling hit Bavaria province",  # before a division noun
        "Puebla Gonzalez, the mayor, said",  # a division's name in a personal name
    ],
)
def test_a_division_as_a_place_or_a_name_is_no_actor(text: str) -> None:
    assert not {"CAN", "DEU", "MEX"} & set(codes_of(text))


def test_a_division_named_in_two_states_or_disputed_gives_no_state() -> None:
    assert codes_of("Punjab announced the closures") == []  # India and Pakistan
    assert codes_of("Crimea announced the closures") == []


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("the Kuomintang criticised the budget", "TWN"),  # a national party
        ("analysts at Chatham House said", "GBR"),  # a research institute
        ("a contract with General Dynamics for tanks", "USA"),  # a company, not "General X"
        ("the Oval Office declined to comment", "USA"),  # an organ
        ("Aotearoa sent a frigate", "NZL"),  # a country's other name
    ],
)
def test_parties_institutes_companies_and_organs_carry_their_state(text: str, country: str) -> None:
    assert codes_of(text) == [country]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("14. 08.", "2018-08-14"),  # day and month each closed by a dot: day first
        ("14.08. 2011", "2011-08-14"),
        ("14. Aug. 09:30", "2018-08-14"),  # the ordinal dot with a time after the month
        ("14. August", "2018-08-14"),  # ... or as all the text
    ],
)
def test_day_and_month_with_the_ordinal_dot(text: str, day: str) -> None:
    assert read(text) == day


def test_the_ordinal_dot_before_a_month_in_prose_needs_a_year_or_a_time() -> None:
    assert read("output rose to 14. August was a record month") is None


def test_a_day_and_month_before_a_time_or_with_a_month_name_as_all_the_text() -> None:
    assert read("14-08 07:15") == "2018-08-14"  # past tense: the last 14 August
    assert read("14.8 7:15 pm") == "2018-08-14"
    assert read("14/Aug") == "2018-08-14"
    assert read("Aug-14 06h15") == "2018-08-14"
    assert read("14.8") is None  # a decimal as often
    assert "invalid_date" in codes("31-04 10:00")


def test_a_large_town_acting_stands_for_its_state_but_not_as_a_place_or_a_ship() -> None:
    assert codes_of("Winnipeg approved the levy") == ["CAN"]
    assert codes_of("the frigate sailed from Winnipeg") == []
    assert codes_of("the destroyers Winnipeg and Mississauga sailed") == []
    assert "CAN" not in codes_of("Winnipeg Jones, a teacher, said")
