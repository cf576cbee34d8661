"""The signs each currency's own users write, from ``data/currency_signs.json`` (CLDR).

Two kinds: signs that hold a symbol or a letter outside ASCII ("MOP$", "лв.", "֏") are
read beside an amount anywhere; signs of ASCII letters only ("FBu", "Nu.", "Q") are often
words, units or initials in running text, so they are read only where the whole text is
one price (:func:`secevents.normalize.parse_money` on "1 Nu." or "200Q").
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import resources
from typing import Final, NamedTuple

import orjson

# Letters that stand for a scale beside a number ("5 M" is five million): never a sign.
_SCALE_LETTERS: Final = frozenset({"M", "K", "B", "T"})


class LocalSigns(NamedTuple):
    """The CLDR signs, split by where they are read, and the groups of shared ones."""

    anywhere: Mapping[str, str]  # sign -> ISO code or group name
    whole_text: Mapping[str, str]  # sign -> ISO code or group name
    shared: Mapping[str, tuple[str, ...]]  # group name -> the codes sharing a sign
    users: Mapping[str, tuple[str, ...]]  # ISO code -> alpha-3 countries using it
    replaced: Mapping[str, tuple[str, int]]  # ISO code -> the code it replaced, the year
    names: Mapping[str, str]  # English names in lower case ("guatemalan quetzals") -> code


def is_symbolic(sign: str) -> bool:
    """Whether ``sign`` holds a symbol or a letter outside ASCII ("T$", "лв."), so it
    cannot be an English word or initials.

    >>> is_symbolic("MOP$"), is_symbolic("FBu"), is_symbolic("Nu.")
    (True, False, False)
    """
    return any(not (char.isascii() and (char.isalpha() or char == ".")) for char in sign)


def load_local_signs(curated: Mapping[str, object]) -> LocalSigns:
    """The signs of ``currency_signs.json`` the curated markers (``curated``) do not hold."""
    raw = orjson.loads(
        resources.files("secevents").joinpath("data").joinpath("currency_signs.json").read_bytes()
    )
    anywhere: dict[str, str] = {}
    whole_text: dict[str, str] = {}
    shared: dict[str, tuple[str, ...]] = {}
    for sign, codes in raw["signs"].items():
        if sign in curated or sign in _SCALE_LETTERS:
            continue
        currency = codes[0]
        if len(codes) > 1:
            currency = f"sign {sign}"
            shared[currency] = tuple(codes)
        (anywhere if is_symbolic(sign) else whole_text)[sign] = currency
    users = {code: tuple(countries) for code, countries in raw["users"].items()}
    replaced = {code: (old, year) for code, (old, year) in raw["replaced"].items()}
    return LocalSigns(anywhere, whole_text, shared, users, replaced, raw["names"])
