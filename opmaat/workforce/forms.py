"""The workforce pages' forms: they parse and validate input; the services decide."""

from __future__ import annotations

from collections.abc import Sequence

from django import forms
from django.utils.translation import gettext_lazy as _

from opmaat.ui.widgets import DateInput
from opmaat.workforce.models import EVIDENCE_CHOICES, Act


class DayForm(forms.Form):
    dag = forms.DateField(label=_("Dag"), required=False, widget=DateInput())


class AuthorisationForm(forms.Form):
    act = forms.ModelChoiceField(label=_("Handeling"), queryset=Act.objects.none())
    granted_on = forms.DateField(label=_("Verleend op"), widget=DateInput())
    valid_until = forms.DateField(
        label=_("Geldig tot"),
        required=False,
        widget=DateInput(),
        help_text=_("Leeg: de geldigheid die de organisatie voor de handeling vastlegde."),
    )
    evidence = forms.ChoiceField(label=_("Op grond van"), choices=EVIDENCE_CHOICES)
    note = forms.CharField(
        label=_("Toelichting (welke toets, wie beoordeelde)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: object, organisation: int, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]  # Form's own signature
        field = self.fields["act"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Act.objects.filter(organisation_id=organisation)


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("accept", _("Aanvaarden")), ("decline", _("Afwijzen"))])
    note = forms.CharField(label=_("Toelichting"), required=False, max_length=500)


class CarvingForm(forms.Form):
    source = forms.ChoiceField(label=_("Uit functie"))
    tasks = forms.MultipleChoiceField(
        label=_("Taken voor de nieuwe functie"), widget=forms.CheckboxSelectMultiple
    )
    code = forms.SlugField(label=_("Code van de nieuwe functie"), max_length=40)
    name = forms.CharField(label=_("Naam van de nieuwe functie"), max_length=200)

    def __init__(
        self,
        *args: object,
        functions: Sequence[tuple[str, str]],
        tasks: Sequence[tuple[str, str]],
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]  # Form's own signature
        source = self.fields["source"]
        chosen = self.fields["tasks"]
        assert isinstance(source, forms.ChoiceField)
        assert isinstance(chosen, forms.MultipleChoiceField)
        source.choices = list(functions)
        chosen.choices = list(tasks)


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Bestand (CSV of XLSX)"))
