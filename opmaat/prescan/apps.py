from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PrescanConfig(AppConfig):
    name = "opmaat.prescan"
    verbose_name = _("Vrijstellingsscan")

    def ready(self) -> None:
        from opmaat.prescan import signals

        post_migrate.connect(signals.on_migrate, sender=self, dispatch_uid="prescan-rule-perms")
