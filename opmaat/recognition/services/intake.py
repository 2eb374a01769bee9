"""The intake interview and the development advice drawn from it, in versions."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Max

from opmaat.accounts.models import Organisation
from opmaat.catalog.cache import current_catalog
from opmaat.domain.access import Action
from opmaat.domain.recognition.advice import advice_document, compose_advice
from opmaat.domain.routes import RouteRequest
from opmaat.explanations import add_advice_texts
from opmaat.learners import services as learners
from opmaat.learners.access import require
from opmaat.learners.models import Learner
from opmaat.recognition.models import Intake


@dataclass(frozen=True, slots=True)
class IntakeInput:
    goal: str
    request: RouteRequest
    work_setting: str = ""
    employer: Organisation | None = None
    motivation: str = ""
    support_needs: str = ""
    evc_units: tuple[str, ...] = ()


def current_intake(learner: Learner) -> Intake | None:
    return (
        Intake.objects.filter(learner=learner)
        .select_related("created_by", "employer")
        .order_by("-version")
        .first()
    )


@transaction.atomic
def save_intake(actor: User, learner: Learner, data: IntakeInput) -> Intake:
    """A new version of the learner's intake with its advice, planned on the week the
    request states (pathway, contract and study hours, exams only); earlier versions stay."""
    require(actor, Action.PLAN, learner)
    Learner.objects.select_for_update().filter(pk=learner.pk).first()
    catalog = current_catalog()
    advice = compose_advice(catalog, learners.holdings_of(learner), data.request, data.evc_units)
    version = (Intake.objects.filter(learner=learner).aggregate(v=Max("version"))["v"] or 0) + 1
    intake = Intake.objects.create(
        learner=learner,
        version=version,
        goal=data.goal,
        target=advice.route.target.code,
        hours_per_week=advice.request.study_hours_per_week,
        work_hours_per_week=advice.route.time.work_hours,
        exam_only=list(advice.request.exam_only),
        work_setting=data.work_setting,
        employer=data.employer,
        pathway=advice.request.pathway.value,
        pace=advice.request.pace.value,
        start=data.request.start,
        motivation=data.motivation,
        support_needs=data.support_needs,
        evc_units=[i.code for i in advice.evc_units],
        advice=add_advice_texts(advice_document(catalog, advice)),
        created_by=actor,
    )
    learners.audit(
        actor,
        learner,
        "intake.saved",
        f"Intake en ontwikkeladvies versie {version}: {intake.target} {advice.route.target.name}",
        {
            "target": intake.target,
            "pathway": intake.pathway,
            "hours_per_week": intake.hours_per_week,
            "work_hours_per_week": intake.work_hours_per_week,
            "exam_only": intake.exam_only,
            "evc_units": intake.evc_units,
        },
    )
    return intake
