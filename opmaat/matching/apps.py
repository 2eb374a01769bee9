from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    """Stagematching. The label stays "placements", the app's first name, so that its
    tables and migrations keep their names."""

    name = "opmaat.matching"
    label = "placements"
    verbose_name = _("Stagematching")
