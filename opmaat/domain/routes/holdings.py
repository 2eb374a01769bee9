"""What a person already holds, and what that is worth in werkprocessen and units."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from opmaat.domain.catalog import Catalog, CodeKind, UnitKind


@dataclass(frozen=True, slots=True)
class Holdings:
    """Codes held (diplomas by crebo, certificates, units, prior education, old codes),
    exemptions (vrijstellingen: units, werkprocessen, generic subjects) and werkprocessen
    already passed (outcomes)."""

    codes: tuple[str, ...] = ()
    exemptions: tuple[str, ...] = ()
    outcomes: tuple[str, ...] = ()
    elective_hours: float = 0.0


@dataclass(frozen=True, slots=True)
class Credit:
    """Everything the holdings count for: werkprocessen (outcomes), whole units, keuzedeel
    hours (elective units and hours stated; held diplomas' by their level)."""

    outcomes: frozenset[str]
    units: frozenset[str]
    elective_hours: float
    diploma_electives: tuple[tuple[int, float], ...] = ()  # (level, keuzedeel hours) per diploma

    def electives_for(self, level: int | None) -> float:
        """Keuzedeel hours that count towards a target at `level`: a diploma's only from the
        same level up (MBO Utrecht examenreglement art. 2.3: no exemption for a keuzedeel
        examined at a lower level), the most of any one diploma (they do not add up)."""
        counted = [h for lvl, h in self.diploma_electives if level is None or lvl >= level]
        return max(counted, default=0.0) + self.elective_hours

    def covers(self, catalog: Catalog, unit_code: str) -> bool:
        """A unit is covered when it is credited whole or all its werkprocessen are."""
        if unit_code in self.units:
            return True
        unit = catalog.units.get(unit_code)
        if unit is None or not unit.outcomes:
            return False
        return all(o.code in self.outcomes for o in unit.outcomes)


def resolve_credit(catalog: Catalog, holdings: Holdings) -> Credit:
    """What `holdings` count for in `catalog`.

    1. Every code goes through `catalog.resolve`, so an unknown one raises UnknownCode.
    2. Expand transitively: a qualification gives its units and generic subjects, a unit its
       werkprocessen, a certificate what it covers, and any code what the equivalence table
       says it counts for (an older dossier's werkproces, a related qualification's, a prior
       diploma's generic subjects), so a werkproces is credited in every qualification that
       contains it or maps to it.
    3. Reached units count whole; reached werkprocessen count alone (a unit is done when all
       its werkprocessen are).
    4. Keuzedeel hours: those of held elective units and the hours stated in the holdings,
       and per held qualification its level and keuzedeel hours (`Credit.electives_for`).
    """
    held = [catalog.resolve(c) for c in (*holdings.codes, *holdings.exemptions, *holdings.outcomes)]
    reached = credited_codes(catalog, held)
    units = frozenset(c for c in reached if is_whole_unit(catalog, c))
    outcomes = frozenset(c for c in reached if c in catalog.outcome_unit)
    return Credit(
        outcomes=outcomes,
        units=units,
        elective_hours=elective_unit_hours(catalog, units) + holdings.elective_hours,
        diploma_electives=diploma_electives(catalog, reached),
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
    if code in catalog.units:
        given += tuple(o.code for o in catalog.units[code].outcomes)
    if code in catalog.certificates:
        given += catalog.certificates[code].covers
    return given


def is_whole_unit(catalog: Catalog, code: str) -> bool:
    """A unit, or a code the catalog does not describe (a generic subject such as NL-2F)."""
    parts = (
        CodeKind.QUALIFICATION,
        CodeKind.CERTIFICATE,
        CodeKind.OUTCOME,
        CodeKind.PRIOR_EDUCATION,
    )
    return catalog.kind_of(code) not in parts


def diploma_electives(catalog: Catalog, reached: Iterable[str]) -> tuple[tuple[int, float], ...]:
    """(level, keuzedeel hours) of every qualification reached, highest level first."""
    found = {
        (catalog.qualifications[c].level, catalog.qualifications[c].elective_hours)
        for c in reached
        if c in catalog.qualifications
    }
    return tuple(sorted(found, reverse=True))


def elective_unit_hours(catalog: Catalog, units: Iterable[str]) -> float:
    """The hours of elective units held."""
    return sum(
        catalog.units[u].hours
        for u in units
        if u in catalog.units and catalog.units[u].kind == UnitKind.ELECTIVE
    )
