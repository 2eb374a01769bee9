"""EVC procedures in the JSON API: the same permissions and state machine as the pages."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema
from pydantic import WithJsonSchema

from opmaat.accounts.people import display_name
from opmaat.api.schemas import DENIED, REFUSED, Text
from opmaat.catalog.cache import current_catalog
from opmaat.domain.access import Action
from opmaat.domain.recognition.evc import EvcState
from opmaat.learners.access import require
from opmaat.learners.models import Learner
from opmaat.recognition import services
from opmaat.recognition.access import permissions_on, require_on, visible_procedures
from opmaat.recognition.models import Decision, EvcProcedure, OutcomeJudgement

router = Router(tags=["recognition"])

# The ervaringscertificaat as it was issued: a stored document keeps the format it was
# issued in (`opmaat-ervaringscertificaat/1`, `/2`), so only what every format has is named.
CertificateDocument = Annotated[
    dict[str, object],
    WithJsonSchema(
        {
            "type": "object",
            "title": "CertificateDocument",
            "description": "The ervaringscertificaat as issued: `format` "
            "(`opmaat-ervaringscertificaat/<n>`), `number`, and the person, provider, "
            "standard and units it certifies",
            "properties": {"format": {"type": "string"}, "number": {"type": "string"}},
            "required": ["format", "number"],
            "additionalProperties": True,
        }
    ),
]


class JudgementOut(Schema):
    outcome: str
    result: str
    rationale: str
    assessor: str | None  # the login name (kept for scripts)
    assessor_name: str | None  # how the pages name that person
    at: datetime
    evidence: list[int]

    @classmethod
    def from_row(cls, j: OutcomeJudgement) -> JudgementOut:
        return cls(
            outcome=j.outcome,
            result=j.result,
            rationale=j.rationale,
            assessor=j.assessor.get_username() if j.assessor else None,
            assessor_name=display_name(j.assessor) if j.assessor else None,
            at=j.at,
            evidence=sorted(e.pk for e in j.evidence.all()),
        )


class DecisionOut(Schema):
    id: int
    units: list[str]
    outcomes: list[str]
    rationale: str
    certificate: str
    decided_by: str | None  # the login name (kept for scripts)
    decided_by_name: str | None  # how the pages name that person
    decided_at: datetime
    supersedes: int | None
    current: bool

    @classmethod
    def from_row(cls, d: Decision) -> DecisionOut:
        return cls(
            id=d.pk,
            units=d.units,
            outcomes=d.outcomes,
            rationale=d.rationale,
            certificate=d.certificate.number,
            decided_by=d.decided_by.get_username() if d.decided_by else None,
            decided_by_name=display_name(d.decided_by) if d.decided_by else None,
            decided_at=d.decided_at,
            supersedes=d.supersedes_id,
            current=not hasattr(d, "superseded_by"),
        )


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
    version: int  # send it back with a move: the state the move is based on
    # The content: null for those who may only see that the procedure exists and its phase
    # (teachers, workplace supervisors, employers; docs/access.md).
    judgements: list[JudgementOut] | None
    certificates: list[str] | None
    decisions: list[DecisionOut] | None

    @classmethod
    def from_row(cls, procedure: EvcProcedure, allowed: frozenset[Action]) -> ProcedureOut:
        content = Action.VIEW_EVIDENCE in allowed
        decisions = procedure.decisions.select_related("certificate", "decided_by")
        return cls(
            id=procedure.pk,
            learner=procedure.learner_id,
            provider=procedure.provider.name,
            standard=procedure.standard,
            units=procedure.units,
            werkprocessen=list(services.scope_of(procedure).werkprocessen(current_catalog())),
            state=EvcState(procedure.state),
            state_since=procedure.state_since,
            deadline=procedure.deadline,
            version=procedure.version,
            judgements=[
                JudgementOut.from_row(j) for j in services.latest_judgements(procedure).values()
            ]
            if content
            else None,
            certificates=[c.number for c in procedure.certificates.all()] if content else None,
            decisions=[DecisionOut.from_row(d) for d in decisions] if content else None,
        )


class MoveIn(Schema):
    target: EvcState
    note: Text = ""
    # The procedure's `version` the move is based on (as read): 409 `changed_meanwhile`
    # when someone changed the procedure since.
    version: int = Field(ge=1)


def procedure_for(
    request: HttpRequest, pk: int, action: Action = Action.VIEW
) -> tuple[EvcProcedure, frozenset[Action]]:
    """The procedure and the user's permissions on it: 404 when missing, 403 without
    `action` (opmaat.recognition.access)."""
    procedure = get_object_or_404(
        EvcProcedure.objects.select_related("learner", "provider"),
        pk=pk,
        learner__erased_at__isnull=True,
    )
    return procedure, require_on(request.user, action, procedure)


@router.get("/learners/{int:pk}/procedures", response={200: list[ProcedureOut], **DENIED})
def list_procedures(request: HttpRequest, pk: int) -> list[ProcedureOut]:
    """The learner's EVC procedures the user may see, newest first, with the judgement that
    counts per werkproces where the user may read the content."""
    learner = get_object_or_404(Learner, pk=pk, erased_at__isnull=True)
    require(request.user, Action.VIEW, learner)
    found = visible_procedures(request.user).filter(learner=learner)
    return [ProcedureOut.from_row(p, permissions_on(request.user, p)) for p in found]


@router.get("/procedures/{int:pk}", response={200: ProcedureOut, **DENIED})
def get_procedure(request: HttpRequest, pk: int) -> ProcedureOut:
    return ProcedureOut.from_row(*procedure_for(request, pk))


@router.get(
    "/procedures/{int:pk}/certificate",
    response={200: CertificateDocument, **DENIED},
)
def get_certificate(request: HttpRequest, pk: int) -> dict[str, object]:
    """The latest ervaringscertificaat as data (format `opmaat-ervaringscertificaat/1`)."""
    procedure, _ = procedure_for(request, pk, Action.VIEW_EVIDENCE)
    certificate = services.current_certificate(procedure)
    if certificate is None:
        raise Http404("no certificate yet")
    document: dict[str, object] = certificate.document
    return document


@router.post(
    "/procedures/{int:pk}/transitions",
    response={200: ProcedureOut, **REFUSED, **DENIED},
)
def move_procedure(request: HttpRequest, pk: int, body: MoveIn) -> ProcedureOut:
    """Move the procedure to another phase, based on the `version` read: 409
    `changed_meanwhile` when someone changed the procedure since (nothing is written);
    the reason when the state machine refuses (`illegal_transition`,
    `transition_not_allowed`, `transition_blocked`)."""
    procedure, allowed = procedure_for(request, pk)
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied("login required")
    services.move(user, procedure, body.target, body.note, body.version)
    procedure.refresh_from_db()
    return ProcedureOut.from_row(procedure, allowed)
