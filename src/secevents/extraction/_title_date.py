"""The date a document gives itself under its title: press releases and UN documents.

"Joint Statement Between the United States of America and India" over "Office of the
Press Secretary, September 21, 2004 (For Immediate Release)", or "June 21, 2007" on a
line of its own: the statement the title names is the document, and that line dates
it. This is a date the text gives, not the publication date taken as a fallback.
"""

from __future__ import annotations

import re
from typing import Final

from .. import _fastre
from ..model.dates import DatePrecision, DateSpan
from ..model.places import Location
from ..normalize.places import PlaceKind, default_gazetteer
from .document import Document, Hit
from .sentences import Sentence, unstopped

__all__ = ["names_a_document", "title_date", "title_place"]

#: How many of the report's first sentences may be its title lines.
_TITLE_LINES: Final = 8
#: How many words besides its date a line dating the document may hold ("Office of the
#: Press Secretary, ... (For Immediate Release)").
_OTHER_WORDS: Final = 8
_YEAR: Final = _fastre.compile(r"\b\d{4}\b")
_WORD: Final = _fastre.compile(r"[^\W\d_]+")
#: A title that names a document, at its start: "Joint Statement Between ...", "Letter
#: dated ... from ...", "Communique of the ...".
_DOCUMENT: Final = _fastre.compile(
    r"\W*(?:(?:Joint|Final|Common|Trilateral|Bilateral)\s+)?"
    r"(?:Statement|Declaration|Communiqu[eé])\b"
    r"|\W*(?:An?\s+)?(?:Letter|Note [Vv]erbale|Memorandum|Message)\s+"
    r"(?:dated|from|of|to|by|on|between)\b"
)
#: A line dating something other than the document: when the page was updated or posted,
#: an anniversary.
_OTHER_DAY: Final = _fastre.compile(
    r"\b(?:updated|posted|published|modified|anniversary|accessed|retrieved)\b", re.IGNORECASE
)


def _title(sentence: Sentence) -> bool:
    return sentence.index < _TITLE_LINES and unstopped(sentence)


def names_a_document(sentence: Sentence) -> bool:
    """Whether ``sentence`` is a title naming a document ("Joint Statement Between the
    United States and India"), not a headline telling news ("White House Summons Chinese
    Ambassador Over Protest Letter", whose time stamp below is when the news was posted)."""
    return _title(sentence) and _DOCUMENT.match(sentence.text) is not None


def title_date(doc: Document) -> Hit | None:
    """The day, written with its year, on a short line among the report's first ones that
    holds little else ("June 21, 2007"; not "Updated: 27 Oct 2021", "Anniversary of
    September 11, 2001")."""
    text = doc.text
    for sentence in doc.sentences[:_TITLE_LINES]:
        if not _title(sentence) or _OTHER_DAY.search(sentence.text):
            continue
        for hit in doc.dates(sentence):
            value = hit.value
            rest = text[sentence.start : hit.start] + " " + text[hit.end : sentence.end]
            if (
                isinstance(value, DateSpan)
                and not value.is_interval
                and value.precision is DatePrecision.DAY
                and _YEAR.search(text, hit.start, hit.end)
                and len(_WORD.findall(rest)) <= _OTHER_WORDS
            ):
                return hit
    return None


def title_place(doc: Document) -> Hit | None:
    """The capital the document is written in, on the line that dates it ("Caracas,
    December 22, 2018"): a letter's place, before its date. Only a capital tells the
    writer's state: letters to the UN are dated in New York whoever writes them."""
    dated = title_date(doc)
    if dated is None:
        return None
    line = next(s for s in doc.sentences if s.start <= dated.start < s.end)
    for hit in doc.places(line):
        place = hit.value
        if (
            hit.end <= dated.start
            and isinstance(place, Location)
            and place.country is not None
            and place.name is not None
            and any(
                c.kind is PlaceKind.CAPITAL and c.country == place.country
                for c in default_gazetteer().lookup(place.name)
            )
        ):
            return hit
    return None
