"""The catalog as domain objects, read once per process and refreshed after changes.

Reading all catalog tables takes tens of milliseconds; pages and the API plan routes on
every request. Saving any catalog row in this process clears the cache at once; other
processes (gunicorn workers) pick changes up within `MAX_AGE` seconds.
"""

from __future__ import annotations

import threading
import time

from django.db.models.signals import post_delete, post_save

from opmaat.domain.catalog import Catalog
from opmaat.domain.catalog.version import catalog_version

MAX_AGE = 60.0
_lock = threading.Lock()
_cached: tuple[float, Catalog] | None = None
_version: tuple[Catalog, str] | None = None


def current_catalog() -> Catalog:
    global _cached
    with _lock:
        if _cached is not None and time.monotonic() - _cached[0] < MAX_AGE:
            return _cached[1]
    from opmaat.catalog.services import read_catalog

    catalog = read_catalog()
    with _lock:
        _cached = (time.monotonic(), catalog)
    return catalog


def current_version() -> str:
    """The version of `current_catalog()` (opmaat.domain.catalog.version), computed once
    per catalog read."""
    global _version
    catalog = current_catalog()
    with _lock:
        if _version is not None and _version[0] is catalog:
            return _version[1]
    version = catalog_version(catalog)
    with _lock:
        _version = (catalog, version)
    return version


def clear(**_: object) -> None:
    global _cached
    with _lock:
        _cached = None


def connect_signals() -> None:
    from opmaat.catalog import models

    for model in (
        models.Qualification,
        models.Unit,
        models.QualificationUnit,
        models.Outcome,
        models.Certificate,
        models.Prerequisite,
        models.Equivalence,
        models.PriorEducation,
    ):
        post_save.connect(clear, sender=model, dispatch_uid=f"catalog-cache-save-{model.__name__}")
        post_delete.connect(clear, sender=model, dispatch_uid=f"catalog-cache-del-{model.__name__}")
