"""Broken files: every problem is found, and each names file, place and field."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from opmaat.catalog_files import read_catalog, write_catalog
from opmaat.domain.errors import InvalidCatalog, Problem
from tests.catalog_files.samples import small_catalog

GOOD = """\
format: opmaat-catalog/1
qualifications:
  - crebo: 10001
    name: Drie
    level: 3
    nominal_years: 3
    units: [D1-K1]
    generic: {nederlands: 2F}
units:
  - code: D1-K1
    title: Basis
    level: 3
    hours: 400
    outcomes:
      - {code: D1-K1-W1, title: Eén}
  - code: NL-2F
    title: Nederlands
    level: 2
    kind: generic
    hours: 160
"""


def problems_in(path: Path) -> list[Problem]:
    with pytest.raises(InvalidCatalog) as caught:
        read_catalog(path)
    return list(caught.value.problems)


def write(tmp_path: Path, text: str, name: str = "c.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def test_the_base_sample_is_valid(tmp_path: Path) -> None:
    catalog = read_catalog(write(tmp_path, GOOD))
    assert list(catalog.qualifications) == ["10001"]  # a numeric crebo becomes text


def test_a_syntax_error_names_its_line(tmp_path: Path) -> None:
    [problem] = problems_in(write(tmp_path, GOOD.replace("    hours: 400", "    hours: [400")))
    assert problem.location.startswith("line ")
    assert "syntax error" in problem.message


def test_a_wrong_type_names_the_line_and_field(tmp_path: Path) -> None:
    [problem] = problems_in(
        write(tmp_path, GOOD.replace("    level: 3\n    hours", "    level: drie\n    hours"))
    )
    assert (problem.location, problem.field) == ("line 12", "level")
    assert "whole number" in problem.message


def test_a_missing_required_field_is_named(tmp_path: Path) -> None:
    [problem] = problems_in(write(tmp_path, GOOD.replace("    name: Drie\n", "")))
    assert (problem.field, problem.message) == ("name", "required")


def test_a_duplicate_unit_code_is_reported(tmp_path: Path) -> None:
    problems = problems_in(write(tmp_path, GOOD.replace("code: NL-2F", "code: D1-K1")))
    assert any("duplicate unit code D1-K1" in p.message for p in problems)


def test_an_unknown_unit_reference_names_the_line_of_the_list(tmp_path: Path) -> None:
    [problem] = problems_in(write(tmp_path, GOOD.replace("[D1-K1]", "[D1-K1, D1-K9]")))
    assert (problem.location, problem.field, problem.message) == (
        "line 7",
        "units",
        "unknown unit D1-K9",
    )


def test_a_missing_generic_unit_is_reported(tmp_path: Path) -> None:
    [problem] = problems_in(write(tmp_path, GOOD.replace("{nederlands: 2F}", "{nederlands: 3F}")))
    assert "NL-3F" in problem.message


def test_an_unknown_field_is_reported_as_a_likely_typo(tmp_path: Path) -> None:
    [problem] = problems_in(
        write(tmp_path, GOOD.replace("    hours: 400", "    hours: 400\n    hour: 3"))
    )
    assert (problem.field, problem.location) == ("hour", "line 14")


def test_a_prerequisite_cycle_is_named(tmp_path: Path) -> None:
    text = (
        GOOD
        + "prerequisites:\n  - {unit: D1-K1, requires: NL-2F}\n  - {unit: NL-2F, requires: D1-K1}\n"
    )
    [problem] = problems_in(write(tmp_path, text))
    assert "cycle" in problem.message and "D1-K1 -> NL-2F -> D1-K1" in problem.message


def test_three_distinct_errors_give_three_problems(tmp_path: Path) -> None:
    text = (
        GOOD.replace("    nominal_years: 3", "    nominal_years: -1")
        .replace("hours: 160", "hours: veel")
        .replace("[D1-K1]", "[D1-K1, X]")
    )
    assert len(problems_in(write(tmp_path, text))) == 3


def test_json_syntax_errors_name_the_line(tmp_path: Path) -> None:
    [problem] = problems_in(write(tmp_path, '{\n  "units": [\n  }\n', "c.json"))
    assert problem.location == "line 3"
    assert "JSON" in problem.message


def test_a_missing_file_is_one_problem(tmp_path: Path) -> None:
    [problem] = problems_in(tmp_path / "nope.yaml")
    assert problem.message.startswith("cannot read")


def test_an_unknown_file_type_is_refused(tmp_path: Path) -> None:
    [problem] = problems_in(write(tmp_path, "x", "c.txt"))
    assert "unknown file type" in problem.message


def test_a_bad_number_in_a_sheet_names_sheet_and_row(tmp_path: Path) -> None:
    path = tmp_path / "c.xlsx"
    write_catalog(small_catalog(), path, "xlsx")
    book = load_workbook(path)
    book["units"]["E3"] = "veel"  # column E is hours; row 3 the second unit
    book.save(path)
    [problem] = problems_in(path)
    assert (problem.location, problem.field) == ("sheet units, row 3", "hours")


def test_an_unknown_csv_column_names_the_file_and_header_row(tmp_path: Path) -> None:
    path = tmp_path / "c.zip"
    write_catalog(small_catalog(), path, "csv")
    with zipfile.ZipFile(path) as archive:
        files = {n: archive.read(n) for n in archive.namelist()}
    files["units.csv"] = files["units.csv"].replace(b"hours,", b"uren,", 1)
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    problems = problems_in(path)
    assert any(p.location == "units.csv, row 1" and p.field == "uren" for p in problems)
