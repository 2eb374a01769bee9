from __future__ import annotations

from datetime import date

from opmaat.domain.catalog import EmployerEffect
from opmaat.domain.progress import SupervisionLevel
from opmaat.domain.workforce.deployability import (
    MissingKind,
    TaskStatus,
    deployability,
    expiring,
    proposals,
    skill_rows,
    valid_until_for,
)
from opmaat.domain.workforce.model import Consequence, EffectRule, Functiehuis, Function
from tests.domain.workforce.factories import (
    DAY,
    care_catalog,
    care_huis,
    granted,
    make_employee,
    make_task,
)

CATALOG = care_catalog()
ALL_Q3 = ["A-W1", "A-W2", "A-W3", "B-W1", "B-W2", "C-W1"]


def status(employee_kwargs: dict[str, object], task: str) -> TaskStatus:
    employee = make_employee(**employee_kwargs)  # type: ignore[arg-type]  # test helper kwargs
    return deployability(care_huis(), employee, CATALOG, DAY).status_of(task)


def test_a_credited_werkproces_counts_as_supervising_others() -> None:
    assert status({"credited": ["A-W1"]}, "ADL") == TaskStatus.ALONE


def test_a_recorded_level_at_the_tasks_minimum_is_enough_to_work_alone() -> None:
    levels = {"C-W1": SupervisionLevel.INDIRECT}
    assert status({"levels": levels}, "PLAN") == TaskStatus.ALONE


def test_a_level_of_direct_supervision_allows_the_task_under_supervision() -> None:
    levels = {"A-W1": SupervisionLevel.DIRECT}
    assert status({"levels": levels}, "ADL") == TaskStatus.SUPERVISED


def test_observing_only_is_not_yet_a_task() -> None:
    levels = {"A-W1": SupervisionLevel.OBSERVES}
    assert status({"levels": levels}, "ADL") == TaskStatus.NOT_YET


def test_a_risky_act_without_authorisation_may_be_done_under_supervision() -> None:
    assert status({"credited": ["A-W2"]}, "MEDS") == TaskStatus.SUPERVISED


def test_a_reserved_act_without_authorisation_is_never_delegated() -> None:
    assert status({"credited": ["B-W1"]}, "INJ") == TaskStatus.NOT_YET


def test_a_valid_authorisation_makes_a_reserved_act_task_alone() -> None:
    kwargs = {"credited": ["B-W1"], "authorisations": [granted("INJ", until=date(2027, 1, 1))]}
    assert status(kwargs, "INJ") == TaskStatus.ALONE


def test_an_expired_authorisation_is_named_as_expired() -> None:
    employee = make_employee(
        credited=["B-W1"], authorisations=[granted("INJ", until=date(2026, 11, 30))]
    )
    verdict = deployability(care_huis(), employee, CATALOG, DAY).verdicts[2]
    assert verdict.status == TaskStatus.NOT_YET
    assert [(m.kind, m.code) for m in verdict.missing] == [
        (MissingKind.EXPIRED_AUTHORISATION, "INJ")
    ]


def test_an_authorisation_not_yet_granted_on_the_day_does_not_count() -> None:
    later = granted("INJ", on=date(2026, 12, 2), until=date(2031, 12, 1))
    assert status({"credited": ["B-W1"], "authorisations": [later]}, "INJ") == TaskStatus.NOT_YET


def test_what_is_missing_names_werkproces_and_level_with_the_levels() -> None:
    two = Functiehuis(tasks=(make_task("T", ["A-W1", "A-W2"]),))
    employee = make_employee(levels={"A-W1": SupervisionLevel.INDIRECT})
    verdict = deployability(two, employee, CATALOG, DAY).verdicts[0]
    kinds = [(m.kind, m.code, m.have, m.need) for m in verdict.missing]
    assert kinds == [
        (MissingKind.LEVEL, "A-W1", 3, 4),
        (MissingKind.WERKPROCES, "A-W2", None, 4),
    ]


def test_an_employee_with_the_qualification_and_authorisations_qualifies_for_the_function() -> None:
    auth = [granted("INJ", until=date(2030, 1, 1)), granted("MED", until=date(2027, 1, 1))]
    employee = make_employee(credited=ALL_Q3, authorisations=auth)
    deployed = deployability(care_huis(), employee, CATALOG, DAY)
    assert deployed.qualified_functions == ("VIG", "HELP")


def test_a_function_is_not_qualified_while_a_task_is_only_supervised() -> None:
    employee = make_employee(credited=ALL_Q3)
    fit = deployability(care_huis(), employee, CATALOG, DAY).functions[0]
    assert not fit.qualified
    assert fit.tasks_missing == ("MEDS", "INJ")
    assert fit.werkprocessen_missing == ()


def test_recorded_levels_do_not_make_the_functions_werkprocessen_credited() -> None:
    levels = {w: SupervisionLevel.SUPERVISES for w in ["A-W1", "A-W2"]}
    employee = make_employee(levels=levels, authorisations=[granted("MED", until=date(2027, 1, 1))])
    fit = deployability(care_huis(), employee, CATALOG, DAY).functions[1]
    assert fit.tasks_missing == ()
    assert fit.werkprocessen_missing == ("A-W1", "A-W2")


def test_a_function_defined_by_units_requires_the_units_werkprocessen() -> None:
    huis = care_huis().with_function(Function("U", "Unit-based", "VVT", 30, units=("B",)))
    employee = make_employee(credited=["B-W1"])
    fit = deployability(huis, employee, CATALOG, DAY).functions[-1]
    assert fit.werkprocessen_missing == ("B-W2",)


def test_a_heavier_unit_proposes_the_function_the_rules_name() -> None:
    rules = (
        EffectRule(EmployerEffect.HEAVIER, Consequence.TEMPORARY_FUNCTION, function="VIG"),
        EffectRule(EmployerEffect.DEEPENING, Consequence.PERIODIEK, steps=2),
    )
    base = care_huis()
    huis = Functiehuis(base.functions, base.tasks, base.acts, rules, {"B": EmployerEffect.HEAVIER})
    employee = make_employee(function="HELP", completed=["B", "C"])
    found = proposals(huis, employee, CATALOG)
    assert [(p.unit, p.consequence, p.function) for p in found] == [
        ("B", Consequence.TEMPORARY_FUNCTION, "VIG")
    ]


def test_a_deepening_unit_proposes_the_rules_pay_steps_for_its_function_only() -> None:
    rules = (EffectRule(EmployerEffect.DEEPENING, Consequence.PERIODIEK, 2, from_function="VIG"),)
    base = care_huis()
    huis = Functiehuis(
        base.functions, base.tasks, base.acts, rules, {"C": EmployerEffect.DEEPENING}
    )
    vig = make_employee(function="VIG", completed=["C"])
    helpende = make_employee(function="HELP", completed=["C"])
    assert [(p.consequence, p.steps) for p in proposals(huis, vig, CATALOG)] == [
        (Consequence.PERIODIEK, 2)
    ]
    assert proposals(huis, helpende, CATALOG) == ()


def test_skill_rows_give_task_and_act_with_level_and_last_valid_day() -> None:
    until = date(2027, 3, 31)
    employee = make_employee(credited=["A-W2"], authorisations=[granted("MED", until=until)])
    rows = skill_rows(care_huis(), deployability(care_huis(), employee, CATALOG, DAY))
    assert [(r.task, r.act, r.status, r.level, r.valid_until) for r in rows] == [
        ("MEDS", None, TaskStatus.ALONE, 5, None),
        ("MEDS", "MED", TaskStatus.ALONE, 5, until),
    ]


def test_expiring_lists_those_within_the_window_and_those_expired_soonest_first() -> None:
    soon = make_employee(1, authorisations=[granted("INJ", until=date(2026, 12, 31))])
    gone = make_employee(2, authorisations=[granted("MED", until=date(2026, 11, 30))])
    later = make_employee(3, authorisations=[granted("MED", until=date(2027, 1, 1))])
    found = expiring([soon, gone, later], 30, DAY)
    assert [(e.employee, e.act, e.expired) for e in found] == [(2, "MED", True), (1, "INJ", False)]


def test_a_renewed_authorisation_is_not_expiring() -> None:
    old = granted("INJ", until=date(2026, 12, 5))
    new = granted("INJ", on=date(2026, 11, 1), until=date(2031, 10, 31))
    assert expiring([make_employee(authorisations=[old, new])], 30, DAY) == ()


def test_five_years_granted_on_the_first_of_march_run_through_the_end_of_february() -> None:
    assert valid_until_for(date(2026, 3, 1), 60) == date(2031, 2, 28)
    assert valid_until_for(date(2026, 3, 1), None) is None
