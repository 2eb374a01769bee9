from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "opmaat.accounts"
    verbose_name = _("Organisaties en accounts")

    def ready(self) -> None:
        from opmaat.accounts import signals

        # After every app's migrations: new catalog tables get their editors' permissions.
        post_migrate.connect(signals.on_migrate, dispatch_uid="catalog-editors-permissions")
