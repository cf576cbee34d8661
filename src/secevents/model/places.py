"""Where an event happens: a named place, its country, coordinates and relations.

"near the Tajik-Afghan border" is ``Location(country="TJK", border_with="AFG",
precision=BORDER, near=True)``.
"""

from __future__ import annotations

import attrs

from ..errors import FieldError
from . import _validate as v
from ._forgiving import forgiving_fields
from ._methods import lazy_methods
from .extra import UnknownKey, extra_field
from .vocab import LocationPrecision, to_location_precision

__all__ = ["Location"]


@attrs.frozen(kw_only=True, weakref_slot=False, field_transformer=forgiving_fields)
@lazy_methods
class Location:
    """A place, as precise as the source allows.

    >>> Location(name="Kulob", country="TJK", precision="settlement").precision
    <LocationPrecision.SETTLEMENT: 'settlement'>
    """

    name: str | None = attrs.field(default=None, validator=v.non_empty_text)
    country: str | None = attrs.field(default=None, validator=v.country_code)
    admin1: str | None = attrs.field(default=None, validator=v.subdivision_code)
    lat: float | None = attrs.field(default=None, validator=v.in_range(-90, 90))
    lon: float | None = attrs.field(default=None, validator=v.in_range(-180, 180))
    precision: LocationPrecision | None = attrs.field(default=None, converter=to_location_precision)
    geonames_id: int | None = attrs.field(default=None, validator=v.non_negative)
    border_with: str | None = attrs.field(default=None, validator=v.country_code)
    near: bool = attrs.field(default=False, validator=v.instance_of(bool))
    extra: tuple[UnknownKey, ...] = extra_field()

    def __attrs_post_init__(self) -> None:
        if (self.lat is None) != (self.lon is None):
            raise FieldError("lon" if self.lon is None else "lat", "lat and lon go together")
        if self.border_with is not None and self.border_with == self.country:
            raise FieldError("border_with", "a country has no border with itself")
        if self.name is None and self.country is None and self.lat is None:
            raise FieldError("name", "a location needs a name, a country or coordinates")
