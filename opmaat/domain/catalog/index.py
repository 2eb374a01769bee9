"""The `Catalog`: one immutable index over the catalog's values.

Lookups by code, the werkprocessen of a unit or qualification with their hours, shared
units, prerequisites and the equivalence table. A unit made of werkprocessen defined
elsewhere (an exam unit) gets those werkprocessen as its `outcomes` and their summed hours.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from opmaat.domain.catalog.model import (
    Certificate,
    CodeKind,
    Equivalence,
    Outcome,
    Prerequisite,
    PriorEducation,
    Qualification,
    Unit,
    UnitKind,
    normalise_code,
)
from opmaat.domain.errors import UnknownCode


class Catalog:
    def __init__(
        self,
        qualifications: Iterable[Qualification] = (),
        units: Iterable[Unit] = (),
        certificates: Iterable[Certificate] = (),
        prerequisites: Iterable[Prerequisite] = (),
        equivalences: Iterable[Equivalence] = (),
        meta: Mapping[str, str] | None = None,
        prior_education: Iterable[PriorEducation] = (),
    ) -> None:
        given = list(units)
        self.qualifications: dict[str, Qualification] = {q.crebo: q for q in qualifications}
        self.certificates: dict[str, Certificate] = {c.code: c for c in certificates}
        self.prior_education: dict[str, PriorEducation] = {p.code: p for p in prior_education}
        self.prerequisites: tuple[Prerequisite, ...] = tuple(prerequisites)
        self.equivalences: tuple[Equivalence, ...] = tuple(equivalences)
        self.meta: dict[str, str] = dict(meta or {})
        # Each werkproces is defined by exactly one unit (its kerntaak); others refer to it.
        self.outcome_unit: dict[str, str] = {}
        self.outcomes: dict[str, Outcome] = {}
        self.outcome_hours: dict[str, float] = {}
        for unit in given:
            if unit.refers:
                continue
            hours = unit.outcome_hours()
            for outcome in unit.outcomes:
                if outcome.code not in self.outcome_unit:
                    self.outcome_unit[outcome.code] = unit.code
                    self.outcomes[outcome.code] = outcome
                    self.outcome_hours[outcome.code] = hours[outcome.code]
        # A referring unit's hours are those of its werkprocessen; the stated figure is kept
        # for the consistency check.
        self.stated_hours: dict[str, float] = {u.code: u.hours for u in given if u.refers}
        self.units: dict[str, Unit] = {u.code: self._resolved(u) for u in given}
        self._requires: dict[str, tuple[str, ...]] = {}
        for p in self.prerequisites:
            self._requires[p.unit] = (*self._requires.get(p.unit, ()), p.requires)
        self._equivalent: dict[str, tuple[str, ...]] = {}
        for e in self.equivalences:
            self._equivalent[e.source] = (*self._equivalent.get(e.source, ()), *e.counts_for)

    def _resolved(self, unit: Unit) -> Unit:
        if not unit.refers:
            return unit
        outcomes = tuple(self.outcomes[c] for c in unit.werkprocessen if c in self.outcomes)
        hours = sum(self.outcome_hours[o.code] for o in outcomes)
        return replace(unit, outcomes=outcomes, hours=hours)

    # Codes -----------------------------------------------------------------------------

    def kind_of(self, code: str) -> CodeKind | None:
        if code in self.qualifications:
            return CodeKind.QUALIFICATION
        if code in self.units:
            return CodeKind.UNIT
        if code in self.outcome_unit:
            return CodeKind.OUTCOME
        if code in self.certificates:
            return CodeKind.CERTIFICATE
        if code in self.prior_education:
            return CodeKind.PRIOR_EDUCATION
        if code in self._equivalent:
            return CodeKind.EQUIVALENCE
        return None

    def all_codes(self) -> list[str]:
        return [
            *self.qualifications,
            *self.units,
            *self.outcome_unit,
            *self.certificates,
            *self.prior_education,
            *(e for e in self._equivalent if e not in self.qualifications),
        ]

    def resolve(self, code: str) -> str:
        """The catalog's spelling of `code`, or UnknownCode naming the closest known codes."""
        canonical = normalise_code(code)
        if self.kind_of(canonical) is None:
            raise UnknownCode.among(code, self.all_codes())
        return canonical

    def name_of(self, code: str) -> str:
        if code in self.qualifications:
            return self.qualifications[code].name
        if code in self.units:
            return self.units[code].title
        if code in self.certificates:
            return self.certificates[code].name
        if code in self.outcomes:
            return self.outcomes[code].title
        if code in self.prior_education:
            return self.prior_education[code].name
        names = [e.source_name for e in self.equivalences if e.source == code and e.source_name]
        return names[0] if names else code

    # Structure -------------------------------------------------------------------------

    def requires(self, code: str) -> tuple[str, ...]:
        """The units or werkprocessen that must be complete before `code` may start."""
        return self._requires.get(code, ())

    def equivalent_to(self, code: str) -> tuple[str, ...]:
        """The codes that holding `code` counts for through the equivalence table."""
        return self._equivalent.get(code, ())

    def qualifications_with_unit(self, unit_code: str) -> list[Qualification]:
        return [q for q in self.qualifications.values() if unit_code in q.units]

    def werkprocessen_of(self, crebo: str) -> tuple[str, ...]:
        """A qualification's werkprocessen, in the order of its default cut."""
        found: dict[str, None] = {}
        for code in self.qualifications[crebo].units:
            unit = self.units.get(code)
            for outcome in unit.outcomes if unit else ():
                found.setdefault(outcome.code)
        return tuple(found)

    def hours_of(self, werkprocessen: Iterable[str]) -> float:
        return sum(self.outcome_hours.get(code, 0.0) for code in set(werkprocessen))

    def successors(self, crebo: str) -> tuple[str, ...]:
        q = self.qualifications.get(crebo)
        return q.superseded_by if q else ()

    def offered_targets(self) -> list[str]:
        """What a route may be offered towards: current qualifications, certificates and
        units that carry a certificate (SBB: only units marked so carry one)."""
        current = [q.crebo for q in self.qualifications.values() if not q.superseded]
        certified = [u.code for u in self.units.values() if u.carries_certificate]
        return list(dict.fromkeys([*current, *self.certificates, *certified]))

    def generic_units(self) -> list[Unit]:
        return [u for u in self.units.values() if u.kind == UnitKind.GENERIC]
