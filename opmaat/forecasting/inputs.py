"""A region's rows as the domain's `Plan`, and a plan as the JSON a baseline keeps.

The rules for turning figures into a plan (docs/planning.md, "Pages, files and API"):

1. Cells: every qualification with a workforce figure in the base year, the latest year
   with one. A region's own figure counts; without one, the sum of its member
   organisations' figures (their own figures roll up into the region).
2. Demand per year: the figures given; between two given years a straight line; after the
   last one it grows by the `demand_growth` figure (0 without one); before the first one,
   and without any, it is the workforce of the base year grown the same way.
3. Planned starts per route: a year without a figure repeats the year before (0 before the
   first).
4. A censored count (an interval, as DUO's "< 5") counts as its midpoint in the
   deterministic run; the uncertainty band spans the runs with every censored count at
   the low and at the high end of its interval (services.outlook). The page says how many
   counts are censored.
5. Rates: the region's own per qualification, else the domain's defaults (defaults.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
from django.db.models import QuerySet

from opmaat.accounts.models import Organisation
from opmaat.domain.forecasting.defaults import default_rates
from opmaat.domain.forecasting.errors import MissingYear
from opmaat.domain.forecasting.model import (
    AGE_BANDS,
    ROUTES,
    AgeBand,
    Cell,
    Distribution,
    FloatArray,
    Plan,
    Rates,
    Route,
    RouteDurations,
    Uncertain,
    UpskillingLink,
)
from opmaat.forecasting.models import Figure, Measure, Rate

DEFAULT_UNTIL = 2035
# (measure, part) → qualification → year → value, for one area (a region or organisation).
Series = dict[tuple[str, str], dict[str, dict[int, float]]]


@dataclass(frozen=True, slots=True)
class Area:
    """What a plan covers: the whole region, or one member organisation's own figures."""

    region: Organisation
    organisation: Organisation | None = None

    @property
    def name(self) -> str:
        return (self.organisation or self.region).name


class End(StrEnum):
    """Which value of a censored count's interval a run takes (rule 4)."""

    MID = "mid"
    LOW = "low"
    HIGH = "high"


def figure_value(figure: Figure, end: End = End.MID) -> float:
    if figure.value is not None:
        return float(figure.value)
    low, high = float(figure.low or 0.0), float(figure.high or 0.0)
    return {End.MID: (low + high) / 2, End.LOW: low, End.HIGH: high}[end]


def series_of(figures: Iterable[Figure], end: End = End.MID) -> Series:
    """Figures summed per (measure, part), qualification and year."""
    series: Series = defaultdict(lambda: defaultdict(dict))
    for f in figures:
        years = series[(f.measure, f.part)][f.qualification]
        years[f.year] = years.get(f.year, 0.0) + figure_value(f, end)
    return series


def area_figures(area: Area) -> QuerySet[Figure]:
    return Figure.objects.filter(region=area.region, area="")


def area_series(area: Area, end: End = End.MID) -> Series:
    """The area's figures; for a region, its own where it has them, else its members'."""
    rows = area_figures(area)
    if area.organisation is not None:
        return series_of(rows.filter(organisation=area.organisation), end)
    own = series_of(rows.filter(organisation__isnull=True), end)
    members = series_of(rows.filter(organisation__isnull=False), end)
    for key, by_qualification in members.items():
        for qualification, years in by_qualification.items():
            if qualification not in own.get(key, {}):
                own[key][qualification] = years
    return own


def workforce_qualifications(series: Series) -> dict[str, set[int]]:
    years: dict[str, set[int]] = defaultdict(set)
    for band in AGE_BANDS:
        for qualification, values in series.get((Measure.WORKFORCE, band.value), {}).items():
            years[qualification].update(values)
    return years


def base_year_of(series: Series) -> int | None:
    """The latest year with a workforce figure, or None when there is none."""
    years = [y for ys in workforce_qualifications(series).values() for y in ys]
    return max(years, default=None)


def line(
    given: Mapping[int, float], years: Sequence[int], growth: float, start: float
) -> FloatArray:
    """Rule 2: given years as given, straight lines between them, growth after the last."""
    known = sorted(given)
    out = np.empty(len(years), dtype=np.float64)
    for i, year in enumerate(years):
        if not known or year < known[0]:
            base, at = (given[known[0]], known[0]) if known else (start, years[0])
            out[i] = base * (1.0 + growth) ** (year - at)
        elif year > known[-1]:
            out[i] = given[known[-1]] * (1.0 + growth) ** (year - known[-1])
        else:
            out[i] = float(np.interp(year, known, [given[k] for k in known]))
    return out


def carried(given: Mapping[int, float], years: Sequence[int]) -> FloatArray:
    """Rule 3: each year's figure, or the year before's."""
    out = np.zeros(len(years), dtype=np.float64)
    last = 0.0
    for i, year in enumerate(years):
        last = given.get(year, last)
        out[i] = last
    return out


def uncertain(row: Rate) -> Uncertain:
    source = row.source + (" (verzonnen)" if row.invented else "")
    return Uncertain(row.central, row.low, row.high, Distribution(row.distribution), source)


def rates_for(rows: Mapping[str, Rate]) -> Rates:
    """Rule 5: the region's rates by name over the defaults."""
    base = default_rates()

    def pick(name: str, default: Uncertain) -> Uncertain:
        row = rows.get(name)
        return default if row is None else uncertain(row)

    def each(
        prefix: str, keys: Sequence[str], defaults: Sequence[Uncertain]
    ) -> tuple[Uncertain, ...]:
        return tuple(pick(f"{prefix}.{k}", d) for k, d in zip(keys, defaults, strict=True))

    bands, routes = [b.value for b in AGE_BANDS], [r.value for r in ROUTES]
    return Rates(
        retirement=each("retirement", bands, base.retirement),
        leaving=each("leaving", bands, base.leaving),
        first_year_dropout=each("dropout_first", routes, base.first_year_dropout),
        later_year_dropout=each("dropout_later", routes, base.later_year_dropout),
        bol_bbl_switch=pick("bol_bbl_switch", base.bol_bbl_switch),
    )


def region_rates(region: Organisation) -> dict[str, dict[str, Rate]]:
    rates: dict[str, dict[str, Rate]] = defaultdict(dict)
    for row in Rate.objects.filter(region=region):
        rates[row.qualification][row.name] = row
    return rates


def build_plan(
    area: Area,
    durations: RouteDurations,
    until: int = DEFAULT_UNTIL,
    qualifications: Sequence[str] = (),
    end: End = End.MID,
) -> Plan:
    """The area's plan from its base year to `until` (rules 1–5), censored counts at
    `end` of their interval."""
    series = area_series(area, end)
    base_year = base_year_of(series)
    if base_year is None:
        raise MissingYear("workforce", until)
    cells = tuple(
        Cell(area.name, q)
        for q, ys in sorted(workforce_qualifications(series).items())
        if base_year in ys and (not qualifications or q in qualifications)
    )
    if not cells:
        raise MissingYear("workforce", base_year)
    years = list(range(base_year, max(until, base_year + 1) + 1))
    rates = region_rates(area.region)
    return Plan(
        cells=cells,
        base_year=base_year,
        workforce=workforce_array(series, cells, base_year),
        fte_per_head=fte_array(series, cells, base_year),
        demand=demand_array(series, cells, years),
        starts=starts_array(series, cells, years[:-1] or years),
        enrolled=enrolled_array(series, cells, base_year, durations),
        rates=tuple(rates_for(rates.get(c.qualification, {})) for c in cells),
        durations=durations,
        upskilling=upskilling_links(rates, cells),
        capacity=capacity_array(series, cells, years[:-1] or years),
    )


def value_at(series: Series, measure: str, part: str, qualification: str, year: int) -> float:
    return series.get((measure, part), {}).get(qualification, {}).get(year, 0.0)


def workforce_array(series: Series, cells: Sequence[Cell], year: int) -> FloatArray:
    return np.array(
        [
            [value_at(series, Measure.WORKFORCE, b.value, c.qualification, year) for b in AGE_BANDS]
            for c in cells
        ],
        dtype=np.float64,
    )


def fte_array(series: Series, cells: Sequence[Cell], year: int) -> FloatArray:
    """FTE per head from the FTE figure; 1 (headcount) without one."""
    heads = workforce_array(series, cells, year).sum(axis=1)
    out = np.ones(len(cells), dtype=np.float64)
    for i, c in enumerate(cells):
        fte = value_at(series, Measure.FTE, "", c.qualification, year)
        if fte > 0 and heads[i] > 0:
            out[i] = fte / heads[i]
    return out


def demand_array(series: Series, cells: Sequence[Cell], years: Sequence[int]) -> FloatArray:
    rows = []
    for c in cells:
        given = series.get((Measure.DEMAND, ""), {}).get(c.qualification, {})
        growth = value_at(series, Measure.DEMAND_GROWTH, "", c.qualification, years[0])
        growths = series.get((Measure.DEMAND_GROWTH, ""), {}).get(c.qualification, {})
        if growths:
            growth = growths[max(growths)]
        start = sum(
            value_at(series, Measure.WORKFORCE, b.value, c.qualification, years[0])
            for b in AGE_BANDS
        )
        rows.append(line(given, years, growth, start))
    return np.array(rows, dtype=np.float64).reshape(len(cells), len(years))


def starts_array(series: Series, cells: Sequence[Cell], years: Sequence[int]) -> FloatArray:
    out = np.zeros((len(cells), len(years), len(ROUTES)), dtype=np.float64)
    for i, c in enumerate(cells):
        for r, route in enumerate(ROUTES):
            given = series.get((Measure.STARTS, route.value), {}).get(c.qualification, {})
            out[i, :, r] = carried(given, years)
    return out


def student_part(route: Route, study_year: int) -> str:
    return f"{route.value}-{study_year}"


def enrolled_array(
    series: Series, cells: Sequence[Cell], year: int, durations: RouteDurations
) -> FloatArray:
    depth = max(durations.years(r) for r in ROUTES)
    out = np.zeros((len(cells), len(ROUTES), depth), dtype=np.float64)
    for i, c in enumerate(cells):
        for r, route in enumerate(ROUTES):
            for k in range(depth):
                part = student_part(route, k + 1)
                out[i, r, k] = value_at(series, Measure.STUDENTS, part, c.qualification, year)
    return out


def capacity_array(
    series: Series, cells: Sequence[Cell], years: Sequence[int]
) -> FloatArray | None:
    """Places per cell and flow year (inf: no cap): each year's figure, or the year
    before's; no cap before the first."""
    given = series.get((Measure.CAPACITY, ""), {})
    if not any(c.qualification in given for c in cells):
        return None
    out = np.full((len(cells), len(years)), np.inf, dtype=np.float64)
    for i, c in enumerate(cells):
        last = np.inf
        for t, year in enumerate(years):
            last = given.get(c.qualification, {}).get(year, last)
            out[i, t] = last
    return out


def upskilling_links(
    rates: Mapping[str, Mapping[str, Rate]], cells: Sequence[Cell]
) -> tuple[UpskillingLink, ...]:
    """`upskilling.<target>` rates between two cells of the plan."""
    by_qualification = {c.qualification: c for c in cells}
    links = []
    for c in cells:
        for name, row in rates.get(c.qualification, {}).items():
            target = by_qualification.get(name.removeprefix("upskilling."))
            if name.startswith("upskilling.") and target is not None:
                links.append(UpskillingLink(c, target, uncertain(row)))
    return tuple(links)


AGE_BAND_CHOICES = [b.value for b in AgeBand]
