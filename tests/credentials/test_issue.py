"""The exam board issues a certificate exactly when the werkprocessen it covers are met, and
a diploma when every werkproces, generic subject and keuzedeel hour is in; each is signed,
stored, audited and recorded as held."""

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
from tests.demo_logins import EXAM_BOARD, INTAKE
from tests.personas import Personas

pytestmark = pytest.mark.django_db


def test_a_certificate_is_refused_while_an_outcome_is_missing(sanne: Learner) -> None:
    with pytest.raises(NotIssuable, match=LAST_OUTCOME):
        do_issue_certificate(user(EXAM_BOARD), sanne, CERTIFICATE)
    assert not IssuedCredential.objects.filter(learner=sanne).exists()


def test_the_exam_board_issues_a_certificate_once_every_outcome_is_met(
    sanne_done: Learner,
) -> None:
    credential = do_issue_certificate(user(EXAM_BOARD), sanne_done, CERTIFICATE)
    document = credential.document
    assert document["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert document["credentialSubject"]["achievement"]["humanCode"] == CERTIFICATE
    assert document["issuer"]["name"] == "ROC De Brug (demo)"
    assert verify_document(document).valid
    holding = Holding.objects.get(learner=sanne_done, code=CERTIFICATE)
    assert holding.kind == Holding.Kind.HELD and holding.evidence == credential.credential_id
    assert sanne_done.audit_events.filter(action="credential.issued").exists()


def test_a_certificate_is_not_issued_twice_but_again_after_revocation(sanne_done: Learner) -> None:
    board = user(EXAM_BOARD)
    first = do_issue_certificate(board, sanne_done, CERTIFICATE)
    with pytest.raises(NotIssuable):  # she holds it now
        do_issue_certificate(board, sanne_done, CERTIFICATE)
    do_revoke(board, first, "issued_in_error", "Verkeerde datum")
    assert not Holding.objects.filter(learner=sanne_done, code=CERTIFICATE).exists()
    second = do_issue_certificate(board, sanne_done, CERTIFICATE)
    assert second.uid != first.uid and second.status_index != first.status_index


@pytest.mark.parametrize("who", ["tess", "gijs", "fleur", "anna", "bram", "chris", "joost"])
def test_only_the_exam_board_issues(anna_done: Personas, who: str) -> None:
    """Her teacher, workplace supervisor, employer's HR, Anna herself and her intake advisor
    may not issue; neither may an outsider advisor or another learner. Eva may."""
    with pytest.raises(PermissionDenied):
        do_issue_certificate(anna_done.by_name(who), anna_done.anna_record, CERTIFICATE)
    assert do_issue_certificate(anna_done.eva, anna_done.anna_record, CERTIFICATE).uid


def test_a_revocation_needs_a_category_and_happens_once(sanne_done: Learner) -> None:
    """A category from the list; "other" only with the exam board's note. The report
    publishes the category, not the note."""
    board = user(EXAM_BOARD)
    credential = do_issue_certificate(board, sanne_done, CERTIFICATE)
    with pytest.raises(InvalidInput) as unknown:
        do_revoke(board, credential, "Fraude bij de proeve")
    assert unknown.value.code == "invalid_choice"
    with pytest.raises(InvalidInput) as bare:
        do_revoke(board, credential, "other", "  ")
    assert bare.value.message_key == "required.reason"
    do_revoke(board, credential, "exam_irregularity", "Spiekbriefje bij de proeve")
    with pytest.raises(AlreadyRevoked):
        do_revoke(board, credential, "other", "nogmaals")
    report = verify_document(credential.document)
    assert report.codes == ("revoked",)
    failure = report.failures[0]
    assert failure.category == "exam_irregularity"
    assert failure.reason == "Fraude of onregelmatigheid bij het examen"
    assert "Spiekbriefje" not in failure.message
    event = sanne_done.audit_events.get(action="credential.revoked")
    assert event.changes["note"] == "Spiekbriefje bij de proeve"  # internal: the log keeps it


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


def test_the_certificate_says_what_each_werkproces_rests_on(sanne_done: Learner) -> None:
    credential = do_issue_certificate(user(EXAM_BOARD), sanne_done, CERTIFICATE)
    values = [r["value"] for r in credential.document["credentialSubject"]["result"]]
    assert values == [
        f"result: resultaat {r.assessed_on.isoformat()}"
        for code in ("23268-B1-K1-W1", LAST_OUTCOME)
        for r in [sanne_done.assessments.filter(code=code, result="met").earliest("assessed_on")]
    ]


def test_the_demo_certificate_rests_on_an_exemption(demo: None) -> None:
    """Eva is exempt for the kerntaak 23385-B1-K1, which holds every werkproces of C0166."""
    eva = Learner.objects.get(name="Eva Peters")
    certificate = IssuedCredential.objects.get(learner=eva, revoked_at__isnull=True)
    assert certificate.code == "C0166"
    values = [r["value"] for r in certificate.document["credentialSubject"]["result"]]
    assert len(values) == 3
    assert all(v.startswith("exemption: vrijstelling 23385-B1-K1") for v in values)


def test_a_certificate_held_under_a_retired_code_completes_the_current_one(demo: None) -> None:
    from opmaat.credentials.services import issuable_for
    from opmaat.learners.services import add_holding

    tom = Learner.objects.get(name="Tom de Boer")
    add_holding(user(INTAKE), tom, "CERT-ONDERSTEUNING-THUIS", "held", "Certificaat 2021")
    ready = {c.target.code for c in issuable_for(tom).certificates if c.issuable}
    assert "C0165" in ready  # Ondersteuning thuis: 23385-P2-K1-W1 and -W3 via 23189


def test_a_diploma_counts_exemptions_and_names_their_grounds(demo: None) -> None:
    from opmaat.learners.services import add_holding, update_learner

    kevin = Learner.objects.get(name="Kevin Bakker")  # holds 25475, aims for 25779
    intake, board = user(INTAKE), user(EXAM_BOARD)
    with pytest.raises(NotIssuable, match="23312-P2-K1-W2"):
        do_issue_diploma(board, kevin, "25779")
    add_holding(board, kevin, "23312-P2-K1", "exemption", "EVC-rapport 2026-031")
    for code in ("NL-3F", "REK-4", "EN-B1"):
        add_holding(board, kevin, code, "exemption", "Havodiploma 2009")
    # The keuzedelen of his level-3 diploma do not count for a level-4 one.
    with pytest.raises(NotIssuable, match="keuzedelen: nog 720 uur"):
        do_issue_diploma(board, kevin, "25779")
    update_learner(intake, kevin, {"elective_hours_done": 720})
    diploma = do_issue_diploma(board, kevin, "25779")
    values = {r["value"] for r in diploma.document["credentialSubject"]["result"]}
    assert "exemption: vrijstelling EN-B1 (Havodiploma 2009)" in values
    # The basisdeel, through the equivalence table from the 2016 dossier.
    assert any(v.startswith("held: 23312-B1-K1-W2: behaald 25475 (") for v in values)
    assert any("23312-P2-K1-W1: resultaat" in v for v in values)  # the demo's result
    assert "hours: 720 van 720 uur" in values


def test_a_valid_credential_is_not_issued_again_even_without_its_holding(
    sanne_done: Learner,
) -> None:
    from opmaat.learners.services import remove_holding

    board = user(EXAM_BOARD)
    do_issue_certificate(board, sanne_done, CERTIFICATE)
    remove_holding(board, Holding.objects.get(learner=sanne_done, code=CERTIFICATE))
    with pytest.raises(AlreadyIssued):
        do_issue_certificate(board, sanne_done, CERTIFICATE)
