"""Errors raised by the domain core, each with a stable machine-readable `code`.

The edges translate them once: the CLI prints `opmaat: <message>` and exits 1, the API
answers with problem details. docs/errors.md lists the codes.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


class DomainError(Exception):
    code = "domain_error"


class UnknownCode(DomainError):
    code = "unknown_code"

    def __init__(self, value: str, closest: Sequence[str] = ()) -> None:
        self.value = value
        self.closest = tuple(closest)
        hint = f"; closest: {', '.join(self.closest)}" if self.closest else ""
        super().__init__(f"unknown code {value!r}{hint}")

    @classmethod
    def among(cls, value: str, known: Iterable[str]) -> UnknownCode:
        """The error for `value`, naming up to three known codes that look most like it."""
        return cls(value, closest_codes(value, known))


class InvalidInput(DomainError):
    code = "invalid_input"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in an input file: where it is and what is wrong."""

    file: str
    location: str  # "line 12", "sheet units, row 4" or "" when the file as a whole is wrong
    field: str
    message: str

    def __str__(self) -> str:
        where = ":".join(part for part in (self.file, self.location) if part)
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"


class InvalidCatalog(DomainError):
    """A catalog file with problems; every problem found is listed, not just the first."""

    code = "invalid_catalog"

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        first = str(self.problems[0]) if self.problems else "no problems"
        more = f" (and {count - 1} more)" if count > 1 else ""
        super().__init__(f"{first}{more}")


def closest_codes(value: str, known: Iterable[str], limit: int = 3) -> list[str]:
    """Up to `limit` known codes most like `value`: same characters in another order (a
    typing slip such as 25747 for 25477) first, then by similarity."""
    wanted = value.strip().upper()

    def score(code: str) -> tuple[bool, float]:
        upper = code.upper()
        return sorted(upper) == sorted(wanted), difflib.SequenceMatcher(None, wanted, upper).ratio()

    scored = sorted(((score(code), code) for code in set(known)), reverse=True)
    return [code for (same, ratio), code in scored if same or ratio >= 0.5][:limit]
