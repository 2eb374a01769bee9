"""Shift needs, roster shifts and what coverage says about them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

import numpy as np
import numpy.typing as npt

from opmaat.domain.workforce.errors import InvalidShift


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


@dataclass(frozen=True, slots=True)
class Heatmap:
    """Share of need-places met from the roster per team (rows) × time window (columns,
    "07:00–10:00"), over the days given; NaN where a team has no need in a window."""

    teams: tuple[str, ...]
    windows: tuple[str, ...]
    share: npt.NDArray[np.float64]
