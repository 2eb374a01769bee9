"""Learners' records: the same permissions as the pages (opmaat.domain.access)."""

from __future__ import annotations

from datetime import date, datetime

from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Field, Router, Schema, Status

from opmaat.accounts.people import display_name
from opmaat.api.schemas import DENIED, REFUSED, Code, Problem, Text, WeekIn
from opmaat.catalog.cache import current_catalog
from opmaat.domain.access import Action
from opmaat.domain.errors import NulCharacter
from opmaat.learners import services
from opmaat.learners.access import access_learner, signed_in, visible_learners
from opmaat.learners.models import Holding, Learner, RoutePlan

router = Router(tags=["learners"])


class SavedRouteIn(WeekIn):
    target: Code
    start: date | None = None
    note: Text = ""


class LearnerOut(Schema):
    id: int
    name: str
    email: str
    organisations: list[str]

    @classmethod
    def from_row(cls, learner: Learner) -> LearnerOut:
        return cls(
            id=learner.pk,
            name=learner.name,
            email=learner.email,
            organisations=[e.organisation.name for e in learner.enrolments.all()],
        )


class HoldingOut(Schema):
    id: int
    code: str
    kind: str
    name: str
    evidence: str
    source: str = Field(description="manual, decision or credential")
    source_ref: str = Field(description="The decision's id or the credential's, by source")
    recorded_at: datetime

    @classmethod
    def from_row(cls, holding: Holding, name: str) -> HoldingOut:
        return cls(
            id=holding.pk,
            code=holding.code,
            kind=holding.kind,
            name=name,
            evidence=holding.evidence,
            source=holding.source,
            source_ref=holding.source_ref,
            recorded_at=holding.recorded_at,
        )


class HoldingIn(Schema):
    code: Code
    kind: str = Field("held", pattern="^(held|exemption|outcome)$")
    evidence: Text = ""


class HoldingChangeOut(Schema):
    kind: str = Field(description="held, exemption or outcome")
    code: str


class RouteStatusOut(Schema):
    """Whether the current route still fits what the learner holds and the catalog, as the
    learner's page says it (docs/routes.md, "When a saved route is out of date")."""

    stale: bool = Field(description="planned from other holdings, hours or catalog than now")
    target_held: bool = Field(description="the learner's holdings give the target already")
    basis_unknown: bool = Field(description="saved before routes recorded their basis")
    added: list[HoldingChangeOut]
    removed: list[HoldingChangeOut]
    elective_hours: list[float] | None = Field(
        description="keuzedeel hours [when planned, now] when they differ"
    )
    catalog_changed: bool
    refused: str | None = Field(
        description="the refusal's code when a catalog load could not re-plan the route"
    )

    @classmethod
    def of(cls, status: services.RouteStatus) -> RouteStatusOut:
        change = status.change
        return cls(
            stale=status.stale,
            target_held=status.target_held,
            basis_unknown=change.unknown,
            added=[HoldingChangeOut(kind=k, code=c) for k, c in change.added],
            removed=[HoldingChangeOut(kind=k, code=c) for k, c in change.removed],
            elective_hours=list(change.elective_hours) if change.elective_hours else None,
            catalog_changed=change.catalog,
            refused=status.refused,
        )


class RoutePlanOut(Schema):
    version: int
    target: str
    start: date
    hours_per_week: float
    work_hours_per_week: float | None
    exam_only: list[str]
    pathway: str
    pace: str
    note: str
    saved_at: datetime
    saved_by: str | None  # the login name (kept for scripts)
    saved_by_name: str | None  # how the pages name that person (opmaat.accounts.people)
    # A saved version is a record of the day it was planned: its document has the fields of
    # `opmaat route --json` at that time (RouteDocument now), older ones fewer.
    route: dict[str, object] = Field(
        description="The route as it was saved: `opmaat route --json` of that day"
    )

    # Only on the current route (GET …/routes/current, and a version just saved).
    status: RouteStatusOut | None = None

    @classmethod
    def from_row(cls, plan: RoutePlan, status: RouteStatusOut | None = None) -> RoutePlanOut:
        return cls(
            status=status,
            version=plan.version,
            target=plan.target,
            start=plan.start,
            hours_per_week=plan.hours_per_week,
            work_hours_per_week=plan.work_hours_per_week,
            exam_only=list(plan.exam_only),
            pathway=plan.pathway,
            pace=plan.pace,
            note=plan.note,
            saved_at=plan.created_at,
            saved_by=plan.created_by.get_username() if plan.created_by else None,
            saved_by_name=display_name(plan.created_by) if plan.created_by else None,
            route=plan.document,
        )


@router.get("", response={200: list[LearnerOut], 400: Problem, 401: Problem, 422: Problem})
def list_learners(request: HttpRequest, q: str = "") -> list[LearnerOut]:
    """The learners the caller may see."""
    learners = (
        visible_learners(request.user).order_by("name").prefetch_related("enrolments__organisation")
    )
    if "\x00" in q:
        raise NulCharacter("q")
    if q:
        learners = learners.filter(name__icontains=q)
    return [LearnerOut.from_row(x) for x in learners[:500]]


@router.get("/{int:pk}", response={200: LearnerOut, **DENIED})
def get_learner(request: HttpRequest, pk: int) -> LearnerOut:
    return LearnerOut.from_row(access_learner(request.user, pk, Action.VIEW))


@router.get("/{int:pk}/holdings", response={200: list[HoldingOut], **DENIED})
def list_holdings(request: HttpRequest, pk: int) -> list[HoldingOut]:
    learner = access_learner(request.user, pk, Action.VIEW)
    catalog = current_catalog()
    return [HoldingOut.from_row(h, catalog.name_of(h.code)) for h in learner.holdings.all()]


@router.post("/{int:pk}/holdings", response={201: HoldingOut, **REFUSED, **DENIED})
def add_holding(request: HttpRequest, pk: int, body: HoldingIn) -> Status[HoldingOut]:
    learner = access_learner(request.user, pk, Action.EDIT)
    user = signed_in(request)
    holding = services.add_holding(user, learner, body.code, body.kind, body.evidence)
    return Status(201, HoldingOut.from_row(holding, current_catalog().name_of(holding.code)))


@router.get("/{int:pk}/routes", response={200: list[RoutePlanOut], **DENIED})
def list_routes(request: HttpRequest, pk: int) -> list[RoutePlanOut]:
    """Every saved version, newest first."""
    learner = access_learner(request.user, pk, Action.VIEW)
    return [RoutePlanOut.from_row(p) for p in learner.route_plans.select_related("created_by")]


@router.get("/{int:pk}/routes/current", response={200: RoutePlanOut, **DENIED})
def current_route(request: HttpRequest, pk: int) -> RoutePlanOut:
    learner = access_learner(request.user, pk, Action.VIEW)
    plan = services.current_route(learner)
    if plan is None:
        raise Http404("no saved route")
    return RoutePlanOut.from_row(plan, RouteStatusOut.of(services.route_status(learner, plan)))


@router.post("/{int:pk}/routes", response={201: RoutePlanOut, **REFUSED, **DENIED})
def save_route(request: HttpRequest, pk: int, body: SavedRouteIn) -> Status[RoutePlanOut]:
    """Save a new version of the learner's route (the previous versions stay)."""
    learner = access_learner(request.user, pk, Action.PLAN)
    route_request = body.route_request(body.target, body.start or timezone.localdate())
    plan = services.save_route(signed_in(request), learner, route_request, body.note)
    status = RouteStatusOut.of(services.route_status(learner, plan))
    return Status(201, RoutePlanOut.from_row(plan, status))
