"""The address written into new certificates: taken from the request in a local run (the
demo on any port), OPMAAT_PUBLIC_URL in production, and nothing issued without it."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client
from pytest_django import Settings

from opmaat import env
from opmaat.credentials.models import IssuedCredential
from opmaat.credentials.services import do_issue_certificate, pdf_site, site_url
from opmaat.domain.credentials.errors import PublicUrlMissing
from opmaat.learners.models import Learner
from tests.credentials.conftest import CERTIFICATE, user
from tests.demo_logins import EXAM_BOARD

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_public_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPMAAT_PUBLIC_URL", raising=False)


def issue_on_page(client: Client, learner: Learner, host: str) -> Client:
    client.force_login(User.objects.get(username=EXAM_BOARD))
    client.post(
        f"/deelnemers/{learner.pk}/certificaten/uitgeven/",
        {"kind": "certificate", "code": CERTIFICATE, "confirm": "1"},
        HTTP_HOST=host,
    )
    return client


def addresses(credential: IssuedCredential) -> list[str]:
    """The issuer id and the status list (C0054's achievement id is a URN)."""
    document = credential.document
    issuer, status = document["issuer"], document["credentialStatus"]
    return [issuer["id"], status["statusListCredential"]]


def test_a_local_run_writes_the_address_it_is_reached_at(
    client: Client, sanne_done: Learner, settings: Settings
) -> None:
    """`scripts/run --port 8311`: the issuer id, the status list and the QR code lead to
    port 8311, not to the default 8000."""
    settings.OPMAAT_LOCAL_SITE = True
    issue_on_page(client, sanne_done, "localhost:8311")
    credential = IssuedCredential.objects.get(learner=sanne_done, code=CERTIFICATE)
    assert all(url.startswith("http://localhost:8311/") for url in addresses(credential))
    assert pdf_site(credential, "http://localhost:8311") == "http://localhost:8311"


def test_production_writes_the_configured_address(
    client: Client, sanne_done: Learner, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.OPMAAT_LOCAL_SITE = False
    monkeypatch.setenv("OPMAAT_PUBLIC_URL", "https://opmaat.example.nl/")
    issue_on_page(client, sanne_done, "localhost:8311")
    credential = IssuedCredential.objects.get(learner=sanne_done, code=CERTIFICATE)
    assert all(url.startswith("https://opmaat.example.nl/") for url in addresses(credential))


def test_production_without_an_address_issues_nothing_and_says_why(
    client: Client, sanne_done: Learner, settings: Settings
) -> None:
    settings.OPMAAT_LOCAL_SITE = False
    with pytest.raises(PublicUrlMissing) as refused:
        do_issue_certificate(user(EXAM_BOARD), sanne_done, CERTIFICATE)
    assert refused.value.code == "public_url_missing"
    issue_on_page(client, sanne_done, "localhost")
    assert not IssuedCredential.objects.filter(learner=sanne_done, code=CERTIFICATE).exists()
    page = client.get(f"/deelnemers/{sanne_done.pk}/certificaten/", HTTP_HOST="localhost")
    body = page.content.decode()
    assert 'id="issue-blocked"' in body and "OPMAAT_PUBLIC_URL" in body
    assert 'disabled aria-describedby="issue-blocked"' in body


def test_the_command_line_of_a_local_run_uses_the_default_address(
    settings: Settings,
) -> None:
    settings.OPMAAT_LOCAL_SITE = True
    assert site_url() == "http://localhost:8000"


@pytest.mark.parametrize(
    ("debug", "hosts", "local"),
    [
        (False, ["localhost", "127.0.0.1", "[::1]"], True),
        (True, ["opmaat.example.nl"], True),
        (False, ["opmaat.example.nl"], False),
        (False, ["localhost", "opmaat.example.nl"], False),
    ],
)
def test_a_local_run_is_debug_or_loopback_names_only(
    debug: bool, hosts: list[str], local: bool
) -> None:
    assert env.local_site(debug, hosts) is local
