"""Catalog tables as CSV files: a zip (export) or a zip or directory (import)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from opmaat.catalog.files.tables import to_sheets
from opmaat.domain.catalog import Catalog
from opmaat.tabular.problems import Problems
from opmaat.tabular.read import Sheet, read_csv
from opmaat.tabular.write import csv_text


def write(catalog: Catalog, path: Path) -> None:
    """One `TABLE.csv` per table in a zip, comma-separated."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, (columns, rows) in to_sheets(catalog).items():
            archive.writestr(f"{name}.csv", csv_text(columns, rows))


def read(path: Path, problems: Problems) -> list[Sheet]:
    """The tables in a directory or zip of `TABLE.csv` files (in a zip, at any depth),
    each labelled by its file name in problems ("units.csv, row 3")."""
    files = csv_files(path, problems)
    if files is not None and not files:
        problems.add("", "", "no CSV files found")
    sheets = (read_csv(data, problems, name, f"{name}.csv") for name, data in (files or {}).items())
    return [sheet for sheet in sheets if sheet is not None]


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
