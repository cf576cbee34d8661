"""Views of model objects that the layers above provide, looked up when asked for.

The model sits below the notebook layer and cannot import it; the notebook registers
its views here when it is imported (``import secevents`` does), and an object's
``_repr_html_`` or :meth:`~secevents.Report.to_collection` looks its view up by name
when called. Nothing heavy loads until a view is used.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["register_view", "view"]

_VIEWS: dict[str, Callable[[Any], Any]] = {}


def register_view(name: str, make: Callable[[Any], Any]) -> None:
    """Provide the view ``name`` (``"html"``, ``"report_html"``, ``"collection"``)."""
    _VIEWS[name] = make


def view(name: str, obj: Any) -> Any:
    """The view ``name`` of ``obj``, made by the function registered for it.

    >>> import secevents as se
    >>> view("html", se.Statement(content="No comment.")).startswith("<div")
    True
    """
    make = _VIEWS.get(name)
    if make is None:
        raise LookupError(f"no {name!r} view is registered: import secevents.notebook first")
    return make(obj)
