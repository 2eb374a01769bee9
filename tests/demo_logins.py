"""The demo's logins by what they are, read from opmaat.demo: the tests that check the demo
itself (its records, its walk through the browser) name a login here, never by a literal.
Permission tests use the personas (tests/personas.py) instead."""

from __future__ import annotations

from opmaat.demo import DEMO_LOGINS, LEARNERS, STAFF
from opmaat.domain.access import Role


def staff(role: Role, organisation: str) -> str:
    """The demo username with `role` at the organisation with key `organisation`."""
    [username] = [name for name, r, key, _ in STAFF if r == role and key == organisation]
    return username


def learner(name: str) -> str:
    """The demo username of the learner called `name`."""
    [username] = [x.username for x in LEARNERS if x.name == name and x.username]
    return username


INTAKE = staff(Role.INTAKE_ADVISOR, "roc")
ASSESSOR = staff(Role.EVC_ASSESSOR, "evc")
TEACHER = staff(Role.TEACHER, "roc")
WORKPLACE_SUPERVISOR = staff(Role.TEACHER, "baken")
EXAM_BOARD = staff(Role.EXAM_BOARD, "roc")
EMPLOYER_HR = staff(Role.EMPLOYER_HR, "baken")
COORDINATOR = staff(Role.REGIONAL_COORDINATOR, "regio")
CATALOG_EDITOR = staff(Role.CATALOG_EDITOR, "roc")
ADMIN = DEMO_LOGINS[0].username
SANNE = learner("Sanne de Vries")
MARLOES = learner("Marloes Bos")
assert ADMIN not in {SANNE, MARLOES, *(name for name, *_ in STAFF)}
