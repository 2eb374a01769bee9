"""Judging a portfolio outcome by outcome, and what the judgements recognise.

EVC asks the candidate to be "consciously competent" on all outcomes of a unit before the
unit is recognised (DOMAIN.md, glossary: EVC). Outcomes met in a unit that is not wholly
met are still recognised one by one: the exam board may exempt them, which shortens the
unit in the route (a partial unit).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from opmaat.domain.catalog import Catalog, CodeKind
from opmaat.domain.errors import InvalidInput


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
    """The standard (a qualification) and the units of it the candidate seeks recognition
    for; outcomes in scope are all outcomes of those units."""

    standard: str
    units: tuple[str, ...]

    def outcomes(self, catalog: Catalog) -> tuple[str, ...]:
        return tuple(o.code for u in self.units for o in catalog.units[u].outcomes)


def check_scope(catalog: Catalog, standard: str, units: Sequence[str]) -> Scope:
    """The scope with codes resolved (all units with outcomes when none are chosen);
    InvalidInput when the standard is not a qualification, or a unit is not one of its
    units or has no outcomes to judge (a qualification whose structure is unknown)."""
    crebo = catalog.resolve(standard)
    qualification = catalog.qualifications.get(crebo)
    if qualification is None:
        raise InvalidInput(f"{crebo} is not a qualification: EVC is judged against one")
    assessable = [
        u for u in qualification.units if u in catalog.units and catalog.units[u].outcomes
    ]
    chosen = [catalog.resolve(u) for u in units] or assessable
    strangers = [u for u in chosen if u not in qualification.units]
    if strangers:
        raise InvalidInput(f"{', '.join(strangers)} is not a unit of {crebo} {qualification.name}")
    blank = [u for u in chosen if u not in assessable]
    if blank:
        raise InvalidInput(f"{', '.join(blank)} has no learning outcomes to judge")
    if not chosen:
        raise InvalidInput(f"{crebo} {qualification.name} has no units with outcomes to judge")
    return Scope(crebo, tuple(u for u in qualification.units if u in chosen))


def check_outcomes(catalog: Catalog, scope: Scope, codes: Sequence[str]) -> tuple[str, ...]:
    """`codes` resolved, each an outcome in scope; InvalidInput naming the first that is not."""
    in_scope = set(scope.outcomes(catalog))
    resolved = []
    for code in codes:
        canonical = catalog.resolve(code)
        if catalog.kind_of(canonical) != CodeKind.OUTCOME or canonical not in in_scope:
            raise InvalidInput(f"{canonical} is not a learning outcome in this procedure's scope")
        resolved.append(canonical)
    return tuple(dict.fromkeys(resolved))


@dataclass(frozen=True, slots=True)
class Recognition:
    """What the judgements recognise: units wholly met, and outcomes met in other units."""

    units: tuple[str, ...]
    outcomes: tuple[str, ...]  # met outcomes of units not wholly met
    not_met: tuple[str, ...]
    unjudged: tuple[str, ...]  # in scope, no judgement or more evidence asked

    @property
    def complete(self) -> bool:
        return not self.unjudged


def recognise(catalog: Catalog, scope: Scope, latest: Mapping[str, Judgement]) -> Recognition:
    """What the latest judgement per outcome (`latest`) recognises within `scope`.

    1. A unit is recognised when every one of its outcomes is judged met.
    2. Met outcomes of the other units are recognised one by one.
    3. Outcomes without a judgement, or waiting for more evidence, are listed as unjudged.
    """
    units: list[str] = []
    outcomes: list[str] = []
    not_met: list[str] = []
    unjudged: list[str] = []
    for code in scope.units:
        codes = [o.code for o in catalog.units[code].outcomes]
        met = [o for o in codes if latest.get(o) == Judgement.MET]
        if codes and len(met) == len(codes):
            units.append(code)
        else:
            outcomes.extend(met)
        not_met.extend(o for o in codes if latest.get(o) == Judgement.NOT_MET)
        unjudged.extend(o for o in codes if latest.get(o) in (None, Judgement.MORE_EVIDENCE))
    return Recognition(tuple(units), tuple(outcomes), tuple(not_met), tuple(unjudged))
