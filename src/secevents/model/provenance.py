"""Where an event's facts come from: the sources that report it and the text spans that state it."""

from __future__ import annotations

import attrs

from ..errors import FieldError, shown
from . import _validate as v
from ._forgiving import forgiving_fields
from ._methods import lazy_methods
from .dates import DateSpan
from .extra import UnknownKey, extra_field
from .vocab import SourceKind, to_source_kind

__all__ = ["Evidence", "Source"]


@attrs.frozen(kw_only=True, weakref_slot=False, field_transformer=forgiving_fields)
@lazy_methods
class Source:
    """A publisher (and page) that reports an event.

    >>> Source(publisher="Khaama Press", kind="news_agency").kind
    <SourceKind.NEWS_AGENCY: 'news_agency'>
    """

    publisher: str | None = attrs.field(default=None, validator=v.non_empty_text)
    url: str | None = attrs.field(default=None, validator=v.non_empty_text)
    published: DateSpan | None = attrs.field(default=None, validator=v.instance_of(DateSpan))
    kind: SourceKind | None = attrs.field(default=None, converter=to_source_kind)
    extra: tuple[UnknownKey, ...] = extra_field()

    def __attrs_post_init__(self) -> None:
        if self.publisher is None and self.url is None:
            raise FieldError("publisher", "a source needs a publisher or a url")


@attrs.frozen(kw_only=True, weakref_slot=False, field_transformer=forgiving_fields)
@lazy_methods
class Evidence:
    """A span of the report text: ``text == report_text[start:end]``.

    ``field`` names the event field the span supports (``date``, ``participants``,
    ``troops``...); it is None for the span that states the event itself.

    >>> Evidence.of("China is willing to build a base.", "build a base")
    Evidence(start=20, end=32, text='build a base', field=None)
    """

    start: int = attrs.field(validator=v.non_negative)
    end: int = attrs.field(validator=v.non_negative)
    text: str = attrs.field(validator=v.text)
    field: str | None = attrs.field(default=None, validator=v.non_empty_text)
    extra: tuple[UnknownKey, ...] = extra_field()

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise FieldError("end", f"end {self.end} is before start {self.start}")
        if len(self.text) != self.end - self.start:
            raise FieldError(
                "text",
                f"covers {len(self.text)} characters, but end - start is {self.end - self.start}",
            )

    @classmethod
    def span(cls, document: str, start: int, end: int, *, field: str | None = None) -> Evidence:
        """The evidence covering ``document[start:end]`` (supporting ``field``, if given)."""
        return cls(start=start, end=end, text=document[start:end], field=field)

    @classmethod
    def of(cls, document: str, quote: str, *, after: int = 0, field: str | None = None) -> Evidence:
        """The first occurrence of ``quote`` in ``document`` at or after ``after``."""
        start = document.find(quote, after)
        if start < 0:
            raise ValueError(f"{shown(quote)} does not occur in the document")
        return cls(start=start, end=start + len(quote), text=quote, field=field)
