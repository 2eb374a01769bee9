from __future__ import annotations

from collections.abc import Iterator

import pytest

from opmaat.catalog import cache


@pytest.fixture(autouse=True)
def fresh_catalog_cache() -> Iterator[None]:
    """Each test sees the catalog of its own database, and leaves none of it cached for the
    tests after it (their transaction rolls back what it loaded)."""
    cache.clear()
    yield
    cache.clear()
