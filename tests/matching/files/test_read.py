"""Reading places and students from CSV and XLSX: minimal and optional columns."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from opmaat.domain.leerweg import Leerweg
from opmaat.domain.matching import Place, Student
from opmaat.matching.files import read_instance
from tests.matching.files.files import PLACES, STUDENTS, write, write_xlsx


def test_minimal_csv_files_give_places_and_ranked_preferences(tmp_path: Path) -> None:
    files = read_instance(write(tmp_path, "p.csv", PLACES), write(tmp_path, "s.csv", STUDENTS))
    assert files.instance.places == (Place("P1", 1, None), Place("P2", 2, ("S2", "S1")))
    assert files.instance.students[0] == Student("S1", ("P1", "P2"))
    assert files.student_rows == (2, 3, 4)
    assert files.notes == ()


def test_an_empty_ranking_accepts_everyone_and_the_column_may_be_left_out(
    tmp_path: Path,
) -> None:
    places = write(tmp_path, "p.csv", "place_id,capacity\nP1,1\nP2,2\n")
    files = read_instance(places, write(tmp_path, "s.csv", STUDENTS))
    assert [p.ranking for p in files.instance.places] == [None, None]


def test_every_optional_column_is_read(tmp_path: Path) -> None:
    places = write(
        tmp_path,
        "p.csv",
        "place_id,capacity,ranking,organisation,qualification,level,pathway,period_start,"
        "period_end,latitude,longitude,supervision_capacity,reserved_for\n"
        'P1,3,,Zorggroep Het Baken,25475;25477,3;4,bbl,2027-02-01,2027-06-30,"52,09",5.12,2,'
        "ROC De Brug\n",
    )
    students = write(
        tmp_path,
        "s.csv",
        "student_id,preferences,school,qualification,level,pathway,available_from,"
        "available_until,latitude,longitude,max_distance_km,priority\n"
        "S1,P1,ROC De Brug,25475,3,BBL,2027-01-15,2027-07-31,52.37,4.90,40,1\n",
    )
    files = read_instance(places, students)
    assert files.instance.places[0] == Place(
        "P1",
        3,
        None,
        organisation="Zorggroep Het Baken",
        qualifications=("25475", "25477"),
        levels=(3, 4),
        pathway=Leerweg.BBL,
        period_start=date(2027, 2, 1),
        period_end=date(2027, 6, 30),
        latitude=52.09,
        longitude=5.12,
        supervision_capacity=2,
        reserved_for="ROC De Brug",
    )
    assert files.instance.students[0] == Student(
        "S1",
        ("P1",),
        school="ROC De Brug",
        qualification="25475",
        level=3,
        pathway=Leerweg.BBL,
        available_from=date(2027, 1, 15),
        available_until=date(2027, 7, 31),
        latitude=52.37,
        longitude=4.90,
        max_distance_km=40.0,
        priority=1,
    )


def test_dutch_excel_csv_with_semicolons_between_columns_is_read(tmp_path: Path) -> None:
    students = write(tmp_path, "s.csv", 'student_id;preferences\nS1;"P1;P2"\nS2;P1\nS3;P2\n')
    files = read_instance(write(tmp_path, "p.csv", PLACES), students)
    assert files.instance.students[0].preferences == ("P1", "P2")


def test_headers_are_trimmed_and_case_insensitive_and_blank_rows_skipped(tmp_path: Path) -> None:
    students = write(
        tmp_path, "s.csv", "\ufeff Student_ID ,PREFERENCES\nS1,P1\n,\nS2,P1\n\nS3, P2 ; \n"
    )
    files = read_instance(write(tmp_path, "p.csv", PLACES), students)
    assert [s.preferences for s in files.instance.students] == [("P1",), ("P1",), ("P2",)]
    assert files.student_rows == (2, 4, 6)


def test_columns_opmaat_does_not_use_are_named_in_a_note(tmp_path: Path) -> None:
    students = write(tmp_path, "s.csv", "student_id,preferences,naam\nS1,P1,Anna\nS2,,\nS3,,\n")
    files = read_instance(write(tmp_path, "p.csv", PLACES), students)
    assert files.notes == (f"{students}: niet gebruikt: kolom naam (zie docs/formats/matching.md)",)


def test_a_workbook_is_read_from_its_first_sheet(tmp_path: Path) -> None:
    places = write_xlsx(
        tmp_path,
        "p.xlsx",
        [
            ("place_id", "capacity", "ranking", "period_start"),
            (12, 2.0, None, datetime(2027, 2, 1)),
        ],
    )
    students = write_xlsx(
        tmp_path, "s.xlsx", [("student_id", "preferences"), ("S1", 12), (None, None), ("S2", "12")]
    )
    files = read_instance(places, students)
    assert files.instance.places == (Place("12", 2, None, period_start=date(2027, 2, 1)),)
    assert [s.preferences for s in files.instance.students] == [("12",), ("12",)]
    assert files.student_rows == (2, 4)
