"""Forms: they turn posted text into typed values and put errors next to the field."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opmaat.accounts.models import Organisation
from opmaat.catalog.cache import current_catalog
from opmaat.domain.errors import DomainError
from opmaat.domain.routes import Leerweg, Pace, RouteRequest, check_request
from opmaat.learners.models import LEERWEG_LABELS, PACE_LABELS, Enrolment, Holding, Learner


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


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
    code = forms.CharField(
        label=_("Code"),
        max_length=64,
        help_text=_("Crebo, code van een leereenheid, certificaat of leerresultaat."),
    )
    kind = forms.ChoiceField(label=_("Soort"), choices=Holding.Kind.choices)
    evidence = forms.CharField(
        label=_("Bewijs"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean_code(self) -> str:
        try:
            return current_catalog().resolve(self.cleaned_data["code"].strip())
        except DomainError as error:
            raise forms.ValidationError(str(error)) from None


class RouteForm(forms.Form):
    target = forms.ChoiceField(label=_("Doel"))
    start = forms.DateField(label=_("Startdatum"), widget=DateInput())
    hours_per_week = forms.FloatField(
        label=_("Uren per week"), min_value=1, max_value=60, initial=20
    )
    pathway = forms.ChoiceField(
        label=_("Leerweg"), choices=[(w.value, LEERWEG_LABELS[w]) for w in Leerweg]
    )
    pace = forms.ChoiceField(
        label=_("Tempo"),
        choices=[(p.value, PACE_LABELS[p]) for p in Pace],
        initial=Pace.NORMAL.value,
    )
    note = forms.CharField(
        label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        catalog = current_catalog()
        qualifications = [
            (q.code, f"{q.name} (niveau {q.level}, {q.code})")
            for q in sorted(catalog.qualifications.values(), key=lambda q: (q.level, q.name))
        ]
        certificates = [(c.code, c.name) for c in catalog.certificates.values()]
        field = self.fields["target"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [
            (_("Kwalificaties"), qualifications),
            (_("Certificaten"), certificates),
        ]
        self.fields["start"].initial = timezone.localdate()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        try:
            data["request"] = check_request(current_catalog(), self.route_request(data))
        except DomainError as error:
            field = "pathway" if getattr(error, "code", "") == "invalid_pathway" else None
            self.add_error(field, str(error))
        return data

    @staticmethod
    def route_request(data: dict[str, Any]) -> RouteRequest:
        return RouteRequest(
            target=data["target"],
            start=data["start"],
            hours_per_week=data["hours_per_week"],
            pathway=Leerweg(data["pathway"]),
            pace=Pace(data["pace"]),
        )


class ReachForm(forms.Form):
    months = forms.IntegerField(
        label=_("Binnen hoeveel maanden"), min_value=1, max_value=120, initial=12
    )
    hours_per_week = forms.FloatField(
        label=_("Uren per week"), min_value=1, max_value=60, initial=20
    )


class ErasureForm(forms.Form):
    reason = forms.CharField(
        label=_("Toelichting (niet verplicht)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    confirm = forms.BooleanField(label=_("Ja, ik wil dat mijn gegevens worden gewist"))
