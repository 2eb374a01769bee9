from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogConfig(AppConfig):
    name = "opmaat.catalog"
    verbose_name = _("Catalogus")

    def ready(self) -> None:
        from opmaat.catalog import cache

        cache.connect_signals()
