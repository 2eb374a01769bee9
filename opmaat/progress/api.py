"""The progress part of the JSON API, mounted by opmaat.api.app: per unit of the learner's
route whether it is complete and on what grounds, results and supervision levels."""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest
from ninja import Field, Router, Schema

from opmaat.api.schemas import DENIED
from opmaat.domain.access import Action
from opmaat.domain.credentials.grounds import ItemStatus, UnitCompletion
from opmaat.learners import services as learner_services
from opmaat.learners.access import access_learner
from opmaat.progress import services
from opmaat.progress.models import Assessment

router = Router(tags=["progress"])


class CountsOut(Schema):
    met: int
    total: int


class OutcomeProgressOut(Schema):
    code: str
    met: bool
    grounds: list[str] = Field(description="What credits the werkproces, in Dutch")

    @classmethod
    def from_domain(cls, item: ItemStatus) -> OutcomeProgressOut:
        return cls(code=item.code, met=item.met, grounds=[g.describe() for g in item.grounds])


class UnitProgressOut(Schema):
    code: str
    title: str
    complete: bool
    missing: list[str]
    outcomes: list[OutcomeProgressOut]
    grounds: list[str] = Field(description="What credits the unit as a whole, in Dutch")

    @classmethod
    def from_domain(cls, unit: UnitCompletion) -> UnitProgressOut:
        return cls(
            code=unit.code,
            title=unit.title,
            complete=unit.complete,
            missing=list(unit.missing),
            outcomes=[OutcomeProgressOut.from_domain(o) for o in unit.outcomes],
            grounds=[g.describe() for g in unit.whole],
        )


class AssessmentOut(Schema):
    code: str
    method: str
    result: str
    assessed_on: date
    assessor: str

    @classmethod
    def from_row(cls, a: Assessment) -> AssessmentOut:
        return cls(
            code=a.code,
            method=a.method,
            result=a.result,
            assessed_on=a.assessed_on,
            assessor=a.assessor_label,
        )


class LevelOut(Schema):
    level: int
    on: date


class EntrustmentOut(Schema):
    activity: str
    title: str
    reserved: bool
    level: int | None = Field(description="The current supervision level, if decided")
    since: date | None
    ceiling: int = Field(description="The highest level the completed prerequisites allow")
    history: list[LevelOut]

    @classmethod
    def from_state(cls, s: services.ActivityState) -> EntrustmentOut:
        return cls(
            activity=s.activity.code,
            title=s.activity.title,
            reserved=s.activity.reserved,
            level=s.current.level if s.current else None,
            since=s.current.decided_on if s.current else None,
            ceiling=int(s.ceiling.level),
            history=[LevelOut(level=d.level, on=d.decided_on) for d in s.history],
        )


class ProgressDocument(Schema):
    """A learner's progress (format `opmaat-progress/1`)."""

    format: str = Field(description="`opmaat-progress/1`")
    target: str | None = Field(description="The target of the current route, if any")
    werkprocessen: CountsOut | None = Field(
        description="How many of the target's werkprocessen are met, each counted once"
    )
    units: list[UnitProgressOut]
    assessments: list[AssessmentOut]
    entrustments: list[EntrustmentOut]


@router.get("/learners/{int:pk}", response={200: ProgressDocument, **DENIED})
def learner_progress(request: HttpRequest, pk: int) -> ProgressDocument:
    """Units of the route with their werkprocessen and grounds (and how many of the target's
    werkprocessen are met, each once), results, supervision levels."""
    learner = access_learner(request.user, pk, Action.VIEW)
    plan = learner_services.current_route(learner)
    codes = services.units_in_view(learner, plan.target if plan else None)
    counts = services.werkproces_counts(learner)
    return ProgressDocument(
        format="opmaat-progress/1",
        target=plan.target if plan else None,
        werkprocessen=CountsOut(met=counts.met, total=counts.total) if counts else None,
        units=[UnitProgressOut.from_domain(u) for u in services.unit_completions(learner, codes)],
        assessments=[AssessmentOut.from_row(a) for a in Assessment.objects.filter(learner=learner)],
        entrustments=[
            EntrustmentOut.from_state(s) for s in services.entrustment_states(learner, codes)
        ],
    )
