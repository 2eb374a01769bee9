"""Files with problems are refused with the file, row and column of each problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from opmaat.domain.matching import InvalidMatchingFile
from opmaat.matching.files import read_instance
from tests.matching.files.files import PLACES, STUDENTS, write, write_xlsx

OPEN_PLACES = "place_id,capacity\nP1,1\nP2,2\n"  # no rankings: any students file fits


def first_problem(
    tmp_path: Path, places: str = PLACES, students: str = STUDENTS, max_choices: int = 0
) -> str:
    with pytest.raises(InvalidMatchingFile) as error:
        read_instance(
            write(tmp_path, "places.csv", places),
            write(tmp_path, "students.csv", students),
            max_choices,
        )
    return str(error.value.problems[0]).removeprefix(str(tmp_path) + "/")


@pytest.mark.parametrize(
    ("places", "students", "expected"),
    [
        (
            OPEN_PLACES,
            "student_id,preferences\nS1,P1;P9\n",
            "students.csv:row 2: preferences: unknown place 'P9'",
        ),
        (
            OPEN_PLACES,
            "student_id,preferences\nS1,P1\nS2,P2\nS1,P2\n",
            "students.csv:row 4: student_id: duplicate id 'S1' (also on row 2)",
        ),
        (
            "place_id,capacity\nP1,1\nP2,1\nP1,2\n",
            STUDENTS,
            "places.csv:row 4: place_id: duplicate id 'P1' (also on row 2)",
        ),
        (
            "place_id,capacity\nP1,1\nP2,-2\n",
            STUDENTS,
            "places.csv:row 3: capacity: must be 0 or more, got -2",
        ),
        (
            "place_id,capacity\nP1,1\nP2,twee\n",
            STUDENTS,
            "places.csv:row 3: capacity: expected a whole number, got 'twee'",
        ),
        (
            "place_id,capacity\nP1,1\nP2,1.5\n",
            STUDENTS,
            "places.csv:row 3: capacity: expected a whole number, got '1.5'",
        ),
        (
            "place_id,capacity\nP1,1\nP2,\n",
            STUDENTS,
            "places.csv:row 3: capacity: required",
        ),
        (
            "place_id,ranking\nP1,\n",
            STUDENTS,
            "places.csv:row 1: capacity: missing column (the header has: place_id, ranking)",
        ),
        (
            OPEN_PLACES,
            "student_id,choices\nS1,P1\n",
            "students.csv:row 1: preferences: missing column (the header has: student_id, choices)",
        ),
        (
            "place_id,capacity,ranking\nP1,1,S1;S8\nP2,1,\n",
            STUDENTS,
            "places.csv:row 2: ranking: unknown student 'S8'",
        ),
        (
            OPEN_PLACES,
            "student_id,preferences\nS1,P1;P2;P1\n",
            "students.csv:row 2: preferences: place 'P1' named twice",
        ),
        (
            "place_id,capacity,period_start\nP1,1,1-2-2027\nP2,1,\n",
            STUDENTS,
            "places.csv:row 2: period_start: expected a date YYYY-MM-DD, got '1-2-2027'",
        ),
        (
            "place_id,capacity,period_start,period_end\nP1,1,2027-06-01,2027-02-01\nP2,1,,\n",
            STUDENTS,
            "places.csv:row 2: period_end: before period_start",
        ),
        (
            "place_id,capacity,pathway\nP1,1,stage\nP2,1,\n",
            STUDENTS,
            "places.csv:row 2: pathway: expected BOL or BBL, got 'stage'",
        ),
        (
            "place_id,capacity,latitude\nP1,1,95\nP2,1,\n",
            STUDENTS,
            "places.csv:row 2: latitude: must be -90 to 90, got 95",
        ),
        (
            OPEN_PLACES,
            "student_id,preferences,level\nS1,P1,9\n",
            "students.csv:row 2: level: must be 1 to 8, got 9",
        ),
        (
            OPEN_PLACES,
            "student_id,preferences,priority\nS1,P1,0\n",
            "students.csv:row 2: priority: must be 1 or more, got 0",
        ),
        (
            OPEN_PLACES,
            "student_id,preferences\n,P1\n",
            "students.csv:row 2: student_id: required",
        ),
        (
            "place_id,capacity,capacity\nP1,1,1\n",
            STUDENTS,
            "places.csv:row 1: capacity: column given twice",
        ),
        ("", STUDENTS, "places.csv: empty file: expected a header row with the column names"),
    ],
)
def test_the_first_problem_names_file_row_and_column(
    tmp_path: Path, places: str, students: str, expected: str
) -> None:
    assert first_problem(tmp_path, places, students) == expected


def test_a_preference_list_longer_than_allowed_is_refused(tmp_path: Path) -> None:
    assert (
        first_problem(tmp_path, max_choices=1)
        == "students.csv:row 2: preferences: 2 preferences, at most 1 allowed"
    )


def test_every_problem_in_both_files_is_collected(tmp_path: Path) -> None:
    with pytest.raises(InvalidMatchingFile) as error:
        read_instance(
            write(tmp_path, "places.csv", "place_id,capacity\nP1,-1\nP2,x\n"),
            write(tmp_path, "students.csv", "student_id,preferences\nS1,P3\nS1,P1\n"),
        )
    assert [(Path(p.file).name, p.location, p.field) for p in error.value.problems] == [
        ("places.csv", "row 2", "capacity"),
        ("places.csv", "row 3", "capacity"),
        ("students.csv", "row 2", "preferences"),
        ("students.csv", "row 3", "student_id"),
    ]
    assert error.value.data["count"] == 4


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "places.txt",
            b"place_id,capacity\n",
            "places.txt: unknown file type (expected .csv or .xlsx)",
        ),
        (
            "places.csv",
            b"place_id,capacity\nP\xe9,1\n",
            "places.csv: not UTF-8 text (invalid continuation byte at byte 19)",
        ),
        ("places.xlsx", b"not a zip", "places.xlsx: not an Excel workbook (.xlsx)"),
    ],
)
def test_an_unreadable_file_is_named(
    tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InvalidMatchingFile) as error:
        read_instance(path, write(tmp_path, "students.csv", STUDENTS))
    assert str(error.value.problems[0]).removeprefix(str(tmp_path) + "/") == expected


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(InvalidMatchingFile) as error:
        read_instance(tmp_path / "nowhere.csv", write(tmp_path, "students.csv", STUDENTS))
    assert "nowhere.csv: cannot read: No such file" in str(error.value.problems[0])


def test_a_workbook_problem_names_the_row_as_excel_shows_it(tmp_path: Path) -> None:
    places = write_xlsx(tmp_path, "places.xlsx", [("place_id", "capacity"), ("P1", 1), ("P2", -3)])
    with pytest.raises(InvalidMatchingFile) as error:
        read_instance(places, write(tmp_path, "students.csv", STUDENTS))
    assert str(error.value.problems[0]).removeprefix(str(tmp_path) + "/") == (
        "places.xlsx:row 3: capacity: must be 0 or more, got -3"
    )
