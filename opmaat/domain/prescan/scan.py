"""The pre-scan (vrijstellingsscan): before committing, which units someone is likely to be
exempted from, and how long the rest would take on their pathway.

The grain is the werkproces: each unit of the target's default cut (a school's exam units)
is judged on the werkprocessen it asks for. Every estimate is explainable: `certain` names
the diploma, certificate or equivalence rule that covers the unit; the other three name the
answers and the rule (prescan_rules) that decided. Nothing here is learned or weighted: the
catalog editor maintains the rules. The durations are the route planner's, for the person's
week (`StudyTime`), so the pre-scan and `opmaat route` never disagree.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from opmaat.domain.catalog import Catalog, Equivalence
from opmaat.domain.catalog.model import normalise_code
from opmaat.domain.errors import InvalidInput, closest_codes, shown_prefix
from opmaat.domain.prescan.explain import Basis, Named, explain_coverage
from opmaat.domain.prescan.rules import (
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
from opmaat.domain.routes import (
    OPEN,
    Credit,
    Holdings,
    Leerweg,
    Route,
    StudyTime,
    TargetInfo,
    Verdict,
    admission,
    resolve_credit,
    route_for_credit,
    study_time,
    target_of,
)
from opmaat.domain.routes.documents import target_document, time_document
from opmaat.domain.routes.explain import admission_facts, week_facts
from opmaat.domain.routes.gap import unit_gap
from opmaat.domain.routes.target import Requirements

__all__ = [
    "CAN_DO_ORDER",
    "DEFAULT_RULES",
    "DEFAULT_TIME",
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

# The week of whoever states none: BOL full-time, as `opmaat route` assumes.
DEFAULT_TIME = study_time(Leerweg.BOL)


class OutcomeNotInTarget(InvalidInput):
    """An answer about a werkproces that the target does not ask for."""

    code = "outcome_not_in_target"

    def __init__(self, outcome: str, target: str, closest: Sequence[str]) -> None:
        self.outcome = shown_prefix(outcome)
        self.target = target
        self.closest = tuple(closest)
        super().__init__(value=self.outcome, target=target, closest=self.closest)

    @property
    def message_key(self) -> str:
        return f"{self.code}.closest" if self.closest else self.code


@dataclass(frozen=True, slots=True)
class UnitEstimate:
    """One unit of the target: the estimate, the rule that decided it, and its evidence."""

    code: str
    title: str
    hours: float  # of the werkprocessen the target asks of this unit
    estimate: Estimate
    basis: Basis  # what decided it; the edges word the reason (opmaat.explanations)
    werkprocessen: tuple[str, ...] = ()  # the werkprocessen the target asks of this unit
    credited: tuple[str, ...] = ()  # of those, the ones credited by what is held
    hours_missing: float = 0.0  # the hours of the werkprocessen not credited
    counted: tuple[str, ...] = ()  # the werkprocessen that counted for the estimate
    met: tuple[str, ...] = ()  # of those, the ones held or answered at the bar or above
    answers: tuple[tuple[str, CanDo], ...] = ()  # the answers given for this unit
    via: tuple[str, ...] = ()  # held codes that cover the unit (certain only)
    equivalences: tuple[Equivalence, ...] = ()  # equivalence rules used (certain only)
    relevant: tuple[tuple[str, ...], ...] = ()  # per rule, what it counts for here
    covered_by: Named | None = None  # the held code that covers it alone (certain only)
    likely_at: CanDo | None = None  # the bar the answers were judged at (not certain)
    possible_share: float = 0.0  # the share of werkprocessen met that makes it possible
    rule_note: str = ""  # the note of the editor's rule for this unit
    provisional: bool = False


@dataclass(frozen=True, slots=True)
class PrescanResult:
    """The estimates per unit and the three routes they lead to, all planned for the same
    start and week:

    - `full`: the whole programme, nothing held;
    - `pessimistic`: after the certain exemptions only;
    - `expected`: after the certain exemptions and the likely ones, granted through EVC.

    `admission` says whether the person may start the target (admission rules).
    """

    target: TargetInfo
    have: tuple[str, ...]
    units: tuple[UnitEstimate, ...]  # the target's order
    full: Route
    pessimistic: Route
    expected: Route
    admission: Verdict = OPEN

    @property
    def open(self) -> bool:
        return self.admission.open

    @property
    def provisional(self) -> bool:
        return self.target.provisional or any(u.provisional for u in self.units)

    @property
    def time(self) -> StudyTime:
        return self.expected.time

    @property
    def full_hours(self) -> float:
        return self.full.total_hours

    @property
    def remaining_hours(self) -> float:
        return self.expected.total_hours

    @property
    def remaining_hours_pessimistic(self) -> float:
        return self.pessimistic.total_hours

    @property
    def generic_missing(self) -> tuple[str, ...]:
        return tuple(i.code for i in self.expected.generic_missing)

    @property
    def elective_hours_missing(self) -> float:
        return self.expected.elective_hours_missing

    def count(self, estimate: Estimate) -> int:
        return sum(1 for u in self.units if u.estimate == estimate)


def run_prescan(
    catalog: Catalog,
    target: str,
    have: Sequence[str],
    answers: Mapping[str, CanDo],
    rules: PrescanRules = DEFAULT_RULES,
    time: StudyTime = DEFAULT_TIME,
    start: date | None = None,
) -> PrescanResult:
    """Estimate per unit of `target` the chance of an exemption for someone who holds
    `have` and gives `answers` (werkproces code → can-do statement), and plan the rest on
    the week `time` from `start` (default today).

    1. Resolve the target and the held codes (UnknownCode, NotATarget otherwise); check that
       every answer is about a werkproces the target asks for (OutcomeNotInTarget).
    2. A unit of the target's default cut whose werkprocessen are all credited by what is
       held (directly, through a diploma or a certificate, or through the equivalence table:
       an older dossier, a related qualification) is `certain`.
    3. Otherwise the werkprocessen that count (the editor's rule, default all) are judged: a
       werkproces credited by what is held, or answered at the rule's bar (default "on my
       own") or above, is met; unanswered counts as "never". All met: `likely`; at least
       the rule's share met (default half): `possible`; else `unlikely`.
    4. Plan three routes with the route planner: nothing held, the held codes, and the held
       codes plus the likely units.
    5. Admission: whether someone holding `have` may start the target, and why not.
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
    begin = start or date.today()

    def plan(with_credit: Credit) -> Route:
        return route_for_credit(catalog, info.code, with_credit, begin, time)

    return PrescanResult(
        target=info,
        have=held,
        units=units,
        full=plan(resolve_credit(catalog, Holdings())),
        pessimistic=plan(credit),
        expected=plan(optimistic),
        admission=admission(catalog, Holdings(codes=held), info.code),
    )


def checked_answers(
    info: TargetInfo, requirements: Requirements, answers: Mapping[str, CanDo]
) -> dict[str, CanDo]:
    """The answers by canonical werkproces code; each must be one the target asks for."""
    asked = list(requirements.werkprocessen())
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
    """Steps 2 and 3 of `run_prescan` for one unit of the cut."""
    unit = catalog.units[code]
    gap = unit_gap(catalog, code, required, credit)
    evidence = UnitEstimate(
        code=code,
        title=unit.title,
        hours=catalog.hours_of(required) if required else unit.hours,
        estimate=Estimate.UNLIKELY,
        basis=Basis.DEFAULT_RULE,
        werkprocessen=required,
        credited=tuple(o for o in required if o in credit.outcomes),
        hours_missing=gap.hours if gap else 0.0,
        answers=tuple((o, answers[o]) for o in required if o in answers),
        provisional=unit.provisional,
    )
    if gap is None:
        cover = explain_coverage(catalog, held, code, required)
        return replace(
            evidence,
            estimate=Estimate.CERTAIN,
            basis=cover.basis,
            counted=required,
            met=required,
            via=cover.via,
            equivalences=cover.equivalences,
            relevant=cover.relevant,
            covered_by=cover.named,
        )
    judged = judge_answers(code, required, credit, answers, rules)
    return replace(
        evidence,
        estimate=judged.estimate,
        basis=judged.basis,
        counted=judged.counted,
        met=judged.met,
        likely_at=judged.likely_at,
        possible_share=judged.possible_share,
        rule_note=judged.rule_note,
    )


@dataclass(frozen=True, slots=True)
class Judgement:
    estimate: Estimate
    basis: Basis
    counted: tuple[str, ...]
    met: tuple[str, ...]
    likely_at: CanDo
    possible_share: float
    rule_note: str


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
    note = rule.note if rule is not None else ""
    return Judgement(estimate, basis, counted, met, bar, share, note)


def counted_outcomes(required: tuple[str, ...], rule: UnitRule | None) -> tuple[str, ...]:
    """The required werkprocessen the rule names, or all of them when it names none."""
    if rule is None or not rule.counted:
        return required
    named = set(rule.counted)
    chosen = tuple(o for o in required if o in named)
    return chosen or required


def prescan_document(result: PrescanResult) -> dict[str, object]:
    """The document of `opmaat prescan --json` and `POST /api/prescan/` (docs/cli.md).
    Fields are only ever added, never renamed. The sentences (`explanation`, each `reason`)
    are the edges' to word: opmaat.explanations fills them in from the facts beside them."""
    expected, pessimistic = result.expected, result.pessimistic
    verdict = admission_facts(result.admission)
    return {
        "target": {**target_document(result.target), **verdict},
        "have": list(result.have),
        "units": [unit_document(u) for u in result.units],
        "counts": {e.value: result.count(e) for e in Estimate},
        "full_hours": hours(result.full_hours),
        "remaining_hours": hours(result.remaining_hours),
        "remaining_hours_pessimistic": hours(result.remaining_hours_pessimistic),
        "generic_missing": list(result.generic_missing),
        "elective_hours_missing": hours(result.elective_hours_missing),
        "provisional": result.provisional,
        **verdict,
        "start": expected.start.isoformat(),
        "pathway": result.time.pathway.value,
        **time_document(result.time),
        "nominal_months": expected.nominal_months,
        "full_months": result.full.months,
        "months_remaining": expected.months,
        "months_remaining_pessimistic": pessimistic.months,
        "completion_date": expected.completion_date.isoformat(),
        "completion_date_pessimistic": pessimistic.completion_date.isoformat(),
        "werkprocessen": expected.werkprocessen,
        "credited_werkprocessen": pessimistic.credited_werkprocessen,
        "credited_werkprocessen_expected": expected.credited_werkprocessen,
        "nothing_left": not expected.items,
        "nothing_left_pessimistic": not pessimistic.items,
        "week": week_facts(result.time),
        "elective_hours_required": expected.electives.required,
        "elective_hours_applied": expected.electives.applied,
        "elective_rule": expected.electives.rule,
        "electives_reduced": expected.electives.reduced,
    }


def unit_document(unit: UnitEstimate) -> dict[str, object]:
    return {
        "code": unit.code,
        "title": unit.title,
        "hours": hours(unit.hours),
        "estimate": unit.estimate.value,
        "basis": unit.basis.value,
        "via": list(unit.via),
        "covered_by": covered_by(unit.covered_by),
        "equivalences": [
            {
                "source": e.source,
                "counts_for": list(e.counts_for),
                "note": e.note,
                "provisional": e.provisional,
                "relevant": list(relevant),
            }
            for e, relevant in zip(unit.equivalences, unit.relevant, strict=True)
        ],
        "likely_at": unit.likely_at.value if unit.likely_at else None,
        "possible_share": unit.possible_share,
        "rule_note": unit.rule_note,
        "counted_outcomes": list(unit.counted),
        "met_outcomes": list(unit.met),
        "answers": {code: answer.value for code, answer in unit.answers},
        "provisional": unit.provisional,
        "werkprocessen": list(unit.werkprocessen),
        "credited_werkprocessen": list(unit.credited),
        "hours_missing": hours(unit.hours_missing),
    }


def covered_by(code: Named | None) -> dict[str, str] | None:
    return {"code": code.code, "kind": code.kind, "name": code.name} if code else None


def hours(value: float) -> float:
    return round(value, 1)
