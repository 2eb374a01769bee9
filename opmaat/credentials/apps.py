from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CredentialsConfig(AppConfig):
    name = "opmaat.credentials"
    verbose_name = _("Certificaten en diploma's")
