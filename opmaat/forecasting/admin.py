from django.contrib import admin

from opmaat.forecasting.models import Actual, Baseline, Figure, Grouping, Rate, Scenario


@admin.register(Figure)
class FigureAdmin(admin.ModelAdmin[Figure]):
    list_display = ["region", "organisation", "qualification", "year", "measure", "part", "value"]
    list_filter = ["region", "measure", "invented"]
    search_fields = ["qualification", "source"]


@admin.register(Rate)
class RateAdmin(admin.ModelAdmin[Rate]):
    list_display = ["region", "qualification", "name", "central", "low", "high", "distribution"]
    list_filter = ["region", "distribution"]


@admin.register(Scenario)
class ScenarioAdmin(admin.ModelAdmin[Scenario]):
    list_display = ["region", "name", "qualification", "updated_at"]


@admin.register(Baseline)
class BaselineAdmin(admin.ModelAdmin[Baseline]):
    """Read-only: a baseline is the frozen record of one moment."""

    list_display = ["region", "name", "base_year", "recorded_by_name", "recorded_at"]

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False


@admin.register(Actual)
class ActualAdmin(admin.ModelAdmin[Actual]):
    list_display = ["region", "qualification", "year", "measure", "part", "value"]
    list_filter = ["region", "measure"]


@admin.register(Grouping)
class GroupingAdmin(admin.ModelAdmin[Grouping]):
    list_display = ["region", "name"]
