"""Shift coverage: per team, day and time window, which shift needs are met and by whom,
which are not, and who else could meet them.

A need (ShiftNeed) asks `count` people who may do `task` ALONE in a team's time window on
a weekday; the roster (RosterShift) says who works when. The rule (issue 16):

1. A window is a team's needs with the same start and end on the day's weekday. The
   people rostered in the team for the whole window are on it; someone on two shifts
   that span it counts once.
2. Those people are assigned to the needs as a maximum b-matching: each person at most
   one need per window, each need at most `count` people, only people ALONE for the
   need's task (people who may do it under supervision are reported, never counted).
   A day's windows form one flow network (source → person in window → need → sink),
   solved at once with scipy's maximum flow: the components are independent, so the
   total is the sum of the windows' maxima. Days are solved one by one: nothing links
   them, and a maximum flow's phases then run over one day's nodes at a time.
3. The gap filling adds the organisation's other people: those ALONE for the task and
   not rostered at a time overlapping the window that day, each proposed for at most one
   need that day (one extra shift). It is the best one with the roster used to the full:
   the most places from the roster, and then the most from off it. The roster's people
   may be rearranged for it (the one who can give medication moves to the medication
   round so that someone called in can take the ADL), never reduced in number: the fill
   network is added to the roster's residual network less its edges back into the
   source, and a second maximum flow augments the first. Needs of one task and time
   form one node (for someone off the roster they are alike, whatever the team), reached
   through a node per task and set of free times (opmaat.domain.workforce.coverage.fill),
   and a need takes part only where one more person would add a place (it reaches the
   sink in the roster's residual network); a group's people go to its needs as the flow
   divides them, each need's own team first.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, time

import numpy as np

from opmaat.domain.workforce.capability import Capability
from opmaat.domain.workforce.coverage.fill import (
    FillPart,
    Shift,
    Teams,
    minutes,
    shifts_by_day,
    with_fill,
)
from opmaat.domain.workforce.coverage.model import (
    DayCoverage,
    Heatmap,
    NeedCoverage,
    RosterShift,
    ShiftNeed,
    WindowCoverage,
)
from opmaat.domain.workforce.coverage.network import (
    SINK,
    SOURCE,
    Window,
    max_flow,
    reachable,
    residual_of,
    resized,
    roster_network,
)


def cover(
    capability: Capability,
    needs: Sequence[ShiftNeed],
    roster: Sequence[RosterShift],
    days: Sequence[date],
) -> tuple[DayCoverage, ...]:
    """The coverage of every day in `days` by the module's rule. A roster row of someone
    not on the organisation's staff (`capability`) covers nothing."""
    with _collector_paused():
        return _cover(capability, needs, roster, days)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused, then restored as it was. Two weeks of a
    large organisation make some 100,000 tuples and result objects, none in a cycle, and
    the collections they set off walk the whole heap each time: about a fifth of the run
    at full size. Memory is unaffected (reference counting still frees everything)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _cover(
    capability: Capability,
    needs: Sequence[ShiftNeed],
    roster: Sequence[RosterShift],
    days: Sequence[date],
) -> tuple[DayCoverage, ...]:
    """Days are independent (a person is proposed once a day, a window lies in one day),
    so each day is its own pair of networks: the maximum flow's phases then run over one
    day's nodes each, not over all days' nodes as often as the hardest day needs."""
    shifts = shifts_by_day(capability, roster)
    windows: dict[date, list[Window]] = defaultdict(list)
    for window in windows_of(needs, shifts, days):
        windows[window.day].append(window)
    teams = Teams.of(capability)
    return tuple(
        DayCoverage(
            day, _cover_windows(capability, teams, windows.get(day, []), shifts.get(day, []))
        )
        for day in days
    )


def _cover_windows(
    capability: Capability,
    teams: Teams,
    windows: Sequence[Window],
    shifts: Sequence[Shift],
) -> tuple[WindowCoverage, ...]:
    """Steps 2 and 3 for `windows`, all on the day of `shifts`."""
    net = roster_network(capability, windows)
    network = net.edges.network(net.size)
    flow = max_flow(network)
    residual = residual_of(network, flow)
    reach = reachable(residual, SOURCE)
    coreach = reachable(residual.T.tocsr(), SINK)
    fill = FillPart.build(capability, windows, net, coreach, shifts)
    extra = max_flow(with_fill(residual, fill, coreach))
    combined = resized(flow, fill.size) + extra
    fills = fill.hand_out(capability, windows, extra, teams)
    # Employee keys straight from arrays: mapping rows to keys in Python per window and
    # need was a tenth of the run.
    labels = np.asarray(capability.employees, dtype=np.int64)
    carried = net.carried(combined, labels)
    movables = net.people(reach, len(windows), labels)
    rostered = net.people(np.ones(fill.size, dtype=np.bool_), len(windows), labels)
    growing = coreach.tolist()  # a list reads a node in a tenth of numpy's scalar time
    key = capability.employees.__getitem__
    found: list[WindowCoverage] = []
    for w, window in enumerate(windows):
        wanted = net.need_nodes[w]
        growable = sorted(
            {nd.task for n, nd in zip(wanted, window.needs, strict=True) if growing[n]}
        )
        covered = tuple(
            NeedCoverage(
                need,
                by := tuple(carried.get(n, ())),
                need.count - len(by),
                tuple(map(key, fills[w][i])),
                tuple(map(key, net.supervised.get(n, ()))),
            )
            for i, (n, need) in enumerate(zip(wanted, window.needs, strict=True))
        )
        found.append(
            WindowCoverage(
                window.team,
                window.day,
                window.start,
                window.end,
                covered,
                tuple(rostered[w]),
                tuple(movables[w]),
                tuple(growable),
            )
        )
    return tuple(found)


def cover_day(
    capability: Capability,
    needs: Sequence[ShiftNeed],
    roster: Sequence[RosterShift],
    day: date,
) -> DayCoverage:
    """`cover` for one day."""
    return cover(capability, needs, roster, [day])[0]


def windows_of(
    needs: Sequence[ShiftNeed], shifts: dict[date, list[Shift]], days: Sequence[date]
) -> Iterable[Window]:
    """Step 1: the windows of each day with the people on them, in team and time order."""
    grouped: dict[int, dict[tuple[str, time, time], list[ShiftNeed]]] = defaultdict(dict)
    for need in sorted(needs, key=lambda n: (n.weekday, n.team, n.start, n.end)):
        grouped[need.weekday].setdefault((need.team, need.start, need.end), []).append(need)
    for day in days:
        teams: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
        for row, team, s, e in shifts.get(day, ()):
            teams[team].append((row, s, e))
        for (team, start, end), wanted in grouped[day.weekday()].items():
            first, last = minutes(start), minutes(end)
            on = {r for r, s, e in teams.get(team, ()) if s <= first and last <= e}
            yield Window(team, day, start, end, wanted, sorted(on))


def heatmap(coverages: Sequence[DayCoverage]) -> Heatmap:
    """Met over required places per team and window label, summed over the days."""
    met: dict[tuple[str, str], int] = defaultdict(int)
    required: dict[tuple[str, str], int] = defaultdict(int)
    order: dict[str, tuple[time, time]] = {}
    for day in coverages:
        for w in day.windows:
            met[(w.team, w.label)] += w.met
            required[(w.team, w.label)] += w.required
            order[w.label] = (w.start, w.end)
    teams = tuple(sorted({team for team, _ in required}))
    labels = tuple(sorted(order, key=order.__getitem__))
    share = np.full((len(teams), len(labels)), np.nan)
    for (team, label), wanted in required.items():
        share[teams.index(team), labels.index(label)] = met[(team, label)] / wanted
    return Heatmap(teams, labels, share)
