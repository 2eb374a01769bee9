"""The calendar: teaching weeks, leave, and the days of a week."""

from __future__ import annotations

from datetime import date

from opmaat.domain.routes import DEFAULT_CALENDAR, Calendar, months_between
from opmaat.domain.routes.calendar import Week


def test_a_school_year_has_forty_teaching_weeks() -> None:
    """MBO Utrecht: "een onderwijsjaar van 40 weken"; Rijn IJssel: 8 x 5 or 4 x 10 weeks."""
    assert DEFAULT_CALENDAR.school_weeks_per_year() == 40


def test_leave_is_at_least_the_legal_minimum_of_four_weeks() -> None:
    """Burgerlijk Wetboek art. 7:634: four times the weekly hours a year."""
    assert DEFAULT_CALENDAR.work_weeks_per_year() <= 52 - 4


def test_the_first_week_starts_on_the_start_date() -> None:
    weeks = DEFAULT_CALENDAR.weeks(date(2027, 9, 1))  # a Wednesday
    first, second = next(weeks), next(weeks)
    assert (first.first, first.days) == (date(2027, 9, 1), 3)
    assert (second.first, second.days) == (date(2027, 9, 6), 5)


def test_summer_weeks_are_no_teaching_weeks_and_partly_leave() -> None:
    calendar = Calendar()
    summer = [w for w, _ in zip(calendar.weeks(date(2027, 7, 12)), range(9), strict=False)]
    assert [w.school for w in summer] == [False] * 7 + [True] * 2
    assert [w.work for w in summer][:5] == [True, True, False, False, False]


def test_a_weekend_start_counts_no_days_that_week() -> None:
    first = next(DEFAULT_CALENDAR.weeks(date(2027, 9, 4)))  # a Saturday
    assert first.days == 0


def test_a_share_of_a_week_ends_on_the_day_it_is_done() -> None:
    week = Week(date(2027, 9, 6), 5, True, True)
    assert week.day(0.0, end=False) == date(2027, 9, 6)
    assert week.day(0.1, end=True) == date(2027, 9, 6)
    assert week.day(0.5, end=True) == date(2027, 9, 8)
    assert week.day(1.0, end=True) == date(2027, 9, 10)


def test_months_are_counted_in_calendar_months() -> None:
    assert months_between(date(2027, 1, 1), date(2028, 1, 1)) == 12.0
    assert months_between(date(2027, 1, 1), date(2027, 1, 16)) == 0.5
