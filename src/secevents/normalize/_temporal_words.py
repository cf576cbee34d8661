"""Word tables and regex fragments for the date normalizer (``temporal``).

Every fragment repeats only a bounded number of times, so that the patterns
built from them run in linear time on any text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any, Final

from .. import _fastre


def split(text: str) -> tuple[str, ...]:
    """The words of ``text`` (word tables are written as one string each)."""
    return tuple(text.split())


# English whatever the locale (``calendar.month_name`` follows ``LC_TIME``).
MONTH_NAMES: Final = split(
    "January February March April May June July August September October November December"
)
DAY_NAMES: Final = split("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
MONTH_NUMBER: Final = {name.lower()[:3]: number for number, name in enumerate(MONTH_NAMES, 1)}
WEEKDAY_NUMBER: Final = {name.lower(): number for number, name in enumerate(DAY_NAMES)}

_UNITS: Final = split(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
    " fifteen sixteen seventeen eighteen nineteen twenty"
)
_TENS: Final = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
                 "seventy": 70, "eighty": 80, "ninety": 90}  # fmt: skip
NUMBER_WORDS: Final = (
    {word: number for number, word in enumerate(_UNITS)}
    | {"a": 1, "an": 1}
    | _TENS
    # "twenty one", "forty-five": a ten and a unit make one number.
    | {
        f"{ten}{joint}{unit}": value + number
        for ten, value in _TENS.items()
        for number, unit in enumerate(_UNITS[1:10], start=1)
        for joint in (" ", "-")
    }
)

_ORDINAL_UNITS: Final = split(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth"
    " thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
)
ORDINAL_WORDS: Final = (
    {word: number for number, word in enumerate(_ORDINAL_UNITS, start=1)}
    | {"twentieth": 20, "thirtieth": 30, "thirty-first": 31, "thirty first": 31}
    | {f"twenty-{word}": 20 + n for n, word in enumerate(_ORDINAL_UNITS[:9], start=1)}
    | {f"twenty {word}": 20 + n for n, word in enumerate(_ORDINAL_UNITS[:9], start=1)}
)

# Days that are holidays or campaigns rather than a day of this week.
HOLIDAY_PREFIXES: Final = frozenset(
    split("good black ash super bloody holy maundy easter palm cyber giving shrove blue")
)
# Nouns that make "in 2000 troops" a count rather than a year.
COUNT_NOUNS: Final = frozenset(
    split(
        "troops soldiers servicemen personnel people men women civilians refugees migrants"
        " units vehicles tanks aircraft planes jets helicopters drones ships warships vessels"
        " missiles rockets shells weapons guns km kilometres kilometers miles metres meters"
        " feet tonnes tons hectares acres dollars euros pounds barrels sorties pieces"
    )
)
# Capitalised words before a year that are not the name of an event ("In 2016").
NOT_NAMES: Final = frozenset(
    split(
        "in on at by of since from until till through during before after between the a an and"
        " or to for around circa year years early mid late summer winter spring autumn fall fy"
        " sept"
    )
    + tuple(name.lower() for name in MONTH_NAMES)
    + tuple(name.lower() for name in DAY_NAMES)
    + tuple(MONTH_NUMBER)
)
# Verbs and auxiliaries that mark a clause as past, and -ed words that do not.
PAST_VERBS: Final = split(
    "was were had has have did wasn't weren't hadn't hasn't haven't didn't said told began held"
    " met took gave made went came sent got saw spoke wrote built brought bought fought sought"
    " thought found knew won lost struck shot flew drew grew threw rose fell broke chose drove"
    " ran sat stood understood paid laid kept felt meant spent became withdrew undertook sank"
    " fled dealt swept stole wore tore arose"
)
NOT_PAST: Final = frozenset(
    split(
        "armed armoured armored united limited guided unmanned combined advanced alleged based"
        " so-called related concerned detailed unprecedented sophisticated dedicated"
        " unidentified unnamed hundred indeed need speed seed feed exceed proceed succeed bed"
        " red shed embed breed bleed greed creed deed weed steed heed"
        # participles that name ("joint drills, dubbed Slavic Brotherhood, in Serbia"): no past
        " dubbed codenamed code-named nicknamed titled entitled"
    )
)


def _trie(node: dict[str, dict[str, Any]]) -> str:
    branches = [
        _CHAR.get(char, re.escape(char)) + _trie(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    if "" in node:
        return f"(?:{body})?" if len(branches) == 1 else f"{body}?"
    return body


_CHAR: Final = {" ": r"\s{1,2}", "'": "['’]"}


def alternation(phrases: Iterable[str], any_case: bool = False) -> str:
    """A regex matching any of ``phrases``, as a group, spaces as ``\\s{1,2}``.

    The alternatives are merged into a trie: the engine then rejects a position
    after one character instead of trying every phrase (ten times faster).
    ``any_case`` adds the Capitalised and UPPER forms (cheaper than ``(?i:...)``).
    """
    root: dict[str, dict[str, Any]] = {}
    for phrase in phrases:
        forms = {phrase, phrase[:1].upper() + phrase[1:], phrase.upper()} if any_case else {phrase}
        for form in forms:
            node = root
            for char in form:
                node = node.setdefault(char, {})
            node[""] = {}
    return f"(?:{_trie(root)})"


def any_case(phrases: str) -> str:
    """:func:`alternation` of ``|``-separated phrases in lower, Capitalised or UPPER case."""
    return alternation(phrases.split("|"), any_case=True)


_FULL_MONTHS: Final = list(MONTH_NAMES)
_SHORT_MONTHS: Final = list(split("Jan Feb Mar Apr Jun Jul Aug Sept Sep Oct Nov Dec"))
_MONTH_END: Final = (
    r"(?:(?<=Sept|SEPT|sept)\.|(?<![A-Za-z]{4})(?<!May|MAY|may)\.|\b)(?!-\w|['’][a-rt-z])"
)
# Title-case or upper-case only: lower-case "may" and "march" are verbs. A period ends
# an abbreviation ("Sept.", "Oct."), never a full name ("in May.").
_CASED_MONTHS: Final = alternation(
    _FULL_MONTHS + _SHORT_MONTHS + [m.upper() for m in _FULL_MONTHS + _SHORT_MONTHS]
)
MONTH: Final = _CASED_MONTHS + _MONTH_END
# A month that opens a range of months ("January-March 2020", "Jan.-Mar."): the dash
# that MONTH refuses after a name ("May-based") is the range's.
MONTH_BEFORE_DASH: Final = _CASED_MONTHS + r"\.?(?=\s{0,2}[-\u2013\u2014]\s{0,2}[A-Z])"
# Any case ("may 8", "8 march 2019"): only where a day or a year stands beside it.
MONTH_ANY: Final = (
    alternation(
        _FULL_MONTHS
        + _SHORT_MONTHS
        + [m.upper() for m in _FULL_MONTHS + _SHORT_MONTHS]
        + [m.lower() for m in _FULL_MONTHS + _SHORT_MONTHS]
    )
    + _MONTH_END
)
MONTH_LOWER: Final = alternation([m.lower() for m in _FULL_MONTHS + _SHORT_MONTHS]) + _MONTH_END
# Lower-case month names that are not also common English words.
SAFE_LOWER_MONTHS: Final = frozenset(
    m.lower() for m in _FULL_MONTHS + _SHORT_MONTHS if m not in ("May", "March", "Mar")
)
_DAY_ABBREVIATIONS: Final = list(split("Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun"))
WEEKDAY: Final = alternation(
    list(DAY_NAMES) + [day.upper() for day in DAY_NAMES] + [day.lower() for day in DAY_NAMES]
)
# Abbreviated weekdays ("Tue", "Thurs."): only beside a date or after last/next/this/on.
WEEKDAY_SHORT: Final = alternation(_DAY_ABBREVIATIONS + [d.upper() for d in _DAY_ABBREVIATIONS])
#: The same in any case ("tue", "THURS"): only where the abbreviation is all the text.
WEEKDAY_SHORT_ANY_CASE: Final = any_case("|".join(_DAY_ABBREVIATIONS).lower())
DAY: Final = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?![\w%]|[.:]\d|,\d{1,3}(?!\d))"
# A day cannot follow these: "2,5 May", "$5 May", "Su-25 May".
DAY_START: Final = r"(?<![\w.,:$£€/+\-])"
YEAR: Final = r"(?:1[0-9]|20)[0-9]{2}(?![\w%]|[.,]\d)"
_CLOCK: Final = r"(?:[01][0-9]|2[0-3])[0-5][0-9]"
_ZONE: Final = r"\s{0,2}(?:hrs|hours|h|Z|GMT|UTC|local)\b"
#: A four-digit time after a date ("2 Jan 1430", "5 May 0600 GMT").
HHMM: Final = rf"{_CLOCK}(?:{_ZONE})?(?![\w%:])"
#: Four digits after a day and month (no comma) that are a time, not a year: "1430"
#: (before 1600 and a valid HHMM) or any time with a zone ("1945 GMT").
TIME_NOT_YEAR: Final = _fastre.compile(rf"{_CLOCK}{_ZONE}|1[0-5][0-5][0-9](?!\d)")
CLOCK_DIGITS: Final = _fastre.compile(_CLOCK)
RECENT_YEAR: Final = r"(?:19|20)[0-9]{2}(?![\w%]|[.,-]\d)"
RANGE_WORD: Final = r"[-–—]|to|through|thru|until|till"
DAY_SEPARATOR: Final = rf"\s{{0,2}}(?:{RANGE_WORD}|and|&|,(?:\s{{0,2}}and)?)\s{{0,2}}"
# At most six days. Atomic: "13, 13, 13, ..." without a month fails at once instead of
# trying each shorter list.
# "the 3rd to the 12th of November": "the" before an ordinal day after the first.
DAY_GROUP: Final = (
    rf"(?>{DAY}(?:{DAY_SEPARATOR}(?:(?i:the)\s{{1,2}}(?=\d{{1,2}}(?:st|nd|rd|th)))?{DAY}){{0,5}})"
)
ORDINAL: Final = alternation(ORDINAL_WORDS, any_case=True)
# One number word, then after a ten ("twenty", "ninety") an optional unit: "twenty one",
# "forty-five" (a suffix tried only after "ty" costs less than every pair in the trie).
_SINGLE_WORDS: Final = [word for word in NUMBER_WORDS if " " not in word and "-" not in word]
_ONE_NUMBER: Final = (
    rf"(?:(?<!\d[.,])\d{{1,3}}(?![\w,.]\d)"
    rf"|{alternation([*_SINGLE_WORDS, 'a couple of'], any_case=True)}"
    rf"(?:(?<=[tT][yY])[-\s]{{1,2}}{alternation(_UNITS[1:10], any_case=True)}\b)?)"
)
#: A number of one to three words, or with a scale word and what follows it: "one
#: hundred and twenty", "a thousand", "two hundred fifty"; "a dozen" is twelve.
NUMBER: Final = (
    rf"(?:{_ONE_NUMBER}(?:\s{{1,2}}(?i:hundred|thousand)\b"
    rf"(?:\s{{1,2}}(?:(?i:and)\s{{1,2}})?(?!(?i:a|an)\b){_ONE_NUMBER}(?=\s))?)?"
    r"|(?i:(?:half\s{1,2})?a\s{1,2}dozen))"
)
_SCALES: Final = {"hundred": 100, "thousand": 1000}
PART: Final = any_case(
    "early in|late in|early|mid|late|the end of|the beginning of|the start of|the middle of"
    "|the close of|the turn of|end of|beginning of|start of|middle of"
)
PART_NAME: Final = {"beginning": "early", "start": "early", "turn": "early", "middle": "mid",
                    "end": "late", "close": "late"}  # fmt: skip


def weekday_number(token: str) -> int:
    """0 (Monday) to 6 for a weekday name or abbreviation ("Tues.", "thursday")."""
    lower = token.rstrip(".").lower()
    return WEEKDAY_NUMBER.get(lower, _WEEKDAY_PREFIX[lower[:3]])


_WEEKDAY_PREFIX: Final = {name[:3]: number for name, number in WEEKDAY_NUMBER.items()}


def follows_number(text: str, start: int) -> bool:
    """Whether the word just before ``start`` is a number: "one thirty minutes ago" is
    not a well-formed amount, so no offset is read from its last word."""
    before = _WORD_BEFORE.search(text, max(0, start - 16), start)
    return before is not None and (
        before[1].isdigit() or before[1].lower() in NUMBER_WORDS.keys() - {"a", "an"}
    )


_WORD_BEFORE: Final = _fastre.compile(r"([A-Za-z]+|\d+)[\s-]{1,2}\Z")


def number_value(word: str) -> int | None:
    """The value of a digit string or an English number word (``"a couple of"`` is 2)."""
    word = " ".join(word.lower().split())
    if word.replace(",", "").isdigit():
        return int(word.replace(",", ""))  # "1,000 years ago"
    if word.startswith("a couple"):
        return 2
    if word.endswith("dozen"):
        return 6 if word.startswith("half") else 12
    for scale, size in _SCALES.items():
        head, found, tail = word.partition(f" {scale}")
        if found:  # "one hundred and twenty": 1 * 100 + 20
            many = number_value(head)
            rest = tail.strip().removeprefix("and ").strip()
            more = number_value(rest) if rest else 0
            return None if many is None or more is None else many * size + more
    return NUMBER_WORDS.get(word)


def part_name(word: str) -> str:
    """``early``, ``mid`` or ``late`` for a part word ("the end of" is ``late``)."""
    first, *rest = word.lower().split()
    if first == "the":
        return PART_NAME[rest[0]]
    return PART_NAME.get(first, first)


_TRIGGER_KINDS: Final = {
    **dict.fromkeys(split("day week month year fortnight"), "unit"),
    **dict.fromkeys(split("decade century centuries"), "decade"),
    **dict.fromkeys(
        split("twenties thirties forties fifties sixties seventies eighties"), "decade"
    ),
    "nineties": "decade",
    **dict.fromkeys(split("hour minute"), "clock"),
    **dict.fromkeys(
        split("night morning afternoon evening today tomorrow tonight yesterday"), "dayword"
    ),
    "new year": "holiday",
    "now": "now",
    **dict.fromkeys(
        split("later earlier afterwards thereafter previously prior back before"), "later"
    ),
    "after": "later",
    "hence": "hence",
    **dict.fromkeys(split("spring summer autumn fall winter"), "season"),
    **dict.fromkeys(split("quarter half"), "part"),
    "ago": "ago",
    **dict.fromkeys(split("christmas halloween valentine boxing"), "holiday"),
}
_TRIGGER_WORDS: Final = tuple(_TRIGGER_KINDS)
# Every date expression holds one of these within a few words; all alternatives start with
# a literal, so the regex engine skips other characters quickly. A run of digits is one
# trigger ("2021" gives one window, not four).
TRIGGER: Final = "[0-9]+|" + alternation(
    [month[:3] for month in _FULL_MONTHS]
    + [month[:3].upper() for month in _FULL_MONTHS]
    + [day[:3] for day in DAY_NAMES]
    + [day[:3].upper() for day in DAY_NAMES]
    + [day.lower() for day in DAY_NAMES]
    + [
        form
        for word in _TRIGGER_WORDS
        for form in (word, word.capitalize(), word.title(), word.upper())
    ]
    + sorted(SAFE_LOWER_MONTHS)
)


_LOWER_MONTH: Final = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b"
)
# What follows a run of digits: a letter ("15Mar", "23rd", "19c", "90's"), a separator and more
# ("10/7/2008", "3-FEB-1999"), or a lower-case month ("8 may", "4th of june").
_DIGIT_TAIL: Final = _fastre.compile(
    rf"(?:st|nd|rd|th)?\s{{1,2}}(?:of\s{{1,2}})?(?P<lmonth>{_LOWER_MONTH})"
    r"|(?P<alnum>[A-Za-z]|['’]s\b)|(?P<slashed>[/.\-][0-9A-Za-z])"
    r"|(?P<clock>\s{1,2}(?:hrs?|mins?|secs?)\b)"
)
# A lower-case month just before the digits: "may 8", "march 2019", "mar, 2022".
_MONTH_BEFORE: Final = _fastre.compile(rf"\b{_LOWER_MONTH}\.?,?\s{{1,2}}\Z")


def digit_kinds(text: str, start: int, end: int) -> tuple[str, ...]:
    """The trigger kinds of the digits ``text[start:end]``: ``digit`` and what is beside them.

    Four digits from 1000 to 2999 are also a ``year``: the rules that read years run
    only near one, not near every count ("5,000 troops").
    """
    after = text[end : end + 1]
    # Most digits end a number before a comma, a full stop or a space and a word.
    tail = _DIGIT_TAIL.match(text, end) if after and after not in ",)" else None
    kind = None if tail is None else tail.lastgroup
    base = _YEAR_KINDS if end - start == 4 and text[start] in "12" else _DIGIT_KINDS
    if (
        start > 1
        and text[start - 1] == " "
        and (text[start - 2].islower() or text[start - 2] == ",")  # "may 8", "mar, 2022"
        and _MONTH_BEFORE.search(text, max(0, start - 13), start)
    ):
        return (*base, "lmonth") if kind in (None, "lmonth") else (*base, "lmonth", kind)
    return base if kind is None else (*base, kind)


_DIGIT_KINDS: Final = ("digit",)
_YEAR_KINDS: Final = ("digit", "year")


@functools.lru_cache(maxsize=512)  # a text repeats its trigger words
def trigger_kind(token: str) -> str:
    """Which rules a trigger serves: ``digit``, ``month``, ``weekday`` or a word's kind."""
    if token.isdigit():
        return "digit"
    lower = token.lower()
    if lower[:3] in MONTH_NUMBER and token[:1].isupper():
        return "month"
    if lower in SAFE_LOWER_MONTHS:
        return "lmonth"
    if lower in _TRIGGER_KINDS:
        return _TRIGGER_KINDS[lower]
    if lower.startswith("new"):
        return "holiday"  # "New  Year": the spaces as written
    return "weekday"
