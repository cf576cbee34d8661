"""The date a document gives itself under its title: press releases and UN documents.

"Joint Statement Between the United States of America and India" over "Office of the
Press Secretary, September 21, 2004 (For Immediate Release)", or "June 21, 2007" on a
line of its own: the statement the title names is the document, and that line dates
it. This is a date the text gives, not the publication date taken as a fallback.
"""

from __future__ import annotations

import re
from typing import Final

from ..model.dates import DatePrecision, DateSpan
from .document import Document
from .sentences import Sentence

__all__ = ["is_title", "names_a_document", "title_date"]

#: How many of the report's first sentences may be its title lines.
_TITLE_LINES: Final = 8
#: How long a line giving the document's date may be.
_LONGEST_DATE_LINE: Final = 100
_YEAR: Final = re.compile(r"\b\d{4}\b")
_FULL_STOPS: Final = (".", "!", "?", '"', "\u201d")


#: A title naming a document: "Joint Statement Between ...", "Letter dated ... from ...".
_DOCUMENT: Final = re.compile(
    r"\b(?:Statement|Declaration|Communiqu[eé]|Letter|Note [Vv]erbale|Memorandum|Message)\b"
)


def is_title(sentence: Sentence) -> bool:
    """Whether ``sentence`` is one of the lines the report opens with, with no full stop."""
    return sentence.index < _TITLE_LINES and not sentence.text.rstrip().endswith(_FULL_STOPS)


def names_a_document(sentence: Sentence) -> bool:
    """Whether ``sentence`` is a title naming a document ("Joint Statement Between the
    United States and India"), not a headline telling news ("White House summons Chinese
    Ambassador", whose time stamp below is when the news was posted)."""
    return is_title(sentence) and _DOCUMENT.search(sentence.text) is not None


def title_date(doc: Document) -> DateSpan | None:
    """The day on a short line among the report's first ones, written with its year."""
    for sentence in doc.sentences[:_TITLE_LINES]:
        if not is_title(sentence) or len(sentence.text) > _LONGEST_DATE_LINE:
            continue
        for hit in doc.dates(sentence):
            value = hit.value
            if (
                isinstance(value, DateSpan)
                and not value.is_interval
                and value.precision is DatePrecision.DAY
                and _YEAR.search(doc.text, hit.start, hit.end)
            ):
                return value
    return None
