"""Issue 12, seventh stop: the signs each currency's users write, prices alone, dashes;
dates after a clock time and short digit forms.

Each test is on phrases written for it, not on the suites' cases.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from importlib import resources

import pycountry
import pytest

from secevents.normalize import find_dates, find_money, find_quantities, parse_money, resolve_date
from secevents.normalize._currency_signs import is_symbolic
from secevents.normalize.numbers import read_number


def money(text: str, country: str | None = None) -> tuple[str, str] | None:
    """(amount, currency) of the first sum ``parse_money`` reads, or None."""
    value = parse_money(text, country).value
    return None if value is None else (str(value.amount), value.currency)


def warnings(text: str) -> list[str]:
    return [warning.code for warning in parse_money(text).warnings]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the ferry ticket was 45 MOP$", ("45", "MOP")),  # a sign with "$" after the amount
        ("a fine of 300 T$ was paid", ("300", "TOP")),
        ("rent is 12 000 сом a month", ("12000", "KGS")),  # Cyrillic, grouped with a space
        ("he sold the car for 2 500 000 ֏", ("2500000", "AMD")),
        ("bread costs 80 Lekë", ("80", "ALL")),
        ("֏ 7,500 in fees", ("7500", "AMD")),
        ("a salary of 18 400 р. a month", ("18400", "RUB")),  # "р." is a whole sign
        ("the pass costs 99.50 Fr.", ("99.50", "CHF")),
    ],
)
def test_a_sign_its_users_write_is_read_beside_the_amount(
    text: str, expected: tuple[str, str]
) -> None:
    assert money(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("25 Nu.", ("25", "BTN")),  # ASCII-letter signs: read where the text is a price
        ("Nu. 25", ("25", "BTN")),
        ("1,200 FBu", ("1200", "BIF")),
        ("350Q", ("350", "GTQ")),
        ("Q 350", ("350", "GTQ")),
        ("40 RM", ("40", "MYR")),
        ("15 lek", ("15", "ALL")),  # a word that otherwise needs a scale
        ("900 Fdj", ("900", "DJF")),
    ],
)
def test_a_text_that_is_one_price_reads_letter_signs(text: str, expected: tuple[str, str]) -> None:
    result = parse_money(text)
    assert money(text) == expected
    assert result.text == text.strip()  # the span holds the sign on either side


@pytest.mark.parametrize(
    "text",
    [
        "the team won 5 of 6 games",  # letter signs stay words in running text
        "he ran 25 Nu. later",
        "Section 350Q of the code and 4 more",
        "5 M",  # a scale letter, not Lesotho's loti
        "5 K",
        "TOP 10",  # an ISO code that is an English word stays a word
    ],
)
def test_letter_signs_are_no_money_in_running_text_or_as_scales(text: str) -> None:
    assert money(text) is None
    assert find_money(text) == [] or all(r.value is None for r in find_money(text))


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        ("2 000 ƒ", None, None),  # the florin sign: Aruba's or Curaçao's
        ("2 000 ƒ", "ABW", ("2000", "AWG")),
        ("5000 FCFA", None, None),  # written for both CFA francs
        ("5000 FCFA", "SEN", ("5000", "XOF")),
        ("5000 FCFA", "CMR", ("5000", "XAF")),
        ("12 L", None, None),  # a sign of the lempira and the Moldovan leu
        ("12 L", "HND", ("12", "HNL")),
    ],
)
def test_a_sign_several_currencies_share_needs_a_country(
    text: str, country: str | None, expected: tuple[str, str] | None
) -> None:
    assert money(text, country) == expected
    if expected is None:
        assert "ambiguous_currency" in [w.code for w in parse_money(text, country).warnings]


@pytest.mark.parametrize(
    "text",
    [
        "Springfield, Md. -- $75 million of bonds",
        "Springfield , md . - - $ 75 million of bonds",
    ],
)
def test_a_dash_after_a_dash_is_punctuation_not_a_minus(text: str) -> None:
    assert money(text) == ("75000000", "USD")


def test_a_minus_sign_alone_still_makes_a_negative_amount() -> None:
    assert money("a balance of -$5 million") is None
    assert "negative_amount" in warnings("a balance of -$5 million")


def test_signs_table_holds_current_iso_codes_and_no_curated_sign() -> None:
    data = resources.files("secevents").joinpath("data")
    signs = json.loads(data.joinpath("currency_signs.json").read_text(encoding="utf-8"))
    curated = json.loads(data.joinpath("currencies.json").read_text(encoding="utf-8"))
    current = {currency.alpha_3 for currency in pycountry.currencies}
    countries = {country.alpha_3 for country in pycountry.countries}
    for sign, codes in signs["signs"].items():
        assert sign.strip() == sign and " " not in sign and sign
        assert set(codes) <= current, sign
        assert sign not in curated["prefix"] and sign not in curated["suffix"], sign
    for code, users in signs["users"].items():
        assert code in current and set(users) <= countries, code


def test_symbolic_signs_are_those_no_english_word_can_be() -> None:
    assert [is_symbolic(s) for s in ("$U", "сом", "֏", "Nu.", "Q", "Fdj")] == [
        True,
        True,
        True,
        False,
        False,
        False,
    ]


def test_amounts_are_exact_decimals() -> None:
    value = parse_money("1 030,50 сом").value
    assert value is not None and value.amount == Decimal("1030.50")


ANCHOR = dt.date(2026, 12, 7)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2016-7-4", "2016-07-04"),  # year first with hyphens and one-digit parts
        ("on 2019-11-3 the talks ended", "2019-11-03"),
        ("16:45 4 July 2016", "2016-07-04"),  # a clock time just before the day
        ("at 9:30 12 March 2019 the convoy left", "2019-03-12"),
        ("13h00 8 Dec 2015", "2015-12-08"),
        ("16:45 July 4, 2016", "2016-07-04"),
        ("8 Dec '15 at 13:00", "2015-12-08"),  # an apostrophe makes two digits a year
        ("Oct-15-14", "2014-10-15"),  # month, day and two-digit year joined by hyphens
        ("Oct-15-14 19:14", "2014-10-15"),
    ],
)
def test_dates_written_with_clock_times_and_short_forms(text: str, day: str) -> None:
    span = resolve_date(text, anchor=ANCHOR).value
    assert span is not None and str(span) == day


@pytest.mark.parametrize(
    "text",
    [
        "5 06 Mar 2009",  # unread digits beside a date still make it doubtful
        "Mar 5 06 2009",
        "2016-13-4",  # no thirteenth month
        "Oct-45-14",
    ],
)
def test_doubtful_or_impossible_digit_dates_stay_unread(text: str) -> None:
    assert resolve_date(text, anchor=ANCHOR).value is None


def test_two_digits_without_an_apostrophe_before_a_word_stay_a_count() -> None:
    found = find_dates("on 8 Dec 15 soldiers died", anchor=ANCHOR)
    assert [str(result.value) for result in found] == ["2026-12-08"]


def test_an_iso_date_is_still_read_whole() -> None:
    found = find_dates("on 2016-07-04 they met", anchor=ANCHOR)
    assert [(result.text, str(result.value)) for result in found] == [("2016-07-04", "2016-07-04")]


@pytest.mark.parametrize(
    "text",
    [
        "a 4 kDa protein",  # daltons, with or without a prefix
        "chains of 20 kilodaltons",
        "a star 5 ly away",
        "pilots pulled 3 g-force",
        "a pulse of 1 ns",
        "a 5 MeV beam",
        "he weighs 12 stone",  # abbreviations of units and of durations
        "a 5 cu ft box",
        "add 4 qt of water",
        "it took 7 wks",
        "after 3 yrs in office",
        "a 10 yds gain",
        "a gap of 3 thou",
        "a rod of 10 ± 2 cm",  # a measure with its uncertainty
        "a fever of 39 ºC",  # the ordinal sign written for the degree sign
        "an area of 3 mi²",
        "rock at 3 GPa",
        "output of 5 Mtoe",
        "pumping 2 bbl/d",
        "3 metric tons of grain",  # words that qualify a unit
        "2 fluid ounces",
        "5 troy ounces of gold",
    ],
)
def test_units_of_physics_are_measures_not_counts(text: str) -> None:
    assert [r for r in find_quantities(text) if r.value is not None] == []


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("10 DA officials", "10"),
        ("4 EV chargers", "4"),
        ("12 FL players", "12"),
        ("the 5 VA hospitals", "5"),  # initials of bodies, not units
        ("3 MPC members", "3"),
    ],
)
def test_initials_like_unit_symbols_still_count_their_noun(text: str, count: str) -> None:
    assert [str(r.value.value) for r in find_quantities(text) if r.value is not None] == [count]


@pytest.mark.parametrize(
    ("text", "currency", "old"),
    [
        ("300 UM", "MRU", "MRO"),  # the sign outlived a redenomination
        ("500 Db", "STN", "STD"),
        ("Bs 20", "VES", "VEF"),
        ("20 Le", "SLE", "SLL"),
    ],
)
def test_a_sign_of_a_lately_renamed_currency_warns_of_the_old_one(
    text: str, currency: str, old: str
) -> None:
    result = parse_money(text)
    assert result.value is not None and result.value.currency == currency
    notes = [w.message for w in result.warnings if w.code == "assumed_currency"]
    assert len(notes) == 1 and old in notes[0]


def test_an_iso_code_or_a_shared_currency_does_not_warn_of_a_renaming() -> None:
    assert warnings("MRU 500") == []  # the code says which
    assert warnings("€ 500") == []  # EUR replaced no single territory's own currency


def test_renamed_currencies_replaced_their_territory_own_lately() -> None:
    data = resources.files("secevents").joinpath("data").joinpath("currency_signs.json")
    replaced = json.loads(data.read_text(encoding="utf-8"))["replaced"]
    current = {currency.alpha_3 for currency in pycountry.currencies}
    assert replaced["MRU"] == ["MRO", 2018]
    for code, (old, year) in replaced.items():
        assert code in current and old not in current and year >= 2010, code


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Christmas 2019", "2019-12-25"),  # a holiday with its year
        ("on Christmas Day of 1914 the guns fell silent", "1914-12-25"),
        ("New Year's Eve, 1999", "1999-12-31"),
    ],
)
def test_holidays_with_a_year(text: str, expected: str) -> None:
    assert [str(r.value) for r in find_dates(text, anchor=ANCHOR)] == [expected]


def test_a_count_after_a_holiday_is_no_year() -> None:
    found = find_dates("at Christmas 2019 troops came home", anchor=ANCHOR, tense=None)
    assert [(r.text, str(r.value)) for r in found] == [("Christmas", "2026-12-25")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("R$ 3 bilhões", ("3000000000", "BRL")),  # a scale of the currency's language
        ("Rp 5 triliun", ("5000000000000", "IDR")),
        ("Rp 50 juta", ("50000000", "IDR")),
        ("₺5 milyar", ("5000000000", "TRY")),
        ("€ 2 miljard", ("2000000000", "EUR")),
        ("50 млрд руб.", ("50000000000", "RUB")),
        ("MXN 2 billones", ("2000000000000", "MXN")),  # the long scale: a million millions
    ],
)
def test_scales_of_other_languages_are_never_dropped_from_a_sum(
    text: str, expected: tuple[str, str]
) -> None:
    assert money(text) == expected


def test_east_african_shillings_and_the_egyptian_le_with_a_scale() -> None:
    assert money("Sh 2 billion", "KEN") == ("2000000000", "KES")
    assert money("Sh2 billion", "TZA") == ("2000000000", "TZS")
    assert "ambiguous_currency" in warnings("Sh 2 billion")  # four shillings share it
    assert money("LE 30 million") == ("30000000", "EGP")
    assert money("paid Sh 50 for it") is None  # letters without a scale are no sign
    assert money("LE 30 troops") is None


def test_bolivars_and_bolivianos_are_two_currencies() -> None:
    assert money("5 million bolívares") == ("5000000", "VES")
    assert money("500 bolivianos") == ("500", "BOB")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5 million quetzals", ("5000000", "GTQ")),  # currencies' English names (CLDR)
        ("a fee of 500 lempiras", ("500", "HNL")),
        ("2 billion Angolan kwanzas", ("2000000000", "AOA")),
        ("10 million Peruvian soles", ("10000000", "PEN")),
        ("1,000 West African CFA francs", ("1000", "XOF")),
        ("50 million Bosnia-Herzegovina convertible marks", ("50000000", "BAM")),
    ],
)
def test_currencies_are_read_by_their_english_names(text: str, expected: tuple[str, str]) -> None:
    assert money(text) == expected


def test_a_demonym_before_a_count_noun_is_no_currency_name() -> None:
    assert find_money("500 Angolan troops") == []
    assert money("marks of 5 and 6 marks") is None  # an English word stays a word


def test_next_weekday_in_the_reports_own_week_warns_of_the_week_after() -> None:
    wednesday = dt.date(2018, 3, 7)
    result = resolve_date("next Friday", anchor=wednesday, tense="future")
    assert str(result.value) == "2018-03-09"
    assert [w.code for w in result.warnings] == ["ambiguous_date"]
    assert "2018-03-16" in result.warnings[0].message
    # From a Saturday the coming Friday is in the next week anyway: no doubt.
    saturday = resolve_date("next Friday", anchor=dt.date(2018, 3, 10), tense="future")
    assert str(saturday.value) == "2018-03-16" and saturday.warnings == ()


@pytest.mark.parametrize("text", ["31.01. Tuesday", "Thursday (12.)", "Monday morning, 19.6.17"])
def test_a_weekday_beside_unread_date_digits_is_not_read_alone(text: str) -> None:
    result = resolve_date(text, anchor=dt.date(2017, 1, 23), tense="future")
    assert result.value is None
    assert "ambiguous_date" in [w.code for w in result.warnings]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("on Monday 2.5 km away", "2017-01-23"),  # a distance, not a date
        ("at 10.30 Tuesday", "2017-01-24"),  # a time before it
        ("Friday, 12 people died", "2017-01-27"),
    ],
)
def test_a_weekday_beside_other_numbers_is_still_read(text: str, day: str) -> None:
    found = find_dates(text, anchor=dt.date(2017, 1, 23), tense="future")
    assert [str(r.value) for r in found] == [day]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rs 3 lakh crore", ("3000000000000", "INR")),  # a scale on a scale
        ("₹1.5 lakh crore", ("1500000000000", "INR")),
        ("₹20 thousand crore", ("200000000000", "INR")),
        ("Rs 12.5 cr", ("125000000", "INR")),  # crore abbreviated
        ("$5MM", ("5000000", "USD")),  # the financial press's million
        ("$5 millions", ("5000000", "USD")),
        ("€2 billions", ("2000000000", "EUR")),
    ],
)
def test_scales_the_digits_alone_would_drop(text: str, expected: tuple[str, str]) -> None:
    assert money(text, "IND" if "Rs" in text else None) == expected


@pytest.mark.parametrize("text", ["$5 mil", "$5mil", "R$ 5 mil"])
def test_mil_is_a_thousand_or_a_million_so_no_amount(text: str) -> None:
    assert money(text) is None
    assert "ambiguous_number" in warnings(text)


def test_words_that_start_like_scales_are_no_scale() -> None:
    assert money("a $5 military deal") == ("5", "USD")
    assert money("$5 millionaires") == ("5", "USD")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("a quarter of a million", "250000"),  # a part of a scale
        ("a quarter million", "250000"),
        ("three quarters of a million", "750000"),
        ("a third of a million", "333333"),  # rounded to a whole number
        ("a half dozen", "6"),
        ("a million and a half", "1500000"),  # half of the last scale
        ("a dozen and a half", "18"),
        ("a hundred and a half", "150"),
        ("one and a half", "1.5"),
    ],
)
def test_parts_of_scales_are_read_whole(text: str, value: str) -> None:
    assert str(read_number(text)) == value


def test_a_part_of_a_scale_is_one_count() -> None:
    found = find_quantities("a quarter of a million troops massed")
    assert [(r.text, str(r.value.value)) for r in found if r.value] == [
        ("a quarter of a million troops", "250000")
    ]


WEDNESDAY = dt.date(2026, 12, 9)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("the last Friday of the month", "2026-12-25"),  # not "last Friday"
        ("on the last Friday of this month", "2026-12-25"),
        ("the first Monday of next month", "2027-01-04"),
        ("the second Tuesday of last month", "2026-11-10"),
        ("Monday week", "2026-12-21"),  # a week after the coming Monday
        ("Friday fortnight", "2026-12-25"),
    ],
)
def test_weekdays_counted_in_months_and_weeks(text: str, day: str) -> None:
    assert str(resolve_date(text, anchor=WEDNESDAY, tense=None).value) == day


def test_a_month_without_that_many_weekdays_warns() -> None:
    result = resolve_date("the fifth Friday of the month", anchor=WEDNESDAY)
    assert result.value is None and "invalid_date" in [w.code for w in result.warnings]


def test_week_in_a_compound_is_no_week_later() -> None:
    found = find_dates("on Monday week-long talks began", anchor=WEDNESDAY, tense=None)
    assert [(r.text, str(r.value)) for r in found] == [("Monday", "2026-12-07")]
    said_that_day = resolve_date("Wednesday week", anchor=WEDNESDAY, tense=None)
    assert [w.code for w in said_that_day.warnings] == ["ambiguous_date"]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("three days after 12 March 2019", "2019-03-15"),  # was "after": 2019-03-12/..
        ("the day after 12 March 2019", "2019-03-13"),
        ("two weeks before June 3, 2019", "2019-05-20"),  # was nothing: two dates
        ("two days before Christmas 2019", "2019-12-23"),
        ("the day before Christmas", "2026-12-24"),  # was Christmas itself
        ("two days after Friday", "2026-12-06"),  # was Friday
    ],
)
def test_an_offset_written_before_a_date_moves_it(text: str, day: str) -> None:
    found = find_dates(text, anchor=WEDNESDAY)
    assert [(r.text, str(r.value)) for r in found] == [(text, day)]


def test_vague_or_week_long_stretches_before_a_date_are_no_offset() -> None:
    found = find_dates("in the days before 12 March 2019", anchor=WEDNESDAY)
    assert [str(r.value) for r in found] == ["../2019-03-12"]
    week = find_dates("in the week before Christmas", anchor=WEDNESDAY)
    assert [r.text for r in week] == ["Christmas"]
    assert [str(r.value) for r in find_dates("after 12 March 2019", anchor=WEDNESDAY)] == [
        "2019-03-12/.."
    ]
