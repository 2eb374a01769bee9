"""Health, who am I, and route computation from given holdings (no personal data stored)."""

from __future__ import annotations

from datetime import date

from django.db import connection
from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Router, Schema, Status

from opmaat.api.auth import PUBLIC, PublicRate
from opmaat.api.schemas import MAX_CODES, REFUSED, Code, Problem, RouteDocument, WeekIn
from opmaat.catalog.cache import current_catalog
from opmaat.domain.routes import Holdings, plan_request, route_document
from opmaat.explanations import add_route_texts
from opmaat.learners.access import actor_of
from opmaat.ui.voice import voice

router = Router(tags=["public"])


class RouteIn(WeekIn):
    target: Code = Field(description="Crebo, unit or certificate code")
    have: list[Code] = Field(default_factory=list, max_length=MAX_CODES, description="Codes held")
    exempt: list[Code] = Field(
        default_factory=list, max_length=MAX_CODES, description="Exempted unit codes"
    )
    elective_hours: float = Field(0, ge=0)
    start: date | None = Field(None, description="Default: today")


class Me(Schema):
    username: str
    roles: list[str]
    learner: int | None


class Health(Schema):
    status: str
    database: str


@router.get("/health", response={200: Health, 503: Health}, auth=None, openapi_extra=PUBLIC)
def health(request: HttpRequest) -> Status[Health]:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # any database failure means: not healthy
        return Status(503, Health(status="error", database="unavailable"))
    return Status(200, Health(status="ok", database="ok"))


@router.post(
    "/routes/compute",
    response={200: RouteDocument, **REFUSED, 429: Problem},
    auth=None,
    throttle=PublicRate("routes"),
    openapi_extra=PUBLIC,
)
def compute_route(request: HttpRequest, body: RouteIn) -> dict[str, object]:
    """Plan a route for the holdings given, as `opmaat route --json` does. Nothing is stored.
    A client may ask OPMAAT_PUBLIC_RATE_LIMIT routes a minute (429 too_many_requests after)."""
    catalog = current_catalog()
    held = [catalog.resolve(c) for c in body.have]
    holdings = Holdings(
        codes=tuple(c for c in held if catalog.kind_of(c) != "outcome"),
        outcomes=tuple(c for c in held if catalog.kind_of(c) == "outcome"),
        exemptions=tuple(catalog.resolve(c) for c in body.exempt),
        elective_hours=body.elective_hours,
    )
    route_request = body.route_request(body.target, body.start or timezone.localdate())
    return add_route_texts(route_document(plan_request(catalog, holdings, route_request)), voice())


@router.get("/me", response={200: Me, 401: Problem})
def me(request: HttpRequest) -> Me:
    user = request.user
    learner = getattr(user, "learner", None)
    return Me(
        username=user.get_username(),
        roles=sorted(r.value for r in actor_of(user).roles()),
        learner=learner.pk if learner is not None and learner.erased_at is None else None,
    )
