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


@dataclass(slots=True)
class DayFill:
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
        roster: Sequence[RosterShift],
    ) -> FillPart:
        shifts: dict[date, list[RosterShift]] = defaultdict(list)
        for shift in roster:
            shifts[shift.day].append(shift)
        groups: dict[date, dict[GroupKey, list[Member]]] = defaultdict(lambda: defaultdict(list))
        for w, window in enumerate(windows):
            for i, need in enumerate(window.needs):
                column, node = capability.column(need.task), net.need_nodes[w][i]
                if column is not None and coreach[node]:
                    groups[window.day][(column, window.start, window.end)].append((w, i, node))
        part = cls(Edges(), net.size, [])
        for day, grouped in groups.items():
            part.add_day(capability, windows, grouped, shifts.get(day, []))
        return part

    def add_day(
        self,
        capability: Capability,
        windows: Sequence[Window],
        grouped: dict[GroupKey, list[Member]],
        shifts: Sequence[RosterShift],
    ) -> None:
        keys = list(grouped)
        eligible = eligible_for(capability, keys, shifts)
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
        self.days.append(DayFill(rows, first_person, first_group, members, person, group, bounds))

    def network(self) -> csr_matrix:
        return self.edges.network(self.size)

    def hand_out(
        self, capability: Capability, windows: Sequence[Window], flow: csr_matrix
    ) -> list[list[list[int]]]:
        """Per window and need the rows the flow sends to it from off the roster: a group's
        people over its needs as the flow divides them, each need's own team first."""
        fills: list[list[list[int]]] = [[[] for _ in w.needs] for w in windows]
        teams = Teams.of(capability)
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
                        spare = teams.members(day.eligible_rows(g), team)
                        chosen = swap_in_own_team(teams, team, chosen, spare, used)
                    fills[w][i] = chosen
        return fills


@dataclass(frozen=True, slots=True)
class Teams:
    """The capability rows' teams as numbers, to pick people of a team from an array."""

    names: tuple[str, ...]
    ids: npt.NDArray[np.int64]  # per row
    index: dict[str, int]

    @classmethod
    def of(cls, capability: Capability) -> Teams:
        names = capability.teams or ("",) * len(capability.employees)
        index: dict[str, int] = {}
        ids = np.array([index.setdefault(t, len(index)) for t in names], dtype=np.int64)
        return cls(tuple(names), ids, index)

    def of_row(self, row: int) -> str:
        return self.names[row]

    def members(self, rows: npt.NDArray[np.int64], team: str) -> list[int]:
        found: list[int] = rows[self.ids[rows] == self.index.get(team, -1)].tolist()
        return found


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


def eligible_for(
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
        starts = np.array([minutes(start) for _, start, _ in on])
        ends = np.array([minutes(end) for _, _, end in on])
        for j, (start, end) in enumerate(times):
            overlapping = (starts < minutes(end)) & (minutes(start) < ends)
            busy[rows[overlapping], j] = True
    index = {t: j for j, t in enumerate(times)}
    columns = [column for column, _, _ in keys]
    when = [index[(start, end)] for _, start, end in keys]
    eligible: npt.NDArray[np.bool_] = capability.alone[:, columns] & ~busy[:, when]
    return eligible


def minutes(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def with_fill(residual: csr_matrix, fill: FillPart) -> csr_matrix:
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
