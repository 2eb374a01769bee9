"""Reserved or risky acts are not entrusted above direct supervision before the units
their unit builds on are complete."""

from __future__ import annotations

import pytest

from opmaat.domain.catalog import Catalog, Prerequisite
from opmaat.domain.credentials.errors import EntrustmentNotAllowed
from opmaat.domain.progress import (
    Activity,
    SupervisionLevel,
    check_entrustment,
    entrustment_ceiling,
    prerequisite_units,
)
from tests.domain.routes.factories import make_unit

CATALOG = Catalog(
    units=[make_unit("BASIS"), make_unit("ZORG"), make_unit("VERPLEEG")],
    prerequisites=[Prerequisite("ZORG", "BASIS"), Prerequisite("VERPLEEG", "ZORG")],
)
INJECT = Activity("EPA-INJ", "Injecteren", "VERPLEEG", reserved=True)
WASH = Activity("EPA-ADL", "Helpen bij wassen", "VERPLEEG", reserved=False)


def test_prerequisites_are_followed_transitively() -> None:
    assert prerequisite_units(CATALOG, "VERPLEEG") == ("ZORG", "BASIS")


@pytest.mark.parametrize("level", [SupervisionLevel.OBSERVES, SupervisionLevel.DIRECT])
def test_a_reserved_act_may_be_observed_or_done_under_direct_supervision_early(
    level: SupervisionLevel,
) -> None:
    check_entrustment(CATALOG, INJECT, level, complete_units=())


@pytest.mark.parametrize("done", [(), ("ZORG",), ("BASIS",)])
def test_a_reserved_act_stays_at_level_2_until_every_prerequisite_is_complete(
    done: tuple[str, ...],
) -> None:
    ceiling = entrustment_ceiling(CATALOG, INJECT, done)
    assert ceiling.level == SupervisionLevel.DIRECT
    assert set(ceiling.missing) == {"ZORG", "BASIS"} - set(done)
    with pytest.raises(EntrustmentNotAllowed, match="at most level 2"):
        check_entrustment(CATALOG, INJECT, SupervisionLevel.INDIRECT, done)


def test_a_reserved_act_may_be_entrusted_fully_once_the_prerequisites_are_complete() -> None:
    check_entrustment(CATALOG, INJECT, SupervisionLevel.SUPERVISES, ("ZORG", "BASIS"))


def test_an_ordinary_activity_may_be_entrusted_at_any_level() -> None:
    check_entrustment(CATALOG, WASH, SupervisionLevel.INDEPENDENT, complete_units=())
