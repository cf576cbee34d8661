"""Counts in news text: hedges, units, ranges, vague counts, numbers that are not counts.

Also the shared number reader (:mod:`secevents.normalize.numbers`), and recall on the
gold quantities of the development corpus.
"""

from __future__ import annotations

import json
import random
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from _work import assert_linear_steps
from secevents import EquipmentKind, Qualifier, Quantity
from secevents.normalize.numbers import find_numbers, hedge_before, read_number
from secevents.normalize.quantities import (
    UNIT_KINDS,
    UNIT_NOUNS,
    find_quantities,
    parse_quantity,
    quantity_text,
)

#: The reports rules may be tuned on: seed and d001-d040 (d041-d054 are kept back).
CORPUS = sorted(
    p
    for p in (Path(__file__).parent / "data" / "corpus").glob("*.json")
    if p.stem == "seed" or p.stem < "d041"
)


def read(text: str) -> tuple[Any, ...]:
    """The parsed quantity as (value, low, high, qualifier, unit, span text)."""
    result = parse_quantity(text)
    q = result.value
    assert q is not None, result.warnings
    return (q.value, q.low, q.high, q.qualifier.value, q.unit, result.text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("about 5,000 troops", (5000, None, None, "approx", "troops", "about 5,000 troops")),
        ("over 700 armoured vehicles", (700, None, None, "more_than", "armoured_vehicles", None)),
        ("more than 10,000", (10000, None, None, "more_than", None, None)),
        ("some 400 soldiers", (400, None, None, "approx", "troops", None)),
        ("nearly 3,000", (3000, None, None, "approx", None, None)),
        ("almost 3,000 servicemen", (3000, None, None, "approx", "troops", None)),
        ("up to 300 personnel", (300, None, None, "up_to", "troops", None)),
        ("as many as 40 tanks", (40, None, None, "up_to", "tanks", None)),
        ("no more than 300", (300, None, None, "at_most", None, None)),
        ("not more than 300 marines", (300, None, None, "at_most", "troops", None)),
        ("at least 12 warships", (12, None, None, "at_least", "ships", None)),
        ("fewer than 50", (50, None, None, "less_than", None, None)),
        ("less than 50 drones", (50, None, None, "less_than", "drones", None)),
        ("under 10,000 pieces of equipment", (10000, None, None, "less_than", "vehicles", None)),
        ("roughly 40", (40, None, None, "approx", None, None)),
        ("around 40 helicopters", (40, None, None, "approx", "helicopters", None)),
        ("approximately 40 UAVs", (40, None, None, "approx", "drones", None)),
        ("an estimated 40 submarines", (40, None, None, "approx", "submarines", None)),
        ("2,000 to 3,000", (3000, 2000, 3000, "up_to", None, "2,000 to 3,000")),
        ("500-600 Turkish troops", (600, 500, 600, "up_to", "troops", "500-600 Turkish troops")),
        ("between 14 and 17 frigates", (17, 14, 17, "up_to", "ships", None)),
        ("1.5 million", (1500000, None, None, "exact", None, "1.5 million")),
        ("128,000", (128000, None, None, "exact", None, "128,000")),
        ("five warships", (5, None, None, "exact", "ships", "five warships")),
        ("two dozen aircraft", (24, None, None, "exact", "aircraft", "two dozen aircraft")),
        ("a dozen", (12, None, None, "exact", None, "a dozen")),
        ("twenty-five fighter jets", (25, None, None, "exact", "aircraft", None)),
        ("a hundred paratroopers", (100, None, None, "exact", "troops", None)),
        ("half a million troops", (500000, None, None, "exact", "troops", None)),
        ("one hundred and fifty howitzers", (150, None, None, "exact", "artillery", None)),
        ("5,000-plus troops", (5000, None, None, "more_than", "troops", None)),
        ("300 troops or more", (300, None, None, "at_least", "troops", "300 troops or more")),
        ("~40 vessels", (40, None, None, "approx", "ships", "~40 vessels")),
        ("a 5,000-strong force", (5000, None, None, "exact", "troops", "5,000-strong force")),
        ("1 tank", (1, None, None, "exact", "tanks", "1 tank")),
    ],
)
def test_counts(text: str, expected: tuple[Any, ...]) -> None:
    got = read(text)
    span = expected[5] if expected[5] is not None else text
    assert got == (*expected[:5], span)


@pytest.mark.parametrize(
    ("text", "unit", "span"),
    [
        ("5,000 Russian troops", "troops", "5,000 Russian troops"),
        ("35 US-made F-35 jets", "aircraft", "35 US-made F-35 jets"),
        ("two Ukrainian coast guard boats", "ships", "two Ukrainian coast guard boats"),
        ("30 military transport aircraft", "aircraft", None),
        ("200 units of weapons and military equipment", "vehicles", "200 units of weapons"),
        ("20,000 pieces of military hardware", "vehicles", None),
        ("12 pieces of artillery", "artillery", None),
        ("10 unmanned aerial vehicles", "drones", None),
        ("3 aircraft carriers", "ships", None),
        ("8 armoured personnel carriers", "armoured_vehicles", None),
        ("12 planes and helicopters", "aircraft", "12 planes"),
        ("Around 200 Turkish military officers", "troops", None),
        ("Russia Sends 3,000 Troops", "troops", "3,000 Troops"),
        ("40 main battle tanks", "tanks", None),
        ("over 1,000 Russian and Tajik troops", "troops", None),
        ("5,000 US and South Korean troops", "troops", None),
        ("about 3,000 of its troops", "troops", None),
        ("two of the warships", "ships", None),
        ("2,000 U.S. Marines", "troops", None),
        # capitalised modifiers listed with commas
        ("nearly 1,500 British, Polish, American and Lithuanian troops", "troops", None),
        ("300 Kenyan, Ugandan and Rwandan soldiers", "troops", None),
        ("about 1,000 US, Kenyan, Tanzanian and Ugandan soldiers", "troops", None),
        ("4,000 U.S., British and Dutch marines", "troops", None),
    ],
)
def test_units_after_modifiers(text: str, unit: str, span: str | None) -> None:
    result = parse_quantity(text)
    assert result.value is not None
    assert result.value.unit == unit
    assert result.text == (span or text)


@pytest.mark.parametrize(
    "text",
    [
        "in 2016",
        "since 2014 and to at least 2042",
        "between 1997 and 2013",
        "October 23",
        "on 23 October 2021",
        "Oct. 23, 2021",
        "from July 30 to Aug. 10",
        "letters dated 13, 16, 18, 19 and 20 June 2025",
        "2021-10-28",
        "$8.6 million",
        "4 billion rupees",
        "5%",
        "12 per cent",
        "the 201st base",
        "at 10:30",
        "at 10 a.m.",
        "F-35 jets",
        "S-400 systems",
        "Su-30 fighters",
        "Tsentr-2019",
        "the Project 877 submarine",
        "the Project 20380 corvettes",
        "Resolution 2231",
        "Saber Strike 16",
        "five-year extensions",
        "a 10-day drill",
        "about 100 kilometers",
        "over six days",
        "58.32 hectares",
        "155mm guns",
        "the 1990s",
        "one of the bases",
        "call 555 1234",
        "codes 1-2-3",
        "it ran 400m",
    ],
)
def test_not_counts(text: str) -> None:
    assert find_quantities(text) == []


def test_counts_in_a_sentence_keep_their_own_spans() -> None:
    text = (
        "In 2016, on October 23, about 5,000 troops and 40 tanks took part, costing $8.6 million."
    )
    found = find_quantities(text)
    assert [(r.value.value, r.value.unit) for r in found if r.value] == [
        (5000, "troops"),
        (40, "tanks"),
    ]
    for r in found:
        assert r.start is not None and r.end is not None
        assert text[r.start : r.end] == r.text


def test_plural_words_end_the_noun_phrase() -> None:
    # "countries" is the counted noun; "troops" belongs to another clause.
    result = parse_quantity("24 countries sent troops")
    assert result.value == Quantity(24)
    assert result.text == "24"


def test_parse_prefers_a_count_with_a_unit() -> None:
    result = parse_quantity("Over 30,000 from 24 countries: 2,000 paratroopers")
    assert result.value == Quantity(2000, unit="troops")


@pytest.mark.parametrize(
    ("text", "low", "unit", "span"),
    [
        ("dozens of militants", 24, None, "dozens"),
        ("hundreds of Turkish troops", 200, "troops", "hundreds of Turkish troops"),
        ("thousands of soldiers", 2000, "troops", None),
        ("tens of thousands of troops", 20000, "troops", None),
        ("hundreds of thousands", 200000, None, None),
        ("several hundred tanks", 200, "tanks", None),
        ("a few thousand", 2000, None, None),
        ("several dozen", 24, None, None),
    ],
)
def test_vague_counts(text: str, low: int, unit: str | None, span: str | None) -> None:
    result = parse_quantity(text)
    assert result.value == Quantity(low=low, qualifier="at_least", unit=unit)
    assert result.text == (span or text)
    assert [w.code for w in result.warnings] == ["vague_count"]


def test_nothing_found() -> None:
    result = parse_quantity("No numbers here, only words.")
    assert not result
    assert [w.code for w in result.warnings] == ["no_quantity"]


@pytest.mark.parametrize("bad", [None, 5, b"5 tanks", ["5 tanks"]])
def test_wrong_argument_types(bad: Any) -> None:
    with pytest.raises(TypeError, match="text must be a str"):
        parse_quantity(bad)
    with pytest.raises(TypeError, match="text must be a str"):
        find_quantities(bad)
    with pytest.raises(TypeError, match="quantity must be a Quantity"):
        quantity_text(bad)


def test_unit_vocabulary() -> None:
    assert set(UNIT_NOUNS.values()) <= set(UNIT_KINDS)
    assert UNIT_KINDS["troops"] == "troops"
    kinds = {kind for unit, kind in UNIT_KINDS.items() if unit != "troops"}
    assert kinds == set(EquipmentKind) - {EquipmentKind.OTHER}


@pytest.mark.parametrize(
    ("noun", "unit"),
    [
        ("troops", "troops"),
        ("soldiers", "troops"),
        ("servicemen", "troops"),
        ("servicemembers", "troops"),
        ("personnel", "troops"),
        ("military personnel", "troops"),
        ("marines", "troops"),
        ("paratroopers", "troops"),
        ("tanks", "tanks"),
        ("armoured vehicles", "armoured_vehicles"),
        ("armored vehicles", "armoured_vehicles"),
        ("vehicles", "vehicles"),
        ("pieces of equipment", "vehicles"),
        ("pieces of military hardware", "vehicles"),
        ("warships", "ships"),
        ("ships", "ships"),
        ("vessels", "ships"),
        ("naval vessels", "ships"),
        ("submarines", "submarines"),
        ("jets", "aircraft"),
        ("planes", "aircraft"),
        ("aircraft", "aircraft"),
        ("fighter jets", "aircraft"),
        ("helicopters", "helicopters"),
        ("drones", "drones"),
        ("UAVs", "drones"),
        ("artillery pieces", "artillery"),
        ("guns", "artillery"),
    ],
)
def test_unit_nouns(noun: str, unit: str) -> None:
    assert parse_quantity(f"7 {noun}").value == Quantity(7, unit=unit)


# Numbers: the shared reader.


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("128,000", Decimal(128000)),
        ("8.6", Decimal("8.6")),
        ("1.5 million", Decimal(1500000)),
        ("8.6m", Decimal(8600000)),
        ("1.2bn", Decimal(1200000000)),
        ("5k", Decimal(5000)),
        ("1,00,000", Decimal(100000)),
        ("50 lakh", Decimal(5000000)),
        ("1,000 crore", Decimal(10**10)),
        ("4 million 794 thousand", Decimal(4794000)),
        ("twenty-five", Decimal(25)),
        ("two dozen", Decimal(24)),
        ("a dozen", Decimal(12)),
        ("a hundred", Decimal(100)),
        ("two million five thousand three", Decimal(2005003)),
        ("half a billion", Decimal(500000000)),
        ("5 tanks", None),
        ("a", None),
        ("", None),
    ],
)
def test_read_number(text: str, value: Decimal | None) -> None:
    got = read_number(text)
    assert got == value
    if got is not None:
        assert str(got) == str(value)  # exact, no exponent: "8600000", not "8.6E+6"


def test_number_words_split_where_they_stop_being_one_number() -> None:
    numbers = find_numbers("two three, and twenty-five six")
    assert [n.value for n in numbers] == [2, 3, 25, 6]


def test_hedge_before() -> None:
    assert hedge_before("no more than 300", 13) == ("at_most", 0)
    assert hedge_before("(about 5", 7) == ("approx", 1)
    assert hedge_before("ran 5", 4) is None


# Properties.


def canonical_quantities() -> st.SearchStrategy[Quantity]:
    """The shapes parse_quantity produces: a hedged value, a range, a vague count."""
    units = st.none() | st.sampled_from(sorted(UNIT_KINDS))
    counts = st.integers(0, 10**12)
    single = st.builds(Quantity, counts, qualifier=st.sampled_from(Qualifier), unit=units)
    ranges = (
        st.tuples(counts, counts, units)
        .filter(lambda t: t[0] < t[1])
        .map(lambda t: Quantity(t[1], low=t[0], high=t[1], qualifier="up_to", unit=t[2]))
    )
    vague = st.tuples(st.sampled_from([24, 40, 200, 2000, 20000, 2 * 10**6]), units).map(
        lambda t: Quantity(low=t[0], qualifier="at_least", unit=t[1])
    )
    return single | ranges | vague


@given(canonical_quantities())
def test_canonical_text_reads_back(quantity: Quantity) -> None:
    text = quantity_text(quantity)
    assert parse_quantity(text).value == quantity, text


@given(st.text())
def test_any_text_is_read_without_error(text: str) -> None:
    for result in find_quantities(text):
        # a count refused ("-1": negative_count) keeps its span and says why
        assert result.value is not None or result.warnings
        assert result.start is not None and result.end is not None
        assert text[result.start : result.end] == result.text
    parse_quantity(text)


NUMBER_LIKE = [
    "about ", "5", ",000", " troops", "-", "600", " to ", "a dozen", " of ", "dozens",
    " October ", "$", "1.5", " million", "\n", "Project ", "F-", " and ", "twenty", "-strong",
]  # fmt: skip


@given(st.lists(st.sampled_from(NUMBER_LIKE), max_size=30).map("".join))
def test_number_like_text_is_read_without_error(text: str) -> None:
    for result in find_quantities(text):
        assert result.start is not None and result.end is not None
        assert text[result.start : result.end] == result.text


def adversarial_mix(size: int) -> str:
    """Text made to hurt the regexes and the per-number work: long runs of digits and
    separators, number words, hedges, date lists, hyphen chains, currency symbols."""
    rng = random.Random(2021)
    pieces = [
        "9" * 5000, "1," * 3000, "1." * 3000, " " * 5000, "1-" * 3000, "a " * 3000,
        "13, " * 1500 + "and 20 ", "October 1 to " * 400, "dozens of " * 500,
        "about " * 1000 + "5,000 troops ", "one two three " * 300, "$" * 3000,
        "Rs " * 2000, "-" * 3000, "million " * 700, "5,000 troops, " * 300,
    ]  # fmt: skip
    return "".join(rng.choice(pieces) for _ in range(size // 4000))[:size]


@pytest.mark.parametrize(
    "make",
    [adversarial_mix, lambda size: "1 " * (size // 2)],
    ids=["regex-adversarial", "dense-numbers"],
)
def test_linear_work_up_to_one_megabyte(make: Any) -> None:
    assert_linear_steps(make, find_quantities, 25_000)
    find_quantities(make(1_000_000))


# The development corpus: the gold quantities must be among what the finder returns.

# The corpus counts helicopters as aircraft, submarines as ships and armoured vehicles,
# tanks and artillery as vehicles.
COARSE = {
    "armoured_vehicles": "vehicles",
    "tanks": "vehicles",
    "artillery": "vehicles",
    "helicopters": "aircraft",
    "drones": "aircraft",
    "submarines": "ships",
}


def gold_quantities() -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (path.stem, unit, gold)
        for path in CORPUS
        for event in json.loads(path.read_text("utf-8"))["events"]
        for unit, gold in (event.get("quantities") or {}).items()
    ]


def test_corpus_recall_of_gold_quantities() -> None:
    texts = {path.stem: json.loads(path.read_text("utf-8"))["text"] for path in CORPUS}
    golds = gold_quantities()
    found = {name: find_quantities(text) for name, text in texts.items()}
    missed = [
        (name, unit, gold)
        for name, unit, gold in golds
        if not any(
            r.value is not None
            and r.value.unit is not None
            and COARSE.get(r.value.unit, r.value.unit) == unit
            and r.value.value == gold["value"]
            and r.value.qualifier == gold["qualifier"]
            for r in found[name]
        )
    ]
    assert len(golds) >= 15
    # Measured on seed and d001-d040: 25 of 29. The misses: counts given "respectively"
    # after a list of kinds (d023) and a new total after "from 150 to 180" (d026).
    assert len(missed) <= 4, f"recall {1 - len(missed) / len(golds):.2f}: {missed}"


def test_a_word_only_case_insensitive_matching_takes_for_a_number_word_is_none() -> None:
    # "ſ" (long s) matches "s" case-insensitively; its word is in no table.
    from secevents.normalize.numbers import find_numbers

    assert [(m.value, m.start) for m in find_numbers("six and ſix soldiers")] == [(Decimal(6), 0)]


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("The base can house up to around 500 sailors.", Qualifier.UP_TO),
        ("They sent more than about 300 troops.", Qualifier.MORE_THAN),
        ("It holds at least some 40 ships.", Qualifier.AT_LEAST),
        ("It holds around 40 ships.", Qualifier.APPROX),
    ],
)
def test_a_bound_before_an_approximation_is_the_hedge(text: str, qualifier: Qualifier) -> None:
    [quantity] = [h.value for h in find_quantities(text) if isinstance(h.value, Quantity)]
    assert quantity.qualifier is qualifier
