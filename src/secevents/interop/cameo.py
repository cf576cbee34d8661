"""CAMEO: the pinned 1.1b3 event code table, code repair, actor codes and the type mapping.

GDELT and ICEWS code events in CAMEO. Labels come from one pinned table (CAMEO 1.1b3,
``secevents/data/cameo_1.1b3.tsv``): tables found in the wild disagree (one gives 163
"Halt negotiations" for the manual's "Impose embargo"), so no other table is trusted.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib import resources
from typing import Any, Final

import attrs

from .._once import load_once
from ..errors import shown
from ..model.actors import STATE_KINDS, Actor
from ..model.coded import CodedEvent
from ..model.codes import is_country_code
from ..model.events import BaseConstruction, DiplomaticCommunique, Event, JointExercise, Statement
from ..model.vocab import ActorKind, ConstructionStatus, Factuality, Medium

__all__ = [
    "CameoCode",
    "cameo_actor",
    "cameo_country",
    "cameo_event",
    "cameo_table",
    "dyad",
    "lookup",
    "pad_cameo",
    "suggest_cameo",
]

#: CAMEO verbal acts of category 01 read as a :class:`~secevents.Statement` (017, a
#: symbolic act such as a vigil, and 014, reviewing a policy, are not remarks).
STATEMENT_CODES: Final = frozenset({"010", "011", "012", "013", "015", "016", "018", "019"})
#: CAMEO 114 "Complain officially": written, institutionalised protests.
COMPLAINT_CODE: Final = "114"

#: CAMEO international region codes (manual table 3.3): not countries.
REGION_CODES: Final = frozenset(
    {
        *("AFR", "ASA", "BLK", "CRB", "CAU", "CFR", "CAS", "CEU", "EIN", "EAF", "EEU", "EUR"),
        *("LAM", "MEA", "MDT", "NAF", "NMR", "PGS", "SCN", "SAM", "SAS", "SEA", "SAF", "WAF"),
        "WST",
    }
)
#: CAMEO country codes that are not the ISO 3166-1 alpha-3 of the country.
COUNTRY_EXCEPTIONS: Final = {
    "ROM": "ROU",  # Romania (pre-2002 UN code)
    "ZAR": "COD",  # Zaire / DR Congo
    "TMP": "TLS",  # East Timor
    "KOS": "XKX",  # Kosovo
    "WSB": "PSE",  # West Bank
    "GZS": "PSE",  # Gaza Strip
}
_ISO_TO_CAMEO: Final = {"COD": "COD", "ROU": "ROU", "TLS": "TLS", "XKX": "KOS", "PSE": "PSE"}
#: CAMEO special organisation codes (manual table 3.4) of organisations secevents codes.
KNOWN_GROUPS: Final = {
    "UNO": "UN",
    "NAT": "NATO",
    "EEC": "EU",
    "ASN": "ASEAN",
    "GCC": "GCC",
    "ARL": "ARAB_LEAGUE",
    "SCE": "OSCE",
    "CIS": "CIS",
    "OIC": "OIC",
    "WAS": "ECOWAS",
    "SAD": "SADC",
    "IAD": "IGAD",
    "OAS": "OAS",
    "OPC": "OPEC",
    "COE": "COE",
    "ITP": "INTERPOL",
    "ICC": "ICC",
    "GOS": "G7",
}
_GROUP_OF_CODE: Final = {code: group for group, code in KNOWN_GROUPS.items()}
#: CAMEO role codes (manual table 3.1) that say what kind of actor it is.
ROLE_KINDS: Final = {
    "GOV": ActorKind.GOVERNMENT,
    "LEG": ActorKind.GOVERNMENT,
    "JUD": ActorKind.GOVERNMENT,
    "COP": ActorKind.GOVERNMENT,
    "SPY": ActorKind.GOVERNMENT,
    "MIL": ActorKind.MILITARY,
    "REB": ActorKind.ARMED_GROUP,
    "INS": ActorKind.ARMED_GROUP,
    "SEP": ActorKind.ARMED_GROUP,
    "UAF": ActorKind.ARMED_GROUP,
    "IMG": ActorKind.ARMED_GROUP,
    "MED": ActorKind.MEDIA,
    "IGO": ActorKind.ORGANIZATION,
}
_KIND_ROLES: Final = {
    ActorKind.GOVERNMENT: "GOV",
    ActorKind.MILITARY: "MIL",
    ActorKind.ARMED_GROUP: "REB",
    ActorKind.MEDIA: "MED",
    ActorKind.ORGANIZATION: "IGO",
}

Warn = Callable[[str, str], None]
_SPEAKER_KINDS: Final = STATE_KINDS | {ActorKind.PERSON}


@attrs.frozen
class CameoCode:
    """One code of the pinned CAMEO 1.1b3 table.

    >>> lookup("062")
    CameoCode(code='062', name='Cooperate militarily', goldstein=7.4, root='06')
    """

    code: str
    name: str
    goldstein: float
    root: str


@load_once
def cameo_table() -> Mapping[str, CameoCode]:
    """Every CAMEO 1.1b3 code (root codes ``01``..``20`` included), loaded once.

    >>> len(cameo_table()), cameo_table()["163"].name
    (312, 'Impose embargo, boycott, or sanctions')
    """
    text = resources.files("secevents").joinpath("data/cameo_1.1b3.tsv").read_text("utf-8")
    table: dict[str, CameoCode] = {}
    for line in text.splitlines()[3:]:
        code, name, goldstein, root = line.split("\t")
        table[code] = CameoCode(code, name, float(goldstein), root)
    return table


def lookup(code: str) -> CameoCode | None:
    """The table entry of ``code`` (exact, already padded), or ``None``.

    >>> lookup("0841").name, lookup("841")
    ('Return, release person(s)', None)
    """
    return cameo_table().get(code)


def pad_cameo(code: str) -> tuple[str, bool]:
    """An event code with its stripped leading zero put back, and whether it changed.

    Event codes have three or four digits: ``"62"`` is ``"062"`` and ``"841"`` is
    ``"0841"`` (there is no code 841, and no code is both ``x`` and ``0x``). A code
    that is not in the table even so is returned unchanged.

    >>> pad_cameo("62"), pad_cameo("841"), pad_cameo("173"), pad_cameo("999")
    (('062', True), ('0841', True), ('173', False), ('999', False))
    """
    table = cameo_table()
    text = code.strip()
    if len(text) >= 3 and text in table:
        return text, text != code
    if text.isdigit():
        for candidate in (text.zfill(3), "0" + text):
            if len(candidate) >= 3 and candidate in table:
                return candidate, True
    return code, False


def _pair(actor: Actor | None, target: Actor | None) -> tuple[Actor, ...]:
    return tuple(a for a in (actor, target) if a is not None)


def cameo_event(
    code: str, actor: Actor | None, target: Actor | None
) -> tuple[type[Event], dict[str, Any]]:
    """The event type a (padded) CAMEO code is read as, and the fields the code and actors fill.

    062 is a :class:`~secevents.JointExercise`, 0312 a planned one; the verbal acts
    of :data:`STATEMENT_CODES` are a :class:`~secevents.Statement` when the speaker
    is a state, one of its organs or a person (an official: not "civilians"); 114 is a protest note
    (:class:`~secevents.DiplomaticCommunique`) when two different states are the
    sender and recipient. Everything else is a :class:`~secevents.CodedEvent`.

    >>> cls, fields = cameo_event("0312", Actor.state("RUS"), Actor.state("TJK"))
    >>> cls.__name__, fields["factuality"], [a.code for a in fields["participants"]]
    ('JointExercise', <Factuality.PLANNED: 'planned'>, ['RUS', 'TJK'])
    >>> cameo_event("173", None, None)[1]["label"]
    'Arrest, detain, or charge with legal action'
    """
    if code == "062":
        return JointExercise, {"participants": _pair(actor, target)}
    if code == "0312":
        return JointExercise, {
            "participants": _pair(actor, target),
            "factuality": Factuality.PLANNED,
        }
    if code in STATEMENT_CODES and actor is not None and actor.kind in _SPEAKER_KINDS:
        return Statement, {"speaker": actor, "audience": target}
    if (
        code == COMPLAINT_CODE
        and actor is not None
        and target is not None
        and actor.state_code is not None
        and target.state_code is not None
        and actor.state_code != target.state_code
    ):
        return DiplomaticCommunique, {
            "sender": actor,
            "recipient": target,
            "medium": Medium.PROTEST_NOTE,
        }
    entry = cameo_table().get(code)
    return CodedEvent, {
        "scheme": "cameo",
        "code": code,
        "label": entry.name if entry else None,
        "actor": actor,
        "target": target,
    }


def matches_code(event: Event, code: str) -> bool:
    """Whether ``event`` is what :func:`cameo_event` makes of ``code`` (type and factuality)."""
    if isinstance(event, CodedEvent):
        return event.scheme == "cameo" and event.code == code
    if isinstance(event, JointExercise):
        return code == ("0312" if event.factuality == Factuality.PLANNED else "062")
    if isinstance(event, Statement):
        return code in STATEMENT_CODES
    if isinstance(event, DiplomaticCommunique):
        return code == COMPLAINT_CODE and event.medium == Medium.PROTEST_NOTE
    return False


def dyad(event: Event) -> tuple[Actor | None, Actor | None]:
    """The source and target actors of an event, as a CAMEO-coded dataset has them.

    A lone participant of a joint exercise is the source (a row that had it as
    the target keeps its cells, so it is written back there).

    >>> dyad(Statement(speaker=Actor.state("TJK")))
    (Actor(name=None, kind=<ActorKind.STATE: 'state'>, code='TJK', ...), None)
    """
    if isinstance(event, CodedEvent):
        return event.actor, event.target
    if isinstance(event, Statement):
        return event.speaker, event.audience
    if isinstance(event, DiplomaticCommunique):
        return event.sender, event.recipient
    if isinstance(event, BaseConstruction):
        return event.builder, event.host
    if isinstance(event, JointExercise):
        people = event.participants
        return (people[0] if people else None), (people[1] if len(people) > 1 else None)
    actors = [role.actor for role in event.actors]
    return (actors[0] if actors else None), (actors[1] if len(actors) > 1 else None)


def suggest_cameo(event: Event) -> str | None:
    """The CAMEO 1.1b3 code that best describes a built-in event, for export.

    JointExercise: 062 "Cooperate militarily", 0312 when planned. Statement: 010.
    DiplomaticCommunique: 114 "Complain officially" for a protest note, 020 "Make an
    appeal or request" when it asks for something, else 010. BaseConstruction: 0312
    "Express intent to cooperate militarily" when proposed or planned, 057 "Sign
    formal agreement" when agreed, otherwise 062 for a base built in another state
    (military cooperation with the host) and 154 "Mobilize or increase armed forces"
    for a state's own base. A CAMEO :class:`~secevents.CodedEvent` keeps its code;
    other events get ``None``.

    >>> suggest_cameo(JointExercise(participants=(Actor.state("RUS"), Actor.state("TJK"))))
    '062'
    >>> suggest_cameo(BaseConstruction(builder=Actor.state("CHN"), host=Actor.state("TJK")))
    '062'
    """
    if isinstance(event, CodedEvent):
        return event.code if event.scheme == "cameo" else None
    if isinstance(event, JointExercise):
        return "0312" if event.factuality == Factuality.PLANNED else "062"
    if isinstance(event, Statement):
        return "010"
    if isinstance(event, DiplomaticCommunique):
        if event.medium == Medium.PROTEST_NOTE:
            return COMPLAINT_CODE
        return "020" if event.requests else "010"
    if isinstance(event, BaseConstruction):
        return _base_code(event)
    return None


def _base_code(event: BaseConstruction) -> str:
    if event.status == ConstructionStatus.PROPOSED or event.factuality == Factuality.PLANNED:
        return "0312"
    if event.status == ConstructionStatus.AGREED:
        return "057"
    builder = event.builder.state_code if event.builder else None
    host = event.host.state_code if event.host else None
    return "062" if builder and host and builder != host else "154"


def _no_warning(code: str, message: str) -> None:
    """Drop a warning (used when re-reading cells to compare them)."""


def cameo_country(code: str, warn: Warn = _no_warning) -> str | None:
    """The ISO alpha-3 code of a CAMEO country code; ``None`` for a region or an unknown code.

    >>> cameo_country("RUS"), cameo_country("ROM"), cameo_country("EUR")
    ('RUS', 'ROU', None)
    """
    if not code or code in REGION_CODES:
        return None
    iso = COUNTRY_EXCEPTIONS.get(code, code)
    if is_country_code(iso):
        return iso
    warn("unknown_country", f"{shown(code)} is not a CAMEO country code")
    return None


def cameo_actor(cells: Mapping[str, str], prefix: str, warn: Warn = _no_warning) -> Actor | None:
    """The actor of GDELT's ``<prefix>Code``, ``Name``, ``CountryCode``, group and type codes.

    ``RUSMIL`` with country ``RUS`` is ``Actor(kind=military, code="RUS", country="RUS")``;
    the first role code that says what an actor is sets its kind (GOV, LEG, JUD, COP,
    SPY: government; MIL: military; REB, INS, SEP, UAF: armed group; MED: media; IGO:
    organisation), a bare country code is a state, anything else is ``other``.

    >>> cameo_actor({"Actor1Code": "RUSMIL", "Actor1Name": "RUSSIA",
    ...              "Actor1CountryCode": "RUS", "Actor1Type1Code": "MIL"}, "Actor1")
    Actor(name='RUSSIA', kind=<ActorKind.MILITARY: 'military'>, code='RUS', country='RUS', ...)
    """
    code = cells.get(prefix + "Code", "")
    name = cells.get(prefix + "Name", "") or None
    if not code and not name:
        return None
    country_cell = cells.get(prefix + "CountryCode", "")
    country = cameo_country(country_cell, lambda c, m: warn(c, m)) if country_cell else None
    group = cells.get(prefix + "KnownGroupCode", "")
    kind = ActorKind.OTHER
    for column in ("Type1Code", "Type2Code", "Type3Code"):
        role = cells.get(prefix + column, "")
        if role in ROLE_KINDS:
            kind = ROLE_KINDS[role]
            break
    else:
        if group in KNOWN_GROUPS:
            kind = ActorKind.ORGANIZATION
        elif country is not None and code == country_cell:
            kind = ActorKind.STATE
    if kind in STATE_KINDS:
        if country is None:
            return Actor(kind=kind, name=name or code)
        # A state is its own country (``Actor.state``): ``country`` is for its organs.
        owner = None if kind == ActorKind.STATE else country
        return Actor(kind=kind, code=country, country=owner, name=name)
    org = KNOWN_GROUPS.get(group) if kind == ActorKind.ORGANIZATION else None
    if org is None and name is None:
        name = code
    return Actor(kind=kind, code=org, country=country, name=name)


def actor_cameo(actor: Actor | None, prefix: str) -> dict[str, str]:
    """GDELT's actor cells for an actor (the inverse of :func:`cameo_actor` where it can be).

    >>> actor_cameo(Actor.military("RUS"), "Actor1")["Actor1Code"]
    'RUSMIL'
    """
    if actor is None:
        return {}
    country = actor.state_code
    country_code = _ISO_TO_CAMEO.get(country, country) if country else ""
    role = _KIND_ROLES.get(actor.kind, "")
    group = _GROUP_OF_CODE.get(actor.code or "", "") if actor.kind == ActorKind.ORGANIZATION else ""
    if actor.kind == ActorKind.STATE:
        code = country_code
    elif actor.kind == ActorKind.ORGANIZATION:
        code = "IGO" + group
    else:
        code = country_code + role
    cells = {
        prefix + "Code": code or (actor.name or "").upper(),
        prefix + "Name": actor.name or "",
        prefix + "CountryCode": country_code,
        prefix + "KnownGroupCode": group,
        prefix + "Type1Code": role,
    }
    return {key: value for key, value in cells.items() if value}
