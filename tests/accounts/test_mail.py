"""Password-reset and invitation mails leave after the answer, and the log never holds a
link (opmaat/accounts/mail.py)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.core.mail.backends.locmem import EmailBackend
from django.test import Client
from pytest_django import DjangoCaptureOnCommitCallbacks as CaptureCallbacks
from pytest_django import Settings

from opmaat.accounts.mail import wait_until_sent
from tests.personas import Personas

pytestmark = pytest.mark.django_db


class HeldBackend(EmailBackend):
    """A mail server that accepts a mail only when the test lets it (`release`): a view
    that waited for it would not answer before then."""

    release = threading.Event()

    def send_messages(self, messages: Sequence[EmailMessage]) -> int:
        HeldBackend.release.wait(timeout=30)
        return super().send_messages(messages)


@pytest.fixture
def anna_has_an_address(personas: Personas) -> str:
    personas.anna.email = "anna@example.nl"
    personas.anna.save(update_fields=["email"])
    return personas.anna.email


def test_the_reset_answer_is_the_same_and_never_waits_for_the_mail_server(
    client: Client,
    settings: Settings,
    django_capture_on_commit_callbacks: CaptureCallbacks,
    anna_has_an_address: str,
) -> None:
    settings.EMAIL_BACKEND = "tests.accounts.test_mail.HeldBackend"
    HeldBackend.release.clear()
    answers = []
    try:
        for address in (anna_has_an_address, "niemand@example.nl"):
            with django_capture_on_commit_callbacks(execute=True):
                response = client.post("/wachtwoord/vergeten/", {"email": address})
            answers.append((response.status_code, response["Location"]))
            assert mail.outbox == []  # answered while the server still holds the mail
    finally:
        HeldBackend.release.set()
    assert answers == [(302, "/wachtwoord/verstuurd/")] * 2
    assert wait_until_sent(timeout=10)
    assert [message.to for message in mail.outbox] == [[anna_has_an_address]]


def test_without_a_mail_server_the_log_names_the_mail_but_holds_no_link(
    client: Client,
    settings: Settings,
    caplog: pytest.LogCaptureFixture,
    django_capture_on_commit_callbacks: CaptureCallbacks,
    anna_has_an_address: str,
) -> None:
    settings.EMAIL_BACKEND = "opmaat.accounts.mail.LogOnlyBackend"
    caplog.set_level(logging.INFO, logger="opmaat.mail")
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/wachtwoord/vergeten/", {"email": anna_has_an_address})
    assert wait_until_sent(timeout=10)
    lines = [r.getMessage() for r in caplog.records if r.name == "opmaat.mail"]
    assert any(
        "Nieuw wachtwoord voor opmaat" in line and "anna@example.nl" in line for line in lines
    )
    assert not any("/wachtwoord/nieuw/" in r.getMessage() for r in caplog.records)
