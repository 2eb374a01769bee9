"""How a person is named wherever the app shows who did something: by their full name, with
their role where it helps ("Bram de Vries (intakeadviseur)"), never by their username (a
login name is not a name, and a learner's is their e-mail address).

A learner's account usually has no name of its own (an invitation makes it from the
record): it is named by the record it belongs to. An account without a name says what it
is instead ("intakeadviseur", "beheerder"). Templates use the filters in
opmaat.accounts.templatetags.people.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from opmaat.accounts.models import Membership
from opmaat.domain.access import OrganisationKind, Role

# A role as a noun in a sentence or after a name; a teacher at a care organisation is its
# workplace supervisor.
ROLE_NOUNS = {
    Role.LEARNER: gettext_lazy("deelnemer"),
    Role.INTAKE_ADVISOR: gettext_lazy("intakeadviseur"),
    Role.EVC_ASSESSOR: gettext_lazy("EVC-assessor"),
    Role.TEACHER: gettext_lazy("docent"),
    Role.EXAM_BOARD: gettext_lazy("examencommissie"),
    Role.EMPLOYER_HR: gettext_lazy("HR-medewerker"),
    Role.REGIONAL_COORDINATOR: gettext_lazy("regiocoördinator"),
    Role.CATALOG_EDITOR: gettext_lazy("catalogusredacteur"),
    Role.ADMIN: gettext_lazy("beheerder"),
}
WORKPLACE_SUPERVISOR = gettext_lazy("praktijkopleider")


def full_name(user: Any) -> str:
    """The account's own name, or the name on the learner record it belongs to; empty when
    it has neither."""
    if user is None:
        return ""
    name = " ".join(p for p in (user.first_name.strip(), user.last_name.strip()) if p)
    if name:
        return name
    learner = getattr(user, "learner", None)  # the record's reverse link, when there is one
    if learner is not None and learner.erased_at is None:
        return str(learner.name)
    return ""


def role_words(user: Any) -> str:
    """What the account is, in words: its roles ("docent, examencommissie"), "beheerder"
    for an administrator, "deelnemer" for a learner's account."""
    cached: str | None = getattr(user, "_opmaat_role_words", None)
    if cached is not None:
        return cached
    words: list[str] = []
    rows = Membership.objects.filter(user_id=user.pk).values_list("role", "organisation__kind")
    for role, kind in rows.order_by("role", "organisation__name"):
        if role == Role.TEACHER and kind == OrganisationKind.CARE:
            word = str(WORKPLACE_SUPERVISOR)
        else:
            word = str(ROLE_NOUNS.get(Role(role), role))
        if word not in words:
            words.append(word)
    if getattr(user, "is_superuser", False):
        words.append(str(ROLE_NOUNS[Role.ADMIN]))
    if not words and getattr(user, "learner", None) is not None:
        words.append(str(ROLE_NOUNS[Role.LEARNER]))
    result = ", ".join(words) if words else _("gebruiker")
    user._opmaat_role_words = result  # a cache on this user object
    return result


def display_name(user: Any) -> str:
    """The person's full name; what they are when the account has no name; "—" for no one.
    Never the username."""
    if user is None:
        return "—"
    return full_name(user) or role_words(user)


def name_and_role(user: Any) -> str:
    """The full name with what the person is: "Bram de Vries (intakeadviseur)"; only the
    role when the account has no name."""
    if user is None:
        return "—"
    name = full_name(user)
    role = role_words(user)
    return f"{name} ({role})" if name else role


def shown_as(user: Any, label: str) -> str:
    """Who did something, for a row that stored a label when it was written (the log, a
    result, a decision): the person as they are named now while the account exists, the
    stored label once it is gone."""
    if user is not None:
        return name_and_role(user)
    return label or "—"
