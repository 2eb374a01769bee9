"""The recognition tests keep uploads in a directory of their own. Their people are the
personas (tests/personas.py): candidate Anna, advisor Bram, assessor Dirk, exam board Eva,
teacher Tess, outsider Chris (an advisor at another school)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_django import Settings


@pytest.fixture(autouse=True)
def uploads_dir(tmp_path: Path, settings: Settings) -> Iterator[Path]:
    settings.UPLOAD_DIR = tmp_path / "uploads"
    yield settings.UPLOAD_DIR
