"""How fast stagematching runs, against the `matching` package (1.4.3) on the same instances.

Questions and goals:

1. 20,000 students x 10 choices over 4,000 places that rank their applicants: the same
   student-optimal matching as `matching`'s HospitalResident (resident-optimal), at least
   100x faster. Both are timed from Python dictionaries or objects to the answer: the peer
   builds its game and solves it, opmaat encodes its instance and solves it.
2. A national run, 100,000 students x 10 choices over 20,000 places (no rankings: the
   lottery breaks ties): the solver under 1 s; `opmaat match` on the CSV files, process
   start included, under 5 s with a peak memory under 2 GiB.
3. `opmaat match` on a 5,000-student file under 2 s, end to end.

Instances are random with a fixed seed: popularity follows a Zipf law (a few places are
wanted by many), capacities are 1-9 seats (5 on average, one seat per student), each place
ranks its applicants by its own random score. The peer needs a far higher recursion limit
(its deep copies overflow the default at 1,000 students) and runs in a thread with a large
stack.

    pip install -e '.[bench]'
    python benchmarks/matching.py [--quick]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np
import numpy.typing as npt

from opmaat.domain.matching import Instance, Place, Student, is_stable, match
from opmaat.domain.matching.eligibility import Reason
from opmaat.domain.matching.encode import encode
from opmaat.domain.matching.match import preference_facts
from opmaat.domain.matching.solver import deferred_acceptance

SEED = 20270201
CHOICES = 10
STUDENTS_PER_PLACE = 5
RUNS = 3
GOALS = {"ratio": 100.0, "national_solver": 1.0, "national_cli": 5.0, "memory_gib": 2.0,
         "cli_5000": 2.0}  # fmt: skip
Assignment = dict[str, str | None]


@dataclass(frozen=True, slots=True)
class Generated:
    choices: npt.NDArray[np.int32]  # [students, CHOICES] place indexes, best first
    capacity: npt.NDArray[np.int64]
    score: npt.NDArray[np.float64]  # [students, CHOICES]: the place's score of the student

    @property
    def students(self) -> int:
        return int(self.choices.shape[0])

    @property
    def places(self) -> int:
        return len(self.capacity)


def generate(rng: np.random.Generator, students: int) -> Generated:
    places = students // STUDENTS_PER_PLACE
    weight = 1.0 / np.arange(1, places + 1)
    cdf = np.cumsum(weight[rng.permutation(places)])
    cdf /= cdf[-1]
    return Generated(
        distinct_draws(rng, cdf, students),
        rng.integers(1, 10, places).astype(np.int64),
        rng.random((students, CHOICES)),
    )


def distinct_draws(
    rng: np.random.Generator, cdf: npt.NDArray[np.float64], students: int
) -> npt.NDArray[np.int32]:
    """CHOICES distinct places per student, drawn by popularity, in order of drawing."""
    out = np.empty((students, CHOICES), dtype=np.int32)
    todo = np.arange(students)
    while len(todo):
        draw = np.searchsorted(cdf, rng.random((len(todo), 4 * CHOICES))).astype(np.int32)
        order = np.argsort(draw, axis=1, kind="stable")
        repeated = np.zeros(draw.shape, dtype=np.bool_)
        ordered = np.take_along_axis(draw, order, axis=1)
        repeated[:, 1:] = ordered[:, 1:] == ordered[:, :-1]
        first = np.empty_like(repeated)
        np.put_along_axis(first, order, ~repeated, axis=1)
        enough = first.sum(axis=1) >= CHOICES
        rows = np.flatnonzero(enough)
        keep = first[rows] & (np.cumsum(first[rows], axis=1) <= CHOICES)
        out[todo[rows]] = draw[rows][keep].reshape(len(rows), CHOICES)
        todo = todo[~enough]
    return out


def place_rankings(g: Generated) -> list[list[int]]:
    """Per place its applicants, best score first."""
    s = np.repeat(np.arange(g.students), CHOICES)
    p = g.choices.ravel()
    order = np.lexsort((g.score.ravel(), p))
    bounds = np.searchsorted(p[order], np.arange(g.places + 1))
    ranked = s[order]
    return [ranked[bounds[i] : bounds[i + 1]].tolist() for i in range(g.places)]


def instance_of(g: Generated, ranked: bool) -> Instance:
    rankings = place_rankings(g) if ranked else None
    places = tuple(
        Place(
            f"P{i}",
            int(c),
            tuple(f"S{s}" for s in rankings[i]) if rankings is not None else None,
        )
        for i, c in enumerate(g.capacity.tolist())
    )
    students = tuple(
        Student(f"S{i}", tuple(f"P{p}" for p in row)) for i, row in enumerate(g.choices.tolist())
    )
    return Instance(places, students)


def time_ours(instance: Instance) -> tuple[float, Assignment]:
    """Median of RUNS runs of `match` (encode, eligibility, deferred acceptance)."""
    times = []
    for _ in range(RUNS):
        began = time.perf_counter()
        m = match(instance, SEED)
        times.append(time.perf_counter() - began)
    return statistics.median(times), m.assignments()


def time_solver_only(instance: Instance) -> float:
    """Deferred acceptance alone, on arrays already encoded."""
    enc = encode(instance, SEED)
    reasons, ranks = preference_facts(enc)
    usable = (enc.choices >= 0) & (reasons == Reason.OK)
    times = []
    for _ in range(RUNS):
        began = time.perf_counter()
        deferred_acceptance(enc.choices, ranks, usable, enc.places.capacity)
        times.append(time.perf_counter() - began)
    return statistics.median(times)


@dataclass
class PeerRun:
    build: float = 0.0
    solve: float = 0.0
    assignment: Assignment | None = None


class Player(Protocol):
    name: str


class Game(Protocol):
    def solve(self, optimal: str) -> Mapping[Player, Sequence[Player]]: ...


class GameClass(Protocol):
    def create_from_dictionaries(
        self,
        resident_prefs: dict[str, list[str]],
        hospital_prefs: dict[str, list[str]],
        capacities: dict[str, int],
    ) -> Game: ...


def import_peer() -> GameClass:
    """matching.games.HospitalResident. This script is itself named matching.py and its
    folder comes first on sys.path when it runs, so look past that folder."""
    here = Path(__file__).resolve().parent
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != here]
    # No stubs; mypy may also resolve `matching` to this very script, hence import-not-found.
    from matching.games import HospitalResident  # type: ignore[import-untyped, import-not-found, unused-ignore]

    game: GameClass = HospitalResident
    return game


def time_peer(instance: Instance) -> PeerRun:
    """Build and solve with matching.games.HospitalResident (resident-optimal)."""
    game_class = import_peer()
    residents = {s.id: list(s.preferences) for s in instance.students}
    hospitals = {p.id: list(p.ranking or ()) for p in instance.places}
    capacities = {p.id: p.capacity for p in instance.places}
    run = PeerRun()

    def play() -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # places nobody applies to
            began = time.perf_counter()
            game = game_class.create_from_dictionaries(residents, hospitals, capacities)
            built = time.perf_counter()
            solved = game.solve(optimal="resident")
            run.build, run.solve = built - began, time.perf_counter() - built
        assignment: Assignment = dict.fromkeys(residents)
        for hospital, matched in solved.items():
            for resident in matched:
                assignment[resident.name] = hospital.name
        run.assignment = assignment

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(1_000_000)  # its deep copies recurse once per player
    threading.stack_size(1 << 30)
    try:
        thread = threading.Thread(target=play)
        thread.start()
        thread.join()
    finally:
        sys.setrecursionlimit(limit)
        threading.stack_size(0)
    return run


def write_files(g: Generated, folder: Path) -> tuple[Path, Path]:
    places, students = folder / "places.csv", folder / "students.csv"
    places.write_text(
        "place_id,capacity,organisation\n"
        + "".join(f"P{i},{c},Org{i // 7}\n" for i, c in enumerate(g.capacity.tolist())),
        encoding="utf-8",
    )
    students.write_text(
        "student_id,preferences,school\n"
        + "".join(
            f"S{i},{';'.join(f'P{p}' for p in row)},School{i % 40}\n"
            for i, row in enumerate(g.choices.tolist())
        ),
        encoding="utf-8",
    )
    return places, students


def time_cli(places: Path, students: Path, folder: Path) -> float:
    """Median wall time of `opmaat match … --json -o out.csv` in a fresh process."""
    command = [sys.executable, "-m", "opmaat", "match", "--places", str(places),
               "--students", str(students), "--seed", str(SEED), "--json",
               "-o", str(folder / "out.csv")]  # fmt: skip
    times = []
    for _ in range(RUNS):
        began = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2,000 / 10,000 students")
    quick = parser.parse_args().quick
    peer_size, national_size, cli_size = (2_000, 10_000, 5_000) if quick else (
        20_000, 100_000, 5_000)  # fmt: skip
    rng = np.random.default_rng(SEED)
    print(f"cores: {os.cpu_count()}; every time is a median of {RUNS} unless it says otherwise")

    compared = instance_of(generate(rng, peer_size), ranked=True)
    ours, our_assignment = time_ours(compared)
    peer_run = time_peer(compared)
    build, solve = peer_run.build, peer_run.solve
    peer = build + solve
    same = our_assignment == peer_run.assignment
    print(
        f"\n1. {peer_size:,} students x {CHOICES} choices, {len(compared.places):,} ranking places"
    )
    print(f"   opmaat match():               {ours:8.3f} s")
    print(f"   matching 1.4.3 (one run):     {peer:8.1f} s  (build {build:.1f} s, solve "
          f"{solve:.1f} s)  {peer / ours:,.0f}x slower; goal >= {GOALS['ratio']:g}x")  # fmt: skip
    print(f"   same student-optimal matching: {'yes' if same else 'NO'}"
          f" ({sum(v is not None for v in our_assignment.values()):,} placed)")  # fmt: skip

    national = generate(rng, national_size)
    instance = instance_of(national, ranked=False)
    solver = time_solver_only(instance)
    whole, _ = time_ours(instance)
    stable = is_stable(match(instance, SEED))
    print(f"\n2. national: {national_size:,} students x {CHOICES} choices, "
          f"{national.places:,} places, {int(national.capacity.sum()):,} seats")  # fmt: skip
    print(f"   deferred acceptance alone:    {solver:8.3f} s")
    goal = GOALS["national_solver"]
    print(f"   match() from the instance:    {whole:8.3f} s  (goal < {goal:g} s;"
          f" stable: {'yes' if stable else 'NO'})")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        places, students = write_files(national, folder)
        national_cli = time_cli(places, students, folder)
        memory = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 2**20  # KiB → GiB
        print(f"   opmaat match on CSV files:    {national_cli:8.3f} s  (goal < "
              f"{GOALS['national_cli']:g} s; peak memory {memory:.2f} GiB, goal < "
              f"{GOALS['memory_gib']:g})")  # fmt: skip
        small_places, small_students = write_files(generate(rng, cli_size), folder)
        small_cli = time_cli(small_places, small_students, folder)
        print(f"\n3. opmaat match, {cli_size:,} students: {small_cli:8.3f} s  "
              f"(goal < {GOALS['cli_5000']:g} s)")  # fmt: skip
    print(
        json.dumps(
            {
                "benchmark": "matching",
                "value": round(ours, 4),
                "unit": "s",
                "peer": f"matching 1.4.3 HospitalResident, {peer_size:,} students (build + solve)",
                "peer_value": round(peer, 2),
                "ratio": round(peer / ours, 1),
            }
        )
    )
    if not (same and stable):
        sys.exit("matching: the results differ from the peer or are not stable")


if __name__ == "__main__":
    main()
