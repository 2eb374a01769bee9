"""Catalog tables as an Excel workbook, one sheet per table."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell as SheetCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from opmaat.catalog.files.fields import Problems
from opmaat.catalog.files.tables import TABLES, Cell, Table, check_header, to_tables
from opmaat.domain.catalog import Catalog


def write(catalog: Catalog, path: Path) -> None:
    """One sheet per table: a bold, frozen header row and columns as wide as their text."""
    book = Workbook(write_only=True)  # streams rows; no default sheet to remove
    for name, rows in to_tables(catalog).items():
        sheet = book.create_sheet(name)
        columns = TABLES[name]
        sheet.freeze_panes = "A2"
        for letter, width in column_widths(columns, rows).items():
            sheet.column_dimensions[letter].width = width
        sheet.append([header_cell(sheet, c) for c in columns])
        for row in rows:
            sheet.append([value_cell(sheet, row.get(c)) for c in columns])
    book.save(path)


def column_widths(columns: list[str], rows: list[dict[str, Cell]]) -> dict[str, int]:
    """Wide enough for the header and the first rows' text, at most 60 characters."""
    return {
        get_column_letter(index): min(
            max([len(column), *(len(str(r.get(column) or "")) for r in rows[:200])]) + 2, 60
        )
        for index, column in enumerate(columns, start=1)
    }


def header_cell(sheet: WriteOnlyWorksheet, column: str) -> SheetCell:
    cell = WriteOnlyCell(sheet, value=column)
    cell.font = Font(bold=True)
    return cell


def value_cell(sheet: WriteOnlyWorksheet, value: Cell) -> SheetCell | Cell:
    """Text that starts with "=" stays text: openpyxl would otherwise write a formula."""
    if not (isinstance(value, str) and value.startswith("=")):
        return value
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"
    return cell


def read(path: Path, problems: Problems) -> dict[str, Table]:
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, InvalidFileException):  # KeyError: parts missing
        problems.add("", "", "not an Excel workbook (.xlsx)")
        return {}
    try:
        return {
            name: read_sheet(book[name].iter_rows(values_only=True), name, problems)
            for name in book.sheetnames
        }
    finally:
        book.close()


def read_sheet(rows: Iterable[Sequence[object]], name: str, problems: Problems) -> Table:
    """The rows under the header, numbered as Excel shows them (the header is row 1)."""
    table = Table()
    iterator = iter(rows)
    header_cells = next(iterator, None)
    if header_cells is None:
        return table
    header = [str(c).strip() if c is not None else "" for c in header_cells]
    while header and not header[-1]:
        header.pop()
    if not check_header(name, [h for h in header if h], f"sheet {name}, row 1", problems):
        return table
    for number, cells in enumerate(iterator, start=2):
        values = dict(zip(header, cells, strict=False))
        if any(v not in (None, "") for v in values.values()):
            table.rows.append((f"sheet {name}, row {number}", values))
    return table
