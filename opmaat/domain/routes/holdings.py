"""What a person already holds, and what that is worth in units and learning outcomes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from opmaat.domain.catalog import Catalog, CodeKind, UnitKind


@dataclass(frozen=True, slots=True)
class Holdings:
    """Codes held (diplomas by crebo, certificates, units, old diplomas), exemptions
    (vrijstellingen, unit codes including generic subjects) and outcomes already passed."""

    codes: tuple[str, ...] = ()
    exemptions: tuple[str, ...] = ()
    outcomes: tuple[str, ...] = ()
    elective_hours: float = 0.0


@dataclass(frozen=True, slots=True)
class Credit:
    """Everything the holdings count for: whole units, single outcomes, elective hours."""

    outcomes: frozenset[str]
    units: frozenset[str]
    elective_hours: float

    def covers(self, catalog: Catalog, unit_code: str) -> bool:
        """A unit is covered when it is credited whole or all its outcomes are."""
        if unit_code in self.units:
            return True
        unit = catalog.units.get(unit_code)
        if unit is None or not unit.outcomes:
            return False
        return all(o.code in self.outcomes for o in unit.outcomes)


def resolve_credit(catalog: Catalog, holdings: Holdings) -> Credit:
    """What `holdings` count for in `catalog`.

    1. Every code goes through `catalog.resolve`, so an unknown one raises UnknownCode.
    2. Expand transitively: a qualification gives its units and generic subjects, a
       certificate what it covers, any code what the equivalence table says it counts for.
    3. Reached units count whole and with all their outcomes; reached outcomes count alone.
    4. Elective hours: the most any held qualification carries, plus held elective units,
       plus the hours stated in the holdings.
    """
    held = [catalog.resolve(c) for c in (*holdings.codes, *holdings.exemptions, *holdings.outcomes)]
    reached = credited_codes(catalog, held)
    units = frozenset(c for c in reached if is_whole_unit(catalog, c))
    outcomes = {c for c in reached if c in catalog.outcome_unit}
    outcomes.update(o.code for u in units if u in catalog.units for o in catalog.units[u].outcomes)
    return Credit(
        outcomes=frozenset(outcomes),
        units=units,
        elective_hours=elective_hours(catalog, reached, units) + holdings.elective_hours,
    )


def credited_codes(catalog: Catalog, held: Iterable[str]) -> set[str]:
    """Every code reached from `held`; the visited set guards against equivalence cycles."""
    reached: set[str] = set()
    pending = list(held)
    while pending:
        code = pending.pop()
        if code not in reached:
            reached.add(code)
            pending.extend(counts_for(catalog, code))
    return reached


def counts_for(catalog: Catalog, code: str) -> tuple[str, ...]:
    """The codes that holding `code` directly gives."""
    given: tuple[str, ...] = catalog.equivalent_to(code)
    if code in catalog.qualifications:
        q = catalog.qualifications[code]
        given += (*q.units, *q.generic.unit_codes())
    if code in catalog.certificates:
        given += catalog.certificates[code].covers
    return given


def is_whole_unit(catalog: Catalog, code: str) -> bool:
    """A unit, or a code the catalog does not describe (a generic subject such as NL-2F)."""
    parts = (CodeKind.QUALIFICATION, CodeKind.CERTIFICATE, CodeKind.OUTCOME)
    return catalog.kind_of(code) not in parts


def elective_hours(catalog: Catalog, reached: Iterable[str], units: Iterable[str]) -> float:
    """Elective hours credited: the most of any diploma held (electives do not add up
    across diplomas), plus the hours of elective units held."""
    from_diplomas = max(
        (catalog.qualifications[c].elective_hours for c in reached if c in catalog.qualifications),
        default=0.0,
    )
    from_units = sum(
        catalog.units[u].hours
        for u in units
        if u in catalog.units and catalog.units[u].kind == UnitKind.ELECTIVE
    )
    return from_diplomas + from_units
