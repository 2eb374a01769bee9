"""Keys per organisation, encrypted at rest, rotated without breaking old credentials."""

from __future__ import annotations

import base64
import os

import pytest
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

from opmaat.accounts.models import Organisation
from opmaat.credentials.keys import issuer_id, private_key, published_keys, rotate_key
from opmaat.credentials.models import IssuedCredential, SigningKey
from opmaat.credentials.services import do_issue_certificate, site_url
from opmaat.credentials.verification import verify_document
from opmaat.domain.credentials.errors import KeyUnavailable
from opmaat.env import EnvError, credential_key
from opmaat.learners.models import Learner
from tests.credentials.conftest import CERTIFICATE, user
from tests.demo_logins import EXAM_BOARD

pytestmark = pytest.mark.django_db


def school() -> Organisation:
    return Organisation.objects.get(name="ROC De Brug (demo)")


def active_key(organisation: Organisation) -> SigningKey:
    """The key new credentials are signed with at the default local address."""
    from opmaat.credentials.keys import active_key as current

    return current(organisation, issuer_id(organisation, site_url()))


def test_the_private_key_is_stored_encrypted(demo: None) -> None:
    key = active_key(school())
    raw = private_key(key).private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    assert raw not in bytes(key.private_key_sealed)
    assert len(bytes(key.public_key)) == 32


def test_another_credential_key_cannot_sign(demo: None, monkeypatch: pytest.MonkeyPatch) -> None:
    key = active_key(school())
    other = base64.urlsafe_b64encode(os.urandom(32)).decode()
    monkeypatch.setenv("OPMAAT_CREDENTIAL_KEY", other)
    with pytest.raises(KeyUnavailable, match="OPMAAT_CREDENTIAL_KEY"):
        private_key(key)


def test_a_malformed_credential_key_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPMAAT_CREDENTIAL_KEY", "too-short")
    with pytest.raises(EnvError, match="OPMAAT_CREDENTIAL_KEY moet 32 bytes"):
        credential_key()


def test_old_credentials_verify_after_rotation(sanne_done: Learner) -> None:
    noor_diploma_before = verify_document(IssuedCredential.objects.get(kind="diploma").document)
    old = active_key(school())
    new = rotate_key(school())
    assert new.verification_method != old.verification_method
    assert new.controller == old.controller
    old.refresh_from_db()
    assert old.retired_at is not None
    assert SigningKey.objects.filter(organisation=school(), retired_at__isnull=True).count() == 1
    credential = do_issue_certificate(user(EXAM_BOARD), sanne_done, CERTIFICATE)
    assert credential.key == new
    assert noor_diploma_before.valid
    assert verify_document(IssuedCredential.objects.get(kind="diploma").document).valid
    published = published_keys()["issuers"]
    assert isinstance(published, list)
    methods = [k["id"] for issuer in published for k in issuer["keys"]]
    assert old.verification_method in methods and new.verification_method in methods
