"""Deployability: which tasks an employee may do alone, under supervision or not yet, and
why; which functions they fully qualify for; what the organisation's rules propose for a
heavier or deepening unit just completed; the rows a roster system takes as skills.

The rule (issue 16), for a task and an employee on a day:

- The employee's level in a werkproces is 5 (supervises others) when it is credited to
  them (diploma, certificate, result, exemption: it was examined), else the level last
  recorded in their progress, else none.
- ALONE exactly when every werkproces of the task is at least the task's `min_level` and
  every act of the task has an authorisation valid on the day.
- SUPERVISED when not alone, but every werkproces is at least level 2 (performs under
  direct supervision) and no *reserved* act lacks a valid authorisation: a reserved act
  without a bekwaamheidsverklaring is never delegated (Wet BIG art. 35–38), while a risky
  act of the organisation may be done under direct supervision.
- NOT_YET otherwise.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from opmaat.domain.catalog import Catalog, EmployerEffect
from opmaat.domain.progress import SupervisionLevel
from opmaat.domain.routes.schedule import add_months
from opmaat.domain.workforce.model import (
    Consequence,
    Employee,
    Functiehuis,
    Function,
    Task,
)

CREDITED_LEVEL = SupervisionLevel.SUPERVISES  # an examined werkproces counts as level 5
SUPERVISED_FLOOR = SupervisionLevel.DIRECT  # the least level at which one works supervised


class TaskStatus(StrEnum):
    ALONE = "alone"
    SUPERVISED = "supervised"
    NOT_YET = "not_yet"


class MissingKind(StrEnum):
    WERKPROCES = "werkproces"  # no level recorded and not credited
    LEVEL = "level"  # a level below the one needed
    ACT_AUTHORISATION = "act_authorisation"  # no bekwaamheidsverklaring for the act
    EXPIRED_AUTHORISATION = "expired_authorisation"  # one that expired


@dataclass(frozen=True, slots=True)
class Missing:
    """What stands between an employee and doing a task alone. For LEVEL, `have` and
    `need` are the levels; for an act, `reserved` says whether it is a reserved act."""

    kind: MissingKind
    code: str
    have: int | None = None
    need: int | None = None
    reserved: bool = False


@dataclass(frozen=True, slots=True)
class TaskVerdict:
    task: str
    status: TaskStatus
    missing: tuple[Missing, ...] = ()


@dataclass(frozen=True, slots=True)
class FunctionFit:
    """How far an employee is from a function: the tasks not yet ALONE and the required
    werkprocessen not credited. `qualified` when both are empty."""

    function: str
    tasks_missing: tuple[str, ...]
    werkprocessen_missing: tuple[str, ...]

    @property
    def qualified(self) -> bool:
        return not self.tasks_missing and not self.werkprocessen_missing


@dataclass(frozen=True, slots=True)
class Deployability:
    employee: int
    day: date
    verdicts: tuple[TaskVerdict, ...]  # in the order of the task library
    functions: tuple[FunctionFit, ...]  # in the order of the functiehuis
    levels: tuple[tuple[str, int], ...] = ()  # per task: the least level over its werkprocessen
    valid_until: tuple[tuple[str, date | None], ...] = ()  # per act held: its last valid day

    @property
    def qualified_functions(self) -> tuple[str, ...]:
        return tuple(f.function for f in self.functions if f.qualified)

    def status_of(self, task: str) -> TaskStatus:
        return next(v.status for v in self.verdicts if v.task == task)


def level_of(employee: Employee, werkproces: str) -> int:
    """Credited: level 5; else the recorded level; else 0 (none)."""
    if werkproces in employee.werkprocessen:
        return int(CREDITED_LEVEL)
    recorded = employee.levels.get(werkproces)
    return int(recorded) if recorded is not None else 0


def act_missing(huis: Functiehuis, employee: Employee, act: str, day: date) -> Missing | None:
    """None when `employee` holds an authorisation for `act` valid on `day`; otherwise
    EXPIRED_AUTHORISATION when one they held has run out, else ACT_AUTHORISATION."""
    held = [a for a in employee.authorisations if a.act == act]
    if any(a.valid_on(day) for a in held):
        return None
    reserved = huis.act(act).reserved
    expired = any(a.valid_until is not None and a.valid_until < day for a in held)
    kind = MissingKind.EXPIRED_AUTHORISATION if expired else MissingKind.ACT_AUTHORISATION
    return Missing(kind, act, reserved=reserved)


def werkproces_missing(employee: Employee, werkproces: str, need: int) -> Missing | None:
    have = level_of(employee, werkproces)
    if have >= need:
        return None
    if have == 0:
        return Missing(MissingKind.WERKPROCES, werkproces, None, need)
    return Missing(MissingKind.LEVEL, werkproces, have, need)


def task_verdict(huis: Functiehuis, employee: Employee, task: Task, day: date) -> TaskVerdict:
    """The task's status by the module's rule, with everything missing for ALONE."""
    werkprocessen = [werkproces_missing(employee, w, task.min_level) for w in task.werkprocessen]
    acts = [act_missing(huis, employee, a, day) for a in task.acts]
    missing = tuple(m for m in (*werkprocessen, *acts) if m is not None)
    if not missing:
        return TaskVerdict(task.code, TaskStatus.ALONE)
    floor = all(level_of(employee, w) >= SUPERVISED_FLOOR for w in task.werkprocessen)
    blocked = any(m.reserved for m in missing)
    status = TaskStatus.SUPERVISED if floor and not blocked else TaskStatus.NOT_YET
    return TaskVerdict(task.code, status, missing)


def required_werkprocessen(catalog: Catalog, function: Function) -> tuple[str, ...]:
    """What a function requires from school: its qualification's werkprocessen, or its own
    werkprocessen plus those of its units (resolved through the catalog)."""
    if function.qualification:
        return catalog.werkprocessen_of(catalog.resolve(function.qualification))
    found = dict.fromkeys(function.werkprocessen)
    for code in function.units:
        for outcome in catalog.units[catalog.resolve(code)].outcomes:
            found.setdefault(outcome.code)
    return tuple(found)


def function_fit(
    catalog: Catalog, function: Function, employee: Employee, alone: Iterable[str]
) -> FunctionFit:
    done = set(alone)
    tasks = tuple(t for t in function.tasks if t not in done)
    needed = required_werkprocessen(catalog, function)
    werkprocessen = tuple(w for w in needed if w not in employee.werkprocessen)
    return FunctionFit(function.code, tasks, werkprocessen)


def deployability(
    huis: Functiehuis, employee: Employee, catalog: Catalog, today: date
) -> Deployability:
    """Every task of the library judged for `employee` on `today`, and per function how
    far they are from it (qualified: all its tasks ALONE and its werkprocessen credited)."""
    verdicts = tuple(task_verdict(huis, employee, t, today) for t in huis.tasks)
    alone = [v.task for v in verdicts if v.status == TaskStatus.ALONE]
    fits = tuple(function_fit(catalog, f, employee, alone) for f in huis.functions)
    levels = tuple((t.code, task_level(employee, t)) for t in huis.tasks)
    return Deployability(employee.key, today, verdicts, fits, levels, last_valid(employee, today))


def task_level(employee: Employee, task: Task) -> int:
    """The least level over the task's werkprocessen (5 for a task that needs none)."""
    return min((level_of(employee, w) for w in task.werkprocessen), default=int(CREDITED_LEVEL))


def last_valid(employee: Employee, today: date) -> tuple[tuple[str, date | None], ...]:
    """Per act the employee holds an authorisation for, valid or not on `today`: the last
    day of the one that runs longest (None: until withdrawn)."""
    best: dict[str, date | None] = {}
    for a in employee.authorisations:
        best[a.act] = later(best[a.act], a.valid_until) if a.act in best else a.valid_until
    return tuple(best.items())


def later(one: date | None, other: date | None) -> date | None:
    """The later of two last days; None (until withdrawn) outlasts any."""
    if one is None or other is None:
        return None
    return max(one, other)


@dataclass(frozen=True, slots=True)
class Proposal:
    """What the organisation's rules propose for a unit just completed, for HR to accept or
    decline: `steps` periodieken, or the function to move to."""

    employee: int
    unit: str
    effect: EmployerEffect
    consequence: Consequence
    steps: int = 0
    function: str | None = None


def effect_of(huis: Functiehuis, catalog: Catalog, unit: str) -> EmployerEffect | None:
    """The organisation's flag for `unit`, else the catalog's."""
    if unit in huis.unit_effects:
        return huis.unit_effects[unit]
    known = catalog.units.get(unit)
    return known.employer_effect if known else None


def proposals(huis: Functiehuis, employee: Employee, catalog: Catalog) -> tuple[Proposal, ...]:
    """Per completed unit flagged heavier or deepening, what each rule for that effect
    proposes (a rule with `from_function` only for employees in that function)."""
    found: list[Proposal] = []
    for unit in employee.completed_units:
        effect = effect_of(huis, catalog, unit)
        for rule in huis.rules:
            if rule.effect != effect or effect is None:
                continue
            if rule.from_function is not None and rule.from_function != employee.function:
                continue
            steps = rule.steps if rule.consequence == Consequence.PERIODIEK else 0
            found.append(
                Proposal(employee.key, unit, effect, rule.consequence, steps, rule.function)
            )
    return tuple(found)


@dataclass(frozen=True, slots=True)
class SkillRow:
    """One skill for a roster system: a task, or a task with one of its acts, with the
    status, the least level over the task's werkprocessen and the last valid day."""

    task: str
    act: str | None
    status: TaskStatus
    level: int
    valid_until: date | None


def skill_rows(huis: Functiehuis, deployed: Deployability) -> tuple[SkillRow, ...]:
    """The roster export: per task one row, and per act of the task one row with the
    authorisation's last valid day; tasks NOT_YET are left out (no skill to schedule)."""
    levels = dict(deployed.levels)
    until = dict(deployed.valid_until)
    rows: list[SkillRow] = []
    for verdict in deployed.verdicts:
        if verdict.status == TaskStatus.NOT_YET:
            continue
        level = levels.get(verdict.task, 0)
        rows.append(SkillRow(verdict.task, None, verdict.status, level, None))
        for act in huis.task(verdict.task).acts:
            rows.append(SkillRow(verdict.task, act, verdict.status, level, until.get(act)))
    return tuple(rows)


@dataclass(frozen=True, slots=True)
class Expiry:
    employee: int
    act: str
    valid_until: date
    expired: bool  # already past its last day


def expiring(employees: Sequence[Employee], within_days: int, today: date) -> tuple[Expiry, ...]:
    """Authorisations that expire within `within_days` days from `today` or have expired,
    soonest first; one that another authorisation for the same act outlasts is left out
    (renewed). An authorisation is valid through its `valid_until` day."""
    horizon = today + timedelta(days=within_days)
    found: list[Expiry] = []
    for employee in employees:
        for act, until in last_valid(employee, today):
            if until is not None and until <= horizon:
                found.append(Expiry(employee.key, act, until, until < today))
    return tuple(sorted(found, key=lambda e: (e.valid_until, e.employee, e.act)))


def valid_until_for(granted_on: date, validity_months: int | None) -> date | None:
    """The last valid day of an authorisation granted on `granted_on` for an act valid
    `validity_months` months: the day before the same date that many months later (month
    ends clamped), so that five years granted on 2026-03-01 run through 2031-02-28."""
    if validity_months is None:
        return None
    return add_months(granted_on, validity_months) - timedelta(days=1)
