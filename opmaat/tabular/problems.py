"""Collecting every problem in a file, each located by sheet, row and column, rather than
stopping at the first: whoever fixes a file wants the whole list at once."""

from __future__ import annotations

from opmaat.domain.errors import Problem, Said


def row_location(row: int, sheet: str = "") -> str:
    """Where a row is, as problems name it: "sheet units, row 3", "units.csv, row 3", or
    "row 3" in a file that holds one table (the file already names it)."""
    return f"{sheet}, row {row}" if sheet else f"row {row}"


def position(location: str) -> int:
    """The number that orders a file's problems: 12 for "line 12" or "row 12"; 0 for the
    file as a whole and for a row on a named sheet, so problems found sheet by sheet keep
    the order they were read in."""
    for prefix in ("line ", "row "):
        number = location.removeprefix(prefix)
        if number != location and number.isdigit():
            return int(number)
    return 0


class Problems:
    """Every problem in one file, in the order found; the same problem found twice (a cell
    read for two purposes) is kept once."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.found: list[Problem] = []
        self._seen: set[Problem] = set()

    def add(self, location: str, column: str, message: str) -> None:
        """A problem at `location` ("line 12", a row's location, or "" for the whole file)."""
        if isinstance(message, Said):
            problem = Problem(self.file, location, column, str(message), message.kind, message.data)
        else:
            problem = Problem(self.file, location, column, message)
        if problem not in self._seen:
            self._seen.add(problem)
            self.found.append(problem)

    def at(self, row: int, column: str, message: str, sheet: str = "") -> None:
        """A problem in a cell (or, without a column, a row) of a table."""
        self.add(row_location(row, sheet), column, message)

    def in_order(self) -> list[Problem]:
        """The problems by line or row (see `position`); those of the whole file first."""
        return sorted(self.found, key=lambda p: position(p.location))
