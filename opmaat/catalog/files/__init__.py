"""Catalog files (`opmaat-catalog/1`) in YAML, JSON, XLSX and CSV: docs/formats/catalog.md.

Reading validates everything and raises InvalidCatalog listing every problem with its file,
line or sheet/row, and field; nothing is returned from a file with problems.
"""

from __future__ import annotations

import errno
import os
import zipfile
from pathlib import Path

from opmaat.catalog.files import csvzip, document
from opmaat.catalog.files.tables import from_sheets, to_sheets
from opmaat.domain.catalog import Catalog
from opmaat.domain.errors import InvalidCatalog, Problem
from opmaat.tabular.problems import Problems
from opmaat.tabular.read import read_workbook
from opmaat.tabular.write import write_workbook

FORMATS = ("yaml", "json", "csv", "xlsx")
_SUFFIXES = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".xlsx": "xlsx", ".zip": "csv",
             ".csv": "csv"}  # fmt: skip

# The names an export in each format is written to, the first one suggested: exactly the
# names `detect_format` reads back as that format (csv: a zip with one CSV per table).
EXPORT_SUFFIXES = {
    "yaml": (".yaml", ".yml"),
    "json": (".json",),
    "xlsx": (".xlsx",),
    "csv": (".zip",),
}

__all__ = [
    "EXPORT_SUFFIXES",
    "FORMATS",
    "default_catalog_path",
    "detect_format",
    "export_format",
    "read_catalog",
    "write_catalog",
]


def default_catalog_path() -> Path:
    """The default catalog shipped inside the package."""
    return Path(__file__).resolve().parents[2] / "data" / "catalog.yaml"


def detect_format(path: Path) -> str:
    """The format a path is read as: by suffix, and a directory holds CSV files."""
    if path.is_dir():
        return "csv"
    fmt = _SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        message = "unknown file type (expected .yaml, .json, .xlsx, .zip or a directory)"
        raise InvalidCatalog([Problem(str(path), "", "", message)])
    return fmt


def export_format(path: Path, fmt: str | None) -> str | None:
    """The format an export to `path` is written in: `fmt`, or the one its suffix names;
    None when the two disagree or neither says (what is written must read back the same)."""
    suffix = path.suffix.lower()
    named = next((f for f, suffixes in EXPORT_SUFFIXES.items() if suffix in suffixes), None)
    if fmt is None:
        return named
    return fmt if named == fmt else None


def read_catalog(path: Path) -> Catalog:
    """The catalog in `path`, or InvalidCatalog listing every problem in it."""
    if not path.exists():  # before the suffix: a missing "catalog" is missing, not of a type
        message = f"cannot read: {os.strerror(errno.ENOENT)}"
        raise InvalidCatalog([Problem(str(path), "", "", message)])
    fmt = detect_format(path)
    problems = Problems(str(path))
    try:
        catalog = _read(path, fmt, problems)
    except OSError as error:
        problems.add("", "", f"cannot read: {error.strerror or error}")
        catalog = None
    except UnicodeDecodeError as error:
        problems.add("", "", f"not UTF-8 text ({error.reason} at byte {error.start})")
        catalog = None
    if catalog is None or problems.found:
        raise InvalidCatalog(problems.found)
    return catalog


def _read(path: Path, fmt: str, problems: Problems) -> Catalog | None:
    if fmt in ("yaml", "json"):
        return document.parse(path.read_text(encoding="utf-8-sig"), problems, fmt == "json")
    if fmt == "xlsx":
        return from_sheets(read_workbook(path, problems), problems)
    if path.is_file() and path.suffix.lower() == ".csv" and not zipfile.is_zipfile(path):
        # A zip named .csv is what `catalog export --format csv` wrote before it refused
        # such names: read it as the zip it is.
        problems.add("", "", "a single CSV file: give the .zip or the directory of all tables")
        return None
    return from_sheets(csvzip.read(path, problems), problems)


def write_catalog(catalog: Catalog, path: Path, fmt: str) -> None:
    """Write the whole catalog in `fmt` (one of FORMATS); csv writes a zip of tables."""
    if fmt == "yaml":
        path.write_text(document.to_yaml(catalog), encoding="utf-8")
    elif fmt == "json":
        path.write_text(document.to_json(catalog), encoding="utf-8")
    elif fmt == "xlsx":
        write_workbook(path, to_sheets(catalog))
    elif fmt == "csv":
        csvzip.write(catalog, path)
    else:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
