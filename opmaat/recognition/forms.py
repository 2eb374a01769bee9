"""Forms of the intake and the EVC procedure: posted text to typed values, errors next to
the field."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from opmaat.accounts.models import Organisation
from opmaat.catalog.cache import current_catalog
from opmaat.domain.access import OrganisationKind
from opmaat.domain.catalog import UnitKind
from opmaat.domain.recognition.assessment import (
    EvidenceKind,
    Judgement,
    SessionKind,
    assessable_units,
    unit_werkprocessen,
)
from opmaat.learners.forms import RouteForm
from opmaat.recognition.models import (
    EVIDENCE_LABELS,
    JUDGEMENT_LABELS,
    SESSION_LABELS,
    Evidence,
)
from opmaat.recognition.uploads import ALLOWED_LABEL
from opmaat.ui import labels
from opmaat.ui.widgets import DateInput


def werkproces_choices(units: Sequence[str]) -> list[tuple[str, list[tuple[str, str]]]]:
    """Werkprocessen grouped per unit, each once (two exam units may examine the same one),
    for a select or checkboxes."""
    catalog = current_catalog()
    seen: set[str] = set()
    groups = []
    for u in units:
        codes = [w for w in unit_werkprocessen(catalog, u) if w not in seen]
        seen.update(codes)
        groups.append(
            (f"{u} {catalog.name_of(u)}", [(w, f"{w} {catalog.name_of(w)}") for w in codes])
        )
    return groups


class IntakeForm(RouteForm):
    """The intake interview: the route's settings and the learner's week as the composer
    asks them (pathway, contract hours, study hours, subjects to take as an exam only), plus
    what the advisor heard."""

    goal = forms.CharField(
        label=_("Doel van de deelnemer"), widget=forms.Textarea(attrs={"rows": 2})
    )
    work_setting = forms.CharField(
        label=_("Werksituatie"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    employer = forms.ModelChoiceField(
        label=_("Werkgever"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("geen werkgever"),
    )
    motivation = forms.CharField(
        label=_("Motivatie en talenten"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    support_needs = forms.CharField(
        label=_("Ondersteuningsbehoefte"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    evc_units = forms.MultipleChoiceField(
        label=_("Eenheden om via EVC te laten erkennen"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Eenheden van het doel (examenonderdelen of kerntaken) die nog op de route staan; "
            "de vrijstellingsscan helpt kiezen. Ander doel gekozen? Sla eerst op, dan "
            "verschijnen de eenheden ervan."
        ),
    )
    field_order = [
        "goal",
        "target",
        "start",
        "pathway",
        "work_hours_per_week",
        "hours_per_week",
        "pace",
        "exam_only",
        "work_setting",
        "employer",
        "motivation",
        "support_needs",
        "evc_units",
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["note"]
        employer = self.fields["employer"]
        assert isinstance(employer, forms.ModelChoiceField)
        employer.queryset = Organisation.objects.filter(kind=OrganisationKind.CARE.value)
        if not employer.queryset.exists():  # nothing to choose: no field
            del self.fields["employer"]
        target = self.data.get("target") or self.initial.get("target")
        for name, choices in (
            ("evc_units", unit_choices(target)),
            ("exam_only", generic_choices(target)),
        ):
            field = self.fields[name]
            assert isinstance(field, forms.MultipleChoiceField)
            field.choices = choices


def unit_choices(target: object) -> list[tuple[str, str]]:
    """The units of `target`'s default cut (a crebo: its exam units or kerntaken) that have
    werkprocessen to assess, each with how many; every such vocational unit in the catalog
    when the target is not a known qualification."""
    catalog = current_catalog()
    qualification = catalog.qualifications.get(str(target or ""))
    codes = qualification.units if qualification else tuple(catalog.units)
    units = [catalog.units[c] for c in codes if c in catalog.units]
    return [
        (u.code, unit_label(u.code, u.title, len(u.outcomes), u.hours))
        for u in units
        if u.kind == UnitKind.VOCATIONAL and u.outcomes
    ]


def unit_label(code: str, title: str, werkprocessen: int, hours: float) -> str:
    count = ngettext("%(n)d werkproces", "%(n)d werkprocessen", werkprocessen) % {
        "n": werkprocessen
    }
    return _("%(code)s %(title)s (%(count)s, %(hours)s uur)") % {
        "code": code,
        "title": title,
        "count": count,
        "hours": f"{hours:.0f}",
    }


def generic_choices(target: object) -> list[tuple[str, str]]:
    """The generic subjects of `target` (a crebo); every generic subject otherwise."""
    catalog = current_catalog()
    qualification = catalog.qualifications.get(str(target or ""))
    codes = (
        qualification.generic.unit_codes()
        if qualification
        else tuple(u.code for u in catalog.generic_units())
    )
    return [(c, f"{c} {catalog.name_of(c)}") for c in codes if c in catalog.units]


class StartProcedureForm(forms.Form):
    provider = forms.ModelChoiceField(
        label=_("EVC-aanbieder"),
        queryset=Organisation.objects.filter(kind=OrganisationKind.EVC_PROVIDER.value),
        empty_label=None,
    )
    standard = forms.ChoiceField(label=_("Standaard (kwalificatie)"))
    units = forms.MultipleChoiceField(
        label=_("Eenheden in het traject"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Examenonderdelen of kerntaken van de kwalificatie, elk met zijn werkprocessen. "
            "Niets aangevinkt: alle eenheden."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        catalog = current_catalog()
        standard = self.fields["standard"]
        assert isinstance(standard, forms.ChoiceField)
        # EVC judges against a current qualification, on the units of its default cut.
        standard.choices = [
            (q.crebo, labels.qualification_label(q))
            for q in labels.current_qualifications(catalog)
            if assessable_units(catalog, q)
        ]
        units = self.fields["units"]
        assert isinstance(units, forms.MultipleChoiceField)
        units.choices = unit_choices(self.data.get("standard") or self.initial.get("standard"))


class BasedOnForm(forms.Form):
    """A form that changes a procedure: it carries the version of the procedure the person
    saw (hidden), which the service compares under the lock (services.check_version)."""

    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)


class MoveForm(BasedOnForm):
    target = forms.CharField(max_length=16)
    note = forms.CharField(label=_("Toelichting"), required=False, max_length=2000)


class EvidenceForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Soort bewijs"), choices=[(k.value, EVIDENCE_LABELS[k]) for k in EvidenceKind]
    )
    title = forms.CharField(label=_("Titel"), max_length=200)
    outcomes = forms.MultipleChoiceField(
        label=_("Toont aan (werkprocessen)"), widget=forms.CheckboxSelectMultiple
    )
    file = forms.FileField(
        label=_("Bestand"),
        required=False,
        help_text=_("%(types)s, hoogstens %(mb)s MB.")
        % {"types": ALLOWED_LABEL, "mb": settings.UPLOAD_MAX_BYTES // 2**20},
    )
    text = forms.CharField(
        label=_("Of beschrijf het bewijs"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, units: Sequence[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        outcomes = self.fields["outcomes"]
        assert isinstance(outcomes, forms.MultipleChoiceField)
        outcomes.choices = werkproces_choices(units)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("file") and not str(data.get("text", "")).strip():
            self.add_error("file", _("Voeg een bestand toe of beschrijf het bewijs."))
        return data


class JudgementForm(BasedOnForm):
    outcome = forms.ChoiceField(label=_("Werkproces"))
    result = forms.ChoiceField(
        label=_("Oordeel"), choices=[(j.value, JUDGEMENT_LABELS[j]) for j in Judgement]
    )
    rationale = forms.CharField(label=_("Onderbouwing"), widget=forms.Textarea(attrs={"rows": 2}))
    evidence: forms.ModelMultipleChoiceField[Evidence] = forms.ModelMultipleChoiceField(
        label=_("Op grond van"),
        queryset=Evidence.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(
        self, *args: Any, units: Sequence[str], evidence: QuerySet[Evidence], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        outcome = self.fields["outcome"]
        assert isinstance(outcome, forms.ChoiceField)
        outcome.choices = werkproces_choices(units)
        cited = self.fields["evidence"]
        assert isinstance(cited, forms.ModelMultipleChoiceField)
        cited.queryset = evidence


class SessionForm(BasedOnForm):
    kind = forms.ChoiceField(
        label=_("Soort"), choices=[(k.value, SESSION_LABELS[k]) for k in SessionKind]
    )
    held_on = forms.DateField(label=_("Datum"), widget=DateInput())
    outcomes = forms.MultipleChoiceField(
        label=_("Werkprocessen"), widget=forms.CheckboxSelectMultiple
    )
    notes = forms.CharField(label=_("Verslag"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, units: Sequence[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        outcomes = self.fields["outcomes"]
        assert isinstance(outcomes, forms.MultipleChoiceField)
        outcomes.choices = werkproces_choices(units)
        self.fields["held_on"].initial = timezone.localdate()


class DecisionForm(BasedOnForm):
    units = forms.MultipleChoiceField(
        label=_("Vrijstelling voor eenheden"), required=False, widget=forms.CheckboxSelectMultiple
    )
    outcomes = forms.MultipleChoiceField(
        label=_("Vrijstelling voor losse werkprocessen"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    rationale = forms.CharField(label=_("Motivering"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(
        self, *args: Any, units: Sequence[str], outcomes: Sequence[str], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        catalog = current_catalog()
        for name, codes in (("units", units), ("outcomes", outcomes)):
            field = self.fields[name]
            assert isinstance(field, forms.MultipleChoiceField)
            field.choices = [(c, f"{c} {catalog.name_of(c)}") for c in codes]
            field.initial = list(codes)
