"""Request bodies over REQUEST_MAX_BYTES are refused before anything reads them (413).

Django bounds a body without files (DATA_UPLOAD_MAX_MEMORY_SIZE) when it is read, but not
the files of a multipart form: those are streamed to disk first and only then checked by
the form or the service. This middleware comes before anything that reads the body (CSRF
reads the form) and looks only at the declared Content-Length, which the WSGI server
holds the body to; a body without one is read as empty.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from opmaat.api.problems import edge_problem, problem_response

MiB = 1024 * 1024


def declared_length(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


class RequestSizeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = int(settings.REQUEST_MAX_BYTES)
        if declared_length(request) <= limit:
            return self.get_response(request)
        limit_mb = limit // MiB
        if request.path.startswith("/api/"):
            limit_kb = limit // 1024
            return problem_response(edge_problem("request_too_large", 413, {"limit_kb": limit_kb}))
        return render(request, "413.html", {"limit_mb": limit_mb}, status=413)
