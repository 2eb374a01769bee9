"""The planning pages' forms: a scenario's levers, a figure, an actual, a baseline, a file."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from django import forms
from django.utils.translation import gettext_lazy as _

from opmaat.domain.forecasting.model import ROUTES, Lever

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise
from opmaat.forecasting.models import ActualMeasure, Measure

ROUTE_LABELS = {
    "BOL": _("BOL"),
    "BBL": _("BBL"),
    "side_units": _("zij-instroom via leereenheden"),
    "side_evc": _("zij-instroom met EVC"),
    "returner": _("herintreders"),
}
ROUTE_CHOICES = [(r.value, ROUTE_LABELS[r.value]) for r in ROUTES]
# Each lever's field: label, help, and its range. The switch share is typed as a percentage.
LEVER_FIELDS: dict[Lever, tuple[StrPromise, StrPromise, float, float | None]] = {
    Lever.EXTRA_SIDE_UNITS: (
        _("Extra zij-instromers via leereenheden per jaar"), _("Aantal personen."), 0, None,
    ),
    Lever.EXTRA_SIDE_EVC: (
        _("Extra zij-instromers met EVC per jaar"), _("Aantal personen."), 0, None,
    ),
    Lever.BOL_BBL_SWITCH: (
        _("Overstap BOL → BBL na jaar 1 (%)"),
        _("Deel van de BOL-studenten dat na het eerste jaar in BBL verder gaat."), 0, 100,
    ),
    Lever.DROPOUT_FACTOR: (
        _("Uitval (factor)"), _("1 is ongewijzigd, 0,8 is 20 % minder uitval."), 0, 2,
    ),
    Lever.LEAVING_FACTOR: (
        _("Vertrek uit de sector (factor)"),
        _("1 is ongewijzigd, 0,9 is 10 % minder vertrek (beter behoud)."), 0, 2,
    ),
    Lever.UPSKILLING_FACTOR: (
        _("Opscholing (factor)"), _("1 is ongewijzigd, 1,5 is de helft meer doorstroom."), 0, 5,
    ),
    Lever.CAPACITY: (
        _("Stage- en BBL-plaatsen per jaar"),
        _("Bovengrens op de BOL- en BBL-instroom per jaar."), 0, None,
    ),
}  # fmt: skip
PERCENT_LEVERS = frozenset({Lever.BOL_BBL_SWITCH})


class ScenarioForm(forms.Form):
    name = forms.CharField(label=_("Naam"), max_length=120)
    qualification = forms.ChoiceField(label=_("Kwalificatie"), required=False)
    from_year = forms.IntegerField(
        label=_("Vanaf jaar"), required=False, min_value=2000, max_value=2100
    )
    note = forms.CharField(label=_("Toelichting"), required=False, widget=forms.Textarea)

    def __init__(
        self, qualifications: Sequence[tuple[str, str]], *args: object, **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]  # Form's own arguments
        self.fields["qualification"].choices = [("", _("Alle kwalificaties"))] + [  # type: ignore[attr-defined]  # a ChoiceField
            (code, f"{name} ({code})") for code, name in qualifications
        ]
        for lever, (label, help_text, low, high) in LEVER_FIELDS.items():
            self.fields[lever.value] = forms.FloatField(
                label=label, help_text=help_text, required=False, min_value=low, max_value=high
            )

    def levers(self) -> dict[Lever, float]:
        """The levers filled in, the percentage as a share."""
        chosen = {}
        for lever in LEVER_FIELDS:
            value = self.cleaned_data.get(lever.value)
            if value is not None:
                chosen[lever] = value / 100 if lever in PERCENT_LEVERS else value
        return chosen

    @staticmethod
    def initial_for(levers: dict[str, float]) -> dict[str, float]:
        return {
            k: v * 100 if Lever(k) in PERCENT_LEVERS else v
            for k, v in levers.items()
            if k in Lever.__members__.values()
        }


class BaselineForm(forms.Form):
    name = forms.CharField(label=_("Naam van de nulmeting"), max_length=120)


class ActualForm(forms.Form):
    qualification = forms.ChoiceField(label=_("Kwalificatie"))
    year = forms.IntegerField(label=_("Jaar"), min_value=2000, max_value=2100)
    measure = forms.ChoiceField(label=_("Wat"), choices=ActualMeasure.choices)
    part = forms.ChoiceField(
        label=_("Route (bij instroom)"), required=False, choices=[("", "—"), *ROUTE_CHOICES]
    )
    value = forms.FloatField(label=_("Aantal"), min_value=0)
    source = forms.CharField(label=_("Bron"), max_length=300, required=False)

    def __init__(
        self, qualifications: Sequence[tuple[str, str]], *args: object, **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]  # Form's own arguments
        self.fields["qualification"].choices = [(c, f"{n} ({c})") for c, n in qualifications]  # type: ignore[attr-defined]  # a ChoiceField

    def clean(self) -> dict[str, object] | None:
        data = super().clean()
        if data and data.get("measure") == ActualMeasure.STARTS and not data.get("part"):
            self.add_error("part", _("Kies de route van de instroom."))
        return data


class FigureForm(forms.Form):
    organisation = forms.ChoiceField(label=_("Van"))
    qualification = forms.CharField(label=_("Kwalificatie (crebo) of functie"), max_length=80)
    year = forms.IntegerField(label=_("Jaar"), min_value=2000, max_value=2100)
    measure = forms.ChoiceField(label=_("Wat"), choices=Measure.choices)
    part = forms.CharField(
        label=_("Deel"),
        max_length=20,
        required=False,
        help_text=_(
            "Leeftijdsgroep (15-34, 35-54, 55+), route (BOL, BBL, side_units, side_evc, "
            "returner) of route en leerjaar (BOL-2)."
        ),
    )
    value = forms.FloatField(label=_("Waarde"), min_value=0)
    source = forms.CharField(label=_("Bron"), max_length=300)

    def __init__(
        self, organisations: Sequence[tuple[str, str]], *args: object, **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]  # Form's own arguments
        self.fields["organisation"].choices = list(organisations)  # type: ignore[attr-defined]  # a ChoiceField


IMPORT_KINDS = [
    ("template", _("opmaat-sjabloon (XLSX)")),
    ("duo", _("DUO: deelnemers mbo per instelling, kwalificatie, woongemeente en leeftijd (CSV)")),
    ("cbs", _("CBS StatLine, arbeidsmarkt zorg en welzijn (CSV)")),
]


class ImportForm(forms.Form):
    kind = forms.ChoiceField(label=_("Soort bestand"), choices=IMPORT_KINDS)
    file = forms.FileField(label=_("Bestand"))
    year = forms.IntegerField(
        label=_("Peiljaar (DUO)"), required=False, min_value=2000, max_value=2100
    )
    municipalities = forms.CharField(
        label=_("Gemeenten van de regio (DUO)"),
        required=False,
        help_text=_("Woongemeenten die meetellen, gescheiden door komma’s."),
    )


class GroupingForm(forms.Form):
    name = forms.CharField(label=_("Naam van de groepering"), max_length=120)
    areas = forms.MultipleChoiceField(
        label=_("Arbeidsmarktregio’s"), widget=forms.CheckboxSelectMultiple, choices=()
    )

    def __init__(self, regions: Sequence[tuple[str, str]], *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]  # Form's own arguments
        self.fields["areas"].choices = list(regions)  # type: ignore[attr-defined]  # a ChoiceField
