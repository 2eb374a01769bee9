"""Organisations, who works where in which role, and API tokens.

The rules about what a role may do live in opmaat.domain.access; these tables only say who
holds which role where.
"""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from opmaat.domain.access import OrganisationKind, Role

ORGANISATION_KIND_LABELS = {
    OrganisationKind.SCHOOL: _("School"),
    OrganisationKind.CARE: _("Zorg- of welzijnsorganisatie"),
    OrganisationKind.EVC_PROVIDER: _("EVC-aanbieder"),
    OrganisationKind.REGION: _("Regionaal netwerk"),
}
ROLE_LABELS = {
    Role.LEARNER: _("Deelnemer"),
    Role.INTAKE_ADVISOR: _("Intakeadviseur"),
    Role.EVC_ASSESSOR: _("EVC-assessor"),
    Role.TEACHER: _("Docent / praktijkopleider"),
    Role.EXAM_BOARD: _("Examencommissie"),
    Role.EMPLOYER_HR: _("Werkgever (HR)"),
    Role.TEAM_LEADER: _("Teamleider"),
    Role.REGIONAL_COORDINATOR: _("Regiocoördinator"),
    Role.CATALOG_EDITOR: _("Catalogusredacteur"),
    Role.ADMIN: _("Beheerder"),
}
# Learners and admins are not organisation members: learners own a record, admins are superusers.
MEMBER_ROLES = [r for r in Role if r not in (Role.LEARNER, Role.ADMIN)]


class Organisation(models.Model):
    name = models.CharField(_("naam"), max_length=200, unique=True)
    kind = models.CharField(
        _("soort"),
        max_length=20,
        choices=[(k.value, ORGANISATION_KIND_LABELS[k]) for k in OrganisationKind],
    )
    region = models.ForeignKey(
        "self",
        verbose_name=_("regio"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
        limit_choices_to={"kind": OrganisationKind.REGION.value},
    )
    place = models.CharField(_("plaats"), max_length=100, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(
        _("rol"), max_length=32, choices=[(r.value, ROLE_LABELS[r]) for r in MEMBER_ROLES]
    )

    class Meta:
        verbose_name = _("rol in organisatie")
        verbose_name_plural = _("rollen in organisaties")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "role"], name="membership_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} · {ROLE_LABELS[Role(self.role)]} · {self.organisation}"


def hash_token(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class ApiToken(models.Model):
    """A bearer token for the JSON API. Only its hash is stored; the key is shown once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("naam"), max_length=100)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(max_length=8, editable=False)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("laatst gebruikt"), null=True, blank=True)

    class Meta:
        verbose_name = _("API-sleutel")
        verbose_name_plural = _("API-sleutels")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @classmethod
    def issue(cls, user: object, name: str) -> tuple[ApiToken, str]:
        """A new token for `user` and its key, which is not stored anywhere."""
        key = "opm_" + secrets.token_urlsafe(32)
        token = cls.objects.create(user=user, name=name, key_hash=hash_token(key), prefix=key[:8])
        return token, key
