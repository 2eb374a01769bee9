"""The assessor's judgements per werkproces, and interviews and practical assessments."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.contrib.auth.models import User
from django.db import transaction

from opmaat.catalog.cache import current_catalog
from opmaat.domain.access import Action
from opmaat.domain.errors import Required
from opmaat.domain.recognition.assessment import (
    EvidenceKind,
    Judgement,
    SessionKind,
    check_werkprocessen,
)
from opmaat.domain.recognition.errors import EvidenceNotInPortfolio, MetWithoutEvidence
from opmaat.domain.recognition.evc import EvcState
from opmaat.explanations import DUTCH
from opmaat.learners import services as learners
from opmaat.recognition.access import require_on
from opmaat.recognition.models import AssessmentSession, EvcProcedure, Evidence, OutcomeJudgement
from opmaat.recognition.services.procedure import (
    check_version,
    lock,
    require_state,
    scope_of,
    touch,
)


@transaction.atomic
def judge(
    actor: User,
    procedure: EvcProcedure,
    outcome: str,
    result: Judgement,
    rationale: str,
    evidence_ids: Sequence[int] = (),
    based_on: int | None = None,
) -> OutcomeJudgement:
    """The assessor's judgement of one werkproces, on the evidence named; it supersedes any
    earlier judgement of that werkproces, which stays in the history. `based_on`: the
    version the assessor saw (check_version)."""
    require_on(actor, Action.ASSESS, procedure)
    procedure = lock(procedure)
    check_version(procedure, based_on)
    require_state(procedure, EvcState.ASSESSMENT)
    (code,) = check_werkprocessen(current_catalog(), scope_of(procedure), [outcome])
    if not rationale.strip():
        raise Required("rationale")
    evidence = list(procedure.evidence.filter(pk__in=evidence_ids))
    if len(evidence) != len(set(evidence_ids)):
        raise EvidenceNotInPortfolio()
    if result == Judgement.MET and not evidence:
        raise MetWithoutEvidence()
    judgement = OutcomeJudgement.objects.create(
        procedure=procedure, outcome=code, result=result.value, rationale=rationale, assessor=actor
    )
    judgement.evidence.set(evidence)
    touch(procedure)
    learners.audit(
        actor,
        procedure.learner,
        "evc.judged",
        f"Werkproces {code}: {result.value}",
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
    based_on: int | None = None,
) -> AssessmentSession:
    """A criterion-based interview or practical assessment; its report can then be cited
    as evidence (it is added to the portfolio as an observation report). `based_on`: the
    version the assessor saw (check_version)."""
    require_on(actor, Action.ASSESS, procedure)
    procedure = lock(procedure)
    check_version(procedure, based_on)
    require_state(procedure, EvcState.ASSESSMENT)
    codes = check_werkprocessen(current_catalog(), scope_of(procedure), outcomes)
    if not notes.strip():
        raise Required("notes")
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
        title=f"{label} {DUTCH.day(held_on)}",
        text=notes,
        outcomes=list(codes),
        added_by=actor,
    )
    touch(procedure)
    learners.audit(
        actor,
        procedure.learner,
        "evc.session",
        f"{label} vastgelegd ({held_on.isoformat()})",
        {"procedure": procedure.pk, "kind": kind.value, "outcomes": list(codes)},
    )
    return session
