"""Problems name the file, the sheet, the row and the column, and all are collected."""

from __future__ import annotations

from opmaat.tabular.problems import Problems, position, row_location


def test_a_row_is_located_on_its_sheet_or_in_a_file_of_one_table() -> None:
    assert row_location(3, "sheet units") == "sheet units, row 3"
    assert row_location(3, "units.csv") == "units.csv, row 3"
    assert row_location(3) == "row 3"


def test_a_problem_reads_file_location_column_and_message() -> None:
    problems = Problems("places.csv")
    problems.at(3, "capacity", "must be 0 or more, got -2")
    problems.add("", "", "empty file")
    assert [str(p) for p in problems.found] == [
        "places.csv:row 3: capacity: must be 0 or more, got -2",
        "places.csv: empty file",
    ]


def test_the_same_problem_found_twice_is_kept_once() -> None:
    problems = Problems("t.csv")
    problems.at(2, "level", "required")
    problems.at(2, "level", "required")
    assert len(problems.found) == 1


def test_problems_in_one_table_or_document_are_ordered_by_row_or_line() -> None:
    problems = Problems("t.csv")
    for location in ("row 12", "row 3", "", "row 1"):
        problems.add(location, "x", "wrong")
    assert [p.location for p in problems.in_order()] == ["", "row 1", "row 3", "row 12"]
    assert position("line 7") == 7


def test_problems_on_named_sheets_keep_the_order_they_were_found_in() -> None:
    problems = Problems("c.xlsx")
    problems.at(9, "hours", "wrong", "sheet units")
    problems.at(2, "covers", "wrong", "sheet certificates")
    problems.at(4, "level", "wrong", "sheet units")
    assert [p.location for p in problems.in_order()] == [
        "sheet units, row 9",
        "sheet certificates, row 2",
        "sheet units, row 4",
    ]
