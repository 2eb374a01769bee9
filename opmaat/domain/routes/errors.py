"""Errors the route planner raises, each with a stable `code` (docs/errors.md)."""

from __future__ import annotations

from collections.abc import Sequence

from opmaat.domain.errors import DomainError, InvalidInput


class PrerequisiteCycle(DomainError):
    """Units that require each other, so no order can respect all prerequisites."""

    code = "prerequisite_cycle"
    status = 422

    def __init__(self, cycle: Sequence[str]) -> None:
        self.cycle = tuple(cycle)
        super().__init__(cycle=self.cycle)


class InvalidPace(InvalidInput):
    code = "invalid_pace"

    def __init__(self, hours_per_week: float) -> None:
        self.hours_per_week = hours_per_week
        super().__init__(field="study_hours", value=hours_per_week)


class NotATarget(InvalidInput):
    """A code that exists but cannot be planned towards (an outcome, an old diploma):
    `kind` is "outcome" or "equivalence"."""

    code = "not_a_target"
    variant = "kind"

    def __init__(self, value: str, kind: str) -> None:
        self.value = value
        self.kind = kind
        super().__init__(field="target", value=value, kind=kind)


class HoursOutOfRange(InvalidInput):
    """Hours a week below 0, not a number, or above `limit` (when there is one);
    `field` is study_hours, work_hours or school_hours."""

    code = "hours_out_of_range"

    def __init__(self, field: str, value: float, limit: float | None = None) -> None:
        if limit is None:
            super().__init__(field=field, value=value)
        else:
            super().__init__(field=field, value=value, limit=limit)

    @property
    def message_key(self) -> str:
        return f"{self.code}.limit" if "limit" in self.data else self.code


class WorkHoursInBol(InvalidInput):
    """BOL is full-time school with internships: work hours do not count as study load."""

    code = "work_hours_in_bol"

    def __init__(self) -> None:
        super().__init__(field="pathway")


class WeekTooLong(InvalidInput):
    code = "week_too_long"

    def __init__(self, hours: float, limit: float) -> None:
        super().__init__(field="study_hours", hours=hours, limit=limit)


class NoHours(InvalidInput):
    """A week with neither study nor work hours: no route ever ends."""

    code = "no_hours"

    def __init__(self) -> None:
        super().__init__(field="study_hours")


class NeedsStudyHours(InvalidInput):
    """Generic subjects and exams need school or self-study hours; the week has none."""

    code = "needs_study_hours"

    def __init__(self) -> None:
        super().__init__(field="study_hours")


class RouteTooLong(InvalidInput):
    """A route that would run past the year 9999 (`years` 0) or past `years` years."""

    code = "route_too_long"

    def __init__(self, start: str, years: int = 0) -> None:
        super().__init__(start=start, years=years)

    @property
    def message_key(self) -> str:
        return f"{self.code}.years" if self.data["years"] else self.code


class NoSuchCut(InvalidInput):
    """A cut (uitstroom) the qualification does not have."""

    code = "no_such_cut"

    def __init__(self, qualification: str, cut: str, cuts: Sequence[str]) -> None:
        super().__init__(field="cut", qualification=qualification, cut=cut, cuts=tuple(cuts))


class NotGeneric(InvalidInput):
    """An exam-only code that is not a generic subject."""

    code = "not_generic"

    def __init__(self, value: str) -> None:
        super().__init__(field="exam_only", value=value)


class NegativeMonths(InvalidInput):
    code = "negative_months"

    def __init__(self, months: int) -> None:
        super().__init__(field="months", value=months)


class InvalidMatrix(InvalidInput):
    """A programming mistake in using the scan matrix (shapes, hours, chunks); `problem`
    names it."""

    code = "invalid_matrix"

    def __init__(self, problem: str, **data: str | int) -> None:
        super().__init__(problem=problem, **data)
