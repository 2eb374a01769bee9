from django.contrib import admin
from django.forms import ModelForm
from django.http import HttpRequest

from opmaat.catalog import models as m
from opmaat.domain.catalog import HoursSource


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


@admin.register(m.Equivalence)
class EquivalenceAdmin(admin.ModelAdmin[m.Equivalence]):
    list_display = ["source_code", "source_name", "counts_for", "provisional"]
    search_fields = ["source_code", "source_name"]
