"""Counts of troops and equipment in news text: "about 5,000 troops", "over 700 armoured vehicles".

Years, dates, times, sums of money, percentages, ordinals, measures and model names
("F-35", "Project 877") are numbers but not counts, and are left out.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Final, Literal, NamedTuple

import attrs

from .. import _fastre
from ..model.amounts import Money, Quantity
from ..model.vocab import EquipmentKind, Qualifier
from .money import money_in
from .numbers import (
    NumberMatch,
    find_numbers,
    hedge_after,
    hedge_before,
    range_start,
    range_values,
)
from .result import Normalized, TextWarning, require_text

__all__ = [
    "UNIT_KINDS",
    "UNIT_NOUNS",
    "counts_in",
    "find_quantities",
    "parse_quantity",
    "quantity_text",
]

#: The units a count can have, and what a parser builds from each: ``"troops"`` for
#: a joint exercise's troops, an :class:`~secevents.EquipmentKind` for equipment.
UNIT_KINDS: Final[Mapping[str, EquipmentKind | Literal["troops"]]] = {
    "troops": "troops",
    **{kind.value: kind for kind in EquipmentKind if kind is not EquipmentKind.OTHER},
}


def _words(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Nouns of each unit, "plural/singular" (one form when both are the same). A singular
# after a number other than one names a model ("the Project 877 submarine"), not a count.
_NOUN_TABLE: Final[dict[str, tuple[str, ...]]] = {
    "troops": (
        "troops", "troop", "soldiers/soldier", "servicemen/serviceman", "servicewomen",
        "servicemembers/servicemember", "service members", "service personnel", "personnel",
        "marines/marine", "paratroopers/paratrooper", "infantrymen", "commandos/commando",
        "sailors/sailor", "airmen", "reservists", "conscripts", "peacekeepers/peacekeeper",
        "guardsmen", "border guards", "special forces", "military officers", "army officers",
        "military advisers", "military advisors", "military instructors", "military staff",
    ),
    "tanks": ("tanks/tank",),
    "armoured_vehicles": (
        "armoured vehicles/armoured vehicle", "armored vehicles/armored vehicle",
        "armoured personnel carriers", "armored personnel carriers", "armoured combat vehicles",
        "armored combat vehicles", "armoured fighting vehicles", "armored fighting vehicles",
        "armoured cars", "armored cars", "infantry fighting vehicles", "apcs", "ifvs",
    ),
    "vehicles": ("vehicles/vehicle", "trucks/truck"),
    "ships": (
        "warships/warship", "ships/ship", "vessels/vessel", "boats/boat", "frigates/frigate",
        "destroyers/destroyer", "corvettes/corvette", "minesweepers/minesweeper",
        "cruisers/cruiser", "gunboats/gunboat", "aircraft carriers/aircraft carrier",
    ),
    "submarines": ("submarines/submarine",),
    "aircraft": (
        "aircraft", "planes/plane", "airplanes/airplane", "aeroplanes/aeroplane", "jets/jet",
        "warplanes/warplane", "bombers/bomber",
    ),
    "helicopters": (
        "helicopters/helicopter", "choppers/chopper", "helicopter gunships", "gunships",
    ),
    "drones": ("drones/drone", "uavs/uav", "unmanned aerial vehicles", "unmanned aircraft"),
    "artillery": (
        "artillery pieces", "artillery", "guns/gun", "howitzers/howitzer", "mortars",
        "rocket launchers", "launchers/launcher", "cannons",
    ),
}  # fmt: skip
#: Noun phrases (lower case) and the unit they count: "warships" -> "ships".
UNIT_NOUNS: Final[Mapping[str, str]] = {
    form: unit
    for unit, nouns in _NOUN_TABLE.items()
    for entry in nouns
    for form in entry.split("/")[:1]
}
_SINGULAR: Final[Mapping[str, str]] = {
    entry.split("/")[1]: unit
    for unit, nouns in _NOUN_TABLE.items()
    for entry in nouns
    if "/" in entry
}
_LONGEST_NOUN: Final = max(len(noun.split()) for noun in [*UNIT_NOUNS, *_SINGULAR])
# "200 units of weapons and military equipment", "20,000 pieces of military hardware".
_CONTAINERS: Final = frozenset({"pieces", "units", "items"})
_MATERIEL: Final = frozenset({"equipment", "hardware", "weaponry", "weapons", "arms", "materiel"})
# "a 5,000-strong force".
_FORCE_MARKERS: Final = frozenset({"strong", "man", "member", "person"})
_FORCES: Final = _words(
    "force forces contingent army garrison battalion brigade regiment division detachment"
)
_MATERIEL_HEADS: Final = dict.fromkeys(_MATERIEL, "vehicles")
_FORCE_HEADS: Final = dict.fromkeys(_FORCES, "troops")
_COMPOUND_COUNTS: Final = _FORCE_MARKERS | {"plus", "odd"}
_MEASURES: Final = _words(
    """km kms kilometres kilometers kilometre kilometer miles mile metres meters metre meter m
    cm mm ft feet foot inches yards nautical hectares acres sq square tonnes tons tonne ton kg
    kilograms kilos grams pounds lbs litres liters gallons barrels degrees knots mph kph
    seconds minutes hours hrs days day weeks week months month years year decades centuries
    per percent pct percentage times o'clock a.m. p.m. am pm gmt utc bc ad mw megawatts
    kilotons kilotonnes megatons calibre caliber millimetre millimeter a.m p.m
    mg g gm gms kgs lb oz ozs t kt mt gram milligram milligrams microgram micrograms mcg ng
    ml l cl dl liter litre millilitre milliliter millilitres milliliters gallon gal gals pint
    pints quart quarts cup cups tbsp tsp tablespoons teaspoons tablespoon teaspoon dm nm µm um
    inch yd yard mi nmi centimetre centimeter centimetres centimeters millimetres millimeters
    micron microns hectare ha acre sqm sqft m2 m² km2 km² cm2 cc cm3 m3 kmh km/h kn kts mach
    °c °f celsius fahrenheit kelvin degree deg hz khz mhz ghz thz w kw gw tw kwh mwh gwh twh
    wh v kv mv ma amp amps ampere amperes volt volts watt watts ohm ohms kj mj joule joules
    cal kcal calorie calories btu hp horsepower psi bar bars kpa mpa hpa pa pascal atm db
    decibel decibels lux lumens mol mmol byte bytes kb mb gb tb pb kib mib gib bit bits kbps
    mbps gbps rpm bpm ppm ppb sec secs s min mins hr h ms millisecond milliseconds
    nanosecond nanoseconds megapixel megapixels mp mah minute hour second fps tons/day
    kilowatt kilowatts gigawatt gigawatts megawatt terawatt kilometer/hour
    cubic exabyte exabytes petabyte petabytes terabyte terabytes gigabyte gigabytes megabyte
    megabytes kilobyte kilobytes j gy mgy sv msv µsv usv gray grays sievert sieverts rad rads
    tpd bpd mtpa bcm tcf mmbtu fb cent cents dime dimes penny pennies
    ounce ounces carat carats karat karats fathom fathoms furlong furlongs parsec parsecs
    light-year light-years lightyear lightyears newton newtons pascals hertz becquerel
    becquerels bq curie curies mmhg inhg torr mbar millibar millibars flops
    millennium millennia rem sieverts lumen
    mpg kbit mbit gbit tbit kbit/s awg gauge m³ km³ cm³ mm² cm² mtco2 mtco2e tco2 tco2e
    gtco2 gtco2e quid bucks
    ns kda dalton daltons amu ly g-force g-forces mev kev gev tev
    stone cu qt qts wk wks yr yrs mo mos yds thou
    mi² ft² ft³ in² in³ yd² yd³ meq kbar gpa kva mtoe bbl bbl/d mmcf bcf arcsec arcmin kpc
    gpc msec usec dba dbm mwe gwe kwe bushel bushels peck pecks metric fluid imperial troy"""
)
# A unit with an SI prefix, singular or plural: "kilonewtons", "gigatonnes", "teraflops".
_PREFIXED_UNIT: Final = _fastre.compile(
    r"(?:kilo|mega|giga|tera|peta|exa|milli|micro|nano|pico|femto|centi|deci|deca|hecto)"
    r"(?:metre|meter|gram|gramme|tonne|ton|watt|joule|newton|second|sievert|gray|volt|hertz"
    r"|byte|bit|pascal|litre|liter|flop|ampere|amp|ohm|calorie|annum|parsec|becquerel|curie"
    r"|rad|rem|lumen|bar|dalton)s?"
)
# Words naming a scale whose reading follows: "absolute zero", "magnitude 6", "Mach 2".
_SCALES: Final = _words("absolute magnitude mach category defcon richter beaufort")
# What follows a count noun to make it a rate: "120 rounds per minute".
_RATE: Final = _fastre.compile(r"(?:[ \t]{1,2}[A-Za-z-]+){1,2}?[ \t]{1,2}per[ \t]{1,2}([A-Za-z]+)")
# "737 MAX 8": a word in capitals and a number after a number name a model.
_MODEL_AFTER: Final = _fastre.compile(r"[ \t]{1,2}[A-Z]{2,}[ \t]{1,2}\d")
# "4 x 4", "2 × 3 m": sizes and products.
_TIMES_AFTER: Final = _fastre.compile(r"[ \t]{0,2}[x×][ \t]{0,2}\d")
_TIMES_BEFORE: Final = _fastre.compile(r"\d[ \t]{0,2}[x×][ \t]{0,2}\Z")
_UNIT_HEAD: Final = _fastre.compile(r"[/^]")
_JOINED: Final = _fastre.compile(r"[ \t]{0,2}(?:,|and|or|to|&)[ \t]{1,2}", re.IGNORECASE)
# "8- to 16-meter", "320- or 640-inch": the first number shares the second's unit.
_SUSPENDED: Final = _fastre.compile(
    r"[-–][ \t]{1,2}(?:to|or|and)[ \t]{1,2}[\d.,]+[-–](?P<unit>[A-Za-z]+)", re.IGNORECASE
)
# Units of length written with a word that is also a preposition: "2 in" is inches only
# at the end of a phrase or before a dimension ("2 in long"), not in "2 in 10 people".
_INCH_AFTER: Final = _fastre.compile(
    r"[ \t\u00a0]{1,3}in\.?(?=[ \t\u00a0]{0,3}(?:$|[,;:.)]|(?:long|wide|tall|high|thick|deep"
    r"|diameter|across|barrel|screen|display)\b))",
    re.IGNORECASE,
)
# Symbols of measures after a number: "300 °C", "5 µm", "12″", "6'" (feet) written at once;
# "10 ± 2 cm", a measure with its uncertainty.
_MEASURE_SYMBOLS: Final = frozenset("°ºµ℃℉Ω′″²³±")  # "37 ºC": the ordinal sign for °
_VULGAR_FRACTIONS: Final = frozenset("½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞")
# Letters joined by a middle dot name a product of units: "N·m", "kW⋅h".
_UNIT_PRODUCT: Final = _fastre.compile(r"[A-Za-zµΩ]{1,4}[·⋅][A-Za-zµΩ]")
_ATTACHED_MEASURE_SYMBOLS: Final = frozenset("\"'")
_STOPS: Final = _words(
    """of and or but nor in on at to from for with by the a an this that these those
    is are was were be been being will would could should may might can have has had
    who which what whom than as per each more less into across near over under about up out
    off not no also there then while when where after before during including among between
    against since until it they he she we you i his her their our my your its"""
)
_PLURAL_ADJECTIVES: Final = frozenset({"various", "numerous", "us", "swiss"})
# Words naming a thing by number ("Project 20380", "Resolution 2231", "Type 055").
_DESIGNATORS: Final = _words(
    """project type class model block mark mk no nos number article articles resolution
    chapter section clause paragraph para page flight route highway phase stage level grade
    version series batch room annex item lot zone sector gate pier terminal platform line
    serial id code codes patent case order ref reference account registration hull tail
    squadron bus train exit
    lane road street avenue camp tranche round season episode vol volume part figure table
    protocol"""
)
_ABBREVIATED_DESIGNATORS: Final = _words("no nos vol para mk art sec")
_BLANKS: Final = " \t\u00a0"
_MAX_GAP: Final = 12  # "2,000 to 3,000", "14 and 17": numbers of a range are close
_BLANK_SET: Final = frozenset(_BLANKS)
_MAX_MODIFIERS: Final = 4  # "5,000 US and South Korean troops"
_PARTITIVES: Final = _words("the its their his her our these those")
_NO_HEADS: Final[Mapping[str, str]] = {}
_SENTENCE_OPENERS: Final = ".!?:;\"“”'‘’(–—-\n"
_MONTH_NAMES: Final = _words(
    "January Jan February Feb March Mar April Apr May June Jun July Jul August Aug "
    "September Sept Sep October Oct November Nov December Dec"
)
_MONTH: Final = (
    r"(?=[A-Z])(?:"
    + "|".join(sorted({*_MONTH_NAMES, *(m.upper() for m in _MONTH_NAMES)}, key=len, reverse=True))
    + r")\b\.?"
)
_DAY: Final = r"\d{1,2}(?:st|nd|rd|th)?(?!\d)"
_SEP: Final = (
    r"(?:\s{0,2}[-–—/]\s{0,2}|\s{0,2},\s{1,2}(?:and\s{1,2})?"
    r"|\s{1,3}(?:and|to|or|through|till|until)\s{1,3})"
)
_YEAR: Final = r"(?:,?\s{1,3}\d{4}(?!\d))?"
# Dates, times and other numbers that are not counts, found once per text.
# The lookahead (each alternative starts with a digit or a capital) skips other positions.
_NOT_COUNTS: Final = _fastre.compile(
    r"(?=[\dA-Z])(?:"
    rf"(?<![\w,.\-–/])(?:{_DAY}(?:{_SEP}{_DAY}){{0,12}}+\s{{1,3}}(?:of\s{{1,3}})?{_MONTH}{_YEAR}"
    rf"|{_MONTH}\s{{1,3}}{_DAY}(?:{_SEP}(?:{_MONTH}\s{{1,3}})?{_DAY}){{0,12}}+{_YEAR}"
    rf"|{_MONTH},?\s{{1,3}}\d{{4}}(?!\d))"
    r"|\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,4}/\d{1,2}(?:/\d{1,4})?\b|\b\d{1,2}\.\d{1,2}\.\d{4}\b"
    r"|\b\d{1,2}:\d{2}(?::\d{2})?\b|\b\d{1,2}(?:\.\d{2})?\s{0,2}[ap]\.?m\b\.?"
    ")"
)
_TOKEN: Final = _fastre.compile(r"[ \t\u00a0]{1,3}((?:[A-Za-z]\.){2,3}|[A-Za-z][\w'’-]*)")
#: Capitalised modifiers listed with commas: "British, Polish, American and Lithuanian".
_LISTED_MODIFIERS: Final = _fastre.compile(
    r"(?:[ \t]{1,2}[A-Z][A-Za-z.]+,){1,6}[ \t]{1,2}[A-Z][a-z]+,?[ \t]{1,2}and[ \t]{1,2}[A-Z][a-z]+"
)
_OF: Final = _fastre.compile(r"[ \t\u00a0]{1,3}of(?=[ \t\u00a0])", re.IGNORECASE)
_COMPOUND: Final = _fastre.compile(r"[-–]([A-Za-z]+)")


class _Unit(NamedTuple):
    unit: str | None
    end: int
    singular: bool = False
    measure: bool = False


class _Words:
    """The words after a number, read one at a time as the unit search needs them."""

    __slots__ = ("ends", "pos", "text", "words")

    def __init__(self, text: str, pos: int) -> None:
        self.text, self.pos = text, pos
        self.words: list[str] = []
        self.ends: list[int] = []

    def upto(self, count: int) -> list[str]:
        """The first ``count`` words (fewer at the end of the text or a sentence)."""
        while len(self.words) < count and (m := _TOKEN.match(self.text, self.pos)):
            self.words.append(m.group(1))
            self.ends.append(m.end())
            self.pos = m.end()
        return self.words[:count]


def _noun_at(words: _Words, i: int, heads: Mapping[str, str]) -> tuple[str, int, bool] | None:
    """The unit of the longest noun phrase starting at word ``i``, its length, singular."""
    found = words.upto(i + _LONGEST_NOUN)
    for size in range(min(_LONGEST_NOUN, len(found) - i), 0, -1):
        phrase = " ".join(found[i : i + size]).lower()
        if phrase in heads:
            return heads[phrase], size, False
        if phrase in UNIT_NOUNS:
            return UNIT_NOUNS[phrase], size, False
        if phrase in _SINGULAR:
            return _SINGULAR[phrase], size, True
    return None


def _modifier(word: str) -> bool:
    """Whether ``word`` can stand between a number and its noun ("5,000 Russian troops")."""
    lower = word.lower()
    if lower in _STOPS or lower in _MEASURES:
        return False
    # A plural noun or a verb ("24 countries sent troops") ends the phrase.
    return not (word.endswith("s") and lower not in _PLURAL_ADJECTIVES and not word[:-1].isupper())


def _measure_word(word: str) -> bool:
    """Whether ``word`` is a unit of measure; "J/m^2", "km^3" are judged by their first part,
    "lb-ft" (a product of two units) by both."""
    lower = word.lower().rstrip(".")
    if "/" in lower or "^" in lower:
        lower = _UNIT_HEAD.split(lower, 1)[0]
    if _is_unit(lower):
        return True
    # "lb-ft", "kW-h": units joined by a hyphen; "10 t-shirts" stays a count.
    parts = lower.split("-")
    return len(parts) == 2 and all(part and _is_unit(part) for part in parts)


def _is_unit(lower: str) -> bool:
    return lower in _MEASURES or _PREFIXED_UNIT.fullmatch(lower) is not None


def _unit_after(text: str, pos: int, heads: Mapping[str, str] = _NO_HEADS) -> _Unit:
    """The unit of the count ending at ``pos``: a few modifiers, then a noun."""
    k = pos
    while k < pos + 3 and text[k : k + 1] in _BLANK_SET:
        k += 1
    after = text[k : k + 1]
    if after in _MEASURE_SYMBOLS or (k == pos and after in _ATTACHED_MEASURE_SYMBOLS):
        return _Unit(None, pos, measure=True)
    if after in _VULGAR_FRACTIONS:
        # "3 ½ cups", "2 ¼ days": the fraction belongs to the number, no whole count.
        return _Unit(None, pos, measure=True)
    if k == pos or not after.isalpha():
        return _Unit(None, pos)  # no word follows: the common case, kept cheap
    if _UNIT_PRODUCT.match(text, k):
        return _Unit(None, pos, measure=True)  # "5 N·m": a product of units
    if after in "iI" and _INCH_AFTER.match(text, pos):
        return _Unit(None, pos, measure=True)
    words = _Words(text, pos)
    first = words.upto(1)
    if first and _measure_word(first[0]):
        return _Unit(None, pos, measure=True)
    start = 0
    if first and first[0] == "of" and words.upto(2)[1:] and words.words[1].lower() in _PARTITIVES:
        start = 2  # "3,000 of its troops", "two of the warships"
    for i in range(start, start + _MAX_MODIFIERS + 1):
        noun = _noun_at(words, i, heads)
        if noun is not None:
            unit, size, singular = noun
            return _Unit(unit, words.ends[i + size - 1], singular)
        seen = words.upto(i + 2)
        if len(seen) <= i:
            break
        if seen[i].lower() in _CONTAINERS and seen[i + 1 : i + 2] == ["of"]:
            return _contents(words, i + 2, pos)
        # "Russian and Tajik troops": "and" between two capitalised modifiers.
        capitals = [word[:1].isupper() for word in seen[max(start, i - 1) : i + 2]]
        joins = seen[i] == "and" and capitals == [True, False, True]
        if not (_modifier(seen[i]) or joins):
            break
    listed = _LISTED_MODIFIERS.match(text, pos) if first and first[0][:1].isupper() else None
    if listed is not None:  # "1,500 British, Polish, American and Lithuanian troops"
        rest = _Words(text, listed.end())
        noun = _noun_at(rest, 0, heads)
        if noun is not None:
            return _Unit(noun[0], rest.ends[noun[1] - 1], noun[2])
    return _Unit(None, pos)


def _contents(words: _Words, i: int, pos: int) -> _Unit:
    """The unit of "pieces of (military) equipment", "units of weapons and hardware"."""
    for j in range(i, i + 5):
        inner = _noun_at(words, j, _MATERIEL_HEADS)
        if inner is not None:
            return _Unit(inner[0], words.ends[j + inner[1] - 1])
        seen = words.upto(j + 1)
        if len(seen) <= j or not (_modifier(seen[j]) or seen[j] in ("and", "or")):
            break
    return _Unit(None, pos)


def _previous_word(text: str, start: int) -> tuple[str, bool]:
    """The word just before ``start`` and whether it opens a sentence."""
    end = start
    while end > max(0, start - 3) and text[end - 1] in _BLANKS:
        end -= 1
    word_start = end
    while word_start > max(0, end - 20) and (
        text[word_start - 1].isalpha() or text[word_start - 1] == "."
    ):
        word_start -= 1
    k = word_start
    while k > 0 and text[k - 1] in _BLANKS:
        k -= 1
    return text[word_start:end], k == 0 or text[k - 1] in _SENTENCE_OPENERS


def _rejected(text: str, n: NumberMatch) -> bool:
    """Whether the number at ``n`` is part of a name, a model, a measure or an ordinal."""
    before = text[n.start - 1] if n.start else " "
    if n.kind == "digits":
        if before.isalpha() or before in "#№'’^":
            return True  # "A320", "#5", "km^3"
        if before in "-–−" and n.start >= 2 and text[n.start - 2].isalpha():
            return True  # "F-35", "Su-30", "Tsentr-2019", "fb−1" (a power)
    after = text[n.end : n.end + 1]
    if (
        after.isalpha()
        or after in ("%", "/")
        or (after == ":" and text[n.end + 1 : n.end + 2].isdigit())
    ):
        return True
    if after in ("-", "–"):  # "five-year", "10-day", but "5,000-strong", "300-odd"
        if (suspended := _SUSPENDED.match(text, n.end)) is not None:
            return suspended["unit"].lower() not in _COMPOUND_COUNTS
        compound = _COMPOUND.match(text, n.end)
        return compound is not None and compound.group(1).lower() not in _COMPOUND_COUNTS
    return False


def _in_runs(text: str, numbers: tuple[NumberMatch, ...]) -> list[bool]:
    """For each number, whether it is one of a run: "555 1234", "1-2-3", "two three" are
    identifiers, scores or lists, not counts."""
    gaps = [text[a.end : b.start] for a, b in itertools.pairwise(numbers)]
    blank = [g.isspace() and len(g) <= 3 for g in gaps] + [False]
    hyphen = [g in ("-", "–") for g in gaps] + [False]
    chain = [a and b for a, b in itertools.pairwise(hyphen)] + [False]
    return [
        blank[i]
        or (i > 0 and blank[i - 1])
        or chain[i]
        or (i > 0 and chain[i - 1])
        or (i > 1 and chain[i - 2])
        for i in range(len(numbers))
    ]


def _is_year(text: str, n: NumberMatch) -> bool:
    raw = text[n.start : n.end]
    return n.kind == "digits" and raw.isdigit() and len(raw) == 4 and 1800 <= int(raw) <= 2100


def _named(text: str, n: NumberMatch) -> Literal["designator", "name", ""]:
    """Whether a word before the number makes it a name: "Project 877", "Saber Strike 16"."""
    word, opens = _previous_word(text, n.start)
    bare = word.rstrip(".").lower()
    if word.endswith(".") and bare not in _ABBREVIATED_DESIGNATORS:
        return ""  # the word ends a sentence
    if bare in _DESIGNATORS or bare in _SCALES:
        return "designator"
    if word[:1].isupper() and not opens and word.rstrip(".") not in _MONTH_NAMES:
        return "name"
    return ""


def _lower_after(text: str, end: int) -> bool:
    """Whether the word after ``end`` starts in lower case."""
    following = _TOKEN.match(text, end)
    return following is not None and following.group(1)[:1].islower()


def _as_int(value: Decimal | None) -> int | None:
    if isinstance(value, Decimal) and value == value.to_integral_value() and value < 2**63:
        return int(value)
    return None


def _vague_at(text: str, n: NumberMatch) -> Normalized[Quantity]:
    # "thousands of troops", "several hundred tanks"
    of = _OF.match(text, n.end)
    unit = _unit_after(text, n.end if of is None else of.end())
    low, high = _as_int(n.low), _as_int(n.high)
    end = unit.end if unit.unit else n.end
    word = text[n.start : n.end]
    if high is not None:  # "a couple hundred": a range
        quantity = Quantity(low=low, high=high, qualifier=Qualifier.APPROX, unit=unit.unit)
        warning = TextWarning("vague_count", f"{word!r} gives only a range ({low} to {high})")
        return Normalized.found(quantity, text, n.start, end, warning)
    quantity = Quantity(low=low, qualifier=Qualifier.AT_LEAST, unit=unit.unit)
    warning = TextWarning("vague_count", f"{word!r} gives only a lower bound ({low})")
    return Normalized.found(quantity, text, n.start, end, warning)


def _count_at(
    text: str, numbers: tuple[NumberMatch, ...], i: int, blocked: list[bool]
) -> tuple[Normalized[Quantity] | None, int]:
    """The count written with ``numbers[i]`` (None if it is not one), and how many numbers
    it used."""
    first = numbers[i]
    if _rejected(text, first):
        return None, 1
    start, last, used = first.start, first, 1
    low = high = None
    second = numbers[i + 1] if i + 1 < len(numbers) else None
    if second is not None and not blocked[i + 1] and second.start - first.end <= _MAX_GAP:
        joined = range_start(text, first.start, first.end, second.start)
        values = range_values(first, second) if joined is not None else None
        if joined is not None and values is not None and not _rejected(text, second):
            low, high = _as_int(values[0]), _as_int(values[1])
            start, last, used = joined, second, 2
            if low is None or high is None:
                return None, used
    qualifier: Qualifier | None = None
    end = last.end
    if (after := hedge_after(text, end)) is not None:
        qualifier, end = after
    heads = _NO_HEADS
    if text[end : end + 1] in ("-", "–"):
        compound = _COMPOUND.match(text, end)
        if compound is not None and compound.group(1).lower() in _FORCE_MARKERS:
            end, heads = compound.end(), _FORCE_HEADS
    unit = _unit_after(text, end, heads)
    if (
        unit.measure
        or (unit.singular and last.value != 1)
        or _not_a_count(text, start, end, unit.unit)
    ):
        return None, used
    if (
        unit.unit is None
        and used == 1
        and second is not None
        and _JOINED.fullmatch(text, end, second.start)
        and _unit_after(text, second.end).measure
    ):
        return None, used  # "45 and 50 mg": the measure's unit is shared
    named = _named(text, first)
    if named == "designator":
        return None, used
    hedge = hedge_before(text, start)
    if named == "name" and hedge is None and (unit.unit is None or _lower_after(text, end)):
        # "Boeing 747 jets", "Saber Strike 16": a model or a name. In a headline every
        # word is capitalised ("Russia Sends 3,000 Troops"): there it is a count.
        return None, used
    if unit.unit is None and (
        _is_year(text, first)
        or _is_year(text, last)
        or first.abbreviated
        or (first.kind == "words" and text[first.start : first.end].lower() == "one")
    ):
        return None, used  # "one" alone: "one of the", "no one" more often than a count
    end = max(end, unit.end)
    if low is not None:
        qualifier = Qualifier.UP_TO  # the corpus convention for ranges: an upper bound
        start = hedge[1] if hedge else start
    elif hedge is not None:
        qualifier, start = hedge
    if qualifier is None and (after := hedge_after(text, end)) is not None:
        qualifier, end = after
    value = _as_int(last.value)
    warnings: tuple[TextWarning, ...] = ()
    if used == 1 and last.alternative is not None:
        # "31.500 soldiers": no count has a fraction, so the dot groups thousands.
        value = _as_int(last.alternative)
        said = text[last.start : last.end]
        warnings = (TextWarning("assumed_grouping", f"{said!r} read as {value:,}"),)
    if value is None:
        return None, used
    if value < 0 or (low is not None and low < 0):
        said = text[start:end]
        warning = TextWarning("negative_count", f"{said!r} is negative: no count can be")
        return Normalized(None, start, end, said, (warning,)), used
    quantity = Quantity(
        value, low=low, high=high, qualifier=qualifier or Qualifier.EXACT, unit=unit.unit
    )
    return Normalized.found(quantity, text, start, end, *warnings), used


def _not_a_count(text: str, start: int, end: int, unit: str | None) -> bool:
    """Whether what stands around a number makes it a size ("4 x 4"), a model ("737 MAX
    8") or, when no count noun follows, a rate ("120 rounds per minute")."""
    if _TIMES_AFTER.match(text, end) or _TIMES_BEFORE.search(text, max(0, start - 6), start):
        return True
    if _MODEL_AFTER.match(text, end):
        return True
    rate = None if unit else _RATE.match(text, end)
    return rate is not None and _measure_word(rate.group(1))


def _blocked(numbers: tuple[NumberMatch, ...], spans: list[tuple[int, int]]) -> list[bool]:
    """For each number, whether it overlaps one of ``spans``."""
    spans.sort()
    flags: list[bool] = []
    k, reach = 0, -1  # reach: the furthest end of the spans starting before the number ends
    for n in numbers:
        while k < len(spans) and spans[k][0] < n.end:
            reach = max(reach, spans[k][1])
            k += 1
        flags.append(reach > n.start)
    return flags


def find_quantities(text: str) -> list[Normalized[Quantity]]:
    """Every count in ``text``, in order, with its hedge and unit.

    Vague counts ("dozens of troops") have no value, only ``low``, the smallest
    number the word implies (dozens 24, hundreds 200, thousands 2,000), qualifier
    ``at_least`` and a ``vague_count`` warning; the word is in ``text``.

    >>> [(r.value.value, r.value.unit) for r in find_quantities("In 2016, 40 tanks and 12 jets")]
    [(40, 'tanks'), (12, 'aircraft')]
    """
    require_text(text)
    numbers = find_numbers(text)
    if not numbers:
        return []
    return counts_in(text, numbers, money_in(text, numbers))


def counts_in(
    text: str, numbers: tuple[NumberMatch, ...], money: list[Normalized[Money]]
) -> list[Normalized[Quantity]]:
    """:func:`find_quantities` of ``text`` whose numbers (:func:`find_numbers`) and sums
    of money (:func:`~.money.find_money`) are read already: a reader that needs all
    three reads the numbers once.

    >>> text = "Russia sent 40 tanks and $5 million"
    >>> numbers = find_numbers(text)
    >>> counts_in(text, numbers, money_in(text, numbers)) == find_quantities(text)
    True
    """
    if not numbers:
        return []
    blocked = _blocked(
        numbers,
        [m.span() for m in _NOT_COUNTS.finditer(text)]
        + [(r.start, r.end) for r in money if r.start is not None and r.end],
    )
    runs = _in_runs(text, numbers)
    found: list[Normalized[Quantity]] = []
    i = 0
    while i < len(numbers):
        n = numbers[i]
        if blocked[i] or (runs[i] and n.kind != "vague"):
            i += 1
            continue
        if n.kind == "vague":
            found.append(_vague_at(text, n))
            i += 1
            continue
        result, used = _count_at(text, numbers, i, blocked)
        if result is not None:
            found.append(result)
        i += used
    return _share_units(text, found)


_COORDINATED: Final = _fastre.compile(r"[ \t]{0,2}(?:,[ \t]{0,2}(?:and|or)?|and|or|&)[ \t]{1,3}")


def _share_units(text: str, found: list[Normalized[Quantity]]) -> list[Normalized[Quantity]]:
    """ "5 and 6 tanks", "two, three or four ships": the noun that ends a list counts each."""
    for k in range(len(found) - 2, -1, -1):
        here, after = found[k], found[k + 1]
        if (
            here.value is not None
            and here.value.unit is None
            and after.value is not None
            and after.value.unit is not None
            and here.end is not None
            and after.start is not None
            and _COORDINATED.fullmatch(text, here.end, after.start)
        ):
            found[k] = attrs.evolve(here, value=attrs.evolve(here.value, unit=after.value.unit))
    return found


def parse_quantity(text: str) -> Normalized[Quantity]:
    """The count in ``text``: the first with a unit, else the first.

    >>> q = parse_quantity("over 700 armoured vehicles").value
    >>> q.value, q.qualifier.value, q.unit
    (700, 'more_than', 'armoured_vehicles')
    """
    found = find_quantities(text)
    if not found:
        return Normalized.nothing(TextWarning("no_quantity", "no count found"))
    return next((r for r in found if r.value is not None and r.value.unit), found[0])


_HEDGE_WORDS: Final[dict[Qualifier, str]] = {
    Qualifier.EXACT: "", Qualifier.APPROX: "about ", Qualifier.MORE_THAN: "more than ",
    Qualifier.AT_LEAST: "at least ", Qualifier.LESS_THAN: "fewer than ",
    Qualifier.AT_MOST: "no more than ", Qualifier.UP_TO: "up to ",
}  # fmt: skip
_VAGUE_WORDS: Final[dict[int, str]] = {
    24: "dozens", 40: "scores", 200: "hundreds", 2000: "thousands",
    20_000: "tens of thousands", 200_000: "hundreds of thousands", 2 * 10**6: "millions",
    2 * 10**7: "tens of millions", 2 * 10**8: "hundreds of millions", 2 * 10**9: "billions",
}  # fmt: skip
_UNIT_WORDS: Final[dict[str, str]] = {unit: unit.replace("_", " ") for unit in UNIT_KINDS} | {
    "artillery": "artillery pieces"
}


def quantity_text(quantity: Quantity) -> str:
    """Canonical words for ``quantity``; :func:`parse_quantity` reads them back to it for every
    shape it produces (a value, a range with ``value == high``, a vague count).

    >>> quantity_text(Quantity(5000, qualifier="approx", unit="troops"))
    'about 5,000 troops'
    """
    if not isinstance(quantity, Quantity):
        raise TypeError(f"quantity must be a Quantity, not {type(quantity).__name__}")
    q = quantity
    noun = "" if q.unit is None else " " + _UNIT_WORDS.get(q.unit, q.unit)
    if q.value is None and q.high is None and q.qualifier is Qualifier.AT_LEAST:
        word = _VAGUE_WORDS.get(q.low or 0)
        if word is not None:
            return word + (" of" + noun if noun else "")
    if q.low is not None and q.high is not None:
        return f"{q.low:,} to {q.high:,}{noun}"
    number = next(n for n in (q.value, q.low, q.high) if n is not None)
    return f"{_HEDGE_WORDS[q.qualifier]}{number:,}{noun}"
