"""Dates: the route's work on parallel tracks, week by week on the person's calendar.

Three tracks run side by side: the vocational work, the generic subjects alongside it and
the keuzedelen too. Workplace hours serve the vocational work and the keuzedelen; school
and self-study hours serve every track. The route is scheduled so that the tracks end
together, as early as the person's weeks allow:

1. Exams only (a generic subject someone already masters) go first, one after the other,
   in school and self-study hours: exams are taken at school.
2. Loopbaan en burgerschap, an obligation, takes its share of each week's school and
   self-study hours for as long as the route runs.
3. The route ends in the first week T by which (a) all hours left fit in all the hours
   available and (b) the generic courses fit in the school and self-study hours available.
   Both grow with every week, so more hours a week or fewer hours to do never end later.
4. Each week the generic courses take the same share of the school and self-study hours
   (their hours over those available up to T); the vocational work and the keuzedelen
   share the rest in proportion to their hours, so all three end in week T.
5. On the vocational track the units follow each other in order (prerequisites first);
   the generic courses run alongside each other, in proportion to their hours.

An item starts on the working day its first hour falls and ends on the day its last hour
is done, counting the week's hours as spread evenly over its working days.
"""

from __future__ import annotations

import calendar as gregorian
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from opmaat.domain.errors import InvalidInput
from opmaat.domain.routes.calendar import Week
from opmaat.domain.routes.errors import NeedsStudyHours, RouteTooLong
from opmaat.domain.routes.time import StudyTime

EPSILON = 1e-9
MAX_WEEKS = 52 * 60  # a route that would take longer is a mistake in the input


class Track(StrEnum):
    VOCATIONAL = "vocational"
    GENERIC = "generic"
    ELECTIVE = "elective"


@dataclass
class Task:
    """One item to schedule and, once scheduled, its dates."""

    track: Track
    hours: float
    exam_only: bool = False
    # An obligation: the share of each teaching week's school and study hours it takes for as
    # long as the route runs (loopbaan en burgerschap: 40 of 1,600 hours a year).
    obligation_share: float = 0.0
    done: float = field(default=0.0, init=False)
    start: date | None = field(default=None, init=False)
    end: date | None = field(default=None, init=False)

    @property
    def obligation(self) -> bool:
        return self.obligation_share > 0

    @property
    def left(self) -> float:
        return 0.0 if self.obligation else max(self.hours - self.done, 0.0)

    @property
    def open(self) -> bool:
        return self.end is None if self.obligation else self.left > EPSILON


@dataclass(frozen=True, slots=True)
class Slot:
    start: date
    end: date


class BeyondHorizon(InvalidInput):
    """The route would not end by the date it was asked to end by."""

    code = "beyond_horizon"


def schedule(
    tasks: Sequence[Task], start: date, time: StudyTime, horizon: date | None = None
) -> list[Slot]:
    """One slot per task, on `time`'s calendar from `start` (see the module's steps);
    BeyondHorizon when the route cannot end by `horizon`."""
    check_feasible(tasks, time)
    weeks = list(plan_weeks(tasks, start, time, horizon))
    exams = [t for t in tasks if t.exam_only]
    obligations = [t for t in tasks if t.obligation]
    vocational = [t for t in tasks if is_course(t, Track.VOCATIONAL)]
    generic = [t for t in tasks if is_course(t, Track.GENERIC)]
    elective = [t for t in tasks if is_course(t, Track.ELECTIVE)]
    end = ending_week(weeks, left(vocational) + left(elective), left(generic))
    study_share = left(generic) / max(sum(w.study for w in weeks[: end + 1]), EPSILON)
    for index, w in enumerate(weeks):
        if w.exam > EPSILON:
            run_sequence(exams, w.week, w.exam, of=w.exam + w.obligation + w.study)
        for task in obligations:
            if index <= end:
                task.done += w.obligation
                if w.obligation > EPSILON:
                    begin(task, w.week, 0.0)
            if index == max(end, 0):
                finish(task, w.week, 1.0)
        generic_left = left(generic)
        g = min(w.study * study_share, generic_left)
        run_parallel(generic, w.week, g, generic_left)
        elective_left = left(elective)
        v, e = split(w.work + w.study - g, left(vocational), elective_left)
        run_sequence(vocational, w.week, v)
        run_parallel(elective, w.week, e, elective_left)
    for task in tasks:
        if task.start is None or task.end is None:
            task.start = task.end = start
        elif task.hours <= EPSILON and not task.obligation:
            task.end = task.start
    return [Slot(t.start or start, t.end or start) for t in tasks]


def is_course(task: Task, track: Track) -> bool:
    return task.track == track and not task.exam_only and not task.obligation


@dataclass(frozen=True, slots=True)
class PlannedWeek:
    """One week's hours: workplace, school and self-study, of which exams and the obligation
    take `exam` and `obligation` first."""

    week: Week
    work: float
    study: float  # for the courses, after exams and the obligation
    exam: float
    obligation: float


def plan_weeks(
    tasks: Sequence[Task], start: date, time: StudyTime, horizon: date | None = None
) -> Iterator[PlannedWeek]:
    """The weeks from `start` until the route's work fits (step 3), with their hours."""
    exams_left = sum(t.hours for t in tasks if t.exam_only)
    share = sum(t.obligation_share for t in tasks if t.obligation)
    courses = sum(t.hours for t in tasks if not t.exam_only and not t.obligation)
    generic = sum(t.hours for t in tasks if is_course(t, Track.GENERIC))
    total = study_total = 0.0
    weeks = time.calendar.weeks(start)
    for _ in range(MAX_WEEKS):
        try:
            week = next(weeks)
        except OverflowError:
            raise RouteTooLong(start.isoformat()) from None
        if horizon is not None and week.first > horizon:
            raise BeyondHorizon(horizon=horizon.isoformat())
        work, study = time.week(week) if week.days else (0.0, 0.0)
        exam = min(exams_left, study)
        exams_left -= exam
        obligation = share * (study - exam)
        left_for_courses = study - exam - obligation
        yield PlannedWeek(week, work, left_for_courses, exam, obligation)
        total += work + left_for_courses
        study_total += left_for_courses
        done = exams_left <= EPSILON and total >= courses - EPSILON
        if done and study_total >= generic - EPSILON and (courses > 0 or share == 0 or exam):
            return
    raise RouteTooLong(start.isoformat(), MAX_WEEKS // 52)


def ending_week(weeks: Sequence[PlannedWeek], anywhere: float, generic: float) -> int:
    """The index of the week by which `anywhere` hours fit in all hours and `generic` hours
    in school and self-study hours; -1 when there is nothing to fit."""
    if anywhere + generic <= EPSILON:
        return -1
    total = study = 0.0
    for index, w in enumerate(weeks):
        total += w.work + w.study
        study += w.study
        if total >= anywhere + generic - EPSILON and study >= generic - EPSILON:
            return index
    return len(weeks) - 1


def check_feasible(tasks: Sequence[Task], time: StudyTime) -> None:
    needs_school = any(t.track == Track.GENERIC and t.hours > 0 for t in tasks)
    if needs_school and time.school_and_study_hours <= 0:
        raise NeedsStudyHours()


def split(hours: float, a: float, b: float) -> tuple[float, float]:
    """`hours` over two tracks in proportion to what they have left, capped at it, what one
    cannot use going to the other."""
    if a + b <= EPSILON:
        return 0.0, 0.0
    x = min(hours * a / (a + b), a)
    y = min(hours * b / (a + b), b)
    spare = hours - x - y
    more_x = min(a - x, spare)
    return x + more_x, min(b, y + spare - more_x)


def left(tasks: Sequence[Task]) -> float:
    return sum(t.left for t in tasks)


def run_sequence(tasks: Sequence[Task], week: Week, hours: float, of: float | None = None) -> float:
    """`hours` to `tasks` one after the other (the vocational units, exams), as the first
    part of a week of `of` hours (default: just these); the hours used."""
    if hours <= EPSILON:
        return 0.0
    whole = of or hours
    used = 0.0
    for task in tasks:
        if used >= hours - EPSILON:
            break
        if not task.open:
            continue
        part = min(task.left, hours - used)
        begin(task, week, used / whole)
        task.done += part
        used += part
        if not task.open:
            finish(task, week, used / whole)
    return used


def run_parallel(
    tasks: Sequence[Task], week: Week, hours: float, total: float | None = None
) -> None:
    """`hours` over `tasks` side by side, in proportion to what each has left (`total`, when
    the caller summed it already)."""
    total = left(tasks) if total is None else total
    if hours <= EPSILON or total <= EPSILON:
        return
    for task in tasks:
        given = hours * task.left / total
        if given <= EPSILON:
            continue
        begin(task, week, 0.0)
        if given >= task.left - EPSILON:
            finish(task, week, task.left / given)
        else:
            task.done += given


def begin(task: Task, week: Week, fraction: float) -> None:
    if task.start is None:
        task.start = week.day(fraction, end=False)


def finish(task: Task, week: Week, fraction: float) -> None:
    begin(task, week, 0.0)
    task.end = week.day(min(max(fraction, 0.0), 1.0), end=True)
    if not task.obligation:
        task.done = task.hours


def completion(slots: Sequence[Slot], start: date) -> date:
    """The day the last item ends, or `start` when nothing is left to do."""
    return max((s.end for s in slots), default=start)


def add_months(day: date, months: int) -> date:
    """`day` moved by whole calendar months, clamped to the month's end (Jan 31 + 1 = Feb 28)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = gregorian.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))
