"""The values of the regional planning model (strategic personnel and training planning).

A cell is one region × qualification (a crebo, or a function or group name). Per cell the
model holds the employed workforce by age band, the students in each route's pipeline, the
demand per year, the planned training starts per route and year, and the rates that move
people between them. `docs/planning.md` gives the equations; `defaults.py` the default rates
and their sources.

Arrays are indexed in a fixed order: cells as in `Plan.cells`, age bands as `AGE_BANDS`,
routes as `ROUTES`, years from `base_year` (stocks at t = 0..horizon, flows in the years
t = 0..horizon-1, from 1 January of year t to 1 January of year t + 1).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class Cell:
    """One region × qualification. `region` is a RegioPlus region code or a user's own
    grouping; `qualification` a crebo or a function or group name."""

    region: str
    qualification: str


class AgeBand(StrEnum):
    UNDER_35 = "15-34"
    FROM_35 = "35-54"
    FROM_55 = "55+"


AGE_BANDS = tuple(AgeBand)


class Route(StrEnum):
    """The ways into a qualified workforce. BOL and BBL are the funded diploma pathways
    (opmaat.domain.leerweg); side-entrants (zij-instromers) come through stacked units or
    through EVC with vrijstellingen; returners (herintreders) through a refresher."""

    BOL = "BOL"
    BBL = "BBL"
    SIDE_UNITS = "side_units"
    SIDE_EVC = "side_evc"
    RETURNER = "returner"


ROUTES = tuple(Route)
# The routes that need an internship place or a BBL job from the stagematching capacity.
PLACE_ROUTES = (Route.BOL, Route.BBL)


class Distribution(StrEnum):
    FIXED = "fixed"
    TRIANGULAR = "triangular"
    NORMAL = "normal"


@dataclass(frozen=True, slots=True)
class Uncertain:
    """A rate per year (a share between 0 and 1) with its uncertainty.

    `central` is the value of the deterministic run. TRIANGULAR draws between `low` and
    `high` with its mode at `central`; NORMAL draws around `central` with `low` and `high` as
    its 10th and 90th percentile, clipped to [0, 1]; FIXED always gives `central`. `source`
    says where the figure comes from, or that it is an editable assumption.
    """

    central: float
    low: float | None = None
    high: float | None = None
    distribution: Distribution = Distribution.FIXED
    source: str = ""

    @property
    def lower(self) -> float:
        return self.central if self.low is None else self.low

    @property
    def upper(self) -> float:
        return self.central if self.high is None else self.high


def fixed(value: float, source: str = "") -> Uncertain:
    return Uncertain(value, source=source)


@dataclass(frozen=True, slots=True)
class Rates:
    """The yearly rates of one cell.

    `retirement` and `leaving` (leaving the cell: another sector, region or employer
    outside the plan) are per age band, in `AGE_BANDS` order. `first_year_dropout` and
    `later_year_dropout` are per route, in `ROUTES` order: the share of a route's students
    who leave in their first study year, and in each later one. `bol_bbl_switch` is the
    share of BOL students who, having finished year one, continue in BBL year two.
    """

    retirement: tuple[Uncertain, ...]
    leaving: tuple[Uncertain, ...]
    first_year_dropout: tuple[Uncertain, ...]
    later_year_dropout: tuple[Uncertain, ...]
    bol_bbl_switch: Uncertain


@dataclass(frozen=True, slots=True)
class UpskillingLink:
    """A yearly share of one cell's workforce that qualifies for another cell (opstroom,
    e.g. Helpende → Verzorgende-IG), moving with its age band."""

    source: Cell
    target: Cell
    rate: Uncertain


@dataclass(frozen=True, slots=True)
class RouteDurations:
    """Months until a starter is deployable, per route. The app fills them from the route
    planner (opmaat.domain.routes) for a typical profile, so that the regional plan and the
    personal routes agree. The yearly model rounds up to whole study years."""

    months: Mapping[Route, int]

    def years(self, route: Route) -> int:
        """Study years of `route`: the months rounded up to whole years, at least one."""
        return max(1, -(-self.months[route] // 12))


@dataclass(frozen=True, slots=True)
class Plan:
    """Everything one deterministic or Monte Carlo run needs.

    - `workforce[c, a]`: employed headcount at 1 January of `base_year`.
    - `fte_per_head[c]`: FTE per employed person (part-time factor), for the FTE supply.
    - `demand[c, t]`: required headcount, t = 0..horizon (a user's forecast, or
      `demand_from_growth`).
    - `starts[c, t, r]`: planned training starts in year t per route.
    - `enrolled[c, r, k]`: students at `base_year` in study year k + 1 of route r (year one
      counts as that year's starts; years past the route's length as its last year).
    - `rates[c]`, `upskilling`, `durations`; `capacity[c]` caps the starts of
      `PLACE_ROUTES` in year t, `capacity[c, t]` (internship places and BBL jobs; inf: no
      cap that year; None: no cap at all).
    """

    cells: tuple[Cell, ...]
    base_year: int
    workforce: FloatArray
    fte_per_head: FloatArray
    demand: FloatArray
    starts: FloatArray
    enrolled: FloatArray
    rates: tuple[Rates, ...]
    durations: RouteDurations
    upskilling: tuple[UpskillingLink, ...] = ()
    capacity: FloatArray | None = None  # [c, t], t = 0..horizon-1

    @property
    def horizon(self) -> int:
        return int(self.demand.shape[1]) - 1

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(range(self.base_year, self.base_year + self.horizon + 1))


class Lever(StrEnum):
    """The named changes a scenario can make (issue 17, item 3)."""

    EXTRA_SIDE_UNITS = "extra_side_units"  # extra starts per year through units
    EXTRA_SIDE_EVC = "extra_side_evc"  # extra starts per year through EVC
    BOL_BBL_SWITCH = "bol_bbl_switch"  # the switch share, set to the value
    DROPOUT_FACTOR = "dropout_factor"  # multiplies every dropout rate
    LEAVING_FACTOR = "leaving_factor"  # multiplies the leaving rates: < 1 is better retention
    UPSKILLING_FACTOR = "upskilling_factor"  # multiplies the upskilling rates
    CAPACITY = "capacity"  # internship places and BBL jobs per year, a cap on starts


@dataclass(frozen=True, slots=True)
class Change:
    """One lever set to `value` for the cells of `regions` and `qualifications` (empty: all),
    from `from_year` on (None: from the base year; levers on rates apply to the whole run)."""

    lever: Lever
    value: float
    regions: tuple[str, ...] = ()
    qualifications: tuple[str, ...] = ()
    from_year: int | None = None


@dataclass(frozen=True, slots=True)
class Scenario:
    name: str
    changes: tuple[Change, ...] = ()


@dataclass(frozen=True, slots=True)
class Projection:
    """One deterministic run. Stocks per cell and year t = 0..horizon; flows per cell and
    year t = 0..horizon-1 (from t to t + 1).

    `gap = demand − supply` (positive: a shortage). `starts_needed[c, r, t]` are the extra
    starts in route r in year t that would close the gap on their own (each route alone),
    within the capacity; `unclosed[c, r, t]` is the gap they leave (too soon for the route,
    or over the capacity).
    """

    cells: tuple[Cell, ...]
    years: tuple[int, ...]
    workforce: FloatArray  # [c, t, a]
    students: FloatArray  # [c, t, r] in study year two or later (year one is a flow)
    supply: FloatArray  # [c, t] headcount
    supply_fte: FloatArray  # [c, t]
    demand: FloatArray  # [c, t]
    gap: FloatArray  # [c, t]
    starts: FloatArray  # [c, t, r] effective starts, after the capacity
    graduates: FloatArray  # [c, t, r] deployable inflow per route
    dropouts: FloatArray  # [c, t, r]
    outflow: FloatArray  # [c, t] retirement + leaving
    upskilling_in: FloatArray  # [c, t]
    upskilling_out: FloatArray  # [c, t]
    starts_needed: FloatArray  # [c, r, t]
    unclosed: FloatArray  # [c, r, t]


@dataclass(frozen=True, slots=True)
class Bands:
    """Monte Carlo percentiles per cell and year t = 0..horizon."""

    cells: tuple[Cell, ...]
    years: tuple[int, ...]
    draws: int
    supply: Mapping[int, FloatArray] = field(default_factory=dict)  # {10: [c, t], 50:, 90:}
    gap: Mapping[int, FloatArray] = field(default_factory=dict)


PERCENTILES = (10, 50, 90)


def demand_from_growth(base: float, growth: float, horizon: int) -> FloatArray:
    """Demand for t = 0..horizon growing by `growth` a year from `base`."""
    return base * (1.0 + growth) ** np.arange(horizon + 1, dtype=np.float64)
