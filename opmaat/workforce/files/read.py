"""Reading the roster and the functiehuis, with every problem located (file, sheet, row,
column) and nothing returned when there is any (docs/formats/workforce.md).

The roster reader accepts the column names the usual roster exports use (`ROSTER_NAMES`);
what a row names (an employee, a team) is checked against the organisation by the caller,
which passes what it knows, so this module stays free of the database.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from opmaat.domain.catalog import Catalog, EmployerEffect
from opmaat.domain.errors import DomainError, FileProblems, InvalidInput, Problem, Said
from opmaat.domain.progress import SupervisionLevel
from opmaat.domain.workforce.model import (
    Act,
    Consequence,
    EffectRule,
    Functiehuis,
    Function,
    Task,
)
from opmaat.tabular.cells import Cell
from opmaat.tabular.columns import (
    Boolean,
    Choice,
    Column,
    Day,
    Invalid,
    Items,
    Number,
    Row,
    Table,
    Whole,
)
from opmaat.tabular.problems import Problems
from opmaat.tabular.read import HEADER_ROW, Sheet, read_table, read_workbook


class InvalidWorkforceFile(FileProblems, InvalidInput):
    """A roster or functiehuis file with problems (file, row, column); `problems` holds
    them all and nothing was written."""

    code = "invalid_workforce_file"


# -- The roster --------------------------------------------------------------------------

# Our column name → the names roster exports use for it (compared without regard to case):
# Dutch and English headers of Nedap Ons, ORTEC and Timefold-style exports. Invented
# spellings are not listed; a file with another header is refused with the header named.
ROSTER_NAMES: dict[str, tuple[str, ...]] = {
    "employee": (
        "employee", "personnel_number", "personeelsnummer", "medewerker", "medewerkernummer",
        "employee_id", "employee number", "personeelsnr",
    ),
    "date": ("date", "datum", "dag", "day", "shift_date", "dienstdatum"),
    "start": ("start", "begin", "van", "begintijd", "starttijd", "start_time", "from"),
    "end": ("end", "eind", "einde", "tot", "eindtijd", "end_time", "to", "until"),
    "team": ("team", "afdeling", "location", "locatie", "department", "unit", "kostenplaats"),
}  # fmt: skip


class Clock:
    """A time of day: "07:00", "7:30", "07:00:00" or a spreadsheet's time cell."""

    @property
    def empty(self) -> time | None:
        return None

    def parse(self, value: Cell) -> time:
        if isinstance(value, datetime):
            return value.time()
        if isinstance(value, time):
            return value
        text = str(value).strip().replace(".", ":")
        for pattern in ("%H:%M", "%H:%M:%S"):
            try:
                return datetime.strptime(text, pattern).time()
            except ValueError:
                continue
        raise Invalid(Said(f"expected a time HH:MM, got {text!r}", "not_time", value=text))


@dataclass(frozen=True, slots=True)
class ShiftRow:
    employee: str
    date: date | None
    start: time | None
    end: time | None
    team: str


ROSTER = Table(
    ShiftRow,
    [
        Column("employee", required=True, filled=True),
        Column("date", Day(), required=True, filled=True),
        Column("start", Clock(), required=True, filled=True),
        Column("end", Clock(), required=True, filled=True),
        Column("team", required=True, filled=True),
    ],
)


@dataclass(frozen=True, slots=True)
class Shift:
    """A roster row as the app stores it: a night shift past midnight is split in two."""

    employee: str
    day: date
    start: time
    end: time
    team: str


def renamed(sheet: Sheet, names: Mapping[str, Sequence[str]]) -> Sheet:
    """The sheet with each known alias of a column under our name (the first one given)."""
    alias = {a.casefold(): ours for ours, options in names.items() for a in options}
    columns: dict[str, int] = {}
    for name, index in sheet.columns.items():
        columns.setdefault(alias.get(name.casefold(), name), index)
    return Sheet(sheet.name, sheet.label, columns, sheet.rows, sheet.has_header)


def read_roster(path: Path, employees: Collection[str], teams: Collection[str]) -> list[Shift]:
    """Every shift of a roster file, or InvalidWorkforceFile listing every problem: a
    missing column, a bad date or time, an employee or team the organisation does not
    have. A shift whose end is not after its start runs past midnight."""
    problems = Problems(path.name)
    sheet = read_table(path, problems)
    shifts: list[Shift] = []
    if sheet is not None:
        sheet = renamed(sheet, ROSTER_NAMES)
        if ROSTER.check_header(sheet, problems):
            for number, row in ROSTER.records(sheet, problems):
                shifts.extend(checked_shift(number, row, employees, teams, problems))
    if problems.found or sheet is None:
        raise InvalidWorkforceFile(problems.in_order() or [Problem(path.name, "", "", "empty")])
    return shifts


def checked_shift(
    number: int,
    row: ShiftRow,
    employees: Collection[str],
    teams: Collection[str],
    problems: Problems,
) -> list[Shift]:
    if row.employee not in employees:
        said = Said(f"unknown employee {row.employee!r}", "unknown_employee", value=row.employee)
        problems.at(number, "employee", said)
    if row.team not in teams:
        problems.at(
            number, "team", Said(f"unknown team {row.team!r}", "unknown_team", value=row.team)
        )
    if row.date is None or row.start is None or row.end is None:
        return []
    if row.start < row.end:
        return [Shift(row.employee, row.date, row.start, row.end, row.team)]
    # Past midnight: until the end of the day, and from midnight on the next.
    parts = [Shift(row.employee, row.date, row.start, time.max, row.team)]
    if row.end > time.min:
        parts.append(Shift(row.employee, row.date + timedelta(days=1), time.min, row.end, row.team))
    return parts


# -- The functiehuis ---------------------------------------------------------------------

CODES = Items()


def record(**values: object) -> dict[str, object]:
    """A row of a functiehuis sheet by column, checked further by `built`."""
    return values


FUNCTIONS = Table(
    record,
    [
        Column("code", required=True, filled=True),
        Column("name", required=True, filled=True),
        Column("cao", required=True, filled=True),
        Column("fwg_group", Whole(1, 100), required=True, filled=True, default=0),
        Column("fwg_source"),
        Column("qualification"),
        Column("werkprocessen", CODES),
        Column("units", CODES),
        Column("tasks", CODES),
        Column("temporary", Boolean(), default=False),
        Column("draft", Boolean(), default=False),
    ],
)
TASKS = Table(
    record,
    [
        Column("code", required=True, filled=True),
        Column("name", required=True, filled=True),
        Column("werkprocessen", CODES, required=True),
        Column("min_level", Whole(1, 5), required=True, filled=True, default=4),
        Column("acts", CODES),
    ],
)
ACTS = Table(
    record,
    [
        Column("code", required=True, filled=True),
        Column("name", required=True, filled=True),
        Column("reserved", Boolean(), required=True, default=False),
        Column("validity_months", Whole(1, 600)),
        Column("source"),
    ],
)
RULES = Table(
    record,
    [
        Column("effect", Choice(EmployerEffect), required=True, filled=True),
        Column("consequence", Choice(Consequence), required=True, filled=True),
        Column("steps", Whole(0, 10), default=1),
        Column("function"),
        Column("from_function"),
    ],
)
UNIT_EFFECTS = Table(
    record,
    [
        Column("unit", required=True, filled=True),
        Column("effect", Choice(EmployerEffect), required=True, filled=True),
    ],
)
SHEETS: dict[str, Table[dict[str, object]]] = {
    "functions": FUNCTIONS,
    "tasks": TASKS,
    "acts": ACTS,
    "rules": RULES,
    "unit_effects": UNIT_EFFECTS,
}
REQUIRED_SHEETS = ("functions", "tasks")


@dataclass(frozen=True, slots=True)
class ReadFunctiehuis:
    huis: Functiehuis
    sources: dict[str, str]  # per function code: where its FWG group comes from


def read_functiehuis(path: Path, catalog: Catalog, defaults: Sequence[Act]) -> ReadFunctiehuis:
    """A functiehuis workbook (the sheets of `SHEETS`, as opmaat exports it), or
    InvalidWorkforceFile listing every problem: bad cells, catalog codes that do not
    resolve, and what the functiehuis as a whole refuses (an unknown task or act). Acts of
    `defaults` (the reserved acts of Wet BIG) count as listed unless the file lists them."""
    problems = Problems(path.name)
    rows = read_sheets(path, problems)
    values: dict[str, list[object]] = {name: [] for name in SHEETS}
    for name, found in rows.items():
        for number, record in found:
            value = built(name, record, catalog, Row((), number, {}, problems, f"sheet {name}"))
            if value is not None:
                values[name].append(value)
    huis = None
    if not problems.found:
        huis = whole(values, defaults, problems)
    if problems.found or huis is None:
        raise InvalidWorkforceFile(problems.in_order())
    sources = {str(r["code"]): str(r.get("fwg_source") or "") for _, r in rows.get("functions", [])}
    return ReadFunctiehuis(huis, sources)


def read_sheets(path: Path, problems: Problems) -> dict[str, list[tuple[int, dict[str, object]]]]:
    if path.suffix.lower() != ".xlsx":
        problems.add("", "", Said("unknown file type (expected .xlsx)", "file_type"))
        return {}
    sheets = {s.name: s for s in read_workbook(path, problems)}
    if problems.found:
        return {}
    for name in REQUIRED_SHEETS:
        if name not in sheets:
            problems.add("", "", Said(f"missing sheet {name!r}", "missing_sheet", sheet=name))
    found = {}
    for name, table in SHEETS.items():
        sheet = sheets.get(name)
        if sheet is not None and table.check_header(sheet, problems):
            found[name] = table.records(sheet, problems)
    return found


def built(name: str, record: dict[str, object], catalog: Catalog, row: Row) -> object | None:
    """The domain value of one row, or None with its problems recorded on the row."""
    try:
        check_codes(name, record, catalog, row)
        return BUILDERS[name](record)
    except DomainError as error:
        row.fail(error.field or "", Said(str(error), error.message_key, **error.data))
        return None


def check_codes(name: str, record: Mapping[str, object], catalog: Catalog, row: Row) -> None:
    """Every catalog code of the row resolves; each one that does not is a problem of its
    cell."""
    columns = {"functions": ("werkprocessen", "units"), "tasks": ("werkprocessen",)}
    for column in columns.get(name, ()):
        for code in codes(record.get(column)):
            if catalog.kind_of(str(code).upper()) is None:
                row.fail(column, Said(f"unknown code {code!r}", "unknown_code", value=str(code)))
    qualification = record.get("qualification")
    if name == "functions" and qualification and str(qualification) not in catalog.qualifications:
        said = Said(
            f"unknown qualification {qualification!r}",
            "unknown_qualification",
            value=str(qualification),
        )
        row.fail("qualification", said)


def codes(value: object) -> tuple[str, ...]:
    return tuple(str(v).strip() for v in value) if isinstance(value, tuple) else ()


def text(value: object) -> str:
    return str(value) if value is not None else ""


def function_of(r: Mapping[str, object]) -> Function:
    return Function(
        text(r["code"]),
        text(r["name"]),
        text(r["cao"]),
        int(str(r["fwg_group"])),
        text(r.get("qualification")) or None,
        tuple(c.upper() for c in codes(r.get("werkprocessen"))),
        tuple(c.upper() for c in codes(r.get("units"))),
        codes(r.get("tasks")),
        bool(r.get("temporary")),
        bool(r.get("draft")),
    )


def task_of(r: Mapping[str, object]) -> Task:
    return Task(
        text(r["code"]),
        text(r["name"]),
        tuple(c.upper() for c in codes(r.get("werkprocessen"))),
        SupervisionLevel(int(str(r["min_level"]))),
        codes(r.get("acts")),
    )


def act_of(r: Mapping[str, object]) -> Act:
    months = r.get("validity_months")
    return Act(
        text(r["code"]),
        text(r["name"]),
        bool(r.get("reserved")),
        int(str(months)) if months is not None else None,
        text(r.get("source")),
    )


def rule_of(r: Mapping[str, object]) -> EffectRule:
    return EffectRule(
        EmployerEffect(text(r["effect"])),
        Consequence(text(r["consequence"])),
        int(str(r.get("steps") or 0)),
        text(r.get("function")) or None,
        text(r.get("from_function")) or None,
    )


def unit_effect_of(r: Mapping[str, object]) -> tuple[str, EmployerEffect]:
    return text(r["unit"]).upper(), EmployerEffect(text(r["effect"]))


BUILDERS: dict[str, Callable[[Mapping[str, object]], object]] = {
    "functions": function_of,
    "tasks": task_of,
    "acts": act_of,
    "rules": rule_of,
    "unit_effects": unit_effect_of,
}


def whole(
    values: Mapping[str, list[object]], defaults: Sequence[Act], problems: Problems
) -> Functiehuis | None:
    """The functiehuis of the rows, or None with a problem naming what it refuses."""
    acts = [a for a in values["acts"] if isinstance(a, Act)]
    listed = {a.code for a in acts}
    effects = [e for e in values["unit_effects"] if isinstance(e, tuple)]
    try:
        return Functiehuis(
            functions=tuple(f for f in values["functions"] if isinstance(f, Function)),
            tasks=tuple(t for t in values["tasks"] if isinstance(t, Task)),
            acts=(*acts, *(a for a in defaults if a.code not in listed)),
            rules=tuple(r for r in values["rules"] if isinstance(r, EffectRule)),
            unit_effects={str(u): e for u, e in effects},
        )
    except DomainError as error:
        problems.add("", "", Said(str(error), error.message_key, **error.data))
        return None


# -- Staff and shift needs ---------------------------------------------------------------

# Our column name → the names personnel and roster exports use for it.
STAFF_NAMES: dict[str, tuple[str, ...]] = {
    "personnel_number": ROSTER_NAMES["employee"],
    "name": ("name", "naam", "volledige naam", "full_name"),
    "team": ROSTER_NAMES["team"],
    "function": ("function", "functie", "job", "job_title"),
    "contract_hours": ("contract_hours", "contracturen", "uren", "hours_per_week"),
    "start_date": ("start_date", "in dienst", "in_dienst", "datum in dienst", "hired"),
    "diplomas": ("diplomas", "diploma's", "diplomas_certificates", "certificaten"),
}


@dataclass(frozen=True, slots=True)
class StaffRow:
    personnel_number: str
    name: str
    team: str = ""
    function: str = ""
    contract_hours: float | None = None
    start_date: date | None = None
    diplomas: tuple[object, ...] = ()


STAFF = Table(
    StaffRow,
    [
        Column("personnel_number", required=True, filled=True),
        Column("name", required=True, filled=True),
        Column("team"),
        Column("function"),
        Column("contract_hours", Number(0, 60)),
        Column("start_date", Day()),
        Column("diplomas", CODES),
    ],
)


def read_staff(path: Path, catalog: Catalog, functions: Collection[str]) -> list[StaffRow]:
    """Every employee of a staff file, or InvalidWorkforceFile listing every problem: a
    personnel number given twice, a function the functiehuis does not have, a diploma or
    certificate code the catalog does not know. Teams are taken as named."""
    problems = Problems(path.name)
    sheet = read_table(path, problems)
    found: list[StaffRow] = []
    if sheet is not None:
        sheet = renamed(sheet, STAFF_NAMES)
        if STAFF.check_header(sheet, problems):
            seen: dict[str, int] = {}
            for number, row in STAFF.records(sheet, problems):
                check_staff(number, row, catalog, functions, seen, problems)
                found.append(row)
    if problems.found or sheet is None:
        raise InvalidWorkforceFile(problems.in_order() or [Problem(path.name, "", "", "empty")])
    return found


def check_staff(
    number: int,
    row: StaffRow,
    catalog: Catalog,
    functions: Collection[str],
    seen: dict[str, int],
    problems: Problems,
) -> None:
    first = seen.setdefault(row.personnel_number, number)
    if first != number:
        said = Said(
            f"duplicate id {row.personnel_number!r}",
            "duplicate_id",
            value=row.personnel_number,
            row=first,
        )
        problems.at(number, "personnel_number", said)
    if row.function and row.function not in functions:
        said = Said(
            f"unknown function {row.function!r}", "unknown_function", value=row.function, closest=()
        )
        problems.at(number, "function", said)
    for code in codes(row.diplomas):
        if catalog.kind_of(code.upper()) is None:
            problems.at(
                number, "diplomas", Said(f"unknown code {code!r}", "unknown_code", value=code)
            )


@dataclass(frozen=True, slots=True)
class NeedRow:
    team: str
    weekday: int | None
    start: time | None
    end: time | None
    task: str
    count: int | None


@dataclass(frozen=True, slots=True)
class Need:
    """A checked row of a needs file."""

    team: str
    weekday: int
    start: time
    end: time
    task: str
    count: int


NEEDS = Table(
    NeedRow,
    [
        Column("team", required=True, filled=True),
        Column("weekday", Whole(0, 6), required=True, filled=True),
        Column("start", Clock(), required=True, filled=True),
        Column("end", Clock(), required=True, filled=True),
        Column("task", required=True, filled=True),
        Column("count", Whole(1, 100), required=True, filled=True),
    ],
)


def complete_need(row: NeedRow) -> list[Need]:
    """The row as a `Need` when every cell was read (a bad cell is already a problem)."""
    weekday, start, end, count = row.weekday, row.start, row.end, row.count
    if weekday is None or start is None or end is None or count is None:
        return []
    return [Need(row.team, weekday, start, end, row.task, count)]


def read_needs(path: Path, teams: Collection[str], tasks: Collection[str]) -> list[Need]:
    """Every shift need of a needs file (team, weekday 0 = Monday … 6, start, end, task,
    count), or InvalidWorkforceFile listing every problem: an unknown team or task, a
    window that ends before it starts."""
    problems = Problems(path.name)
    sheet = read_table(path, problems)
    found: list[Need] = []
    if sheet is not None and NEEDS.check_header(sheet, problems):
        for number, row in NEEDS.records(sheet, problems):
            if row.team not in teams:
                said = Said(f"unknown team {row.team!r}", "unknown_team", value=row.team)
                problems.at(number, "team", said)
            if row.task not in tasks:
                said = Said(
                    f"unknown task {row.task!r}", "unknown_task", value=row.task, closest=()
                )
                problems.at(number, "task", said)
            if row.start is not None and row.end is not None and not row.start < row.end:
                problems.at(number, "end", Said("before start", "before", other="start"))
            found.extend(complete_need(row))
    if problems.found or sheet is None:
        raise InvalidWorkforceFile(problems.in_order() or [Problem(path.name, "", "", "empty")])
    return found


__all__ = [
    "HEADER_ROW",
    "InvalidWorkforceFile",
    "read_functiehuis",
    "read_needs",
    "read_roster",
    "read_staff",
]
