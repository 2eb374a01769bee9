from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForecastingConfig(AppConfig):
    name = "opmaat.forecasting"
    label = "forecasting"
    verbose_name = _("Regionale planning")
