"""Every encoding gives back exactly the catalog that was written."""

from __future__ import annotations

from pathlib import Path

import pytest

from opmaat.catalog_files import (
    FORMATS,
    default_catalog_path,
    detect_format,
    read_catalog,
    write_catalog,
)
from opmaat.domain.catalog import Catalog, Unit
from tests.catalog_files.samples import same_catalog, small_catalog

ENCODINGS = [("yaml", "c.yaml"), ("json", "c.json"), ("xlsx", "c.xlsx"), ("csv", "c.zip")]


@pytest.mark.parametrize("fmt, name", ENCODINGS)
def test_a_written_catalog_reads_back_unchanged(
    tmp_path: Path, fmt: str, name: str, catalog: Catalog
) -> None:
    path = tmp_path / name
    write_catalog(catalog, path, fmt)
    assert same_catalog(read_catalog(path), catalog)


@pytest.mark.parametrize("fmt, name", ENCODINGS)
def test_text_that_looks_like_a_formula_or_a_number_stays_text(
    tmp_path: Path, fmt: str, name: str
) -> None:
    unit = Unit("00123", "=SUM(A1:A2)", 3, 80, hours_rule="1e3", version="2016-08-01")
    tricky = Catalog(units=[unit], meta={"title": "=1+1", "compiled": "007"})
    write_catalog(tricky, tmp_path / name, fmt)
    assert same_catalog(read_catalog(tmp_path / name), tricky)


def test_formats_are_detected_from_the_suffix_or_a_directory(tmp_path: Path) -> None:
    names = ["a.yaml", "a.YML", "a.json", "a.xlsx", "a.zip"]
    assert [detect_format(tmp_path / n) for n in names] == ["yaml", "yaml", "json", "xlsx", "csv"]
    assert detect_format(tmp_path) == "csv"
    assert set(FORMATS) == {"yaml", "json", "xlsx", "csv"}


@pytest.mark.parametrize("fmt, name", ENCODINGS)
def test_the_default_catalog_survives_every_encoding(tmp_path: Path, fmt: str, name: str) -> None:
    original = read_catalog(default_catalog_path())
    write_catalog(original, tmp_path / name, fmt)
    assert same_catalog(read_catalog(tmp_path / name), original)


def test_a_directory_of_csv_files_reads_like_the_zip(tmp_path: Path) -> None:
    import zipfile

    write_catalog(small_catalog(), tmp_path / "c.zip", "csv")
    zipfile.ZipFile(tmp_path / "c.zip").extractall(tmp_path / "dir")
    assert same_catalog(read_catalog(tmp_path / "dir"), small_catalog())


def test_a_csv_with_a_byte_order_mark_still_reads(tmp_path: Path) -> None:
    import zipfile

    write_catalog(small_catalog(), tmp_path / "c.zip", "csv")
    zipfile.ZipFile(tmp_path / "c.zip").extractall(tmp_path / "dir")
    units = tmp_path / "dir" / "units.csv"
    units.write_bytes(b"\xef\xbb\xbf" + units.read_bytes())
    assert same_catalog(read_catalog(tmp_path / "dir"), small_catalog())


def test_json_with_escaped_characters_outside_the_bmp_reads(tmp_path: Path) -> None:
    import json

    tricky = Catalog(units=[Unit("U-1", "Zorg 😀 \\ud83d", 3, 80)], meta={"emoji": "🧑‍⚕️"})
    path = tmp_path / "c.json"
    write_catalog(tricky, path, "json")
    escaped = json.dumps(json.loads(path.read_text(encoding="utf-8")), ensure_ascii=True)
    path.write_text(escaped, encoding="ascii")  # "\ud83d\ude00" for 😀
    assert same_catalog(read_catalog(path), tricky)
