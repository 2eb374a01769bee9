"""Intakes and EVC procedures in the admin, read-only: every change goes through the pages
and the services, which check the state machine and audit."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Model
from django.http import HttpRequest

from opmaat.recognition import models as m


class ReadOnly(admin.ModelAdmin[Any]):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


@admin.register(m.Intake)
class IntakeAdmin(ReadOnly):
    list_display = ["learner", "version", "target", "pathway", "start", "created_by", "created_at"]
    search_fields = ["learner__name", "target"]


@admin.register(m.EvcProcedure)
class EvcProcedureAdmin(ReadOnly):
    list_display = ["learner", "provider", "standard", "state", "state_since", "deadline"]
    list_filter = ["state", "provider"]
    search_fields = ["learner__name", "standard"]


@admin.register(m.Certificate)
class CertificateAdmin(ReadOnly):
    list_display = ["number", "procedure", "issued_by", "issued_at"]
    search_fields = ["number", "procedure__learner__name"]


@admin.register(m.Decision)
class DecisionAdmin(ReadOnly):
    list_display = ["procedure", "certificate", "decided_by", "decided_at", "supersedes"]
