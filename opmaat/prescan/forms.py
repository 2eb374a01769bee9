"""The pre-scan forms: step 1 the target, then what is held, the can-do statements per
werkproces of the target's units and the person's week. Answers survive a validation error
because the form is bound to what was posted. The week form also replans a kept result."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from opmaat.domain.catalog import Catalog
from opmaat.domain.errors import InvalidInput
from opmaat.domain.prescan.scan import CanDo
from opmaat.domain.routes import MAX_HOURS_PER_WEEK, Leerweg, StudyTime, study_time, target_of
from opmaat.learners.models import LEERWEG_LABELS
from opmaat.prescan.models import CAN_DO_LABELS
from opmaat.ui import labels

ANSWER_PREFIX = "a_"
ANSWER_CHOICES = [(c.value, CAN_DO_LABELS[c]) for c in CanDo]
PATHWAY_CHOICES = [(w.value, LEERWEG_LABELS[w]) for w in Leerweg]

Choices = list[tuple[object, object]]


def target_choices(catalog: Catalog) -> Choices:
    """What the pre-scan may be run towards: the catalog's offered targets (current
    qualifications, certificates, units carrying a certificate), never a superseded one,
    each labelled as every form labels it (opmaat.ui.labels)."""
    return [("", "—"), *labels.target_choices(catalog)]


def have_choices(catalog: Catalog) -> Choices:
    """Diplomas (current, then superseded ones that still count through the equivalence
    table, each saying what replaced it), prior education, certificates and generic
    subjects (a havo diploma, for instance, brings Nederlands 3F). Retired codes known only
    to the equivalence table are for migrating old records and are not offered."""
    by_level = sorted(catalog.qualifications.values(), key=lambda q: (q.level, q.name))
    diplomas = [(q.crebo, labels.qualification_label(q)) for q in by_level if not q.superseded]
    older = [(q.crebo, labels.qualification_label(q)) for q in by_level if q.superseded]
    prior = [
        (p.code, labels.choice_label(p.name, p.code)) for p in catalog.prior_education.values()
    ]
    certificates = [(c.code, labels.certificate_label(c)) for c in catalog.certificates.values()]
    generic = [(u.code, u.title) for u in catalog.generic_units()]
    groups: Choices = [
        (_("Diploma's"), diplomas),
        (_("Eerdere diploma's"), older),
        (_("Vooropleiding"), prior),
        (_("Certificaten"), certificates),
        (_("Generieke vakken"), generic),
    ]
    return [(name, choices) for name, choices in groups if choices]


class TargetForm(forms.Form):
    doel = forms.ChoiceField(label=_("Welke opleiding wilt u doen?"))

    def __init__(self, *args: Any, catalog: Catalog, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["doel"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = target_choices(catalog)


class WeekForm(forms.Form):
    """The person's week: the pathway, contract hours (BBL) and study hours; what is left
    empty takes the pathway's default (opmaat.domain.routes.time)."""

    pathway = forms.ChoiceField(
        label=_("Hoe wilt u leren?"), choices=PATHWAY_CHOICES, initial=Leerweg.BOL.value
    )
    work_hours_per_week = forms.FloatField(
        label=_("Contracturen per week (BBL)"),
        required=False,
        min_value=0,
        max_value=MAX_HOURS_PER_WEEK,
        help_text=_("Bij BBL tellen de uren bij uw leerbedrijf mee als studielast. Leeg: 32 uur."),
    )
    hours_per_week = forms.FloatField(
        label=_("Studie-uren per week"),
        required=False,
        min_value=0,
        max_value=MAX_HOURS_PER_WEEK,
        help_text=_(
            "BOL: de hele lesweek (leeg: 40 uur). BBL: zelfstudie naast werk en schooldag "
            "(leeg: 8 uur). Derde leerweg: uw eigen tempo (leeg: 20 uur)."
        ),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        pathway = Leerweg(data["pathway"])
        work = data.get("work_hours_per_week")
        if pathway == Leerweg.BOL and work:
            self.add_error(
                "work_hours_per_week",
                _("Bij BOL tellen werkuren niet als studielast; kies BBL als u werkt en leert."),
            )
            return data
        try:
            data["time"] = study_time(pathway, data.get("hours_per_week"), work)
        except InvalidInput:
            self.add_error(
                "hours_per_week",
                _("Met deze uren is geen week te plannen: niet nul, en hoogstens 80 uur samen."),
            )
        return data

    def week_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in WeekForm.base_fields]

    def time(self) -> StudyTime:
        time = self.cleaned_data["time"]
        assert isinstance(time, StudyTime)
        return time


@dataclass(frozen=True, slots=True)
class UnitQuestions:
    """The questions of one unit, for the template."""

    code: str
    title: str
    fields: tuple[forms.BoundField, ...]


class PrescanForm(WeekForm):
    target = forms.CharField(widget=forms.HiddenInput, max_length=64)
    have = forms.MultipleChoiceField(
        label=_("Wat heeft u al?"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kies uw diploma's en certificaten uit de catalogus."),
    )
    other = forms.CharField(
        label=_("Andere diploma's, certificaten of ervaring"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Wordt bewaard voor het intakegesprek, maar niet meegerekend. "
            "Vul geen namen of andere persoonsgegevens in."
        ),
    )

    def __init__(self, *args: Any, catalog: Catalog, target: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.catalog = catalog
        self.fields["target"].initial = target
        have = self.fields["have"]
        assert isinstance(have, forms.MultipleChoiceField)
        have.choices = have_choices(catalog)
        _info, requirements = target_of(catalog, target)
        self.unit_fields: list[tuple[str, list[str]]] = []
        for code, werkprocessen in requirements.units:
            self.unit_fields.append((code, self.add_questions(werkprocessen)))

    def add_questions(self, werkprocessen: tuple[str, ...]) -> list[str]:
        """One question per werkproces; one examined in an earlier unit is asked there."""
        names = []
        for code in werkprocessen:
            name = ANSWER_PREFIX + code
            if name in self.fields:
                continue
            self.fields[name] = forms.ChoiceField(
                label=self.catalog.name_of(code),
                choices=ANSWER_CHOICES,
                required=False,
                widget=forms.RadioSelect,
            )
            names.append(name)
        return names

    def units(self) -> list[UnitQuestions]:
        return [
            UnitQuestions(code, self.catalog.name_of(code), tuple(self[n] for n in names))
            for code, names in self.unit_fields
        ]

    def answers(self) -> dict[str, CanDo]:
        """The answers given; a werkproces left open counts as 'never' in the scan."""
        return {
            name.removeprefix(ANSWER_PREFIX): CanDo(value)
            for name, value in self.cleaned_data.items()
            if name.startswith(ANSWER_PREFIX) and value
        }
