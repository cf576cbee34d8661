"""Write ``src/secevents/data/currency_signs.json``: the signs each currency's own users
write ("лв." for the lev, "FBu" for the Burundian franc, "MOP$" for the pataca), from
the Unicode CLDR locale data.

The CLDR data come in the PyPI package ``babel`` (BSD-3-Clause; the CLDR data under the
Unicode License v3), a generator-only dependency, never imported at run time:

    .venv/bin/pip install babel==2.19.0
    .venv/bin/python scripts/sources/cldr_currency_signs.py

Only a locale's symbol for a currency its own territory uses is kept (what people in
Bulgaria write for the lev, not what a French locale writes for it), and only for
currencies of ISO 4217 that pycountry knows as current. A sign several currencies share
("K": kyat, kina, kwacha) keeps all of them: the reader then needs a country to decide.
Signs the curated ``currencies.json`` already holds, the ISO codes themselves and signs
with a space inside are left out: the curated table decides those.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from importlib.metadata import version
from pathlib import Path

import pycountry
from babel import Locale, localedata
from babel.core import get_global
from babel.numbers import get_currency_name, get_territory_currencies

DATA = Path(__file__).resolve().parents[2] / "src" / "secevents" / "data"
ENGLISH = Path("/usr/share/dict/american-english")  # Debian's wamerican
LONGEST_NAME = 4  # words: the curated table's longest ("trinidad and tobago dollars")
OUT = DATA / "currency_signs.json"
ABOUT = (
    "Currency signs as each currency's own users write them, after the Unicode CLDR"
    " (via babel {babel}): for every locale, its symbol for each currency its territory"
    " has used as tender since 2000. 'signs': sign -> ISO 4217 codes (several when the"
    " sign is shared);"
    " 'users': code -> ISO 3166-1 alpha-3 territories using it. Signs of the curated"
    " currencies.json, ISO codes and signs with a space are left out. 'replaced': code ->"
    " [the code it replaced in its territory since 2010, the year]: a price written with"
    " its sign may be in the old currency. 'names': the currencies' English names,"
    " singular and plural, in lower case, and their bare nouns where one currency alone"
    " has it and it is no English word (CLDR 'en'). Built by"
    " scripts/sources/cldr_currency_signs.py; Unicode License v3."
)


SINCE = dt.date(2000, 1, 1)  # the currencies a territory has used since then
RENAMED_SINCE = 2010  # a currency that replaced its territory's own this late: old prices
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200e\u200f\u061c"))  # marks of direction


def clean(sign: str) -> str:
    """The sign with its no-break and narrow spaces made plain, marks of writing direction
    dropped, Unicode normalised."""
    plain = sign.replace("\u00a0", " ").replace("\u202f", " ").translate(INVISIBLE)
    return unicodedata.normalize("NFC", plain.strip())


def curated_signs() -> set[str]:
    """Every sign and word the curated table already decides."""
    raw = json.loads((DATA / "currencies.json").read_text(encoding="utf-8"))
    return {*raw["prefix"], *raw["suffix"], *(word.lower() for word in raw["words"])}


def replacements(current: set[str]) -> dict[str, list[str | int]]:
    """Each current currency of one territory alone that replaced that territory's own
    currency in or after ``RENAMED_SINCE`` (a redenomination: MRO -> MRU in 2018), with
    the old code and the year of the change."""
    history = get_global("territory_currencies")
    territories_of: dict[str, set[str]] = {}
    for territory, spells in history.items():
        for code, _, end, tender in spells:
            if end is None and tender:
                territories_of.setdefault(code, set()).add(territory)
    replaced: dict[str, list[str | int]] = {}
    for territory, spells in history.items():
        for code, start, end, tender in spells:
            if end is not None or not tender or start is None or code not in current:
                continue
            if territories_of[code] != {territory}:
                continue  # a currency of several territories (EUR) renamed none of them
            for old, _, old_end, _ in spells:
                if old_end is None or old in current or old_end[0] < RENAMED_SINCE:
                    continue
                if old_end[0] - 3 <= start[0] <= old_end[0] + 1:  # one took over the other
                    replaced[code] = [old, start[0]]
    return dict(sorted(replaced.items()))


def fold(name: str) -> str:
    """``name`` without accents ("colón" -> "colon", "paʻanga" -> "pa'anga")."""
    plain = unicodedata.normalize("NFKD", name.replace("ʻ", "'"))
    return "".join(char for char in plain if not unicodedata.combining(char))


def english_names(tender: set[str], curated: set[str]) -> dict[str, str]:
    """Each currency's English names, singular and plural, in lower case ("guatemalan
    quetzals"), and the bare noun ("quetzals") where one currency alone has it and it is
    no English word ("marks", "sol" are)."""
    words = {line.strip() for line in ENGLISH.open(encoding="utf-8") if line[:1].islower()}
    names: dict[str, str] = {}
    bare: dict[str, set[str]] = {}
    for code in sorted(tender):
        for count in (1, 2):
            name = get_currency_name(code, count=count, locale="en").lower()
            if name.upper() == code or "(" in name or len(name.split()) > LONGEST_NAME:
                continue
            for form in {name, fold(name)}:
                names.setdefault(form, code)
                bare.setdefault(form.split()[-1], set()).add(code)
    for noun, codes in bare.items():
        if len(codes) == 1 and noun not in words and noun.isalpha():
            names.setdefault(noun, next(iter(codes)))
    return {name: code for name, code in sorted(names.items()) if name not in curated}


def main() -> None:
    """Collect the local signs of every territory's currencies and write the JSON."""
    current = {currency.alpha_3 for currency in pycountry.currencies}
    curated = curated_signs()
    signs: dict[str, set[str]] = {}
    users: dict[str, set[str]] = {}
    for identifier in localedata.locale_identifiers():
        locale = Locale.parse(identifier)
        if locale.territory is None:
            continue
        country = pycountry.countries.get(alpha_2=locale.territory)
        if country is None:
            continue
        used = get_territory_currencies(locale.territory, SINCE, dt.date.today(), tender=True)
        for code in used:
            if code not in current:
                continue
            users.setdefault(code, set()).add(country.alpha_3)
            sign = clean(locale.currency_symbols.get(code, code))
            if not sign or sign == code or " " in sign or {sign, sign.lower()} & curated:
                continue
            signs.setdefault(sign, set()).add(code)
    table = {
        "about": ABOUT.format(babel=version("babel")),
        "signs": {sign: sorted(codes) for sign, codes in sorted(signs.items())},
        "users": {code: sorted(countries) for code, countries in sorted(users.items())},
        "replaced": replacements(current),
        "names": english_names(set(users), curated),  # the tender: no funds, no gold
    }
    OUT.write_text(json.dumps(table, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(signs)} signs of {len(users)} currencies")


if __name__ == "__main__":
    main()
