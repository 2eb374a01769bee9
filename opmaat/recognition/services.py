"""Every change to intakes and EVC procedures goes through here: checked against the access
rules and the state machine, written in one transaction, audited (who, when, on what
evidence)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import User
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max, QuerySet
from django.utils import timezone

from opmaat.accounts.models import Organisation
from opmaat.catalog.cache import current_catalog
from opmaat.domain.access import Action, OrganisationKind, Role, roles_on_record
from opmaat.domain.errors import InvalidInput
from opmaat.domain.recognition.advice import advice_document, compose_advice
from opmaat.domain.recognition.assessment import (
    EvidenceKind,
    Judgement,
    Recognition,
    Scope,
    SessionKind,
    check_outcomes,
    check_scope,
    recognise,
)
from opmaat.domain.recognition.certificate import (
    certificate_document,
    certificate_from_document,
    check_grant,
    draw_up,
)
from opmaat.domain.recognition.evc import (
    EvcState,
    Readiness,
    Reminder,
    check_move,
    deadline,
    reminder,
)
from opmaat.domain.routes import RouteRequest
from opmaat.learners import services as learners
from opmaat.learners.access import actor_of, facts_of, forget_facts, require, visible_learners
from opmaat.learners.models import Enrolment, Holding, Learner
from opmaat.recognition import uploads
from opmaat.recognition.models import (
    AssessmentSession,
    Certificate,
    Decision,
    EvcProcedure,
    EvcStep,
    Evidence,
    Intake,
    OutcomeJudgement,
)

# -- intake and advice ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IntakeInput:
    goal: str
    request: RouteRequest
    work_setting: str = ""
    employer: Organisation | None = None
    motivation: str = ""
    support_needs: str = ""
    evc_units: tuple[str, ...] = ()


def current_intake(learner: Learner) -> Intake | None:
    return (
        Intake.objects.filter(learner=learner)
        .select_related("created_by", "employer")
        .order_by("-version")
        .first()
    )


@transaction.atomic
def save_intake(actor: User, learner: Learner, data: IntakeInput) -> Intake:
    """A new version of the learner's intake with its advice; earlier versions stay."""
    require(actor, Action.PLAN, learner)
    Learner.objects.select_for_update().filter(pk=learner.pk).first()
    catalog = current_catalog()
    advice = compose_advice(catalog, learners.holdings_of(learner), data.request, data.evc_units)
    version = (Intake.objects.filter(learner=learner).aggregate(v=Max("version"))["v"] or 0) + 1
    intake = Intake.objects.create(
        learner=learner,
        version=version,
        goal=data.goal,
        target=advice.route.target.code,
        hours_per_week=data.request.hours_per_week,
        work_setting=data.work_setting,
        employer=data.employer,
        pathway=data.request.pathway.value,
        start=data.request.start,
        motivation=data.motivation,
        support_needs=data.support_needs,
        evc_units=list(advice.evc_units),
        advice=advice_document(catalog, advice),
        created_by=actor,
    )
    learners.audit(
        actor,
        learner,
        "intake.saved",
        f"Intake en ontwikkeladvies versie {version}: {intake.target} {advice.route.target.name}",
        {"target": intake.target, "evc_units": intake.evc_units},
    )
    return intake


# -- the procedure ----------------------------------------------------------------------


def scope_of(procedure: EvcProcedure) -> Scope:
    return Scope(procedure.standard, tuple(procedure.units))


def roles_of(user: User, procedure: EvcProcedure) -> frozenset[Role]:
    return roles_on_record(actor_of(user), facts_of(procedure.learner))


@transaction.atomic
def start_procedure(
    actor: User,
    learner: Learner,
    provider: Organisation,
    standard: str,
    units: Sequence[str],
) -> EvcProcedure:
    """An EVC procedure at `provider` against `standard` for `units` (all units of the
    standard when empty). The candidate is linked to the provider, so its assessors see
    the record."""
    require(actor, Action.PLAN, learner)
    if provider.kind != OrganisationKind.EVC_PROVIDER.value:
        raise InvalidInput(f"{provider.name} is not an EVC provider")
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
        {"procedure": procedure.pk, "units": list(scope.units), "linked": linked},
    )
    return procedure


def latest_judgements(procedure: EvcProcedure) -> dict[str, OutcomeJudgement]:
    """The judgement that counts per outcome: the most recent."""
    latest: dict[str, OutcomeJudgement] = {}
    for j in procedure.judgements.order_by("-at", "-id").select_related("assessor"):
        latest.setdefault(j.outcome, j)
    return latest


def recognition_of(procedure: EvcProcedure) -> Recognition:
    judged = {o: Judgement(j.result) for o, j in latest_judgements(procedure).items()}
    return recognise(current_catalog(), scope_of(procedure), judged)


def readiness(procedure: EvcProcedure) -> Readiness:
    in_scope = scope_of(procedure).outcomes(current_catalog())
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
def move(actor: User, procedure: EvcProcedure, target: EvcState, note: str = "") -> EvcStep:
    """Move the procedure to `target` when the state machine allows it for this person."""
    procedure = lock(procedure)
    source = EvcState(procedure.state)
    check_move(source, target, roles_of(actor, procedure), readiness(procedure))
    today = timezone.localdate()
    procedure.state = target.value
    procedure.state_since = today
    procedure.deadline = deadline(target, today)
    procedure.save(update_fields=["state", "state_since", "deadline"])
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


def require_state(procedure: EvcProcedure, *states: EvcState) -> None:
    if EvcState(procedure.state) not in states:
        allowed = " or ".join(s.value for s in states)
        raise InvalidInput(f"this can only be done in the {allowed} phase, not {procedure.state}")


# -- portfolio --------------------------------------------------------------------------


@transaction.atomic
def add_evidence(
    actor: User,
    procedure: EvcProcedure,
    kind: EvidenceKind,
    title: str,
    outcomes: Sequence[str],
    text: str = "",
    upload: UploadedFile | None = None,
) -> Evidence:
    """Evidence for one or more outcomes in scope: a checked file, a written text, or both."""
    require(actor, Action.SUBMIT_EVIDENCE, procedure.learner)
    procedure = lock(procedure)
    require_state(procedure, EvcState.INTAKE, EvcState.PORTFOLIO)
    codes = check_outcomes(current_catalog(), scope_of(procedure), outcomes)
    if not codes:
        raise InvalidInput("link the evidence to at least one learning outcome")
    if upload is None and not text.strip():
        raise InvalidInput("add a file or write the evidence out")
    stored = uploads.store(upload) if upload is not None else None
    try:
        evidence = Evidence.objects.create(
            procedure=procedure,
            kind=kind.value,
            title=title.strip(),
            text=text,
            outcomes=list(codes),
            stored_name=stored.stored_name if stored else "",
            original_name=stored.original_name if stored else "",
            content_type=stored.content_type if stored else "",
            size=stored.size if stored else 0,
            sha256=stored.sha256 if stored else "",
            added_by=actor,
        )
    except Exception:
        if stored is not None:  # nothing points at the file: don't keep it
            uploads.remove(stored.stored_name)
        raise
    learners.audit(
        actor,
        procedure.learner,
        "evc.evidence_added",
        f"Bewijsstuk toegevoegd: {evidence.title}",
        {
            "procedure": procedure.pk,
            "evidence": evidence.pk,
            "kind": kind.value,
            "outcomes": list(codes),
            "sha256": evidence.sha256,
        },
    )
    return evidence


@transaction.atomic
def remove_evidence(actor: User, evidence: Evidence) -> None:
    """Take evidence out of the portfolio, while it is being built and was never judged on."""
    procedure = lock(evidence.procedure)
    require(actor, Action.SUBMIT_EVIDENCE, procedure.learner)
    require_state(procedure, EvcState.INTAKE, EvcState.PORTFOLIO)
    if evidence.judgements.exists():
        raise InvalidInput("this evidence was used in a judgement and stays in the portfolio")
    learners.audit(
        actor,
        procedure.learner,
        "evc.evidence_removed",
        f"Bewijsstuk verwijderd: {evidence.title}",
        {"procedure": procedure.pk, "evidence": evidence.pk, "sha256": evidence.sha256},
    )
    stored_name = evidence.stored_name
    evidence.delete()
    if stored_name:
        transaction.on_commit(lambda: uploads.remove(stored_name))


# -- assessment -------------------------------------------------------------------------


@transaction.atomic
def judge(
    actor: User,
    procedure: EvcProcedure,
    outcome: str,
    result: Judgement,
    rationale: str,
    evidence_ids: Sequence[int] = (),
) -> OutcomeJudgement:
    """The assessor's judgement of one outcome, on the evidence named; it supersedes any
    earlier judgement of that outcome, which stays in the history."""
    require(actor, Action.ASSESS, procedure.learner)
    procedure = lock(procedure)
    require_state(procedure, EvcState.ASSESSMENT)
    (code,) = check_outcomes(current_catalog(), scope_of(procedure), [outcome])
    if not rationale.strip():
        raise InvalidInput("give the rationale for the judgement")
    evidence = list(procedure.evidence.filter(pk__in=evidence_ids))
    if len(evidence) != len(set(evidence_ids)):
        raise InvalidInput("evidence can only be cited from this procedure's portfolio")
    if result == Judgement.MET and not evidence:
        raise InvalidInput("a met outcome must rest on at least one piece of evidence")
    judgement = OutcomeJudgement.objects.create(
        procedure=procedure, outcome=code, result=result.value, rationale=rationale, assessor=actor
    )
    judgement.evidence.set(evidence)
    learners.audit(
        actor,
        procedure.learner,
        "evc.judged",
        f"Leerresultaat {code}: {result.value}",
        {
            "procedure": procedure.pk,
            "outcome": code,
            "result": result.value,
            "rationale": rationale,
            "evidence": sorted(e.pk for e in evidence),
        },
    )
    return judgement


@transaction.atomic
def record_session(
    actor: User,
    procedure: EvcProcedure,
    kind: SessionKind,
    held_on: date,
    outcomes: Sequence[str],
    notes: str,
) -> AssessmentSession:
    """A criterion-based interview or practical assessment; its report can then be cited
    as evidence (it is added to the portfolio as an observation report)."""
    require(actor, Action.ASSESS, procedure.learner)
    procedure = lock(procedure)
    require_state(procedure, EvcState.ASSESSMENT)
    codes = check_outcomes(current_catalog(), scope_of(procedure), outcomes)
    if not notes.strip():
        raise InvalidInput("write down what the session showed")
    session = AssessmentSession.objects.create(
        procedure=procedure,
        kind=kind.value,
        held_on=held_on,
        outcomes=list(codes),
        notes=notes,
        assessor=actor,
    )
    label = "Criteriumgericht interview" if kind == SessionKind.INTERVIEW else "Praktijkassessment"
    Evidence.objects.create(
        procedure=procedure,
        kind=EvidenceKind.OBSERVATION.value,
        title=f"{label} {held_on.isoformat()}",
        text=notes,
        outcomes=list(codes),
        added_by=actor,
    )
    learners.audit(
        actor,
        procedure.learner,
        "evc.session",
        f"{label} vastgelegd ({held_on.isoformat()})",
        {"procedure": procedure.pk, "kind": kind.value, "outcomes": list(codes)},
    )
    return session


# -- report and decision ----------------------------------------------------------------


def current_certificate(procedure: EvcProcedure) -> Certificate | None:
    return procedure.certificates.order_by("-issued_at", "-id").first()


@transaction.atomic
def issue_certificate(actor: User, procedure: EvcProcedure) -> Certificate:
    """The ervaringscertificaat for the finished assessment: who, by whom, when, against
    which standard, and which outcomes and units were recognised."""
    require(actor, Action.ASSESS, procedure.learner)
    procedure = lock(procedure)
    require_state(procedure, EvcState.REPORT)
    catalog = current_catalog()
    today = timezone.localdate()
    count = procedure.certificates.count()
    number = f"EVC-{today.year}-{procedure.pk:05d}-{count + 1}"
    learner = procedure.learner
    cert = draw_up(
        catalog,
        number=number,
        person=learner.name,
        date_of_birth=learner.date_of_birth,
        provider=procedure.provider.name,
        assessor=actor.get_full_name() or actor.get_username(),
        issued=today,
        standard=procedure.standard,
        recognition=recognition_of(procedure),
    )
    certificate = Certificate.objects.create(
        procedure=procedure,
        number=number,
        document=certificate_document(catalog, cert),
        issued_by=actor,
    )
    learners.audit(
        actor,
        learner,
        "evc.certificate",
        f"Ervaringscertificaat {number} opgesteld",
        {"procedure": procedure.pk, "units": list(cert.units), "outcomes": list(cert.outcomes)},
    )
    return certificate


def current_decision(procedure: EvcProcedure) -> Decision | None:
    return procedure.decisions.filter(superseded_by__isnull=True).first()


@transaction.atomic
def decide(
    actor: User,
    procedure: EvcProcedure,
    units: Sequence[str],
    outcomes: Sequence[str],
    rationale: str,
) -> Decision:
    """The exam board's decision on the latest ervaringscertificaat.

    1. What is granted must be recognised by the certificate (check_grant).
    2. The decision supersedes the current one, if any; both are kept.
    3. Holdings follow: exempted units become exemptions, exempted outcomes passed
       outcomes, each citing the decision and the certificate; what the superseded decision
       granted and this one does not is withdrawn.
    4. A procedure waiting for the decision is closed, and the learner's current route is
       planned again with the new holdings.
    """
    learner = procedure.learner
    require(actor, Action.DECIDE_EXEMPTION, learner)
    procedure = lock(procedure)
    require_state(procedure, EvcState.DECISION, EvcState.CLOSED)
    if not rationale.strip():
        raise InvalidInput("give the grounds for the decision")
    certificate = current_certificate(procedure)
    if certificate is None:
        raise InvalidInput("there is no ervaringscertificaat to decide on")
    granted = check_grant(certificate_from_document(certificate.document), units, outcomes)
    previous = current_decision(procedure)
    decision = Decision.objects.create(
        procedure=procedure,
        certificate=certificate,
        units=list(granted.units),
        outcomes=list(granted.outcomes),
        rationale=rationale,
        supersedes=previous,
        decided_by=actor,
    )
    grounds = f"Besluit examencommissie {decision.pk} op ervaringscertificaat {certificate.number}"
    follow_decision(actor, learner, previous, decision, grounds)
    learners.audit(
        actor,
        learner,
        "evc.decided",
        f"Vrijstellingen besloten: {len(granted.units)} eenheden, "
        f"{len(granted.outcomes)} leerresultaten",
        {
            "procedure": procedure.pk,
            "decision": decision.pk,
            "certificate": certificate.number,
            "units": list(granted.units),
            "outcomes": list(granted.outcomes),
            "supersedes": previous.pk if previous else None,
            "rationale": rationale,
        },
    )
    if procedure.state == EvcState.DECISION.value:
        move(actor, procedure, EvcState.CLOSED, "Besluit vastgelegd")
    learners.replan(actor, learner, f"Opnieuw gepland na {grounds.lower()}.")
    return decision


def follow_decision(
    actor: User, learner: Learner, previous: Decision | None, decision: Decision, grounds: str
) -> None:
    """Make the learner's holdings say what `decision` grants instead of `previous`."""
    wanted = {(u, Holding.Kind.EXEMPTION.value) for u in decision.units}
    wanted |= {(o, Holding.Kind.OUTCOME.value) for o in decision.outcomes}
    if previous is not None:
        before = {(u, Holding.Kind.EXEMPTION.value) for u in previous.units}
        before |= {(o, Holding.Kind.OUTCOME.value) for o in previous.outcomes}
        for code, kind in sorted(before - wanted):
            holding = learner.holdings.filter(code=code, kind=kind).first()
            if holding is not None:
                learners.remove_holding(actor, holding)
    for code, kind in sorted(wanted):
        learners.add_holding(actor, learner, code, kind, grounds)


# -- what people see --------------------------------------------------------------------


def visible_procedures(user: User) -> QuerySet[EvcProcedure]:
    return EvcProcedure.objects.filter(learner__in=visible_learners(user)).select_related(
        "learner", "provider"
    )


def reminders_for(user: User) -> list[tuple[EvcProcedure, Reminder]]:
    """Procedures this user may move forward now whose deadline is near or past, soonest
    first: what the dashboard shows."""
    today = timezone.localdate()
    found = []
    open_states = [s.value for s in EvcState if not s.final]
    for procedure in visible_procedures(user).filter(state__in=open_states):
        due = reminder(EvcState(procedure.state), procedure.deadline, today)
        if due is not None and may_act(user, procedure):
            found.append((procedure, due))
    return sorted(found, key=lambda pair: pair[1].due)


def may_act(user: User, procedure: EvcProcedure) -> bool:
    """Whether `user` may make any move from the procedure's current state."""
    from opmaat.domain.recognition.evc import TRANSITIONS

    roles = roles_of(user, procedure)
    return any(t.source.value == procedure.state and t.movers & roles for t in TRANSITIONS)
