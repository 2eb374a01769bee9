"""Errors of the matching core, each with a stable `code` (docs/errors.md)."""

from __future__ import annotations

from collections.abc import Sequence

from opmaat.domain.errors import InvalidInput, Problem

MAX_FILL_PAIRS = 20_000_000  # about 1 GiB of temporary arrays


class DuplicateId(InvalidInput):
    code = "duplicate_id"

    def __init__(self, kind: str, value: str) -> None:
        self.value = value
        super().__init__(f"duplicate {kind} id {value!r}")


class UnknownReference(InvalidInput):
    """A preference naming a place that is not offered, or a ranking naming an unknown
    student."""

    code = "unknown_reference"

    def __init__(self, owner: str, kind: str, value: str) -> None:
        self.value = value
        super().__init__(f"{owner} names an unknown {kind} {value!r}")


class RepeatedEntry(InvalidInput):
    """A place listed twice in one student's preferences, or a student twice in a ranking."""

    code = "repeated_entry"

    def __init__(self, owner: str, kind: str, value: str) -> None:
        self.value = value
        super().__init__(f"{owner} names {kind} {value!r} twice")


class NegativeCapacity(InvalidInput):
    code = "negative_capacity"

    def __init__(self, place: str) -> None:
        super().__init__(f"place {place!r} has a negative capacity")


class FillTooLarge(InvalidInput):
    code = "fill_too_large"

    def __init__(self, pairs: int) -> None:
        super().__init__(
            f"the fill would weigh {pairs:,} student-seat pairs (at most {MAX_FILL_PAIRS:,}); "
            "run it region by region"
        )


class InvalidMatchingFile(InvalidInput):
    """A places or students file with problems; the message is the first problem (file,
    row, column), `problems` holds them all."""

    code = "invalid_matching_file"

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        first = str(self.problems[0]) if self.problems else "no problems"
        more = f" (and {count - 1} more)" if count > 1 else ""
        super().__init__(f"{first}{more}")
