"""Page guards: log in first, then the access rules decide (403 when not allowed)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from opmaat.domain.access import Action
from opmaat.learners.access import require
from opmaat.learners.models import Learner

LearnerView = Callable[..., HttpResponse]


def signed_in(request: HttpRequest) -> User:
    """The logged-in user of a view behind login_required."""
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied("login required")
    return user


def learner_page(action: Action) -> Callable[[LearnerView], Callable[..., HttpResponse]]:
    """A view of one learner's record: the view gets the learner and the user's permissions
    on it; a user without `action` gets 403, a missing learner 404."""

    def decorate(view: LearnerView) -> Callable[..., HttpResponse]:
        @login_required
        @wraps(view)
        def guarded(request: HttpRequest, pk: int, *args: Any, **kwargs: Any) -> HttpResponse:
            learner = get_object_or_404(Learner, pk=pk, erased_at__isnull=True)
            allowed = require(request.user, action, learner)
            return view(request, learner, allowed, *args, **kwargs)

        return guarded

    return decorate
