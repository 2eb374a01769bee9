"""Reading uploaded rosters and functiehuis workbooks into the tables, whole or not at all."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.contrib.auth.models import User
from django.db import transaction

from opmaat.accounts.models import Organisation
from opmaat.catalog.cache import current_catalog
from opmaat.domain.workforce.acts import BIG_ACTS
from opmaat.workforce.files.read import read_functiehuis, read_roster
from opmaat.workforce.models import RosterShift as RosterShiftRow
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


def do_import(actor: User, organisation: Organisation, kind: str, name: str, data: bytes) -> int:
    if kind == "functiehuis":
        return do_import_functiehuis(actor, organisation, name, data)
    return do_import_roster(actor, organisation, name, data)
