"""Catalog values and the `Catalog` index over them.

A unit (leereenheid) is a kerntaak with its werkprocessen as learning outcomes; a
basisdeel kerntaak is one unit shared by every qualification of its dossier. Generic
subjects (Nederlands, rekenen, Engels, loopbaan en burgerschap) are units of kind
`generic`. Codes are matched case-insensitively and stored upper-case.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from opmaat.domain.errors import UnknownCode


class UnitKind(StrEnum):
    VOCATIONAL = "vocational"
    ELECTIVE = "elective"  # keuzedeel
    GENERIC = "generic"  # generiek vak: Nederlands, rekenen, Engels, loopbaan en burgerschap


class EmployerEffect(StrEnum):
    """What a unit means in an employer's job structure (functiehuis)."""

    DEEPENING = "deepening"  # verdiepend: earns a pay step in the same function
    HEAVIER = "heavier"  # verzwarend: leads to a (temporary) heavier function


class HoursSource(StrEnum):
    ESTIMATE = "estimate"  # computed by opmaat's documented estimating rule
    SCHOOL = "school"  # overridden by a school
    SOURCE = "source"  # stated by a public source


class Pathway(StrEnum):
    BOL = "BOL"
    BBL = "BBL"


class CodeKind(StrEnum):
    QUALIFICATION = "qualification"
    UNIT = "unit"
    OUTCOME = "outcome"
    CERTIFICATE = "certificate"
    EQUIVALENCE = "equivalence"  # a prior diploma known only through the equivalence table


def normalise_code(code: str) -> str:
    return code.strip().upper()


@dataclass(frozen=True, slots=True)
class Outcome:
    """A learning outcome (leerresultaat, here a werkproces)."""

    code: str
    title: str
    hours: float | None = None  # None: an equal share of what the unit's explicit hours leave


@dataclass(frozen=True, slots=True)
class Unit:
    code: str
    title: str
    level: int
    hours: float
    kind: UnitKind = UnitKind.VOCATIONAL
    outcomes: tuple[Outcome, ...] = ()
    hours_source: HoursSource = HoursSource.ESTIMATE
    hours_rule: str = ""
    carries_certificate: bool = False
    employer_effect: EmployerEffect | None = None
    version: str = ""
    provisional: bool = False
    confidence: str = ""
    sources: tuple[str, ...] = ()

    def outcome_hours(self) -> dict[str, float]:
        """Hours per outcome: explicit ones as given, the rest share what is left equally."""
        explicit = {o.code: o.hours for o in self.outcomes if o.hours is not None}
        implicit = [o.code for o in self.outcomes if o.hours is None]
        left = max(self.hours - sum(explicit.values()), 0.0)
        share = left / len(implicit) if implicit else 0.0
        return {o.code: explicit.get(o.code, share) for o in self.outcomes}


@dataclass(frozen=True, slots=True)
class GenericRequirements:
    """The generic subjects a diploma needs, by level (2F/3F, Engels at level 4)."""

    nederlands: str | None = None  # "2F" or "3F"
    rekenen: str | None = None
    engels: str | None = None  # "B1/A2": reading and listening B1; writing and speaking A2
    loopbaan_burgerschap: bool = False

    def unit_codes(self) -> tuple[str, ...]:
        """The generic units (kind `generic`) that satisfy these requirements."""
        codes = []
        if self.nederlands:
            codes.append(f"NL-{self.nederlands}")
        if self.rekenen:
            codes.append(f"REK-{self.rekenen}")
        if self.engels:
            codes.append("EN-" + self.engels.split("/")[0])
        if self.loopbaan_burgerschap:
            codes.append("LB")
        return tuple(normalise_code(c) for c in codes)


@dataclass(frozen=True, slots=True)
class Qualification:
    crebo: str
    name: str
    level: int
    nominal_years: float
    units: tuple[str, ...]  # vocational unit codes, basisdeel first
    generic: GenericRequirements = field(default_factory=GenericRequirements)
    elective_hours: float = 0.0
    pathways: tuple[Pathway, ...] = (Pathway.BOL, Pathway.BBL)
    version: str = ""
    valid_from: date | None = None
    dossier_crebo: str | None = None
    dossier_name: str = ""
    provisional: bool = False
    confidence: str = ""
    sources: tuple[str, ...] = ()
    notes: str = ""

    @property
    def code(self) -> str:
        return self.crebo


@dataclass(frozen=True, slots=True)
class Certificate:
    """A nationally recognised mbo-certificate covering whole units or single outcomes."""

    code: str
    name: str
    covers: tuple[str, ...]  # unit or outcome codes
    level: int | None = None
    parent_crebo: str | None = None
    provisional: bool = False
    confidence: str = ""
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Prerequisite:
    """`unit` may only be started once `requires` is complete (e.g. reserved medical acts)."""

    unit: str
    requires: str
    reason: str = ""
    source: str = ""


@dataclass(frozen=True, slots=True)
class Equivalence:
    """Holding `source` (an old unit version, a prior diploma, a certificate) counts for units
    or outcomes of the current catalog."""

    source: str
    counts_for: tuple[str, ...]
    note: str = ""
    provisional: bool = False
    source_name: str = ""  # a readable name when `source` is not itself in the catalog


class Catalog:
    """The catalog as one immutable index: lookups by code, shared units, prerequisites."""

    def __init__(
        self,
        qualifications: Iterable[Qualification] = (),
        units: Iterable[Unit] = (),
        certificates: Iterable[Certificate] = (),
        prerequisites: Iterable[Prerequisite] = (),
        equivalences: Iterable[Equivalence] = (),
        meta: Mapping[str, str] | None = None,
    ) -> None:
        self.qualifications: dict[str, Qualification] = {q.crebo: q for q in qualifications}
        self.units: dict[str, Unit] = {u.code: u for u in units}
        self.certificates: dict[str, Certificate] = {c.code: c for c in certificates}
        self.prerequisites: tuple[Prerequisite, ...] = tuple(prerequisites)
        self.equivalences: tuple[Equivalence, ...] = tuple(equivalences)
        self.meta: dict[str, str] = dict(meta or {})
        self.outcome_unit: dict[str, str] = {
            o.code: u.code for u in self.units.values() for o in u.outcomes
        }
        self._requires: dict[str, tuple[str, ...]] = {}
        for p in self.prerequisites:
            self._requires[p.unit] = (*self._requires.get(p.unit, ()), p.requires)
        self._equivalent: dict[str, tuple[str, ...]] = {}
        for e in self.equivalences:
            self._equivalent[e.source] = (*self._equivalent.get(e.source, ()), *e.counts_for)

    def kind_of(self, code: str) -> CodeKind | None:
        if code in self.qualifications:
            return CodeKind.QUALIFICATION
        if code in self.units:
            return CodeKind.UNIT
        if code in self.outcome_unit:
            return CodeKind.OUTCOME
        if code in self.certificates:
            return CodeKind.CERTIFICATE
        if code in self._equivalent:
            return CodeKind.EQUIVALENCE
        return None

    def all_codes(self) -> list[str]:
        return [
            *self.qualifications,
            *self.units,
            *self.outcome_unit,
            *self.certificates,
            *(e for e in self._equivalent if e not in self.qualifications),
        ]

    def resolve(self, code: str) -> str:
        """The catalog's spelling of `code`, or UnknownCode naming the closest known codes."""
        canonical = normalise_code(code)
        if self.kind_of(canonical) is None:
            raise UnknownCode.among(code, self.all_codes())
        return canonical

    def requires(self, unit_code: str) -> tuple[str, ...]:
        """The units that must be complete before `unit_code` may start."""
        return self._requires.get(unit_code, ())

    def equivalent_to(self, code: str) -> tuple[str, ...]:
        """The codes that holding `code` counts for through the equivalence table."""
        return self._equivalent.get(code, ())

    def qualifications_with_unit(self, unit_code: str) -> list[Qualification]:
        return [q for q in self.qualifications.values() if unit_code in q.units]

    def name_of(self, code: str) -> str:
        if code in self.qualifications:
            return self.qualifications[code].name
        if code in self.units:
            return self.units[code].title
        if code in self.certificates:
            return self.certificates[code].name
        if code in self.outcome_unit:
            unit = self.units[self.outcome_unit[code]]
            return next(o.title for o in unit.outcomes if o.code == code)
        names = [e.source_name for e in self.equivalences if e.source == code and e.source_name]
        return names[0] if names else code
