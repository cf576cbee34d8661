"""The currency table of ``data/currencies.json`` (curated) and ``data/currency_signs.json``
(the signs each currency's users write, from CLDR), with the lookups the money reader uses.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import resources
from typing import Final

import attrs
import orjson

from .._once import load_once
from ._currency_signs import load_local_signs


@attrs.frozen(weakref_slot=False)
class Group:
    """A word several currencies share, its reading without context and when to warn."""

    codes: tuple[str, ...]
    default: str | None
    # "country": warn when the country picks another currency than the default ("$" in
    # Australia may still be USD); "default": warn when the default is taken without a country.
    warn: str


_CAPITALS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


@attrs.frozen(weakref_slot=False)
class Table:
    """The currency table of ``data/currencies.json``, with lookups derived from it."""

    prefix: Mapping[str, str]
    suffix: Mapping[str, str]
    words: Mapping[str, str]
    groups: Mapping[str, Group]
    currencies_of: Mapping[str, frozenset[str]]
    scale_required: frozenset[str]
    longest_word: int
    first_words: frozenset[str]  # first words of the currency words, in lower case
    prefix_ends: frozenset[str]  # last characters of prefixes and codes
    suffix_starts: frozenset[str]  # first characters of suffixes, words and codes
    three_decimals: frozenset[str]  # "423.923 KD" is a decimal
    dot_grouping: frozenset[str]  # "31.500 €" is 31,500
    # Prefixes that hold a sign ("C$", "NT$", "B/.", "₭") read the same after the amount
    # ("1 C$"); letter-only prefixes ("Rs", "R") do not: after a number they are words.
    signs_after: Mapping[str, str]
    # Signs of ASCII letters read only in a text that is one price ("1 Nu.", "200Q").
    whole_text: Mapping[str, str]
    # Currencies that replaced their territory's own lately (MRU, 2018: MRO), whose sign
    # ("UM") may still mean the old one.
    replaced: Mapping[str, tuple[str, int]]


@load_once
def currency_table() -> Table:
    """The table, read once."""
    raw = orjson.loads(
        resources.files("secevents").joinpath("data").joinpath("currencies.json").read_bytes()
    )
    local = load_local_signs({**raw["prefix"], **raw["suffix"]})
    # Before an amount only signs that end in no Latin letter ("soʻm 500" is rare, and a
    # last letter "m" would send every number after "from" to the prefix reader).
    before = {s: c for s, c in local.anywhere.items() if not (s[-1].isascii() and s[-1].isalpha())}
    prefix = {**raw["prefix"], **before}
    words = {**local.names, **raw["words"]}
    suffix = {**raw["suffix"], **local.anywhere}
    signs_after = {
        sign: code
        for sign, code in prefix.items()
        if not sign.replace(".", "").isalpha() and " " not in sign
    }
    currencies_of: dict[str, set[str]] = {}
    for code, countries in {**local.users, **raw["users"]}.items():
        for country in countries:
            currencies_of.setdefault(country, set()).add(code)
    groups = {
        name: Group(tuple(g["codes"]), g["default"], g["warn"]) for name, g in raw["groups"].items()
    }
    groups.update((name, Group(codes, None, "never")) for name, codes in local.shared.items())
    return Table(
        prefix=prefix,
        suffix=suffix,
        words=words,
        groups=groups,
        currencies_of={country: frozenset(codes) for country, codes in currencies_of.items()},
        scale_required=frozenset(raw["scale_required"]),
        longest_word=max(len(word.split()) for word in words),
        first_words=frozenset(word.split()[0] for word in words),
        prefix_ends=frozenset(key[-1] for key in prefix) | _CAPITALS,
        suffix_starts=frozenset(
            char for key in [*suffix, *words, *signs_after] for char in (key[0], key[0].upper())
        )
        | _CAPITALS,
        signs_after=signs_after,
        three_decimals=frozenset(raw["three_decimals"]),
        dot_grouping=frozenset(raw["dot_grouping"]),
        whole_text=local.whole_text,
        replaced=local.replaced,
    )
