"""The credential tests' learners: Sanne of the demo, and Anna of the personas
(tests/personas.py) for the permission cases; each after the last result of C0054."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import User

from opmaat.domain.progress import AssessmentMethod, AssessmentResult
from opmaat.learners.models import Learner
from opmaat.progress.services import do_record_assessment
from tests.demo_logins import TEACHER
from tests.factories import record_result
from tests.personas import LAST_RESULT, Personas

# C0054 Basis voor deskundige zorg covers 23268-B1-K1-W1 and -W4 of Verzorgende-IG; the
# demo gives Sanne a result for W1, so W4 is the last one.
LAST_OUTCOME = "23268-B1-K1-W4"
CERTIFICATE = "C0054"


def user(name: str) -> User:
    return User.objects.get(username=name)


@pytest.fixture
def sanne(demo: None) -> Learner:
    return Learner.objects.get(name="Sanne de Vries")


@pytest.fixture
def sanne_done(sanne: Learner) -> Learner:
    """Sanne after the teacher recorded the last result of C0054 'Basis voor deskundige
    zorg'."""
    do_record_assessment(
        user(TEACHER),
        sanne,
        LAST_OUTCOME,
        AssessmentMethod.PRACTICAL_TEST,
        AssessmentResult.MET,
        date.today(),
        "Proeve op de afdeling",
    )
    return sanne


@pytest.fixture
def anna_done(anna_in_training: Personas) -> Personas:
    """Anna in training after Tess recorded the last result of C0054 'Basis voor deskundige
    zorg': the certificate may be issued."""
    assert LAST_RESULT == LAST_OUTCOME
    record_result(anna_in_training.tess, anna_in_training.anna_record, LAST_RESULT)
    return anna_in_training
