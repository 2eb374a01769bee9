"""Judging a portfolio werkproces by werkproces, and what the judgements recognise.

An EVC procedure is judged against a qualification (the standard): its scope is units of
the standard's default cut, a school's exam units or the dossier's kerntaken, each a set
of werkprocessen. The candidate has to be "consciously competent" on every werkproces of a
unit before the unit is recognised (DOMAIN.md, glossary: EVC). Werkprocessen met in a unit
that is not wholly met are still recognised one by one: the exam board may exempt them,
which shortens that unit in the route (a partial unit).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from opmaat.domain.catalog import Catalog, CodeKind, Qualification
from opmaat.domain.recognition.errors import (
    NotAQualification,
    NotInScope,
    NotInStandard,
    SupersededStandard,
)


class Judgement(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    MORE_EVIDENCE = "more_evidence"


class EvidenceKind(StrEnum):
    """The kinds of evidence (bewijsstukken) a portfolio holds."""

    EMPLOYER_STATEMENT = "employer_statement"  # werkgeversverklaring
    DIPLOMA = "diploma"  # diploma or certificate
    WORK_SAMPLE = "work_sample"  # werkproduct, e.g. an ondersteuningsplan written
    OBSERVATION = "observation"  # observatieverslag
    FEEDBACK_360 = "feedback_360"  # 360-gradenfeedback
    REFLECTION = "reflection"  # reflectieverslag


class SessionKind(StrEnum):
    INTERVIEW = "interview"  # criteriumgericht interview
    PRACTICAL = "practical"  # praktijkassessment


@dataclass(frozen=True, slots=True)
class Scope:
    """The standard (a qualification) and the units of its default cut the candidate seeks
    recognition for; the werkprocessen in scope are those of these units."""

    standard: str
    units: tuple[str, ...]

    def werkprocessen(self, catalog: Catalog) -> tuple[str, ...]:
        """The werkprocessen in scope, in unit order, each once (two exam units may examine
        the same werkproces)."""
        return tuple(dict.fromkeys(w for u in self.units for w in unit_werkprocessen(catalog, u)))


def unit_werkprocessen(catalog: Catalog, unit: str) -> tuple[str, ...]:
    """The werkprocessen of `unit`: its own (a kerntaak) or those it refers to (an exam
    unit); none for a code the catalog does not describe."""
    found = catalog.units.get(unit)
    return tuple(o.code for o in found.outcomes) if found else ()


def assessable_units(catalog: Catalog, qualification: Qualification) -> tuple[str, ...]:
    """The units of the default cut that have werkprocessen to judge."""
    return tuple(u for u in qualification.units if unit_werkprocessen(catalog, u))


def check_scope(catalog: Catalog, standard: str, units: Sequence[str]) -> Scope:
    """The scope with codes resolved (every assessable unit when none are chosen), or
    InvalidInput when:

    - the standard is not a qualification, or is superseded (EVC judges against the
      current dossier; the old one still counts through the equivalence table);
    - a unit is not one of the standard's default cut;
    - a unit has no werkprocessen to judge (a qualification whose structure is unknown).
    """
    crebo = catalog.resolve(standard)
    qualification = catalog.qualifications.get(crebo)
    if qualification is None:
        raise NotAQualification(crebo)
    if qualification.superseded:
        raise SupersededStandard(crebo, qualification.name, qualification.superseded_by)
    assessable = assessable_units(catalog, qualification)
    chosen = [catalog.resolve(u) for u in units] or list(assessable)
    strangers = [u for u in chosen if u not in qualification.units]
    if strangers:
        raise NotInStandard("stranger", crebo, qualification.name, strangers)
    blank = [u for u in chosen if u not in assessable]
    if blank:
        raise NotInStandard("blank", crebo, qualification.name, blank)
    if not chosen:
        raise NotInStandard("empty", crebo, qualification.name)
    return Scope(crebo, tuple(u for u in qualification.units if u in chosen))


def check_werkprocessen(catalog: Catalog, scope: Scope, codes: Sequence[str]) -> tuple[str, ...]:
    """`codes` resolved, each a werkproces in scope; InvalidInput naming the first that is
    not."""
    in_scope = set(scope.werkprocessen(catalog))
    resolved = []
    for code in codes:
        canonical = catalog.resolve(code)
        if catalog.kind_of(canonical) != CodeKind.OUTCOME or canonical not in in_scope:
            raise NotInScope(canonical)
        resolved.append(canonical)
    return tuple(dict.fromkeys(resolved))


@dataclass(frozen=True, slots=True)
class Recognition:
    """What the judgements recognise: units wholly met, and werkprocessen met in others."""

    units: tuple[str, ...]
    outcomes: tuple[str, ...]  # met werkprocessen outside the units recognised whole
    not_met: tuple[str, ...]
    unjudged: tuple[str, ...]  # in scope, no judgement or more evidence asked
    werkprocessen: tuple[str, ...] = ()  # every werkproces recognised, in scope order

    @property
    def complete(self) -> bool:
        return not self.unjudged


def recognise(catalog: Catalog, scope: Scope, latest: Mapping[str, Judgement]) -> Recognition:
    """What the latest judgement per werkproces (`latest`) recognises within `scope`.

    1. A unit is recognised when every one of its werkprocessen is judged met.
    2. Met werkprocessen outside the recognised units are recognised one by one.
    3. Werkprocessen without a judgement, or waiting for more evidence, are unjudged.
    """
    in_scope = scope.werkprocessen(catalog)
    met = [w for w in in_scope if latest.get(w) == Judgement.MET]
    units = tuple(u for u in scope.units if wholly_met(unit_werkprocessen(catalog, u), latest))
    in_units = {w for u in units for w in unit_werkprocessen(catalog, u)}
    return Recognition(
        units=units,
        outcomes=tuple(w for w in met if w not in in_units),
        not_met=tuple(w for w in in_scope if latest.get(w) == Judgement.NOT_MET),
        unjudged=tuple(w for w in in_scope if latest.get(w) in (None, Judgement.MORE_EVIDENCE)),
        werkprocessen=tuple(met),
    )


def wholly_met(werkprocessen: Sequence[str], latest: Mapping[str, Judgement]) -> bool:
    return bool(werkprocessen) and all(latest.get(w) == Judgement.MET for w in werkprocessen)
