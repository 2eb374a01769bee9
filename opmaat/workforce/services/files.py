"""Reading uploads into the tables, whole or not at all: a roster, a functiehuis workbook,
a staff file and a file of shift needs (docs/formats/workforce.md)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.contrib.auth.models import User
from django.db import transaction

from opmaat.accounts.models import Organisation
from opmaat.catalog.cache import current_catalog
from opmaat.domain.workforce.acts import BIG_ACTS
from opmaat.workforce.files.read import read_functiehuis, read_needs, read_roster, read_staff
from opmaat.workforce.models import Employee, Team
from opmaat.workforce.models import RosterShift as RosterShiftRow
from opmaat.workforce.models import ShiftNeed as ShiftNeedRow
from opmaat.workforce.services.common import audit, require_hr
from opmaat.workforce.services.functiehuis import do_replace_functiehuis


def saved_upload(folder: str, name: str, data: bytes) -> Path:
    """The upload as a file under its own name (problems name it), in `folder`."""
    path = Path(folder) / (Path(name).name or "upload")
    path.write_bytes(data)
    return path


@transaction.atomic
def do_import_roster(actor: User, organisation: Organisation, name: str, data: bytes) -> int:
    """Replace the organisation's roster on the days the file covers by the file's shifts.
    The whole file is checked first (read.read_roster); on any problem nothing changes."""
    require_hr(actor, organisation)
    employees = dict(organisation.employees.values_list("personnel_number", "pk"))
    teams = dict(organisation.teams.values_list("name", "pk"))
    with tempfile.TemporaryDirectory() as folder:
        shifts = read_roster(saved_upload(folder, name, data), employees, teams)
    days = sorted({s.day for s in shifts})
    RosterShiftRow.objects.filter(team__organisation=organisation, day__in=days).delete()
    RosterShiftRow.objects.bulk_create(
        RosterShiftRow(
            employee_id=employees[s.employee],
            day=s.day,
            start=s.start,
            end=s.end,
            team_id=teams[s.team],
        )
        for s in shifts
    )
    span = f"{days[0].isoformat()} – {days[-1].isoformat()}" if days else "—"
    audit(
        actor, organisation, "roster", f"Rooster {name} ingelezen: {len(shifts)} diensten, {span}"
    )
    return len(shifts)


@transaction.atomic
def do_import_functiehuis(actor: User, organisation: Organisation, name: str, data: bytes) -> int:
    """Replace the functiehuis by the workbook's (read.read_functiehuis): checked whole
    first; on any problem nothing changes. Returns the number of functions."""
    require_hr(actor, organisation)
    with tempfile.TemporaryDirectory() as folder:
        found = read_functiehuis(saved_upload(folder, name, data), current_catalog(), BIG_ACTS)
    do_replace_functiehuis(actor, organisation, found.huis, found.sources)
    return len(found.huis.functions)


@transaction.atomic
def do_import_staff(actor: User, organisation: Organisation, name: str, data: bytes) -> int:
    """Add or update the employees of a staff file by personnel number (teams named are
    created); an employee not in the file stays as they were. Checked whole first."""
    require_hr(actor, organisation)
    functions = set(organisation.care_functions.values_list("code", flat=True))
    with tempfile.TemporaryDirectory() as folder:
        rows = read_staff(saved_upload(folder, name, data), current_catalog(), functions)
    for row in rows:
        team = None
        if row.team:
            team, _ = Team.objects.get_or_create(organisation=organisation, name=row.team)
        Employee.objects.update_or_create(
            organisation=organisation,
            personnel_number=row.personnel_number,
            defaults={
                "name": row.name,
                "team": team,
                "function": row.function,
                "contract_hours": row.contract_hours or 0.0,
                "start_date": row.start_date,
                "diplomas": [str(c).strip().upper() for c in row.diplomas],
            },
        )
    audit(
        actor, organisation, "staff", f"Personeelsbestand {name} ingelezen: {len(rows)} medewerkers"
    )
    return len(rows)


@transaction.atomic
def do_import_needs(actor: User, organisation: Organisation, name: str, data: bytes) -> int:
    """Replace the shift needs of every team the file names. Checked whole first."""
    require_hr(actor, organisation)
    teams = dict(organisation.teams.values_list("name", "pk"))
    tasks = set(organisation.tasks.values_list("code", flat=True))
    with tempfile.TemporaryDirectory() as folder:
        rows = read_needs(saved_upload(folder, name, data), teams, tasks)
    named = {teams[r.team] for r in rows}
    ShiftNeedRow.objects.filter(team_id__in=named).delete()
    ShiftNeedRow.objects.bulk_create(
        ShiftNeedRow(
            team_id=teams[r.team],
            weekday=r.weekday,
            start=r.start,
            end=r.end,
            task=r.task,
            count=r.count,
        )
        for r in rows
    )
    audit(actor, organisation, "needs", f"Bezettingsbehoeften {name} ingelezen: {len(rows)} regels")
    return len(rows)


IMPORTS = {
    "roster": do_import_roster,
    "functiehuis": do_import_functiehuis,
    "staff": do_import_staff,
    "needs": do_import_needs,
}


def do_import(actor: User, organisation: Organisation, kind: str, name: str, data: bytes) -> int:
    """Read an upload of `kind` (roster, functiehuis, staff, needs; else a roster)."""
    return IMPORTS.get(kind, do_import_roster)(actor, organisation, name, data)
