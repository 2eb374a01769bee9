"""The documented hours-estimating rule (opmaat.domain.catalog.estimate)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opmaat.domain.catalog import estimate


def test_a_study_year_is_1600_hours() -> None:
    assert estimate.programme_hours(1) == 1600
    assert estimate.programme_hours(3) == 4800


def test_nominal_years_are_the_upper_bound_of_the_legal_range_per_level() -> None:
    assert [estimate.nominal_study_years(level) for level in (1, 2, 3, 4)] == [1, 2, 3, 3]


def test_a_named_exception_overrides_the_nominal_years_of_its_level() -> None:
    exceptions = {"25655": 4, "25487": 1}
    assert estimate.nominal_study_years(4, "25655", exceptions) == 4
    assert estimate.nominal_study_years(4, "25487", exceptions) == 1
    assert estimate.nominal_study_years(4, "25477", exceptions) == 3


def test_an_unknown_level_has_no_nominal_years() -> None:
    with pytest.raises(ValueError):
        estimate.nominal_study_years(5)


def test_programme_hours_reject_a_non_positive_duration() -> None:
    with pytest.raises(ValueError):
        estimate.programme_hours(0)


def test_generic_hours_sum_the_table_and_ignore_unknown_codes() -> None:
    table = {"NL-2F": 100.0, "REK-3": 50.0}
    assert estimate.generic_hours(["nl-2f", "REK-3", "XX"], 0, table) == 150


def test_an_obligation_counts_its_hours_per_study_year() -> None:
    """Loopbaan en burgerschap: about an hour a teaching week, 40 hours a study year."""
    assert estimate.generic_hours(["LB"], 3) == 120


def test_vocational_hours_exclude_generic_and_elective_hours() -> None:
    generic = ["NL-2F", "REK-3", "LB"]
    expected = 4800 - estimate.generic_hours(generic, 3) - 720
    assert estimate.vocational_hours(3, generic, 720) == expected


def test_vocational_hours_never_go_below_zero() -> None:
    assert estimate.vocational_hours(1, ["NL-3F"], 5000) == 0


def test_a_school_table_overrides_the_generic_hours() -> None:
    assert estimate.vocational_hours(1, ["NL-2F"], 0, {"NL-2F": 600.0}) == 1000


def programmes(
    vig: float = 3300, shared: tuple[str, ...] = ("B1",), a: int = 3, b: int = 2
) -> dict[str, estimate.Programme]:
    return {
        "A": estimate.Programme(vig, [*shared, *(f"A{i}" for i in range(a))]),
        "B": estimate.Programme(2000, [*shared, *(f"B{i}" for i in range(b))]),
    }


def test_a_qualifications_own_werkprocessen_share_its_vocational_hours_equally() -> None:
    hours = estimate.werkproces_hours({"Q": estimate.Programme(900, ["W1", "W2", "W3"])})
    assert hours == {"W1": 300, "W2": 300, "W3": 300}


def test_a_shared_werkproces_gets_the_smallest_of_the_equal_shares() -> None:
    hours = estimate.werkproces_hours(programmes(shared=("S",)))
    assert hours["S"] == pytest.approx(min(3300 / 4, 2000 / 3), abs=0.1)


def test_every_qualification_adds_up_to_its_vocational_hours() -> None:
    """So that a full programme in the standard form lasts its nominal duration."""
    found = programmes(shared=("S1", "S2"))
    hours = estimate.werkproces_hours(found)
    for programme in found.values():
        total = sum(hours[w] for w in programme.werkprocessen)
        assert programme.vocational_hours - 1 < total <= programme.vocational_hours


def test_hours_are_rounded_down_to_one_decimal() -> None:
    hours = estimate.werkproces_hours({"Q": estimate.Programme(100, ["W1", "W2", "W3"])})
    assert hours == {"W1": 33.3, "W2": 33.3, "W3": 33.3}


def test_elective_hours_scale_with_programme_length() -> None:
    assert estimate.elective_hours_by_duration(1) == 240
    assert estimate.elective_hours_by_duration(2) == 480
    assert estimate.elective_hours_by_duration(3) == 720
    assert estimate.elective_hours_by_duration(4) == 720


def test_the_tables_cover_every_generic_subject_and_its_exam() -> None:
    courses = {"NL-2F", "NL-3F", "REK-1F", "REK-2F", "REK-3F", "REK-2", "REK-3", "REK-4", "EN-B1"}
    assert set(estimate.GENERIC_HOURS) == courses
    assert set(estimate.EXAM_HOURS) == courses | {"LB"}
    assert set(estimate.OBLIGATION_HOURS_PER_YEAR) == {"LB"}


def test_the_rule_text_names_its_legal_basis_and_its_sharing() -> None:
    assert "1,600" in estimate.HOURS_RULE
    assert "7.2.7" in estimate.HOURS_RULE
    assert "smallest" in estimate.HOURS_RULE
    assert "werkprocessen" in estimate.HOURS_RULE


def test_the_generic_hours_are_labelled_as_opmaat_estimates_without_source() -> None:
    assert "without public source" in estimate.GENERIC_HOURS_RULE
    assert "override" in estimate.GENERIC_HOURS_RULE


@given(
    vocational=st.floats(min_value=100, max_value=10_000, allow_nan=False),
    shared=st.integers(0, 5),
    own_a=st.integers(1, 8),
    own_b=st.integers(1, 8),
)
def test_no_qualification_adds_up_to_more_than_its_vocational_hours(
    vocational: float, shared: int, own_a: int, own_b: int
) -> None:
    found = programmes(vocational, tuple(f"S{i}" for i in range(shared)), own_a, own_b)
    hours = estimate.werkproces_hours(found)
    for programme in found.values():
        assert sum(hours[w] for w in programme.werkprocessen) <= programme.vocational_hours + 1e-6
