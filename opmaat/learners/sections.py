"""The privacy sections: what each app keeps about a learner outside this app's tables.

The list is explicit, in settings (`OPMAAT_PRIVACY_SECTIONS`, in download order), so the
learner's download and erasure show what they cover and tests check that every table that
refers to a learner or to their account is in a section
(tests/learners/test_privacy_sections.py), and that after erasure nothing personal is left
anywhere but in the columns the sections (and `opmaat.learners.privacy.OWN_KEPT`) declare as
kept, each with its reason, as docs/privacy.md lists them (tests/learners/test_erasure.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.db.models import Model
from django.utils.module_loading import import_string

from opmaat.learners.models import Learner


@dataclass(frozen=True, slots=True)
class Kept:
    """A column that erasure leaves as it was, and why."""

    column: str  # "Model.field", as docs/privacy.md names it
    reason: str


@dataclass(frozen=True, slots=True)
class PrivacySection:
    name: str  # its key in the learner's download
    models: tuple[type[Model], ...]  # the tables that refer to the learner
    export: Callable[[Learner], object]  # JSON-ready, for the download
    erase: Callable[[Learner], None]  # inside the erasure's transaction, before the shell
    # Tables about the learner's login account that do not refer to the learner: the account
    # itself, the login log (by username), the admin's history of the account.
    account_models: tuple[type[Model], ...] = ()
    kept: tuple[Kept, ...] = ()  # what erasure leaves in this section's tables, and why


@cache
def privacy_sections() -> tuple[PrivacySection, ...]:
    return tuple(import_string(path) for path in settings.OPMAAT_PRIVACY_SECTIONS)


def erased_name(learner_pk: int) -> str:
    """The name an erased record keeps: its number, nothing of the person."""
    return f"Gewiste deelnemer {learner_pk}"
