"""Start Django only for the commands that need the database, and say plainly when it is
not ready."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from opmaat import env
from opmaat.cli.errors import UserError


def setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "opmaat.settings")
    import django

    django.setup()


def database_location() -> str:
    url = env.database_url()
    if url:
        return url.split("@")[-1]  # never print a password
    return str(env.sqlite_path())


def database_exists() -> bool:
    """True when a database was configured or created; a bare check never creates a file."""
    from django.conf import settings

    if settings.configured:  # already running inside Django (tests, the web app)
        return True
    return env.database_url() is not None or env.sqlite_path().exists()


@contextmanager
def database_errors() -> Iterator[None]:
    """Turn "no such table" and connection failures into one readable line."""
    from django.db import DatabaseError

    try:
        yield
    except DatabaseError as error:
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error)
        raise UserError(
            f"database {database_location()} is niet klaar voor gebruik ({first_line}); "
            "voer `opmaat init` uit"
        ) from error


def has_catalog() -> bool:
    """True when the database exists, is migrated and holds a catalog."""
    if not database_exists():
        return False
    setup()
    from django.db import DatabaseError, connection

    try:
        if "catalog_qualification" not in connection.introspection.table_names():
            return False
        from opmaat.catalog.services import catalog_is_loaded

        return catalog_is_loaded()
    except DatabaseError:
        return False
