"""An EVC procedure's life: starting it, moving it through the state machine, what it
recognises so far, and who is reminded of its deadlines."""

from __future__ import annotations

from collections.abc import Sequence

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from opmaat.accounts.models import Organisation
from opmaat.catalog.cache import current_catalog
from opmaat.domain.access import Action, OrganisationKind
from opmaat.domain.recognition.assessment import (
    Judgement,
    Recognition,
    Scope,
    check_scope,
    recognise,
)
from opmaat.domain.recognition.errors import ChangedMeanwhile, NotAnEvcProvider, WrongPhase
from opmaat.domain.recognition.evc import (
    REMIND_BEFORE,
    TRANSITIONS,
    EvcState,
    Readiness,
    Reminder,
    check_move,
    deadline,
    reminder,
)
from opmaat.learners import services as learners
from opmaat.learners.access import forget_facts, require
from opmaat.learners.models import Enrolment, Learner
from opmaat.recognition.access import roles_of, visible_procedures
from opmaat.recognition.models import Certificate, Decision, EvcProcedure, EvcStep, OutcomeJudgement


def scope_of(procedure: EvcProcedure) -> Scope:
    return Scope(procedure.standard, tuple(procedure.units))


@transaction.atomic
def start_procedure(
    actor: User,
    learner: Learner,
    provider: Organisation,
    standard: str,
    units: Sequence[str],
) -> EvcProcedure:
    """An EVC procedure at `provider` against `standard` (a current qualification) for
    `units` of its default cut (all of them when empty), judged werkproces by werkproces.
    The candidate is linked to the provider, so its assessors see the record."""
    require(actor, Action.PLAN, learner)
    if provider.kind != OrganisationKind.EVC_PROVIDER.value:
        raise NotAnEvcProvider(provider.name)
    scope = check_scope(current_catalog(), standard, units)
    today = timezone.localdate()
    procedure = EvcProcedure.objects.create(
        learner=learner,
        provider=provider,
        standard=scope.standard,
        units=list(scope.units),
        state=EvcState.INTAKE.value,
        state_since=today,
        deadline=deadline(EvcState.INTAKE, today),
        started_by=actor,
    )
    _, linked = Enrolment.objects.get_or_create(
        learner=learner,
        organisation=provider,
        defaults={"relation": Enrolment.Relation.CANDIDATE, "since": today},
    )
    forget_facts(learner)
    learners.audit(
        actor,
        learner,
        "evc.started",
        f"EVC-traject gestart bij {provider.name} voor {scope.standard}",
        {
            "procedure": procedure.pk,
            "units": list(scope.units),
            "werkprocessen": list(scope.werkprocessen(current_catalog())),
            "linked": linked,
        },
    )
    return procedure


def latest_judgements(procedure: EvcProcedure) -> dict[str, OutcomeJudgement]:
    """The judgement that counts per werkproces: the most recent."""
    latest: dict[str, OutcomeJudgement] = {}
    for j in procedure.judgements.order_by("-at", "-id").select_related("assessor"):
        latest.setdefault(j.outcome, j)
    return latest


def recognition_of(procedure: EvcProcedure) -> Recognition:
    judged = {o: Judgement(j.result) for o, j in latest_judgements(procedure).items()}
    return recognise(current_catalog(), scope_of(procedure), judged)


def readiness(procedure: EvcProcedure) -> Readiness:
    in_scope = scope_of(procedure).werkprocessen(current_catalog())
    latest = {o: j.result for o, j in latest_judgements(procedure).items() if o in in_scope}
    return Readiness(
        evidence_items=procedure.evidence.count(),
        outcomes_in_scope=len(in_scope),
        outcomes_judged=sum(r in (Judgement.MET, Judgement.NOT_MET) for r in latest.values()),
        outcomes_needing_evidence=sum(r == Judgement.MORE_EVIDENCE for r in latest.values()),
        has_certificate=procedure.certificates.exists(),
        has_decision=procedure.decisions.exists(),
    )


@transaction.atomic
def move(
    actor: User,
    procedure: EvcProcedure,
    target: EvcState,
    note: str = "",
    based_on: int | None = None,
) -> EvcStep:
    """Move the procedure to `target` when the state machine allows it for this person;
    `based_on` is the version the person saw (check_version)."""
    procedure = lock(procedure)
    check_version(procedure, based_on)
    source = EvcState(procedure.state)
    check_move(source, target, roles_of(actor, procedure), readiness(procedure))
    today = timezone.localdate()
    procedure.state = target.value
    procedure.state_since = today
    procedure.deadline = deadline(target, today)
    procedure.version += 1
    procedure.save(update_fields=["state", "state_since", "deadline", "version"])
    step = EvcStep.objects.create(
        procedure=procedure, source=source.value, target=target.value, actor=actor, note=note
    )
    learners.audit(
        actor,
        procedure.learner,
        "evc.moved",
        f"EVC-traject {procedure.pk}: {source.value} → {target.value}",
        {"procedure": procedure.pk, "from": source.value, "to": target.value, "note": note},
    )
    return step


def lock(procedure: EvcProcedure) -> EvcProcedure:
    """The procedure re-read under a row lock, so two people acting at once queue up."""
    return EvcProcedure.objects.select_for_update().select_related("learner").get(pk=procedure.pk)


def check_version(procedure: EvcProcedure, based_on: int | None) -> None:
    """Under the lock: refuse (ChangedMeanwhile) when the procedure is no longer at the
    version `based_on` the person's step or decision was based on. Pages and the API
    always pass it; None is for callers acting on what they read in the same transaction
    (the demo, a decision closing its procedure)."""
    if based_on is not None and based_on != procedure.version:
        raise ChangedMeanwhile(based_on, procedure.version)


def touch(procedure: EvcProcedure) -> None:
    """Count the locked procedure's version up: something was decided on it."""
    procedure.version += 1
    procedure.save(update_fields=["version"])


def require_state(procedure: EvcProcedure, *states: EvcState) -> None:
    if EvcState(procedure.state) not in states:
        raise WrongPhase([s.value for s in states], procedure.state)


def current_certificate(procedure: EvcProcedure) -> Certificate | None:
    return procedure.certificates.order_by("-issued_at", "-id").first()


def current_decision(procedure: EvcProcedure) -> Decision | None:
    return procedure.decisions.filter(superseded_by__isnull=True).first()


def reminders_for(user: User) -> list[tuple[EvcProcedure, Reminder]]:
    """Procedures this user may move forward now whose deadline is near or past, soonest
    first: what the dashboard shows."""
    today = timezone.localdate()
    found = []
    open_states = [s.value for s in EvcState if not s.final]
    # The window in the database first: the per-procedure role check reads the record.
    due_soon = visible_procedures(user).filter(
        state__in=open_states, deadline__lte=today + REMIND_BEFORE
    )
    for procedure in due_soon:
        due = reminder(EvcState(procedure.state), procedure.deadline, today)
        if due is not None and may_act(user, procedure):
            found.append((procedure, due))
    return sorted(found, key=lambda pair: pair[1].due)


def may_act(user: User, procedure: EvcProcedure) -> bool:
    """Whether `user` may make any move from the procedure's current state."""
    roles = roles_of(user, procedure)
    return any(t.source.value == procedure.state and t.movers & roles for t in TRANSITIONS)
