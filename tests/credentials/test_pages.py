"""The learner downloads the certificate as a file and a PDF; a stranger verifies it on the
public page, and a changed byte says why it is not valid."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from opmaat.credentials.models import IssuedCredential
from opmaat.credentials.services import do_issue_certificate, do_revoke
from opmaat.learners.models import Learner
from tests.credentials.conftest import CERTIFICATE, user
from tests.demo_logins import EXAM_BOARD, SANNE
from tests.personas import Personas

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(sanne_done: Learner) -> IssuedCredential:
    return do_issue_certificate(user(EXAM_BOARD), sanne_done, CERTIFICATE)


def logged_in(client: Client, who: str) -> Client:
    client.force_login(User.objects.get(username=who))
    return client


def test_the_learner_downloads_the_file_and_the_pdf(
    client: Client, certificate: IssuedCredential
) -> None:
    logged_in(client, SANNE)
    pk = certificate.learner_id
    page = client.get(f"/deelnemers/{pk}/certificaten/")
    assert page.status_code == 200 and "Basis voor deskundige zorg" in page.content.decode()
    file = client.get(f"/deelnemers/{pk}/certificaten/{certificate.uid}.json")
    assert file["Content-Disposition"].startswith("attachment")
    assert json.loads(file.content) == certificate.document
    pdf = client.get(f"/deelnemers/{pk}/certificaten/{certificate.uid}.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


@pytest.fixture
def annas_certificate(anna_done: Personas) -> IssuedCredential:
    return do_issue_certificate(anna_done.eva, anna_done.anna_record, CERTIFICATE)


@pytest.mark.parametrize(
    ("who", "status"),
    [("anna", 200), ("fleur", 200), ("tess", 200), ("dirk", 403), ("chris", 403)],
)
def test_who_sees_annas_certificate(
    client: Client, anna_done: Personas, annas_certificate: IssuedCredential, who: str, status: int
) -> None:
    """Anna, her employer's HR (she consented) and her teacher download it; an EVC assessor
    and an outsider advisor do not."""
    client.force_login(anna_done.by_name(who))
    url = f"/deelnemers/{annas_certificate.learner_id}/certificaten/{annas_certificate.uid}.json"
    assert client.get(url).status_code == status


def test_another_learner_cannot_download_it(
    client: Client, anna_done: Personas, annas_certificate: IssuedCredential
) -> None:
    client.force_login(anna_done.joost)
    url = f"/deelnemers/{annas_certificate.learner_id}/certificaten/{annas_certificate.uid}.json"
    assert client.get(url).status_code == 403


def test_a_stranger_verifies_a_pasted_certificate(
    client: Client, certificate: IssuedCredential
) -> None:
    text = json.dumps(certificate.document)
    page = client.post("/verifieren/", {"text": text})
    body = page.content.decode()
    assert page.status_code == 200
    assert 'data-verdict="valid"' in body and "Sanne de Vries" in body


def test_a_changed_byte_is_refused_with_the_changed_field(
    client: Client, certificate: IssuedCredential
) -> None:
    text = json.dumps(certificate.document).replace("Sanne de Vries", "Sanne de Vriez")
    body = client.post("/verifieren/", {"text": text}).content.decode()
    assert 'data-verdict="invalid"' in body
    assert "Het document is na uitgifte veranderd." in body
    assert "Gewijzigd: de gegevens over de houder.</li>" in body


def test_an_uploaded_file_is_verified_too(client: Client, certificate: IssuedCredential) -> None:
    upload = SimpleUploadedFile("c.json", json.dumps(certificate.document).encode())
    body = client.post("/verifieren/", {"file": upload}).content.decode()
    assert 'data-verdict="valid"' in body


def test_a_revoked_certificate_shows_the_category_not_the_note(
    client: Client, certificate: IssuedCredential
) -> None:
    do_revoke(user(EXAM_BOARD), certificate, "exam_irregularity", "Proeve ongeldig verklaard")
    body = client.get(f"/verifieren/{certificate.uid}/").content.decode()
    assert 'data-code="revoked"' in body
    assert "Fraude of onregelmatigheid bij het examen" in body
    assert "Proeve ongeldig verklaard" not in body
    pasted = client.post("/verifieren/", {"text": json.dumps(certificate.document)})
    assert "Proeve ongeldig verklaard" not in pasted.content.decode()


def test_garbage_gets_a_plain_answer_not_an_error(client: Client, demo: None) -> None:
    page = client.post("/verifieren/", {"text": "dit is geen json"})
    assert page.status_code == 400
    assert "Dit is geen JSON-bestand" in page.content.decode()


def test_a_document_that_is_no_credential_says_why_in_dutch(
    client: Client, certificate: IssuedCredential
) -> None:
    document = {**certificate.document}
    del document["issuer"]
    body = client.post("/verifieren/", {"text": json.dumps(document)}).content.decode()
    assert 'data-code="malformed"' in body
    assert (
        "Dit is geen certificaat of diploma dat hier te controleren is: er staat niet in wie "
        "het heeft uitgegeven."
    ) in body
    assert "issuer is missing" not in body


def test_the_qr_link_shows_the_issued_credential(
    client: Client, certificate: IssuedCredential
) -> None:
    page = client.get(f"/verifieren/{certificate.uid}/")
    assert "no-store" in page["Cache-Control"]  # it names the holder: never cached
    body = page.content.decode()
    assert 'data-verdict="valid"' in body and "ROC De Brug (demo)" in body
    assert client.get("/verifieren/00000000-0000-4000-8000-000000000000/").status_code == 404


def test_keys_status_list_and_issuer_profile_are_public(
    client: Client, certificate: IssuedCredential
) -> None:
    from opmaat.domain.credentials.status_list import decode_list, is_set

    keys = client.get("/verifieren/sleutels.json").json()
    assert keys["issuers"][0]["keys"][0]["publicKeyMultibase"].startswith("z6Mk")
    org = certificate.organisation_id
    profile = client.get(f"/verifieren/uitgevers/{org}/").json()
    assert profile["id"] == certificate.document["issuer"]["id"]
    do_revoke(user(EXAM_BOARD), certificate, "issued_in_error")
    status = client.get(f"/verifieren/status/{org}/").json()
    assert status["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    bits = decode_list(status["credentialSubject"]["encodedList"])
    assert is_set(bits, certificate.status_index)
    assert client.get("/verifieren/status/999999/").status_code == 404


def test_the_exam_board_issues_and_revokes_on_its_page(client: Client, sanne_done: Learner) -> None:
    logged_in(client, EXAM_BOARD)
    page = client.get(f"/deelnemers/{sanne_done.pk}/certificaten/").content.decode()
    assert "Certificaat Basis voor deskundige zorg uitgeven" in page
    url = f"/deelnemers/{sanne_done.pk}/certificaten/uitgeven/"
    issue = {"kind": "certificate", "code": CERTIFICATE, "confirm": "1"}
    assert client.post(url, issue).status_code == 302
    credential = IssuedCredential.objects.get(learner=sanne_done)
    revoke = f"/deelnemers/{sanne_done.pk}/certificaten/{credential.uid}/intrekken/"
    form = {"category": "issued_in_error", "note": "Verkeerde naam", "confirm": "1"}
    assert client.post(revoke, form).status_code == 302
    credential.refresh_from_db()
    assert (credential.revocation_category, credential.revocation_note) == (
        "issued_in_error",
        "Verkeerde naam",
    )
    page = client.get(f"/deelnemers/{sanne_done.pk}/certificaten/").content.decode()
    assert "Ten onrechte uitgegeven" in page and "Verkeerde naam" in page  # the board sees it


def test_only_the_exam_board_reads_the_note_on_the_learners_page(
    client: Client, certificate: IssuedCredential
) -> None:
    do_revoke(user(EXAM_BOARD), certificate, "other", "Verkeerde naam op het certificaat")
    logged_in(client, SANNE)
    page = client.get(f"/deelnemers/{certificate.learner_id}/certificaten/").content.decode()
    assert "Andere reden" in page and "Verkeerde naam op het certificaat" not in page


def test_annas_teacher_may_not_issue_her_certificate(client: Client, anna_done: Personas) -> None:
    client.force_login(anna_done.tess)
    url = f"/deelnemers/{anna_done.anna_record.pk}/certificaten/uitgeven/"
    assert client.post(url, {"kind": "certificate", "code": CERTIFICATE}).status_code == 403
