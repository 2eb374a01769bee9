"""The figures of a matching run: how many were placed, at which preference, what is left."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

from opmaat.domain.matching.match import Matching, Phase

NO_ORGANISATION = "(unknown)"


@dataclass(frozen=True, slots=True)
class Summary:
    students: int
    places: int
    capacity: int  # seats: the effective capacity summed over places
    matched: int  # placed in either phase
    unmatched: int
    by_rank: dict[int, int]  # preference (1 first) → students placed there in the matching
    unused_capacity: int
    unused_by_organisation: dict[str, int]  # only organisations with unused seats
    unused_by_qualification: dict[str, int]  # the place's crebos joined by ";"
    fill: int | None  # placed in the post-match fill; None when the fill did not run

    @property
    def matched_pct(self) -> float:
        return round(100 * self.matched / self.students, 1) if self.students else 0.0

    def document(self) -> dict[str, object]:
        """The `summary` of `opmaat match --json` (docs/formats/matching.md)."""
        return {
            "students": self.students,
            "places": self.places,
            "capacity": self.capacity,
            "matched": self.matched,
            "matched_pct": self.matched_pct,
            "unmatched": self.unmatched,
            "by_rank": {str(rank): count for rank, count in self.by_rank.items()},
            "unused_capacity": self.unused_capacity,
            "unused_by_organisation": self.unused_by_organisation,
            "unused_by_qualification": self.unused_by_qualification,
            "fill": self.fill,
        }


def summarise(m: Matching) -> Summary:
    """The figures of `m`; unused seats count under the place's organisation (or
    "(unknown)") and under its crebos joined by ";" (or "" for places without any)."""
    enc = m.encoded
    in_match = m.phase == Phase.MATCH
    ranks = np.bincount(m.choice[in_match] + 1) if in_match.any() else np.zeros(0)
    unused = enc.places.capacity - m.seats_taken()
    by_organisation: Counter[str] = Counter()
    by_qualification: Counter[str] = Counter()
    for p in np.flatnonzero(unused > 0).tolist():
        seats = int(unused[p])
        by_organisation[enc.places.organisation[p] or NO_ORGANISATION] += seats
        by_qualification[enc.places.qualifications[p]] += seats
    matched = int((m.place >= 0).sum())
    return Summary(
        students=enc.n_students,
        places=enc.n_places,
        capacity=int(enc.places.capacity.sum()),
        matched=matched,
        unmatched=enc.n_students - matched,
        by_rank={rank: int(n) for rank, n in enumerate(ranks.tolist()) if rank and n},
        unused_capacity=int(unused.sum()),
        unused_by_organisation=dict(sorted(by_organisation.items())),
        unused_by_qualification=dict(sorted(by_qualification.items())),
        fill=int((m.phase == Phase.FILL).sum()) if m.fill_run else None,
    )
