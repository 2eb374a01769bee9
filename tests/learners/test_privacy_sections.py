"""Every table that holds something about a learner is in the learner's download and in
erasure: in the learners app's own tables or in an app's privacy section."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.db import models

from opmaat.learners.models import Learner
from opmaat.learners.privacy import OWN_MODELS
from opmaat.learners.sections import privacy_sections


def refers_to(model: type[models.Model], targets: set[type[models.Model]]) -> bool:
    return any(
        field.related_model in targets
        for field in model._meta.get_fields()
        if field.concrete and bool(field.many_to_one or field.one_to_one)
    )


def about_a_learner() -> set[type[models.Model]]:
    """The tables that refer to a learner, directly or through another such table."""
    found: set[type[models.Model]] = {Learner}
    while True:
        more = {m for m in apps.get_models() if m not in found and refers_to(m, found)}
        if not more:
            return found
        found |= more


def covered() -> set[type[models.Model]]:
    return set(OWN_MODELS).union(*(section.models for section in privacy_sections()))


def test_every_table_about_a_learner_is_in_a_privacy_section() -> None:
    missing = {m._meta.label for m in about_a_learner() - covered()}
    assert missing == set()


def test_a_section_lists_only_tables_about_a_learner() -> None:
    assert {m._meta.label for m in covered() - about_a_learner()} == set()


def test_each_section_has_its_own_place_in_the_download() -> None:
    names = [section.name for section in privacy_sections()]
    assert len(names) == len(set(names))


@pytest.mark.django_db
def test_the_download_has_every_section(demo: None) -> None:
    from opmaat.learners.privacy import learner_document

    document = learner_document(Learner.objects.filter(erased_at__isnull=True).earliest("pk"))
    assert {s.name for s in privacy_sections()} <= set(document)
