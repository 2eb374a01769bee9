from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class ProgressConfig(AppConfig):
    name = "opmaat.progress"
    verbose_name = _("Voortgang")

    def ready(self) -> None:
        from opmaat.accounts.models import Membership
        from opmaat.learners.signals import learner_erasing, learner_exporting
        from opmaat.progress import privacy

        learner_exporting.connect(privacy.export_section, dispatch_uid="progress-export")
        learner_erasing.connect(privacy.erase, dispatch_uid="progress-erase")
        post_save.connect(
            catalog_editors_edit_activities, sender=Membership, dispatch_uid="progress-editors"
        )
        post_migrate.connect(grant_activity_permissions, sender=self)


def catalog_editors_edit_activities(sender: type[Any], instance: Any, **_: Any) -> None:
    """Professional activities belong to the catalog: its editors edit them in the admin."""
    from opmaat.accounts.services import make_catalog_editor
    from opmaat.domain.access import Role

    if instance.role == Role.CATALOG_EDITOR:
        make_catalog_editor(instance.user)
        grant_activity_permissions()


def grant_activity_permissions(**_: Any) -> None:
    from django.contrib.auth.models import Group, Permission

    from opmaat.accounts.services import CATALOG_EDITORS

    group = Group.objects.filter(name=CATALOG_EDITORS).first()
    if group is not None:
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="progress", content_type__model="professionalactivity"
            )
        )
