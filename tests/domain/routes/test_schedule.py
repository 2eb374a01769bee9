"""Scheduling on parallel tracks, week by week on the person's calendar."""

from __future__ import annotations

from datetime import date

from opmaat.domain.errors import InvalidInput
from opmaat.domain.routes import Leerweg, Track, add_months, schedule, study_time
from opmaat.domain.routes.schedule import Task
from tests.errors import refused

MONDAY = date(2027, 9, 6)  # a teaching week
BOL = study_time(Leerweg.BOL)  # 40 hours a teaching week


def test_vocational_units_follow_one_another() -> None:
    first, second = schedule([Task(Track.VOCATIONAL, 40), Task(Track.VOCATIONAL, 80)], MONDAY, BOL)
    assert (first.start, first.end) == (MONDAY, date(2027, 9, 10))
    assert (second.start, second.end) == (date(2027, 9, 13), date(2027, 9, 24))


def test_tracks_run_alongside_and_end_together() -> None:
    """Each week's hours are shared in proportion to what each track has left."""
    slots = schedule(
        [Task(Track.VOCATIONAL, 120), Task(Track.GENERIC, 40), Task(Track.ELECTIVE, 40)],
        MONDAY,
        BOL,
    )
    assert {s.start for s in slots} == {MONDAY}
    assert {s.end for s in slots} == {date(2027, 10, 8)}  # 200 hours at 40 a week


def test_an_exam_only_subject_comes_first_and_takes_its_exam_hours() -> None:
    exam, unit = schedule(
        [Task(Track.GENERIC, 8, exam_only=True), Task(Track.VOCATIONAL, 32)], MONDAY, BOL
    )
    assert (exam.start, exam.end) == (MONDAY, MONDAY)
    assert unit.end == date(2027, 9, 10)


def test_an_obligation_runs_as_long_as_the_other_work() -> None:
    unit, obligation = schedule(
        [Task(Track.VOCATIONAL, 78), Task(Track.GENERIC, 0, obligation_share=0.025)], MONDAY, BOL
    )
    assert obligation.start == MONDAY
    assert obligation.end == unit.end


def test_bol_pauses_in_the_school_holidays() -> None:
    [slot] = schedule([Task(Track.VOCATIONAL, 80)], date(2027, 7, 5), BOL)
    assert slot.end == date(2027, 9, 3)  # week 27 taught, weeks 28-34 off, week 35 taught


def test_bbl_work_goes_on_in_school_holidays_but_not_on_leave() -> None:
    bbl = study_time(Leerweg.BBL, study_hours=0, work_hours=40)
    [slot] = schedule([Task(Track.VOCATIONAL, 120)], date(2027, 7, 12), bbl)
    assert slot.end == date(2027, 8, 27)  # weeks 28, 29 work; 30-33 leave; 34 work


def test_generic_subjects_need_school_or_self_study_hours() -> None:
    only_work = study_time(Leerweg.DERDE, study_hours=0, work_hours=20)
    with refused(InvalidInput, "needs_study_hours"):
        schedule([Task(Track.GENERIC, 10)], MONDAY, only_work)


def test_a_route_of_no_hours_ends_where_it_starts() -> None:
    [slot] = schedule([Task(Track.VOCATIONAL, 0)], MONDAY, BOL)
    assert slot.start == slot.end == MONDAY


def test_add_months_clamps_to_the_end_of_the_month() -> None:
    assert add_months(date(2027, 1, 31), 1) == date(2027, 2, 28)
    assert add_months(date(2027, 11, 15), 3) == date(2028, 2, 15)
