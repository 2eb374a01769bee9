"""Writing tables: CSV text, and workbooks of one sheet per table with a bold header row
that stays in view, columns wide enough to read, and text that Excel never evaluates.

openpyxl is imported only when a workbook is written: it takes 0.2 s.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell as SheetCell
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

Value = str | int | float | bool | date | None
Rows = Sequence[Sequence[Value]]
Sheets = Mapping[str, tuple[Sequence[str], Rows]]  # sheet name → (columns, rows)

FORMULA_STARTS = ("=", "+", "-", "@")  # what Excel reads as the start of a formula
GUARDED_AFTER = frozenset((*FORMULA_STARTS, "'"))  # what a guarding apostrophe comes before
WIDTH_SAMPLE = 200  # rows measured for a column's width
MAX_WIDTH = 60


def csv_cell(value: Value) -> str:
    """A value as CSV text: empty for None, true/false for yes/no, dates as YYYY-MM-DD, and
    text guarded against formulas (`csv_guarded`)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return csv_guarded(value)
    return str(value)


def csv_guarded(text: str) -> str:
    """Text that a spreadsheet would take for a formula (starting with =, +, - or @) with a
    leading apostrophe, as Excel's quote prefix shows it; so is text that starts with an
    apostrophe before such a character or another apostrophe, so that opmaat's reader,
    which takes one such apostrophe off (opmaat.tabular.read.unguarded), reads every text
    back as written. Numbers are not text and are never guarded."""
    if text.startswith(FORMULA_STARTS) or (text[:1] == "'" and text[1:2] in GUARDED_AFTER):
        return f"'{text}"
    return text


def csv_text(columns: Sequence[str], rows: Rows) -> str:
    """A header row and the rows, comma-separated, each line ending in a newline; text that
    looks like a formula guarded (`csv_guarded`)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([csv_guarded(c) for c in columns])
    writer.writerows([csv_cell(v) for v in row] for row in rows)
    return buffer.getvalue()


def write_csv(path: Path, columns: Sequence[str], rows: Rows) -> None:
    path.write_text(csv_text(columns, rows), encoding="utf-8", newline="")


def column_widths(columns: Sequence[str], rows: Rows) -> list[int]:
    """Wide enough for the header and the first rows' text, at most MAX_WIDTH characters."""
    sample = rows[:WIDTH_SAMPLE]
    return [
        min(max([len(column), *(len(str(r[i] or "")) for r in sample if i < len(r))]) + 2,
            MAX_WIDTH)
        for i, column in enumerate(columns)
    ]  # fmt: skip


def is_formula_like(value: Value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def write_workbook(path: Path, sheets: Sheets) -> None:
    """One sheet per entry, in order: a bold header row frozen in view, columns as wide as
    their text, and text that looks like a formula kept as text."""
    from openpyxl import Workbook  # 0.2 s: only when a workbook is written
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)  # streams rows; no default sheet to remove
    for name, (columns, rows) in sheets.items():
        sheet = book.create_sheet(name)
        sheet.freeze_panes = "A2"
        for index, width in enumerate(column_widths(columns, rows), start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        sheet.append([header_cell(sheet, column) for column in columns])
        for row in rows:
            sheet.append([guarded(sheet, value) for value in row])
    book.save(path)


def header_cell(sheet: WriteOnlyWorksheet, column: str) -> SheetCell:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    cell = WriteOnlyCell(sheet, value=column)
    cell.font = Font(bold=True)
    return cell


def guarded(sheet: WriteOnlyWorksheet, value: Value) -> SheetCell | Value:
    """Text starting with =, +, - or @ as a text cell with Excel's quote prefix (the
    apostrophe Excel itself puts before such text): openpyxl would write "=…" as a formula,
    and Excel would evaluate any of them once the cell is edited. The text is unchanged."""
    if not isinstance(value, str) or not is_formula_like(value):
        return value
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"
    cell.quotePrefix = True
    return cell
