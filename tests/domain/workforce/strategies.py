"""Hypothesis strategies for workforce properties: employees over the care functiehuis's
werkprocessen and acts, and small coverage instances."""

from __future__ import annotations

from datetime import date, time, timedelta

import numpy as np
from hypothesis import strategies as st

from opmaat.domain.progress import SupervisionLevel
from opmaat.domain.workforce.capability import Capability
from opmaat.domain.workforce.coverage import RosterShift, ShiftNeed
from opmaat.domain.workforce.model import Authorisation, Employee, Evidence
from tests.domain.workforce.factories import DAY

WERKPROCESSEN = ["A-W1", "A-W2", "A-W3", "B-W1", "B-W2", "C-W1"]
ACTS = ["INJ", "MED"]
MONDAY = date(2026, 12, 7)


@st.composite
def authorisations(draw: st.DrawFn) -> Authorisation:
    act = draw(st.sampled_from(ACTS))
    granted_on = DAY + timedelta(days=draw(st.integers(-800, 10)))
    length = draw(st.none() | st.integers(0, 900))
    until = None if length is None else granted_on + timedelta(days=length)
    return Authorisation(act, granted_on, until, Evidence.TEST, "P")


@st.composite
def employees(draw: st.DrawFn, key: int = 1) -> Employee:
    credited = draw(st.frozensets(st.sampled_from(WERKPROCESSEN)))
    levels = draw(
        st.dictionaries(st.sampled_from(WERKPROCESSEN), st.sampled_from(list(SupervisionLevel)))
    )
    held = draw(st.lists(authorisations(), max_size=3))
    return Employee(key, f"E{key}", "T", None, 24.0, credited, levels, tuple(held))


TASKS = ("ADL", "MED", "WOND")
WINDOWS = ((time(7), time(10)), (time(9), time(12)), (time(15), time(18)))
TEAMS = ("W", "X")
SHIFTS = ((time(6), time(12)), (time(7), time(15)), (time(9), time(15)), (time(14), time(23)))


@st.composite
def coverage_instances(
    draw: st.DrawFn,
) -> tuple[Capability, list[ShiftNeed], list[RosterShift]]:
    """Up to 8 employees over two teams with random abilities, needs in overlapping and
    separate windows on Monday, and a random roster of that Monday."""
    size = draw(st.integers(1, 8))
    alone = np.array(
        draw(
            st.lists(st.lists(st.booleans(), min_size=3, max_size=3), min_size=size, max_size=size)
        ),
        dtype=np.bool_,
    )
    supervised = np.zeros_like(alone)
    teams = tuple(draw(st.sampled_from(TEAMS)) for _ in range(size))
    capability = Capability(tuple(range(1, size + 1)), TASKS, alone, supervised, teams)
    needs: dict[tuple[str, int, str], ShiftNeed] = {}
    for _ in range(draw(st.integers(1, 6))):
        team, w, task = (
            draw(st.sampled_from(TEAMS)),
            draw(st.integers(0, 2)),
            draw(st.sampled_from(TASKS)),
        )
        start, end = WINDOWS[w]
        needs[(team, w, task)] = ShiftNeed(team, 0, start, end, task, draw(st.integers(1, 3)))
    roster = []
    for key in range(1, size + 1):
        for _ in range(draw(st.integers(0, 2))):
            start, end = draw(st.sampled_from(SHIFTS))
            roster.append(RosterShift(key, MONDAY, start, end, draw(st.sampled_from(TEAMS))))
    return capability, list(needs.values()), roster
