from __future__ import annotations

import pytest

from opmaat.domain.catalog import Catalog
from tests.domain.routes.factories import mz_catalog


@pytest.fixture(scope="session")
def mz() -> Catalog:
    """A catalog shaped like dossier 23181 Maatschappelijke Zorg (see `mz_catalog`)."""
    return mz_catalog()
