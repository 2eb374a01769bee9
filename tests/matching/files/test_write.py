"""The results written out: one row per student, as CSV or as a workbook."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook

from opmaat.domain.errors import InvalidInput
from opmaat.domain.matching import Instance, Place, Student, match, summarise
from opmaat.matching.files import ASSIGNMENT_COLUMNS, write_assignments

INSTANCE = Instance(
    (Place("P1", 1, ("S2", "S1"), organisation="Zorggroep"), Place("P2", 1)),
    (
        Student("S1", ("P1",), school="ROC A"),
        Student("S2", ("P1",), school="ROC B"),
        Student("S3", (), school="ROC A"),
    ),
)


def test_the_csv_has_one_row_per_student_in_file_order(tmp_path: Path) -> None:
    m = match(INSTANCE, 5, fill=True)
    write_assignments(m, summarise(m), tmp_path / "out.csv")
    with (tmp_path / "out.csv").open(encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    assert list(rows[0]) == list(ASSIGNMENT_COLUMNS)
    lottery = m.encoded.students.lottery.tolist()
    placed = [(r["student_id"], r["place_id"], r["phase"], r["choice"]) for r in rows]
    assert placed[1] == ("S2", "P1", "match", "1")
    assert [r["school"] for r in rows] == ["ROC A", "ROC B", "ROC A"]
    assert [int(r["lottery"]) for r in rows] == lottery
    filled = {r["student_id"] for r in rows if r["phase"] == "fill"}
    assert len(filled) == 1 and filled <= {"S1", "S3"}
    assert [r["place_id"] for r in rows if r["student_id"] in filled] == ["P2"]


def test_the_workbook_has_the_results_per_school_and_organisation(tmp_path: Path) -> None:
    m = match(INSTANCE, 5)
    write_assignments(m, summarise(m), tmp_path / "out.xlsx")
    book = load_workbook(tmp_path / "out.xlsx", read_only=True)
    assert book.sheetnames == [
        "assignments",
        "per_school",
        "per_organisation",
        "summary",
        "toelichting",
    ]
    per_school = list(book["per_school"].iter_rows(values_only=True))
    assert [(r[0], r[4]) for r in per_school[1:]] == [
        ("S1", "ROC A"),
        ("S3", "ROC A"),
        ("S2", "ROC B"),
    ]
    per_organisation = list(book["per_organisation"].iter_rows(values_only=True))
    assert per_organisation[1][:3] == ("Zorggroep", "P1", "S2")
    summary = {
        (r[0], r[1]): r[2]
        for r in book["summary"].iter_rows(min_row=2, max_col=3, values_only=True)
    }
    assert summary[("matched", None)] == 1 and summary[("by_rank", "1")] == 1


def test_another_suffix_is_refused(tmp_path: Path) -> None:
    m = match(INSTANCE, 5)
    with pytest.raises(InvalidInput, match=r"expected a \.csv or \.xlsx"):
        write_assignments(m, summarise(m), tmp_path / "out.json")


def test_the_workbook_explains_every_column_in_dutch_and_keeps_the_names(tmp_path: Path) -> None:
    """The column names are the contract scripts read; the last sheet says what they mean."""
    m = match(INSTANCE, 5)
    write_assignments(m, summarise(m), tmp_path / "out.xlsx")
    book = load_workbook(tmp_path / "out.xlsx", read_only=True)
    assert next(book["assignments"].iter_rows(values_only=True)) == ASSIGNMENT_COLUMNS
    rows = list(book["toelichting"].iter_rows(values_only=True))
    assert rows[0] == ("blad", "kolom", "betekenis")
    explained = {(sheet, column): meaning for sheet, column, meaning in rows[1:]}
    for sheet in ("assignments", "per_school", "per_organisation", "summary"):
        header = next(book[sheet].iter_rows(values_only=True))
        assert all(explained.get((sheet, column)) for column in header), sheet
        assert explained[(sheet, None)]  # what the sheet holds
    assert str(explained[("assignments", "choice")]).startswith("de hoeveelste voorkeur")
