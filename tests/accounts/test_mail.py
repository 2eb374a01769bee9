"""Password-reset and invitation mails leave after the answer, and the log never holds a
link (opmaat/accounts/mail.py)."""

from __future__ import annotations

import logging
import time
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

SMTP_SECONDS = 1.0


class SlowBackend(EmailBackend):
    """A mail server that takes a second to accept a mail."""

    def send_messages(self, messages: Sequence[EmailMessage]) -> int:
        time.sleep(SMTP_SECONDS)
        return super().send_messages(messages)


@pytest.fixture
def anna_has_an_address(personas: Personas) -> str:
    personas.anna.email = "anna@example.nl"
    personas.anna.save(update_fields=["email"])
    return personas.anna.email


def test_the_reset_answer_is_the_same_and_as_quick_whether_or_not_the_address_exists(
    client: Client,
    settings: Settings,
    django_capture_on_commit_callbacks: CaptureCallbacks,
    anna_has_an_address: str,
) -> None:
    settings.EMAIL_BACKEND = "tests.accounts.test_mail.SlowBackend"
    answers = []
    for address in (anna_has_an_address, "niemand@example.nl"):
        with django_capture_on_commit_callbacks(execute=True):
            began = time.monotonic()
            response = client.post("/wachtwoord/vergeten/", {"email": address})
            answers.append((response.status_code, response["Location"]))
            assert time.monotonic() - began < SMTP_SECONDS  # nobody waits for the mail server
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
