"""Reading the places and students files into an `Instance`, with every problem located."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TypedDict, TypeVar

from opmaat.catalog.files.fields import Problems
from opmaat.domain.errors import Problem
from opmaat.domain.matching import Instance, InvalidMatchingFile, Pathway, Place, Student
from opmaat.matching.files.cells import Row
from opmaat.matching.files.tables import read_sheet

T = TypeVar("T", Place, Student)

PLACE_COLUMNS = (
    "place_id", "capacity", "ranking", "organisation", "qualification", "level", "pathway",
    "period_start", "period_end", "latitude", "longitude", "supervision_capacity",
    "reserved_for",
)  # fmt: skip
STUDENT_COLUMNS = (
    "student_id", "preferences", "school", "qualification", "level", "pathway",
    "available_from", "available_until", "latitude", "longitude", "max_distance_km",
    "priority",
)  # fmt: skip
PLACE_REQUIRED = ("place_id", "capacity")
STUDENT_REQUIRED = ("student_id", "preferences")


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
    found = in_row_order(place_problems) + in_row_order(student_problems)
    if found or places is None or students is None:
        raise InvalidMatchingFile(found)
    return Files(
        Instance(tuple(p for _, p in places), tuple(s for _, s in students)),
        tuple(row for row, _ in places),
        tuple(row for row, _ in students),
        tuple(notes),
    )


def in_row_order(problems: Problems) -> list[Problem]:
    """A file's problems by row; those of the file as a whole first."""
    return sorted(problems.found, key=lambda p: int(p.location.removeprefix("row ") or 0))


def read_records(
    path: Path,
    known: Sequence[str],
    required: Sequence[str],
    build: Callable[[Row], T],
    problems: Problems,
    notes: list[str],
) -> list[tuple[int, T]] | None:
    """(row number, record) per row, or None when the file or its header is unusable."""
    sheet = read_sheet(path, problems)
    if sheet is None:
        return None
    missing = [c for c in required if c not in sheet.columns]
    for column in missing:
        header = ", ".join(sheet.columns) or "no column names"
        problems.add("row 1", column, f"missing column (the header has: {header})")
    if missing:
        return None
    unused = [c for c in sheet.columns if c not in known]
    if unused:
        notes.append(f"{path}: not used: column {', '.join(unused)} (see docs/formats/matching.md)")
    return [
        (number, build(Row(cells, number, sheet.columns, problems))) for number, cells in sheet.rows
    ]


class PlaceFields(TypedDict, total=False):
    ranking: tuple[str, ...] | None
    organisation: str
    qualifications: tuple[str, ...]
    levels: tuple[int, ...]
    pathway: Pathway | None
    period_start: date | None
    period_end: date | None
    latitude: float | None
    longitude: float | None
    supervision_capacity: int | None
    reserved_for: str


class StudentFields(TypedDict, total=False):
    school: str
    qualification: str
    level: int | None
    pathway: Pathway | None
    available_from: date | None
    available_until: date | None
    latitude: float | None
    longitude: float | None
    max_distance_km: float | None
    priority: int | None


# Optional columns are read only when the file has them: a national file has 100,000 rows.
def place_from(row: Row) -> Place:
    given, fields = row.columns, PlaceFields()
    if "ranking" in given:
        fields["ranking"] = row.items("ranking") if row.text("ranking") else None
    if "organisation" in given:
        fields["organisation"] = row.text("organisation")
    if "qualification" in given:
        fields["qualifications"] = row.items("qualification")
    if "level" in given:
        fields["levels"] = row.levels("level")
    if "pathway" in given:
        fields["pathway"] = row.pathway("pathway")
    if "period_start" in given:
        fields["period_start"] = row.day("period_start")
    if "period_end" in given:
        fields["period_end"] = row.day("period_end")
    if "latitude" in given:
        fields["latitude"] = row.decimal("latitude", -90, 90)
    if "longitude" in given:
        fields["longitude"] = row.decimal("longitude", -180, 180)
    if "supervision_capacity" in given:
        fields["supervision_capacity"] = row.whole("supervision_capacity", 0)
    if "reserved_for" in given:
        fields["reserved_for"] = row.text("reserved_for")
    return Place(row.required_text("place_id"), row.required_whole("capacity", 0), **fields)


def student_from(row: Row) -> Student:
    given, fields = row.columns, StudentFields()
    if "school" in given:
        fields["school"] = row.text("school")
    if "qualification" in given:
        fields["qualification"] = row.text("qualification")
    if "level" in given:
        fields["level"] = row.level("level")
    if "pathway" in given:
        fields["pathway"] = row.pathway("pathway")
    if "available_from" in given:
        fields["available_from"] = row.day("available_from")
    if "available_until" in given:
        fields["available_until"] = row.day("available_until")
    if "latitude" in given:
        fields["latitude"] = row.decimal("latitude", -90, 90)
    if "longitude" in given:
        fields["longitude"] = row.decimal("longitude", -180, 180)
    if "max_distance_km" in given:
        fields["max_distance_km"] = row.decimal("max_distance_km", 0, 40_000)
    if "priority" in given:
        fields["priority"] = row.whole("priority", 1)
    return Student(row.required_text("student_id"), row.items("preferences"), **fields)


def first_rows(
    records: Sequence[tuple[int, Place]] | Sequence[tuple[int, Student]],
    column: str,
    problems: Problems,
) -> set[str]:
    """The ids, adding a problem for each id given on an earlier row too."""
    seen: dict[str, int] = {}
    for number, record in records:
        if record.id and seen.setdefault(record.id, number) != number:
            problems.add(
                f"row {number}",
                column,
                f"duplicate id {record.id!r} (also on row {seen[record.id]})",
            )
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
            problems.add(f"row {number}", "period_end", "before period_start")


def check_students(
    students: list[tuple[int, Student]], places: list[Place], problems: Problems, max_choices: int
) -> None:
    """Unique ids, preferences of known places each named once and not too many."""
    first_rows(students, "student_id", problems)
    place_ids = {p.id for p in places}
    for number, student in students:
        named_once(student.preferences, place_ids, "place", number, "preferences", problems)
        if max_choices and len(student.preferences) > max_choices:
            message = f"{len(student.preferences)} preferences, at most {max_choices} allowed"
            problems.add(f"row {number}", "preferences", message)
        if (
            student.available_from
            and student.available_until
            and student.available_until < student.available_from
        ):
            problems.add(f"row {number}", "available_until", "before available_from")


def named_once(
    ids: Sequence[str], known: set[str], kind: str, number: int, column: str, problems: Problems
) -> None:
    if known.issuperset(ids) and len(set(ids)) == len(ids):
        return  # the usual case, checked in C
    seen: set[str] = set()
    for value in ids:
        if value not in known:
            problems.add(f"row {number}", column, f"unknown {kind} {value!r}")
        elif value in seen:
            problems.add(f"row {number}", column, f"{kind} {value!r} named twice")
        seen.add(value)
