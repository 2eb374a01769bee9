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
    table = {"NL-2F": 100.0, "LB": 50.0}
    assert estimate.generic_hours(["nl-2f", "LB", "XX"], table) == 150


def test_vocational_hours_exclude_generic_and_elective_hours() -> None:
    generic = ["NL-2F", "REK-2F", "LB"]
    expected = 4800 - estimate.generic_hours(generic) - 720
    assert estimate.vocational_hours(3, generic, 720) == expected


def test_vocational_hours_never_go_below_zero() -> None:
    assert estimate.vocational_hours(1, ["NL-3F"], 5000) == 0


def test_a_school_table_overrides_the_generic_hours() -> None:
    assert estimate.vocational_hours(1, ["NL-2F"], 0, {"NL-2F": 600.0}) == 1000


def test_hours_are_split_in_proportion_to_werkprocessen() -> None:
    shares = estimate.split_by_werkprocessen(1300, {"A": 7, "B": 2, "C": 4})
    assert shares == {"A": 700, "B": 200, "C": 400}


def test_a_unit_without_werkprocessen_counts_as_one() -> None:
    assert estimate.split_by_werkprocessen(200, {"A": 0, "B": 1}) == {"A": 100, "B": 100}


def test_a_shared_unit_gets_the_mean_rounded_to_ten_hours() -> None:
    assert estimate.shared_unit_hours([1938.5, 1380.0]) == 1660
    assert estimate.shared_unit_hours([1234.0]) == 1230


def test_rounding_takes_halves_up() -> None:
    assert estimate.round_hours(25) == 30
    assert estimate.round_hours(35) == 40
    assert estimate.round_hours(24.9) == 20


def test_a_shared_unit_needs_an_estimate() -> None:
    with pytest.raises(ValueError):
        estimate.shared_unit_hours([])


def test_begeleider_gehandicaptenzorg_is_the_documented_example() -> None:
    shares = estimate.estimate_unit_hours(
        3, ["NL-2F", "REK-2F", "LB"], 720, {"B1-K1": 7, "B1-K2": 2, "P1-K1": 4}
    )
    assert sum(shares.values()) == pytest.approx(3600)
    assert shares["B1-K1"] == pytest.approx(3600 * 7 / 13)


def test_elective_hours_scale_with_programme_length() -> None:
    assert estimate.elective_hours_by_duration(1) == 240
    assert estimate.elective_hours_by_duration(2) == 480
    assert estimate.elective_hours_by_duration(3) == 720
    assert estimate.elective_hours_by_duration(4) == 720


def test_the_generic_table_covers_every_generic_unit() -> None:
    assert set(estimate.GENERIC_HOURS) == {"NL-2F", "NL-3F", "REK-2F", "REK-3F", "EN-B1", "LB"}


def test_the_rule_text_names_its_legal_basis_and_its_rounding() -> None:
    assert "1,600" in estimate.HOURS_RULE
    assert "7.2.7" in estimate.HOURS_RULE
    assert "mean" in estimate.HOURS_RULE
    assert "10 hours" in estimate.HOURS_RULE
    assert "per-qualification estimates" in estimate.HOURS_RULE


def test_the_generic_hours_are_labelled_as_opmaat_estimates_without_source() -> None:
    assert "without public source" in estimate.GENERIC_HOURS_RULE
    assert "override" in estimate.GENERIC_HOURS_RULE


@given(
    hours=st.floats(min_value=0, max_value=10_000, allow_nan=False),
    counts=st.dictionaries(st.text(min_size=1, max_size=4), st.integers(0, 20), min_size=1),
)
def test_a_split_always_adds_up_to_the_whole(hours: float, counts: dict[str, int]) -> None:
    shares = estimate.split_by_werkprocessen(hours, counts)
    assert set(shares) == set(counts)
    assert sum(shares.values()) == pytest.approx(hours, abs=1e-6)


@given(st.lists(st.floats(min_value=0, max_value=10_000, allow_nan=False), min_size=1))
def test_a_shared_estimate_is_a_multiple_of_ten_near_the_mean(estimates: list[float]) -> None:
    hours = estimate.shared_unit_hours(estimates)
    assert hours % 10 == 0
    assert abs(hours - sum(estimates) / len(estimates)) <= 5 + 1e-6
