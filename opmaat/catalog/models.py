"""Catalog tables. Rules live in opmaat.domain.catalog; these only store and constrain."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from opmaat.domain.catalog import Admission, EmployerEffect, HoursSource, UnitKind

# A prerequisite names a unit or a werkproces (Outcome); both kinds of code fit.
PLANNED_CODE_LENGTH = 80


class Provenance(models.Model):
    """Where a fact comes from and how sure we are of it."""

    provisional = models.BooleanField(
        _("voorlopig"), default=False, help_text=_("Structuur niet geverifieerd.")
    )
    confidence = models.TextField(_("betrouwbaarheid"), blank=True)
    sources = models.JSONField(_("bronnen"), default=list, blank=True)

    class Meta:
        abstract = True


class Qualification(Provenance):
    crebo = models.CharField(_("crebo"), max_length=32, unique=True)
    name = models.CharField(_("naam"), max_length=300)
    level = models.PositiveSmallIntegerField(_("niveau"))
    nominal_years = models.FloatField(_("nominale duur (jaren)"))
    pathways = models.JSONField(_("leerwegen"), default=list)
    version = models.CharField(_("versie"), max_length=300, blank=True)
    valid_from = models.DateField(_("geldig vanaf"), null=True, blank=True)
    dossier_crebo = models.CharField(_("dossier-crebo"), max_length=32, blank=True)
    dossier_name = models.CharField(_("dossier"), max_length=300, blank=True)
    nederlands = models.CharField(_("Nederlands"), max_length=8, blank=True)
    rekenen = models.CharField(_("rekenen"), max_length=8, blank=True)
    engels = models.CharField(_("Engels"), max_length=16, blank=True)
    loopbaan_burgerschap = models.BooleanField(_("loopbaan en burgerschap"), default=False)
    elective_hours = models.FloatField(_("uren keuzedelen"), default=0)
    notes = models.TextField(_("toelichting"), blank=True)
    # Other published cuts over the same werkprocessen: [{"name", "units", "sources"}].
    cuts = models.JSONField(_("andere indelingen"), default=list, blank=True)
    superseded_by = models.JSONField(_("opgevolgd door"), default=list, blank=True)
    valid_until = models.DateField(_("geldig tot"), null=True, blank=True)
    elective_hours_shortened = models.FloatField(
        _("uren keuzedelen verkorte route"), null=True, blank=True
    )
    elective_rule = models.TextField(_("regel keuzedelen"), blank=True)
    admission = models.CharField(
        _("toelating"),
        max_length=32,
        choices=[(a.value, a.value) for a in Admission],
        default=Admission.OPEN.value,
    )
    admission_note = models.TextField(_("toelichting toelating"), blank=True)
    units: models.ManyToManyField[Unit, QualificationUnit] = models.ManyToManyField(
        "Unit", through="QualificationUnit", related_name="qualifications"
    )

    class Meta:
        ordering = ["level", "name"]
        verbose_name = _("kwalificatie")
        verbose_name_plural = _("kwalificaties")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(level__gte=1, level__lte=6),
                name="qualification_level_1_6",
                violation_error_message=_("Het niveau van een kwalificatie is 1 tot en met 6."),
            ),
            models.CheckConstraint(
                condition=models.Q(nominal_years__gt=0),
                name="qualification_years_positive",
                violation_error_message=_("De nominale duur is meer dan 0 jaar."),
            ),
            models.CheckConstraint(
                condition=models.Q(elective_hours_shortened__isnull=True)
                | models.Q(elective_hours_shortened__gte=0),
                name="qualification_shortened_elective_hours_nonnegative",
                violation_error_message=_("De verkorte keuzedeeluren zijn 0 of meer."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.crebo} {self.name}"


class Unit(Provenance):
    code = models.CharField(_("code"), max_length=64, unique=True)
    title = models.CharField(_("titel"), max_length=300)
    level = models.PositiveSmallIntegerField(_("niveau"))
    kind = models.CharField(
        _("soort"), max_length=16, choices=[(k.value, k.value) for k in UnitKind]
    )
    hours = models.FloatField(_("studielast (uren)"))
    hours_source = models.CharField(
        _("herkomst uren"), max_length=16, choices=[(s.value, s.value) for s in HoursSource]
    )
    hours_rule = models.TextField(_("schattingsregel"), blank=True)
    carries_certificate = models.BooleanField(_("levert mbo-certificaat"), default=False)
    employer_effect = models.CharField(
        _("voor werkgevers"),
        max_length=16,
        blank=True,
        choices=[(e.value, e.value) for e in EmployerEffect],
    )
    version = models.CharField(_("versie"), max_length=300, blank=True)
    # Werkprocessen defined by other units that this one (an exam unit) is made of; such a
    # unit has no Outcome rows of its own.
    werkprocessen = models.JSONField(_("werkprocessen"), default=list, blank=True)
    obligation = models.BooleanField(
        _("verplichting"), default=False, help_text=_("Uren per studiejaar, naast de route.")
    )
    exam_hours = models.FloatField(_("uren examen"), null=True, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("leereenheid")
        verbose_name_plural = _("leereenheden")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hours__gte=0),
                name="unit_hours_nonnegative",
                violation_error_message=_("De uren van een leereenheid zijn 0 of meer."),
            ),
            models.CheckConstraint(
                condition=models.Q(exam_hours__isnull=True) | models.Q(exam_hours__gte=0),
                name="unit_exam_hours_nonnegative",
                violation_error_message=_("De examenuren zijn leeg of 0 of meer."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class QualificationUnit(models.Model):
    qualification = models.ForeignKey(Qualification, on_delete=models.CASCADE)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT)
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["qualification", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["qualification", "unit"], name="qualification_unit_once"
            )
        ]


class Outcome(models.Model):
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="outcomes")
    code = models.CharField(_("code"), max_length=80, unique=True)
    title = models.CharField(_("titel"), max_length=400)
    hours = models.FloatField(_("uren"), null=True, blank=True)
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["unit", "position"]
        verbose_name = _("leerresultaat")
        verbose_name_plural = _("leerresultaten")

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class Certificate(Provenance):
    code = models.CharField(_("code"), max_length=64, unique=True)
    name = models.CharField(_("naam"), max_length=300)
    level = models.PositiveSmallIntegerField(_("niveau"), null=True, blank=True)
    parent_crebo = models.CharField(_("kwalificatie (crebo)"), max_length=32, blank=True)
    covers = models.JSONField(_("omvat"), default=list)

    class Meta:
        ordering = ["code"]
        verbose_name = _("mbo-certificaat")
        verbose_name_plural = _("mbo-certificaten")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class PriorEducation(models.Model):
    """A prior diploma outside the catalog (vooropleiding), for admission and equivalences."""

    code = models.CharField(_("code"), max_length=64, unique=True)
    name = models.CharField(_("naam"), max_length=300)
    admits_level = models.PositiveSmallIntegerField(_("geeft toegang tot niveau"))
    sources = models.JSONField(_("bronnen"), default=list, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("vooropleiding")
        verbose_name_plural = _("vooropleidingen")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(admits_level__gte=0, admits_level__lte=4),
                name="prior_education_level_0_4",
                violation_error_message=_("Een vooropleiding geeft toegang tot niveau 0 tot 4."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Prerequisite(models.Model):
    """By code, not by key: either side may be a unit or a werkproces (Outcome)."""

    unit_code = models.CharField(_("eenheid of werkproces"), max_length=PLANNED_CODE_LENGTH)
    requires_code = models.CharField(_("vereist"), max_length=PLANNED_CODE_LENGTH)
    reason = models.TextField(_("reden"), blank=True)
    source = models.TextField(_("bron"), blank=True)

    class Meta:
        verbose_name = _("voorwaarde")
        verbose_name_plural = _("voorwaarden")
        constraints = [
            models.UniqueConstraint(
                fields=["unit_code", "requires_code"], name="prerequisite_once"
            ),
            models.CheckConstraint(
                condition=~models.Q(unit_code=models.F("requires_code")),
                name="prerequisite_not_self",
                violation_error_message=_("Een eenheid of werkproces vereist niet zichzelf."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit_code} na {self.requires_code}"


class Equivalence(models.Model):
    source_code = models.CharField(_("bron-code"), max_length=64)
    source_name = models.CharField(_("naam"), max_length=300, blank=True)
    counts_for = models.JSONField(_("telt voor"), default=list)
    note = models.TextField(_("toelichting"), blank=True)
    provisional = models.BooleanField(_("voorlopig"), default=False)
    sources = models.JSONField(_("bronnen"), default=list, blank=True)
    confidence = models.TextField(_("betrouwbaarheid"), blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "source_code"]
        verbose_name = _("gelijkwaardigheid")
        verbose_name_plural = _("gelijkwaardigheden")


class CatalogMeta(models.Model):
    key = models.CharField(max_length=100, unique=True)
    value = models.TextField(blank=True)
