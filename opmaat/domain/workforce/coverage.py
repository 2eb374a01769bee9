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
3. What stays unmet gets the best gap-filling assignment of the organisation's other
   people: those ALONE for the task and not rostered at a time overlapping the window
   that day, each proposed for at most one need that day (one extra shift). People with
   the same eligibility are one node of that flow, so a day of 5,000 staff is a small
   network; in the result they are handed out in key order, the need's own team first.
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
    assigned, movable, growable = _assign(capability, windows)
    shifts_by_day: dict[date, list[RosterShift]] = defaultdict(list)
    for shift in roster:
        shifts_by_day[shift.day].append(shift)
    by_day: dict[date, list[int]] = defaultdict(list)
    for w, window in enumerate(windows):
        by_day[window.day].append(w)
    result = []
    for day in days:
        chosen = by_day.get(day, [])
        fills = _fill(
            capability,
            [windows[w] for w in chosen],
            [assigned[w] for w in chosen],
            shifts_by_day.get(day, []),
        )
        result.append(
            DayCoverage(
                day,
                tuple(
                    _window_coverage(
                        capability, windows[w], assigned[w], fills[k], movable[w], growable[w]
                    )
                    for k, w in enumerate(chosen)
                ),
            )
        )
    return tuple(result)


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


def _assign(
    capability: Capability, windows: Sequence[_Window]
) -> tuple[list[list[list[int]]], list[list[int]], list[list[str]]]:
    """Step 2: per window and need the rows assigned, by one maximum flow; and per window
    the rows reachable from the source and the tasks whose needs reach the sink in the
    residual network."""
    edges = _Edges()
    person_nodes: list[list[tuple[int, int]]] = []  # per window: (node, row)
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
    network = edges.network(node)
    flow = _max_flow(network)
    residual = _residual(network, flow)
    reach = _reachable(residual, SOURCE)
    coreach = _reachable(residual.T.tocsr(), SINK)
    carried = _carried(flow, edges.inner())
    assigned, movable, growable = [], [], []
    for window, people, wanted in zip(windows, person_nodes, need_nodes, strict=True):
        row_of = dict(people)
        assigned.append([[row_of[p] for p in carried.get(n, [])] for n in wanted])
        movable.append([row for p, row in people if reach[p]])
        growable.append(
            sorted({nd.task for n, nd in zip(wanted, window.needs, strict=True) if coreach[n]})
        )
    return assigned, movable, growable


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


def _reachable(graph: csr_matrix, start: int) -> npt.NDArray[np.bool_]:
    seen = np.zeros(graph.shape[0], dtype=np.bool_)
    seen[breadth_first_order(graph, start, directed=True, return_predecessors=False)] = True
    return seen


def _carried(flow: csr_matrix, edges: Sequence[tuple[int, int]]) -> dict[int, list[int]]:
    """Per need node, the person nodes whose edge to it carries flow."""
    carried: dict[int, list[int]] = defaultdict(list)
    if not edges:
        return carried
    rows = np.array([s for s, _ in edges], dtype=np.int64)
    cols = np.array([t for _, t in edges], dtype=np.int64)
    values = np.asarray(flow[rows, cols]).ravel()
    for (person, need), value in zip(edges, values, strict=True):
        if value > 0:
            carried[need].append(person)
    return carried


def _fill(
    capability: Capability,
    windows: Sequence[_Window],
    assigned: Sequence[Sequence[Sequence[int]]],
    shifts: Sequence[RosterShift],
) -> list[list[list[int]]]:
    """Step 3: per window and need the rows proposed to fill what the roster leaves unmet."""
    fills: list[list[list[int]]] = [[[] for _ in w.needs] for w in windows]
    groups = _unmet_groups(capability, windows, assigned)
    if not groups:
        return fills
    keys = list(groups)
    eligible = _eligible(capability, keys, shifts)
    demand = [sum(unmet for _, _, unmet in groups[key]) for key in keys]
    pools, quotas = _group_flow(eligible, demand, capability.teams)
    for g, key in enumerate(keys):
        for k, i, unmet in groups[key]:
            fills[k][i] = _pick(windows[k].team, unmet, pools, quotas[g])
    return fills


Slot = tuple[int, int, int]  # (window, need, unmet places)
GroupKey = tuple[int, time, time]  # (task column, start, end)


def _unmet_groups(
    capability: Capability,
    windows: Sequence[_Window],
    assigned: Sequence[Sequence[Sequence[int]]],
) -> dict[GroupKey, list[Slot]]:
    """Unmet needs grouped by task and time: for someone off the roster, needs of the same
    task at the same time are alike, whatever the team."""
    groups: dict[GroupKey, list[Slot]] = defaultdict(list)
    for k, window in enumerate(windows):
        for i, need in enumerate(window.needs):
            unmet = need.count - len(assigned[k][i])
            column = capability.column(need.task)
            if unmet > 0 and column is not None:
                groups[(column, window.start, window.end)].append((k, i, unmet))
    return groups


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


def _group_flow(
    eligible: npt.NDArray[np.bool_], demand: Sequence[int], teams: Sequence[str]
) -> tuple[list[_Pool], list[dict[int, int]]]:
    """A maximum flow source → profile → group → sink, a profile being the employees with
    the same row of `eligible` (its capacity their number): per profile its members (in
    staff order), per group how many each profile gives it."""
    rows = np.flatnonzero(eligible.any(axis=1))
    quotas: list[dict[int, int]] = [{} for _ in demand]
    if rows.size == 0:
        return [], quotas
    profiles, inverse, counts = np.unique(
        eligible[rows], axis=0, return_inverse=True, return_counts=True
    )
    inverse = inverse.reshape(-1)
    edges = _Edges()
    first_group = 2 + len(profiles)
    for p, count in enumerate(counts):
        edges.add(SOURCE, 2 + p, int(count))
        for group in np.flatnonzero(profiles[p]).tolist():
            edges.add(2 + p, first_group + group, int(count))
    for g, wanted in enumerate(demand):
        edges.add(first_group + g, SINK, wanted)
    flow = _max_flow(edges.network(first_group + len(demand)))
    for p in range(len(profiles)):
        for group in np.flatnonzero(profiles[p]).tolist():
            carried = int(flow[2 + p, first_group + group])
            if carried > 0:
                quotas[group][p] = carried
    # Members per profile in staff order: a stable sort by profile, split at the counts.
    grouped = np.split(rows[np.argsort(inverse, kind="stable")], np.cumsum(counts)[:-1])
    pools = [_Pool(members.tolist(), teams) for members in grouped]
    return pools, quotas


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
    """Up to `wanted` people from the profiles with quota left for this group, someone of
    the need's own team first."""
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
