"""Accounts beyond the access rules: catalog editors work in the admin; API tokens;
organisations found by id or name."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission, User
from django.db.models import QuerySet

from opmaat.accounts.models import ApiToken, Organisation

CATALOG_EDITORS = "Catalogusredactie"


def make_catalog_editor(user: User) -> None:
    """Staff status and the catalog app's permissions, through one group."""
    group, created = Group.objects.get_or_create(name=CATALOG_EDITORS)
    if created or not group.permissions.exists():
        group.permissions.set(Permission.objects.filter(content_type__app_label="catalog"))
    user.groups.add(group)
    if not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])


def issue_token(user: User, name: str) -> tuple[ApiToken, str]:
    """A new token for `user` and its key, which is shown once: only its hash is stored."""
    return ApiToken.issue(user, name)


def all_tokens() -> QuerySet[ApiToken]:
    return ApiToken.objects.select_related("user").order_by("pk")


def revoke_token(token_id: int) -> bool:
    """Delete the token; False when there is none with that id."""
    deleted, _ = ApiToken.objects.filter(pk=token_id).delete()
    return deleted > 0


def organisation_named(text: str) -> Organisation | None:
    """The organisation with this id (digits) or exact name."""
    query = (
        Organisation.objects.filter(pk=int(text))
        if text.isdigit()
        else Organisation.objects.filter(name=text)
    )
    return query.first()
