"""The post-match fill: seats left over after the stable matching, for students left over.

Once deferred acceptance has ended, every place a student listed is full with students it
ranks higher, or does not take them; their own lists are used up. The fill offers them the
seats still free anywhere they are eligible and accepted, as a separate, clearly marked
phase (it is not part of the stable matching and the students did not ask for these
places):

1. Candidate pairs: every unplaced student × every place with free seats where the student
   is eligible and accepted (`eligibility.py`).
2. Weights: the travel distance in km (0 when coordinates are missing), plus a lottery
   term of at most 10 m that breaks ties in favour of better lottery numbers.
3. A minimum-cost assignment of students to seats that places as many students as possible
   and, among those, minimises the total distance: LAPJVsp
   (`scipy.sparse.csgraph.min_weight_full_bipartite_matching`) on the seat-expanded graph,
   where each student also has a private "stay unplaced" seat so costly that giving it up
   is always worth more than any rearrangement of distances.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from scipy.sparse import csr_array  # type: ignore[import-untyped]  # scipy ships no stubs
from scipy.sparse.csgraph import (  # type: ignore[import-untyped]  # scipy ships no stubs
    min_weight_full_bipartite_matching,
)

from opmaat.domain.matching.eligibility import Reason, distances_km, pair_reasons
from opmaat.domain.matching.encode import Encoded, FloatArray, IntArray
from opmaat.domain.matching.errors import MAX_FILL_PAIRS, FillTooLarge

CHUNK = 2_000_000
LOTTERY_KM = 0.01


def fill_places(
    enc: Encoded, place: IntArray, phase: npt.NDArray[np.int8]
) -> tuple[IntArray, npt.NDArray[np.int8]]:
    """`place` and `phase` with the fill's assignments added (phase 2)."""
    from opmaat.domain.matching.match import Phase

    placed = place[place >= 0]
    free = enc.places.capacity - np.bincount(placed, minlength=enc.n_places)
    unplaced = np.flatnonzero(place < 0)
    open_places = np.flatnonzero(free > 0)
    s, p = candidate_pairs(enc, unplaced, open_places)
    if not len(s):
        return place, phase
    rows, seats = assign(enc, s, p, free)
    place, phase = place.copy(), phase.copy()
    place[rows] = seats
    phase[rows] = Phase.FILL
    return place, phase


def candidate_pairs(
    enc: Encoded, students: IntArray, places: IntArray
) -> tuple[IntArray, IntArray]:
    """Eligible and accepted (student, place) pairs, student by student."""
    total = len(students) * len(places)
    if total > MAX_FILL_PAIRS:
        raise FillTooLarge(total)
    found_s: list[IntArray] = []
    found_p: list[IntArray] = []
    for begin in range(0, total, CHUNK):
        flat = np.arange(begin, min(begin + CHUNK, total), dtype=np.int64)
        s, p = students[flat // len(places)], places[flat % len(places)]
        ok = pair_reasons(enc, s, p) == Reason.OK
        found_s.append(s[ok])
        found_p.append(p[ok])
    empty = np.zeros(0, dtype=np.int64)
    return np.concatenate([empty, *found_s]), np.concatenate([empty, *found_p])


def assign(enc: Encoded, s: IntArray, p: IntArray, free: IntArray) -> tuple[IntArray, IntArray]:
    """(students placed, their places) of a minimum-cost maximum assignment to seats."""
    students, row = np.unique(s, return_inverse=True)
    cost = pair_cost(enc, s, p) + 1.0  # the solver needs non-zero weights
    seat_start = np.cumsum(free) - free
    per_pair = free[p]
    if int(per_pair.sum()) > MAX_FILL_PAIRS:
        raise FillTooLarge(int(per_pair.sum()))
    edge = np.repeat(np.arange(len(s)), per_pair)
    seat = seat_start[p[edge]] + (
        np.arange(len(edge)) - np.repeat(np.cumsum(per_pair) - per_pair, per_pair)
    )
    seats = int(free.sum())
    unplaced = (float(cost.max()) + 1.0) * (len(students) + 1)
    weights = np.concatenate([cost[edge], np.full(len(students), unplaced)])
    rows = np.concatenate([row[edge], np.arange(len(students))])
    columns = np.concatenate([seat, seats + np.arange(len(students))])
    graph = csr_array((weights, (rows, columns)), shape=(len(students), seats + len(students)))
    matched_rows, matched_columns = min_weight_full_bipartite_matching(graph)
    real = matched_columns < seats
    seat_place = np.repeat(np.arange(len(free)), free)
    return students[matched_rows[real]], seat_place[matched_columns[real]]


def pair_cost(enc: Encoded, s: IntArray, p: IntArray) -> FloatArray:
    """Distance in km (0 without coordinates) plus the lottery term."""
    distance = np.nan_to_num(distances_km(enc, s, p), nan=0.0)
    lottery = LOTTERY_KM * enc.students.lottery[s] / (enc.n_students + 1)
    cost: FloatArray = distance + lottery
    return cost
