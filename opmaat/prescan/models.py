"""Tables of the prescan app: the rules the catalog editor maintains, and saved scans.

The rules themselves live in opmaat.domain.prescan.rules; these tables only
store the editor's choices. A saved scan keeps its document as it was computed, so a later
change of rules or catalog never rewrites what someone was shown.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from opmaat.catalog.models import Outcome, Unit
from opmaat.domain.prescan.rules import CanDo
from opmaat.domain.routes import Leerweg
from opmaat.learners.models import LEERWEG_LABELS, Learner

CAN_DO_LABELS = {
    CanDo.NEVER: _("Nooit gedaan"),
    CanDo.WITH_HELP: _("Met hulp"),
    CanDo.ON_MY_OWN: _("Zelfstandig"),
    CanDo.TEACHES_OTHERS: _("Ik leer het anderen"),
}
# `never` is no bar: it would make an exemption likely without any evidence.
BAR_CHOICES = [(c.value, CAN_DO_LABELS[c]) for c in CanDo if c != CanDo.NEVER]
SHARE_VALIDATORS = [MinValueValidator(0.01), MaxValueValidator(1.0)]


class DefaultRule(models.Model):
    """The default thresholds (one row; none means opmaat's documented defaults)."""

    likely_at = models.CharField(
        _("waarschijnlijk vanaf"),
        max_length=16,
        choices=BAR_CHOICES,
        default=CanDo.ON_MY_OWN.value,
        help_text=_(
            "Het laagste antwoord dat op elk werkproces nodig is voor ‘waarschijnlijk’. "
            "Standaard ‘zelfstandig’: EVC vraagt bewust bekwaam op alle werkprocessen."
        ),
    )
    possible_share = models.FloatField(
        _("mogelijk vanaf (deel)"),
        default=0.5,
        validators=SHARE_VALIDATORS,
        help_text=_("Deel van de werkprocessen op dat niveau voor ‘mogelijk’ (0,5 = de helft)."),
    )
    note = models.TextField(_("toelichting"), blank=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("standaardregel vrijstellingsscan")
        verbose_name_plural = _("standaardregel vrijstellingsscan")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(possible_share__gt=0, possible_share__lte=1),
                name="prescan_default_share_0_1",
            ),
            models.CheckConstraint(
                condition=~models.Q(likely_at=CanDo.NEVER.value), name="prescan_default_bar"
            ),
        ]

    def __str__(self) -> str:
        return str(_("Standaardregel"))


class UnitRule(models.Model):
    """The editor's rule for one unit (an exam unit of a target's cut, or a kerntaak):
    which of its werkprocessen count, and other thresholds."""

    unit = models.OneToOneField(
        Unit, on_delete=models.CASCADE, related_name="prescan_rule", verbose_name=_("leereenheid")
    )
    counted_outcomes = models.ManyToManyField(
        Outcome,
        blank=True,
        related_name="+",
        verbose_name=_("werkprocessen die tellen"),
        help_text=_("Leeg: alle werkprocessen van de leereenheid tellen."),
    )
    likely_at = models.CharField(
        _("waarschijnlijk vanaf"),
        max_length=16,
        blank=True,
        choices=BAR_CHOICES,
        help_text=_("Leeg: de standaardregel."),
    )
    possible_share = models.FloatField(
        _("mogelijk vanaf (deel)"),
        null=True,
        blank=True,
        validators=SHARE_VALIDATORS,
        help_text=_("Leeg: de standaardregel."),
    )
    note = models.CharField(
        _("toelichting"),
        max_length=300,
        blank=True,
        help_text=_("Staat in elke uitleg die deze regel geeft."),
    )

    class Meta:
        ordering = ["unit__code"]
        verbose_name = _("regel per leereenheid")
        verbose_name_plural = _("regels per leereenheid")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(possible_share__isnull=True)
                | models.Q(possible_share__gt=0, possible_share__lte=1),
                name="prescan_unit_share_0_1",
            ),
            models.CheckConstraint(
                condition=~models.Q(likely_at=CanDo.NEVER.value), name="prescan_unit_bar"
            ),
        ]

    def __str__(self) -> str:
        return str(self.unit)


def new_token() -> str:
    """An unguessable key: 192 random bits, URL-safe."""
    return secrets.token_urlsafe(24)


class SavedPrescan(models.Model):
    """A pre-scan as computed, reachable by its token; attached to a learner's record once
    the learner saves it there. Unattached scans hold no account and are purged after a
    while (docs/privacy.md). The week it was planned for is kept beside the document, so
    the result page can plan again with another week."""

    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    target = models.CharField(_("doel"), max_length=64)
    have = models.JSONField(_("behaald"), default=list, blank=True)
    other = models.TextField(_("overige diploma's en certificaten"), blank=True)
    answers = models.JSONField(_("antwoorden"), default=dict, blank=True)
    pathway = models.CharField(
        _("leerweg"),
        max_length=16,
        choices=[(w.value, LEERWEG_LABELS[w]) for w in Leerweg],
        default=Leerweg.BOL.value,
    )
    hours_per_week = models.FloatField(
        _("studie-uren per week"), default=20, help_text=_("BOL: de hele week; BBL: zelfstudie.")
    )
    work_hours_per_week = models.FloatField(
        _("werkuren per week"), null=True, blank=True, help_text=_("BBL: contracturen.")
    )
    document = models.JSONField(_("uitkomst"))
    created_at = models.DateTimeField(_("gemaakt"), auto_now_add=True, db_index=True)
    learner = models.ForeignKey(
        Learner,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="saved_prescans",
        verbose_name=_("deelnemer"),
    )
    saved_at = models.DateTimeField(_("bewaard op"), null=True, blank=True)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("vrijstellingsscan")
        verbose_name_plural = _("vrijstellingsscans")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hours_per_week__gte=0), name="prescan_study_hours_not_negative"
            ),
            models.CheckConstraint(
                condition=models.Q(work_hours_per_week__isnull=True)
                | models.Q(work_hours_per_week__gte=0),
                name="prescan_work_hours_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.target} ({self.created_at:%Y-%m-%d})"
