"""The pre-scan rules in the admin, for catalog editors (accounts.services.CATALOG_TABLES)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from opmaat.catalog.models import Unit
from opmaat.prescan import models as m


@admin.register(m.DefaultRule)
class DefaultRuleAdmin(admin.ModelAdmin[m.DefaultRule]):
    list_display = ["__str__", "likely_at", "possible_share", "updated_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        """One row: the defaults are a single set of thresholds."""
        return super().has_add_permission(request) and not m.DefaultRule.objects.exists()


def werkprocessen_of(unit: Unit) -> set[str]:
    """The werkprocessen a unit examines: those it refers to (an exam unit) or defines (a
    kerntaak)."""
    return {*unit.werkprocessen, *unit.outcomes.values_list("code", flat=True)}


class UnitRuleForm(forms.ModelForm[m.UnitRule]):
    class Meta:
        model = m.UnitRule
        fields = ["unit", "counted_outcomes", "likely_at", "possible_share", "note"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        unit = data.get("unit")
        outcomes = data.get("counted_outcomes")
        if unit is not None and outcomes is not None:
            own = werkprocessen_of(unit)
            foreign = [o.code for o in outcomes if o.code not in own]
            if foreign:
                self.add_error(
                    "counted_outcomes",
                    _("Niet van deze leereenheid: %(codes)s") % {"codes": ", ".join(foreign)},
                )
        return data


@admin.register(m.UnitRule)
class UnitRuleAdmin(admin.ModelAdmin[m.UnitRule]):
    form = UnitRuleForm
    list_display = ["unit", "likely_at", "possible_share", "note"]
    search_fields = ["unit__code", "unit__title", "note"]
    # Plain, labelled select boxes: Django's autocomplete box has no accessible name while
    # empty, and its two-pane filter puts aria-label on a bare <span> (axe-core refuses both).
