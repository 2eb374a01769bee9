"""Export one cell of a plan as an XMILE 1.0 model (OASIS) that PySD, Stella and Vensim run.

The document is the model of engine.py written out for one region × qualification, with
the central rates: every stock (workforce per age band, students per route and later
study year), every flow between them, the rates as constants, and the inputs that vary by
year (planned starts, capacity, demand, the upskilling inflow from other cells) as
step functions of TIME with one value per year. `<sim_specs>` runs from the base year
to the horizon with dt = 1 and Euler integration, which is exactly the engine's step, so
PySD (`pysd.read_xmile`) gives the same trajectories. docs/planning.md has the mapping.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

import numpy as np

from opmaat.domain.forecasting.defaults import AGEING, ENTRY_BAND
from opmaat.domain.forecasting.engine import PLACE_INDEX, initial_students, run, study_years
from opmaat.domain.forecasting.errors import UnknownCell
from opmaat.domain.forecasting.model import AGE_BANDS, ROUTES, Cell, FloatArray, Plan, Route
from opmaat.domain.forecasting.rates import central_arrays
from opmaat.domain.forecasting.validate import check_plan

NAMESPACE = "http://docs.oasis-open.org/xmile/ns/XMILE/v1.0"
BAND_NAMES = {band: band.value.replace("-", "_").replace("+", "_plus") for band in AGE_BANDS}


def number(value: float) -> str:
    """A float as XMILE text that reads back to the same float (repr is round-trip)."""
    return repr(float(value))


def workforce_name(a: int) -> str:
    return f"workforce_{BAND_NAMES[AGE_BANDS[a]]}"


def route_name(route: Route) -> str:
    return route.value.lower()


@dataclass(frozen=True, slots=True)
class Stock:
    initial: float
    inflows: list[str] = field(default_factory=list)
    outflows: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Document:
    """The variables of the model as XMILE elements, in the order written."""

    elements: list[str] = field(default_factory=list)

    def aux(self, name: str, eqn: str) -> None:
        self.elements.append(f'<aux name="{name}"><eqn>{escape(eqn)}</eqn></aux>')

    def series(self, name: str, years: Sequence[int], values: FloatArray) -> None:
        """A per-year input: the value of the year TIME falls in, as a chain of IF THEN
        ELSE. Not a graphical function: PySD writes those with 8 significant digits, and
        the trajectories must agree to 1e-9."""
        chain = number(values[-1])
        for year, value in zip(reversed(years[:-1]), reversed(values[:-1]), strict=True):
            chain = f"IF TIME < {year + 0.5} THEN {number(value)} ELSE ({chain})"
        self.aux(name, chain)

    def flow(self, name: str, eqn: str) -> None:
        self.elements.append(f'<flow name="{name}"><eqn>{escape(eqn)}</eqn></flow>')

    stocks: dict[str, Stock] = field(default_factory=dict)

    def connect(self, flow: str, source: str | None, target: str | None, eqn: str) -> None:
        """A flow out of stock `source` into stock `target` (None: outside the model)."""
        self.flow(flow, eqn)
        if source is not None:
            self.stocks[source].outflows.append(flow)
        if target is not None:
            self.stocks[target].inflows.append(flow)

    def stock_elements(self) -> list[str]:
        elements = []
        for name, stock in self.stocks.items():
            ins = "".join(f"<inflow>{flow}</inflow>" for flow in stock.inflows)
            outs = "".join(f"<outflow>{flow}</outflow>" for flow in stock.outflows)
            initial = number(stock.initial)
            elements.append(f'<stock name="{name}"><eqn>{initial}</eqn>{ins}{outs}</stock>')
        return elements


def export_xmile(plan: Plan, cell: Cell, name: str = "opmaat") -> str:
    """The XMILE document of `cell`'s deterministic run under `plan`."""
    check_plan(plan)
    if cell not in plan.cells:
        raise UnknownCell(cell.region, cell.qualification)
    c = plan.cells.index(cell)
    doc = Document()
    add_constants(doc, plan, c)
    add_starts(doc, plan, c)
    add_workforce_stocks(doc, plan, c)
    add_students(doc, plan, c)
    add_workforce_flows(doc, plan, c)
    return wrap(doc, plan, cell, name)


def add_constants(doc: Document, plan: Plan, c: int) -> None:
    """The central rates of the cell; the shares out of a band summed as the engine does."""
    rates = central_arrays(plan)
    out_share = [
        float(r[0, c] + v[0, c]) for r, v in zip(rates.retirement, rates.leaving, strict=True)
    ]
    outgoing = rates.upskilling[0, rates.sources == c]
    upskill_out = float(outgoing.sum()) if outgoing.size else 0.0
    for a in range(len(AGE_BANDS)):
        doc.aux(f"out_share_{BAND_NAMES[AGE_BANDS[a]]}", number(out_share[a]))
        doc.aux(f"ageing_share_{BAND_NAMES[AGE_BANDS[a]]}", number(AGEING[AGE_BANDS[a]]))
    doc.aux("upskilling_share", number(upskill_out))
    for r, route in enumerate(ROUTES):
        name = route_name(route)
        doc.aux(f"first_year_dropout_{name}", number(rates.first_year_dropout[r][0, c]))
        doc.aux(f"later_year_dropout_{name}", number(rates.later_year_dropout[r][0, c]))
    doc.aux("bol_bbl_switch", number(rates.switch[0, c]))


def add_starts(doc: Document, plan: Plan, c: int) -> None:
    """Planned starts per route as series; BOL and BBL scaled to the capacity together; the
    year-one students enrolled at the base year join that year's starts."""
    years = plan.years[:-1]
    for r, route in enumerate(ROUTES):
        doc.series(f"planned_starts_{route_name(route)}", years, plan.starts[c, :, r])
        already = np.zeros(plan.horizon, dtype=np.float64)
        already[0] = plan.enrolled[c, r, 0]
        doc.series(f"enrolled_year_one_{route_name(route)}", years, already)
    capped = plan.capacity is not None
    if plan.capacity is not None:
        # No cap in a year is an infinite capacity: a number far above any starts.
        doc.series("capacity", years, np.minimum(plan.capacity[c], 1e300))
        wanted = " + ".join(f"planned_starts_{route_name(ROUTES[r])}" for r in PLACE_INDEX)
        doc.aux("place_scale", f"MIN(1, capacity / MAX({wanted}, 1e-300))")
    for r, route in enumerate(ROUTES):
        planned = f"planned_starts_{route_name(route)}"
        scaled = f"{planned} * place_scale" if capped and r in PLACE_INDEX else planned
        doc.aux(f"starts_{route_name(route)}", f"{scaled} + enrolled_year_one_{route_name(route)}")
        doc.aux(
            f"finished_year_one_{route_name(route)}",
            f"starts_{route_name(route)} * (1 - first_year_dropout_{route_name(route)})",
        )


def add_students(doc: Document, plan: Plan, c: int) -> None:
    """Per route: a stock per study year after the first, dropout out of each, passing on
    to the next year or, out of the last, as graduates into the workforce band of the
    route. A route of one study year delivers its year-one finishers as graduates."""
    years = study_years(plan)
    initial = initial_students(plan, years)
    bol, bbl = ROUTES.index(Route.BOL), ROUTES.index(Route.BBL)
    entering = {r: [f"finished_year_one_{route_name(route)}"] for r, route in enumerate(ROUTES)}
    if years[bol] > 1:
        doc.aux("switched", "finished_year_one_bol * bol_bbl_switch")
        doc.aux("continuing_bol", "finished_year_one_bol - switched")
        entering[bol] = ["continuing_bol"]
        entering[bbl].append("switched")
    for r, route in enumerate(ROUTES):
        band = workforce_name(AGE_BANDS.index(ENTRY_BAND[route]))
        name = route_name(route)
        if years[r] == 1:
            doc.connect(f"graduates_{name}", None, band, " + ".join(entering[r]))
            continue
        stocks = [f"students_{name}_year_{k + 2}" for k in range(years[r] - 1)]
        for k, stock in enumerate(stocks):
            doc.stocks[stock] = Stock(float(initial[r][c, k]))
        for flow in entering[r]:
            doc.connect(f"{flow}_into_{name}", None, stocks[0], flow)
        later = f"later_year_dropout_{name}"
        for k, stock in enumerate(stocks):
            doc.connect(f"dropout_{stock}", stock, None, f"{stock} * {later}")
            last = k == len(stocks) - 1
            target = band if last else stocks[k + 1]
            passing = f"graduates_{name}" if last else f"passing_{stock}"
            doc.connect(passing, stock, target, f"{stock} * (1 - {later})")


def add_workforce_stocks(doc: Document, plan: Plan, c: int) -> None:
    for a in range(len(AGE_BANDS)):
        doc.stocks[workforce_name(a)] = Stock(float(plan.workforce[c, a]))


def add_workforce_flows(doc: Document, plan: Plan, c: int) -> None:
    """Outflow, ageing and upskilling per band; the upskilling inflow from other cells is
    the engine's own figure per year, as a series."""
    inflow = upskilling_inflow(plan, c)
    for a, band in enumerate(AGE_BANDS):
        stock, key = workforce_name(a), BAND_NAMES[band]
        doc.connect(f"outflow_{key}", stock, None, f"{stock} * out_share_{key}")
        if a + 1 < len(AGE_BANDS):
            older = workforce_name(a + 1)
            doc.connect(f"ageing_{key}", stock, older, f"{stock} * ageing_share_{key}")
        doc.connect(f"upskilling_out_{key}", stock, None, f"{stock} * upskilling_share")
        doc.series(f"upskilling_inflow_{key}", plan.years[:-1], inflow[:, a])
        doc.connect(f"upskilling_in_{key}", None, stock, f"upskilling_inflow_{key}")
    doc.aux("supply", " + ".join(workforce_name(a) for a in range(len(AGE_BANDS))))
    doc.series("demand", plan.years, plan.demand[c])
    doc.aux("gap", "demand - supply")


def upskilling_inflow(plan: Plan, c: int) -> FloatArray:
    """`[t, a]`: the people upskilling into cell c from other cells in year t, per band."""
    rates = central_arrays(plan)
    inflow = np.zeros((plan.horizon, len(AGE_BANDS)), dtype=np.float64)
    if not bool(np.any(rates.targets == c)):
        return inflow
    workforce = run(plan, rates).workforce[0]
    for link, (source, target) in enumerate(zip(rates.sources, rates.targets, strict=True)):
        if target == c:
            inflow += workforce[source, :-1, :] * rates.upskilling[0, link]
    return inflow


def wrap(doc: Document, plan: Plan, cell: Cell, name: str) -> str:
    title = escape(f"{name}: {cell.region} × {cell.qualification}")
    variables = "\n      ".join([*doc.stock_elements(), *doc.elements])
    return f"""<?xml version="1.0" encoding="utf-8"?>
<xmile version="1.0" xmlns="{NAMESPACE}">
  <header>
    <vendor>opmaat</vendor>
    <product version="1.0">opmaat</product>
    <name>{title}</name>
  </header>
  <sim_specs method="Euler" time_units="year">
    <start>{plan.base_year}</start>
    <stop>{plan.base_year + plan.horizon}</stop>
    <dt>1</dt>
  </sim_specs>
  <model>
    <variables>
      {variables}
    </variables>
  </model>
</xmile>
"""
