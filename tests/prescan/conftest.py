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
P3 = [f"23181-P3-K1-W{i}" for i in range(1, 9)]


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


def scan_form(target: str = "25477", **extra: object) -> dict[str, object]:
    """A posted pre-scan form: held codes, hours per week and answers by outcome code."""
    data: dict[str, object] = {"target": target, "hours_per_week": "20", "other": ""}
    have = extra.pop("have", [])
    data["have"] = have
    for code, answer in extra.pop("answers", {}).items():  # type: ignore[attr-defined]
        data[f"a_{code}"] = answer
    data.update(extra)
    return data
