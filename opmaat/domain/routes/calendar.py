"""Which weeks a person studies and which they work: school holidays and leave.

Weeks are ISO weeks (Monday to Sunday; study and work happen Monday to Friday). The
defaults are opmaat's reading of the sources, editable per person:

- A school year has 40 teaching weeks (MBO Utrecht: "een onderwijsjaar van 40 weken";
  Rijn IJssel: 8 periods of 5 or 4 periods of 10 weeks). Which weeks are off is set by each
  school; the default takes the usual pattern: summer weeks 28-34, autumn week 43,
  Christmas weeks 52, 53 and 1, spring week 8 and May week 18.
- Work goes on in school holidays (a BBL learner owes the employer their hours, Rijn
  IJssel), except for leave: at least four times the weekly working hours a year (Burgerlijk
  Wetboek art. 7:634), taken by default in summer weeks 30-33, plus Christmas week 52.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

SCHOOL_HOLIDAY_WEEKS = frozenset({1, 8, 18, 28, 29, 30, 31, 32, 33, 34, 43, 52, 53})
LEAVE_WEEKS = frozenset({30, 31, 32, 33, 52})
WORKDAYS = 5
DAYS_PER_MONTH = 365.25 / 12


@dataclass(frozen=True, slots=True)
class Week:
    """The working days of one calendar week that fall on or after the route's start."""

    first: date  # the first working day counted (the start date in the first week)
    days: int  # working days counted, 0-5
    school: bool  # a teaching week
    work: bool  # a working week (not leave)

    def day(self, fraction: float, *, end: bool) -> date:
        """The working day at `fraction` (0-1) of this week's counted days: for an end, the
        day on which that share of the week's hours is done."""
        offset = fraction * self.days
        index = math.ceil(offset) - 1 if end else math.floor(offset)
        return self.first + timedelta(days=min(max(index, 0), max(self.days - 1, 0)))


@dataclass(frozen=True, slots=True)
class Calendar:
    school_holidays: frozenset[int] = SCHOOL_HOLIDAY_WEEKS
    leave: frozenset[int] = LEAVE_WEEKS

    def weeks(self, start: date) -> Iterator[Week]:
        """The weeks from `start` on, for ever; the first is cut at `start`."""
        monday = start - timedelta(days=start.weekday())
        first = start
        while True:
            number = monday.isocalendar().week
            days = max(WORKDAYS - (first - monday).days, 0)
            yield Week(first, days, number not in self.school_holidays, number not in self.leave)
            monday += timedelta(days=7)
            first = monday

    def school_weeks_per_year(self) -> int:
        return 52 - len(self.school_holidays & frozenset(range(1, 53)))

    def work_weeks_per_year(self) -> int:
        return 52 - len(self.leave & frozenset(range(1, 53)))

    def year_weeks(self) -> Iterator[tuple[bool, bool]]:
        """(teaching week, working week) for each of a year's 52 weeks."""
        for number in range(1, 53):
            yield number not in self.school_holidays, number not in self.leave


DEFAULT_CALENDAR = Calendar()


def months_between(start: date, end: date) -> float:
    """Calendar months from `start` to `end`, one decimal."""
    return round((end - start).days / DAYS_PER_MONTH, 1)
