"""The demo site behind pytest-django's live server, for the browser and API fuzz tests.

Tests against the live server run in transactions that commit (the server answers from
another thread), so pytest-django empties every table when each of them ends: the catalog
that tests/conftest.py loads once per session as well. These helpers put it back.
"""

from __future__ import annotations

from django.db import connections

from opmaat.catalog import cache
from opmaat.catalog.files import default_catalog_path, read_catalog
from opmaat.catalog.services import catalog_is_loaded, do_load_catalog
from opmaat.demo import do_load_demo


def ensure_catalog() -> None:
    """Load the default catalog unless a catalog is in the database already."""
    if not catalog_is_loaded():
        do_load_catalog(read_catalog(default_catalog_path()))
    cache.clear()


def load_demo_site() -> None:
    """The default catalog and the demo: organisations, one login per role, fourteen learners."""
    ensure_catalog()
    do_load_demo()


def restore_catalog() -> None:
    """Put the catalog back for the tests that follow, and close the connection used for it.

    While Playwright's event loop runs in this thread, Django keeps this thread's database
    connections apart from the ones pytest-django closes before it drops the test database;
    one left open makes PostgreSQL refuse the drop ("being accessed by other users").
    """
    ensure_catalog()
    connections.close_all()
