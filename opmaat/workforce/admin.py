"""The functiehuis, teams and designated signers in the admin, for an administrator.
Authorisations, proposals and the audit trail are read-only there: they are written only
through the services, so each is signed and audited."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from opmaat.workforce.models import (
    Act,
    Authorisation,
    CareFunction,
    EffectRule,
    Employee,
    Proposal,
    ShiftNeed,
    Signer,
    Task,
    Team,
    UnitEffect,
    WorkforceEvent,
)


@admin.register(Act)
class ActAdmin(admin.ModelAdmin[Act]):
    list_display = ["code", "name", "reserved", "validity_months", "organisation"]
    list_filter = ["reserved", "organisation"]
    search_fields = ["code", "name"]


@admin.register(Task)
class TaskAdmin(admin.ModelAdmin[Task]):
    list_display = ["code", "name", "min_level", "organisation"]
    list_filter = ["organisation"]
    search_fields = ["code", "name"]


@admin.register(CareFunction)
class CareFunctionAdmin(admin.ModelAdmin[CareFunction]):
    list_display = ["code", "name", "cao", "fwg_group", "qualification", "temporary", "draft"]
    list_filter = ["organisation", "draft", "temporary"]


admin.site.register(EffectRule)
admin.site.register(UnitEffect)
admin.site.register(Signer)
admin.site.register(ShiftNeed)


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin[Team]):
    list_display = ["name", "location", "leader", "organisation"]
    list_filter = ["organisation"]


@admin.register(Employee)
class EmployeeAdmin(admin.ModelAdmin[Employee]):
    list_display = ["personnel_number", "name", "team", "function", "organisation"]
    list_filter = ["organisation"]
    search_fields = ["name", "personnel_number"]


class ReadOnly(admin.ModelAdmin[Authorisation]):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Authorisation)
class AuthorisationAdmin(ReadOnly):
    list_display = ["employee", "act", "granted_on", "valid_until", "signed_by_label"]


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin[Proposal]):
    list_display = ["employee", "unit", "consequence", "state"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(WorkforceEvent)
class WorkforceEventAdmin(admin.ModelAdmin[WorkforceEvent]):
    list_display = ["at", "organisation", "actor_label", "action", "summary"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
