"""The recognition tests keep uploads in a directory of their own. Their people are the
personas (tests/personas.py): candidate Anna, advisor Bram, assessor Dirk, exam board Eva,
teacher Tess, outsider Chris (an advisor at another school)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_django import Settings

from opmaat.domain.recognition.evc import EvcState
from opmaat.recognition.models import EvcProcedure
from tests.factories import make_procedure
from tests.personas import Personas


@pytest.fixture(autouse=True)
def uploads_dir(tmp_path: Path, settings: Settings) -> Iterator[Path]:
    settings.UPLOAD_DIR = tmp_path / "uploads"
    yield settings.UPLOAD_DIR


@pytest.fixture
def procedure(personas: Personas) -> EvcProcedure:
    """Anna's procedure at the EVC provider, in its portfolio phase (a module may have its own)."""
    return make_procedure(
        personas.bram, personas.anna_record, personas.evc_provider, state=EvcState.PORTFOLIO
    )
