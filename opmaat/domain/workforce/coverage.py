"""Shift coverage: per team, day and time window, which shift needs are met and by whom,
which are not, and who else could meet them.

A need (ShiftNeed) asks `count` people who may do `task` ALONE in a team's time window on
a weekday; the roster (RosterShift) says who works when. The rule (issue 16):

1. A window is a team's needs with the same start and end on the day's weekday. The
   people rostered in the team for the whole window are on it; someone on two shifts
   that span it counts once.
2. Those people are assigned to the needs as a maximum b-matching: each person at most
   one need per window, each need at most `count` people, only people ALONE for the
   need's task (people who may do it under supervision are reported, never counted).
   All windows of all days form one flow network (source → person in window → need →
   sink), solved at once with scipy's maximum flow: the components are independent, so
   the total is the sum of the windows' maxima.
3. The gap filling adds the organisation's other people: those ALONE for the task and
   not rostered at a time overlapping the window that day, each proposed for at most one
   need that day (one extra shift). It is the best one with the roster used to the full:
   the most places from the roster, and then the most from off it. The roster's people
   may be rearranged for it (the one who can give medication moves to the medication
   round so that someone called in can take the ADL), never reduced in number: the fill
   network is added to the roster's residual network less its edges back into the
   source, and a second maximum flow augments the first. Needs of one task and time
   form one node (for someone off the roster they are alike, whatever the team), and a
   need takes part only where one more person would add a place (it reaches the sink
   in the roster's residual network); a group's people go to its needs as the flow
   divides them, each need's own team first.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, time

import numpy as np
import numpy.typing as npt
from scipy.sparse import csr_matrix  # type: ignore[import-untyped]  # scipy ships no stubs
from scipy.sparse.csgraph import (  # type: ignore[import-untyped]  # scipy ships no stubs
    breadth_first_order,
    maximum_flow,
)

from opmaat.domain.workforce.capability import BoolMatrix, Capability, capability, capability_of
from opmaat.domain.workforce.errors import InvalidShift

__all__ = [
    "Capability",
    "DayCoverage",
    "Heatmap",
    "NeedCoverage",
    "RosterShift",
    "ShiftNeed",
    "WindowCoverage",
    "capability",
    "capability_of",
    "cover",
    "cover_day",
    "heatmap",
]

IntArray = npt.NDArray[np.int64]
SOURCE, SINK = 0, 1


@dataclass(frozen=True, slots=True)
class ShiftNeed:
    team: str
    weekday: int  # 0 = Monday (date.weekday())
    start: time
    end: time
    task: str
    count: int

    def __post_init__(self) -> None:
        if not self.start < self.end:
            raise InvalidShift("times", self.team)
        if not 0 <= self.weekday <= 6:
            raise InvalidShift("weekday", self.team)
        if self.count < 1:
            raise InvalidShift("count", self.team)


@dataclass(frozen=True, slots=True)
class RosterShift:
    """One rostered shift. A night shift past midnight is two rows, one per day."""

    employee: int
    day: date
    start: time
    end: time
    team: str

    def __post_init__(self) -> None:
        if not self.start < self.end:
            raise InvalidShift("times", self.team)

    def spans(self, start: time, end: time) -> bool:
        return self.start <= start and end <= self.end

    def overlaps(self, start: time, end: time) -> bool:
        return self.start < end and start < self.end


@dataclass(frozen=True, slots=True)
class NeedCoverage:
    """One need in one window: who covers it from the roster (`by`), how many places stay
    unmet, who could fill them (`fill`: available people ALONE for the task, in the
    gap-filling assignment) and who on the window could do it under supervision only."""

    need: ShiftNeed
    by: tuple[int, ...]
    unmet: int
    fill: tuple[int, ...] = ()
    supervised: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class WindowCoverage:
    """A team's window on a day. `movable` are the people on it who could take on a new
    task without uncovering another (reachable from the source in the residual network),
    `growable` the tasks for which one more person able to do them alone would raise the
    coverage (their needs reach the sink): training demand counts with these."""

    team: str
    day: date
    start: time
    end: time
    needs: tuple[NeedCoverage, ...]
    rostered: tuple[int, ...]
    movable: tuple[int, ...] = ()
    growable: tuple[str, ...] = ()

    @property
    def required(self) -> int:
        return sum(n.need.count for n in self.needs)

    @property
    def met(self) -> int:
        return sum(len(n.by) for n in self.needs)

    @property
    def label(self) -> str:
        return f"{self.start:%H:%M}–{self.end:%H:%M}"


@dataclass(frozen=True, slots=True)
class DayCoverage:
    day: date
    windows: tuple[WindowCoverage, ...]

    @property
    def required(self) -> int:
        return sum(w.required for w in self.windows)

    @property
    def met(self) -> int:
        return sum(w.met for w in self.windows)

    @property
    def unmet(self) -> int:
        return sum(n.unmet for w in self.windows for n in w.needs)

    @property
    def filled(self) -> int:
        return sum(len(n.fill) for w in self.windows for n in w.needs)


@dataclass(slots=True)
class _Window:
    team: str
    day: date
    start: time
    end: time
    needs: list[ShiftNeed]
    rows: list[int]  # capability rows of the people on it


def cover(
    capability: Capability,
    needs: Sequence[ShiftNeed],
    roster: Sequence[RosterShift],
    days: Sequence[date],
) -> tuple[DayCoverage, ...]:
    """The coverage of every day in `days` by the module's rule. A roster row of someone
    not on the organisation's staff (`capability`) covers nothing."""
    windows = list(_windows(capability, needs, roster, days))
    net = _roster_network(capability, windows)
    network = net.edges.network(net.size)
    flow = _max_flow(network)
    residual = _residual(network, flow)
    reach = _reachable(residual, SOURCE)
    coreach = _reachable(residual.T.tocsr(), SINK)
    fill = _FillPart.build(capability, windows, net, coreach, roster)
    extra = _max_flow(_with_fill(residual, fill))
    combined = _resized(flow, fill.size) + extra
    carried = _carried(combined, net.edges.inner())
    fills = fill.hand_out(capability, windows, extra)
    by_day: dict[date, list[WindowCoverage]] = defaultdict(list)
    for w, window in enumerate(windows):
        people, wanted = net.person_nodes[w], net.need_nodes[w]
        row_of = dict(people)
        assigned = [[row_of[p] for p in carried.get(n, [])] for n in wanted]
        movable = [row for p, row in people if reach[p]]
        growable = sorted(
            {nd.task for n, nd in zip(wanted, window.needs, strict=True) if coreach[n]}
        )
        supervised = [net.supervised.get(n, []) for n in wanted]
        by_day[window.day].append(
            _window_coverage(capability, window, assigned, fills[w], movable, growable, supervised)
        )
    return tuple(DayCoverage(day, tuple(by_day.get(day, []))) for day in days)


def cover_day(
    capability: Capability,
    needs: Sequence[ShiftNeed],
    roster: Sequence[RosterShift],
    day: date,
) -> DayCoverage:
    """`cover` for one day."""
    return cover(capability, needs, roster, [day])[0]


def _windows(
    capability: Capability,
    needs: Sequence[ShiftNeed],
    roster: Sequence[RosterShift],
    days: Sequence[date],
) -> Iterable[_Window]:
    """Step 1: the windows of each day with the people on them, in team and time order."""
    grouped: dict[int, dict[tuple[str, time, time], list[ShiftNeed]]] = defaultdict(dict)
    for need in sorted(needs, key=lambda n: (n.weekday, n.team, n.start, n.end)):
        grouped[need.weekday].setdefault((need.team, need.start, need.end), []).append(need)
    shifts: dict[tuple[date, str], list[tuple[int, time, time]]] = defaultdict(list)
    for shift in roster:
        row = capability.row(shift.employee)
        if row is not None:
            shifts[(shift.day, shift.team)].append((row, shift.start, shift.end))
    for day in days:
        for (team, start, end), wanted in grouped[day.weekday()].items():
            on = {r for r, s, e in shifts.get((day, team), ()) if s <= start and end <= e}
            yield _Window(team, day, start, end, wanted, sorted(on))


@dataclass(slots=True)
class _RosterNetwork:
    """Step 2's network: source → person in window → need → sink, node numbers per
    window."""

    edges: _Edges
    size: int
    person_nodes: list[list[tuple[int, int]]]  # per window: (node, capability row)
    need_nodes: list[list[int]]  # per window: a node per need
    supervised: dict[int, list[int]]  # per need node: rows on it that may only be supervised


def _roster_network(capability: Capability, windows: Sequence[_Window]) -> _RosterNetwork:
    """Nodes: per window its people, then its needs. Edges built as arrays: every person
    of a window against every need of it, kept where the person may do the task alone."""
    person_nodes: list[list[tuple[int, int]]] = []
    need_nodes: list[list[int]] = []
    node = 2
    people_window: list[int] = []  # per person node: its window
    people_rows: list[int] = []
    need_window: list[int] = []
    need_columns: list[int] = []
    need_counts: list[int] = []
    for w, window in enumerate(windows):
        person_nodes.append([(node + k, row) for k, row in enumerate(window.rows)])
        people_window += [w] * len(window.rows)
        people_rows += window.rows
        node += len(window.rows)
        need_nodes.append(list(range(node, node + len(window.needs))))
        node += len(window.needs)
        need_window += [w] * len(window.needs)
        need_columns += [_column(capability, n.task) for n in window.needs]
        need_counts += [n.count for n in window.needs]
    person_node = np.array([n for listed in person_nodes for n, _ in listed], dtype=np.int64)
    need_node = np.array([n for listed in need_nodes for n in listed], dtype=np.int64)
    edges = _Edges()
    edges.add_many(np.full(len(person_node), SOURCE), person_node, np.ones(len(person_node)))
    pairs_person, pairs_need = _window_pairs(np.array(people_window), np.array(need_window))
    rows = np.array(people_rows, dtype=np.int64)[pairs_person]
    columns = np.array(need_columns, dtype=np.int64)[pairs_need]
    able = (columns >= 0) & _at(capability.alone, rows, columns)
    under = (columns >= 0) & _at(capability.supervised, rows, columns)
    supervised: dict[int, list[int]] = defaultdict(list)
    for k in np.flatnonzero(under).tolist():
        supervised[int(need_node[pairs_need[k]])].append(int(rows[k]))
    edges.add_many(
        person_node[pairs_person[able]], need_node[pairs_need[able]], np.ones(able.sum())
    )
    edges.add_many(need_node, np.full(len(need_node), SINK), np.array(need_counts))
    return _RosterNetwork(edges, node, person_nodes, need_nodes, supervised)


def _column(capability: Capability, task: str) -> int:
    column = capability.column(task)
    return -1 if column is None else column


def _at(
    matrix: BoolMatrix, rows: npt.NDArray[np.int64], columns: npt.NDArray[np.int64]
) -> npt.NDArray[np.bool_]:
    """`matrix` at each (row, column); a column of -1 (a task not in the library) reads as
    column 0 and is masked by the caller."""
    if rows.size == 0:
        return np.zeros(0, dtype=np.bool_)
    found: npt.NDArray[np.bool_] = matrix[rows, np.maximum(columns, 0)]
    return found


def _window_pairs(
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


class _Edges:
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

    def inner(self) -> list[tuple[int, int]]:
        """The edges that touch neither source nor sink."""
        sources, targets, _ = self.joined()
        keep = (sources != SOURCE) & (targets != SINK)
        return list(zip(sources[keep].tolist(), targets[keep].tolist(), strict=True))


def _max_flow(network: csr_matrix) -> csr_matrix:
    """The flow on every edge (antisymmetric: a reverse edge carries minus the flow)."""
    if network.nnz == 0:
        return csr_matrix(network.shape, dtype=np.int32)
    flow: csr_matrix = maximum_flow(network, SOURCE, SINK).flow
    return flow


def _residual(network: csr_matrix, flow: csr_matrix) -> csr_matrix:
    """Capacity left on each edge, and the flow that may be pushed back on reverse edges."""
    residual = (network - flow).tocsr()
    residual.data[residual.data < 0] = 0
    residual.eliminate_zeros()
    return residual


def _resized(matrix: csr_matrix, size: int) -> csr_matrix:
    coo = matrix.tocoo()
    return csr_matrix((coo.data, (coo.row, coo.col)), shape=(size, size))


def _with_fill(residual: csr_matrix, fill: _FillPart) -> csr_matrix:
    """The roster's residual network with the fill network added, less every edge into
    the source: the way back to it would let the gap filling undo a roster assignment."""
    coo = residual.tocoo()
    keep = coo.col != SOURCE
    sources, targets, capacities = fill.edges.joined()
    return csr_matrix(
        (
            np.concatenate([coo.data[keep], capacities]).astype(np.int32),
            (np.concatenate([coo.row[keep], sources]), np.concatenate([coo.col[keep], targets])),
        ),
        shape=(fill.size, fill.size),
    )


def _reachable(graph: csr_matrix, start: int) -> npt.NDArray[np.bool_]:
    seen = np.zeros(graph.shape[0], dtype=np.bool_)
    seen[breadth_first_order(graph, start, directed=True, return_predecessors=False)] = True
    return seen


def _values(matrix: csr_matrix, pairs: Sequence[tuple[int, int]]) -> list[int]:
    """The entries of `matrix` at `pairs`, read at once (one by one costs ~20 µs each)."""
    if not pairs:
        return []
    rows = np.array([r for r, _ in pairs], dtype=np.int64)
    cols = np.array([c for _, c in pairs], dtype=np.int64)
    values: list[int] = np.asarray(matrix[rows, cols]).ravel().astype(np.int64).tolist()
    return values


def _carried(flow: csr_matrix, edges: Sequence[tuple[int, int]]) -> dict[int, list[int]]:
    """Per need node, the person nodes whose edge to it carries flow."""
    carried: dict[int, list[int]] = defaultdict(list)
    for (person, need), value in zip(edges, _values(flow, edges), strict=True):
        if value > 0:
            carried[need].append(person)
    return carried


Member = tuple[int, int, int]  # (window, need, need node)
GroupKey = tuple[int, time, time]  # (task column, start, end)


@dataclass(slots=True)
class _DayFill:
    """One day's part of step 3: a node per person eligible for something (`rows`), a node
    per group of needs with the same task and time; `person`/`group` list the edges."""

    rows: npt.NDArray[np.int64]
    first_person: int
    first_group: int
    members: list[list[Member]]  # per group
    person: npt.NDArray[np.int64]
    group: npt.NDArray[np.int64]  # sorted: group g's edges are bounds[g] : bounds[g + 1]
    bounds: npt.NDArray[np.int64]

    def carried(self, flow: csr_matrix) -> list[list[int]]:
        """Per group the rows whose edge to it carries flow: read from the block of the
        flow matrix between this day's person and group nodes."""
        first_group = self.first_group
        block = flow[self.first_person : first_group, first_group : first_group + len(self.members)]
        coo = block.tocoo()
        people: list[list[int]] = [[] for _ in self.members]
        positive = coo.data > 0
        for p, g in zip(coo.row[positive].tolist(), coo.col[positive].tolist(), strict=True):
            people[g].append(int(self.rows[p]))
        return people

    def eligible_rows(self, g: int) -> npt.NDArray[np.int64]:
        """The rows that may fill group `g`."""
        rows: npt.NDArray[np.int64] = self.rows[self.person[self.bounds[g] : self.bounds[g + 1]]]
        return rows


@dataclass(slots=True)
class _FillPart:
    """Step 3's network, added to the residual of step 2. A need takes part only when it
    reaches the sink in that residual: one that does not never can, however the flow is
    augmented (the set of nodes reaching the sink only shrinks), so people off the roster
    are offered only where they can add coverage."""

    edges: _Edges
    size: int
    days: list[_DayFill]

    @classmethod
    def build(
        cls,
        capability: Capability,
        windows: Sequence[_Window],
        net: _RosterNetwork,
        coreach: npt.NDArray[np.bool_],
        roster: Sequence[RosterShift],
    ) -> _FillPart:
        shifts: dict[date, list[RosterShift]] = defaultdict(list)
        for shift in roster:
            shifts[shift.day].append(shift)
        groups: dict[date, dict[GroupKey, list[Member]]] = defaultdict(lambda: defaultdict(list))
        for w, window in enumerate(windows):
            for i, need in enumerate(window.needs):
                column, node = capability.column(need.task), net.need_nodes[w][i]
                if column is not None and coreach[node]:
                    groups[window.day][(column, window.start, window.end)].append((w, i, node))
        part = cls(_Edges(), net.size, [])
        for day, grouped in groups.items():
            part.add_day(capability, windows, grouped, shifts.get(day, []))
        return part

    def add_day(
        self,
        capability: Capability,
        windows: Sequence[_Window],
        grouped: dict[GroupKey, list[Member]],
        shifts: Sequence[RosterShift],
    ) -> None:
        keys = list(grouped)
        eligible = _eligible(capability, keys, shifts)
        rows = np.flatnonzero(eligible.any(axis=1))
        if rows.size == 0:
            return
        first_person, first_group = self.size, self.size + len(rows)
        self.size = first_group + len(keys)
        # Edges group by group (the transpose's nonzeros), so a group's are one slice.
        group, person = np.nonzero(eligible[rows].T)
        person_node = first_person + np.arange(len(rows))
        self.edges.add_many(np.full(len(rows), SOURCE), person_node, np.ones(len(rows)))
        self.edges.add_many(person_node[person], first_group + group, np.ones(len(person)))
        members = [grouped[key] for key in keys]
        into = [(first_group + g, node, windows[w].needs[i].count)
                for g, listed in enumerate(members) for w, i, node in listed]  # fmt: skip
        group_node, need_node, capacity = (
            np.array(c, dtype=np.int64) for c in zip(*into, strict=True)
        )
        self.edges.add_many(group_node, need_node, capacity)
        bounds = np.concatenate([[0], np.cumsum(np.bincount(group, minlength=len(keys)))])
        self.days.append(_DayFill(rows, first_person, first_group, members, person, group, bounds))

    def network(self) -> csr_matrix:
        return self.edges.network(self.size)

    def hand_out(
        self, capability: Capability, windows: Sequence[_Window], flow: csr_matrix
    ) -> list[list[list[int]]]:
        """Per window and need the rows the flow sends to it from off the roster: a group's
        people over its needs as the flow divides them, each need's own team first."""
        fills: list[list[list[int]]] = [[[] for _ in w.needs] for w in windows]
        teams = _Teams.of(capability)
        for day in self.days:
            people = day.carried(flow)
            used = {r for listed in people for r in listed}
            into = [(day.first_group + g, node) for g, listed in enumerate(day.members)
                    for *_, node in listed]  # fmt: skip
            sent = iter(_values(flow, into))
            for g, listed in enumerate(day.members):
                left = sorted(people[g])
                for w, i, _ in listed:
                    team = windows[w].team
                    chosen = _own_team_first(teams, team, left, next(sent))
                    taken = set(chosen)
                    left = [r for r in left if r not in taken]
                    if any(teams.of_row(r) != team for r in chosen):
                        spare = teams.members(day.eligible_rows(g), team)
                        chosen = _swap_in_own_team(teams, team, chosen, spare, used)
                    fills[w][i] = chosen
        return fills


@dataclass(frozen=True, slots=True)
class _Teams:
    """The capability rows' teams as numbers, to pick people of a team from an array."""

    names: tuple[str, ...]
    ids: npt.NDArray[np.int64]  # per row
    index: dict[str, int]

    @classmethod
    def of(cls, capability: Capability) -> _Teams:
        names = capability.teams or ("",) * len(capability.employees)
        index: dict[str, int] = {}
        ids = np.array([index.setdefault(t, len(index)) for t in names], dtype=np.int64)
        return cls(tuple(names), ids, index)

    def of_row(self, row: int) -> str:
        return self.names[row]

    def members(self, rows: npt.NDArray[np.int64], team: str) -> list[int]:
        found: list[int] = rows[self.ids[rows] == self.index.get(team, -1)].tolist()
        return found


def _swap_in_own_team(
    teams: _Teams, team: str, chosen: Sequence[int], spare: Sequence[int], used: set[int]
) -> list[int]:
    """`chosen` with each one from another team replaced by someone of `team` from `spare`
    (able to do the need) who is proposed for nothing else that day."""
    free = iter(r for r in spare if r not in used)
    swapped = []
    for row in chosen:
        if teams.of_row(row) != team:
            other = next(free, None)
            if other is not None:
                used.discard(row)
                used.add(other)
                row = other
        swapped.append(row)
    return swapped


def _own_team_first(teams: _Teams, team: str, rows: Sequence[int], wanted: int) -> list[int]:
    chosen = [r for r in rows if teams.of_row(r) == team][:wanted]
    taken = set(chosen)
    return chosen + [r for r in rows if r not in taken][: wanted - len(chosen)]


def _eligible(
    capability: Capability, keys: Sequence[GroupKey], shifts: Sequence[RosterShift]
) -> npt.NDArray[np.bool_]:
    """Employees × groups: ALONE for the group's task and not rostered at an overlapping
    time that day."""
    times = sorted({(start, end) for _, start, end in keys})
    busy = np.zeros((len(capability.employees), len(times)), dtype=np.bool_)
    known = [(capability.row(s.employee), s.start, s.end) for s in shifts]
    on = [(row, start, end) for row, start, end in known if row is not None]
    if on:
        rows = np.array([row for row, _, _ in on], dtype=np.int64)
        starts = np.array([_minutes(start) for _, start, _ in on])
        ends = np.array([_minutes(end) for _, _, end in on])
        for j, (start, end) in enumerate(times):
            overlapping = (starts < _minutes(end)) & (_minutes(start) < ends)
            busy[rows[overlapping], j] = True
    index = {t: j for j, t in enumerate(times)}
    columns = [column for column, _, _ in keys]
    when = [index[(start, end)] for _, start, end in keys]
    eligible: npt.NDArray[np.bool_] = capability.alone[:, columns] & ~busy[:, when]
    return eligible


def _minutes(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def _window_coverage(
    capability: Capability,
    window: _Window,
    assigned: Sequence[Sequence[int]],
    fills: Sequence[Sequence[int]],
    movable: Sequence[int],
    growable: Sequence[str],
    supervised_rows: Sequence[Sequence[int]],
) -> WindowCoverage:
    key = capability.employees.__getitem__
    needs = []
    for i, need in enumerate(window.needs):
        by = tuple(map(key, assigned[i]))
        supervised = tuple(map(key, supervised_rows[i]))
        fill = tuple(map(key, fills[i]))
        needs.append(NeedCoverage(need, by, need.count - len(by), fill, supervised))
    return WindowCoverage(
        window.team,
        window.day,
        window.start,
        window.end,
        tuple(needs),
        tuple(map(key, window.rows)),
        tuple(map(key, movable)),
        tuple(growable),
    )


@dataclass(frozen=True, slots=True)
class Heatmap:
    """Share of need-places met from the roster per team (rows) × time window (columns,
    "07:00–10:00"), over the days given; NaN where a team has no need in a window."""

    teams: tuple[str, ...]
    windows: tuple[str, ...]
    share: npt.NDArray[np.float64]


def heatmap(coverages: Sequence[DayCoverage]) -> Heatmap:
    """Met over required places per team and window label, summed over the days."""
    met: dict[tuple[str, str], int] = defaultdict(int)
    required: dict[tuple[str, str], int] = defaultdict(int)
    order: dict[str, tuple[time, time]] = {}
    for day in coverages:
        for w in day.windows:
            met[(w.team, w.label)] += w.met
            required[(w.team, w.label)] += w.required
            order[w.label] = (w.start, w.end)
    teams = tuple(sorted({team for team, _ in required}))
    labels = tuple(sorted(order, key=order.__getitem__))
    share = np.full((len(teams), len(labels)), np.nan)
    for (team, label), wanted in required.items():
        share[teams.index(team), labels.index(label)] = met[(team, label)] / wanted
    return Heatmap(teams, labels, share)
