"""Typed columns declared once as a `Table`, which turns each row of a sheet into a record
(a domain value) and records a problem for every cell that does not fit its column.

A column that is not in the file is left out of the record, so the record's own default
applies, and it costs nothing per row (a national file has 100,000 rows). An empty cell
is the column's default; a bad cell is a problem, and the default stands in for it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Generic, Protocol, TypeVar

from opmaat.domain.errors import Said
from opmaat.tabular import cells
from opmaat.tabular.cells import Cell
from opmaat.tabular.problems import Problems
from opmaat.tabular.read import Sheet

R = TypeVar("R")
has_control = cells.CONTROL.search  # per cell of a national file: one C call, no wording
HEADER_ROW = 1
_KIND_DEFAULT = object()  # "the default of the column's kind"


class Invalid(ValueError):
    """A cell that does not fit its column: what is wrong, and what of it may still be used
    (the good items of a list); without that, the column's default stands in."""

    def __init__(self, *messages: str, usable: object = _KIND_DEFAULT) -> None:
        super().__init__("; ".join(messages))
        self.messages = messages
        self.usable = usable


class Kind(Protocol):
    """A column's type: how a given cell (not blank; text stripped) becomes a value."""

    @property
    def empty(self) -> object:
        """The value of a cell that is not given."""
        ...

    def parse(self, value: Cell) -> object:
        """The value, or Invalid saying what is wrong."""
        ...


@dataclass(frozen=True, slots=True)
class Text:
    """Text as given; an id typed as the number 12 is "12". A control character (NUL, a line
    break) is a problem."""

    @property
    def empty(self) -> str:
        return ""

    def parse(self, value: Cell) -> str:
        text = cells.id_text(value)
        if has_control(text):  # rare: worded only then
            raise Invalid(cells.control_character(text) or "")
        return text


@dataclass(frozen=True, slots=True)
class Code:
    """A code: upper-case text; 25475.0 from a spreadsheet is "25475"."""

    @property
    def empty(self) -> str:
        return ""

    def parse(self, value: Cell) -> str:
        return cells.code_text(value)


@dataclass(frozen=True, slots=True)
class Whole:
    """A whole number from `low` up to `high` (no upper limit when None)."""

    low: int
    high: int | None = None

    @property
    def empty(self) -> int | None:
        return None

    def parse(self, value: Cell) -> int:
        number = cells.to_whole(value)
        if number is None:
            raise Invalid(cells.not_whole(value))
        wrong = cells.whole_out_of_range(number, self.low, self.high)
        if wrong:
            raise Invalid(wrong)
        return number


@dataclass(frozen=True, slots=True)
class Number:
    """A number from `low` to `high`; a decimal comma is fine."""

    low: float
    high: float | None = None

    @property
    def empty(self) -> float | None:
        return None

    def parse(self, value: Cell) -> float:
        number = cells.to_number(value)
        if number is None:
            raise Invalid(cells.not_number(value))
        wrong = cells.number_out_of_range(number, self.low, self.high)
        if wrong:
            raise Invalid(wrong)
        return number


@dataclass(frozen=True, slots=True)
class Boolean:
    """Yes or no, in English or Dutch."""

    @property
    def empty(self) -> bool | None:
        return None

    def parse(self, value: Cell) -> bool:
        answer = cells.to_bool(value)
        if answer is None:
            raise Invalid(cells.not_bool(value))
        return answer


@dataclass(frozen=True, slots=True)
class Day:
    """A date: a workbook's date cell or text YYYY-MM-DD."""

    @property
    def empty(self) -> date | None:
        return None

    def parse(self, value: Cell) -> date:
        day = cells.to_date(value)
        if day is None:
            raise Invalid(cells.not_date(value))
        return day


@dataclass(frozen=True, slots=True)
class Choice:
    """One of an enumeration's values (or of `allowed`, when given); `upper`: typed in any
    case (bbl is BBL)."""

    enum: type[StrEnum]
    upper: bool = False
    allowed: tuple[StrEnum, ...] = ()

    @property
    def empty(self) -> StrEnum | None:
        return None

    def parse(self, value: Cell) -> StrEnum:
        text = cells.id_text(value)
        choices = self.allowed or tuple(self.enum)
        try:
            chosen = self.enum(text.upper() if self.upper else text)
        except ValueError:
            chosen = None
        if chosen not in choices:
            raise Invalid(cells.not_one_of([e.value for e in choices], value))
        return chosen


@dataclass(frozen=True, slots=True)
class Items:
    """A list in one cell, separated by `separator`; each part of type `item` when given
    (else text, without control characters). A bad part is a problem and is left out; the
    others are kept."""

    item: Kind | None = None
    separator: str = ";"

    @property
    def empty(self) -> tuple[object, ...]:
        return ()

    def parse(self, value: Cell) -> tuple[object, ...]:
        parts = cells.split_list(cells.id_text(value), self.separator)
        if self.item is None and not has_control(value if isinstance(value, str) else ""):
            return parts  # the usual clean list of text, checked at once
        item = self.item or Text()
        good: list[object] = []
        wrong: list[str] = []
        for part in parts:
            try:
                good.append(item.parse(part))
            except Invalid as error:
                wrong.extend(error.messages)
        if wrong:
            raise Invalid(*wrong, usable=tuple(good))
        return tuple(good)


@dataclass(frozen=True, slots=True)
class Column:
    """One column: its name in the header, its type, the record's keyword it fills (its
    name unless given), whether the header must have it (`required`), whether each of its
    cells must be given (`filled`), and the value of an empty or bad cell (`default`;
    the kind's empty value unless given)."""

    name: str
    kind: Kind = field(default_factory=Text)
    keyword: str = ""
    required: bool = False
    filled: bool = False
    default: object = _KIND_DEFAULT

    @property
    def fills(self) -> str:
        return self.keyword or self.name

    @property
    def fallback(self) -> object:
        return self.kind.empty if self.default is _KIND_DEFAULT else self.default

    def read(self, value: Cell, row: Row) -> object:
        """The value of this column's cell `value` in `row`, every problem recorded."""
        if isinstance(value, str):
            value = value.strip() or None
        if value is None:
            if self.filled:
                row.fail(self.name, "required")
            return self.fallback
        try:
            return self.kind.parse(value)
        except Invalid as error:
            for message in error.messages:
                row.fail(self.name, message)
            return self.fallback if error.usable is _KIND_DEFAULT else error.usable


class Row:
    """One row of a sheet: its cells, its number as a spreadsheet shows it, where each
    column is, and where its problems go."""

    __slots__ = ("cells", "columns", "number", "problems", "sheet")

    def __init__(
        self,
        cells: Sequence[Cell],
        number: int,
        columns: dict[str, int],
        problems: Problems,
        sheet: str = "",
    ) -> None:
        self.cells = cells
        self.number = number
        self.columns = columns
        self.problems = problems
        self.sheet = sheet

    def cell(self, column: str) -> Cell:
        """The cell's value, text stripped; None when the column is missing or the cell
        is empty."""
        index = self.columns.get(column)
        if index is None or index >= len(self.cells):
            return None
        value = self.cells[index]
        if isinstance(value, str):
            return value.strip() or None
        return value

    def fail(self, column: str, message: str) -> None:
        self.problems.at(self.number, column, message, self.sheet)


class Table(Generic[R]):
    """The columns of one kind of file, declared once, and the record each row becomes:
    `build` is called with each given column's value by its keyword."""

    def __init__(self, build: Callable[..., R], columns: Sequence[Column]) -> None:
        self.build = build
        self.columns = tuple(columns)
        self.names = tuple(c.name for c in self.columns)
        self.required = tuple(c.name for c in self.columns if c.required)
        self._last_plan: tuple[dict[str, int] | None, list[tuple[str, Column, int]]] = (None, [])

    def check_header(self, sheet: Sheet, problems: Problems) -> bool:
        """Whether the header has every required column; a problem for each it lacks."""
        return has_columns(sheet, self.required, problems)

    def unused(self, sheet: Sheet) -> list[str]:
        """The sheet's columns this table does not know, in the sheet's order."""
        return unknown_columns(sheet, self.names)

    def record(self, row: Row) -> R:
        """The record in `row`; only the columns the sheet has are passed to `build`."""
        cells, count = row.cells, len(row.cells)
        return self.build(
            **{
                keyword: column.read(cells[index] if 0 <= index < count else None, row)
                for keyword, column, index in self.plan(row.columns)
            }
        )

    def plan(self, given: dict[str, int]) -> list[tuple[str, Column, int]]:
        """(keyword, column, position) of each column to read from a sheet with the columns
        `given` (-1: not in the sheet); worked out once per sheet, not for every row. The
        last plan is kept as one (columns, plan) pair, so threads reading other sheets
        never see a plan that is not theirs."""
        planned_for, plan = self._last_plan
        if planned_for is given:
            return plan
        plan = [
            (c.fills, c, given.get(c.name, -1)) for c in self.columns if c.filled or c.name in given
        ]
        self._last_plan = (given, plan)
        return plan

    def records(self, sheet: Sheet, problems: Problems) -> list[tuple[int, R]]:
        """(row number, record) for every row of `sheet`."""
        return [
            (number, self.record(Row(values, number, sheet.columns, problems, sheet.label)))
            for number, values in sheet.rows
        ]


def has_columns(sheet: Sheet, required: Sequence[str], problems: Problems) -> bool:
    """Whether the header has every column in `required`; a problem for each it lacks,
    naming the columns it does have (a misspelt name is then easy to spot)."""
    missing = [name for name in required if name not in sheet.columns]
    header = ", ".join(sheet.columns) or "no column names"
    for name in missing:
        said = Said(f"missing column (the header has: {header})", "missing_column", header=header)
        problems.at(HEADER_ROW, name, said, sheet.label)
    return not missing


def unknown_columns(sheet: Sheet, known: Sequence[str]) -> list[str]:
    """The sheet's columns that are not in `known`, in the sheet's order."""
    return [name for name in sheet.columns if name not in known]
