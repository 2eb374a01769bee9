"""Shift coverage: per team, day and time window, which shift needs are met and by whom,
which are not, and who else could meet them.

A need (ShiftNeed) asks `count` people who may do `task` ALONE in a team's time window on
a weekday; the roster (RosterShift) says who works when. Per window the rostered people
of the team whose shift spans the whole window are assigned to the needs: a maximum
b-matching (each person at most one need per window, each need at most `count` people,
only people ALONE for the need's task), found as a maximum flow. Then the unmet needs of
the day get the best gap-filling assignment of the organisation's other people: those
ALONE for the task and not rostered at a time overlapping the window that day, each
proposed for at most one need that day (one extra shift).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time

import numpy as np
import numpy.typing as npt

from opmaat.domain.workforce.deployability import Deployability

BoolMatrix = npt.NDArray[np.bool_]


@dataclass(frozen=True, slots=True)
class ShiftNeed:
    team: str
    weekday: int  # 0 = Monday (date.weekday())
    start: time
    end: time
    task: str
    count: int


@dataclass(frozen=True, slots=True)
class RosterShift:
    employee: int
    day: date
    start: time
    end: time
    team: str


@dataclass(frozen=True, slots=True)
class Capability:
    """Who may do which task alone (and under supervision), as boolean matrices employees
    × tasks, built once for a whole organisation: `employees` are the keys of the rows,
    `tasks` the codes of the columns."""

    employees: tuple[int, ...]
    tasks: tuple[str, ...]
    alone: BoolMatrix
    supervised: BoolMatrix
    teams: tuple[str, ...] = ()  # per row: the employee's own team

    def row(self, employee: int) -> int:
        raise NotImplementedError

    def column(self, task: str) -> int:
        raise NotImplementedError


def capability(deployed: Sequence[Deployability], tasks: Sequence[str]) -> Capability:
    """The capability matrices of these deployabilities over `tasks`."""
    raise NotImplementedError


@dataclass(frozen=True, slots=True)
class NeedCoverage:
    """One need in one window: who covers it from the roster (`by`), how many are still
    unmet, who could fill them (`fill`, available people ALONE for the task, in the
    gap-filling assignment) and who on shift could do it under supervision only."""

    need: ShiftNeed
    by: tuple[int, ...]
    unmet: int
    fill: tuple[int, ...] = ()
    supervised: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class WindowCoverage:
    team: str
    day: date
    start: time
    end: time
    needs: tuple[NeedCoverage, ...]
    rostered: tuple[int, ...]  # on shift in the team for the whole window

    @property
    def required(self) -> int:
        return sum(n.need.count for n in self.needs)

    @property
    def met(self) -> int:
        return sum(len(n.by) for n in self.needs)


@dataclass(frozen=True, slots=True)
class DayCoverage:
    day: date
    windows: tuple[WindowCoverage, ...]

    @property
    def unmet(self) -> int:
        return sum(n.unmet for w in self.windows for n in w.needs)


def cover(
    capability: Capability,
    needs: Sequence[ShiftNeed],
    roster: Sequence[RosterShift],
    days: Sequence[date],
) -> tuple[DayCoverage, ...]:
    """The coverage of every day in `days` (see the module's rule), computed as one
    maximum flow over all windows and one gap-filling flow per day."""
    raise NotImplementedError


def cover_day(
    capability: Capability,
    needs: Sequence[ShiftNeed],
    roster: Sequence[RosterShift],
    day: date,
) -> DayCoverage:
    """`cover` for one day."""
    return cover(capability, needs, roster, [day])[0]


@dataclass(frozen=True, slots=True)
class Heatmap:
    """Share of need-slots met per team (rows) × time window (columns, "07:00–10:00"),
    over the days given; NaN where a team has no need in a window."""

    teams: tuple[str, ...]
    windows: tuple[str, ...]
    share: npt.NDArray[np.float64]


def heatmap(coverages: Sequence[DayCoverage]) -> Heatmap:
    raise NotImplementedError
