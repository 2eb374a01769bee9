"""Every change to progress goes through here: checked against the access rules, written in
one transaction and audited. Also the bridge from the database to the completion rules."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import User
from django.db import transaction

from opmaat.catalog.cache import current_catalog
from opmaat.domain.access import Action
from opmaat.domain.catalog import Catalog, CodeKind
from opmaat.domain.credentials.completion import (
    Basis,
    Grounds,
    HoldingFact,
    MetResult,
    Record,
    UnitCompletion,
)
from opmaat.domain.errors import InvalidInput
from opmaat.domain.progress import (
    Activity,
    AssessmentMethod,
    AssessmentResult,
    Ceiling,
    SupervisionLevel,
    check_entrustment,
    entrustment_ceiling,
)
from opmaat.learners.access import require
from opmaat.learners.models import Holding, Learner
from opmaat.learners.services import audit
from opmaat.progress.models import (
    LEVEL_LABELS,
    Assessment,
    EntrustmentDecision,
    Feedback,
    ProfessionalActivity,
)

HOLDING_BASIS = {
    Holding.Kind.HELD: Basis.HELD,
    Holding.Kind.EXEMPTION: Basis.EXEMPTION,
    Holding.Kind.OUTCOME: Basis.OUTCOME,
}


def record_of(learner: Learner) -> Record:
    """The learner's holdings and results "met", as the completion rules read them."""
    holdings = tuple(
        HoldingFact(code, HOLDING_BASIS[Holding.Kind(kind)], evidence)
        for code, kind, evidence in learner.holdings.values_list("code", "kind", "evidence")
    )
    met = tuple(
        MetResult(code, on, method)
        for code, on, method in Assessment.objects.filter(learner=learner)
        .filter(result=AssessmentResult.MET.value)
        .values_list("code", "assessed_on", "method")
    )
    return Record(holdings, met, learner.elective_hours_done)


def assessable(catalog: Catalog, code: str) -> str:
    """The catalog's spelling of `code` when results can be recorded for it: a learning
    outcome, or a unit without outcomes (a generic subject such as NL-2F)."""
    canonical = catalog.resolve(code)
    if catalog.kind_of(canonical) == CodeKind.OUTCOME:
        return canonical
    unit = catalog.units.get(canonical)
    if unit is not None and not unit.outcomes:
        return canonical
    raise InvalidInput(
        f"{canonical} is not a learning outcome or a subject without outcomes: record results "
        "per learning outcome"
    )


@transaction.atomic
def do_record_feedback(
    actor: User, learner: Learner, code: str, text: str, given_on: date
) -> Feedback:
    require(actor, Action.RECORD_PROGRESS, learner)
    code = assessable(current_catalog(), code)
    if not text.strip():
        raise InvalidInput("feedback must not be empty")
    feedback = Feedback.objects.create(
        learner=learner,
        code=code,
        text=text.strip(),
        given_on=given_on,
        author=actor,
        author_label=actor.get_username(),
    )
    audit(actor, learner, "progress.feedback", f"Feedback op {code}", {"code": code})
    return feedback


@transaction.atomic
def do_record_assessment(
    actor: User,
    learner: Learner,
    code: str,
    method: AssessmentMethod,
    result: AssessmentResult,
    assessed_on: date,
    evidence: str = "",
) -> Assessment:
    require(actor, Action.RECORD_PROGRESS, learner)
    code = assessable(current_catalog(), code)
    assessment = Assessment.objects.create(
        learner=learner,
        code=code,
        method=method.value,
        result=result.value,
        assessed_on=assessed_on,
        evidence=evidence,
        assessor=actor,
        assessor_label=actor.get_username(),
    )
    audit(
        actor,
        learner,
        "progress.assessment",
        f"Beoordeling {code}: {assessment.get_result_display()}",
        {
            "code": code,
            "method": method.value,
            "result": result.value,
            "on": assessed_on.isoformat(),
        },
    )
    return assessment


def activity_of(row: ProfessionalActivity) -> Activity:
    return Activity(row.code, row.title, row.unit_code, row.reserved)


def complete_prerequisites(catalog: Catalog, grounds: Grounds, unit_code: str) -> set[str]:
    """The units `unit_code` builds on (transitively) that are complete."""
    found: set[str] = set()
    pending = list(catalog.requires(unit_code))
    while pending:
        code = pending.pop()
        if code not in found:
            found.add(code)
            pending.extend(catalog.requires(code))
    return {u for u in found if grounds.unit(u).complete}


@transaction.atomic
def do_entrust(
    actor: User,
    learner: Learner,
    activity: ProfessionalActivity,
    level: SupervisionLevel,
    decided_on: date,
    evidence: str = "",
) -> EntrustmentDecision:
    """Record the level at which the learner performs `activity`; a reserved or risky act
    above level 2 only once its prerequisite units are complete (domain.progress)."""
    require(actor, Action.RECORD_PROGRESS, learner)
    catalog = current_catalog()
    grounds = Grounds(catalog, record_of(learner))
    complete = complete_prerequisites(catalog, grounds, activity.unit_code)
    check_entrustment(catalog, activity_of(activity), level, complete)
    decision = EntrustmentDecision.objects.create(
        learner=learner,
        activity=activity,
        level=int(level),
        decided_on=decided_on,
        evidence=evidence,
        decided_by=actor,
        decided_by_label=actor.get_username(),
    )
    audit(
        actor,
        learner,
        "progress.entrusted",
        f"{activity.title}: {LEVEL_LABELS[level]}",
        {"activity": activity.code, "level": int(level), "on": decided_on.isoformat()},
    )
    return decision


@dataclass(frozen=True, slots=True)
class ActivityState:
    activity: ProfessionalActivity
    current: EntrustmentDecision | None
    history: tuple[EntrustmentDecision, ...]
    ceiling: Ceiling


def entrustment_states(learner: Learner, unit_codes: Iterable[str]) -> list[ActivityState]:
    """Per activity of the units: the current level, the earlier decisions, the ceiling."""
    codes = set(unit_codes)
    decisions: dict[int, list[EntrustmentDecision]] = {}
    for d in (
        EntrustmentDecision.objects.filter(learner=learner)
        .select_related("activity")
        .order_by("-decided_on", "-id")
    ):
        decisions.setdefault(d.activity_id, []).append(d)
        codes.add(d.activity.unit_code)
    catalog = current_catalog()
    grounds = Grounds(catalog, record_of(learner))
    states = []
    for activity in ProfessionalActivity.objects.filter(unit_code__in=codes):
        complete = complete_prerequisites(catalog, grounds, activity.unit_code)
        history = decisions.get(activity.pk, [])
        states.append(
            ActivityState(
                activity,
                history[0] if history else None,
                tuple(history[1:]),
                entrustment_ceiling(catalog, activity_of(activity), complete),
            )
        )
    return states


def units_in_view(learner: Learner, target: str | None) -> list[str]:
    """The units a progress page shows: the route target's units and generic subjects,
    then any other unit with feedback or results, in catalog order."""
    catalog = current_catalog()
    codes: list[str] = []
    if target and target in catalog.qualifications:
        q = catalog.qualifications[target]
        codes.extend([*q.units, *q.generic.unit_codes()])
    elif target and target in catalog.units:
        codes.append(target)
    elif target and target in catalog.certificates:
        for code in catalog.certificates[target].covers:
            unit = catalog.outcome_unit.get(code, code)
            if unit in catalog.units and unit not in codes:
                codes.append(unit)
    recorded = {
        *Assessment.objects.filter(learner=learner).values_list("code", flat=True),
        *Feedback.objects.filter(learner=learner).values_list("code", flat=True),
    }
    for code in sorted(recorded):
        unit = catalog.outcome_unit.get(code, code)
        if unit in catalog.units and unit not in codes:
            codes.append(unit)
    return codes


def unit_completions(learner: Learner, codes: Iterable[str]) -> list[UnitCompletion]:
    grounds = Grounds(current_catalog(), record_of(learner))
    return [grounds.unit(code) for code in codes]
