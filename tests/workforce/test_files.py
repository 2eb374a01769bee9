"""The workforce files: a roster in with the usual export columns, refused whole with
every problem named by file, row and column; the functiehuis out and back in; the
deployability export for roster systems; the heatmap and demand workbooks."""

from __future__ import annotations

import io
from datetime import date, time, timedelta
from typing import TYPE_CHECKING

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from openpyxl import Workbook, load_workbook

from opmaat.domain.workforce.model import Evidence
from opmaat.workforce import services
from opmaat.workforce.models import Act, CareFunction, RosterShift, Task, WorkforceEvent
from tests.workforce.cast import Workforce

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse

pytestmark = pytest.mark.django_db


def upload(
    client: Client, workforce: Workforce, name: str, body: bytes, kind: str = "roster"
) -> _MonkeyPatchedWSGIResponse:
    client.force_login(workforce.cast.fleur)
    return client.post(
        f"/personeel/{workforce.zuid.pk}/bestanden/",
        {"kind": kind, "file": SimpleUploadedFile(name, body)},
    )


def test_a_roster_with_dutch_export_columns_replaces_the_days_it_covers(
    client: Client, workforce: Workforce
) -> None:
    RosterShift.objects.create(
        employee=workforce.kees,
        day=date(2027, 3, 1),
        start=time(7),
        end=time(15),
        team=workforce.zuid_team,
    )
    text = (
        "Personeelsnummer;Datum;Begintijd;Eindtijd;Afdeling\n"
        "2;2027-03-01;15:00;23:00;Zuid\n"
        "1;2027-03-01;22:00;07:00;Noord\n"
    )
    assert upload(client, workforce, "rooster.csv", text.encode()).status_code == 302
    shifts = list(
        RosterShift.objects.order_by("day", "start").values_list(
            "employee__name", "day", "start", "end"
        )
    )
    assert shifts == [
        ("Kees Kok", date(2027, 3, 1), time(15), time(23)),
        ("Anna de Wit", date(2027, 3, 1), time(22), time.max),  # past midnight: split
        ("Anna de Wit", date(2027, 3, 2), time(0), time(7)),
    ]
    assert WorkforceEvent.objects.filter(action="roster").exists()


def test_a_roster_with_problems_writes_nothing_and_names_each_row_and_column(
    client: Client, workforce: Workforce
) -> None:
    text = (
        "employee,date,start,end,team\n"
        "2,2027-03-01,07:00,15:00,Zuid\n"
        "99,2027-13-01,7 uur,15:00,Mars\n"
    )
    response = upload(client, workforce, "rooster.csv", text.encode())
    assert response.status_code == 400
    page = response.content.decode()
    for expected in (
        "rooster.csv, rij 3, kolom employee: onbekende medewerker ‘99’",
        "rooster.csv, rij 3, kolom date",
        "rooster.csv, rij 3, kolom start: verwacht een tijd UU:MM, niet ‘7 uur’",
        "rooster.csv, rij 3, kolom team: onbekend team ‘Mars’",
    ):
        assert expected in page
    assert not RosterShift.objects.exists()


def test_a_roster_without_a_needed_column_names_the_header_it_has(
    client: Client, workforce: Workforce
) -> None:
    response = upload(
        client, workforce, "rooster.csv", b"employee,date,start\n2,2027-03-01,07:00\n"
    )
    assert "kolom end: kolom ontbreekt" in response.content.decode()


def xlsx(sheets: dict[str, list[list[object]]]) -> bytes:
    book = Workbook()
    for default in book.worksheets:
        book.remove(default)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_the_functiehuis_goes_out_and_back_in_unchanged(
    client: Client, workforce: Workforce
) -> None:
    before = services.functiehuis_of(workforce.zuid)
    client.force_login(workforce.cast.fleur)
    exported = client.get(f"/personeel/{workforce.zuid.pk}/functiehuis.xlsx").content
    assert upload(client, workforce, "functiehuis.xlsx", exported, "functiehuis").status_code == 302
    assert services.functiehuis_of(workforce.zuid) == before


def test_a_functiehuis_with_problems_changes_nothing(client: Client, workforce: Workforce) -> None:
    book = xlsx(
        {
            "functions": [
                ["code", "name", "cao", "fwg_group", "qualification", "werkprocessen", "tasks"],
                ["VIG", "Verzorgende-IG", "VVT", 40, "25656", "", "ADL; ONBEKEND"],
                ["X", "Fout", "VVT", "veertig", "", "99999-XX", ""],
            ],
            "tasks": [
                ["code", "name", "werkprocessen", "min_level", "acts"],
                ["ADL", "ADL-zorg", "23268-B1-K1-W4", 7, ""],
            ],
        }
    )
    response = upload(client, workforce, "functiehuis.xlsx", book, "functiehuis")
    assert response.status_code == 400
    page = response.content.decode()
    assert "functiehuis.xlsx, blad functions, rij 3, kolom fwg_group" in page
    assert (
        "functiehuis.xlsx, blad functions, rij 3, kolom werkprocessen: onbekende code 99999-XX"
        in page
    )
    assert "functiehuis.xlsx, blad tasks, rij 2, kolom min_level" in page
    assert set(
        CareFunction.objects.filter(organisation=workforce.zuid).values_list("code", flat=True)
    ) == {"VIG", "HULP"}
    assert Task.objects.filter(organisation=workforce.zuid).count() == 2


def test_the_deployability_export_gives_task_act_level_and_valid_until(
    client: Client, workforce: Workforce
) -> None:
    act = Act.objects.get(organisation=workforce.zuid, code="MEDICATIE")
    until = services.today() + timedelta(days=100)
    services.do_record_authorisation(
        workforce.lars, workforce.kees, act, services.today(), Evidence.TEST, valid_until=until
    )
    client.force_login(workforce.cast.fleur)
    body = client.get(f"/personeel/medewerker/{workforce.kees.pk}/inzetbaarheid.json").json()
    skills = {(s["task"], s["act"]): s for s in body["skills"]}
    assert skills[("MED", "MEDICATIE")]["valid_until"] == until.isoformat()
    assert skills[("MED", None)]["status"] == "alone" and skills[("MED", None)]["level"] == 5
    csv = client.get(
        f"/personeel/medewerker/{workforce.kees.pk}/inzetbaarheid.csv"
    ).content.decode()
    assert csv.splitlines()[0] == "personnel_number,task,task_name,act,status,level,valid_until"
    assert f"2,MED,Medicatieronde,MEDICATIE,alone,5,{until.isoformat()}" in csv


def test_the_heatmap_workbook_has_a_row_per_team_and_a_column_per_window(
    client: Client, workforce: Workforce
) -> None:
    day = services.today() + timedelta(days=1)
    RosterShift.objects.create(
        employee=workforce.kees, day=day, start=time(7), end=time(15), team=workforce.zuid_team
    )
    client.force_login(workforce.cast.fleur)
    body = client.get(
        f"/personeel/{workforce.zuid.pk}/bezetting.xlsx?dag={day.isoformat()}"
    ).content
    sheet = load_workbook(io.BytesIO(body)).worksheets[0]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0] == ["team", "07:00–10:00"]
    assert sorted(rows[1:]) == [["Noord", 0], ["Zuid", 0.5]]  # Kees covers one of two


def test_the_demand_workbook_lists_the_ranked_rows(client: Client, workforce: Workforce) -> None:
    client.force_login(workforce.cast.fleur)
    body = client.get(f"/personeel/{workforce.zuid.pk}/opleidingsvraag.xlsx").content
    sheet = load_workbook(io.BytesIO(body)).worksheets[0]
    header = next(sheet.iter_rows(values_only=True))
    assert header == (
        "personnel_number", "employee", "candidate", "name", "hours", "coverage_gained",
        "gained_per_100_hours", "tasks",
    )  # fmt: skip


def test_a_staff_file_adds_and_updates_employees_by_personnel_number(
    client: Client, workforce: Workforce
) -> None:
    text = (
        "Personeelsnummer;Naam;Afdeling;Functie;Contracturen;In dienst;Diploma's\n"
        "2;Kees Kok;Zuid;VIG;32;2020-01-01;25656\n"
        "7;Vera Vink;Nachtdienst;HULP;24,5;2026-10-01;C0054\n"
    )
    assert upload(client, workforce, "personeel.csv", text.encode(), "staff").status_code == 302
    vera = workforce.zuid.employees.get(personnel_number="7")
    assert (vera.name, vera.team.name if vera.team else None, vera.contract_hours) == (
        "Vera Vink",
        "Nachtdienst",  # a team the file names is created
        24.5,
    )
    assert vera.diplomas == ["C0054"]
    workforce.kees.refresh_from_db()
    assert workforce.kees.contract_hours == 32
    assert workforce.zuid.employees.filter(personnel_number="1").exists()  # Anna stays


def test_a_staff_file_with_problems_adds_nobody(client: Client, workforce: Workforce) -> None:
    text = "personnel_number,name,function,diplomas\n8,Wim Wit,DIRECTEUR,\n8,Wim Wit,HULP,99999\n"
    response = upload(client, workforce, "personeel.csv", text.encode(), "staff")
    page = response.content.decode()
    assert response.status_code == 400
    assert "personeel.csv, rij 2, kolom function: Onbekende functie ‘DIRECTEUR’." in page
    assert "personeel.csv, rij 3, kolom personnel_number: id ‘8’ staat ook op rij 2" in page
    assert "personeel.csv, rij 3, kolom diplomas: onbekende code 99999" in page
    assert not workforce.zuid.employees.filter(personnel_number="8").exists()


def test_a_needs_file_replaces_the_needs_of_the_teams_it_names(
    client: Client, workforce: Workforce
) -> None:
    text = (
        "team,weekday,start,end,task,count\nNoord,0,07:00,10:00,ADL,3\nNoord,0,16:00,19:00,MED,1\n"
    )
    assert upload(client, workforce, "behoefte.csv", text.encode(), "needs").status_code == 302
    noord = list(workforce.noord_team.needs.values_list("weekday", "task", "count"))
    assert sorted(noord) == [(0, "ADL", 3), (0, "MED", 1)]
    assert workforce.zuid_team.needs.count() == 7  # a team the file does not name keeps its own


def test_a_needs_file_with_problems_changes_no_need(client: Client, workforce: Workforce) -> None:
    text = "team,weekday,start,end,task,count\nMars,7,10:00,07:00,DANS,0\n"
    response = upload(client, workforce, "behoefte.csv", text.encode(), "needs")
    page = response.content.decode()
    for column in ("team", "weekday", "end", "task", "count"):
        assert f"behoefte.csv, rij 2, kolom {column}" in page
    assert workforce.noord_team.needs.count() == 7
