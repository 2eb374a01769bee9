"""Catalog tables as an Excel workbook, one sheet per table."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

from opmaat.catalog_files.fields import Problems
from opmaat.catalog_files.tables import TABLES, Table, check_header, to_tables
from opmaat.domain.catalog import Catalog


def write(catalog: Catalog, path: Path) -> None:
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for name, rows in to_tables(catalog).items():
        sheet = book.create_sheet(name)
        columns = TABLES[name]
        sheet.append(columns)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        for row in rows:
            sheet.append([row.get(c) for c in columns])
        for index, column in enumerate(columns, start=1):
            width = max([len(column), *(len(str(r.get(column) or "")) for r in rows[:200])])
            sheet.column_dimensions[sheet.cell(1, index).column_letter].width = min(width + 2, 60)
    book.save(path)


def read(path: Path, problems: Problems) -> dict[str, Table]:
    book = load_workbook(path, read_only=True, data_only=True)
    try:
        return {
            name: read_sheet(book[name].iter_rows(values_only=True), name, problems)
            for name in book.sheetnames
        }
    finally:
        book.close()


def read_sheet(rows: object, name: str, problems: Problems) -> Table:
    table = Table()
    iterator = iter(rows)  # type: ignore[call-overload]
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
