"""The workforce cast: the personas of tests/personas.py (unchanged) plus the employer's
side of issue 16, built through the services.

=====  ===================================  ======================  ======================
Name   Role                                 Organisation            Sees
=====  ===================================  ======================  ======================
Fleur  employer HR (the existing persona)   Zorggroep Zuid          all of Zuid's staff
Lars   team leader, designated signer       Zorggroep Zuid          team Noord only
Mira   employer HR                          Zorggroep Oost (care)   Oost's staff only
=====  ===================================  ======================  ======================

Zorggroep Zuid has two teams: Noord (led by Lars) with employee "Anna de Wit" (linked to
Anna's learner record, who consented to Zuid) and Zuid with "Kees Kok" (no learner record,
a Verzorgende-IG diploma in his personnel file). Zorggroep Oost has "Olga Oud". The
functiehuis is small: ADL care on 23268-B1-K1-W4 (alone from level 4), the medication
round on 23268-B1-K1-W5 with the act MEDICATIE, one function VIG requiring 25656.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

import pytest
from django.contrib.auth.models import User

from opmaat.accounts.models import Organisation
from opmaat.domain.access import OrganisationKind, Role
from opmaat.domain.catalog import EmployerEffect
from opmaat.domain.progress import SupervisionLevel
from opmaat.domain.workforce.model import (
    Act,
    Consequence,
    EffectRule,
    Functiehuis,
    Function,
    Task,
)
from opmaat.workforce import services
from opmaat.workforce.models import Employee, EmployeeLink, ShiftNeed, Signer, Team
from tests.factories import make_organisation, make_staff
from tests.personas import Personas

ADL = Task("ADL", "ADL-zorg", ("23268-B1-K1-W4",), SupervisionLevel.INDEPENDENT)
MEDICATION = Task(
    "MED", "Medicatieronde", ("23268-B1-K1-W5",), SupervisionLevel.INDEPENDENT, ("MEDICATIE",)
)
MEDICATIE = Act("MEDICATIE", "Medicatie toedienen", False, 24)
VIG = Function("VIG", "Verzorgende-IG", "VVT", 40, "25656", tasks=("ADL", "MED"))
HELPER = Function("HULP", "Zorghulp", "VVT", 15, werkprocessen=("23268-B1-K1-W4",), tasks=("ADL",))
HUIS = Functiehuis(
    functions=(VIG, HELPER),
    tasks=(ADL, MEDICATION),
    acts=services.with_big_acts([MEDICATIE]),
    rules=(EffectRule(EmployerEffect.HEAVIER, Consequence.NEW_FUNCTION, 0, "VIG", "HULP"),),
    unit_effects={"23268-B1-K1-1": EmployerEffect.HEAVIER},
)


@dataclass(frozen=True)
class Workforce:
    cast: Personas
    lars: User
    mira: User
    zuid: Organisation
    oost: Organisation
    noord_team: Team
    zuid_team: Team
    oost_team: Team
    anna: Employee  # in team Noord, linked to Anna's record
    kees: Employee  # in team Zuid
    olga: Employee  # at Zorggroep Oost


def employee(org: Organisation, team: Team, number: str, name: str, **fields: object) -> Employee:
    return Employee.objects.create(
        organisation=org, team=team, personnel_number=number, name=name, **fields
    )


def add_needs(team: Team) -> None:
    for weekday in range(7):
        ShiftNeed.objects.create(
            team=team, weekday=weekday, start=time(7), end=time(10), task="ADL", count=2
        )


def build_workforce(cast: Personas) -> Workforce:
    zuid = cast.employer
    oost = make_organisation("Zorggroep Oost", OrganisationKind.CARE)
    lars = make_staff("lars", zuid, Role.TEAM_LEADER, "Lars Lammers")
    mira = make_staff("mira", oost, Role.EMPLOYER_HR, "Mira Mol")
    services.do_replace_functiehuis(cast.fleur, zuid, HUIS)
    services.do_replace_functiehuis(mira, oost, HUIS)
    Signer.objects.create(organisation=zuid, user=lars)
    noord_team = Team.objects.create(organisation=zuid, name="Noord", leader=lars)
    zuid_team = Team.objects.create(organisation=zuid, name="Zuid")
    oost_team = Team.objects.create(organisation=oost, name="Oost")
    for team in (noord_team, zuid_team):
        add_needs(team)
    anna = employee(zuid, noord_team, "1", "Anna de Wit", function="HULP", contract_hours=28)
    EmployeeLink.objects.create(employee=anna, learner=cast.anna_record)
    kees = employee(zuid, zuid_team, "2", "Kees Kok", function="VIG", diplomas=["25656"])
    olga = employee(oost, oost_team, "3", "Olga Oud", function="VIG", diplomas=["25656"])
    return Workforce(
        cast, lars, mira, zuid, oost, noord_team, zuid_team, oost_team, anna, kees, olga
    )


@pytest.fixture
def workforce(personas: Personas) -> Workforce:
    return build_workforce(personas)
