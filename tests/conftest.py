"""Shared fixtures: every test database starts with the default catalog loaded once; the
personas of tests/personas.py (and Anna in training) are there for any test that asks for
them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import settings as hypothesis_settings
from pytest_django import DjangoDbBlocker, Settings

from opmaat.catalog.files import default_catalog_path, read_catalog
from opmaat.domain.catalog import Catalog
from tests.personas import anna_in_training, personas

__all__ = ["anna_in_training", "personas"]

# Timings belong in benchmarks/, not in tests: no property test fails for being slow on a
# busy machine (hypothesis's default deadline is 200 ms an example).
hypothesis_settings.register_profile("opmaat", deadline=None)
hypothesis_settings.load_profile("opmaat")


@pytest.fixture(scope="session")
def default_catalog() -> Catalog:
    return read_catalog(default_catalog_path())


@pytest.fixture(scope="session")
def django_db_setup(
    django_db_setup: None, django_db_blocker: DjangoDbBlocker, default_catalog: Catalog
) -> Iterator[None]:
    from opmaat.catalog.services import do_load_catalog

    with django_db_blocker.unblock():
        do_load_catalog(default_catalog)
    yield


@pytest.fixture(autouse=True)
def fast_password_hashing(settings: Settings) -> None:
    """Real hashing costs ~0.2 s a password; tests create many accounts."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def fresh_rate_counts() -> None:
    """Each test starts with no requests counted against the public rate limits."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def demo(db: None) -> None:
    """The demo organisations, one account per role and fourteen learners (opmaat.demo)."""
    from opmaat.catalog import cache
    from opmaat.demo import do_load_demo

    cache.clear()
    do_load_demo()
