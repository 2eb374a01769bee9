from django.apps import AppConfig


class UiConfig(AppConfig):
    """Not a capability: the templates, tags and widgets the apps' pages share."""

    name = "opmaat.ui"
    verbose_name = "opmaat UI"
