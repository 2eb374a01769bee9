"""The learner's download holds progress and credentials; erasure removes progress and the
personal data in stored credentials, while the holder's own file keeps verifying."""

from __future__ import annotations

import copy

import pytest
from django.test import Client

from opmaat.credentials.models import IssuedCredential
from opmaat.credentials.services import do_issue_certificate, do_revoke
from opmaat.credentials.verification import verify_document
from opmaat.learners.models import Learner
from opmaat.learners.privacy import export_learner
from opmaat.learners.services import erase_learner
from opmaat.progress.models import Assessment, EntrustmentDecision, Feedback
from tests.credentials.conftest import CERTIFICATE, LAST_OUTCOME, user
from tests.demo_logins import ADMIN, EXAM_BOARD, SANNE

pytestmark = pytest.mark.django_db


def test_the_download_holds_progress_and_credentials(sanne_done: Learner) -> None:
    credential = do_issue_certificate(user(EXAM_BOARD), sanne_done, CERTIFICATE)
    document = export_learner(user(SANNE), sanne_done)
    progress = document["progress"]
    assert isinstance(progress, dict)
    assert {a["code"] for a in progress["assessments"]} >= {LAST_OUTCOME}
    assert progress["feedback"] and progress["entrustments"]
    credentials = document["credentials"]
    assert isinstance(credentials, list)
    assert credentials[0]["id"] == credential.credential_id
    assert credentials[0]["credential"] == credential.document


def test_erasure_keeps_credentials_verifiable_without_personal_data(sanne_done: Learner) -> None:
    credential = do_issue_certificate(user(EXAM_BOARD), sanne_done, CERTIFICATE)
    holders_file = copy.deepcopy(credential.document)
    erase_learner(user(ADMIN), sanne_done)
    for model in (Assessment, Feedback, EntrustmentDecision):
        assert not model.objects.filter(learner=sanne_done).exists()
    stored = IssuedCredential.objects.get(pk=credential.pk)
    assert stored.holder_name == "" and stored.document == {} and stored.erased_at is not None
    assert verify_document(holders_file).valid
    changed = copy.deepcopy(holders_file)
    changed["validFrom"] = "2020-01-01T00:00:00Z"
    failure = verify_document(changed).failures[0]
    assert failure.code == "tampered" and failure.fields == ()  # no stored copy to compare
    do_revoke(user(ADMIN), stored, "holder_request", "Ingetrokken na wissen")
    assert verify_document(holders_file).codes == ("revoked",)


def test_the_qr_link_of_an_erased_holder_shows_only_the_status(
    client: Client, sanne_done: Learner
) -> None:
    credential = do_issue_certificate(user(EXAM_BOARD), sanne_done, CERTIFICATE)
    erase_learner(user(ADMIN), sanne_done)
    body = client.get(f"/verifieren/{credential.uid}/").content.decode()
    assert "Uitgegeven en niet ingetrokken." in body
    assert "Sanne" not in body
    assert 'name="text"' in body  # the holder's file can still be checked here


def test_after_erasure_a_revocation_publishes_its_category_only(
    client: Client, sanne_done: Learner
) -> None:
    credential = do_issue_certificate(user(EXAM_BOARD), sanne_done, CERTIFICATE)
    holders_file = copy.deepcopy(credential.document)
    erase_learner(user(ADMIN), sanne_done)
    stored = IssuedCredential.objects.get(pk=credential.pk)
    do_revoke(user(ADMIN), stored, "other", "Sanne vroeg erom na haar verhuizing")
    body = client.get(f"/verifieren/{credential.uid}/").content.decode()
    assert "Ingetrokken." in body and "Andere reden" in body
    assert "verhuizing" not in body
    report = client.post(
        "/api/credentials/verify", holders_file, content_type="application/json"
    ).json()
    [failure] = report["failures"]
    assert (failure["code"], failure["category"]) == ("revoked", "other")
    assert failure["reason"] == "Andere reden" and "verhuizing" not in failure["message"]
