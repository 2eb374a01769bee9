"""Reading the places and students files into an `Instance`, with every problem located.

Each file's columns are declared once, as a table (opmaat.tabular.columns); reading,
problems and cell types are those of every tabular file (docs/formats/tabular.md).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from opmaat.domain.errors import Problem, Said
from opmaat.domain.leerweg import FUNDED, Leerweg
from opmaat.domain.matching import Instance, InvalidMatchingFile, Place, Student
from opmaat.tabular.columns import (
    Choice,
    Column,
    Day,
    Items,
    Number,
    Row,
    Table,
    Whole,
    has_columns,
    unknown_columns,
)
from opmaat.tabular.problems import Problems
from opmaat.tabular.read import read_table

T = TypeVar("T", Place, Student)

MAX_LEVEL = 8  # the EQF/NLQF levels
LEVEL = Whole(1, MAX_LEVEL)
PATHWAY = Choice(Leerweg, upper=True, allowed=FUNDED)

PLACES = Table(
    Place,
    [
        Column("place_id", keyword="id", required=True, filled=True),
        Column("capacity", Whole(0), required=True, filled=True, default=0),
        Column("ranking", Items(), default=None),  # empty: accepts every eligible student
        Column("organisation"),
        Column("qualification", Items(), keyword="qualifications"),
        Column("level", Items(LEVEL), keyword="levels"),
        Column("pathway", PATHWAY),
        Column("period_start", Day()),
        Column("period_end", Day()),
        Column("latitude", Number(-90, 90)),
        Column("longitude", Number(-180, 180)),
        Column("supervision_capacity", Whole(0)),
        Column("reserved_for"),
    ],
)
STUDENTS = Table(
    Student,
    [
        Column("student_id", keyword="id", required=True, filled=True),
        Column("preferences", Items(), required=True),  # may be empty
        Column("school"),
        Column("qualification"),
        Column("level", LEVEL),
        Column("pathway", PATHWAY),
        Column("available_from", Day()),
        Column("available_until", Day()),
        Column("latitude", Number(-90, 90)),
        Column("longitude", Number(-180, 180)),
        Column("max_distance_km", Number(0, 40_000)),
        Column("priority", Whole(1)),
    ],
)
PLACE_COLUMNS, PLACE_REQUIRED = PLACES.names, PLACES.required
STUDENT_COLUMNS, STUDENT_REQUIRED = STUDENTS.names, STUDENTS.required


@dataclass(frozen=True, slots=True)
class Files:
    """A valid instance, the row each record came from, and notes on unused columns."""

    instance: Instance
    place_rows: tuple[int, ...]
    student_rows: tuple[int, ...]
    notes: tuple[str, ...]


def read_instance(places_path: Path, students_path: Path, max_choices: int = 0) -> Files:
    """Both files as an instance, or InvalidMatchingFile listing every problem (those of
    the places file first). `max_choices` (0: no limit) caps a preference list's length."""
    place_problems, student_problems = Problems(str(places_path)), Problems(str(students_path))
    notes: list[str] = []
    places = read_records(
        places_path, PLACE_COLUMNS, PLACE_REQUIRED, place_from, place_problems, notes
    )
    students = read_records(
        students_path, STUDENT_COLUMNS, STUDENT_REQUIRED, student_from, student_problems, notes
    )
    if places is not None and students is not None:
        check_places(places, [s for _, s in students], place_problems)
        check_students(students, [p for _, p in places], student_problems, max_choices)
    found: list[Problem] = place_problems.in_order() + student_problems.in_order()
    if found or places is None or students is None:
        raise InvalidMatchingFile(found)
    return Files(
        Instance(tuple(p for _, p in places), tuple(s for _, s in students)),
        tuple(row for row, _ in places),
        tuple(row for row, _ in students),
        tuple(notes),
    )


def read_records(
    path: Path,
    known: Sequence[str],
    required: Sequence[str],
    build: Callable[[Row], T],
    problems: Problems,
    notes: list[str],
) -> list[tuple[int, T]] | None:
    """(row number, record) per row, or None when the file or its header is unusable."""
    sheet = read_table(path, problems)
    if sheet is None:
        return None
    if not sheet.has_header:
        text = "empty file: expected a header row with the column names"
        problems.add("", "", Said(text, "empty_file"))
        return None
    if not has_columns(sheet, required, problems):
        return None
    unused = unknown_columns(sheet, known)
    if unused:
        columns = "kolom" if len(unused) == 1 else "kolommen"
        notes.append(
            f"{path}: niet gebruikt: {columns} {', '.join(unused)} (zie docs/formats/matching.md)"
        )
    return [
        (number, build(Row(cells, number, sheet.columns, problems))) for number, cells in sheet.rows
    ]


def place_from(row: Row) -> Place:
    return PLACES.record(row)


def student_from(row: Row) -> Student:
    return STUDENTS.record(row)


def first_rows(
    records: Sequence[tuple[int, Place]] | Sequence[tuple[int, Student]],
    column: str,
    problems: Problems,
) -> set[str]:
    """The ids, adding a problem for each id given on an earlier row too."""
    seen: dict[str, int] = {}
    for number, record in records:
        if record.id and seen.setdefault(record.id, number) != number:
            text = f"duplicate id {record.id!r} (also on row {seen[record.id]})"
            said = Said(text, "duplicate_id", value=record.id, row=seen[record.id])
            problems.at(number, column, said)
    return set(seen)


def check_places(
    places: list[tuple[int, Place]], students: list[Student], problems: Problems
) -> None:
    """Unique ids, a ranking of known students each named once, coherent periods."""
    first_rows(places, "place_id", problems)
    student_ids = {s.id for s in students}
    for number, place in places:
        named_once(place.ranking or (), student_ids, "student", number, "ranking", problems)
        if place.period_start and place.period_end and place.period_end < place.period_start:
            problems.at(
                number, "period_end", Said("before period_start", "before", other="period_start")
            )


def check_students(
    students: list[tuple[int, Student]], places: list[Place], problems: Problems, max_choices: int
) -> None:
    """Unique ids, preferences of known places each named once and not too many."""
    first_rows(students, "student_id", problems)
    place_ids = {p.id for p in places}
    for number, student in students:
        named_once(student.preferences, place_ids, "place", number, "preferences", problems)
        if max_choices and len(student.preferences) > max_choices:
            count = len(student.preferences)
            text = f"{count} preferences, at most {max_choices} allowed"
            problems.at(
                number, "preferences", Said(text, "too_many", count=count, most=max_choices)
            )
        if (
            student.available_from
            and student.available_until
            and student.available_until < student.available_from
        ):
            said = Said("before available_from", "before", other="available_from")
            problems.at(number, "available_until", said)


def named_once(
    ids: Sequence[str], known: set[str], kind: str, number: int, column: str, problems: Problems
) -> None:
    if known.issuperset(ids) and len(set(ids)) == len(ids):
        return  # the usual case, checked in C
    seen: set[str] = set()
    for value in ids:
        if value not in known:
            problems.at(
                number, column, Said(f"unknown {kind} {value!r}", f"unknown_{kind}", value=value)
            )
        elif value in seen:
            said = Said(f"{kind} {value!r} named twice", f"{kind}_twice", value=value)
            problems.at(number, column, said)
        seen.add(value)
