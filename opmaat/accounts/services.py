"""What a role brings with it beyond the access rules: catalog editors work in the admin."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission, User

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
