"""Forms of the credential pages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from opmaat.credentials.models import REVOCATION_LABELS
from opmaat.domain.credentials.document import CredentialKind
from opmaat.domain.credentials.revocation import RevocationCategory

MAX_UPLOAD_BYTES = 1_000_000


class IssueForm(forms.Form):
    kind = forms.ChoiceField(choices=[(k.value, k.value) for k in CredentialKind])
    code = forms.CharField(max_length=64)


class RevokeForm(forms.Form):
    """The published category, and the exam board's own note (internal)."""

    category = forms.ChoiceField(
        label=_("Reden van intrekking"),
        choices=[(c.value, _(REVOCATION_LABELS[c])) for c in RevocationCategory],
    )
    note = forms.CharField(
        label=_("Toelichting (alleen voor de examencommissie)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class VerifyForm(forms.Form):
    """A credential pasted as text or uploaded as a file."""

    text = forms.CharField(
        label=_("Plak de inhoud van het bestand"),
        required=False,
        max_length=MAX_UPLOAD_BYTES,
        widget=forms.Textarea(attrs={"rows": 6, "spellcheck": "false"}),
    )
    file = forms.FileField(label=_("of kies het bestand (.json)"), required=False)

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        upload = data.get("file")
        if upload is not None:
            if upload.size > MAX_UPLOAD_BYTES:
                raise forms.ValidationError(_("Het bestand is groter dan 1 MB."))
            data["text"] = upload.read()
        if not data.get("text"):
            raise forms.ValidationError(_("Plak de inhoud of kies een bestand."))
        return data
