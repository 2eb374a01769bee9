"""Broken files: every problem is found, and each names file, place and field."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from opmaat.catalog.files import read_catalog, write_catalog
from opmaat.catalog.files.tables import TABLES
from opmaat.domain.catalog import Equivalence, GenericRequirements, Qualification, Unit, UnitKind
from opmaat.domain.errors import InvalidCatalog, Problem, Value
from opmaat.messages import message, problem_text
from tests.catalog.files.samples import small_catalog

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

# A unit made of the werkproces that D1-K1 defines, to append to GOOD's units (lines 21-24).
EXAM_UNIT = """\
  - code: EX-1
    title: Examen
    level: 3
    werkprocessen: [D1-K1-W1]
"""
# Another cut of GOOD's qualification, into EXAM_UNIT (lines 9-11 of in_qualification).
CUT = "    cuts:\n      - name: examens\n        units: [EX-1]\n"


def in_qualification(lines: str) -> str:
    """GOOD with `lines` added to its qualification, from line 9."""
    generic = "    generic: {nederlands: 2F}\n"
    return GOOD.replace(generic, generic + lines)


def problems_in(path: Path) -> list[Problem]:
    with pytest.raises(InvalidCatalog) as caught:
        read_catalog(path)
    return list(caught.value.problems)


def write(tmp_path: Path, text: str, name: str = "c.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def where(problems: list[Problem]) -> list[tuple[str, str, str]]:
    return [(p.location, p.field, p.message) for p in problems]


Said = tuple[str, str, str, dict[str, Value]]


def said(problems: list[Problem]) -> list[Said]:
    """Each problem as (location, field, kind, data): which problem it is, where."""
    return [(p.location, p.field, p.kind, dict(p.data)) for p in problems]


def column(table: str, name: str) -> str:
    """The sheet column letter of a table's column."""
    return get_column_letter(TABLES[table].index(name) + 1)


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
    problems = problems_in(write(tmp_path, GOOD.replace("[D1-K1]", "[D1-K1, D1-K9]")))
    assert said(problems) == [("line 7", "units", "unknown_unit", {"value": "D1-K9"})]


def test_a_consistency_problem_is_told_in_dutch_with_its_place(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("[D1-K1]", "[D1-K1, D1-K9]"))
    with pytest.raises(InvalidCatalog) as caught:
        read_catalog(path)
    [problem] = caught.value.problems
    assert problem_text(problem) == f"{path}, regel 7, kolom units: onbekende leereenheid D1-K9"
    assert message(caught.value) == (
        f"Het catalogusbestand heeft een probleem: {path}, regel 7, kolom units: onbekende "
        "leereenheid D1-K9"
    )


def test_a_missing_generic_unit_is_reported(tmp_path: Path) -> None:
    problems = problems_in(write(tmp_path, GOOD.replace("{nederlands: 2F}", "{nederlands: 3F}")))
    assert said(problems) == [("line 8", "generic", "generic_unit_missing", {"value": "NL-3F"})]


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
    assert (problem.kind, dict(problem.data)) == (
        "prerequisite_cycle",
        {"cycle": "D1-K1 -> NL-2F -> D1-K1"},
    )


def test_problems_in_a_document_are_listed_by_line(tmp_path: Path) -> None:
    text = GOOD.replace("    level: 3\n    hours", "    level: drie\n    hours").replace(
        "[D1-K1]", "[D1-K1, X]"
    )
    assert [p.location for p in problems_in(write(tmp_path, text))] == ["line 7", "line 12"]


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


def test_a_yaml_syntax_error_names_the_exact_line_and_column(tmp_path: Path) -> None:
    [problem] = problems_in(write(tmp_path, GOOD.replace("units: [D1-K1]", "units: [D1-K1")))
    assert problem.location == "line 8"
    assert "column" in problem.message


def test_a_key_given_twice_is_reported_rather_than_overwritten(tmp_path: Path) -> None:
    [problem] = problems_in(
        write(tmp_path, GOOD.replace("    hours: 400", "    hours: 400\n    hours: 40"))
    )
    assert (problem.location, problem.field) == ("line 14", "hours")
    assert "twice" in problem.message


def test_a_key_given_twice_in_json_is_reported(tmp_path: Path) -> None:
    text = '{"format": "opmaat-catalog/1",\n "meta": {"title": "a",\n "title": "b"}}\n'
    [problem] = problems_in(write(tmp_path, text, "c.json"))
    assert (problem.location, problem.field) == ("line 3", "meta.title")


def test_json_problems_name_the_line_of_the_field(tmp_path: Path) -> None:
    text = '{\n  "units": [\n    {"code": "U1", "title": "T",\n     "level": "drie", "hours": 1}]}'
    [problem] = problems_in(write(tmp_path, text, "c.json"))
    assert (problem.location, problem.field) == ("line 4", "level")


def test_an_out_of_range_level_is_one_problem_not_two(tmp_path: Path) -> None:
    [problem] = problems_in(
        write(tmp_path, GOOD.replace("    level: 3\n    hours", "    level: 9\n    hours"))
    )
    assert (problem.location, problem.field) == ("line 12", "level")


def test_a_wrong_enumeration_value_lists_the_allowed_ones(tmp_path: Path) -> None:
    problems = problems_in(write(tmp_path, GOOD.replace("kind: generic", "kind: generiek")))
    [problem] = [p for p in problems if p.field == "kind"]
    assert problem.location == "line 19"
    assert "vocational, elective, generic" in problem.message


def test_a_bad_date_is_reported(tmp_path: Path) -> None:
    text = GOOD.replace(
        "    nominal_years: 3\n", "    nominal_years: 3\n    valid_from: 1-8-2015\n"
    )
    [problem] = problems_in(write(tmp_path, text))
    assert (problem.field, problem.location) == ("valid_from", "line 7")


def test_a_date_may_be_given_as_text(tmp_path: Path) -> None:
    text = GOOD.replace(
        "    nominal_years: 3\n", '    nominal_years: 3\n    valid_from: "2015-08-01"\n'
    )
    catalog = read_catalog(write(tmp_path, text))
    assert str(catalog.qualifications["10001"].valid_from) == "2015-08-01"


def test_an_unknown_top_level_section_is_reported(tmp_path: Path) -> None:
    [problem] = problems_in(write(tmp_path, GOOD + "unitz: []\n"))
    assert (problem.field, problem.location) == ("unitz", "line 21")


def test_meta_takes_any_key(tmp_path: Path) -> None:
    catalog = read_catalog(
        write(tmp_path, GOOD + "meta:\n  anything: goes\n  compiled: 2025-01-01\n")
    )
    assert catalog.meta == {"anything": "goes", "compiled": "2025-01-01"}


def test_a_prerequisite_problem_names_its_own_line(tmp_path: Path) -> None:
    text = GOOD + (
        "prerequisites:\n  - {unit: D1-K1, requires: NL-2F}\n  - {unit: D1-K1, requires: D1-K7}\n"
    )
    assert said(problems_in(write(tmp_path, text))) == [
        ("line 23", "requires", "unknown_unit_or_werkproces", {"value": "D1-K7"})
    ]


def test_a_file_that_is_not_utf8_is_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_bytes("title: caf\xe9\n".encode("latin-1"))
    [problem] = problems_in(path)
    assert "UTF-8" in problem.message


def test_a_broken_zip_or_workbook_is_one_problem(tmp_path: Path) -> None:
    for name in ("c.zip", "c.xlsx"):
        [problem] = problems_in(write(tmp_path, "not a zip", name))
        assert problem.location == ""


def test_an_unknown_unit_in_a_sheet_names_the_link_row(tmp_path: Path) -> None:
    path = tmp_path / "c.xlsx"
    write_catalog(small_catalog(), path, "xlsx")
    book = load_workbook(path)
    book["qualification_units"]["B2"] = "D1-NOPE"
    book.save(path)
    assert said(problems_in(path)) == [
        ("sheet qualification_units, row 2", "units", "unknown_unit", {"value": "D1-NOPE"})
    ]


def test_a_crebo_typed_as_a_number_in_a_sheet_is_a_code(tmp_path: Path) -> None:
    path = tmp_path / "c.xlsx"
    write_catalog(small_catalog(), path, "xlsx")
    book = load_workbook(path)
    book["qualifications"]["A2"] = 10001.0
    book["qualification_units"]["A2"] = 10001
    book.save(path)
    assert "10001" in read_catalog(path).qualifications


def test_csv_problems_name_the_file_and_row(tmp_path: Path) -> None:
    (tmp_path / "units.csv").write_text("code,title,level,hours\nU1,Een,3,80\nU2,Twee,drie,80\n")
    [problem] = problems_in(tmp_path)
    assert (problem.location, problem.field) == ("units.csv, row 3", "level")


def test_every_problem_in_a_sheet_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "c.xlsx"
    write_catalog(small_catalog(), path, "xlsx")
    book = load_workbook(path)
    book["units"]["C2"] = "drie"  # level
    book["units"]["E4"] = -5  # hours
    book["certificates"]["E2"] = "D1-NOPE"  # covers
    book.save(path)
    assert [(p.location, p.field) for p in problems_in(path)] == [
        ("sheet units, row 2", "level"),
        ("sheet units, row 4", "hours"),
        ("sheet certificates, row 2", "covers"),
    ]


def test_a_missing_path_without_a_suffix_cannot_be_read(tmp_path: Path) -> None:
    [problem] = problems_in(tmp_path / "catalog")
    assert problem.message == "cannot read: No such file or directory"


def test_a_semicolon_separated_csv_from_dutch_excel_is_read(tmp_path: Path) -> None:
    folder = tmp_path / "tables"
    folder.mkdir()
    (folder / "units.csv").write_text("code;title;level;hours;sources\nD1-K1;Basis;3;400,5;a | b\n")
    unit = read_catalog(folder).units["D1-K1"]
    assert (unit.title, unit.level, unit.hours, unit.sources) == ("Basis", 3, 400.5, ("a", "b"))


def test_a_problem_in_a_semicolon_separated_csv_names_file_row_and_field(tmp_path: Path) -> None:
    (tmp_path / "units.csv").write_text("code;title;level;hours\nU1;Een;3;80\nU2;Twee;drie;80\n")
    [problem] = problems_in(tmp_path)
    assert (problem.location, problem.field) == ("units.csv, row 3", "level")


# Fields added since the first release of opmaat-catalog/1 -------------------------------


def test_a_document_without_the_added_fields_reads_with_their_defaults(tmp_path: Path) -> None:
    text = GOOD + "equivalences:\n  - {source: OLD, counts_for: [D1-K1]}\n"
    catalog = read_catalog(write(tmp_path, text))
    assert catalog.qualifications["10001"] == Qualification(
        "10001", "Drie", 3, 3, ("D1-K1",), GenericRequirements("2F")
    )
    assert catalog.units["NL-2F"] == Unit("NL-2F", "Nederlands", 2, 160, kind=UnitKind.GENERIC)
    assert catalog.equivalences == (Equivalence("OLD", ("D1-K1",)),)
    assert catalog.prior_education == {}


def test_a_unit_may_refer_to_werkprocessen_and_leave_out_its_hours(tmp_path: Path) -> None:
    catalog = read_catalog(write(tmp_path, GOOD + EXAM_UNIT))
    exam = catalog.units["EX-1"]
    assert (exam.werkprocessen, [o.code for o in exam.outcomes]) == (("D1-K1-W1",), ["D1-K1-W1"])
    assert (exam.hours, catalog.stated_hours["EX-1"]) == (400, 400)


def test_a_unit_that_both_defines_and_refers_to_werkprocessen_is_refused(tmp_path: Path) -> None:
    text = GOOD.replace("    hours: 400\n", "    hours: 400\n    werkprocessen: [D1-K1-W1]\n")
    assert where(problems_in(write(tmp_path, text))) == [
        (
            "line 14",
            "werkprocessen",
            "a unit either defines its werkprocessen (outcomes) or refers to others' "
            "(werkprocessen), not both",
        )
    ]


def test_a_unit_refers_only_to_known_werkprocessen(tmp_path: Path) -> None:
    text = GOOD + EXAM_UNIT.replace("[D1-K1-W1]", "[D1-K1-W1, D1-K1-W9]")
    assert said(problems_in(write(tmp_path, text))) == [
        ("line 24", "werkprocessen", "unknown_werkproces", {"value": "D1-K1-W9"})
    ]


def test_a_referring_unit_states_the_hours_of_its_werkprocessen(tmp_path: Path) -> None:
    problems = problems_in(write(tmp_path, GOOD + EXAM_UNIT + "    hours: 390\n"))
    assert said(problems) == [
        ("line 25", "hours", "not_sum_of_werkprocessen", {"hours": "400", "value": "390"})
    ]


def test_hours_that_cannot_be_read_are_reported_once_not_again_by_a_referring_unit(
    tmp_path: Path,
) -> None:
    text = (GOOD + EXAM_UNIT + "    hours: 400\n").replace(
        "hours: 400\n    outcomes", "hours: veel\n    outcomes"
    )
    assert [(p.location, p.field) for p in problems_in(write(tmp_path, text))] == [
        ("line 13", "hours")
    ]


def test_only_a_generic_subject_is_an_obligation(tmp_path: Path) -> None:
    text = GOOD.replace("    hours: 400\n", "    hours: 400\n    obligation: true\n")
    assert said(problems_in(write(tmp_path, text))) == [
        ("line 14", "obligation", "obligation_not_generic", {})
    ]


@pytest.mark.parametrize(
    "value, kind, data",
    [
        ("-5", "too_small", {"low": 0, "value": "-5"}),
        ("veel", "not_number", {"value": "veel"}),
    ],
)
def test_exam_hours_are_a_number_of_at_least_0(
    tmp_path: Path, value: str, kind: str, data: dict[str, Value]
) -> None:
    text = GOOD + f"    exam_hours: {value}\n"  # of NL-2F, the last unit
    assert said(problems_in(write(tmp_path, text))) == [("line 21", "exam_hours", kind, data)]


@pytest.mark.parametrize(
    "value, kind, data",
    [
        ("-1", "too_small", {"low": 0, "value": "-1"}),
        ("600", "beyond_field", {"other": "elective_hours", "high": "480", "value": "600"}),
        ("veel", "not_number", {"value": "veel"}),
    ],
)
def test_shortened_elective_hours_are_0_to_the_elective_hours(
    tmp_path: Path, value: str, kind: str, data: dict[str, Value]
) -> None:
    text = in_qualification(f"    elective_hours: 480\n    elective_hours_shortened: {value}\n")
    assert said(problems_in(write(tmp_path, text))) == [
        ("line 10", "elective_hours_shortened", kind, data)
    ]


def test_an_unknown_admission_lists_the_allowed_ones(tmp_path: Path) -> None:
    text = in_qualification("    admission: iedereen\n")
    assert where(problems_in(write(tmp_path, text))) == [
        (
            "line 9",
            "admission",
            "expected one of open, without_level_2_entry, level_3_in_field, got 'iedereen'",
        )
    ]


@pytest.mark.parametrize("value", ["5", "5F", "1", "2G"])
def test_rekenen_is_a_reference_level_or_an_mbo_rekenniveau(tmp_path: Path, value: str) -> None:
    text = GOOD.replace("{nederlands: 2F}", f"{{nederlands: 2F, rekenen: {value}}}")
    assert where(problems_in(write(tmp_path, text))) == [
        (
            "line 8",
            "rekenen",
            f"expected a reference level 1F to 4F or an mbo-rekenniveau 2 to 4, got {value!r}",
        )
    ]


def test_rekenen_at_an_mbo_rekenniveau_needs_its_generic_unit(tmp_path: Path) -> None:
    text = GOOD.replace("{nederlands: 2F}", "{nederlands: 2F, rekenen: 3}")
    assert said(problems_in(write(tmp_path, text))) == [
        ("line 8", "generic", "generic_unit_missing", {"value": "REK-3"})
    ]
    rekenen = "  - {code: REK-3, title: Rekenen, level: 3, kind: generic, hours: 120}\n"
    catalog = read_catalog(write(tmp_path, text + rekenen))
    assert catalog.qualifications["10001"].generic.unit_codes() == ("NL-2F", "REK-3")


def test_a_qualification_may_have_another_cut(tmp_path: Path) -> None:
    catalog = read_catalog(write(tmp_path, in_qualification(CUT) + EXAM_UNIT))
    assert catalog.qualifications["10001"].cut("examens") == ("EX-1",)


@pytest.mark.parametrize(
    "units, kind, data",
    [
        ("[EX-1, EX-9]", "unknown_unit", {"value": "EX-9"}),
        ("[EX-1, NL-2F]", "generic_in_units", {"value": "NL-2F"}),
        ("[]", "cut_misses", {"name": "examens", "codes": ("D1-K1-W1",)}),
    ],
)
def test_a_cut_divides_the_werkprocessen_of_the_default_cut(
    tmp_path: Path, units: str, kind: str, data: dict[str, Value]
) -> None:
    text = in_qualification(CUT.replace("[EX-1]", units)) + EXAM_UNIT
    assert said(problems_in(write(tmp_path, text))) == [("line 9", "cuts", kind, data)]


def test_a_cut_has_a_name_and_only_known_fields(tmp_path: Path) -> None:
    text = in_qualification("    cuts:\n      - units: [D1-K1]\n        naam: x\n")
    assert [(p.location, p.field) for p in problems_in(write(tmp_path, text))] == [
        ("line 10", "name"),
        ("line 11", "naam"),
    ]


def test_a_cut_is_a_mapping(tmp_path: Path) -> None:
    text = in_qualification("    cuts: [D1-K1]\n")
    assert where(problems_in(write(tmp_path, text))) == [
        ("line 9", "cuts", "expected each cut to be a mapping, got 'D1-K1'")
    ]


def test_a_successor_is_a_known_qualification(tmp_path: Path) -> None:
    text = in_qualification("    superseded_by: [10009]\n")
    assert said(problems_in(write(tmp_path, text))) == [
        ("line 9", "superseded_by", "unknown_qualification", {"value": "10009"})
    ]


@pytest.mark.parametrize(
    "lines, problem",
    [
        (
            "    valid_from: 2020-08-01\n    valid_until: 2019-07-31\n",
            ("line 10", "valid_until", "before_date", {"other": "valid_from", "day": "2020-08-01"}),
        ),
        (
            "    valid_until: 31-7-2019\n",
            ("line 9", "valid_until", "not_date", {"value": "31-7-2019"}),
        ),
    ],
)
def test_valid_until_is_a_date_not_before_valid_from(
    tmp_path: Path, lines: str, problem: Said
) -> None:
    assert said(problems_in(write(tmp_path, in_qualification(lines)))) == [problem]


def test_prior_education_admits_to_a_level_from_0_to_4(tmp_path: Path) -> None:
    text = GOOD + (
        "prior_education:\n"
        "  - {code: HAVO, name: Havo, admits_level: 5}\n"
        "  - {code: VWO, name: Vwo, admits_level: hoog}\n"
        "  - {code: VMBO, name: Vmbo}\n"
    )
    assert where(problems_in(write(tmp_path, text))) == [
        ("line 22", "admits_level", "must be 0 to 4, got 5"),
        ("line 23", "admits_level", "expected a whole number, got 'hoog'"),
        ("line 24", "admits_level", "required"),
    ]


def test_a_prior_education_code_given_twice_is_reported(tmp_path: Path) -> None:
    text = GOOD + (
        "prior_education:\n"
        "  - {code: HAVO, name: Havo, admits_level: 4}\n"
        "  - {code: havo, name: Havo, admits_level: 4}\n"
    )
    assert where(problems_in(write(tmp_path, text))) == [
        ("line 23", "code", "duplicate prior education code HAVO")
    ]


def test_problems_in_the_added_columns_and_tables_name_sheet_and_row(tmp_path: Path) -> None:
    path = tmp_path / "c.xlsx"
    write_catalog(small_catalog(), path, "xlsx")
    book = load_workbook(path)
    book["units"][f"{column('units', 'werkprocessen')}2"] = "D1-P1-K1-W1"  # D1-B1-K1 defines
    book["units"][f"{column('units', 'exam_hours')}4"] = "veel"
    book["qualifications"][f"{column('qualifications', 'admission')}2"] = "iedereen"
    book["qualification_cuts"][f"{column('qualification_cuts', 'units')}2"] = "EX-1;D1-NOPE"
    book["prior_education"][f"{column('prior_education', 'admits_level')}2"] = 9
    book.save(path)
    assert [(p.location, p.field) for p in problems_in(path)] == [
        ("sheet units, row 2", "werkprocessen"),
        ("sheet units, row 4", "exam_hours"),
        ("sheet qualifications, row 2", "admission"),
        ("sheet prior_education, row 2", "admits_level"),
        ("sheet qualification_cuts, row 2", "cuts"),
    ]


def test_a_cut_row_for_an_unknown_qualification_names_its_row(tmp_path: Path) -> None:
    write_catalog(small_catalog(), tmp_path / "c.zip", "csv")
    zipfile.ZipFile(tmp_path / "c.zip").extractall(tmp_path / "dir")
    with (tmp_path / "dir" / "qualification_cuts.csv").open("a") as cuts:
        cuts.write("10009,kerntaken,D1-B1-K1,\n")
    assert said(problems_in(tmp_path / "dir")) == [
        ("qualification_cuts.csv, row 3", "crebo", "unknown_qualification", {"value": "10009"})
    ]


def test_a_werkproces_row_for_an_unknown_unit_names_its_row(tmp_path: Path) -> None:
    write_catalog(small_catalog(), tmp_path / "c.zip", "csv")
    zipfile.ZipFile(tmp_path / "c.zip").extractall(tmp_path / "dir")
    with (tmp_path / "dir" / "outcomes.csv").open("a") as outcomes:
        outcomes.write("D1-NOPE,D1-NOPE-W1,Eén,\n")
    [problem] = problems_in(tmp_path / "dir")
    assert (problem.field, problem.kind, dict(problem.data)) == (
        "unit",
        "unknown_unit",
        {"value": "D1-NOPE"},
    )
    assert problem.location.startswith("outcomes.csv, row ")
