"""Internship places, students and their applications: the input of a stagematching.

A place is offered by a training organisation (leerbedrijf) for one or more qualifications
(crebo) and levels, in one pathway (BOL internship or BBL job), for a period, at a location,
with a capacity and a supervision capacity. A student applies with a ranked list of places.
Every optional attribute left empty means "no constraint".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from opmaat.domain.leerweg import Leerweg


@dataclass(frozen=True, slots=True)
class Place:
    """An internship place with `capacity` seats.

    `ranking` lists the students the place accepts, best first; None means it accepts every
    eligible student, ordered by the school's priority and then the lottery.
    `reserved_for` names a school the place is reserved for until the return deadline
    (`opmaat.domain.matching.rounds`).
    """

    id: str
    capacity: int
    ranking: tuple[str, ...] | None = None
    organisation: str = ""
    qualifications: tuple[str, ...] = ()
    levels: tuple[int, ...] = ()
    pathway: Leerweg | None = None
    period_start: date | None = None
    period_end: date | None = None
    latitude: float | None = None
    longitude: float | None = None
    supervision_capacity: int | None = None
    reserved_for: str = ""

    @property
    def effective_capacity(self) -> int:
        """The seats that can be filled: the capacity, and no more than the supervisors can
        guide when a supervision capacity is given."""
        if self.supervision_capacity is None:
            return self.capacity
        return min(self.capacity, self.supervision_capacity)


@dataclass(frozen=True, slots=True)
class Student:
    """A student's application: `preferences` are place ids, best first.

    `priority` is the school's priority (1 first); a place without a ranking orders its
    applicants by priority, then by the lottery.
    """

    id: str
    preferences: tuple[str, ...]
    school: str = ""
    qualification: str = ""
    level: int | None = None
    pathway: Leerweg | None = None
    available_from: date | None = None
    available_until: date | None = None
    latitude: float | None = None
    longitude: float | None = None
    max_distance_km: float | None = None
    priority: int | None = None


@dataclass(frozen=True, slots=True)
class Instance:
    """Everything one matching run needs."""

    places: tuple[Place, ...]
    students: tuple[Student, ...]
