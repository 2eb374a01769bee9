"""The progress part of the JSON API, mounted by opmaat.api.app: per unit of the learner's
route whether it is complete and on what grounds, results and supervision levels."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router

from opmaat.api.schemas import DENIED
from opmaat.domain.access import Action
from opmaat.learners import services as learner_services
from opmaat.learners.access import access_learner
from opmaat.progress import services
from opmaat.progress.models import Assessment

router = Router(tags=["progress"])


@router.get("/learners/{int:pk}", response={200: dict[str, Any], **DENIED})
def learner_progress(request: HttpRequest, pk: int) -> dict[str, Any]:
    """Units of the route with their werkprocessen and grounds (and how many of the target's
    werkprocessen are met, each once), results, supervision levels."""
    learner = access_learner(request.user, pk, Action.VIEW)
    plan = learner_services.current_route(learner)
    codes = services.units_in_view(learner, plan.target if plan else None)
    counts = services.werkproces_counts(learner)
    return {
        "format": "opmaat-progress/1",
        "target": plan.target if plan else None,
        "werkprocessen": {"met": counts.met, "total": counts.total} if counts else None,
        "units": [
            {
                "code": u.code,
                "title": u.title,
                "complete": u.complete,
                "missing": list(u.missing),
                "outcomes": [
                    {"code": o.code, "met": o.met, "grounds": [g.describe() for g in o.grounds]}
                    for o in u.outcomes
                ],
                "grounds": [g.describe() for g in u.whole],
            }
            for u in services.unit_completions(learner, codes)
        ],
        "assessments": [
            {
                "code": a.code,
                "method": a.method,
                "result": a.result,
                "assessed_on": a.assessed_on.isoformat(),
                "assessor": a.assessor_label,
            }
            for a in Assessment.objects.filter(learner=learner)
        ],
        "entrustments": [
            {
                "activity": s.activity.code,
                "title": s.activity.title,
                "reserved": s.activity.reserved,
                "level": s.current.level if s.current else None,
                "since": s.current.decided_on.isoformat() if s.current else None,
                "ceiling": int(s.ceiling.level),
                "history": [{"level": d.level, "on": d.decided_on.isoformat()} for d in s.history],
            }
            for s in services.entrustment_states(learner, codes)
        ],
    }
