from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save
from django.dispatch import receiver

from opmaat.accounts.models import Membership
from opmaat.accounts.services import grant_catalog_permissions, make_catalog_editor
from opmaat.domain.access import Role


@receiver(post_save, sender=Membership, dispatch_uid="catalog-editor-admin-access")
def give_catalog_editors_the_admin(
    sender: type[Membership], instance: Membership, **_: Any
) -> None:
    if instance.role == Role.CATALOG_EDITOR:
        make_catalog_editor(instance.user)


def on_migrate(**_: Any) -> None:
    grant_catalog_permissions()
