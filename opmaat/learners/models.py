"""Learners' records: who they are, where they learn or work, what they hold, their routes,
what they consented to share, and the audit trail of every change.

Business rules live in opmaat.domain (access, routes); opmaat.learners.services is the only
writer of these tables, so every change is audited.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from opmaat.accounts.models import Organisation
from opmaat.domain.recognition.grants import Grant, Source
from opmaat.domain.routes import Leerweg, Pace

LEERWEG_LABELS = {
    Leerweg.BOL: _("BOL (school met stages)"),
    Leerweg.BBL: _("BBL (werken en leren)"),
    Leerweg.DERDE: _("Derde leerweg (contractonderwijs)"),
}
PACE_LABELS = {
    Pace.SLOWER: _("Rustiger (75%)"),
    Pace.NORMAL: _("Normaal"),
    Pace.FASTER: _("Versneld (125%)"),
}


class Learner(models.Model):
    # Protected: a learner's account goes only through erasure (services.erase_learner),
    # which unlinks it first; deleting it elsewhere would leave the record and its log.
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="learner",
    )
    name = models.CharField(_("naam"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    date_of_birth = models.DateField(_("geboortedatum"), null=True, blank=True)
    background = models.TextField(
        _("achtergrond"), blank=True, help_text=_("Werkervaring, vooropleiding, doel.")
    )
    elective_hours_done = models.FloatField(_("keuzedeeluren behaald"), default=0)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    erased_at = models.DateTimeField(_("gewist op"), null=True, blank=True)
    organisations: models.ManyToManyField[Organisation, Enrolment] = models.ManyToManyField(
        Organisation, through="Enrolment", related_name="learners"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("deelnemer")
        verbose_name_plural = _("deelnemers")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(elective_hours_done__gte=0), name="learner_elective_hours"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Enrolment(models.Model):
    """A link between a learner and an organisation: their school, employer or EVC provider."""

    class Relation(models.TextChoices):
        STUDENT = "student", _("Student")
        EMPLOYEE = "employee", _("Medewerker")
        CANDIDATE = "candidate", _("EVC-kandidaat")

    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="enrolments")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="enrolments"
    )
    relation = models.CharField(_("relatie"), max_length=16, choices=Relation.choices)
    since = models.DateField(_("sinds"), null=True, blank=True)

    class Meta:
        verbose_name = _("koppeling")
        verbose_name_plural = _("koppelingen")
        constraints = [
            models.UniqueConstraint(fields=["learner", "organisation"], name="enrolment_unique")
        ]


class Consent(models.Model):
    """The learner allows an employer to see their training data, until withdrawn."""

    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="consents")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="consents"
    )
    granted_at = models.DateTimeField(_("gegeven op"))
    withdrawn_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)

    class Meta:
        ordering = ["-granted_at"]
        verbose_name = _("toestemming")
        verbose_name_plural = _("toestemmingen")

    @property
    def active(self) -> bool:
        return self.withdrawn_at is None


class Holding(models.Model):
    """Something the learner holds or is exempted from, with the evidence for it and its
    source (opmaat.domain.recognition.grants): by hand, by a decision or by a credential.
    The same code may be held once per source, so removing what one source granted leaves
    what another did."""

    class Source(models.TextChoices):
        MANUAL = Source.MANUAL.value, _("Handmatig vastgelegd")
        DECISION = Source.DECISION.value, _("Besluit van de examencommissie")
        CREDENTIAL = Source.CREDENTIAL.value, _("Uitgegeven certificaat of diploma")

    class Kind(models.TextChoices):
        HELD = "held", _("Behaald")  # diploma, certificate or unit
        EXEMPTION = "exemption", _("Vrijstelling")
        OUTCOME = "outcome", _("Leerresultaat behaald")

    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="holdings")
    code = models.CharField(_("code"), max_length=64)
    kind = models.CharField(_("soort"), max_length=16, choices=Kind.choices)
    evidence = models.TextField(_("bewijs"), blank=True)
    source = models.CharField(
        _("bron"), max_length=16, choices=Source.choices, default=Source.MANUAL.value
    )
    source_ref = models.CharField(_("besluit of certificaat"), max_length=100, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    class Meta:
        ordering = ["kind", "code"]
        verbose_name = _("behaald of vrijgesteld")
        verbose_name_plural = _("behaald en vrijgesteld")
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "code", "kind", "source", "source_ref"], name="holding_unique"
            )
        ]

    @property
    def grant(self) -> Grant:
        return Grant(self.code, self.kind, Source(self.source), self.source_ref)


class RoutePlan(models.Model):
    """One saved version of a learner's route. Saving again adds a version; none is edited."""

    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="route_plans")
    version = models.PositiveIntegerField(_("versie"))
    target = models.CharField(_("doel"), max_length=64)
    start = models.DateField(_("startdatum"))
    hours_per_week = models.FloatField(
        _("studie-uren per week"), help_text=_("BOL: de hele week; BBL: zelfstudie.")
    )
    work_hours_per_week = models.FloatField(
        _("werkuren per week"), null=True, blank=True, help_text=_("BBL: contracturen.")
    )
    exam_only = models.JSONField(_("alleen examen"), default=list, blank=True)
    pathway = models.CharField(
        _("leerweg"), max_length=16, choices=[(w.value, LEERWEG_LABELS[w]) for w in Leerweg]
    )
    pace = models.CharField(
        _("tempo"), max_length=8, choices=[(p.value, PACE_LABELS[p]) for p in Pace]
    )
    note = models.TextField(_("toelichting"), blank=True)
    document = models.JSONField(_("route"))  # the planned route as `opmaat route --json` gives it
    # What the route was planned from (opmaat.domain.routes.basis.basis_document): the
    # holdings, keuzedeel hours and catalog version, to tell when it goes out of date.
    planned_from = models.JSONField(_("gepland op grond van"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("opgeslagen op"), auto_now_add=True)

    class Meta:
        ordering = ["-version"]
        verbose_name = _("route")
        verbose_name_plural = _("routes")
        constraints = [
            models.UniqueConstraint(fields=["learner", "version"], name="route_plan_version"),
            models.CheckConstraint(
                condition=models.Q(hours_per_week__gte=0), name="route_plan_hours_not_negative"
            ),
        ]


class AuditEvent(models.Model):
    """Who changed what in a learner's record, and when. Never edited or deleted by the app."""

    at = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_label = models.CharField(_("door"), max_length=200)
    learner = models.ForeignKey(
        Learner, null=True, blank=True, on_delete=models.SET_NULL, related_name="audit_events"
    )
    action = models.CharField(_("handeling"), max_length=40)
    summary = models.CharField(_("samenvatting"), max_length=300)
    changes = models.JSONField(_("wijzigingen"), default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("logboekregel")
        verbose_name_plural = _("logboek")


class ErasureRequest(models.Model):
    """A learner's request to erase their personal data, and when it was carried out."""

    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="erasure_requests")
    requested_at = models.DateTimeField(_("aangevraagd op"), auto_now_add=True)
    reason = models.TextField(_("toelichting"), blank=True)
    carried_out_at = models.DateTimeField(_("uitgevoerd op"), null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("verwijderverzoek")
        verbose_name_plural = _("verwijderverzoeken")
