from __future__ import annotations

from datetime import date

import pytest

from opmaat.domain.catalog import EmployerEffect
from opmaat.domain.workforce.acts import BIG_ACTS
from opmaat.domain.workforce.errors import (
    DuplicateCode,
    InvalidSupervisionLevel,
    InvalidValidity,
    QualificationAndWerkprocessen,
    UnknownAct,
    UnknownFunction,
    UnknownTask,
)
from opmaat.domain.workforce.model import (
    Act,
    Consequence,
    EffectRule,
    Functiehuis,
    Function,
    Task,
)
from tests.domain.workforce.factories import care_huis, granted, make_task


def test_the_reserved_acts_are_the_fourteen_categories_of_wet_big_article_36() -> None:
    assert len(BIG_ACTS) == 14
    assert all(act.reserved and act.source for act in BIG_ACTS)
    assert len({act.code for act in BIG_ACTS}) == 14


def test_a_function_requires_a_qualification_or_werkprocessen_not_both() -> None:
    with pytest.raises(QualificationAndWerkprocessen):
        Function("X", "X", "VVT", 25, "Q3", werkprocessen=("A-W1",))
    with pytest.raises(QualificationAndWerkprocessen):
        Function("X", "X", "VVT", 25, "Q3", units=("A",))


def test_a_task_naming_an_unknown_act_is_refused_with_the_closest_code() -> None:
    with pytest.raises(UnknownAct) as raised:
        Functiehuis(tasks=(make_task("T", ["A-W1"], acts=["INK"]),), acts=BIG_ACTS[:1])
    assert raised.value.code == "unknown_act"


def test_a_function_naming_an_unknown_task_is_refused() -> None:
    function = Function("F", "F", "VVT", 25, tasks=("NOPE",))
    with pytest.raises(UnknownTask):
        Functiehuis((function,), (make_task("T", ["A-W1"]),))


def test_a_rule_naming_an_unknown_function_is_refused() -> None:
    rule = EffectRule(EmployerEffect.HEAVIER, Consequence.NEW_FUNCTION, function="NOPE")
    with pytest.raises(UnknownFunction):
        Functiehuis(rules=(rule,))


def test_two_tasks_with_one_code_are_refused() -> None:
    with pytest.raises(DuplicateCode):
        Functiehuis(tasks=(make_task("T", ["A-W1"]), make_task("T", ["A-W2"])))


def test_lookups_name_the_closest_code_of_their_kind() -> None:
    huis = care_huis()
    assert huis.task("ADL").werkprocessen == ("A-W1",)
    with pytest.raises(UnknownTask) as raised:
        huis.task("ADLL")
    assert raised.value.data["closest"] == ("ADL",)


def test_an_act_valid_for_no_months_is_refused() -> None:
    with pytest.raises(InvalidValidity):
        Act("X", "X", reserved=False, validity_months=0)


def test_an_authorisation_ending_before_it_starts_is_refused() -> None:
    with pytest.raises(InvalidValidity):
        granted("INJ", date(2026, 1, 2), date(2026, 1, 1))


def test_with_function_replaces_the_function_of_that_code() -> None:
    huis = care_huis()
    changed = huis.with_function(Function("HELP", "Helpende+", "VVT", 30, tasks=("ADL",)))
    assert changed.function("HELP").fwg_group == 30
    assert len(changed.functions) == len(huis.functions)


def test_a_supervision_level_outside_one_to_five_is_refused() -> None:
    with pytest.raises(InvalidSupervisionLevel) as raised:
        Task("T", "T", ("A-W1",), 7)  # type: ignore[arg-type]  # a level read from a file
    assert raised.value.data == {"field": "min_level", "value": 7}
