"""Catalog values: qualifications, units (leereenheden), werkprocessen, certificates, rules.

The grain of credit is the werkproces (stored as an `Outcome`, a leerresultaat). A unit is
a named set of werkprocessen with its hours: a kerntaak of a dossier *defines* its
werkprocessen (`outcomes`); an exam unit, leereenheid or certificate unit *refers* to
werkprocessen defined elsewhere (`werkprocessen`). A qualification is its units (the default
cut, basisdeel first) and may have other published cuts (`cuts`) over the same
werkprocessen. Generic subjects (Nederlands, rekenen, Engels, loopbaan en burgerschap) are
units of kind `generic`. Codes are matched case-insensitively and stored upper-case.

`opmaat.domain.catalog.index.Catalog` indexes these values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from opmaat.domain.leerweg import FUNDED, Leerweg


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


class Admission(StrEnum):
    """Who may start a qualification, beyond a school's own intake."""

    OPEN = "open"
    # Entree: only for someone who does not meet the entry requirements of a level-2
    # programme (WEB art. 8.1.1b, referring to art. 8.2.1 lid 4).
    WITHOUT_LEVEL_2_ENTRY = "without_level_2_entry"
    # Specialistenopleiding: only with a level-3 diploma (vakopleiding) for the same
    # profession or category of professions (WEB art. 8.2.1 lid 2).
    LEVEL_3_IN_FIELD = "level_3_in_field"


class CodeKind(StrEnum):
    QUALIFICATION = "qualification"
    UNIT = "unit"
    OUTCOME = "outcome"  # a werkproces
    CERTIFICATE = "certificate"
    PRIOR_EDUCATION = "prior_education"  # vooropleiding: havo, vwo, an mbo-4 diploma …
    EQUIVALENCE = "equivalence"  # a code known only through the equivalence table


def normalise_code(code: str) -> str:
    return code.strip().upper()


@dataclass(frozen=True, slots=True)
class Outcome:
    """A werkproces (leerresultaat): the smallest thing credited, examined and planned."""

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
    # The werkprocessen of another unit this one is made of (an exam unit, a leereenheid);
    # the catalog resolves them into `outcomes`. Empty for a unit that defines its own.
    werkprocessen: tuple[str, ...] = ()
    # Loopbaan en burgerschap: an obligation that runs alongside the route; `hours` is then
    # the hours per study year, not a course to finish.
    obligation: bool = False
    # A generic subject taken as an exam only by someone who already masters it: the hours of
    # the exam and its preparation.
    exam_hours: float | None = None

    def outcome_hours(self) -> dict[str, float]:
        """Hours per outcome: explicit ones as given, the rest share what is left equally."""
        explicit = {o.code: o.hours for o in self.outcomes if o.hours is not None}
        implicit = [o.code for o in self.outcomes if o.hours is None]
        left = max(self.hours - sum(explicit.values()), 0.0)
        share = left / len(implicit) if implicit else 0.0
        return {o.code: explicit.get(o.code, share) for o in self.outcomes}

    @property
    def refers(self) -> bool:
        """Made of werkprocessen defined by other units."""
        return bool(self.werkprocessen)


@dataclass(frozen=True, slots=True)
class GenericRequirements:
    """The generic subjects a diploma needs, by level.

    Nederlands by reference level (2F, 3F); rekenen as mbo-rekenniveau 2, 3 or 4 since
    2022-08-01 (`"2"`…`"4"`; `"2F"`/`"3F"` for the older qualifications, `"1F"` for Entree);
    Engels at level 4 (reading and listening B1; writing and speaking A2); loopbaan en
    burgerschap as an obligation.
    """

    nederlands: str | None = None
    rekenen: str | None = None
    engels: str | None = None  # "B1/A2"
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
class Cut:
    """A published division of a qualification's werkprocessen into units (a school's exam
    units, one exam per werkproces, the dossier's kerntaken)."""

    name: str
    units: tuple[str, ...]
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Qualification:
    crebo: str
    name: str
    level: int
    nominal_years: float
    units: tuple[str, ...]  # the default cut: vocational (and elective) unit codes, basisdeel first
    generic: GenericRequirements = field(default_factory=GenericRequirements)
    elective_hours: float = 0.0
    pathways: tuple[Leerweg, ...] = FUNDED
    version: str = ""
    valid_from: date | None = None
    dossier_crebo: str | None = None
    dossier_name: str = ""
    provisional: bool = False
    confidence: str = ""
    sources: tuple[str, ...] = ()
    notes: str = ""
    cuts: tuple[Cut, ...] = ()  # other published cuts over the same werkprocessen
    superseded_by: tuple[str, ...] = ()  # successors; a superseded one is no target to offer
    valid_until: date | None = None
    # The keuzedeel obligation of a shortened route, where a school's OER lowers it, and
    # where that rule comes from.
    elective_hours_shortened: float | None = None
    elective_rule: str = ""
    admission: Admission = Admission.OPEN
    admission_note: str = ""

    @property
    def code(self) -> str:
        return self.crebo

    @property
    def superseded(self) -> bool:
        return bool(self.superseded_by)

    def cut(self, name: str | None) -> tuple[str, ...]:
        """The units of the cut called `name` (None or "": the default cut)."""
        if not name:
            return self.units
        for cut in self.cuts:
            if cut.name.casefold() == name.casefold():
                return cut.units
        raise KeyError(name)


@dataclass(frozen=True, slots=True)
class Certificate:
    """A nationally recognised mbo-certificate: a set of werkprocessen of a qualification
    (its own werkprocessen map onto them), or whole units."""

    code: str
    name: str
    covers: tuple[str, ...]  # unit or outcome (werkproces) codes
    level: int | None = None
    parent_crebo: str | None = None
    provisional: bool = False
    confidence: str = ""
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PriorEducation:
    """A prior diploma outside this catalog (vooropleiding: vmbo, havo, vwo, an mbo or hbo
    diploma of another field), known for what it admits to and, through the equivalence
    table, what it exempts."""

    code: str
    name: str
    admits_level: int  # the highest mbo level it gives admission to (WEB art. 8.2.1): 2 or 4
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Prerequisite:
    """`unit` may only be started once `requires` is complete (reserved medical acts after
    basic care). Either may be a unit or a werkproces; the planner lifts the rule onto the
    units of the cut it plans with."""

    unit: str
    requires: str
    reason: str = ""
    source: str = ""


@dataclass(frozen=True, slots=True)
class Equivalence:
    """Holding `source` (an older dossier's werkproces, a prior diploma, a certificate, a
    retired code) counts for werkprocessen or units of the current catalog."""

    source: str
    counts_for: tuple[str, ...]
    note: str = ""
    provisional: bool = False
    source_name: str = ""  # a readable name when `source` is not itself in the catalog
    sources: tuple[str, ...] = ()  # where the rule comes from
    confidence: str = ""
