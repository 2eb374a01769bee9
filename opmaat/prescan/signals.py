"""Receivers: catalog editors may edit the pre-scan rules; erasure removes kept scans."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_save
from django.dispatch import receiver

from opmaat.accounts.models import Membership
from opmaat.accounts.services import CATALOG_EDITORS, make_catalog_editor
from opmaat.domain.access import Role
from opmaat.learners.models import Learner

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


@receiver(post_save, sender=Learner, dispatch_uid="prescan-forget-erased-learner")
def on_learner_saved(sender: type[Learner], instance: Learner, **_: Any) -> None:
    if instance.erased_at is not None:
        from opmaat.prescan.services import forget_learner

        forget_learner(instance)
