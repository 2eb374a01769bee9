"""Workbooks: the first sheet of a places or students file, and the results written out."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from opmaat.catalog.files.fields import Problems
from opmaat.matching.files.tables import Cell


def read_rows(path: Path, problems: Problems) -> Iterator[Sequence[Cell]]:
    """The rows of the first sheet as values."""
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, InvalidFileException):  # KeyError: parts missing
        problems.add("", "", "not an Excel workbook (.xlsx)")
        return
    try:
        yield from book.worksheets[0].iter_rows(values_only=True)
    finally:
        book.close()


def write(path: Path, sheets: Mapping[str, tuple[Sequence[str], Sequence[Sequence[Cell]]]]) -> None:
    """One sheet per entry: a bold, frozen header row and columns wide enough to read."""
    book = Workbook(write_only=True)
    for name, (columns, rows) in sheets.items():
        sheet = book.create_sheet(name)
        sheet.freeze_panes = "A2"
        for index, column in enumerate(columns, start=1):
            sample = [len(str(r[index - 1] or "")) for r in rows[:200]]
            width = min(max([len(column), *sample]) + 2, 60)
            sheet.column_dimensions[get_column_letter(index)].width = width
        header = []
        for column in columns:
            cell = WriteOnlyCell(sheet, value=column)
            cell.font = Font(bold=True)
            header.append(cell)
        sheet.append(header)
        for row in rows:
            sheet.append([text_cell(sheet, value) for value in row])
    book.save(path)


def text_cell(sheet: WriteOnlyWorksheet, value: Cell) -> object:
    """Text that starts with "=" stays text: openpyxl would otherwise write a formula."""
    if not (isinstance(value, str) and value.startswith("=")):
        return value
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"
    return cell
