"""The employer's functiehuis and staff, as values: acts, tasks, functions, the
organisation's rules for heavier and deepening units, authorisations and employees.

The grain is the werkproces, as in the route model: a task needs werkprocessen at a
supervision level (opmaat.domain.progress.SupervisionLevel, the CZO levels 1–5), and may
involve acts, reserved ones (Wet BIG art. 36) or the organisation's risky ones. A function
is a set of tasks with its pay group (FWG under its CAO) and what it requires from school:
one qualification (crebo) *or* a set of werkprocessen and units (issue 16). Everything here
is organisation data that HR edits; only the 14 categories of reserved acts ship as default
data (`opmaat.domain.workforce.acts.BIG_ACTS`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import TypeVar

from opmaat.domain.catalog import EmployerEffect
from opmaat.domain.progress import SupervisionLevel
from opmaat.domain.workforce.errors import (
    DuplicateCode,
    InvalidSupervisionLevel,
    InvalidValidity,
    QualificationAndWerkprocessen,
    UnknownAct,
    UnknownFunction,
    UnknownTask,
)


@dataclass(frozen=True, slots=True)
class Act:
    """A reserved act (voorbehouden handeling, `reserved`) or a risky act of the
    organisation. `validity_months` is how long a bekwaamheidsverklaring for it holds, set
    by the organisation (None: until withdrawn); `source` says where a default comes from."""

    code: str
    name: str
    reserved: bool
    validity_months: int | None = None
    source: str = ""

    def __post_init__(self) -> None:
        if self.validity_months is not None and self.validity_months < 1:
            raise InvalidValidity(self.code)


@dataclass(frozen=True, slots=True)
class Task:
    """A task of the task library: the werkprocessen it needs, the supervision level from
    which someone may do it alone (`min_level`), and the acts it involves."""

    code: str
    name: str
    werkprocessen: tuple[str, ...]
    min_level: SupervisionLevel = SupervisionLevel.INDEPENDENT
    acts: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.min_level not in tuple(SupervisionLevel):
            raise InvalidSupervisionLevel(int(self.min_level))


@dataclass(frozen=True, slots=True)
class Function:
    """A function of the functiehuis. It requires either a qualification (crebo) or
    werkprocessen and units, never both. `temporary` marks a temporary (heavier) function,
    `draft` one carved out but not yet adopted."""

    code: str
    name: str
    cao: str  # "VVT", "Gehandicaptenzorg", …
    fwg_group: int  # the FWG function group under that CAO (FWG 3.0: 5–80)
    qualification: str | None = None
    werkprocessen: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    tasks: tuple[str, ...] = ()
    temporary: bool = False
    draft: bool = False

    def __post_init__(self) -> None:
        if self.qualification and (self.werkprocessen or self.units):
            raise QualificationAndWerkprocessen(self.code)


class Consequence(StrEnum):
    """What the organisation's rules make of a heavier or deepening unit (seed 002,
    section 5: heavier → a new or temporary function, deepening → an extra periodiek)."""

    NEW_FUNCTION = "new_function"
    TEMPORARY_FUNCTION = "temporary_function"
    PERIODIEK = "periodiek"  # extra pay step(s) in the same function


@dataclass(frozen=True, slots=True)
class EffectRule:
    """One rule of the organisation: a unit with `effect` leads to `consequence`, with
    `steps` periodieken or towards `function`. A rule with `from_function` applies only to
    employees in that function; without one, to everyone."""

    effect: EmployerEffect
    consequence: Consequence
    steps: int = 1
    function: str | None = None  # the function proposed (NEW_/TEMPORARY_FUNCTION)
    from_function: str | None = None


Coded = TypeVar("Coded", Act, Task, Function)


def _by_code(kind: str, values: Iterable[Coded]) -> dict[str, Coded]:
    found: dict[str, Coded] = {}
    for value in values:
        if value.code in found:
            raise DuplicateCode(kind, value.code)
        found[value.code] = value
    return found


@dataclass(frozen=True, slots=True)
class Functiehuis:
    """An organisation's functions, task library, acts and rules, checked for consistency
    on construction: every task of a function and every act of a task is known, codes are
    unique. `unit_effects` flags units heavier or deepening for this organisation, over
    the catalog's own `Unit.employer_effect`."""

    functions: tuple[Function, ...] = ()
    tasks: tuple[Task, ...] = ()
    acts: tuple[Act, ...] = ()
    rules: tuple[EffectRule, ...] = ()
    unit_effects: Mapping[str, EmployerEffect] = field(default_factory=dict)
    _functions: dict[str, Function] = field(init=False, repr=False, compare=False)
    _tasks: dict[str, Task] = field(init=False, repr=False, compare=False)
    _acts: dict[str, Act] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        acts = _by_code("act", self.acts)
        tasks = _by_code("task", self.tasks)
        functions = _by_code("function", self.functions)
        for task in tasks.values():
            for act in task.acts:
                if act not in acts:
                    raise UnknownAct.among(act, acts)
        for function in functions.values():
            for task_code in function.tasks:
                if task_code not in tasks:
                    raise UnknownTask.among(task_code, tasks)
        for rule in self.rules:
            for named in (rule.function, rule.from_function):
                if named is not None and named not in functions:
                    raise UnknownFunction.among(named, functions)
        object.__setattr__(self, "_acts", acts)
        object.__setattr__(self, "_tasks", tasks)
        object.__setattr__(self, "_functions", functions)

    def function(self, code: str) -> Function:
        if code not in self._functions:
            raise UnknownFunction.among(code, self._functions)
        return self._functions[code]

    def task(self, code: str) -> Task:
        if code not in self._tasks:
            raise UnknownTask.among(code, self._tasks)
        return self._tasks[code]

    def act(self, code: str) -> Act:
        if code not in self._acts:
            raise UnknownAct.among(code, self._acts)
        return self._acts[code]

    @property
    def task_codes(self) -> tuple[str, ...]:
        return tuple(self._tasks)

    def with_function(self, function: Function) -> Functiehuis:
        """This functiehuis with `function` added (or replacing the one with its code)."""
        kept = tuple(f for f in self.functions if f.code != function.code)
        return Functiehuis((*kept, function), self.tasks, self.acts, self.rules, self.unit_effects)


class Evidence(StrEnum):
    """What a bekwaamheidsverklaring rests on."""

    TEST = "test"  # a theory and practical test
    ENTRUSTMENT = "entrustment"  # entrusted after observed practice (EPA)
    CERTIFICATE = "certificate"  # a certificate or diploma that covers it


@dataclass(frozen=True, slots=True)
class Authorisation:
    """A dated bekwaamheidsverklaring for one act: granted on `granted_on` by `signed_by`
    (someone the organisation designates), valid through `valid_until` inclusive (None:
    until withdrawn)."""

    act: str
    granted_on: date
    valid_until: date | None
    evidence: Evidence
    signed_by: str

    def __post_init__(self) -> None:
        if self.valid_until is not None and self.valid_until < self.granted_on:
            raise InvalidValidity(self.act)

    def valid_on(self, day: date) -> bool:
        """Valid from the day it was granted through its last day."""
        return self.granted_on <= day and (self.valid_until is None or day <= self.valid_until)


@dataclass(frozen=True, slots=True)
class Employee:
    """A member of staff as deployability sees them. `werkprocessen` are those credited to
    them (the app resolves consented school data into werkprocessen with
    opmaat.domain.routes.resolve_credit); `levels` the current entrustment level per
    werkproces from progress records; `completed_units` units completed recently, for the
    organisation's heavier/deepening rules. An applicant is an Employee too (no team)."""

    key: int
    name: str
    team: str = ""
    function: str | None = None
    contract_hours: float = 0.0
    werkprocessen: frozenset[str] = frozenset()
    levels: Mapping[str, SupervisionLevel] = field(default_factory=dict)
    authorisations: tuple[Authorisation, ...] = ()
    completed_units: tuple[str, ...] = ()
