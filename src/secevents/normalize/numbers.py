"""Reading the numbers of news English: "128,000", "8.6", "1.5 million", "twenty-five", "dozens".

Shared by the quantity and money normalizers: every number with its span, scale and hedge.
"""

from __future__ import annotations

import decimal
import re
from decimal import Decimal
from functools import lru_cache
from typing import Final, Literal, NamedTuple

from .. import _fastre
from ..model.vocab import Qualifier
from .result import require_text

__all__ = [
    "NumberMatch",
    "find_numbers",
    "hedge_after",
    "hedge_before",
    "range_start",
    "range_values",
    "read_number",
]

NumberKind = Literal["digits", "words", "vague"]

#: Wide enough that no product of a number and its scale words is ever rounded.
_EXACT: Final = decimal.Context(prec=80, traps=[decimal.Inexact, decimal.InvalidOperation])
#: Longer digit runs are identifiers (phone, serial numbers), never counts or sums.
_MAX_DIGITS: Final = 24

#: Scales of other languages that English reports quote beside euros, reais or pesos
#: ("€1,5 Mrd.", "R$ 50 milhões", "Rp 5 triliun"): read, never dropped from a sum (a sum
#: read without its scale is wrong by a factor of a million). Spanish "billón" is 10**12
#: (the long scale); Brazilian "bilhão" 10**9.
_FOREIGN_SCALES: Final[dict[str, int]] = {
    **dict.fromkeys(("tsd", "ribu", "тыс"), 10**3),
    **dict.fromkeys(("mio", "millionen", "millones", "millón", "milhões", "milhão",
                     "milioni", "juta", "miljoen", "miljoenen", "milyon", "млн"), 10**6),
    **dict.fromkeys(("mrd", "milliard", "milliards", "milliarden", "miliardi", "bilhão",
                     "bilhões", "miliar", "miljard", "miljarden", "milyar", "mld", "млрд"),
                    10**9),
    **dict.fromkeys(("trilhão", "trilhões", "billón", "billones", "triliun", "трлн"), 10**12),
}  # fmt: skip
_SCALES: Final[dict[str, int]] = {
    "dozen": 12, "score": 20, "hundred": 100,
    **dict.fromkeys(("thousand", "k"), 10**3),
    **dict.fromkeys(("lakh", "lakhs", "lac", "lacs"), 10**5),
    **dict.fromkeys(("million", "mn", "mln", "m"), 10**6),
    **dict.fromkeys(("crore", "crores", "cr"), 10**7),
    **dict.fromkeys(("billion", "bn", "bln", "b"), 10**9),
    **dict.fromkeys(("trillion", "tn", "trn"), 10**12),
    **_FOREIGN_SCALES,
}  # fmt: skip
_UNITS: Final = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS: Final = (
    "ten", "eleven", "twelve", "thirteen", "fourteen",
    "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
)  # fmt: skip
_TENS: Final = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_WORD_VALUES: Final[dict[str, int]] = {
    **{w: i for i, w in enumerate(_UNITS)},
    **{w: 10 + i for i, w in enumerate(_TEENS)},
    **{w: 20 + 10 * i for i, w in enumerate(_TENS)},
}
_BIG_WORDS: Final = ("hundred", "thousand", "lakh", "crore", "million", "billion", "trillion")

# The smallest number each vague word implies: "dozens" is at least two dozen.
_VAGUE_PLURALS: Final[dict[str, int]] = {
    "dozens": 24,
    "scores": 40,
    "hundreds": 200,
    "thousands": 2000,
    "millions": 2 * 10**6,
    "billions": 2 * 10**9,
}


def _alternatives(words: list[str] | tuple[str, ...]) -> str:
    # Longest first, so that "seventeen" is not read as "seven".
    return "|".join(sorted(words, key=len, reverse=True))


def _by_first_letter(words: list[str]) -> str:
    """An alternation of ``words`` grouped by their first letter ("m(?:illion|n|ln)|b..."):
    a word that starts with none of them fails at once, whatever the number of words."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(word[1:])
    return "|".join(
        f"{re.escape(first)}(?:{'|'.join(sorted(rests, key=len, reverse=True))})"
        for first, rests in groups.items()
    )


_NUMWORD: Final = _alternatives([*_WORD_VALUES, *_BIG_WORDS, "dozen"])
_SCALE_WORDS: Final = _by_first_letter(
    [
        *("million", "billion", "trillion", "thousand", "hundred", "dozen", "crore", "crores"),
        *("cr", "lakh", "lakhs", "lac", "lacs", "mn", "mln", "bn", "bln", "tn", "trn"),
        *_FOREIGN_SCALES,
    ]
)
_DIGITS: Final = _fastre.compile(
    rf"""(?=\d)(?<![\d,])(?<!\d\.)
    (?P<int>\d{{1,3}}(?:,\d{{3}})+|\d{{1,2}}(?:,\d{{2}})+,\d{{3}}|\d+)(?!,?\d)
    (?P<frac>\.\d{{1,12}})?(?!\.?\d)
    (?:(?:\s{{1,3}}|-|(?=(?:million|billion|trillion)\b))(?P<scale>{_SCALE_WORDS})\b
       |(?P<abbr>bn|mn|m|b|k|tn)\b)?
    """,
    re.IGNORECASE | re.VERBOSE,
)
# Number words and vague counts; vague first, so that "hundreds of thousands" is one.
_WORDY: Final = _fastre.compile(
    rf"""\b(?=[a-z])(?:
    (?P<vague>\b(?:
        (?P<vq>several|a\s{{1,3}}few|a\s{{1,3}}couple(?:\s{{1,3}}of)?|few|many)\s{{1,3}}
            (?P<vs>dozen|score|hundred|thousand|million|billion)
            (?:\s{{1,3}}(?P<vs2>thousand|million|billion))?
        | (?P<vt>tens|hundreds)\s{{1,3}}of\s{{1,3}}(?P<vt2>thousands|millions|billions)
        | (?P<vp>dozens|scores|hundreds|thousands|millions|billions)
    )\b)
    | (?P<half>\bhalf\s{{1,3}}an?\s{{1,3}}(?P<hs>dozen|hundred|thousand|million|billion)\b)
    | (?P<words>\b(?:an?\s{{1,3}})?(?:{_NUMWORD})\b
        (?:(?:\s{{1,3}}(?:and\s{{1,3}})?|\s?-\s?)(?:{_NUMWORD})\b){{0,24}}+)
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# "$4 million 794 thousand": a further group of a smaller scale.
_COMPOUND: Final = _fastre.compile(
    r"\s{1,3}(?:and\s{1,3})?(\d{1,3})\s{1,3}(thousand|hundred|million|lakhs?|crores?)\b",
    re.IGNORECASE,
)
_WORD_TOKEN: Final = _fastre.compile(r"[a-z]+", re.IGNORECASE)
_ANY_DIGIT: Final = _fastre.compile(r"\d")
#: The words without one of which ``_WORDY`` cannot match (a test much cheaper than it).
_NUMBER_WORDS: Final = frozenset([*_WORD_VALUES, *_BIG_WORDS, "dozen", "score", *_VAGUE_PLURALS])


class NumberMatch(NamedTuple):
    """A number read from ``text[start:end]``.

    ``value`` is exact; a vague count ("dozens") has no value, only ``low``, the
    smallest number the word implies. ``multiplier`` is the scale word's factor
    ("8.6 million": 1000000), ``abbreviated`` says the scale was a suffix ("8.6m"),
    ``grouped`` that the digits had thousands separators; ``grouping`` and
    ``alternative`` describe the other ways of writing digits ("2.109,00", "5 290",
    "12,50", and the ambiguous "31.500").

    >>> find_numbers("some 7,000 troops")[0]
    NumberMatch(value=Decimal('7000'), start=5, end=10, kind='digits', low=None, ...)
    """

    value: Decimal | None
    start: int
    end: int
    kind: NumberKind
    low: Decimal | None = None
    multiplier: int = 1
    abbreviated: bool = False
    grouped: bool = False
    #: For "31.500" (one dot, three digits), which may be 31.5 or 31,500: the
    #: thousands reading (``value`` is the decimal one). Callers decide or refuse.
    alternative: Decimal | None = None
    #: The thousands separator when it is not a comma ("." "2.109,00", " " "5 290",
    #: "'" "1'250"), or "decimal_comma" for "12,50".
    grouping: str = ""
    #: The largest number a vague count implies, where it has one ("a couple hundred": 300).
    high: Decimal | None = None

    @property
    def base(self) -> Decimal | None:
        """The number before its scale word: 8.6 for "8.6 million"."""
        if self.value is None:
            return None
        return _EXACT.divide(self.value, Decimal(self.multiplier))


def _exact(value: Decimal) -> Decimal:
    # Integral values get exponent 0 so they print as "8600000", not "8.6E+6".
    if value == value.to_integral_value():
        return value.quantize(Decimal(1), context=_EXACT)
    return value


def _digits(m: re.Match[str], text: str) -> NumberMatch | None:
    raw = m.group(1)
    if len(raw) > _MAX_DIGITS:
        return None
    if m.start() and text[m.start() - 1] == "." and _NO_LEADING_ZERO.match(text, m.start() - 1):
        return _point_fraction(m, text)
    if m.lastindex == 1:  # no fraction, no scale: the common case, kept cheap
        return NumberMatch(
            Decimal(int(raw.replace(",", ""))),
            m.start(),
            m.end(),
            "digits",
            None,
            1,
            False,
            "," in raw,
        )
    frac, scale_word, abbr = m.group("frac", "scale", "abbr")
    value = Decimal(raw.replace(",", "") + (frac or ""))
    multiplier = _SCALES.get((scale_word or abbr or "").lower(), 1)
    end = m.end()
    higher = _SCALE_ON_SCALE.match(text, end) if scale_word else None
    if higher is not None and (second := _SCALES[higher[1].lower()]) > multiplier:
        multiplier, end = multiplier * second, higher.end()  # "3 lakh crore": 3 x 10**12
    value = _EXACT.multiply(value, Decimal(multiplier))
    top = multiplier
    while multiplier > 1 and (more := _COMPOUND.match(text, end)):
        scale = _SCALES[more.group(2).lower().rstrip("s")]
        part = int(more.group(1))
        if scale >= top or part * scale >= top:
            break
        value += part * scale
        top, end = scale, more.end()
    return NumberMatch(
        _exact(value),
        m.start(),
        end,
        "digits",
        multiplier=multiplier,
        abbreviated=abbr is not None,
        grouped="," in raw,
    )


class _WordReader:
    """One number being read word by word: "two", "hundred", "and", "five"."""

    __slots__ = ("biggest", "current", "end", "last", "start", "top", "total")

    def __init__(self) -> None:
        self.total = self.current = 0
        self.last = ""  # the class of the previous word
        self.top = 10**15  # scales must fall: "two million five thousand"
        self.biggest = 1
        self.start = self.end = -1

    def take(self, word: str, start: int, end: int) -> bool:
        """Add ``word`` if it can continue the number."""
        last = self.last
        if word in ("a", "an"):
            if last:
                return False
            self.last, self.current = "a", 1
        elif word == "and":
            return last in ("hundred", "scale")
        elif word in _WORD_VALUES:
            n = _WORD_VALUES[word]
            kind = "unit" if n < 10 else "teen" if n < 20 else "tens"
            if not (last in ("", "hundred", "scale") or (last == "tens" and kind == "unit")):
                return False
            self.current += n
            self.last = kind
        elif word == "hundred":
            if last not in ("unit", "teen", "a") or self.current >= 100:
                return False
            self.current *= 100
            self.last = "hundred"
        elif word == "dozen":
            if last not in ("unit", "teen", "tens", "a"):
                return False
            self.current *= 12
            self.last = "dozen"
        else:
            # The pattern matches case-insensitively, so "ſix" (long s) reaches here.
            scale = _SCALES.get(word)
            if scale is None:
                return False
            if last not in ("unit", "teen", "tens", "hundred", "a") or scale >= self.top:
                return False
            self.total += self.current * scale
            self.biggest = max(self.biggest, scale)
            self.current, self.top, self.last = 0, scale, "scale"
        if self.start < 0:
            self.start = start
        self.end = end
        return True

    def result(self) -> NumberMatch | None:
        if self.last in ("a", ""):
            return None
        value = Decimal(self.total + self.current)
        return NumberMatch(value, self.start, self.end, "words", multiplier=self.biggest)


def _words(m: re.Match[str]) -> list[NumberMatch]:
    """The numbers in a run of number words: "two dozen", "one hundred and five", "two three"."""
    found: list[NumberMatch] = []
    reader = _WordReader()
    for token in _WORD_TOKEN.finditer(m.group()):
        word, start, end = token.group().lower(), m.start() + token.start(), m.start() + token.end()
        if not reader.take(word, start, end):
            if (number := reader.result()) is not None:
                found.append(number)
            reader = _WordReader()
            if not reader.take(word, start, end):
                reader = _WordReader()
    if (number := reader.result()) is not None:
        found.append(number)
    return found


def _vague(m: re.Match[str]) -> NumberMatch:
    if m.group("vp"):
        low = _VAGUE_PLURALS[m.group("vp").lower()]
    elif m.group("vt"):
        low = 2 * 10 ** (1 if m.group("vt").lower() == "tens" else 2)
        low *= _SCALES[m.group("vt2").lower()[:-1]]
    else:
        scale = _SCALES[m.group("vs").lower()]
        if m.group("vs2"):
            scale *= _SCALES[m.group("vs2").lower()]
        low = 2 * scale
        if m.group("vq").lower().startswith("a couple"):
            # "a couple hundred": two or three hundred, a range rather than a floor.
            return NumberMatch(
                None, m.start(), m.end(), "vague", low=Decimal(low), high=Decimal(3 * scale)
            )
    return NumberMatch(None, m.start(), m.end(), "vague", low=Decimal(low))


# ".75", "$.50": a fraction written without its leading zero (not "v2.75", not "2.75").
_NO_LEADING_ZERO: Final = _fastre.compile(r"(?<![\w.])\.\d")


def _point_fraction(m: re.Match[str], text: str) -> NumberMatch | None:
    """ ".75" is 0.75; ".75,333" and ".5.3" are no number (refused, not read as 75)."""
    if m.group("frac") or "," in m.group(1) or m.group("scale") or m.group("abbr"):
        return None
    return NumberMatch(_exact(Decimal("0." + m.group(1))), m.start() - 1, m.end(), "digits")


# Digits grouped as in most of Europe and elsewhere: "2.109,00", "1.234.567", "5 290",
# "1'250.50", "12,50", and the ambiguous "31.500". A space groups only before a
# three-digit group, so "page 5 290" is not read; dates ("23.10.2021") have groups of two.
_LOCALE: Final = _fastre.compile(
    r"""(?<![\d.,'’])(?:
    (?P<dot>(?!0\.)\d{1,3}(?:\.\d{3})+)(?P<dec_comma>,\d{1,2})?
    | (?P<space>\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+)(?P<space_dec>[.,]\d{1,2})?
    | (?P<apos>\d{1,3}(?:['’]\d{3})+)(?P<apos_dec>[.,]\d{1,2})?
    | (?P<comma_int>\d{1,9}),(?P<comma_dec>\d{1,2})
    )(?![\d.,'’]\d|\d)""",
    re.VERBOSE,
)


def _locale(m: re.Match[str]) -> NumberMatch | None:
    """A number written with dots, spaces or apostrophes between thousands, or a decimal comma."""
    if m.group("dot"):
        digits, fraction = m.group("dot"), m.group("dec_comma")
        whole = digits.replace(".", "")
        if fraction is None and digits.count(".") == 1:
            # "31.500": 31.5 in English, 31,500 in much of Europe.
            return NumberMatch(
                Decimal(digits), m.start(), m.end(), "digits", alternative=Decimal(whole)
            )
        return _grouped_number(m, whole, fraction, ".")
    if m.group("space"):
        return _grouped_number(m, re.sub(r"\D", "", m.group("space")), m.group("space_dec"), " ")
    if m.group("apos"):
        return _grouped_number(m, re.sub(r"\D", "", m.group("apos")), m.group("apos_dec"), "'")
    value = Decimal(f"{m.group('comma_int')}.{m.group('comma_dec')}")
    return _scaled(m, value, "decimal_comma", grouped=False)


def _grouped_number(m: re.Match[str], whole: str, fraction: str | None, sep: str) -> NumberMatch:
    return _scaled(m, Decimal(whole + ("." + fraction[1:] if fraction else "")), sep, grouped=True)


# A scale on a scale: "1.5 lakh crore", "20 thousand crore", "a thousand million".
_SCALE_ON_SCALE: Final = _fastre.compile(r"\s{1,3}(crores?|cr|million|billion)\b", re.IGNORECASE)
_SCALE_AFTER: Final = _fastre.compile(
    rf"(?:\s{{1,3}}|-)(?P<scale>{_SCALE_WORDS})\b|(?P<abbr>bn|mn|m|b|k|tn)\b", re.IGNORECASE
)


def _scaled(m: re.Match[str], value: Decimal, grouping: str, grouped: bool) -> NumberMatch:
    """The number with a scale word after it ("2,5 million"), as the digit reader does."""
    end, multiplier, abbreviated = m.end(), 1, False
    scale = _SCALE_AFTER.match(m.string, end)
    if scale is not None:
        word = scale.group("scale") or scale.group("abbr")
        multiplier, end = _SCALES[word.lower()], scale.end()
        abbreviated = scale.group("abbr") is not None
    value = _exact(_EXACT.multiply(value, Decimal(multiplier)))
    return NumberMatch(
        value, m.start(), end, "digits", None, multiplier, abbreviated, grouped, None, grouping
    )


def _with_locale(text: str, found: list[NumberMatch]) -> list[NumberMatch]:
    """``found`` with the numbers of other digit groupings in place of their pieces."""
    extra = [n for m in _LOCALE.finditer(text) if (n := _locale(m)) is not None]
    if not extra:
        return found
    merged = extra + [
        n for n in found if not any(e.start < n.end and n.start < e.end for e in extra)
    ]
    merged.sort(key=lambda n: n.start)
    return merged


# Only texts with one of these can hold such a number ("5,000" and "1.5" cannot alone).
_MAYBE_LOCALE: Final = _fastre.compile(r"\d(?:[.  \u00a0\u202f\u2009'’]\d{3}|,\d{1,2}(?!\d))")


_DIGIT_WORDS: Final = {w: i for i, w in enumerate(_UNITS)} | {"oh": 0, "nought": 0}
_DIGIT_WORD: Final = "|".join(_DIGIT_WORDS)
_SCALE_WORD: Final = r"dozen|hundred|thousand|million|billion|trillion"
_AND_A_HALF: Final = re.compile(
    rf"[ \t]{{1,3}}and[ \t]{{1,3}}a[ \t]{{1,3}}half\b(?:[ \t]{{1,3}}(?P<scale>{_SCALE_WORD})\b)?",
    re.IGNORECASE,
)
_POINT: Final = _fastre.compile(
    rf"[ \t]{{1,3}}point[ \t]{{1,3}}"
    rf"(?P<digits>(?:{_DIGIT_WORD})(?:[ \t]{{1,3}}(?:{_DIGIT_WORD})){{0,5}})\b"
    rf"(?:[ \t]{{1,3}}(?P<scale>{_SCALE_WORD})\b)?",
    re.IGNORECASE,
)
_BARE_SCALE: Final = _fastre.compile(r"\s*(hundred|thousand|million|billion|trillion)\s*", re.I)
# "point five": a fraction said without its leading zero.
_POINT_BEFORE: Final = _fastre.compile(r"(?<![\w-])point[ \t]{1,3}\Z", re.I)
# "two million and forty nine point two": the decimals belong to the units at the end.
_ENDS_IN_SCALE: Final = _fastre.compile(rf"(?:{_SCALE_WORD})\Z", re.IGNORECASE)
_SIGN: Final = _fastre.compile(r"(?:(?<![\w.,)\]])[-−–]|\bminus[ \t]{1,3})\Z", re.IGNORECASE)
_MAYBE_MORE: Final = _fastre.compile(r"(?i:half|point|minus)|[-−–]\d")


def _may_extend(text: str, n: NumberMatch) -> bool:
    """Cheap test before :func:`_extended`: a sign or "minus" before, words, "and" after."""
    before = text[n.start - 1 : n.start] if n.start else ""
    return (
        before in ("-", "−", "–")
        or n.kind == "words"
        or text.startswith(" and ", n.end)
        or text[max(0, n.start - 6) : n.start].lower().startswith("minus")
    )


def _extended(text: str, n: NumberMatch) -> NumberMatch:
    """``n`` with what follows or precedes it: "two and a half million", "one point five",
    a sign ("-5", "minus five"): signs are kept, never dropped."""
    if n.value is None:
        return n
    value, start, end, multiplier = n.value, n.start, n.end, n.multiplier
    scale_last = _ENDS_IN_SCALE.search(text, n.start, n.end) if n.kind == "words" else None
    units_last = n.kind == "words" and not scale_last
    half = _AND_A_HALF.match(text, end) if scale_last else None
    if scale_last and half and not half["scale"]:
        # "a million and a half", "a dozen and a half": half of the last scale.
        value += Decimal(_SCALES[scale_last[0].lower()]) / 2
        end = half.end()
    elif (multiplier == 1 and n.kind == "words") or units_last:
        if (more := _AND_A_HALF.match(text, end)) or (more := _POINT.match(text, end)):
            if more.re is _AND_A_HALF:
                value += Decimal("0.5")
            else:
                digits = "".join(str(_DIGIT_WORDS[w.lower()]) for w in more["digits"].split())
                value += Decimal("0." + digits)
            if more["scale"]:
                multiplier = _SCALES[more["scale"].lower()]
                value = _EXACT.multiply(value, Decimal(multiplier))
            end = more.end()
    elif (
        multiplier == 1
        and n.kind == "digits"
        and (more := _AND_A_HALF.match(text, end))
        and more["scale"]
    ):
        multiplier = _SCALES[more["scale"].lower()]
        value = _EXACT.multiply(value + Decimal("0.5"), Decimal(multiplier))
        end = more.end()
    said = text[n.start : n.end].lower()
    if (
        n.kind == "words"
        and said in _DIGIT_WORDS
        and (point := _POINT_BEFORE.search(text, max(0, start - 8), start))
    ):
        value, start = Decimal(f"0.{_DIGIT_WORDS[said]}"), point.start()
    sign = _SIGN.search(text, max(0, start - 7), start)
    if sign is not None:
        value, start = -value, sign.start()
    if (value, start, end) == (n.value, n.start, n.end):
        return n
    return n._replace(value=_exact(value), start=start, end=end, multiplier=multiplier)


@lru_cache(maxsize=4)  # the quantity and money finders read the same text in turn
def _find(text: str) -> tuple[NumberMatch, ...]:
    # Each scan runs only on a text that has what its numbers start with.
    has_digits = _ANY_DIGIT.search(text) is not None
    tokens = _words_of(text)
    return _scan(
        text,
        digits=has_digits,
        words=not _NUMBER_WORDS.isdisjoint(tokens),
        fractions=not _FRACTION_WORDS.isdisjoint(tokens),
    )


def _words_of(text: str) -> list[str]:
    return _WORD_TOKEN.findall(text.casefold())


def _scan(
    text: str, *, digits: bool, words: bool, fractions: bool = True
) -> tuple[NumberMatch, ...]:
    # Two simple scans are much faster than one pattern with every alternative.
    found: list[NumberMatch] = []
    if digits:
        for m in _DIGITS.finditer(text):
            # "4 million 794 thousand" is one number: "794" is already read.
            if (not found or m.start() >= found[-1].end) and (n := _digits(m, text)) is not None:
                found.append(n)
        if _MAYBE_LOCALE.search(text):
            found = _with_locale(text, found)
    digit_count = len(found)
    if words:
        for m in _WORDY.finditer(text):
            if m.group("vague"):
                found.append(_vague(m))
            elif m.group("half"):
                value = Decimal(_SCALES[m.group("hs").lower()]) / 2
                found.append(NumberMatch(_exact(value), m.start(), m.end(), "words"))
            else:
                found.extend(_words(m))
        if fractions:
            found.extend(_fraction_of_scale(m) for m in _FRACTION.finditer(text))
    if not found:
        return ()
    if _MAYBE_MORE.search(text):
        found = [_extended(text, n) if _may_extend(text, n) else n for n in found]
    if len(found) == digit_count:
        return tuple(found)  # no number words: nothing to merge
    found.sort(key=lambda n: (n.start, -n.end))
    kept: list[NumberMatch] = []
    for number in found:
        if not kept or number.start >= kept[-1].end:
            kept.append(number)
    return tuple(kept)


# "a quarter of a million", "three quarters of a million", "a half dozen": read in a pass
# of their own, only where the text has such a word (the longer reading wins a merge).
_FRACTION: Final = _fastre.compile(
    r"\b(?:(?P<fn>an?|one|two|three)[\s-]{1,3})?(?P<fr>half|quarters?|thirds?)\s{1,3}"
    r"(?:(?:of\s{1,3})?an?\s{1,3})?(?P<hs>dozen|hundred|thousand|million|billion)\b",
    re.IGNORECASE,
)
_FRACTION_WORDS: Final = frozenset({"half", "quarter", "quarters", "third", "thirds"})
_PARTS: Final = {"half": 2, "quarter": 4, "third": 3}
_PART_COUNTS: Final = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3}


def _fraction_of_scale(m: re.Match[str]) -> NumberMatch:
    """ "half a million", "a quarter of a million", "three quarters of a million", "a half
    dozen": the part of the scale (a third of a million rounded to a whole number)."""
    parts = _PART_COUNTS[(m.group("fn") or "one").lower()]
    whole = _SCALES[m.group("hs").lower()] * parts
    value = Decimal(whole) / Decimal(_PARTS[m.group("fr").lower().rstrip("s")])
    return NumberMatch(value.to_integral_value(), m.start(), m.end(), "words")


def find_numbers(text: str) -> tuple[NumberMatch, ...]:
    """Every number in ``text``, in order: digits, number words and vague counts.

    Nothing is excluded here (years and dates are numbers too); callers decide
    what a number counts.

    >>> [(n.value, n.kind) for n in find_numbers("$4 million 794 thousand, two dozen jets")]
    [(Decimal('4794000'), 'digits'), (Decimal('24'), 'words')]
    """
    require_text(text)
    return _find(text)


def read_number(text: str) -> Decimal | None:
    """The value of ``text`` when it is exactly one number (spaces around allowed), else None.

    Signs are kept ("-5", "minus five"); "31.500" (31.5 or 31,500) is None.

    >>> read_number("1.5 million"), read_number("twenty-five"), read_number("5 tanks")
    (Decimal('1500000'), Decimal('25'), None)
    >>> read_number("two and a half million"), read_number("minus five")
    (Decimal('2500000'), Decimal('-5'))
    """
    numbers = find_numbers(text)
    if not numbers and (scale := _BARE_SCALE.fullmatch(text)):
        return Decimal(_SCALES[scale[1].lower()])  # "hundred" is one hundred
    if len(numbers) != 1:
        return None
    number = numbers[0]
    if text[: number.start].strip() or text[number.end :].strip():
        return None
    return None if number.alternative is not None else number.value


_HEDGES: Final[dict[Qualifier, tuple[str, ...]]] = {
    Qualifier.APPROX: (
        "about", "around", "some", "roughly", "approximately", "approx.", "approx",
        "nearly", "almost", "an estimated", "estimated", "close to", "circa",
        "just about", "more or less", "in the region of", "of the order of",
    ),
    Qualifier.MORE_THAN: (
        "more than", "over", "above", "upwards of", "upward of", "in excess of",
        "greater than", "well over", "just over", "well above", "just above",
        "exceeding",
    ),
    Qualifier.AT_LEAST: (
        "at least", "no fewer than", "no less than", "not less than", "not fewer than",
        "a minimum of", "minimum of",
    ),
    Qualifier.LESS_THAN: (
        "less than", "fewer than", "under", "below", "just under", "just below",
        "well under", "well below",
    ),
    Qualifier.AT_MOST: (
        "no more than", "not more than", "at most", "a maximum of", "maximum of",
        "not exceeding", "no greater than",
    ),
    Qualifier.UP_TO: ("up to", "as many as", "as much as", "as high as"),
}  # fmt: skip
_HEDGE_OF: Final[dict[str, Qualifier]] = {
    phrase: qualifier for qualifier, phrases in _HEDGES.items() for phrase in phrases
}
_SIGNS: Final[dict[str, Qualifier]] = {
    "~": Qualifier.APPROX,
    "≈": Qualifier.APPROX,
    ">=": Qualifier.AT_LEAST,
    "≥": Qualifier.AT_LEAST,
    "<=": Qualifier.AT_MOST,
    "≤": Qualifier.AT_MOST,
    ">": Qualifier.MORE_THAN,
    "<": Qualifier.LESS_THAN,
}
_HEDGE_WINDOW: Final = 40
_HEDGE_ENDS: Final = frozenset(phrase.split()[-1] for phrase in _HEDGE_OF)
_BEFORE_HEDGED: Final = frozenset(" \t\u00a0\n" + "".join(_SIGNS))
_LONGEST_HEDGE: Final = max(len(p.split()) for p in _HEDGE_OF)
_TOKEN: Final = _fastre.compile(r"\S+")
_OPENERS: Final = "([\"'“‘—–-"
_HEDGE_AFTER: Final = _fastre.compile(
    r"(?P<plus>\+|\s?-?plus\b(?!\s{1,3}\d))|(?P<odd>-odd\b|\s{1,3}odd\b)"
    r"|\s{1,3}or\s{1,3}(?P<or>more|so|fewer|less|above)\b",
    re.IGNORECASE,
)
_OR_HEDGES: Final[dict[str, Qualifier]] = {
    "more": Qualifier.AT_LEAST,
    "above": Qualifier.AT_LEAST,
    "so": Qualifier.APPROX,
    "fewer": Qualifier.AT_MOST,
    "less": Qualifier.AT_MOST,
}


def hedge_before(text: str, start: int) -> tuple[Qualifier, int] | None:
    """The hedge just before ``text[start:]`` ("about", "more than", "~") and where it starts.

    >>> hedge_before("no more than 300 troops", 13)
    (<Qualifier.AT_MOST: 'at_most'>, 0)
    >>> hedge_before("up to around 500 sailors", 13)
    (<Qualifier.UP_TO: 'up_to'>, 0)
    """
    found = _hedge_just_before(text, start)
    if found is not None and found[0] is Qualifier.APPROX:
        bound = _hedge_just_before(text, found[1])  # "up to around 500": the bound says more
        if bound is not None and bound[0] is not Qualifier.APPROX:
            return bound
    return found


def _hedge_just_before(text: str, start: int) -> tuple[Qualifier, int] | None:
    if start <= 0 or text[start - 1] not in _BEFORE_HEDGED:
        return None  # most numbers: nothing to look at
    lo = max(0, start - _HEDGE_WINDOW)
    window = text[lo:start]
    tail = window.rstrip()
    if not tail:
        return None
    for sign in (tail[-2:], tail[-1:]):
        if sign in _SIGNS and len(window) - len(tail) <= 1:
            return _SIGNS[sign], lo + len(tail) - len(sign)
    if (
        len(tail) == len(window)
        or tail.rsplit(None, 1)[-1].lstrip(_OPENERS).lower() not in _HEDGE_ENDS
    ):
        return None
    # A scan of the last few words: cheaper than a regex search on every number.
    tokens = list(_TOKEN.finditer(tail))[-_LONGEST_HEDGE:]
    for first in range(len(tokens)):
        if first == 0 and lo > 0 and tokens[0].start() == 0:
            continue  # the window may have cut this word
        head = tokens[first].group().lstrip(_OPENERS)
        words = [head, *(t.group() for t in tokens[first + 1 :])]
        qualifier = _HEDGE_OF.get(" ".join(words).lower())
        if qualifier is not None:
            return qualifier, lo + tokens[first].end() - len(head)
    return None


def hedge_after(text: str, end: int) -> tuple[Qualifier, int] | None:
    """A hedge right after a number ("5,000-plus", "300-odd", "500 or more") and where it ends.

    >>> hedge_after("5,000-plus troops", 5)
    (<Qualifier.MORE_THAN: 'more_than'>, 10)
    """
    m = _HEDGE_AFTER.match(text, end)
    if m is None:
        return None
    if m.group("plus"):
        return Qualifier.MORE_THAN, m.end()
    if m.group("odd"):
        return Qualifier.APPROX, m.end()
    return _OR_HEDGES[m.group("or").lower()], m.end()


_RANGE_GAP: Final = _fastre.compile(r"\s{0,2}[-–—]\s{0,2}|\s{1,3}(?:to|or)\s{1,3}", re.IGNORECASE)
_BETWEEN_GAP: Final = _fastre.compile(r"\s{1,3}and\s{1,3}", re.IGNORECASE)
_BETWEEN: Final = _fastre.compile(r"(?<![\w-])between\s{1,3}\Z", re.IGNORECASE)


def range_start(text: str, first_start: int, first_end: int, second_start: int) -> int | None:
    """If the gap between two numbers makes them a range ("2,000 to 3,000", "500-600",
    "between 14 and 17"), where the range expression starts; else None.

    >>> range_start("between 2,000 and 3,000", 8, 13, 18)
    0
    """
    gap = text[first_end:second_start]
    if _RANGE_GAP.fullmatch(gap):
        return first_start
    if _BETWEEN_GAP.fullmatch(gap):
        between = _BETWEEN.search(text, max(0, first_start - 12), first_start)
        return None if between is None else between.start()
    return None


def range_values(first: NumberMatch, second: NumberMatch) -> tuple[Decimal, Decimal] | None:
    """Low and high of a range, the second number's scale carried to the first
    ("1.5-2 million"); None unless low < high.

    >>> n = find_numbers("1.5-2 million")
    >>> range_values(n[0], n[1])
    (Decimal('1500000'), Decimal('2000000'))
    """
    if first.value is None or second.value is None:
        return None
    low, high = first.value, second.value
    if first.multiplier == 1 and second.multiplier > 1:
        second_base = second.base
        if second_base is not None and low < second_base:
            low = _exact(_EXACT.multiply(low, Decimal(second.multiplier)))
    return (low, high) if low < high else None
