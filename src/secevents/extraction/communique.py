"""Recognizer of ``diplomatic_communique``: letters, notes, démarches, joint statements.

>>> import datetime as dt
>>> doc = Document("Iran sent a letter to Russia on Monday.", published=dt.date(2021, 10, 28))
>>> [m] = CommuniqueRecognizer().recognize(doc.sentences[0], doc)
>>> m.fields["sender"].code, m.fields["recipient"].code, m.fields["medium"].value
('IRN', 'RUS', 'letter')
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from .. import _fastre
from ..model.actors import Actor
from ..model.codes import is_country_code
from ..model.dates import DatePrecision, DateSpan
from ..model.events import DiplomaticCommunique, Event
from ..model.places import Location
from ..model.vocab import ActorKind, Medium
from ._delivery import read_delivery
from ._message_senders import (
    CLOSING_QUOTE,
    GIVING,
    PASSIVE,
    SAID,
    UN_BODY,
    accredited_to,
    fronted_sender,
    given_by_the_other,
    host_of_envoy,
    ministry_at_dateline,
    ministry_named_before,
    named_writer,
    posted_to,
    pronoun_sender,
    pronoun_writer,
    quoted_speaker,
    requested_by,
    summoned_at_dateline,
)
from ._regex import Gated
from ._signatories import joint_signatories
from .clues import POSSESSOR_OF_THING, coded_actor, object_codes, subject_codes, unique
from .common import add_date, add_factuality, add_place, one_per_date, quoted
from .document import Document
from .frames import (
    ENVOY_TITLES,
    FrameLexicon,
    FrameMatch,
    role_codes,
    shared_frames,
)
from .mention import Mention
from .sentences import Sentence

__all__ = ["CommuniqueRecognizer"]

#: The verbs of a message lodged, in the passive: "protests had been expressed to the
#: charges d'affaires of ...", "a strong protest was lodged by Japan with China".
_LODGED: Final = (
    r"(?:expressed|lodged|conveyed|delivered|handed|registered|made|filed|fired off|sent|"
    r"issued|submitted)\b"
)
_TRIGGER: Final = _fastre.compile(
    # (a sentence may open with any of them: "Protest notes were handed to ...")
    r"\b(?:[Ll]etters?|[Nn]otes? verbales?|[Vv]erbal notes?|"
    r"(?:[Pp]rotest|[Dd]iplomatic|[Oo]fficial|[Ff]ormal) notes?|[Dd]iplomatic protests?|"
    r"[Nn]otes? of protest|[Dd][ée]marches?|"
    r"(?:lodg|fil|submitt)(?:ed|es|ing|e)\s+(?:a|an|its|their)\s+(?:protest|complaint)s?|"
    # "protests had been expressed to the charges d'affaires of Latvia and Estonia"
    rf"(?:[Pp]rotests?|[Cc]omplaints?)(?=\s+(?:(?:had|have|has)\s+been|was|were)\s+{_LODGED})|"
    r"(?:[Ss]trong|[Ff]ormal|[Oo]fficial|[Ss]tern|[Ww]ritten) "
    r"(?:protest|warning|complaint)s?|communiqu[ée]s?|"
    r"[Jj]oint (?:[A-Z][\w\-]+ ){0,3}(?:[Ss]tatement|[Dd]eclaration|[Cc]ommuniqu[ée])s?|"
    r"messages?(?= to\b)|"
    r"dossiers?|memorand(?:um|a)(?! of understanding)|"
    r"(?:eviction|formal|official|diplomatic|written) notices?|"
    # a plain note handed over: "MFA hands note to Ambassador", "was given a note from"
    rf"(?:{GIVING}|handing|giving|sending|delivering|receiv(?:e|es|ed|ing)|served)\s+"
    r"(?:(?:a|an|the|its|their|his|her)\s+)?notes?(?!\s+(?:verbales?|of\s+protest)\b))\b"
)
_GIVE: Final = _fastre.compile(
    rf"\b(?:{GIVING}|wrote to|writes? to)\s+(?:over\s+)?(?:to\s+)?(?:the\s+)?$"
)
_IN: Final = frozenset({"in", "at"})
_SUMMONED_TO: Final = _fastre.compile(r"\b(?:summoned|called|invited)\s+to\b")
#: A state's envoy to the United Nations, whose letters go to the UN (not "Permanent
#: Representative to the OSCE").
_UN_ENVOY: Final = _fastre.compile(
    r"\b(?:[Pp]ermanent [Rr]epresentative(?!\s+to\s+(?:the\s+)?(?!UN\b|U\.N\.|United Nations)"
    r"[A-Z])|(?:[Aa]mbassador|[Ee]nvoy)\s+to\s+the\s+(?:UN|U\.N\.|United Nations)\b|"
    r"(?:UN|U\.N\.)\s+(?:[Aa]mbassador|[Ee]nvoy))"
)
#: What names the writer after a message: "a letter sent by", "a letter from".
_BY_OR_FROM: Final = _fastre.compile(r"\b(?:by|from)\s+(?:the\s+)?(?:[\w'\-]+\s+){0,3}$")
#: "a letter submitted by", "the note, which was signed by": who wrote it follows.
_WRITTEN_BY: Final = _fastre.compile(
    r"(?:\s+\w+)?,?\s+(?:(?:which|that)\s+)?(?:(?:was|were|has been|had been)\s+)?"
    r"(?:submitted|sent|signed|written|delivered|presented|issued|lodged|handed over)\s+by\b"
)
#: "in letter and spirit", "to the letter", "the letter of the law": no message is meant.
_IDIOM_BEFORE: Final = _fastre.compile(r"\b(?:to the|true)\s+$", re.IGNORECASE)
#: The idiom ends its phrase: "follow it to the letter." ("a supplement to the letter of its
#: envoy" is a message).
_IDIOM_END: Final = _fastre.compile(r"\s*(?:[.,;:!?)\"\u201d]|$|(?:and|or|but|as|so|in)\b)")
_IDIOM_AFTER: Final = _fastre.compile(
    r"letters? (?:and|&) spirit|letter of the (?:law|agreement|accord|treaty|deal|constitution)",
    re.IGNORECASE,
)
#: The words that make "the letter" one told of before.
_DETERMINER: Final = r"(?:the|that|this|its|his|her|their)"
_RETURNED_BEFORE: Final = _fastre.compile(
    r"\b(?:return(?:s|ed|ing)?|sen[dt]s?(?:ing)? back|hand(?:s|ed|ing)? back)\s+"
    rf"{_DETERMINER}\s+(?:\w+\s+){{0,2}}$",
    re.IGNORECASE,
)
_RECEIVED_BEFORE: Final = _fastre.compile(
    r"\b(?:receipt of|receiv(?:e|es|ed|ing)|got|gets|obtained|acknowledg\w+)\s+"
    rf"(?:(?:a|an|{_DETERMINER})\s+)?(?:[\w\-]+\s+){{0,2}}$",
    re.IGNORECASE,
)
#: "..., the letter says.": a message named again as the teller, at the end of its sentence.
_SAYS_AT_THE_END: Final = _fastre.compile(
    r"\s+(?:says|said|adds|added|states|stated|notes|noted|reads|read|continues|continued)"
    r"\s*[.!]?\s*$"
)
_DEFINITE_TAG: Final = _fastre.compile(r"[,\"\u201d]\s+(?:the|this|that)\s+$", re.IGNORECASE)
#: A possessive and at most two words before a message's noun: "'s strongly worded ".
_POSSESSES: Final = _fastre.compile(r"(?:'s|\u2019s)\s+(?:[a-z\-]+\s+){0,2}")
_DEFINITE_BEFORE: Final = _fastre.compile(rf"\b{_DETERMINER}\s+(?:\w+\s+)?$", re.IGNORECASE)
_BACK_AFTER: Final = _fastre.compile(r"\s+back\b")
#: Someone asked to send a message: "asked the State Department to notify Turkey".
_ASKED_TO: Final = _fastre.compile(
    r"\b(?:asked|urged|requested|called on|instructed|advised)\s+(?:[\w.\-'\u2019]+\s+){0,4}"
    r"to\s+$"
)
_REACTION_BEFORE: Final = _fastre.compile(
    r"\b(?:attract\w*|dr[ae]w\w*|spark\w*|trigger\w*|provok\w*|prompt\w*|met with|"
    r"fac(?:e|es|ed|ing)|caus\w*|despite|"
    # "ignoring strong warnings from the United States": warnings said, no message
    r"ignor\w+|defy\w*|defied|in defiance of|heed\w*)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_ABOUT: Final = _fastre.compile(r"\s(?:over|about|regarding|concerning|after|because)\s")
#: "by Japan", "on Monday by the ministry", "to the embassy by": the agent of the verb.
_AGENT_NEXT: Final = _fastre.compile(
    r"(?:\s+(?:on|to|with)\s+[^,;.]{1,40}?)?\s+by\s+(?:the\s+)?(?:[A-Z][\w\-]*\s+){0,3}"
)
#: "A strong protest was lodged by Japan with China", "a diplomatic protest has been fired
#: off by the ministry": the verb after the protest's noun.
_LODGED_AFTER: Final = _fastre.compile(
    rf"\s+(?:(?:had|has|have)\s+been|was|were|is|are)\s+(?:also\s+)?{_LODGED}"
)
_TO_ENVOYS: Final = _fastre.compile(
    rf"\s+(?:to|with)\s+(?:the\s+)?(?:(?:{ENVOY_TITLES})s?|embassies|missions)\s+of\s+(?:the\s+)?",
    re.IGNORECASE,
)


def _owner_of_message(m: Mention, doc: Document) -> str | None:
    """The state or body whose possessive stands on the message's noun ("Tehran's protest
    letter", "Japan's note verbale")."""
    text = doc.text
    for hit in doc.actors(m.sentence):
        if (
            hit.end <= m.trigger[0]
            and hit.code
            and _POSSESSES.fullmatch(text, hit.end, m.trigger[0])
        ):
            return hit.code
    return None


def _passive_protest_roles(m: Mention, doc: Document) -> tuple[list[str], list[str]]:
    """Who lodged a protest told in the passive, and with whom: the addressees after
    "to"/"with" (or "to the envoys of"), the sender the one state named besides them."""
    s, text = m.sentence, doc.text
    verb = _LODGED_AFTER.match(text, m.trigger[1])
    after = verb.end() if verb is not None else m.trigger[1]
    envoys = _TO_ENVOYS.match(text, after)
    if envoys is not None:
        # (the list ends where what the protest is about begins: "over rules for the work
        # of Russian embassies")
        about = _ABOUT.search(text, envoys.end(), s.end)
        until = about.start() if about is not None else None
        recipients = object_codes(doc, s, envoys.end(), ("of",), until=until) or [
            h.code for h in doc.actors(s) if h.start == envoys.end()
        ]
    else:
        recipients = object_codes(doc, s, after, ("to", "with"))
    by = [
        h.code
        for h in doc.actors(s)
        if h.start > after
        and h.code not in recipients
        and _AGENT_NEXT.fullmatch(text, after, h.start) is not None
    ]
    if by:  # "was lodged by Japan with China" ("lodged with him over killings by Pakistani
        # forces" names no agent)
        return by[:1], recipients
    said = SAID.search(text, m.trigger[1], s.end)
    if said is not None:  # "..., the Russian foreign ministry said": who speaks sent it
        speaker = [h.code for h in doc.actors(s) if said.start() - 40 < h.end <= said.start()]
        recipients = [c for c in recipients if c not in speaker]
    senders = [
        h.code
        for h in doc.actors(s)
        if h.code not in recipients and h.actor.kind is ActorKind.GOVERNMENT
    ]
    return unique(senders)[:1], recipients


#: "prompted a diplomatic protest from Tokyo": a protest in a diplomatic form is lodged,
#: whatever drew it.
#: (A "formal complaint" drawn by a plan may be a reaction in any forum.)
_LODGED_FORM: Final = _fastre.compile(
    r"(?:diplomatic|written)\s|(?:formal|official)\s+(?:protest|note)", re.IGNORECASE
)
#: "lodged a protest with ...": the addressee follows the protest at once.
_WITH_ADDRESSEE: Final = _fastre.compile(r"\s+with\s")
#: A memorandum that is signed is an agreement between its parties, not a message.
_SIGNED: Final = _fastre.compile(r"\b(?:sign(?:s|ed|ing)?|ink(?:s|ed)|initial(?:l?ed))\b")
#: "wrote to the UN", "told the Security Council": to whom a message is addressed.
_ADDRESSED: Final = _fastre.compile(r"\b(?:to|told|tells|informed|informs|urged|asked|warned)\b")
#: "the Swiss envoy representing US interests": a protecting power's envoy stands for the
#: state whose interests the envoy represents.
_REPRESENTING: Final = _fastre.compile(
    r"\brepresent(?:s|ing|ed)?\s+(?:the\s+)?(?P<state>(?:[\w.\-]+\s+){1,3}?)interests\b"
)
#: "Further to my letters ...": a letter's writer tells of their own earlier ones.
_WRITERS_OWN: Final = _fastre.compile(r"\b(?:[Mm]y|[Oo]ur)\s+(?:(?:previous|earlier|last)\s+)?$")
#: "... addressed to you": the addressee of the letter the text is.
_TO_YOU: Final = _fastre.compile(
    r"\s+to\s+you\b|[^.;:]{0,90}?\b(?:addressed|sent|written|delivered)\s+to\s+you\b"
)
#: "further to his letters dated 14 May and 29 July": the writer's own earlier letters.
_OWN_LETTERS_DATED: Final = _fastre.compile(
    r"\b(?:his|her|its|their|my|our)\s+(?:(?:previous|earlier)\s+)?(?P<noun>letters)\s+dated\b"
)
#: How many sentences back the heading of a letter ("Letter dated ... from X to Y") may be.
_LETTER_REACH: Final = 8
_TRIGGER_CUE: Final = Gated(
    _TRIGGER,
    "letter note protest marche warning complaint communiqu joint dossier memorand notice message",
)


def _medium(phrase: str) -> Medium:
    """The medium a trigger phrase names.

    >>> _medium("notes verbales").value, _medium("note of protest").value, _medium("démarche").value
    ('note_verbale', 'protest_note', 'other')
    """
    lowered = phrase.lower()
    for word, medium in (
        ("verbale", Medium.NOTE_VERBALE),
        ("verbal note", Medium.NOTE_VERBALE),
        ("protest", Medium.PROTEST_NOTE),
        ("warning", Medium.PROTEST_NOTE),
        ("complaint", Medium.PROTEST_NOTE),
        ("letter", Medium.LETTER),
        ("joint", Medium.JOINT_STATEMENT),
        ("communiq", Medium.COMMUNIQUE),
        ("message", Medium.MESSAGE),
    ):
        if word in lowered:
            return medium
    return Medium.OTHER


#: "Yerevan, the minister said in his letter, had ...": an attribution inside the sentence.
_SAID_IN: Final = _fastre.compile(
    r"\b(?:said|says|wrote|writes|stated|states|noted|added)\s+in\s+(?:his|her|its|their|a|the)\s+"
    r"(?:[\w\-]+\s+)?$"
)


class CommuniqueRecognizer:
    """Finds written messages between governments and who sent them to whom.

    A message is named ("a protest note", "a letter") or told by a construction of
    the frame lexicon ("Iran summoned the UAE envoy", "X protested to Y").
    """

    event_type: type[Event] = DiplomaticCommunique

    def __init__(self, frames: FrameLexicon | None = None) -> None:
        self._frames = frames or shared_frames()

    def _trigger(self, sentence: Sentence, doc: Document) -> tuple[int, int, Medium] | None:
        text = doc.text
        for match in _TRIGGER_CUE.finditer(
            text, sentence.start, sentence.end, doc.folded(sentence)
        ):
            if not _IDIOM_AFTER.match(text, match.start()) and not (
                match.group().lower() == "letter"
                and _IDIOM_BEFORE.search(
                    text, max(sentence.start, match.start() - 8), match.start()
                )
                and _IDIOM_END.match(text, match.end())
            ):
                return match.start(), match.end(), _medium(match.group())
        told: FrameMatch | None = next(
            iter(self._frames.match(doc, sentence, self.event_type.type_tag, triggers=True)),
            None,
        )
        if told is None:
            return None
        return told.start, told.end, Medium(told.frame.attributes.get("medium", "other"))

    def recognize(self, sentence: Sentence, doc: Document) -> Iterable[Mention]:
        """One mention per message; a list of dates on plural letters gives one per date."""
        found = self._trigger(sentence, doc)
        if found is None:
            return []
        start, end, medium = found
        if not _LODGED_FORM.match(doc.text, start) and _REACTION_BEFORE.search(
            doc.text, max(sentence.start, start - 40), start
        ):
            return []  # "a move that drew strong protest from Italy": a reaction, no message
        if _ASKED_TO.search(doc.text, max(sentence.start, start - 60), start):
            return []  # "asked the State Department to notify Turkey": not sent yet
        if doc.text.startswith(("memorand", "Memorand"), start) and _SIGNED.search(
            doc.text, sentence.start, sentence.end
        ):
            return []  # "signed a memorandum on Russian military presence": an agreement
        if _RETURNED_BEFORE.search(doc.text, max(sentence.start, start - 40), start) or (
            _DEFINITE_BEFORE.search(doc.text, max(sentence.start, start - 12), start)
            and _BACK_AFTER.match(doc.text, end)
        ):
            return []  # "return the letter", "send the note back": no new message
        if _SAYS_AT_THE_END.match(doc.text, end, sentence.end) and _DEFINITE_TAG.search(
            doc.text, max(sentence.start, start - 12), start
        ):
            return []  # "..., the letter says.": what a letter told of before says
        m = Mention(DiplomaticCommunique, sentence, (start, end))
        m.fields["medium"] = medium
        add_factuality(m, doc)
        add_place(m, doc, first=True, preps=_IN, topic=True)
        if "location" not in m.fields:
            _met_there(m, doc)
        senders = self._roles(m, doc)
        read_delivery(m, doc)
        m.anaphoric = "sender" not in m.fields
        earlier = self._own_earlier_letters(m, doc)
        each = one_per_date(m, doc)
        if each:
            return each + earlier
        add_date(m, doc, topic=True)
        if "date" not in m.fields:
            _date_of_the_lead(m, doc)
        return [m, *_each_sender_s_own(m, doc, senders), *earlier]

    def _own_earlier_letters(self, m: Mention, doc: Document) -> list[Mention]:
        """ "In the letter, the envoy wrote that, further to his letters dated 14 May and
        29 July, ...": the writer's earlier letters named after the message's own trigger,
        one per date, from and to whom the letter named before was."""
        text, s = doc.text, m.sentence
        later = _OWN_LETTERS_DATED.search(text, m.trigger[1], s.end)
        if later is None:
            return []
        other = Mention(DiplomaticCommunique, s, later.span("noun"), {"medium": Medium.LETTER})
        add_factuality(other, doc)
        writer, addressee = self._letter_before(s, doc, with_own=True)
        if writer is None:
            return []
        other.fields["sender"] = writer
        if addressee is not None:
            other.fields["recipient"] = addressee
        return one_per_date(other, doc)

    def _roles(self, m: Mention, doc: Document, *, look_back: bool = True) -> list[str]:
        """Sender and recipient: from the frames first, then from the clause; never the same.
        Returns the states the frames and the clause name as senders.

        A joint statement has signatories and no recipient: the sender is the first one
        (the wire format's ``sender`` is one actor).
        """
        if m.fields["medium"] is Medium.JOINT_STATEMENT:
            signatories = joint_signatories(m, doc)
            if signatories:
                m.fields["sender"] = coded_actor(signatories[0])
                return []
        framed = self._frames.roles(
            doc, m.sentence, self.event_type.type_tag, near=m.trigger[0], distinct=True
        )
        senders, recipients = self._clause_roles(m, doc)
        framed_recipients = role_codes(framed, "recipient")
        # "Rustenbekov received a note from the ministry": who a frame makes the recipient
        # is not the sender the clause's subject would make him
        senders = role_codes(framed, "sender") + [c for c in senders if c not in framed_recipients]
        owner = _owner_of_message(m, doc)
        if owner is not None and owner not in framed_recipients:
            # "the Swiss ambassador said Tehran's protest letter would be passed to ...":
            # whose letter it is says who sent it, whoever passes it on
            senders = [owner, *(c for c in senders if c != owner)]
        recipients = framed_recipients + recipients
        if look_back:
            senders, recipients = self._letter_persons(m, doc, senders, recipients)
        named = [c for c in unique(senders) if is_country_code(c)]
        senders = (
            senders
            or fronted_sender(m, doc)
            or named_writer(m, doc)
            or host_of_envoy(m, doc, next(iter(recipients), None))
            or accredited_to(m, doc, next(iter(recipients), None))
            or summoned_at_dateline(m, doc, next(iter(recipients), None))
            or ministry_named_before(m, doc, next(iter(recipients), None))
            or ministry_at_dateline(m, doc, next(iter(recipients), None))
            or requested_by(m, doc)
            or given_by_the_other(m, doc, next(iter(recipients), None))
        )
        sender = next(iter(senders), None)
        recipient = next((c for c in unique(recipients) if c != sender), None)
        if recipient is None and sender and m.fields["medium"] is Medium.PROTEST_NOTE:
            # "in a protest note its Foreign Ministry called the incursion a provocation by
            # the Colombian government": the one other state a protest names is its addressee
            others = unique(
                h.code
                for h in doc.actors(m.sentence)
                if is_country_code(h.code) and h.code != sender
            )
            recipient = others[0] if len(others) == 1 else None
        if recipient is None and sender and _writer_is_un_envoy(m, doc):
            recipient = "UN"  # "a letter from Azerbaijan's Permanent Representative": to the UN
        if sender:
            m.fields["sender"] = coded_actor(sender)
        represented = _represented(m, doc)
        if represented is not None and represented != sender:
            recipient = represented  # "a note to the Swiss envoy representing US interests"
        if recipient:
            m.fields["recipient"] = coded_actor(recipient)
        return named

    def _clause_roles(self, m: Mention, doc: Document) -> tuple[list[str], list[str]]:
        s, text = m.sentence, doc.text
        if _LODGED_AFTER.match(text, m.trigger[1]):  # a protest told in the passive
            lodged_by, lodged_with = _passive_protest_roles(m, doc)
            if lodged_by and lodged_with:
                return lodged_by, lodged_with
        senders = object_codes(doc, s, m.trigger[1], ("from",))
        if not senders and _WRITTEN_BY.match(text, m.trigger[1]):
            # "the letter submitted by the Permanent Representative of Azerbaijan"
            senders = object_codes(doc, s, m.trigger[1], ("by", "of"), until=m.trigger[1] + 90)
        recipients = []
        if _WITH_ADDRESSEE.match(text, m.trigger[1]):
            # "lodged a protest with the embassy" (not "a note in connection with a visit")
            recipients = object_codes(doc, s, m.trigger[1], ("with",), until=m.trigger[1] + 80)
        recipients = recipients[:1] or object_codes(doc, s, m.trigger[1], ("to",))
        if recipients:  # "summoned the Chinese ambassador to Japan": where the envoy serves
            posted = posted_to(doc, s)
            recipients = [c for c in recipients if c not in posted]
        if not recipients and m.fields["medium"] is Medium.PROTEST_NOTE:
            # "filed a protest in response to China's latest actions": whose actions
            recipients = [
                h.code
                for h in doc.actors(s)
                if h.start > m.trigger[1] and POSSESSOR_OF_THING.match(text, h.end)
            ][:1]
        if UN_BODY.search(text, m.trigger[1], s.end) and not recipients:
            addressed = _ADDRESSED.search(text, m.trigger[1], s.end)
            recipients = ["UN"] if addressed is not None else []
        given = [h.code for h in doc.actors(s) if _GIVE.search(text[s.start : h.start])]
        passive = PASSIVE.search(text, s.start, s.end)
        if passive is not None:  # "X was summoned and handed a note, the ministry said"
            recipients = recipients or subject_codes(doc, s, passive.start())
            said = SAID.search(text, passive.end(), s.end)
            if said is not None and not senders:
                senders = [
                    h.code
                    for h in doc.actors(s)
                    if said.start() - 60 < h.start < said.start()
                    and not CLOSING_QUOTE.search(text, h.end, said.start())
                ]
        summoned = _SUMMONED_TO.search(text, s.start, s.end)
        if summoned is not None:
            senders = object_codes(doc, s, summoned.start(), ("to",))[:1] + senders
        if _SAID_IN.search(text, max(s.start, m.trigger[0] - 30), m.trigger[0]):
            # "New Delhi, Qureshi said in his letter, had issued threats": the subject is
            # what the letter says; its writer is the one who says it ("he said in a
            # letter": the person told of before)
            return senders or pronoun_writer(m, doc), recipients or given
        received = _RECEIVED_BEFORE.search(text, max(s.start, m.trigger[0] - 40), m.trigger[0])
        # "Churkin did not mention receipt of the letter": who tells of receiving it sent
        # nothing (and is often an envoy standing for the body it was sent to)
        if not senders and received is None:
            # "the mission of X to the UN sent": who a message goes to is never its sender
            # (nor is the subject of "was handed a note")
            destinations = set(object_codes(doc, s, s.start, ("to",), until=m.trigger[0]))
            destinations.update(recipients)
            destinations.update(given)  # "summoned the Iranian envoy and handed him a note"
            # '"Turkey's policy ... ," the letter said': no sender in the quote (a word in
            # scare quotes after the subject, 'Seoul "strongly" protested', is no quotation)
            # ('"Iran condemns ...," Iran's ambassador wrote': a state also named outside
            # the quote may send it)
            before = [h for h in doc.actors(s) if h.end < m.trigger[0]]
            inside = {h.start for h in before if quoted(text, s.start, h.start, m.trigger[0])}
            in_quote = {h.code for h in before if h.start in inside} - {
                h.code for h in before if h.start not in inside
            }
            senders = [
                c
                for c in subject_codes(doc, s, m.trigger[0])
                if c not in destinations and c not in in_quote
            ]
            senders = senders or pronoun_sender(m, doc) or quoted_speaker(m, doc)
        return senders, recipients or given

    def _letter_persons(
        self, m: Mention, doc: Document, senders: list[str], recipients: list[str]
    ) -> tuple[list[str], list[str]]:
        """ "Further to my letters ... addressed to you": in the text of a letter, "my"
        is its writer and "you" its addressee, read from the letter named before."""
        text, start, end = doc.text, m.trigger[0], m.trigger[1]
        mine = not senders and _WRITERS_OWN.search(text, max(m.sentence.start, start - 16), start)
        yours = _TO_YOU.match(text, end)
        if not (mine or yours):
            return senders, recipients
        writer, addressee = self._letter_before(m.sentence, doc)
        if writer is None or not writer.code:
            return senders, recipients
        if mine:
            senders = [writer.code]
        if yours and addressee is not None and addressee.code:
            recipients = [addressee.code]
        return senders, recipients

    def _letter_before(
        self, sentence: Sentence, doc: Document, *, with_own: bool = False
    ) -> tuple[Actor | None, Actor | None]:
        """The writer and the addressee of the last letter with a writer named up to
        ``sentence`` (its own trigger too with ``with_own``)."""
        stop = sentence.index + 1 if with_own else sentence.index
        for earlier in reversed(doc.sentences[max(0, sentence.index - _LETTER_REACH) : stop]):
            found = self._trigger(earlier, doc)
            if found is None:
                continue
            letter = Mention(DiplomaticCommunique, earlier, found[:2], {"medium": found[2]})
            self._roles(letter, doc, look_back=False)
            writer, addressee = letter.fields.get("sender"), letter.fields.get("recipient")
            if isinstance(writer, Actor):
                return writer, addressee if isinstance(addressee, Actor) else None
        return None, None

    def accept(self, event: Event) -> bool:
        """A communique needs a sender."""
        return isinstance(event, DiplomaticCommunique) and event.sender is not None


def _each_sender_s_own(m: Mention, doc: Document, senders: list[str]) -> list[Mention]:
    """Plural messages of several senders ("Letters ... were sent by Armenia and France",
    "Armenia and France sent letters"): the message of each state named as a sender
    after the first, to the same addressee."""
    sender = m.fields.get("sender")
    if sender is None or len(senders) < 2 or senders[0] != sender.code:
        return []
    if not doc.text.startswith("s", m.trigger[1] - 1):
        return []  # one message: "Chile and Peru sent a joint letter"
    copies = []
    for code in senders[1:]:
        copy = m.copy()
        copy.fields["sender"] = coded_actor(code)
        copy.spans.pop("sender", None)
        copies.append(copy)
    return copies


def _met_there(m: Mention, doc: Document) -> None:
    """ "He handed Guterres a letter ... He had met Guterres in New York": a message handed
    over in person is delivered where the next sentence has them meet."""
    s = m.sentence
    if _HANDED.search(doc.text, s.start, m.trigger[0]) is None or s.index + 1 >= len(doc.sentences):
        return
    after = doc.sentences[s.index + 1]
    met = _MET.search(doc.text, after.start, after.end)
    if met is None:
        return
    for hit in doc.places(after):
        place = hit.value
        if hit.start >= met.end() and isinstance(place, Location) and place.country:
            if _IN_BEFORE.search(doc.text, max(after.start, hit.start - 5), hit.start):
                m.fields["location"] = place
                m.spans["location"] = (hit.start, hit.end)
            return


#: Handed over in person: "he handed Guterres a letter", "gave him a note".
_HANDED: Final = _fastre.compile(r"\b(?:handed|hands|hand|gave|gives|give|delivered|presented)\b")
#: "had met Guterres in New York", "during a meeting in Ankara".
_MET: Final = _fastre.compile(r"\b(?:met|meets|meeting)\b")
_IN_BEFORE: Final = _fastre.compile(r"\b(?:in|at)\s+$")


def _date_of_the_lead(m: Mention, doc: Document) -> None:
    """ "Iran on Thursday condemned Israel's threats. '...', read a letter that Iran's
    ambassador sent": an undated message told just after a dated lead whose subject, its
    sender, condemns or calls on is what the lead reports, on the lead's day."""
    sender = m.fields.get("sender")
    if not isinstance(sender, Actor) or not sender.code:
        return
    text = doc.text
    for earlier in doc.sentences[max(0, m.sentence.index - _LEAD_REACH) : m.sentence.index]:
        days = [
            h
            for h in doc.dates(earlier)
            if isinstance(h.value, DateSpan)
            and not h.value.is_interval
            and h.value.precision is DatePrecision.DAY
        ]
        body = doc.dateline(earlier)
        opening = _OPENING_PLACE.match(text, body, min(earlier.end, body + 60))
        body = opening.end() if opening is not None else body  # "UN HQ., New York :"
        verb = _LEAD_VERB.search(text, body, earlier.end)
        before = [
            h.code
            for h in doc.actors(earlier)
            if body <= h.start and verb and h.end <= verb.start()
        ]
        if len(days) == 1 and verb is not None and before and set(before) == {sender.code}:
            m.fields["date"] = days[0].value
            m.spans["date"] = (days[0].start, days[0].end)
            return


#: A place opening a lead before its subject: "UN HQ., New York :", "UNITED NATIONS -".
_OPENING_PLACE: Final = _fastre.compile(r"[^:\u2013\u2014]{2,50}?\s(?::|-|\u2013|\u2014)\s")
#: How many sentences before a message its lead may be.
_LEAD_REACH: Final = 3
#: What a lead says a state did by the message told after it.
_LEAD_VERB: Final = _fastre.compile(
    r"\b(?:condemn(?:s|ed)?|call(?:s|ed)? on|urg(?:es|ed)|protest(?:s|ed)|accus(?:es|ed)|"
    r"demand(?:s|ed)|warn(?:s|ed)|complain(?:s|ed))\b"
)


def _represented(m: Mention, doc: Document) -> str | None:
    """The state whose interests the envoy given the message represents, if any."""
    s = m.sentence
    found = _REPRESENTING.search(doc.text, s.start, s.end)
    if found is None:
        return None
    return next(
        (
            h.code
            for h in doc.actors(s)
            if found.start("state") <= h.start < found.end("state") and is_country_code(h.code)
        ),
        None,
    )


def _writer_is_un_envoy(m: Mention, doc: Document) -> bool:
    """Whether the message's writer is a state's envoy to the UN: the subject before the
    message ("Chad's ambassador to the UN sent a letter") or the one it is "by" or "from"."""
    text, s = doc.text, m.sentence
    for envoy in _UN_ENVOY.finditer(text, s.start, s.end):
        if envoy.end() <= m.trigger[0]:
            # (not who only tells of it: "Iran's UN ambassador said Tehran sent a note")
            if not SAID.search(text, envoy.end(), m.trigger[0]):
                return True
        elif _BY_OR_FROM.search(text, max(m.trigger[1], envoy.start() - 40), envoy.start()):
            return True
    return False
