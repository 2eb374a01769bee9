"""When a werkproces, a unit, a certificate and a diploma are complete, and what each part
rests on.

Rules (issues 6 and 12; docs/formats/credentials.md). The grain is the werkproces:
- A werkproces (an `Outcome`, leerresultaat) is met when the learner has a summative result
  "met" for it, or a holding credits it (a diploma, certificate or unit held, an exemption,
  a werkproces recognised through EVC), through `opmaat.domain.routes.resolve_credit`,
  equivalences included: an older dossier's werkproces, a related qualification's, a
  certificate (also one held under a retired code) count for the current werkprocessen they
  map to. Any "met" result counts: a later result never takes an earlier one back, so adding
  results never makes a complete unit incomplete.
- A unit (a kerntaak, an exam unit, a leereenheid) is complete exactly when every werkproces
  it defines or refers to is met, or the unit is credited whole. A unit without werkprocessen
  (a generic subject) is complete when credited whole or when it has a result "met" of its
  own.
- A certificate is complete when every werkproces it covers is met (those of the units it
  covers included) and every unit without werkprocessen it covers is complete. A unit that
  carries a certificate (SBB decides which) is a certificate by itself unless a catalog
  certificate covers exactly that unit.
- A diploma is complete exactly when every werkproces of the qualification is met, whatever
  cut divides them into units (a werkproces examined in two units counts once), every unit
  of it without werkprocessen is complete, every generic subject it requires is complete and
  its keuzedeel hours are done: hours recorded and elective units held count for any diploma,
  a held diploma's keuzedelen only for a diploma of the same level or lower
  (`Credit.electives_for`). Exemptions count and are listed with their grounds.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from opmaat.domain.catalog import Catalog
from opmaat.domain.credentials.document import PartResult
from opmaat.domain.credentials.errors import NotIssuable
from opmaat.domain.credentials.grounds import (
    BASIS_LABEL,
    Basis,
    Ground,
    Grounds,
    HoldingFact,
    ItemStatus,
    MetResult,
    Record,
    UnitCompletion,
    credit_of,
    total_credit,
    unit_completion,
)

__all__ = [
    "BASIS_LABEL",
    "Basis",
    "CertificateCheck",
    "CertificateTarget",
    "DiplomaCheck",
    "Ground",
    "Grounds",
    "HoldingFact",
    "ItemStatus",
    "MetResult",
    "Record",
    "UnitCompletion",
    "certificate_check",
    "certificate_checks",
    "certificate_targets",
    "complete_units",
    "completion_by_unit",
    "credit_of",
    "diploma_check",
    "total_credit",
    "unit_completion",
]


@dataclass(frozen=True, slots=True)
class CertificateTarget:
    code: str  # a catalog certificate's code, or the code of a unit carrying a certificate
    name: str
    level: int | None
    units: tuple[str, ...]  # covered whole
    outcomes: tuple[str, ...]  # werkprocessen covered one by one

    def werkprocessen(self, catalog: Catalog) -> tuple[str, ...]:
        """Every werkproces covered, those of the units covered included, each once."""
        of_units = (o.code for u in self.units for o in catalog.units[u].outcomes)
        return tuple(dict.fromkeys((*of_units, *self.outcomes)))

    def whole_units(self, catalog: Catalog) -> tuple[str, ...]:
        """The units covered that have no werkprocessen (a generic subject)."""
        return tuple(u for u in self.units if not catalog.units[u].outcomes)


def certificate_targets(catalog: Catalog) -> list[CertificateTarget]:
    """Every mbo-certificate the catalog knows: its certificates, and the units that carry
    one that no catalog certificate covers exactly."""
    targets = []
    exact = set()
    for cert in catalog.certificates.values():
        units = tuple(c for c in cert.covers if c in catalog.units)
        outcomes = tuple(c for c in cert.covers if c in catalog.outcome_unit)
        if len(units) == 1 and not outcomes:
            exact.add(units[0])
        targets.append(CertificateTarget(cert.code, cert.name, cert.level, units, outcomes))
    for unit in catalog.units.values():
        if unit.carries_certificate and unit.code not in exact:
            targets.append(CertificateTarget(unit.code, unit.title, unit.level, (unit.code,), ()))
    return targets


@dataclass(frozen=True, slots=True)
class CertificateCheck:
    target: CertificateTarget
    werkprocessen: tuple[ItemStatus, ...]  # every werkproces covered, once
    units: tuple[UnitCompletion, ...]  # units covered that have no werkprocessen
    held: bool  # the learner already holds this certificate as such

    @property
    def complete(self) -> bool:
        return all(w.met for w in self.werkprocessen) and all(u.complete for u in self.units)

    @property
    def issuable(self) -> bool:
        return self.complete and not self.held

    @property
    def started(self) -> bool:
        """Some part is done: worth showing on the exam board's page."""
        return any(w.met for w in self.werkprocessen) or any(u.complete for u in self.units)

    @property
    def missing(self) -> tuple[str, ...]:
        return (
            *(w.code for w in self.werkprocessen if not w.met),
            *(u.code for u in self.units if not u.complete),
        )

    def parts(self) -> tuple[PartResult, ...]:
        """What each werkproces (and unit without werkprocessen) rests on, for the
        certificate: its first ground; an empty basis while it is open."""
        return (
            *(status_part(w) for w in self.werkprocessen),
            *(u.part() for u in self.units),
        )


def status_part(status: ItemStatus) -> PartResult:
    if not status.grounds:
        return PartResult(status.code, status.title, "", "nog open")
    ground = status.grounds[0]
    return PartResult(status.code, status.title, ground.basis.value, ground.describe())


def certificate_checks(catalog: Catalog, record: Record) -> list[CertificateCheck]:
    grounds = Grounds(catalog, record)
    held = {h.code for h in record.holdings if h.basis == Basis.HELD}
    return [
        CertificateCheck(
            target,
            tuple(grounds.outcome(w) for w in target.werkprocessen(catalog)),
            tuple(grounds.unit(u) for u in target.whole_units(catalog)),
            target.code in held,
        )
        for target in certificate_targets(catalog)
    ]


def certificate_check(catalog: Catalog, code: str, record: Record) -> CertificateCheck:
    for check in certificate_checks(catalog, record):
        if check.target.code == code:
            return check
    raise NotIssuable("not_a_certificate", code)


@dataclass(frozen=True, slots=True)
class DiplomaCheck:
    crebo: str
    name: str
    level: int
    units: tuple[UnitCompletion, ...]  # the default cut, for what each part rests on
    werkprocessen: tuple[ItemStatus, ...]  # every werkproces of the qualification, once
    generic: tuple[UnitCompletion, ...]
    elective_required: float
    elective_done: float

    @property
    def whole_units(self) -> tuple[UnitCompletion, ...]:
        """Units of the qualification without werkprocessen: credited whole or not at all."""
        return tuple(u for u in self.units if not u.outcomes)

    @property
    def credited(self) -> int:
        """How many of the qualification's werkprocessen are met."""
        return sum(1 for w in self.werkprocessen if w.met)

    @property
    def electives_done(self) -> bool:
        return self.elective_done >= self.elective_required

    @property
    def complete(self) -> bool:
        return (
            all(w.met for w in self.werkprocessen)
            and all(u.complete for u in (*self.whole_units, *self.generic))
            and self.electives_done
        )

    @property
    def missing(self) -> tuple[str, ...]:
        missing = [
            *(w.code for w in self.werkprocessen if not w.met),
            *(u.code for u in (*self.whole_units, *self.generic) if not u.complete),
        ]
        if not self.electives_done:
            short = self.elective_required - self.elective_done
            missing.append(f"keuzedelen: nog {short:g} uur")
        return tuple(missing)

    def parts(self) -> tuple[PartResult, ...]:
        electives = PartResult(
            "KEUZEDELEN",
            "Keuzedelen",
            "hours",
            f"{self.elective_done:g} van {self.elective_required:g} uur",
        )
        return (*(u.part() for u in (*self.units, *self.generic)), electives)


def diploma_check(catalog: Catalog, crebo: str, record: Record) -> DiplomaCheck:
    """Whether the diploma of qualification `crebo` is complete for `record` (module rules)."""
    qualification = catalog.qualifications.get(crebo)
    if qualification is None:
        raise NotIssuable("not_a_qualification", crebo)
    grounds = Grounds(catalog, record)
    return DiplomaCheck(
        crebo,
        qualification.name,
        qualification.level,
        tuple(grounds.unit(u) for u in qualification.units),
        tuple(grounds.outcome(w) for w in catalog.werkprocessen_of(crebo)),
        tuple(grounds.unit(g) for g in qualification.generic.unit_codes()),
        qualification.elective_hours,
        grounds.electives_for(qualification.level),
    )


def complete_units(catalog: Catalog, record: Record, codes: Iterable[str]) -> frozenset[str]:
    grounds = Grounds(catalog, record)
    return frozenset(c for c in codes if grounds.unit(c).complete)


def completion_by_unit(
    catalog: Catalog, record: Record, codes: Iterable[str]
) -> Mapping[str, UnitCompletion]:
    grounds = Grounds(catalog, record)
    return {c: grounds.unit(c) for c in codes}
