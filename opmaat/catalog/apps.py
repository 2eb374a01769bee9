from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogConfig(AppConfig):
    name = "opmaat.catalog"
    verbose_name = _("Catalogus")

    def ready(self) -> None:
        from opmaat.catalog import cache
        from opmaat.domain.catalog.model import UnitKind
        from opmaat.ui import voice

        cache.connect_signals()

        def named(code: str) -> str:
            return cache.current_catalog().name_of(code)

        def generic(code: str) -> bool:
            unit = cache.current_catalog().units.get(code)
            return unit is not None and unit.kind == UnitKind.GENERIC

        voice.NAMING.update(
            name=lambda code: cache.current_catalog().name_of(code), generic=generic
        )
