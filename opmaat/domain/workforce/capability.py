"""Who may do which task, as boolean matrices employees × tasks, for a whole organisation.

`capability_of` applies the rule of opmaat.domain.workforce.deployability to every
employee and task at once with numpy (a level matrix employees × werkprocessen, a
validity matrix employees × acts), so 5,000 employees × 150 tasks take milliseconds;
`capability` builds the same matrices from deployabilities already judged one by one.
Tests hold the two to the same answer.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import numpy.typing as npt

from opmaat.domain.workforce.deployability import (
    CREDITED_LEVEL,
    SUPERVISED_FLOOR,
    Deployability,
    TaskStatus,
)
from opmaat.domain.workforce.model import Employee, Functiehuis, Task

BoolMatrix = npt.NDArray[np.bool_]
LevelMatrix = npt.NDArray[np.int8]


@dataclass(frozen=True, slots=True)
class Capability:
    """`alone[i, j]`: employee `employees[i]` may do task `tasks[j]` alone; `supervised`
    likewise under supervision only. `teams[i]` is the employee's own team."""

    employees: tuple[int, ...]
    tasks: tuple[str, ...]
    alone: BoolMatrix
    supervised: BoolMatrix
    teams: tuple[str, ...] = ()
    _rows: dict[int, int] = field(init=False, repr=False, compare=False)
    _columns: dict[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_rows", {key: i for i, key in enumerate(self.employees)})
        object.__setattr__(self, "_columns", {code: j for j, code in enumerate(self.tasks)})

    def row(self, employee: int) -> int | None:
        """The row of `employee`, None for someone not on the staff."""
        return self._rows.get(employee)

    def column(self, task: str) -> int | None:
        return self._columns.get(task)

    def alone_for(self, employee: int) -> tuple[str, ...]:
        i = self._rows[employee]
        return tuple(t for t, ok in zip(self.tasks, self.alone[i], strict=True) if ok)


def capability(deployed: Sequence[Deployability], teams: Sequence[str] = ()) -> Capability:
    """The matrices of deployabilities judged one by one (all over the same task library)."""
    tasks = tuple(v.task for v in deployed[0].verdicts) if deployed else ()
    alone = np.array(
        [[v.status == TaskStatus.ALONE for v in d.verdicts] for d in deployed], dtype=np.bool_
    ).reshape(len(deployed), len(tasks))
    supervised = np.array(
        [[v.status == TaskStatus.SUPERVISED for v in d.verdicts] for d in deployed],
        dtype=np.bool_,
    ).reshape(len(deployed), len(tasks))
    keys = tuple(d.employee for d in deployed)
    return Capability(keys, tasks, alone, supervised, tuple(teams))


def capability_of(huis: Functiehuis, employees: Sequence[Employee], today: date) -> Capability:
    """The deployability rule for everyone at once.

    1. Levels: a matrix employees × werkprocessen of the tasks: 5 where credited, the
       recorded level otherwise, 0 for none.
    2. Per task the least level over its werkprocessen (5 for a task that needs none).
    3. Valid: a matrix employees × acts, true where an authorisation is valid on `today`.
    4. ALONE where the least level reaches the task's minimum and every act is valid;
       SUPERVISED where not alone, the least level is at least 2 and every reserved act
       of the task is valid.
    """
    werkprocessen = sorted({w for t in huis.tasks for w in t.werkprocessen})
    acts = [a.code for a in huis.acts]
    levels = level_matrix(employees, werkprocessen)
    valid = valid_matrix(employees, acts, today)
    least = least_levels(huis.tasks, levels, {w: j for j, w in enumerate(werkprocessen)})
    act_index = {a: j for j, a in enumerate(acts)}
    all_valid = acts_valid(huis.tasks, valid, act_index, lambda _: True)
    reserved_valid = acts_valid(huis.tasks, valid, act_index, lambda a: huis.act(a).reserved)
    minimum = np.array([int(t.min_level) for t in huis.tasks], dtype=np.int8)
    alone = (least >= minimum) & all_valid
    supervised = ~alone & (least >= int(SUPERVISED_FLOOR)) & reserved_valid
    keys = tuple(e.key for e in employees)
    return Capability(keys, huis.task_codes, alone, supervised, tuple(e.team for e in employees))


def level_matrix(employees: Sequence[Employee], werkprocessen: Sequence[str]) -> LevelMatrix:
    column = {w: j for j, w in enumerate(werkprocessen)}
    levels = np.zeros((len(employees), len(werkprocessen)), dtype=np.int8)
    for i, employee in enumerate(employees):
        for w, level in employee.levels.items():
            if w in column:
                levels[i, column[w]] = int(level)
        for w in employee.werkprocessen:
            if w in column:
                levels[i, column[w]] = int(CREDITED_LEVEL)
    return levels


def valid_matrix(employees: Sequence[Employee], acts: Sequence[str], today: date) -> BoolMatrix:
    column = {a: j for j, a in enumerate(acts)}
    valid = np.zeros((len(employees), len(acts)), dtype=np.bool_)
    for i, employee in enumerate(employees):
        for authorisation in employee.authorisations:
            if authorisation.act in column and authorisation.valid_on(today):
                valid[i, column[authorisation.act]] = True
    return valid


def least_levels(tasks: Sequence[Task], levels: LevelMatrix, column: dict[str, int]) -> LevelMatrix:
    least = np.full((levels.shape[0], len(tasks)), int(CREDITED_LEVEL), dtype=np.int8)
    for j, task in enumerate(tasks):
        if task.werkprocessen:
            least[:, j] = levels[:, [column[w] for w in task.werkprocessen]].min(axis=1)
    return least


def acts_valid(
    tasks: Sequence[Task],
    valid: BoolMatrix,
    column: dict[str, int],
    counts: Callable[[str], bool],
) -> BoolMatrix:
    """Per task: every act of it for which `counts(act)` holds is valid."""
    result = np.ones((valid.shape[0], len(tasks)), dtype=np.bool_)
    for j, task in enumerate(tasks):
        wanted = [column[a] for a in task.acts if counts(a)]
        if wanted:
            result[:, j] = valid[:, wanted].all(axis=1)
    return result
