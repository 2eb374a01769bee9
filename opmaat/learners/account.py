"""The learner's login account in their download, and what erasure does with it.

The login log (django-axes: successful logins, failed attempts, lockouts) stores the username
typed, the address and the browser; it knows no learner, so the account's lines are found
by the names the learner logs in with (username and e-mail address). Erasure deletes them,
relabels the learner's own actions in the log of their record (labelled with their name;
rows written before names existed, with their username: their e-mail address), blanks the
admin's history of the record and the account, and deletes the account; docs/privacy.md
says so.
"""

from __future__ import annotations

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from opmaat.accounts.people import display_name, name_and_role
from opmaat.learners.access import forget_facts
from opmaat.learners.models import AuditEvent, Learner
from opmaat.learners.sections import PrivacySection, erased_name

# Who did it, in the log of an erased record, when it was the learner themself.
ERASED_ACTOR = "deelnemer"


def login_names(learner: Learner) -> set[str]:
    """The names the learner may have logged in with, in lower case."""
    user = learner.user
    names = {learner.email, *((user.get_username(), user.email) if user is not None else ())}
    return {n.lower() for n in names if n}


def labels_of(learner: Learner) -> set[str]:
    """What the log may have called the learner when they acted themself: their name, with
    their role or without (opmaat.accounts.people), in lower case."""
    user = learner.user
    labels = {learner.name, *((display_name(user), name_and_role(user)) if user else ())}
    return {label.lower() for label in labels if label}


def logged_as(names: set[str]) -> Q:
    found = Q(pk__in=[])
    for name in names:
        found |= Q(username__iexact=name)
    return found


def export_section(learner: Learner) -> object:
    user = learner.user
    if user is None:
        return None
    names = login_names(learner)
    return {
        "username": user.get_username(),
        "email": user.email,
        "logins": [
            {
                "at": a.attempt_time.isoformat(),
                "logout_at": a.logout_time.isoformat() if a.logout_time else None,
                "ip_address": a.ip_address,
                "user_agent": a.user_agent,
            }
            for a in AccessLog.objects.filter(logged_as(names)).order_by("attempt_time")
        ],
        "failed_logins": [
            {
                "at": a.attempt_time.isoformat(),
                "ip_address": a.ip_address,
                "user_agent": a.user_agent,
                "locked_out": a.locked_out,
            }
            for a in AccessFailureLog.objects.filter(logged_as(names)).order_by("attempt_time")
        ],
        "failures_counting": [
            {
                "at": a.attempt_time.isoformat(),
                "ip_address": a.ip_address,
                "user_agent": a.user_agent,
                "failures": a.failures_since_start,
            }
            for a in AccessAttempt.objects.filter(logged_as(names)).order_by("attempt_time")
        ],
    }


def erase(learner: Learner) -> None:
    """The login log lines, the account's name in the record's log and in the admin's
    history, and the account itself go."""
    user = learner.user
    names = login_names(learner)
    for model in (AccessLog, AccessAttempt, AccessFailureLog):
        model.objects.filter(logged_as(names)).delete()
    own = Q(actor=user) if user is not None else Q(pk__in=[])
    for name in names | labels_of(learner):
        own |= Q(learner=learner, actor_label__iexact=name)
    AuditEvent.objects.filter(own).update(actor_label=ERASED_ACTOR)
    blank_admin_history(Learner, learner.pk, erased_name(learner.pk))
    if user is not None:
        blank_admin_history(User, user.pk, "")
        learner.user = None  # the account is protected while a record points at it
        learner.save(update_fields=["user"])
        forget_facts(learner)
        user.delete()  # its roles and API tokens go with it; its sessions log no one in


def blank_admin_history(model: type[Learner] | type[User], pk: int, label: str) -> None:
    """The admin's own log (django_admin_log) names changed objects by their str()."""
    kind = ContentType.objects.get_for_model(model)
    LogEntry.objects.filter(content_type=kind, object_id=str(pk)).update(
        object_repr=label, change_message=""
    )


SECTION = PrivacySection(
    "account",
    (),
    export_section,
    erase,
    account_models=(User, AccessLog, AccessAttempt, AccessFailureLog, LogEntry),
)
