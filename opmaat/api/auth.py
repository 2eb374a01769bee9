"""API credentials: a bearer token (scripts) or the browser session (pages' own scripts)."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer, SessionAuth
from ninja.throttling import BaseThrottle

from opmaat.accounts.models import ApiToken, hash_token
from opmaat.ui.throttle import counted, seconds_left

# Touch `last_used_at` at most this often, so reads do not turn into writes.
LAST_USED_RESOLUTION_SECONDS = 300


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> AbstractBaseUser | None:
        row = (
            ApiToken.objects.select_related("user")
            .filter(key_hash=hash_token(token), user__is_active=True)
            .first()
        )
        if row is None:
            return None
        now = timezone.now()
        if (
            row.last_used_at is None
            or (now - row.last_used_at).total_seconds() > LAST_USED_RESOLUTION_SECONDS
        ):
            ApiToken.objects.filter(pk=row.pk).update(last_used_at=now)
        request.user = row.user
        return row.user


class LoggedInSession(SessionAuth):
    """The browser session; the CSRF check only for requests that have one, so that a
    request without credentials gets 401 rather than a CSRF 403."""

    def __call__(self, request: HttpRequest) -> object:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        return super().__call__(request)


PRIVATE = [TokenAuth(), LoggedInSession()]
# Marks an operation that needs no credentials (catalog, health, route computation).
PUBLIC: dict[str, object] = {"security": []}


class PublicRate(BaseThrottle):
    """What one client may ask of a public operation that costs real work, counted before
    the body is read (opmaat.ui.throttle); beyond it 429 `too_many_requests`."""

    def __init__(self, scope: str) -> None:
        self.scope = scope

    def allow_request(self, request: HttpRequest) -> bool:
        return counted(request, self.scope)

    def wait(self) -> float:
        return float(seconds_left())
