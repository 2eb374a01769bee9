"""The exam board issues a certificate exactly when its units are complete, and a diploma
when every part is in; each is signed, stored, audited and recorded as held."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from opmaat.credentials.models import IssuedCredential
from opmaat.credentials.services import do_issue_certificate, do_issue_diploma, do_revoke
from opmaat.credentials.verification import verify_document
from opmaat.domain.credentials.errors import AlreadyIssued, AlreadyRevoked, NotIssuable
from opmaat.domain.errors import InvalidInput
from opmaat.learners.models import Holding, Learner
from tests.credentials.conftest import CERTIFICATE, LAST_OUTCOME, user

pytestmark = pytest.mark.django_db


def test_a_certificate_is_refused_while_an_outcome_is_missing(sanne: Learner) -> None:
    with pytest.raises(NotIssuable, match=LAST_OUTCOME):
        do_issue_certificate(user("examencommissie"), sanne, CERTIFICATE)
    assert not IssuedCredential.objects.filter(learner=sanne).exists()


def test_the_exam_board_issues_a_certificate_once_every_outcome_is_met(
    sanne_done: Learner,
) -> None:
    credential = do_issue_certificate(user("examencommissie"), sanne_done, CERTIFICATE)
    document = credential.document
    assert document["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert document["credentialSubject"]["achievement"]["humanCode"] == CERTIFICATE
    assert document["issuer"]["name"] == "ROC De Brug (demo)"
    assert verify_document(document).valid
    holding = Holding.objects.get(learner=sanne_done, code=CERTIFICATE)
    assert holding.kind == Holding.Kind.HELD and holding.evidence == credential.credential_id
    assert sanne_done.audit_events.filter(action="credential.issued").exists()


def test_a_certificate_is_not_issued_twice_but_again_after_revocation(sanne_done: Learner) -> None:
    board = user("examencommissie")
    first = do_issue_certificate(board, sanne_done, CERTIFICATE)
    with pytest.raises(NotIssuable):  # she holds it now
        do_issue_certificate(board, sanne_done, CERTIFICATE)
    do_revoke(board, first, "Verkeerde datum")
    assert not Holding.objects.filter(learner=sanne_done, code=CERTIFICATE).exists()
    second = do_issue_certificate(board, sanne_done, CERTIFICATE)
    assert second.uid != first.uid and second.status_index != first.status_index


@pytest.mark.parametrize("who", ["docent", "praktijkopleider", "hr", "deelnemer", "intake"])
def test_only_the_exam_board_issues(sanne_done: Learner, who: str) -> None:
    with pytest.raises(PermissionDenied):
        do_issue_certificate(user(who), sanne_done, CERTIFICATE)


def test_a_revocation_needs_a_reason_and_happens_once(sanne_done: Learner) -> None:
    board = user("examencommissie")
    credential = do_issue_certificate(board, sanne_done, CERTIFICATE)
    with pytest.raises(InvalidInput):
        do_revoke(board, credential, "  ")
    do_revoke(board, credential, "Fraude bij de proeve")
    with pytest.raises(AlreadyRevoked):
        do_revoke(board, credential, "nogmaals")
    report = verify_document(credential.document)
    assert report.codes == ("revoked",)
    assert report.failures[0].reason == "Fraude bij de proeve"


def test_the_demo_diploma_lists_every_part_and_verifies(demo: None) -> None:
    noor = Learner.objects.get(name="Noor Hendriks")
    diploma = IssuedCredential.objects.get(learner=noor, kind="diploma")
    subject = diploma.document["credentialSubject"]
    parts = {r["resultDescription"].split("#")[1]: r["value"] for r in subject["result"]}
    assert set(parts) == {
        "23185-B1-K1",
        "23185-B1-K2",
        "23185-P2-K1",
        "NL-3F",
        "REK-3F",
        "EN-B1",
        "LB",
        "KEUZEDELEN",
    }
    assert parts["23185-B1-K1"].startswith("held: behaald 25489")
    assert parts["23185-P2-K1"].startswith("result: ")
    assert verify_document(diploma.document).valid


def test_a_diploma_counts_exemptions_and_names_their_grounds(demo: None) -> None:
    kevin = Learner.objects.get(name="Kevin Bakker")  # holds 25475, aims for 25477
    intake, board = user("intake"), user("examencommissie")
    with pytest.raises(NotIssuable, match="23181-P3-K1"):
        do_issue_diploma(board, kevin, "25477")
    from opmaat.learners.services import add_holding

    add_holding(intake, kevin, "23181-P3-K1", "exemption", "EVC-rapport 2026-031")
    for code in ("NL-3F", "REK-3F", "EN-B1"):
        add_holding(intake, kevin, code, "exemption", "Havodiploma 2009")
    diploma = do_issue_diploma(board, kevin, "25477")
    values = [r["value"] for r in diploma.document["credentialSubject"]["result"]]
    assert "exemption: vrijstelling 23181-P3-K1 (EVC-rapport 2026-031)" in values
    assert "exemption: vrijstelling EN-B1 (Havodiploma 2009)" in values


def test_a_valid_credential_is_not_issued_again_even_without_its_holding(
    sanne_done: Learner,
) -> None:
    from opmaat.learners.services import remove_holding

    board = user("examencommissie")
    do_issue_certificate(board, sanne_done, CERTIFICATE)
    remove_holding(board, Holding.objects.get(learner=sanne_done, code=CERTIFICATE))
    with pytest.raises(AlreadyIssued):
        do_issue_certificate(board, sanne_done, CERTIFICATE)
