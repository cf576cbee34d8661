"""Sums of money in news text: "$8.6 million", "€200m", "Rs 1,000 crore", "4 billion rupees".

Amounts are exact Decimals; currencies are ISO 4217 codes, read from the symbol or word and,
for words several currencies share ("rupees", "dinars"), from the country in context.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Final, NamedTuple

from .. import _fastre
from ..model.amounts import Money
from ..model.codes import is_currency_code
from ..model.vocab import Qualifier
from ._currency_table import currency_table as _table
from .numbers import NumberMatch, find_numbers, hedge_after, hedge_before, range_start, range_values
from .result import Normalized, TextWarning, require_country, require_text

__all__ = ["find_money", "money_in", "money_text", "parse_money"]


class _Marker(NamedTuple):
    """A currency symbol, code or word found next to a number."""

    currency: str  # an ISO code or a group name of the table
    text: str
    start: int
    end: int


# ISO codes that are also English words in capitals ("TOP 10 STORIES"): read as a currency
# before a number only with a scale word or thousands separators, after one only when no
# capitalised word follows (a headline).
_WORDLIKE_CODES: Final = frozenset({"ALL", "TOP", "CUP", "PEN", "MAD", "BOB", "SOS", "BAM", "MOP"})
_SPACES: Final = " \t\u00a0"
_CAPITALISED: Final = _fastre.compile(r"[ \t\u00a0]{1,3}[A-Z]{2,}\b")
_MAX_GAP: Final = 16  # "$1 billion to $2 billion": numbers of a range are close
_LONGEST_PREFIX: Final = 8
_NEXT_TOKEN: Final = _fastre.compile(r"[ \t\u00a0]{0,2}([^\s\d,;:()\[\]\"“”'‘’!?]+)")
_OF: Final = _fastre.compile(r"[ \t\u00a0]{1,3}of\b", re.IGNORECASE)
_CENTS: Final = _fastre.compile(r"\d+[.,]\d{2}\Z")
# A minus sign stands alone: a dash after another dash ("Md. -- $75 million", "- - $5")
# is punctuation.
_SIGN_BEFORE: Final = _fastre.compile(r"(?<![\w.,)\]])(?<![-−][ \t])(?<![-−])[-−][ \t]?\Z")


def _prefix(text: str, start: int) -> _Marker | None:
    """The currency symbol or code written just before the number at ``start``."""
    k = start
    while k > start - 2 and k > 0 and text[k - 1] in _SPACES:
        k -= 1
    table = _table()
    if k == 0 or text[k - 1] not in table.prefix_ends:
        return None  # most numbers: no symbol or code before them
    t0 = k
    while t0 > k - _LONGEST_PREFIX and t0 > 0 and not text[t0 - 1].isspace():
        t0 -= 1
    token = text[t0:k]
    for i in range(len(token)):
        candidate = token[i:]
        before = token[i - 1] if i else (text[t0 - 1] if t0 else " ")
        if candidate[0].isalpha() and before.isalpha():
            continue
        currency = table.prefix.get(candidate)
        if currency is None and len(candidate) == 3 and candidate.isupper():
            currency = candidate if is_currency_code(candidate) else None
        if currency is not None:
            if candidate == "$":
                return _spaced_dollar(text, _Marker(currency, candidate, t0 + i, k))
            return _Marker(currency, candidate, t0 + i, k)
    return None


# A country's letters a space before "$" ("US $150 million", "HK $ 10.05 billion"): capitals,
# or lower-case letters that are no English word ("c $ 300 million"; "a $5 fee" is not A$).
_LETTERS_BEFORE_DOLLAR: Final = _fastre.compile(
    r"(?<![\w.])([A-Z]{1,3}|U\.S\.?|u\.s\.?|c|hk|nz|nt) \Z"
)


def _spaced_dollar(text: str, marker: _Marker) -> _Marker:
    """``marker`` (a bare "$"), made exact by a country's letters written a space before it."""
    before = _LETTERS_BEFORE_DOLLAR.search(text, max(0, marker.start - 5), marker.start)
    if before is None:
        return marker
    letters = before[1].upper()
    letters = "U.S." if letters.startswith("U.S") else letters
    currency = _table().prefix.get(letters + "$")
    if currency is None:
        return marker
    return _Marker(currency, text[before.start() : marker.end], before.start(), marker.end)


def _suffix(text: str, end: int, vague: bool) -> _Marker | None:
    """The currency word, code or symbol written just after the number ending at ``end``."""
    pos = end
    if vague:  # "millions of dollars"
        of = _OF.match(text, pos)
        if of is None:
            return None
        pos = of.end()
    table = _table()
    k = pos
    while k < pos + 2 and text[k : k + 1] in _SPACES:
        k += 1
    if text[k : k + 1] not in table.suffix_starts:
        return None  # most numbers: no currency after them
    m = _NEXT_TOKEN.match(text, pos)
    if m is None:
        return None
    first = m.group(1)
    if not (
        first.lower() in table.first_words
        or first.lower().rstrip(".") in table.first_words
        or first in table.suffix
        or first.rstrip(".") in table.suffix
        or first in table.signs_after
        or (len(first) == 3 and first.isupper())
    ):
        return None
    tokens = [m]
    pos = m.end()
    while len(tokens) < table.longest_word and (m := _NEXT_TOKEN.match(text, pos)):
        if m.start(1) == pos and tokens:
            break  # words are separated by spaces
        tokens.append(m)
        pos = m.end()
    for k in range(len(tokens), 0, -1):
        last = tokens[k - 1]
        for word_end in (last.end(), last.end() - 1 if last.group(1).endswith(".") else -1):
            if word_end <= last.start(1):
                continue
            phrase = text[tokens[0].start(1) : word_end]
            currency = table.words.get(" ".join(phrase.split()).lower())
            if currency is None and k == 1:
                currency = table.suffix.get(phrase) or table.signs_after.get(phrase)
                if currency is None and len(phrase) == 3 and phrase.isupper():
                    currency = phrase if is_currency_code(phrase) else None
            if currency is None:
                continue
            if currency == "pound" and _OF.match(text, word_end):
                return None  # "5,000 pounds of explosives" is a weight
            return _Marker(currency, phrase, tokens[0].start(1), word_end)
    return None


_CODE_BEFORE: Final = _fastre.compile(r"([A-Z]{3})[ \t\u00a0]?\Z")
_CODE_AFTER: Final = _fastre.compile(r"[ \t\u00a0]{0,2}([A-Z]{3})\b")


def _with_code(text: str, marker: _Marker, end: int) -> _Marker:
    """A shared symbol made exact by an ISO code beside it: "SGD$4.90", "NZD $100.70",
    "$1,190.00 AUD" (the code must be one of the symbol's currencies)."""
    group = _table().groups.get(marker.currency)
    if group is None:
        return marker
    # Cheap tests first: most shared symbols have no capital letter beside them.
    if text[max(0, marker.start - 2) : marker.start].rstrip()[-1:].isupper():
        before = _CODE_BEFORE.search(text, max(0, marker.start - 4), marker.start)
        if before is not None and before[1] in group.codes:
            start = before.start()
            return _Marker(before[1], text[start : marker.end], start, marker.end)
    if text[end : end + 3].lstrip()[:1].isupper():
        after = _CODE_AFTER.match(text, end)
        if after is not None and after[1] in group.codes:
            return _Marker(after[1], marker.text, marker.start, max(marker.end, after.end()))
    return marker


def _grouping(
    text: str, number: NumberMatch, code: str | None
) -> tuple[Decimal | None, tuple[TextWarning, ...]]:
    """The amount of "31.500": a decimal for a three-decimal currency (KWD), thousands for
    one whose users group with dots (EUR), else nothing: it is not known which."""
    if number.alternative is None or code is None:
        return number.value, ()
    said = text[number.start : number.end]
    if code in _table().three_decimals:
        return number.value, ()
    if code in _table().dot_grouping:
        message = f"{said!r} read as {number.alternative:,} (dots between thousands, as in {code})"
        return number.alternative, (TextWarning("assumed_grouping", message),)
    message = f"{said!r} may be {number.value} or {number.alternative:,}; not read"
    return None, (TextWarning("ambiguous_number", message),)


def _resolve(marker: _Marker, country: str | None) -> tuple[str | None, tuple[TextWarning, ...]]:
    """The ISO code a marker stands for, with the warnings of a guess."""
    if is_currency_code(marker.currency):
        return marker.currency, ()
    group = _table().groups[marker.currency]
    if country is not None:
        local = _table().currencies_of.get(country, frozenset()) & set(group.codes)
        if len(local) == 1:
            (code,) = local
            if group.warn == "country" and code != group.default:
                message = (
                    f"{marker.text!r} read as {code}, the currency of {country};"
                    f" it may be {group.default}"
                )
                return code, (TextWarning("assumed_currency", message),)
            return code, ()
    candidates = ", ".join(group.codes)
    if group.default is None:
        message = f"{marker.text!r} may be {candidates}; pass country= to decide"
        return None, (TextWarning("ambiguous_currency", message),)
    if group.warn == "default":
        message = f"{marker.text!r} read as {group.default}; it may be {candidates} (pass country=)"
        return group.default, (TextWarning("ambiguous_currency", message),)
    return group.default, ()


def _alone(text: str, number: NumberMatch) -> _Marker | None:
    """The sign of a text that is one price and nothing else ("1 Nu.", "200Q", "RM 5"):
    any sign the currency's users write, read on either side of the only number."""
    before, after = text[: number.start].strip(), text[number.end :].strip()
    if bool(before) == bool(after):
        return None
    sign = before or after
    table = _table()
    currency = (
        table.whole_text.get(sign)
        or table.prefix.get(sign)
        or table.suffix.get(sign)
        or table.words.get(" ".join(sign.split()).lower())
    )
    if currency is None:
        return None
    start = text.index(sign, 0 if before else number.end)
    return _Marker(currency, sign, start, start + len(sign))


def _at(
    text: str, numbers: tuple[NumberMatch, ...], i: int, country: str | None, alone: bool = False
) -> tuple[Normalized[Money], int] | None:
    """The sum of money written with ``numbers[i]``, and how many numbers it used
    (``alone``: the text is that one price, so signs that may be words are read too)."""
    first = numbers[i]
    vague = first.kind == "vague"
    marker = None if vague else _prefix(text, first.start)
    start = first.start if marker is None else marker.start
    last, used, amount = first, 1, first.value
    qualifier: Qualifier | None = None
    if not vague and i + 1 < len(numbers) and numbers[i + 1].start - first.end <= _MAX_GAP:
        second = numbers[i + 1]
        second_start = second.start
        if marker is not None and (again := _prefix(text, second.start)) is not None:
            second_start = again.start if again.currency == marker.currency else -1
        joined = range_start(text, start, first.end, second_start) if second_start >= 0 else None
        values = range_values(first, second) if joined is not None else None
        if joined is not None and values is not None:
            start, last, used, amount, qualifier = joined, second, 2, values[1], Qualifier.UP_TO
    end = last.end
    if marker is None:
        marker = _suffix(text, last.end, vague) or (_alone(text, first) if alone else None)
        if marker is None:
            return None
        end = max(end, marker.end)
    marker = _with_code(text, marker, end)
    end = max(end, marker.end)
    start = min(start, marker.start)
    cents = _cents_after(text, numbers, i + used, end) if marker.start > first.start else None
    if cents is not None and amount is not None and amount == amount.to_integral_value():
        amount, end, used = amount + cents[0], cents[1], used + 1
    scaled = vague or last.multiplier > 1
    if (
        not scaled
        and not alone
        and (
            marker.text in _table().scale_required or marker.text.lower() in _table().scale_required
        )
        and not (last.grouped or _CENTS.match(text, last.start, last.end))
        # "RM50": a sign of two letters or more glued to its digits is money ("R2" a road)
        and not (marker.end == first.start and len(marker.text) > 1)
    ):
        return None  # "won", "R", "pounds": too often other words without "million" or "bn"
    if marker.text in _WORDLIKE_CODES and (
        (marker.start < first.start and not (scaled or last.grouped))
        or (marker.start > first.start and _CAPITALISED.match(text, marker.end))
    ):
        return None
    warnings: tuple[TextWarning, ...] = ()
    if not scaled and marker.end <= first.start and (word := _SCALE_WORD.match(text, last.end)):
        end = max(end, word.end())
        if word["mm"] and amount is not None:
            amount *= 10**6  # "$5MM": the financial press's million
        elif word["many"] and amount is not None:
            amount *= _MANY[word["many"].strip()[0].lower()]
        elif not word["many"]:  # "$5 mil": US slang's million, Spanish and Portuguese 1,000
            said = text[start:end]
            warnings += (TextWarning("ambiguous_number", f"{said!r}: 'mil' may be 10**3 or 10**6"),)
            amount = None
    if vague:
        amount, qualifier = last.low, Qualifier.AT_LEAST
        words = text[first.start : first.end]
        warnings = (TextWarning("vague_amount", f"{words!r} gives only a lower bound"),)
    if qualifier is None and (hedge := hedge_before(text, start)) is not None:
        qualifier, start = hedge
    after = hedge_after(text, last.end) or hedge_after(text, end)
    if qualifier is None and after is not None:
        qualifier, end = after[0], max(end, after[1])
    code, guessed = _resolve(marker, country)
    warnings += guessed
    renamed = _table().replaced.get(code) if code is not None else None
    if renamed is not None and marker.text != code:
        old, year = renamed
        note = f"{marker.text!r} read as {code}; before {year} it meant {old}"
        warnings += (TextWarning("assumed_currency", note),)
    if used == 1 and not vague and last.alternative is not None:
        amount, grouping = _grouping(text, last, code)
        warnings += grouping
    sign = (
        _SIGN_BEFORE.search(text, max(0, start - 3), start)
        if "-" in text[max(0, start - 2) : start] or "−" in text[max(0, start - 2) : start]
        else None
    )
    if sign is not None and amount is not None:
        amount, start = -amount, sign.start()
    if amount is not None and amount < 0:
        said = text[start:end]
        warnings += (TextWarning("negative_amount", f"{said!r} is negative: not a sum"),)
        amount = None
    if code is None or amount is None:
        return Normalized(None, start, end, text[start:end], warnings), used
    money = Money(amount=amount, currency=code, qualifier=qualifier or Qualifier.EXACT)
    return Normalized.found(money, text, start, end, *warnings), used


# What follows a sum's digits as a scale the number reader leaves: "$5MM", "$5 millions",
# "$5 mil".
_SCALE_WORD: Final = _fastre.compile(
    r"[ \t]?(?:(?P<mm>MM|mm)|(?P<many>[ \t](?:m|b|tr)illions)|mil)\b", re.IGNORECASE
)
_MANY: Final = {"m": 10**6, "b": 10**9, "t": 10**12}
_LONGEST_PRICE: Final = 40  # a text this short with one number may be a price alone
_AND: Final = _fastre.compile(r"[ \t]{1,2}(?:and[ \t]{1,2})?\Z")
_CENT_WORD: Final = _fastre.compile(r"[ \t]{1,2}(?:cents?|pence)\b", re.IGNORECASE)


def _cents_after(
    text: str, numbers: tuple[NumberMatch, ...], j: int, end: int
) -> tuple[Decimal, int] | None:
    """The cents written after a sum's currency ("3 dollars 50 cents", "thirteen dollars and
    forty-five cents"): their value in the main unit and where they end."""
    if j >= len(numbers) or numbers[j].start - end > 6:
        return None
    after = numbers[j]
    if not _AND.search(text, end, after.start) or after.value is None:
        return None
    word = _CENT_WORD.match(text, after.end)
    if word is None or not (0 < after.value < 100) or after.value != int(after.value):
        return None
    return after.value / 100, word.end()


def _check(text: object, country: object) -> None:
    require_text(text)
    require_country(country)


def find_money(text: str, country: str | None = None) -> list[Normalized[Money]]:
    """Every sum of money in ``text``, in order.

    A sum whose currency cannot be decided ("50 million dinars" with no ``country``)
    is kept with ``value=None``, its span and an ``ambiguous_currency`` warning.

    >>> [str(r.value.amount) for r in find_money("$1.2bn now and €200m later")]
    ['1200000000', '200000000']
    """
    _check(text, country)
    return _money_in(text, find_numbers(text), country)


def money_in(text: str, numbers: tuple[NumberMatch, ...]) -> list[Normalized[Money]]:
    """:func:`find_money` (no ``country``) of ``text`` whose numbers (``find_numbers(text)``)
    are read already.

    >>> [str(r.value.amount) for r in money_in("$5m", find_numbers("$5m"))]
    ['5000000']
    """
    return _money_in(text, numbers, None)


def _money_in(
    text: str, numbers: tuple[NumberMatch, ...], country: str | None
) -> list[Normalized[Money]]:
    """The sums of money written with ``numbers``, the numbers of ``text``."""
    found: list[Normalized[Money]] = []
    i = 0
    table = _table()
    while i < len(numbers):
        n = numbers[i]
        # Most numbers have neither a symbol just before nor a word just after: skip
        # them without a call (the gap test lets "1-2 billion dollars" through).
        before = text[max(0, n.start - 2) : n.start].rstrip(_SPACES)[-1:]
        after = text[n.end : n.end + 3].lstrip(_SPACES)[:1]
        if (
            before not in table.prefix_ends
            and after not in table.suffix_starts
            and not (
                i + 1 < len(numbers)
                and numbers[i + 1].start - n.end <= _MAX_GAP
                and not text[n.end : numbers[i + 1].start].isspace()
            )
        ):
            i += 1
            continue
        item = _at(text, numbers, i, country)
        if item is None:
            i += 1
            continue
        found.append(item[0])
        i += item[1]
    return found


def parse_money(text: str, country: str | None = None) -> Normalized[Money]:
    """The first sum of money in ``text`` (a phrase or a whole report).

    ``country`` (ISO 3166-1 alpha-3) decides words several currencies share:
    "rupees" is PKR with ``country="PAK"``. The first currency the text gives is
    the one ("MUR 1 billion (US$25m)" is MUR); when that sum's currency cannot be
    decided, the result has no value but the span and an ``ambiguous_currency`` warning.

    >>> parse_money("China would spend around $8.6 million").value
    Money(amount=Decimal('8600000'), currency='USD', qualifier=<Qualifier.APPROX: 'approx'>)
    """
    _check(text, country)
    numbers = find_numbers(text)
    found = _money_in(text, numbers, country)
    if (
        not found
        and len(text) <= _LONGEST_PRICE
        and len(numbers) == 1
        and _alone(text, numbers[0]) is not None
    ):
        alone = _at(text, numbers, 0, country, alone=True)
        found = [alone[0]] if alone is not None else []
    if not found:
        return Normalized.nothing(TextWarning("no_money", "no sum of money found"))
    return found[0]


_HEDGE_WORDS: Final[dict[Qualifier, str]] = {
    Qualifier.EXACT: "",
    Qualifier.APPROX: "about ",
    Qualifier.MORE_THAN: "more than ",
    Qualifier.AT_LEAST: "at least ",
    Qualifier.LESS_THAN: "less than ",
    Qualifier.AT_MOST: "no more than ",
    Qualifier.UP_TO: "up to ",
}


def money_text(money: Money) -> str:
    """The canonical words for ``money``, which :func:`parse_money` reads back to it.

    >>> money_text(Money(amount="8600000", currency="USD", qualifier="approx"))
    'about 8,600,000 USD'
    """
    if not isinstance(money, Money):
        raise TypeError(f"money must be a Money, not {type(money).__name__}")
    amount: Decimal = money.amount
    if amount == amount.to_integral_value():
        written = f"{int(amount):,}"
    else:
        written = f"{amount.normalize():,f}"
        if len(written.rpartition(".")[2]) == 3:
            written += "0"  # "1.125" may be read as 1,125; "1.1250" may not
    return f"{_HEDGE_WORDS[money.qualifier]}{written} {money.currency}"
