"""A deterministic run of a plan: the projection per cell and year."""

from __future__ import annotations

from opmaat.domain.forecasting.engine import run
from opmaat.domain.forecasting.model import Plan, Projection
from opmaat.domain.forecasting.needed import starts_needed
from opmaat.domain.forecasting.rates import central_arrays
from opmaat.domain.forecasting.validate import check_plan


def project(plan: Plan) -> Projection:
    """Run `plan` with the central value of every rate (engine.py gives the step), then
    the extra starts per route that would close the gap (needed.py)."""
    check_plan(plan)
    rates = central_arrays(plan)
    runs = run(plan, rates)
    supply = runs.supply[0]
    gap = plan.demand - supply
    needed = starts_needed(plan, rates, gap)
    return Projection(
        cells=plan.cells,
        years=plan.years,
        workforce=runs.workforce[0],
        students=runs.students[0],
        supply=supply,
        supply_fte=supply * plan.fte_per_head[:, None],
        demand=plan.demand,
        gap=gap,
        starts=runs.starts[0],
        graduates=runs.graduates[0],
        dropouts=runs.dropouts[0],
        outflow=runs.outflow[0],
        upskilling_in=runs.upskilling_in[0],
        upskilling_out=runs.upskilling_out[0],
        starts_needed=needed.starts,
        unclosed=needed.unclosed,
    )
