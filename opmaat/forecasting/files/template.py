"""opmaat's own planning workbook (`opmaat-planning/1`): sheets `figures`, `rates` and
`actuals`, each a table with a header row (docs/formats/planning.md). The same workbook is
the downloadable template (empty, or with a region's figures) and the import.

Reading checks every row before anything is written: the measure, the part it names (an
age band, a route, a route and study year), the organisation, the ranges. A file with any
problem is refused whole (FileProblems), each problem naming sheet, row and column.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from opmaat.domain.errors import FileProblems, Said
from opmaat.domain.forecasting.model import AGE_BANDS, ROUTES, Distribution
from opmaat.forecasting.models import Actual, ActualMeasure, Figure, Measure, Rate
from opmaat.forecasting.services import ActualInput, FigureInput, RateInput
from opmaat.tabular.columns import Boolean, Choice, Column, Number, Row, Table, Text, Whole
from opmaat.tabular.problems import Problems
from opmaat.tabular.read import Sheet, read_workbook
from opmaat.tabular.write import Rows, Sheets, write_workbook

FIGURES = Table(
    FigureInput,
    [
        Column("qualification", Text(), required=True, filled=True),
        Column("year", Whole(2000, 2100), required=True, filled=True),
        Column("measure", Choice(Measure), required=True, filled=True),
        Column("part"),
        Column("value", Number(0)),
        Column("low", Number(0)),
        Column("high", Number(0)),
        Column("source", Text(), required=True, filled=True),
        Column("invented", Boolean(), default=False),
        Column("organisation"),
    ],
)
RATES = Table(
    RateInput,
    [
        Column("qualification", Text(), required=True, filled=True),
        Column("name", Text(), required=True, filled=True),
        Column("central", Number(0, 1), required=True, filled=True),
        Column("low", Number(0, 1)),
        Column("high", Number(0, 1)),
        Column("distribution", Choice(Distribution), default=Distribution.FIXED),
        Column("source", Text(), required=True, filled=True),
    ],
)
ACTUALS = Table(
    ActualInput,
    [
        Column("qualification", Text(), required=True, filled=True),
        Column("year", Whole(2000, 2100), required=True, filled=True),
        Column("measure", Choice(ActualMeasure), required=True, filled=True),
        Column("value", Number(0), required=True, filled=True),
        Column("part"),
        Column("source"),
    ],
)
SHEETS = ("figures", "rates", "actuals")
R = TypeVar("R")

BANDS = tuple(b.value for b in AGE_BANDS)
ROUTE_VALUES = tuple(r.value for r in ROUTES)
RATE_PREFIXES = {
    "retirement": BANDS, "leaving": BANDS, "dropout_first": ROUTE_VALUES,
    "dropout_later": ROUTE_VALUES,
}  # fmt: skip


def said(text: str) -> Said:
    return Said(text, "")


def valid_parts(measure: Measure) -> Collection[str] | None:
    """The parts a measure takes; None: any "ROUTE-year" (students)."""
    if measure is Measure.WORKFORCE:
        return BANDS
    if measure is Measure.STARTS:
        return ROUTE_VALUES
    if measure is Measure.STUDENTS:
        return None
    return ("",)


def check_figure(f: FigureInput, row: Row, organisations: Collection[str]) -> None:
    parts = valid_parts(f.measure)
    if parts is None:
        route, _, year = f.part.rpartition("-")
        if route not in ROUTE_VALUES or not year.isdigit() or not 1 <= int(year) <= 6:
            row.fail("part", said(f"expected a route and study year such as BOL-2, got {f.part!r}"))
    elif f.part not in parts:
        row.fail(
            "part",
            said(f"expected one of {', '.join(p or '(empty)' for p in parts)}, got {f.part!r}"),
        )
    if f.value is None and (f.low is None or f.high is None):
        row.fail("value", said("give a value, or low and high for a censored count"))
    if f.value is None and f.low is not None and f.high is not None and f.low > f.high:
        row.fail("low", said("low is above high"))
    if f.organisation not in organisations:
        row.fail(
            "organisation",
            said(f"not an organisation whose figures you may enter: {f.organisation!r}"),
        )


def check_rate(r: RateInput, row: Row) -> None:
    prefix, _, key = r.name.partition(".")
    known = RATE_PREFIXES.get(prefix)
    upskilling = prefix == "upskilling" and bool(key)
    if not (r.name == "bol_bbl_switch" or upskilling or (known and key in known)):
        row.fail("name", said(f"unknown rate {r.name!r}"))
    if (r.low is not None and r.low > r.central) or (r.high is not None and r.high < r.central):
        row.fail("central", said("expected low <= central <= high"))


def check_actual(a: ActualInput, row: Row) -> None:
    if a.measure is ActualMeasure.STARTS and a.part not in ROUTE_VALUES:
        row.fail("part", said(f"expected a route ({', '.join(ROUTE_VALUES)}), got {a.part!r}"))


@dataclass(frozen=True, slots=True)
class Workbook:
    figures: tuple[FigureInput, ...] = ()
    rates: tuple[RateInput, ...] = ()
    actuals: tuple[ActualInput, ...] = ()


def rows_of(
    sheets: dict[str, Sheet],
    key: str,
    table: Table[R],
    problems: Problems,
    check: Callable[[R, Row], None],
) -> tuple[R, ...]:
    """Every record of sheet `key` (none when the workbook lacks it), each checked."""
    sheet = sheets.get(key)
    if sheet is None or not table.check_header(sheet, problems):
        return ()
    found = []
    for number, values in sheet.rows:
        row = Row(values, number, sheet.columns, problems, sheet.label)
        record = table.record(row)
        check(record, row)
        found.append(record)
    return tuple(found)


def read_template(name: str, data: bytes, organisations: Collection[str]) -> Workbook:
    """Every row of the workbook, or FileProblems listing every problem in it."""
    problems = Problems(Path(name).name)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "upload.xlsx"
        path.write_bytes(data)
        sheets = {s.name: s for s in read_workbook(path, problems)}
    book = Workbook(
        rows_of(
            sheets, "figures", FIGURES, problems, lambda f, row: check_figure(f, row, organisations)
        ),
        rows_of(sheets, "rates", RATES, problems, check_rate),
        rows_of(sheets, "actuals", ACTUALS, problems, check_actual),
    )
    if not problems.found and not sheets.keys() & set(SHEETS):
        problems.add("", "", said("no sheet named figures, rates or actuals"))
    if problems.found:
        raise FileProblems(problems.in_order())
    return book


def figure_rows(figures: Sequence[Figure]) -> Rows:
    return [
        (
            f.qualification,
            f.year,
            f.measure,
            f.part,
            f.value,
            f.low,
            f.high,
            f.source,
            f.invented,
            f.organisation.name if f.organisation else "",
        )
        for f in figures
    ]


def template_sheets(
    figures: Sequence[Figure] = (), rates: Sequence[Rate] = (), actuals: Sequence[Actual] = ()
) -> Sheets:
    """The workbook: empty (headers only), or with the given rows."""
    return {
        "figures": (FIGURES.names, figure_rows(figures)),
        "rates": (
            RATES.names,
            [
                (r.qualification, r.name, r.central, r.low, r.high, r.distribution, r.source)
                for r in rates
            ],
        ),
        "actuals": (
            ACTUALS.names,
            [(a.qualification, a.year, a.measure, a.value, a.part, a.source) for a in actuals],
        ),
    }


def template_bytes(sheets: Sheets) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.xlsx"
        write_workbook(path, sheets)
        return path.read_bytes()
