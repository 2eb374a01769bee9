"""The API: a learner's credentials and one signed credential with the page rules; public
verification that answers odd input with a report, never an error."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import translation

from opmaat.accounts.models import ApiToken
from opmaat.credentials.models import IssuedCredential
from opmaat.learners.models import Learner
from tests.demo_logins import EMPLOYER_HR, EXAM_BOARD, INTAKE, SANNE

pytestmark = pytest.mark.django_db


def bearer(who: str) -> dict[str, str]:
    _, key = ApiToken.issue(User.objects.get(username=who), "test")
    return {"Authorization": f"Bearer {key}"}


def test_the_exam_board_lists_a_learners_credentials(client: Client, demo: None) -> None:
    eva = Learner.objects.get(name="Eva Peters")
    listed = client.get(f"/api/credentials/learners/{eva.pk}", headers=bearer(EXAM_BOARD))
    assert sorted(c["status"] for c in listed.json()) == ["revoked", "valid"]
    [revoked] = [c for c in listed.json() if c["status"] == "revoked"]
    assert revoked["revocation_category"] == "replaced"
    assert revoked["revocation_reason"] == "Vervangen door een verbeterd certificaat of diploma"
    assert "verkeerde naam" not in json.dumps(listed.json())  # the demo's note is internal
    assert client.get(f"/api/credentials/learners/{eva.pk}").status_code == 401
    assert (
        client.get(f"/api/credentials/learners/{eva.pk}", headers=bearer(EMPLOYER_HR)).status_code
        == 403
    )  # Eva did not consent to Het Baken; she works at De Linde


def test_one_signed_credential_is_fetched_by_id(client: Client, demo: None) -> None:
    diploma = IssuedCredential.objects.get(kind="diploma")
    response = client.get(f"/api/credentials/{diploma.uid}", headers=bearer(INTAKE))
    assert response.json() == diploma.document
    assert client.get(f"/api/credentials/{diploma.uid}", headers=bearer(SANNE)).status_code == 403


def test_verification_is_public_and_reports_with_codes(client: Client, demo: None) -> None:
    diploma = IssuedCredential.objects.get(kind="diploma")

    def post(body: dict[str, object]) -> dict[str, object]:
        response = client.post(
            "/api/credentials/verify", json.dumps(body), content_type="application/json"
        )
        assert response.status_code == 200
        result: dict[str, object] = response.json()
        return result

    assert post(diploma.document)["valid"] is True
    changed = {**diploma.document, "validFrom": "2020-01-01T00:00:00Z"}
    report = post(changed)
    assert report["valid"] is False
    failures = report["failures"]
    assert isinstance(failures, list)
    assert failures[0]["code"] == "tampered" and failures[0]["fields"] == ["validFrom"]
    assert post({"hello": "world"})["failures"] == [
        {
            "code": "malformed",
            "message": "@context must be a list starting with https://www.w3.org/ns/credentials/v2",
            "fields": [],
            "reason": "",
            "category": "",
            "at": None,
            "text": "Dit is geen certificaat of diploma dat hier te controleren is: het volgt de "
            "standaard voor digitale certificaten en diploma’s niet.",
        }
    ]


def test_each_failure_is_also_told_in_the_requests_language(client: Client, demo: None) -> None:
    diploma = IssuedCredential.objects.get(kind="diploma")
    changed = json.dumps({**diploma.document, "validFrom": "2020-01-01T00:00:00Z"})

    def failures() -> list[dict[str, object]]:
        response = client.post("/api/credentials/verify", changed, content_type="application/json")
        found: list[dict[str, object]] = response.json()["failures"]
        return found

    assert failures()[0]["text"] == (
        "Het document is na uitgifte veranderd. Gewijzigd: de datum van uitgifte."
    )
    client.cookies["django_language"] = "en"
    try:
        [tampered] = failures()
    finally:
        translation.deactivate()  # the language middleware leaves the thread in English
    # The changed part's English ("the date of issue") comes with the translations.
    assert str(tampered["text"]).startswith(
        "The document was altered after it was issued. Altered: "
    )
    assert tampered["message"] == "the credential was changed after it was issued: validFrom"
