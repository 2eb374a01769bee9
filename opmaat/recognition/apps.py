from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecognitionConfig(AppConfig):
    name = "opmaat.recognition"
    verbose_name = _("Erkenning (EVC)")

    def ready(self) -> None:
        from opmaat.learners.signals import learner_erasing, learner_exporting
        from opmaat.recognition import privacy

        learner_exporting.connect(privacy.export_section, dispatch_uid="recognition-export")
        learner_erasing.connect(privacy.erase, dispatch_uid="recognition-erase")
