"""Reading news reports into typed events with their evidence.

>>> from secevents.extraction import extract
>>> report = extract(" date 2021-10-28 Russian and Tajik troops held joint drills on Oct. 23.")
>>> [(e.type_tag, str(e.date)) for e in report.events]
[('joint_exercise', '2021-10-23')]
"""

from __future__ import annotations

from .batch import extract_many
from .document import Document
from .pipeline import extract
from .recognizers import Mention, Recognizer, RecognizerRegistry, default_recognizers
from .report import Report
from .sentences import Sentence, split_sentences

__all__ = [
    "Document",
    "Mention",
    "Recognizer",
    "RecognizerRegistry",
    "Report",
    "Sentence",
    "default_recognizers",
    "extract",
    "extract_many",
    "split_sentences",
]
