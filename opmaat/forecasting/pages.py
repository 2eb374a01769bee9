"""What the planning pages show, computed once for the page and the PDF alike."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from opmaat.accounts.models import Organisation
from opmaat.domain.forecasting.errors import MissingYear
from opmaat.domain.forecasting.model import AGE_BANDS, ROUTES, Route, Uncertain
from opmaat.domain.forecasting.pipeline import project
from opmaat.forecasting import services
from opmaat.forecasting.charts import GapChart, gap_chart
from opmaat.forecasting.forms import ROUTE_LABELS
from opmaat.forecasting.inputs import DEFAULT_UNTIL
from opmaat.forecasting.models import Scenario
from opmaat.forecasting.services import Outlook

MAX_COMPARED = 3  # scenarios on one chart: more lines would not be told apart


@dataclass(frozen=True, slots=True)
class YearRow:
    year: int
    supply: float
    p10: float
    p90: float
    demand: float
    gap: float
    gap_p10: float
    gap_p90: float


@dataclass(frozen=True, slots=True)
class StartsRow:
    route: str
    months: int
    planned: tuple[float, ...]
    needed: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class RateRow:
    label: str
    rate: Uncertain


def year_rows(o: Outlook) -> list[YearRow]:
    p, b, c = o.projection, o.bands, o.cell
    return [
        YearRow(
            year,
            float(p.supply[c, t]),
            float(b.supply[10][c, t]),
            float(b.supply[90][c, t]),
            float(p.demand[c, t]),
            float(p.gap[c, t]),
            float(b.gap[10][c, t]),
            float(b.gap[90][c, t]),
        )
        for t, year in enumerate(p.years)
    ]


def starts_rows(o: Outlook) -> list[StartsRow]:
    p, c = o.projection, o.cell
    return [
        StartsRow(
            str(ROUTE_LABELS[route.value]),
            o.plan.durations.months[route],
            tuple(float(v) for v in p.starts[c, :, r]),
            tuple(float(v) for v in p.starts_needed[c, r, :]),
        )
        for r, route in enumerate(ROUTES)
    ]


def rate_rows(o: Outlook) -> list[RateRow]:
    """Every uncertain rate of the cell with its distribution and source."""
    rates = o.plan.rates[o.cell]
    rows = [
        RateRow(_("Pensioen %(band)s") % {"band": b}, u)
        for b, u in zip(AGE_BANDS, rates.retirement, strict=True)
    ]
    rows += [
        RateRow(_("Vertrek %(band)s") % {"band": b}, u)
        for b, u in zip(AGE_BANDS, rates.leaving, strict=True)
    ]
    rows += [
        RateRow(_("Uitval eerste jaar, %(route)s") % {"route": ROUTE_LABELS[r.value]}, u)
        for r, u in zip(ROUTES, rates.first_year_dropout, strict=True)
    ]
    rows += [
        RateRow(_("Uitval latere jaren, %(route)s") % {"route": ROUTE_LABELS[r.value]}, u)
        for r, u in zip(ROUTES, rates.later_year_dropout, strict=True)
    ]
    rows.append(RateRow(_("Overstap BOL → BBL"), rates.bol_bbl_switch))
    rows += [
        RateRow(_("Opscholing naar %(q)s") % {"q": link.target.qualification}, link.rate)
        for link in o.plan.upskilling
        if link.source == o.plan.cells[o.cell]
    ]
    return rows


def chart_for(o: Outlook, compared: Sequence[tuple[Scenario, Outlook]]) -> GapChart:
    p, b, c = o.projection, o.bands, o.cell
    return gap_chart(
        p.years,
        p.supply[c].tolist(),
        p.demand[c].tolist(),
        b.supply[10][c].tolist(),
        b.supply[90][c].tolist(),
        [(s.name, other.projection.supply[other.cell].tolist()) for s, other in compared],
        supply_label=_("Aanbod zonder scenario"),
    )


def qualification_context(
    region: Organisation, code: str, chosen: Sequence[Scenario]
) -> dict[str, object]:
    """The gap page: the plan's outlook, the chosen scenarios beside it, the tables."""
    o = services.outlook(region, code)
    compared = [(s, services.outlook(region, code, s)) for s in chosen[:MAX_COMPARED]]
    return {
        "code": code,
        "outlook": o,
        "years": o.projection.years,
        "flow_years": o.projection.years[:-1],
        "rows": year_rows(o),
        "starts": starts_rows(o),
        "rates": rate_rows(o),
        "chart": chart_for(o, compared),
        "compared": [(s, year_rows(other)) for s, other in compared],
        "censored": services.censored_count(region, code),
        "until": DEFAULT_UNTIL,
    }


@dataclass(frozen=True, slots=True)
class Summary:
    code: str
    name: str
    base_year: int
    gap_now: float
    gap_end: float


def summaries(region: Organisation) -> list[Summary]:
    """The gap now and in the last year, per qualification (deterministic)."""
    found = []
    for code, name in services.qualifications_of(region):
        try:
            plan = services.plan_of(region, code)
        except MissingYear:
            continue
        cell = next(i for i, c in enumerate(plan.cells) if c.qualification == code)
        gap = project(plan).gap[cell]
        found.append(Summary(code, name, plan.base_year, float(gap[0]), float(gap[-1])))
    return found


@dataclass(frozen=True, slots=True)
class Series:
    """One area's supply, demand and gap per year, for the comparison."""

    name: str
    supply: tuple[float, ...]
    demand: tuple[float, ...]
    gap: tuple[float, ...]


def area_series(region: Organisation, code: str) -> tuple[tuple[int, ...], list[Series]]:
    """The region as a whole and each member organisation with its own figures."""
    areas: list[Organisation | None] = [None, *Organisation.objects.filter(region=region)]
    years: tuple[int, ...] = ()
    found = []
    for organisation in areas:
        try:
            plan = services.plan_of(region, code, organisation)
        except MissingYear:
            continue
        cell = next((i for i, c in enumerate(plan.cells) if c.qualification == code), None)
        if cell is None:
            continue
        p = project(plan)
        years = years or p.years
        found.append(
            Series(
                (organisation or region).name,
                tuple(float(v) for v in p.supply[cell]),
                tuple(float(v) for v in p.demand[cell]),
                tuple(float(v) for v in p.gap[cell]),
            )
        )
    return years, found


ROUTE_NAMES = {r: ROUTE_LABELS[r.value] for r in Route}
