"""The pre-scan (vrijstellingsscan): before committing, which units someone is likely to be
exempted from, and how long the rest would take.

Every estimate is explainable: `certain` names the diploma, certificate or equivalence rule
that covers the unit; the other three name the answers and the rule (prescan_rules) that
decided. Nothing here is learned or weighted: the catalog editor maintains the rules.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from opmaat.domain.catalog import Catalog, Equivalence
from opmaat.domain.catalog.model import normalise_code
from opmaat.domain.errors import InvalidInput, closest_codes
from opmaat.domain.recognition.prescan_explain import Basis, explain_coverage
from opmaat.domain.recognition.prescan_rules import (
    CAN_DO_ORDER,
    DEFAULT_RULES,
    CanDo,
    Estimate,
    InvalidAnswer,
    InvalidPrescanRule,
    PrescanRules,
    UnitRule,
    parse_can_do,
)
from opmaat.domain.routes import Credit, Holdings, TargetInfo, find_gap, resolve_credit, target_of
from opmaat.domain.routes.documents import target_document
from opmaat.domain.routes.gap import unit_gap
from opmaat.domain.routes.target import Requirements

__all__ = [
    "CAN_DO_ORDER",
    "DEFAULT_RULES",
    "Basis",
    "CanDo",
    "Estimate",
    "InvalidAnswer",
    "InvalidPrescanRule",
    "OutcomeNotInTarget",
    "PrescanResult",
    "PrescanRules",
    "UnitEstimate",
    "UnitRule",
    "parse_can_do",
    "prescan_document",
    "run_prescan",
]


class OutcomeNotInTarget(InvalidInput):
    """An answer about an outcome that the target does not ask for."""

    code = "outcome_not_in_target"

    def __init__(self, outcome: str, target: str, closest: Sequence[str]) -> None:
        self.outcome = outcome
        self.target = target
        self.closest = tuple(closest)
        hint = f"; closest: {', '.join(self.closest)}" if self.closest else ""
        self.detail = f"unknown outcome of {target}{hint}"
        super().__init__(f"{outcome}: {self.detail}")


@dataclass(frozen=True, slots=True)
class UnitEstimate:
    """One unit of the target: the estimate, the rule that decided it, and its evidence."""

    code: str
    title: str
    hours: float
    estimate: Estimate
    reason: str  # a Dutch sentence naming the rule
    basis: Basis
    counted: tuple[str, ...] = ()  # the outcomes that counted for the estimate
    met: tuple[str, ...] = ()  # of those, the ones held or answered at the bar or above
    answers: tuple[tuple[str, CanDo], ...] = ()  # the answers given for this unit's outcomes
    via: tuple[str, ...] = ()  # held codes that cover the unit (certain only)
    equivalences: tuple[Equivalence, ...] = ()  # equivalence rules used (certain only)
    provisional: bool = False


@dataclass(frozen=True, slots=True)
class PrescanResult:
    """The estimates per unit and the route length they lead to.

    Hours are study hours of the route planner (vocational units with their missing
    prerequisites, generic subjects, missing elective hours):
    - `full_hours`: the whole programme, nothing held;
    - `remaining_hours`: after the certain exemptions, assuming the likely ones are granted
      through EVC (the expected case);
    - `remaining_hours_pessimistic`: after the certain exemptions only.
    """

    target: TargetInfo
    have: tuple[str, ...]
    units: tuple[UnitEstimate, ...]  # the target's order
    full_hours: float
    remaining_hours: float
    remaining_hours_pessimistic: float
    generic_missing: tuple[str, ...]
    elective_hours_missing: float

    @property
    def provisional(self) -> bool:
        return self.target.provisional or any(u.provisional for u in self.units)

    def count(self, estimate: Estimate) -> int:
        return sum(1 for u in self.units if u.estimate == estimate)

    @staticmethod
    def weeks(hours: float, hours_per_week: float) -> int:
        """Whole weeks needed for `hours` at `hours_per_week`."""
        if hours_per_week <= 0:
            raise InvalidInput(f"hours per week must be more than 0, got {hours_per_week:g}")
        return math.ceil(round(hours / hours_per_week, 6))


def run_prescan(
    catalog: Catalog,
    target: str,
    have: Sequence[str],
    answers: Mapping[str, CanDo],
    rules: PrescanRules = DEFAULT_RULES,
) -> PrescanResult:
    """Estimate per unit of `target` the chance of an exemption for someone who holds
    `have` and gives `answers` (outcome code → can-do statement).

    1. Resolve the target and the held codes (UnknownCode, NotATarget otherwise); check that
       every answer is about an outcome the target asks for (OutcomeNotInTarget).
    2. A unit whose required outcomes are all credited by what is held (directly, through a
       diploma's units or a certificate, or through the equivalence table) is `certain`.
    3. Otherwise the outcomes that count (the editor's rule, default all) are judged: an
       outcome credited by a held certificate, or answered at the rule's bar (default
       "on my own") or above, is met; unanswered counts as "never". All met: `likely`; at
       least the rule's share met (default half): `possible`; else `unlikely`.
    4. Route hours: nothing held, held codes only, and held codes plus the likely units.
    """
    info, requirements = target_of(catalog, target)
    held = tuple(dict.fromkeys(catalog.resolve(c) for c in have))
    given = checked_answers(info, requirements, answers)
    credit = resolve_credit(catalog, Holdings(codes=held))
    units = tuple(
        estimate_unit(catalog, code, required, held, credit, given, rules)
        for code, required in requirements.units
    )
    likely = tuple(u.code for u in units if u.estimate == Estimate.LIKELY)
    optimistic = resolve_credit(catalog, Holdings(codes=held, exemptions=likely))
    gap = find_gap(catalog, requirements, optimistic)
    return PrescanResult(
        target=info,
        have=held,
        units=units,
        full_hours=route_hours(catalog, requirements, resolve_credit(catalog, Holdings())),
        remaining_hours=route_hours(catalog, requirements, optimistic),
        remaining_hours_pessimistic=route_hours(catalog, requirements, credit),
        generic_missing=tuple(g.code for g in gap.generic),
        elective_hours_missing=gap.elective_hours,
    )


def checked_answers(
    info: TargetInfo, requirements: Requirements, answers: Mapping[str, CanDo]
) -> dict[str, CanDo]:
    """The answers by canonical outcome code; each must be an outcome the target asks for."""
    asked = [o for _, outcomes in requirements.units for o in outcomes]
    known = set(asked)
    given: dict[str, CanDo] = {}
    for code, answer in answers.items():
        canonical = normalise_code(code)
        if canonical not in known:
            raise OutcomeNotInTarget(code.strip(), info.code, closest_codes(code, asked))
        given[canonical] = answer
    return given


def estimate_unit(
    catalog: Catalog,
    code: str,
    required: tuple[str, ...],
    held: Sequence[str],
    credit: Credit,
    answers: Mapping[str, CanDo],
    rules: PrescanRules,
) -> UnitEstimate:
    unit = catalog.units[code]
    answered = tuple((o, answers[o]) for o in required if o in answers)
    if unit_gap(catalog, code, required, credit) is None:
        cover = explain_coverage(catalog, held, code, required)
        return UnitEstimate(
            code=code,
            title=unit.title,
            hours=unit.hours,
            estimate=Estimate.CERTAIN,
            reason=cover.reason,
            basis=cover.basis,
            counted=required,
            met=required,
            answers=answered,
            via=cover.via,
            equivalences=cover.equivalences,
            provisional=unit.provisional,
        )
    judged = judge_answers(code, required, credit, answers, rules)
    return UnitEstimate(
        code=code,
        title=unit.title,
        hours=unit.hours,
        estimate=judged.estimate,
        reason=judged.reason,
        basis=judged.basis,
        counted=judged.counted,
        met=judged.met,
        answers=answered,
        provisional=unit.provisional,
    )


@dataclass(frozen=True, slots=True)
class Judgement:
    estimate: Estimate
    basis: Basis
    reason: str
    counted: tuple[str, ...]
    met: tuple[str, ...]


def judge_answers(
    code: str,
    required: tuple[str, ...],
    credit: Credit,
    answers: Mapping[str, CanDo],
    rules: PrescanRules,
) -> Judgement:
    """Step 3 of `run_prescan` for a unit that is not covered."""
    rule = rules.for_unit(code)
    counted = counted_outcomes(required, rule)
    bar = rule.likely_at if rule and rule.likely_at else rules.likely_at
    share = rule.possible_share if rule and rule.possible_share else rules.possible_share
    basis = Basis.UNIT_RULE if rule is not None else Basis.DEFAULT_RULE
    met = tuple(
        o for o in counted if o in credit.outcomes or answers.get(o, CanDo.NEVER).rank >= bar.rank
    )
    if not counted:
        estimate = Estimate.UNLIKELY
    elif len(met) == len(counted):
        estimate = Estimate.LIKELY
    elif len(met) >= share * len(counted):
        estimate = Estimate.POSSIBLE
    else:
        estimate = Estimate.UNLIKELY
    reason = answers_reason(estimate, counted, met, bar, share) + " " + rule_phrase(code, rule)
    return Judgement(estimate, basis, reason, counted, met)


def counted_outcomes(required: tuple[str, ...], rule: UnitRule | None) -> tuple[str, ...]:
    """The required outcomes the rule names, or all of them when it names none of them."""
    if rule is None or not rule.counted:
        return required
    named = set(rule.counted)
    chosen = tuple(o for o in required if o in named)
    return chosen or required


def answers_reason(
    estimate: Estimate, counted: Sequence[str], met: Sequence[str], bar: CanDo, share: float
) -> str:
    n, m = len(counted), len(met)
    level = f"‘{bar.label}’ of hoger"
    missing = [o for o in counted if o not in met]
    if not counted:
        return (
            "Deze leereenheid heeft geen leerresultaten om te beantwoorden; zonder diploma of "
            "certificaat is een vrijstelling niet in te schatten."
        )
    if estimate == Estimate.LIKELY:
        return (
            f"Alle {n} leerresultaten die tellen: {level} (of al behaald). Met bewijs daarvan "
            "is vrijstelling via EVC waarschijnlijk: EVC vraagt bewust bekwaam op alle "
            "leerresultaten."
        )
    percent = f"{share * 100:.0f}%"
    if estimate == Estimate.POSSIBLE:
        return (
            f"{m} van de {n} leerresultaten die tellen: {level} (mogelijk vanaf {percent}); "
            f"nog niet: {', '.join(missing)}."
        )
    return (
        f"{m} van de {n} leerresultaten die tellen: {level}, minder dan {percent}; "
        f"nog niet: {', '.join(missing)}."
    )


def rule_phrase(code: str, rule: UnitRule | None) -> str:
    if rule is None:
        return "(Standaardregel.)"
    note = f": {rule.note}" if rule.note else ""
    return f"(Regel van de catalogusredactie voor {code}{note}.)"


def route_hours(catalog: Catalog, requirements: Requirements, credit: Credit) -> float:
    """The route planner's total for `credit`: missing and partial units with their missing
    prerequisites, generic subjects and elective hours."""
    gap = find_gap(catalog, requirements, credit)
    return sum(u.hours for u in gap.units) + sum(g.hours for g in gap.generic) + gap.elective_hours


def prescan_document(result: PrescanResult) -> dict[str, object]:
    """The document of `opmaat prescan --json` and `POST /api/prescan/` (docs/cli.md)."""
    return {
        "target": target_document(result.target),
        "have": list(result.have),
        "units": [unit_document(u) for u in result.units],
        "counts": {e.value: result.count(e) for e in Estimate},
        "full_hours": hours(result.full_hours),
        "remaining_hours": hours(result.remaining_hours),
        "remaining_hours_pessimistic": hours(result.remaining_hours_pessimistic),
        "generic_missing": list(result.generic_missing),
        "elective_hours_missing": hours(result.elective_hours_missing),
        "provisional": result.provisional,
    }


def unit_document(unit: UnitEstimate) -> dict[str, object]:
    return {
        "code": unit.code,
        "title": unit.title,
        "hours": hours(unit.hours),
        "estimate": unit.estimate.value,
        "reason": unit.reason,
        "basis": unit.basis.value,
        "via": list(unit.via),
        "equivalences": [
            {"source": e.source, "counts_for": list(e.counts_for), "note": e.note}
            for e in unit.equivalences
        ],
        "counted_outcomes": list(unit.counted),
        "met_outcomes": list(unit.met),
        "answers": {code: answer.value for code, answer in unit.answers},
        "provisional": unit.provisional,
    }


def hours(value: float) -> float:
    return round(value, 1)
