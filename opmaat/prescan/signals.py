"""Receivers: a learner's kept scans are in their download and go with erasure."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from opmaat.learners.models import Learner
from opmaat.learners.signals import learner_erasing, learner_exporting


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
