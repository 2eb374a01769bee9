"""What each werkproces and unit of a learner's record rests on: results "met" and
holdings, resolved through `opmaat.domain.routes.resolve_credit` (equivalences included).
The rules of completion are in `opmaat.domain.credentials.completion`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from opmaat.domain.catalog import Catalog, CodeKind
from opmaat.domain.credentials.document import PartResult
from opmaat.domain.errors import UnknownCode
from opmaat.domain.routes import Credit, Holdings, resolve_credit


class Basis(StrEnum):
    RESULT = "result"  # a summative result "met" recorded here
    HELD = "held"  # a diploma, certificate or unit held (also one issued here)
    EXEMPTION = "exemption"  # vrijstelling
    OUTCOME = "outcome"  # a werkproces recognised before (EVC)


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
    """A summative result "met" for a werkproces or a generic subject."""

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
    """One reason a unit or werkproces counts as done."""

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
    """A werkproces and the grounds that credit it, results first (oldest first)."""

    code: str
    title: str
    grounds: tuple[Ground, ...]

    @property
    def met(self) -> bool:
        return bool(self.grounds)

    @property
    def on(self) -> date | None:
        """The date of the first ground, when that is a result."""
        return self.grounds[0].on if self.grounds else None


@dataclass(frozen=True, slots=True)
class UnitCompletion:
    code: str
    title: str
    outcomes: tuple[ItemStatus, ...]  # the unit's werkprocessen
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
        """The date of the result that completed the unit, when results did: its own first
        result when credited whole (a generic subject), else the last of its werkprocessen."""
        if not self.complete:
            return None
        if self.whole:
            return self.whole[0].on
        return latest(o.on for o in self.outcomes)

    def part(self) -> PartResult:
        """What the unit rests on, for a diploma: one ground, or a summary per werkproces;
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


def latest(days: Iterable[date | None]) -> date | None:
    known = [d for d in days if d is not None]
    return max(known) if known else None


class Grounds:
    """Per unit and werkproces code the grounds that credit it, computed once per record."""

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
        outcomes = tuple(self.outcome(o.code) for o in (unit.outcomes if unit else ()))
        return UnitCompletion(code, title, outcomes, tuple(self.units.get(code, ())))

    def outcome(self, code: str) -> ItemStatus:
        return ItemStatus(code, self.catalog.name_of(code), tuple(self.outcomes.get(code, ())))

    def done(self, code: str) -> bool:
        """Whether the werkproces or unit `code` is met or complete."""
        if code in self.catalog.outcome_unit:
            return code in self.outcomes
        return self.unit(code).complete

    def done_on(self, code: str) -> date | None:
        """When the werkproces or unit `code` was completed by a result, if it was."""
        if code in self.catalog.outcome_unit:
            return self.outcome(code).on
        return self.unit(code).completed_on

    def electives_for(self, level: int | None) -> float:
        """Keuzedeel hours done that count towards a diploma at `level`."""
        return self.credit.electives_for(level)


def credit_of(catalog: Catalog, code: str, basis: Basis) -> Credit | None:
    """What one holding or result counts for; None for a code the catalog no longer knows."""
    try:
        return resolve_credit(catalog, holdings_of(catalog, ((code, basis),)))
    except UnknownCode:
        return None


def holdings_of(
    catalog: Catalog, facts: Iterable[tuple[str, Basis]], elective_hours: float = 0.0
) -> Holdings:
    """Codes with their basis as `Holdings`: werkprocessen as outcomes, exemptions as such,
    the rest (results for a generic subject, codes held) as codes."""
    codes, exemptions, outcomes = [], [], []
    for code, basis in facts:
        if catalog.kind_of(code) == CodeKind.OUTCOME:
            outcomes.append(code)
        elif basis == Basis.EXEMPTION:
            exemptions.append(code)
        else:
            codes.append(code)
    return Holdings(tuple(codes), tuple(exemptions), tuple(outcomes), elective_hours)


def total_credit(catalog: Catalog, record: Record) -> Credit:
    """Everything the record counts for, results included (a result "met" for an elective
    unit counts its hours)."""
    facts = [
        *((h.code, h.basis) for h in record.holdings),
        *((r.code, Basis.RESULT) for r in record.met),
    ]
    known = [(code, basis) for code, basis in facts if catalog.kind_of(code) is not None]
    return resolve_credit(catalog, holdings_of(catalog, known, record.elective_hours))


def unit_completion(catalog: Catalog, code: str, record: Record) -> UnitCompletion:
    """Whether unit `code` is complete for `record`, werkproces by werkproces (module rules)."""
    return Grounds(catalog, record).unit(code)
