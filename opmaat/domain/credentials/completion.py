"""When a unit, a certificate and a diploma are complete, and what each part rests on.

Rules (issue 6; docs/formats/credentials.md):
- An outcome (leerresultaat) is met when the learner has a summative result "met" for it,
  or a holding credits it (a diploma, certificate or unit held, an exemption, an outcome
  recognised through EVC), through `opmaat.domain.routes.resolve_credit`, equivalences
  included. Any "met" result counts: a later result never takes an earlier one back, so
  adding results never makes a complete unit incomplete.
- A unit is complete exactly when every one of its outcomes is met, or the unit is
  credited whole. A unit without outcomes (a generic subject) is complete when credited
  whole or when it has a result "met" of its own.
- A certificate is complete when every unit it covers is complete and every outcome it
  names is met. A unit that carries a certificate (SBB decides which) is a certificate by
  itself unless a catalog certificate covers exactly that unit.
- A diploma is complete exactly when every vocational unit of the qualification version,
  every generic subject it requires and its elective hours are done; exemptions count and
  are listed with their grounds.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from opmaat.domain.catalog import Catalog, CodeKind
from opmaat.domain.credentials.document import PartResult
from opmaat.domain.credentials.errors import NotIssuable
from opmaat.domain.errors import UnknownCode
from opmaat.domain.routes import Credit, Holdings, resolve_credit


class Basis(StrEnum):
    RESULT = "result"  # a summative result "met" recorded here
    HELD = "held"  # a diploma, certificate or unit held (also one issued here)
    EXEMPTION = "exemption"  # vrijstelling
    OUTCOME = "outcome"  # an outcome recognised before (EVC)


BASIS_LABEL = {
    Basis.RESULT: "resultaat",
    Basis.HELD: "behaald",
    Basis.EXEMPTION: "vrijstelling",
    Basis.OUTCOME: "leerresultaat erkend",
}


@dataclass(frozen=True, slots=True)
class HoldingFact:
    code: str
    basis: Basis  # HELD, EXEMPTION or OUTCOME
    evidence: str = ""


@dataclass(frozen=True, slots=True)
class MetResult:
    """A summative result "met" for an outcome or a generic subject."""

    code: str
    on: date
    method: str = ""


@dataclass(frozen=True, slots=True)
class Record:
    holdings: tuple[HoldingFact, ...] = ()
    met: tuple[MetResult, ...] = ()
    elective_hours: float = 0.0  # elective hours recorded on the learner beyond holdings


@dataclass(frozen=True, slots=True)
class Ground:
    """One reason a unit or outcome counts as done."""

    basis: Basis
    code: str  # the holding's code or the result's code
    evidence: str = ""
    on: date | None = None

    def describe(self) -> str:
        label = BASIS_LABEL[self.basis]
        if self.basis == Basis.RESULT:
            return f"{label} {self.on.isoformat()}" if self.on else label
        extra = f" ({self.evidence})" if self.evidence else ""
        return f"{label} {self.code}{extra}"


@dataclass(frozen=True, slots=True)
class ItemStatus:
    code: str
    title: str
    grounds: tuple[Ground, ...]

    @property
    def met(self) -> bool:
        return bool(self.grounds)


@dataclass(frozen=True, slots=True)
class UnitCompletion:
    code: str
    title: str
    outcomes: tuple[ItemStatus, ...]
    whole: tuple[Ground, ...]  # grounds crediting the unit as a whole

    @property
    def complete(self) -> bool:
        if self.whole:
            return True
        return bool(self.outcomes) and all(o.met for o in self.outcomes)

    @property
    def missing(self) -> tuple[str, ...]:
        if self.complete:
            return ()
        return tuple(o.code for o in self.outcomes if not o.met) or (self.code,)

    @property
    def completed_on(self) -> date | None:
        """The date of the last result that completed the unit, when results did."""
        if not self.complete or self.whole:
            return None
        dates = [g.on for o in self.outcomes for g in o.grounds[:1] if g.on is not None]
        return max(dates) if dates else None

    def part(self) -> PartResult:
        """What the unit rests on, for a diploma: one ground, or a summary per outcome;
        an empty basis while the unit is not complete."""
        if self.whole:
            ground = self.whole[0]
            return PartResult(self.code, self.title, ground.basis.value, ground.describe())
        if not self.complete:
            return PartResult(self.code, self.title, "", f"nog open: {', '.join(self.missing)}")
        firsts = [o.grounds[0] for o in self.outcomes if o.grounds]
        bases = {g.basis for g in firsts}
        basis = next(iter(bases)).value if len(bases) == 1 else "mixed"
        detail = "; ".join(f"{o.code}: {o.grounds[0].describe()}" for o in self.outcomes)
        return PartResult(self.code, self.title, basis, detail)


class Grounds:
    """Per unit and outcome code the grounds that credit it, computed once per record."""

    def __init__(self, catalog: Catalog, record: Record) -> None:
        self.catalog = catalog
        self.record = record
        self.units: dict[str, list[Ground]] = {}
        self.outcomes: dict[str, list[Ground]] = {}
        for result in sorted(record.met, key=lambda r: r.on):
            self._add(
                credit_of(catalog, result.code, Basis.RESULT),
                Ground(Basis.RESULT, result.code, result.method, result.on),
            )
        for holding in record.holdings:
            credit = credit_of(catalog, holding.code, holding.basis)
            self._add(credit, Ground(holding.basis, holding.code, holding.evidence))
        self.credit = total_credit(catalog, record)

    def _add(self, credit: Credit | None, ground: Ground) -> None:
        if credit is None:
            return
        for unit in credit.units:
            self.units.setdefault(unit, []).append(ground)
        for outcome in credit.outcomes:
            self.outcomes.setdefault(outcome, []).append(ground)

    def unit(self, code: str) -> UnitCompletion:
        unit = self.catalog.units.get(code)
        title = unit.title if unit else self.catalog.name_of(code)
        outcomes = tuple(
            ItemStatus(o.code, o.title, tuple(self.outcomes.get(o.code, ())))
            for o in (unit.outcomes if unit else ())
        )
        return UnitCompletion(code, title, outcomes, tuple(self.units.get(code, ())))

    def outcome(self, code: str) -> ItemStatus:
        return ItemStatus(code, self.catalog.name_of(code), tuple(self.outcomes.get(code, ())))


def credit_of(catalog: Catalog, code: str, basis: Basis) -> Credit | None:
    """What one holding or result counts for; None for a code the catalog no longer knows."""
    is_outcome = catalog.kind_of(code) == CodeKind.OUTCOME
    if basis == Basis.EXEMPTION and not is_outcome:
        holdings = Holdings(exemptions=(code,))
    elif is_outcome:
        holdings = Holdings(outcomes=(code,))
    else:
        holdings = Holdings(codes=(code,))
    try:
        return resolve_credit(catalog, holdings)
    except UnknownCode:
        return None


def total_credit(catalog: Catalog, record: Record) -> Credit:
    known = [h for h in record.holdings if catalog.kind_of(h.code) is not None]
    holdings = Holdings(
        codes=tuple(h.code for h in known if h.basis == Basis.HELD),
        exemptions=tuple(h.code for h in known if h.basis == Basis.EXEMPTION),
        outcomes=tuple(h.code for h in known if h.basis == Basis.OUTCOME),
        elective_hours=record.elective_hours,
    )
    return resolve_credit(catalog, holdings)


def unit_completion(catalog: Catalog, code: str, record: Record) -> UnitCompletion:
    """Whether unit `code` is complete for `record`, outcome by outcome (module rules)."""
    return Grounds(catalog, record).unit(code)


@dataclass(frozen=True, slots=True)
class CertificateTarget:
    code: str  # a catalog certificate's code, or the code of a unit carrying a certificate
    name: str
    level: int | None
    units: tuple[str, ...]  # covered whole
    outcomes: tuple[str, ...]  # covered one by one


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
    units: tuple[UnitCompletion, ...]
    outcomes: tuple[ItemStatus, ...]
    held: bool  # the learner already holds this certificate as such

    @property
    def complete(self) -> bool:
        return all(u.complete for u in self.units) and all(o.met for o in self.outcomes)

    @property
    def issuable(self) -> bool:
        return self.complete and not self.held

    @property
    def started(self) -> bool:
        """Some part is done: worth showing on the exam board's page."""
        parts = [
            *(g for u in self.units for o in u.outcomes for g in o.grounds),
            *(g for o in self.outcomes for g in o.grounds),
        ]
        return bool(parts) or any(u.whole for u in self.units)

    @property
    def missing(self) -> tuple[str, ...]:
        return (
            *(m for u in self.units for m in u.missing),
            *(o.code for o in self.outcomes if not o.met),
        )


def certificate_checks(catalog: Catalog, record: Record) -> list[CertificateCheck]:
    grounds = Grounds(catalog, record)
    held = {h.code for h in record.holdings if h.basis == Basis.HELD}
    return [
        CertificateCheck(
            target,
            tuple(grounds.unit(u) for u in target.units),
            tuple(grounds.outcome(o) for o in target.outcomes),
            target.code in held,
        )
        for target in certificate_targets(catalog)
    ]


def certificate_check(catalog: Catalog, code: str, record: Record) -> CertificateCheck:
    for check in certificate_checks(catalog, record):
        if check.target.code == code:
            return check
    raise NotIssuable(f"{code} is not a certificate or a unit that carries one")


@dataclass(frozen=True, slots=True)
class DiplomaCheck:
    crebo: str
    name: str
    level: int
    units: tuple[UnitCompletion, ...]
    generic: tuple[UnitCompletion, ...]
    elective_required: float
    elective_done: float

    @property
    def complete(self) -> bool:
        return (
            all(u.complete for u in (*self.units, *self.generic))
            and self.elective_done >= self.elective_required
        )

    @property
    def missing(self) -> tuple[str, ...]:
        missing = [u.code for u in (*self.units, *self.generic) if not u.complete]
        if self.elective_done < self.elective_required:
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
    """Whether the diploma of qualification `crebo` is complete for `record`."""
    qualification = catalog.qualifications.get(crebo)
    if qualification is None:
        raise NotIssuable(f"{crebo} is not a qualification")
    grounds = Grounds(catalog, record)
    return DiplomaCheck(
        crebo,
        qualification.name,
        qualification.level,
        tuple(grounds.unit(u) for u in qualification.units),
        tuple(grounds.unit(g) for g in qualification.generic.unit_codes()),
        qualification.elective_hours,
        grounds.credit.elective_hours,
    )


def complete_units(catalog: Catalog, record: Record, codes: Iterable[str]) -> frozenset[str]:
    grounds = Grounds(catalog, record)
    return frozenset(c for c in codes if grounds.unit(c).complete)


def completion_by_unit(
    catalog: Catalog, record: Record, codes: Iterable[str]
) -> Mapping[str, UnitCompletion]:
    grounds = Grounds(catalog, record)
    return {c: grounds.unit(c) for c in codes}
