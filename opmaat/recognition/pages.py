"""What the intake and EVC pages show: context built from the services, and Dutch
explanations of the domain's refusals. Kept apart so the views stay thin."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.contrib.auth.models import User
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from opmaat.catalog.cache import current_catalog
from opmaat.domain.access import Action
from opmaat.domain.errors import DomainError
from opmaat.domain.recognition.assessment import unit_werkprocessen
from opmaat.domain.recognition.certificate import certificate_from_document
from opmaat.domain.recognition.evc import (
    TRANSITIONS,
    EvcState,
    reminder,
)
from opmaat.domain.routes import Track
from opmaat.learners import services as learners
from opmaat.learners.models import Learner
from opmaat.prescan import services as prescan
from opmaat.recognition import services
from opmaat.recognition.forms import (
    DecisionForm,
    EvidenceForm,
    JudgementForm,
    SessionForm,
)
from opmaat.recognition.models import (
    JUDGEMENT_LABELS,
    STATE_LABELS,
    EvcProcedure,
    Evidence,
    Intake,
    OutcomeJudgement,
)
from opmaat.ui.charts import Timeline, timeline
from opmaat.ui.errors import explain as explain_error

MOVE_LABELS = {
    (EvcState.INTAKE, EvcState.PORTFOLIO): gettext_lazy("Intake afronden, portfolio starten"),
    (EvcState.PORTFOLIO, EvcState.ASSESSMENT): gettext_lazy("Portfolio indienen voor beoordeling"),
    (EvcState.ASSESSMENT, EvcState.PORTFOLIO): gettext_lazy(
        "Terug naar portfolio: meer bewijs nodig"
    ),
    (EvcState.ASSESSMENT, EvcState.REPORT): gettext_lazy("Beoordeling afronden, rapport opstellen"),
    (EvcState.REPORT, EvcState.DECISION): gettext_lazy(
        "Ervaringscertificaat naar de examencommissie"
    ),
    (EvcState.DECISION, EvcState.CLOSED): gettext_lazy("Besluit vastleggen en afsluiten"),
}
STOP_LABEL = gettext_lazy("Traject stoppen")
PHASES = (
    EvcState.INTAKE,
    EvcState.PORTFOLIO,
    EvcState.ASSESSMENT,
    EvcState.REPORT,
    EvcState.DECISION,
    EvcState.CLOSED,
)


def explain(error: DomainError | ValueError) -> str:
    """A refusal in the user's language; a ValueError is a phase name that does not exist."""
    if isinstance(error, DomainError):
        return explain_error(error)
    return _("Die stap bestaat niet vanuit deze fase.")


# -- intake -----------------------------------------------------------------------------


def intake_initial(learner: Learner) -> dict[str, object]:
    """The form starts from the latest intake, else from the current route and its week."""
    last = services.current_intake(learner)
    if last is not None:
        return {
            "goal": last.goal,
            "target": last.target,
            "start": last.start,
            "pathway": last.pathway,
            "work_hours_per_week": last.work_hours_per_week or None,
            "hours_per_week": last.hours_per_week,
            "pace": last.pace,
            "exam_only": last.exam_only,
            "work_setting": last.work_setting,
            "employer": last.employer,
            "motivation": last.motivation,
            "support_needs": last.support_needs,
            "evc_units": last.evc_units,
        }
    plan = learners.current_route(learner)
    if plan is None:
        return {"start": timezone.localdate()}
    return {
        "target": plan.target,
        "start": timezone.localdate(),
        "pathway": plan.pathway,
        "work_hours_per_week": plan.work_hours_per_week or None,
        "hours_per_week": plan.hours_per_week,
        "pace": plan.pace,
        "exam_only": plan.exam_only,
        "evc_units": likely_units(learner, plan.target),
    }


def intake_input(data: Mapping[str, Any]) -> services.IntakeInput:
    """The intake from the form's cleaned data: the checked route request (IntakeForm)."""
    return services.IntakeInput(
        goal=data["goal"],
        request=data["request"],
        work_setting=data["work_setting"],
        employer=data.get("employer"),
        motivation=data["motivation"],
        support_needs=data["support_needs"],
        evc_units=tuple(data["evc_units"]),
    )


def saved_prescans(learner: Learner) -> list[dict[str, Any]]:
    """The learner's saved pre-scans, newest first, with the units worth pursuing through
    EVC (estimated likely or possible) picked out."""
    return [
        {
            "scan": scan,
            "target": scan.document["target"],
            "evc_candidates": [
                u for u in scan.document["units"] if u["estimate"] in ("likely", "possible")
            ],
        }
        for scan in prescan.scans_of(learner)
    ]


def likely_units(learner: Learner, target: str) -> list[str]:
    """The units the latest saved pre-scan for `target` estimated likely to be exempted."""
    scan = prescan.scans_of(learner).filter(target=target).first()
    if scan is None:
        return []
    return [u["code"] for u in scan.document["units"] if u["estimate"] == "likely"]


def advice_context(learner: Learner, intake: Intake) -> dict[str, object]:
    """The advice as saved: the route now and, when EVC is advised, the EVC phase and the
    route after it, each with its chart (a lane per track)."""
    advice = intake.advice
    evc = advice["evc"]
    today = timezone.localdate()
    after = evc["route_after"]
    return {
        "learner": learner,
        "intake": intake,
        "advice": advice,
        "evc": evc,
        "now": route_view(advice["route"], timeline(advice["route"], today)),
        "after": route_view(after, timeline(with_evc_phase(advice), today)) if after else None,
        "versions": Intake.objects.filter(learner=learner).only("version", "created_at"),
    }


def route_view(document: Mapping[str, Any], chart: Timeline) -> dict[str, object]:
    return {"document": document, "chart": chart}


def with_evc_phase(advice: Mapping[str, Any]) -> dict[str, Any]:
    """The route after EVC with the EVC phase drawn before it, for the chart."""
    after = advice["evc"]["route_after"]
    phase = {
        "code": "EVC",
        "title": _("EVC-traject"),
        "kind": "evc",
        # The EVC phase recognises vocational units: it heads their lane.
        "track": Track.VOCATIONAL.value,
        "hours": 0,
        "start": advice["start"],
        "end": advice["evc"]["end"],
    }
    return {**after, "start": advice["start"], "schedule": [phase, *after["schedule"]]}


# -- procedure --------------------------------------------------------------------------


def procedure_initial(learner: Learner) -> dict[str, object]:
    """Start from the latest intake's target and EVC units."""
    last = services.current_intake(learner)
    if last is None:
        return {}
    return {"standard": last.target, "units": last.evc_units}


def procedure_context(
    user: User, procedure: EvcProcedure, allowed: frozenset[Action]
) -> dict[str, Any]:
    """The procedure page: its phase for everyone who may see it; its content (werkprocessen
    and judgements, portfolio, sessions, certificate, decisions, history) only with
    VIEW_EVIDENCE, so nothing of it even reaches the template for anyone else."""
    state = EvcState(procedure.state)
    roles = services.roles_of(user, procedure)
    context: dict[str, Any] = {
        "procedure": procedure,
        "learner": procedure.learner,
        "state": state,
        "state_label": STATE_LABELS[state],
        "phases": [(p, STATE_LABELS[p]) for p in PHASES],
        "reminder": reminder(state, procedure.deadline, timezone.localdate()),
        "moves": [
            (t.target.value, MOVE_LABELS.get((t.source, t.target), STOP_LABEL))
            for t in TRANSITIONS
            # Recording a decision closes the procedure: no separate button for that.
            if t.source == state and t.movers & roles and t.target != EvcState.CLOSED
        ],
        "allowed": {a.value for a in allowed},
        "show_evidence": Action.VIEW_EVIDENCE in allowed,
    }
    if Action.VIEW_EVIDENCE in allowed:
        context.update(procedure_content(procedure, allowed, state))
    return context


def procedure_content(
    procedure: EvcProcedure, allowed: frozenset[Action], state: EvcState
) -> dict[str, Any]:
    latest = services.latest_judgements(procedure)
    evidence = list(procedure.evidence.select_related("added_by"))
    based_on = {"version": procedure.version}  # what each form's change is based on
    may_assess = Action.ASSESS in allowed and state == EvcState.ASSESSMENT
    may_add = Action.SUBMIT_EVIDENCE in allowed and state in (
        EvcState.INTAKE,
        EvcState.PORTFOLIO,
    )
    return {
        "steps": [
            (step, STATE_LABELS[EvcState(step.source)], STATE_LABELS[EvcState(step.target)])
            for step in procedure.steps.select_related("actor")
        ],
        "evidence": evidence,
        "rows": werkproces_rows(procedure, latest, evidence),
        "judgement_labels": {k.value: v for k, v in JUDGEMENT_LABELS.items()},
        "history": procedure.judgements.select_related("assessor").prefetch_related("evidence"),
        "sessions": procedure.sessions.select_related("assessor"),
        "certificate": services.current_certificate(procedure),
        "decisions": procedure.decisions.select_related("decided_by", "certificate"),
        "evidence_form": EvidenceForm(units=procedure.units) if may_add else None,
        "judgement_form": JudgementForm(
            initial=based_on, units=procedure.units, evidence=procedure.evidence.all()
        )
        if may_assess
        else None,
        "session_form": SessionForm(initial=based_on, units=procedure.units)
        if may_assess
        else None,
        "may_issue": Action.ASSESS in allowed and state == EvcState.REPORT,
        "decision_form": decision_form(procedure)
        if Action.DECIDE_EXEMPTION in allowed and state in (EvcState.DECISION, EvcState.CLOSED)
        else None,
    }


def werkproces_rows(
    procedure: EvcProcedure,
    latest: Mapping[str, OutcomeJudgement],
    evidence: Sequence[Evidence],
) -> list[dict[str, object]]:
    """Per unit in scope its werkprocessen, each with the judgement that counts and the
    evidence linked to it."""
    catalog = current_catalog()
    return [
        {
            "unit": u,
            "title": catalog.name_of(u),
            "outcomes": [
                {
                    "code": w,
                    "title": catalog.name_of(w),
                    "judgement": latest.get(w),
                    "evidence": [e for e in evidence if w in e.outcomes],
                }
                for w in unit_werkprocessen(catalog, u)
            ],
        }
        for u in procedure.units
    ]


def decision_form(
    procedure: EvcProcedure, data: Mapping[str, Any] | None = None
) -> DecisionForm | None:
    """The exam board's form over what the latest certificate recognises."""
    certificate = services.current_certificate(procedure)
    if certificate is None:
        return None
    cert = certificate_from_document(certificate.document)
    return DecisionForm(
        data, initial={"version": procedure.version}, units=cert.units, outcomes=cert.outcomes
    )
