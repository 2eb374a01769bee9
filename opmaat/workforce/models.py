"""Tables of the workforce app: a care organisation's functiehuis (acts, tasks, functions,
the rules for heavier and deepening units), its teams and staff, authorisations per act
(bekwaamheidsverklaringen), shift needs, the imported roster, proposals and the audit trail.

Rules live in opmaat.domain.workforce; opmaat.workforce.services is the only writer, so
every authorisation and every decision on a proposal is audited. The functiehuis keeps
catalog codes and its own codes as lists (the domain's `Functiehuis` checks that they
resolve before anything is saved), so import and export are row-for-row.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from opmaat.accounts.models import Organisation
from opmaat.learners.models import Learner

EVIDENCE_CHOICES = [
    ("test", _("Toets (theorie en praktijk)")),
    ("entrustment", _("Toevertrouwd na beoordeling")),
    ("certificate", _("Certificaat of diploma")),
]
CONSEQUENCE_CHOICES = [
    ("new_function", _("Nieuwe functie")),
    ("temporary_function", _("Tijdelijke functie")),
    ("periodiek", _("Extra periodiek")),
]
EFFECT_CHOICES = [("heavier", _("Verzwarend")), ("deepening", _("Verdiepend"))]
WEEKDAY_CHOICES = [
    (0, _("maandag")),
    (1, _("dinsdag")),
    (2, _("woensdag")),
    (3, _("donderdag")),
    (4, _("vrijdag")),
    (5, _("zaterdag")),
    (6, _("zondag")),
]


class Act(models.Model):
    """A reserved act of Wet BIG art. 36 or a risky act the organisation lists."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="acts")
    code = models.CharField(_("code"), max_length=40)
    name = models.CharField(_("naam"), max_length=200)
    reserved = models.BooleanField(_("voorbehouden handeling (Wet BIG)"), default=False)
    validity_months = models.PositiveSmallIntegerField(
        _("geldigheid (maanden)"), null=True, blank=True
    )
    source = models.CharField(_("bron"), max_length=300, blank=True)

    class Meta:
        ordering = ["organisation", "code"]
        verbose_name = _("handeling")
        verbose_name_plural = _("handelingen")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "code"], name="workforce_act_code")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Task(models.Model):
    """A task of the organisation's task library: the werkprocessen it needs, the lowest
    supervision level at which someone does it alone, and the acts it involves."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="tasks")
    code = models.CharField(_("code"), max_length=40)
    name = models.CharField(_("naam"), max_length=200)
    werkprocessen = models.JSONField(_("werkprocessen"), default=list, blank=True)
    min_level = models.PositiveSmallIntegerField(
        _("zelfstandig vanaf niveau"),
        default=4,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    acts = models.JSONField(_("handelingen"), default=list, blank=True)

    class Meta:
        ordering = ["organisation", "code"]
        verbose_name = _("taak")
        verbose_name_plural = _("taken")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "code"], name="workforce_task_code"),
            models.CheckConstraint(
                condition=models.Q(min_level__gte=1, min_level__lte=5),
                name="workforce_task_level_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class CareFunction(models.Model):
    """A function of the functiehuis: its FWG group under its CAO, what it requires (a
    qualification, or werkprocessen and units) and its tasks."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="care_functions"
    )
    code = models.CharField(_("code"), max_length=40)
    name = models.CharField(_("naam"), max_length=200)
    cao = models.CharField(_("cao"), max_length=80)
    fwg_group = models.PositiveSmallIntegerField(_("FWG-functiegroep"))
    fwg_source = models.CharField(_("bron functiegroep"), max_length=300, blank=True)
    qualification = models.CharField(_("vereiste kwalificatie"), max_length=20, blank=True)
    werkprocessen = models.JSONField(_("vereiste werkprocessen"), default=list, blank=True)
    units = models.JSONField(_("vereiste leereenheden"), default=list, blank=True)
    tasks = models.JSONField(_("taken"), default=list, blank=True)
    temporary = models.BooleanField(_("tijdelijke functie"), default=False)
    draft = models.BooleanField(_("concept"), default=False)

    class Meta:
        ordering = ["organisation", "fwg_group", "name"]
        verbose_name = _("functie")
        verbose_name_plural = _("functies")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "code"], name="workforce_function_code")
        ]

    def __str__(self) -> str:
        return self.name


class EffectRule(models.Model):
    """What follows, in this organisation, from completing a heavier or deepening unit."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="effect_rules"
    )
    effect = models.CharField(_("soort leereenheid"), max_length=12, choices=EFFECT_CHOICES)
    consequence = models.CharField(_("gevolg"), max_length=20, choices=CONSEQUENCE_CHOICES)
    steps = models.PositiveSmallIntegerField(_("periodieken"), default=1)
    function = models.CharField(_("voorgestelde functie"), max_length=40, blank=True)
    from_function = models.CharField(_("geldt voor functie"), max_length=40, blank=True)

    class Meta:
        ordering = ["organisation", "effect"]
        verbose_name = _("regel voor verzwarende of verdiepende leereenheden")
        verbose_name_plural = _("regels voor verzwarende of verdiepende leereenheden")


class UnitEffect(models.Model):
    """That the organisation counts a unit as heavier or deepening, over the catalog's own
    flag."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="unit_effects"
    )
    unit = models.CharField(_("leereenheid"), max_length=64)
    effect = models.CharField(_("soort leereenheid"), max_length=12, choices=EFFECT_CHOICES)

    class Meta:
        verbose_name = _("verzwarende of verdiepende leereenheid")
        verbose_name_plural = _("verzwarende of verdiepende leereenheden")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "unit"], name="workforce_unit_effect")
        ]


class Team(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="teams")
    name = models.CharField(_("naam"), max_length=200)
    location = models.CharField(_("locatie"), max_length=200, blank=True)
    leader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_teams",
        verbose_name=_("teamleider"),
    )

    class Meta:
        ordering = ["organisation", "name"]
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="workforce_team_name")
        ]

    def __str__(self) -> str:
        return self.name


class Employee(models.Model):
    """A member of staff: the organisation's own personnel data. What comes from school
    (a linked learner record) is in `EmployeeLink`, and flows only with consent."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="employees"
    )
    personnel_number = models.CharField(_("personeelsnummer"), max_length=40)
    name = models.CharField(_("naam"), max_length=200)
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.SET_NULL, related_name="employees"
    )
    function = models.CharField(_("functie"), max_length=40, blank=True)
    contract_hours = models.FloatField(_("contracturen per week"), default=0)
    start_date = models.DateField(_("in dienst sinds"), null=True, blank=True)
    # Diplomas and certificates the organisation has seen itself (a copy in the personnel
    # file): its own data, needing no consent.
    diplomas = models.JSONField(_("diploma's en certificaten in het dossier"), default=list)

    class Meta:
        ordering = ["organisation", "name"]
        verbose_name = _("medewerker")
        verbose_name_plural = _("medewerkers")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "personnel_number"], name="workforce_employee_number"
            )
        ]

    def __str__(self) -> str:
        return self.name


class EmployeeLink(models.Model):
    """That an employee is the learner of a learner record. The one table of this app that
    refers to a learner (its privacy section): erasing the learner deletes the link, and
    the personnel record stays the employer's own."""

    employee = models.OneToOneField(Employee, on_delete=models.CASCADE, related_name="link")
    learner = models.OneToOneField(Learner, on_delete=models.CASCADE, related_name="employee_link")
    linked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("koppeling met deelnemer")
        verbose_name_plural = _("koppelingen met deelnemers")


class Signer(models.Model):
    """Someone the organisation designates to sign authorisations (bekwaamheidsverklaringen)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="signers")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="signer_for"
    )

    class Meta:
        verbose_name = _("aangewezen ondertekenaar")
        verbose_name_plural = _("aangewezen ondertekenaars")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="workforce_signer_once")
        ]


class Authorisation(models.Model):
    """A dated authorisation for one act (bekwaamheidsverklaring). Never edited: a renewal
    is a new row, a revocation sets `revoked_at`."""

    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="authorisations")
    act = models.ForeignKey(Act, on_delete=models.PROTECT, related_name="authorisations")
    granted_on = models.DateField(_("verleend op"))
    valid_until = models.DateField(_("geldig tot"), null=True, blank=True)
    evidence = models.CharField(_("grond"), max_length=12, choices=EVIDENCE_CHOICES)
    note = models.TextField(_("toelichting"), blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    signed_by_label = models.CharField(_("ondertekend door"), max_length=200)
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-granted_on", "-id"]
        verbose_name = _("bekwaamheidsverklaring")
        verbose_name_plural = _("bekwaamheidsverklaringen")


class ShiftNeed(models.Model):
    """How many people a team needs for a task in a time window on a weekday."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="needs")
    weekday = models.PositiveSmallIntegerField(_("weekdag"), choices=WEEKDAY_CHOICES)
    start = models.TimeField(_("van"))
    end = models.TimeField(_("tot"))
    task = models.CharField(_("taak"), max_length=40)
    count = models.PositiveSmallIntegerField(_("aantal"), default=1)

    class Meta:
        ordering = ["team", "weekday", "start", "task"]
        verbose_name = _("bezettingsbehoefte")
        verbose_name_plural = _("bezettingsbehoeften")


class RosterShift(models.Model):
    """A shift of the roster as the roster system exported it."""

    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="shifts")
    day = models.DateField(_("datum"))
    start = models.TimeField(_("van"))
    end = models.TimeField(_("tot"))
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="shifts")

    class Meta:
        ordering = ["day", "start", "employee"]
        verbose_name = _("dienst")
        verbose_name_plural = _("diensten")
        indexes = [models.Index(fields=["team", "day"], name="workforce_shift_team_day")]


class Proposal(models.Model):
    """What the organisation's rules propose after a heavier or deepening unit, and HR's
    decision on it."""

    class State(models.TextChoices):
        PENDING = "pending", _("Te beslissen")
        ACCEPTED = "accepted", _("Aanvaard")
        DECLINED = "declined", _("Afgewezen")

    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="proposals")
    unit = models.CharField(_("leereenheid"), max_length=64)
    effect = models.CharField(_("soort leereenheid"), max_length=12, choices=EFFECT_CHOICES)
    consequence = models.CharField(_("gevolg"), max_length=20, choices=CONSEQUENCE_CHOICES)
    steps = models.PositiveSmallIntegerField(_("periodieken"), default=0)
    function = models.CharField(_("functie"), max_length=40, blank=True)
    state = models.CharField(
        _("stand"), max_length=10, choices=State.choices, default=State.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("besloten op"), null=True, blank=True)
    note = models.TextField(_("toelichting"), blank=True)

    class Meta:
        ordering = ["state", "-id"]
        verbose_name = _("voorstel")
        verbose_name_plural = _("voorstellen")
        constraints = [
            models.UniqueConstraint(
                fields=["employee", "unit", "consequence"], name="workforce_proposal_once"
            )
        ]


class WorkforceEvent(models.Model):
    """Who did what with the organisation's staff data, when and on what evidence: every
    authorisation, revocation, proposal decision and import. Never edited or deleted."""

    at = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="workforce_events"
    )
    employee = models.ForeignKey(
        Employee, null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_label = models.CharField(_("door"), max_length=200)
    action = models.CharField(_("handeling"), max_length=40)
    summary = models.CharField(_("samenvatting"), max_length=300)
    changes = models.JSONField(_("gegevens"), default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("logboekregel personeel")
        verbose_name_plural = _("logboek personeel")
