"""The regional planning part of the JSON API, mounted at /api/planning by
opmaat.api.app: a region's figures, its scenarios (create, read, change, delete), the
projection with its P10–P90 band, scenarios compared, baselines with their back-test, and
one qualification's model as XMILE. The same services and permissions as the pages: the
region's coordinator edits, its members read and add their own figures, anyone else
finds no such region (404)."""

from __future__ import annotations

from datetime import date, datetime

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status

from opmaat.accounts.models import Organisation
from opmaat.api.schemas import ASKED, DENIED, REFUSED, Code, Text
from opmaat.domain.forecasting.model import Lever
from opmaat.domain.forecasting.xmile import export_xmile
from opmaat.forecasting import services
from opmaat.forecasting.access import Access, access_region, own_organisations, regions_for
from opmaat.forecasting.employers import demand_days
from opmaat.forecasting.employers import employer_demand as regional_employer_demand
from opmaat.forecasting.models import Baseline, Figure, Measure, Scenario
from opmaat.learners.access import signed_in

router = Router(tags=["planning"])
MAX_COMPARED = 10


class RegionOut(Schema):
    id: int
    name: str
    access: str = Field(description="`edit` (the coordinator) or `member` (read, own figures)")
    qualifications: list[str] = Field(description="Qualifications with figures (crebo or name)")


class FigureIn(Schema):
    qualification: Code
    year: int = Field(ge=2000, le=2100)
    measure: Measure
    part: str = Field("", max_length=20, description="Age band, route or `ROUTE-year`")
    value: float = Field(ge=0)
    source: Text = Field(min_length=1)
    organisation: int | None = Field(
        None, description="A member organisation's id; none: the region's own"
    )


class FigureOut(Schema):
    organisation: str | None
    area: str = Field(description="A RegioPlus region's code (CBS figures); empty: the region")
    qualification: str
    year: int
    measure: str
    part: str
    value: float | None
    low: float | None = Field(description="A censored count's interval (DUO: 1–4)")
    high: float | None
    source: str
    invented: bool

    @classmethod
    def from_row(cls, f: Figure) -> FigureOut:
        return cls(
            organisation=f.organisation.name if f.organisation else None, area=f.area,
            qualification=f.qualification, year=f.year, measure=f.measure, part=f.part,
            value=f.value, low=f.low, high=f.high, source=f.source, invented=f.invented,
        )  # fmt: skip


class ScenarioIn(Schema):
    name: Text = Field(min_length=1, max_length=120)
    levers: dict[Lever, float] = Field(
        description="Lever → value; `bol_bbl_switch` as a share (0.3), factors around 1"
    )
    qualification: Code = Field("", description="Only this qualification; empty: all")
    from_year: int | None = Field(None, ge=2000, le=2100)
    note: Text = ""


class ScenarioOut(Schema):
    id: int
    name: str
    levers: dict[str, float]
    qualification: str
    from_year: int | None
    note: str

    @classmethod
    def from_row(cls, s: Scenario) -> ScenarioOut:
        return cls(
            id=s.pk, name=s.name, levers=s.levers, qualification=s.qualification,
            from_year=s.from_year, note=s.note,
        )  # fmt: skip


class BandsOut(Schema):
    draws: int
    supply: dict[str, list[float]] = Field(description="`p10`, `p50`, `p90` per year")
    gap: dict[str, list[float]]


class ProjectionOut(Schema):
    """One qualification's projection per year; per-route arrays in `routes` order,
    `starts` and `graduates` per year then route, `starts_needed` and `unclosed` per route
    then year (the extra starts that would close the gap through that route alone)."""

    region: str
    qualification: str
    years: list[int]
    supply: list[float]
    supply_fte: list[float]
    demand: list[float]
    gap: list[float] = Field(description="Demand minus supply: positive is a shortage")
    routes: list[str]
    starts: list[list[float]]
    graduates: list[list[float]]
    starts_needed: list[list[float]]
    unclosed: list[list[float]]
    durations: dict[str, int] = Field(description="Months to deployable per route")
    bands: BandsOut


class ScenariosAsked(Schema):
    scenario: list[int] = Field(default_factory=list, description="Scenario ids, in order")


class ComparisonOut(Schema):
    names: list[str] = Field(description="`Zonder scenario` first, then the scenarios asked")
    years: list[int]
    gap: list[list[float]] = Field(description="Per scenario, the gap per year")
    gap_difference: list[list[float]] = Field(description="Per scenario, its gap minus the first's")


class BaselineIn(Schema):
    name: Text = Field(min_length=1, max_length=120)


class BaselineOut(Schema):
    id: int
    name: str
    base_year: int
    recorded_by: str
    recorded_at: datetime
    projections: dict[str, dict[str, object]] = Field(description="Per qualification, as frozen")

    @classmethod
    def from_row(cls, b: Baseline) -> BaselineOut:
        return cls(
            id=b.pk, name=b.name, base_year=b.base_year, recorded_by=b.recorded_by_name,
            recorded_at=b.recorded_at, projections=b.projection.get("projections", {}),
        )  # fmt: skip


class YearErrorOut(Schema):
    year: int
    projected: float
    actual: float
    error: float = Field(description="Projected minus actual")
    error_pct: float | None


class BacktestOut(Schema):
    qualification: str
    errors: list[YearErrorOut]
    mean_absolute_pct: float | None


class EmployerDemandRowOut(Schema):
    candidate: str = Field(description="the unit or certificate code")
    name: str
    organisations: int = Field(description="care organisations with demand for it")
    people: int | None = Field(description="employees who would gain by it; null: under 5")
    hours: float | None = Field(description="their training hours; null with people")
    gained: int | None = Field(description="shift windows it would cover; null with people")


class EmployerDemandOut(Schema):
    first: date
    last: date
    organisations: int
    people: int | None = Field(description="employees with any demand; null when hidden")
    rows: list[EmployerDemandRowOut]


@router.get("/regions", response={200: list[RegionOut], **ASKED})
def list_regions(request: HttpRequest) -> list[RegionOut]:
    """The regions whose plan the caller may read."""
    return [
        RegionOut(
            id=r.pk,
            name=r.name,
            access=a.value,
            qualifications=[c for c, _ in services.qualifications_of(r)],
        )
        for r, a in regions_for(signed_in(request))
    ]


@router.get("/regions/{int:pk}/figures", response={200: list[FigureOut], **ASKED})
def list_figures(request: HttpRequest, pk: int) -> list[FigureOut]:
    """The region's figures with their sources (members: their own organisation's)."""
    region, access = access_region(signed_in(request), pk)
    rows = Figure.objects.filter(region=region).select_related("organisation")
    if access is not Access.EDIT:
        rows = rows.filter(organisation__in=own_organisations(signed_in(request), region))
    return [FigureOut.from_row(f) for f in rows]


@router.post("/regions/{int:pk}/figures", response={201: FigureOut, **REFUSED, **DENIED})
def set_figure(request: HttpRequest, pk: int, body: FigureIn) -> Status[FigureOut]:
    """Add or change one figure: the coordinator any, a member its own organisation's."""
    user = signed_in(request)
    region, _ = access_region(user, pk)
    owners = {o.pk: o for o in own_organisations(user, region)}
    organisation = None
    if body.organisation is not None:
        organisation = owners.get(body.organisation)
        if organisation is None:
            raise Http404("not an organisation of yours in this region")
    figure = services.do_set_figure(
        user,
        region,
        body.qualification,
        body.year,
        body.measure,
        body.part,
        body.value,
        body.source,
        organisation,
    )
    return Status(201, FigureOut.from_row(figure))


@router.get("/regions/{int:pk}/scenarios", response={200: list[ScenarioOut], **ASKED})
def list_scenarios(request: HttpRequest, pk: int) -> list[ScenarioOut]:
    region, _ = access_region(signed_in(request), pk)
    return [ScenarioOut.from_row(s) for s in Scenario.objects.filter(region=region)]


@router.post("/regions/{int:pk}/scenarios", response={201: ScenarioOut, **REFUSED, **DENIED})
def create_scenario(request: HttpRequest, pk: int, body: ScenarioIn) -> Status[ScenarioOut]:
    user = signed_in(request)
    region, _ = access_region(user, pk)
    row = services.do_save_scenario(
        user, region, body.name, body.levers, body.qualification, body.from_year, body.note
    )
    return Status(201, ScenarioOut.from_row(row))


def scenario_of(request: HttpRequest, pk: int, scenario: int) -> Scenario:
    region, _ = access_region(signed_in(request), pk)
    return get_object_or_404(Scenario, pk=scenario, region=region)


@router.get(
    "/regions/{int:pk}/scenarios/{int:scenario}",
    response={200: ScenarioOut, **ASKED},
)
def read_scenario(request: HttpRequest, pk: int, scenario: int) -> ScenarioOut:
    return ScenarioOut.from_row(scenario_of(request, pk, scenario))


@router.put(
    "/regions/{int:pk}/scenarios/{int:scenario}", response={200: ScenarioOut, **REFUSED, **DENIED}
)
def change_scenario(request: HttpRequest, pk: int, scenario: int, body: ScenarioIn) -> ScenarioOut:
    row = scenario_of(request, pk, scenario)
    saved = services.do_save_scenario(
        signed_in(request),
        row.region,
        body.name,
        body.levers,
        body.qualification,
        body.from_year,
        body.note,
        row,
    )
    return ScenarioOut.from_row(saved)


@router.delete("/regions/{int:pk}/scenarios/{int:scenario}", response={204: None, **ASKED})
def delete_scenario(request: HttpRequest, pk: int, scenario: int) -> Status[None]:
    services.do_delete_scenario(signed_in(request), scenario_of(request, pk, scenario))
    return Status(204, None)


def chosen(region: Organisation, ids: list[int]) -> list[Scenario]:
    found = {s.pk: s for s in Scenario.objects.filter(region=region, pk__in=ids)}
    missing = [i for i in ids if i not in found]
    if missing:
        raise Http404("no such scenario")
    return [found[i] for i in ids]


@router.get("/regions/{int:pk}/projections/{code}", response={200: ProjectionOut, **ASKED})
def projection(
    request: HttpRequest, pk: int, code: str, scenario: int | None = None
) -> ProjectionOut:
    """The qualification's projection to 2035 under `scenario` (none: the plan as it is),
    with the Monte Carlo band of its supply and gap."""
    region, _ = access_region(signed_in(request), pk)
    row = chosen(region, [scenario])[0] if scenario is not None else None
    o = services.outlook(region, code, row)
    durations = {r.value: m for r, m in o.plan.durations.months.items()}
    return ProjectionOut.model_validate(
        {**services.projection_with_bands(o), "durations": durations}
    )


@router.get("/regions/{int:pk}/comparisons/{code}", response={200: ComparisonOut, **ASKED})
def comparison(
    request: HttpRequest, pk: int, code: str, asked: Query[ScenariosAsked]
) -> ComparisonOut:
    """The plan without a scenario and each asked scenario (`?scenario=1&scenario=2`)."""
    region, _ = access_region(signed_in(request), pk)
    result, cell = services.comparison(region, code, chosen(region, asked.scenario[:MAX_COMPARED]))
    return ComparisonOut(
        names=list(result.names),
        years=list(result.projections[0].years),
        gap=[[round(float(v), 3) for v in p.gap[cell]] for p in result.projections],
        gap_difference=[[round(float(v), 3) for v in d[cell]] for d in result.gap_difference],
    )


@router.get("/regions/{int:pk}/baselines", response={200: list[BaselineOut], **ASKED})
def list_baselines(request: HttpRequest, pk: int) -> list[BaselineOut]:
    region, _ = access_region(signed_in(request), pk)
    return [BaselineOut.from_row(b) for b in Baseline.objects.filter(region=region)]


@router.post("/regions/{int:pk}/baselines", response={201: BaselineOut, **REFUSED, **DENIED})
def record_baseline(request: HttpRequest, pk: int, body: BaselineIn) -> Status[BaselineOut]:
    """Freeze the region's inputs and projections as a baseline (nulmeting)."""
    user = signed_in(request)
    region, _ = access_region(user, pk)
    return Status(201, BaselineOut.from_row(services.do_record_baseline(user, region, body.name)))


@router.get(
    "/regions/{int:pk}/baselines/{int:baseline}/backtests/{code}",
    response={200: BacktestOut, **ASKED},
)
def backtest(request: HttpRequest, pk: int, baseline: int, code: str) -> BacktestOut:
    """The baseline's model run again against the workforce actuals recorded since."""
    region, _ = access_region(signed_in(request), pk)
    row = get_object_or_404(Baseline, pk=baseline, region=region)
    errors = services.backtest_of(row, code)
    return BacktestOut(
        qualification=code,
        errors=[
            YearErrorOut(
                year=e.year,
                projected=e.projected,
                actual=e.actual,
                error=e.error,
                error_pct=e.error_pct,
            )
            for e in errors
        ],
        mean_absolute_pct=services.mean_error(errors),
    )


@router.get(
    "/regions/{int:pk}/models/{code}",
    response={200: None, **ASKED},
    openapi_extra={
        "responses": {"200": {"description": "XMILE 1.0", "content": {"application/xml": {}}}}
    },
)
def xmile(request: HttpRequest, pk: int, code: str, scenario: int | None = None) -> HttpResponse:
    """The qualification's deterministic model (under `scenario`) as an XMILE 1.0 document,
    which Stella, Vensim and PySD run."""
    region, _ = access_region(signed_in(request), pk)
    row = chosen(region, [scenario])[0] if scenario is not None else None
    o = services.outlook(region, code, row, draws=1)
    document = export_xmile(o.plan, o.plan.cells[o.cell], row.name if row else "opmaat")
    response = HttpResponse(document, content_type="application/xml")
    response["Content-Disposition"] = f'attachment; filename="planning-{o.cell}.xmile"'
    return response


@router.get("/regions/{int:pk}/employer-demand", response={200: EmployerDemandOut, **ASKED})
def employer_demand(request: HttpRequest, pk: int, start: date | None = None) -> EmployerDemandOut:
    """The member care organisations' training demand over the week from `start` (default
    tomorrow), summed per unit or certificate; counts of people under 5 are null, with the
    row's hours and windows (docs/planning.md, "Employers' training demand")."""
    region, _ = access_region(signed_in(request), pk)
    days = demand_days(start)
    demand = regional_employer_demand(region, days[0])
    return EmployerDemandOut(
        first=days[0],
        last=days[-1],
        organisations=demand.organisations,
        people=demand.people,
        rows=[
            EmployerDemandRowOut(
                candidate=r.candidate,
                name=r.name,
                organisations=r.organisations,
                people=r.people,
                hours=r.hours,
                gained=r.gained,
            )
            for r in demand.rows
        ],
    )
