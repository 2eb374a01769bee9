"""Forms of the progress pages: posted text into typed values, errors next to the field."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opmaat.catalog.cache import current_catalog
from opmaat.domain.errors import DomainError
from opmaat.domain.progress import (
    AssessmentMethod,
    AssessmentResult,
    DateInFuture,
    SupervisionLevel,
    check_not_in_future,
)
from opmaat.learners.models import Learner
from opmaat.progress.models import LEVEL_LABELS, METHOD_LABELS, RESULT_LABELS, ProfessionalActivity
from opmaat.progress.services import assessable, code_options
from opmaat.ui.errors import explain
from opmaat.ui.pickers import CodePickerField
from opmaat.ui.widgets import TEXT_MAX_LENGTH, DateInput


class CodeField(CodePickerField):
    """A werkproces (or a generic subject), picked by code or name and checked against the
    catalog; an unknown code is compared with the learner's target's werkprocessen first."""

    def __init__(self) -> None:
        super().__init__(
            label=_("Leerresultaat"),
            help_text=_(
                "Typ een deel van de code of de naam van een werkproces (zoals 23268-B1-K1-W4) "
                "of generiek vak (zoals NL-2F (Nederlands 2F)) en kies; die van het doel staan "
                "bovenaan."
            ),
        )
        self.learner: Learner | None = None

    def clean(self, value: object) -> str:
        code = str(super().clean(value))
        try:
            return assessable(current_catalog(), code, self.learner)
        except DomainError as error:
            raise forms.ValidationError(explain(error)) from None


class LearnerCodeForm(forms.Form):
    """A form with a `code` field for one learner's werkprocessen."""

    def __init__(self, *args: Any, learner: Learner | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["code"]
        if isinstance(field, CodeField):
            field.learner = learner
            if learner is not None:
                field.options = code_options(learner)


def not_in_future(day: date) -> date:
    try:
        return check_not_in_future(day, timezone.localdate())
    except DateInFuture:
        raise forms.ValidationError(_("Een datum in de toekomst kan niet.")) from None


class FeedbackForm(LearnerCodeForm):
    code = CodeField()
    text = forms.CharField(
        label=_("Feedback"), max_length=TEXT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 3})
    )
    given_on = forms.DateField(label=_("Datum"), widget=DateInput(), initial=timezone.localdate)

    def clean_given_on(self) -> date:
        return not_in_future(self.cleaned_data["given_on"])


class AssessmentForm(LearnerCodeForm):
    code = CodeField()
    method = forms.ChoiceField(
        label=_("Methode"), choices=[(m.value, METHOD_LABELS[m]) for m in AssessmentMethod]
    )
    result = forms.ChoiceField(
        label=_("Resultaat"), choices=[(r.value, RESULT_LABELS[r]) for r in AssessmentResult]
    )
    assessed_on = forms.DateField(label=_("Datum"), widget=DateInput(), initial=timezone.localdate)
    evidence = forms.CharField(
        label=_("Bewijs"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean_assessed_on(self) -> date:
        return not_in_future(self.cleaned_data["assessed_on"])


class EntrustmentForm(forms.Form):
    activity = forms.ModelChoiceField(
        label=_("Beroepsactiviteit"), queryset=ProfessionalActivity.objects.all(), empty_label=None
    )

    def __init__(
        self, *args: Any, activities: Sequence[ProfessionalActivity] | None = None, **kwargs: Any
    ) -> None:
        """`activities`: those of the learner's target (all when None)."""
        super().__init__(*args, **kwargs)
        field = self.fields["activity"]
        if activities is not None and isinstance(field, forms.ModelChoiceField):
            field.queryset = ProfessionalActivity.objects.filter(pk__in=[a.pk for a in activities])

    level = forms.TypedChoiceField(
        label=_("Niveau"),
        coerce=int,
        choices=[(int(level), LEVEL_LABELS[level]) for level in SupervisionLevel],
    )
    decided_on = forms.DateField(label=_("Datum"), widget=DateInput(), initial=timezone.localdate)
    evidence = forms.CharField(
        label=_("Onderbouwing"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean_decided_on(self) -> date:
        return not_in_future(self.cleaned_data["decided_on"])
