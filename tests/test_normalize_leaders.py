"""Office-holders, territories, organisations and armed groups with their state and
Wikidata id (issue 12), on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from secevents import Actor, ActorKind
from secevents.normalize import find_actors, resolve_actor


def state_of(text: str, **options: object) -> str | None:
    result = resolve_actor(text, **options)  # type: ignore[arg-type]
    return None if result.value is None else result.value.state_code


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("President Macron flew to Algiers.", "FRA"),
        ("Chancellor Scholz called for calm.", "DEU"),
        ("Premier Li Keqiang met investors.", "CHN"),
        ("Foreign Minister Lavrov warned the West.", "RUS"),
        ("Mr Erdogan rejected the claim.", "TUR"),
        ("Netanyahu said on Sunday that talks had failed.", "ISR"),
        ("King Mohammed of Morocco received the envoy.", "MAR"),
        ("Prime Minister Modi inaugurated the port.", "IND"),
        ("Defence Minister Shoigu inspected the troops.", "RUS"),
    ],
)
def test_titles_and_names_without_a_country_word(text: str, country: str) -> None:
    assert state_of(text) == country


def test_the_date_picks_among_people_of_one_name() -> None:
    early = resolve_actor("President Bush spoke", date=dt.date(1991, 1, 16)).value
    late = resolve_actor("President Bush spoke", date="2003-03-20").value
    assert early is not None and late is not None
    assert (early.country, early.wikidata) == ("USA", "Q23505")
    assert (late.country, late.wikidata) == ("USA", "Q207")
    undated = resolve_actor("President Bush spoke")
    assert undated.value is not None and undated.value.wikidata is None
    assert [w.code for w in undated.warnings] == ["ambiguous_person"]
    # one name, two states: the date decides, else the country stays unknown
    assert state_of("President Kim Dae-jung") == "KOR"
    assert state_of("Prime Minister Sharif", date=dt.date(2015, 6, 1)) == "PAK"


def test_the_title_picks_the_office() -> None:
    hillary = resolve_actor("Secretary of State Clinton said", date=dt.date(2011, 5, 2)).value
    bill = resolve_actor("President Clinton said", date=dt.date(1996, 5, 2)).value
    assert hillary is not None and bill is not None
    assert (hillary.wikidata, bill.wikidata) == ("Q6294", "Q1124")


def test_a_name_as_written_is_kept() -> None:
    merkel = resolve_actor("Angela Merkel said").value
    assert merkel == Actor(
        kind=ActorKind.PERSON,
        name="Angela Merkel",
        country="DEU",
        title="Chancellor",
        wikidata="Q567",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Jeb Bush campaigned in Iowa.",  # another person of the same name
        "the road to Mazar-i-Sharif",  # the end of a place name
    ],
)
def test_other_people_and_places_of_the_same_name(text: str) -> None:
    assert [r.value.kind for r in find_actors(text) if r.value] == []


@pytest.mark.parametrize(
    ("text", "code", "country"),
    [
        ("Hezbollah fighters crossed the border", "HEZBOLLAH", "LBN"),
        ("the Houthis fired a missile", "HOUTHIS", "YEM"),
        ("Tamil Tigers attacked a base", "LTTE", "LKA"),
        ("a Fatah official said", "FATAH", "PSE"),
    ],
)
def test_armed_groups_carry_their_country(text: str, code: str, country: str) -> None:
    actor = resolve_actor(text).value
    assert actor is not None
    assert (actor.kind, actor.code, actor.country) == (ActorKind.ARMED_GROUP, code, country)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Rockets were fired from the Gaza Strip", "PSE"),
        ("Clashes in Chechnya left two dead", "RUS"),
        ("Protests spread across Tibet", "CHN"),
        ("Chechen fighters regrouped", "RUS"),
        ("Troops moved into Darfur", "SDN"),
    ],
)
def test_territories_name_their_state(text: str, country: str) -> None:
    assert state_of(text) == country


def test_wikidata_ids_of_states_and_organisations() -> None:
    tajikistan = resolve_actor("Tajikistan").value
    nato = resolve_actor("NATO allies").value
    hamas = resolve_actor("Hamas said").value
    assert tajikistan is not None and nato is not None and hamas is not None
    assert (tajikistan.wikidata, nato.wikidata, hamas.wikidata) == ("Q863", "Q7184", "Q38799")
    # an organ is not the state: no id rather than the state's
    kremlin = resolve_actor("the Kremlin").value
    assert kremlin is not None and kremlin.wikidata is None


def test_date_must_be_a_date() -> None:
    with pytest.raises(TypeError, match="date"):
        resolve_actor("President Bush", date=1990)  # type: ignore[arg-type]


def test_wikidata_is_on_the_wire_only_when_known() -> None:
    import secevents as se

    plain = se.to_dict(se.Statement(speaker=Actor.state("TJK"), content="x"))
    assert "wikidata" not in plain["speaker"]
    known = se.Statement(speaker=Actor.state("TJK", wikidata="Q863"), content="x")
    wire = se.to_dict(known)
    assert wire["speaker"]["wikidata"] == "Q863"
    assert se.from_dict(wire) == known
    with pytest.raises(ValueError, match="wikidata"):
        Actor.state("TJK", wikidata="863")
