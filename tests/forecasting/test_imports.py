"""Imports: opmaat's own workbook, DUO's mbo enrolments and a CBS AZW table. A file is
checked whole; with any problem nothing is written, and each problem names the file, the
sheet or row, and the column."""

from __future__ import annotations

import io

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import Workbook

from opmaat.domain.errors import FileProblems
from opmaat.forecasting import services
from opmaat.forecasting.access import writable_organisations
from opmaat.forecasting.files.public import read_cbs, read_duo
from opmaat.forecasting.files.template import read_template, template_bytes, template_sheets
from opmaat.forecasting.models import Figure, Measure, Rate
from tests.factories import add_plan_figures
from tests.personas import Personas

VIG = "25656"
HEADER = [
    "qualification",
    "year",
    "measure",
    "part",
    "value",
    "low",
    "high",
    "source",
    "invented",
    "organisation",
]


def workbook(figures: list[list[object]], rates: list[list[object]] | None = None) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "figures"
    sheet.append(HEADER)
    for row in figures:
        sheet.append(row)
    if rates is not None:
        rate_sheet = book.create_sheet("rates")
        rate_sheet.append(
            ["qualification", "name", "central", "low", "high", "distribution", "source"]
        )
        for row in rates:
            rate_sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def problems(error: pytest.ExceptionInfo[FileProblems]) -> list[tuple[str, str, str]]:
    return [(p.file, p.location, p.field) for p in error.value.problems]


def test_the_regions_workbook_reads_back_as_it_was_written(personas: Personas) -> None:
    add_plan_figures(personas.hanna, personas.region, demand=400)
    sheets = template_sheets(list(Figure.objects.all()))
    book = read_template("plan.xlsx", template_bytes(sheets), {""})
    assert len(book.figures) == Figure.objects.count()
    assert {(f.measure, f.part, f.value) for f in book.figures} == {
        (Measure(f.measure), f.part, f.value) for f in Figure.objects.all()
    }


def test_every_problem_names_sheet_row_and_column() -> None:
    data = workbook(
        [
            [VIG, 2025, "workforce", "20-30", 10, None, None, "x", None, None],
            [VIG, "veel", "demand", None, 10, None, None, "x", None, None],
            [VIG, 2025, "students", "BOL-9", None, None, None, "x", None, "Elders"],
        ],
        rates=[
            [VIG, "leaving.55+", 1.5, None, None, "fixed", "x"],
            [VIG, "magic", 0.1, None, None, None, "x"],
        ],
    )
    with pytest.raises(FileProblems) as error:
        read_template("plan.xlsx", data, {""})
    assert problems(error) == [
        ("plan.xlsx", "sheet figures, row 2", "part"),
        ("plan.xlsx", "sheet figures, row 3", "year"),
        ("plan.xlsx", "sheet figures, row 4", "part"),
        ("plan.xlsx", "sheet figures, row 4", "value"),
        ("plan.xlsx", "sheet figures, row 4", "organisation"),
        ("plan.xlsx", "sheet rates, row 2", "central"),
        ("plan.xlsx", "sheet rates, row 3", "name"),
    ]


def test_a_file_with_one_bad_row_writes_nothing(personas: Personas) -> None:
    data = workbook(
        [[VIG, 2025, "workforce", "55+", 10, None, None, "x", None, None],
         [VIG, 2025, "workforce", "oud", 10, None, None, "x", None, None]],
        rates=[[VIG, "leaving.55+", 0.1, None, None, "fixed", "x"]],
    )  # fmt: skip
    client = Client()
    client.force_login(personas.hanna)
    url = reverse("planning_import", args=[personas.region.pk])
    response = client.post(url, {"kind": "template", "file": io.BytesIO(data)})
    assert response.status_code == 200 and "rij 3" in response.content.decode()
    assert not Figure.objects.exists() and not Rate.objects.exists()


def test_a_good_workbook_is_written_in_one_go(personas: Personas) -> None:
    data = workbook(
        [[VIG, 2025, "workforce", "55+", 10, None, None, "x", None, None],
         [VIG, 2025, "students", "BBL-2", None, 1, 4, "DUO", None, "ROC Noord"]],
        rates=[[VIG, "leaving.55+", 0.1, 0.05, 0.2, "triangular", "eigen"]],
    )  # fmt: skip
    client = Client()
    client.force_login(personas.hanna)
    upload = io.BytesIO(data)
    upload.name = "plan.xlsx"
    response = client.post(
        reverse("planning_import", args=[personas.region.pk]), {"kind": "template", "file": upload}
    )
    assert response.status_code == 302
    censored = Figure.objects.get(part="BBL-2")
    assert (censored.value, censored.low, censored.high, censored.organisation) == (
        None,
        1,
        4,
        personas.school,
    )
    assert Rate.objects.get().distribution == "triangular"


def test_a_member_imports_only_their_own_organisations_figures(personas: Personas) -> None:
    organisations = writable_organisations(personas.bram, personas.region)
    data = workbook([[VIG, 2025, "workforce", "55+", 10, None, None, "x", None, "Zorggroep Zuid"]])
    with pytest.raises(FileProblems) as error:
        read_template("plan.xlsx", data, organisations.keys())
    assert problems(error) == [("plan.xlsx", "sheet figures, row 2", "organisation")]


DUO = (
    "INSTELLINGSNAAM;KWALIFICATIECODE;GEMEENTENAAM DEELNEMER;LEEFTIJDSCATEGORIE;"
    "AANTAL DEELNEMERS;INDICATIEAVG\n"
    "ROC A;25656;Tiel;18-20 jaar;40;N\n"
    "ROC A;25656;Tiel;21-24 jaar;4;J\n"
    "ROC B;25656;Culemborg;18-20 jaar;4;J\n"
    "ROC B;25656;Utrecht;18-20 jaar;900;N\n"
    "ROC B;25960;Tiel;18-20 jaar;12;N\n"
)


def test_duo_counts_under_5_are_an_interval_of_1_to_4_never_4() -> None:
    figures = {
        f.qualification: f for f in read_duo("duo.csv", DUO.encode(), 2024, ["Tiel", "culemborg"])
    }
    vig = figures[VIG]
    assert (vig.value, vig.low, vig.high) == (None, 42, 48)
    assert (figures["25960"].value, figures["25960"].year) == (12, 2024)


def test_duo_without_municipalities_counts_everyone() -> None:
    figures = {f.qualification: f for f in read_duo("duo.csv", DUO.encode(), 2024, [])}
    assert (figures[VIG].low, figures[VIG].high) == (942, 948)


def test_a_duo_file_without_its_flag_column_is_refused() -> None:
    data = b"KWALIFICATIECODE;AANTAL DEELNEMERS\n25656;4\n"
    with pytest.raises(FileProblems) as error:
        read_duo("duo.csv", data, 2024, [])
    assert problems(error) == [("duo.csv", "row 1", "indicatieavg")]


def test_a_duo_row_with_a_bad_count_or_flag_names_its_row() -> None:
    data = b"KWALIFICATIECODE;AANTAL DEELNEMERS;INDICATIEAVG\n25656;veel;N\n25656;3;X\n"
    with pytest.raises(FileProblems) as error:
        read_duo("duo.csv", data, 2024, [])
    assert problems(error) == [
        ("duo.csv", "row 2", "aantal deelnemers"),
        ("duo.csv", "row 3", "indicatieavg"),
    ]


CBS = (
    '"Sector";"Regio\'s";"Perioden";"Werknemers (x 1 000)"\n'
    '"Zorg en welzijn breed";"Zuid-West Gelderland";"2023 3e kwartaal";"40,1"\n'
    '"Zorg en welzijn breed";"Zuid-West Gelderland";"2023 4e kwartaal";"40,6"\n'
    '"Zorg en welzijn breed";"Twente";"2023 4e kwartaal";"55,0"\n'
)


def test_a_cbs_table_gives_employees_per_regioplus_region_and_year() -> None:
    figures = {(f.area, f.year): f for f in read_cbs("azw.csv", CBS.encode())}
    assert set(figures) == {("zuid-west-gelderland", 2023), ("twente", 2023)}
    assert figures[("zuid-west-gelderland", 2023)].value == 40.6  # the last quarter read
    assert figures[("twente", 2023)].measure is Measure.EMPLOYEES


def test_a_cbs_row_outside_the_28_regions_is_refused() -> None:
    data = CBS + '"Zorg en welzijn breed";"Atlantis";"2023";"1"\n'
    with pytest.raises(FileProblems) as error:
        read_cbs("azw.csv", data.encode())
    assert problems(error) == [("azw.csv", "row 5", "regio's")]


def test_regions_and_own_groupings_compare_by_their_cbs_employees(personas: Personas) -> None:
    services.do_import(personas.hanna, personas.region, read_cbs("azw.csv", CBS.encode()))
    services.do_save_grouping(
        personas.hanna, personas.region, "Oost", ["twente", "zuid-west-gelderland"]
    )
    years, series = services.employee_series(personas.region)
    assert years == (2023,)
    assert [(s.name, s.values) for s in series] == [
        ("Twente", (55.0,)),
        ("Zuid-West Gelderland", (40.6,)),
        ("Oost", (95.6,)),
    ]
    page = Client()
    page.force_login(personas.bram)
    assert (
        "Zuid-West Gelderland"
        in page.get(reverse("planning_compare", args=[personas.region.pk])).content.decode()
    )


def test_a_grouping_of_an_unknown_region_is_refused(personas: Personas) -> None:
    from opmaat.domain.errors import InvalidChoice

    with pytest.raises(InvalidChoice):
        services.do_save_grouping(personas.hanna, personas.region, "X", ["atlantis"])
