"""secevents: typed security events from news reports and datasets, with their evidence.

>>> import secevents as se
>>> ev = se.JointExercise(participants=(se.Actor.state("RUS"), se.Actor.state("TJK")))
>>> se.loads(se.dumps(ev)) == ev
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .actors import Actor
from .amounts import Equipment, Money, Quantity
from .coded import CodedEvent
from .codes import is_country_code, is_currency_code, is_subdivision_code
from .collection import EventCollection
from .converter import configure_converter, make_converter
from .dates import Bound, DatePrecision, DateSpan, PartialDate, by_date
from .errors import (
    FieldError,
    Problem,
    SchemaVersionError,
    UnknownTypeError,
    ValidationError,
)
from .events import (
    BaseConstruction,
    DiplomaticCommunique,
    Event,
    JointExercise,
    RoleActor,
    Statement,
    UnknownEvent,
)
from .extra import UnknownKey
from .history import new_version, revoke
from .ledger import EventLedger, RecordVersion
from .limits import Limits
from .merging import cluster, link_duplicates, merge
from .places import Location
from .provenance import Evidence, Source
from .registry import EventRegistry, registry
from .relation import Relation, RelationKind
from .report import Report
from .schema import event_schema, json_schema, relation_schema
from .serialize import (
    dumps,
    from_dict,
    get_converter,
    loads,
    parse,
    read_jsonl,
    to_dict,
    write_jsonl,
)
from .similarity import Similarity, similarity
from .versions import SCHEMA_VERSION, register_upcaster, upcasters
from .vocab import (
    ActorKind,
    ConstructionStatus,
    Domain,
    EquipmentKind,
    Facility,
    Factuality,
    LocationPrecision,
    Medium,
    Qualifier,
    SourceKind,
)

if TYPE_CHECKING:
    from .extraction import extract, extract_many

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Actor",
    "ActorKind",
    "BaseConstruction",
    "Bound",
    "CodedEvent",
    "ConstructionStatus",
    "DatePrecision",
    "DateSpan",
    "DiplomaticCommunique",
    "Domain",
    "Equipment",
    "EquipmentKind",
    "Event",
    "EventCollection",
    "EventLedger",
    "EventRegistry",
    "Evidence",
    "Facility",
    "Factuality",
    "FieldError",
    "JointExercise",
    "Limits",
    "Location",
    "LocationPrecision",
    "Medium",
    "Money",
    "PartialDate",
    "Problem",
    "Qualifier",
    "Quantity",
    "RecordVersion",
    "Relation",
    "RelationKind",
    "Report",
    "RoleActor",
    "SchemaVersionError",
    "Similarity",
    "Source",
    "SourceKind",
    "Statement",
    "UnknownEvent",
    "UnknownKey",
    "UnknownTypeError",
    "ValidationError",
    "__version__",
    "by_date",
    "cluster",
    "configure_converter",
    "dumps",
    "event_schema",
    "extract",
    "extract_many",
    "from_dict",
    "get_converter",
    "is_country_code",
    "is_currency_code",
    "is_subdivision_code",
    "json_schema",
    "link_duplicates",
    "loads",
    "make_converter",
    "merge",
    "new_version",
    "parse",
    "read_jsonl",
    "register_upcaster",
    "registry",
    "relation_schema",
    "revoke",
    "similarity",
    "to_dict",
    "upcasters",
    "write_jsonl",
]


def __getattr__(name: str) -> Any:
    # The text parser loads the normalizers and their tables: only on first use, so
    # that importing secevents stays cheap.
    if name in ("extract", "extract_many"):
        from . import extraction

        value = getattr(extraction, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
