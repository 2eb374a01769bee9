"""How fast the employer's workforce questions are answered for a large care organisation.

Question and goal: an organisation of 5,000 employees in 300 teams, a task library of 150
tasks and two weeks of shifts (300 teams × 3 windows × 14 days = 12,600 team-windows): the
deployability of everyone, the coverage of every shift window with the best gap-filling
assignment, and the training-demand ranking, together under 1 s.

Peer, in the same run: a straightforward loop: every person's deployability task by task
(`opmaat.domain.workforce.deployability.task_verdict`), per shift window an augmenting-
path matching person by person, per day the gap filling person by person, and the
training demand by re-solving each window the person is on with each candidate unit
completed. Both must agree on every figure. The gap-filling optimum is also checked equal
to scipy.optimize.milp's exact optimum on the same instances, with both times reported:
every day with --quick, the first day at full size (per need there, 1.4 million person ×
need pairs a day, so the MILP sends people to (task, time) groups divided over the needs,
the same optimum with some 70,000 pairs; it still takes about a minute).

The instance is synthetic, seeded and invented (no figure in it is a fact): 60 werkprocessen
in 20 units; tasks of 1–3 werkprocessen, a fifth with an act; each employee credited with
2–5 whole units, a few werkprocessen at a recorded level and authorisations of which some
have expired; per team 8 usual tasks, 2–3 needs of 1–3 people per window (07–10, 12–15,
17–20), fewer at weekends; an early (07–15) or late (15–23) shift for about 60 % of a team
each day.

    python benchmarks/workforce.py [--quick]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time as clock
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, time, timedelta

import numpy as np
from scipy.optimize import LinearConstraint, milp  # type: ignore[import-untyped]  # no stubs
from scipy.sparse import csr_matrix  # type: ignore[import-untyped]  # no stubs

from opmaat.domain.catalog import Catalog, Outcome, Unit
from opmaat.domain.progress import SupervisionLevel
from opmaat.domain.workforce.acts import BIG_ACTS
from opmaat.domain.workforce.capability import Capability, capability_of
from opmaat.domain.workforce.coverage import DayCoverage, RosterShift, ShiftNeed, cover
from opmaat.domain.workforce.demand import candidates, training_demand
from opmaat.domain.workforce.deployability import TaskStatus, task_verdict
from opmaat.domain.workforce.model import (
    Act,
    Authorisation,
    Employee,
    Evidence,
    Functiehuis,
    Task,
)

SEED = 20261201
ALONE = TaskStatus.ALONE
GOAL_SECONDS = 1.0
RUNS = 3
START = date(2026, 12, 7)  # a Monday
WINDOWS = ((time(7), time(10)), (time(12), time(15)), (time(17), time(20)))
SHIFTS = ((time(7), time(15)), (time(15), time(23)))
UNITS, WERKPROCESSEN_PER_UNIT = 20, 3


@dataclass(frozen=True, slots=True)
class Size:
    employees: int
    teams: int
    tasks: int
    days: int = 14


FULL = Size(5_000, 300, 150)
QUICK = Size(500, 30, 60)


@dataclass(frozen=True, slots=True)
class Organisation:
    catalog: Catalog
    huis: Functiehuis
    employees: tuple[Employee, ...]
    needs: tuple[ShiftNeed, ...]
    roster: tuple[RosterShift, ...]
    days: tuple[date, ...]


def generate(size: Size, rng: np.random.Generator) -> Organisation:
    """The synthetic organisation described in the module docstring."""
    units = [
        Unit(
            f"U{u:02d}",
            f"Unit {u}",
            3,
            float(rng.integers(60, 200)),
            outcomes=tuple(
                Outcome(f"U{u:02d}-W{w}", f"Werkproces {w}")
                for w in range(1, WERKPROCESSEN_PER_UNIT + 1)
            ),
        )
        for u in range(UNITS)
    ]
    risky = tuple(Act(f"RISK-{k}", f"Risky act {k}", False, 12) for k in range(6))
    acts = (*BIG_ACTS, *risky)
    tasks = tuple(generate_task(rng, t, units, acts) for t in range(size.tasks))
    huis = Functiehuis(tasks=tasks, acts=acts)
    days = tuple(START + timedelta(days=d) for d in range(size.days))
    teams = [generate_team(rng, k, tasks) for k in range(size.teams)]
    employees = tuple(
        generate_employee(rng, i, teams[i % size.teams], units, huis) for i in range(size.employees)
    )
    needs = tuple(n for team in teams for n in generate_needs(rng, team.name, team.tasks))
    roster = tuple(generate_roster(rng, employees, days))
    return Organisation(Catalog(units=units), huis, employees, needs, roster, days)


@dataclass(frozen=True, slots=True)
class Team:
    name: str
    units: tuple[int, ...]  # the units its ward's work draws on
    tasks: tuple[Task, ...]  # its usual tasks


def generate_task(
    rng: np.random.Generator, t: int, units: Sequence[Unit], acts: Sequence[Act]
) -> Task:
    """1–3 werkprocessen from one or two units; a fifth with an act; 70 % alone from
    level 4, the rest from level 3."""
    chosen = rng.choice(len(units), int(rng.integers(1, 3)), replace=False)
    pool = [o.code for i in chosen for o in units[i].outcomes]
    werkprocessen = tuple(rng.choice(pool, int(rng.integers(1, 4)), replace=False).tolist())
    involved = (acts[int(rng.integers(len(acts)))].code,) if rng.random() < 0.2 else ()
    level = SupervisionLevel.INDEPENDENT if rng.random() < 0.7 else SupervisionLevel.INDIRECT
    return Task(f"T{t:03d}", f"Task {t}", werkprocessen, level, involved)


def generate_team(rng: np.random.Generator, k: int, tasks: Sequence[Task]) -> Team:
    """Six units; eight usual tasks, those within its units first."""
    units = tuple(sorted(rng.choice(UNITS, 6, replace=False).tolist()))
    codes = {f"U{u:02d}" for u in units}
    inside = [t for t in tasks if all(w.split("-")[0] in codes for w in t.werkprocessen)]
    outside = [t for t in tasks if t not in inside]
    order = rng.permutation(len(inside)).tolist() + [
        len(inside) + i for i in rng.permutation(len(outside)).tolist()
    ]
    chosen = [(inside + outside)[i] for i in order[:8]]
    return Team(f"team-{k:03d}", units, tuple(chosen))


def generate_employee(
    rng: np.random.Generator, key: int, team: Team, units: Sequence[Unit], huis: Functiehuis
) -> Employee:
    """Credited with 3–6 of the team's units and maybe one other; four other werkprocessen
    at a recorded level; authorisations for most acts of the team's tasks, some expired."""
    held = rng.choice(team.units, int(rng.integers(3, 7)), replace=False).tolist()
    if rng.random() < 0.3:
        held.append(int(rng.integers(UNITS)))
    credited = frozenset(o.code for i in held for o in units[i].outcomes)
    others = [o.code for u in units for o in u.outcomes if o.code not in credited]
    recorded = rng.choice(len(others), 4, replace=False)
    levels = {others[i]: SupervisionLevel(int(rng.integers(1, 5))) for i in recorded}
    authorisations = []
    for act in sorted({a for t in team.tasks for a in t.acts}):
        if rng.random() < 0.7:
            granted = START - timedelta(days=int(rng.integers(30, 1800)))
            months = huis.act(act).validity_months or 60
            until = granted + timedelta(days=int(months * 30.4))  # some have expired
            authorisations.append(
                Authorisation(act, granted, until, Evidence.TEST, "designated assessor")
            )
    return Employee(key, f"E{key}", team.name, None, 24.0, credited, levels, tuple(authorisations))


def generate_needs(rng: np.random.Generator, team: str, tasks: Sequence[Task]) -> list[ShiftNeed]:
    usual = rng.choice(len(tasks), 8, replace=False)
    found = []
    for weekday in range(7):
        for start, end in WINDOWS:
            wanted = 2 if weekday >= 5 else int(rng.integers(2, 4))
            for j in rng.choice(usual, wanted, replace=False):
                count = int(rng.integers(1, 3 if weekday >= 5 else 4))
                found.append(ShiftNeed(team, weekday, start, end, tasks[int(j)].code, count))
    return found


def generate_roster(
    rng: np.random.Generator, employees: Sequence[Employee], days: Sequence[date]
) -> list[RosterShift]:
    found = []
    for day in days:
        works = rng.random(len(employees)) < 0.6
        late = rng.random(len(employees)) < 0.45
        for i in np.flatnonzero(works).tolist():
            start, end = SHIFTS[int(late[i])]
            found.append(RosterShift(employees[i].key, day, start, end, employees[i].team))
    return found


@dataclass(frozen=True, slots=True)
class Answer:
    met: int
    unmet: int
    filled: int
    demand: dict[tuple[int, str], int]  # (employee, candidate) → windows gained


def ours(org: Organisation) -> tuple[Answer, list[DayCoverage], Capability]:
    capability = capability_of(org.huis, org.employees, START)
    days = list(cover(capability, org.needs, org.roster, org.days))
    rows = training_demand(org.huis, org.catalog, org.employees, capability, days, START)
    demand = {(r.employee, r.candidate): r.gained for r in rows}
    met, unmet = sum(d.met for d in days), sum(d.unmet for d in days)
    return Answer(met, unmet, sum(d.filled for d in days), demand), days, capability


def time_ours(org: Organisation) -> tuple[float, float, Answer, list[DayCoverage], Capability]:
    """Median wall and CPU seconds of RUNS runs: on a shared machine the wall time grows
    with the load and the CPU time much less, so both are reported."""
    times, cpu = [], []
    for _ in range(RUNS):
        began, began_cpu = clock.perf_counter(), clock.process_time()
        answer, days, capability = ours(org)
        times.append(clock.perf_counter() - began)
        cpu.append(clock.process_time() - began_cpu)
    return statistics.median(times), statistics.median(cpu), answer, days, capability


# The peer: a straightforward per-person, per-shift loop ---------------------------------


def kuhn(people: Sequence[int], slots: Sequence[str], able: dict[int, set[str]]) -> int:
    """The largest assignment of `people` to need places (`slots`, one task each), one
    augmenting path per person (Kuhn's algorithm)."""
    holder: list[int | None] = [None] * len(slots)

    def augment(person: int, seen: set[int]) -> bool:
        for s, task in enumerate(slots):
            if task in able[person] and s not in seen:
                seen.add(s)
                current = holder[s]
                if current is None or augment(current, seen):
                    holder[s] = person
                    return True
        return False

    return sum(augment(p, set()) for p in people)


PeerWindow = tuple[list[int], list[str]]  # (people on it, one task per need place)


def peer(org: Organisation, offered: Sequence[tuple[str, tuple[str, ...]]]) -> Answer:
    """Deployability task by task, each window matched person by person, and the demand
    by re-solving every window a person is on with each candidate completed. The gap
    filling has no peer here (a person-by-person augmenting search over a day of 5,000
    people takes minutes); the exact solver checks it instead."""
    able = {e.key: alone_tasks(org.huis, e) for e in org.employees}
    shifts: dict[tuple[date, str], list[RosterShift]] = defaultdict(list)
    for shift in org.roster:
        shifts[(shift.day, shift.team)].append(shift)
    windows = [peer_window(shifts, day, team, start, end, needs)
               for day, team, start, end, needs in peer_needs(org)]  # fmt: skip
    covered = [kuhn(people, slots, able) for people, slots in windows]
    met = sum(covered)
    unmet = sum(len(slots) for _, slots in windows) - met
    return Answer(met, unmet, -1, peer_demand(org, windows, covered, able, offered))


def alone_tasks(huis: Functiehuis, employee: Employee) -> set[str]:
    return {t.code for t in huis.tasks if task_verdict(huis, employee, t, START).status == ALONE}


def peer_needs(org: Organisation) -> list[tuple[date, str, time, time, list[ShiftNeed]]]:
    found = []
    for day in org.days:
        grouped: dict[tuple[str, time, time], list[ShiftNeed]] = defaultdict(list)
        for need in org.needs:
            if need.weekday == day.weekday():
                grouped[(need.team, need.start, need.end)].append(need)
        found += [(day, *key, needs) for key, needs in sorted(grouped.items())]
    return found


def peer_window(
    shifts: dict[tuple[date, str], list[RosterShift]],
    day: date,
    team: str,
    start: time,
    end: time,
    needs: list[ShiftNeed],
) -> PeerWindow:
    on = {s.employee for s in shifts[(day, team)] if s.start <= start and end <= s.end}
    return sorted(on), [n.task for n in needs for _ in range(n.count)]


def peer_demand(
    org: Organisation,
    windows: Sequence[PeerWindow],
    covered: Sequence[int],
    able: dict[int, set[str]],
    offered: Sequence[tuple[str, tuple[str, ...]]],
) -> dict[tuple[int, str], int]:
    """Per person and candidate: the tasks newly alone with the candidate's werkprocessen
    credited, then each window the person is on re-solved with those tasks."""
    on: dict[int, list[int]] = defaultdict(list)
    for w, (people, _) in enumerate(windows):
        for person in people:
            on[person].append(w)
    gained: dict[tuple[int, str], int] = {}
    for employee in org.employees:
        for code, werkprocessen in offered:
            trained = replace(employee, werkprocessen=employee.werkprocessen | set(werkprocessen))
            new = alone_tasks(org.huis, trained) - able[employee.key]
            if not new:
                continue
            more = {**able, employee.key: able[employee.key] | new}
            total = sum(
                kuhn(windows[w][0], windows[w][1], more) - covered[w]
                for w in on[employee.key]
                if new.intersection(windows[w][1])
            )
            if total:
                gained[(employee.key, code)] = total
    return gained


# The exact solver ------------------------------------------------------------------------


def milp_day(org: Organisation, capability: Capability, day: DayCoverage) -> tuple[int, int]:
    """scipy.optimize.milp on one day: x (a rostered person in a window → a need) weighs
    more than all y (a person off the roster → a need) together; each person at most once
    per window (x) or once that day (y); each need at most its count."""
    shifts = [s for s in org.roster if s.day == day.day]
    x: list[tuple[int, int]] = []  # (owner, need)
    y: list[tuple[int, int]] = []
    owners: dict[tuple[int, int], int] = {}
    needs = [(w, need) for w, window in enumerate(day.windows) for need in window.needs]
    busy = busy_rows(capability, shifts, day)
    for j, (w, need) in enumerate(needs):
        window = day.windows[w]
        column = capability.tasks.index(need.need.task)
        for key in window.rostered:
            row = capability.row(key)
            if row is not None and capability.alone[row, column]:
                x.append((owners.setdefault((w, key), len(owners)), j))
        free = capability.alone[:, column] & ~busy[(window.start, window.end)]
        for row in np.flatnonzero(free).tolist():
            y.append((owners.setdefault((-1, row), len(owners)), j))
    pairs = [*x, *y]
    rows = np.array([o for o, _ in pairs])
    cols = np.arange(len(pairs))
    once = csr_matrix((np.ones(len(pairs)), (rows, cols)), shape=(len(owners), len(pairs)))
    needed = np.array([j for _, j in pairs])
    places = csr_matrix((np.ones(len(pairs)), (needed, cols)), shape=(len(needs), len(pairs)))
    counts = np.array([need.need.count for _, need in needs])
    weight = np.concatenate([np.full(len(x), len(y) + 1.0), np.ones(len(y))])
    result = milp(
        -weight,
        constraints=[LinearConstraint(once, 0, 1), LinearConstraint(places, 0, counts)],
        integrality=np.ones(len(pairs)),
        bounds=(0, 1),
    )
    chosen = np.round(result.x).astype(np.int64)
    return int(chosen[: len(x)].sum()), int(chosen[len(x) :].sum())


def milp_day_grouped(
    org: Organisation, capability: Capability, day: DayCoverage
) -> tuple[int, int]:
    """`milp_day` with the people off the roster sent to a (task, time) group and each group
    divided over its needs (z): the same optimum, since for someone off the roster needs of
    one task at one time are alike, with variables per group instead of per need (a full
    day has 1.4 million person × need pairs, and some 70,000 person × group pairs)."""
    shifts = [s for s in org.roster if s.day == day.day]
    busy = busy_rows(capability, shifts, day)
    needs = [(w, need) for w, window in enumerate(day.windows) for need in window.needs]
    x_owner: list[int] = []
    x_need: list[int] = []
    owners: dict[tuple[int, int], int] = {}
    groups: dict[tuple[int, time, time], list[int]] = defaultdict(list)
    for j, (w, need) in enumerate(needs):
        window = day.windows[w]
        column = capability.tasks.index(need.need.task)
        groups[(column, window.start, window.end)].append(j)
        for key in window.rostered:
            row = capability.row(key)
            if row is not None and capability.alone[row, column]:
                x_owner.append(owners.setdefault((w, key), len(owners)))
                x_need.append(j)
    keys = list(groups)
    y_person: list[int] = []
    y_group: list[int] = []
    for g, (column, start, end) in enumerate(keys):
        free = np.flatnonzero(capability.alone[:, column] & ~busy[(start, end)]).tolist()
        y_person += free
        y_group += [g] * len(free)
    z_group = [g for g, key in enumerate(keys) for _ in groups[key]]
    z_need = [j for key in keys for j in groups[key]]
    nx, ny, nz = len(x_owner), len(y_person), len(z_group)
    total = nx + ny + nz
    cols = np.arange(total)
    staff = len(capability.employees)
    rows_once = np.concatenate([x_owner, np.array(y_person, dtype=np.int64) + len(owners)])
    once = csr_matrix(
        (np.ones(nx + ny), (rows_once, cols[: nx + ny])), shape=(len(owners) + staff, total)
    )
    places = csr_matrix(
        (
            np.ones(nx + nz),
            (np.concatenate([x_need, z_need]), np.concatenate([cols[:nx], cols[nx + ny :]])),
        ),
        shape=(len(needs), total),
    )
    balance = csr_matrix(
        (
            np.concatenate([np.ones(ny), -np.ones(nz)]),
            (np.concatenate([y_group, z_group]), cols[nx:]),
        ),
        shape=(len(keys), total),
    )
    counts = np.array([need.need.count for _, need in needs])
    weight = np.concatenate([np.full(nx, ny + 1.0), np.ones(ny), np.zeros(nz)])
    result = milp(
        -weight,
        constraints=[
            LinearConstraint(once, 0, 1),
            LinearConstraint(places, 0, counts),
            LinearConstraint(balance, 0, 0),
        ],
        integrality=np.ones(total),
        bounds=(0, np.concatenate([np.ones(nx + ny), np.full(nz, np.inf)])),
    )
    chosen = np.round(result.x).astype(np.int64)
    return int(chosen[:nx].sum()), int(chosen[nx : nx + ny].sum())


def busy_rows(
    capability: Capability, shifts: Sequence[RosterShift], day: DayCoverage
) -> dict[tuple[time, time], np.ndarray]:
    found = {}
    for start, end in {(w.start, w.end) for w in day.windows}:
        busy = np.zeros(len(capability.employees), dtype=np.bool_)
        for shift in shifts:
            row = capability.row(shift.employee)
            if row is not None and shift.overlaps(start, end):
                busy[row] = True
        found[(start, end)] = busy
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="500 employees, 30 teams")
    size = QUICK if parser.parse_args().quick else FULL
    org = generate(size, np.random.default_rng(SEED))
    windows = sum(1 for d in org.days for n in {(x.team, x.start) for x in org.needs
                                                 if x.weekday == d.weekday()})  # fmt: skip
    print(f"load average before the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"organisation: {len(org.employees):,} employees, {size.teams} teams, "
          f"{len(org.huis.tasks)} tasks, {windows:,} team-windows in {size.days} days, "
          f"{len(org.roster):,} roster rows (synthetic, seed {SEED})")  # fmt: skip
    seconds, cpu, answer, days, capability = time_ours(org)
    print(f"ours: {seconds:.3f} s (median of {RUNS}; CPU {cpu:.3f} s): {answer.met:,} "
          f"places met from the roster, {answer.unmet:,} unmet, {answer.filled:,} filled "
          f"from off it; {len(answer.demand):,} demand rows")  # fmt: skip
    offered = [(c.code, c.werkprocessen) for c in candidates(org.huis, org.catalog)]
    began = clock.perf_counter()
    theirs = peer(org, offered)
    peer_seconds = clock.perf_counter() - began
    print(f"peer: {peer_seconds:.3f} s: {theirs.met:,} met, {theirs.unmet:,} unmet, "
          f"{len(theirs.demand):,} demand rows")  # fmt: skip
    assert (theirs.met, theirs.unmet) == (answer.met, answer.unmet), "coverage differs"
    assert theirs.demand == answer.demand, "training demand differs"
    checked = days if size == QUICK else days[:1]
    began = clock.perf_counter()
    solve = milp_day if size == QUICK else milp_day_grouped
    exact = [solve(org, capability, day) for day in checked]
    milp_seconds = clock.perf_counter() - began
    ours_exact = [(d.met, d.filled) for d in checked]
    assert exact == ours_exact, f"gap filling differs from MILP: {exact} != {ours_exact}"
    print(f"exact (scipy milp) on {len(checked)} day(s): {milp_seconds:.3f} s; equal to ours: "
          f"{sum(f for _, f in exact):,} filled from off the roster")  # fmt: skip
    ratio = peer_seconds / seconds
    verdict = "met" if seconds < GOAL_SECONDS else "NOT met"
    print(f"goal < {GOAL_SECONDS:.0f} s: {verdict}; peer / ours: {ratio:.1f}x")
    print(json.dumps({"benchmark": "workforce", "value": round(seconds, 4), "unit": "s",
                      "peer": "per-person per-shift loop", "peer_value": round(peer_seconds, 3),
                      "ratio": round(ratio, 1)}))  # fmt: skip


if __name__ == "__main__":
    main()
