"""Catalog tables as CSV files: a zip (export) or a zip or directory (import)."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

from opmaat.catalog.files.fields import Problems
from opmaat.catalog.files.tables import TABLES, Cell, Table, check_header, to_tables
from opmaat.domain.catalog import Catalog


def cell_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def write(catalog: Catalog, path: Path) -> None:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, rows in to_tables(catalog).items():
            buffer = io.StringIO()
            writer = csv.writer(buffer, lineterminator="\n")
            writer.writerow(TABLES[name])
            writer.writerows([cell_text(row.get(c)) for c in TABLES[name]] for row in rows)
            archive.writestr(f"{name}.csv", buffer.getvalue())


def read(path: Path, problems: Problems) -> dict[str, Table]:
    """The tables in a directory or zip of `TABLE.csv` files (in a zip, at any depth)."""
    files = csv_files(path, problems)
    if files is not None and not files:
        problems.add("", "", "no CSV files found")
    return {name: read_csv(data, name, problems) for name, data in (files or {}).items()}


def csv_files(path: Path, problems: Problems) -> dict[str, bytes] | None:
    if path.is_dir():
        return {p.stem: p.read_bytes() for p in sorted(path.glob("*.csv"))}
    try:
        with zipfile.ZipFile(path) as archive:
            return {
                Path(n).stem: archive.read(n)
                for n in archive.namelist()
                if n.lower().endswith(".csv") and not n.startswith("__MACOSX/")
            }
    except zipfile.BadZipFile:
        problems.add("", "", "not a zip file")
        return None


def read_csv(data: bytes, name: str, problems: Problems) -> Table:
    table = Table()
    try:
        text = data.decode("utf-8-sig")  # Excel writes a byte-order mark
    except UnicodeDecodeError as error:
        problems.add(f"{name}.csv", "", f"not UTF-8 text ({error.reason})")
        return table
    rows = csv.reader(io.StringIO(text))
    header = [h.strip() for h in next(rows, [])]
    if len(header) == 1 and ";" in header[0]:  # Dutch Excel's "CSV" uses the list separator
        message = "columns are separated by ';': save as CSV UTF-8 (comma-separated)"
        problems.add(f"{name}.csv, row 1", "", message)
        return table
    if not check_header(name, [h for h in header if h], f"{name}.csv, row 1", problems):
        return table
    for number, cells in enumerate(rows, start=2):
        if any(c.strip() for c in cells):
            table.rows.append((f"{name}.csv, row {number}", dict(zip(header, cells, strict=False))))
    return table
