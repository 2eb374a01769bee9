"""The migration that gives revocations a published category keeps the exam board's text,
but only as the internal note."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from pytest_django import DjangoDbBlocker

from opmaat.catalog.services import do_load_catalog
from opmaat.credentials.models import IssuedCredential
from opmaat.credentials.verification import DatabaseTrust
from opmaat.domain.catalog import Catalog

BEFORE = ("credentials", "0001_signing_keys_issued_credentials")
WHEN = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)


def migrate(*targets: tuple[str, str]) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.migrate(list(targets) or executor.loader.graph.leaf_nodes())
    return MigrationExecutor(connection)


@pytest.fixture(scope="module", autouse=True)
def catalog_restored(
    django_db_setup: None, django_db_blocker: DjangoDbBlocker, default_catalog: Catalog
) -> Iterator[None]:
    """The tests after this one expect the catalog that the flush at its end removes."""
    yield
    with django_db_blocker.unblock():
        do_load_catalog(default_catalog)


@pytest.fixture
def migrated_forward_afterwards() -> Iterator[None]:
    yield
    migrate()


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("migrated_forward_afterwards")
def test_an_earlier_revocation_becomes_other_and_its_text_is_no_longer_published() -> None:
    old = migrate(BEFORE).loader.project_state(BEFORE).apps
    org = old.get_model("accounts", "Organisation").objects.create(name="ROC", kind="school")
    learner = old.get_model("learners", "Learner").objects.create(name="Sanne de Vries")
    key = old.get_model("credentials", "SigningKey").objects.create(
        organisation=org, verification_method="k#1", controller="k", public_key=b"x" * 32,
        private_key_sealed=b"y",
    )  # fmt: skip
    rows = old.get_model("credentials", "IssuedCredential").objects
    common = {"learner": learner, "organisation": org, "key": key, "kind": "certificate",
              "name": "Basis", "holder_name": "Sanne de Vries", "issued_at": WHEN,
              "document": {}, "document_sha256": ""}  # fmt: skip
    revoked = rows.create(
        code="C1", status_index=1, revoked_at=WHEN,
        revocation_reason="Sanne fraudeerde bij de proeve", **common,
    )  # fmt: skip
    valid = rows.create(code="C2", status_index=2, **common)

    migrate()
    stored = IssuedCredential.objects.get(pk=revoked.pk)
    assert (stored.revocation_category, stored.revocation_note) == (
        "other",
        "Sanne fraudeerde bij de proeve",
    )
    assert IssuedCredential.objects.get(pk=valid.pk).revocation_category == ""
    status = DatabaseTrust().status(stored.credential_id, None)
    assert status is not None and status.revoked
    assert (status.reason, status.category) == ("Andere reden", "other")
