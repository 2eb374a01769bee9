"""Employers' training demand rolled up into the region: sums over the organisations,
small groups of people hidden with their row's hours and windows, shown rows ranked by
windows gained per hour and hidden rows after them by name."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from opmaat.domain.access import SMALL_GROUP
from opmaat.domain.forecasting.employers import OrganisationDemand, roll_up
from opmaat.domain.workforce.demand import UnitDemand


def unit(code: str, people: int, hours: float, gained: int) -> UnitDemand:
    return UnitDemand(code, f"Eenheid {code}", people, hours, gained)


def test_the_region_sums_each_unit_over_its_organisations() -> None:
    north = OrganisationDemand("Noord", (unit("A", 4, 100.0, 6), unit("B", 6, 60.0, 3)), 8)
    south = OrganisationDemand("Zuid", (unit("A", 3, 90.0, 4),), 3)
    demand = roll_up([north, south])
    rows = {r.candidate: r for r in demand.rows}
    assert (rows["A"].organisations, rows["A"].people, rows["A"].hours, rows["A"].gained) == (
        2,
        7,
        190.0,
        10,
    )
    assert (demand.organisations, demand.people) == (2, 11)


def test_a_small_group_hides_its_hours_and_windows_and_one_more_row_hides_too() -> None:
    """One hidden row beside a shown total would be the total minus the rest: the smallest
    shown row is hidden as well (secondary suppression)."""
    demand = roll_up(
        [OrganisationDemand("Noord", (unit("A", 2, 40.0, 5), unit("B", 6, 60.0, 3),
                                      unit("C", 9, 90.0, 2)), 17)]
    )  # fmt: skip
    rows = {r.candidate: r for r in demand.rows}
    assert (rows["A"].people, rows["A"].hours, rows["A"].gained) == (None, None, None)
    assert rows["B"].people is None and rows["B"].hours is None  # the smallest shown one
    assert rows["C"].people == 9


def test_shown_rows_come_first_by_windows_per_hour_and_hidden_ones_by_name() -> None:
    demand = roll_up(
        [OrganisationDemand("Noord", (unit("Z", 1, 10.0, 9), unit("Y", 2, 10.0, 9),
                                      unit("P", 5, 100.0, 5), unit("Q", 5, 10.0, 1),
                                      unit("R", 8, 10.0, 4)), 21)]
    )  # fmt: skip
    assert [r.candidate for r in demand.rows] == ["R", "Q", "P", "Y", "Z"]


def test_no_demand_is_an_empty_region() -> None:
    demand = roll_up([OrganisationDemand("Noord", (), 0)])
    assert (demand.rows, demand.organisations) == ((), 0)


units = st.lists(
    st.builds(
        unit,
        st.sampled_from("ABCDEFG"),
        st.integers(1, 12),
        st.floats(1, 500, allow_nan=False),
        st.integers(0, 30),
    ),
    max_size=6,
    unique_by=lambda u: u.candidate,
)


@given(st.lists(units, min_size=1, max_size=4))
def test_no_hidden_count_of_people_can_be_worked_out(per_org: list[list[UnitDemand]]) -> None:
    """A shown count is at least SMALL_GROUP; never exactly one hidden row beside a shown
    total; a hidden row shows none of its figures."""
    organisations = [
        OrganisationDemand(f"O{i}", tuple(us), sum(u.people for u in us))
        for i, us in enumerate(per_org)
    ]
    demand = roll_up(organisations)
    hidden = [r for r in demand.rows if r.people is None]
    for row in demand.rows:
        assert row.people is None or row.people >= SMALL_GROUP
        if row.people is None:
            assert row.hours is None and row.gained is None
    if demand.people is not None:
        assert len(hidden) != 1
