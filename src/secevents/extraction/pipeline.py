"""``extract``: from a report's text to a :class:`Report` of typed events with evidence.

>>> report = extract(" date 2021-10-28 Russian and Tajik troops held joint drills on Monday.")
>>> [(type(e).__name__, str(e.date), [a.code for a in e.participants]) for e in report.events]
[('JointExercise', '2021-10-25', ['RUS', 'TJK'])]
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from typing import Any, Final

import attrs

from .._validate import json_text
from ..actors import Actor
from ..dates import DateSpan
from ..errors import FieldError
from ..events import Event
from ..provenance import Evidence, Source
from .clues import attributions, unique
from .common import location_of
from .document import Document
from .merge import Cluster, is_background, merge_mentions, merged_fields
from .recognizers import Mention, Recognizer, RecognizerRegistry, default_recognizers
from .report import Report

__all__ = ["extract"]

_DATE_LINE: Final = re.compile(r"\A\s*date\s+(\d{4})-(\d{2})-(\d{2})\s+")
_ROLES: Final = ("builder", "host", "sender", "recipient")
_MAX_MENTIONS: Final = 4
_CONCURRENT: Final = re.compile(
    r"\b(?:at the same time|simultaneously|concurrently|in parallel)\b", re.IGNORECASE
)


def _published(text: str) -> tuple[dt.date | None, int]:
    match = _DATE_LINE.match(text)
    if match is None:
        return None, 0
    try:
        return dt.date(*(int(g) for g in match.groups())), match.end()
    except ValueError:
        return None, match.end()


def extract(
    text: str,
    *,
    published: dt.date | None = None,
    source: Source | None = None,
    recognizers: RecognizerRegistry | Iterable[Recognizer] | None = None,
) -> Report:
    """Read the events of a news report.

    ``published`` anchors relative dates ("on Wednesday"); without it, a leading
    `` date YYYY-MM-DD `` line is used, and without either only absolute dates are
    read. ``source`` is added to every event's sources. ``recognizers`` replaces
    the built-in ones (see :func:`default_recognizers`).

    >>> import datetime as dt
    >>> report = extract("China would spend $8.6 million to build a military base in Tajikistan.",
    ...                  published=dt.date(2021, 10, 28))
    >>> [ev] = report.events
    >>> ev.builder.code, ev.host.code, str(ev.cost.amount), ev.status.value, ev.factuality.value
    ('CHN', 'TJK', '8600000', 'proposed', 'planned')
    >>> extract("Drills began on Monday.").warnings[0]
    'no_publication_date: no date line and no published date; relative dates are not resolved'
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    text, replaced = json_text(text)
    line_date, body = _published(text)
    anchor = published or line_date
    warnings: list[str] = []
    if replaced:
        warnings.append(f"replaced_characters: {replaced} lone surrogates read as U+FFFD")
    if anchor is None:
        warnings.append(
            "no_publication_date: no date line and no published date; "
            "relative dates are not resolved"
        )
    doc = Document(text, published=anchor, start=body)
    if recognizers is None:
        by_type = dict(_builtin_recognizers())
    else:
        registry = (
            recognizers
            if isinstance(recognizers, RecognizerRegistry)
            else RecognizerRegistry(recognizers)
        )
        by_type = {r.event_type: r for r in registry}
    mentions: list[Mention] = []
    for sentence in doc.sentences:
        for recognizer in by_type.values():
            mentions.extend(recognizer.recognize(sentence, doc))
    clusters = merge_mentions(mentions)
    events: list[Event] = []
    mains: dict[type[Event], dict[str, Any]] = {}
    for cluster in clusters:
        fields = merged_fields(cluster, doc)
        main = mains.setdefault(cluster.first.event_type, fields)
        for role in _ROLES:
            if role not in fields and role in main:
                fields[role] = main[role]
        if "date" not in fields and _concurrent(cluster, doc):
            fields["date"] = _period_of(main.get("date"))
        event = _event(cluster, fields, doc, source, warnings)
        if event is not None and by_type[cluster.first.event_type].accept(event):
            events.append(event)
    warnings += doc.warnings
    return Report(
        id=_report_id(text),
        published=DateSpan.of(anchor) if anchor else None,
        source=source,
        text=text,
        events=tuple(events),
        warnings=tuple(unique(warnings)),
    )


@functools.cache
def _builtin_recognizers() -> dict[type[Event], Recognizer]:
    """The built-in recognizers by event type, made once: they keep no state between calls."""
    return {r.event_type: r for r in default_recognizers()}


def _report_id(text: str) -> str:
    import hashlib

    return "report--" + hashlib.sha1(text.encode("utf-8", "replace")).hexdigest()[:16]


def _concurrent(cluster: Cluster, doc: Document) -> bool:
    """Whether a mention says its event runs alongside another ("held at the same time")."""
    text = doc.text
    return any(_CONCURRENT.search(text, m.sentence.start, m.sentence.end) for m in cluster.mentions)


def _period_of(date: object) -> DateSpan | None:
    """The month (or coarser period) of ``date``: "at the same time" is no more precise."""
    if not isinstance(date, DateSpan) or date.earliest is None or date.latest is None:
        return None
    first, last = date.earliest, date.latest
    if (first.year, first.month) == (last.year, last.month):
        return DateSpan.month(first.year, first.month)
    return DateSpan.year(first.year) if first.year == last.year else date


def _default_location(fields: dict[str, Any]) -> None:
    if fields.get("location") is not None:
        return
    host, sender, recipient = fields.get("host"), fields.get("sender"), fields.get("recipient")
    code = None
    if isinstance(host, Actor):
        code = host.code
    elif isinstance(sender, Actor) and isinstance(recipient, Actor):
        code = sender.code if location_of(recipient.code or "") else None
    location = location_of(code or "")
    if location is not None:
        fields["location"] = location


def _evidence(cluster: Cluster, doc: Document) -> tuple[Evidence, ...]:
    spans: list[tuple[int, int]] = []
    for m in cluster.mentions:
        spans.append((m.sentence.start, m.sentence.end))
    for m in cluster.mentions:
        spans += sorted(m.spans.values())
    return tuple(Evidence.span(doc.text, a, b) for a, b in unique(spans))


def _confidence(cluster: Cluster, fields: dict[str, Any]) -> float:
    support = min(len(cluster.mentions), _MAX_MENTIONS) - 1
    filled = sum(1 for v in fields.values() if v not in (None, ()))
    return round(min(0.95, 0.3 + 0.1 * support + 0.04 * min(filled, 8)), 2)


def _event(
    cluster: Cluster,
    fields: dict[str, Any],
    doc: Document,
    source: Source | None,
    warnings: list[str],
) -> Event | None:
    cls = cluster.first.event_type
    _default_location(fields)
    names = {a.name for a in attrs.fields(cls) if a.init}
    kwargs = {k: v for k, v in fields.items() if k in names}
    published = doc.published
    sources = [source] if source is not None else []
    for m in cluster.mentions:
        sources += doc.memo("attributions", m.sentence, attributions)
    kwargs.update(
        reported=DateSpan.of(published) if published else None,
        sources=tuple(unique(sources)),
        evidence=_evidence(cluster, doc),
        confidence=_confidence(cluster, kwargs),
        tags=("background",) if is_background(fields, published) else (),
    )
    try:
        return cls(**kwargs)
    except (FieldError, TypeError, ValueError) as error:
        warnings.append(f"invalid_event: {cls.type_tag}: {error}")
        return None
