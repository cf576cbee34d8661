"""Sphinx configuration of the secevents documentation (MyST Markdown + autodoc).

Build with ``python -m sphinx -W --keep-going -b html docs docs/_build/html``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import secevents

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

project = "secevents"
author = "secevents developers"
copyright = "secevents developers"
release = secevents.__version__
version = release

extensions = ["myst_parser", "sphinx.ext.autodoc"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
# Document members in source order (each module's __all__ is alphabetical).
autodoc_default_options = {"ignore-module-all": True}

html_theme = "alabaster"
html_theme_options = {"description": "Typed security events, with their evidence."}


def _resolve_reexport(app: Sphinx, env: BuildEnvironment, node: Any, contnode: Any) -> Any:
    """Resolve ``secevents.Name`` (the public spelling) to the module that documents ``Name``.

    The reference documents each object under its defining module
    (``secevents.model.events.BaseConstruction``); docstrings refer to the
    re-export (``secevents.BaseConstruction``).
    """
    if node.get("refdomain") != "py":
        return None
    package, _, rest = str(node.get("reftarget", "")).partition(".")
    if package != "secevents" or not rest:
        return None
    name, dot, tail = rest.partition(".")
    obj = getattr(secevents, name, None)
    module = getattr(obj, "__module__", None)
    if obj is None or module in (None, "secevents") or not hasattr(obj, "__qualname__"):
        return None
    target = f"{module}.{obj.__qualname__}{dot}{tail}"
    domain = env.get_domain("py")
    return domain.resolve_xref(
        env, node["refdoc"], app.builder, node["reftype"], target, node, contnode
    )


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the re-export resolver."""
    app.connect("missing-reference", _resolve_reexport)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
