from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "opmaat.accounts"
    verbose_name = _("Organisaties en accounts")

    def ready(self) -> None:
        from opmaat.accounts import signals  # noqa: F401  (connects the receivers)
