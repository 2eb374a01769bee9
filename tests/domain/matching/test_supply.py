"""Supply and demand per organisation."""

from __future__ import annotations

from opmaat.domain.matching.model import Instance, Place, Student
from opmaat.domain.matching.supply import supply_and_demand


def test_seats_are_effective_capacity_and_demand_counts_first_choices() -> None:
    instance = Instance(
        (
            Place("A1", 3, organisation="A", supervision_capacity=1),
            Place("A2", 1, organisation="A"),
            Place("B1", 4, organisation="B"),
        ),
        (
            Student("s1", ("A1", "B1")),
            Student("s2", ("A2", "A1")),
            Student("s3", ("B1",)),
            Student("s4", ()),
        ),
    )
    rows = {r.organisation: r for r in supply_and_demand(instance)}
    assert (rows["A"].seats, rows["A"].first_choices, rows["A"].listed) == (2, 2, 2)
    assert (rows["B"].seats, rows["B"].first_choices, rows["B"].listed) == (4, 1, 2)
    assert [r.organisation for r in supply_and_demand(instance)] == ["A", "B"]
