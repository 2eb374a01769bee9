from django.contrib import admin

from opmaat.accounts.models import ApiToken, Membership, Organisation


class MembershipInline(admin.StackedInline[Membership, Organisation]):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin[Organisation]):
    list_display = ["name", "kind", "place", "region"]
    list_filter = ["kind"]
    search_fields = ["name", "place"]
    inlines = [MembershipInline]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin[ApiToken]):
    """Tokens are issued with `opmaat token create`; here they can be seen and revoked."""

    list_display = ["name", "user", "prefix", "created_at", "last_used_at"]
    readonly_fields = ["user", "name", "prefix", "created_at", "last_used_at"]
    search_fields = ["name", "user__username"]

    def has_add_permission(self, request: object) -> bool:
        return False
