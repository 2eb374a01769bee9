"""The small catalog of samples.py as a fixture, for tests that only pass it through."""

from __future__ import annotations

import pytest

from opmaat.domain.catalog import Catalog
from tests.catalog.files.samples import small_catalog


@pytest.fixture
def catalog() -> Catalog:
    """Two qualifications sharing a basisdeel unit, generic units, an elective, a
    certificate over an outcome, prerequisites, equivalences, exam units in a second cut
    and prior education: every field of the format set somewhere."""
    return small_catalog()
