"""Every change to progress goes through here: checked against the access rules, written in
one transaction and audited. Also the bridge from the database to the completion rules."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from opmaat.accounts.people import name_and_role
from opmaat.catalog.cache import current_catalog
from opmaat.domain.access import Action
from opmaat.domain.catalog import Catalog
from opmaat.domain.catalog.picker import Option, options
from opmaat.domain.credentials.completion import (
    Basis,
    Grounds,
    HoldingFact,
    MetResult,
    Record,
    UnitCompletion,
)
from opmaat.domain.errors import DomainError, Required
from opmaat.domain.progress import (
    Activity,
    AssessmentMethod,
    AssessmentResult,
    Ceiling,
    SupervisionLevel,
    assessable_code,
    assessable_codes,
    check_entrustment,
    check_not_in_future,
    entrustment_ceiling,
    prerequisites_of,
    werkprocessen_named,
)
from opmaat.domain.routes import ELECTIVE_BLOCK, Requirements, target_of
from opmaat.learners.access import require
from opmaat.learners.models import Holding, Learner
from opmaat.learners.services import audit, current_route
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


def assessable(catalog: Catalog, code: str, learner: Learner | None = None) -> str:
    """The catalog's spelling of `code` when results can be recorded for it: a werkproces,
    or a unit without werkprocessen (a generic subject such as NL-2F). An unknown code is
    compared with the werkprocessen of the learner's target first."""
    suggest = target_werkprocessen(catalog, learner) if learner is not None else ()
    return assessable_code(catalog, code, suggest)


def route_target(learner: Learner) -> str | None:
    plan = current_route(learner)
    return plan.target if plan is not None else None


def requirements_of(catalog: Catalog, target: str | None) -> Requirements | None:
    """What the target asks for in its default cut; None without a target, or for one the
    catalog no longer plans."""
    if not target:
        return None
    try:
        return target_of(catalog, target)[1]
    except DomainError:
        return None


def target_werkprocessen(catalog: Catalog, learner: Learner) -> tuple[str, ...]:
    """The werkprocessen (each once) and generic subjects of the learner's route target:
    what the code pickers offer."""
    requirements = requirements_of(catalog, route_target(learner))
    if requirements is None:
        return ()
    return (*requirements.werkprocessen(), *requirements.generic)


@transaction.atomic
def do_record_feedback(
    actor: User, learner: Learner, code: str, text: str, given_on: date
) -> Feedback:
    require(actor, Action.RECORD_PROGRESS, learner)
    check_not_in_future(given_on, timezone.localdate())
    code = assessable(current_catalog(), code, learner)
    if not text.strip():
        raise Required("text")
    feedback = Feedback.objects.create(
        learner=learner,
        code=code,
        text=text.strip(),
        given_on=given_on,
        author=actor,
        author_label=name_and_role(actor),
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
    check_not_in_future(assessed_on, timezone.localdate())
    code = assessable(current_catalog(), code, learner)
    assessment = Assessment.objects.create(
        learner=learner,
        code=code,
        method=method.value,
        result=result.value,
        assessed_on=assessed_on,
        evidence=evidence,
        assessor=actor,
        assessor_label=name_and_role(actor),
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


def done_prerequisites(catalog: Catalog, grounds: Grounds, unit_code: str) -> set[str]:
    """The werkprocessen and units the activity's unit builds on (transitively) that are
    done."""
    return {c for c in prerequisites_of(catalog, unit_code) if grounds.done(c)}


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
    above level 2 only once the werkprocessen it builds on are done (domain.progress)."""
    require(actor, Action.RECORD_PROGRESS, learner)
    check_not_in_future(decided_on, timezone.localdate())
    catalog = current_catalog()
    grounds = Grounds(catalog, record_of(learner))
    done = done_prerequisites(catalog, grounds, activity.unit_code)
    check_entrustment(catalog, activity_of(activity), level, done)
    decision = EntrustmentDecision.objects.create(
        learner=learner,
        activity=activity,
        level=int(level),
        decided_on=decided_on,
        evidence=evidence,
        decided_by=actor,
        decided_by_label=name_and_role(actor),
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
    """Per activity of the units in view (and any with a decision): the current level, the
    earlier decisions, the ceiling."""
    decisions: dict[int, list[EntrustmentDecision]] = {}
    for d in (
        EntrustmentDecision.objects.filter(learner=learner)
        .select_related("activity")
        .order_by("-decided_on", "-id")
    ):
        decisions.setdefault(d.activity_id, []).append(d)
    catalog = current_catalog()
    grounds = Grounds(catalog, record_of(learner))
    states = []
    for activity in activities_in_view(catalog, unit_codes, decided=decisions):
        done = done_prerequisites(catalog, grounds, activity.unit_code)
        history = decisions.get(activity.pk, [])
        states.append(
            ActivityState(
                activity,
                history[0] if history else None,
                tuple(history[1:]),
                entrustment_ceiling(catalog, activity_of(activity), done),
            )
        )
    return states


def activities_in_view(
    catalog: Catalog, unit_codes: Iterable[str], decided: Iterable[int] = ()
) -> list[ProfessionalActivity]:
    """The activities of the units in view: linked to one of them, or to a unit (also an
    older dossier's) that shares a werkproces with them; and those with a decision (by pk)."""
    codes = set(unit_codes)
    view = {w for code in codes for w in werkprocessen_named(catalog, code)}
    keep = set(decided)
    return [
        a
        for a in ProfessionalActivity.objects.all()
        if a.pk in keep
        or a.unit_code in codes
        or not view.isdisjoint(werkprocessen_named(catalog, a.unit_code))
    ]


def activities_for(learner: Learner) -> list[ProfessionalActivity]:
    """What the level form offers: the activities of the units in view (without a route
    target, of the units with feedback or results), never another qualification's."""
    target = route_target(learner)
    return activities_in_view(current_catalog(), units_in_view(learner, target))


def units_in_view(learner: Learner, target: str | None) -> list[str]:
    """The units a progress page shows: the units of the target's default cut (a
    certificate's grouped by its qualification's cut) and its generic subjects, then the
    units of werkprocessen with feedback or results outside them, in code order."""
    catalog = current_catalog()
    requirements = requirements_of(catalog, target)
    codes: list[str] = []
    if requirements is not None:
        codes = [*(u for u, _ in requirements.units), *requirements.generic]
    shown = {w for code in codes for w in werkprocessen_named(catalog, code)}
    recorded = {
        *Assessment.objects.filter(learner=learner).values_list("code", flat=True),
        *Feedback.objects.filter(learner=learner).values_list("code", flat=True),
    }
    for code in sorted(recorded):
        for unit in units_of_recorded(catalog, code, shown):
            if unit not in codes:
                codes.append(unit)
    return codes


def units_of_recorded(catalog: Catalog, code: str, shown: set[str]) -> list[str]:
    """The units to show for a recorded code: a unit without werkprocessen itself; for a
    werkproces (or a retired code, through the equivalence table) not shown yet, the unit
    that defines it."""
    unit = catalog.units.get(code)
    if unit is not None and not unit.outcomes:
        return [code]
    return [
        catalog.outcome_unit[w]
        for w in werkprocessen_named(catalog, code)
        if w not in shown and w in catalog.outcome_unit
    ]


def unit_completions(learner: Learner, codes: Iterable[str]) -> list[UnitCompletion]:
    grounds = Grounds(current_catalog(), record_of(learner))
    return [grounds.unit(code) for code in codes]


@dataclass(frozen=True, slots=True)
class Counts:
    met: int
    total: int


def werkproces_counts(learner: Learner) -> Counts | None:
    """How many of the route target's werkprocessen are met, each counted once (a
    werkproces examined in two units is one werkproces); None without a target."""
    catalog = current_catalog()
    requirements = requirements_of(catalog, route_target(learner))
    if requirements is None:
        return None
    grounds = Grounds(catalog, record_of(learner))
    werkprocessen = requirements.werkprocessen()
    return Counts(sum(1 for w in werkprocessen if grounds.done(w)), len(werkprocessen))


def code_options(learner: Learner) -> tuple[Option, ...]:
    """What the code pickers of the result and feedback forms offer: the werkprocessen and
    generic subjects of the learner's route target first, then every other code results can
    be recorded for."""
    catalog = current_catalog()
    return options(catalog, target_werkprocessen(catalog, learner), assessable_codes(catalog))


def done_on_route(learner: Learner, document: Mapping[str, object]) -> dict[str, date | None]:
    """For a saved route's schedule, every code of it that is done (its werkprocessen, units
    without werkprocessen, generic subjects, the keuzedelen) with the date a result completed
    it (None when credited without one), for planned against actual."""
    catalog = current_catalog()
    grounds = Grounds(catalog, record_of(learner))
    schedule = document.get("schedule")
    codes = {
        str(c)
        for entry in (schedule if isinstance(schedule, list) else [])
        if isinstance(entry, dict)
        for c in [entry.get("code"), *(entry.get("missing_outcomes") or [])]
        if c
    }
    done = {c: grounds.done_on(c) for c in codes if c != ELECTIVE_BLOCK and grounds.done(c)}
    if grounds.electives_for(target_level(document)) >= elective_hours_required(document):
        done[ELECTIVE_BLOCK] = None
    return done


def target_level(document: Mapping[str, object]) -> int | None:
    target = document.get("target")
    level = target.get("level") if isinstance(target, dict) else None
    return level if isinstance(level, int) else None


def elective_hours_required(document: Mapping[str, object]) -> float:
    required = document.get("elective_hours_required")
    return float(required) if isinstance(required, int | float) else 0.0
