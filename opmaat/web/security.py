"""Response headers that keep personal data out of caches.

`PrivateResponsesMiddleware`: every answer to a signed-in user (pages, the API with a
session, downloads such as the learner's `gegevens.json`) and every answer to a request
with an API token carries `Cache-Control: private, no-store`, so no browser, proxy or shared
computer keeps a copy. Public pages (the catalog, the pre-scan form, static files) stay
cacheable; the public pages that show something personal (a kept pre-scan, a verified
credential's holder) say `no-store` themselves.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

NO_STORE = "private, no-store"


class PrivateResponsesMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        signed_in = user is not None and user.is_authenticated
        if signed_in or "HTTP_AUTHORIZATION" in request.META:
            response["Cache-Control"] = NO_STORE
            response.headers.pop("Expires", None)
        return response
