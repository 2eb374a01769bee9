from django.contrib import admin

from opmaat.progress.models import ProfessionalActivity


@admin.register(ProfessionalActivity)
class ProfessionalActivityAdmin(admin.ModelAdmin[ProfessionalActivity]):
    list_display = ["code", "title", "unit_code", "reserved", "position"]
    list_filter = ["reserved", "unit_code"]
    search_fields = ["code", "title", "unit_code"]
