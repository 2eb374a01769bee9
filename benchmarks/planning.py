"""How fast the regional planning model runs, against a per-cell Python loop and PySD.

Questions and goals:

1. The national question: 28 RegioPlus regions x 200 qualifications x 20 years x 3
   scenarios x 1,000 Monte Carlo draws, P10 / P50 / P90 per cell and year: under 5 s,
   vectorised over cells and draws, on two threads.
2. The peer: the same model written as a plain Python loop over cells (what a spreadsheet
   macro or a first script does), timed on a sample and extrapolated to the full size; it
   must give the same deterministic trajectories (to 1e-9); the ratio is peer / opmaat.
3. The open model: one region x qualification exported as XMILE and run by PySD
   (`pysd.read_xmile`, then `run`): the same deterministic trajectories (max abs
   difference <= 1e-9), with the time of each.

All figures are invented (a seeded generator): workforce 50-3,000 per cell, demand growing
0-4 % a year, planned starts 0-60 per route and year, the default rates of
opmaat.domain.forecasting.defaults with their ranges, 50 upskilling links per region. They
measure speed, not any region.

    pip install -e '.[bench]'
    python benchmarks/planning.py [--quick]
"""

from __future__ import annotations

import argparse
import ctypes
import json
import sys
import tempfile
import time
import warnings
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from opmaat.domain.forecasting.defaults import AGEING, DURATIONS, ENTRY_BAND, default_rates
from opmaat.domain.forecasting.model import (
    AGE_BANDS,
    PLACE_ROUTES,
    ROUTES,
    Cell,
    Change,
    Lever,
    Plan,
    Route,
    Scenario,
    Uncertain,
    UpskillingLink,
    demand_from_growth,
)
from opmaat.domain.forecasting.montecarlo import simulate
from opmaat.domain.forecasting.pipeline import project
from opmaat.domain.forecasting.scenarios import apply_scenario
from opmaat.domain.forecasting.xmile import export_xmile, workforce_name

SEED = 20261201
# glibc's mallopt parameters (malloc.h): M_TRIM_THRESHOLD, M_MMAP_THRESHOLD.
M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3
KEEP_FREED_BYTES = 256 << 20
MMAP_FROM_BYTES = 32 << 20
GOAL_SECONDS = 5.0
TOLERANCE = 1e-9
# The machine's two cores: numpy computes outside the interpreter lock.
WORKERS = 2
LINKS_PER_REGION = 50
SCENARIOS = (
    Scenario("basis"),
    Scenario(
        "meer zij-instroom",
        (Change(Lever.EXTRA_SIDE_UNITS, 5.0), Change(Lever.EXTRA_SIDE_EVC, 5.0)),
    ),
    Scenario(
        "BOL naar BBL, minder uitval",
        (Change(Lever.BOL_BBL_SWITCH, 0.3), Change(Lever.DROPOUT_FACTOR, 0.8)),
    ),
)


@dataclass(frozen=True, slots=True)
class Size:
    regions: int
    qualifications: int
    years: int
    draws: int

    @property
    def cells(self) -> int:
        return self.regions * self.qualifications


def national_plan(size: Size, rng: np.random.Generator) -> Plan:
    """Invented figures for every cell (see the module docstring)."""
    cells = tuple(
        Cell(f"RP{r + 1:02d}", f"Q{q:03d}")
        for r in range(size.regions)
        for q in range(size.qualifications)
    )
    n = len(cells)
    growth = rng.uniform(0.0, 0.04, n)
    workforce = rng.uniform(50.0, 3000.0, n)
    share = rng.dirichlet(np.ones(len(AGE_BANDS)) * 4, n)
    links = tuple(
        UpskillingLink(
            cells[r * size.qualifications + 2 * i],
            cells[r * size.qualifications + 2 * i + 1],
            Uncertain(0.03, source="invented"),
        )
        for r in range(size.regions)
        for i in range(min(LINKS_PER_REGION, size.qualifications // 2))
    )
    return Plan(
        cells=cells,
        base_year=2026,
        workforce=workforce[:, None] * share,
        fte_per_head=rng.uniform(0.6, 0.8, n),
        demand=np.stack(
            [
                demand_from_growth(w * 1.05, g, size.years)
                for w, g in zip(workforce, growth, strict=True)
            ]
        ),
        starts=rng.uniform(0.0, 60.0, (n, size.years, len(ROUTES))),
        enrolled=rng.uniform(0.0, 60.0, (n, len(ROUTES), 3)),
        rates=tuple(default_rates() for _ in cells),
        durations=DURATIONS,
        upskilling=links,
        capacity=rng.uniform(40.0, 150.0, (n, size.years)),
    )


def keep_freed_memory() -> bool:
    """Tell glibc's malloc to keep up to 256 MB it frees and to serve arrays under 32 MB
    from its heap, as the environment variables MALLOC_TRIM_THRESHOLD_=268435456 and
    MALLOC_MMAP_THRESHOLD_=33554432 would. By default it hands the step's freed
    temporaries (256 KB to 2 MB each) back to the kernel and faults them in again:
    800,000 page faults, 2 s of the Monte Carlo run's 7 s of processor time. False where
    the C library is not glibc."""
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return False
    trim = libc.mallopt(M_TRIM_THRESHOLD, KEEP_FREED_BYTES)
    return bool(trim and libc.mallopt(M_MMAP_THRESHOLD, MMAP_FROM_BYTES))


def time_opmaat(plan: Plan, draws: int) -> tuple[float, float, float]:
    """Seconds for every scenario's Monte Carlo run (wall clock and processor time: on a
    shared machine the second says more), and for the deterministic runs."""
    start, processor = time.perf_counter(), time.process_time()
    for scenario in SCENARIOS:
        # One seed for every scenario: common random numbers (docs/planning.md, section 4).
        simulate(apply_scenario(plan, scenario), draws, SEED, workers=WORKERS)
    monte_carlo, processor = time.perf_counter() - start, time.process_time() - processor
    start = time.perf_counter()
    for scenario in SCENARIOS:
        project(apply_scenario(plan, scenario))
    return monte_carlo, processor, time.perf_counter() - start


def loop_supply(plan: Plan, cells: range) -> list[list[float]]:
    """The peer: the model of engine.py as a plain Python loop over years and cells, with
    the central rates (one draw). `cells` is a whole region: upskilling stays inside."""
    years = [DURATIONS.years(route) for route in ROUTES]
    bands = len(AGE_BANDS)
    workforce = {c: [float(x) for x in plan.workforce[c]] for c in cells}
    students = {c: [[0.0] * (n - 1) for n in years] for c in cells}
    for c in cells:
        for r, n in enumerate(years):
            for k in range(1, plan.enrolled.shape[2]):
                if n > 1:
                    students[c][r][min(k, n - 1) - 1] += float(plan.enrolled[c, r, k])
    index = {cell: i for i, cell in enumerate(plan.cells)}
    links = [
        (index[link.source], index[link.target], link.rate.central) for link in plan.upskilling
    ]
    links = [link for link in links if link[0] in workforce]
    supply = {c: [sum(workforce[c])] for c in cells}
    place = [ROUTES.index(route) for route in PLACE_ROUTES]
    for t in range(plan.horizon):
        moving_in = {c: [0.0] * bands for c in cells}
        out_share = {c: 0.0 for c in cells}
        for source, target, rate in links:
            out_share[source] += rate
            for a in range(bands):
                moving_in[target][a] += workforce[source][a] * rate
        for c in cells:
            rates = plan.rates[c]
            starts = [float(x) for x in plan.starts[c, t]]
            if plan.capacity is not None:
                wanted = sum(starts[r] for r in place)
                cap = float(plan.capacity[c, t])
                if wanted > cap:
                    for r in place:
                        starts[r] *= cap / wanted
            if t == 0:
                starts = [s + float(plan.enrolled[c, r, 0]) for r, s in enumerate(starts)]
            entering = [s * (1 - rates.first_year_dropout[r].central) for r, s in enumerate(starts)]
            bol, bbl = ROUTES.index(Route.BOL), ROUTES.index(Route.BBL)
            if years[bol] > 1:
                switched = entering[bol] * rates.bol_bbl_switch.central
                entering[bol] -= switched
                entering[bbl] += switched
            graduates = [0.0] * len(ROUTES)
            for r, n in enumerate(years):
                later = rates.later_year_dropout[r].central
                stock = students[c][r]
                if n == 1:
                    graduates[r] = entering[r]
                    continue
                passing = [s * (1 - later) for s in stock]
                graduates[r] = passing[-1]
                students[c][r] = [entering[r], *passing[:-1]]
            old = workforce[c]
            new = []
            for a, band in enumerate(AGE_BANDS):
                out = rates.retirement[a].central + rates.leaving[a].central
                value = old[a] - old[a] * out - old[a] * AGEING[band] - old[a] * out_share[c]
                value += moving_in[c][a]
                if a > 0:
                    value += old[a - 1] * AGEING[AGE_BANDS[a - 1]]
                for r, route in enumerate(ROUTES):
                    if AGE_BANDS.index(ENTRY_BAND[route]) == a:
                        value += graduates[r]
                new.append(value)
            workforce[c] = new
        for c in cells:
            supply[c].append(sum(workforce[c]))
    return [supply[c] for c in cells]


def time_peer(plan: Plan, size: Size, repeats: int) -> tuple[float, float]:
    """Seconds per region run of the loop (extrapolated to the full size) and its largest
    difference from opmaat's deterministic supply for the first region."""
    region = range(size.qualifications)
    start = time.perf_counter()
    for _ in range(repeats):
        supply = loop_supply(plan, region)
    per_region = (time.perf_counter() - start) / repeats
    ours = project(plan).supply[: size.qualifications]
    difference = float(np.abs(np.asarray(supply) - ours).max())
    return per_region * size.regions * size.draws * len(SCENARIOS), difference


def time_pysd(plan: Plan, size: Size) -> tuple[float, float, float]:
    """Seconds for opmaat to project one cell, for PySD to read and run its XMILE export,
    and the largest difference between their trajectories."""
    import pysd  # A benchmark extra: the domain does not depend on it.

    c = size.qualifications - 1  # a qualification without upskilling links: a cell alone
    one = replace(
        plan,
        cells=(plan.cells[c],),
        workforce=plan.workforce[c : c + 1],
        fte_per_head=plan.fte_per_head[c : c + 1],
        demand=plan.demand[c : c + 1],
        starts=plan.starts[c : c + 1],
        enrolled=plan.enrolled[c : c + 1],
        rates=(plan.rates[c],),
        upskilling=(),
        capacity=None if plan.capacity is None else plan.capacity[c : c + 1],
    )
    one = apply_scenario(one, SCENARIOS[1])
    start = time.perf_counter()
    projection = project(one)
    ours = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "cell.xmile"
        path.write_text(export_xmile(one, one.cells[0]), encoding="utf-8")
        start = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = pysd.read_xmile(str(path)).run()
        theirs = time.perf_counter() - start
    columns = [workforce_name(a) for a in range(len(AGE_BANDS))]
    difference = max(
        float(np.abs(result[name].to_numpy() - projection.workforce[0, :, a]).max())
        for a, name in enumerate(columns)
    )
    difference = max(
        difference, float(np.abs(result["supply"].to_numpy() - projection.supply[0]).max())
    )
    return ours, theirs, difference


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="2 regions x 50 qualifications x 100 draws"
    )
    parser.add_argument(
        "--default-malloc",
        action="store_true",
        help="leave glibc's malloc as it is (keep_freed_memory)",
    )
    arguments = parser.parse_args()
    quick = arguments.quick
    kept = False if arguments.default_malloc else keep_freed_memory()
    size = Size(2, 50, 20, 100) if quick else Size(28, 200, 20, 1000)
    rng = np.random.default_rng(SEED)
    plan = national_plan(size, rng)
    print(f"1. {size.regions} regions x {size.qualifications} qualifications x {size.years} "
          f"years x {len(SCENARIOS)} scenarios x {size.draws:,} draws "
          f"({size.cells:,} cells); malloc keeps freed memory: {kept}")  # fmt: skip
    monte_carlo, processor, deterministic = time_opmaat(plan, size.draws)
    print(f"   opmaat Monte Carlo, P10/P50/P90: {monte_carlo:8.3f} s  (goal < {GOAL_SECONDS:g} s; "
          f"processor time {processor:.3f} s on {WORKERS} threads)")  # fmt: skip
    print(f"   opmaat deterministic, with the starts needed: {deterministic:8.3f} s")
    peer, peer_difference = time_peer(plan, size, repeats=1 if not quick else 2)
    print(f"2. per-cell Python loop, extrapolated from one region: {peer:10.1f} s  "
          f"(ratio {peer / monte_carlo:,.0f}); max |difference| {peer_difference:.2e}")  # fmt: skip
    ours, theirs, pysd_difference = time_pysd(plan, size)
    print(f"3. one cell, deterministic: opmaat {ours * 1000:8.1f} ms, PySD read + run "
          f"{theirs * 1000:8.1f} ms; max |difference| {pysd_difference:.2e} "
          f"(goal <= {TOLERANCE:g})")  # fmt: skip
    print(
        json.dumps(
            {
                "benchmark": "planning",
                "value": round(monte_carlo, 3),
                "unit": "s",
                "peer": "per-cell Python loop",
                "peer_value": round(peer, 1),
                "ratio": round(peer / monte_carlo, 1),
            }
        )
    )
    if peer_difference > TOLERANCE * 1e3 or pysd_difference > TOLERANCE:
        sys.exit("planning: the trajectories differ from the peer or from PySD")


if __name__ == "__main__":
    main()
