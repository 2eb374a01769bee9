"""Tables of the progress app: professional activities, formative feedback, summative
assessments and entrustment decisions. Rules live in opmaat.domain.progress and
opmaat.domain.credentials.completion; opmaat.progress.services is the only writer."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from opmaat.domain.progress import AssessmentMethod, AssessmentResult, SupervisionLevel
from opmaat.learners.models import Learner

LEVEL_LABELS = {
    SupervisionLevel.OBSERVES: _("1 · kijkt mee"),
    SupervisionLevel.DIRECT: _("2 · voert uit onder direct toezicht"),
    SupervisionLevel.INDIRECT: _("3 · voert uit onder indirect toezicht"),
    SupervisionLevel.INDEPENDENT: _("4 · voert zelfstandig uit"),
    SupervisionLevel.SUPERVISES: _("5 · begeleidt anderen"),
}
METHOD_LABELS = {
    AssessmentMethod.PRACTICAL_TEST: _("Praktijkexamen"),
    AssessmentMethod.EXAM: _("Examen"),
    AssessmentMethod.EVC: _("EVC"),
}
RESULT_LABELS = {AssessmentResult.MET: _("Behaald"), AssessmentResult.NOT_MET: _("Niet behaald")}


class ProfessionalActivity(models.Model):
    """A professional activity (task, EPA) linked to a unit (an exam unit, a kerntaak) or a
    werkproces; edited by catalog editors."""

    code = models.CharField(_("code"), max_length=40, unique=True)
    title = models.CharField(_("naam"), max_length=200)
    description = models.TextField(_("omschrijving"), blank=True)
    unit_code = models.CharField(_("leereenheid"), max_length=64)
    reserved = models.BooleanField(
        _("voorbehouden of risicovolle handeling"),
        default=False,
        help_text=_(
            "Niet hoger dan niveau 2 toevertrouwen zolang de leereenheden waarop de "
            "leereenheid voortbouwt niet af zijn."
        ),
    )
    position = models.PositiveIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["unit_code", "position", "code"]
        verbose_name = _("beroepsactiviteit")
        verbose_name_plural = _("beroepsactiviteiten")

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class Feedback(models.Model):
    """Formative feedback on one werkproces (outcome): never edited, so the timeline stays
    true."""

    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="feedback")
    code = models.CharField(_("leerresultaat"), max_length=64)
    text = models.TextField(_("feedback"))
    given_on = models.DateField(_("datum"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    author_label = models.CharField(_("door"), max_length=200)
    recorded_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    class Meta:
        ordering = ["-given_on", "-id"]
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")


class Assessment(models.Model):
    """A summative result for a werkproces (outcome), or a generic subject without
    werkprocessen."""

    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="assessments")
    code = models.CharField(_("leerresultaat of vak"), max_length=64)
    method = models.CharField(
        _("methode"),
        max_length=16,
        choices=[(m.value, METHOD_LABELS[m]) for m in AssessmentMethod],
    )
    result = models.CharField(
        _("resultaat"),
        max_length=8,
        choices=[(r.value, RESULT_LABELS[r]) for r in AssessmentResult],
    )
    assessed_on = models.DateField(_("datum"))
    evidence = models.TextField(_("bewijs"), blank=True)
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    assessor_label = models.CharField(_("beoordelaar"), max_length=200)
    recorded_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    class Meta:
        ordering = ["-assessed_on", "-id"]
        verbose_name = _("beoordeling")
        verbose_name_plural = _("beoordelingen")
        indexes = [models.Index(fields=["learner", "code"], name="assessment_learner_code")]


class EntrustmentDecision(models.Model):
    """The supervision level at which a learner performs an activity, from a date on.
    Decisions are only added: the latest one counts, the rest is the history."""

    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="entrustments")
    activity = models.ForeignKey(
        ProfessionalActivity, on_delete=models.PROTECT, related_name="decisions"
    )
    level = models.PositiveSmallIntegerField(
        _("niveau"),
        choices=[(int(level), LEVEL_LABELS[level]) for level in SupervisionLevel],
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    decided_on = models.DateField(_("datum"))
    evidence = models.TextField(_("onderbouwing"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_by_label = models.CharField(_("besloten door"), max_length=200)
    recorded_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    class Meta:
        ordering = ["-decided_on", "-id"]
        verbose_name = _("bekwaamverklaring")
        verbose_name_plural = _("bekwaamverklaringen")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(level__gte=1, level__lte=5), name="entrustment_level_1_to_5"
            )
        ]
