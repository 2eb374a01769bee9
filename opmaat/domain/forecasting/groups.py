"""Cells that can be run apart: upskilling links tie cells together, nothing else does."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from opmaat.domain.forecasting.model import Plan


def linked_components(plan: Plan) -> list[list[int]]:
    """The cells in groups joined by upskilling links (union-find), in plan order."""
    parent = list(range(len(plan.cells)))
    index = {cell: i for i, cell in enumerate(plan.cells)}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for link in plan.upskilling:
        parent[root(index[link.source])] = root(index[link.target])
    components: dict[int, list[int]] = {}
    for i in range(len(plan.cells)):
        components.setdefault(root(i), []).append(i)
    return list(components.values())


def cell_groups(plan: Plan, size: int) -> list[list[int]]:
    """Linked components packed in order into groups of about `size` cells (a larger
    component is a group of its own)."""
    groups: list[list[int]] = []
    for component in linked_components(plan):
        if groups and len(groups[-1]) + len(component) <= size:
            groups[-1].extend(component)
        else:
            groups.append(list(component))
    return groups


def restrict(plan: Plan, cells: Sequence[int]) -> Plan:
    """The plan of `cells` only, with the links between them."""
    chosen = [plan.cells[i] for i in cells]
    kept = set(chosen)
    return replace(
        plan,
        cells=tuple(chosen),
        workforce=plan.workforce[cells],
        fte_per_head=plan.fte_per_head[cells],
        demand=plan.demand[cells],
        starts=plan.starts[cells],
        enrolled=plan.enrolled[cells],
        rates=tuple(plan.rates[i] for i in cells),
        upskilling=tuple(
            link for link in plan.upskilling if link.source in kept and link.target in kept
        ),
        capacity=None if plan.capacity is None else plan.capacity[cells],
    )
