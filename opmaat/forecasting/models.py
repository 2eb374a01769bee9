"""A region's planning data: the figures and rates it plans with, its saved scenarios, its
baselines (nulmetingen) and the actuals recorded later.

Only aggregates: a figure counts people in a region, organisation, qualification and year,
never names one. Who entered a row is kept as the name shown at the time (staff only; no
reference to an account, so erasing an account leaves nothing of it here). Rules live in
opmaat.domain.forecasting; services.py is the only writer.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from opmaat.accounts.models import Organisation
from opmaat.domain.forecasting.model import Distribution


class Measure(models.TextChoices):
    """What a figure counts. `part` says which piece: an age band (workforce), a route
    (starts), a route and study year (students, "BOL-2")."""

    WORKFORCE = "workforce", _("werkzame personen (aantal)")
    FTE = "fte", _("werkzame personen (fte)")
    DEMAND = "demand", _("vraag (benodigde personen)")
    DEMAND_GROWTH = "demand_growth", _("groei van de vraag per jaar")
    STARTS = "starts", _("instroom in opleiding per route")
    STUDENTS = "students", _("studenten per route en leerjaar")
    CAPACITY = "capacity", _("stage- en BBL-plaatsen per jaar")
    ENROLLED = "enrolled", _("ingeschreven studenten (DUO, alle routes en leerjaren)")
    EMPLOYEES = "employees", _("werknemers (CBS)")


class Figure(models.Model):
    """One input figure: region (or one of its member organisations) × qualification ×
    year × measure × part, with its source or the label that it is invented.

    A censored count (DUO publishes counts under 5 as 4 with INDICATIEAVG=J) has no `value`
    but the interval `low`–`high` (1–4), so that it is never taken as exactly 4."""

    region = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="planning_figures"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisatie"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="own_planning_figures",
    )
    area = models.CharField(
        _("arbeidsmarktregio"),
        max_length=60,
        blank=True,
        help_text=_("Leeg: de eigen regio. Anders een RegioPlus-regio (CBS), om te vergelijken."),
    )
    qualification = models.CharField(_("kwalificatie of functie"), max_length=80)
    year = models.PositiveSmallIntegerField(_("jaar"))
    measure = models.CharField(_("grootheid"), max_length=20, choices=Measure.choices)
    part = models.CharField(_("deel"), max_length=20, blank=True)
    value = models.FloatField(_("waarde"), null=True, blank=True)
    low = models.FloatField(_("ondergrens"), null=True, blank=True)
    high = models.FloatField(_("bovengrens"), null=True, blank=True)
    source = models.CharField(_("bron"), max_length=300, blank=True)
    invented = models.BooleanField(_("verzonnen (demo)"), default=False)
    entered_by = models.CharField(_("ingevoerd door"), max_length=200, blank=True)
    entered_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["qualification", "year", "measure", "part"]
        verbose_name = _("planningscijfer")
        verbose_name_plural = _("planningscijfers")
        constraints = [
            models.UniqueConstraint(
                fields=["region", "area", "qualification", "year", "measure", "part"],
                condition=Q(organisation__isnull=True),
                name="planning_figure_region_unique",
            ),
            models.UniqueConstraint(
                fields=["region", "organisation", "qualification", "year", "measure", "part"],
                condition=Q(organisation__isnull=False),
                name="planning_figure_organisation_unique",
            ),
            models.CheckConstraint(
                condition=Q(value__isnull=False) | (Q(low__isnull=False) & Q(high__isnull=False)),
                name="planning_figure_value_or_interval",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.qualification} {self.year} {self.measure} {self.part}"


class Rate(models.Model):
    """A yearly rate of a region × qualification (a share between 0 and 1) with the
    uncertainty the Monte Carlo draws from. `name` is the domain's (docs/planning.md):
    `retirement.55+`, `leaving.15-34`, `dropout_first.BOL`, `dropout_later.BBL`,
    `bol_bbl_switch`, `upskilling.<target qualification>`."""

    region = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="planning_rates"
    )
    qualification = models.CharField(_("kwalificatie of functie"), max_length=80)
    name = models.CharField(_("kengetal"), max_length=100)
    central = models.FloatField(_("waarde"))
    low = models.FloatField(_("laag"), null=True, blank=True)
    high = models.FloatField(_("hoog"), null=True, blank=True)
    distribution = models.CharField(
        _("verdeling"),
        max_length=12,
        choices=[(d.value, d.value) for d in Distribution],
        default=Distribution.FIXED.value,
    )
    source = models.CharField(_("bron"), max_length=300, blank=True)
    invented = models.BooleanField(_("verzonnen (demo)"), default=False)

    class Meta:
        ordering = ["qualification", "name"]
        verbose_name = _("kengetal")
        verbose_name_plural = _("kengetallen")
        constraints = [
            models.UniqueConstraint(
                fields=["region", "qualification", "name"], name="planning_rate_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.qualification} {self.name}"


class Scenario(models.Model):
    """A named, saved set of levers (opmaat.domain.forecasting.model.Lever → value)."""

    region = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="planning_scenarios"
    )
    name = models.CharField(_("naam"), max_length=120)
    levers = models.JSONField(default=dict)
    qualification = models.CharField(
        _("alleen voor kwalificatie"),
        max_length=80,
        blank=True,
        help_text=_("Leeg: voor alle kwalificaties van de regio."),
    )
    from_year = models.PositiveSmallIntegerField(_("vanaf jaar"), null=True, blank=True)
    note = models.TextField(_("toelichting"), blank=True)
    created_by = models.CharField(_("gemaakt door"), max_length=200, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("scenario")
        verbose_name_plural = _("scenario's")
        constraints = [
            models.UniqueConstraint(fields=["region", "name"], name="planning_scenario_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Baseline(models.Model):
    """A nulmeting: a frozen copy of the inputs and the projection of one moment, kept
    unchanged so that targets can be monitored and the model back-tested against it."""

    region = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="planning_baselines"
    )
    name = models.CharField(_("naam"), max_length=120)
    base_year = models.PositiveSmallIntegerField(_("basisjaar"))
    inputs = models.JSONField()
    projection = models.JSONField()
    recorded_by_name = models.CharField(max_length=200, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-recorded_at", "-id"]
        verbose_name = _("nulmeting")
        verbose_name_plural = _("nulmetingen")

    def __str__(self) -> str:
        return self.name


class ActualMeasure(models.TextChoices):
    WORKFORCE = "workforce", _("werkzame personen (aantal)")
    STARTS = "starts", _("instroom in opleiding")


class Actual(models.Model):
    """What happened, recorded as it comes in: the workforce or the training starts of a
    route in a year, against which baselines are monitored and back-tested."""

    region = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="planning_actuals"
    )
    qualification = models.CharField(_("kwalificatie of functie"), max_length=80)
    year = models.PositiveSmallIntegerField(_("jaar"))
    measure = models.CharField(_("grootheid"), max_length=20, choices=ActualMeasure.choices)
    part = models.CharField(_("route"), max_length=20, blank=True)
    value = models.FloatField(_("waarde"))
    source = models.CharField(_("bron"), max_length=300, blank=True)
    entered_by = models.CharField(_("ingevoerd door"), max_length=200, blank=True)
    entered_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["qualification", "year", "measure", "part"]
        verbose_name = _("realisatie")
        verbose_name_plural = _("realisaties")
        constraints = [
            models.UniqueConstraint(
                fields=["region", "qualification", "year", "measure", "part"],
                name="planning_actual_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.qualification} {self.year} {self.measure}"


class Grouping(models.Model):
    """A region's own grouping of RegioPlus labour-market regions (e.g. a province), whose
    CBS figures are summed for comparison."""

    region = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="planning_groupings"
    )
    name = models.CharField(_("naam"), max_length=120)
    areas = models.JSONField(_("arbeidsmarktregio's"), default=list)

    class Meta:
        ordering = ["name"]
        verbose_name = _("groepering")
        verbose_name_plural = _("groeperingen")
        constraints = [
            models.UniqueConstraint(fields=["region", "name"], name="planning_grouping_unique")
        ]

    def __str__(self) -> str:
        return self.name
