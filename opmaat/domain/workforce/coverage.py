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
   source, and a second maximum flow augments the first. People with the same
   eligibility are one node of it, so a day of 5,000 staff is a small network; in the
   result they are handed out in staff order, the need's own team first.
"""

from __future__ import annotations

from collections import defaultdict, deque
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

from opmaat.domain.workforce.capability import Capability, capability, capability_of
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
    extra = _max_flow(_without_source_entries(_resized(residual, fill.size) + fill.network()))
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
        by_day[window.day].append(
            _window_coverage(capability, window, assigned, fills[w], movable, growable)
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
    grouped: dict[tuple[int, str, time, time], list[ShiftNeed]] = defaultdict(list)
    for need in needs:
        grouped[(need.weekday, need.team, need.start, need.end)].append(need)
    shifts: dict[tuple[date, str], list[RosterShift]] = defaultdict(list)
    for shift in roster:
        shifts[(shift.day, shift.team)].append(shift)
    for day in days:
        for (weekday, team, start, end), wanted in sorted(grouped.items()):
            if weekday != day.weekday():
                continue
            on = {capability.row(s.employee) for s in shifts[(day, team)] if s.spans(start, end)}
            rows = sorted(r for r in on if r is not None)
            yield _Window(team, day, start, end, wanted, rows)


@dataclass(slots=True)
class _RosterNetwork:
    """Step 2's network: source → person in window → need → sink, node numbers per
    window."""

    edges: _Edges
    size: int
    person_nodes: list[list[tuple[int, int]]]  # per window: (node, capability row)
    need_nodes: list[list[int]]  # per window: a node per need


def _roster_network(capability: Capability, windows: Sequence[_Window]) -> _RosterNetwork:
    edges = _Edges()
    person_nodes: list[list[tuple[int, int]]] = []
    need_nodes: list[list[int]] = []
    node = 2
    for window in windows:
        people = [(node + k, row) for k, row in enumerate(window.rows)]
        node += len(people)
        wanted = list(range(node, node + len(window.needs)))
        node += len(wanted)
        for person, _ in people:
            edges.add(SOURCE, person, 1)
        for need_node, need in zip(wanted, window.needs, strict=True):
            column = capability.column(need.task)
            for person, row in people:
                if column is not None and capability.alone[row, column]:
                    edges.add(person, need_node, 1)
            edges.add(need_node, SINK, need.count)
        person_nodes.append(people)
        need_nodes.append(wanted)
    return _RosterNetwork(edges, node, person_nodes, need_nodes)


class _Edges:
    """A flow network's edges as they are added: (from, to, capacity)."""

    def __init__(self) -> None:
        self.sources: list[int] = []
        self.targets: list[int] = []
        self.capacities: list[int] = []

    def add(self, source: int, target: int, capacity: int) -> None:
        self.sources.append(source)
        self.targets.append(target)
        self.capacities.append(capacity)

    def network(self, size: int) -> csr_matrix:
        capacity = np.array(self.capacities, dtype=np.int32)
        ends = (np.array(self.sources, dtype=np.int64), np.array(self.targets, dtype=np.int64))
        return csr_matrix((capacity, ends), shape=(size, size))

    def inner(self) -> list[tuple[int, int]]:
        """The edges that touch neither source nor sink."""
        pairs = zip(self.sources, self.targets, strict=True)
        return [(s, t) for s, t in pairs if s != SOURCE and t != SINK]


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


def _without_source_entries(network: csr_matrix) -> csr_matrix:
    """The network less every edge into the source: the residual's way back to it would
    let the gap filling undo a roster assignment for someone off the roster."""
    coo = network.tocoo()
    keep = coo.col != SOURCE
    return csr_matrix((coo.data[keep], (coo.row[keep], coo.col[keep])), shape=network.shape)


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
    """One day's part of step 3: profiles of people with the same eligibility, and groups
    of needs with the same task and time."""

    pools: list[_Pool]
    profile_nodes: list[int]
    group_nodes: list[int]
    members: list[list[Member]]  # per group
    eligible: list[tuple[int, int]]  # (profile, group) pairs with an edge


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
        profiles, inverse, counts = np.unique(
            eligible[rows], axis=0, return_inverse=True, return_counts=True
        )
        # Members per profile in staff order: a stable sort by profile, split at the counts.
        order = rows[np.argsort(inverse.reshape(-1), kind="stable")]
        pools = [
            _Pool(m.tolist(), capability.teams) for m in np.split(order, np.cumsum(counts)[:-1])
        ]
        profile_nodes = list(range(self.size, self.size + len(profiles)))
        group_nodes = list(range(profile_nodes[-1] + 1, profile_nodes[-1] + 1 + len(keys)))
        self.size = group_nodes[-1] + 1
        pairs = []
        for p, count in enumerate(counts.tolist()):
            self.edges.add(SOURCE, profile_nodes[p], count)
            for g in np.flatnonzero(profiles[p]).tolist():
                self.edges.add(profile_nodes[p], group_nodes[g], count)
                pairs.append((p, g))
        members = [grouped[key] for key in keys]
        for g, listed in enumerate(members):
            for w, i, node in listed:
                self.edges.add(group_nodes[g], node, windows[w].needs[i].count)
        self.days.append(_DayFill(pools, profile_nodes, group_nodes, members, pairs))

    def network(self) -> csr_matrix:
        return self.edges.network(self.size)

    def hand_out(
        self, capability: Capability, windows: Sequence[_Window], flow: csr_matrix
    ) -> list[list[list[int]]]:
        """Per window and need the rows the flow sends to it from off the roster."""
        fills: list[list[list[int]]] = [[[] for _ in w.needs] for w in windows]
        for day in self.days:
            quotas: list[dict[int, int]] = [{} for _ in day.group_nodes]
            arcs = [(day.profile_nodes[p], day.group_nodes[g]) for p, g in day.eligible]
            for (p, g), carried in zip(day.eligible, _values(flow, arcs), strict=True):
                if carried > 0:
                    quotas[g][p] = carried
            into = [
                (day.group_nodes[g], node) for g, ms in enumerate(day.members) for *_, node in ms
            ]
            sent = iter(_values(flow, into))
            for g, listed in enumerate(day.members):
                for w, i, _ in listed:
                    fills[w][i] = _pick(windows[w].team, next(sent), day.pools, quotas[g])
        return fills


def _eligible(
    capability: Capability, keys: Sequence[GroupKey], shifts: Sequence[RosterShift]
) -> npt.NDArray[np.bool_]:
    """Employees × groups: ALONE for the group's task and not rostered at an overlapping
    time that day."""
    times = sorted({(start, end) for _, start, end in keys})
    busy = np.zeros((len(capability.employees), len(times)), dtype=np.bool_)
    for shift in shifts:
        row = capability.row(shift.employee)
        for j, (start, end) in enumerate(times):
            if row is not None and shift.overlaps(start, end):
                busy[row, j] = True
    index = {t: j for j, t in enumerate(times)}
    columns = [column for column, _, _ in keys]
    when = [index[(start, end)] for _, start, end in keys]
    eligible: npt.NDArray[np.bool_] = capability.alone[:, columns] & ~busy[:, when]
    return eligible


class _Pool:
    """The members of one profile not yet picked, in staff order and by team."""

    def __init__(self, rows: Sequence[int], teams: Sequence[str]) -> None:
        self.order = deque(rows)
        self.by_team: dict[str, deque[int]] = defaultdict(deque)
        for row in rows:
            self.by_team[teams[row] if teams else ""].append(row)
        self.used: set[int] = set()

    def take(self, team: str | None) -> int | None:
        """The first unpicked member of `team` (None: of any team), or None."""
        queue = self.order if team is None else self.by_team.get(team, deque())
        while queue:
            row = queue.popleft()
            if row not in self.used:
                self.used.add(row)
                return row
        return None


def _pick(team: str, wanted: int, pools: Sequence[_Pool], quota: dict[int, int]) -> list[int]:
    """`wanted` people from the profiles with quota left for this group, someone of the
    need's own team first."""
    chosen: list[int] = []
    for preferred in (team, None):
        for p in list(quota):
            while len(chosen) < wanted and quota[p] > 0:
                row = pools[p].take(preferred)
                if row is None:
                    break
                quota[p] -= 1
                chosen.append(row)
    return chosen


def _window_coverage(
    capability: Capability,
    window: _Window,
    assigned: Sequence[Sequence[int]],
    fills: Sequence[Sequence[int]],
    movable: Sequence[int],
    growable: Sequence[str],
) -> WindowCoverage:
    key = capability.employees
    needs = []
    for i, need in enumerate(window.needs):
        column = capability.column(need.task)
        by = tuple(key[r] for r in assigned[i])
        supervised = tuple(
            key[r] for r in window.rows if column is not None and capability.supervised[r, column]
        )
        fill = tuple(key[r] for r in fills[i])
        needs.append(NeedCoverage(need, by, need.count - len(by), fill, supervised))
    return WindowCoverage(
        window.team,
        window.day,
        window.start,
        window.end,
        tuple(needs),
        tuple(key[r] for r in window.rows),
        tuple(key[r] for r in movable),
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
