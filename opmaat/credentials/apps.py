from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CredentialsConfig(AppConfig):
    name = "opmaat.credentials"
    verbose_name = _("Certificaten en diploma's")

    def ready(self) -> None:
        from opmaat.credentials import privacy
        from opmaat.learners.signals import learner_erasing, learner_exporting

        learner_exporting.connect(privacy.export_section, dispatch_uid="credentials-export")
        learner_erasing.connect(privacy.erase, dispatch_uid="credentials-erase")
