"""Clause-level clues shared by the recognizers: roles, factuality, attributions, nearest values.

>>> import datetime as dt
>>> doc = Document("Russia signed a deal with Tajikistan.", published=dt.date(2021, 1, 1))
>>> s = doc.sentences[0]
>>> subject_codes(doc, s, s.text.index("signed") + s.start)
['RUS']
>>> object_codes(doc, s, s.start, ("with",))
['TJK']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Final, TypeVar

from .. import _fastre
from ..model.actors import Actor
from ..model.codes import is_country_code
from ..model.provenance import Source
from ..model.vocab import Factuality
from ..normalize import actor_for_code
from ._regex import Gated, fold_for_cues
from .document import ActorHit, Document, Hit
from .sentences import Sentence

__all__ = [
    "CLAIM_PIECES",
    "DENIAL_VERBS",
    "DENIED_THAT",
    "FALSE_REPORT",
    "LIST_JOINERS",
    "POSSESSOR_OF_THING",
    "SAME_PARTIES",
    "attributions",
    "coded_actor",
    "factuality_of",
    "nearest",
    "object_codes",
    "parties_told_before",
    "prep_before",
    "subject_codes",
    "unique",
]

T = TypeVar("T")

#: Prepositions after which a name is a place or an object, not a subject.
_LOCATIVE: Final = frozenset(
    [
        "in",
        "at",
        "near",
        "on",
        "to",
        "into",
        "from",
        "of",
        "across",
        "over",
        "inside",
        "outside",
        "around",
        "toward",
        "towards",
        "with",
        "by",
        "between",
        "against",
        "for",
        "under",
        "alongside",
        "off",
        "beyond",
        "within",
        "throughout",
    ]
)
#: "the town of", "the port city of" between a preposition and a place's name.
_KIND_OF: Final = _fastre.compile(
    r"\b(?:[Tt]he|[Aa])\s+(?:[\w\-]+\s+){0,3}?(?:town|city|village|port|island|region|province|"
    r"district|area|county|state|settlement|base|"
    r"country|nation|kingdom|republic|emirate|sultanate|cities)s?\s+of\s+$"  # "the states of"
)
#: "in the strategic Omani port", "with the visiting US troops": an adjective between the
#: article and the actor.
_ARTICLE_ADJECTIVE: Final = _fastre.compile(r"\b(?:the|a|an)\s+[a-z][a-z\-]+\s+$")
#: "with a senior diplomat at the Chinese Embassy": an envoy stands for the mission's state.
_ENVOY_AT: Final = _fastre.compile(
    r"\b(?:[Tt]he|[Aa]n?)\s+(?:[\w\-]+\s+){0,2}?(?:diplomat|official|envoy|ambassador|"
    r"representative|counsell?or|attach[eé])s?\s+(?:at|from)\s+(?:the\s+)?$"
)
#: "in northern Cyprus", "in the far east of Russia": a direction before a place's name.
_DIRECTION: Final = _fastre.compile(
    r"\b(?:the\s+)?(?:far\s+)?(?:north|south|east|west)?(?:-?(?:north|south|east|west))?"
    r"(?:ern|central)\s+$|\bcentral\s+$",
    re.IGNORECASE,
)
#: A subordinate clause opening the sentence, up to its comma.
_FRONTED: Final = _fastre.compile(
    r"\W*(?:(?:\w+\s+){0,2}?)(?:after|before|following|as|when|while|since|although|though|"
    r"because|once|until|if)\b[^,;]{3,160},\s+",
    re.IGNORECASE,
)
_CLAUSE_BREAK: Final = _fastre.compile(
    # "the US would react if the PRC deployed installations": the condition's own subject
    # (", as well as Kuwaiti forces," continues the subject)
    r"[;:\u2013\u2014]| -- |, (?:which|who|while|as(?! well as\b)|but)\b"
    r"|\b(?:if|unless)\s(?=(?:the\s)?[A-Z])"
    # "China sets up a base in Djibouti as India plays war games": another subject's clause
    r"|\bas (?<!such as )(?<!known as )(?<!well as )(?<!same as )(?<!dubbed as )(?<!named as )"
    r"(?<!serve as )(?<!serves as )(?=[A-Z][a-z]+\s(?:plays|played|holds|held|hosts|hosted|"
    r"stages|staged|conducts|conducted|begins|began|starts|started|joins|joined|sends|sent)\b)"
    # "North Korea urges UN to discuss US naval exercise": who asks and who is asked to
    # take the matter up are not what the matter's clause is about
    r"|\b(?:urges?|urged|urging|asks?|asked|asking|calls?\s+on|called\s+on|requests?|"
    r"requested|wants?|wanted)\s+(?:[\w.\-]+\s+){1,5}?to\s+(?:discuss|condemn|consider|"
    r"examine|address|debate|denounce|investigate|take\s+up|look\s+into)\b"
)
#: The verbs of a denial, in every tense: "denies", "rejected", "dismissing".
DENIAL_VERBS: Final = (
    r"den(?:y|ied|ies|ying)|reject(?:s|ed|ing)|dismiss(?:es|ed|ing)|refut(?:es|ed|ing)"
)
#: "denied (reports) that China plans ...": a denial of what the clause after it says.
DENIED_THAT: Final = rf"(?:{DENIAL_VERBS})\s+(?:[\w\-]+\s+){{0,6}}?that\b"
#: "X said the camp would open": a reported clause whose subject is a thing, not the
#: speaker's state ("said the country would ..." still refers to it).
_REPORTED: Final = _fastre.compile(
    # ("announced a £23.8m investment": what is announced without "that" is its object)
    r"\b(?:(?:said|says|told\s+[\w\-]+|stated|added|noted|confirmed|claimed|reported)\s+"
    r"(?:on\s+\w+\s+)?(?:that\s+)?|announced\s+(?:on\s+\w+\s+)?(?:that\s+|(?!an?\s)))"
    r"(?=(?:the|a|an|this|these)\s+"
    r"(?!(?:country|government|nation|state|kingdom|republic|ministry|army|military|navy|forces|"
    r"two|both|island|authorities|leadership|president|prime|minister)\b))"
    # "Kiribati denied (reports) that China plans to build a base": who denies is not who
    # is said to build
    rf"|\b{DENIED_THAT}\s+"
    # "cited US officials as saying that Beijing was mulling a base"
    r"|(?<=\bas )saying\s+(?:that\s+)?"
    # "Fairfax Media had reported that preliminary talks had been held": a clause whose
    # subject is a common noun (not "that it would", where "it" is the speaker)
    r"|\b(?:said|says|reported|reports|claimed|stated)\s+that\s+"
    r"(?=[a-z]+\s)(?!(?:it|they|he|she|we|its|their|his|her|our)\b)"
    # "the US Department of Defense suggested that China might be trying to gain a foothold"
    r"|\b(?:suggested|suggests|alleged|alleges|warned|warns)\s+that\s+(?=[A-Z])"
)
#: "Japan along with India began drills": a second subject, not an object.
_COMITATIVE: Final = _fastre.compile(r"\b(?:[Aa]long|[Tt]ogether) with\s+(?:the\s+)?$")
#: A state after a relation that is not the event's: "the border with Afghanistan" or "a
#: patch of land between Poland and Lithuania" names a place, "a 44-day war with Armenia"
#: or "tensions with China" another matter.
_OTHER_RELATION: Final = _fastre.compile(
    r"\b(?:borders?\s+(?:with|of)|(?:wars?|conflicts?|tensions?|disputes?|clashes|"
    r"hostilities|standoff|rivalry|confrontation)\s+(?:with|against)|(?:land|area|border|"
    r"strait|region|corridor|zone|gap|territory|waters|sea)\s+between|"
    # where a place lies from a state: "across the water from Iran", "20 km from Syria"
    r"across\s+(?:the\s+)?(?:[\w\-]+\s+)?from|(?:km|kilometres|kilometers|miles)\)?\s+"
    r"(?:away\s+)?from|opposite|facing|"
    # "the base, which supports German troops in Afghanistan": where the troops it serves are
    r"(?:supports?|serves?|supplies)\s+(?:[\w\-]+\s+)?(?:troops|forces|operations)\s+in)"
    r"\s+(?:the\s+)?$"
)
# "the word before, skipping an article", matched on the reversed window: anchored at
# the start, so the engine does not try every position of the window.
#: Reversed, so that it anchors at the end: skips "the"/"its"/"their" before the word.
_PREV_WORD_REVERSED: Final = _fastre.compile(r"(?:\W+(?:eht|sti|rieht)(?=\W))?\W*([A-Za-z]+)")
#: Focus adverbs between a preposition and its object: "with only Pakistani units".
_FOCUS: Final = frozenset(
    {"only", "also", "even", "just", "both", "either", "neither"}
    # "in neighbouring Poland": a word placing a state beside the one told of
    | {"neighbouring", "neighboring", "nearby", "adjacent", "mainland"}
)

#: A report judged false: what it says is denied ("the talk ... was pure speculation").
FALSE_REPORT: Final = (
    r"(?:pure|mere|sheer|baseless|wild) speculation|baseless|groundless|unfounded|"
    r"(?:false|fake) (?:reports?|news|claims?)|no truth|not true|untrue|fabricat\w+|"
    r"(?:is|are|was|were) (?:\w+ly )?false|"
    r"(?:mis|dis)information|nonsense|a hoax"
)
_DENIED: Final = _fastre.compile(rf"\b(?:den(?:y|ied|ies|ial)|rejected reports|{FALSE_REPORT})\b")
_HYPOTHETICAL: Final = _fastre.compile(r"\b(?:if|unless|whether)\b")
_PLANNED: Final = _fastre.compile(
    r"\b(?:will|would|shall|plans? to|planned|planning|willing to|intends? to|to be|is to|"
    r"are to|expected to|set to|due to|proposed?|offered to|going to|"
    r"(?:is|are|was|were)\s+(?:now\s+|just\s+)?about\s+to)\b"
)
_CLAIMED: Final = _fastre.compile(
    r"\b(?:reportedly|allegedly|claimed|rumou?red|media reports|"
    r"[Rr]eports (?:said|say|suggest(?:ed)?|indicated?|emerged)|"
    r"according to (?:media |press |news )?reports|"
    # "cited unnamed sources as saying", "according to anonymous sources"
    r"(?:unnamed|anonymous|unidentified) (?:sources|officials)|cited .{0,80}? as saying)\b"
)
#: A piece of each cue of ``_CLAIMED`` (kept beside it): a text holding none of them holds
#: no claim, and the regex need not run.
CLAIM_PIECES: Final = (
    "eport",
    "llegedly",
    "laimed",
    "umo",
    "unnamed",
    "anonymous",
    "unidentified",
    "as saying",
)
# One scan for all cues; the order says which wins when a clause has several.
_FACTUALITY_ORDER: Final = (
    Factuality.DENIED,
    Factuality.HYPOTHETICAL,
    Factuality.CLAIMED,
    Factuality.PLANNED,
)
_FACTUALITY_CUES: Final = _fastre.compile(
    # Look-ahead on the cue words' first letters lets the engine skip ahead (see _regex.words).
    "(?=[Rabcdefgimnoprstuw])(?:"
    + "|".join(
        f"(?P<{factuality.value}>{pattern.pattern})"
        for factuality, pattern in zip(
            _FACTUALITY_ORDER, (_DENIED, _HYPOTHETICAL, _CLAIMED, _PLANNED), strict=True
        )
    )
    + ")"
)

_SOURCE_PATTERNS: Final = (
    re.compile(
        r"[Aa]ccording to (?:a |the )?(?:report|statement|release) (?:by|from) "
        r"(?:(?:the )?news agency,? )?(?:the )?(?P<name>[A-Z][\w.\-]*(?: [A-Z][\w.\-]*){0,3})"
    ),
    re.compile(r"[Aa]ccording to (?:the )?(?P<name>[A-Z][\w.\-]*(?: [A-Z][\w.\-]*){0,3})"),
    re.compile(r"(?P<name>[A-Z][\w.\-]*(?: [A-Z][\w.\-]*){0,3}) (?:reported|reports)\b"),
    re.compile(
        r"\b(?:told|[Ss]peaking to) (?:the )?(?P<name>[A-Z][\w.\-]*(?: [A-Z][\w.\-]*){0,3})"
    ),
    re.compile(r"/(?P<name>[A-Z][A-Za-z\-]{1,20})/"),
)
_NOT_PUBLISHER: Final = frozenset({"The", "He", "She", "It", "They", "We", "This", "That"})
#: Each source pattern with the words one of which its matches hold: most sentences
#: name no source, and an ``in`` test spares the engine a try at every capital.
_SOURCE_CUES: Final = tuple(
    Gated(pattern, needles)
    for pattern, needles in zip(
        _SOURCE_PATTERNS,
        ("according", "according", "report", "told speaking", "/"),
        strict=True,
    )
)


def unique(items: Iterable[T]) -> list[T]:
    """``items`` without repeats, in first-seen order.

    >>> unique(["RUS", "TJK", "RUS"])
    ['RUS', 'TJK']
    """
    seen: list[T] = []
    hashed: set[object] = set()
    for item in items:
        try:
            if item in hashed:
                continue
            hashed.add(item)
        except TypeError:  # unhashable: compare with what came before
            if item in seen:
                continue
        seen.append(item)
    return seen


#: How nationality words end ("Korean", "Japanese", "British", "Iraqi", "French").
_DEMONYM_ENDINGS: Final = ("an", "ese", "ish", "i", "ch")


def prep_before(text: str, start: int, floor: int) -> str:
    """The lower-cased word before ``text[start]`` (skipping an article), e.g. ``'in'``.

    A kind of place or a direction between them is skipped too: "with the breakaway
    region of Somaliland", "in northern Cyprus" are introduced by "with" and "in".
    """
    # Both patterns end the window: test its last word before running either.
    tail = text[max(floor, start - 40) : start].rstrip()
    between = None
    if tail.endswith("of"):
        between = _KIND_OF.search(text, max(floor, start - 40), start)
    # (lower() is enough: no letter of these words has another case-insensitive twin)
    if between is None and tail.endswith((" at", " at the", " from the")):
        between = _ENVOY_AT.search(text, max(floor, start - 60), start)
    if between is None and tail[-7:].lower().endswith(("ern", "central")):
        between = _DIRECTION.search(text, max(floor, start - 30), start)
    if between is None and tail[-1:].islower():
        between = _ARTICLE_ADJECTIVE.search(text, max(floor, start - 30), start)
    if between is not None:
        start = between.start()
    elif tail.endswith(_DEMONYM_ENDINGS):
        # "to Korean President Lee": the person's nationality word stands before the title
        last = tail.rfind(" ") + 1
        if tail[last : last + 1].isupper():
            start = max(floor, start - 40) + last
    window = text[max(floor, start - 40) : start][::-1]
    match = _PREV_WORD_REVERSED.match(window)
    if match is None:
        return ""
    word = match.group(1)[::-1].lower()
    if word in _FOCUS:
        match = _PREV_WORD_REVERSED.match(window, match.end())
        if match is not None:
            return match.group(1)[::-1].lower()
    return word


def _clause_start(text: str, sentence: Sentence, position: int, *, reported: bool) -> int:
    """Where the clause holding ``position`` begins: after a break, or after a fronted
    subordinate clause ("Hours after North Korea fired a missile, Japan and the US held
    drills"); with ``reported``, after a verb of saying ("the minister said the camp would
    open": the camp's clause)."""
    begin = sentence.start
    for match in _CLAUSE_BREAK.finditer(text, sentence.start, position):
        begin = match.end()
    if reported:
        begin = _after_reporting(text, begin, position)
    fronted = _FRONTED.match(text, begin, position)
    return fronted.end() if fronted is not None else begin


def reported_clause_start(doc: Document, sentence: Sentence, position: int) -> int:
    """Where a reported clause holding ``position`` begins ("the minister said the camp
    would open": at "the camp"), or the sentence's start."""
    return _after_reporting(doc.text, sentence.start, position)


def _after_reporting(text: str, begin: int, position: int) -> int:
    """The end of the last verb of saying before ``position`` that opens a reported clause."""
    for match in _REPORTED.finditer(text, begin, position):
        begin = match.end()
    return begin


_SAYS_AFTER_NAME: Final = _fastre.compile(
    r"(?:['\u2019]s\s+(?:[A-Z][\w.\-]*\s+){1,3}|\W*)(?:said|says|told|reported|announced)\b"
)


def _in_attribution(text: str, sentence: Sentence, hit: ActorHit) -> bool:
    before = text[sentence.start : hit.start]
    cut = max(before.rfind(","), before.rfind("."), before.rfind('"'))
    lead = before[cut + 1 :]
    if re.search(r"[Aa]ccording to|[Qq]uoting|[Cc]iting", lead):
        return True
    after = text[hit.end : min(sentence.end, hit.end + 40)]
    # ('", the DPRK's Ja said, "': the speaker's state, in the attribution too)
    return bool(_SAYS_AFTER_NAME.match(after)) and bool(
        re.search(
            r"[,\"\u201d]\s*(?:the\s+)?\S*$", text[max(sentence.start, hit.start - 30) : hit.start]
        )
    )


def subject_codes(
    doc: Document, sentence: Sentence, trigger: int, *, reported: bool = False
) -> list[str]:
    """Codes of actors before ``trigger`` in its clause, except objects of prepositions.

    With ``reported`` the clause of "X said the camp would open" begins after "said":
    who speaks of a base is often its host, not its builder (states that speak of their
    drills do take part in them).
    """
    text = doc.text
    begin = _clause_start(text, sentence, trigger, reported=reported)
    out: list[str] = []
    for hit in doc.actors(sentence):
        if not begin <= hit.start < trigger:
            continue
        if (
            prep_before(text, hit.start, begin) in _LOCATIVE
            and not _listed(text, hit, out)
            and not _COMITATIVE.search(text, max(begin, hit.start - 20), hit.start)
        ):
            continue
        if _in_attribution(text, sentence, hit):
            continue
        out.append(hit.code)
    return unique(out)


def _listed(text: str, hit: ActorHit, taken: Sequence[str]) -> bool:
    """Whether ``hit`` continues a list ("Russia, China and India") already taken."""
    return bool(taken) and bool(
        re.search(r"(?:,|\band)\s*(?:the\s+)?$", text[hit.start - 8 : hit.start])
    )


def in_other_relation(text: str, hit: ActorHit) -> bool:
    """Whether ``hit`` is a state the clause relates to otherwise than as a party: the
    other side of a border or a war, where a place lies from ("across the water from
    Iran"), or whose neighbour a place is ("Ecuador, Peru's northern neighbour")."""
    return (
        _OTHER_RELATION.search(text, max(0, hit.start - 30), hit.start) is not None
        or _RELATIVE_OF.match(text, hit.end) is not None
    )


#: What may stand between the names of a list: "the", "and", commas.
LIST_JOINERS: Final = _fastre.compile(r"(?:\s|,|\band\b|\b[Tt]he\b)*")
#: "the two countries", "both navies", "the three sides": the parties named before, by
#: reference (how many, when the words say it).
SAME_PARTIES: Final = _fastre.compile(
    r"\b(?:the\s+(?P<n>two|three|four|five|six)|both|all\s+(?P<all>three|four|five|six))\s+"
    r"(?:\w+\s+)?(?:sides|countries|states|nations|governments|forces|militaries|"
    r"armies|navies|air forces|neighbours|neighbors|allies|partners)\b",
    re.IGNORECASE,
)
_PARTY_COUNTS: Final = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5, "six": 6}
#: How many sentences back the parties of "the two countries" may be named.
_PARTIES_REACH: Final = 3


def parties_told_before(doc: Document, sentence: Sentence, begin: int, end: int) -> list[str]:
    """The states a reference between ``begin`` and ``end`` such as "the two countries" or
    "the three sides" stands for: those of the nearest sentence before that names states,
    when it names as many ("Japan and the Philippines signed a pact. On Monday, the two
    countries held joint drills")."""
    said = SAME_PARTIES.search(doc.text, begin, end)
    if said is None:
        return []
    count = _PARTY_COUNTS[(said["n"] or said["all"] or "both").lower()]
    for before in doc.sentences[max(0, sentence.index - _PARTIES_REACH) : sentence.index][::-1]:
        states = unique(h.code for h in doc.actors(before) if is_country_code(h.code))
        if states:
            return states if len(states) == count else []
    return []


#: "Ecuador, Peru's northern neighbour": a state named to describe another.
_RELATIVE_OF: Final = _fastre.compile(
    r"['\u2019]s\s+(?:[a-z\-]+\s+){0,2}(?:neighbou?rs?|allies|ally|rivals?|foes?)\b"
)


#: "North Korea's launch", "Armenia's provocation": a state owning a thing (not its
#: forces, organs or envoys) stands for no party after a preposition.
POSSESSOR_OF_THING: Final = _fastre.compile(
    r"['\u2019]s\s+(?:\w+\s+){0,2}?(?:launch|launches|test|tests|provocations?|actions?|"
    r"claims?|violations?|aggression|attacks?|incursions?|intrusions?|decision|policy|"
    r"policies|behaviou?r|moves?|statements?|remarks|conduct|activities|programme|program)\b"
)


def object_codes(
    doc: Document, sentence: Sentence, after: int, preps: Sequence[str], *, until: int | None = None
) -> list[str]:
    """Codes of actors after ``after`` introduced by one of ``preps`` (lists continue them)."""
    text = doc.text
    out: list[str] = []
    last_end = -1
    for hit in doc.actors(sentence):
        if hit.start < after:
            continue
        if until is not None and hit.start >= until:
            break
        if in_other_relation(text, hit) or POSSESSOR_OF_THING.match(text, hit.end):
            continue  # "a response to North Korea's launch": the launch, not the state
        gap = text[last_end : hit.start] if last_end >= 0 else ""
        if out and hit.code == out[-1] and gap.strip() == "(":  # "... Nations (ASEAN)"
            last_end = hit.end + 1 if text.startswith(")", hit.end) else hit.end
            continue
        word = prep_before(text, hit.start, sentence.start)
        continued = last_end >= 0 and bool(
            re.fullmatch(r"(?:,\s*|\s*and\s+|,\s*and\s+)(?:the\s+)?", gap)
        )
        if word in preps or continued:
            out.append(hit.code)
            last_end = hit.end
        elif out:
            break
    return unique(out)


def factuality_of(clause: str) -> Factuality:
    """The factuality cue of a clause: denied, hypothetical, claimed, planned or actual.

    >>> factuality_of("China is willing to build a base").value
    'planned'
    >>> factuality_of("if this base would be built").value, factuality_of("Kabul denied it").value
    ('hypothetical', 'denied')
    """
    found = {match.lastgroup for match in _FACTUALITY_CUES.finditer(clause)}
    for factuality in _FACTUALITY_ORDER:
        if factuality.value in found:
            return factuality
    return Factuality.ACTUAL


def attributions(text: str) -> list[Source]:
    """The publishers a passage attributes its facts to.

    >>> [s.publisher for s in attributions("According to Khaama Press, China would pay.")]
    ['Khaama Press']
    >>> [s.publisher for s in attributions("he told the Associated Press.")]
    ['Associated Press']
    """
    names: list[str] = []
    folded = fold_for_cues(text)
    for cue in _SOURCE_CUES:
        for match in cue.finditer(text, 0, len(text), folded):
            name = match.group("name").rstrip(".")
            if name and name.split()[0] not in _NOT_PUBLISHER and name not in names:
                names.append(name)
    return [Source(publisher=name) for name in names]


def nearest(hits: Sequence[Hit], position: int) -> Hit | None:
    """The hit closest to ``position`` (the trigger)."""
    best: Hit | None = None
    best_distance = 0
    for hit in hits:
        distance = hit.start - position if hit.start >= position else position - hit.end
        if best is None or distance < best_distance:
            best, best_distance = hit, distance
    return best


def coded_actor(code: str) -> Actor:
    """A state actor for an ISO code, an organisation for any other code, named as the
    actor lexicon names it (so users find events by the name, ``"Russia"``, too).

    >>> coded_actor("RUS").kind.value, coded_actor("CSTO").kind.value, coded_actor("RUS").name
    ('state', 'organization', 'Russia')
    """
    return actor_for_code(code)
