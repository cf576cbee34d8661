"""Events and their relations as a ``networkx`` graph, for network analysis.

Needs networkx (the ``secevents[graph]`` extra); it is imported on first use.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import Any

from ..model.events import Event
from ..model.relation import Relation

__all__ = ["event_graph"]


def event_graph(events: Iterable[Event], relations: Iterable[Relation] = ()) -> Any:
    """A ``networkx.MultiDiGraph``: a node per event id (attributes ``event``, ``type``,
    ``date``), an edge per relation from its ``source_ref`` to its ``target_ref`` (key:
    the relation id; attributes ``kind`` and ``relation``). An end that is not one of
    ``events`` is a node with ``event=None``.

    >>> import secevents as se
    >>> note = se.DiplomaticCommunique(content="More outposts.")
    >>> base = se.BaseConstruction(host=se.Actor.state("TJK"))
    >>> link = se.Relation(kind="about", source_ref=note.id, target_ref=base.id)
    >>> graph = event_graph([note, base], [link])
    >>> graph.number_of_nodes(), [kind for _, _, kind in graph.edges(data="kind")]
    (2, ['about'])
    """
    try:
        networkx = importlib.import_module("networkx")
    except ImportError:
        raise ImportError("graph() needs networkx: pip install 'secevents[graph]'") from None
    graph = networkx.MultiDiGraph()
    for event in events:
        graph.add_node(event.id, event=event, type=event.type_tag, date=event.date)
    for relation in relations:
        for ref in (relation.source_ref, relation.target_ref):
            if ref not in graph:
                graph.add_node(ref, event=None, type=None, date=None)
        graph.add_edge(
            relation.source_ref,
            relation.target_ref,
            key=relation.id,
            kind=relation.kind,
            relation=relation,
        )
    return graph
