"""A qualification's plan as a workbook: the projection per year, the training starts
needed per route, the uncertainty band, the inputs with their sources, the scenarios."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

from opmaat.domain.forecasting.model import ROUTES
from opmaat.forecasting.models import Figure, Rate
from opmaat.forecasting.models import Scenario as ScenarioRow
from opmaat.forecasting.services import Outlook
from opmaat.tabular.write import Rows, Sheets, write_workbook

PROJECTION_COLUMNS = (
    "year", "supply", "supply_p10", "supply_p90", "supply_fte", "demand", "gap", "gap_p10",
    "gap_p90",
)  # fmt: skip
STARTS_COLUMNS = ("year", "route", "planned_starts", "graduates", "starts_needed", "unclosed")
FIGURE_COLUMNS = (
    "organisation", "qualification", "year", "measure", "part", "value", "low", "high",
    "source", "invented",
)  # fmt: skip
RATE_COLUMNS = ("qualification", "name", "central", "low", "high", "distribution", "source")


def projection_rows(o: Outlook) -> Rows:
    p, b, c = o.projection, o.bands, o.cell
    return [
        (
            year,
            round(float(p.supply[c, t]), 2),
            round(float(b.supply[10][c, t]), 2),
            round(float(b.supply[90][c, t]), 2),
            round(float(p.supply_fte[c, t]), 2),
            round(float(p.demand[c, t]), 2),
            round(float(p.gap[c, t]), 2),
            round(float(b.gap[10][c, t]), 2),
            round(float(b.gap[90][c, t]), 2),
        )
        for t, year in enumerate(p.years)
    ]


def starts_rows(o: Outlook) -> Rows:
    p, c = o.projection, o.cell
    return [
        (
            year,
            route.value,
            round(float(p.starts[c, t, r]), 2),
            round(float(p.graduates[c, t, r]), 2),
            round(float(p.starts_needed[c, r, t]), 2),
            round(float(p.unclosed[c, r, t]), 2),
        )
        for t, year in enumerate(p.years[:-1])
        for r, route in enumerate(ROUTES)
    ]


def plan_sheets(
    o: Outlook,
    figures: Sequence[Figure],
    rates: Sequence[Rate],
    scenarios: Sequence[ScenarioRow],
) -> Sheets:
    return {
        "projection": (PROJECTION_COLUMNS, projection_rows(o)),
        "starts": (STARTS_COLUMNS, starts_rows(o)),
        "figures": (
            FIGURE_COLUMNS,
            [
                (
                    f.organisation.name if f.organisation else "",
                    f.qualification,
                    f.year,
                    f.measure,
                    f.part,
                    f.value,
                    f.low,
                    f.high,
                    f.source,
                    f.invented,
                )
                for f in figures
            ],
        ),
        "rates": (
            RATE_COLUMNS,
            [
                (r.qualification, r.name, r.central, r.low, r.high, r.distribution, r.source)
                for r in rates
            ],
        ),
        "scenarios": (
            ("name", "qualification", "from_year", "levers"),
            [
                (
                    s.name,
                    s.qualification,
                    s.from_year,
                    "; ".join(f"{k}={v}" for k, v in sorted(s.levers.items())),
                )
                for s in scenarios
            ],
        ),
    }


def workbook_bytes(sheets: Sheets) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.xlsx"
        write_workbook(path, sheets)
        return path.read_bytes()
