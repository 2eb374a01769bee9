"""Reserved or risky acts are not entrusted above direct supervision before the werkprocessen
and units their unit builds on are complete; results are recorded per werkproces."""

from __future__ import annotations

import pytest

from opmaat.domain.catalog import Catalog, Equivalence, Prerequisite
from opmaat.domain.credentials.errors import EntrustmentNotAllowed
from opmaat.domain.errors import InvalidInput, UnknownCode
from opmaat.domain.progress import (
    Activity,
    SupervisionLevel,
    assessable_code,
    check_entrustment,
    entrustment_ceiling,
    prerequisites_of,
    werkprocessen_named,
)
from tests.domain.routes.factories import generic_units, make_exam_unit, make_unit
from tests.errors import refused

CATALOG = Catalog(
    units=[make_unit("BASIS"), make_unit("ZORG"), make_unit("VERPLEEG")],
    prerequisites=[Prerequisite("ZORG", "BASIS"), Prerequisite("VERPLEEG", "ZORG")],
)
INJECT = Activity("EPA-INJ", "Injecteren", "VERPLEEG", reserved=True)
WASH = Activity("EPA-ADL", "Helpen bij wassen", "VERPLEEG", reserved=False)

# Shaped like 23268 VIG: the kerntaak defines its werkprocessen, exam units refer to them,
# and the catalog states the prerequisite per werkproces (W3, medication, after W2, care).
VIG = Catalog(
    units=[
        make_unit("K1", outcomes=3),
        make_exam_unit("K1-1", ("K1-W1", "K1-W2")),
        make_exam_unit("K1-5", ("K1-W3",)),
        *generic_units(),
    ],
    prerequisites=[Prerequisite("K1-W3", "K1-W2")],
    equivalences=[
        Equivalence("OLD-K1", ("OLD-K1-W1",)),
        Equivalence("OLD-K1-W1", ("K1-W3",)),
    ],
)
MEDICATION = Activity("EPA-MED", "Medicatie", "K1-5", reserved=True)


def test_prerequisites_are_followed_transitively() -> None:
    assert prerequisites_of(CATALOG, "VERPLEEG") == ("ZORG", "BASIS")


@pytest.mark.parametrize("level", [SupervisionLevel.OBSERVES, SupervisionLevel.DIRECT])
def test_a_reserved_act_may_be_observed_or_done_under_direct_supervision_early(
    level: SupervisionLevel,
) -> None:
    check_entrustment(CATALOG, INJECT, level, done=())


@pytest.mark.parametrize("done", [(), ("ZORG",), ("BASIS",)])
def test_a_reserved_act_stays_at_level_2_until_every_prerequisite_is_complete(
    done: tuple[str, ...],
) -> None:
    ceiling = entrustment_ceiling(CATALOG, INJECT, done)
    assert ceiling.level == SupervisionLevel.DIRECT
    assert set(ceiling.missing) == {"ZORG", "BASIS"} - set(done)
    with refused(EntrustmentNotAllowed, "entrustment_not_allowed", ceiling=2):
        check_entrustment(CATALOG, INJECT, SupervisionLevel.INDIRECT, done)


def test_a_reserved_act_may_be_entrusted_fully_once_the_prerequisites_are_complete() -> None:
    check_entrustment(CATALOG, INJECT, SupervisionLevel.SUPERVISES, ("ZORG", "BASIS"))


def test_an_ordinary_activity_may_be_entrusted_at_any_level() -> None:
    check_entrustment(CATALOG, WASH, SupervisionLevel.INDEPENDENT, done=())


def test_an_exam_units_activity_waits_for_the_werkproces_its_werkproces_requires() -> None:
    assert prerequisites_of(VIG, "K1-5") == ("K1-W2",)
    with refused(EntrustmentNotAllowed, "entrustment_not_allowed", missing=("K1-W2",)):
        check_entrustment(VIG, MEDICATION, SupervisionLevel.INDIRECT, done=("K1-W1",))
    check_entrustment(VIG, MEDICATION, SupervisionLevel.INDEPENDENT, done=("K1-W2",))


def test_an_activity_on_a_retired_code_stands_for_the_werkprocessen_it_counts_for() -> None:
    assert werkprocessen_named(VIG, "OLD-K1") == ("K1-W3",)
    assert prerequisites_of(VIG, "OLD-K1") == ("K1-W2",)


@pytest.mark.parametrize(("typed", "canonical"), [("k1-w2", "K1-W2"), (" nl-2f ", "NL-2F")])
def test_results_are_recorded_per_werkproces_or_generic_subject(typed: str, canonical: str) -> None:
    assert assessable_code(VIG, typed) == canonical


@pytest.mark.parametrize(
    ("code", "kind", "instead"),
    [
        ("K1-1", "unit", ("K1-W1", "K1-W2")),
        ("K1", "unit", ("K1-W1", "K1-W2", "K1-W3")),
        ("OLD-K1-W1", "equivalence", ("K1-W3",)),
    ],
)
def test_a_unit_or_retired_code_names_the_werkprocessen_to_record(
    code: str, kind: str, instead: tuple[str, ...]
) -> None:
    with pytest.raises(InvalidInput) as raised:
        assessable_code(VIG, code)
    assert raised.value.code == "not_per_werkproces"
    assert raised.value.data == {"field": "code", "value": code, "kind": kind, "instead": instead}


def test_an_unknown_code_is_compared_with_the_targets_werkprocessen() -> None:
    with pytest.raises(UnknownCode) as raised:
        assessable_code(VIG, "K1-W9", suggest=("K1-W1", "K1-W2"))
    assert set(raised.value.closest) <= {"K1-W1", "K1-W2"}
