"""Actors that coded event data names by a bare name or an odd spelling (issue 12):
office-holders beyond heads of state, a middle name inside a known name, an acronym
written in title case, US states whose name another state's division shares. Every
phrase here was written for these tests."""

from __future__ import annotations

import pytest

from secevents.normalize import find_actors


def countries(text: str, date: str) -> list[str | None]:
    """The state of each actor found: its country, or its code for a state."""
    out: list[str | None] = []
    for result in find_actors(text, date=date):
        actor = result.value
        assert actor is not None
        out.append(actor.country or (actor.code if actor.kind.value == "state" else None))
    return out


def warnings(text: str, date: str) -> list[str]:
    return [w.code for r in find_actors(text, date=date) for w in r.warnings]


@pytest.mark.parametrize(
    ("text", "date", "country"),
    [
        # ministers other than foreign and defence ones, by name alone
        ("Steven Mnuchin warned of new tariffs", "2019-05-02", "USA"),
        ("Nirmala Sitharaman presented the budget", "2020-02-01", "IND"),
        ("Peter Altmaier met the union leaders", "2019-09-10", "DEU"),
        # vice presidents, premiers and presidents of smaller states
        ("Chen Chien-jen toured the factory", "2017-03-01", "TWN"),
        ("Saulius Skvernelis resigned", "2020-11-30", "LTU"),
        ("Raimonds Vejonis signed the law", "2017-04-12", "LVA"),
        # governors, mayors and regional leaders
        ("David Ige declared an emergency", "2018-08-22", "USA"),
        ("Sergey Sobyanin closed the schools", "2020-03-20", "RUS"),
        ("Uddhav Thackeray addressed the rally", "2020-05-01", "IND"),
        # leaders and spokesmen of armed groups, with the state they act in
        ("Zabihullah Mujahid denied the claim", "2019-07-01", "AFG"),
        ("Khalifa Haftar ordered an advance", "2019-04-04", "LBY"),
        ("Abdul-Malik al-Houthi spoke on television", "2020-01-05", "YEM"),
        # an ambassador, by name
        ("Sung Kim met the senator", "2018-02-01", "USA"),
    ],
)
def test_office_holders_by_name(text: str, date: str, country: str) -> None:
    assert countries(text, date) == [country]


@pytest.mark.parametrize(
    ("text", "date", "country"),
    [
        ("Alexander Downer said in an interview", "2024-03-01", "AUS"),  # left office 2007
        ("Annette Lu criticised the plan", "2018-06-01", "TWN"),  # vice president to 2008
        ("Jean-Claude Juncker spoke in Brussels", "2017-01-01", "LUX"),  # by his own state
    ],
)
def test_former_office_holders_keep_their_state(text: str, date: str, country: str) -> None:
    assert countries(text, date) == [country]


def test_a_japanese_name_in_either_order() -> None:
    assert countries("Aso Taro met the finance ministers", "2018-06-01") == ["JPN"]
    assert countries("Taro Aso met the finance ministers", "2018-06-01") == ["JPN"]


def test_a_title_and_a_minister_by_name() -> None:
    (result,) = find_actors("Treasury Secretary Steven Mnuchin", date="2018-06-01")
    assert result.value is not None and result.value.country == "USA"


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Khalifa Belqasim Haftar rejected the truce", "Khalifa Belqasim Haftar", "LBY"),
        ("so Steven Terner Mnuchin said", "Steven Terner Mnuchin", "USA"),
    ],
)
def test_a_middle_name_inside_a_known_name(text: str, name: str, country: str) -> None:
    (result,) = find_actors(text, date="2019-01-10")
    assert result.value is not None
    assert (result.value.name, result.value.country) == (name, country)
    assert text[result.start : result.end] == name


@pytest.mark.parametrize(
    "text",
    [
        "Khalifa the Haftar rejected it",  # not a name: a lower-case word between
        "Khalifa Abu Bakr Haftar rejected it",  # two words between: not one middle name
        "Khalifa BELQASIM Haftar rejected it",  # not written as a name
    ],
)
def test_no_middle_name_where_none_is_written(text: str) -> None:
    assert countries(text, "2019-01-10") == []


@pytest.mark.parametrize(
    ("text", "country"),
    [("The Us Said It Would Act", "USA"), ("the Uk and France", "GBR"), ("The Eu Summit", None)],
)
def test_an_acronym_in_title_case_after_the(text: str, country: str | None) -> None:
    assert countries(text, "2020-01-01")[0] == country


@pytest.mark.parametrize(
    "text",
    ["Tell us what you saw", "Us and them, he said", "Join Us Today", "the Un-Named Group"],
)
def test_a_pronoun_or_prefix_is_no_acronym(text: str) -> None:
    assert [r for r in find_actors(text) if r.value is not None and r.value.code] == []


def test_a_shared_us_state_name_reads_as_the_us_state_with_a_warning() -> None:
    assert countries("Montana sued the agency", "2021-06-01") == ["USA"]
    assert warnings("Montana sued the agency", "2021-06-01") == ["ambiguous_name"]


def test_the_text_names_which_state_a_shared_name_means() -> None:
    assert countries("Florida, Uruguay, voted", "2021-06-01")[0] == "URY"
    assert countries("Maryland and the United States agreed", "2021-06-01") == ["USA", "USA"]
    assert warnings("Maryland and the United States agreed", "2021-06-01") == []


def test_a_shared_us_state_name_as_a_place_or_surname_is_no_actor() -> None:
    assert countries("They moved to Florida in May", "2021-06-01") == []
    assert countries("Montana Jones said", "2021-06-01") == []


@pytest.mark.parametrize(
    "text",
    [
        "NATO Secretary General Jens Stoltenberg arrived",
        "UN envoy Sung Kim arrived",
        "European Commission President Jean-Claude Juncker arrived",
    ],
)
def test_an_organisations_officer_is_not_given_the_state_they_served(text: str) -> None:
    people = [r.value for r in find_actors(text, date="2018-06-01") if r.value is not None]
    (person,) = [actor for actor in people if actor.kind.value == "person"]
    assert person.country is None
