"""Actors in news text: states and their organs, officials, organisations, armed groups, media.

Names come from ``secevents/data/actors.json`` (ISO names, GeoNames capitals and curated
demonyms, organs, organisations, groups and media; each group records its source).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from typing import Final

import attrs

from .. import _fastre
from ..model.actors import STATE_KINDS, Actor
from ..model.dates import DateSpan
from ..model.vocab import ActorKind
from ._leaders import date_window, holder
from ._names import Entry, Mention, NameIndex, fold, folded_tokens, name_index, tokens, words
from ._persons import NameRuns, name_after, name_before, name_runs
from ._unicode import MatchingText, matching_text
from .result import Normalized, TextWarning, require_text

__all__ = ["NameReading", "actors_of", "find_actors", "read_names", "resolve_actor"]

_COUNTRYISH: Final = ("country", "demonym", "capital")
_PERSON_ONLY: Final = frozenset({"person"})
#: Names that never end a personal name: a division's name is as often a given name.
_NOT_NAME_ENDS: Final = (_PERSON_ONLY, frozenset({"division"}))
_TITLES: Final = ("title", "honorific")
_MAX_TITLES: Final = 4
#: Words after which a capital is a place ("the embassy in Moscow"), not a government.
_LOCATIVE: Final = words(
    "in at near outside around inside within from to into towards toward via across of the"
)
# A list of places after a locative word, ending where a name follows: "in Altai and ",
# "in the Urals, Siberia's ".
_PLACE_LIST: Final = _fastre.compile(
    r"\b(?:in|at|near|outside|around|inside|within|from|to|into|towards|toward|via|across|of)"
    r"(?:\s{1,2}(?:the\s{1,2})?[A-Z][\w'’-]*(?:\s{1,2}[A-Z][\w'’-]*){0,3}(?:['’]s)?"
    r"(?:\s{1,2}[a-z]{3,12})?\s{0,2}(?:,|\s(?:and|or)))"
    r"(?:\s{1,2}(?:the\s{1,2})?[A-Z][\w'’-]*(?:\s{1,2}[A-Z][\w'’-]*){0,3}(?:['’]s)?"
    r"(?:\s{1,2}[a-z]{3,12})?\s{0,2}(?:,|\s(?:and|or))){0,5}"
    r"(?:\s{1,2}[A-Z][\w-]*['’]s)?\s{1,2}\Z"  # "..., Siberia's Altai"
)
_VESSELS: Final = _fastre.compile(
    r"\b(?:destroyer|frigate|corvette|submarine|cruiser|carrier|ship|vessel|boat|warship"
    r"|minesweeper|tug|tanker|icebreaker)s?\s{1,2}"
    r"(?:[A-Z][\w'’-]*\s{0,2}(?:,|\s(?:and|or))?\s{0,2}){0,4}\Z"
)
_DIVISION_NOUN: Final = _fastre.compile(
    r"\s{1,2}(?i:province|provinces|region|state|oblast|governorate|prefecture|county|krai"
    r"|district|territory|department)\b"
)
_NAMED_KINDS: Final = {
    "organization": ActorKind.ORGANIZATION,
    "armed_group": ActorKind.ARMED_GROUP,
}
_SPACE: Final = _fastre.compile(r"[ \t]{1,2}")
#: Between a country and its organ: "Russia's own forces", "Russia's Pacific Fleet",
#: "the US 6th Fleet", "Russia's 58th Army".
_OWN: Final = _fastre.compile(
    r"[ \t]{1,2}(?:(?:own|top|senior|former|new|elite|regular|national|federal|[A-Z][a-z]{1,20}"
    r"|\d{1,3}(?:st|nd|rd|th))"
    r"[ \t]{1,2}){0,2}"
)
_OF: Final = _fastre.compile(r"[ \t]{1,2}of[ \t]{1,2}(?:the[ \t]{1,2})?")
_NAME_GOES_ON: Final = _fastre.compile(r"[ \t]{1,2}[A-Z]")
#: Between the members of a list: "Russian and Tajik", "Iraqi, US".
_COORD: Final = _fastre.compile(r",?[ \t]{1,2}(?:and|or|&)[ \t]{1,2}|,[ \t]{1,2}|[ \t]?/[ \t]?")
_APPOSITION: Final = _fastre.compile(
    r",[ \t]{1,2}(?:(?:the|a|an)[ \t]{1,2})?"
    r"(?:(?:former|then|acting|current|new|outgoing|incoming)[ \t]{1,2})?$"
)
_DATELINE: Final = _fastre.compile(
    r"[ \t]*(?:,[ \t]*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\b|\()"
)


@attrs.define(weakref_slot=False)
class _Found:
    start: int
    end: int
    actor: Actor
    entry: Entry | None = None  # the country entry, when the code may be ambiguous
    people: tuple[Entry, ...] = ()  # the office-holders the person's name may mean
    for_org: bool = False  # titled by an organisation's office ("NATO Secretary General")


@attrs.frozen(weakref_slot=False)
class _Context:
    text: str
    spans: list[tuple[int, int]]
    mentions: list[Mention]
    starts: frozenset[int]
    index: NameIndex
    first_tokens: frozenset[int]  # token indices where a mention begins
    _runs: list[NameRuns] = attrs.field(factory=list, init=False)

    @property
    def runs(self) -> NameRuns:
        """The text's name runs, read on first use (only appositions need them)."""
        if not self._runs:
            self._runs.append(name_runs(self.text))
        return self._runs[0]


@attrs.frozen(weakref_slot=False)
class NameReading:
    """One text's tokens, known-name mentions and actors, read once for every finder.

    :func:`find_actors` and :func:`~secevents.normalize.places.find_places` both start
    from it; a caller that asks both about one text builds it once with :func:`read_names`.
    ``text`` is the text as names are matched in (see ``source``, which maps it back
    to the text given: results carry offsets into that one).
    """

    text: str
    spans: list[tuple[int, int]]
    mentions: list[Mention]
    found: list[_Found]
    source: MatchingText = attrs.field(default=None, eq=False, repr=False)
    #: The tokens folded (:func:`~._names.folded_tokens`), as the name and place finders match them.
    folded: list[str] = attrs.field(default=None, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if self.source is None:
            object.__setattr__(self, "source", MatchingText(self.text, self.text))
        if self.folded is None:
            object.__setattr__(self, "folded", folded_tokens(self.text, self.spans))


def read_names(text: str) -> NameReading:
    """Tokenize ``text`` and find its names and actors (ambiguous names not yet settled).

    >>> [f.actor.code for f in read_names("Russian and Tajik troops").found]
    ['RUS', 'TJK']
    """
    _check_text(text)
    source = matching_text(text)
    text = source.text
    spans = tokens(text)
    folded = folded_tokens(text, spans)
    mentions = list(name_index().scan(text, spans, folded))
    found = _actor_spans(text, spans, mentions)
    return NameReading(text, spans, mentions, found, source, folded)


DateLike = dt.date | DateSpan | str


def find_actors(text: str, *, date: DateLike | None = None) -> list[Normalized[Actor]]:
    """Every actor named in ``text``, in order, each with the span it was read from.

    ``date`` (a date, a DateSpan or EDTF text: when the text speaks of) picks among
    office-holders a name may mean ("President Bush" in 1990 or 2005).

    >>> [r.value.code or r.value.name for r in find_actors("Russian and Tajik troops held drills")]
    ['RUS', 'TJK']
    """
    return actors_of(read_names(text), date=date)


def actors_of(reading: NameReading, *, date: DateLike | None = None) -> list[Normalized[Actor]]:
    """The actors of a :class:`NameReading`, ambiguous names settled: :func:`find_actors`."""
    window = date_window(date)
    text, found, index = reading.text, reading.found, name_index()
    named = {
        f.actor.state_code
        for f in found
        if f.actor.state_code and (f.entry is None or not f.entry.alternatives)
    }
    restore = reading.source.restore
    return [
        restore(_result(text, at, found, named, index, window))
        for at in range(len(found))
        if not _regional(text, found[at])
    ]


#: Demonyms that are also the adjectives of a region: "the Central African nation" may be
#: any state of Central Africa (Gabon, Equatorial Guinea), not the Central African Republic.
_REGIONAL_DEMONYMS: Final = frozenset({"central african"})
_DESCRIBED: Final = _fastre.compile(r"\s+(?:nation|country|state|region|coast)\b")


def _regional(text: str, item: _Found) -> bool:
    """Whether ``item`` is a region's adjective describing a state ("the Central African
    nation"), not a state."""
    return (
        text[item.start : item.end].casefold() in _REGIONAL_DEMONYMS
        and _DESCRIBED.match(text, item.end) is not None
    )


def _actor_spans(text: str, spans: list[tuple[int, int]], mentions: list[Mention]) -> list[_Found]:
    """The actors of ``text`` before ambiguous names are settled (for the place finder)."""
    # A known person's name does not end a name ("President Obama" is one phrase).
    starts = frozenset(m.start for m in mentions if m.types not in _NOT_NAME_ENDS)
    first_tokens = frozenset(m.first_token for m in mentions)
    index = name_index()
    return _compose(_Context(text, spans, mentions, starts, index, first_tokens))


def resolve_actor(text: str, *, date: DateLike | None = None) -> Normalized[Actor]:
    """The first actor named in ``text``: a state, organ, official, organisation or group.

    An office-holder of the leaders table (heads of state and government, ministers,
    vice presidents, governors and mayors, party leaders and leaders of armed groups,
    with their terms) is known by name, with or without a title:
    "President Obama" is a person of the USA; ``date`` picks among people one name may
    mean. States, organisations, armed groups and known people carry their Wikidata id.

    >>> rahmon = resolve_actor("Tajik President Emomali Rahmon").value
    >>> rahmon.kind.value, rahmon.name, rahmon.title, rahmon.country
    ('person', 'Emomali Rahmon', 'President', 'TJK')
    >>> resolve_actor("the Kremlin").value.code, resolve_actor("ISIL").value.code
    ('RUS', 'ISIS')
    """
    for result in find_actors(text, date=date):
        return result
    return Normalized.nothing(TextWarning("no_actor", "no actor name found"))


def _check_text(text: object) -> None:
    require_text(text)


def _after(m: Mention) -> int:
    return m.end + 2 if m.possessive else m.end


def _gap(ctx: _Context, a: Mention, b: Mention) -> str:
    return ctx.text[_after(a) : b.start]


def _next(ctx: _Context, i: int) -> Mention | None:
    return ctx.mentions[i + 1] if i + 1 < len(ctx.mentions) else None


def _compose(ctx: _Context) -> list[_Found]:
    found: list[_Found] = []
    coordinated = _coordinated(ctx)
    i = 0
    while i < len(ctx.mentions):
        floor = found[-1].end if found else 0
        if ctx.mentions[i].start < floor:
            i += 1
            continue
        step = (
            _person(ctx, i, floor)
            or _organ_after(ctx, i)
            or _organ_before(ctx, i)
            or _single(ctx, i, coordinated)
        )
        if step is None:
            i += 1
            continue
        item, used = step
        if (
            item.actor.kind in (ActorKind.MILITARY, ActorKind.GOVERNMENT)
            and item.start >= floor + 6
            and ctx.text.startswith("Royal ", item.start - 6)
        ):
            # "the Royal Australian Air Force": the title is part of the force's name
            item = attrs.evolve(item, start=item.start - 6)
        found.append(item)
        i += used
    return found


def _coordinated(ctx: _Context) -> dict[int, tuple[str, Mention]]:
    """Members of "Russian and Tajik troops" lists: each takes the organ noun that ends it."""
    out: dict[int, tuple[str, Mention]] = {}
    ms, i = ctx.mentions, 0
    while i < len(ms):
        j = i
        while (
            ms[j].has(*_COUNTRYISH)
            and j + 1 < len(ms)
            and ms[j + 1].has(*_COUNTRYISH)
            and _COORD.fullmatch(_gap(ctx, ms[j], ms[j + 1]))
        ):
            j += 1
        last = _next(ctx, j)
        kind = _organ_kind(last)
        if j > i and last is not None and kind and _OWN.fullmatch(_gap(ctx, ms[j], last)):
            for k in range(i, j):
                out[k] = (kind, last)
        i = j + 1
    return out


def _organ_kind(m: Mention | None) -> str | None:
    """The actor kind an organ noun makes ("government" for "embassy"), if ``m`` is one."""
    if m is None or m.entries[0].type not in ("organ_noun", "title"):
        return None
    organ = m.first("organ_noun")
    return organ.kind if organ is not None else None


def _code(m: Mention) -> tuple[str, Entry]:
    entry = m.first(*_COUNTRYISH)
    assert entry is not None and entry.code is not None
    return entry.code, entry


def _person(ctx: _Context, i: int, floor: int) -> tuple[_Found, int] | None:
    ms, text = ctx.mentions, ctx.text
    # A title is the mention itself or after a state and an organisation: no title, no person.
    if all(m.types.isdisjoint(_TITLES) for m in ms[i : i + 3]):
        return None
    k, country = i, None
    nxt = _next(ctx, k)
    state = ms[k].has("country", "demonym") and not ms[k].has("capital")
    if state and _joined(ctx, k) and nxt is not None and nxt.has(*_TITLES, "organization"):
        country, k = _code(ms[k])[0], k + 1
    title_start, org = ms[k].start, None
    nxt = _next(ctx, k)
    if ms[k].has("organization") and nxt is not None and nxt.has(*_TITLES) and _joined(ctx, k):
        org, k = ms[k].first("organization"), k + 1
    if not ms[k].has(*_TITLES) or ms[k].entries[0].type not in (*_TITLES, "organ_noun"):
        return None
    while (nxt := _next(ctx, k)) is not None and nxt.has(*_TITLES) and not ms[k].possessive:
        if k - i >= _MAX_TITLES:
            break  # "chief of staff General": a few words; more is not a title
        if not _SPACE.fullmatch(text[ms[k].end : nxt.start]):
            break
        k += 1
    title_end = ms[k].end
    title = text[title_start:title_end]
    used = k - i + 1
    name = name_after(text, title_end, ctx.starts) if not ms[k].possessive else None
    if name is not None:
        end, country = _of_country(ctx, k, name[1], country)
        person = _make(ActorKind.PERSON, name=text[name[0] : name[1]], title=title, country=country)
        if person is None:
            return None
        people = _people_in(ctx, k + 1, *name)
        return _Found(ms[i].start, end, person, people=people, for_org=org is not None), used
    before = _apposition(ctx, ms[i].start, floor)
    if before is not None:
        # "Heiko Maas, the foreign minister of Germany": the state after the title, unless
        # it opens a longer name ("the minister-counsellor of the U.S. Embassy").
        end, of_state = _of_country(ctx, k, title_end, country)
        if not _NAME_GOES_ON.match(text, end):
            country = of_state
        else:
            end = title_end
        person = _make(
            ActorKind.PERSON, name=text[before[0] : before[1]], title=title, country=country
        )
        people = _people_in(ctx, _first_at(ctx, before[0]), *before)
        return (_Found(before[0], end, person, people=people), used) if person else None
    if country is not None and any(ms[j].has("title") for j in range(i + 1, k + 1)):
        # "the Russian president": no name, so the office stands for the government
        actor = _make(ActorKind.GOVERNMENT, code=country, name=text[ms[i].start : title_end])
        entry = ms[i].first(*_COUNTRYISH)
        return (_Found(ms[i].start, title_end, actor, entry), used) if actor else None
    if org is not None and org.code is not None:
        actor = _make(ActorKind.ORGANIZATION, code=org.code, name=org.name)
        return (_Found(ms[i].start, title_end, actor), used) if actor else None
    return None


def _first_at(ctx: _Context, position: int) -> int:
    """The index of the first mention that starts at or after ``position``."""
    return bisect.bisect_left(ctx.mentions, position, key=lambda m: m.start)


def _people_in(ctx: _Context, first: int, start: int, end: int) -> tuple[Entry, ...]:
    """The office-holders named by the known-person mentions within ``start``..``end``."""
    people: list[Entry] = []
    ms = ctx.mentions
    for j in range(first, len(ms)):  # by index: no walk or copy of the list's head or tail
        m = ms[j]
        if m.start >= end:
            break
        if m.start >= start and m.end <= end:
            people.extend(e for e in m.entries if e.type == "person")
    return tuple(people)


def _of_country(ctx: _Context, k: int, end: int, country: str | None) -> tuple[int, str | None]:
    """ "King Hassan of Morocco": the state after a person's name, and where it ends."""
    if country is not None:
        return end, country
    of = _OF.match(ctx.text, end)
    if of is None:
        return end, None
    ms = ctx.mentions
    for j in range(k + 1, len(ms)):
        m = ms[j]
        if m.start > of.end():
            break
        if m.start == of.end() and m.has("country") and not m.possessive:
            return m.end, _code(m)[0]
    return end, None


def _joined(ctx: _Context, i: int) -> bool:
    """Whether mention ``i`` and the next are one phrase: "Tajik President", "UN envoy"."""
    nxt = _next(ctx, i)
    return nxt is not None and _SPACE.fullmatch(_gap(ctx, ctx.mentions[i], nxt)) is not None


def _apposition(ctx: _Context, start: int, floor: int) -> tuple[int, int] | None:
    window_start = max(floor, start - 40)
    tail = _APPOSITION.search(ctx.text, window_start, start)
    if tail is None:
        return None
    return name_before(ctx.text, tail.start(), ctx.runs, ctx.starts, floor)


def _organ_after(ctx: _Context, i: int) -> tuple[_Found, int] | None:
    m, nxt = ctx.mentions[i], _next(ctx, i)
    kind = _organ_kind(nxt)
    if nxt is None or kind is None or not m.has(*_COUNTRYISH):
        return None
    if m.has("capital") and not m.has("country", "demonym") and m.possessive:
        return None  # "Moscow's metro" is the city
    if not _OWN.fullmatch(_gap(ctx, m, nxt)):
        return None
    code, entry = _code(m)
    actor = _make(ActorKind(kind), code=code, name=ctx.text[m.start : nxt.end])
    return (_Found(m.start, nxt.end, actor, entry), 2) if actor else None


def _organ_before(ctx: _Context, i: int) -> tuple[_Found, int] | None:
    m, nxt = ctx.mentions[i], _next(ctx, i)
    kind = _organ_kind(m)
    if nxt is None or kind is None or not nxt.has(*_COUNTRYISH):
        return None
    if not _OF.fullmatch(ctx.text[m.end : nxt.start]):
        return None
    code, entry = _code(nxt)
    actor = _make(ActorKind(kind), code=code, name=ctx.text[m.start : nxt.end])
    return (_Found(m.start, nxt.end, actor, entry), 2) if actor else None


def _single(
    ctx: _Context, i: int, coordinated: dict[int, tuple[str, Mention]]
) -> tuple[_Found, int] | None:
    m = ctx.mentions[i]
    entry = m.entries[0]
    surface = ctx.text[m.start : m.end]
    actor: Actor | None = None
    if entry.type in _NAMED_KINDS or (entry.type == "organ" and entry.kind):
        kind = _NAMED_KINDS.get(entry.type) or ActorKind(entry.kind or "")
        if kind is ActorKind.MILITARY:
            end, state = _of_country(ctx, i, m.end, None)
            if state and state != entry.code:  # "the Royal Navy of Oman" is Oman's
                taken = sum(1 for x in ctx.mentions[i:] if x.start < end)
                actor = _make(kind, code=state, name=ctx.text[m.start : end], country=state)
                return (_Found(m.start, end, actor), taken) if actor else None
        actor = _make(
            kind, code=entry.code, name=entry.name, country=entry.country, wikidata=entry.wikidata
        )
    elif entry.type == "person":
        start = m.start
        if _inside_other_name(ctx, m):
            named_from = _with_patronymic(ctx, m, entry)
            if named_from is None:
                return None  # "Jeb Bush", "Laura Bush": another person of the same name
            start, surface = named_from, ctx.text[named_from : m.end]
        if ctx.text[m.end : m.end + 2] == ", " and any(
            x.has(*_TITLES) for x in ctx.mentions[i + 1 : i + 4]
        ):
            return None  # "Ahmet Davutoglu, Turkey's prime minister": the title's apposition
        people = tuple(e for e in m.entries if e.type == "person")
        actor = _make(ActorKind.PERSON, name=surface)
        return (_Found(start, m.end, actor, people=people), 1) if actor else None
    elif entry.type == "media" and entry.name:
        actor = _make(ActorKind.MEDIA, name=entry.name, country=entry.country)
    elif entry.type in ("country", "demonym"):
        if _person_like(ctx, i, surface):
            return None
        code = entry.code or ""
        if i in coordinated:
            organ_kind, organ = coordinated[i]
            name = f"{ctx.text[m.start : _after(m)]} {ctx.text[organ.start : organ.end]}"
            actor = _make(ActorKind(organ_kind), code=code, name=name)
        else:
            actor = _make(
                ActorKind.STATE,
                code=code,
                name=ctx.index.display.get(code),
                wikidata=ctx.index.wikidata.get(code),
            )
    elif entry.type == "capital":
        if _place_like(ctx, i, surface) or _person_like(ctx, i, surface):
            return None
        actor = _make(ActorKind.GOVERNMENT, code=entry.code, name=surface)
    elif entry.type == "division":  # "Texas sued", but "in Texas" is a place
        if _place_like(ctx, i, surface) or _person_like(ctx, i, surface):
            return None
        if _DIVISION_NOUN.match(ctx.text, m.end):
            return None  # "Idlib province", "the Texas state line"
        if _ends_longer_name(ctx, m):
            return None  # "Puerto Belgrano", "Camp Humphreys": a place named after a town
        if _PLACE_LIST.search(ctx.text, max(0, m.start - 160), m.start):
            return None  # "in the Chelyabinsk region, Altai and Kemerovo": a list of places
        if _VESSELS.search(ctx.text, max(0, m.start - 120), m.start):
            return None  # "the destroyers Kunming and Nanchang": ships named after towns
        code = entry.code or ""
        actor = _make(
            ActorKind.STATE,
            code=code,
            name=ctx.index.display.get(code),
            wikidata=ctx.index.wikidata.get(code),
        )
    if actor is None:
        return None
    keep = entry if entry.type in _COUNTRYISH or entry.alternatives else None
    return _Found(m.start, m.end, actor, keep), 1


_PATRONYMIC: Final = _fastre.compile(r"[A-Z][a-z]+(?:ovich|evich|ovna|evna|ich|ychna|ivna)")


def _with_patronymic(ctx: _Context, m: Mention, entry: Entry) -> int | None:
    """Where "Sergey Viktorovich Lavrov" starts when "Sergey Lavrov" names the same person:
    a Russian, Ukrainian or Belarusian full name keeps the father's name in the middle."""
    if m.first_token < 2:
        return None
    given, middle = ctx.spans[m.first_token - 2], ctx.spans[m.first_token - 1]
    if not _PATRONYMIC.fullmatch(ctx.text[middle[0] : middle[1]]):
        return None
    if ctx.text[given[1] : middle[0]] != " " or ctx.text[middle[1] : m.start] != " ":
        return None
    short = f"{ctx.text[given[0] : given[1]]} {ctx.text[m.start : m.end]}"
    for found in ctx.index.scan(short):
        if found.start == 0 and found.end == len(short) and entry in found.entries:
            return given[0]
    return None


def _inside_other_name(ctx: _Context, m: Mention) -> bool:
    """Whether a capitalised word that is no title or sentence start comes just before."""
    if m.start and ctx.text[m.start - 1] in "-‐‑'’.":
        return True  # "Mazar-i-Sharif", "O'Bush": the end of another word
    prev = _prev_word(ctx, m)
    if not prev[:1].isupper() or m.first_token < 1 or fold(prev) in _LOCATIVE:
        return False
    start = ctx.spans[m.first_token - 1][0]
    if start in ctx.starts:
        return False  # a title or another known name: "President Bush", "Russia's Putin"
    before = ctx.text[max(0, start - 3) : start].strip()
    return not (before == "" and start < 3) and before[-1:] not in '.!?:"“(' if before else True


def _prev_word(ctx: _Context, m: Mention) -> str:
    if m.first_token == 0:
        return ""
    start, end = ctx.spans[m.first_token - 1]
    return ctx.text[start:end] if _SPACE.fullmatch(ctx.text[end : m.start]) else ""


def _place_like(ctx: _Context, i: int, surface: str) -> bool:
    """A capital read as a place: after "in"/"the", or in a dateline ("MOSCOW (Sputnik)")."""
    m = ctx.mentions[i]
    if fold(_prev_word(ctx, m)) in _LOCATIVE:
        return True
    if surface.isupper() and len(surface) > 3:
        return True
    if m.possessive:
        return False
    nxt = _next(ctx, i)
    if nxt is not None and ctx.text[m.end : nxt.start].strip() == ",":
        state = nxt.first("country")
        if state is not None and state.code == m.entries[0].code:
            return True  # "Doha, Qatar"
    return _DATELINE.match(ctx.text, m.end) is not None


def _person_like(ctx: _Context, i: int, surface: str) -> bool:
    """ "Jordan Peterson", "Chad Smith", "Vladimir Jabarov", "Rodrigues-Birkett": a name that
    is also a given name or surname."""
    m = ctx.mentions[i]
    if surface not in ctx.index.person_name_risk or m.possessive:
        return False
    if i and _after_a_state(ctx, ctx.mentions[i - 1], m):
        return False  # "Seychelles-India Agreement", "Pakistan and India Talks": a list of states
    following = m.last_token + 1
    if following < len(ctx.spans) and following not in ctx.first_tokens:
        start, end = ctx.spans[following]
        gap = ctx.text[m.end : start]
        if (_SPACE.fullmatch(gap) or gap == "-") and ctx.text[start:end][:1].isupper():
            return True
    prev = _prev_word(ctx, m)
    if prev[:1].isupper() and fold(prev) not in _LOCATIVE and m.first_token >= 2:
        before = ctx.spans[m.first_token - 2]
        sentence_start = ctx.text[before[1] : ctx.spans[m.first_token - 1][0]].strip() in ".!?:"
        starts_mention = ctx.spans[m.first_token - 1][0] in ctx.starts
        return not sentence_start and not starts_mention and prev.lower() not in ("the", "a")
    return False


def _ends_longer_name(ctx: _Context, m: Mention) -> bool:
    """Whether the one-word name ``m`` ends a longer name: a capitalised word that starts
    no known name stands just before it, inside a sentence ("Argentina's Puerto Belgrano
    naval base"; not "Yesterday Houston sued" nor "the Texas")."""
    prev = _prev_word(ctx, m)
    if m.first_token != m.last_token or not prev[:1].isupper() or prev.isupper():
        return False
    if fold(prev) in _LOCATIVE or fold(prev) in _SENTENCE_OPENERS:
        return False
    start = ctx.spans[m.first_token - 1][0]
    if start in ctx.starts or any(x.end == m.start - 1 for x in ctx.mentions):
        return False  # "Russia Houston": another name just before
    before = ctx.text[max(0, start - 3) : start].rstrip()
    return bool(before) and before[-1] not in '.!?:"\n\u201c' and start > 2


#: Capitalised words that open sentences before a name ("Meanwhile Houston sued").
_SENTENCE_OPENERS: Final = words(
    "meanwhile yesterday today tomorrow tonight earlier later now then but and so also "
    "however still separately elsewhere last next on when while after before as since"
)


def _after_a_state(ctx: _Context, before: Mention, m: Mention) -> bool:
    """Whether ``m`` continues a list or pair of states ("Seychelles-India", "Iran and Chad")."""
    if before.end > m.start or not before.has("country", "demonym"):
        return False
    gap = ctx.text[_after(before) : m.start]
    return gap in ("-", "\u2013") or _COORD.fullmatch(gap) is not None


@functools.lru_cache(maxsize=4096)
def _make(
    kind: ActorKind,
    *,
    code: str | None = None,
    name: str | None = None,
    title: str | None = None,
    country: str | None = None,
    wikidata: str | None = None,
) -> Actor | None:
    if kind in (ActorKind.GOVERNMENT, ActorKind.MILITARY):
        country = code
    elif kind is ActorKind.MEDIA and code is not None:
        code, country = None, country or code  # "American media": a state's press, not it
    name = " ".join(name.split()) if name else name
    try:
        return Actor(
            kind=kind, code=code, name=name, title=title, country=country, wikidata=wikidata
        )
    except ValueError:
        return None  # e.g. a name made of characters JSON cannot carry


def _result(
    text: str,
    at: int,
    found: list[_Found],
    named: set[str],
    index: NameIndex,
    window: tuple[dt.date, dt.date] | None = None,
) -> Normalized[Actor]:
    """The result for ``found[at]``, its ambiguous name settled by the states ``named``."""
    item = found[at]
    if item.people:
        return _office_holder(text, item, window)
    if window is not None and item.actor.kind is ActorKind.PERSON and item.actor.country is None:
        people = _by_surname(index, item.actor, window)
        if people:
            return _office_holder(text, attrs.evolve(item, people=people), window)
    entry = item.entry
    if entry is None or not entry.alternatives or entry.code is None:
        return Normalized.found(item.actor, text, item.start, item.end)
    surface = text[item.start : item.end]
    options = (entry.code, *entry.alternatives)
    code, warn = entry.code, False
    if entry.mode == "context":
        evidence = [c for c in options if c in named]
        code, warn = (evidence[0], False) if len(evidence) == 1 else (entry.code, True)
    elif entry.mode == "warn":
        warn = entry.code not in named and not _in_list(text, at, found)
    elif entry.mode == "warn_if_named":
        warn = any(c in named for c in entry.alternatives)
    actor = item.actor
    if actor.kind is ActorKind.MEDIA:  # a state's press: the state is its country
        if code != actor.country:
            actor = attrs.evolve(actor, country=code)
    elif code != actor.code:
        state = actor.kind == ActorKind.STATE
        name = index.display.get(code) if state else actor.name
        country = code if actor.kind in STATE_KINDS - {ActorKind.STATE} else actor.country
        wikidata = index.wikidata.get(code) if state else actor.wikidata
        actor = attrs.evolve(actor, code=code, name=name, country=country, wikidata=wikidata)
    warnings: tuple[TextWarning, ...] = ()
    if warn:
        others = ", ".join(c for c in options if c != code)
        message = f"{surface!r} may also name {others}; read as {code}"
        warnings = (TextWarning("ambiguous_name", message),)
    return Normalized.found(actor, text, item.start, item.end, *warnings)


def _by_surname(
    index: NameIndex, actor: Actor, window: tuple[dt.date, dt.date]
) -> tuple[Entry, ...]:
    """The people of the leaders table a title and a surname the table does not hold as a
    name may mean ("Prime Minister Takaichi", "President Tebboune"): those of that surname
    who held that office then. The written title must name the office at least as
    closely as the table ("Minister Takaichi" is no prime minister) and the text must be
    dated: without a date a surname is anyone's."""
    if actor.title is None or actor.name is None:
        return ()
    written = fold(actor.title)
    people = index.surnames.get(fold(actor.name.rsplit(" ", 1)[-1]), ())
    if written.rstrip(".") in _COURTESY:
        # "Mr. Mugabe", "Dr. Mahathir": a courtesy title says nothing of the office, so
        # anyone of that surname in office then (several: what they share, and a warning)
        return tuple(p for p in people if any(o.during(*window) for o in p.offices))
    return tuple(
        person
        for person in people
        if any(
            written.endswith(fold(office.title)) and office.during(*window)
            for office in person.offices
        )
    )


#: Titles of courtesy, folded: before a surname they name no office.
_COURTESY: Final = frozenset(
    fold(title) for title in ("Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Shri", "Sri", "Smt")
)


def _office_holder(
    text: str, item: _Found, window: tuple[dt.date, dt.date] | None
) -> Normalized[Actor]:
    """A person of the leaders table: the state, name and Wikidata id the date allows."""
    actor = item.actor
    said = actor.name or text[item.start : item.end]
    found = holder(item.people, said, actor.title, window)
    country, title, wikidata = actor.country, actor.title, actor.wikidata
    if country is None and found.country is not None and not item.for_org:
        # Not for an organisation's officer ("NATO Secretary General Jens Stoltenberg"):
        # the person acts for it, not for the state they served.
        country = found.country
    # The name stays as the text writes it; the table adds what it knows.
    if found.name is not None and actor.country in (None, found.country):
        wikidata = found.wikidata or wikidata
        title = title or found.title
    actor = attrs.evolve(actor, country=country, title=title, wikidata=wikidata)
    warnings = () if found.warning is None else (found.warning,)
    return Normalized.found(actor, text, item.start, item.end, *warnings)


def _in_list(text: str, at: int, found: list[_Found]) -> bool:
    """True when a list of states names this one: "Georgia, Norway, Sweden and France"."""
    item = found[at]
    neighbours = [(found[at - 1], item)] if at else []
    if at + 1 < len(found):
        neighbours.append((item, found[at + 1]))
    return any(
        a.actor.kind in STATE_KINDS
        and b.actor.kind in STATE_KINDS
        and _COORD.fullmatch(text[a.end : b.start]) is not None
        for a, b in neighbours
    )
