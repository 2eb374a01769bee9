"""The learner's record and route forms: posted text into typed values, errors next to
the field."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opmaat.accounts.models import Organisation
from opmaat.catalog.cache import current_catalog
from opmaat.domain.errors import DomainError
from opmaat.domain.routes import (
    MAX_HOURS_PER_WEEK,
    Leerweg,
    Pace,
    RouteRequest,
    StudyTime,
    check_request,
    study_time,
)
from opmaat.learners import auditlog
from opmaat.learners.models import LEERWEG_LABELS, PACE_LABELS, Enrolment, Holding, Learner
from opmaat.learners.services import holding_options
from opmaat.ui import labels
from opmaat.ui.errors import add_error, explain
from opmaat.ui.pickers import CodePickerField
from opmaat.ui.widgets import TEXT_MAX_LENGTH, DateInput


class LearnerForm(forms.ModelForm[Learner]):
    class Meta:
        model = Learner
        fields = ["name", "email", "date_of_birth", "background", "elective_hours_done"]
        widgets = {"date_of_birth": DateInput(), "background": forms.Textarea(attrs={"rows": 3})}


class NewLearnerForm(LearnerForm):
    organisation = forms.ModelChoiceField(
        label=_("Organisatie"), queryset=Organisation.objects.none(), empty_label=None
    )
    relation = forms.ChoiceField(label=_("Relatie"), choices=Enrolment.Relation.choices)

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = organisations


class HoldingForm(forms.Form):
    code = CodePickerField(
        label=_("Code of naam"),
        help_text=_(
            "Typ een deel van de code of de naam en kies: een diploma (crebo), certificaat, "
            "leereenheid of werkproces. Wat bij het doel van de route hoort, staat bovenaan."
        ),
    )
    kind = forms.ChoiceField(label=_("Soort"), choices=Holding.Kind.choices)
    evidence = forms.CharField(
        label=_("Bewijs"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(
        self, *args: Any, learner: Learner, target: str | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["code"]
        assert isinstance(field, CodePickerField)
        field.options = holding_options(learner, target)

    def clean_code(self) -> str:
        try:
            return current_catalog().resolve(self.cleaned_data["code"])
        except DomainError as error:
            raise forms.ValidationError(explain(error)) from None


def target_choices() -> labels.Groups:
    """What a route may be offered towards, each on one line with its level, crebo and
    whether it is provisional (opmaat.ui.labels); superseded qualifications are no target
    (issue #12)."""
    return labels.target_choices(current_catalog())


def generic_choices() -> list[tuple[str, str]]:
    return [(u.code, u.title) for u in current_catalog().generic_units()]


class WeekFields(forms.Form):
    """A person's week: pathway, contract hours (BBL) and study hours."""

    pathway = forms.ChoiceField(
        label=_("Leerweg"), choices=[(w.value, LEERWEG_LABELS[w]) for w in Leerweg]
    )
    work_hours_per_week = forms.FloatField(
        label=_("Werkuren per week"),
        min_value=0,
        max_value=MAX_HOURS_PER_WEEK,
        required=False,
        help_text=_("BBL: de contracturen bij het leerbedrijf; die tellen als studielast."),
    )
    hours_per_week = forms.FloatField(
        label=_("Studie-uren per week"),
        min_value=0,
        max_value=MAX_HOURS_PER_WEEK,
        required=False,
        help_text=_(
            "BOL: de hele lesweek (standaard 40); BBL: zelfstudie (standaard 8); derde "
            "leerweg: uw eigen tempo (standaard 20)."
        ),
    )


class RouteForm(WeekFields):
    target = forms.ChoiceField(label=_("Doel"))
    start = forms.DateField(label=_("Startdatum"), widget=DateInput())
    exam_only = forms.MultipleChoiceField(
        label=_("Alleen examen"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Generieke vakken die de deelnemer al beheerst: alleen het examen."),
    )
    pace = forms.ChoiceField(
        label=_("Tempo"),
        choices=[(p.value, PACE_LABELS[p]) for p in Pace],
        initial=Pace.NORMAL.value,
    )
    note = forms.CharField(
        label=_("Toelichting"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    field_order = [
        "target", "start", "pathway", "work_hours_per_week", "hours_per_week", "exam_only",
        "pace", "note",
    ]  # fmt: skip

    def __init__(self, *args: Any, saving: bool = True, **kwargs: Any) -> None:
        """`saving`: the form saves a route; without it (trying routes out) it has no note."""
        super().__init__(*args, **kwargs)
        if not saving:
            del self.fields["note"]
        target = self.fields["target"]
        exam_only = self.fields["exam_only"]
        assert isinstance(target, forms.ChoiceField)
        assert isinstance(exam_only, forms.MultipleChoiceField)
        target.choices = target_choices()
        exam_only.choices = generic_choices()
        self.fields["start"].initial = timezone.localdate()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        try:
            data["request"] = check_request(current_catalog(), self.route_request(data))
        except DomainError as error:
            add_error(self, error, WEEK_FIELDS)
        return data

    @staticmethod
    def route_request(data: dict[str, Any]) -> RouteRequest:
        return RouteRequest(
            target=data["target"],
            start=data["start"],
            hours_per_week=data.get("hours_per_week"),
            pathway=Leerweg(data["pathway"]),
            pace=Pace(data["pace"]),
            work_hours_per_week=data.get("work_hours_per_week"),
            exam_only=tuple(data.get("exam_only") or ()),
        )


# The domain's name of a week's input (DomainError.field) to the form's field.
WEEK_FIELDS = {
    "study_hours": "hours_per_week",
    "school_hours": "hours_per_week",
    "work_hours": "work_hours_per_week",
}


class ReachForm(WeekFields):
    months = forms.IntegerField(
        label=_("Binnen hoeveel maanden"), min_value=1, max_value=120, initial=12
    )
    field_order = ["months", "pathway", "work_hours_per_week", "hours_per_week"]

    def study_time(self) -> StudyTime:
        data = self.cleaned_data
        return study_time(
            Leerweg(data["pathway"]), data.get("hours_per_week"), data.get("work_hours_per_week")
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors:
            try:
                self.study_time()
            except DomainError as error:
                add_error(self, error, WEEK_FIELDS)
        return data


class ErasureForm(forms.Form):
    reason = forms.CharField(
        label=_("Toelichting (niet verplicht)"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class AuditFilterForm(forms.Form):
    """The log's filters: one kind of change, from and to a day; all optional."""

    action = forms.ChoiceField(label=_("Soort wijziging"), required=False)
    since = forms.DateField(label=_("Vanaf"), required=False, widget=DateInput())
    until = forms.DateField(label=_("Tot en met"), required=False, widget=DateInput())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["action"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", _("Alle wijzigingen")), *auditlog.kinds()]
