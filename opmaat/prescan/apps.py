from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrescanConfig(AppConfig):
    name = "opmaat.prescan"
    verbose_name = _("Vrijstellingsscan")
