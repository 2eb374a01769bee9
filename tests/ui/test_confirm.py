"""Irreversible actions ask first: the first POST changes nothing and answers with the
confirmation page (what will happen, a "Ja, …" button that posts the same fields with
confirm=1, a "Terug" link); only the confirmed POST does it. No script is needed. The
matching round's publication is checked in tests/matching/test_rounds.py."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from django.test import Client

from opmaat.credentials.models import IssuedCredential
from opmaat.learners.models import Consent, ErasureRequest, Learner
from tests.credentials.conftest import CERTIFICATE, anna_done
from tests.personas import Personas

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse

__all__ = ["anna_done"]


def asks(response: _MonkeyPatchedWSGIResponse, yes: str, carried: dict[str, str]) -> str:
    """The confirmation page: its button `yes`, the fields posted again, confirm=1, Terug."""
    assert response.status_code == 200
    assert response.templates[0].name == "ui/confirm.html"
    page = response.content.decode()
    assert f'<button type="submit" class="danger">{yes}</button>' in page
    assert '<input type="hidden" name="confirm" value="1">' in page
    for name, value in carried.items():
        assert f'<input type="hidden" name="{name}" value="{value}">' in page, name
    assert re.search(r'<a href="[^"]+">Terug</a>', page)
    return page


def consenting(cast: Personas) -> bool:
    return Consent.objects.filter(
        learner=cast.anna_record, organisation=cast.employer, withdrawn_at__isnull=True
    ).exists()


def test_withdrawing_consent_asks_first(client: Client, personas: Personas) -> None:
    client.force_login(personas.anna)
    url = f"/deelnemers/{personas.anna_record.pk}/toestemming/"
    withdraw = {"organisation": str(personas.employer.pk), "grant": "0"}
    page = asks(client.post(url, withdraw), "Ja, toestemming intrekken", withdraw)
    assert "Zorggroep Zuid" in page
    assert consenting(personas)
    assert client.post(url, {**withdraw, "confirm": "1"}).status_code == 302
    assert not consenting(personas)
    # Giving consent again is not irreversible: it happens at once.
    assert client.post(url, {**withdraw, "grant": "1"}).status_code == 302
    assert consenting(personas)


def test_asking_for_erasure_asks_first(client: Client, personas: Personas) -> None:
    client.force_login(personas.anna)
    url = f"/deelnemers/{personas.anna_record.pk}/wissen/"
    reason = {"reason": "Ik stop met de opleiding"}
    asks(client.post(url, reason), "Ja, vraag om mijn gegevens te wissen", reason)
    assert not ErasureRequest.objects.exists()
    assert client.post(url, {**reason, "confirm": "1"}).status_code == 302
    assert ErasureRequest.objects.get().reason == "Ik stop met de opleiding"


@pytest.mark.parametrize(
    ("path", "action", "selected"),
    [
        ("/admin/learners/erasurerequest/", "carry_out", "request"),
        ("/admin/learners/learner/", "erase_selected", "learner"),
    ],
)
def test_the_administrator_erases_only_after_confirming(
    client: Client, personas: Personas, path: str, action: str, selected: str
) -> None:
    anna = personas.anna_record
    request = ErasureRequest.objects.create(learner=anna)
    client.force_login(personas.otto)
    chosen = str(request.pk if selected == "request" else anna.pk)
    posted = {"action": action, "_selected_action": chosen, "index": "0"}
    page = asks(client.post(path, posted), "Ja, gegevens wissen", posted)
    assert "Anna de Wit" in page
    assert Learner.objects.get(pk=anna.pk).erased_at is None
    assert client.post(path, {**posted, "confirm": "1"}).status_code == 302
    assert Learner.objects.get(pk=anna.pk).erased_at is not None


def test_issuing_a_certificate_asks_first(client: Client, anna_done: Personas) -> None:
    client.force_login(anna_done.eva)
    anna = anna_done.anna_record
    url = f"/deelnemers/{anna.pk}/certificaten/uitgeven/"
    issue = {"kind": "certificate", "code": CERTIFICATE}
    page = asks(client.post(url, issue), "Ja, certificaat uitgeven", issue)
    assert "Certificaat Basis voor deskundige zorg uitgeven aan Anna de Wit?" in page
    assert "ROC Noord ondertekent het" in page
    assert not IssuedCredential.objects.exists()
    assert client.post(url, {**issue, "confirm": "1"}).status_code == 302
    assert IssuedCredential.objects.get().code == CERTIFICATE


def test_revoking_a_credential_asks_first(client: Client, anna_done: Personas) -> None:
    client.force_login(anna_done.eva)
    anna = anna_done.anna_record
    client.post(
        f"/deelnemers/{anna.pk}/certificaten/uitgeven/",
        {"kind": "certificate", "code": CERTIFICATE, "confirm": "1"},
    )
    credential = IssuedCredential.objects.get()
    url = f"/deelnemers/{anna.pk}/certificaten/{credential.uid}/intrekken/"
    revoke = {"category": "issued_in_error", "note": "Verkeerde naam"}
    page = asks(client.post(url, revoke), "Ja, intrekken", revoke)
    assert "‘Ten onrechte uitgegeven’" in page
    credential.refresh_from_db()
    assert credential.revoked_at is None
    assert client.post(url, {**revoke, "confirm": "1"}).status_code == 302
    credential.refresh_from_db()
    assert credential.revoked_at is not None


def test_a_revocation_that_cannot_be_done_is_refused_before_asking(
    client: Client, anna_done: Personas
) -> None:
    """ "Andere reden" needs the exam board's note: said at once, not after confirming."""
    client.force_login(anna_done.eva)
    anna = anna_done.anna_record
    client.post(
        f"/deelnemers/{anna.pk}/certificaten/uitgeven/",
        {"kind": "certificate", "code": CERTIFICATE, "confirm": "1"},
    )
    credential = IssuedCredential.objects.get()
    url = f"/deelnemers/{anna.pk}/certificaten/{credential.uid}/intrekken/"
    response = client.post(url, {"category": "other", "note": ""})
    assert response.status_code == 302
    credential.refresh_from_db()
    assert credential.revoked_at is None
