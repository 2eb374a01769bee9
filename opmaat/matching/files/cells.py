"""Typed values from one row of a sheet; each bad value becomes a problem located by row
and column. A column that is not in the file, or an empty cell, is "not given"."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from opmaat.catalog.files.fields import Problems, to_number
from opmaat.domain.matching import Pathway
from opmaat.matching.files.tables import Cell

LIST_SEPARATOR = ";"
MAX_LEVEL = 8  # the EQF/NLQF levels


class Row:
    def __init__(
        self, cells: Sequence[Cell], number: int, columns: dict[str, int], problems: Problems
    ) -> None:
        self.cells = cells
        self.number = number
        self.columns = columns
        self.problems = problems

    def fail(self, column: str, message: str) -> None:
        self.problems.add(f"row {self.number}", column, message)

    def raw(self, column: str) -> Cell:
        """The cell's value; None when the column is missing or the cell is empty."""
        index = self.columns.get(column)
        if index is None or index >= len(self.cells):
            return None
        value = self.cells[index]
        if isinstance(value, str):
            value = value.strip()
            return value or None
        return value

    def text(self, column: str) -> str:
        index = self.columns.get(column)
        if index is None or index >= len(self.cells):
            return ""
        value = self.cells[index]
        if isinstance(value, str):
            return value.strip()
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            return str(int(value))  # an id typed as a number: 12, read back as 12.0
        return str(value).strip()

    def required_text(self, column: str) -> str:
        text = self.text(column)
        if not text:
            self.fail(column, "required")
        return text

    def items(self, column: str) -> tuple[str, ...]:
        """A list of ids separated by ";", in order, empty parts dropped."""
        text = self.text(column)
        if not text:
            return ()
        parts = text.split(LIST_SEPARATOR)
        if " " in text or "" in parts:  # the rare untidy list: strip and drop empty parts
            return tuple(part for part in (p.strip() for p in parts) if part)
        return tuple(parts)

    def whole(self, column: str, minimum: int, maximum: int | None = None) -> int | None:
        return self.whole_value(self.raw(column), column, minimum, maximum)

    def whole_value(
        self, value: Cell, column: str, minimum: int, maximum: int | None = None
    ) -> int | None:
        if value is None:
            return None
        parsed = to_number(value)
        if parsed is None or parsed != int(parsed):
            self.fail(column, f"expected a whole number, got {value!r}")
            return None
        if parsed < minimum or (maximum is not None and parsed > maximum):
            limits = f"{minimum} to {maximum}" if maximum is not None else f"{minimum} or more"
            self.fail(column, f"must be {limits}, got {int(parsed)}")
            return None
        return int(parsed)

    def required_whole(self, column: str, minimum: int) -> int:
        if self.raw(column) is None:
            self.fail(column, "required")
            return 0
        return self.whole(column, minimum) or 0

    def decimal(self, column: str, low: float, high: float) -> float | None:
        value = self.raw(column)
        if value is None:
            return None
        parsed = to_number(value)
        if parsed is None:
            self.fail(column, f"expected a number, got {value!r}")
            return None
        if not low <= parsed <= high:
            self.fail(column, f"must be {low:g} to {high:g}, got {parsed:g}")
            return None
        return parsed

    def level(self, column: str) -> int | None:
        return self.whole(column, 1, MAX_LEVEL)

    def levels(self, column: str) -> tuple[int, ...]:
        parsed = (self.whole_value(part, column, 1, MAX_LEVEL) for part in self.items(column))
        return tuple(level for level in parsed if level is not None)

    def pathway(self, column: str) -> Pathway | None:
        text = self.text(column).upper()
        if not text:
            return None
        if text not in Pathway.__members__:
            self.fail(column, f"expected BOL or BBL, got {self.raw(column)!r}")
            return None
        return Pathway(text)

    def day(self, column: str) -> date | None:
        value = self.raw(column)
        if isinstance(value, datetime):
            return value.date()
        if value is None or isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.fail(column, f"expected a date YYYY-MM-DD, got {value!r}")
            return None
