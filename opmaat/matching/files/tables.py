"""A sheet of rows under a header row, from a CSV file or the first sheet of a workbook."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from opmaat.catalog.files.fields import Problems

Cell = object  # text from CSV; text, a number, a date or None from a workbook
HEADER_ROW = 1


@dataclass
class Sheet:
    """The columns by name (position of each) and the non-empty rows, numbered as a
    spreadsheet shows them (the header is row 1)."""

    columns: dict[str, int] = field(default_factory=dict)
    rows: list[tuple[int, Sequence[Cell]]] = field(default_factory=list)


def read_sheet(path: Path, problems: Problems) -> Sheet | None:
    """The sheet in `path` (.csv or .xlsx), or None after adding the problem to `problems`."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        problems.add("", "", "unknown file type (expected .csv or .xlsx)")
        return None
    try:
        if suffix == ".xlsx":
            from opmaat.matching.files import xlsx  # openpyxl takes 0.2 s to import

            return sheet_of(xlsx.read_rows(path, problems), problems)
        return sheet_of(csv_rows(path.read_bytes(), problems), problems)
    except OSError as error:
        problems.add("", "", f"cannot read: {error.strerror or error}")
        return None


def csv_rows(data: bytes, problems: Problems) -> Iterator[Sequence[Cell]]:
    try:
        text = data.decode("utf-8-sig")  # Excel writes a byte-order mark
    except UnicodeDecodeError as error:
        problems.add("", "", f"not UTF-8 text ({error.reason} at byte {error.start})")
        return iter(())
    first_line = text.split("\n", 1)[0]
    # Dutch Excel saves "CSV" with ";" between columns; then a list is a quoted cell.
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)


def sheet_of(rows: Iterable[Sequence[Cell]], problems: Problems) -> Sheet | None:
    iterator = iter(rows)
    header = next(iterator, None)
    if header is None:
        problems.add("", "", "empty file: expected a header row with the column names")
        return None
    sheet = Sheet()
    for position, cell in enumerate(header):
        name = "" if cell is None else str(cell).strip().lower()
        if not name:
            continue
        if name in sheet.columns:
            problems.add(f"row {HEADER_ROW}", name, "column given twice")
        sheet.columns.setdefault(name, position)
    for number, cells in enumerate(iterator, start=HEADER_ROW + 1):
        if not is_blank(cells):
            sheet.rows.append((number, cells))
    return sheet


def is_blank(cells: Sequence[Cell]) -> bool:
    try:
        return not "".join(cells).strip()  # type: ignore[arg-type]  # CSV: all text, fast
    except TypeError:  # a workbook row: numbers, dates, None
        return not any(c is not None and str(c).strip() for c in cells)
