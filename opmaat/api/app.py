"""The API object, its error handling and its routers."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI

from opmaat import __version__
from opmaat.api import catalog, learners, public
from opmaat.api.auth import PRIVATE
from opmaat.domain.errors import DomainError

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


@api.exception_handler(DomainError)
def domain_error(request: HttpRequest, error: DomainError) -> HttpResponse:
    return api.create_response(request, {"detail": str(error), "code": error.code}, status=400)


@api.exception_handler(PermissionDenied)
def permission_denied(request: HttpRequest, error: PermissionDenied) -> HttpResponse:
    return api.create_response(request, {"detail": "Not allowed", "code": "forbidden"}, status=403)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, error: Http404) -> HttpResponse:
    return api.create_response(request, {"detail": "Not found", "code": "not_found"}, status=404)


api.add_router("/", public.router)
api.add_router("/catalog", catalog.router)
api.add_router("/learners", learners.router)
