"""A report as Jupyter shows it: source, date, warnings, events and the highlighted text.

Used by ``Report._repr_html_``. Every piece of report text goes through
:func:`html.escape` (attributes too); colours and styles are constants, and
links are made only for ``http(s)`` URLs, so a hostile report shows as text.
Work is bounded: at most ``_EVENT_ROWS`` events, ``_CARDS`` cards,
``_WARNINGS`` warnings and ``_TEXT_CHARS`` characters of text are shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from ..model.events import Event
from ._html import _e, _link, event_html, row_cells, shorten

if TYPE_CHECKING:
    from ..model.report import Report

__all__ = ["highlight_segments", "report_html"]

_EVENT_ROWS: Final = 50
_CARDS: Final = 20
_WARNINGS: Final = 20
_TEXT_CHARS: Final = 20_000
_SPANS_PER_EVENT: Final = 200
_CELL_CHARS: Final = 100
_STRIPES: Final = 3
_PALETTE: Final = (
    "#ffe08a",
    "#a8e6cf",
    "#ffb3ba",
    "#bae1ff",
    "#e2c2ff",
    "#ffd6a5",
    "#caffbf",
    "#d3d3d3",
)
_BOX: Final = "font-family:system-ui,sans-serif;font-size:14px;line-height:1.45;max-width:64em"
_TEXT_BOX: Final = (
    "white-space:pre-wrap;border:1px solid #ccc;border-radius:4px;padding:6px 10px;"
    "max-height:32em;overflow:auto;font-family:Georgia,serif"
)
_MUTED: Final = "color:#777;font-size:85%"

#: One piece of the shown text: (start, end, events covering it, covered by a field span).
Segment = tuple[int, int, tuple[int, ...], bool]


def report_html(report: Report) -> str:
    """The HTML of ``report``: a header, its warnings, a table and cards of its events,
    and its text with each event's evidence highlighted in the event's colour.

    >>> import secevents as se
    >>> text = "Tajik <b>troops</b> held drills."
    >>> event = se.Statement(content="x", evidence=(se.Evidence.of(text, "held drills"),))
    >>> page = report_html(se.Report(id="r1", text=text, events=(event,)))
    >>> "&lt;b&gt;troops&lt;/b&gt;" in page and "<b>" not in page
    True
    >>> '">held drills</mark>' in page
    True
    """
    events = report.events
    parts = [f'<div class="secevents-report" style="{_BOX}">', _header(report)]
    if report.warnings:
        parts.append(_warnings(report.warnings))
    if events:
        parts.append(_event_table(events))
        if report.relations:
            parts.append(_relations(report))
        parts.append(_cards(events))
    parts.append(_text(report.text, events[:_EVENT_ROWS]))
    parts.append("</div>")
    return "".join(parts)


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def _header(report: Report) -> str:
    facts = ["<strong>Report</strong>"]
    if report.source is not None:
        facts.append(_link(report.source))
    published = str(report.published) if report.published is not None else "no date"
    facts.append(f"published {_e(published)}")
    facts.append(_plural(len(report.events), "event"))
    facts.append(_plural(len(report.warnings), "warning"))
    ident = f'<div style="{_MUTED}">{_e(report.id)}</div>' if report.id else ""
    return f"<div>{' · '.join(facts)}</div>{ident}"


def _warnings(warnings: Sequence[str]) -> str:
    items = []
    for warning in warnings[:_WARNINGS]:
        code, sep, message = warning.partition(": ")
        text = f"<code>{_e(code)}</code>: {_e(message)}" if sep else _e(warning)
        items.append(f"<li>{text}</li>")
    more = len(warnings) - _WARNINGS
    if more > 0:
        items.append(f"<li>… and {more:,} more</li>")
    return (
        '<div style="background:#fff4e5;border-left:4px solid #f0a020;padding:2px 8px;'
        f'margin:6px 0"><strong>Warnings</strong><ul style="margin:2px 0">{"".join(items)}</ul>'
        "</div>"
    )


def _swatch(index: int) -> str:
    color = _PALETTE[index % len(_PALETTE)]
    return (
        f'<span style="display:inline-block;width:0.9em;height:0.9em;background:{color};'
        'border:1px solid #999;vertical-align:middle;margin-right:4px"></span>'
    )


def _event_table(events: Sequence[Event]) -> str:
    head = "".join(
        f'<th style="text-align:left">{name}</th>'
        for name in ("#", "date", "type", "actors", "place", "summary")
    )
    rows = []
    for index, event in enumerate(events[:_EVENT_ROWS]):
        date, *others = row_cells(event)
        cells = f'<td style="text-align:left;white-space:nowrap">{_e(date)}</td>' + "".join(
            f'<td style="text-align:left">{_e(shorten(cell, _CELL_CHARS))}</td>' for cell in others
        )
        rows.append(f'<tr><td style="white-space:nowrap">{_swatch(index)}{index}</td>{cells}</tr>')
    more = len(events) - _EVENT_ROWS
    tail = f"<p>… and {more:,} more events</p>" if more > 0 else ""
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>{tail}"


def _relations(report: Report) -> str:
    """The relations between the report's events, by their numbers in the table."""
    number = {event.id: index for index, event in enumerate(report.events)}

    def end(ref: str) -> str:
        index = number.get(ref)
        if index is None:
            return _e(shorten(ref, _CELL_CHARS))
        return f"{_swatch(index)}#{index} {_e(report.events[index].type_tag)}"

    items = []
    for link in report.relations[:_EVENT_ROWS]:
        sure = f' <span style="{_MUTED}">({link.confidence:.2f})</span>' if link.confidence else ""
        items.append(
            f"<li>{end(link.source_ref)} <strong>{_e(link.kind)}</strong> "
            f"{end(link.target_ref)}{sure}</li>"
        )
    more = len(report.relations) - _EVENT_ROWS
    tail = f"<p>… and {more:,} more relations</p>" if more > 0 else ""
    return (
        f"<details open><summary><strong>Relations</strong> ({len(report.relations):,})"
        f"</summary><ul>{''.join(items)}</ul>{tail}</details>"
    )


def _cards(events: Sequence[Event]) -> str:
    cards = [
        f'<div style="display:flex;align-items:flex-start">'
        f'<div style="padding-top:10px">{_swatch(index)}</div>{event_html(event)}</div>'
        for index, event in enumerate(events[:_CARDS])
    ]
    more = len(events) - _CARDS
    if more > 0:
        cards.append(f"<p>… and {more:,} more events</p>")
    return (
        f"<details open><summary><strong>Events</strong> ({len(events):,})</summary>"
        f"{''.join(cards)}</details>"
    )


def _text(text: str, events: Sequence[Event]) -> str:
    shown = min(len(text), _TEXT_CHARS)
    segments, mismatched = highlight_segments(text, events, limit=shown)
    pieces = []
    for start, end, covering, field in segments:
        chunk = _e(text[start:end])
        if not covering:
            pieces.append(chunk)
            continue
        stress = "font-weight:600;text-decoration:underline" if field else ""
        names = "; ".join(f"#{index} {events[index].type_tag}" for index in covering)
        pieces.append(
            f'<mark style="background:{_background(covering)};padding:0;{stress}" '
            f'title="{_e(names)}">{chunk}</mark>'
        )
    notes = []
    if shown < len(text):
        notes.append(f"… and {len(text) - shown:,} more characters")
    if mismatched:
        notes.append(f"{_plural(mismatched, 'evidence span')} not matching the text, not shown")
    note = f'<div style="{_MUTED}">{_e("; ".join(notes))}</div>' if notes else ""
    label = f"{_plural(len(text), 'character')}; evidence highlighted, fields underlined"
    return (
        f"<details open><summary><strong>Text</strong> "
        f'<span style="{_MUTED}">({label})</span></summary>'
        f'<div style="{_TEXT_BOX}">{"".join(pieces)}</div>{note}</details>'
    )


def _background(covering: tuple[int, ...]) -> str:
    """The colour of one event, or stripes of the first few when events overlap."""
    colors = [_PALETTE[index % len(_PALETTE)] for index in covering[:_STRIPES]]
    if len(colors) == 1:
        return colors[0]
    stops = ",".join(
        f"{color} {position * 6}px {(position + 1) * 6}px" for position, color in enumerate(colors)
    )
    return f"repeating-linear-gradient(135deg,{stops})"


def highlight_segments(
    text: str, events: Sequence[Event], *, limit: int | None = None
) -> tuple[list[Segment], int]:
    """``text[:limit]`` cut into consecutive segments, each with the (indexes of the)
    events whose evidence covers it and whether a field span (a span inside a larger
    span of the same event) covers it; also the number of spans that do not match
    the text (left out).

    >>> import secevents as se
    >>> text = "Drills began in Dushanbe."
    >>> ev = se.Statement(evidence=(se.Evidence.of(text, text), se.Evidence.of(text, "Dushanbe")))
    >>> highlight_segments(text, [ev])
    ([(0, 16, (0,), False), (16, 24, (0,), True), (24, 25, (0,), False)], 0)
    """
    end_of_text = len(text) if limit is None else min(limit, len(text))
    marks: list[tuple[int, int, int, bool]] = []  # position, +1/-1, event, field
    mismatched = 0
    for index, event in enumerate(events):
        spans: dict[tuple[int, int], bool] = {}  # span -> it names the field it supports
        for span in event.evidence[:_SPANS_PER_EVENT]:
            if text[span.start : span.end] != span.text:
                mismatched += 1
            elif span.start < min(span.end, end_of_text):
                key = (span.start, min(span.end, end_of_text))
                spans[key] = spans.get(key, False) or getattr(span, "field", None) is not None
        widest_end = -1
        for (start, end), named in sorted(spans.items(), key=lambda s: (s[0][0], -s[0][1])):
            # A field span says so (wire format 2), or lies inside a larger span of the event.
            field = named or widest_end >= end
            widest_end = max(widest_end, end)
            marks += [(start, 1, index, field), (end, -1, index, field)]
    marks.sort(key=lambda m: (m[0], m[1]))
    segments: list[Segment] = []
    active: dict[int, int] = {}
    fields = 0
    position = 0
    for at, step, index, field in marks:
        if at > position:
            segments.append((position, at, tuple(sorted(active)), fields > 0))
            position = at
        active[index] = active.get(index, 0) + step
        if not active[index]:
            del active[index]
        fields += step if field else 0
    if position < end_of_text:
        segments.append((position, end_of_text, (), False))
    return segments, mismatched
