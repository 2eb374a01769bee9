"""Personas: learner Anna (with an account, at ROC Test), advisor Bram (intake at ROC Test),
learner Chris (another school), editor Eva (catalog editor)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User
from django.test import Client

from opmaat.accounts.models import Membership, Organisation
from opmaat.catalog import cache
from opmaat.domain.access import OrganisationKind, Role
from opmaat.learners.models import Enrolment, Learner

PASSWORD = "geheim-wachtwoord-1"
# Begeleider maatschappelijke zorg (25780) towards Persoonlijk begeleider (25779): the
# basisdeel is shared, so what is left are the werkprocessen of the level-4 profile.
TARGET, HELD = "25779", "25780"
PROFILE = [f"23312-P2-K1-W{i}" for i in range(1, 7)]


@dataclass(frozen=True)
class People:
    anna: Learner
    chris: Learner
    bram: User
    eva: User


def login(client: Client, user: User) -> Client:
    client.force_login(user)
    return client


def learner(name: str, school: Organisation) -> Learner:
    user = User.objects.create_user(name.lower(), password=PASSWORD)
    row = Learner.objects.create(name=name, user=user)
    Enrolment.objects.create(learner=row, organisation=school, relation="student")
    return row


@pytest.fixture
def people(db: None) -> People:
    cache.clear()
    school = Organisation.objects.create(name="ROC Test", kind=OrganisationKind.SCHOOL.value)
    other = Organisation.objects.create(name="ROC Elders", kind=OrganisationKind.SCHOOL.value)
    bram = User.objects.create_user("bram", password=PASSWORD)
    Membership.objects.create(user=bram, organisation=school, role=Role.INTAKE_ADVISOR.value)
    eva = User.objects.create_user("eva", password=PASSWORD)
    Membership.objects.create(user=eva, organisation=school, role=Role.CATALOG_EDITOR.value)
    return People(
        learner("Anna", school), learner("Chris", other), bram, User.objects.get(pk=eva.pk)
    )


def scan_form(target: str = TARGET, **extra: object) -> dict[str, object]:
    """A posted pre-scan form: held codes, the week (BOL at 20 hours unless told) and
    answers by werkproces code."""
    data: dict[str, object] = {
        "target": target,
        "pathway": "BOL",
        "hours_per_week": "20",
        "work_hours_per_week": "",
        "other": "",
    }
    have = extra.pop("have", [])
    data["have"] = have
    for code, answer in extra.pop("answers", {}).items():  # type: ignore[attr-defined]
        data[f"a_{code}"] = answer
    data.update(extra)
    return data
