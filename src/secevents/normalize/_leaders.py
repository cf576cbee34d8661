"""Which office-holder a name means: "President Bush" in 1990 or in 2005, "Sharif" in 2015.

The leaders table (``actors.json``, group ``person``) gives each person's terms; the
date of the text and the title written before the name choose among the people a
name may mean. A choice the evidence does not settle keeps what all candidates share
(their country, when they share it) and says so.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from ..model.dates import DateSpan
from ._names import Entry, Office, fold
from .result import TextWarning

__all__ = ["Holder", "date_window", "holder"]


class Holder(NamedTuple):
    """What the evidence settles about a named office-holder."""

    name: str | None  # the canonical name, when one person is meant
    country: str | None  # the state, when every candidate serves the same one
    title: str | None  # the office held then, when one person and one office are meant
    wikidata: str | None
    warning: TextWarning | None


def date_window(date: object) -> tuple[dt.date, dt.date] | None:
    """The first and last day ``date`` may mean (a date, a DateSpan or an EDTF string)."""
    if date is None:
        return None
    if isinstance(date, dt.datetime):
        date = date.date()
    if isinstance(date, dt.date):
        return date, date
    if isinstance(date, str):
        date = DateSpan.parse(date)
    if isinstance(date, DateSpan):
        return (date.earliest or dt.date.min, date.latest or dt.date.max)
    raise TypeError(f"date must be a date, a DateSpan or an EDTF string, not {date!r}")


def _title_fits(office: Office, title: str | None) -> bool:
    if title is None:
        return True
    written, held = fold(title), fold(office.title)
    return written == held or written.endswith(held) or held.endswith(written)


def holder(
    entries: tuple[Entry, ...], said: str, title: str | None, window: tuple[dt.date, dt.date] | None
) -> Holder:
    """The person ``said`` (with ``title`` written before it) means at the time ``window``."""
    people = [e for e in entries if e.type == "person"]
    fitting = [
        (person, office)
        for person in people
        for office in person.offices
        if _title_fits(office, title) and (window is None or office.during(*window))
    ]
    if not fitting and title is not None:
        # The title of the text may be another of the person's offices ("Mr Putin").
        return holder(entries, said, None, window)
    if not fitting:  # not in office then: still the person, of the state they served
        fitting = [(person, office) for person in people for office in person.offices]
    persons = {person for person, _ in fitting}
    countries = {office.country for _, office in fitting}
    country = next(iter(countries)) if len(countries) == 1 else None
    if len(persons) == 1:
        (person,) = persons
        titles = {office.title for _, office in fitting}
        office_title = next(iter(titles)) if len(titles) == 1 else None
        return Holder(person.name, country, office_title, person.wikidata, None)
    names = ", ".join(sorted({p.name or "" for p in persons}))
    hint = "" if window is not None else "; pass date= to decide"
    warning = TextWarning("ambiguous_person", f"{said!r} may be {names}{hint}")
    return Holder(None, country, None, None, warning)
