"""Issue 12, sixth stop: measures written with fractions and products, more date forms.

Each test is on phrases written for it, not on the suites' cases.
"""

from __future__ import annotations

import pytest

from secevents.normalize import find_actors, find_dates, resolve_actor

# The fifth stop's helpers: the same report date (a Wednesday) and readers.
from test_normalize_issue12_s32 import REPORT, _factbook_script, codes, counts, read


@pytest.mark.parametrize(
    "text",
    [
        "the convoy covered 4 ½ miles",  # a whole number and a vulgar fraction
        "the patrol lasted 2 ¼ days",
        "a bolt torqued to 5 N·m",  # a product of units with a middle dot
        "an engine of 300 lb-ft",  # two units joined by a hyphen
        "the link runs at 10 Gbit",
        "water flows at 4 m³/s",
        "the truck does 12 mpg",
        "a 10 AWG cable",
        "the plant emits 40 MtCO2 a year",
        "the ticket cost 20 bucks",
    ],
)
def test_measures_written_with_fractions_products_and_symbols_are_not_counts(
    text: str,
) -> None:
    assert counts(text) == []


def test_a_hyphen_joins_units_only_when_both_sides_are_units() -> None:
    assert counts("they handed out 10 t-shirts") == ["10"]
    assert counts("3 ½ boxes arrived") == []  # a fraction of a box is no whole count


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Tue Mar 5 08:15:00 UTC 2013", "2013-03-05"),  # the Unix date command's order
        ("Mar 5 08:15 PM 2013", "2013-03-05"),
        ("Mar 5 08:15 +0100 2013", "2013-03-05"),
        ("March the 5th, 2013", "2013-03-05"),
        ("Tue. Mar. 5, 2013", "2013-03-05"),  # a short weekday before a month name
        ("2013 March", "2013-03"),  # fields: a year, then its month
        ("03-2013", "2013-03"),
        ("Mar-97", "1997-03"),
        ("Mar '97", "1997-03"),
        ("Mar 5, 97", "1997-03-05"),
        ("March 5, '13 08:00", "2013-03-05"),
    ],
)
def test_more_written_forms_of_a_day_or_a_month(text: str, value: str) -> None:
    assert read(text) == value
    assert codes(text) == []


def test_the_article_before_a_day_needs_an_ordinal() -> None:
    assert read("In March the 3 ships sailed") == "2019-03"  # a count, not the 3rd


def test_a_month_name_with_a_day_number_stays_a_day() -> None:
    assert read("Mar 12") == "2019-03-12"
    assert read("Mar-12") == "2019-03-12"


def test_a_named_weekday_settles_the_order_of_digits() -> None:
    # 4 March 2013 was a Monday, 3 April 2013 a Wednesday
    assert read("Monday 4/3/2013") == "2013-03-04"
    assert read("Wednesday 4/3/2013") == "2013-04-03"
    assert codes("Wednesday 4/3/2013") == []
    assert read("Monday, 4 3 2013 09:30") == "2013-03-04"  # a spaced field after a weekday
    # neither order is a Friday: the assumed order stays, and both are said
    assert read("Friday 4/3/2013") == "2013-04-03"
    assert codes("Friday 4/3/2013") == ["assumed_order", "weekday_mismatch"]


def test_a_short_weekday_beside_a_month_is_checked() -> None:
    assert codes("Sun Mar 5 2013") == ["weekday_mismatch"]  # 5 March 2013 was a Tuesday
    assert read("Sun Mar 5 2013") == "2013-03-05"


def test_a_weekday_beside_a_month_that_cannot_hold_it_is_refused() -> None:
    assert read("next tuesday august") is None
    assert codes("next tuesday august") == ["no_date", "conflicting_dates"]
    # a month that opens the next sentence or a name is no conflict
    assert read("We meet next Tuesday. August will tell.") == "2019-04-16"
    assert read("we met last Monday, May said") == "2019-04-08"


def test_dates_in_prose_keep_their_readings() -> None:
    found = find_dates("On Tue. Mar. 5, 2013 and on March the 7th talks went on.", anchor=REPORT)
    assert [(f.text, str(f.value)) for f in found] == [
        ("Tue. Mar. 5, 2013", "2013-03-05"),
        ("March the 7th", "2019-03-07"),
    ]


def test_a_month_before_an_ordinal_word() -> None:
    assert read("May second, 2014") == "2014-05-02"
    assert read("May the second") == "2018-05-02"
    assert read("In May first responders arrived") == "2018-05"  # no year: no day


def test_an_ordinal_word_past_the_month_end_warns() -> None:
    assert read("the thirty-first of April") is None
    assert "invalid_date" in codes("the thirty-first of April")
    assert "invalid_date" in codes("April thirty-first, 2014")


def people(text: str) -> list[tuple[str | None, str | None]]:
    found = find_actors(text, date="2030-01-01")
    return [(f.text, f.value.country) for f in found if f.value and f.value.kind.value == "person"]


def test_the_state_after_an_apposed_title_is_the_persons() -> None:
    text = "Mara Ilves, the defence minister of Estonia, said so."
    assert people(text) == [("Mara Ilves, the defence minister of Estonia", "EST")]
    text = "Tomas Ruiz, the foreign minister of the Dominican Republic, left."
    assert people(text) == [("Tomas Ruiz, the foreign minister of the Dominican Republic", "DOM")]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Canadian Trade Minister Ann Moore said", "CAN"),  # a portfolio before Minister
        ("U.S. Treasury Secretary Ann Moore said", "USA"),
        ("Chinese Vice Premier Liu Wen said", "CHN"),
        ("Kenyan Attorney General Ann Moore said", "KEN"),
    ],
)
def test_portfolio_titles_after_a_state_name_the_persons_state(text: str, country: str) -> None:
    assert [c for _, c in people(text)] == [country]


def test_a_state_that_opens_a_longer_name_stays_with_that_name() -> None:
    text = "Ann Moore, the minister-counsellor of the U.S. Embassy, spoke."
    found = [(f.text, f.value.kind.value) for f in find_actors(text, date="2020-01-01") if f.value]
    assert ("U.S. Embassy", "government") in found


# Written in the Factbook's way: years in <em>, surnames in capitals, parties in brackets.
RESULTS = (
    "<em><br>2024: </em>Ilse VARGA (Unity) elected president; percent of vote - Ilse VARGA"
    " (Unity) 51%, Pal KOVACS (Left) 49%; Tomas HORN confirmed as prime minister 60-40"
    "<em><br><br>2019:</em> Pal KOVACS elected president; percent of vote - Pal KOVACS"
    " (Left) 55%, Ilse VARGA (Unity) 45%"
)


def test_the_factbook_parser_reads_who_won_each_election() -> None:
    script = _factbook_script()
    assert script.elected(RESULTS) == [
        (2024, "President", "Ilse Varga", []),
        (2024, "Prime Minister", "Tomas Horn", []),
        (2019, "President", "Pal Kovacs", []),
    ]


def test_a_past_winner_gets_a_term_until_the_next_election() -> None:
    script = _factbook_script()
    # Ilse Varga is the chief of state now: only Kovacs's past term is added
    rows = script.past_terms("XXA", RESULTS, {"varga"})
    assert rows == [["Pal Kovacs", "", "XXA", "President", "2019-01-01", "2024-01-01", ""]]
    # a holder spelt another way in the results ("ELSISI" for "EL-SISI") is still current
    assert script.past_terms("XXA", RESULTS, {"varga", "kovacs"}) == []


def test_the_factbook_parser_reads_ambassadors_in_and_from_the_us() -> None:
    script = _factbook_script()
    entry = {
        "Government": {
            "Diplomatic representation in the US": {
                "chief of mission": {"text": "Ambassador Lea NOVAK (since 3 May 2023)"}
            },
            "Diplomatic representation from the US": {
                "chief of mission": {"text": "Ambassador-designate Sam T. REED (since 9 June 2025)"}
            },
        }
    }
    assert script.ambassadors(entry, "SVN") == [
        ["Lea Novak", "", "SVN", "Ambassador", "2023-05-03", "", ""],
        ["Sam T. Reed", "Sam Reed", "USA", "Ambassador", "2025-06-09", "", ""],
    ]
    vacant = {"Government": {"Diplomatic representation in the US": {
        "chief of mission": {"text": "Ambassador (vacant)"}}}}  # fmt: skip
    assert script.ambassadors(vacant, "SVN") == []


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Tsai Ing-wen said", "TWN"),  # a past winner of the Factbook's election results
        ("Pierre Nkurunziza said", "BDI"),
        ("Kara C. McDonald said", "USA"),  # the US ambassador in a Factbook entry
        ("Vinay Mohan Kwatra said", "IND"),  # a state's ambassador in the US
    ],
)
def test_past_heads_and_ambassadors_from_the_factbook(text: str, country: str) -> None:
    actor = resolve_actor(text, date="2018-05-01").value
    assert actor is not None and actor.state_code == country


def country_of(text: str, date: str | None) -> str | None:
    actor = resolve_actor(text, date=date).value
    return None if actor is None else actor.country


def test_a_title_and_a_surname_resolve_to_who_held_that_office_then() -> None:
    # the Factbook names "Abdelmadjid TEBBOUNE", President of Algeria since December 2019
    assert country_of("President Tebboune spoke", "2024-03-01") == "DZA"
    assert country_of("Ambassador Kwatra spoke", "2025-01-10") == "IND"  # since 2024
    # before the term, a surname alone is anyone's; so it is without a date
    assert country_of("President Tebboune spoke", "2015-03-01") is None
    assert country_of("President Tebboune spoke", None) is None
    # the written title must be the office's: a minister is no prime minister
    assert country_of("Minister Takaichi spoke", "2026-01-10") is None
    assert country_of("Prime Minister Takaichi spoke", "2026-01-10") == "JPN"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Mar 5,2013", "2013-03-05"),  # a comma without a space before the year
        ("Mar.5,2013", "2013-03-05"),
        ("Mar 5 ,2013", "2013-03-05"),
        ("5Mar 2013", "2013-03-05"),  # a compact day and month, the year after a space
        ("2013 March 5th", "2013-03-05"),  # year first, an ordinal day
    ],
)
def test_sloppy_separators_keep_the_year(text: str, value: str) -> None:
    assert read(text) == value


def test_a_thousands_group_after_a_day_is_a_number_and_a_time_no_year() -> None:
    assert read("Mar 5,000 troops") is None  # "5,000": a count, no day
    assert read("5Mar 1430") == "2019-03-05"  # 14:30, not the year 1430
