"""Year-level and numeric date expressions for the ``temporal`` normalizer.

A bare number is a year only in a context that makes it one ("in 2016", "the
2014 agreement", "Tsentr-2019"), never before a count noun ("in 2000 troops").
"""

from __future__ import annotations

import re
from typing import Final

from .. import _fastre
from ..model.dates import DateSpan
from . import _temporal_calc as calc
from . import _temporal_words as words
from ._temporal_rules import Context, Piece, rule
from .result import TextWarning

_NEXT_WORD: Final = _fastre.compile(r"\s{1,2}([A-Za-z]{1,20})")


def _before_count(ctx: Context, position: int) -> bool:
    following = _NEXT_WORD.match(ctx.text, position)
    return following is not None and following[1].lower() in words.COUNT_NOUNS


_EDTF_DATE: Final = r"[12][0-9]{3}(?:-[0-9]{2}(?:-[0-9]{2})?)?[~?%]?"


@rule(
    rf"(?<![\w.,/:-])(?:(?P<x>(?:{_EDTF_DATE}|\.\.)?/(?:{_EDTF_DATE}|\.\.)?"
    r"|[12][0-9]{3}-[0-9]{2}(?:-[0-9]{2})?[~?%]?|[12][0-9]{3}[~?%])(?![\w/-]|[.,]\d)"
    # ISO 8601 with a time, in the extended and the basic form
    r"|(?P<y>[12][0-9]{3})(?P<sep>-?)(?P<m>0[1-9]|1[0-2])(?P=sep)(?P<d>0[1-9]|[12][0-9]|3[01])"
    r"(?:[Tt](?P<time>[0-2][0-9](?::?[0-5][0-9](?::?[0-5][0-9](?:[.,][0-9]{1,9})?)?)?)"
    r"(?:[Zz]|[+-][0-9]{2}(?::?[0-9]{2})?)?)?(?![\w/-]|[.,:+]\d))",
    kinds="digit",
)
def iso(match: re.Match[str], ctx: Context) -> list[Piece]:
    """Reads "2021-10-28", "2021-10", "2014/..", "2021-10-14/2021-10-17" (EDTF in prose),
    and ISO 8601 dates with a time, in both forms: "2003-09-25T10", "1986-07-05T08:15:30z",
    "2021-04-29T06:38:49,946+02:00", "20030925T104941-0300", and "20030925" when it is all
    the text (in prose eight digits are as often a number)."""
    token = match["x"]
    if token is None:
        return _iso_datetime(match, ctx)
    if not any(char.isdigit() for char in token):
        return []
    english = re.fullmatch(r"([0-9]{4})-([0-9]{2})", token)
    if english and int(english[2]) == (int(english[1]) + 1) % 100:
        # In prose "2011-12" is a financial or season year, not December 2011.
        first = int(english[1])
        return [Piece(match.start(), match.end(), DateSpan.between(f"{first}", f"{first + 1}"))]
    try:
        span = DateSpan.parse(token)
    except ValueError as error:
        ctx.notes.append(TextWarning("invalid_date", str(error)))
        return []
    return [Piece(match.start(), match.end(), span)]


def _iso_datetime(match: re.Match[str], ctx: Context) -> list[Piece]:
    if not match["sep"] and not match["time"] and ctx.text.strip() != match[0]:
        return []
    if match["sep"] and not match["time"]:
        return []  # "2021-10-28" with what the EDTF reading refuses after it
    year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
    if day > calc.days_in_month(year, month):
        raise ValueError(f"{match[0]!r} is not a calendar date")
    return [Piece(match.start(), match.end(), calc.calendar_span(year, month, day, None))]


_YEAR_PREPOSITIONS: Final = (
    *words.split("in since from by until till through during before after around circa c."),
    *words.split("about approximately approx approx. ca ca. c maybe perhaps possibly probably"),
    "uncertain:",
    "earlier than",
    "later than",
    "prior to",
    *words.split("year fiscal fy"),
    "of the year",
    "the year",
)


_HEDGES: Final = frozenset(words.split("about approximately approx approx. maybe perhaps"))
_NOUN_AFTER: Final = _fastre.compile(r"\s{1,2}[a-z]")


@rule(
    rf"\b(?:(?P<p>{words.alternation(_YEAR_PREPOSITIONS, any_case=True)})\s{{1,2}}"
    rf"|(?P<c>[Cc]a?\.?)(?=\d))(?:{words.any_case('the year')}\s{{1,2}})?(?P<core>{words.YEAR})",
    kinds="year",
)
def year_in_context(match: re.Match[str], ctx: Context) -> list[Piece]:
    """Reads "in 2016", "since 2014" (with ``since`` applied later), "around 2010" (``2010~``)."""
    if _before_count(ctx, match.end()):
        return []
    if match["c"]:  # "c1860", "ca.1860": circa, qualified later
        year = int(match["core"])
        return [Piece(match.start("core"), match.end(), calc.year_span(year), year=year)]
    if match["p"].lower() in _HEDGES and _NOUN_AFTER.match(ctx.text, match.end()):
        return []  # "about 2020 elections": a count or a name, not "about the year 2020"
    approximate = match["p"].lower() in ("around", "circa", "c.")
    year = int(match["core"])
    span = calc.year_span(year, approximate)
    return [Piece(match.start("core"), match.end(), span, year=year)]


@rule(
    rf"\b(?P<core>{words.YEAR})(?=\?|\s{{1,2}}(?:approx\.?|approximately|maybe|guess"
    r"|\((?:uncertain|approx\.?|approximate|\?)\)))",
    kinds="year",
    needs=r"\d(?:\?|\s{1,2}(?:approx|maybe|guess|\())",
)
def hedged_year(match: re.Match[str], ctx: Context) -> list[Piece]:
    """Reads "1860 approx", "1862?", "1862 (uncertain)" (the hedge is applied later)."""
    if _before_count(ctx, match.end()):
        return []
    year = int(match["core"])
    return [Piece(match.start(), match.end(), calc.year_span(year), year=year)]


@rule(rf"\b(?P<part>{words.PART})[\s-]{{1,2}}(?P<x>{words.YEAR})", kinds="year")
def year_part(match: re.Match[str], ctx: Context) -> list[Piece]:
    """Reads "late 2020" (``2020-09~/2020-12``), "mid-2021", "the end of 2019"."""
    span = calc.calendar_span(int(match["x"]), None, None, words.part_name(match["part"]))
    return [Piece(match.start(), match.end(), span)]


@rule(
    rf"\b(?:(?P<part>{words.any_case('early|mid|late')})[\s-]{{1,2}})?(?:{words.any_case('the')}\s{{1,2}})?"
    # "c1860s": circa glued to the decade, qualified later
    r"(?:(?P<c>[Cc]a?\.?)(?=\d))?"
    r"(?P<d>(?:1[0-9]|20)[0-9]0)['’]?s\b",
    kinds="year",
)
def decade(match: re.Match[str], ctx: Context) -> list[Piece]:
    """Reads "the 1990s" (``1990/1999``), "the early 2000s" (``2000/2003~``)."""
    part = match["part"].lower() if match["part"] else None
    if match["c"] and match["d"].endswith("00"):
        return []  # "c1900s": the decade or the century, as the sources disagree
    start = match.start("d") if match["c"] else match.start()  # circa: qualified later
    return [Piece(start, match.end(), calc.decade_span(int(match["d"]), part))]


@rule(
    rf"(?:\b{words.any_case('the')}\s{{1,2}}(?:(?P<part>{words.any_case('early|mid|late')})"
    rf"[\s-]{{1,2}})?['’]?|(?<![\w'’])['’])(?P<d>[1-9]0)['’]?s\b",
    kinds="alnum",
)
def short_decade(match: re.Match[str], ctx: Context) -> list[Piece]:
    """Reads "the 90s", "the '80s", "'90s": the decade of the century the report's
    two-digit years fall in (80 years back, 20 ahead)."""
    part = match["part"].lower() if match["part"] else None
    year = calc.two_digit_year(int(match["d"]), ctx.anchor)
    return [Piece(match.start(), match.end(), calc.decade_span(year, part))]


_DECADE_WORDS: Final = {
    word: 10 * number
    for number, word in enumerate(
        (
            "twenties",
            "thirties",
            "forties",
            "fifties",
            "sixties",
            "seventies",
            "eighties",
            "nineties",
        ),
        start=2,
    )
}
#: Words before "the nineties" that make it degrees, an age or a score, not a decade.
_NOT_A_DECADE: Final = _fastre.compile(
    r"(?i:temperatures?|highs?|lows?|degrees?|fahrenheit|celsius|aged?|his|her|their|scores?"
    r"|percent|mph)\b[^.;!?]{0,25}\Z"
)


@rule(
    rf"\b{words.any_case('the')}\s{{1,2}}(?:(?P<part>{words.any_case('early|mid|late')})"
    rf"[\s-]{{1,2}})?(?P<w>{words.any_case('|'.join(_DECADE_WORDS))})\b",
    kinds="decade",
    needs=r"(?i:ties\b)",
)
def decade_word(match: re.Match[str], ctx: Context) -> list[Piece]:
    """Reads "the nineties", "the early eighties": the decade of the century the report's
    two-digit years fall in; not "temperatures in the nineties" nor "in their forties"."""
    if _NOT_A_DECADE.search(ctx.text, max(0, match.start() - 40), match.start()):
        return []
    part = match["part"].lower() if match["part"] else None
    year = calc.two_digit_year(_DECADE_WORDS[match["w"].lower()], ctx.anchor)
    return [Piece(match.start(), match.end(), calc.decade_span(year, part))]


@rule(
    rf"\b(?:(?P<p>{words.any_case('between|from')})\s{{1,2}})?(?P<a>{words.YEAR})\s{{0,2}}"
    rf"(?P<sep>[-–—/]|{words.any_case('and|to|until|till|through')})\s{{0,2}}"
    # "1860 - c. 1870", "from 1860 to c1870": the end is approximate.
    r"(?:(?P<hedge>(?i:circa|ca\.|c\.|c|about|around))\s{0,2})?"
    # "2009 - 12 May 2011": two digits before a month are its day, not a year.
    rf"(?:(?P<b>{words.YEAR})|(?P<b2>[0-9]{{2}})(?![\w%]|[.,]\d|\s{{1,2}}{words.MONTH_ANY}))",
    kinds="year",
)
def year_range(match: re.Match[str], ctx: Context) -> list[Piece]:
    """Reads "between 1997 and 2013", "from 2014 to 2016", "1997-2013", "2016–17",
    "1999-00", and a season or fiscal year over two years, "2019/20" (a slash joins two
    years only when the second is the next: "2019/23" is no such span)."""
    first = int(match["a"])
    dash = match["sep"] in "-–—/"
    if match["b2"]:
        second = first - first % 100 + int(match["b2"])
        if second <= first and (first + 1) % 100 == int(match["b2"]):
            second = first + 1  # "1999-00": the next century's first year
        if not dash:
            return []
    else:
        second = int(match["b"])
    if match["sep"] == "/" and second != first + 1:
        return []
    if second <= first or (match["sep"].lower() == "and" and not match["p"]):
        return []
    if _before_count(ctx, match.end()):
        return []
    end = f"{second:04d}~" if match["hedge"] else f"{second:04d}"
    return [Piece(match.start(), match.end(), DateSpan.between(f"{first}", end))]


@rule(
    rf"\b(?:{words.any_case('the|a|an|its|their|his|her|this|that|whose')}"
    r"|[A-Z][\w.\-]*['\u2019]s)\s{1,2}"
    rf"(?P<core>{words.RECENT_YEAR})(?=\s{{1,2}}[a-z])",
    kinds="year",
)
def year_before_noun(match: re.Match[str], ctx: Context) -> list[Piece]:
    """Reads "the 2014 agreement", "a 2016 report", "Russia's 2003 agreement"."""
    if _before_count(ctx, match.end()):
        return []
    return [Piece(match.start("core"), match.end(), calc.year_span(int(match["core"])))]


@rule(
    r"\b(?P<name>[A-Z][A-Za-z]{1,20}(?: [A-Z][A-Za-z]{1,20}){0,2})[- ]"
    rf"(?P<core>{words.RECENT_YEAR})",
    kinds="year",
)
def year_in_name(match: re.Match[str], ctx: Context) -> list[Piece]:
    """Reads "Tsentr-2019", "Anakonda 2016": the year of a named event, with a warning."""
    if match["name"].split()[-1].lower() in words.NOT_NAMES or _before_count(ctx, match.end()):
        return []
    warning = TextWarning(
        "year_in_name", f"{match['core']} is read from the name {match[0]!r}, not from a date"
    )
    year = int(match["core"])
    span = calc.year_span(year)
    return [Piece(match.start("core"), match.end(), span, (warning,), year=year)]
