"""The password-reset form: Django's, with the mail sent after the answer."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.auth import forms as auth_forms
from django.contrib.auth.models import User

from opmaat.accounts.mail import compose, send_after_commit


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Whether or not an account has the address, the visitor gets the same page as quickly:
    the mail leaves from the background after the answer (opmaat.accounts.mail), and for an
    address nobody has the same mail is composed for a stand-in account and dropped, so the
    request does the same work either way."""

    stand_in: User | None = None

    def get_users(self, email: str) -> Iterable[User]:
        users = list(super().get_users(email))
        if users:
            return users
        self.stand_in = User(username=email, email=email)
        return [self.stand_in]

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict[str, Any],
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        message = compose(
            subject_template_name,
            email_template_name,
            context,
            from_email,
            to_email,
            html_email_template_name,
        )
        if context["user"] is not self.stand_in:
            send_after_commit(message)
