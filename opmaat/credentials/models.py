"""Tables of the credentials app: signing keys per organisation, issued credentials and
their revocation. The credential format and its checks live in opmaat.domain.credentials;
opmaat.credentials.services is the only writer."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from opmaat.accounts.models import Organisation
from opmaat.domain.credentials.document import CredentialKind
from opmaat.domain.credentials.revocation import RevocationCategory
from opmaat.learners.models import Learner

KIND_LABELS = {
    CredentialKind.CERTIFICATE: _("mbo-certificaat"),
    CredentialKind.DIPLOMA: _("Diploma"),
}
# The published reason of a revocation, in Dutch: the verification page translates it, the
# JSON documents (the API, `opmaat credentials`) carry it as it is here.
REVOCATION_LABELS: dict[RevocationCategory, str] = {
    RevocationCategory.ISSUED_IN_ERROR: gettext_noop("Ten onrechte uitgegeven"),
    RevocationCategory.EXAM_IRREGULARITY: gettext_noop("Fraude of onregelmatigheid bij het examen"),
    RevocationCategory.REPLACED: gettext_noop(
        "Vervangen door een verbeterd certificaat of diploma"
    ),
    RevocationCategory.HOLDER_REQUEST: gettext_noop("Op verzoek van de houder"),
    RevocationCategory.OTHER: gettext_noop("Andere reden"),
}


def revocation_label(category: str) -> str:
    """The Dutch label of a revocation category ("" for none or an unknown one)."""
    try:
        return REVOCATION_LABELS[RevocationCategory(category)]
    except ValueError:
        return ""


class SigningKey(models.Model):
    """An organisation's Ed25519 key. The private half is AES-GCM ciphertext under
    OPMAAT_CREDENTIAL_KEY; retired keys stay so old credentials keep verifying."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="signing_keys"
    )
    verification_method = models.CharField(_("sleutel-id"), max_length=300, unique=True)
    controller = models.CharField(_("uitgever-id"), max_length=300, db_index=True)
    public_key = models.BinaryField(_("publieke sleutel"))
    private_key_sealed = models.BinaryField(_("versleutelde privésleutel"))
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    retired_at = models.DateTimeField(_("vervangen op"), null=True, blank=True)

    class Meta:
        ordering = ["organisation", "created_at", "id"]
        verbose_name = _("ondertekeningssleutel")
        verbose_name_plural = _("ondertekeningssleutels")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation"],
                condition=models.Q(retired_at__isnull=True),
                name="one_active_signing_key_per_organisation",
            )
        ]

    def __str__(self) -> str:
        return self.verification_method


class IssuedCredential(models.Model):
    """A signed certificate or diploma as issued, with its place in the status list."""

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    learner = models.ForeignKey(Learner, on_delete=models.PROTECT, related_name="credentials")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="issued_credentials"
    )
    key = models.ForeignKey(SigningKey, on_delete=models.PROTECT, related_name="credentials")
    kind = models.CharField(
        _("soort"), max_length=16, choices=[(k.value, KIND_LABELS[k]) for k in CredentialKind]
    )
    code = models.CharField(_("eenheid, certificaat of kwalificatie"), max_length=64)
    name = models.CharField(_("naam"), max_length=300)
    holder_name = models.CharField(_("houder"), max_length=200)
    issued_at = models.DateTimeField(_("uitgegeven op"))
    valid_until = models.DateTimeField(_("geldig tot"), null=True, blank=True)
    status_index = models.PositiveIntegerField(_("plaats in de statuslijst"))
    document = models.JSONField(_("credential"))  # the signed JSON as issued
    document_sha256 = models.CharField(max_length=64)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    # Published: the category. Internal (the exam board and the issuer only): the note.
    revocation_category = models.CharField(
        _("reden van intrekking"),
        max_length=24,
        blank=True,
        choices=[(c.value, _(REVOCATION_LABELS[c])) for c in RevocationCategory],
    )
    revocation_note = models.TextField(_("toelichting bij de intrekking (intern)"), blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    erased_at = models.DateTimeField(_("persoonsgegevens gewist op"), null=True, blank=True)

    class Meta:
        ordering = ["-issued_at", "-id"]
        verbose_name = _("uitgegeven certificaat of diploma")
        verbose_name_plural = _("uitgegeven certificaten en diploma's")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "status_index"], name="credential_status_index_unique"
            ),
            # One valid credential per learner and achievement; a revoked one may be reissued.
            models.UniqueConstraint(
                fields=["learner", "code"],
                condition=models.Q(revoked_at__isnull=True),
                name="one_valid_credential_per_achievement",
            ),
            # A revocation always has a published category; a valid credential has none.
            models.CheckConstraint(
                condition=(
                    models.Q(revoked_at__isnull=True, revocation_category="")
                    | (models.Q(revoked_at__isnull=False) & ~models.Q(revocation_category=""))
                ),
                name="revocation_has_a_category",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.code} ({self.uid})"

    @property
    def credential_id(self) -> str:
        return f"urn:uuid:{self.uid}"

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def revocation_reason(self) -> str:
        """The published reason: the category's Dutch label ("" when not revoked)."""
        return revocation_label(self.revocation_category)
