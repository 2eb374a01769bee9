"""The prescan part of the JSON API, mounted by opmaat.api.app: the pre-scan for anyone,
computed from what is posted; nothing is stored."""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest
from ninja import Field, Router, Schema

from opmaat.api.auth import PUBLIC, PublicRate
from opmaat.api.schemas import MAX_CODES, REFUSED, Code, Document, Number, Problem, TargetOut
from opmaat.domain.prescan.rules import Estimate
from opmaat.domain.prescan.scan import parse_can_do, prescan_document
from opmaat.domain.routes import MAX_HOURS_PER_WEEK, Leerweg, StudyTime, study_time
from opmaat.explanations import add_prescan_texts
from opmaat.prescan import services
from opmaat.ui.voice import voice

router = Router(tags=["prescan"])
Hours = float | None


class PrescanIn(Schema):
    target: Code = Field(description="Crebo, unit or certificate code")
    have: list[Code] = Field(
        default_factory=list,
        max_length=MAX_CODES,
        description="Codes held: diplomas (also superseded ones), certificates, prior education",
    )
    answers: dict[Code, Code] = Field(
        default_factory=dict,
        max_length=MAX_CODES,
        description="Werkproces code → never | with_help | on_my_own | teaches_others",
    )
    pathway: Leerweg = Field(Leerweg.BOL, description="BOL, BBL or derde_leerweg")
    study_hours_per_week: Hours = Field(
        None,
        ge=0,
        le=MAX_HOURS_PER_WEEK,
        description="BOL the whole week, BBL self-study; empty: the default",
    )
    hours_per_week: Hours = Field(
        None,
        ge=0,
        le=MAX_HOURS_PER_WEEK,
        description="Alias of study_hours_per_week",
    )
    work_hours_per_week: Hours = Field(
        None,
        ge=0,
        le=MAX_HOURS_PER_WEEK,
        description="BBL: contract hours at the training company",
    )
    start: date | None = Field(None, description="Start date of the route (default today)")

    def time(self) -> StudyTime:
        """The week asked for; InvalidInput (400) when it cannot be a week."""
        study = self.study_hours_per_week
        return study_time(
            self.pathway,
            self.hours_per_week if study is None else study,
            self.work_hours_per_week,
        )


class EquivalenceOut(Schema):
    source: str
    counts_for: list[str]
    note: str
    provisional: bool = False
    relevant: list[str] = Field([], description="Of counts_for, the codes on the way here")


class CoveredByOut(Schema):
    """The held code that covers a unit on its own."""

    code: str
    kind: str = Field(description="qualification, certificate, unit, prior_education, …")
    name: str


class UnitEstimateOut(Schema):
    code: str
    title: str
    hours: Number
    estimate: Estimate
    reason: str
    basis: str
    via: list[str]
    covered_by: CoveredByOut | None = None
    equivalences: list[EquivalenceOut]
    likely_at: str | None = Field(None, description="The bar the answers were judged at")
    possible_share: Number = 0.0
    rule_note: str = ""
    counted_outcomes: list[str]
    met_outcomes: list[str]
    answers: dict[str, str] = Field(description="Werkproces code → the answer counted")
    provisional: bool
    werkprocessen: list[str]
    credited_werkprocessen: list[str]
    hours_missing: Number


class WeekFacts(Schema):
    """The person's week and what it gives a year, against the norm."""

    pathway: Leerweg
    work_hours_per_week: Number
    school_hours_per_week: Number
    study_hours_per_week: Number
    study_load_per_year: Number
    study_year_hours: Number
    meets_bbl_norm: bool
    bbl_norm_top_up: bool
    teaching_weeks_per_year: Number


class PrescanDocument(Document):
    """The pre-scan of `opmaat prescan --json` (docs/cli.md)."""

    target: TargetOut
    have: list[str]
    units: list[UnitEstimateOut]
    counts: dict[str, int] = Field(description="Units per estimate")
    full_hours: Number
    remaining_hours: Number
    remaining_hours_pessimistic: Number
    generic_missing: list[str]
    elective_hours_missing: Number
    provisional: bool
    open: bool
    reason: str
    start: date
    pathway: Leerweg
    hours_per_week: Number = Field(description="The study hours, as study_hours_per_week")
    study_hours_per_week: Number
    work_hours_per_week: Number
    school_hours_per_week: Number
    study_load_per_year: Number
    nominal_months: Number
    full_months: Number
    months_remaining: Number
    months_remaining_pessimistic: Number
    completion_date: date
    completion_date_pessimistic: date
    werkprocessen: int
    credited_werkprocessen: int
    credited_werkprocessen_expected: int
    nothing_left: bool = False
    nothing_left_pessimistic: bool = False
    week: WeekFacts | None = None
    elective_hours_required: Number = 0
    elective_hours_applied: Number = 0
    elective_rule: str = ""
    electives_reduced: bool = False
    explanation: list[str] = Field(description="The sentences, in the request's language")


@router.post(
    "/",
    response={200: PrescanDocument, **REFUSED, 429: Problem},
    auth=None,
    throttle=PublicRate("prescan"),
    openapi_extra=PUBLIC,
    summary="Run the pre-scan (vrijstellingsscan)",
)
def run(request: HttpRequest, body: PrescanIn) -> dict[str, object]:
    """The document of `opmaat prescan --json` (docs/cli.md): per unit of the target the
    estimated chance of an exemption with its reason and werkprocessen, whether the target is
    open to the person, and the remaining hours and months on their pathway. A client may
    ask OPMAAT_PUBLIC_RATE_LIMIT pre-scans a minute (429 too_many_requests after)."""
    answers = {code: parse_can_do(value) for code, value in body.answers.items()}
    result = services.compute(body.target, body.have, answers, body.time(), body.start)
    return add_prescan_texts(prescan_document(result), voice())
