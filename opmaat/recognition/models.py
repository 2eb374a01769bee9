"""Intakes with their development advice, and EVC procedures: portfolio evidence,
judgements, assessment sessions, the ervaringscertificaat and the exam board's decisions.

Rules live in opmaat.domain.recognition; opmaat.recognition.services is the only writer.
Judgements, certificates and decisions are never edited: a new row supersedes the old one
and both are kept, so the record shows who decided what, when and on which evidence.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from opmaat.accounts.models import Organisation
from opmaat.domain.recognition.assessment import EvidenceKind, Judgement, SessionKind
from opmaat.domain.recognition.evc import EvcState
from opmaat.domain.routes import Leerweg, Pace
from opmaat.learners.models import LEERWEG_LABELS, PACE_LABELS, Learner

STATE_LABELS = {
    EvcState.INTAKE: _("Intake"),
    EvcState.PORTFOLIO: _("Portfolio"),
    EvcState.ASSESSMENT: _("Beoordeling"),
    EvcState.REPORT: _("Rapport"),
    EvcState.DECISION: _("Besluit examencommissie"),
    EvcState.CLOSED: _("Afgerond"),
    EvcState.WITHDRAWN: _("Gestopt"),
}
EVIDENCE_LABELS = {
    EvidenceKind.EMPLOYER_STATEMENT: _("Werkgeversverklaring"),
    EvidenceKind.DIPLOMA: _("Diploma of certificaat"),
    EvidenceKind.WORK_SAMPLE: _("Werkproduct"),
    EvidenceKind.OBSERVATION: _("Observatieverslag"),
    EvidenceKind.FEEDBACK_360: _("360-gradenfeedback"),
    EvidenceKind.REFLECTION: _("Reflectieverslag"),
}
JUDGEMENT_LABELS = {
    Judgement.MET: _("Aangetoond"),
    Judgement.NOT_MET: _("Niet aangetoond"),
    Judgement.MORE_EVIDENCE: _("Meer bewijs nodig"),
}
SESSION_LABELS = {
    SessionKind.INTERVIEW: _("Criteriumgericht interview"),
    SessionKind.PRACTICAL: _("Praktijkassessment"),
}
User = settings.AUTH_USER_MODEL


class Intake(models.Model):
    """One version of a learner's intake interview and the advice drawn from it, with the
    week the advice was planned on (as the learner's saved routes hold it)."""

    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="intakes")
    version = models.PositiveIntegerField(_("versie"))
    goal = models.TextField(_("doel"))
    target = models.CharField(_("beoogde kwalificatie"), max_length=64)
    hours_per_week = models.FloatField(
        _("studie-uren per week"), help_text=_("BOL: de hele week; BBL: zelfstudie.")
    )
    work_hours_per_week = models.FloatField(
        _("werkuren per week"), null=True, blank=True, help_text=_("BBL: contracturen.")
    )
    exam_only = models.JSONField(_("alleen examen"), default=list, blank=True)
    work_setting = models.TextField(_("werksituatie"), blank=True)
    employer = models.ForeignKey(
        Organisation,
        verbose_name=_("werkgever"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    pathway = models.CharField(
        _("leerweg"), max_length=16, choices=[(w.value, LEERWEG_LABELS[w]) for w in Leerweg]
    )
    pace = models.CharField(
        _("tempo"),
        max_length=8,
        choices=[(p.value, PACE_LABELS[p]) for p in Pace],
        default=Pace.NORMAL.value,
    )
    start = models.DateField(_("startdatum"))
    motivation = models.TextField(_("motivatie en talenten"), blank=True)
    support_needs = models.TextField(_("ondersteuningsbehoefte"), blank=True)
    evc_units = models.JSONField(_("eenheden via EVC"), default=list, blank=True)
    advice = models.JSONField(_("advies"))  # opmaat.domain.recognition.advice.advice_document
    created_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    class Meta:
        ordering = ["-version"]
        verbose_name = _("intake")
        verbose_name_plural = _("intakes")
        constraints = [
            models.UniqueConstraint(fields=["learner", "version"], name="intake_version"),
            models.CheckConstraint(
                condition=models.Q(hours_per_week__gte=0), name="intake_hours_not_negative"
            ),
        ]


class EvcProcedure(models.Model):
    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="evc_procedures")
    provider = models.ForeignKey(
        Organisation, verbose_name=_("EVC-aanbieder"), on_delete=models.PROTECT, related_name="+"
    )
    standard = models.CharField(_("standaard (crebo)"), max_length=64)
    units = models.JSONField(_("eenheden in het traject"), default=list)
    state = models.CharField(
        _("fase"),
        max_length=16,
        choices=[(s.value, STATE_LABELS[s]) for s in EvcState],
        default=EvcState.INTAKE.value,
    )
    state_since = models.DateField(_("in deze fase sinds"))
    deadline = models.DateField(_("uiterlijk klaar"), null=True, blank=True)
    started_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("gestart op"), auto_now_add=True)
    # Counted up by every phase move, judgement, session, certificate and decision: what a
    # form or API call carries to say which state of the procedure it was based on, so
    # that of two people acting at once the second is refused instead of overwriting.
    version = models.PositiveIntegerField(_("versie"), default=1, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("EVC-traject")
        verbose_name_plural = _("EVC-trajecten")

    def __str__(self) -> str:
        return f"{self.learner} · {self.standard}"


class EvcStep(models.Model):
    """One move of a procedure from one phase to the next: who, when, why."""

    procedure = models.ForeignKey(EvcProcedure, on_delete=models.CASCADE, related_name="steps")
    source = models.CharField(_("van"), max_length=16)
    target = models.CharField(_("naar"), max_length=16)
    actor = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(_("tijdstip"), auto_now_add=True)
    note = models.TextField(_("toelichting"), blank=True)

    class Meta:
        ordering = ["at", "id"]


class Evidence(models.Model):
    """A piece of portfolio evidence: a file, a written text, or both."""

    procedure = models.ForeignKey(EvcProcedure, on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(
        _("soort"), max_length=24, choices=[(k.value, EVIDENCE_LABELS[k]) for k in EvidenceKind]
    )
    title = models.CharField(_("titel"), max_length=200)
    text = models.TextField(_("tekst"), blank=True)
    outcomes = models.JSONField(_("werkprocessen"), default=list)
    stored_name = models.CharField(max_length=80, blank=True, editable=False)
    original_name = models.CharField(_("bestandsnaam"), max_length=200, blank=True)
    content_type = models.CharField(max_length=100, blank=True, editable=False)
    size = models.PositiveIntegerField(default=0, editable=False)
    sha256 = models.CharField(max_length=64, blank=True, editable=False)
    added_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(_("toegevoegd op"), auto_now_add=True)

    class Meta:
        ordering = ["added_at", "id"]
        verbose_name = _("bewijsstuk")
        verbose_name_plural = _("bewijsstukken")

    def __str__(self) -> str:
        return self.title

    @property
    def has_file(self) -> bool:
        return bool(self.stored_name)


class OutcomeJudgement(models.Model):
    """The assessor's judgement of one werkproces (`outcome`). The latest per werkproces
    counts; earlier ones stay as the history."""

    procedure = models.ForeignKey(EvcProcedure, on_delete=models.CASCADE, related_name="judgements")
    outcome = models.CharField(_("werkproces"), max_length=64)
    result = models.CharField(
        _("oordeel"), max_length=16, choices=[(j.value, JUDGEMENT_LABELS[j]) for j in Judgement]
    )
    rationale = models.TextField(_("onderbouwing"))
    evidence: models.ManyToManyField[Evidence, models.Model] = models.ManyToManyField(
        Evidence, blank=True, related_name="judgements"
    )
    assessor = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(_("tijdstip"), auto_now_add=True)

    class Meta:
        ordering = ["outcome", "-at", "-id"]


class AssessmentSession(models.Model):
    """A criterion-based interview or a practical assessment, and what it covered."""

    procedure = models.ForeignKey(EvcProcedure, on_delete=models.CASCADE, related_name="sessions")
    kind = models.CharField(
        _("soort"), max_length=16, choices=[(k.value, SESSION_LABELS[k]) for k in SessionKind]
    )
    held_on = models.DateField(_("datum"))
    outcomes = models.JSONField(_("werkprocessen"), default=list)
    notes = models.TextField(_("verslag"))
    assessor = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["held_on", "id"]


class Certificate(models.Model):
    """The ervaringscertificaat as issued: the stored document is the record."""

    procedure = models.ForeignKey(
        EvcProcedure, on_delete=models.CASCADE, related_name="certificates"
    )
    number = models.CharField(_("nummer"), max_length=40, unique=True)
    document = models.JSONField(_("certificaat"))
    issued_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    issued_at = models.DateTimeField(_("uitgereikt op"), auto_now_add=True)

    class Meta:
        ordering = ["-issued_at", "-id"]
        verbose_name = _("ervaringscertificaat")
        verbose_name_plural = _("ervaringscertificaten")


class Decision(models.Model):
    """The exam board's decision on a certificate. A later decision supersedes an earlier
    one (its exemptions replace the earlier ones); neither is ever edited."""

    procedure = models.ForeignKey(EvcProcedure, on_delete=models.CASCADE, related_name="decisions")
    certificate = models.ForeignKey(Certificate, on_delete=models.PROTECT, related_name="decisions")
    units = models.JSONField(_("vrijgestelde eenheden"), default=list)
    outcomes = models.JSONField(_("vrijgestelde werkprocessen"), default=list)
    rationale = models.TextField(_("motivering"))
    supersedes = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="superseded_by",
    )
    decided_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("besloten op"), auto_now_add=True)

    class Meta:
        ordering = ["-decided_at", "-id"]
        verbose_name = _("besluit vrijstellingen")
        verbose_name_plural = _("besluiten vrijstellingen")
