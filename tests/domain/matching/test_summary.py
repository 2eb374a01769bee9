"""The figures of a run: placed, by preference, unused seats by organisation and crebo."""

from __future__ import annotations

from opmaat.domain.matching import Instance, Place, match, summarise
from tests.domain.matching.factories import SEED, student

PLACES = (
    Place("P1", 1, ("S1", "S2"), organisation="Zorggroep", qualifications=("25475",)),
    Place("P2", 3, organisation="Zorggroep", qualifications=("25475", "25477")),
    Place("P3", 2, organisation="Thuiszorg", supervision_capacity=1),
    Place("P4", 1),
)
STUDENTS = (
    student("S1", "P1"),
    student("S2", "P1", "P2"),
    student("S3", "P3"),
    student("S4", "P3"),
    student("S5"),
)


def test_the_summary_counts_students_seats_and_preferences() -> None:
    summary = summarise(match(Instance(PLACES, STUDENTS), SEED))
    assert summary.document() == {
        "students": 5,
        "places": 4,
        "capacity": 6,  # P3's supervision capacity of 1 limits it
        "matched": 3,
        "matched_pct": 60.0,
        "unmatched": 2,
        "by_rank": {"1": 2, "2": 1},
        "unused_capacity": 3,
        "unused_by_organisation": {"(unknown)": 1, "Zorggroep": 2},
        "unused_by_qualification": {"": 1, "25475;25477": 2},
        "fill": None,
    }


def test_the_fill_count_is_given_when_the_fill_ran() -> None:
    summary = summarise(match(Instance(PLACES, STUDENTS), SEED, fill=True))
    assert summary.fill == 2
    assert summary.matched == 5 and summary.by_rank == {1: 2, 2: 1}
