"""Supply and demand per organisation: seats offered against students who want them."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from opmaat.domain.matching.model import Instance


@dataclass(frozen=True, slots=True)
class SupplyDemand:
    organisation: str
    seats: int  # effective capacity: min(capacity, supervision capacity)
    first_choices: int  # students with a place of this organisation as first preference
    listed: int  # students with a place of this organisation anywhere on their list

    @property
    def pressure(self) -> float:
        """First choices per seat: above 1 more students want in than there is room."""
        return round(self.first_choices / self.seats, 2) if self.seats else float("inf")


def supply_and_demand(instance: Instance) -> list[SupplyDemand]:
    """Per organisation (places without one under ""), most wanted per seat first."""
    owner = {p.id: p.organisation for p in instance.places}
    seats: Counter[str] = Counter()
    for p in instance.places:
        cap = (
            p.capacity
            if p.supervision_capacity is None
            else min(p.capacity, p.supervision_capacity)
        )
        seats[p.organisation] += cap
    first: Counter[str] = Counter()
    listed: Counter[str] = Counter()
    for s in instance.students:
        if s.preferences:
            first[owner[s.preferences[0]]] += 1
        for organisation in {owner[p] for p in s.preferences}:
            listed[organisation] += 1
    rows = [SupplyDemand(o, seats[o], first[o], listed[o]) for o in seats]
    return sorted(rows, key=lambda r: (-r.first_choices / max(r.seats, 1), r.organisation))
