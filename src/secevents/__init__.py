"""secevents: typed security events from news reports and datasets, with their evidence.

>>> import secevents as se
>>> ev = se.JointExercise(participants=(se.Actor.state("RUS"), se.Actor.state("TJK")))
>>> se.loads(se.dumps(ev)) == ev
True
"""

from __future__ import annotations

import importlib
import sys
import warnings
from typing import TYPE_CHECKING, Any, Final

# The notebook package registers the views events show in Jupyter (its renderers and
# the collection still load on first use).
from . import _moved, notebook  # noqa: F401
from .errors import (
    FieldError,
    Problem,
    SchemaVersionError,
    UnknownTypeError,
    ValidationError,
)
from .model.actors import Actor
from .model.amounts import Equipment, Money, Quantity
from .model.coded import CodedEvent
from .model.codes import is_country_code, is_currency_code, is_subdivision_code
from .model.dates import Bound, DatePrecision, DateSpan, PartialDate, by_date
from .model.events import (
    SCHEMA_VERSION,
    BaseConstruction,
    DiplomaticCommunique,
    Event,
    JointExercise,
    RoleActor,
    Statement,
    UnknownEvent,
)
from .model.extra import UnknownKey
from .model.history import new_version, revoke
from .model.places import Location
from .model.provenance import Evidence, Source
from .model.registry import EventRegistry, registry
from .model.relation import Relation, RelationKind
from .model.report import Report
from .model.vocab import (
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
    from .limits import Limits
    from .linking.ledger import EventLedger, RecordVersion
    from .linking.merging import cluster, link_duplicates, merge
    from .linking.similarity import Similarity, similarity
    from .notebook.collection import EventCollection
    from .wire.converter import configure_converter, make_converter
    from .wire.schema import event_schema, json_schema, relation_schema
    from .wire.serialize import (
        dumps,
        from_dict,
        get_converter,
        loads,
        parse,
        read_jsonl,
        to_dict,
        write_jsonl,
    )
    from .wire.versions import register_upcaster, upcasters

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


_moved.install(sys.modules[__name__])

# The subpackages a user imports (docs/architecture.md); the rest of the namespace is
# what __all__ names.
_PUBLIC_MODULES: Final = (
    "errors", "extraction", "interop", "limits", "linking", "model", "normalize", "notebook",
    "testing", "wire",
)  # fmt: skip


#: The public names of the layers above the model -> the module that defines them.
#: They load on first use (PEP 562), so that ``import secevents`` loads the model
#: only: not cattrs and the converter, the linking code, the text parser and its
#: tables, the notebook's collection, nor the readers' limits. ``from secevents import
#: dumps`` works alike.
_LAZY: Final = {
    **dict.fromkeys(("extract", "extract_many"), "extraction"),
    "Limits": "limits",
    **dict.fromkeys(("EventLedger", "RecordVersion"), "linking.ledger"),
    **dict.fromkeys(("cluster", "link_duplicates", "merge"), "linking.merging"),
    **dict.fromkeys(("Similarity", "similarity"), "linking.similarity"),
    "EventCollection": "notebook.collection",
    **dict.fromkeys(("configure_converter", "make_converter"), "wire.converter"),
    **dict.fromkeys(("event_schema", "json_schema", "relation_schema"), "wire.schema"),
    **dict.fromkeys(
        (
            "dumps", "from_dict", "get_converter", "loads", "parse", "read_jsonl", "to_dict",
            "write_jsonl",
        ),
        "wire.serialize",
    ),
    **dict.fromkeys(("register_upcaster", "upcasters"), "wire.versions"),
}  # fmt: skip


def __getattr__(name: str) -> Any:
    home = _LAZY.get(name)
    if home is not None:
        # importlib's module lock makes a first use from several threads load it once.
        value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
        globals()[name] = value
        return value
    if name in _PUBLIC_MODULES:  # loaded on first use, like the names above
        return importlib.import_module(f"{__name__}.{name}")
    old = f"{__name__}.{name}"
    if old in _moved.MOVED:  # an old module path, as an attribute
        warnings.warn(_moved.message(old), DeprecationWarning, stacklevel=2)
        module = importlib.import_module(_moved.MOVED[old])
        sys.modules.setdefault(old, module)
        return module
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*__all__, *_PUBLIC_MODULES})
