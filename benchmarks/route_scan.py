"""How fast the best-target scan runs for a population (goal: 1,000,000 persons x 200
targets over 256 units in under 2 s on 2 cores).

Random but realistic data with a fixed seed: each target requires 5-20 units of 40-800
hours; each person holds a random share of the units, a few of them partly. The peer is
the plain per-person Python loop (`best_targets_loop`), timed on a sample and extrapolated
to the population; on that sample the vectorised answer must equal the loop's.

    python benchmarks/route_scan.py [--quick]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time

import numpy as np
import numpy.typing as npt

from opmaat.domain.routes.scan import UnitMatrix, best_targets_loop, remaining_hours_loop

SEED = 20270104
UNITS = 256
TARGETS = 200
SAMPLE = 2_000
GOAL_SECONDS = 2.0
RUNS = 3


def make_matrix(rng: np.random.Generator) -> UnitMatrix:
    required = np.zeros((TARGETS, UNITS), dtype=np.float32)
    for row in required:
        row[rng.choice(UNITS, size=rng.integers(5, 21), replace=False)] = 1.0
    hours = rng.integers(40, 801, UNITS).astype(np.float32)
    return UnitMatrix(
        tuple(f"U{i:03}" for i in range(UNITS)),
        tuple(f"T{i:03}" for i in range(TARGETS)),
        hours,
        required,
    )


def make_coverage(
    rng: np.random.Generator, persons: int, block: int = 65_536
) -> npt.NDArray[np.float32]:
    """Per person a share of units held (0-40 %), 2 % of units partly held."""
    coverage = np.empty((persons, UNITS), dtype=np.float32)
    for begin in range(0, persons, block):
        count = min(block, persons - begin)
        share = rng.random((count, 1), dtype=np.float32) * 0.4
        draw = rng.random((count, UNITS), dtype=np.float32)
        part = coverage[begin : begin + count]
        part[:] = draw < share
        partly = rng.random((count, UNITS), dtype=np.float32) < 0.02
        part[partly] = rng.random(int(partly.sum()), dtype=np.float32)
    return coverage


def timed_scan(
    matrix: UnitMatrix, coverage: npt.NDArray[np.float32]
) -> tuple[float, npt.NDArray[np.int32], npt.NDArray[np.float32]]:
    matrix.best_targets(coverage[:1_000])  # start the BLAS threads
    times = []
    for _ in range(RUNS):
        began = time.perf_counter()
        index, hours = matrix.best_targets(coverage)
        times.append(time.perf_counter() - began)
    return statistics.median(times), index, hours


def mismatches(
    matrix: UnitMatrix,
    coverage: list[list[float]],
    index: npt.NDArray[np.int32],
    hours: npt.NDArray[np.float32],
    tolerance: float = 0.05,
) -> int:
    """Persons whose vectorised answer is not a best target by the loop's reckoning (float32
    rounding may pick another target on a tie), or whose hours differ."""
    wrong = 0
    for person, remaining in enumerate(remaining_hours_loop(matrix, coverage)):
        best = min(remaining)
        chosen = remaining[int(index[person])]
        wrong += not (
            abs(chosen - best) <= tolerance and abs(float(hours[person]) - best) <= tolerance
        )
    return wrong


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="50,000 persons")
    persons = 50_000 if parser.parse_args().quick else 1_000_000
    rng = np.random.default_rng(SEED)

    began = time.perf_counter()
    matrix = make_matrix(rng)
    coverage = make_coverage(rng, persons)
    build = time.perf_counter() - began

    scan, index, hours = timed_scan(matrix, coverage)

    sample = coverage[:SAMPLE].tolist()
    began = time.perf_counter()
    best_targets_loop(matrix, sample)
    loop_sample = time.perf_counter() - began
    loop = loop_sample * persons / SAMPLE
    wrong = mismatches(matrix, sample, index[:SAMPLE], hours[:SAMPLE])

    print(
        f"persons x targets x units:  {persons:,} x {TARGETS} x {UNITS}  (cores: {os.cpu_count()})"
    )
    print(
        f"build data (not counted):   {build:8.2f} s  ({coverage.nbytes / 2**20:,.0f} MiB coverage)"
    )
    print(
        f"best_targets (numpy):       {scan:8.3f} s  (median of {RUNS}; goal < {GOAL_SECONDS:g} s)"
    )
    print(f"python loop, {SAMPLE:,} persons:  {loop_sample:8.2f} s")
    print(f"python loop, extrapolated:  {loop:8.1f} s  ({loop / scan:,.0f}x slower)")
    print(f"check on the sample:        {SAMPLE - wrong:,} of {SAMPLE:,} persons agree")
    print(f"mean best remaining hours:  {float(hours.mean()):8.1f}")
    print(
        json.dumps(
            {
                "benchmark": "route_scan",
                "value": round(scan, 3),
                "unit": "s",
                "peer": "python loop (extrapolated)",
                "peer_value": round(loop, 1),
                "ratio": round(loop / scan, 1),
            }
        )
    )
    if wrong:
        sys.exit(f"route_scan: {wrong} persons differ from the loop")


if __name__ == "__main__":
    main()
