from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.edge import Edge
    from ..models.node import Node


T = TypeVar("T", bound="Graph")


@_attrs_define
class Graph:
    """Contacts and the relationships among them.

    Attributes:
        edges (list[Edge]):
        nodes (list[Node]):
        truncated (bool): More contacts match than `limit` nodes: the graph shows the first by
            name, and the edges among them.
    """

    edges: list[Edge]
    nodes: list[Node]
    truncated: bool

    def to_dict(self) -> dict[str, Any]:
        edges = []
        for edges_item_data in self.edges:
            edges_item = edges_item_data.to_dict()
            edges.append(edges_item)

        nodes = []
        for nodes_item_data in self.nodes:
            nodes_item = nodes_item_data.to_dict()
            nodes.append(nodes_item)

        truncated = self.truncated

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "edges": edges,
                "nodes": nodes,
                "truncated": truncated,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.edge import Edge
        from ..models.node import Node

        d = dict(src_dict)
        edges = []
        _edges = d.pop("edges")
        for edges_item_data in _edges:
            edges_item = Edge.from_dict(edges_item_data)

            edges.append(edges_item)

        nodes = []
        _nodes = d.pop("nodes")
        for nodes_item_data in _nodes:
            nodes_item = Node.from_dict(nodes_item_data)

            nodes.append(nodes_item)

        truncated = d.pop("truncated")

        graph = cls(
            edges=edges,
            nodes=nodes,
            truncated=truncated,
        )

        return graph
