"""The pre-scan's only writer: rules from the editor's tables, scans stored by token,
attached to a learner's record (audited), and purged when nobody kept them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from opmaat.catalog.cache import current_catalog
from opmaat.domain.access import Action
from opmaat.domain.errors import DomainError
from opmaat.domain.prescan.scan import (
    DEFAULT_TIME,
    CanDo,
    PrescanResult,
    PrescanRules,
    UnitRule,
    prescan_document,
    run_prescan,
)
from opmaat.domain.routes import Leerweg, StudyTime, study_time
from opmaat.explanations import add_prescan_texts
from opmaat.learners.access import require
from opmaat.learners.models import Learner
from opmaat.learners.services import audit
from opmaat.prescan import models as m

# Unattached scans older than this are removed by `purge_prescans` (docs/privacy.md).
KEEP_ANONYMOUS_DAYS = 90


def current_rules() -> PrescanRules:
    """The rules as the catalog editor set them; opmaat's defaults where there are none."""
    default = m.DefaultRule.objects.order_by("pk").first()
    units = tuple(unit_rule(r) for r in m.UnitRule.objects.select_related("unit"))
    if default is None:
        return PrescanRules(units=units)
    return PrescanRules(
        likely_at=CanDo(default.likely_at),
        possible_share=default.possible_share,
        units=units,
        note=default.note,
    )


def unit_rule(row: m.UnitRule) -> UnitRule:
    return UnitRule(
        unit=row.unit.code,
        counted=tuple(row.counted_outcomes.order_by("position").values_list("code", flat=True)),
        likely_at=CanDo(row.likely_at) if row.likely_at else None,
        possible_share=row.possible_share,
        note=row.note,
    )


def compute(
    target: str,
    have: Sequence[str],
    answers: Mapping[str, CanDo],
    time: StudyTime = DEFAULT_TIME,
    start: date | None = None,
) -> PrescanResult:
    """A pre-scan on the current catalog and rules, planned on `time` from `start` (default
    today); nothing is stored."""
    begin = start or timezone.localdate()
    return run_prescan(current_catalog(), target, have, answers, current_rules(), time, begin)


@transaction.atomic
def do_store_prescan(
    target: str,
    have: Sequence[str],
    answers: Mapping[str, CanDo],
    other: str = "",
    time: StudyTime = DEFAULT_TIME,
) -> m.SavedPrescan:
    """Compute and keep a scan under a new token, attached to nobody."""
    result = compute(target, have, answers, time)
    return m.SavedPrescan.objects.create(
        target=result.target.code,
        have=list(result.have),
        other=other,
        answers={code.strip().upper(): answer.value for code, answer in answers.items()},
        pathway=time.pathway.value,
        hours_per_week=time.study_hours,
        work_hours_per_week=time.work_hours,
        document=add_prescan_texts(prescan_document(result)),
    )


def week_of(scan: m.SavedPrescan) -> StudyTime:
    """The week the scan was planned for (a scan from before pathways: BOL at its hours;
    one that is no longer a valid week: the default)."""
    try:
        return study_time(Leerweg(scan.pathway), scan.hours_per_week, scan.work_hours_per_week)
    except DomainError:
        return DEFAULT_TIME


def replan(scan: m.SavedPrescan, time: StudyTime) -> PrescanResult | None:
    """The scan's question planned again on another week, with today's catalog and rules;
    None when that catalog can no longer answer it (a code since removed). Not stored: the
    kept document stays as it was shown."""
    try:
        return compute(scan.target, scan.have, answers_of(scan), time)
    except DomainError:
        return None


def answers_of(scan: m.SavedPrescan) -> dict[str, CanDo]:
    return {code: CanDo(value) for code, value in scan.answers.items()}


def scan_for(user: AbstractBaseUser | AnonymousUser, token: str) -> m.SavedPrescan:
    """The scan behind `token`: anyone holding the token may see an unattached scan; once on
    a record, only who may see that record (others get 404, as if there were none)."""
    scan = m.SavedPrescan.objects.select_related("learner").filter(token=token).first()
    if scan is None:
        raise Http404("no such scan")
    if scan.learner is not None:
        if scan.learner.erased_at is not None:
            raise Http404("no such scan")
        try:
            require(user, Action.VIEW, scan.learner)
        except PermissionDenied:
            raise Http404("no such scan") from None
    return scan


@transaction.atomic
def do_attach_prescan(actor: User, scan: m.SavedPrescan) -> m.SavedPrescan:
    """Keep the scan on the actor's own learner record; only the learner may do this."""
    learner = Learner.objects.filter(user_id=actor.pk, erased_at__isnull=True).first()
    if learner is None:
        raise PermissionDenied("only a learner can keep a pre-scan on their record")
    if scan.learner_id is not None:
        if scan.learner_id != learner.pk:
            raise PermissionDenied("this pre-scan is kept on another record")
        return scan
    scan.learner = learner
    scan.saved_at = timezone.now()
    scan.saved_by = actor
    scan.save(update_fields=["learner", "saved_at", "saved_by"])
    target = scan.document.get("target", {})
    name = target.get("name", "") if isinstance(target, dict) else ""
    audit(
        actor,
        learner,
        "prescan.saved",
        f"Vrijstellingsscan bewaard: {scan.target} {name}",
        {"target": scan.target, "have": scan.have, "token": scan.token[:6] + "…"},
    )
    return scan


def scans_of(learner: Learner) -> QuerySet[m.SavedPrescan]:
    return m.SavedPrescan.objects.filter(learner=learner)


@transaction.atomic
def purge_prescans(older_than_days: int = KEEP_ANONYMOUS_DAYS) -> int:
    """Delete unattached scans older than `older_than_days`; returns how many."""
    cutoff = timezone.now() - timedelta(days=older_than_days)
    deleted, _ = m.SavedPrescan.objects.filter(learner__isnull=True, created_at__lt=cutoff).delete()
    return deleted


def forget_learner(learner: Learner) -> None:
    """On erasure: the learner's kept scans go with the rest of the record."""
    m.SavedPrescan.objects.filter(learner=learner).delete()


def export_of(learner: Learner) -> list[dict[str, object]]:
    return [
        {
            "created_at": scan.created_at.isoformat(),
            "saved_at": scan.saved_at.isoformat() if scan.saved_at else None,
            "target": scan.target,
            "have": scan.have,
            "other": scan.other,
            "answers": scan.answers,
            "pathway": scan.pathway,
            "hours_per_week": scan.hours_per_week,
            "work_hours_per_week": scan.work_hours_per_week,
            "result": scan.document,
        }
        for scan in scans_of(learner)
    ]
