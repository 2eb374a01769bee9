"""Student-proposing deferred acceptance with capacities, in vectorised rounds.

Gale and Shapley (1962), "College admissions and the stability of marriage"; with strict
preferences on both sides it ends in the student-optimal stable matching: no student is
better off in any other stable matching (Roth and Sotomayor 1990, theorem 5.16). The order in
which proposals are made does not change the result, so all free students propose at once:

1. Every free student who still has a place left on their list proposes to the best one
   they have not proposed to yet.
2. Every place that received proposals keeps its best `capacity` applicants among those it
   held and the new ones (one sort by place, then rank) and rejects the rest.
3. Rejected students are free again; repeat until nobody is free with places left.

Each round costs a sort of the new proposals plus the students held by the places that
received them, so late rounds with few proposals are cheap.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]


def deferred_acceptance(
    choices: npt.NDArray[np.int32],
    ranks: IntArray,
    usable: npt.NDArray[np.bool_],
    capacity: IntArray,
) -> IntArray:
    """The student-optimal stable matching, as each student's choice index (-1: unmatched).

    `choices[s, j]` is student s's j-th place (best first), `ranks[s, j]` the rank that place
    gives s (lower is better, distinct within a place), `usable[s, j]` whether s may be
    placed there at all (eligible and accepted); `capacity[p]` the seats of place p.
    """
    n, width = choices.shape
    flat = np.flatnonzero(usable.ravel())  # usable choices, student by student, best first
    flat_place = choices.ravel()[flat].astype(np.int64)
    flat_rank = ranks.ravel()[flat]
    counts = usable.sum(axis=1)
    end = np.cumsum(counts)
    pointer = end - counts  # the next choice each student proposes to, in `flat`

    none = len(capacity)  # the "no place" index: never receives proposals
    held_place = np.full(n, none, dtype=np.int64)
    held_rank = np.zeros(n, dtype=np.int64)
    received = np.zeros(len(capacity) + 1, dtype=np.bool_)
    free = np.flatnonzero(counts > 0)
    while len(free):
        at = pointer[free]
        place, rank = flat_place[at], flat_rank[at]
        pointer[free] += 1
        received[place] = True
        holders = np.flatnonzero(received[held_place])
        received[place] = False
        students = np.concatenate([holders, free])
        places = np.concatenate([held_place[holders], place])
        student_ranks = np.concatenate([held_rank[holders], rank])
        order = np.lexsort((student_ranks, places))
        students, places, student_ranks = students[order], places[order], student_ranks[order]
        keep = position_in_group(places) < capacity[places]
        held_place[students[keep]] = places[keep]
        held_rank[students[keep]] = student_ranks[keep]
        rejected = students[~keep]
        held_place[rejected] = none
        free = rejected[pointer[rejected] < end[rejected]]

    matched = held_place < none
    result = np.full(n, -1, dtype=np.int64)
    result[matched] = flat[pointer[matched] - 1] % max(width, 1)
    return result


def position_in_group(sorted_keys: IntArray) -> IntArray:
    """0, 1, 2 … within each run of equal keys: [4, 4, 7, 9, 9, 9] → [0, 1, 0, 0, 1, 2]."""
    size = len(sorted_keys)
    index = np.arange(size, dtype=np.int64)
    starts = np.ones(size, dtype=np.bool_)
    starts[1:] = sorted_keys[1:] != sorted_keys[:-1]
    group_start = np.maximum.accumulate(np.where(starts, index, 0))
    position: IntArray = index - group_start
    return position
