"""Every encoding gives back exactly the catalog that was written, and files written before
a field was added still read."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Sequence
from pathlib import Path

import pytest
from openpyxl import load_workbook

from opmaat.catalog.files import (
    FORMATS,
    default_catalog_path,
    detect_format,
    read_catalog,
    write_catalog,
)
from opmaat.domain.catalog import Catalog, Equivalence, Qualification, Unit
from tests.catalog.files.samples import first_release_catalog, same_catalog, small_catalog

ENCODINGS = [("yaml", "c.yaml"), ("json", "c.json"), ("xlsx", "c.xlsx"), ("csv", "c.zip")]
# The tables of the first release of opmaat-catalog/1 whose columns have grown since, with
# their columns then; the tables qualification_cuts and prior_education came later.
FIRST_RELEASE_COLUMNS = {
    "qualifications": [
        "crebo", "name", "level", "nominal_years", "nederlands", "rekenen", "engels",
        "loopbaan_burgerschap", "elective_hours", "pathways", "version", "valid_from",
        "dossier_crebo", "dossier_name", "provisional", "confidence", "sources", "notes",
    ],
    "units": [
        "code", "title", "level", "kind", "hours", "hours_source", "hours_rule",
        "carries_certificate", "employer_effect", "version", "provisional", "confidence",
        "sources",
    ],
    "equivalences": ["source", "source_name", "counts_for", "note", "provisional"],
}  # fmt: skip
ADDED_TABLES = ["qualification_cuts", "prior_education"]
DEFAULTS: dict[str, object] = {
    "qualification": Qualification("1", "Q", 1, 1, ()),
    "unit": Unit("U", "U", 1, 0),
    "equivalence": Equivalence("E", ()),
}
# Fields of the model that the format gained after its first release.
ADDED_FIELDS = [
    ("qualification", "cuts"), ("qualification", "superseded_by"),
    ("qualification", "valid_until"), ("qualification", "elective_hours_shortened"),
    ("qualification", "elective_rule"), ("qualification", "admission"),
    ("qualification", "admission_note"), ("unit", "werkprocessen"), ("unit", "obligation"),
    ("unit", "exam_hours"), ("equivalence", "sources"), ("equivalence", "confidence"),
]  # fmt: skip


@pytest.mark.parametrize("fmt, name", ENCODINGS)
def test_a_written_catalog_reads_back_unchanged(
    tmp_path: Path, fmt: str, name: str, catalog: Catalog
) -> None:
    path = tmp_path / name
    write_catalog(catalog, path, fmt)
    assert same_catalog(read_catalog(path), catalog)


def test_the_sample_sets_every_field_added_since_the_first_release(catalog: Catalog) -> None:
    entities: dict[str, Sequence[object]] = {
        "qualification": list(catalog.qualifications.values()),
        "unit": list(catalog.units.values()),
        "equivalence": catalog.equivalences,
    }
    unset = [
        (entity, name)
        for entity, name in ADDED_FIELDS
        if all(getattr(x, name) == getattr(DEFAULTS[entity], name) for x in entities[entity])
    ]
    assert unset == []
    assert catalog.prior_education
    assert catalog.stated_hours["EX-2"] != catalog.units["EX-2"].hours  # stated rounded


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


def test_csv_tables_from_before_the_added_columns_still_read(tmp_path: Path) -> None:
    path = tmp_path / "c.zip"
    write_catalog(first_release_catalog(), path, "csv")
    with zipfile.ZipFile(path) as archive:
        files = {n: archive.read(n).decode() for n in archive.namelist()}
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in files.items():
            table = name.removesuffix(".csv")
            if table not in ADDED_TABLES:
                archive.writestr(name, first_release_csv(text, table))
    assert same_catalog(read_catalog(path), first_release_catalog())


def first_release_csv(text: str, table: str) -> str:
    rows = list(csv.DictReader(io.StringIO(text)))
    columns = FIRST_RELEASE_COLUMNS.get(table, list(rows[0]) if rows else [])
    out = io.StringIO()
    writer = csv.DictWriter(out, columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def test_a_workbook_from_before_the_added_columns_still_reads(tmp_path: Path) -> None:
    path = tmp_path / "c.xlsx"
    write_catalog(first_release_catalog(), path, "xlsx")
    book = load_workbook(path)
    for table in ADDED_TABLES:
        del book[table]
    for table, columns in FIRST_RELEASE_COLUMNS.items():
        book[table].delete_cols(len(columns) + 1, book[table].max_column)
        assert [cell.value for cell in book[table][1]] == columns
    book.save(path)
    assert same_catalog(read_catalog(path), first_release_catalog())
