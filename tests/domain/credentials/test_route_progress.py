"""Planned against actual: the route slips by the largest delay of any item."""

from __future__ import annotations

from datetime import date

from opmaat.domain.progress import route_progress

SCHEDULE = [
    {"code": "A", "title": "Eerste", "start": "2027-01-04", "end": "2027-03-31"},
    {"code": "B", "title": "Tweede", "start": "2027-04-01", "end": "2027-06-30"},
]
PLANNED = date(2027, 6, 30)


def test_a_route_on_schedule_does_not_slip() -> None:
    progress = route_progress(SCHEDULE, PLANNED, {"A": date(2027, 3, 20)}, date(2027, 4, 15))
    assert not progress.slipping
    assert progress.expected_completion == PLANNED
    assert [i.delay_days for i in progress.items] == [0, 0]


def test_an_item_open_after_its_end_delays_completion_by_its_lateness() -> None:
    progress = route_progress(SCHEDULE, PLANNED, {}, date(2027, 4, 10))
    assert progress.slipping
    assert progress.slip_days == 10
    assert progress.expected_completion == date(2027, 7, 10)


def test_an_item_finished_late_counts_its_delay_even_when_done() -> None:
    progress = route_progress(SCHEDULE, PLANNED, {"A": date(2027, 4, 5)}, date(2027, 4, 6))
    assert progress.slip_days == 5


def test_finishing_early_does_not_pull_the_date_forward() -> None:
    done = {"A": date(2027, 2, 1), "B": date(2027, 2, 2)}
    assert route_progress(SCHEDULE, PLANNED, done, date(2027, 2, 3)).expected_completion == PLANNED


def test_an_item_credited_without_a_date_is_on_time() -> None:
    progress = route_progress(SCHEDULE, PLANNED, {"A": None}, date(2027, 4, 2))
    assert progress.items[0].complete and progress.items[0].delay_days == 0
