"""Finding place names in text: token runs looked up in a gazetteer, then sifted.

A name that is also a word ("Best", "Police"), a person's name or a ship's is dropped
unless the text makes it a place; "Kulob of Tajikistan" narrows the name down.
"""

from __future__ import annotations

from typing import Final

import attrs

from .. import _fastre
from ._gazetteer import Gazetteer, GeoNamesGazetteer, PlaceCandidate, PlaceKind, acronym
from ._names import COMPASS_WORDS, Mention, fold, folded_tokens, words
from ._persons import STOP

__all__ = ["LIST_GAP", "VOCABULARY", "Hit", "TextView", "blocked_tokens", "scan", "settlement"]

#: Lower-case words that may sit inside a place name ("Sea of Japan", "Ain al-Asad").
_CONNECTORS: Final = words(
    "of the al el ad as ash at az ul de del der den di da du do dos das la le van von bin "
    "ibn e i and upon sur am an im d l s"
)
#: Lower-case words that may end one ("Harb-Maidon range", "Wakhan corridor").
_GENERIC: Final = words(
    "range corridor region province district valley river sea strait gulf bay islands "
    "island peninsula base airbase mountains heights desert ocean canal oblast krai "
    "republic governorate prefecture ground"
)
_ADMIN_WORDS: Final = words("region province oblast krai governorate prefecture")
#: After these a name that is also an English word is read as a place: "in Bar".
_LOCATIVE: Final = words(
    "in at near outside around inside from to into towards toward via across off along"
)
#: Warships are named after cities: "the destroyers Kunming and Nanchang".
_SHIPS: Final = words(
    "ship ships vessel vessels destroyer destroyers frigate frigates corvette corvettes "
    "cruiser cruisers submarine submarines carrier carriers boat boats minesweeper "
    "minesweepers"
)
#: Mention types that are ordinary words ("Fleet", "President"), not names.
VOCABULARY: Final = frozenset({"organ_noun", "title", "honorific"})
_GAP: Final = frozenset(" -'.\u2019\u2010\u2011")
_QUALIFIER: Final = _fastre.compile(
    r"(?:,[ \t]{0,2}|[ \t]{1,2}(?:in|of)[ \t]{1,2})(?:the[ \t]{1,2})?"
)
_LIST_AHEAD: Final = _fastre.compile(r",|[ \t]{1,2}(?:and|or|&)[ \t]")
LIST_GAP: Final = _fastre.compile(r",?[ \t]{1,2}(?:and|or)[ \t]{1,2}|,[ \t]{1,2}")
_MAX_WORDS: Final = 6
#: A name that is also an English word starts a sentence as a place only if this big.
_BIG_CITY: Final = 1_000_000


@attrs.define
class Hit:
    """A gazetteer name found in the text, with the places it may be."""

    start: int
    end: int
    first: int  # token indices
    last: int
    candidates: list[PlaceCandidate]
    forced: bool = False  # the text itself says which (a qualifier, a possessive)
    admin_name: str | None = None  # "the Astrakhan region": the region named after a city


@attrs.frozen(weakref_slot=False)
class TextView:
    """A text with its tokens and what the place finder knows about each."""

    text: str
    spans: list[tuple[int, int]]
    mentions: list[Mention]
    blocked: list[bool]  # per token: inside an actor that is not a state, or a border phrase
    name_starts: frozenset[int]  # where known names (states, organisations...) start
    gazetteer: Gazetteer
    #: ``folded_tokens(text, spans)``, when the caller has read them already.
    folded: list[str] = attrs.field(default=None)
    words: list[str] = attrs.field(init=False)

    @words.default
    def _words(self) -> list[str]:
        return [self.text[s:e] for s, e in self.spans]

    def __attrs_post_init__(self) -> None:
        if self.folded is None:
            object.__setattr__(self, "folded", folded_tokens(self.text, self.spans))


def blocked_tokens(spans: list[tuple[int, int]], taken: list[tuple[int, int]]) -> list[bool]:
    blocked = [False] * len(spans)
    if not taken:
        return blocked
    taken.sort()
    k = 0
    for i, (start, end) in enumerate(spans):
        while k < len(taken) and taken[k][1] <= start:
            k += 1
        blocked[i] = k < len(taken) and taken[k][0] < end
    return blocked


def _word(ctx: TextView, i: int) -> str:
    return ctx.words[i]


def _joinable(ctx: TextView, i: int) -> bool:
    """Whether token ``i`` may continue a name begun before it."""
    gap = ctx.text[ctx.spans[i - 1][1] : ctx.spans[i][0]]
    if not gap or len(gap) > 2 or any(c not in _GAP for c in gap) or ctx.blocked[i]:
        return False
    word = _word(ctx, i)
    return word[:1].isupper() or word in _CONNECTORS or word in _GENERIC


def _compass_before_name(ctx: TextView, i: int) -> bool:
    """Whether a compass word in lower case opens the name after it ("south Korea")."""
    return i + 1 < len(ctx.spans) and ctx.words[i + 1][:1].isupper() and _joinable(ctx, i + 1)


def scan(ctx: TextView) -> list[Hit]:
    """The place names of the text, left to right, longest first."""
    hits: list[Hit] = []
    count, i = len(ctx.spans), 0
    words, blocked = ctx.words, ctx.blocked
    while i < count:
        if blocked[i] or not (
            words[i][:1].isupper() or (words[i] in COMPASS_WORDS and _compass_before_name(ctx, i))
        ):
            i += 1
            continue
        last = _extent(ctx, i)
        hit = _longest(ctx, i, last) if last >= i else None
        if hit is None or not _plausible(ctx, hit, hits):
            i += 1
            continue
        _qualify(ctx, hit, hits)
        hits.append(hit)
        i = hit.last + 1
    return hits


def _extent(ctx: TextView, i: int) -> int:
    """The last token a name starting at token ``i`` may reach (``i - 1``: none)."""
    count = len(ctx.spans)
    if not isinstance(ctx.gazetteer, GeoNamesGazetteer):
        last = i
        while last + 1 < count and last - i + 1 < _MAX_WORDS and _joinable(ctx, last + 1):
            last += 1
        return last
    # The embedded gazetteer knows every prefix of its names: walk them, like a trie.
    prefix = ctx.folded[i]
    if not ctx.gazetteer.is_prefix(prefix):
        return i - 1
    last = i
    while last + 1 < count and _joinable(ctx, last + 1):
        longer = f"{prefix} {ctx.folded[last + 1]}"
        if not ctx.gazetteer.is_prefix(longer):
            break
        prefix, last = longer, last + 1
    return last


def _lookup(ctx: TextView, first: int, last: int) -> list[PlaceCandidate]:
    name = ctx.text[ctx.spans[first][0] : ctx.spans[last][1]]
    if isinstance(ctx.gazetteer, GeoNamesGazetteer):
        k = " ".join(ctx.folded[first : last + 1])
        return list(ctx.gazetteer.lookup_key(k, capitals=acronym(name)))
    return list(ctx.gazetteer.lookup(name))


def _longest(ctx: TextView, first: int, last: int) -> Hit | None:
    for j in range(last, first - 1, -1):
        end_word = _word(ctx, j)
        if not (end_word[:1].isupper() or end_word in _GENERIC):
            continue
        start, end = ctx.spans[first][0], ctx.spans[j][1]
        candidates = _lookup(ctx, first, j)
        if candidates:
            if "." in ctx.text[start:end] and ctx.text[end : end + 1] == ".":
                end += 1  # "U.S.": the abbreviation's last full stop
            hit = Hit(start, end, first, j, candidates)
            nxt = j + 1
            admin = nxt < len(ctx.spans) and _word(ctx, nxt).lower() in _ADMIN_WORDS
            # "Chelyabinsk Region" (a city's region), "Sichuan Province" (the province)
            if (
                admin
                and ctx.text[end : ctx.spans[nxt][0]] == " "
                and (settlement(candidates[0]) or candidates[0].kind is PlaceKind.ADMIN1)
            ):
                hit.end, hit.last = ctx.spans[nxt][1], nxt
                hit.admin_name = ctx.text[start : hit.end]
            return hit
    return None


def settlement(candidate: PlaceCandidate) -> bool:
    return candidate.kind in (PlaceKind.CITY, PlaceKind.CAPITAL)


def _sentence_start(ctx: TextView, i: int) -> bool:
    before = ctx.text[max(0, ctx.spans[i][0] - 4) : ctx.spans[i][0]].rstrip(" \t")
    return not before or before[-1] in '.!?:;"\u201c\n(\u2013\u2014-' or i == 0


def _title_case_line(ctx: TextView, i: int) -> bool:
    """A headline: most of the words around token ``i`` are capitalised."""
    window = [_word(ctx, k) for k in range(max(0, i - 4), min(len(ctx.spans), i + 5))]
    words = [w for w in window if w.isalpha() and w.lower() not in _CONNECTORS]
    return len(words) >= 5 and sum(w[:1].isupper() for w in words) >= 0.8 * len(words)


def _plausible(ctx: TextView, hit: Hit, hits: list[Hit]) -> bool:
    """Drop the names that here are words, people or ships, not places."""
    prev = _word(ctx, hit.first - 1) if hit.first else ""
    prev_gap = ctx.text[ctx.spans[hit.first - 1][1] : hit.start] if hit.first else ""
    if fold(prev) in _SHIPS or (
        hits
        and hits[-1].candidates == []
        and LIST_GAP.fullmatch(ctx.text[hits[-1].end : hit.start])
    ):
        hit.candidates = []  # kept as a marker so "Kunming and Nanchang" both go
        hits.append(hit)
        return False
    if hit.first == hit.last and _word(ctx, hit.first).lower() in STOP:
        return False  # "In March", "May": the month, not the town
    located = fold(prev) in _LOCATIVE
    if not located and (_sentence_start(ctx, hit.first) or _title_case_line(ctx, hit.first)):
        hit.candidates = [
            c for c in hit.candidates if not c.common_word or (c.population or 0) >= _BIG_CITY
        ]
    elif not located:
        hit.candidates = [c for c in hit.candidates if not c.common_word or hit.last > hit.first]
    if not hit.candidates:
        return False
    if hit.first == hit.last and hit.candidates[0].kind != PlaceKind.COUNTRY:
        nxt = hit.last + 1
        if nxt < len(ctx.spans) and _name_like(ctx, nxt, ctx.text[hit.end : ctx.spans[nxt][0]]):
            return False  # "Elizabeth Warren", "Saber Strike"
        if prev and prev_gap == " " and _name_like(ctx, hit.first - 1, " ") and not located:
            return _sentence_start(ctx, hit.first - 1)  # "Sta Ana": one name we do not know
    return True


def _name_like(ctx: TextView, i: int, gap: str) -> bool:
    word = _word(ctx, i)
    return (
        gap == " "
        and word[:1].isupper()
        and word.lower() not in STOP
        and ctx.spans[i][0] not in ctx.name_starts
        and not ctx.blocked[i]
    )


def _qualify(ctx: TextView, hit: Hit, hits: list[Hit]) -> None:
    """Narrow a name down by the country or state the text puts it in."""
    found = _qualifier(ctx, hit)
    if found is not None:
        countries, last = found
        narrowed = [c for c in hit.candidates if c.country in countries]
        if narrowed and hit.candidates[0].kind != PlaceKind.COUNTRY:
            hit.candidates, hit.forced = narrowed, True
            hit.end, hit.last = ctx.spans[last][1], last
            return
    prev = hits[-1] if hits and hits[-1].candidates else None
    if prev is None or prev.candidates[0].kind != PlaceKind.COUNTRY:
        return
    if ctx.text[prev.end : hit.start] in ("'s ", "\u2019s "):  # "Russia's Urals"
        narrowed = [c for c in hit.candidates if c.country == prev.candidates[0].country]
        if narrowed:
            hit.candidates, hit.forced, hit.start = narrowed, True, prev.start
            hits.pop()  # the country is now part of this name


def _qualifier(ctx: TextView, hit: Hit) -> tuple[set[str], int] | None:
    match = _QUALIFIER.match(ctx.text, hit.end)
    if match is None or hit.admin_name is not None or not settlement(hit.candidates[0]):
        return None
    first = hit.last + 1
    while first < len(ctx.spans) and ctx.spans[first][0] < match.end():
        first += 1  # past "of", "the"
    if first >= len(ctx.spans) or ctx.spans[first][0] != match.end():
        return None
    if not _word(ctx, first)[:1].isupper() or ctx.blocked[first]:
        return None
    last = first
    while last + 1 < len(ctx.spans) and last - first < 3 and _joinable(ctx, last + 1):
        last += 1
    for j in range(last, first - 1, -1):
        if "," in match.group() and _LIST_AHEAD.match(ctx.text, ctx.spans[j][1]):
            continue  # "in Ankara, Turkey and Qatar have": a list, not "Ankara, Turkey"
        name = ctx.text[ctx.spans[first][0] : ctx.spans[j][1]]
        big = [
            c for c in ctx.gazetteer.lookup(name) if c.kind in (PlaceKind.COUNTRY, PlaceKind.ADMIN1)
        ]
        if big:
            return {c.country for c in big if c.country}, j
    return None
