"""Receivers: catalog editors may edit the pre-scan rules; a learner's kept scans are in
their download and go with erasure."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_save
from django.dispatch import receiver

from opmaat.accounts.models import Membership
from opmaat.accounts.services import CATALOG_EDITORS, make_catalog_editor
from opmaat.domain.access import Role
from opmaat.learners.models import Learner
from opmaat.learners.signals import learner_erasing, learner_exporting

RULE_MODELS = ("defaultrule", "unitrule")


def rule_permissions() -> list[Permission]:
    return list(
        Permission.objects.filter(
            content_type__app_label="prescan", content_type__model__in=RULE_MODELS
        )
    )


def give_editors_the_rules() -> None:
    """The catalog editors' group also edits the rules (the rules are part of the catalog)."""
    group = Group.objects.filter(name=CATALOG_EDITORS).first()
    if group is not None:
        group.permissions.add(*rule_permissions())


@receiver(post_save, sender=Membership, dispatch_uid="prescan-rules-for-catalog-editors")
def on_membership(sender: type[Membership], instance: Membership, **_: Any) -> None:
    if instance.role == Role.CATALOG_EDITOR:
        make_catalog_editor(instance.user)  # idempotent; creates the group when needed
        give_editors_the_rules()


def on_migrate(**_: Any) -> None:
    give_editors_the_rules()


@receiver(learner_erasing, sender=Learner, dispatch_uid="prescan-erase")
def on_erasing(sender: type[Learner], learner: Learner, **_: Any) -> None:
    """Kept scans are part of the record: erasure removes them."""
    from opmaat.prescan.services import forget_learner

    forget_learner(learner)


@receiver(learner_exporting, sender=Learner, dispatch_uid="prescan-export")
def on_exporting(sender: type[Learner], learner: Learner, **_: Any) -> tuple[str, object]:
    """The learner's download lists the scans kept on the record, as they were shown."""
    from opmaat.prescan.services import export_of

    return "prescans", export_of(learner)
