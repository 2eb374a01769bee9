"""Errors of the workforce core, each with a stable `code` (docs/errors.md)."""

from __future__ import annotations

from opmaat.domain.errors import InvalidInput, UnknownCode


class UnknownTask(UnknownCode):
    """A task code that the functiehuis's task library does not hold."""

    code = "unknown_task"


class UnknownAct(UnknownCode):
    """An act code that is neither a reserved act (Wet BIG art. 36) nor one of the
    organisation's risky acts."""

    code = "unknown_act"


class UnknownFunction(UnknownCode):
    """A function code that the functiehuis does not hold."""

    code = "unknown_function"


class DuplicateCode(InvalidInput):
    """Two functions, tasks or acts (`kind`) with the same code."""

    code = "duplicate_workforce_code"
    variant = "kind"

    def __init__(self, kind: str, value: str) -> None:
        super().__init__(kind=kind, value=value)


class QualificationAndWerkprocessen(InvalidInput):
    """A function that requires a qualification and also werkprocessen or units: it is
    defined by one or the other (issue 16), so what it needs is never ambiguous."""

    code = "qualification_and_werkprocessen"

    def __init__(self, function: str) -> None:
        super().__init__(field="qualification", function=function)


class InvalidSupervisionLevel(InvalidInput):
    """A supervision level outside 1–5 (CZO levels, opmaat.domain.progress)."""

    code = "invalid_supervision_level"

    def __init__(self, value: int) -> None:
        super().__init__(field="min_level", value=value)


class InvalidValidity(InvalidInput):
    """An authorisation that ends before it starts, or an act whose validity in months is
    not positive."""

    code = "invalid_validity"

    def __init__(self, act: str) -> None:
        super().__init__(field="valid_until", act=act)


class InvalidShift(InvalidInput):
    """A shift or shift need that ends before it starts, has a weekday outside 0–6 or a
    count below 1 (`reason`: times, weekday, count)."""

    code = "invalid_shift"
    variant = "reason"

    def __init__(self, reason: str, team: str) -> None:
        super().__init__(reason=reason, team=team)


class NothingToCarve(InvalidInput):
    """A job carving that picks no task, or tasks the source function does not have
    (`tasks` names those)."""

    code = "nothing_to_carve"

    def __init__(self, function: str, tasks: tuple[str, ...] = ()) -> None:
        super().__init__(field="tasks", function=function, tasks=tasks)
