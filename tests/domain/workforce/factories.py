"""Small functiehuizen and catalogs for workforce tests, built in plain sight."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from opmaat.domain.catalog import Catalog, Cut, GenericRequirements, Qualification
from opmaat.domain.progress import SupervisionLevel
from opmaat.domain.workforce.model import (
    Act,
    Authorisation,
    Employee,
    Evidence,
    Functiehuis,
    Function,
    Task,
)
from tests.domain.routes.factories import make_unit

DAY = date(2026, 12, 1)


def care_catalog() -> Catalog:
    """A level-3 qualification Q3 of units A (3 werkprocessen, 90 h), B (2, 60 h) and C
    (1, 30 h), with a second cut that splits A into A1 (A-W1, A-W2) and A2 (A-W3)."""
    a, b, c = make_unit("A", 90.0, 3), make_unit("B", 60.0, 2), make_unit("C", 30.0, 1)
    split = Cut("split", ("A", "B", "C"))
    q3 = Qualification(
        "Q3",
        "Verzorgende",
        3,
        3.0,
        ("A", "B", "C"),
        generic=GenericRequirements(),
        cuts=(split,),
    )
    return Catalog([q3], [a, b, c])


def make_task(
    code: str,
    werkprocessen: Sequence[str],
    min_level: SupervisionLevel = SupervisionLevel.INDEPENDENT,
    acts: Sequence[str] = (),
) -> Task:
    return Task(code, f"Task {code}", tuple(werkprocessen), min_level, tuple(acts))


INJECT = Act("INJ", "Injecteren", reserved=True, validity_months=60)
MEDICATE = Act("MED", "Medicatie", reserved=False, validity_months=12)


def care_huis(rules: Sequence[object] = ()) -> Functiehuis:
    """Tasks ADL (A-W1), MEDS (A-W2 with the risky act MED), INJ (B-W1 with the reserved
    act INJ), PLAN (C-W1 at level 3); functions VIG (qualification Q3, all four tasks)
    and HELP (werkprocessen A-W1, A-W2; tasks ADL, MEDS)."""
    tasks = (
        make_task("ADL", ["A-W1"]),
        make_task("MEDS", ["A-W2"], acts=["MED"]),
        make_task("INJ", ["B-W1"], acts=["INJ"]),
        make_task("PLAN", ["C-W1"], SupervisionLevel.INDIRECT),
    )
    vig = Function("VIG", "Verzorgende-IG", "VVT", 40, "Q3", tasks=("ADL", "MEDS", "INJ", "PLAN"))
    helpende = Function(
        "HELP", "Helpende", "VVT", 25, werkprocessen=("A-W1", "A-W2"), tasks=("ADL", "MEDS")
    )
    return Functiehuis((vig, helpende), tasks, (INJECT, MEDICATE))


def granted(act: str, on: date = date(2025, 1, 1), until: date | None = None) -> Authorisation:
    return Authorisation(act, on, until, Evidence.TEST, "Praktijkopleider P.")


def make_employee(
    key: int = 1,
    credited: Sequence[str] = (),
    levels: Mapping[str, SupervisionLevel] | None = None,
    authorisations: Sequence[Authorisation] = (),
    team: str = "T",
    function: str | None = None,
    completed: Sequence[str] = (),
) -> Employee:
    return Employee(
        key,
        f"Employee {key}",
        team,
        function,
        24.0,
        frozenset(credited),
        dict(levels or {}),
        tuple(authorisations),
        tuple(completed),
    )
