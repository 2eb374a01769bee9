"""Employers' training demand rolled up into their region (issue 17, item 5).

Each care organisation of the region knows its own training demand (opmaat.domain.workforce
.demand): per unit or certificate, how many of its employees would gain coverage by it, in
how many training hours, and how many shift windows it would cover. The region sees the sum
over its organisations, never a person: the number of people per unit is a count of
persons, so it is published under the same small-group rule as every regional figure
(`suppress_column`), and a row whose people are hidden hides its hours and windows too,
since they would tell how many there are.

Rows whose figures are shown come first, most windows gained per training hour first (the
employers' own ranking); hidden rows follow by name, so that their order says nothing
about their size.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from opmaat.domain.access import suppress_column
from opmaat.domain.workforce.demand import UnitDemand


@dataclass(frozen=True, slots=True)
class OrganisationDemand:
    """One organisation's demand: per unit or certificate its sums (`by_candidate`), and
    how many different employees appear in any of them."""

    organisation: str
    units: tuple[UnitDemand, ...]
    people: int


@dataclass(frozen=True, slots=True)
class RegionalDemandRow:
    """A unit or certificate over the region; None where the figure is hidden."""

    candidate: str
    name: str
    organisations: int
    people: int | None
    hours: float | None
    gained: int | None

    @property
    def gained_per_hour(self) -> float | None:
        if self.gained is None or self.hours is None:
            return None
        return self.gained / self.hours if self.hours > 0 else float("inf")


@dataclass(frozen=True, slots=True)
class RegionalDemand:
    rows: tuple[RegionalDemandRow, ...]
    organisations: int  # organisations with any demand
    people: int | None  # different employees with any demand; None when hidden


def roll_up(per_organisation: Sequence[OrganisationDemand]) -> RegionalDemand:
    """The region's demand per unit or certificate, published by the module's rule.

    1. Sum people, hours and windows gained per candidate over the organisations.
    2. Suppress the people column beside its total (every employee with any demand), so
       no hidden count can be worked out; hide a hidden row's hours and windows as well.
    3. Order: shown rows by windows gained per hour, then windows, then name; hidden rows
       by name.
    """
    summed: dict[str, list[UnitDemand]] = {}
    for organisation in per_organisation:
        for unit in organisation.units:
            summed.setdefault(unit.candidate, []).append(unit)
    codes = sorted(summed)
    people = [sum(u.people for u in summed[c]) for c in codes]
    total = sum(o.people for o in per_organisation if o.units)
    column = suppress_column(people, total=total)
    rows = [_row(summed[code], shown) for code, shown in zip(codes, column.cells, strict=True)]
    return RegionalDemand(
        tuple(sorted(rows, key=_order)),
        sum(1 for o in per_organisation if o.units),
        column.total,
    )


def _row(units: Sequence[UnitDemand], people: int | None) -> RegionalDemandRow:
    first = units[0]
    shown = people is not None
    return RegionalDemandRow(
        first.candidate,
        first.name,
        len(units),
        people,
        sum(u.hours for u in units) if shown else None,
        sum(u.gained for u in units) if shown else None,
    )


def _order(row: RegionalDemandRow) -> tuple[int, float, int, str, str]:
    per_hour = row.gained_per_hour
    if per_hour is None:
        return (1, 0.0, 0, row.name.casefold(), row.candidate)
    return (0, -per_hour, -(row.gained or 0), row.name.casefold(), row.candidate)
