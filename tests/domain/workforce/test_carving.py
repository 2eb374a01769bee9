from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opmaat.domain.catalog import Catalog
from opmaat.domain.workforce.carving import carve
from opmaat.domain.workforce.errors import NothingToCarve
from opmaat.domain.workforce.model import Functiehuis, Function
from tests.domain.workforce.factories import (
    DAY,
    care_catalog,
    care_huis,
    granted,
    make_employee,
    make_task,
)

CATALOG = care_catalog()
HUIS = care_huis()


def test_the_carved_function_needs_only_its_tasks_werkprocessen() -> None:
    carving = carve(HUIS, CATALOG, "VIG", ["ADL", "PLAN"], "HIO", "Helpende in opleiding")
    assert carving.werkprocessen == ("A-W1", "C-W1")
    assert carving.units == ("A", "C")
    assert carving.kept_tasks == ("MEDS", "INJ")
    assert carving.function.draft and not carving.function.temporary
    assert carving.function.qualification is None


def test_the_hours_saved_are_the_qualifications_less_the_new_functions() -> None:
    carving = carve(HUIS, CATALOG, "VIG", ["ADL", "PLAN"], "HIO", "Helpende in opleiding")
    assert carving.hours == pytest.approx(60.0)  # A-W1 30 h, C-W1 30 h
    assert carving.full_hours == pytest.approx(180.0)  # Q3: A 90, B 60, C 30
    assert carving.hours_saved == pytest.approx(120.0)


def test_those_who_already_qualify_are_named_employees_and_applicants_alike() -> None:
    able = make_employee(1, credited=["A-W1", "C-W1"])
    half = make_employee(2, credited=["A-W1"])
    applicant = make_employee(3, credited=["A-W1", "C-W1"], team="")
    carving = carve(HUIS, CATALOG, "VIG", ["ADL", "PLAN"], "HIO", "H", [able, half, applicant], DAY)
    assert carving.qualified == (1, 3)


def test_a_carved_task_with_an_act_needs_its_authorisation_to_qualify() -> None:
    nurse = make_employee(1, credited=["A-W2"])
    authorised = make_employee(
        2, credited=["A-W2"], authorisations=[granted("MED", until=date(2027, 1, 1))]
    )
    carving = carve(HUIS, CATALOG, "VIG", ["MEDS"], "MED", "Medicatie", [nurse, authorised], DAY)
    assert carving.qualified == (2,)


def test_carving_keeps_the_fwg_group_of_the_source_unless_given() -> None:
    assert carve(HUIS, CATALOG, "VIG", ["ADL"], "H", "H").function.fwg_group == 40
    assert carve(HUIS, CATALOG, "VIG", ["ADL"], "H", "H", fwg_group=25).function.fwg_group == 25


def test_carving_tasks_the_function_does_not_have_is_refused_naming_them() -> None:
    with pytest.raises(NothingToCarve) as raised:
        carve(HUIS, CATALOG, "HELP", ["ADL", "INJ"], "H", "H")
    assert raised.value.data["tasks"] == ("INJ",)
    with pytest.raises(NothingToCarve):
        carve(HUIS, CATALOG, "HELP", [], "H", "H")


def test_the_carved_function_can_be_saved_as_a_draft_in_the_functiehuis() -> None:
    carving = carve(HUIS, CATALOG, "VIG", ["ADL"], "HIO", "Helpende in opleiding")
    saved = HUIS.with_function(carving.function)
    assert saved.function("HIO").draft
    assert saved.function("VIG").tasks == HUIS.function("VIG").tasks


class TestConservation:
    """ "Which tasks the original function keeps": the new function's tasks plus the kept
    tasks are the original tasks, and none is in both (issue 16)."""

    @given(st.sets(st.sampled_from(["ADL", "MEDS", "INJ", "PLAN"]), min_size=1))
    def test_carved_and_kept_tasks_partition_the_source(self, picked: set[str]) -> None:
        carving = carve(HUIS, CATALOG, "VIG", sorted(picked), "N", "N")
        carved, kept = set(carving.function.tasks), set(carving.kept_tasks)
        assert carved | kept == set(HUIS.function("VIG").tasks)
        assert not carved & kept
        assert carving.hours <= carving.full_hours


def test_helpende_in_opleiding_carved_out_of_verzorgende_ig_saves_hours(
    default_catalog: Catalog,
) -> None:
    """The issue's done-when case on the shipped catalog: care activities such as washing
    and dressing, and advice on prevention, out of Verzorgende-IG (crebo 25656)."""
    adl = make_task("ADL", ["23268-B1-K1-W4"])  # Voert zorg-/begeleidingsactiviteiten uit
    prevention = make_task("PREVENTIE", ["23268-B1-K1-W2"])  # Adviseert … over preventie
    meds = make_task("VTH", ["23268-B1-K1-W5"])  # Voert verpleegtechnische handelingen uit
    tasks = ("ADL", "PREVENTIE", "VTH")
    vig = Function("VIG", "Verzorgende-IG", "VVT", 40, "25656", tasks=tasks)
    huis = Functiehuis((vig,), (adl, prevention, meds))
    carving = carve(huis, default_catalog, "VIG", ["ADL", "PREVENTIE"], "HIO", "Helpende i.o.")
    assert carving.units == ("23268-B1-K1-1", "23268-B1-K1-2")
    assert 0 < carving.hours < carving.full_hours
    assert carving.hours_saved == pytest.approx(carving.full_hours - carving.hours)
