"""The people of every permission test: one cast, each a fixed role at a fixed organisation.

Use the `personas` fixture (registered in tests/conftest.py) and say who they are in the
test: "Anna can, Bram can read, Chris gets 403". Their usernames are their first names in
lower case; staff have a surname too (Bram Brouwer, Eva Evers: the first letter twice, Anna
and Joost are named by their records); `personas.by_name("eva")` finds one for a
parametrized test.

=====  =======================================  =====================  =====================
Name   Role                                     Organisation           Relation to Anna
=====  =======================================  =====================  =====================
Anna   learner, with an account                 ROC Noord (school)     herself; a student
                                                Zorggroep Zuid (care)  at ROC Noord, an
                                                                       employee of Zorggroep
                                                                       Zuid (consented)
Bram   intake advisor                           ROC Noord              her school's advisor
Chris  intake advisor                           ROC Elders (school)    none: an outsider
Dirk   EVC assessor                             EVC-centrum West       none until she is a
                                                                       candidate there
Eva    exam board                               ROC Noord              her school's board
Fleur  employer HR                              Zorggroep Zuid         her employer's HR,
                                                                       with her consent
Gijs   workplace supervisor (teacher role)      Zorggroep Zuid         her praktijkopleider
Hanna  regional coordinator                     Regio Midden (region)  none: sees figures,
                                                                       never records
Ivo    catalog editor                           ROC Noord              none: edits the
                                                                       catalog, never records
Joost  learner, with an account                 ROC Elders             none: another learner
Tess   teacher                                  ROC Noord              her teacher
Kees   regional coordinator                     Regio Oost (region)    none: another
                                                                       region's coordinator
Otto   administrator (superuser)                —                      may do everything
=====  =======================================  =====================  =====================

The school, the care organisation and the EVC provider lie in Regio Midden; Regio Oost has
no members (it is there so that a region's plan can be shown closed to another region).
Built through the services (tests/factories.py), so Anna's record starts with its audit
events.

`anna_in_training` is the same cast with Anna on her way to Verzorgende-IG (25656, BBL, 28
hours at Zorggroep Zuid): a vmbo diploma held, Nederlands exempt (by Eva), route version 1
saved by Bram, and Tess's result for 23268-B1-K1-W1, so the certificate C0054 'Basis voor deskundige
zorg' lacks only 23268-B1-K1-W4.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import pytest
from django.contrib.auth.models import User

from opmaat.accounts.models import Organisation
from opmaat.catalog import cache
from opmaat.domain.access import OrganisationKind, Role
from opmaat.learners import services as learners
from opmaat.learners.models import Enrolment, Holding, Learner
from tests.factories import (
    add_holding,
    make_learner,
    make_organisation,
    make_staff,
    record_result,
    save_route,
)

# The werkproces that completes C0054 for Anna in training; the one she already has.
LAST_RESULT = "23268-B1-K1-W4"
FIRST_RESULT = "23268-B1-K1-W1"


@dataclass(frozen=True)
class Personas:
    anna: User
    bram: User
    chris: User
    dirk: User
    eva: User
    fleur: User
    gijs: User
    hanna: User
    ivo: User
    joost: User
    tess: User
    kees: User
    otto: User
    anna_record: Learner
    joost_record: Learner
    school: Organisation  # ROC Noord
    employer: Organisation  # Zorggroep Zuid
    other_school: Organisation  # ROC Elders
    evc_provider: Organisation  # EVC-centrum West
    region: Organisation  # Regio Midden
    other_region: Organisation  # Regio Oost

    def by_name(self, name: str) -> User:
        user = getattr(self, name.lower())
        assert isinstance(user, User), name
        return user


def build_personas() -> Personas:
    region = make_organisation("Regio Midden", OrganisationKind.REGION)
    school = make_organisation("ROC Noord", OrganisationKind.SCHOOL, region)
    employer = make_organisation("Zorggroep Zuid", OrganisationKind.CARE, region)
    other_school = make_organisation("ROC Elders", OrganisationKind.SCHOOL)
    provider = make_organisation("EVC-centrum West", OrganisationKind.EVC_PROVIDER, region)
    other_region = make_organisation("Regio Oost", OrganisationKind.REGION)
    otto = User.objects.create_superuser(
        "otto", password="x", first_name="Otto", last_name="Oosterhuis"
    )
    bram = make_staff("bram", school, Role.INTAKE_ADVISOR, "Bram Brouwer")
    chris = make_staff("chris", other_school, Role.INTAKE_ADVISOR, "Chris Claassen")
    anna_record = make_learner(bram, school, "Anna de Wit", username="anna")
    Enrolment.objects.create(
        learner=anna_record, organisation=employer, relation=Enrolment.Relation.EMPLOYEE
    )
    learners.grant_consent(otto, anna_record, employer)
    joost_record = make_learner(chris, other_school, "Joost Kok", username="joost")
    assert anna_record.user is not None and joost_record.user is not None
    return Personas(
        anna=anna_record.user,
        bram=bram,
        chris=chris,
        dirk=make_staff("dirk", provider, Role.EVC_ASSESSOR, "Dirk Dekker"),
        eva=make_staff("eva", school, Role.EXAM_BOARD, "Eva Evers"),
        fleur=make_staff("fleur", employer, Role.EMPLOYER_HR, "Fleur Franssen"),
        gijs=make_staff("gijs", employer, Role.TEACHER, "Gijs Geerts"),
        hanna=make_staff("hanna", region, Role.REGIONAL_COORDINATOR, "Hanna Hofman"),
        ivo=make_staff("ivo", school, Role.CATALOG_EDITOR, "Ivo Ismail"),
        joost=joost_record.user,
        tess=make_staff("tess", school, Role.TEACHER, "Tess Terpstra"),
        kees=make_staff("kees", other_region, Role.REGIONAL_COORDINATOR, "Kees Kramer"),
        otto=otto,
        anna_record=Learner.objects.get(pk=anna_record.pk),
        joost_record=joost_record,
        school=school,
        employer=employer,
        other_school=other_school,
        evc_provider=provider,
        region=region,
        other_region=other_region,
    )


@pytest.fixture
def personas(db: None) -> Personas:
    cache.clear()
    return build_personas()


def start_annas_training(cast: Personas) -> Personas:
    """Anna in training (see the module docstring); returns the cast with her record fresh."""
    anna = cast.anna_record
    add_holding(cast.bram, anna, "VMBO-GT")
    add_holding(cast.eva, anna, "NL-2F", Holding.Kind.EXEMPTION)
    save_route(cast.bram, anna, "25656", work_hours_per_week=28)
    record_result(cast.tess, anna, FIRST_RESULT)
    return replace(cast, anna_record=Learner.objects.get(pk=anna.pk))


@pytest.fixture
def anna_in_training(personas: Personas) -> Personas:
    return start_annas_training(personas)
