from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from opmaat.catalog import forms
from opmaat.catalog import models as m
from opmaat.catalog.labels import LABELS, label
from opmaat.domain.catalog import HoursSource

TITLES = {"kind": _("soort"), "hours_source": _("herkomst uren"), "admission": _("toelating")}


def labelled_filter(field: str) -> type[admin.SimpleListFilter]:
    """A list filter on a stored choice, by its Dutch label (opmaat.catalog.labels)."""

    class Filter(admin.SimpleListFilter):
        title = TITLES[field]
        parameter_name = field

        def lookups(
            self, request: HttpRequest, model_admin: admin.ModelAdmin[Any]
        ) -> list[tuple[str, str]]:
            return [(value, str(text)) for value, text in LABELS[field].items()]

        def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
            return queryset.filter(**{field: self.value()}) if self.value() else queryset

    return Filter


class OutcomeInline(admin.StackedInline[m.Outcome, m.Unit]):
    model = m.Outcome
    extra = 0
    fields = ["position", "code", "title", "hours"]


class QualificationUnitInline(admin.StackedInline[m.QualificationUnit, m.Qualification]):
    model = m.QualificationUnit
    extra = 0
    autocomplete_fields = ["unit"]


@admin.register(m.Qualification)
class QualificationAdmin(admin.ModelAdmin[m.Qualification]):
    list_display = ["crebo", "name", "level", "nominal_years", "dossier_name", "provisional"]
    list_filter = ["level", "provisional", labelled_filter("admission"), "dossier_name"]
    search_fields = ["crebo", "name", "dossier_name"]
    form = forms.QualificationForm
    readonly_fields = ["cuts_text"]
    inlines = [QualificationUnitInline]

    @admin.display(description=_("andere indelingen"))
    def cuts_text(self, obj: m.Qualification) -> str:
        return "\n".join(f"{cut['name']}: {', '.join(cut['units'])}" for cut in obj.cuts)


@admin.register(m.Unit)
class UnitAdmin(admin.ModelAdmin[m.Unit]):
    list_display = ["code", "title", "level", "kind_label", "hours", "source_label", "provisional"]
    list_filter = [
        labelled_filter("kind"),
        "level",
        labelled_filter("hours_source"),
        "provisional",
        "carries_certificate",
        "obligation",
    ]
    search_fields = ["code", "title", "outcomes__code", "outcomes__title"]
    form = forms.UnitForm
    inlines = [OutcomeInline]

    @admin.display(description=_("soort"), ordering="kind")
    def kind_label(self, obj: m.Unit) -> str:
        return label("kind", obj.kind)

    @admin.display(description=_("herkomst uren"), ordering="hours_source")
    def source_label(self, obj: m.Unit) -> str:
        return label("hours_source", obj.hours_source)

    def save_model(
        self, request: HttpRequest, obj: m.Unit, form: ModelForm[m.Unit], change: bool
    ) -> None:
        # Hours typed in by an editor are a school's figure, no longer opmaat's estimate.
        if change and "hours" in form.changed_data and "hours_source" not in form.changed_data:
            obj.hours_source = HoursSource.SCHOOL.value
        super().save_model(request, obj, form, change)


@admin.register(m.Certificate)
class CertificateAdmin(admin.ModelAdmin[m.Certificate]):
    form = forms.CertificateForm
    list_display = ["code", "name", "level", "parent_crebo", "provisional"]
    search_fields = ["code", "name"]


@admin.register(m.Prerequisite)
class PrerequisiteAdmin(admin.ModelAdmin[m.Prerequisite]):
    form = forms.PrerequisiteForm
    list_display = ["unit_code", "requires_code", "reason"]
    search_fields = ["unit_code", "requires_code"]


@admin.register(m.Equivalence)
class EquivalenceAdmin(admin.ModelAdmin[m.Equivalence]):
    form = forms.EquivalenceForm
    list_display = ["source_code", "source_name", "counts_for", "provisional"]
    search_fields = ["source_code", "source_name"]


@admin.register(m.PriorEducation)
class PriorEducationAdmin(admin.ModelAdmin[m.PriorEducation]):
    form = forms.PriorEducationForm
    list_display = ["code", "name", "admits_level"]
    list_filter = ["admits_level"]
    search_fields = ["code", "name"]
