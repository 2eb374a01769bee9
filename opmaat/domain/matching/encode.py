"""An instance as numpy arrays: the form the solver, the checks and the fill work on.

Students and places become row indexes in file order; text attributes (qualification,
school) become small integer codes, missing values sentinels, so that eligibility for a
million (student, place) pairs is a handful of vectorised comparisons.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import chain

import numpy as np
import numpy.typing as npt

from opmaat.domain.leerweg import Leerweg
from opmaat.domain.matching.errors import (
    DuplicateId,
    NegativeCapacity,
    RepeatedEntry,
    UnknownReference,
)
from opmaat.domain.matching.lottery import lottery_numbers
from opmaat.domain.matching.model import Instance, Place, Student

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

NO_CODE = -1
EARLIEST = np.iinfo(np.int64).min
LATEST = np.iinfo(np.int64).max
NO_PRIORITY = 2**31  # after every priority a school can give
QUALIFICATION_BASE = 2**20  # more distinct crebos than ever existed
PATHWAY_CODES = {None: 0, Leerweg.BOL: 1, Leerweg.BBL: 2, Leerweg.DERDE: 3}


@dataclass(frozen=True, slots=True, eq=False)
class PlaceArrays:
    ids: tuple[str, ...]
    capacity: IntArray  # effective capacity
    organisation: tuple[str, ...]
    qualifications: tuple[str, ...]  # the offered crebos joined by ";"
    qualification_keys: IntArray  # sorted place * QUALIFICATION_BASE + code, per offered crebo
    has_qualifications: BoolArray
    level_mask: IntArray  # bit `level` set for each offered level; 0: any level
    pathway: IntArray  # PATHWAY_CODES
    start: IntArray  # ordinal day, LATEST when not given
    end: IntArray  # ordinal day, EARLIEST when not given
    latitude: FloatArray  # NaN when not given
    longitude: FloatArray
    reserved_for: IntArray  # school code, NO_CODE when not reserved
    has_ranking: BoolArray
    ranking_keys: IntArray  # sorted place * n_students + student, one per ranked student
    ranking_position: IntArray  # 1-based position in the ranking, aligned with the keys


@dataclass(frozen=True, slots=True, eq=False)
class StudentArrays:
    ids: tuple[str, ...]
    qualification: IntArray  # code, NO_CODE when not given
    level: IntArray  # -1 when not given
    pathway: IntArray
    available_from: IntArray  # ordinal day, EARLIEST when not given
    available_until: IntArray  # ordinal day, LATEST when not given
    latitude: FloatArray
    longitude: FloatArray
    max_distance_km: FloatArray  # NaN when not given
    school: IntArray
    priority: IntArray  # NO_PRIORITY when not given
    lottery: IntArray  # 1..n


@dataclass(frozen=True, slots=True, eq=False)
class Encoded:
    """The instance as arrays, with the codes to translate back."""

    places: PlaceArrays
    students: StudentArrays
    choices: npt.NDArray[np.int32]  # [students, longest list]: place index, -1 padding
    qualification_codes: tuple[str, ...]
    school_codes: tuple[str, ...]
    seed: int

    @property
    def n_students(self) -> int:
        return len(self.students.ids)

    @property
    def n_places(self) -> int:
        return len(self.places.ids)


def encode(instance: Instance, seed: int) -> Encoded:
    """The arrays of an instance; raises DuplicateId, UnknownReference, RepeatedEntry or
    NegativeCapacity."""
    place_index = index_of("place", [p.id for p in instance.places])
    student_index = index_of("student", [s.id for s in instance.students])
    qualifications = Codes()
    schools = Codes()
    places = place_arrays(instance.places, student_index, qualifications, schools)
    students = student_arrays(instance.students, qualifications, schools, seed)
    return Encoded(
        places=places,
        students=students,
        choices=choice_matrix(instance.students, place_index),
        qualification_codes=qualifications.known(),
        school_codes=schools.known(),
        seed=seed,
    )


class Codes:
    """Small integer codes for text values, in order of first appearance."""

    def __init__(self) -> None:
        self.codes: dict[str, int] = {}

    def __call__(self, value: str) -> int:
        if not value:
            return NO_CODE
        return self.codes.setdefault(value, len(self.codes))

    def column(self, values: list[str]) -> IntArray:
        if values.count("") == len(values):  # a column not given: skip the Python loop
            return np.full(len(values), NO_CODE, dtype=np.int64)
        return np.array([self(v) for v in values], dtype=np.int64)

    def known(self) -> tuple[str, ...]:
        return tuple(self.codes)


def index_of(kind: str, ids: list[str]) -> dict[str, int]:
    index = {value: number for number, value in enumerate(ids)}
    if len(index) < len(ids):
        seen: set[str] = set()
        for value in ids:
            if value in seen:
                raise DuplicateId(kind, value)
            seen.add(value)
    return index


def flat_lookup(index: dict[str, int], lists: Sequence[Sequence[str]]) -> tuple[IntArray, IntArray]:
    """(every id of every list as its index, each list's length); KeyError on an unknown id."""
    lengths = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
    flat = np.fromiter(
        map(index.__getitem__, chain.from_iterable(lists)),
        dtype=np.int64,
        count=int(lengths.sum()),
    )
    return flat, lengths


def unknown_in(
    index: dict[str, int], owners: Sequence[tuple[str, Sequence[str]]], kind: str
) -> UnknownReference:
    """The error for the first unknown id, found the slow way once we know there is one."""
    for owner, ids in owners:
        for value in ids:
            if value not in index:
                return UnknownReference(owner, kind, value)
    raise AssertionError("no unknown id")


def place_arrays(
    places: Sequence[Place], student_index: dict[str, int], qualifications: Codes, schools: Codes
) -> PlaceArrays:
    for place in places:
        if place.capacity < 0 or (place.supervision_capacity or 0) < 0:
            raise NegativeCapacity(place.id)
    offered = [(i, qualifications(q)) for i, p in enumerate(places) for q in p.qualifications]
    keys, positions = ranking_entries(places, student_index)
    return PlaceArrays(
        ids=tuple(p.id for p in places),
        capacity=ints([p.effective_capacity for p in places]),
        organisation=tuple(p.organisation for p in places),
        qualifications=tuple(";".join(p.qualifications) for p in places),
        qualification_keys=np.sort(
            ints([i for i, _ in offered]) * QUALIFICATION_BASE + ints([c for _, c in offered])
        ),
        has_qualifications=np.array([bool(p.qualifications) for p in places], dtype=np.bool_),
        level_mask=ints([sum(1 << level for level in set(p.levels)) for p in places]),
        pathway=optional_ints([PATHWAY_CODES[p.pathway] if p.pathway else None for p in places], 0),
        start=days([p.period_start for p in places], LATEST),
        end=days([p.period_end for p in places], EARLIEST),
        latitude=optional_floats([p.latitude for p in places]),
        longitude=optional_floats([p.longitude for p in places]),
        reserved_for=schools.column([p.reserved_for for p in places]),
        has_ranking=np.array([p.ranking is not None for p in places], dtype=np.bool_),
        ranking_keys=keys,
        ranking_position=positions,
    )


def ranking_entries(
    places: Sequence[Place], student_index: dict[str, int]
) -> tuple[IntArray, IntArray]:
    """(place * n_students + student, 1-based position) for every ranked student, by key."""
    n = len(student_index)
    rankings = [p.ranking or () for p in places]
    try:
        students, lengths = flat_lookup(student_index, rankings)
    except KeyError:
        owners = [(p.id, r) for p, r in zip(places, rankings, strict=True)]
        raise unknown_in(student_index, owners, "student") from None
    starts = np.cumsum(lengths) - lengths
    positions = np.arange(len(students), dtype=np.int64) - np.repeat(starts, lengths) + 1
    keys = np.repeat(np.arange(len(places), dtype=np.int64), lengths) * n + students
    order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]
    twice = np.flatnonzero(sorted_keys[1:] == sorted_keys[:-1])
    if len(twice):
        key = int(sorted_keys[twice[0]])
        twice_ranked = next(sid for sid, i in student_index.items() if i == key % n)
        owner = places[key // n].id
        raise RepeatedEntry(owner, "student", twice_ranked)
    return sorted_keys, positions[order]


def student_arrays(
    students: Sequence[Student], qualifications: Codes, schools: Codes, seed: int
) -> StudentArrays:
    ids = tuple(s.id for s in students)
    pathways = [PATHWAY_CODES[s.pathway] if s.pathway else None for s in students]
    return StudentArrays(
        ids=ids,
        qualification=qualifications.column([s.qualification for s in students]),
        level=optional_ints([s.level for s in students], -1),
        pathway=optional_ints(pathways, 0),
        available_from=days([s.available_from for s in students], EARLIEST),
        available_until=days([s.available_until for s in students], LATEST),
        latitude=optional_floats([s.latitude for s in students]),
        longitude=optional_floats([s.longitude for s in students]),
        max_distance_km=optional_floats([s.max_distance_km for s in students]),
        school=schools.column([s.school for s in students]),
        priority=optional_ints([s.priority for s in students], NO_PRIORITY),
        lottery=lottery_numbers(ids, seed),
    )


def choice_matrix(
    students: Sequence[Student], place_index: dict[str, int]
) -> npt.NDArray[np.int32]:
    """[students, longest list] of place indexes, best first, padded with -1."""
    lists = [s.preferences for s in students]
    try:
        flat, lengths = flat_lookup(place_index, lists)
    except KeyError:
        owners = [(s.id, s.preferences) for s in students]
        raise unknown_in(place_index, owners, "place") from None
    width = int(lengths.max()) if len(students) else 0
    rows = np.repeat(np.arange(len(students)), lengths)
    starts = np.cumsum(lengths) - lengths
    columns = np.arange(len(flat)) - np.repeat(starts, lengths)
    choices = np.full((len(students), width), -1, dtype=np.int32)
    choices[rows, columns] = flat
    ordered = np.sort(choices, axis=1)
    repeated = (ordered[:, 1:] == ordered[:, :-1]) & (ordered[:, 1:] >= 0)
    if repeated.any():
        row, column = (int(i[0]) for i in np.nonzero(repeated))
        owner = students[row].id
        place = next(pid for pid, i in place_index.items() if i == ordered[row, column])
        raise RepeatedEntry(owner, "place", place)
    return choices


def ints(values: list[int]) -> IntArray:
    return np.array(values, dtype=np.int64)


def optional_ints(values: list[int | None], missing: int) -> IntArray:
    if values.count(None) == len(values):  # a column not given: skip the Python loop
        return np.full(len(values), missing, dtype=np.int64)
    return np.array([missing if v is None else v for v in values], dtype=np.int64)


def optional_floats(values: list[float | None]) -> FloatArray:
    if values.count(None) == len(values):
        return np.full(len(values), np.nan)
    return np.array([np.nan if v is None else v for v in values], dtype=np.float64)


def days(values: list[date | None], missing: int) -> IntArray:
    """Ordinal days; `missing` where no date is given."""
    if values.count(None) == len(values):
        return np.full(len(values), missing, dtype=np.int64)
    return np.array([missing if d is None else d.toordinal() for d in values], dtype=np.int64)
