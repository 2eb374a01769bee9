"""Health, who am I, and route computation from given holdings (no personal data stored)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import connection
from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Status

from opmaat.api.auth import PUBLIC
from opmaat.api.schemas import Health, Me, Problem, RouteIn, WeekIn
from opmaat.catalog.cache import current_catalog
from opmaat.domain.routes import Holdings, RouteRequest, plan_request, route_document
from opmaat.learners.access import actor_of

router = Router(tags=["public"])


@router.get("/health", response={200: Health, 503: Health}, auth=None, openapi_extra=PUBLIC)
def health(request: HttpRequest) -> Status[dict[str, str]]:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # any database failure means: not healthy
        return Status(503, {"status": "error", "database": "unavailable"})
    return Status(200, {"status": "ok", "database": "ok"})


@router.post(
    "/routes/compute",
    response={200: dict[str, Any], 400: Problem, 422: dict[str, Any]},
    auth=None,
    openapi_extra=PUBLIC,
)
def compute_route(request: HttpRequest, body: RouteIn) -> dict[str, Any]:
    """Plan a route for the holdings given, as `opmaat route --json` does. Nothing is stored."""
    catalog = current_catalog()
    held = [catalog.resolve(c) for c in body.have]
    holdings = Holdings(
        codes=tuple(c for c in held if catalog.kind_of(c) != "outcome"),
        outcomes=tuple(c for c in held if catalog.kind_of(c) == "outcome"),
        exemptions=tuple(catalog.resolve(c) for c in body.exempt),
        elective_hours=body.elective_hours,
    )
    route_request = request_from(body, body.target, body.start or timezone.localdate())
    return route_document(plan_request(catalog, holdings, route_request))


def request_from(week: WeekIn, target: str, start: date) -> RouteRequest:
    return RouteRequest(
        target=target,
        start=start,
        hours_per_week=week.hours_per_week,
        pathway=week.pathway,
        pace=week.pace,
        work_hours_per_week=week.work_hours_per_week,
        exam_only=tuple(week.exam_only),
    )


@router.get("/me", response={200: Me, 401: Problem})
def me(request: HttpRequest) -> dict[str, Any]:
    user = request.user
    learner = getattr(user, "learner", None)
    return {
        "username": user.get_username(),
        "roles": sorted(r.value for r in actor_of(user).roles()),
        "learner": learner.pk if learner is not None and learner.erased_at is None else None,
    }
