"""How fast the best-target scan runs for a population at werkproces grain (goal: 1,000,000
persons x 200 targets in under 2 s on 2 cores).

A synthetic national catalog with a fixed seed: 20 dossiers, each a basisdeel of 10
werkprocessen shared by 3 qualifications with a profile of 5 werkprocessen each, and 7
certificates of 2-5 of the dossier's werkprocessen; 100-500 hours a werkproces; 8 generic
subjects (Dutch, rekenen, English) by level, and loopbaan en burgerschap, an obligation that
costs no study load. The 200 targets are its 60 qualifications and 140 certificates in the
catalog's order (`offered_targets`), and the matrix comes from `WerkprocesMatrix.from_catalog`.

The population clusters its credit by dossier, as people do: each person holds werkprocessen
of 0-2 dossiers (a diploma, a basisdeel, or a part of the dossier) and some generic
subjects; coverage is a bool array. The peer is the plain per-person Python loop
(`best_targets_loop`), timed on a sample and extrapolated to the population; on that sample
the vectorised answer must equal the loop's exactly.

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

from opmaat.domain.catalog import (
    Catalog,
    Certificate,
    GenericRequirements,
    Outcome,
    Qualification,
    Unit,
    UnitKind,
)
from opmaat.domain.routes.scan import WerkprocesMatrix, best_targets_loop

SEED = 20270104
DOSSIERS = 20
BASIS = 10  # werkprocessen in a dossier's basisdeel
PROFILES = 3  # qualifications per dossier, each with its own profile
PROFILE = 5  # werkprocessen in a profile
CERTIFICATES = 7  # per dossier
SAMPLE = 2_000
GOAL_SECONDS = 2.0
RUNS = 3
GENERIC_HOURS = {
    "NL-2F": 160,
    "NL-3F": 240,
    "REK-2": 120,
    "REK-3": 160,
    "REK-4": 200,
    "REK-2F": 120,
    "REK-3F": 160,
    "EN-B1": 160,
}
GENERIC_BY_LEVEL = {  # (nederlands, rekenen choices, engels)
    2: ("2F", ("2", "2F"), None),
    3: ("2F", ("3", "3F"), None),
    4: ("3F", ("4", "3F"), "B1/A2"),
}

BoolArray = npt.NDArray[np.bool_]


def werkproces_unit(rng: np.random.Generator, code: str, count: int) -> Unit:
    outcomes = tuple(
        Outcome(f"{code}-W{i}", f"Werkproces {i} of {code}", float(rng.integers(100, 501)))
        for i in range(1, count + 1)
    )
    hours = sum(o.hours or 0.0 for o in outcomes)
    return Unit(code, f"Kerntaak {code}", 3, hours, outcomes=outcomes)


def generic_units() -> list[Unit]:
    units = [
        Unit(code, code, 2, float(hours), kind=UnitKind.GENERIC)
        for code, hours in GENERIC_HOURS.items()
    ]
    return [
        *units,
        Unit("LB", "Loopbaan en burgerschap", 2, 40.0, UnitKind.GENERIC, obligation=True),
    ]


def generic_for(rng: np.random.Generator, level: int) -> GenericRequirements:
    nederlands, rekenen, engels = GENERIC_BY_LEVEL[level]
    return GenericRequirements(
        nederlands=nederlands,
        rekenen=rekenen[int(rng.integers(0, 2))],
        engels=engels,
        loopbaan_burgerschap=True,
    )


def make_catalog(rng: np.random.Generator) -> Catalog:
    """The synthetic national catalog of the module docstring."""
    units, qualifications, certificates = generic_units(), [], []
    for d in range(DOSSIERS):
        basis = werkproces_unit(rng, f"D{d:02}-B1-K1", BASIS)
        profiles = [werkproces_unit(rng, f"D{d:02}-P{j}-K1", PROFILE) for j in range(PROFILES)]
        units += [basis, *profiles]
        for j, profile in enumerate(profiles):
            level = int(rng.integers(2, 5))
            qualifications.append(
                Qualification(
                    f"Q{d:02}{j}", f"Qualification {d}.{j}", level, 3.0,
                    (basis.code, profile.code), generic_for(rng, level),
                )
            )  # fmt: skip
        werkprocessen = [o.code for u in (basis, *profiles) for o in u.outcomes]
        for k in range(CERTIFICATES):
            covers = rng.choice(werkprocessen, size=int(rng.integers(2, 6)), replace=False)
            certificates.append(
                Certificate(
                    f"C{d:02}{k}", f"Certificate {d}.{k}", tuple(str(c) for c in covers),
                    parent_crebo=f"Q{d:02}0",
                )
            )  # fmt: skip
    return Catalog(qualifications=qualifications, units=units, certificates=certificates)


def dossier_columns(matrix: WerkprocesMatrix, catalog: Catalog) -> list[list[list[int]]]:
    """Per dossier, per kerntaak (basisdeel, then profiles), its werkprocessen's columns."""
    column = {code: i for i, code in enumerate(matrix.column_codes)}
    return [
        [
            [column[o.code] for o in catalog.units[code].outcomes]
            for code in (f"D{d:02}-B1-K1", *(f"D{d:02}-P{j}-K1" for j in range(PROFILES)))
        ]
        for d in range(DOSSIERS)
    ]


def make_coverage(
    rng: np.random.Generator,
    matrix: WerkprocesMatrix,
    catalog: Catalog,
    persons: int,
    block: int = 65_536,
) -> BoolArray:
    """Per person 0, 1 or 2 dossiers (30/45/25 %), each held as a diploma (basisdeel and a
    profile), a basisdeel, or a part (each werkproces with a chance drawn per person), and
    each generic subject with a chance of 40 %."""
    coverage = np.zeros((persons, len(matrix.column_codes)), dtype=np.bool_)
    dossiers = dossier_columns(matrix, catalog)
    generic = [matrix.column_codes.index(code) for code in GENERIC_HOURS]
    for begin in range(0, persons, block):
        part = coverage[begin : begin + block]
        count: int = part.shape[0]
        held = rng.choice(3, size=count, p=[0.30, 0.45, 0.25])
        for slot in range(2):
            dossier = np.where(held > slot, rng.integers(0, DOSSIERS, count), -1)
            kind = rng.integers(0, 3, count)
            for d, kerntaken in enumerate(dossiers):
                hold_dossier(rng, part, dossier == d, kind, kerntaken)
        part[:, generic] = rng.random((count, len(generic))) < 0.4
    return coverage


def hold_dossier(
    rng: np.random.Generator,
    part: BoolArray,
    here: BoolArray,
    kind: npt.NDArray[np.int64],
    kerntaken: list[list[int]],
) -> None:
    basis, profiles = np.array(kerntaken[0]), [np.array(p) for p in kerntaken[1:]]
    diploma = np.flatnonzero(here & (kind == 0))
    for j, rows in enumerate(np.array_split(diploma, len(profiles))):
        part[np.ix_(rows, np.concatenate([basis, profiles[j]]))] = True
    part[np.ix_(np.flatnonzero(here & (kind == 1)), basis)] = True
    rows = np.flatnonzero(here & (kind == 2))
    columns = np.concatenate([basis, *profiles])
    share = rng.random((len(rows), 1))
    part[np.ix_(rows, columns)] |= rng.random((len(rows), len(columns))) < share


def timed_scan(
    matrix: WerkprocesMatrix, coverage: npt.NDArray[np.bool_] | npt.NDArray[np.float32]
) -> tuple[float, npt.NDArray[np.int32], npt.NDArray[np.float32]]:
    matrix.best_targets(coverage[:10_000])  # start the BLAS threads
    times = []
    for _ in range(RUNS):
        began = time.perf_counter()
        index, hours = matrix.best_targets(coverage)
        times.append(time.perf_counter() - began)
    return statistics.median(times), index, hours


def dense_seconds(matrix: WerkprocesMatrix, coverage: BoolArray, persons: int) -> float:
    """The dense (persons x columns) @ (columns x targets) product alone, on 65,536 persons
    as float32, extrapolated: what the blocks save."""
    sample = coverage[:65_536].astype(np.float32)
    count: int = sample.shape[0]
    need_t = np.ascontiguousarray((matrix.required * matrix.hours).T, dtype=np.float32)
    sample @ need_t
    began = time.perf_counter()
    sample @ need_t
    return (time.perf_counter() - began) * persons / count


def mismatches(
    expected: list[tuple[int, float]],
    index: npt.NDArray[np.int32],
    hours: npt.NDArray[np.float32],
) -> int:
    """Persons whose vectorised answer differs from the loop's: the hours are exact in both
    (`WerkprocesMatrix` rounds hours to a grid), so the comparison is too."""
    return sum((i, h) != (int(index[p]), float(hours[p])) for p, (i, h) in enumerate(expected))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="50,000 persons")
    persons = 50_000 if parser.parse_args().quick else 1_000_000
    rng = np.random.default_rng(SEED)

    began = time.perf_counter()
    catalog = make_catalog(rng)
    matrix = WerkprocesMatrix.from_catalog(catalog, catalog.offered_targets())
    matrix_seconds = time.perf_counter() - began
    coverage = make_coverage(rng, matrix, catalog, persons)
    build = time.perf_counter() - began

    scan, index, hours = timed_scan(matrix, coverage)
    as_float = coverage.astype(np.float32)
    scan_float, _, _ = timed_scan(matrix, as_float)
    dense = dense_seconds(matrix, coverage, persons)

    sample = coverage[:SAMPLE].tolist()
    began = time.perf_counter()
    expected = best_targets_loop(matrix, sample)
    loop_sample = time.perf_counter() - began
    loop = loop_sample * persons / SAMPLE
    wrong = mismatches(expected, index[:SAMPLE], hours[:SAMPLE])

    layout = matrix.layout
    hub = layout.hub.need_t.shape[0] if layout.hub else 0
    targets, columns = len(matrix.target_codes), len(matrix.column_codes)
    work = hub * targets + sum(b.need_t.size for b in layout.blocks)
    print(
        f"persons x targets x columns:  {persons:,} x {targets} x {columns}"
        f"  (cores: {os.cpu_count()})"
    )
    print(
        f"layout:                       {hub} hub columns, {len(layout.blocks)} blocks;"
        f" {work:,} multiply-adds a person (dense: {targets * columns:,})"
    )
    print(f"build data (not counted):     {build:8.2f} s  (matrix {matrix_seconds:.2f} s)")
    print(
        f"coverage in memory:           {coverage.nbytes / 2**20:8,.0f} MiB bool"
        f"  ({as_float.nbytes / 2**20:,.0f} MiB as float32)"
    )
    print(
        f"best_targets, bool coverage:  {scan:8.3f} s  (median of {RUNS};"
        f" goal < {GOAL_SECONDS:g} s)"
    )
    print(f"best_targets, float32:        {scan_float:8.3f} s  (read in place)")
    print(f"dense product alone, est.:    {dense:8.3f} s  (float32, without argmin)")
    print(f"python loop, {SAMPLE:,} persons:    {loop_sample:8.2f} s")
    print(f"python loop, extrapolated:    {loop:8.1f} s  ({loop / scan:,.0f}x slower)")
    print(f"check on the sample:          {SAMPLE - wrong:,} of {SAMPLE:,} persons agree")
    print(f"mean best remaining hours:    {float(hours.mean()):8.1f}")
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
