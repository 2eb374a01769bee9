"""Small instances written out in tests: `place("P1", 2)`, `student("S1", "P1", "P2")`.
Other attributes: `replace(place("P1"), levels=(3,))`."""

from __future__ import annotations

from collections.abc import Sequence

from opmaat.domain.matching import Instance, Place, Student

SEED = 20270201


def place(id: str, capacity: int = 1, ranking: Sequence[str] | None = None) -> Place:
    return Place(id, capacity, tuple(ranking) if ranking is not None else None)


def student(id: str, *preferences: str) -> Student:
    return Student(id, tuple(preferences))


def instance(places: Sequence[Place], students: Sequence[Student]) -> Instance:
    return Instance(tuple(places), tuple(students))
