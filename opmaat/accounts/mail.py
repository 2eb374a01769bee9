"""Sending opmaat's mails (password reset, invitation) after the answer, and what the log says.

A mail is composed in the request and handed to one background thread per process once the
transaction that asked for it has committed (`send_after_commit`): the visitor's answer never
waits for the mail server, so how long it takes says nothing about whether the address has
an account, and a rolled-back invitation sends no link to an account that does not exist.

The log names the kind of mail (its subject) and the recipients, never the body: a
password-reset mail holds a link that logs its reader in. Without an SMTP server
(`OPMAAT_EMAIL_HOST`) `LogOnlyBackend` sends nothing and logs only that; the whole mail
is printed on the console only when `OPMAAT_EMAIL_CONSOLE=true` (development).
"""

from __future__ import annotations

import atexit
import logging
import queue
import threading
from collections.abc import Mapping, Sequence
from typing import Any

from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.template import loader

logger = logging.getLogger("opmaat.mail")

_outbox: queue.Queue[EmailMessage] = queue.Queue()
_sender: threading.Thread | None = None
_sender_lock = threading.Lock()


def compose(
    subject_template_name: str,
    email_template_name: str,
    context: Mapping[str, Any],
    from_email: str | None,
    to_email: str,
    html_email_template_name: str | None = None,
) -> EmailMultiAlternatives:
    """The mail as Django's PasswordResetForm renders it: a one-line subject, the text body,
    an HTML alternative when there is a template for it."""
    subject = "".join(loader.render_to_string(subject_template_name, dict(context)).splitlines())
    body = loader.render_to_string(email_template_name, dict(context))
    message = EmailMultiAlternatives(subject, body, from_email, [to_email])
    if html_email_template_name is not None:
        html = loader.render_to_string(html_email_template_name, dict(context))
        message.attach_alternative(html, "text/html")
    return message


def send_after_commit(message: EmailMessage) -> None:
    """Send `message` from the background once the current transaction commits (at once
    outside a transaction); the caller does not wait for the mail server."""
    transaction.on_commit(lambda: _enqueue(message))


def wait_until_sent(timeout: float | None = None) -> bool:
    """Wait until every mail handed over so far has been sent or has failed (True), or
    `timeout` seconds have passed (False)."""
    with _outbox.all_tasks_done:
        return _outbox.all_tasks_done.wait_for(lambda: _outbox.unfinished_tasks == 0, timeout)


def _enqueue(message: EmailMessage) -> None:
    global _sender
    with _sender_lock:
        if _sender is None or not _sender.is_alive():
            _sender = threading.Thread(target=_send_forever, name="opmaat-mail", daemon=True)
            _sender.start()
    _outbox.put(message)


def _send_forever() -> None:
    while True:
        message = _outbox.get()
        try:
            message.send()
        except Exception as error:  # a mail server's failure must not end the thread
            logger.error(
                "mail not sent: ‘%s’ to %s (%s)",
                message.subject,
                _to(message),
                type(error).__name__,
            )
        else:
            logger.info("mail sent: ‘%s’ to %s", message.subject, _to(message))
        finally:
            _outbox.task_done()


def _to(message: EmailMessage) -> str:
    return ", ".join(message.recipients())


# A worker that stops (gunicorn's graceful restart) first sends what it has accepted.
atexit.register(wait_until_sent, 30)


class LogOnlyBackend(BaseEmailBackend):
    """No SMTP server configured: send nothing and log which mail went undelivered to whom,
    never its content."""

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        for message in email_messages:
            logger.warning(
                "mail not sent, no SMTP server configured (OPMAAT_EMAIL_HOST): ‘%s’ to %s",
                message.subject,
                _to(message),
            )
        return 0
