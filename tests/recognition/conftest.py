"""Personas for the recognition tests, on the demo organisations: candidate Anna, advisor
Bram (intake), assessor Ada, exam board Eva, teacher Tess, outsider Chris (an advisor at
another school)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from pytest_django import Settings

from opmaat.accounts.models import Membership, Organisation
from opmaat.catalog import cache
from opmaat.domain.access import OrganisationKind, Role
from opmaat.learners.models import Enrolment, Learner


@dataclass(frozen=True)
class Cast:
    anna: User
    bram: User
    ada: User
    eva: User
    tess: User
    chris: User
    learner: Learner
    school: Organisation
    provider: Organisation


def member(username: str, organisation: Organisation, role: Role) -> User:
    user = User.objects.create_user(username, password="x")
    Membership.objects.create(user=user, organisation=organisation, role=role.value)
    return user


@pytest.fixture
def cast(db: None, uploads_dir: Path) -> Cast:
    cache.clear()
    school = Organisation.objects.create(name="ROC", kind=OrganisationKind.SCHOOL.value)
    other = Organisation.objects.create(name="Ander ROC", kind=OrganisationKind.SCHOOL.value)
    provider = Organisation.objects.create(
        name="EVC-centrum", kind=OrganisationKind.EVC_PROVIDER.value
    )
    anna = User.objects.create_user("anna", password="x")
    learner = Learner.objects.create(name="Anna de Wit", user=anna)
    Enrolment.objects.create(learner=learner, organisation=school, relation="student")
    return Cast(
        anna=anna,
        bram=member("bram", school, Role.INTAKE_ADVISOR),
        ada=member("ada", provider, Role.EVC_ASSESSOR),
        eva=member("eva", school, Role.EXAM_BOARD),
        tess=member("tess", school, Role.TEACHER),
        chris=member("chris", other, Role.INTAKE_ADVISOR),
        learner=learner,
        school=school,
        provider=provider,
    )


@pytest.fixture
def uploads_dir(tmp_path: Path, settings: Settings) -> Iterator[Path]:
    settings.UPLOAD_DIR = tmp_path / "uploads"
    yield settings.UPLOAD_DIR
