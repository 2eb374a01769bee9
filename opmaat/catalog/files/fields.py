"""Reading typed fields from parsed records while collecting every problem found."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import date, datetime
from enum import StrEnum
from typing import TypeVar

from opmaat.domain.errors import Problem

MISSING = object()
NUMBER = re.compile(r"-?\d+([.,]\d+)?([eE][-+]?\d+)?")
E = TypeVar("E", bound=StrEnum)


class Problems:
    """Every problem in one file, in the order found."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.found: list[Problem] = []
        self._seen: set[Problem] = set()

    def add(self, location: str, field: str, message: str) -> None:
        problem = Problem(self.file, location, field, message)
        if problem not in self._seen:  # a field read twice is still one problem
            self._seen.add(problem)
            self.found.append(problem)

    def in_file_order(self) -> list[Problem]:
        """Problems of a document by line; table problems stay in reading order (by table)."""
        return sorted(self.found, key=lambda p: line_number(p.location))


def line_number(location: str) -> int:
    """12 for "line 12"; 0 for a sheet or CSV row, which keep their order."""
    number = location.removeprefix("line ")
    return int(number) if number != location and number.isdigit() else 0


class Record:
    """One entity's fields (a YAML mapping or a table row) with the location of each field.

    Values may come typed (YAML, XLSX) or as text (CSV); the readers accept both. An empty
    value counts as not given.
    """

    def __init__(
        self,
        values: Mapping[str, object],
        locations: Mapping[str, str],
        location: str,
        problems: Problems,
    ) -> None:
        self.values = dict(values)
        self.locations = dict(locations)
        self.location = location
        self.problems = problems
        self.ok = True

    def lift(self, field: str, value: object, location: str) -> None:
        """Add a field given inside a nested mapping (`generic: {nederlands: 2F}`)."""
        self.values[field] = value
        self.locations[field] = location

    def where(self, field: str) -> str:
        return self.locations.get(field, self.location)

    def fail(self, field: str, message: str) -> None:
        self.ok = False
        self.problems.add(self.where(field), field, message)

    def allow_only(self, fields: set[str]) -> None:
        for name in self.values:
            if name not in fields:
                self.fail(name, f"unknown field (expected one of: {', '.join(sorted(fields))})")

    def raw(self, field: str) -> object:
        value = self.values.get(field, MISSING)
        if value is None or (isinstance(value, str) and not value.strip()):
            return MISSING
        return value

    def required(self, field: str) -> object:
        value = self.raw(field)
        if value is MISSING:
            self.fail(field, "required")
        return value

    def text(self, field: str, required: bool = False, max_length: int = 0) -> str:
        value = self.required(field) if required else self.raw(field)
        if value is MISSING:
            return ""
        if isinstance(value, (dict, list)):
            self.fail(field, "expected text")
            return ""
        text = str(value).strip()
        if max_length and len(text) > max_length:
            self.fail(field, f"longer than {max_length} characters")
        return text

    def code(self, field: str, required: bool = True) -> str:
        text = self.text(field, required, max_length=64)
        return code_text(self.raw(field)) if text else ""

    def number(self, field: str, minimum: float, default: float | None = None) -> float:
        value = self.required(field) if default is None else self.raw(field)
        if value is MISSING:
            return default if default is not None else 0.0
        parsed = to_number(value)
        if parsed is None:
            self.fail(field, f"expected a number, got {value!r}")
            return 0.0
        if parsed < minimum:
            self.fail(field, f"must be at least {minimum:g}, got {parsed:g}")
        return parsed

    def optional_number(self, field: str, minimum: float) -> float | None:
        return None if self.raw(field) is MISSING else self.number(field, minimum)

    def integer(self, field: str, low: int, high: int, required: bool = True) -> int | None:
        value = self.required(field) if required else self.raw(field)
        if value is MISSING:
            return None
        parsed = to_number(value)
        if parsed is None or parsed != int(parsed) or isinstance(value, bool):
            self.fail(field, f"expected a whole number, got {value!r}")
            return None
        if not low <= parsed <= high:
            self.fail(field, f"must be {low} to {high}, got {int(parsed)}")
        return int(parsed)

    def boolean(self, field: str, default: bool = False) -> bool:
        value = self.raw(field)
        if value is MISSING:
            return default
        parsed = to_bool(value)
        if parsed is None:
            self.fail(field, f"expected true or false, got {value!r}")
            return default
        return parsed

    def choice(self, field: str, enum: type[E], default: E | None) -> E | None:
        value = self.raw(field)
        if value is MISSING:
            return default
        try:
            return enum(str(value).strip())
        except ValueError:
            allowed = ", ".join(e.value for e in enum)
            self.fail(field, f"expected one of {allowed}, got {value!r}")
            return default

    def day(self, field: str) -> date | None:
        value = self.raw(field)
        if value is MISSING:
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value).strip())
        except ValueError:
            self.fail(field, f"expected a date YYYY-MM-DD, got {value!r}")
            return None

    def items(self, field: str, separator: str, upper: bool) -> tuple[str, ...]:
        """A list: a YAML sequence, or text separated by `separator` in a table cell."""
        value = self.raw(field)
        if value is MISSING:
            return ()
        if isinstance(value, list):
            parts = [v for v in value if is_scalar(v)]
            if len(parts) < len(value):
                self.fail(field, "expected a list of codes or text")
        elif isinstance(value, (str, int, float)):
            parts = [p.strip() for p in str(value).split(separator)]
        else:
            self.fail(field, "expected a list")
            return ()
        texts = (code_text(p) if upper else str(p).strip() for p in parts)
        return tuple(t for t in texts if t)

    def codes(self, field: str) -> tuple[str, ...]:
        return self.items(field, ";", upper=True)

    def texts(self, field: str) -> tuple[str, ...]:
        return self.items(field, " | ", upper=False)


def is_scalar(value: object) -> bool:
    """Text, a number or a date: what a list of codes or sources may hold."""
    return isinstance(value, (str, int, float, date)) and not isinstance(value, bool)


def code_text(value: object) -> str:
    """A code as stored: upper-case text; a crebo typed into a spreadsheet as the number
    25475 (read back as 25475.0) is the code 25475."""
    if value is MISSING or value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip().upper()


def to_number(value: object) -> float | None:
    """A finite number from a number or text ("1680", "12,5", "1e-05"); None otherwise."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        number = float(value)
    elif isinstance(value, str) and NUMBER.fullmatch(value.strip()):
        number = float(value.strip().replace(",", "."))
    else:
        return None
    return number if math.isfinite(number) else None


def to_bool(value: object) -> bool | None:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in {"true", "ja", "yes", "1", "waar"}:
        return True
    if text in {"false", "nee", "no", "0", "onwaar"}:
        return False
    return None
