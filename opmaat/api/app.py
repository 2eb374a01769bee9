"""The API object: it mounts each app's router and turns errors into problem details
(opmaat.api.problems). The rest
of opmaat.api (auth, schemas) is what the routers share."""

from __future__ import annotations

import math

from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

from opmaat import __version__
from opmaat.api import public
from opmaat.api.auth import PRIVATE
from opmaat.api.problems import (
    domain_problem,
    edge_problem,
    problem_response,
    validation_problem,
)
from opmaat.catalog import api as catalog_api
from opmaat.credentials import api as credentials_api
from opmaat.domain.errors import DomainError, Value
from opmaat.forecasting import api as forecasting_api
from opmaat.learners import api as learners_api
from opmaat.prescan import api as prescan_api
from opmaat.progress import api as progress_api
from opmaat.recognition import api as recognition_api
from opmaat.workforce import api as workforce_api

api = NinjaAPI(
    title="opmaat API",
    version=__version__,
    description=(
        "Catalog, route computation and learners' records of opmaat. Endpoints marked "
        "`security: []` are public; the rest need a bearer token (`opmaat token create`) "
        "or a logged-in session, and follow the same permissions as the pages."
    ),
    auth=PRIVATE,
    urls_namespace="api",
)


HTTP_CODES = {
    400: "bad_request",
    401: "not_authenticated",
    403: "forbidden",
    404: "not_found",
    429: "too_many_requests",
}


@api.exception_handler(DomainError)
def domain_error(request: HttpRequest, error: DomainError) -> HttpResponse:
    return problem_response(domain_problem(error))


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, error: ValidationError) -> HttpResponse:
    return problem_response(validation_problem(error.errors))


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, error: HttpError) -> HttpResponse:
    """Ninja's own refusals, such as a body that is not JSON (400 bad_request) or a client
    over its rate (429 too_many_requests; ninja adds Retry-After)."""
    code = HTTP_CODES.get(error.status_code, "bad_request")
    params: dict[str, Value] = {}
    if isinstance(error, Throttled):
        params["retry_after"] = math.ceil(error.wait or 1)
    return problem_response(edge_problem(code, error.status_code, params))


@api.exception_handler(RequestDataTooBig)
def request_too_large(request: HttpRequest, error: RequestDataTooBig) -> HttpResponse:
    """A body over DATA_UPLOAD_MAX_MEMORY_SIZE, refused before it is read."""
    limit_kb = int(settings.DATA_UPLOAD_MAX_MEMORY_SIZE) // 1024
    return problem_response(edge_problem("request_too_large", 413, {"limit_kb": limit_kb}))


@api.exception_handler(AuthenticationError)
def not_authenticated(request: HttpRequest, error: AuthenticationError) -> HttpResponse:
    return problem_response(edge_problem("not_authenticated", 401))


@api.exception_handler(PermissionDenied)
def permission_denied(request: HttpRequest, error: PermissionDenied) -> HttpResponse:
    return problem_response(edge_problem("forbidden", 403))


@api.exception_handler(Http404)
def not_found(request: HttpRequest, error: Http404) -> HttpResponse:
    return problem_response(edge_problem("not_found", 404))


api.add_router("/", public.router)
api.add_router("/catalog", catalog_api.router)
api.add_router("/learners", learners_api.router)
api.add_router("/prescan", prescan_api.router)
api.add_router("/recognition", recognition_api.router)
api.add_router("/progress", progress_api.router)
api.add_router("/credentials", credentials_api.router)
api.add_router("/workforce", workforce_api.router)
api.add_router("/planning", forecasting_api.router)
