"""Public open data read into a region's figures: DUO's mbo enrolments and a CBS StatLine
table of care and welfare employees per RegioPlus region (docs/formats/planning.md).

Both are read whole and checked before anything is written; a file with a problem is
refused whole, each problem naming its row and column.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from opmaat.domain.errors import FileProblems, Said
from opmaat.forecasting.models import Measure
from opmaat.forecasting.regions import labour_market_regions
from opmaat.forecasting.services import FigureInput
from opmaat.tabular.cells import to_number
from opmaat.tabular.problems import Problems
from opmaat.tabular.read import Sheet, read_csv

# DUO publishes a count under 5 as 4 with INDICATIEAVG=J (onderwijsdata.duo.nl, the
# dataset's description): such a count lies between 1 and 4, never exactly 4.
CENSORED_LOW, CENSORED_HIGH = 1.0, 4.0
DUO_SOURCE = "DUO open data deelnemers_inst_kwal_wgdln_lftcat_mbo, peildatum 1 oktober"
# The columns looked for, each by any of these names (compared in lower case).
DUO_COLUMNS = {
    "qualification": ("kwalificatiecode", "kwalificatie code", "crebo", "opleidingscode"),
    "municipality": (
        "gemeentenaam deelnemer", "woongemeente deelnemer", "woongemeentenaam", "gemeentenaam",
    ),
    "count": ("aantal deelnemers", "aantal", "deelnemers"),
    "censored": ("indicatieavg",),
}  # fmt: skip
CBS_COLUMNS = {
    "region": ("regio's", "regios", "regio"),
    "period": ("perioden", "periode"),
    "sector": ("sector", "branches", "sbi"),
}
CBS_SOURCE = "CBS StatLine, arbeidsmarkt zorg en welzijn (AZW), per RegioPlus-regio"


def said(text: str) -> Said:
    return Said(text, "")


def column(sheet: Sheet, names: Sequence[str]) -> str | None:
    return next((n for n in names if n in sheet.columns), None)


def columns_of(
    sheet: Sheet, wanted: dict[str, tuple[str, ...]], required: Sequence[str], problems: Problems
) -> dict[str, str]:
    """The sheet's name for each wanted column; a problem for each required one it lacks."""
    found = {key: name for key, names in wanted.items() if (name := column(sheet, names))}
    header = ", ".join(sheet.columns) or "no column names"
    for key in required:
        if key not in found:
            problems.at(
                1,
                wanted[key][0],
                Said(f"missing column (the header has: {header})", "missing_column", header=header),
            )
    return found


def cell(sheet: Sheet, values: Sequence[object], name: str | None) -> str:
    index = sheet.columns.get(name or "")
    if index is None or index >= len(values) or values[index] is None:
        return ""
    return str(values[index]).strip()


def read_sheet(name: str, data: bytes, problems: Problems) -> Sheet | None:
    sheet = read_csv(data, problems, Path(name).name)
    if sheet is not None and not sheet.has_header:
        problems.add("", "", Said("empty file: expected a header row", "empty_file"))
        return None
    return sheet


@dataclass
class Enrolment:
    """Enrolments of one qualification: the exact counts and the censored ones."""

    exact: float = 0.0
    censored: int = 0

    def figure(self, qualification: str, year: int) -> FigureInput:
        if not self.censored:
            return FigureInput(
                qualification, year, Measure.ENROLLED, value=self.exact, source=DUO_SOURCE
            )
        return FigureInput(
            qualification, year, Measure.ENROLLED,
            low=self.exact + CENSORED_LOW * self.censored,
            high=self.exact + CENSORED_HIGH * self.censored,
            source=f"{DUO_SOURCE}; {self.censored} aantallen < 5 als 1–4",
        )  # fmt: skip


def read_duo(
    name: str, data: bytes, year: int | None, municipalities: Sequence[str]
) -> tuple[FigureInput, ...]:
    """Enrolments per qualification of the students living in `municipalities` (all when
    empty), summed over institutions and age bands; a count flagged INDICATIEAVG=J counts
    as between 1 and 4, so a sum with one is an interval."""
    problems = Problems(Path(name).name)
    if year is None:
        problems.add("", "year", said("give the reference year (peiljaar) of the DUO file"))
    sheet = read_sheet(name, data, problems)
    towns = {m.casefold() for m in municipalities}
    sums: dict[str, Enrolment] = defaultdict(Enrolment)
    if sheet is not None:
        names = columns_of(sheet, DUO_COLUMNS, ("qualification", "count", "censored"), problems)
        for number, values in sheet.rows if len(names) >= 3 else ():
            add_duo_row(sheet, number, values, names, towns, sums, problems)
    if problems.found:
        raise FileProblems(problems.in_order())
    assert year is not None
    return tuple(e.figure(q, year) for q, e in sorted(sums.items()))


def add_duo_row(
    sheet: Sheet,
    number: int,
    values: Sequence[object],
    names: dict[str, str],
    towns: set[str],
    sums: dict[str, Enrolment],
    problems: Problems,
) -> None:
    town = cell(sheet, values, names.get("municipality"))
    if towns and town.casefold() not in towns:
        return
    qualification = cell(sheet, values, names["qualification"])
    flag = cell(sheet, values, names["censored"]).upper()
    count = to_number(cell(sheet, values, names["count"]) or None)
    if not qualification:
        problems.at(number, names["qualification"], Said("required", "required"))
    if flag not in ("J", "N"):
        problems.at(number, names["censored"], said(f"expected J or N, got {flag!r}"))
    if count is None or count < 0:
        problems.at(
            number,
            names["count"],
            said(f"expected a count, got {cell(sheet, values, names['count'])!r}"),
        )
        return
    if flag == "J":
        sums[qualification].censored += 1
    else:
        sums[qualification].exact += count


def read_cbs(name: str, data: bytes) -> tuple[FigureInput, ...]:
    """Employees per RegioPlus region and year. The value column is the first whose name
    holds "werknemers" or "banen"; of a year's quarters the last in the file counts."""
    problems = Problems(Path(name).name)
    sheet = read_sheet(name, data, problems)
    found: dict[tuple[str, str, int], FigureInput] = {}
    if sheet is not None:
        names = columns_of(sheet, CBS_COLUMNS, ("region", "period"), problems)
        value = next((c for c in sheet.columns if "werknemers" in c or "banen" in c), None)
        if value is None:
            problems.at(
                1,
                "werknemers",
                said("no column of employees (a name with 'werknemers' or 'banen')"),
            )
        if len(names) >= 2 and value is not None:
            for number, values in sheet.rows:
                figure = cbs_row(sheet, number, values, names, value, problems)
                if figure is not None:
                    found[(figure.area, figure.qualification, figure.year)] = figure
    if problems.found:
        raise FileProblems(problems.in_order())
    return tuple(found.values())


def cbs_row(
    sheet: Sheet,
    number: int,
    values: Sequence[object],
    names: dict[str, str],
    value: str,
    problems: Problems,
) -> FigureInput | None:
    regions = {r.name.casefold(): r.code for r in labour_market_regions().regions}
    region = cell(sheet, values, names["region"])
    period = cell(sheet, values, names["period"])
    amount = to_number(cell(sheet, values, value) or None)
    code = regions.get(region.casefold())
    wrong = False
    if code is None:
        problems.at(number, names["region"], said(f"not a RegioPlus region: {region!r}"))
        wrong = True
    if not (period[:4].isdigit() and 2000 <= int(period[:4]) <= 2100):
        problems.at(
            number, names["period"], said(f"expected a period starting with a year, got {period!r}")
        )
        wrong = True
    if amount is None or amount < 0:
        problems.at(number, value, said(f"expected a number, got {cell(sheet, values, value)!r}"))
        wrong = True
    if wrong or code is None or amount is None:
        return None
    sector = cell(sheet, values, names.get("sector")) or "zorg en welzijn"
    return FigureInput(
        sector,
        int(period[:4]),
        Measure.EMPLOYEES,
        value=amount,
        source=f"{CBS_SOURCE}: {period}, {value}",
        area=code,
    )
