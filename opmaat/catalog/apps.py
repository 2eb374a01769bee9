from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CatalogConfig(AppConfig):
    name = "opmaat.catalog"
    verbose_name = _("Catalogus")

    def ready(self) -> None:
        from opmaat.catalog import cache

        cache.connect_signals()
        post_migrate.connect(
            grant_catalog_permissions, sender=self, dispatch_uid="catalog-editors-permissions"
        )


def grant_catalog_permissions(**_: object) -> None:
    """The catalog editors' group also edits the tables added since it was made (such as
    vooropleidingen): `make_catalog_editor` gives it the catalog's permissions only once."""
    from django.contrib.auth.models import Group, Permission

    from opmaat.accounts.services import CATALOG_EDITORS

    group = Group.objects.filter(name=CATALOG_EDITORS).first()
    if group is not None:
        group.permissions.add(*Permission.objects.filter(content_type__app_label="catalog"))
