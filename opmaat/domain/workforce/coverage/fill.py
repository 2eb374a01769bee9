"""Gap filling (step 3 of the coverage rule): people off the roster, added to the
roster's residual network."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time

import numpy as np
import numpy.typing as npt
from scipy.sparse import csr_matrix  # type: ignore[import-untyped]  # scipy ships no stubs

from opmaat.domain.workforce.capability import Capability
from opmaat.domain.workforce.coverage.model import RosterShift
from opmaat.domain.workforce.coverage.network import (
    SOURCE,
    Edges,
    RosterNetwork,
    Window,
    values_at,
)

Member = tuple[int, int, int]  # (window, need, need node)
GroupKey = tuple[int, time, time]  # (task column, start, end)
Shift = tuple[int, str, int, int]  # (capability row, team, start, end in minutes)


@dataclass(slots=True)
class DayFill:
    """One day's part of step 3. Nodes: a person eligible for something (`rows`), a class
    (the people free at the same times, able to do one task), a group (the needs of one
    task at one time). A person goes to the classes of their tasks, a class to the groups
    of its task at the times it is free: the same reach as person → group, with an edge
    per task a person can do instead of one per group (about eight times fewer)."""

    rows: npt.NDArray[np.int64]
    first_person: int
    first_class: int
    first_group: int
    keys: list[GroupKey]
    members: list[list[Member]]  # per group
    free: npt.NDArray[np.bool_]  # employees × times of the day's groups
    times: dict[tuple[time, time], int]

    def carried(self, flow: csr_matrix) -> list[list[int]]:
        """Per group the rows the flow sends to it: each person's class from the block
        person × class, each class's division over groups from the block class × group."""
        by_class = _positive(flow, self.first_person, self.first_class, self.first_group)
        per_class: dict[int, list[int]] = defaultdict(list)
        for p, c, _ in by_class:
            per_class[c].append(int(self.rows[p]))
        people: list[list[int]] = [[] for _ in self.keys]
        end = self.first_group + len(self.keys)
        for c, g, amount in _positive(flow, self.first_class, self.first_group, end):
            taken, per_class[c] = per_class[c][:amount], per_class[c][amount:]
            people[g].extend(taken)
        return people

    def eligible_rows(
        self, g: int, capability: Capability, among: npt.NDArray[np.int64]
    ) -> list[int]:
        """The rows of `among` (ascending) that may fill group `g`, in that order."""
        column, start, end = self.keys[g]
        able = capability.alone[among, column] & self.free[among, self.times[(start, end)]]
        rows: list[int] = among[able].tolist()
        return rows


def _positive(
    flow: csr_matrix, first_row: int, first_column: int, end_column: int
) -> list[tuple[int, int, int]]:
    """(row, column, amount) of the positive flow in the block rows first_row:first_column
    × columns first_column:end_column, both relative to the block."""
    block = flow[first_row:first_column, first_column:end_column].tocoo()
    positive = block.data > 0
    return list(
        zip(
            block.row[positive].tolist(),
            block.col[positive].tolist(),
            block.data[positive].astype(np.int64).tolist(),
            strict=True,
        )
    )


@dataclass(slots=True)
class FillPart:
    """Step 3's network, added to the residual of step 2. A need takes part only when it
    reaches the sink in that residual: one that does not never can, however the flow is
    augmented (the set of nodes reaching the sink only shrinks), so people off the roster
    are offered only where they can add coverage."""

    edges: Edges
    size: int
    days: list[DayFill]

    @classmethod
    def build(
        cls,
        capability: Capability,
        windows: Sequence[Window],
        net: RosterNetwork,
        coreach: npt.NDArray[np.bool_],
        shifts: Sequence[Shift],
    ) -> FillPart:
        """The fill network of `windows`, all of one day, whose `shifts` are given."""
        groups: dict[date, dict[GroupKey, list[Member]]] = defaultdict(lambda: defaultdict(list))
        for w, window in enumerate(windows):
            for i, need in enumerate(window.needs):
                column, node = capability.column(need.task), net.need_nodes[w][i]
                if column is not None and coreach[node]:
                    groups[window.day][(column, window.start, window.end)].append((w, i, node))
        part = cls(Edges(), net.size, [])
        for grouped in groups.values():
            part.add_day(capability, windows, grouped, shifts)
        return part

    def add_day(
        self,
        capability: Capability,
        windows: Sequence[Window],
        grouped: dict[GroupKey, list[Member]],
        shifts: Sequence[Shift],
    ) -> None:
        keys = list(grouped)
        times = {t: j for j, t in enumerate(sorted({(s, e) for _, s, e in keys}))}
        free = ~busy_matrix(len(capability.employees), list(times), shifts)
        columns = sorted({c for c, _, _ in keys})
        task_index = {c: k for k, c in enumerate(columns)}
        offered = np.zeros((len(columns), len(times)), dtype=np.bool_)  # a group exists
        for column, start, end in keys:
            offered[task_index[column], times[(start, end)]] = True
        able = capability.alone[:, columns]
        useful = able & ((free.astype(np.int32) @ offered.T.astype(np.int32)) > 0)
        rows = np.flatnonzero(useful.any(axis=1))
        if rows.size == 0:
            return
        person, task = np.nonzero(useful[rows])
        pattern = (free[rows] * (1 << np.arange(len(times)))).sum(axis=1)
        classes, of_edge = np.unique(pattern[person] * len(columns) + task, return_inverse=True)
        first_person = self.size
        first_class = first_person + len(rows)
        first_group = first_class + len(classes)
        self.size = first_group + len(keys)
        person_node = first_person + np.arange(len(rows))
        self.edges.add_many(np.full(len(rows), SOURCE), person_node, np.ones(len(rows)))
        self.edges.add_many(
            person_node[person], first_class + of_edge.reshape(-1), np.ones(len(person))
        )
        group_of = {key: g for g, key in enumerate(keys)}
        slots = list(times)
        into: list[tuple[int, int, int]] = []
        for c, code in enumerate(classes.tolist()):
            free_pattern, k = divmod(code, len(columns))
            for j, (start, end) in enumerate(slots):
                g = group_of.get((columns[k], start, end))
                if g is not None and free_pattern >> j & 1:
                    into.append((first_class + c, first_group + g, len(rows)))
        members = [grouped[key] for key in keys]
        into += [(first_group + g, node, windows[w].needs[i].count)
                 for g, listed in enumerate(members) for w, i, node in listed]  # fmt: skip
        sources, targets, capacities = zip(*into, strict=True)
        self.edges.add_many(sources, targets, capacities)
        self.days.append(
            DayFill(rows, first_person, first_class, first_group, keys, members, free, times)
        )

    def network(self) -> csr_matrix:
        return self.edges.network(self.size)

    def hand_out(
        self, capability: Capability, windows: Sequence[Window], flow: csr_matrix, teams: Teams
    ) -> list[list[list[int]]]:
        """Per window and need the rows the flow sends to it from off the roster: a group's
        people over its needs as the flow divides them, each need's own team first."""
        fills: list[list[list[int]]] = [[[] for _ in w.needs] for w in windows]
        for day in self.days:
            people = day.carried(flow)
            used = {r for listed in people for r in listed}
            into = [(day.first_group + g, node) for g, listed in enumerate(day.members)
                    for *_, node in listed]  # fmt: skip
            sent = iter(values_at(flow, into))
            for g, listed in enumerate(day.members):
                left = sorted(people[g])
                for w, i, _ in listed:
                    team = windows[w].team
                    chosen = own_team_first(teams, team, left, next(sent))
                    taken = set(chosen)
                    left = [r for r in left if r not in taken]
                    if any(teams.of_row(r) != team for r in chosen):
                        # Only the team's own rows can be swapped in: test those few,
                        # not the whole staff.
                        spare = day.eligible_rows(g, capability, teams.rows_of(team))
                        chosen = swap_in_own_team(teams, team, chosen, spare, used)
                    fills[w][i] = chosen
        return fills


@dataclass(frozen=True, slots=True)
class Teams:
    """The capability rows' teams, and per team its rows, to test a team's few people."""

    names: tuple[str, ...]
    rows: dict[str, npt.NDArray[np.int64]]  # per team its rows, ascending

    @classmethod
    def of(cls, capability: Capability) -> Teams:
        names = capability.teams or ("",) * len(capability.employees)
        grouped: dict[str, list[int]] = defaultdict(list)
        for row, team in enumerate(names):
            grouped[team].append(row)
        rows = {team: np.array(listed, dtype=np.int64) for team, listed in grouped.items()}
        return cls(tuple(names), rows)

    def of_row(self, row: int) -> str:
        return self.names[row]

    def rows_of(self, team: str) -> npt.NDArray[np.int64]:
        return self.rows.get(team, np.zeros(0, dtype=np.int64))


def swap_in_own_team(
    teams: Teams, team: str, chosen: Sequence[int], spare: Sequence[int], used: set[int]
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


def own_team_first(teams: Teams, team: str, rows: Sequence[int], wanted: int) -> list[int]:
    chosen = [r for r in rows if teams.of_row(r) == team][:wanted]
    taken = set(chosen)
    return chosen + [r for r in rows if r not in taken][: wanted - len(chosen)]


def busy_matrix(
    staff: int, times: Sequence[tuple[time, time]], shifts: Sequence[Shift]
) -> npt.NDArray[np.bool_]:
    """Employees × times: rostered at an overlapping time that day."""
    busy = np.zeros((staff, len(times)), dtype=np.bool_)
    if shifts:
        row_of, _, start_of, end_of = zip(*shifts, strict=True)
        rows, starts, ends = np.array(row_of), np.array(start_of), np.array(end_of)
        for j, (start, end) in enumerate(times):
            overlapping = (starts < minutes(end)) & (minutes(start) < ends)
            busy[rows[overlapping], j] = True
    return busy


def shifts_by_day(capability: Capability, roster: Sequence[RosterShift]) -> dict[date, list[Shift]]:
    """The roster of people on the staff per day, times as minutes: read once here for
    both the windows and the gap filling, and ints compare several times faster than
    times."""
    found: dict[date, list[Shift]] = defaultdict(list)
    clock: dict[time, int] = {}
    for shift in roster:
        row = capability.row(shift.employee)
        if row is not None:
            start, end = clock.get(shift.start), clock.get(shift.end)
            if start is None:
                start = clock[shift.start] = minutes(shift.start)
            if end is None:
                end = clock[shift.end] = minutes(shift.end)
            found[shift.day].append((row, shift.team, start, end))
    return found


def minutes(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def with_fill(residual: csr_matrix, fill: FillPart, coreach: npt.NDArray[np.bool_]) -> csr_matrix:
    """The roster's residual network with the fill network added, less every edge into
    the source (the way back to it would let the gap filling undo a roster assignment)
    and every edge from or to a node that does not reach the sink (`coreach`): no
    augmenting path can pass such a node, now or after any augmentation, so dropping
    them leaves the maximum flow as it is and the network smaller."""
    coo = residual.tocoo()
    keep = (coo.col != SOURCE) & coreach[coo.row] & coreach[coo.col]
    sources, targets, capacities = fill.edges.joined()
    return csr_matrix(
        (
            np.concatenate([coo.data[keep], capacities]).astype(np.int32),
            (np.concatenate([coo.row[keep], sources]), np.concatenate([coo.col[keep], targets])),
        ),
        shape=(fill.size, fill.size),
    )
