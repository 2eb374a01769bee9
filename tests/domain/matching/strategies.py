"""Hypothesis strategies: small random instances with every kind of constraint."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TypeVar

from hypothesis import strategies as st

from opmaat.domain.leerweg import FUNDED
from opmaat.domain.matching import Instance, Place, Student

SCHOOLS = ("ROC A", "ROC B")
CREBOS = ("25475", "25477")
# Points around Utrecht, 0 to 60 km apart.
POINTS = ((52.09, 5.12), (52.37, 4.90), (51.92, 4.48), (52.16, 5.39))
BASE = date(2027, 2, 1)
T = TypeVar("T")


def optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | strategy


@st.composite
def places_for(draw: st.DrawFn, count: int, student_ids: list[str], rich: bool) -> list[Place]:
    result = []
    for i in range(count):
        ranking = draw(optional(st.lists(st.sampled_from(student_ids), unique=True)))
        place = Place(
            f"P{i}", draw(st.integers(0, 2)), tuple(ranking) if ranking is not None else None
        )
        if rich:
            point = draw(optional(st.sampled_from(POINTS)))
            start = draw(st.integers(0, 3))
            place = Place(
                place.id,
                place.capacity,
                place.ranking,
                organisation=draw(st.sampled_from(["Zorggroep", "Thuiszorg", ""])),
                qualifications=tuple(draw(st.sets(st.sampled_from(CREBOS)))),
                levels=tuple(draw(st.sets(st.integers(2, 4), max_size=2))),
                pathway=draw(optional(st.sampled_from(FUNDED))),
                period_start=draw(optional(st.just(BASE + timedelta(weeks=start)))),
                period_end=draw(optional(st.just(BASE + timedelta(weeks=start + 10)))),
                latitude=point[0] if point else None,
                longitude=point[1] if point else None,
                supervision_capacity=draw(optional(st.integers(0, 2))),
                reserved_for=draw(st.sampled_from(["", "", SCHOOLS[0]])),
            )
        result.append(place)
    return result


@st.composite
def students_for(draw: st.DrawFn, count: int, place_ids: list[str], rich: bool) -> list[Student]:
    result = []
    for i in range(count):
        preferences = (
            tuple(draw(st.lists(st.sampled_from(place_ids), unique=True))) if place_ids else ()
        )
        student = Student(f"S{i}", preferences)
        if rich:
            point = draw(optional(st.sampled_from(POINTS)))
            student = Student(
                student.id,
                preferences,
                school=draw(st.sampled_from(SCHOOLS)),
                qualification=draw(st.sampled_from(["", *CREBOS])),
                level=draw(optional(st.integers(2, 4))),
                pathway=draw(optional(st.sampled_from(FUNDED))),
                available_from=draw(
                    optional(st.just(BASE + timedelta(weeks=draw(st.integers(0, 2)))))
                ),
                available_until=draw(
                    optional(st.just(BASE + timedelta(weeks=draw(st.integers(10, 14)))))
                ),
                latitude=point[0] if point else None,
                longitude=point[1] if point else None,
                max_distance_km=draw(optional(st.sampled_from([10.0, 40.0, 80.0]))),
                priority=draw(optional(st.integers(1, 3))),
            )
        result.append(student)
    return result


@st.composite
def instances(
    draw: st.DrawFn, max_students: int = 5, max_places: int = 3, rich: bool = True
) -> Instance:
    """Up to `max_students` students listing up to all of up to `max_places` places;
    `rich` adds schools, crebos, levels, pathways, periods, coordinates, priorities,
    supervision capacities and reservations."""
    n_students = draw(st.integers(1, max_students))
    n_places = draw(st.integers(1, max_places))
    student_ids = [f"S{i}" for i in range(n_students)]
    places = draw(places_for(n_places, student_ids, rich))
    students = draw(students_for(n_students, [p.id for p in places], rich))
    return Instance(tuple(places), tuple(students))


seeds = st.integers(0, 2**31 - 1)
