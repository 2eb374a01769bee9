"""The pre-scan form: step 1 the target, then what is held and the can-do statements per
outcome of the target's units. Answers survive a validation error because the form is
bound to what was posted."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from opmaat.domain.catalog import Catalog, UnitKind
from opmaat.domain.recognition.prescan import CanDo
from opmaat.domain.routes import target_of
from opmaat.prescan.models import CAN_DO_LABELS

ANSWER_PREFIX = "a_"
ANSWER_CHOICES = [(c.value, CAN_DO_LABELS[c]) for c in CanDo]


def target_choices(catalog: Catalog) -> list[tuple[object, object]]:
    qualifications = [
        (q.code, f"{q.name} (niveau {q.level}, {q.code})")
        for q in sorted(catalog.qualifications.values(), key=lambda q: (q.level, q.name))
    ]
    certificates = [(c.code, c.name) for c in catalog.certificates.values()]
    return [("", "—"), (_("Kwalificaties"), qualifications), (_("Certificaten"), certificates)]


def have_choices(catalog: Catalog) -> list[tuple[object, object]]:
    """Diplomas, certificates, older diplomas known to the equivalence table, and generic
    subjects (a havo diploma, for instance, brings Nederlands 3F)."""
    diplomas = [
        (q.code, f"{q.name} (niveau {q.level}, {q.code})")
        for q in sorted(catalog.qualifications.values(), key=lambda q: (q.level, q.name))
    ]
    older = [
        (e.source, f"{catalog.name_of(e.source)} ({e.source})")
        for e in catalog.equivalences
        if e.source not in catalog.qualifications and e.source not in catalog.units
    ]
    certificates = [(c.code, f"{c.name} ({c.code})") for c in catalog.certificates.values()]
    generic = [(u.code, u.title) for u in catalog.units.values() if u.kind == UnitKind.GENERIC]
    groups: list[tuple[object, object]] = [
        (_("Diploma's"), diplomas),
        (_("Certificaten"), certificates),
        (_("Generieke vakken"), generic),
    ]
    if older:
        groups.insert(1, (_("Eerdere diploma's"), list(dict.fromkeys(older))))
    return groups


class TargetForm(forms.Form):
    doel = forms.ChoiceField(label=_("Welke opleiding wilt u doen?"))

    def __init__(self, *args: Any, catalog: Catalog, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["doel"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = target_choices(catalog)


@dataclass(frozen=True, slots=True)
class UnitQuestions:
    """The questions of one unit, for the template."""

    code: str
    title: str
    fields: tuple[forms.BoundField, ...]


class PrescanForm(forms.Form):
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
    hours_per_week = forms.FloatField(
        label=_("Hoeveel uur per week kunt u leren?"), min_value=1, max_value=60, initial=20
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
        for code, outcomes in requirements.units:
            names = []
            for outcome in outcomes:
                name = ANSWER_PREFIX + outcome
                self.fields[name] = forms.ChoiceField(
                    label=catalog.name_of(outcome),
                    choices=ANSWER_CHOICES,
                    required=False,
                    widget=forms.RadioSelect,
                )
                names.append(name)
            self.unit_fields.append((code, names))

    def units(self) -> list[UnitQuestions]:
        return [
            UnitQuestions(code, self.catalog.name_of(code), tuple(self[n] for n in names))
            for code, names in self.unit_fields
        ]

    def answers(self) -> dict[str, CanDo]:
        """The answers given; an outcome left open counts as 'never' in the scan."""
        return {
            name.removeprefix(ANSWER_PREFIX): CanDo(value)
            for name, value in self.cleaned_data.items()
            if name.startswith(ANSWER_PREFIX) and value
        }
