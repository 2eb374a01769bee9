"""The bridge from the database to the access rules in opmaat.domain.access, and the guards
that pages and API operations put in front of a learner's record."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from opmaat.accounts.models import Membership as MembershipRow
from opmaat.domain.access import (
    STAFF_ACTIONS,
    Action,
    Actor,
    Membership,
    OrganisationKind,
    RecordFacts,
    Role,
    record_permissions,
)
from opmaat.learners.models import Consent, Enrolment, Learner

AnyUser = AbstractBaseUser | AnonymousUser


def actor_of(user: AnyUser) -> Actor:
    """The user as the rules see them; cached on the user object for the request."""
    cached: Actor | None = getattr(user, "_opmaat_actor", None)
    if cached is not None:
        return cached
    if not user.is_authenticated or user.pk is None:
        return Actor(user=0)
    rows = MembershipRow.objects.filter(user_id=user.pk).values_list("organisation_id", "role")
    actor = Actor(
        user=int(user.pk),
        memberships=tuple(Membership(org, Role(role)) for org, role in rows),
        is_admin=bool(getattr(user, "is_superuser", False)),
    )
    user._opmaat_actor = actor  # type: ignore[attr-defined]  # a cache on the request's user
    return actor


def facts_of(learner: Learner) -> RecordFacts:
    """The record's facts, read once per learner object (a page asks more than once)."""
    cached: RecordFacts | None = getattr(learner, "_opmaat_facts", None)
    if cached is not None:
        return cached
    links = list(
        learner.enrolments.values_list("organisation_id", "relation", "organisation__kind")
    )
    facts = RecordFacts(
        user=learner.user_id,
        organisations=frozenset(org for org, _, _ in links),
        providers=frozenset(
            org for org, _, kind in links if kind == OrganisationKind.EVC_PROVIDER.value
        ),
        consented=frozenset(
            learner.consents.filter(withdrawn_at__isnull=True).values_list(
                "organisation_id", flat=True
            )
        ),
        employers=frozenset(
            org for org, relation, kind in links if is_employer_link(relation, kind)
        ),
    )
    learner._opmaat_facts = facts  # type: ignore[attr-defined]  # a cache on this object
    return facts


def is_employer_link(relation: str, kind: str) -> bool:
    """Whether a link makes the organisation the learner's employer: the learner works there
    (linked as employee), or it is a care or welfare organisation. `EMPLOYER_LINK` is the
    same test as a query."""
    return relation == Enrolment.Relation.EMPLOYEE or kind == OrganisationKind.CARE.value


EMPLOYER_LINK = Q(relation=Enrolment.Relation.EMPLOYEE) | Q(
    organisation__kind=OrganisationKind.CARE.value
)


def forget_facts(learner: Learner) -> None:
    """After a change to the learner's links or consents."""
    learner.__dict__.pop("_opmaat_facts", None)


def permissions(user: AnyUser, learner: Learner) -> frozenset[Action]:
    return record_permissions(actor_of(user), facts_of(learner))


def require(user: AnyUser, action: Action, learner: Learner) -> frozenset[Action]:
    """The user's permissions on `learner`, or PermissionDenied when `action` is not among them."""
    allowed = permissions(user, learner)
    if action not in allowed:
        raise PermissionDenied(action.value)
    return allowed


def visible_learners(user: AnyUser) -> QuerySet[Learner]:
    """The learners `user` may see: the query form of `record_permissions` granting VIEW
    (tests check the two agree for every role)."""
    actor = actor_of(user)
    learners = Learner.objects.filter(erased_at__isnull=True)
    if actor.is_admin:
        return learners
    consent = Exists(
        Consent.objects.filter(
            learner=OuterRef("learner"),
            organisation=OuterRef("organisation"),
            withdrawn_at__isnull=True,
        )
    )
    staff_roles = [r for r in STAFF_ACTIONS if r != Role.EMPLOYER_HR]
    staff_orgs = actor.organisations_with(staff_roles)
    hr_orgs = actor.organisations_with([Role.EMPLOYER_HR])
    # Links through which the actor acts (`acts_on_record`): staff at a school or provider,
    # staff at the learner's employer only with consent, HR only with consent.
    links = Enrolment.objects.filter(
        Q(organisation__in=staff_orgs) & (~EMPLOYER_LINK | consent)
        | Q(organisation__in=hr_orgs) & consent
    )
    seen = Q(user_id=actor.user) if actor.user else Q(pk__in=[])
    seen |= Q(pk__in=links.values("learner"))
    return learners.filter(seen)


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


def access_learner(user: AnyUser, pk: int, action: Action) -> Learner:
    """The learner `pk` for an API operation: 404 when missing or erased, 403 without
    `action`."""
    learner = get_object_or_404(Learner, pk=pk, erased_at__isnull=True)
    require(user, action, learner)
    return learner
