from typing import Any

from django import forms
from django.contrib import admin
from django.forms import ModelForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from opmaat.catalog import models as m
from opmaat.catalog.cache import current_catalog
from opmaat.domain.catalog import HoursSource
from opmaat.domain.catalog.model import normalise_code
from opmaat.domain.errors import DomainError


class OutcomeInline(admin.TabularInline[m.Outcome, m.Unit]):
    model = m.Outcome
    extra = 0
    fields = ["position", "code", "title", "hours"]


class QualificationUnitInline(admin.TabularInline[m.QualificationUnit, m.Qualification]):
    model = m.QualificationUnit
    extra = 0
    autocomplete_fields = ["unit"]


@admin.register(m.Qualification)
class QualificationAdmin(admin.ModelAdmin[m.Qualification]):
    list_display = ["crebo", "name", "level", "nominal_years", "dossier_name", "provisional"]
    list_filter = ["level", "provisional", "dossier_name"]
    search_fields = ["crebo", "name", "dossier_name"]
    inlines = [QualificationUnitInline]


@admin.register(m.Unit)
class UnitAdmin(admin.ModelAdmin[m.Unit]):
    list_display = ["code", "title", "level", "kind", "hours", "hours_source", "provisional"]
    list_filter = ["kind", "level", "hours_source", "provisional", "carries_certificate"]
    search_fields = ["code", "title", "outcomes__code", "outcomes__title"]
    inlines = [OutcomeInline]

    def save_model(
        self, request: HttpRequest, obj: m.Unit, form: ModelForm[m.Unit], change: bool
    ) -> None:
        # Hours typed in by an editor are a school's figure, no longer opmaat's estimate.
        if change and "hours" in form.changed_data and "hours_source" not in form.changed_data:
            obj.hours_source = HoursSource.SCHOOL.value
        super().save_model(request, obj, form, change)


@admin.register(m.Certificate)
class CertificateAdmin(admin.ModelAdmin[m.Certificate]):
    list_display = ["code", "name", "level", "parent_crebo", "provisional"]
    search_fields = ["code", "name"]


@admin.register(m.Prerequisite)
class PrerequisiteAdmin(admin.ModelAdmin[m.Prerequisite]):
    list_display = ["unit", "requires", "reason"]
    autocomplete_fields = ["unit", "requires"]


class EquivalenceForm(forms.ModelForm[m.Equivalence]):
    """An equivalence rule as an editor writes it: the codes it counts for separated by
    commas, each checked against the catalog, so a typing slip is caught here rather than
    silently granting nothing."""

    counts_for = forms.CharField(
        label=_("telt voor"),
        help_text=_(
            "Codes van eenheden, leerresultaten of generieke vakken, gescheiden door komma's "
            "(bijvoorbeeld 23181-B1-K1, NL-3F)."
        ),
        widget=forms.TextInput(attrs={"size": 80}),
    )

    class Meta:
        model = m.Equivalence
        fields = ["source_code", "source_name", "counts_for", "note", "provisional", "position"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["counts_for"] = ", ".join(self.instance.counts_for)

    def clean_source_code(self) -> str:
        return normalise_code(str(self.cleaned_data["source_code"]))

    def clean_counts_for(self) -> list[str]:
        catalog = current_catalog()
        codes = [normalise_code(c) for c in str(self.cleaned_data["counts_for"]).split(",")]
        codes = [c for c in codes if c]
        if not codes:
            raise forms.ValidationError(_("Noem minstens één code."))
        problems = []
        for code in codes:
            try:
                catalog.resolve(code)
            except DomainError as error:
                problems.append(str(error))
        if problems:
            raise forms.ValidationError(problems)
        return list(dict.fromkeys(codes))


@admin.register(m.Equivalence)
class EquivalenceAdmin(admin.ModelAdmin[m.Equivalence]):
    form = EquivalenceForm
    list_display = ["source_code", "source_name", "counts_for", "provisional"]
    search_fields = ["source_code", "source_name"]
