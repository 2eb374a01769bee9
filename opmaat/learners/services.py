"""Every change to a learner's record goes through here: checked against the access rules,
written in one transaction and audited (who, when, what changed)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol

from django.contrib.auth.models import User
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext

from opmaat.accounts import mail
from opmaat.accounts.models import Organisation
from opmaat.accounts.people import name_and_role
from opmaat.backup import ledger
from opmaat.catalog.cache import current_catalog, current_version
from opmaat.domain.access import Action, may_enrol
from opmaat.domain.catalog import Catalog, CodeKind
from opmaat.domain.catalog.picker import Option, catalog_codes, options
from opmaat.domain.errors import Conflict, DomainError, InvalidChoice, InvalidInput
from opmaat.domain.recognition.evc import EvcState
from opmaat.domain.recognition.grants import Source
from opmaat.domain.routes import (
    Holdings,
    Leerweg,
    Pace,
    Route,
    RouteRequest,
    Verdict,
    plan_request,
    route_document,
    target_of,
)
from opmaat.domain.routes.basis import (
    Basis,
    BasisChange,
    basis_document,
    basis_of_document,
    compare_basis,
    target_held,
)
from opmaat.explanations import add_route_texts
from opmaat.learners.access import actor_of, forget_facts, require
from opmaat.learners.models import (
    AuditEvent,
    Consent,
    Enrolment,
    ErasureRequest,
    Holding,
    Learner,
    RoutePlan,
)
from opmaat.learners.sections import erased_name, privacy_sections

PERSONAL_FIELDS = ("name", "email", "date_of_birth", "background", "elective_hours_done")


def audit(
    actor: User | None,
    learner: Learner | None,
    action: str,
    summary: str,
    changes: Mapping[str, Any] | None = None,
) -> AuditEvent:
    return AuditEvent.objects.create(
        actor=actor,
        actor_label=name_and_role(actor) if actor is not None else "opmaat",
        learner=learner,
        action=action,
        summary=summary[:300],
        changes=dict(changes or {}),
    )


def holdings_of(learner: Learner) -> Holdings:
    rows = list(learner.holdings.values_list("code", "kind"))
    return Holdings(
        codes=tuple(c for c, k in rows if k == Holding.Kind.HELD),
        exemptions=tuple(c for c, k in rows if k == Holding.Kind.EXEMPTION),
        outcomes=tuple(c for c, k in rows if k == Holding.Kind.OUTCOME),
        elective_hours=learner.elective_hours_done,
    )


def current_route(learner: Learner) -> RoutePlan | None:
    return learner.route_plans.select_related("created_by").order_by("-version").first()


def holding_options(learner: Learner, target: str | None = None) -> tuple[Option, ...]:
    """What the code picker of the holding form offers: the parts of the learner's route
    target (the current route's, unless the caller read it already) first (each unit
    followed by its werkprocessen, then the generic subjects), then every other code of the
    catalog."""
    catalog = current_catalog()
    if target is None:
        plan = current_route(learner)
        target = plan.target if plan else None
    fitting = target_parts(catalog, target)
    return options(catalog, fitting, catalog_codes(catalog))


def target_parts(catalog: Catalog, target: str | None) -> tuple[str, ...]:
    """The units of `target`'s default cut, each followed by the werkprocessen it asks, and
    its generic subjects; nothing without a target, or for one the catalog no longer plans."""
    if not target:
        return ()
    try:
        requirements = target_of(catalog, target)[1]
    except DomainError:
        return ()
    units = (code for unit, needed in requirements.units for code in (unit, *needed))
    return (*units, *requirements.generic)


@transaction.atomic
def create_learner(
    actor: User,
    organisation: Organisation,
    relation: str,
    fields: Mapping[str, Any],
) -> Learner:
    if not may_enrol(actor_of(actor), organisation.pk):
        raise PermissionDenied(f"not allowed to enrol learners at {organisation.name}")
    learner = Learner.objects.create(**{k: fields[k] for k in PERSONAL_FIELDS if k in fields})
    Enrolment.objects.create(
        learner=learner, organisation=organisation, relation=relation, since=timezone.localdate()
    )
    audit(
        actor,
        learner,
        "learner.created",
        f"Deelnemer aangemaakt bij {organisation.name}",
        {k: _json(fields[k]) for k in PERSONAL_FIELDS if k in fields},
    )
    return learner


@transaction.atomic
def update_learner(actor: User, learner: Learner, fields: Mapping[str, Any]) -> None:
    require(actor, Action.EDIT, learner)
    changes = {}
    for name in PERSONAL_FIELDS:
        if name in fields and getattr(learner, name) != fields[name]:
            changes[name] = [_json(getattr(learner, name)), _json(fields[name])]
            setattr(learner, name, fields[name])
    if changes:
        learner.save(update_fields=list(changes))
        audit(actor, learner, "learner.updated", "Persoonsgegevens gewijzigd", changes)


def _json(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value


# Holdings that credit units or werkprocessen without a diploma or certificate held: an
# exemption (vrijstelling) and a werkproces credited on its own (leerresultaat behaald).
# The exam board decides them (Action.DECIDE_EXEMPTION), on the record or from an
# ervaringscertificaat; whoever may edit the record records what is held.
EXAM_BOARD_KINDS = frozenset({Holding.Kind.EXEMPTION.value, Holding.Kind.OUTCOME.value})


def may_record(allowed: frozenset[Action], kind: str) -> bool:
    """Whether someone with `allowed` on a record may record or remove a holding of `kind`."""
    if Action.EDIT not in allowed:
        return False
    return kind not in EXAM_BOARD_KINDS or Action.DECIDE_EXEMPTION in allowed


class ExemptionForExamBoard(DomainError):
    """An exemption or a werkproces credited on its own, recorded or removed by someone
    who is not the exam board: `kind` is exemption or outcome, `value` the code."""

    code = "exemption_for_exam_board"
    status = 403
    variant = "kind"

    def __init__(self, kind: str, value: str) -> None:
        super().__init__(field="kind", kind=kind, value=value)


@transaction.atomic
def add_holding(
    actor: User,
    learner: Learner,
    code: str,
    kind: str,
    evidence: str = "",
    source: Source = Source.MANUAL,
    source_ref: str = "",
) -> Holding:
    """Record a holding on its source's grounds (by hand unless a decision or credential
    grants it); the same code on other grounds is a holding of its own. What is held may be
    recorded by whoever may edit the record; an exemption or a werkproces credited on its
    own (EXAM_BOARD_KINDS) by the exam board only."""
    allowed = require(actor, Action.EDIT, learner)
    catalog = current_catalog()
    code = catalog.resolve(code.strip())
    kind = kind_for(catalog, code, kind)
    if not may_record(allowed, kind):
        raise ExemptionForExamBoard(kind, code)
    holding, created = Holding.objects.get_or_create(
        learner=learner,
        code=code,
        kind=kind,
        source=source.value,
        source_ref=source_ref,
        defaults={"evidence": evidence, "recorded_by": actor},
    )
    if created:
        label = Holding.Kind(kind).label
        audit(
            actor,
            learner,
            "holding.added",
            f"{label}: {code} {catalog.name_of(code)}",
            {"code": code, "kind": kind, "evidence": evidence, "source": source.value},
        )
    return holding


def kind_for(catalog: Catalog, code: str, kind: str) -> str:
    """An outcome code is recorded as an outcome whatever the form said; exemptions are for
    units and generic subjects only."""
    if catalog.kind_of(code) == CodeKind.OUTCOME:
        return Holding.Kind.OUTCOME
    if kind == Holding.Kind.EXEMPTION and catalog.kind_of(code) == CodeKind.QUALIFICATION:
        raise QualificationExemption(code)
    if kind not in Holding.Kind.values:
        raise InvalidChoice("kind", kind)
    return kind if kind != Holding.Kind.OUTCOME else Holding.Kind.HELD


@transaction.atomic
def remove_holding(actor: User, holding: Holding) -> None:
    learner = holding.learner
    allowed = require(actor, Action.EDIT, learner)
    if not may_record(allowed, holding.kind):
        raise ExemptionForExamBoard(holding.kind, holding.code)
    audit(
        actor,
        learner,
        "holding.removed",
        f"{holding.get_kind_display()} verwijderd: {holding.code}",
        {"code": holding.code, "kind": holding.kind, "evidence": holding.evidence},
    )
    holding.delete()


@dataclass(frozen=True, slots=True)
class Preview:
    request: RouteRequest
    route: Route


def preview_route(learner: Learner, request: RouteRequest) -> Preview:
    """The route the request would give, not saved: the composer's live preview."""
    route = plan_request(current_catalog(), holdings_of(learner), request)
    return Preview(request, route)


class TargetNotOpen(InvalidInput):
    """The learner may not start the target: the admission `rule` says why (and, for
    Entree, the diploma `held` that admits to level 2 instead)."""

    code = "target_not_open"
    variant = "rule"

    def __init__(self, verdict: Verdict) -> None:
        rule = verdict.rule.value if verdict.rule else ""
        super().__init__(field="target", rule=rule, held=verdict.held)


class QualificationExemption(InvalidInput):
    """An exemption recorded for a whole qualification: that is a diploma held."""

    code = "qualification_exemption"

    def __init__(self, value: str) -> None:
        super().__init__(field="kind", value=value)


class CannotInvite(Conflict):
    """An invitation that cannot be sent: `problem` is has_account, no_email or
    account_exists; `name` the learner's name or the address."""

    code = "cannot_invite"
    variant = "problem"

    def __init__(self, problem: str, name: str) -> None:
        super().__init__(problem=problem, name=name)


@transaction.atomic
def save_route(actor: User, learner: Learner, request: RouteRequest, note: str = "") -> RoutePlan:
    """A new route version. Only towards a target the learner may start (WEB art. 8.1.1b,
    8.2.1); a re-plan after a decision (`replan`) keeps the target as it was."""
    require(actor, Action.PLAN, learner)
    route = preview_route(learner, request).route
    if not route.open:
        raise TargetNotOpen(route.admission)
    return _save_route(actor, learner, request, note)


def _save_route(
    actor: User | None, learner: Learner, request: RouteRequest, note: str
) -> RoutePlan:
    # Lock the learner row so two advisors saving at once get consecutive versions.
    Learner.objects.select_for_update().filter(pk=learner.pk).first()
    preview = preview_route(learner, request)
    previous = current_route(learner)
    version = (learner.route_plans.aggregate(v=Max("version"))["v"] or 0) + 1
    plan = RoutePlan.objects.create(
        learner=learner,
        version=version,
        target=preview.route.target.code,
        start=request.start,
        hours_per_week=request.study_hours_per_week,
        work_hours_per_week=preview.route.time.work_hours,
        exam_only=list(preview.route.exam_only),
        pathway=request.pathway.value,
        pace=request.pace.value,
        note=note,
        document=add_route_texts(route_document(preview.route)),
        planned_from=basis_document(Basis.of(holdings_of(learner), current_version())),
        created_by=actor,
    )
    audit(
        actor,
        learner,
        "route.saved",
        f"Route versie {version} opgeslagen: {plan.target} {preview.route.target.name}",
        route_changes(previous, plan),
    )
    return plan


@transaction.atomic
def replan(actor: User, learner: Learner, note: str) -> RoutePlan | None:
    """A new version of the learner's current route with the same settings, after their
    holdings changed (an exemption decision, a certificate). Whoever may change holdings
    may do this: the route only follows what they recorded. What is left starts today (or
    on the planned start, if later). None when the learner has no route yet."""
    allowed = require(actor, Action.VIEW, learner)
    if not allowed & {Action.EDIT, Action.PLAN}:
        raise PermissionDenied(Action.EDIT.value)
    plan = current_route(learner)
    if plan is None:
        return None
    # What is left starts now, or on the planned start if that is still ahead.
    start = max(plan.start, timezone.localdate())
    return _save_route(actor, learner, request_of(plan, start), note)


@transaction.atomic
def replan_for_catalog(actor: User | None, learner: Learner, note: str) -> RoutePlan | None:
    """A new version of the learner's current route with the same settings, after a forced
    catalog load dropped codes it refers to (opmaat.catalog.services.do_load_checked, which
    checks that `actor` may edit the catalog; None is the command line). None when the
    learner has no route; a refusal (an unknown code held, a target that is gone) leaves the
    route for `mark_route_stale`."""
    plan = current_route(learner)
    if plan is None:
        return None
    start = max(plan.start, timezone.localdate())
    return _save_route(actor, learner, request_of(plan, start), note)


def mark_route_stale(actor: User | None, learner: Learner, reason: str) -> None:
    """Record that the current route no longer fits the catalog and could not be re-planned
    (`reason`: the refusal's code); the route pages say so until a new version is saved."""
    plan = current_route(learner)
    if plan is None:
        return
    audit(
        actor,
        learner,
        "route.stale",
        f"Route versie {plan.version} past niet meer bij de catalogus",
        {"version": plan.version, "reason": reason},
    )


def stale_reason(learner: Learner, plan: RoutePlan | None) -> str | None:
    """Why `plan` (the current route) was marked stale after a catalog load, or None."""
    if plan is None:
        return None
    for changes in learner.audit_events.filter(action="route.stale").values_list(
        "changes", flat=True
    ):
        if isinstance(changes, dict) and changes.get("version") == plan.version:
            return str(changes.get("reason", ""))
    return None


@dataclass(frozen=True, slots=True)
class RouteStatus:
    """Whether a saved route still fits: what changed since it was planned (`change`),
    and the refusal's code when a catalog load could not re-plan it (`refused`)."""

    change: BasisChange
    refused: str | None = None

    @property
    def target_held(self) -> bool:
        return self.change.target_held

    @property
    def stale(self) -> bool:
        return self.change.stale or self.refused is not None


def route_status(learner: Learner, plan: RoutePlan) -> RouteStatus:
    """What changed since `plan` was planned: its recorded basis against the learner's
    holdings and the catalog now (opmaat.domain.routes.basis), and whether a catalog load
    marked it stale (`mark_route_stale`)."""
    holdings = holdings_of(learner)
    current = Basis.of(holdings, current_version())
    held = target_held(current_catalog(), holdings, plan.target)
    change = compare_basis(basis_of_document(plan.planned_from), current, target_held=held)
    return RouteStatus(change, stale_reason(learner, plan))


REPLAN_NOTE = "Opnieuw gepland omdat de route verouderd was."


def request_of(plan: RoutePlan, start: date | None = None) -> RouteRequest:
    """The request a saved route was planned with (from `start`, if given)."""
    return RouteRequest(
        plan.target,
        start or plan.start,
        plan.hours_per_week,
        Leerweg(plan.pathway),
        Pace(plan.pace),
        work_hours_per_week=plan.work_hours_per_week,
        exam_only=tuple(plan.exam_only),
    )


# A saved route's settings, in the log of a new version when they changed.
ROUTE_FIELDS = (
    "target", "start", "hours_per_week", "work_hours_per_week", "exam_only", "pathway", "pace"
)  # fmt: skip


def route_changes(previous: RoutePlan | None, plan: RoutePlan) -> dict[str, object]:
    """The settings that differ from the previous version, as [old, new] pairs, and the
    completion dates."""
    changes: dict[str, object] = {}
    for name in ROUTE_FIELDS:
        new = _json(getattr(plan, name))
        old = _json(getattr(previous, name)) if previous is not None else None
        if old != new:
            changes[name] = [old, new]
    changes["completion_date"] = [
        previous.document.get("completion_date") if previous is not None else None,
        plan.document.get("completion_date"),
    ]
    return changes


@transaction.atomic
def invite_learner(actor: User, learner: Learner, request: HttpRequest) -> User:
    """Give the learner an account (their e-mail address as username) and mail them a link
    to choose a password; no password is ever set or seen by staff."""
    require(actor, Action.EDIT, learner)
    if learner.user_id is not None:
        raise CannotInvite("has_account", learner.name)
    if not learner.email:
        raise CannotInvite("no_email", learner.name)
    if User.objects.filter(username__iexact=learner.email).exists():
        raise CannotInvite("account_exists", learner.email)
    user = User.objects.create_user(username=learner.email, email=learner.email)
    user.set_unusable_password()
    user.save(update_fields=["password"])
    learner.user = user
    learner.save(update_fields=["user"])
    # A password-reset link for the new account (Django sends reset links only to users
    # with a usable password), mailed once the account is committed.
    context = {
        "user": user,
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "token": default_token_generator.make_token(user),
        "protocol": "https" if request.is_secure() else "http",
        "domain": request.get_host(),
        "learner": learner,
    }
    mail.send_after_commit(
        mail.compose(
            "registration/invitation_subject.txt",
            "registration/invitation_email.html",
            context,
            None,
            learner.email,
        )
    )
    audit(
        actor,
        learner,
        "learner.invited",
        f"Account aangemaakt en uitnodiging gestuurd aan {learner.email}",
    )
    return user


@transaction.atomic
def grant_consent(actor: User, learner: Learner, organisation: Organisation) -> None:
    require(actor, Action.MANAGE_CONSENT, learner)
    if learner.consents.filter(organisation=organisation, withdrawn_at__isnull=True).exists():
        return
    Consent.objects.create(learner=learner, organisation=organisation, granted_at=timezone.now())
    forget_facts(learner)
    audit(
        actor,
        learner,
        "consent.granted",
        f"Toestemming gegeven aan {organisation.name}",
        {"organisation": organisation.name},
    )


@transaction.atomic
def withdraw_consent(actor: User, learner: Learner, organisation: Organisation) -> None:
    require(actor, Action.MANAGE_CONSENT, learner)
    updated = learner.consents.filter(organisation=organisation, withdrawn_at__isnull=True).update(
        withdrawn_at=timezone.now()
    )
    forget_facts(learner)
    if updated:
        audit(
            actor,
            learner,
            "consent.withdrawn",
            f"Toestemming ingetrokken voor {organisation.name}",
            {"organisation": organisation.name},
        )


@transaction.atomic
def request_erasure(actor: User, learner: Learner, reason: str = "") -> ErasureRequest:
    require(actor, Action.REQUEST_ERASURE, learner)
    pending = learner.erasure_requests.filter(carried_out_at__isnull=True).first()
    if pending is not None:
        return pending
    request = ErasureRequest.objects.create(learner=learner, reason=reason)
    audit(actor, learner, "erasure.requested", "Verzoek om gegevens te wissen ingediend")
    return request


# What an erased record's log lines say instead of their summary: that something happened
# (the action, e.g. holding.added), when and by whom stay; what it was goes.
ERASED_SUMMARY = "(inhoud gewist)"


@transaction.atomic
def erase_learner(actor: User, learner: Learner) -> bool:
    """Remove the learner's personal data (docs/privacy.md says what stays and why): the one
    way a record is emptied, for an erasure request and in the admin alike. False when the
    record was erased already.

    The record stays as an empty shell so that the audit trail and issued certificates keep
    something to point at; every privacy section (the account and its login log among
    them, opmaat.learners.account) erases its part in the same transaction.
    """
    require(actor, Action.ERASE, learner)
    locked = Learner.objects.select_for_update().get(pk=learner.pk)
    if locked.erased_at is not None:
        return False
    erase(actor, learner, "Persoonsgegevens gewist")
    return True


def erased_learners() -> list[tuple[int, datetime]]:
    """Every erased record with when (what the erasure ledger also holds)."""
    rows = Learner.objects.filter(erased_at__isnull=False).values_list("pk", "erased_at")
    return [(pk, at) for pk, at in rows if at is not None]


@transaction.atomic
def erase_again(learner_id: int) -> bool:
    """Erase a record that a restored backup brought back although it had been erased
    (opmaat.backup); False when there is no such record or it is erased already."""
    learner = Learner.objects.select_for_update().filter(pk=learner_id).first()
    if learner is None or learner.erased_at is not None:
        return False
    erase(None, learner, "Persoonsgegevens opnieuw gewist na herstel van een back-up")
    return True


def erase(actor: User | None, learner: Learner, summary: str) -> None:
    """The erasure itself, audited with `summary`; the ledger learns of it once committed.
    Every privacy section erases its part first: the login account's section
    (opmaat.learners.account) deletes the account and its login log."""
    for section in privacy_sections():
        section.erase(learner)
    learner.holdings.all().delete()
    learner.route_plans.all().delete()
    learner.consents.all().delete()
    learner.enrolments.all().delete()
    forget_facts(learner)
    learner.audit_events.update(changes={}, summary=ERASED_SUMMARY)
    learner.name = erased_name(learner.pk)
    learner.email = ""
    learner.date_of_birth = None
    learner.background = ""
    learner.elective_hours_done = 0
    learner.user = None
    learner.erased_at = timezone.now()
    learner.save()
    learner.erasure_requests.update(reason="")
    learner.erasure_requests.filter(carried_out_at__isnull=True).update(
        carried_out_at=learner.erased_at
    )
    audit(actor, learner, "learner.erased", summary)
    erased = (learner.pk, learner.erased_at)
    transaction.on_commit(lambda: ledger.record(*erased))


class Procedure(Protocol):
    """What the learner list reads of an EVC procedure (opmaat.recognition)."""

    learner_id: int
    state: str
    deadline: date | None

    def get_state_display(self) -> str: ...


@dataclass(frozen=True, slots=True)
class Overview:
    """A learner's line in the learner list: where they are going, where they are, and the
    next date that matters."""

    learner: Learner
    target: str  # the saved route's target, by name; "" without a route
    phase: str
    next_date: date | None
    next_what: str  # what happens on next_date


def overviews(
    learners: Iterable[Learner], procedures: Iterable[Procedure], today: date
) -> list[Overview]:
    """Per learner: the target of the latest saved route; the phase (an open EVC
    procedure's phase, else "in opleiding" with a route, else "intake"); the next date (the
    EVC deadline, else the end of the next planned unit, else the planned finish).
    `procedures` are those the reader may see."""
    chosen = list(learners)
    catalog = current_catalog()
    plans: dict[int, RoutePlan] = {}
    for saved in RoutePlan.objects.filter(learner__in=chosen).order_by("learner", "-version"):
        plans.setdefault(saved.learner_id, saved)
    open_evc: dict[int, Procedure] = {}
    for procedure in procedures:
        if not EvcState(procedure.state).final:
            open_evc.setdefault(procedure.learner_id, procedure)
    rows = []
    for learner in chosen:
        plan = plans.get(learner.pk)
        target = catalog.name_of(plan.target) if plan is not None else ""
        evc = open_evc.get(learner.pk)
        if evc is not None:
            phase = gettext("EVC: %(phase)s") % {"phase": evc.get_state_display()}
            when, what = evc.deadline, gettext("EVC uiterlijk klaar") if evc.deadline else ""
        elif plan is not None:
            phase = gettext("in opleiding")
            when, what = next_in_route(plan.document, today)
        else:
            phase, when, what = gettext("intake"), None, ""
        rows.append(Overview(learner, target, phase, when, what))
    return rows


def next_in_route(document: Mapping[str, Any], today: date) -> tuple[date | None, str]:
    """The end of the first planned unit not yet over, else the route's finish."""
    for item in document.get("missing_units", []):
        end = date.fromisoformat(str(item["end"]))
        if end >= today:
            return end, gettext("%(unit)s klaar") % {"unit": item["title"]}
    finish = document.get("completion_date")
    return (date.fromisoformat(str(finish)), gettext("route klaar")) if finish else (None, "")


def pending_erasures() -> QuerySet[ErasureRequest]:
    """Erasure requests not carried out yet, oldest first: the administrator's work (each
    within a month of the request, docs/privacy.md)."""
    return (
        ErasureRequest.objects.filter(carried_out_at__isnull=True, learner__erased_at__isnull=True)
        .select_related("learner")
        .order_by("requested_at")
    )
