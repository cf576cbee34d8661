"""Rendering events for people: short plain-text descriptions, HTML cards and tables.

Used by ``Event._repr_html_`` and :class:`~secevents.notebook.collection.EventCollection`'s
reprs in Jupyter and terminals. Every piece of event text goes through
:func:`html.escape`, so a report quoting ``<script>`` shows it as text.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from enum import Enum
from typing import Any, Final

import attrs
import orjson

from ..model.actors import Actor
from ..model.amounts import Equipment, Money, Quantity
from ..model.dates import DateSpan
from ..model.events import Event
from ..model.places import Location
from ..model.provenance import Evidence, Source

__all__ = [
    "COLUMNS",
    "collection_html",
    "describe",
    "event_html",
    "row_cells",
    "shorten",
    "text_table",
]

_COMMON: Final = frozenset(field.name for field in attrs.fields(Event))
_HEDGES: Final = {
    "exact": "",
    "approx": "about ",
    "more_than": "more than ",
    "at_least": "at least ",
    "less_than": "less than ",
    "at_most": "at most ",
    "up_to": "up to ",
}
_SUMMARY_FIELDS: Final = ("summary", "name", "content", "label", "purpose")
_MAX_EVIDENCE: Final = 3
_EVIDENCE_CHARS: Final = 240
_CELL_CHARS: Final = 120
#: Column names of the table views (text and HTML) of a collection.
COLUMNS: Final = ("date", "type", "actors", "place", "summary")

_CARD_STYLE: Final = (
    "border:1px solid #ccc;border-radius:4px;padding:6px 10px;margin:4px 0;"
    "font-size:90%;max-width:48em"
)


def shorten(text: str, width: int) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis.

    >>> shorten("Russian and Tajik troops\\nheld drills", 20)
    'Russian and Tajik t…'
    """
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: max(width - 1, 0)] + "…"


def _number(value: Any) -> str:
    return f"{value:,}"


def describe(value: Any) -> str:
    """A short plain-text description of a field value (not escaped).

    >>> import secevents as se
    >>> describe(se.Quantity(5000, qualifier="approx", unit="troops"))
    'about 5,000 troops'
    >>> describe(se.Location(name="Kulob", country="TJK"))
    'Kulob, TJK'
    >>> describe((se.Actor.state("RUS"), se.Actor.person("Emomali Rahmon", country="TJK")))
    'RUS, Emomali Rahmon (TJK)'
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, tuple):
        return ", ".join(describe(item) for item in value)
    if isinstance(value, DateSpan):
        return str(value)
    for kind, render in _RENDERERS:
        if isinstance(value, kind):
            return render(value)
    if attrs.has(type(value)):
        from ..wire.serialize import to_dict

        return orjson.dumps(to_dict(value)).decode()
    return str(value)


def _actor(actor: Actor) -> str:
    if actor.code is not None:
        return actor.code if actor.name is None else f"{actor.name} ({actor.code})"
    name = actor.name or ""
    return f"{name} ({actor.country})" if actor.country else name


def _location(place: Location) -> str:
    parts = [place.name, place.admin1, place.country]
    text = ", ".join(dict.fromkeys(part for part in parts if part))
    if place.border_with:
        text = (
            f"{text} (border with {place.border_with})" if text else f"{place.border_with} border"
        )
    if not text and place.lat is not None:
        text = f"{place.lat:.4f}, {place.lon:.4f}"
    return f"near {text}" if place.near else text


def _quantity(quantity: Quantity) -> str:
    if quantity.value is not None:
        amount = _number(quantity.value)
    elif quantity.low is not None and quantity.high is not None:
        amount = f"{_number(quantity.low)}–{_number(quantity.high)}"
    else:
        bound = quantity.low if quantity.low is not None else quantity.high
        amount = _number(bound)
    text = _HEDGES[quantity.qualifier.value] + amount
    return f"{text} {quantity.unit}" if quantity.unit else text


def _money(money: Money) -> str:
    return f"{_HEDGES[money.qualifier.value]}{money.amount:,f} {money.currency}"


def _equipment(item: Equipment) -> str:
    kind = item.kind.value.replace("_", " ")
    if item.quantity is None:
        return kind
    count = _quantity(attrs.evolve(item.quantity, unit=None))
    unit = item.quantity.unit
    return (
        f"{count} {kind}" if unit in (None, item.kind.value, kind) else f"{count} {unit} ({kind})"
    )


def _source(source: Source) -> str:
    return source.publisher or source.url or ""


def _evidence(span: Evidence) -> str:
    return span.text


_RENDERERS: Final[tuple[tuple[type[Any], Callable[[Any], str]], ...]] = (
    (Actor, _actor),
    (Location, _location),
    (Quantity, _quantity),
    (Money, _money),
    (Equipment, _equipment),
    (Source, _source),
    (Evidence, _evidence),
)


def _type_label(event: Event) -> str:
    scheme, code = getattr(event, "scheme", None), getattr(event, "code", None)
    if isinstance(scheme, str) and isinstance(code, str):
        return f"{event.type_tag} ({scheme} {code})"
    return event.type_tag


def _summary(event: Event) -> str:
    for name in _SUMMARY_FIELDS:
        value = getattr(event, name, None)
        if isinstance(value, str) and value.strip():
            return value
    return event.evidence[0].text if event.evidence else ""


def row_cells(event: Event) -> tuple[str, str, str, str, str]:
    """The cells of ``event``'s row in a collection table: date, type, actors, place, summary.

    >>> import secevents as se
    >>> row_cells(se.Statement(speaker=se.Actor.state("TJK"), content="No comment."))
    ('', 'statement', 'TJK', '', 'No comment.')
    """
    actors = dict.fromkeys(describe(actor) for _, actor in event.actors)
    return (
        describe(event.date),
        _type_label(event),
        ", ".join(actors),
        describe(event.location),
        _summary(event),
    )


# -- HTML --------------------------------------------------------------------------


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _link(source: Source) -> str:
    label = _e(_source(source))
    url = source.url
    if url is not None and url.lower().startswith(("https://", "http://")):
        return f'<a href="{_e(url)}" target="_blank" rel="noopener noreferrer">{label}</a>'
    return label


def _row(label: str, value_html: str) -> str:
    head = f'<th style="text-align:left;padding-right:1em">{_e(label)}</th>'
    return f"<tr>{head}<td>{value_html}</td></tr>"


def _key_fields(event: Event) -> list[tuple[str, str]]:
    roles = set(type(event)._actor_fields)
    found: list[tuple[str, str]] = []
    for field in attrs.fields(type(event)):
        if field.name in _COMMON or field.name in roles or not field.init:
            continue
        value = getattr(event, field.name)
        if value is None or value == () or value == "":
            continue
        found.append((field.name, describe(value)))
    return found


def event_html(event: Event) -> str:
    """A compact HTML card: type, date, actors by role, place, key fields, sources, evidence.

    >>> import secevents as se
    >>> card = event_html(se.Statement(content="<b>bold</b> claim"))
    >>> "&lt;b&gt;bold&lt;/b&gt; claim" in card and "<b>" not in card
    True
    """
    head = [f"<strong>{_e(_type_label(event))}</strong>"]
    for part in (describe(event.date), describe(event.factuality)):
        if part:
            head.append(_e(part))
    rows: list[str] = []
    roles: dict[str, list[str]] = {}
    for role, actor in event.actors:
        roles.setdefault(role, []).append(describe(actor))
    rows.extend(_row(role, _e(", ".join(names))) for role, names in roles.items())
    if event.location is not None:
        rows.append(_row("place", _e(describe(event.location))))
    rows.extend(_row(name, _e(shorten(text, _CELL_CHARS * 2))) for name, text in _key_fields(event))
    if event.summary:
        rows.append(_row("summary", _e(event.summary)))
    if event.reported is not None:
        rows.append(_row("reported", _e(str(event.reported))))
    if event.sources:
        rows.append(_row("sources", ", ".join(_link(source) for source in event.sources)))
    if event.confidence is not None:
        rows.append(_row("confidence", f"{event.confidence:.2f}"))
    if event.tags:
        rows.append(_row("tags", _e(", ".join(event.tags))))
    for item in event.extra:
        if item.key == "alternatives" and isinstance(item.value, dict):
            text = "; ".join(f"{k}: {orjson.dumps(v).decode()}" for k, v in item.value.items())
            rows.append(_row("alternatives", _e(shorten(text, _CELL_CHARS * 2))))
    parts = [
        f'<div class="secevents-event" style="{_CARD_STYLE}">',
        f"<div>{' · '.join(head)}</div>",
    ]
    if rows:
        parts.append(f"<table>{''.join(rows)}</table>")
    if event.evidence:
        quotes = "".join(
            f"<li><q>{_e(shorten(span.text, _EVIDENCE_CHARS))}</q></li>"
            for span in event.evidence[:_MAX_EVIDENCE]
        )
        more = len(event.evidence) - _MAX_EVIDENCE
        if more > 0:
            quotes += f"<li>… and {more} more</li>"
        parts.append(f'<ul style="margin:2px 0">{quotes}</ul>')
    parts.append(f'<div style="color:#888;font-size:80%">{_e(event.id)}</div></div>')
    return "".join(parts)


def collection_html(events: Sequence[Event], *, max_rows: int = 50) -> str:
    """An HTML table of ``events`` (date, type, actors, place, summary), cut after ``max_rows``.

    >>> import secevents as se
    >>> table = collection_html([se.Statement(content="a & b")] * 3, max_rows=2)
    >>> "a &amp; b" in table, "and 1 more" in table
    (True, True)
    """
    shown = events[:max_rows]
    noun = "event" if len(events) == 1 else "events"
    header = "".join(f"<th>{_e(name)}</th>" for name in ("#", *COLUMNS))
    body = "".join(_table_row(index, event) for index, event in enumerate(shown))
    more = len(events) - len(shown)
    tail = f"<p>… and {more} more</p>" if more > 0 else ""
    return (
        '<div class="secevents-collection">'
        f"<p><strong>EventCollection</strong>: {len(events)} {noun}</p>"
        f"<table><thead><tr>{header}</tr></thead><tbody>{body}</tbody></table>{tail}</div>"
    )


def _table_row(index: int, event: Event) -> str:
    date, *rest = row_cells(event)
    # A date never wraps ("2021-10-23/" over "2021-10-30" reads as two dates).
    cells = f'<td style="text-align:left;white-space:nowrap">{_e(date)}</td>' + "".join(
        f'<td style="text-align:left">{_e(shorten(cell, _CELL_CHARS))}</td>' for cell in rest
    )
    return f"<tr><td>{index}</td>{cells}</tr>"


def text_table(events: Sequence[Event], *, max_rows: int = 10) -> str:
    """The terminal view of a collection: a header line, aligned rows, then "... and K more".

    >>> import secevents as se
    >>> print(text_table([se.Statement(speaker=se.Actor.state("TJK"), content="No comment.")]))
    EventCollection: 1 event
      date  type       actors  place  summary
    0       statement  TJK            No comment.
    """
    noun = "event" if len(events) == 1 else "events"
    lines = [f"EventCollection: {len(events)} {noun}"]
    if not events:
        return lines[0]
    widths = (23, 28, 28, 24, 48)
    shown = events[:max_rows]
    rows = [
        tuple(shorten(cell, width) for cell, width in zip(row_cells(event), widths, strict=True))
        for event in shown
    ]
    table = [COLUMNS, *rows]
    sizes = [max(len(row[column]) for row in table) for column in range(len(COLUMNS))]
    numbers = [""] + [str(index) for index in range(len(shown))]
    pad = max(len(number) for number in numbers)
    for number, row in zip(numbers, table, strict=True):
        cells = "  ".join(cell.ljust(size) for cell, size in zip(row, sizes, strict=True))
        lines.append(f"{number.ljust(pad)}  {cells}".rstrip())
    if len(events) > len(shown):
        lines.append(f"... and {len(events) - len(shown)} more")
    return "\n".join(lines)
