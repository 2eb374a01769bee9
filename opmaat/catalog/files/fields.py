"""Reading typed fields from parsed records while collecting every problem found."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from enum import StrEnum
from typing import TypeVar

from opmaat.tabular import cells
from opmaat.tabular.cells import code_text, to_bool, to_date, to_number, to_whole
from opmaat.tabular.problems import Problems

MISSING = object()
E = TypeVar("E", bound=StrEnum)


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
            self.fail(field, cells.not_number(value))
            return 0.0
        wrong = cells.number_out_of_range(parsed, minimum, None)
        if wrong:
            self.fail(field, wrong)
        return parsed

    def optional_number(self, field: str, minimum: float) -> float | None:
        return None if self.raw(field) is MISSING else self.number(field, minimum)

    def integer(self, field: str, low: int, high: int, required: bool = True) -> int | None:
        value = self.required(field) if required else self.raw(field)
        if value is MISSING:
            return None
        parsed = to_whole(value)
        if parsed is None:
            self.fail(field, cells.not_whole(value))
            return None
        wrong = cells.whole_out_of_range(parsed, low, high)
        if wrong:
            self.fail(field, wrong)
        return parsed

    def boolean(self, field: str, default: bool = False) -> bool:
        value = self.raw(field)
        if value is MISSING:
            return default
        parsed = to_bool(value)
        if parsed is None:
            self.fail(field, cells.not_bool(value))
            return default
        return parsed

    def choice(self, field: str, enum: type[E], default: E | None) -> E | None:
        value = self.raw(field)
        if value is MISSING:
            return default
        try:
            return enum(str(value).strip())
        except ValueError:
            self.fail(field, cells.not_one_of([e.value for e in enum], value))
            return default

    def day(self, field: str) -> date | None:
        value = self.raw(field)
        if value is MISSING:
            return None
        day = to_date(value)
        if day is None:
            self.fail(field, cells.not_date(value))
        return day

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
