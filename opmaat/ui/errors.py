"""A refusal on a page: its message in the user's language (opmaat.messages), next to the
form field it is about."""

from __future__ import annotations

from collections.abc import Mapping

from django import forms
from django.utils.translation import gettext

from opmaat.domain.errors import DomainError
from opmaat.messages import message


def explain(error: DomainError) -> str:
    """What `error` says, in the active language."""
    return message(error, gettext)


def form_field(form: forms.Form, error: DomainError, fields: Mapping[str, str] = {}) -> str | None:
    """The form's field that `error` is about: its `field`, renamed through `fields` (the
    domain's name to the form's), or None for the form as a whole."""
    name = fields.get(error.field, error.field)
    return name if name in form.fields else None


def add_error(form: forms.Form, error: DomainError, fields: Mapping[str, str] = {}) -> None:
    """Show `error` on `form`, next to its field when the form has it."""
    form.add_error(form_field(form, error, fields), explain(error))
