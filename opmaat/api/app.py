"""The API object: it mounts each app's router and turns errors into responses. The rest
of opmaat.api (auth, schemas) is what the routers share."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI

from opmaat import __version__
from opmaat.api import public
from opmaat.api.auth import PRIVATE
from opmaat.catalog import api as catalog_api
from opmaat.credentials import api as credentials_api
from opmaat.domain.errors import DomainError
from opmaat.learners import api as learners_api
from opmaat.prescan import api as prescan_api
from opmaat.progress import api as progress_api
from opmaat.recognition import api as recognition_api

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
api.add_router("/catalog", catalog_api.router)
api.add_router("/learners", learners_api.router)
api.add_router("/prescan", prescan_api.router)
api.add_router("/recognition", recognition_api.router)
api.add_router("/progress", progress_api.router)
api.add_router("/credentials", credentials_api.router)
