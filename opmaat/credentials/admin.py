from django.contrib import admin
from django.http import HttpRequest

from opmaat.credentials.models import IssuedCredential, SigningKey


@admin.register(SigningKey)
class SigningKeyAdmin(admin.ModelAdmin[SigningKey]):
    """Read-only: keys are made and rotated by `opmaat credentials rotate-key`; the private
    half is never shown."""

    list_display = ["verification_method", "organisation", "created_at", "retired_at"]
    fields = ("verification_method", "controller", "organisation", "created_at", "retired_at")
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: SigningKey | None = None) -> bool:
        return False


@admin.register(IssuedCredential)
class IssuedCredentialAdmin(admin.ModelAdmin[IssuedCredential]):
    """Read-only: issuing and revoking go through the exam board's pages (audited)."""

    list_display = ["uid", "kind", "code", "holder_name", "organisation", "issued_at", "revoked_at"]
    list_filter = ["kind", "organisation"]
    search_fields = ["uid", "code", "holder_name"]
    exclude = ["document"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(
        self, request: HttpRequest, obj: IssuedCredential | None = None
    ) -> bool:
        return False

    def has_delete_permission(
        self, request: HttpRequest, obj: IssuedCredential | None = None
    ) -> bool:
        return False
