"""Checks of a finished matching, independent of how it was found.

A blocking pair is a student s and a place p such that s listed p above the place s got (or
s got none, or a place in the fill, which is never on s's list), s may be placed at p, and p
either has a free seat or holds a student it ranks below s. A matching without blocking
pairs is stable: nobody has a claim that both sides would rather honour.
"""

from __future__ import annotations

import numpy as np

from opmaat.domain.matching.eligibility import Reason, pair_reasons, place_ranks
from opmaat.domain.matching.encode import IntArray
from opmaat.domain.matching.match import Matching, Phase


def blocking_pairs(m: Matching) -> list[tuple[str, str]]:
    """Every blocking pair as (student id, place id)."""
    enc = m.encoded
    worst = worst_held_rank(m)
    free = m.seats_taken() < enc.places.capacity
    width = enc.choices.shape[1]
    got = np.where(m.phase == Phase.MATCH, m.choice, width)
    above = np.arange(width)[None, :] < got[:, None]
    s, j = np.nonzero(m.usable() & above)
    p = enc.choices[s, j].astype(np.int64)
    blocking = free[p] | (m.ranks[s, j] < worst[p])
    return [
        (enc.students.ids[a], enc.places.ids[b])
        for a, b in zip(s[blocking].tolist(), p[blocking].tolist(), strict=True)
    ]


def is_stable(m: Matching) -> bool:
    return not blocking_pairs(m)


def worst_held_rank(m: Matching) -> IntArray:
    """Per place the rank of the lowest-ranked student it holds (-1 when empty)."""
    placed = np.flatnonzero(m.place >= 0)
    p = m.place[placed]
    ranks = place_ranks(m.encoded, placed, p)
    worst = np.full(m.encoded.n_places, -1, dtype=np.int64)
    np.maximum.at(worst, p, ranks)
    return worst


def over_capacity(m: Matching) -> list[str]:
    """Places holding more students than their (effective) capacity."""
    over = np.flatnonzero(m.seats_taken() > m.encoded.places.capacity)
    return [m.encoded.places.ids[i] for i in over.tolist()]


def not_allowed(m: Matching) -> list[tuple[str, str]]:
    """Assignments the eligibility rules or the place's ranking forbid."""
    placed = np.flatnonzero(m.place >= 0)
    reasons = pair_reasons(m.encoded, placed, m.place[placed])
    bad = placed[reasons != Reason.OK]
    return [
        (m.encoded.students.ids[s], m.encoded.places.ids[int(m.place[s])]) for s in bad.tolist()
    ]
