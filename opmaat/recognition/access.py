"""The bridge from the database to the EVC procedure rules in opmaat.domain.access
(`procedure_permissions`): every page, API operation, download, list and service of this
app asks here what a user may do with one procedure, never the candidate's record."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet

from opmaat.accounts.models import Organisation
from opmaat.domain.access import (
    STAFF_ACTIONS,
    Action,
    OrganisationKind,
    ProcedureFacts,
    Role,
    procedure_permissions,
    roles_on_procedure,
)
from opmaat.learners.access import EMPLOYER_LINK, AnyUser, actor_of, facts_of
from opmaat.learners.models import Consent, Enrolment
from opmaat.recognition.models import EvcProcedure


def procedure_facts(procedure: EvcProcedure) -> ProcedureFacts:
    return ProcedureFacts(record=facts_of(procedure.learner), provider=procedure.provider_id)


def permissions_on(user: AnyUser, procedure: EvcProcedure) -> frozenset[Action]:
    """What `user` may do with `procedure` (empty: not even see it)."""
    return procedure_permissions(actor_of(user), procedure_facts(procedure))


def require_on(user: AnyUser, action: Action, procedure: EvcProcedure) -> frozenset[Action]:
    """The user's permissions on `procedure`, or PermissionDenied without `action`."""
    allowed = permissions_on(user, procedure)
    if action not in allowed:
        raise PermissionDenied(action.value)
    return allowed


def roles_of(user: AnyUser, procedure: EvcProcedure) -> frozenset[Role]:
    """The roles in which `user` may move `procedure` (the state machine's movers)."""
    return roles_on_procedure(actor_of(user), procedure_facts(procedure))


def visible_procedures(user: AnyUser) -> QuerySet[EvcProcedure]:
    """The procedures `user` may see: the query form of `procedure_permissions` granting
    VIEW (tests check the two agree for every role). A link to a school or an employer
    shows the learner's procedures at every provider; a link to an EVC provider only that
    provider's own."""
    actor = actor_of(user)
    procedures = EvcProcedure.objects.filter(learner__erased_at__isnull=True).select_related(
        "learner", "provider"
    )
    if actor.is_admin:
        return procedures
    seen = Q(learner__user_id=actor.user) if actor.user else Q(pk__in=[])
    providers = Organisation.objects.filter(
        pk__in=actor.organisations_with(STAFF_ACTIONS), kind=OrganisationKind.EVC_PROVIDER.value
    ).values("pk")
    consent = Consent.objects.filter(
        learner=OuterRef("learner"),
        organisation=OuterRef("organisation"),
        withdrawn_at__isnull=True,
    )
    staff = [r for r in STAFF_ACTIONS if r != Role.EMPLOYER_HR]
    # As `acts_on_record`: staff at the learner's employer, and HR anywhere, need consent.
    for roles, only_at_employer in ((staff, True), ([Role.EMPLOYER_HR], False)):
        organisations = actor.organisations_with(roles)
        if not organisations:
            continue
        links = Enrolment.objects.filter(organisation__in=organisations)
        seen_without_consent = ~EMPLOYER_LINK if only_at_employer else Q(pk__in=[])
        links = links.filter(seen_without_consent | Exists(consent))
        seen |= Q(learner__in=links.exclude(organisation__in=providers).values("learner"))
        own_provider = links.filter(
            organisation__in=providers,
            organisation=OuterRef("provider"),
            learner=OuterRef("learner"),
        )
        seen |= Q(Exists(own_provider))
    return procedures.filter(seen)
