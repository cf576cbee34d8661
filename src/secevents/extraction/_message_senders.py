"""Who sends a message when its sentence names no sender as the subject.

A note handed to a foreign envoy in the host's capital is the host's; a summoned envoy's
posting names who summons; a letter circulated "at Pakistan's request" is Pakistan's;
"our country sent a letter ...," she said" is the speaker's state. Each reading is one
function; :class:`.communique.CommuniqueRecognizer` tries them in turn.
"""

from __future__ import annotations

import re
from typing import Final

from .. import _fastre
from ..model.codes import is_country_code
from ..model.places import Location
from ..model.vocab import ActorKind
from .clues import unique
from .document import Document
from .frames import CHARGE_D_AFFAIRES, ENVOY_TITLES
from .mention import Mention
from .sentences import Sentence

__all__ = [
    "CLOSING_QUOTE",
    "GIVEN_TO_SUBJECT",
    "GIVING",
    "PASSIVE",
    "SAID",
    "UN_BODY",
    "accredited_to",
    "fronted_sender",
    "given_by_the_other",
    "host_of_envoy",
    "ministry_at_dateline",
    "ministry_named_before",
    "named_writer",
    "posted_to",
    "pronoun_sender",
    "pronoun_writer",
    "quoted_speaker",
    "requested_by",
    "summoned_at_dateline",
]

#: Verbs by which a message or an envoy is handed, sent or called in.
GIVING: Final = (
    r"hand(?:s|ed)?|gave|give[sn]?|sent|sends?|deliver(?:s|ed)?|passed|summon(?:s|ed)|called in"
)
#: "was sent a note", "The Pakistan Foreign Office was handed a protest": a message given
#: to the clause's subject, its recipient.
GIVEN_TO_SUBJECT: Final = _fastre.compile(
    r"\b(?:was|were|been|being)\s+(?:handed|sent|given|served|presented|delivered)\b"
)
PASSIVE: Final = _fastre.compile(
    # "was summoned", "was brought to the foreign ministry and handed a warning"
    r"\b(?:was|were|been)\s+(?:[\w']+\s+){0,6}?"
    r"(?:summoned|handed|given|informed|called|sent|delivered)\b"
)
#: Who speaks: "..., the ministry said", "spokesperson X told Trend".
SAID: Final = _fastre.compile(
    r"\b(?:said|says|told|tells|stated|announced|added|noted|stressed|declared)\b"
)
#: '..." said X': a name inside the quotation is not who said it.
CLOSING_QUOTE: Final = _fastre.compile(r"[\"\u201d]")
#: "In a letter (addressed / sent) to ...," opening the sentence.
_FRONTED_MESSAGE: Final = _fastre.compile(
    r"\W*(?:[Ii]n|[Tt]hrough)\s+(?:a|an|its|their|the)\s+(?:[\w\-]+\s+){0,2}$"
)
_OWNED_FRONT: Final = _fastre.compile(r"\b(?:its|their)\s")
#: The UN as a message's addressee: its organs, its Secretary-General.
UN_BODY: Final = _fastre.compile(
    r"\b(?:U\.?N\.?(?:S\.?C\.?)?|United Nations|Secretary-General|Security Council|"
    # "sent a letter to Guterres": the Secretary-General by surname alone, after a message
    # (the actors table has the full names; a bare "Guterres" there could be Timor-Leste's)
    r"Guterres)\b"
)
#: Between the comma after a fronted letter and the state that opens the clause.
_CLAUSE_OPENS_WITH_STATE: Final = _fastre.compile(
    r",\s+(?:the\s+)?(?:(?:[Gg]overnment|[Mm]inistry|[Mm]ission|[Pp]ermanent [Mm]ission)\s+"
    r"of\s+(?:the\s+)?)?"
)
_SAYS_AFTER: Final = _fastre.compile(
    r"\b(?:said|says|wrote|writes|stated|states|noted|notes|complained|complains|"
    r"protested|protests|told|tells|warned|warns|urged|urges|asked|asks|called|calls|"
    r"demanded|demands|accused|accuses|informed|informs|insisted|insists|stressed|stresses|"
    r"expressed|expresses|reiterated|reiterates|condemned|condemns|rejected|rejects|"
    r"briefed|briefs|updated|updates|alerted|alerts|appealed|appeals|"
    r"pointed out|points out|recalled|recalls|underlined|underlines|highlighted|highlights|"
    r"emphasi[sz]ed|emphasi[sz]es|argued|argues|explained|explains|denounced|denounces|"
    r"drew attention|draws attention)\b"
)
#: "handed a protest note to the ambassador of X": a message given to a foreign envoy.
_HANDED_TO_ENVOY: Final = _fastre.compile(
    # "lodged a protest with a diplomat at the Chinese Embassy in Tokyo"
    rf"\b(?:{GIVING}|(?:lodg|fil|register|issu|submitt)ed\s+(?:[\w\-]+\s+){{0,3}}?"
    r"(?:protests?|complaints?|d[eé]marches?|representations)\s+(?:with|to))\b"
    rf"[^.;]{{0,80}}?\b(?:ambassador|envoy|{CHARGE_D_AFFAIRES}|embassy|diplomat|high commissioner)",
    re.IGNORECASE,
)
#: Who acts for a state: "the Foreign Ministry", "Deputy Foreign Minister X", "officials".
_OFFICIAL: Final = _fastre.compile(
    r"\b(?:[Mm]inist(?:ry|er|ries|ers)|[Gg]overnment|[Oo]fficials?|[Ss]pokes(?:man|woman|person)|"
    r"[Dd]epartment|[Oo]ffice|[Pp]resident|[Pp]remier|[Dd]iplomats?|[Ee]nvoy|[Aa]mbassador|"
    r"[Ee]mbassy|[Mm]ission|[Bb]ureau|[Ss]ecretary|[Cc]hancellor|[Ss]tate|[Aa]uthorities)\b"
)
#: "The Nigerian envoy was summoned to the foreign ministry in Accra": the envoy's host
#: summons them.
_SUMMONED_THERE: Final = _fastre.compile(
    r"\b(?:was|were|been|being)\s+(?:[\w']+\s+){0,2}?(?:summoned|called in|called to)\b"
)
#: A foreign ministry named without its state: "the Department of Foreign Affairs",
#: "the foreign ministry", "the DFA" (not "the Chinese foreign ministry").
_UNNAMED_FOREIGN_MINISTRY: Final = _fastre.compile(
    r"(?:(?<![\w\-])[Tt]he\s+|^|(?<=[\-\u2013\u2014]\s))(?:(?:foreign|external)\s+(?:affairs\s+)?(?:ministry|office)|"
    r"(?:ministry|department)\s+of\s+(?:foreign|external)\s+affairs|foreign\s+office)\b"
    r"|\b(?:DFA|MFA)\b",
    re.IGNORECASE | re.MULTILINE,
)
#: "Russia's ambassador to London", "the US envoy in Tokyo": where an envoy is posted.
_POSTED_TO: Final = _fastre.compile(
    rf"\b(?:{ENVOY_TITLES})\s+(?:to|in)\s+(?:the\s+)?",
    re.IGNORECASE,
)
#: "at the request of Pakistan", "at Pakistan's request".
_AT_REQUEST_OF: Final = _fastre.compile(r"\bat\s+the\s+request\s+of\s+(?:the\s+)?$")
_AT_BEFORE: Final = _fastre.compile(r"\bat\s+(?:the\s+)?$")
_REQUEST_AFTER: Final = _fastre.compile(r"(?:'s|\u2019s)\s+request\b")
#: "the letter of its representative", "a note from their embassy": the sender is the
#: subject the pronoun stands for.
_OWN_ENVOY_AFTER: Final = _fastre.compile(
    r"\s+(?:of|from|by)\s+(?:its|their)\s+(?:permanent\s+|foreign\s+)?(?:representative|envoy|"
    r"ambassador|mission|delegation|government|embassy|minist(?:er|ry)|leader|president)s?\b"
)
#: "our country sent a letter", "we handed a note": in a quotation, the speaker's own state.
_FIRST_PERSON: Final = _fastre.compile(
    r"\b(?:[Ww]e|[Oo]ur (?:(?:permanent |foreign )?(?:country|government|state|ministry|mission|"
    r"embassy|side|delegation|representative)s?)|[Mm]y (?:government|country))\b"
)
_OPENING_QUOTE: Final = _fastre.compile(r"[\"\u201c]")
_SPEAKERS: Final = frozenset({ActorKind.PERSON, ActorKind.GOVERNMENT})
#: How many sentences back a pronoun ("she said") may find the person who speaks.
_SPEAKER_REACH: Final = 6


def fronted_sender(m: Mention, doc: Document) -> list[str]:
    """ "In a letter addressed to NATO's chief, Hungary said ...": the subject after the
    fronted phrase the message is named in."""
    s, text = m.sentence, doc.text
    fronted = _FRONTED_MESSAGE.match(text, s.start, m.trigger[0])
    comma = text.find(",", m.trigger[1], s.end) if fronted is not None else -1
    if comma < 0:
        return []
    after = [h for h in doc.actors(s) if h.start > comma and is_country_code(h.code)]
    if not after or after[0].start - comma >= 40:
        return []
    # "In a message to the UN chief, the US has taken hostile measures ...": with no
    # verb of saying the clause is what the message says, its subject no sender
    said = _SAYS_AFTER.search(text, after[0].end, min(s.end, after[0].end + 60))
    # "In its letter of 18 January to the Council, the Government of Ethiopia misreads
    # ...": the possessive names the subject as the writer, whatever its verb
    owned = (
        fronted is not None
        and _OWNED_FRONT.search(fronted.group()) is not None
        # (the state opens the clause: not "the panel finds that Eritrea ...")
        and _CLAUSE_OPENS_WITH_STATE.fullmatch(text, comma, after[0].start) is not None
        # (to the UN or a state: not "In its letter to Congress, the White House ...")
        and (
            UN_BODY.search(text, m.trigger[1], comma) is not None
            or any(m.trigger[1] <= h.start < comma for h in doc.actors(s))
        )
    )
    return [after[0].code] if said is not None or owned else []


#: "..., Saeed Iravani said": a name the actor tables do not know, speaking.
_NAME_SAYS: Final = _fastre.compile(
    r",\s+(?P<name>(?:[A-Z][\w'\-]+\s+){0,2}[A-Z][\w'\-]+)\s+"
    r"(?:said|says|wrote|writes|stated|argued|stressed|noted|insisted|warned)\b"
)
#: A title of one who writes for a state: "Iran's ambassador", "the Iranian envoy".
_WRITER_TITLE: Final = _fastre.compile(
    rf"\b(?:{ENVOY_TITLES}|representative|minister|spokes(?:man|woman|person))\b",
    re.IGNORECASE,
)
#: How many sentences before and after a writer's state may be told.
_WRITER_REACH: Final = 2


def named_writer(m: Mention, doc: Document) -> list[str]:
    """ "In a letter to the Council, Saeed Iravani said ...": the state of a writer whose
    name the tables do not know, from the same surname after a state's possessive
    ("the DPRK's Ja said") or else the one state whose envoy or minister is named in
    the sentences around ("Iran's ambassador to the UN has rejected ...")."""
    s, text = m.sentence, doc.text
    if _FRONTED_MESSAGE.match(text, s.start, m.trigger[0]) is None:
        return []
    speaker = _NAME_SAYS.search(text, m.trigger[1], s.end)
    if speaker is None or any(h.start <= speaker.start("name") < h.end for h in doc.actors(s)):
        return []
    # (any word of the name: "Ja Song Nam" is "the DPRK's Ja", the family name first)
    names = tuple(
        f"{mark}s {word}" for word in speaker.group("name").split() for mark in ("'", "\u2019")
    )
    for other in doc.sentences[s.index : s.index + _SPEAKER_REACH]:
        for h in doc.actors(other):
            if is_country_code(h.code) and text.startswith(names, h.end):
                return [h.code]
    around = doc.sentences[max(0, s.index - _WRITER_REACH) : s.index + _WRITER_REACH + 1]
    titled = unique(
        h.code
        for other in around
        for h in doc.actors(other)
        if h.actor.kind is ActorKind.GOVERNMENT
        and is_country_code(h.code)
        and _WRITER_TITLE.search(text, h.start, h.end)
    )
    return titled if len(titled) == 1 else []


def host_of_envoy(m: Mention, doc: Document, recipient: str | None) -> list[str]:
    """ "handed a note to the ambassador of Azerbaijan in Yerevan", "the Nigerian envoy was
    summoned to the ministry in Accra": the state where a foreign envoy is handed a note
    or summoned sends it."""
    place = m.fields.get("location")
    if recipient is None or not is_country_code(recipient) or not isinstance(place, Location):
        return []
    country = place.country
    if not country or country == recipient:
        return []
    text, s = doc.text, m.sentence
    if _SUMMONED_THERE.search(text, s.start, s.end) is not None:
        return [country]
    handed = _HANDED_TO_ENVOY.search(text, s.start, s.end)
    if handed is None:
        return []
    # "Activists lodged a protest with the US embassy in Manila": only an official
    # of the state (or an unnamed one, in the passive) speaks for it
    official = PASSIVE.search(text, s.start, s.end) or _OFFICIAL.search(
        text, s.start, handed.start() + 1
    )
    return [country] if official is not None else []


def accredited_to(m: Mention, doc: Document, recipient: str | None) -> list[str]:
    """ "summoned Russia's ambassador to London": the state a summoned (or handed) envoy
    is accredited to sends the message."""
    if recipient is None or not is_country_code(recipient):
        return []
    text, s = doc.text, m.sentence
    if not (m.fields.get("summons") or _HANDED_TO_ENVOY.search(text, s.start, s.end)):
        return []
    for post in _POSTED_TO.finditer(text, s.start, s.end):
        codes = [h.code for h in doc.actors(s) if h.start == post.end()] + [
            h.value.country
            for h in doc.places(s)
            if h.start == post.end() and isinstance(h.value, Location)
        ]
        for code in codes:
            if code and is_country_code(code) and code != recipient:
                return [code]
    return []


def posted_to(doc: Document, sentence: Sentence) -> set[str]:
    """The states ``sentence`` names as where an envoy is posted: "the Chinese ambassador
    to Japan" (Japan receives nothing)."""
    text = doc.text
    ends = {p.end() for p in _POSTED_TO.finditer(text, sentence.start, sentence.end)}
    return {h.code for h in doc.actors(sentence) if h.start in ends and is_country_code(h.code)}


def summoned_at_dateline(m: Mention, doc: Document, recipient: str | None) -> list[str]:
    """ "ACCRA (Reuters) - The Nigerian envoy was summoned to the foreign ministry": with
    no place in the sentence, the state of the report's dateline summons."""
    if recipient is None or not is_country_code(recipient):
        return []
    if _SUMMONED_THERE.search(doc.text, m.sentence.start, m.sentence.end) is None:
        return []
    country = doc.dateline_country()
    return [country] if country is not None and country != recipient else []


def ministry_at_dateline(m: Mention, doc: Document, recipient: str | None) -> list[str]:
    """ "MANILA (Reuters) - Another diplomatic protest was filed by the Department of
    Foreign Affairs": a foreign ministry named without its state is the one of the
    report's dateline."""
    if _UNNAMED_FOREIGN_MINISTRY.search(doc.text, m.sentence.start, m.sentence.end) is None:
        return []
    country = doc.dateline_country()
    return [country] if country is not None and country != recipient else []


#: "The Ministry said it had conveyed ...": a ministry named without its state, as subject.
_THE_MINISTRY: Final = _fastre.compile(
    r"\W*(?:[Tt]he|[Ii]ts)\s+(?:[Ff]oreign\s+(?:[Aa]ffairs\s+)?)?[Mm]inistry\b"
)
#: The noun a ministry named before is told by.
_MINISTRY: Final = _fastre.compile(r"\b[Mm]inistry\b")


def ministry_named_before(m: Mention, doc: Document, recipient: str | None) -> list[str]:
    """ "The Algerian Foreign Ministry condemned ... The Ministry said it had conveyed its
    condemnation to the French Embassy": a ministry opening its sentence without its state
    is the state's whose ministry the nearest sentences before name."""
    s, text = m.sentence, doc.text
    if _THE_MINISTRY.match(text, s.start, m.trigger[0]) is None:
        return []
    for earlier in reversed(doc.sentences[max(0, s.index - _SPEAKER_REACH) : s.index]):
        named = [
            h.code
            for h in doc.actors(earlier)
            if is_country_code(h.code)
            and h.code != recipient
            and _MINISTRY.search(text, h.start, h.end)
        ]
        if named:
            return named[-1:]
    return []


def given_by_the_other(m: Mention, doc: Document, recipient: str | None) -> list[str]:
    """ "The Pakistan Foreign Office was sent a note verbale over the harassment of Indian
    diplomats": a recipient handed a message by no one named gets it from the one other
    state the sentence names, else from the state of the report's dateline."""
    if recipient is None or not is_country_code(recipient):
        return []
    if GIVEN_TO_SUBJECT.search(doc.text, m.sentence.start, m.trigger[0]) is None:
        return []
    others = unique(
        h.code for h in doc.actors(m.sentence) if is_country_code(h.code) and h.code != recipient
    )
    if len(others) == 1:
        return others
    country = doc.dateline_country()
    return [country] if not others and country is not None and country != recipient else []


def requested_by(m: Mention, doc: Document) -> list[str]:
    """ "The letter ... was circulated in the Security Council at Pakistan's request":
    the state at whose request a message is circulated sent it."""
    text = doc.text
    for hit in doc.actors(m.sentence):
        if not is_country_code(hit.code):
            continue
        if _AT_REQUEST_OF.search(text, max(m.sentence.start, hit.start - 30), hit.start) or (
            _AT_BEFORE.search(text, max(m.sentence.start, hit.start - 8), hit.start)
            and _REQUEST_AFTER.match(text, hit.end)
        ):
            return [hit.code]
    return []


def pronoun_sender(m: Mention, doc: Document) -> list[str]:
    """The sentence's first actor for "X, ..., added to the letter of its envoy"."""
    if not _OWN_ENVOY_AFTER.match(doc.text, m.trigger[1]):
        return []
    first = next(iter(doc.actors(m.sentence)), None)
    return [first.code] if first is not None and first.start < m.trigger[0] else []


#: "..., he said in a letter to Esper": a pronoun said it in the message.
_PRONOUN_SAID_IN: Final = _fastre.compile(
    r"\b(?:[Hh]e|[Ss]he)\s+(?:said|wrote|stated|added|noted|stressed|argued|warned|insisted)"
    r"\s+in\s+(?:a|an|his|her|the)\s+(?:[\w\-]+\s+){0,2}$"
)


def pronoun_writer(m: Mention, doc: Document) -> list[str]:
    """The state of the person a pronoun stands for in "..., he said in a letter to X": the
    first person of a known state named in the nearest sentence before that names one."""
    s, text = m.sentence, doc.text
    if not _PRONOUN_SAID_IN.search(text, max(s.start, m.trigger[0] - 60), m.trigger[0]):
        return []
    for earlier in reversed(doc.sentences[max(0, s.index - _SPEAKER_REACH) : s.index]):
        persons = [
            h.code
            for h in doc.actors(earlier)
            if h.actor.kind is ActorKind.PERSON and is_country_code(h.code)
        ]
        if persons:
            return persons[:1]
    return []


def quoted_speaker(m: Mention, doc: Document) -> list[str]:
    """The speaker's state for "our country sent a letter ...," she said.

    The speaker is named after the closing quote, or, for a pronoun, is the
    last person of a known state named in the sentences before.
    """
    s, text = m.sentence, doc.text
    opening = _OPENING_QUOTE.search(text, s.start, m.trigger[0])
    if opening is None or not _FIRST_PERSON.search(text, opening.end(), m.trigger[0]):
        return []
    closing = CLOSING_QUOTE.search(text, m.trigger[1], s.end)
    if closing is None:
        return []
    after = [h.code for h in doc.actors(s) if h.start > closing.end() and is_country_code(h.code)]
    if after:
        return after[:1]
    for earlier in reversed(doc.sentences[max(0, s.index - _SPEAKER_REACH) : s.index]):
        speakers = [
            h.code
            for h in doc.actors(earlier)
            if h.actor.kind in _SPEAKERS
            and is_country_code(h.code)
            and SAID.search(text, h.end, min(earlier.end, h.end + 60))
        ]
        if speakers:
            return speakers[-1:]
    return []
