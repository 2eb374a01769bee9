"""Errors of the matching core, each with a stable `code` (docs/errors.md)."""

from __future__ import annotations

from opmaat.domain.errors import FileProblems, InvalidInput

MAX_FILL_PAIRS = 20_000_000  # about 1 GiB of temporary arrays


class DuplicateId(InvalidInput):
    """`kind` is "place" or "student"."""

    code = "duplicate_id"
    variant = "kind"

    def __init__(self, kind: str, value: str) -> None:
        self.value = value
        super().__init__(kind=kind, value=value)


class UnknownReference(InvalidInput):
    """A preference naming a place that is not offered, or a ranking naming an unknown
    student; `owner` is the student or place whose list it is."""

    code = "unknown_reference"
    variant = "kind"

    def __init__(self, owner: str, kind: str, value: str) -> None:
        self.value = value
        super().__init__(owner=owner, kind=kind, value=value)


class RepeatedEntry(InvalidInput):
    """A place listed twice in one student's preferences, or a student twice in a ranking."""

    code = "repeated_entry"
    variant = "kind"

    def __init__(self, owner: str, kind: str, value: str) -> None:
        self.value = value
        super().__init__(owner=owner, kind=kind, value=value)


class NegativeCapacity(InvalidInput):
    code = "negative_capacity"

    def __init__(self, place: str) -> None:
        super().__init__(place=place)


class FillTooLarge(InvalidInput):
    """The post-match fill over more student-seat pairs than `limit`: run it per region."""

    code = "fill_too_large"

    def __init__(self, pairs: int) -> None:
        super().__init__(pairs=pairs, limit=MAX_FILL_PAIRS)


class InvalidMatchingFile(FileProblems, InvalidInput):
    """A places or students file with problems (file, row, column), `problems` holds them
    all."""

    code = "invalid_matching_file"
