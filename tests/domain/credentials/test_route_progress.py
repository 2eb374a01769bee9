"""Planned against actual: an item is done when the werkprocessen it plans are; the route
slips by the largest delay of any item."""

from __future__ import annotations

from datetime import date

from opmaat.domain.progress import route_progress

SCHEDULE: list[dict[str, object]] = [
    {
        "code": "A",
        "title": "Eerste",
        "start": "2027-01-04",
        "end": "2027-03-31",
        "missing_outcomes": ["A-W1", "A-W2"],
    },
    {"code": "B", "title": "Tweede", "start": "2027-04-01", "end": "2027-06-30"},
]
PLANNED = date(2027, 6, 30)
A_DONE = {"A-W1": date(2027, 3, 1), "A-W2": date(2027, 3, 20)}


def test_a_route_on_schedule_does_not_slip() -> None:
    progress = route_progress(SCHEDULE, PLANNED, A_DONE, date(2027, 4, 15))
    assert not progress.slipping
    assert progress.expected_completion == PLANNED
    assert [i.delay_days for i in progress.items] == [0, 0]


def test_an_item_completes_on_the_date_of_its_last_werkproces() -> None:
    progress = route_progress(SCHEDULE, PLANNED, A_DONE, date(2027, 4, 15))
    assert progress.items[0].complete and progress.items[0].completed_on == date(2027, 3, 20)


def test_an_item_is_open_while_one_planned_werkproces_is() -> None:
    progress = route_progress(SCHEDULE, PLANNED, {"A-W1": date(2027, 3, 1)}, date(2027, 4, 10))
    assert not progress.items[0].complete
    assert progress.slip_days == 10


def test_an_item_open_after_its_end_delays_completion_by_its_lateness() -> None:
    progress = route_progress(SCHEDULE, PLANNED, {}, date(2027, 4, 10))
    assert progress.slipping
    assert progress.slip_days == 10
    assert progress.expected_completion == date(2027, 7, 10)


def test_an_item_finished_late_counts_its_delay_even_when_done() -> None:
    late = {**A_DONE, "A-W2": date(2027, 4, 5)}
    progress = route_progress(SCHEDULE, PLANNED, late, date(2027, 4, 6))
    assert progress.slip_days == 5


def test_finishing_early_does_not_pull_the_date_forward() -> None:
    done = {"A-W1": date(2027, 2, 1), "A-W2": date(2027, 2, 1), "B": date(2027, 2, 2)}
    assert route_progress(SCHEDULE, PLANNED, done, date(2027, 2, 3)).expected_completion == PLANNED


def test_an_item_without_werkprocessen_is_done_by_its_own_code() -> None:
    progress = route_progress(SCHEDULE, PLANNED, {"B": date(2027, 5, 1)}, date(2027, 5, 2))
    assert progress.items[1].complete and progress.items[1].completed_on == date(2027, 5, 1)


def test_an_item_credited_without_a_date_is_on_time() -> None:
    progress = route_progress(SCHEDULE, PLANNED, {"A-W1": None, "A-W2": None}, date(2027, 4, 2))
    assert progress.items[0].complete and progress.items[0].delay_days == 0
