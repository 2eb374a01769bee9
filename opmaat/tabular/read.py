"""Reading a table from a CSV file or a workbook sheet, the same way for every file:

- CSV is UTF-8, with or without the byte-order mark Excel writes; its delimiter is `,`, `;`
  (what Dutch Excel saves as "CSV") or a tab, whichever the header row has most of;
- the first row names the columns: names are trimmed and lower-cased, blank ones ignored,
  a name given twice is a problem;
- rows are numbered as a spreadsheet shows them (the header is row 1); blank rows are
  skipped.

openpyxl is imported only when a workbook is read: it takes 0.2 s.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from opmaat.domain.archives import MiB, ZipLimits, zip_problem
from opmaat.domain.errors import Said
from opmaat.tabular.cells import Cell
from opmaat.tabular.problems import Problems
from opmaat.tabular.write import GUARDED_AFTER

DELIMITERS = (",", ";", "\t")  # on a tie, the earlier wins
HEADER_ROW = 1
SUFFIXES = (".csv", ".xlsx")
# A workbook is a zip: checked before openpyxl unpacks it, so that a few megabytes cannot
# unpack to gigabytes. Sheet XML packs about 10 to 1; 512 MiB is a national file and more.
WORKBOOK_LIMITS = ZipLimits(members=10_000, unpacked=512 * MiB, nested=True)


@dataclass
class Sheet:
    """One table as read: its name (the sheet's title or the CSV file's stem), its label in
    problem locations ("sheet units", "units.csv", or "" in a file of one table), the
    position of each column by name, and the rows under the header with their numbers."""

    name: str = ""
    label: str = ""
    columns: dict[str, int] = field(default_factory=dict)
    rows: list[tuple[int, Sequence[Cell]]] = field(default_factory=list)
    has_header: bool = False

    def values(self, cells: Sequence[Cell]) -> dict[str, Cell]:
        """A row's cells by column name (a column beyond the row's last cell is left out)."""
        return {name: cells[i] for name, i in self.columns.items() if i < len(cells)}


def detect_delimiter(header_line: str) -> str:
    """The delimiter the header row has most of; `,` when it has none."""
    return max(DELIMITERS, key=header_line.count)


def decode(data: bytes, problems: Problems, label: str = "") -> str | None:
    """UTF-8 text without a byte-order mark; None, with a problem, for other bytes."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        text = f"not UTF-8 text ({error.reason} at byte {error.start})"
        problems.add(label, "", Said(text, "not_utf8", byte=error.start))
        return None


def csv_rows(text: str) -> Iterator[list[str]]:
    """The rows of CSV text, split at the delimiter its header row has most of; a cell
    holding the delimiter is quoted (`S1;"P1;P2"`). A cell that opmaat guarded against
    formulas is read without its guard (`unguarded`)."""
    delimiter = detect_delimiter(text.split("\n", 1)[0])
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    if "'" not in text:
        return rows  # the usual file: nothing guarded, nothing to look at per cell
    return ([unguarded(cell) for cell in row] for row in rows)


def unguarded(cell: str) -> str:
    """The text of a cell as written before opmaat.tabular.write.csv_guarded: one leading
    apostrophe off when a formula character (=, +, -, @) or another apostrophe follows it.
    Any other apostrophe is text (`'s-Hertogenbosch`)."""
    if cell[:1] == "'" and cell[1:2] in GUARDED_AFTER:
        return cell[1:]
    return cell


def read_csv(data: bytes, problems: Problems, name: str = "", label: str = "") -> Sheet | None:
    """The table in CSV bytes; None, with a problem, when they are not UTF-8 text."""
    text = decode(data, problems, label)
    if text is None:
        return None
    return sheet_of(csv_rows(text), problems, name, label)


def sheet_of(
    rows: Iterable[Sequence[Cell]], problems: Problems, name: str = "", label: str = ""
) -> Sheet:
    """The rows of a table under its header row."""
    iterator = iter(rows)
    sheet = Sheet(name, label)
    header = next(iterator, None)
    if header is None:
        return sheet
    sheet.has_header = True
    for position, cell in enumerate(header):
        column = "" if cell is None else str(cell).strip().lower()
        if not column:
            continue
        if column in sheet.columns:
            problems.at(HEADER_ROW, column, Said("column given twice", "column_twice"), label)
        sheet.columns.setdefault(column, position)
    for number, cells in enumerate(iterator, start=HEADER_ROW + 1):
        if not is_blank_row(cells):
            sheet.rows.append((number, cells))
    return sheet


def is_blank_row(cells: Sequence[Cell]) -> bool:
    """No cell holds anything but spaces."""
    try:
        return not "".join(cells).strip()  # type: ignore[arg-type]  # CSV: all text, fast
    except TypeError:  # a workbook row: numbers, dates, None
        return not any(c is not None and str(c).strip() for c in cells)


def read_workbook(path: Path, problems: Problems, first_only: bool = False) -> list[Sheet]:
    """Every sheet of an .xlsx workbook (or only the first), each labelled "sheet NAME"
    unless only the first is read; no sheets, with a problem, when it is not a workbook or
    is damaged (a part that is not XML, a sheet that is missing)."""
    from openpyxl import load_workbook  # 0.2 s: only when a workbook is read

    not_a_workbook = Said("not an Excel workbook (.xlsx)", "not_xlsx")
    with path.open("rb") as file:
        wrong = zip_problem(file, WORKBOOK_LIMITS)
    if wrong == "damaged":
        problems.add("", "", not_a_workbook)
        return []
    if wrong:
        limit_mb = WORKBOOK_LIMITS.unpacked // MiB
        text = f"unpacks to more than {limit_mb} MB or {WORKBOOK_LIMITS.members} parts"
        problems.add(
            "",
            "",
            Said(text, "unpacks_too_large", limit_mb=limit_mb, parts=WORKBOOK_LIMITS.members),
        )
        return []
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except OSError:
        raise  # the file cannot be read at all: the caller says so
    except Exception:  # openpyxl raises whatever its zip and XML parsers meet
        problems.add("", "", not_a_workbook)
        return []
    try:
        worksheets = book.worksheets[:1] if first_only else book.worksheets
        sheets = [
            sheet_of(
                ws.iter_rows(values_only=True),
                problems,
                ws.title,
                "" if first_only else f"sheet {ws.title}",
            )
            for ws in worksheets
        ]
    except Exception:  # a damaged sheet is read lazily, row by row
        problems.add("", "", not_a_workbook)
        return []
    finally:
        book.close()
    if not sheets:
        problems.add("", "", not_a_workbook)
    return sheets


def read_table(path: Path, problems: Problems) -> Sheet | None:
    """The one table in a .csv file or in the first sheet of an .xlsx workbook; None, with
    a problem, when the file cannot be read as one."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        problems.add("", "", Said("unknown file type (expected .csv or .xlsx)", "file_type"))
        return None
    try:
        if suffix == ".csv":
            return read_csv(path.read_bytes(), problems, path.stem)
        sheets = read_workbook(path, problems, first_only=True)
    except OSError as error:
        detail = str(error.strerror or error)
        problems.add("", "", Said(f"cannot read: {detail}", "cannot_read", detail=detail))
        return None
    return sheets[0] if sheets else None
