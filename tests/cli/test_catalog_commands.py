"""`opmaat catalog validate|load|export`: files in every format, broken files, nothing lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from opmaat.catalog import cache, models
from opmaat.catalog.files import default_catalog_path, write_catalog
from opmaat.catalog.files import read_catalog as read_file
from opmaat.catalog.files.document import dump
from opmaat.catalog.services import read_catalog
from tests.cli.conftest import Opmaat

pytestmark = pytest.mark.django_db

BROKEN = """\
format: opmaat-catalog/1
qualifications:
  - crebo: "99001"
    name: Proefkwalificatie
    level: 3
    nominal_years: 2
    units: [X-K1, X-MISSING]
units:
  - code: X-K1
    title: Eerste kerntaak
    level: drie
    kind: vocational
    hours: 100
"""


def test_the_default_catalog_is_valid(opmaat: Opmaat) -> None:
    result = opmaat("catalog", "validate", str(default_catalog_path()))
    assert result.code == 0
    assert "valid" in result.out


def test_validate_reports_every_problem_with_file_line_and_field(
    opmaat: Opmaat, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(BROKEN)
    result = opmaat("catalog", "validate", str(broken))
    assert result.code == 1
    lines = result.out.splitlines()
    assert any("broken.yaml, regel 11, kolom level:" in line for line in lines), lines
    assert any("X-MISSING" in line and "units" in line for line in lines), lines
    assert result.err.startswith("opmaat: ")


def test_validate_json_lists_the_problems(opmaat: Opmaat, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(BROKEN)
    result = opmaat("catalog", "validate", "--json", str(broken))
    assert result.code == 1
    report = json.loads(result.out)
    assert report["valid"] is False
    assert {"file", "location", "field", "message"} <= set(report["problems"][0])


def test_a_broken_file_loads_nothing(opmaat: Opmaat, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(BROKEN)
    before = models.Unit.objects.count()
    result = opmaat("catalog", "load", str(broken))
    assert result.code == 1
    summary = result.err.splitlines()[-1]
    assert summary == f"opmaat: {broken}: 2 problemen; er is niets opgeslagen"
    assert models.Unit.objects.count() == before
    assert not models.Qualification.objects.filter(crebo="99001").exists()


def test_a_missing_file_fails_with_one_line(opmaat: Opmaat, tmp_path: Path) -> None:
    result = opmaat("catalog", "validate", str(tmp_path / "nope.yaml"))
    assert result.code == 1
    assert "nope.yaml" in result.out + result.err


EXPORTS = [("yaml", "c.yaml"), ("json", "c.json"), ("xlsx", "c.xlsx"), ("csv", "c.zip")]


@pytest.mark.parametrize("fmt, name", EXPORTS)
def test_an_export_validates_and_loads_back_unchanged(
    opmaat: Opmaat, tmp_path: Path, fmt: str, name: str
) -> None:
    target = tmp_path / name
    before = dump(read_catalog())
    assert opmaat("catalog", "export", "--format", fmt, "-o", str(target)).code == 0
    assert opmaat("catalog", "validate", str(target)).code == 0
    assert dump(read_file(target)) == before
    result = opmaat("catalog", "load", str(target))
    assert result.code == 0
    assert " 0 created" in result.out
    cache.clear()
    assert dump(read_catalog()) == before


@pytest.mark.parametrize("fmt, name", EXPORTS)
def test_the_format_follows_from_the_file_name(
    opmaat: Opmaat, tmp_path: Path, fmt: str, name: str
) -> None:
    target = tmp_path / name
    result = opmaat("catalog", "export", "-o", str(target))
    assert result.code == 0 and f"({fmt};" in result.out
    assert opmaat("catalog", "validate", str(target)).code == 0


def test_a_csv_export_to_a_csv_name_is_refused_with_the_name_to_use(
    opmaat: Opmaat, tmp_path: Path
) -> None:
    """--format csv writes a zip of tables: named .csv, validate would not read it back."""
    target = tmp_path / "catalogus.csv"
    result = opmaat("catalog", "export", "--format", "csv", "-o", str(target))
    assert result.code == 1
    assert "-o catalogus.zip" in result.err
    assert not target.exists()


MISNAMED = [("--format", "xlsx", "-o", "c.yaml"), ("--format", "yaml", "-o", "c.json"), ("-o", "c")]


@pytest.mark.parametrize("args", MISNAMED)
def test_an_export_named_for_another_format_is_refused(
    opmaat: Opmaat, tmp_path: Path, args: tuple[str, ...]
) -> None:
    *options, name = args
    result = opmaat("catalog", "export", *options, str(tmp_path / name))
    assert result.code == 1 and result.err.startswith("opmaat: ")
    assert not (tmp_path / name).exists()


def test_a_zip_named_csv_from_an_earlier_export_still_validates(
    opmaat: Opmaat, tmp_path: Path
) -> None:
    old = tmp_path / "catalogus.csv"
    write_catalog(read_catalog(), old, "csv")
    assert opmaat("catalog", "validate", str(old)).code == 0


def test_a_school_can_override_the_hours_of_one_unit(opmaat: Opmaat, tmp_path: Path) -> None:
    override = tmp_path / "school.yaml"
    override.write_text(
        "format: opmaat-catalog/1\n"
        "units:\n"
        "  - code: NL-2F\n"
        "    title: Nederlands 2F\n"
        "    level: 2\n"
        "    kind: generic\n"
        "    hours: 99\n"
        "    hours_source: school\n"
    )
    qualifications = models.Qualification.objects.count()
    assert opmaat("catalog", "load", str(override)).code == 0
    unit = models.Unit.objects.get(code="NL-2F")
    assert (unit.hours, unit.hours_source) == (99, "school")
    assert models.Qualification.objects.count() == qualifications
