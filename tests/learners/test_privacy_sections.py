"""Every table that holds something about a learner or their login account is in the
learner's download and in erasure: in the learners app's own tables or in an app's privacy
section."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.db import models

from opmaat.learners.models import Learner
from opmaat.learners.privacy import OWN_MODELS
from opmaat.learners.sections import privacy_sections
from opmaat.matching.models import MatchingRound, MatchingRun
from opmaat.workforce.models import Authorisation, Proposal, Signer, Team, WorkforceEvent


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


# Tables that refer to accounts only as the staff who did something, never a learner's:
# matching rounds are created and run by regional coordinators; an employer's team leaders,
# designated signers and HR lead teams, sign authorisations and decide proposals.
STAFF_ONLY = {MatchingRound, MatchingRun, Team, Signer, Authorisation, Proposal, WorkforceEvent}


def refers_to_accounts(model: type[models.Model]) -> list[models.Field[object, object]]:
    return [
        f
        for f in model._meta.concrete_fields
        if f.related_model is User
        and f.remote_field is not None
        and f.remote_field.on_delete is not models.CASCADE
    ]


def test_every_table_that_keeps_rows_of_a_deleted_account_is_in_a_privacy_section() -> None:
    """A table whose rows go with the account (on delete: cascade) holds nothing of it after
    erasure; any other that refers to accounts is a section's, or staff's only."""
    account_tables = covered().union(*(s.account_models for s in privacy_sections()))
    keeping = {m for m in apps.get_models(include_auto_created=True) if refers_to_accounts(m)}
    assert {m._meta.label for m in keeping - account_tables - STAFF_ONLY} == set()


def test_the_login_account_and_its_login_log_are_in_a_section() -> None:
    account_tables = {m._meta.label for s in privacy_sections() for m in s.account_models}
    assert {"auth.User", "axes.AccessLog", "axes.AccessAttempt"} <= account_tables


def test_each_section_has_its_own_place_in_the_download() -> None:
    names = [section.name for section in privacy_sections()]
    assert len(names) == len(set(names))


@pytest.mark.django_db
def test_the_download_has_every_section(demo: None) -> None:
    from opmaat.learners.privacy import learner_document

    document = learner_document(Learner.objects.filter(erased_at__isnull=True).earliest("pk"))
    assert {s.name for s in privacy_sections()} <= set(document)
