"""A person's week by pathway, and the study load a year it makes (WEB art. 7.2.7)."""

from __future__ import annotations

import pytest

from opmaat.domain.errors import InvalidInput
from opmaat.domain.routes import Leerweg, standard_time, study_time
from tests.errors import refused


def test_bol_is_full_time_at_1600_hours_a_year() -> None:
    assert study_time(Leerweg.BOL).per_year() == 1600


def test_a_bbl_learners_contract_hours_count_as_study_load() -> None:
    time = study_time(Leerweg.BBL, study_hours=8, work_hours=32)
    assert (time.work_hours, time.school_hours, time.study_hours) == (32, 6, 8)
    assert time.per_year() == 32 * 47 + (6 + 8) * 40


def test_a_bbl_learner_who_meets_the_norm_makes_a_year_of_1600_hours() -> None:
    """At least 610 workplace and 200 guided hours; the rest of the 1,600 is self-study."""
    time = study_time(Leerweg.BBL, study_hours=0, work_hours=13)
    assert time.meets_bbl_norm()
    assert time.per_year() == pytest.approx(1600)


def test_the_norm_tops_each_week_up_to_the_standard_form() -> None:
    """Weeks where the person's own hours exceed the standard week keep them: a year of at
    least 1,600 hours, and more hours never make a week shorter."""
    time = study_time(Leerweg.BBL, study_hours=0, work_hours=20)
    standard = standard_time(Leerweg.BBL)
    assert time.per_year() == pytest.approx(
        40 * (standard.work_hours + standard.school_and_study_hours) + 7 * 20
    )
    assert time.per_year() > 1600


def test_below_the_bbl_norm_only_the_own_hours_count() -> None:
    time = study_time(Leerweg.BBL, study_hours=0, work_hours=10)
    assert not time.meets_bbl_norm()
    assert time.per_year() == 10 * 47 + 6 * 40


def test_more_contract_hours_never_make_less_study_load() -> None:
    loads = [study_time(Leerweg.BBL, 8, hours).per_year() for hours in range(0, 41)]
    assert loads == sorted(loads)


def test_the_derde_leerweg_goes_at_the_persons_own_pace() -> None:
    assert study_time(Leerweg.DERDE, study_hours=12).per_year() == 12 * 40


def test_the_standard_form_of_every_pathway_is_1600_hours_a_year() -> None:
    for pathway in Leerweg:
        assert standard_time(pathway).per_year() == pytest.approx(1600)


def test_work_hours_do_not_count_in_bol() -> None:
    with refused(InvalidInput, "work_hours_in_bol"):
        study_time(Leerweg.BOL, work_hours=16)


@pytest.mark.parametrize(("study", "work"), [(-1, 0), (0, -4), (50, 40)])
def test_a_week_must_be_humanly_possible(study: float, work: float) -> None:
    with pytest.raises(InvalidInput):
        study_time(Leerweg.BBL, study, work)


def test_a_week_without_any_hours_is_no_week() -> None:
    with refused(InvalidInput, "no_hours"):
        study_time(Leerweg.DERDE, study_hours=0)
