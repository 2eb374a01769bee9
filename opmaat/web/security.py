"""Response headers that keep personal data out of caches and scripts out of the pages.

`PrivateResponsesMiddleware`: every answer to a signed-in user (pages, the API with a
session, downloads such as the learner's `gegevens.json`) and every answer to a request
with an API token carries `Cache-Control: private, no-store`, so no browser, proxy or shared
computer keeps a copy. Public pages (the catalog, the pre-scan form, static files) stay
cacheable; the public pages that show something personal (a kept pre-scan, a verified
credential's holder) say `no-store` themselves.

`ContentSecurityPolicyMiddleware`: every HTML page carries
`settings.OPMAAT_CONTENT_SECURITY_POLICY`: scripts, styles and everything else only from
opmaat's own address, no inline script or style (the templates have none:
tests/architecture/test_templates.py), no frames, no plugins. A view that sets its own
policy (an evidence download) keeps it. In debug mode Django's own error pages, which style
themselves inline, go without.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
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


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.policy = str(settings.OPMAAT_CONTENT_SECURITY_POLICY)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        html = response.get("Content-Type", "").startswith("text/html")
        debug_page = settings.DEBUG and response.status_code in {404, 500}
        if html and not debug_page:
            response.headers.setdefault("Content-Security-Policy", self.policy)
        return response
