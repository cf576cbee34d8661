"""Recognizer of ``statement``: an official's public remark ("X said", "X told the AP").

>>> import datetime as dt
>>> doc = Document("Tajik President Emomali Rahmon told reporters on Monday that talks went well.",
...                published=dt.date(2021, 10, 28))
>>> [m] = StatementRecognizer().recognize(doc.sentences[0], doc)
>>> m.fields["speaker"].name, m.fields["speaker"].country, str(m.fields["date"])
('Emomali Rahmon', 'TJK', '2021-10-25')
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from ..model.events import Event, Statement
from ..model.vocab import ActorKind
from ._regex import Gated
from .common import add_date
from .document import Document
from .mention import Mention
from .sentences import Sentence

__all__ = ["StatementRecognizer"]

_SPEECH: Final = Gated(
    re.compile(r"\b(?:said|says|told|stated|declared|announced|added)\b"),
    "said says told stated declared announced added",
)


class StatementRecognizer:
    """Finds a named official speaking: the person right before (or after) the speech verb."""

    event_type: type[Event] = Statement

    def recognize(self, sentence: Sentence, doc: Document) -> Iterable[Mention]:
        """The statement of ``sentence`` if a named person speaks in it."""
        match = _SPEECH.search(doc.text, sentence.start, sentence.end, doc.folded(sentence))
        if match is None:
            return []
        people = [
            h
            for h in doc.actors(sentence)
            if h.actor.kind is ActorKind.PERSON and abs(h.end - match.start()) < 40
        ]
        if not people:
            return []
        m = Mention(Statement, sentence, (match.start(), match.end()))
        m.fields["speaker"] = people[0].actor
        m.spans["speaker"] = (people[0].start, people[0].end)
        m.key = f"statement-{sentence.index}"
        add_date(m, doc)
        return [m]

    def accept(self, event: Event) -> bool:
        """A statement needs a speaker."""
        return isinstance(event, Statement) and event.speaker is not None
