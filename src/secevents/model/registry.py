"""The registry of event types: type tag <-> class.

Defining a subclass of :class:`~secevents.Event` registers it; the serializers,
the JSON Schema and the test strategies all read the registry, so a user's
type takes part everywhere with no other step.
"""

from .events import EventRegistry, registry, same_definition, tag_from_class_name

__all__ = ["EventRegistry", "registry", "same_definition", "tag_from_class_name"]
