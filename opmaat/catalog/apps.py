from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "opmaat.catalog"
    verbose_name = "Catalogus"
