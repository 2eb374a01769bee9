from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkforceConfig(AppConfig):
    name = "opmaat.workforce"
    verbose_name = _("Personeel en inzetbaarheid")
