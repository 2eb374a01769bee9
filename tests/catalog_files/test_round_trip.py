"""Every encoding gives back exactly the catalog that was written."""

from __future__ import annotations

from pathlib import Path

import pytest

from opmaat.catalog_files import default_catalog_path, read_catalog, write_catalog
from tests.catalog_files.samples import same_catalog, small_catalog

ENCODINGS = [("yaml", "c.yaml"), ("json", "c.json"), ("xlsx", "c.xlsx"), ("csv", "c.zip")]


@pytest.mark.parametrize("fmt, name", ENCODINGS)
def test_a_written_catalog_reads_back_unchanged(tmp_path: Path, fmt: str, name: str) -> None:
    path = tmp_path / name
    write_catalog(small_catalog(), path, fmt)
    assert same_catalog(read_catalog(path), small_catalog())


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
