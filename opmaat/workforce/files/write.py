"""Writing the workforce files: every table is built as columns and rows here and written
by opmaat.tabular, so CSV and XLSX follow docs/formats/tabular.md."""

from __future__ import annotations

import json
import math
import tempfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from opmaat.domain.workforce.coverage import Heatmap
from opmaat.domain.workforce.demand import DemandRow
from opmaat.domain.workforce.deployability import SkillRow
from opmaat.domain.workforce.model import Functiehuis
from opmaat.tabular.write import Rows, Sheets, Value, csv_text, write_workbook

SKILL_COLUMNS = ("personnel_number", "task", "task_name", "act", "status", "level", "valid_until")
FUNCTION_COLUMNS = (
    "code", "name", "cao", "fwg_group", "fwg_source", "qualification", "werkprocessen",
    "units", "tasks", "temporary", "draft",
)  # fmt: skip
TASK_COLUMNS = ("code", "name", "werkprocessen", "min_level", "acts")
ACT_COLUMNS = ("code", "name", "reserved", "validity_months", "source")
RULE_COLUMNS = ("effect", "consequence", "steps", "function", "from_function")
UNIT_EFFECT_COLUMNS = ("unit", "effect")
DEMAND_COLUMNS = (
    "personnel_number", "employee", "candidate", "name", "hours", "coverage_gained",
    "gained_per_100_hours", "tasks",
)  # fmt: skip


def workbook_bytes(sheets: Sheets) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "book.xlsx"
        write_workbook(path, sheets)
        return path.read_bytes()


def listed(codes: Sequence[str]) -> str:
    """A list in one cell, separated by `;` as the reader expects."""
    return "; ".join(codes)


def skill_table(number: str, huis: Functiehuis, rows: Sequence[SkillRow]) -> Rows:
    return [
        (
            number,
            r.task,
            huis.task(r.task).name,
            r.act,
            r.status.value,
            r.level,
            r.valid_until,
        )
        for r in rows
    ]


def skills_csv(number: str, huis: Functiehuis, rows: Sequence[SkillRow]) -> str:
    return csv_text(SKILL_COLUMNS, skill_table(number, huis, rows))


def skills_json(number: str, huis: Functiehuis, rows: Sequence[SkillRow]) -> str:
    table = skill_table(number, huis, rows)
    records = [
        {
            c: v.isoformat() if isinstance(v, date) else v
            for c, v in zip(SKILL_COLUMNS, r, strict=True)
        }
        for r in table
    ]
    return json.dumps({"personnel_number": number, "skills": records}, ensure_ascii=False, indent=1)


def functiehuis_sheets(huis: Functiehuis, sources: dict[str, str]) -> Sheets:
    functions: list[tuple[Value, ...]] = [
        (
            f.code,
            f.name,
            f.cao,
            f.fwg_group,
            sources.get(f.code, ""),
            f.qualification,
            listed(f.werkprocessen),
            listed(f.units),
            listed(f.tasks),
            f.temporary,
            f.draft,
        )
        for f in huis.functions
    ]
    tasks: list[tuple[Value, ...]] = [
        (t.code, t.name, listed(t.werkprocessen), int(t.min_level), listed(t.acts))
        for t in huis.tasks
    ]
    acts: list[tuple[Value, ...]] = [
        (a.code, a.name, a.reserved, a.validity_months, a.source) for a in huis.acts
    ]
    rules: list[tuple[Value, ...]] = [
        (r.effect.value, r.consequence.value, r.steps, r.function, r.from_function)
        for r in huis.rules
    ]
    effects: list[tuple[Value, ...]] = [(u, e.value) for u, e in huis.unit_effects.items()]
    return {
        "functions": (FUNCTION_COLUMNS, functions),
        "tasks": (TASK_COLUMNS, tasks),
        "acts": (ACT_COLUMNS, acts),
        "rules": (RULE_COLUMNS, rules),
        "unit_effects": (UNIT_EFFECT_COLUMNS, effects),
    }


def heatmap_sheets(found: Heatmap, label: str) -> Sheets:
    """One row per team, one column per window: the share of need-places met (0–1),
    empty where the team has no need in that window."""
    rows: list[tuple[Value, ...]] = []
    for i, team in enumerate(found.teams):
        shares = [float(found.share[i, j]) for j in range(len(found.windows))]
        rows.append((team, *(None if math.isnan(s) else round(s, 3) for s in shares)))
    return {label: (("team", *found.windows), rows)}


def demand_sheets(
    rows: Sequence[DemandRow], numbers: dict[int, str], names: dict[int, str]
) -> Sheets:
    table: list[tuple[Value, ...]] = [
        (
            numbers.get(r.employee, ""),
            names.get(r.employee, ""),
            r.candidate,
            r.name,
            round(r.hours, 1),
            r.gained,
            round(r.gained_per_hour * 100, 2) if r.hours > 0 else None,
            listed(r.tasks),
        )
        for r in rows
    ]
    return {"training_demand": (DEMAND_COLUMNS, table)}
