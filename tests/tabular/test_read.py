"""Reading a table: the delimiter and byte-order mark are detected, the header is
normalised, rows are numbered as a spreadsheet shows them, blank rows are skipped."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from opmaat.tabular.problems import Problems
from opmaat.tabular.read import detect_delimiter, read_csv, read_table, read_workbook


@pytest.mark.parametrize(
    ("header", "delimiter"),
    [("a,b,c", ","), ("a;b;c", ";"), ("a\tb\tc", "\t"), ("a", ","), ("a;b,c", ","), ("", ",")],
)
def test_the_delimiter_is_the_one_the_header_has_most_of(header: str, delimiter: str) -> None:
    assert detect_delimiter(header) == delimiter


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_every_delimiter_reads_the_same_table(delimiter: str) -> None:
    text = f'id{delimiter}list\nS1{delimiter}"P1;P2"\n'.replace("\n", "\r\n")
    sheet = read_csv(text.encode(), Problems("t.csv"))
    assert sheet is not None
    assert sheet.columns == {"id": 0, "list": 1}
    assert sheet.rows == [(2, ["S1", "P1;P2"])]


def test_a_byte_order_mark_is_not_part_of_the_first_column() -> None:
    sheet = read_csv("\ufeffid,name\n1,x\n".encode(), Problems("t.csv"))
    assert sheet is not None and list(sheet.columns) == ["id", "name"]


def test_text_that_is_not_utf8_is_one_problem_naming_the_byte() -> None:
    problems = Problems("t.csv")
    assert read_csv("id\ncaf\xe9\n".encode("latin-1"), problems, "t", "t.csv") is None
    [problem] = problems.found
    assert (problem.file, problem.location) == ("t.csv", "t.csv")
    assert problem.message == "not UTF-8 text (invalid continuation byte at byte 6)"


def test_column_names_are_trimmed_lower_cased_and_blank_ones_ignored() -> None:
    sheet = read_csv(b" ID ,,Name\n1,,x\n", Problems("t.csv"))
    assert sheet is not None and sheet.columns == {"id": 0, "name": 2}


def test_a_column_given_twice_names_the_header_row_and_sheet() -> None:
    problems = Problems("c.zip")
    read_csv(b"id,ID\n1,2\n", problems, "units", "units.csv")
    [problem] = problems.found
    assert (problem.location, problem.field, problem.message) == (
        "units.csv, row 1",
        "id",
        "column given twice",
    )


def test_blank_rows_are_skipped_and_the_others_keep_their_numbers() -> None:
    sheet = read_csv(b"id\n1\n\n , \n4\n", Problems("t.csv"))
    assert sheet is not None and [number for number, _ in sheet.rows] == [2, 5]


def test_an_empty_file_has_no_header() -> None:
    sheet = read_csv(b"", Problems("t.csv"))
    assert sheet is not None and not sheet.has_header


def test_a_workbook_gives_every_sheet_labelled_by_name(tmp_path: Path) -> None:
    book = Workbook()
    first = book.active
    assert first is not None
    first.title = "units"
    first.append(["code", "hours"])
    first.append(["U1", 80])
    book.create_sheet("outcomes").append(["code"])
    book.save(tmp_path / "c.xlsx")
    sheets = read_workbook(tmp_path / "c.xlsx", Problems("c.xlsx"))
    assert [(s.name, s.label) for s in sheets] == [
        ("units", "sheet units"),
        ("outcomes", "sheet outcomes"),
    ]
    assert sheets[0].rows == [(2, ("U1", 80))]
    assert sheets[0].values(sheets[0].rows[0][1]) == {"code": "U1", "hours": 80}


def test_a_file_of_one_table_is_csv_or_the_first_sheet(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["id"])
    sheet.append(["S1"])
    book.save(tmp_path / "s.xlsx")
    (tmp_path / "s.csv").write_text("id\nS1\n")
    for name in ("s.xlsx", "s.csv"):
        table = read_table(tmp_path / name, Problems(name))
        assert table is not None and table.label == "" and list(table.rows[0][1]) == ["S1"]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("s.txt", b"id\n", "unknown file type (expected .csv or .xlsx)"),
        ("s.xlsx", b"not a zip", "not an Excel workbook (.xlsx)"),
    ],
)
def test_a_file_that_is_not_a_table_is_one_problem(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    (tmp_path / name).write_bytes(data)
    problems = Problems(name)
    assert read_table(tmp_path / name, problems) is None
    assert [(p.location, p.message) for p in problems.found] == [("", message)]


def test_a_missing_file_cannot_be_read(tmp_path: Path) -> None:
    problems = Problems("nowhere.csv")
    assert read_table(tmp_path / "nowhere.csv", problems) is None
    assert problems.found[0].message == "cannot read: No such file or directory"
