"""Dates at a steady pace, and calendar months."""

from __future__ import annotations

from datetime import date

import pytest

from opmaat.domain.routes import InvalidPace, Slot, add_months, schedule

MONDAY = date(2027, 1, 4)


def test_items_run_one_after_the_other() -> None:
    assert schedule([20, 30], MONDAY, 10) == [
        Slot(date(2027, 1, 4), date(2027, 1, 18)),
        Slot(date(2027, 1, 18), date(2027, 2, 8)),
    ]


def test_a_part_week_rounds_the_end_up_and_the_next_start_down() -> None:
    first, second = schedule([15, 15], MONDAY, 10)
    assert first.end == date(2027, 1, 15)  # 10.5 days, rounded up
    assert second.start == date(2027, 1, 14)  # 10.5 days, rounded down


def test_an_item_of_no_hours_starts_and_ends_the_same_day() -> None:
    [slot] = schedule([0], MONDAY, 10)
    assert slot.start == slot.end == MONDAY


@pytest.mark.parametrize("pace", [0.0, -5.0, float("nan"), float("inf")])
def test_a_pace_must_be_a_positive_number(pace: float) -> None:
    with pytest.raises(InvalidPace):
        schedule([10], MONDAY, pace)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2027, 1, 31), 1, date(2027, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),
        (date(2027, 1, 4), 24, date(2029, 1, 4)),
        (date(2027, 11, 30), 3, date(2028, 2, 29)),
        (date(2027, 5, 15), 0, date(2027, 5, 15)),
    ],
)
def test_adding_months_clamps_to_the_end_of_the_month(
    day: date, months: int, expected: date
) -> None:
    assert add_months(day, months) == expected
