"""Training demand: which unit (or certificate), completed by whom, would cover most of
the needs the roster leaves unmet, per training hour; and a route to a target function.

Coverage gained by person p completing candidate c: the number of windows in which the
roster's maximum assignment would grow by one if p's werkprocessen included c's (their
level 5), p keeping their other abilities. By the max-flow theorem for an added edge, the
assignment of a window grows exactly when p is reachable from the source in the window's
residual graph and some need whose task p would newly do alone reaches the sink; so it is
computed from one residual graph, not by re-solving per candidate. Hours are the
candidate's werkprocessen not yet credited to p (the route planner's gap for a unit
target).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import numpy.typing as npt

from opmaat.domain.catalog import Catalog, UnitKind
from opmaat.domain.routes import (
    Holdings,
    Requirements,
    Route,
    StudyTime,
    TargetInfo,
    plan_requirements,
    plan_route,
)
from opmaat.domain.routes.target import group_werkprocessen
from opmaat.domain.workforce.capability import (
    BoolMatrix,
    Capability,
    LevelMatrix,
    acts_valid,
    least_levels,
    level_matrix,
    valid_matrix,
)
from opmaat.domain.workforce.coverage import DayCoverage
from opmaat.domain.workforce.deployability import CREDITED_LEVEL
from opmaat.domain.workforce.model import Employee, Functiehuis, Function


@dataclass(frozen=True, slots=True)
class Candidate:
    """A unit or certificate that credits `werkprocessen` when completed."""

    code: str
    name: str
    werkprocessen: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DemandRow:
    employee: int
    candidate: str
    name: str
    hours: float
    gained: int  # windows whose unmet need-slots drop by one
    tasks: tuple[str, ...]  # tasks the employee would newly do alone

    @property
    def gained_per_hour(self) -> float:
        return self.gained / self.hours if self.hours > 0 else float("inf")


def candidates(huis: Functiehuis, catalog: Catalog) -> tuple[Candidate, ...]:
    """The units (vocational and elective) and certificates that credit a werkproces some
    task of the library needs, by code."""
    needed = {w for task in huis.tasks for w in task.werkprocessen}
    found = [
        Candidate(u.code, u.title, tuple(o.code for o in u.outcomes))
        for u in catalog.units.values()
        if u.kind != UnitKind.GENERIC and needed.intersection(o.code for o in u.outcomes)
    ]
    for cert in catalog.certificates.values():
        werkprocessen = certificate_werkprocessen(catalog, cert.covers)
        if needed.intersection(werkprocessen):
            found.append(Candidate(cert.code, cert.name, werkprocessen))
    return tuple(sorted(found, key=lambda c: c.code))


def certificate_werkprocessen(catalog: Catalog, covers: Sequence[str]) -> tuple[str, ...]:
    """The werkprocessen a certificate credits: those it names and those of its units."""
    found: dict[str, None] = {}
    for code in covers:
        unit = catalog.units.get(code)
        for w in (o.code for o in unit.outcomes) if unit else (code,):
            found.setdefault(w)
    return tuple(found)


def training_demand(
    huis: Functiehuis,
    catalog: Catalog,
    employees: Sequence[Employee],
    capability: Capability,
    coverages: Sequence[DayCoverage],
    today: date,
    offered: Sequence[Candidate] | None = None,
) -> tuple[DemandRow, ...]:
    """Per employee and candidate (default: `candidates`) with coverage gained, the row,
    ranked by coverage gained per training hour, then coverage gained, then employee and
    candidate code.

    1. Levels employees × werkprocessen and the acts valid on `today`, as capability does;
       who is ALONE now comes from `capability`.
    2. From every window of `coverages`: the pairs (person, window) of people who could
       take on a new task (movable) and per window the tasks that would grow coverage.
    3. Per candidate: the levels with its werkprocessen credited, the tasks that would
       newly be ALONE (acts still need their authorisation), and per person the windows
       where one of those tasks would grow coverage.
    4. Hours: the candidate's werkprocessen not yet credited to the person.
    """
    basis = _Basis.of(huis, employees, capability, today)
    pairs = _movable_pairs(basis, coverages)
    rows: list[DemandRow] = []
    for candidate in candidates(huis, catalog) if offered is None else offered:
        rows.extend(_rows_for(basis, catalog, pairs, candidate))
    return tuple(sorted(rows, key=rank_key))


def rank_key(row: DemandRow) -> tuple[float, int, int, str]:
    return (-row.gained_per_hour, -row.gained, row.employee, row.candidate)


@dataclass(frozen=True, slots=True)
class _Basis:
    huis: Functiehuis
    employees: tuple[Employee, ...]
    werkprocessen: dict[str, int]  # column per werkproces of the task library
    levels: LevelMatrix
    acts_ok: BoolMatrix  # employees × tasks: every act of the task valid
    alone: BoolMatrix  # employees × tasks, now
    minimum: npt.NDArray[np.int8]
    task_index: dict[str, int]

    @classmethod
    def of(
        cls,
        huis: Functiehuis,
        employees: Sequence[Employee],
        capability: Capability,
        today: date,
    ) -> _Basis:
        werkprocessen = sorted({w for t in huis.tasks for w in t.werkprocessen})
        acts = [a.code for a in huis.acts]
        valid = valid_matrix(employees, acts, today)
        acts_ok = acts_valid(huis.tasks, valid, {a: j for j, a in enumerate(acts)}, _every)
        task_index = {t: j for j, t in enumerate(huis.task_codes)}
        alone = _alone_now(capability, employees, huis.task_codes)
        return cls(
            huis,
            tuple(employees),
            {w: j for j, w in enumerate(werkprocessen)},
            level_matrix(employees, werkprocessen),
            acts_ok,
            alone,
            np.array([int(t.min_level) for t in huis.tasks], dtype=np.int8),
            task_index,
        )


def _alone_now(
    capability: Capability, employees: Sequence[Employee], tasks: Sequence[str]
) -> BoolMatrix:
    """`capability.alone` in the order of `employees` × `tasks`, False for someone not on
    the staff or a task not in it; read as one fancy index, since cell by cell over 5,000
    × 150 costs a quarter of a second."""
    rows = np.array([_or_missing(capability.row(e.key)) for e in employees], dtype=np.int64)
    columns = np.array([_or_missing(capability.column(t)) for t in tasks], dtype=np.int64)
    alone = np.zeros((len(employees), len(tasks)), dtype=np.bool_)
    if capability.alone.size:
        alone = capability.alone[np.maximum(rows, 0)][:, np.maximum(columns, 0)].copy()
    alone[rows < 0] = False
    alone[:, columns < 0] = False
    return alone


def _or_missing(index: int | None) -> int:
    return -1 if index is None else index


def _every(_: str) -> bool:
    return True


@dataclass(frozen=True, slots=True)
class _Pairs:
    people: npt.NDArray[np.int64]  # per pair: the employee's index in the basis
    growable: BoolMatrix  # per pair: tasks whose one more able person grows the window


def _movable_pairs(basis: _Basis, coverages: Sequence[DayCoverage]) -> _Pairs:
    index = {e.key: i for i, e in enumerate(basis.employees)}
    people: list[int] = []
    windows: list[list[int]] = []
    for day in coverages:
        for window in day.windows:
            tasks = [basis.task_index[t] for t in window.growable if t in basis.task_index]
            if not tasks:
                continue
            for key in window.movable:
                if key in index:
                    people.append(index[key])
                    windows.append(tasks)
    growable = np.zeros((len(people), len(basis.task_index)), dtype=np.bool_)
    for k, tasks in enumerate(windows):
        growable[k, tasks] = True
    return _Pairs(np.array(people, dtype=np.int64), growable)


def _rows_for(
    basis: _Basis, catalog: Catalog, pairs: _Pairs, candidate: Candidate
) -> list[DemandRow]:
    """Step 3 and 4 for one candidate."""
    columns = [basis.werkprocessen[w] for w in candidate.werkprocessen if w in basis.werkprocessen]
    touched = set(candidate.werkprocessen)
    affected = [j for j, t in enumerate(basis.huis.tasks) if touched.intersection(t.werkprocessen)]
    if not columns or not affected or pairs.people.size == 0:
        return []
    levels = basis.levels.copy()
    levels[:, columns] = int(CREDITED_LEVEL)
    tasks = [basis.huis.tasks[j] for j in affected]
    least = least_levels(tasks, levels, basis.werkprocessen)
    new = (least >= basis.minimum[affected]) & basis.acts_ok[:, affected]
    new &= ~basis.alone[:, affected]
    hit = (new[pairs.people] & pairs.growable[:, affected]).any(axis=1)
    gained = np.bincount(pairs.people[hit], minlength=len(basis.employees))
    rows = []
    for i in np.flatnonzero(gained).tolist():
        employee = basis.employees[i]
        missing = [w for w in candidate.werkprocessen if w not in employee.werkprocessen]
        hours = catalog.hours_of(missing)
        newly = tuple(tasks[k].code for k in np.flatnonzero(new[i]).tolist())
        rows.append(
            DemandRow(employee.key, candidate.code, candidate.name, hours, int(gained[i]), newly)
        )
    return rows


@dataclass(frozen=True, slots=True)
class UnitDemand:
    """A candidate over everyone: how many would gain by it, their hours, their gain."""

    candidate: str
    name: str
    people: int
    hours: float
    gained: int

    @property
    def gained_per_hour(self) -> float:
        return self.gained / self.hours if self.hours > 0 else float("inf")


def by_candidate(rows: Sequence[DemandRow]) -> tuple[UnitDemand, ...]:
    """The rows summed per candidate, most coverage gained first, then per hour: "which
    single unit would add most coverage"."""
    summed: dict[str, UnitDemand] = {}
    for row in rows:
        was = summed.get(row.candidate, UnitDemand(row.candidate, row.name, 0, 0.0, 0))
        summed[row.candidate] = UnitDemand(
            row.candidate, row.name, was.people + 1, was.hours + row.hours, was.gained + row.gained
        )
    return tuple(
        sorted(summed.values(), key=lambda u: (-u.gained, -u.gained_per_hour, u.candidate))
    )


def route_to_function(
    catalog: Catalog,
    huis: Functiehuis,
    function_code: str,
    holdings: Holdings,
    start: date,
    time: StudyTime,
) -> Route:
    """The route planner with a function as target: to its qualification when it requires
    one (plan_route), else to exactly its units and werkprocessen, the loose werkprocessen
    grouped by the unit that defines them (plan_requirements)."""
    function = huis.function(function_code)
    if function.qualification:
        return plan_route(catalog, function.qualification, holdings, start, time)
    info, requirements = function_target(catalog, function)
    return plan_requirements(catalog, info, requirements, holdings, start, time)


def function_target(catalog: Catalog, function: Function) -> tuple[TargetInfo, Requirements]:
    """A function defined by werkprocessen and units as a route target."""
    units = [catalog.resolve(u) for u in function.units]
    whole = [(u, tuple(o.code for o in catalog.units[u].outcomes)) for u in units]
    covered = {w for _, ws in whole for w in ws}
    loose = [catalog.resolve(w) for w in function.werkprocessen if w not in covered]
    grouped = [(u, tuple(ws)) for u, ws in group_werkprocessen(catalog, loose, units)]
    levels = [catalog.units[u].level for u, _ in (*whole, *grouped)]
    provisional = any(catalog.units[u].provisional for u, _ in (*whole, *grouped))
    level = max(levels, default=None)
    info = TargetInfo(function.code, function.name, "function", level, provisional)
    return info, Requirements(units=(*whole, *grouped), level=level)
