"""The document being read: its sentences and the normalized clues found in each, cached.

>>> import datetime as dt
>>> doc = Document("Russian and Tajik troops held drills on Monday.",
...                published=dt.date(2021, 10, 28))
>>> [h.code for h in doc.actors(doc.sentences[0])]
['RUS', 'TJK']
>>> [str(d.value) for d in doc.dates(doc.sentences[0])]
['2021-10-25']
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from typing import Any, Final, TypeVar

import attrs

from .. import _fastre
from ..model.actors import Actor
from ..model.amounts import Money, Quantity
from ..model.dates import DateSpan
from ..model.places import Location
from ..model.vocab import ActorKind
from ..normalize import actor_for_code, find_actors, find_dates
from ..normalize.actors import NameReading, actors_of, read_names
from ..normalize.money import money_in
from ..normalize.numbers import NumberMatch, find_numbers
from ..normalize.places import places_of
from ..normalize.quantities import counts_in
from ..normalize.result import Normalized
from ._regex import Gated, fold_for_cues
from .sentences import Sentence, split_sentences

T = TypeVar("T")

__all__ = ["ActorHit", "Document", "Hit"]

_CODED: Final = frozenset(
    {
        ActorKind.STATE,
        ActorKind.GOVERNMENT,
        ActorKind.MILITARY,
        ActorKind.ORGANIZATION,
        ActorKind.ARMED_GROUP,
    }
)


_CAPITALIZED: Final = _fastre.compile(r"\b[A-Z][a-z]{3,}\b")
_LOOKBACK: Final = 12
#: An official's title and the name set off after it: "Ambassador to Somalia, Lucas Tumbo,".
_OFFICIAL_TITLE: Final = _fastre.compile(
    r"\b(?:ambassador|envoy|charg[eé] d'affaires|high commissioner|consul|minister|"
    r"representative)\b",
    re.IGNORECASE,
)
_NAME_IN_APPOSITION: Final = _fastre.compile(
    r"(?:\s+(?:to|in)\s+(?:the\s+)?[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3})?,\s+"
    r"(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z'\-]+){1,2})(?=,|\s+(?:and|said|told)\b)"
)
#: A paragraph's dateline: "BEIJING, Aug. 20 (ChinaMil) --", "Tehran, May 4, 2010 -",
#: "ISLAMABAD, Nov 5 (Agencies):", "(RFE/RL) March 24, 2006 --", "New Delhi [India], Jan 14 (ANI):".
_DATELINE: Final = _fastre.compile(
    r"(?:date \d{4}-\d\d-\d\d\s+)?"
    # "YEREVAN (UrduPoint News / Sputnik - 18th July, 2020)"
    r"(?:[A-Z][A-Z.'\-]*(?:\s[A-Z][A-Z.'\-]*){0,2}\s*\([^)\n]{0,60}\d{4}\)\s"
    r"|(?:\([^)\n]{1,30}\)\s*)?"
    r"(?:[A-Z][A-Za-z.'\-]*(?:\s[A-Z][A-Za-z.'\-]*){0,3}"
    # "New Delhi [India],", "OBUZ-LESNOVSKY RANGE (Brest Region),"
    r"(?:\s\[[^\]\n]{1,30}\]|\s\([^)\n]{1,30}\))?,?\s+)?"
    r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*)"
    # (an agency with its reporter: "(RIA Novosti, Abu-Ali Niyazmatov)"; "(APP):Saudi")
    r"(?:,?\s+\d{4})?(?:,\s*[A-Z][\w\-]*(?:\s[A-Z][\w\-]*){0,2})?\s*(?:\([^)\n]{1,60}\)\s*)?"
    r"(?:(?:--|-|\u2013|\u2014|:)\s|:(?=[A-Z])))"
)
#: A dateline opening a paragraph, with or without its day: "ACCRA (Reuters) -",
#: "Islamabad, May 3:", "TOKYO --".
_DATELINE_PLACE: Final = _fastre.compile(
    r"\W*(?:date \d{4}-\d\d-\d\d\s+)?(?P<place>[A-Z][A-Za-z.'\-]+(?:\s[A-Z][A-Za-z.'\-]+){0,2})"
    # (", Nov. 3", ", November 09, 2009", or in figures: "DUSHANBE, 28.04.2021")
    r"(?:,\s*(?:[A-Z][\w.]*\.?(?:\s\d{1,2})?(?:,\s*\d{4})?|\d{1,2}[./]\d{1,2}[./]\d{2,4}))?"
    r"\s*(?:\([^)\n]{1,60}\)\s*)?"
    r"(?:(?:--|[-\u2013\u2014:])\s|:(?=[A-Z])"
    # "Tokyo, November 09, 2009 (Source: Embassy of India)" as a line of its own
    r"|(?<=\d{4})\s*(?:\([^)\n]{1,60}\)\s*)?$)"
)
#: How many paragraphs may open the report before its dateline (a headline, a byline).
_DATELINE_REACH: Final = 4
_ANCHORS: Final = (dt.date(1990, 3, 7), dt.date(2031, 9, 18))


@attrs.frozen(weakref_slot=False)
class ActorHit:
    """An actor found at ``document[start:end]`` with the code it stands for."""

    start: int
    end: int
    code: str
    actor: Actor


@attrs.frozen(weakref_slot=False)
class Hit:
    """A normalized value found at ``document[start:end]``."""

    start: int
    end: int
    value: object


#: Words before a capital that make it its government, not a place.
_SEAT_BEFORE: Final = _fastre.compile(
    r"(?:\bto|\b(?:ministry|government|authorities|officials|embassy|leadership|"
    r"parliament|foreign office|state department)\s+in|"
    # "a diplomatic protest from Tokyo", "a letter from Moscow": who sends a message
    r"\b(?:protests?|notes?|letters?|messages?|d[ée]marches?|complaints?)\s+from)\s+$",
    re.IGNORECASE,
)


_UN_ORGAN: Final = _fastre.compile(
    r"\b(?:Security Council|General Assembly|Secretary[- ]General)\b"
)
_UN_ORGAN_CUE: Final = Gated(_UN_ORGAN, "council assembly secretary")
_WORD_BEFORE: Final = _fastre.compile(r"([\w'’]+)\W*$")
#: Capitalised words that may stand before a UN organ's name: "The Security Council".
_LEADS: Final = frozenset({"The", "UN", "U.N", "United", "Nations", "To", "Of", "By", "From"})


@functools.lru_cache(maxsize=1024)
def _government_of(name: str) -> Actor | None:
    """The government a capital's name stands for ("Tokyo"), or None for other places."""
    found = [r.value for r in find_actors(name) if r.value is not None]
    if len(found) == 1 and found[0].kind is ActorKind.GOVERNMENT and found[0].code:
        return found[0]
    return None


@functools.lru_cache(maxsize=1024)
def affiliation(title: str) -> str | None:
    """The organisation or state a title names: "UN Secretary-General" is the UN's.

    >>> affiliation("UN Secretary-General"), affiliation("NATO Secretary General")
    ('UN', 'NATO')
    """
    for found in find_actors(title):
        actor = found.value
        if actor is not None and actor.kind in _CODED and actor.code:
            return actor.code
    return "UN" if _UN_ORGAN.search(title) else None  # "Secretary-General Antonio Guterres"


def _shift(found: list[Normalized[Any]], offset: int) -> list[Hit]:
    return [
        Hit(r.start + offset, r.end + offset, r.value)
        for r in found
        if r.value is not None and r.start is not None and r.end is not None
    ]


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    for start, end in spans:  # noqa: SIM110  (a loop: any() over a generator costs more)
        if start <= position < end:
            return True
    return False


_WORD_BREAK: Final = re.compile(r"[\s\-\u2010\u2011]+")


def _initials(name: str) -> str:
    """The capitals that open the words of a name: "Self-Defense Forces" -> "SDF"."""
    return "".join(word[0] for word in _WORD_BREAK.split(name) if word[:1].isupper())


class Document:
    """A report's text, publication date and sentences, with per-sentence clue caches.

    ``start`` is where the body begins (after a leading date line).
    """

    def __init__(self, text: str, *, published: dt.date | None = None, start: int = 0) -> None:
        self.text = text
        self.published = published
        self.sentences = split_sentences(text, start)
        # Per sentence index: what each finder read (shifted to document offsets).
        self._named_hits: dict[int, list[ActorHit]] = {}
        self._initials: dict[int, dict[str, ActorHit]] = {}
        self._actor_hits: dict[int, list[ActorHit]] = {}
        self._cache: dict[tuple[str, int], list[Hit]] = {}
        # Per sentence text: what the normalizers read (sentence offsets). Their results
        # depend on the text and the publication date only, so a sentence the document
        # repeats (a transcript, a feed dump) is read once.
        self._by_text: dict[tuple[str, str], list[Any]] = {}
        self._readings: dict[str, NameReading] = {}
        self._surnames: dict[int, dict[str, ActorHit]] = {}
        self._memo: dict[tuple[str, int], list[Any]] = {}
        self._once: dict[str, Any] = {}
        self._folded: dict[int, str] = {}
        self._datelines: dict[int, int] = {}
        #: Warnings of the normalizers about the sentences read (weekday conflicts...).
        self.warnings: list[str] = []

    def folded(self, sentence: Sentence) -> str:
        """``sentence.text.casefold()`` (once per sentence), for the quick tests of cues."""
        folded = self._folded.get(sentence.index)
        if folded is None:
            folded = self._folded[sentence.index] = fold_for_cues(sentence.text)
        return folded

    def _reading(self, sentence: Sentence) -> NameReading:
        """The names of ``sentence``, read once for both the actor and the place finder."""
        reading = self._readings.get(sentence.text)
        if reading is None:
            reading = self._readings[sentence.text] = read_names(sentence.text)
        return reading

    def _named(self, sentence: Sentence) -> list[ActorHit]:
        """Actors the name finder reads in ``sentence`` (cached)."""
        cached = self._named_hits.get(sentence.index)
        if cached is None:
            offset = sentence.start
            hits = [
                ActorHit(start + offset, end + offset, code, actor)
                for start, end, code, actor in self._by_sentence_text(
                    "named", sentence, self._read_named
                )
            ]
            self._named_hits[sentence.index] = list(hits)
            return hits
        return list(cached)

    def _read_named(self, sentence: Sentence) -> list[tuple[int, int, str, Actor]]:
        hits: list[tuple[int, int, str, Actor]] = []
        for r in actors_of(self._reading(sentence), date=self.published):
            self._warn_hidden(r)
            actor = r.value
            if actor is None or r.start is None or r.end is None:
                continue
            if actor.kind is ActorKind.MEDIA:
                continue
            code = actor.code if actor.kind in _CODED else actor.country
            if not code and actor.kind is ActorKind.PERSON and actor.title:
                code = affiliation(actor.title)
            if code:
                hits.append((r.start, r.end, code, actor))
        return hits

    def _by_sentence_text(
        self, kind: str, sentence: Sentence, read: Callable[[Sentence], list[T]]
    ) -> list[T]:
        """``read(sentence)``, once per ``kind`` and sentence text (``read`` must depend on
        the text and the publication date only; its warnings are given once)."""
        key = (kind, sentence.text)
        cached = self._by_text.get(key)
        if cached is None:
            cached = self._by_text[key] = read(sentence)
        return cached

    def actors(self, sentence: Sentence) -> list[ActorHit]:
        """Coded actors of ``sentence`` (states, organs, organisations; people by their state).

        A person named by surname only ("Iravani said") gets the state of the
        earlier full mention ("Sa'eed Iravani, Iran's ambassador").
        """
        cached = self._actor_hits.get(sentence.index)
        if cached is not None:
            return list(cached)
        hits = self._spelled_out(sentence, self._named(sentence))
        hits += self._seats(sentence, hits)
        hits += self._un_organs(sentence, hits)
        taken = [(h.start, h.end) for h in hits]
        for match in _CAPITALIZED.finditer(self.text, sentence.start, sentence.end):
            if sentence.index == 0 or _inside(match.start(), taken):
                continue  # no earlier sentence to have named the person, or a name read
            person = self._earlier_person(match.group(), sentence.index)
            if person is not None:
                hits.append(ActorHit(match.start(), match.end(), person.code, person.actor))
        hits.sort(key=lambda h: h.start)
        self._actor_hits[sentence.index] = list(hits)
        return hits

    def _spelled_out(self, sentence: Sentence, hits: list[ActorHit]) -> list[ActorHit]:
        """An acronym stands for the name of its initials told before it: "the SDF" after
        "Self-Defense Forces" are Japan's forces, not the table's Syrian Democratic Forces."""
        text = self.text
        out = list(hits)
        for k, hit in enumerate(hits):
            acronym = text[hit.start : hit.end]
            if not (2 <= len(acronym) <= 6 and acronym.isupper() and acronym.isalpha()):
                continue
            spelled = next(
                (h for h in reversed(hits[:k]) if _initials(text[h.start : h.end]) == acronym),
                None,
            )
            for other in reversed(
                self.sentences[max(0, sentence.index - _LOOKBACK) : sentence.index]
            ):
                if spelled is not None:
                    break
                spelled = self._spelled_names(other).get(acronym)
            if spelled is not None and spelled.code != hit.code:
                out[k] = ActorHit(hit.start, hit.end, spelled.code, spelled.actor)
        return out

    def _spelled_names(self, sentence: Sentence) -> dict[str, ActorHit]:
        """The last named actor of ``sentence`` for each initials of two letters or more
        (cached)."""
        cached = self._initials.get(sentence.index)
        if cached is None:
            cached = self._initials[sentence.index] = {}
            for h in self._named(sentence):
                initials = _initials(self.text[h.start : h.end])
                if len(initials) >= 2:
                    cached[initials] = h
        return cached

    def _seats(self, sentence: Sentence, named: list[ActorHit]) -> list[ActorHit]:
        """Capitals that stand for their government: "protested to Tokyo", "the ministry in
        Baku" (the name finder reads a capital after a preposition as a place)."""
        found: list[ActorHit] = []
        for mention in self._reading(sentence).mentions:
            if not mention.has("capital"):
                continue
            start, end = mention.start + sentence.start, mention.end + sentence.start
            if not "A" <= self.text[start] <= "Z":
                continue  # "to moscow": not written as a name
            if any(h.start <= start < h.end for h in named):
                continue
            before = self.text[max(sentence.start, start - 40) : start]
            if not _SEAT_BEFORE.search(before):
                continue
            actor = _government_of(self.text[start:end])
            if actor is not None and actor.code:
                found.append(ActorHit(start, end, actor.code, actor))
        return found

    def _un_organs(self, sentence: Sentence, named: list[ActorHit]) -> list[ActorHit]:
        """ "the Security Council", "the President of the General Assembly": the UN's organs
        named alone (a state's "National Security Council" is its own)."""
        found: list[ActorHit] = []
        for match in _UN_ORGAN_CUE.finditer(
            self.text, sentence.start, sentence.end, self.folded(sentence)
        ):
            if any(h.start < match.end() and match.start() < h.end for h in named):
                continue
            before = _WORD_BEFORE.search(
                self.text, max(sentence.start, match.start() - 30), match.start()
            )
            if (
                before is not None
                and before.group(1)[:1].isupper()
                and before.group(1) not in _LEADS
            ):
                continue
            actor = actor_for_code("UN")
            found.append(ActorHit(match.start(), match.end(), "UN", actor))
        return found

    def _earlier_person(self, surname: str, index: int) -> ActorHit | None:
        for sentence in self.sentences[max(0, index - _LOOKBACK) : index]:
            if surname not in sentence.text:
                continue  # a name is read from the text: no need to read this sentence
            hit = self._people(sentence).get(surname)
            if hit is not None:
                return hit
        return None

    def _people(self, sentence: Sentence) -> dict[str, ActorHit]:
        """The first person of ``sentence`` with each surname (cached)."""
        people = self._surnames.get(sentence.index)
        if people is None:
            people = {}
            for hit in self._named_hits.get(sentence.index) or self._named(sentence):
                name = hit.actor.name or ""
                if hit.actor.kind is ActorKind.PERSON and name.split():
                    people.setdefault(name.split()[-1], hit)
                elif hit.actor.kind is ActorKind.GOVERNMENT:
                    # "Kenya's Ambassador to Somalia, Lucas Tumbo,": the envoy by name
                    named = self._official_named(hit, sentence)
                    if named is not None:
                        people.setdefault((named.actor.name or "").split()[-1], named)
            self._surnames[sentence.index] = people
        return people

    def _official_named(self, hit: ActorHit, sentence: Sentence) -> ActorHit | None:
        """The person an official's title names in apposition ("Kenya's Ambassador to
        Somalia, Lucas Tumbo,"), as a person of the title's state."""
        title = _OFFICIAL_TITLE.search(self.text, hit.start, hit.end)
        named = _NAME_IN_APPOSITION.match(self.text, hit.end, sentence.end)
        if title is None or named is None:
            return None
        start, end = named.span("name")
        person = Actor(
            name=named.group("name"),
            kind=ActorKind.PERSON,
            country=hit.code,
            title=title.group().capitalize(),
        )
        return ActorHit(start, end, hit.code, person)

    def once(self, key: str, compute: Callable[[], T]) -> T:
        """``compute()``, computed once per document under ``key``."""
        if key not in self._once:
            self._once[key] = compute()
        value: T = self._once[key]
        return value

    def memo(self, kind: str, sentence: Sentence, read: Callable[[str], list[T]]) -> list[T]:
        """``read(sentence.text)``, computed once per sentence and ``kind`` (a copy)."""
        key = (kind, sentence.index)
        cached = self._memo.get(key)
        if cached is None:
            cached = self._memo[key] = read(sentence.text)
        return list(cached)

    def _hits(self, kind: str, sentence: Sentence) -> list[Hit]:
        cached = self._cache.get((kind, sentence.index))
        if cached is None:
            found = self._by_sentence_text(kind, sentence, lambda s: self._read_hits(kind, s))
            cached = self._cache[(kind, sentence.index)] = _shift(found, sentence.start)
        return cached  # the typed accessors below copy it

    def _read_hits(self, kind: str, sentence: Sentence) -> list[Normalized[Any]]:
        found: list[Normalized[Any]]
        if kind == "dates":
            found = self._find_dates(sentence.text)
        elif kind == "places":
            found = list(places_of(self._reading(sentence)))
            for result in found:
                self._warn_hidden(result)
        elif kind == "quantities":
            # The numbers and sums of money are those the money finder reads (once).
            found = counts_in(sentence.text, self._numbers(sentence), self._money(sentence))
        else:
            found = list(self._money(sentence))
        return found

    def _numbers(self, sentence: Sentence) -> tuple[NumberMatch, ...]:
        """The numbers of ``sentence`` (sentence offsets), read once for counts and money."""
        read = self._by_sentence_text("numbers", sentence, lambda s: [find_numbers(s.text)])
        numbers: tuple[NumberMatch, ...] = read[0]
        return numbers

    def _money(self, sentence: Sentence) -> list[Normalized[Money]]:
        """The sums of money of ``sentence`` (sentence offsets), read once."""
        return self._by_sentence_text(
            "money read", sentence, lambda s: money_in(s.text, self._numbers(s))
        )

    def _warn_hidden(self, result: Normalized[Any]) -> None:
        # A name read past control or bidi characters is not what the text shows:
        # the report says so, as the name finders do.
        self.warnings += [str(w) for w in result.warnings if w.code == "control_character"]

    def _find_dates(self, text: str) -> list[Normalized[Any]]:
        if self.published is not None:
            found = find_dates(text, anchor=self.published, tense=None)
            self.warnings += [str(w) for r in found for w in r.warnings]
            return list(found)
        # Without a publication date keep only what two far-apart anchors agree on.
        one = find_dates(text, anchor=_ANCHORS[0], tense=None)
        if not one:
            return []  # nothing to agree on: the second reading can only be dropped
        two = {(r.start, str(r.value)) for r in find_dates(text, anchor=_ANCHORS[1], tense=None)}
        return [r for r in one if (r.start, str(r.value)) in two]

    def dates(self, sentence: Sentence) -> list[Hit]:
        """Dates of ``sentence`` resolved against the publication date (none without one).

        The date of a dateline ("BEIJING, Aug. 20 (Xinhua) --") is the report's, not an
        event's, and is left out.
        """
        dateline = self.dateline(sentence)
        return [
            h
            for h in self._hits("dates", sentence)
            if isinstance(h.value, DateSpan) and h.start >= dateline
        ]

    def dateline_dates(self, sentence: Sentence) -> list[Hit]:
        """The dates of the sentence's dateline, if it opens with one."""
        dateline = self.dateline(sentence)
        return [
            h
            for h in self._hits("dates", sentence)
            if isinstance(h.value, DateSpan) and h.start < dateline
        ]

    def dateline(self, sentence: Sentence) -> int:
        """Where the text after a leading dateline begins (the sentence start if none)."""
        found = self._datelines.get(sentence.index)
        if found is None:
            first = sentence.index == 0 or self.sentences[sentence.index - 1].paragraph != (
                sentence.paragraph
            )
            match = _DATELINE.match(self.text, sentence.start, sentence.end) if first else None
            found = self._datelines[sentence.index] = (
                match.end() if match is not None else sentence.start
            )
        return found

    def dateline_country(self) -> str | None:
        """The state of the place the report's dateline names, if it has one (read once)."""
        return self.once("dateline country", self._read_dateline_country)

    def _read_dateline_country(self) -> str | None:
        paragraphs = 0
        for sentence in self.sentences:
            if sentence.index and self.sentences[sentence.index - 1].paragraph == (
                sentence.paragraph
            ):
                continue
            paragraphs += 1
            if paragraphs > _DATELINE_REACH:
                break
            found = _DATELINE_PLACE.match(self.text, sentence.start, sentence.end)
            if found is None:
                continue
            for hit in self.places(sentence):
                if hit.start == found.start("place") and isinstance(hit.value, Location):
                    return hit.value.country
        return None

    def place_dateline_end(self, sentence: Sentence) -> int:
        """Where a dateline of a place alone ("Vicenza, Italy -", "ACCRA (Reuters) -")
        opening ``sentence``'s paragraph ends (the sentence start if there is none)."""
        opens = sentence.index == 0 or self.sentences[sentence.index - 1].paragraph != (
            sentence.paragraph
        )
        found = _DATELINE_PLACE.match(self.text, sentence.start, sentence.end) if opens else None
        return found.end() if found is not None else sentence.start

    def places(self, sentence: Sentence) -> list[Hit]:
        """Places named in ``sentence``."""
        return [h for h in self._hits("places", sentence) if isinstance(h.value, Location)]

    def quantities(self, sentence: Sentence) -> list[Hit]:
        """Counts in ``sentence``."""
        return [h for h in self._hits("quantities", sentence) if isinstance(h.value, Quantity)]

    def money(self, sentence: Sentence) -> list[Hit]:
        """Sums of money in ``sentence``."""
        return [h for h in self._hits("money", sentence) if isinstance(h.value, Money)]
