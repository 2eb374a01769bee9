"""The privacy sections: what each app keeps about a learner outside this app's tables.

The list is explicit, in settings (`OPMAAT_PRIVACY_SECTIONS`, in download order), so the
learner's download and erasure show what they cover and a test checks that every table
that refers to a learner is in a section (tests/learners/test_privacy_sections.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.db import models
from django.utils.module_loading import import_string

from opmaat.learners.models import Learner


@dataclass(frozen=True, slots=True)
class PrivacySection:
    name: str  # its key in the learner's download
    models: tuple[type[models.Model], ...]  # the tables that hold the learner's data
    export: Callable[[Learner], object]  # JSON-ready, for the download
    erase: Callable[[Learner], None]  # inside the erasure's transaction, before the shell


@cache
def privacy_sections() -> tuple[PrivacySection, ...]:
    return tuple(import_string(path) for path in settings.OPMAAT_PRIVACY_SECTIONS)
