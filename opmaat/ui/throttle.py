"""Rate limits on what anyone may ask without an account: per client, in Django's cache.

The public route computation and pre-scan (API and page) cost real work; one client may ask
`PUBLIC_RATE_LIMIT` of each in `PUBLIC_RATE_WINDOW` seconds, and then waits for the next
window (429, with `Retry-After`). A client is the signed-in user, or else the address that
django-axes uses for login lockouts. The counts live in the default cache: with the default
local-memory cache each worker process counts on its own (a shared cache, such as Django's
database cache, makes one count for all workers).
"""

from __future__ import annotations

import math
import time

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from opmaat.domain.errors import DomainError
from opmaat.ui.errors import explain


class TooManyRequests(DomainError):
    """More requests from one client than the limit allows; `retry_after` is the number of
    seconds until it may ask again."""

    code = "too_many_requests"
    status = 429

    def __init__(self, retry_after: int) -> None:
        self.retry_after = retry_after
        super().__init__(retry_after=retry_after)


def client_of(request: HttpRequest) -> str:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    address = get_client_ip_address(request)
    return f"address:{address or 'unknown'}"


def counted(request: HttpRequest, scope: str) -> bool:
    """Count one request of `scope` ("routes", "prescan") for the request's client: whether
    it is within the client's share of the current window."""
    limit = int(settings.PUBLIC_RATE_LIMIT)
    window = int(settings.PUBLIC_RATE_WINDOW)
    if limit <= 0:
        return True  # switched off
    key = f"opmaat:rate:{scope}:{int(time.time() // window)}:{client_of(request)}"
    cache.add(key, 0, timeout=window + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr: this is its first request
        cache.set(key, 1, timeout=window + 1)
        count = 1
    return count <= limit


def seconds_left() -> int:
    """Until the next window starts, rounded up."""
    window = int(settings.PUBLIC_RATE_WINDOW)
    return max(1, math.ceil(window - time.time() % window))


def check_rate(request: HttpRequest, scope: str) -> None:
    """TooManyRequests when the request's client has had its share of `scope`."""
    if not counted(request, scope):
        raise TooManyRequests(seconds_left())


def with_retry_after(response: HttpResponse, error: TooManyRequests) -> HttpResponse:
    response["Retry-After"] = str(error.retry_after)
    return response


def too_many_requests_page(request: HttpRequest, error: TooManyRequests) -> HttpResponse:
    """The page a browser gets when its client has asked too much (429)."""
    response = render(request, "429.html", {"message": explain(error)}, status=429)
    return with_retry_after(response, error)
