"""``coded_event``: an event another dataset coded in its own scheme (CAMEO, PLOVER, UCDP, ACLED).

Importers map the codes that fit a built-in type (CAMEO 062 is a
:class:`~secevents.JointExercise`) and keep every other record as a
:class:`CodedEvent`, so nothing read is dropped.
"""

from __future__ import annotations

from typing import ClassVar

from .actors import Actor
from .amounts import Quantity
from .events import Event

__all__ = ["CodedEvent"]


class CodedEvent(Event):
    """An event kept with its source dataset's code (``coded_event``).

    ``scheme`` names the code book (``cameo``, ``plover``, ``ucdp``, ``acled``),
    ``code`` the code in it (CAMEO ``"0841"``, PLOVER ``"CONSULT"``, UCDP type of
    violence ``"1"``, ACLED ``"Battles/Armed clash"``), ``label`` its name in the
    pinned table. ``actor`` and ``target`` are the dataset's source and target
    (ACLED's actor 1 and 2, UCDP's side A and B); ``fatalities`` the deaths
    reported, with low and high where the dataset gives them.

    >>> import secevents as se
    >>> ev = se.CodedEvent(scheme="cameo", code="0841", label="Return, release person(s)",
    ...                    actor=se.Actor.state("AFG"))
    >>> se.loads(se.dumps(ev)) == ev
    True
    """

    type_tag: ClassVar[str] = "coded_event"

    scheme: str
    code: str
    label: str | None = None
    actor: Actor | None = None
    target: Actor | None = None
    fatalities: Quantity | None = None
