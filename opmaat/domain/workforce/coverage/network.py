"""The roster's flow network (step 2 of the coverage rule) and flow helpers."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time

import numpy as np
import numpy.typing as npt
from scipy.sparse import csr_matrix  # type: ignore[import-untyped]  # scipy ships no stubs
from scipy.sparse.csgraph import (  # type: ignore[import-untyped]  # scipy ships no stubs
    breadth_first_order,
    maximum_flow,
)

from opmaat.domain.workforce.capability import BoolMatrix, Capability
from opmaat.domain.workforce.coverage.model import ShiftNeed

SOURCE, SINK = 0, 1


@dataclass(slots=True)
class Window:
    team: str
    day: date
    start: time
    end: time
    needs: list[ShiftNeed]
    rows: list[int]  # capability rows of the people on it


@dataclass(slots=True)
class RosterNetwork:
    """Step 2's network: source → person in window → need → sink, node numbers per
    window."""

    edges: Edges
    size: int
    need_nodes: list[list[int]]  # per window: a node per need
    supervised: dict[int, list[int]]  # per need node: rows on it that may only be supervised
    person_node: npt.NDArray[np.int64]  # every person node, in window order
    person_window: npt.NDArray[np.int64]  # per person node: its window
    person_row: npt.NDArray[np.int64]  # per person node: its capability row
    able_person: npt.NDArray[np.int64]  # per person → need edge: its person's index
    able_need: npt.NDArray[np.int64]  # per person → need edge: its need node

    def carried(self, flow: csr_matrix, labels: npt.NDArray[np.int64]) -> dict[int, list[int]]:
        """Per need node the labels (by row) of the people whose edge to it carries flow,
        in the window's row order: read as one array, then a Python step only per edge
        that carries."""
        if self.able_need.size == 0:
            return {}
        sent = np.asarray(flow[self.person_node[self.able_person], self.able_need]).ravel()
        positive = sent > 0
        carried: dict[int, list[int]] = defaultdict(list)
        rows = labels[self.person_row[self.able_person[positive]]].tolist()
        for need, row in zip(self.able_need[positive].tolist(), rows, strict=True):
            carried[need].append(row)
        return carried

    def people(
        self, reach: npt.NDArray[np.bool_], windows: int, labels: npt.NDArray[np.int64]
    ) -> list[list[int]]:
        """Per window the labels (by row) of its person nodes that `reach` marks, in row
        order."""
        moving = reach[self.person_node] if self.person_node.size else self.person_node > 0
        counts = np.bincount(self.person_window[moving], minlength=windows)
        return _pieces(labels[self.person_row[moving]].tolist(), counts)


def roster_network(capability: Capability, windows: Sequence[Window]) -> RosterNetwork:
    """Nodes: per window its people, then its needs. Edges built as arrays: every person
    of a window against every need of it, kept where the person may do the task alone.
    Node numbers come from the windows' sizes by cumulative sums, not a loop per node."""
    people = np.array([len(w.rows) for w in windows], dtype=np.int64)
    wants = np.array([len(w.needs) for w in windows], dtype=np.int64)
    first = 2 + np.concatenate([[0], np.cumsum(people + wants)[:-1]]).astype(np.int64)
    person_window = np.repeat(np.arange(len(windows), dtype=np.int64), people)
    need_window = np.repeat(np.arange(len(windows), dtype=np.int64), wants)
    person_node = first[person_window] + _ranks(people)
    need_node = first[need_window] + people[need_window] + _ranks(wants)
    person_row = np.array([r for w in windows for r in w.rows], dtype=np.int64)
    listed = [n for w in windows for n in w.needs]
    need_columns = np.array([task_column(capability, n.task) for n in listed], dtype=np.int64)
    need_counts = np.array([n.count for n in listed], dtype=np.int64)
    need_nodes = _pieces(need_node.tolist(), wants)
    edges = Edges()
    edges.add_many(np.full(len(person_node), SOURCE), person_node, np.ones(len(person_node)))
    pairs_person, pairs_need = window_pairs(person_window, need_window)
    rows = person_row[pairs_person]
    columns = need_columns[pairs_need]
    able = (columns >= 0) & entries_at(capability.alone, rows, columns)
    under = (columns >= 0) & entries_at(capability.supervised, rows, columns)
    supervised: dict[int, list[int]] = defaultdict(list)
    for need, row in zip(need_node[pairs_need[under]].tolist(), rows[under].tolist(), strict=True):
        supervised[need].append(row)
    edges.add_many(
        person_node[pairs_person[able]], need_node[pairs_need[able]], np.ones(able.sum())
    )
    edges.add_many(need_node, np.full(len(need_node), SINK), need_counts)
    size = int(first[-1] + people[-1] + wants[-1]) if windows else 2
    return RosterNetwork(
        edges,
        size,
        need_nodes,
        supervised,
        person_node,
        person_window,
        person_row,
        pairs_person[able],
        need_node[pairs_need[able]],
    )


def _pieces(flat: list[int], sizes: npt.NDArray[np.int64]) -> list[list[int]]:
    """`flat` cut into consecutive lists of `sizes`: list slices, since np.split makes an
    array per piece at several microseconds each."""
    ends = np.cumsum(sizes).tolist()
    return [flat[end - size : end] for end, size in zip(ends, sizes.tolist(), strict=True)]


def _ranks(sizes: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """0, 1, …, size - 1 for each of `sizes` in turn."""
    total = int(sizes.sum())
    starts = np.repeat(np.cumsum(sizes) - sizes, sizes)
    ranks: npt.NDArray[np.int64] = np.arange(total, dtype=np.int64) - starts
    return ranks


def task_column(capability: Capability, task: str) -> int:
    column = capability.column(task)
    return -1 if column is None else column


def entries_at(
    matrix: BoolMatrix, rows: npt.NDArray[np.int64], columns: npt.NDArray[np.int64]
) -> npt.NDArray[np.bool_]:
    """`matrix` at each (row, column); a column of -1 (a task not in the library) reads as
    column 0 and is masked by the caller."""
    if rows.size == 0:
        return np.zeros(0, dtype=np.bool_)
    found: npt.NDArray[np.bool_] = matrix[rows, np.maximum(columns, 0)]
    return found


def window_pairs(
    people: npt.NDArray[np.int64], needs: npt.NDArray[np.int64]
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Every (person, need) index pair of the same window; both arrays sorted by window."""
    if people.size == 0 or needs.size == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    size = int(max(people.max(), needs.max())) + 1
    need_count = np.bincount(needs, minlength=size)
    need_start = np.concatenate([[0], np.cumsum(need_count)[:-1]])
    repeat = need_count[people]
    person = np.repeat(np.arange(len(people)), repeat)
    offset = np.arange(len(person)) - np.repeat(np.cumsum(repeat) - repeat, repeat)
    need = need_start[people[person]] + offset
    return person, need


class Edges:
    """A flow network's edges as they are added: (from, to, capacity), in array chunks."""

    def __init__(self) -> None:
        self.sources: list[npt.NDArray[np.int64]] = []
        self.targets: list[npt.NDArray[np.int64]] = []
        self.capacities: list[npt.NDArray[np.int64]] = []

    def add_many(
        self, sources: npt.ArrayLike, targets: npt.ArrayLike, capacities: npt.ArrayLike
    ) -> None:
        self.sources.append(np.asarray(sources, dtype=np.int64))
        self.targets.append(np.asarray(targets, dtype=np.int64))
        self.capacities.append(np.asarray(capacities, dtype=np.int64))

    def joined(self) -> tuple[npt.NDArray[np.int64], ...]:
        if not self.sources:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, empty
        return (
            np.concatenate(self.sources),
            np.concatenate(self.targets),
            np.concatenate(self.capacities),
        )

    def network(self, size: int) -> csr_matrix:
        sources, targets, capacities = self.joined()
        return csr_matrix((capacities.astype(np.int32), (sources, targets)), shape=(size, size))


def max_flow(network: csr_matrix) -> csr_matrix:
    """The flow on every edge (antisymmetric: a reverse edge carries minus the flow)."""
    if network.nnz == 0:
        return csr_matrix(network.shape, dtype=np.int32)
    flow: csr_matrix = maximum_flow(network, SOURCE, SINK).flow
    return flow


def residual_of(network: csr_matrix, flow: csr_matrix) -> csr_matrix:
    """Capacity left on each edge, and the flow that may be pushed back on reverse edges."""
    residual = (network - flow).tocsr()
    residual.data[residual.data < 0] = 0
    residual.eliminate_zeros()
    return residual


def resized(matrix: csr_matrix, size: int) -> csr_matrix:
    coo = matrix.tocoo()
    return csr_matrix((coo.data, (coo.row, coo.col)), shape=(size, size))


def reachable(graph: csr_matrix, start: int) -> npt.NDArray[np.bool_]:
    seen = np.zeros(graph.shape[0], dtype=np.bool_)
    seen[breadth_first_order(graph, start, directed=True, return_predecessors=False)] = True
    return seen


def values_at(matrix: csr_matrix, pairs: Sequence[tuple[int, int]]) -> list[int]:
    """The entries of `matrix` at `pairs`, read at once (one by one costs ~20 µs each)."""
    if not pairs:
        return []
    rows = np.array([r for r, _ in pairs], dtype=np.int64)
    cols = np.array([c for _, c in pairs], dtype=np.int64)
    values: list[int] = np.asarray(matrix[rows, cols]).ravel().astype(np.int64).tolist()
    return values
