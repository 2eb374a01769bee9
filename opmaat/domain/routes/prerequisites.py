"""The order in which units can be followed, respecting prerequisites."""

from __future__ import annotations

import heapq
from collections.abc import Callable, Mapping, Sequence

from opmaat.domain.routes.errors import PrerequisiteCycle


def order_by_prerequisites(
    codes: Sequence[str], requires: Callable[[str], Sequence[str]]
) -> list[str]:
    """`codes` (distinct) in an order where every unit comes after the units it requires.

    Kahn's algorithm (Kahn 1962, "Topological sorting of large networks"):
    1. Keep only prerequisite edges between units in `codes`.
    2. Units with no unmet prerequisite are ready; take the one earliest in `codes`
       (the target's order, basisdeel first), so the result is deterministic.
    3. Taking a unit may make the units that require it ready; repeat until none is ready.
    4. Units left over lie on a cycle: raise PrerequisiteCycle naming one.
    """
    rank = {code: i for i, code in enumerate(codes)}
    needs = {code: [r for r in requires(code) if r in rank] for code in codes}
    waiting = {code: len(set(reqs)) for code, reqs in needs.items()}
    dependants: dict[str, list[str]] = {code: [] for code in codes}
    for code, reqs in needs.items():
        for needed in set(reqs):
            dependants[needed].append(code)
    ready = [rank[code] for code in codes if waiting[code] == 0]
    heapq.heapify(ready)
    order: list[str] = []
    while ready:
        code = codes[heapq.heappop(ready)]
        order.append(code)
        for dependant in dependants[code]:
            waiting[dependant] -= 1
            if waiting[dependant] == 0:
                heapq.heappush(ready, rank[dependant])
    if len(order) < len(codes):
        raise PrerequisiteCycle(find_cycle(set(codes) - set(order), needs))
    return order


def find_cycle(left: set[str], needs: Mapping[str, Sequence[str]]) -> list[str]:
    """A cycle among `left`: each unit left over still requires another one left over."""
    path = [min(left)]
    while True:
        step = min(r for r in needs[path[-1]] if r in left)
        if step in path:
            return [*path[path.index(step) :], step]
        path.append(step)
