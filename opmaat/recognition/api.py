"""EVC procedures in the JSON API: the same permissions and state machine as the pages."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from opmaat.api.schemas import DENIED, REFUSED, Text
from opmaat.catalog.cache import current_catalog
from opmaat.domain.access import Action
from opmaat.domain.recognition.evc import EvcState
from opmaat.learners.access import require
from opmaat.learners.models import Learner
from opmaat.recognition import services
from opmaat.recognition.models import EvcProcedure

router = Router(tags=["recognition"])


class JudgementOut(Schema):
    outcome: str
    result: str
    rationale: str
    assessor: str | None
    at: datetime
    evidence: list[int]


class DecisionOut(Schema):
    id: int
    units: list[str]
    outcomes: list[str]
    rationale: str
    certificate: str
    decided_by: str | None
    decided_at: datetime
    supersedes: int | None
    current: bool


class ProcedureOut(Schema):
    id: int
    learner: int
    provider: str
    standard: str
    units: list[str]
    werkprocessen: list[str]  # those of the units in scope: what is judged
    state: EvcState
    state_since: date
    deadline: date | None
    judgements: list[JudgementOut]
    certificates: list[str]
    decisions: list[DecisionOut]


class MoveIn(Schema):
    target: EvcState
    note: Text = ""


def procedure_for(request: HttpRequest, pk: int) -> EvcProcedure:
    procedure = get_object_or_404(
        EvcProcedure.objects.select_related("learner", "provider"),
        pk=pk,
        learner__erased_at__isnull=True,
    )
    require(request.user, Action.VIEW, procedure.learner)
    return procedure


def procedure_out(procedure: EvcProcedure) -> dict[str, Any]:
    latest = services.latest_judgements(procedure)
    return {
        "id": procedure.pk,
        "learner": procedure.learner_id,
        "provider": procedure.provider.name,
        "standard": procedure.standard,
        "units": procedure.units,
        "werkprocessen": list(services.scope_of(procedure).werkprocessen(current_catalog())),
        "state": procedure.state,
        "state_since": procedure.state_since,
        "deadline": procedure.deadline,
        "judgements": [
            {
                "outcome": j.outcome,
                "result": j.result,
                "rationale": j.rationale,
                "assessor": j.assessor.get_username() if j.assessor else None,
                "at": j.at,
                "evidence": sorted(e.pk for e in j.evidence.all()),
            }
            for j in latest.values()
        ],
        "certificates": [c.number for c in procedure.certificates.all()],
        "decisions": [
            {
                "id": d.pk,
                "units": d.units,
                "outcomes": d.outcomes,
                "rationale": d.rationale,
                "certificate": d.certificate.number,
                "decided_by": d.decided_by.get_username() if d.decided_by else None,
                "decided_at": d.decided_at,
                "supersedes": d.supersedes_id,
                "current": not hasattr(d, "superseded_by"),
            }
            for d in procedure.decisions.select_related("certificate", "decided_by")
        ],
    }


@router.get("/learners/{int:pk}/procedures", response={200: list[ProcedureOut], **DENIED})
def list_procedures(request: HttpRequest, pk: int) -> list[dict[str, Any]]:
    """A learner's EVC procedures, newest first, with the judgement that counts per
    werkproces."""
    learner = get_object_or_404(Learner, pk=pk, erased_at__isnull=True)
    require(request.user, Action.VIEW, learner)
    return [procedure_out(p) for p in EvcProcedure.objects.filter(learner=learner)]


@router.get("/procedures/{int:pk}", response={200: ProcedureOut, **DENIED})
def get_procedure(request: HttpRequest, pk: int) -> dict[str, Any]:
    return procedure_out(procedure_for(request, pk))


@router.get(
    "/procedures/{int:pk}/certificate",
    response={200: dict[str, Any], **DENIED},
)
def get_certificate(request: HttpRequest, pk: int) -> dict[str, Any]:
    """The latest ervaringscertificaat as data (format `opmaat-ervaringscertificaat/1`)."""
    procedure = procedure_for(request, pk)
    certificate = services.current_certificate(procedure)
    if certificate is None:
        raise Http404("no certificate yet")
    document: dict[str, Any] = certificate.document
    return document


@router.post(
    "/procedures/{int:pk}/transitions",
    response={200: ProcedureOut, **REFUSED, **DENIED},
)
def move_procedure(request: HttpRequest, pk: int, body: MoveIn) -> dict[str, Any]:
    """Move the procedure to another phase; 400 with the reason when the state machine
    refuses (`illegal_transition`, `transition_not_allowed`, `transition_blocked`)."""
    procedure = procedure_for(request, pk)
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied("login required")
    services.move(user, procedure, body.target, body.note)
    procedure.refresh_from_db()
    return procedure_out(procedure)
