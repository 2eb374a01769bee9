"""Writing small places and students files for tests."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook

PLACES = "place_id,capacity,ranking\nP1,1,\nP2,2,S2;S1\n"
STUDENTS = "student_id,preferences\nS1,P1;P2\nS2,P1\nS3,P2\n"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def write_xlsx(folder: Path, name: str, rows: Sequence[Sequence[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(list(row))
    path = folder / name
    book.save(path)
    return path
