"""A region's planning: the runs through the domain's model, and every write (figures,
rates, scenarios, baselines, actuals, groupings, imports), each checked against the rules
of access.py."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404

from opmaat.accounts.models import Organisation
from opmaat.accounts.people import display_name
from opmaat.catalog.cache import current_catalog
from opmaat.domain.errors import Conflict, InvalidChoice
from opmaat.domain.forecasting import backtest as backtesting
from opmaat.domain.forecasting.errors import MissingYear
from opmaat.domain.forecasting.model import (
    ROUTES,
    Bands,
    Change,
    FloatArray,
    Lever,
    Plan,
    Projection,
    Route,
    RouteDurations,
)
from opmaat.domain.forecasting.model import Scenario as DomainScenario
from opmaat.domain.forecasting.montecarlo import simulate
from opmaat.domain.forecasting.pipeline import project
from opmaat.domain.forecasting.scenarios import Comparison, apply_scenario, compare
from opmaat.forecasting.access import (
    own_organisations,
    require_edit,
    writable_organisations,
)
from opmaat.forecasting.documents import (
    bands_document,
    cell_index,
    plan_document,
    plan_from_document,
    projection_document,
)
from opmaat.forecasting.durations import route_durations
from opmaat.forecasting.inputs import DEFAULT_UNTIL, Area, End, area_figures, build_plan
from opmaat.forecasting.models import (
    Actual,
    ActualMeasure,
    Baseline,
    Figure,
    Grouping,
    Measure,
    Rate,
    Scenario,
)
from opmaat.forecasting.regions import labour_market_regions

# Draws of the page's uncertainty band: P10 and P90 settle to within a few people by then
# (docs/planning.md); a fixed seed per run, so the page draws the same band every time.
DRAWS = 500
SEED = 17


class NameTaken(Conflict):
    """Another scenario of the region has this name (names tell scenarios apart on the
    chart and in files)."""

    code = "planning_name_taken"

    def __init__(self, name: str) -> None:
        super().__init__(field="name", name=name)


# Reading -----------------------------------------------------------------------------


def qualifications_of(region: Organisation) -> list[tuple[str, str]]:
    """The qualifications the region has figures for, as (code, name), by name."""
    catalog = current_catalog()
    codes = set(Figure.objects.filter(region=region).values_list("qualification", flat=True))
    named = [
        (c, catalog.qualifications[c].name if c in catalog.qualifications else c) for c in codes
    ]
    return sorted(named, key=lambda item: (item[1].casefold(), item[0]))


def durations_for(qualification: str, base_year: int) -> RouteDurations:
    """Months to deployable from the route planner, starting 1 September of the base year."""
    return route_durations(current_catalog(), qualification, date(base_year, 9, 1))


def plan_of(
    region: Organisation,
    qualification: str,
    organisation: Organisation | None = None,
    until: int = DEFAULT_UNTIL,
    end: End = End.MID,
) -> Plan:
    """The area's plan with the route durations of `qualification`. Every cell of the
    region is in it, so that upskilling flows between qualifications count."""
    area = Area(region, organisation)
    draft = build_plan(area, durations_for(qualification, DEFAULT_UNTIL), until)
    return build_plan(area, durations_for(qualification, draft.base_year), until, end=end)


def scenario_of(row: Scenario) -> DomainScenario:
    """A saved scenario's levers as the domain's changes."""
    qualifications = (row.qualification,) if row.qualification else ()
    changes = tuple(
        Change(Lever(lever), float(value), (), qualifications, row.from_year)
        for lever, value in sorted(row.levers.items())
        if lever in Lever.__members__.values()
    )
    return DomainScenario(row.name, changes)


@dataclass(frozen=True, slots=True)
class Outlook:
    """One qualification's deterministic run, its uncertainty band, and where it is."""

    plan: Plan
    projection: Projection
    bands: Bands
    cell: int

    @property
    def qualification(self) -> str:
        return self.plan.cells[self.cell].qualification


def outlook(
    region: Organisation,
    qualification: str,
    scenario: Scenario | None = None,
    organisation: Organisation | None = None,
    draws: int = DRAWS,
) -> Outlook:
    """Run the region's plan (under `scenario`) and its Monte Carlo band; with censored
    counts the band spans the draws at both ends of their intervals."""

    def planned(end: End) -> Plan:
        plan = plan_of(region, qualification, organisation, end=end)
        return plan if scenario is None else apply_scenario(plan, scenario_of(scenario))

    plan = planned(End.MID)
    try:
        cell = cell_index(plan.cells, qualification)
    except StopIteration:
        raise Http404("no figures for this qualification") from None
    bands = simulate(plan, draws, SEED)
    if area_figures(Area(region, organisation)).filter(value__isnull=True).exists():
        ends = [simulate(planned(end), draws, SEED) for end in (End.LOW, End.HIGH)]
        bands = spanned(bands, ends)
    return Outlook(plan, project(plan), bands, cell)


def spanned(middle: Bands, ends: Sequence[Bands]) -> Bands:
    """P10 the lowest and P90 the highest of the runs; P50 the middle run's."""

    def span(key: str) -> dict[int, FloatArray]:
        mid: Mapping[int, FloatArray] = getattr(middle, key)
        runs = [getattr(b, key) for b in (middle, *ends)]
        return {
            10: np.minimum.reduce([r[10] for r in runs]),
            50: mid[50],
            90: np.maximum.reduce([r[90] for r in runs]),
        }

    return Bands(middle.cells, middle.years, middle.draws, span("supply"), span("gap"))


def comparison(
    region: Organisation, qualification: str, scenarios: Sequence[Scenario]
) -> tuple[Comparison, int]:
    """The plan without changes first, then each scenario, side by side."""
    plan = plan_of(region, qualification)
    chosen = [DomainScenario("Zonder scenario")] + [scenario_of(s) for s in scenarios]
    try:
        cell = cell_index(plan.cells, qualification)
    except StopIteration:
        raise Http404("no figures for this qualification") from None
    return compare(plan, chosen), cell


def censored_count(region: Organisation, qualification: str) -> int:
    return Figure.objects.filter(
        region=region, qualification=qualification, value__isnull=True
    ).count()


# Writing -----------------------------------------------------------------------------


@transaction.atomic
def do_set_figure(
    user: User,
    region: Organisation,
    qualification: str,
    year: int,
    measure: Measure,
    part: str,
    value: float,
    source: str,
    organisation: Organisation | None = None,
) -> Figure:
    """Add or change one figure: the coordinator any, a member's staff only their own
    organisation's."""
    if organisation is None:
        require_edit(user, region)
    elif organisation not in own_organisations(user, region):
        raise PermissionDenied("not this organisation's figures")
    figure, _ = Figure.objects.update_or_create(
        region=region,
        organisation=organisation,
        qualification=qualification,
        year=year,
        measure=measure.value,
        part=part,
        defaults={
            "value": value,
            "low": None,
            "high": None,
            "source": source,
            "invented": False,
            "entered_by": display_name(user),
        },
    )
    return figure


@transaction.atomic
def do_save_scenario(
    user: User,
    region: Organisation,
    name: str,
    levers: Mapping[Lever, float],
    qualification: str = "",
    from_year: int | None = None,
    note: str = "",
    scenario: Scenario | None = None,
) -> Scenario:
    """Create a scenario, or change `scenario`; the coordinator only."""
    require_edit(user, region)
    row = scenario or Scenario(region=region, created_by=display_name(user))
    if row.region_id != region.pk:
        raise Http404("no such scenario")
    if Scenario.objects.filter(region=region, name=name).exclude(pk=row.pk).exists():
        raise NameTaken(name)
    row.name, row.qualification, row.from_year, row.note = name, qualification, from_year, note
    row.levers = {lever.value: float(value) for lever, value in levers.items()}
    check_scenario(region, row)
    row.save()
    return row


def check_scenario(region: Organisation, row: Scenario) -> None:
    """Run the scenario once on the plan it is for, so that a lever the model refuses (a
    rate pushed past what a cell can lose in a year) is refused when saved, not when shown."""
    codes = [row.qualification] if row.qualification else [c for c, _ in qualifications_of(region)]
    for code in codes[:1]:
        try:
            plan = plan_of(region, code)
        except MissingYear:
            return
        project(apply_scenario(plan, scenario_of(row)))


@transaction.atomic
def do_delete_scenario(user: User, scenario: Scenario) -> None:
    require_edit(user, scenario.region)
    scenario.delete()


@transaction.atomic
def do_record_baseline(user: User, region: Organisation, name: str) -> Baseline:
    """Freeze every qualification's plan and deterministic projection as they are now."""
    require_edit(user, region)
    plans: dict[str, object] = {}
    projections: dict[str, object] = {}
    base_year = 0
    for code, _ in qualifications_of(region):
        try:
            plan = plan_of(region, code)
        except MissingYear:  # a qualification without a workforce in the base year
            continue
        cell = cell_index(plan.cells, code)
        plans[code] = plan_document(plan)
        projections[code] = projection_document(project(plan), cell)
        base_year = plan.base_year
    return Baseline.objects.create(
        region=region,
        name=name,
        base_year=base_year,
        inputs={"plans": plans},
        projection={"projections": projections},
        recorded_by_name=display_name(user),
    )


@transaction.atomic
def do_record_actual(
    user: User,
    region: Organisation,
    qualification: str,
    year: int,
    measure: ActualMeasure,
    value: float,
    part: str = "",
    source: str = "",
) -> Actual:
    """Record what happened in a year (the workforce, or a route's starts)."""
    require_edit(user, region)
    if measure is ActualMeasure.STARTS:
        Route(part)  # a route the model knows, or ValueError
    actual, _ = Actual.objects.update_or_create(
        region=region,
        qualification=qualification,
        year=year,
        measure=measure.value,
        part=part if measure is ActualMeasure.STARTS else "",
        defaults={"value": value, "source": source, "entered_by": display_name(user)},
    )
    return actual


# Monitoring ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TargetRow:
    """One year and route of a baseline: the agreed starts against the actual starts."""

    year: int
    route: Route
    target: float
    actual: float | None


def baseline_plan(baseline: Baseline, qualification: str) -> Plan:
    plans = baseline.inputs.get("plans", {})
    if qualification not in plans:
        raise Http404("the baseline holds no plan for this qualification")
    return plan_from_document(plans[qualification])


def backtest_of(baseline: Baseline, qualification: str) -> tuple[backtesting.YearError, ...]:
    """The baseline's plan run again against the workforce actuals recorded since."""
    plan = baseline_plan(baseline, qualification)
    cell = plan.cells[cell_index(plan.cells, qualification)]
    actual = {
        a.year: a.value
        for a in Actual.objects.filter(
            region=baseline.region,
            qualification=qualification,
            measure=ActualMeasure.WORKFORCE.value,
            year__gt=plan.base_year,
        )
    }
    return backtesting.backtest(plan, {cell: actual})


def targets_of(baseline: Baseline, qualification: str) -> list[TargetRow]:
    """The baseline's planned starts per route and year beside the actual starts."""
    plan = baseline_plan(baseline, qualification)
    cell = cell_index(plan.cells, qualification)
    actual = {
        (a.year, a.part): a.value
        for a in Actual.objects.filter(
            region=baseline.region, qualification=qualification, measure=ActualMeasure.STARTS.value
        )
    }
    rows = []
    for t, year in enumerate(plan.years[:-1]):
        for r, route in enumerate(ROUTES):
            target = float(plan.starts[cell, t, r])
            got = actual.get((year, route.value))
            if target or got is not None:
                rows.append(TargetRow(year, route, target, got))
    return rows


def projection_with_bands(o: Outlook) -> dict[str, object]:
    """The outlook as the API and the files give it."""
    return {**projection_document(o.projection, o.cell), "bands": bands_document(o.bands, o.cell)}


def mean_error(errors: tuple[backtesting.YearError, ...]) -> float | None:
    """The back-test's mean absolute error in %, over the years with an actual."""
    return backtesting.mean_absolute_pct(errors)


# Importing ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FigureInput:
    """One figure as a file gives it; `organisation` by name, "" for the region's own.
    A censored count has `value` None and the interval `low`–`high`."""

    qualification: str
    year: int
    measure: Measure
    part: str = ""
    value: float | None = None
    low: float | None = None
    high: float | None = None
    source: str = ""
    invented: bool = False
    organisation: str = ""
    area: str = ""  # a RegioPlus region's code (CBS figures, for comparison); "": the region


@dataclass(frozen=True, slots=True)
class RateInput:
    qualification: str
    name: str
    central: float
    low: float | None = None
    high: float | None = None
    distribution: str = "fixed"
    source: str = ""


@dataclass(frozen=True, slots=True)
class ActualInput:
    qualification: str
    year: int
    measure: ActualMeasure
    value: float
    part: str = ""
    source: str = ""


@dataclass(frozen=True, slots=True)
class Imported:
    figures: int
    rates: int
    actuals: int


@transaction.atomic
def do_import(
    user: User,
    region: Organisation,
    figures: Sequence[FigureInput],
    rates: Sequence[RateInput] = (),
    actuals: Sequence[ActualInput] = (),
) -> Imported:
    """Write everything a file held in one transaction. The reader has checked every row
    (names, parts, ranges); rates and actuals are the coordinator's."""
    if rates or actuals:
        require_edit(user, region)
    owners = writable_organisations(user, region)
    for f in figures:
        if f.organisation not in owners:
            raise PermissionDenied("not this organisation's figures")
    for f in figures:
        Figure.objects.update_or_create(
            region=region,
            organisation=owners[f.organisation],
            area=f.area,
            qualification=f.qualification,
            year=f.year,
            measure=f.measure.value,
            part=f.part,
            defaults={
                "value": f.value, "low": f.low, "high": f.high, "source": f.source,
                "invented": f.invented, "entered_by": display_name(user),
            },
        )  # fmt: skip
    for r in rates:
        Rate.objects.update_or_create(
            region=region,
            qualification=r.qualification,
            name=r.name,
            defaults={
                "central": r.central, "low": r.low, "high": r.high,
                "distribution": r.distribution, "source": r.source,
            },
        )  # fmt: skip
    for a in actuals:
        do_record_actual(
            user, region, a.qualification, a.year, a.measure, a.value, a.part, a.source
        )
    return Imported(len(figures), len(rates), len(actuals))


# Comparing labour-market regions ------------------------------------------------------------


@transaction.atomic
def do_save_grouping(user: User, region: Organisation, name: str, areas: Sequence[str]) -> Grouping:
    """A named grouping of RegioPlus regions (codes of regions.yaml); the coordinator's."""
    require_edit(user, region)
    known = labour_market_regions().codes()
    unknown = [a for a in areas if a not in known]
    if unknown:
        raise InvalidChoice("areas", unknown[0])
    grouping, _ = Grouping.objects.update_or_create(
        region=region, name=name, defaults={"areas": sorted(set(areas))}
    )
    return grouping


@dataclass(frozen=True, slots=True)
class AreaSeries:
    name: str
    values: tuple[float | None, ...]  # per year; None where no figure


def employee_series(region: Organisation) -> tuple[tuple[int, ...], list[AreaSeries]]:
    """The CBS employees per RegioPlus region and per grouping, by year (all sectors the
    file gave, summed)."""
    rows = Figure.objects.filter(region=region, measure=Measure.EMPLOYEES.value).exclude(area="")
    by_area: dict[str, dict[int, float]] = {}
    for f in rows:
        found = by_area.setdefault(f.area, {})
        found[f.year] = found.get(f.year, 0.0) + float(f.value or 0.0)
    years = tuple(sorted({y for values in by_area.values() for y in values}))
    names = labour_market_regions()
    series = [
        AreaSeries(names.name_of(code), tuple(values.get(y) for y in years))
        for code, values in sorted(by_area.items(), key=lambda item: names.name_of(item[0]))
    ]
    for grouping in Grouping.objects.filter(region=region):
        parts = [by_area[a] for a in grouping.areas if a in by_area]
        summed = tuple(
            sum(p[y] for p in parts if y in p) if any(y in p for p in parts) else None
            for y in years
        )
        series.append(AreaSeries(grouping.name, summed))
    return years, series
