"""Find the actor names of ``data/actors.json`` in text: one token trie, leftmost-longest match.

Linear in the text: every token starts at most one walk down a trie whose depth is
the longest alias (a dozen tokens), so no input can make matching backtrack.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from typing import Any, Final, NamedTuple

import attrs

from .. import _fastre
from .._once import load_once
from ._name_variants import LooseNames, loose_word, shortened

__all__ = [
    "COMPASS_WORDS",
    "Entry",
    "Mention",
    "NameIndex",
    "Office",
    "fold",
    "name_index",
    "tokens",
    "words",
]

TOKEN: Final = _fastre.compile(r"[^\W_]+")
#: ``TOKEN`` on an ASCII text, where it is these characters (the engine tests a range
#: faster than a negated Unicode category).
_ASCII_TOKEN: Final = _fastre.compile(r"[A-Za-z0-9]+")
#: What may stand between two tokens of one name: "U.S.", "Guinea-Bissau", "Côte d'Ivoire".
_GAP_CHARS: Final = frozenset(" .-\u2010\u2011'\u2019/,")
_MAX_GAP: Final = 3
_POSSESSIVE: Final = _fastre.compile(r"['\u2019]s(?![^\W_])")
_APOSTROPHES: Final = frozenset("'\u2019")  # what a possessive opens with: a quick test first

#: Entry types, in the order a mention prefers them when one alias has several.
PRIORITY: Final = (
    "blocker",
    "organ",
    "organization",
    "armed_group",
    "media",
    "country",
    "demonym",
    "capital",
    "person",
    "division",
    "title",
    "honorific",
    "organ_noun",
)
_PERSON: Final = frozenset({"person"})
#: Types whose words are ordinary vocabulary: any case matches ("president", "Navy").
_ANY_CASE: Final = frozenset({"title", "honorific", "organ_noun"})
#: A compass word that opens a longer name may be written in lower case when the rest
#: of the name is capitalised: "south Korea", as North Korea's agencies write it.
COMPASS_WORDS: Final = frozenset({"north", "south", "east", "west"})


class Office(NamedTuple):
    """A term of office of a person of the leaders table: "President" of "USA" from/to."""

    country: str
    title: str
    start: dt.date
    end: dt.date | None

    def during(self, first: dt.date, last: dt.date) -> bool:
        """Whether the term shares a day with ``first``..``last``."""
        return self.start <= last and (self.end is None or first < self.end)


@attrs.frozen(weakref_slot=False)
class Entry:
    """What an alias names: its type, its code, its canonical name and its actor kind."""

    type: str
    code: str | None = None
    name: str | None = None
    kind: str | None = None
    country: str | None = None
    alternatives: tuple[str, ...] = ()
    mode: str | None = None
    wikidata: str | None = None
    offices: tuple[Office, ...] = ()


@attrs.frozen(weakref_slot=False)
class _Alias:
    words: tuple[str, ...]  # as written in the data file, for the case rules
    commas: tuple[bool, ...]  # whether the gap before each word holds a comma
    trailing_dot: bool
    any_case: bool
    entries: tuple[Entry, ...]
    types: frozenset[str]


# Mutable and plain: a text of a megabyte makes hundreds of thousands of these.
@attrs.define(weakref_slot=False)
class Mention:
    """One name found in a text: ``text[start:end]``, what it names, and a possessive "'s"."""

    start: int
    end: int
    entries: tuple[Entry, ...]
    possessive: bool
    first_token: int
    last_token: int
    types: frozenset[str]

    def first(self, *types: str) -> Entry | None:
        """The first entry of one of ``types``."""
        for entry in self.entries:
            if entry.type in types:
                return entry
        return None

    def has(self, *types: str) -> bool:
        """True if the mention names something of one of ``types``."""
        return not self.types.isdisjoint(types)


#: Countries whose people's names English text also writes family name first ("Kishida
#: Fumio" beside "Fumio Kishida"). Chinese and Korean names are written family first in
#: either case; the tables hold them that way.
_FAMILY_NAME_FIRST: Final = frozenset({"JPN"})
#: Countries whose people's names the tables and English text write family name first.
_FAMILY_NAME_ALWAYS_FIRST: Final = frozenset({"CHN", "KOR", "PRK", "TWN"})


def words(text: str) -> frozenset[str]:
    """The set of the space-separated words of ``text``: ``words("in at")``."""
    return frozenset(text.split())


def fold(word: str) -> str:
    """Case- and accent-insensitive form of a word: ``fold("Türkiye") == "turkiye"``."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


#: ``fold`` of the words of non-ASCII texts, which repeat across sentences.
_fold_word: Final = lru_cache(maxsize=16384)(fold)


def tokens(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of the word tokens of ``text``."""
    pattern = _ASCII_TOKEN if text.isascii() else TOKEN
    return [m.span() for m in pattern.finditer(text)]


def folded_tokens(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """The :func:`fold` of each token of ``text`` (``spans`` are its :func:`tokens`).

    >>> folded_tokens("Türkiye and the US", tokens("Türkiye and the US"))
    ['turkiye', 'and', 'the', 'us']
    """
    if text.isascii():  # lower-casing keeps every offset: fold the text once
        lowered = text.lower()
        return [lowered[s:e] for s, e in spans]
    return [_fold_word(text[s:e]) for s, e in spans]


def _gap_ok(gap: str) -> bool:
    return len(gap) <= _MAX_GAP and all(c in _GAP_CHARS for c in gap)


def _word_matches(pattern: str, word: str) -> bool:
    if pattern.isupper() and (len(pattern) > 1 or pattern.isalpha()):
        return word == pattern  # acronyms: "US" is not "us"
    if pattern[:1].isupper():
        return word[:1].isupper()
    return True


def _titled_acronym(pattern: str, text: str, spans: list[tuple[int, int]], i: int) -> bool:
    """Whether token ``i`` is the acronym ``pattern`` written in title case after "the"
    ("The Us", "the Uk": coded data and headlines capitalise every word); "us" alone is
    the pronoun, but never after "the"."""
    start, end = spans[i]
    word = text[start:end]
    if not (pattern.isupper() and len(pattern) > 1 and word == pattern.capitalize()):
        return False
    if i == 0 or text[end : end + 1] in ("-", "\u2010", "\u2011"):
        return False  # "the Un-American": a prefix
    before_start, before_end = spans[i - 1]
    return text[before_start:before_end] in ("the", "The") and text[before_end:start] == " "


class NameIndex:
    """A token trie over every alias of the name data file."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.display: dict[str, str] = {}
        #: Wikidata ids of states, by ISO alpha-3 code.
        self.wikidata: dict[str, str] = {}
        #: Organisations and armed groups by code: the first entry of a code is its main name.
        self.by_code: dict[str, Entry] = {}
        self.person_name_risk: frozenset[str] = frozenset()
        #: People of the leaders table by their folded family names (the last word, the
        #: first of Chinese and Korean names), for a title and a surname ("Prime Minister
        #: Takaichi", "Mr. Moon"): see ``actors._by_surname``.
        self.surnames: dict[str, tuple[Entry, ...]] = {}
        self._trie: dict[str, Any] = {}
        #: People's names of two to four words by their loose spelling.
        self._loose: LooseNames[Entry] = LooseNames()
        self._add_all(data)

    def _add_all(self, data: dict[str, Any]) -> None:
        aliases: dict[str, list[Entry]] = {}
        ambiguous: dict[str, Entry] = {}
        short_names: dict[str, list[Entry]] = {}

        def add(alias: str, entry: Entry) -> None:
            known = aliases.setdefault(alias, [])
            if entry not in known:
                known.append(entry)

        for group in data["groups"]:
            kind, entries = group["type"], group["entries"]
            if kind == "display_name":
                self.display.update(entries)
            elif kind == "wikidata":
                self.wikidata.update(entries)
            elif kind == "person":
                for item in entries:
                    offices = tuple(_office(term) for term in item["offices"])
                    entry = Entry(
                        "person",
                        name=item["name"],
                        country=offices[0].country,
                        wikidata=item.get("wikidata"),
                        offices=offices,
                    )
                    for name in item["aliases"]:
                        add(name, entry)
                        if " " in name:
                            # "Kim Jong Un", "Moon Jae-in": the family name is the first word
                            at = 0 if entry.country in _FAMILY_NAME_ALWAYS_FIRST else -1
                            last = fold(name.split(" ")[at])
                            if entry not in self.surnames.get(last, ()):
                                self.surnames[last] = (*self.surnames.get(last, ()), entry)
                        if entry.country in _FAMILY_NAME_FIRST and name.count(" ") == 1:
                            given, family = name.split(" ")
                            add(f"{family} {given}", entry)  # "Kishida Fumio"
                        for short in shortened(name):
                            short_names.setdefault(short, []).append(entry)
            elif kind == "division":  # a state's first-level division: its state
                for code, names in entries.items():
                    for name in names:
                        add(name, Entry("division", code=code))
            elif kind in ("country_name", "demonym", "capital", "territory"):
                etype = "country" if kind in ("country_name", "territory") else kind
                for code, names in entries.items():
                    for name in names:
                        add(name, Entry(etype, code=code))
                        if etype == "demonym" and name.endswith(("an", "i")) and " " not in name:
                            add(name + "s", Entry(etype, code=code))  # "Russians", "Saudis"
            elif kind in ("organ", "organization", "armed_group", "media"):
                for item in entries:
                    entry = Entry(
                        kind,
                        code=item.get("code"),
                        name=item["name"],
                        kind=item.get("kind"),
                        country=item.get("country"),
                        wikidata=item.get("wikidata"),
                    )
                    for name in item["aliases"]:
                        add(name, entry)
                        if " " in name:
                            last = fold(name.rsplit(" ", 1)[1])
                            if entry not in self.surnames.get(last, ()):
                                self.surnames[last] = (*self.surnames.get(last, ()), entry)
                    if kind != "organ" and entry.code is not None:
                        self.by_code.setdefault(entry.code, entry)
            elif kind == "organ_noun":
                for actor_kind, nouns in entries.items():
                    for noun in nouns:
                        add(noun, Entry("organ_noun", kind=actor_kind))
            elif kind in ("title", "honorific", "blocker"):
                for name in entries:
                    add(name, Entry(kind, name=name))
            elif kind == "ambiguous":
                for item in entries:
                    ambiguous[item["alias"]] = Entry(
                        "?",
                        code=item["code"],
                        alternatives=tuple(item["alternatives"]),
                        mode=item["mode"],
                    )
            elif kind == "person_name_risk":  # curated and generated groups
                self.person_name_risk |= frozenset(entries)
        self._loose.add(
            (tuple(fold(alias[s:e]) for s, e in tokens(alias)), entries[0])
            for alias, entries in aliases.items()
            if all(e.type == "person" for e in entries) and len(set(entries)) == 1
        )
        # A word in the names of several people ("Singh", "Mohammad") makes a poor
        # first word: "Singh Yadav" is part of many names, not Mulayam Singh Yadav's.
        bearers: dict[str, set[Entry]] = {}
        for alias, entries in aliases.items():
            for word in alias.split(" "):
                bearers.setdefault(fold(word), set()).update(
                    e for e in entries if e.type == "person"
                )
        for short, people in short_names.items():
            first = fold(short.split(" ")[0])
            if len(set(people)) == 1 and short not in aliases and len(bearers[first]) < 3:
                add(short, people[0])  # one person's alone
        for alias, entries in aliases.items():
            if alias in ambiguous:
                rule = ambiguous[alias]
                entries = [
                    attrs.evolve(e, code=rule.code, alternatives=rule.alternatives, mode=rule.mode)
                    if e.type in ("country", "demonym", "capital", "division")
                    else e
                    for e in entries
                ]
            self._insert(alias, entries)

    def _loose_person(
        self, text: str, spans: list[tuple[int, int]], folded: list[str], i: int
    ) -> Mention | None:
        """A known person's name in another transliteration: :class:`LooseNames`."""
        found = self._loose.match(text, spans, folded, i, _gap_ok)
        if found is None:
            return None
        last, entry = found
        end = spans[last][1]
        possessive = _POSSESSIVE.match(text, end) is not None
        return Mention(spans[i][0], end, (entry,), possessive, i, last, _PERSON)

    def _insert(self, alias: str, entries: list[Entry]) -> None:
        spans = tokens(alias)
        if not spans:
            return
        words = tuple(alias[s:e] for s, e in spans)
        commas = tuple(
            "," in alias[spans[i - 1][1] : spans[i][0]] if i else False for i in range(len(spans))
        )
        ordered = tuple(sorted(entries, key=lambda e: PRIORITY.index(e.type)))
        node = self._trie
        for word in words:
            node = node.setdefault(fold(word), {})
        node.setdefault("", []).append(
            _Alias(
                words,
                commas,
                alias.endswith("."),
                all(e.type in _ANY_CASE for e in entries),
                ordered,
                frozenset(e.type for e in entries),
            )
        )

    def _accepts(self, alias: _Alias, text: str, spans: list[tuple[int, int]], i: int) -> bool:
        for k, pattern in enumerate(alias.words):
            start, end = spans[i + k]
            if k and ("," in text[spans[i + k - 1][1] : start]) != alias.commas[k]:
                return False
            if (
                not alias.any_case
                and not _word_matches(pattern, text[start:end])
                and not (
                    text[start].isupper()
                    and len(alias.words) == 1
                    and _titled_acronym(pattern, text, spans, i)
                )
                and not (k == 0 and len(alias.words) > 1 and pattern.lower() in COMPASS_WORDS)
            ):
                return False
            if (
                alias.any_case
                and pattern.isupper()
                and len(pattern) > 1
                and text[start:end] != pattern
            ):
                return False  # "MP" even among ordinary words
        return True

    def scan(
        self,
        text: str,
        spans: list[tuple[int, int]] | None = None,
        folded: list[str] | None = None,
    ) -> Iterator[Mention]:
        """Leftmost-longest mentions of known names in ``text``, blockers included.

        ``spans`` are ``tokens(text)`` and ``folded`` is ``folded_tokens(text, spans)``,
        when the caller has them already.
        """
        spans = tokens(text) if spans is None else spans
        folded = folded_tokens(text, spans) if folded is None else folded
        count = len(spans)
        trie = self._trie
        loose_pairs = self._loose.by_pair
        i = 0
        while i < count:
            first = trie.get(folded[i])
            if first is None:
                # A name in another spelling: the loose spelling of two words starts a
                # known name (most tokens start none; tested inline, as it is per token).
                if (
                    i + 1 >= count
                    or not text[spans[i][0]].isupper()
                    or (loose_word(folded[i]), loose_word(folded[i + 1])) not in loose_pairs
                ):
                    i += 1
                    continue
                loose_match = self._loose_person(text, spans, folded, i)
                if loose_match is None:
                    i += 1
                    continue
                yield loose_match
                i = loose_match.last_token + 1
                continue
            node = first
            found: list[tuple[int, list[_Alias]]] = []
            j = i
            while node is not None:
                if "" in node:
                    found.append((j, node[""]))
                j += 1
                if j >= count:
                    break
                gap_start, gap_end = spans[j - 1][1], spans[j][0]
                one_space = gap_end - gap_start == 1 and text[gap_start] == " "
                if not one_space and not _gap_ok(text[gap_start:gap_end]):
                    break
                node = node.get(folded[j])
            match = self._best(text, spans, i, found) if found else None
            if match is None and i + 2 < count and folded[i + 2] in first:
                match = self._middle_name(text, spans, i, first[folded[i + 2]])
            if (
                match is None
                and i + 1 < count
                and text[spans[i][0]].isupper()
                and (loose_word(folded[i]), loose_word(folded[i + 1])) in loose_pairs
            ):
                match = self._loose_person(text, spans, folded, i)
            if match is None:
                i += 1
                continue
            yield match
            i = match.last_token + 1

    def _middle_name(
        self,
        text: str,
        spans: list[tuple[int, int]],
        i: int,
        end: dict[str, Any],
    ) -> Mention | None:
        """A known person's two-word name with a middle name between its words
        ("Khalifa Belqasim Haftar" for "Khalifa Haftar"): one capitalised word,
        single spaces around it."""
        if "" not in end:
            return None
        (given, given_end), (middle, middle_end), (family, family_end) = spans[i : i + 3]
        if text[given_end:middle] != " " or text[middle_end:family] != " ":
            return None
        word = text[middle:middle_end]
        if not (word[:1].isupper() and word[1:].islower() and len(word) > 1):
            return None
        written = (text[given:given_end], text[family:family_end])
        for alias in end[""]:
            if (
                alias.types == _PERSON
                and len(alias.words) == 2
                and all(map(_word_matches, alias.words, written))
            ):
                possessive = _POSSESSIVE.match(text, family_end) is not None
                return Mention(given, family_end, alias.entries, possessive, i, i + 2, alias.types)
        return None

    def _best(
        self,
        text: str,
        spans: list[tuple[int, int]],
        i: int,
        found: list[tuple[int, list[_Alias]]],
    ) -> Mention | None:
        for j, candidates in reversed(found):
            accepted = [a for a in candidates if self._accepts(a, text, spans, i)]
            if not accepted:
                continue
            if len(accepted) == 1:
                entries, types = accepted[0].entries, accepted[0].types
            else:
                merged: list[Entry] = []
                for alias in accepted:
                    merged.extend(e for e in alias.entries if e not in merged)
                merged.sort(key=lambda e: PRIORITY.index(e.type))
                entries, types = tuple(merged), frozenset(e.type for e in merged)
            end = spans[j][1]
            if any(a.trailing_dot for a in accepted) and text[end : end + 1] == ".":
                end += 1
            possessive = (
                text[end : end + 1] in _APOSTROPHES and _POSSESSIVE.match(text, end) is not None
            )
            return Mention(spans[i][0], end, entries, possessive, i, j, types)
        return None


def _office(term: dict[str, str]) -> Office:
    end = term.get("end")
    return Office(
        term["country"],
        term["title"],
        dt.date.fromisoformat(term["start"]),
        dt.date.fromisoformat(end) if end else None,
    )


@load_once
def name_index() -> NameIndex:
    """The index over the packaged name data, built on first use."""
    import json  # here, not at the top: importing secevents loads no data machinery
    from importlib import resources

    source = resources.files("secevents") / "data" / "actors.json"
    return NameIndex(json.loads(source.read_text(encoding="utf-8")))
