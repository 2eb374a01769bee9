from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgressConfig(AppConfig):
    name = "opmaat.progress"
    verbose_name = _("Voortgang")

    def ready(self) -> None:
        from opmaat.learners.signals import learner_erasing, learner_exporting
        from opmaat.progress import privacy

        learner_exporting.connect(privacy.export_section, dispatch_uid="progress-export")
        learner_erasing.connect(privacy.erase, dispatch_uid="progress-erase")
