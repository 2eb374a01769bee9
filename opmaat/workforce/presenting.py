"""What the workforce pages show, built from the domain's answers: names for codes, labels
for statuses, the heatmap's cells. No rule is decided here, only how an answer reads."""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from opmaat.accounts.models import Organisation
from opmaat.catalog.cache import current_catalog
from opmaat.domain.errors import DomainError
from opmaat.domain.workforce.carving import Carving
from opmaat.domain.workforce.coverage import DayCoverage, Heatmap
from opmaat.domain.workforce.demand import DemandRow
from opmaat.domain.workforce.deployability import (
    Deployability,
    Expiry,
    Missing,
    MissingKind,
    TaskStatus,
)
from opmaat.domain.workforce.model import Functiehuis
from opmaat.ui.errors import explain
from opmaat.workforce import services
from opmaat.workforce.models import Employee


def status_label(status: TaskStatus) -> str:
    return {
        TaskStatus.ALONE: _("zelfstandig"),
        TaskStatus.SUPERVISED: _("onder toezicht"),
        TaskStatus.NOT_YET: _("nog niet"),
    }[status]


def missing_text(huis: Functiehuis, missing: Missing) -> str:
    """One thing that stands between the employee and doing the task alone."""
    if missing.kind == MissingKind.WERKPROCES:
        return _("werkproces %(code)s nog niet behaald") % {"code": missing.code}
    if missing.kind == MissingKind.LEVEL:
        return _("%(code)s: niveau %(have)s, nodig %(need)s") % {
            "code": missing.code,
            "have": missing.have,
            "need": missing.need,
        }
    act = huis.act(missing.code).name
    if missing.kind == MissingKind.EXPIRED_AUTHORISATION:
        return _("bekwaamheidsverklaring voor %(act)s verlopen") % {"act": act}
    if missing.reserved:
        return _("geen bekwaamheidsverklaring voor %(act)s (voorbehouden handeling)") % {"act": act}
    return _("geen bekwaamheidsverklaring voor %(act)s") % {"act": act}


@dataclass(frozen=True, slots=True)
class CardRow:
    task: str
    status: TaskStatus
    label: str
    missing: tuple[str, ...]


def card_rows(huis: Functiehuis, deployed: Deployability) -> list[CardRow]:
    return [
        CardRow(
            huis.task(v.task).name,
            v.status,
            status_label(v.status),
            tuple(missing_text(huis, m) for m in v.missing),
        )
        for v in deployed.verdicts
    ]


@dataclass(frozen=True, slots=True)
class FunctionRow:
    code: str
    name: str
    fwg_group: int
    cao: str
    qualified: bool
    tasks_missing: tuple[str, ...]
    werkprocessen_missing: tuple[str, ...]
    draft: bool


def function_rows(huis: Functiehuis, deployed: Deployability) -> list[FunctionRow]:
    rows = []
    for fit in deployed.functions:
        function = huis.function(fit.function)
        rows.append(
            FunctionRow(
                function.code,
                function.name,
                function.fwg_group,
                function.cao,
                fit.qualified,
                tuple(huis.task(t).name for t in fit.tasks_missing),
                fit.werkprocessen_missing,
                function.draft,
            )
        )
    return rows


@dataclass(frozen=True, slots=True)
class ExpiryRow:
    employee: Employee
    act: str
    valid_until: date
    expired: bool


def expiry_rows(huis: Functiehuis, found: Sequence[tuple[Employee, Expiry]]) -> list[ExpiryRow]:
    return [
        ExpiryRow(employee, huis.act(x.act).name, x.valid_until, x.expired) for employee, x in found
    ]


# -- The heatmap -------------------------------------------------------------------------

CELL_W, CELL_H, LABEL_W, HEAD_H = 110, 34, 170, 28


@dataclass(frozen=True, slots=True)
class Cell:
    x: int
    y: int
    shade: str  # a class of workforce.css: none, low, mid, high, full
    text: str


def shade(share: float) -> str:
    """Five steps, so the colour is readable and the number is always written in."""
    if math.isnan(share):
        return "none"
    if share >= 1:
        return "full"
    if share >= 0.75:
        return "high"
    return "mid" if share >= 0.5 else "low"


def heatmap_view(found: Heatmap) -> dict[str, object]:
    """The SVG's cells and, for the table beside it, the same shares as percentages."""
    cells = []
    table = []
    for i, team in enumerate(found.teams):
        shares = []
        for j, _window in enumerate(found.windows):
            share = float(found.share[i, j])
            text = "—" if math.isnan(share) else f"{round(share * 100)}%"
            cells.append(Cell(LABEL_W + j * CELL_W, HEAD_H + i * CELL_H, shade(share), text))
            shares.append(text)
        table.append((team, shares))
    return {
        "teams": [(t, HEAD_H + i * CELL_H + 22) for i, t in enumerate(found.teams)],
        "windows": [(w, LABEL_W + j * CELL_W + CELL_W // 2) for j, w in enumerate(found.windows)],
        "cells": cells,
        "table": table,
        "width": LABEL_W + CELL_W * len(found.windows),
        "height": HEAD_H + CELL_H * len(found.teams),
        "cell_w": CELL_W - 4,
        "cell_h": CELL_H - 4,
    }


# -- The shift view ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NeedRow:
    task: str
    count: int
    by: tuple[str, ...]
    unmet: int
    fill: tuple[tuple[int, str], ...]  # employee id, name (only those the user may see)
    fill_elsewhere: int  # proposed people of teams the user may not see
    supervised: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class WindowRow:
    label: str
    rostered: tuple[str, ...]
    needs: tuple[NeedRow, ...]
    met: int
    required: int


def shift_view(
    staff: services.Staff, coverage: DayCoverage, visible: Collection[int]
) -> list[WindowRow]:
    """The windows of a team's day with names; someone the user may not see (a team
    leader, about another team's staff) is only counted."""
    windows = []
    for w in coverage.windows:
        needs = []
        for n in w.needs:
            seen = tuple((k, staff.name(k)) for k in n.fill if k in visible)
            needs.append(
                NeedRow(
                    staff.huis.task(n.need.task).name,
                    n.need.count,
                    tuple(staff.name(k) for k in n.by),
                    n.unmet,
                    seen,
                    len(n.fill) - len(seen),
                    tuple(staff.name(k) for k in n.supervised),
                )
            )
        names = tuple(staff.name(k) for k in w.rostered)
        windows.append(WindowRow(w.label, names, tuple(needs), w.met, w.required))
    return windows


# -- The team, demand, carving and route -------------------------------------------------


def team_rows(
    staff: services.Staff, members: Sequence[Employee]
) -> list[tuple[Employee, list[str]]]:
    """Per member the status of every task of the library, as a short label."""
    rows = []
    for member in members:
        i = staff.capability.row(member.pk)
        labels = []
        for j in range(len(staff.capability.tasks)):
            if i is not None and staff.capability.alone[i, j]:
                labels.append(status_label(TaskStatus.ALONE))
            elif i is not None and staff.capability.supervised[i, j]:
                labels.append(status_label(TaskStatus.SUPERVISED))
            else:
                labels.append(status_label(TaskStatus.NOT_YET))
        rows.append((member, labels))
    return rows


@dataclass(frozen=True, slots=True)
class DemandLine:
    employee: str
    employee_id: int
    candidate: str
    name: str
    hours: float
    gained: int
    per_100_hours: float
    tasks: tuple[str, ...]


def demand_view(staff: services.Staff, rows: Sequence[DemandRow]) -> list[DemandLine]:
    return [
        DemandLine(
            staff.name(r.employee),
            r.employee,
            r.candidate,
            r.name,
            r.hours,
            r.gained,
            round(r.gained_per_hour * 100, 1) if r.hours > 0 else float(r.gained),
            tuple(staff.huis.task(t).name for t in r.tasks),
        )
        for r in rows
    ]


def carving_view(
    huis: Functiehuis, found: Carving, organisation: Organisation
) -> dict[str, object]:
    catalog = current_catalog()
    names = dict(organisation.employees.values_list("pk", "name"))
    return {
        "carving": found,
        "tasks": [huis.task(t).name for t in found.function.tasks],
        "kept": [huis.task(t).name for t in found.kept_tasks],
        "werkprocessen": [(c, catalog.name_of(c)) for c in found.werkprocessen],
        "units": [(c, catalog.name_of(c)) for c in found.units],
        "qualified": [names.get(k, str(k)) for k in found.qualified],
        "source": huis.function(found.source).name,
    }


def route_view(employee: Employee, huis: Functiehuis, target: str) -> dict[str, object] | None:
    """The route to `target` (a function code of the functiehuis), or why there is none."""
    if not target or target not in {f.code for f in huis.functions}:
        return None
    try:
        route = services.route_for(employee, target)
    except DomainError as error:
        return {"error": explain(error), "function": huis.function(target).name}
    return {"route": route, "function": huis.function(target).name}
