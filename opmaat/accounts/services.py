"""Accounts beyond the access rules: catalog editors work in the admin; API tokens;
organisations found by id or name."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission, User
from django.db.models import Q, QuerySet

from opmaat.accounts.models import ApiToken, Organisation

CATALOG_EDITORS = "Catalogusredactie"
# What catalog editors edit in the admin: the catalog app's tables, and the tables of other
# apps that are catalog data (professional activities, the pre-scan's rules). The one list.
CATALOG_TABLES: tuple[tuple[str, str | None], ...] = (
    ("catalog", None),
    ("progress", "professionalactivity"),
    ("prescan", "defaultrule"),
    ("prescan", "unitrule"),
)


def catalog_permissions() -> QuerySet[Permission]:
    wanted = Q()
    for app_label, model in CATALOG_TABLES:
        table = Q(content_type__app_label=app_label)
        wanted |= table & Q(content_type__model=model) if model else table
    return Permission.objects.filter(wanted)


def grant_catalog_permissions() -> None:
    """Give the editors' group the permissions of every catalog table, also of tables added
    since it was made (run after each migration)."""
    group = Group.objects.filter(name=CATALOG_EDITORS).first()
    if group is not None:
        group.permissions.add(*catalog_permissions())


def make_catalog_editor(user: User) -> None:
    """Staff status and the catalog tables' permissions, through one group."""
    group, _ = Group.objects.get_or_create(name=CATALOG_EDITORS)
    group.permissions.add(*catalog_permissions())
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
